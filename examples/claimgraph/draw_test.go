package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/provenance"
)

// drawYAML: a supports b, b contradicts c, d stands alone.
const drawYAML = `claimgraph: 1
entities:
  - {id: kim, name: Kim Jong Un, kind: person}
sources:
  - {id: paper, title: A paper, kind: news-article}
claims:
  - {id: a, text: "A \"quoted\" claim", about: [kim], appearances: [{source: paper}]}
  - {id: b, text: B claim}
  - {id: c, text: C claim}
  - {id: d, text: D claim}
relations:
  - {from: a, to: b, kind: supports}
  - {from: b, to: c, kind: contradicts}
`

func runInterchange(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestDrawStdout(t *testing.T) {
	file := writeTemp(t, "g.yaml", drawYAML)
	tests := []struct {
		name        string
		args        []string
		has, hasNot []string
	}{
		{"default: related claims only", nil,
			[]string{`"a" -> "b"`, `"b" -> "c"`, `A \"quoted\" claim`},
			[]string{`"d" [`, `"kim" [`, `"paper" [`}},
		{"all", []string{"--all"}, []string{`"d" [`}, nil},
		{"entities and sources", []string{"--entities", "--sources"}, []string{`"kim" [`, `"paper" [`}, nil},
		{"neighbourhood depth 0", []string{"--claim", "b", "--depth", "0"},
			[]string{`"b" [`, `penwidth="3"`}, []string{`"a" [`, `"c" [`}},
		{"neighbourhood depth 1", []string{"--claim", "c"},
			[]string{`"b" [`, `"c" [`, `"b" -> "c"`}, []string{`"a" [`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runInterchange(t, append([]string{"draw", file}, tt.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			if !strings.HasPrefix(out, "digraph claimgraph {") {
				t.Errorf("stdout is not DOT: %s", out)
			}
			for _, s := range tt.has {
				if !strings.Contains(out, s) {
					t.Errorf("output lacks %s:\n%s", s, out)
				}
			}
			for _, s := range tt.hasNot {
				if strings.Contains(out, s) {
					t.Errorf("output has %s:\n%s", s, out)
				}
			}
		})
	}
}

func TestDrawVerdicts(t *testing.T) {
	file := writeTemp(t, "g.yaml", drawYAML)
	verdicts := writeTemp(t, "v.json", `{"a": "false"}`)
	code, out, errs := runInterchange(t, "draw", file, "--verdicts", verdicts)
	if code != 0 || !strings.Contains(out, `A \"quoted\" claim\n[FALSE]`) {
		t.Errorf("exit %d, stderr %s, output:\n%s", code, errs, out)
	}
	bad := writeTemp(t, "bad.json", `{"a": }`)
	if code, _, errs := runInterchange(t, "draw", file, "--verdicts", bad); code != 1 || !strings.Contains(errs, "bad.json") {
		t.Errorf("bad verdicts: exit %d, stderr %s; want 1 naming the file", code, errs)
	}
}

func TestDrawErrors(t *testing.T) {
	file := writeTemp(t, "g.yaml", drawYAML)
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"no file", []string{"draw"}, 2, "want one FILE"},
		{"two files", []string{"draw", file, file}, 2, "want one FILE"},
		{"negative depth", []string{"draw", file, "--claim", "a", "--depth", "-1"}, 2, "--depth"},
		{"json without -o", []string{"draw", file, "--json"}, 2, "--json needs -o"},
		{"no extension", []string{"draw", file, "-o", filepath.Join(t.TempDir(), "out")}, 2, "no extension"},
		{"unknown claim", []string{"draw", file, "--claim", "zzz"}, 1, "not found"},
		{"missing file", []string{"draw", filepath.Join(t.TempDir(), "none.yaml")}, 1, "none.yaml"},
		{"bad flag", []string{"draw", file, "--bogus"}, 2, "bogus"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := runInterchange(t, tt.args...)
			if code != tt.code || !strings.Contains(errs, tt.msg) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errs, tt.code, tt.msg)
			}
		})
	}
}

func TestDrawDOTFile(t *testing.T) {
	file := writeTemp(t, "g.yaml", drawYAML)
	out := filepath.Join(t.TempDir(), "g.dot")
	code, stdout, errs := runInterchange(t, "draw", file, "-o", out, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got drawReport
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("bad JSON %q: %v", stdout, err)
	}
	// a, b, c take part in the two relations; d does not.
	want := drawReport{Output: out, Format: "dot", DOT: out, Claims: 3, Relations: 2}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("report (-want +got):\n%s", diff)
	}
	data, err := os.ReadFile(out)
	if err != nil || !strings.HasPrefix(string(data), "digraph") {
		t.Errorf("%s: %v %q", out, err, data)
	}
}

func TestDrawWithoutGraphviz(t *testing.T) {
	defer func(f func() (string, error)) { lookDot = f }(lookDot)
	lookDot = func() (string, error) { return "", errors.New("not found in $PATH") }
	file := writeTemp(t, "g.yaml", drawYAML)
	dir := t.TempDir()
	code, _, errs := runInterchange(t, "draw", file, "-o", filepath.Join(dir, "g.svg"))
	if code != 1 || !strings.Contains(errs, "not installed") {
		t.Errorf("exit %d, stderr %q; want 1 and a message that dot is not installed", code, errs)
	}
	if data, err := os.ReadFile(filepath.Join(dir, "g.dot")); err != nil || !strings.HasPrefix(string(data), "digraph") {
		t.Errorf("DOT fallback g.dot: %v %q", err, data)
	}
	if _, err := os.Stat(filepath.Join(dir, "g.svg")); err == nil {
		t.Error("g.svg written without Graphviz")
	}
}

func TestDrawSVG(t *testing.T) {
	if _, err := exec.LookPath("dot"); err != nil {
		t.Skip("dot not installed (Debian package graphviz): ", err)
	}
	file := writeTemp(t, "g.yaml", drawYAML)
	out := filepath.Join(t.TempDir(), "g.svg")
	if code, _, errs := runInterchange(t, "draw", file, "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "<svg") || !strings.Contains(string(data), "A &quot;quoted&quot; claim") {
		t.Errorf("%s is not the SVG of the graph:\n%s", out, data)
	}
}

// TestDrawSeed draws the seed data set, the picture committed as
// kim-putin.svg, through dot.
func TestDrawSeed(t *testing.T) {
	if _, err := exec.LookPath("dot"); err != nil {
		t.Skip("dot not installed (Debian package graphviz): ", err)
	}
	seed := filepath.Join("..", "..", "testdata", "kim-putin.yaml")
	if _, err := os.Stat(seed); err != nil {
		t.Skip("seed data set absent: ", err)
	}
	out := filepath.Join(t.TempDir(), "kp.svg")
	if code, _, errs := runInterchange(t, "draw", seed, "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
}

// TestDrawDateLegendIDsOrigins draws the seed data with the options of
// issue 18 and checks each against the library's own answers.
func TestDrawDateLegendIDsOrigins(t *testing.T) {
	label := func(out, id string) string {
		i := strings.Index(out, "\t"+`"`+id+`" [label=`)
		if i < 0 {
			t.Fatalf("no node %s in:\n%s", id, out)
		}
		line, _, _ := strings.Cut(out[i:], "\n")
		return line
	}
	code, undated, errs := runInterchange(t, "draw", seedFile)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	code, dated, errs := runInterchange(t, "draw", seedFile, "--at", "2024-01-01", "--ids", "--origins")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	g, err := graph.Open(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	all, _ := computedLabels(&env{}, g.View)
	at, _ := computedLabels(&env{}, g.At(claims.MustDate(2024, 1, 1)))
	// The treaty: accepted for all time, not yet holding on 2024-01-01.
	id := "russia-dprk-defence-treaty-2024"
	if all[id] == at[id] {
		t.Fatalf("%s is %s both undated and as of 2024-01-01: no test of --at", id, all[id])
	}
	if l := label(undated, id); !strings.Contains(l, "["+strings.ToUpper(all[id])+"]") || strings.Contains(l, `label="`+id+`\n`) {
		t.Errorf("undated: %s", l)
	}
	if l := label(dated, id); !strings.Contains(l, "["+strings.ToUpper(at[id])+"]") || !strings.Contains(l, `label="`+id+`\n`) {
		t.Errorf("--at 2024-01-01 --ids: %s", l)
	}
	for out, title := range map[string]string{undated: "Verdicts for all time", dated: "Verdicts as of 2024-01-01"} {
		if !strings.Contains(out, "<b>"+title+"</b>") {
			t.Errorf("legend lacks %q", title)
		}
	}
	// --origins: an arrow from each drawn claim to each of its origins.
	rep, err := provenance.New(g.View).Claim("kim-staff-wiped-traces")
	if err != nil {
		t.Fatal(err)
	}
	for _, grp := range rep.Groups {
		edge := `"kim-staff-wiped-traces" -> "` + grp.Origin.Source + `" [label="origin"`
		if !strings.Contains(dated, edge) || strings.Contains(undated, edge) {
			t.Errorf("origin edge %s: in --origins drawing %v, in plain drawing %v", edge, strings.Contains(dated, edge), strings.Contains(undated, edge))
		}
	}
	if code, out, _ := runInterchange(t, "draw", seedFile, "--legend=false"); code != 0 || strings.Contains(out, "_legend") {
		t.Errorf("--legend=false: exit %d, legend drawn %v", code, strings.Contains(out, "_legend"))
	}
	for _, args := range [][]string{{"--at", "2024-13"}, {"--at", "2024", "--verdicts", "v.json"}} {
		if code, _, _ := runInterchange(t, append([]string{"draw", seedFile}, args...)...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

// TestDrawDepthWithoutClaim: --depth without --claim was silently
// ignored (the whole graph drawn); it is now a usage error.
func TestDrawDepthWithoutClaim(t *testing.T) {
	file := writeTemp(t, "g.yaml", drawYAML)
	code, out, errs := runInterchange(t, "draw", file, "--depth", "2")
	if code != 2 || out != "" || !strings.Contains(errs, "--depth counts relations away from the claim of --claim ID") {
		t.Errorf("--depth without --claim: exit %d, %d bytes, stderr %q; want 2, nothing and a sentence", code, len(out), errs)
	}
	if code, _, errs := runInterchange(t, "draw", file, "--claim", "b", "--depth", "2"); code != 0 {
		t.Errorf("--claim b --depth 2: exit %d: %s", code, errs)
	}
}
