package claimreview_test

import (
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/claimreview"
	"github.com/claimgraph/claimgraph/graph/verdict"
	"github.com/claimgraph/claimgraph/sources"
)

// TestDateLeavesOutRelays: a review is dated by the newest evidence its
// verdict rests on, and a relay is no evidence. x appears in a video of
// 1 January and in an article of 1 May that republishes it (one origin);
// y, of two articles of 1 February, defeats it. Both reviews were dated
// 1 May, by the republication; they are dated 1 February, the newest
// origin of either claim. The article dates x once it is an origin of
// its own (its derivation gone).
func TestDateLeavesOutRelays(t *testing.T) {
	for _, tt := range []struct {
		name    string
		derived []sources.Derivation
		want    claims.Date
	}{
		{"relay", []sources.Derivation{{Source: "o", Kind: sources.Republishes}}, claims.MustDate(2025, 2, 1)},
		{"own origin", nil, claims.MustDate(2025, 5, 1)},
	} {
		g := graph.New()
		if err := g.Apply(graph.Batch{
			Sources: []sources.Source{
				{ID: "o", Kind: sources.Video, Published: claims.MustDate(2025, 1, 1)},
				{ID: "r", Kind: sources.NewsArticle, Published: claims.MustDate(2025, 5, 1), DerivedFrom: tt.derived},
				{ID: "y1", Kind: sources.NewsArticle, Published: claims.MustDate(2025, 2, 1)},
				{ID: "y2", Kind: sources.NewsArticle, Published: claims.MustDate(2025, 2, 1)},
				{ID: "y3", Kind: sources.NewsArticle, Published: claims.MustDate(2025, 2, 1)},
			},
			Claims: []claims.Claim{
				{ID: "x", Text: "X.", Appearances: []claims.Appearance{{Source: "o"}, {Source: "r"}}},
				{ID: "y", Text: "Y.", Appearances: []claims.Appearance{{Source: "y1"}, {Source: "y2"}, {Source: "y3"}}},
			},
			Relations: []claims.Relation{{From: "x", To: "y", Kind: claims.Contradicts}},
		}); err != nil {
			t.Fatal(err)
		}
		r, err := verdict.Compute(g.View, verdict.Options{})
		if err != nil {
			t.Fatal(err)
		}
		m := claimreview.FromVerdicts(g.View, r)
		for _, id := range []string{"x", "y"} {
			if got := m[id].Date; got != tt.want {
				t.Errorf("%s: %s dated %v; want %v", tt.name, id, got, tt.want)
			}
		}
	}
}
