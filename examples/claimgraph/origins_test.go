package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// circularYAML: a and b cite each other and nothing else; c quotes the
// video v. Claim "loop" appears only in a and b (a cycle with no exit:
// one circular origin); claim "relay" appears in c and v (one origin, v,
// from two sources: false corroboration).
const circularYAML = `claimgraph: 1
sources:
  - id: a
    kind: news-article
    derived_from: [{source: b, kind: cites}]
  - id: b
    kind: news-article
    derived_from: [{source: a, kind: cites}]
  - id: v
    kind: video
  - id: c
    kind: news-article
    derived_from: [{source: v, kind: quotes}]
claims:
  - id: loop
    text: A claim passed round.
    appearances: [{source: a}, {source: b}]
  - id: relay
    text: A claim relayed.
    appearances: [{source: c}, {source: v}]
`

func runCmd(t *testing.T, want int, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	if code := run(args, &out, &errb); code != want {
		t.Fatalf("%v: exit %d, want %d; stderr %s", args, code, want, errb.String())
	}
	return out.String()
}

func TestOriginsText(t *testing.T) {
	path := writeTemp(t, "c.yaml", circularYAML)
	want := "relay: 2 appearances in 2 sources, 1 independent origin\n" +
		"\norigin 1: v (video, primary), 2 appearances\n" +
		"  c -quotes-> v\n" +
		"  v\n" +
		"\ncircular reporting among its sources: none\n"
	if diff := cmp.Diff(want, runCmd(t, 0, "origins", path, "relay")); diff != "" {
		t.Errorf("origins (-want +got):\n%s", diff)
	}
}

func TestOriginsJSON(t *testing.T) {
	path := writeTemp(t, "c.yaml", circularYAML)
	var got map[string]any
	if err := json.Unmarshal([]byte(runCmd(t, 0, "origins", path, "loop", "--json")), &got); err != nil {
		t.Fatal(err)
	}
	cycle := map[string]any{"sources": []any{"a", "b"}, "loop": []any{"a", "b", "a"}}
	want := map[string]any{
		"claim": "loop", "appearances": 2.0, "sources": []any{"a", "b"}, "independent": 1.0,
		"origins": []any{map[string]any{
			"source": "a", "kind": "news-article", "class": "circular", "cycle": cycle,
			"appearances": []any{0.0, 1.0},
			"starts":      []any{0.0, 1.0},
			"steps": []any{
				map[string]any{"source": "a", "link": "", "to": "", "next": -1.0},
				map[string]any{"source": "b", "link": "", "to": "", "next": -1.0},
			},
		}},
		"cycles": []any{cycle},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("origins --json (-want +got):\n%s", diff)
	}
}

func TestCircular(t *testing.T) {
	path := writeTemp(t, "c.yaml", circularYAML)
	want := "derivation cycles among sources: 1\n" +
		"  a -> b -> a\n" +
		"\ncircular reporting by claim: 1\n" +
		"  loop: a -> b -> a\n" +
		"\nfalse corroboration: 2 claims\n" +
		"  loop: 2 appearances in 2 sources (2 publishers), 1 independent origin\n" +
		"  relay: 2 appearances in 2 sources (2 publishers), 1 independent origin\n"
	if diff := cmp.Diff(want, runCmd(t, 0, "circular", path)); diff != "" {
		t.Errorf("circular (-want +got):\n%s", diff)
	}
	var got jsonCircular
	if err := json.Unmarshal([]byte(runCmd(t, 0, "circular", path, "--json")), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Cycles) != 1 || len(got.Claims) != 1 || len(got.FalseCorroboration) != 2 {
		t.Errorf("circular --json: %+v", got)
	}
}

// TestCircularTwoCycles: a claim carried round two cycles of sources is
// one claim of two lines; the count said 1 over two lines, which read
// as a miscount.
func TestCircularTwoCycles(t *testing.T) {
	path := writeTemp(t, "c2.yaml", `claimgraph: 1
sources:
  - {id: a, kind: news-article, derived_from: [{source: b, kind: cites}]}
  - {id: b, kind: news-article, derived_from: [{source: a, kind: cites}]}
  - {id: c, kind: news-article, derived_from: [{source: d, kind: cites}]}
  - {id: d, kind: news-article, derived_from: [{source: c, kind: cites}]}
claims:
  - {id: loop, text: Round twice., appearances: [{source: a}, {source: b}, {source: c}, {source: d}]}
`)
	out := runCmd(t, 0, "circular", path)
	want := "\ncircular reporting by claim: 1 (2 cycles)\n  loop: a -> b -> a\n  loop: c -> d -> c\n"
	if !strings.Contains(out, want) {
		t.Errorf("circular:\n%s\nwant it to hold %q", out, want)
	}
}

func TestOriginsErrors(t *testing.T) {
	path := writeTemp(t, "c.yaml", circularYAML)
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"unknown claim", []string{"origins", path, "nope"}, 1},
		{"source as claim", []string{"origins", path, "a"}, 1},
		{"missing id", []string{"origins", path}, 2},
		{"circular extra arg", []string{"circular", path, "x"}, 2},
		{"missing file", []string{"circular", path + ".none"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { runCmd(t, tt.code, tt.args...) })
	}
}
