package diff_test

import (
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/diff"
)

// TestSourceChangeIsCause: when the sources carrying a claim come to
// derive from one another, its origins fall, and the reason names the
// sources that changed rather than "evidence further away".
func TestSourceChangeIsCause(t *testing.T) {
	const before = `claimgraph: 1
sources:
  - {id: s1, kind: news-article}
  - {id: s2, kind: news-article}
  - {id: s3, kind: news-article}
claims:
  - {id: p, text: P., appearances: [{source: s1}, {source: s2}, {source: s3}]}
`
	after := strings.Replace(before, "{id: s2, kind: news-article}", "{id: s2, kind: news-article, derived_from: [{source: s1, kind: republishes}]}", 1)
	read := func(text string) *graph.Graph {
		g, err := graph.ReadYAML(strings.NewReader(text), "g.yaml")
		if err != nil {
			t.Fatal(err)
		}
		return g
	}
	r, err := diff.Compare(read(before), read(after), diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Verdicts) != 1 {
		t.Fatalf("%d verdict changes, want 1 (p's origins): %+v", len(r.Verdicts), r.Verdicts)
	}
	got := r.Verdicts[0].Reason
	if !strings.Contains(got, "s2 changed (derived_from)") || strings.Contains(got, "further away") {
		t.Errorf("reason %q: want it to name s2's change", got)
	}
}
