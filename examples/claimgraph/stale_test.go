package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestStaleText(t *testing.T) {
	chdirRoot(t)
	needFile(t, staleFixture)
	// The fixture says: only the appearance in fixture-article-2025
	// (2025-03-01) is stale, as the claim ended on 2024-06-19.
	want := "1 stale appearance\n" +
		"\n" +
		"DATE        SOURCE                CLAIM                    WHY\n" +
		"2025-03-01  fixture-article-2025  china-only-defence-pact  ended 2024-06-19\n"
	if diff := cmp.Diff(want, runOK(t, "stale", staleFixture)); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
}

func TestStaleJSON(t *testing.T) {
	// "new" (from 2024-03, two sources) beats "old" (always, one source):
	// old's appearance in s2025 is superseded; "gone" ended in 2020 and
	// appears, undated, in s2025, and with its own earlier date in s2019.
	path := writeTemp(t, "stale.yaml", `claimgraph: 1
sources:
  - {id: s2019, kind: other, published: 2019}
  - {id: s2024, kind: other, published: 2024-05}
  - {id: s2025, kind: other, published: 2025-01-02}
claims:
  - {id: old, text: Old, appearances: [{source: s2025}]}
  - {id: new, text: New, valid_from: 2024-03, appearances: [{source: s2024}, {source: s2025}]}
  - {id: gone, text: Gone, valid_until: 2020, appearances: [{source: s2025}, {source: s2025, date: 2019-12}]}
relations: [{from: old, to: new, kind: contradicts}]
`)
	want := staleReport{Count: 2, Stale: []staleJSON{
		{Claim: "old", Source: "s2025", Date: "2025-01-02", Reason: "superseded", By: "new", Since: "2024-03", Strength: 1, ByStrength: 2},
		{Claim: "gone", Source: "s2025", Date: "2025-01-02", Reason: "ended", Stopped: "2020"},
	}}
	out := runOK(t, "stale", path, "--json")
	var got staleReport
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("%v in:\n%s", err, out)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("JSON (-want +got):\n%s", diff)
	}
	text := runOK(t, "stale", path)
	if !strings.Contains(text, "superseded by new from 2024-03 (evidence 2 > 1)") {
		t.Errorf("text lacks the superseding claim:\n%s", text)
	}
}

func TestStaleNone(t *testing.T) {
	path := writeTemp(t, "none.yaml", "claimgraph: 1\nsources: [{id: s, kind: other, published: 2020}]\nclaims: [{id: a, text: A, appearances: [{source: s}]}]\n")
	if out := runOK(t, "stale", path); out != "0 stale appearances\n" {
		t.Errorf("output %q", out)
	}
	if out := runOK(t, "stale", path, "--json"); !strings.Contains(out, `"stale": []`) {
		t.Errorf("JSON %q: want an empty array", out)
	}
}

func TestStaleErrors(t *testing.T) {
	for _, tt := range []struct {
		args []string
		code int
	}{
		{[]string{"stale"}, 2},
		{[]string{"stale", "a.yaml", "b.yaml"}, 2},
		{[]string{"stale", "no-such-file.yaml"}, 1},
	} {
		var out, errb strings.Builder
		if code := run(tt.args, &out, &errb); code != tt.code || errb.Len() == 0 {
			t.Errorf("%v: exit %d, stderr %q; want %d and a message", tt.args, code, errb.String(), tt.code)
		}
	}
}
