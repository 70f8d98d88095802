package verdict_test

import (
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/verdict"
	"github.com/claimgraph/claimgraph/sources"
)

// TestRatingWeighsTrust: a rating weighs a claim as its verdict does. A
// claim of two independent origins whose sources are distrusted (trust
// 0) has evidence 0: it was rated Mostly true by its count of origins
// while its verdict weighed nothing; it is Unproven. The same claim from
// two trusted sources is True (strength 0.75), and without trust its two
// origins count two.
func TestRatingWeighsTrust(t *testing.T) {
	g := graph.New()
	if err := g.Apply(graph.Batch{
		Sources: []sources.Source{{ID: "x1", Kind: sources.NewsArticle}, {ID: "x2", Kind: sources.NewsArticle}},
		Claims:  []claims.Claim{{ID: "a", Text: "A.", Appearances: []claims.Appearance{{Source: "x1"}, {Source: "x2"}}}},
	}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name  string
		trust map[string]float64
		want  verdict.Rating
	}{
		{"distrusted", map[string]float64{"x1": 0, "x2": 0}, verdict.RatingUnproven},
		{"one trusted", map[string]float64{"x1": 1, "x2": 0}, verdict.RatingUnproven},
		{"trusted", map[string]float64{"x1": 1, "x2": 1}, verdict.RatingTrue},
		{"no trust", nil, verdict.RatingTrue},
	} {
		r, err := verdict.Compute(g.View, verdict.Options{Trust: tt.trust})
		if err != nil {
			t.Fatal(err)
		}
		v := r.Verdicts[0]
		if v.Label != verdict.Accepted || v.Independent() != 2 || v.Rating != tt.want {
			t.Errorf("%s: %v, %d origins, evidence %v, rated %v; want accepted, 2, rated %v", tt.name, v.Label, v.Independent(), v.Evidence, v.Rating, tt.want)
		}
	}
}
