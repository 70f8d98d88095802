package diff_test

import (
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/diff"
)

// readYAML reads a graph from YAML text, failing the test on an error.
func readYAML(t testing.TB, text string) *graph.Graph {
	t.Helper()
	g, err := graph.ReadYAML(strings.NewReader(text), "g.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestSourceChangeIsCause: when the sources carrying a claim come to
// derive from one another, its origins fall, and the reason names the
// sources that changed rather than "evidence further away"; so does the
// reason of a claim around it whose verdict moved with it (§ q, which
// said "evidence further away changed" though p, one step away, lost
// the origin).
func TestSourceChangeIsCause(t *testing.T) {
	const head = `claimgraph: 1
sources:
  - {id: s1, kind: news-article}
  - {id: s2, kind: news-article}
  - {id: s3, kind: news-article}
claims:
`
	for _, tt := range []struct {
		claims string
		want   int // verdict changes
	}{
		{"  - {id: p, text: P., appearances: [{source: s1}, {source: s2}, {source: s3}]}\n", 1},
		{"  - {id: p, text: P., appearances: [{source: s1}, {source: s2}]}\n  - {id: q, text: Not P., appearances: [{source: s3}]}\n" +
			"relations:\n  - {from: q, to: p, kind: contradicts}\n", 2}, // §
	} {
		before := head + tt.claims
		after := strings.Replace(before, "{id: s2, kind: news-article}", "{id: s2, kind: news-article, derived_from: [{source: s1, kind: republishes}]}", 1)
		r, err := diff.Compare(readYAML(t, before), readYAML(t, after), diff.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Verdicts) != tt.want {
			t.Fatalf("%d verdict changes, want %d: %+v", len(r.Verdicts), tt.want, r.Verdicts)
		}
		for _, v := range r.Verdicts {
			if !strings.Contains(v.Reason, "s2 changed (derived_from)") || strings.Contains(v.Reason, "further away") {
				t.Errorf("reason %q: want it to name s2's change", v.Reason)
			}
		}
	}
}

// TestTimeCauses: with time involved, items are compared over all time —
// a validity moved is a change of the item, never a relation removed
// while it is in both files — and the verdicts at the date; a claim
// accepted because time leaves its contradiction unweighed says so
// rather than that nothing contradicts it (red team 5, finding 5).
func TestTimeCauses(t *testing.T) {
	const base = `claimgraph: 1
sources:
  - {id: s1, kind: news-article}
  - {id: s2, kind: news-article}
  - {id: s3, kind: news-article}
claims:
  - {id: p1, text: P one., valid_until: 2024-06-19, appearances: [{source: s1}, {source: s2}]}
  - {id: q1, text: Q one., valid_from: 2024-06-18, appearances: [{source: s3}]}
  - {id: p2, text: P two., valid_at: 2024, appearances: [{source: s1}, {source: s2}]}
  - {id: q2, text: Q two., valid_at: 2024-12, appearances: [{source: s3}]}
  - {id: p4, text: P four., appearances: [{source: s1}, {source: s2}]}
  - {id: q4, text: Q four., appearances: [{source: s3}]}
relations:
  - {from: p1, to: q1, kind: contradicts}
  - {from: p2, to: q2, kind: contradicts}
  - {from: p4, to: q4, kind: contradicts, valid_from: 2022, valid_until: 2023}
`
	tests := []struct {
		name, from, to, at string
		claim, changed     string // the verdict changed, the item changed
		want               []string
		back               bool // compare the changed file with the base
	}{
		{"claim validity at a date", "valid_at: 2024-12", "valid_at: 2025-01", "2024",
			"q2", "claim q2", []string{"q2 changed (valid_at)"}, false},
		{"relation validity at a date", "valid_from: 2022, valid_until: 2023", "valid_from: 2023, valid_until: 2024", "2022",
			"q4", "relation p4 contradicts q4", []string{"relation p4 contradicts q4 changed (valid_from, valid_until)", "contradiction with p4 not live at 2022"}, false},
		{"resolved by time", "valid_from: 2024-06-18", "valid_from: 2024-06-19", "",
			"q1", "claim q1", []string{"q1 changed (valid_from)", "contradiction with p1 resolved by time"}, false},
		{"not holding at the date", "valid_at: 2024-12", "valid_at: 2024-01", "2024-12",
			"q2", "claim q2", []string{"q2 changed (valid_at)"}, false},
		// p1 held in 2025 and no longer does: q1 is accepted because p1
		// does not hold then, though their contradiction is live in 2024.
		{"rival not holding at the date", "valid_until: 2024-06-19", "valid_until: 2026", "2025",
			"q1", "claim p1", []string{"p1 changed (valid_until)", "p1 not holding at 2025"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			at, err := claims.ParseDate(tt.at)
			if err != nil {
				t.Fatal(err)
			}
			old, new := readYAML(t, base), readYAML(t, strings.Replace(base, tt.from, tt.to, 1))
			if tt.back {
				old, new = new, old
			}
			r, err := diff.Compare(old, new, diff.Options{At: at})
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Removed)+len(r.Added) != 0 || len(r.Changed) != 1 || r.Changed[0].Kind+" "+r.Changed[0].ID != tt.changed {
				t.Errorf("items: removed %v, added %v, changed %v; want only %s changed", r.Removed, r.Added, r.Changed, tt.changed)
			}
			got := ""
			for _, v := range r.Verdicts {
				if v.Claim == tt.claim {
					got = v.Reason
				}
			}
			if got == "" {
				t.Fatalf("verdict changes %+v, want one of %s", r.Verdicts, tt.claim)
			}
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("reason %q lacks %q", got, w)
				}
			}
			if strings.Contains(got, "removed") || strings.Contains(got, "nothing contradicts") {
				t.Errorf("reason %q: a false cause", got)
			}
		})
	}
}
