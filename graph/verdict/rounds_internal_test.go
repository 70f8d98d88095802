package verdict

import (
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/sources"
)

// TestRoundsStopAtTheCap: the rounds are bounded (a chain of supports can
// reject one more claim a round), and when they stop at the cap the
// result counts the rejected claims that still lend instead of hiding
// them. The red team's case needs 2 rounds; with the cap at 1, h is
// rejected and still lends to t.
func TestRoundsStopAtTheCap(t *testing.T) {
	b := graph.Batch{}
	for _, id := range []string{"o1", "d1", "d2", "d3", "post"} {
		b.Sources = append(b.Sources, sources.Source{ID: id, Kind: sources.NewsArticle})
	}
	app := func(ids ...string) []claims.Appearance {
		var out []claims.Appearance
		for _, id := range ids {
			out = append(out, claims.Appearance{Source: id})
		}
		return out
	}
	b.Claims = []claims.Claim{
		{ID: "h", Text: "H.", Appearances: app("o1")},
		{ID: "k", Text: "Not H.", Appearances: app("d1", "d2", "d3")},
		{ID: "t", Text: "T.", Appearances: app("post")},
	}
	b.Relations = []claims.Relation{
		{From: "h", To: "k", Kind: claims.Contradicts},
		{From: "h", To: "t", Kind: claims.Supports},
	}
	g := graph.New()
	if err := g.Apply(b); err != nil {
		t.Fatal(err)
	}
	r, err := Compute(g.View, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Rounds != 2 || r.Unsettled != 0 {
		t.Fatalf("uncapped: rounds %d, unsettled %d; want 2 and 0", r.Rounds, r.Unsettled)
	}
	defer func(n int) { maxRounds = n }(maxRounds)
	maxRounds = 1
	if r, err = Compute(g.View, Options{}); err != nil {
		t.Fatal(err)
	}
	tv, _ := r.Verdict("t")
	if r.Rounds != 1 || r.Unsettled != 1 || r.Silent["h"] || tv.Lent != 1 {
		t.Errorf("capped at 1: rounds %d, unsettled %d, silent %v, t lent %d; want 1, 1, none, 1",
			r.Rounds, r.Unsettled, r.Silent, tv.Lent)
	}
}
