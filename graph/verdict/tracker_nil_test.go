package verdict_test

import (
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/verdict"
	"github.com/claimgraph/claimgraph/sources"
)

// TestTrackerNoOriginsIsEmpty: a claim added with no appearance has no
// origins, an empty list as Compute gives it, not nil (red team: the
// Tracker's nil would print null where Compute's prints []).
func TestTrackerNoOriginsIsEmpty(t *testing.T) {
	g := graph.New()
	if err := g.Apply(graph.Batch{Sources: []sources.Source{{ID: "s", Kind: sources.NewsArticle}},
		Claims: []claims.Claim{{ID: "a", Text: "A.", Appearances: []claims.Appearance{{Source: "s"}}}}}); err != nil {
		t.Fatal(err)
	}
	tr, err := verdict.Track(g, verdict.Options{})
	if err != nil {
		t.Fatal(err)
	}
	b := graph.Batch{Claims: []claims.Claim{{ID: "bare", Text: "No appearance."}}}
	if err := g.Apply(b); err != nil {
		t.Fatal(err)
	}
	if _, err := tr.Update(b); err != nil {
		t.Fatal(err)
	}
	full, err := verdict.Compute(g.View, verdict.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := tr.Result().Verdict("bare")
	want, _ := full.Verdict("bare")
	if got.Origins == nil || len(got.Origins) != 0 || want.Origins == nil {
		t.Errorf("origins: tracker %#v, compute %#v; want both empty, not nil", got.Origins, want.Origins)
	}
}
