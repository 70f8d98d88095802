package evidence_test

import (
	"slices"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/evidence"
	"github.com/claimgraph/claimgraph/sources"
)

// TestCircularTrust: under trust, circular reporting (a cycle of sources
// drawing on each other, one origin) weighs what its least trusted
// source weighs, whatever the sources' IDs; Of finds the origins so, and
// so does IndependentWeighed, the Origins function a caller passes to
// find them alike; Independent, and Of without trust, name the smallest
// ID. It weighed the trust of its member of smallest ID: renaming a
// source changed the weight.
func TestCircularTrust(t *testing.T) {
	for _, ids := range [][2]string{{"a-video", "b-article"}, {"a-video", "0-article"}} {
		video, article := ids[0], ids[1]
		g := graph.New()
		if err := g.Apply(graph.Batch{
			Sources: []sources.Source{
				{ID: video, Kind: sources.Video, DerivedFrom: []sources.Derivation{{Source: article, Kind: sources.Cites}}},
				{ID: article, Kind: sources.NewsArticle, DerivedFrom: []sources.Derivation{{Source: video, Kind: sources.Quotes}}},
			},
			Claims: []claims.Claim{
				{ID: "x", Text: "X.", Appearances: []claims.Appearance{{Source: video}, {Source: article}}},
				{ID: "s", Text: "S.", Appearances: []claims.Appearance{{Source: video}, {Source: article}}},
			},
			Relations: []claims.Relation{{From: "s", To: "x", Kind: claims.Supports}},
		}); err != nil {
			t.Fatal(err)
		}
		trust := map[string]float64{video: 0.9, article: 0.2}
		for name, o := range map[string]evidence.Options{
			"default":            {Trust: trust},
			"IndependentWeighed": {Trust: trust, Origins: evidence.IndependentWeighed(trust, 0)},
		} {
			tab, err := evidence.Of(g.View, o)
			if err != nil {
				t.Fatal(err)
			}
			e, _ := tab.Claim("x")
			if !slices.Equal(e.Origins, []string{article}) || e.Weight != 0.2 || e.Lent != 0 {
				t.Errorf("%s, %s: x's origins %v, weight %v, lent %d; want [%s], 0.2, 0 (s lends the same origin)", article, name, e.Origins, e.Weight, e.Lent, article)
			}
		}
		smallest := min(video, article)
		for name, o := range map[string]evidence.Options{
			"no trust":    {},
			"Independent": {Trust: trust, Origins: evidence.Independent()},
		} {
			tab, err := evidence.Of(g.View, o)
			if err != nil {
				t.Fatal(err)
			}
			if e, _ := tab.Claim("x"); !slices.Equal(e.Origins, []string{smallest}) {
				t.Errorf("%s, %s: x's origins %v; want [%s], the smallest ID", article, name, e.Origins, smallest)
			}
		}
	}
}
