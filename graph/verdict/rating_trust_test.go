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
// origins count two. Two of established trust (0.9) corroborate it
// (Corroboration: evidence 1.8, Mostly true at strength 0.71); two at
// 0.85 do not.
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
		{"established", map[string]float64{"x1": verdict.EstablishedTrust, "x2": verdict.EstablishedTrust}, verdict.RatingMostlyTrue},
		{"below established", map[string]float64{"x1": 0.85, "x2": 0.85}, verdict.RatingUnproven},
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

// TestRatingPrimary: "true needs independent corroboration or a primary
// source of established trust" (DOMAIN.md). A claim whose one origin is
// an official statement that the trust map trusts at 0.95 is True, from
// Compute and from the Tracker alike; at 0.8, from a news article trusted
// at 1, without trust, or trusted but contradicted by a stronger claim,
// it is not.
func TestRatingPrimary(t *testing.T) {
	for _, tt := range []struct {
		name    string
		kind    sources.Kind
		trust   map[string]float64
		against bool // b, from two trusted sources, contradicts a
		primary float64
		want    verdict.Rating
	}{
		{"established", sources.OfficialStatement, map[string]float64{"x": 0.95}, false, 0.95, verdict.RatingTrue},
		{"a video", sources.Video, map[string]float64{"x": 0.9}, false, 0.9, verdict.RatingTrue},
		{"not established", sources.OfficialStatement, map[string]float64{"x": 0.8}, false, 0.8, verdict.RatingUnproven},
		{"not primary", sources.NewsArticle, map[string]float64{"x": 1}, false, 0, verdict.RatingUnproven},
		{"trust unknown", sources.OfficialStatement, map[string]float64{"y1": 1}, false, 0, verdict.RatingUnproven},
		{"no trust", sources.OfficialStatement, nil, false, 0, verdict.RatingUnproven},
		{"defeated", sources.OfficialStatement, map[string]float64{"x": 0.95, "y1": 1, "y2": 1}, true, 0.95, verdict.RatingFalse},
	} {
		t.Run(tt.name, func(t *testing.T) {
			g := graph.New()
			b := graph.Batch{
				Sources: []sources.Source{{ID: "x", Kind: tt.kind}, {ID: "y1", Kind: sources.NewsArticle}, {ID: "y2", Kind: sources.NewsArticle}},
				Claims: []claims.Claim{
					{ID: "a", Text: "A.", Appearances: []claims.Appearance{{Source: "x"}}},
					{ID: "b", Text: "B.", Appearances: []claims.Appearance{{Source: "y1"}, {Source: "y2"}}},
				},
			}
			if tt.against {
				b.Relations = []claims.Relation{{From: "b", To: "a", Kind: claims.Contradicts}}
			}
			if err := g.Apply(b); err != nil {
				t.Fatal(err)
			}
			// The Tracker's verdicts are Compute's (computeAndTrack).
			r := computeAndTrack(t, g, verdict.Options{Trust: tt.trust})
			if v, _ := r.Verdict("a"); v.Primary != tt.primary || v.Rating != tt.want {
				t.Errorf("a: %v, primary %v, rated %v; want primary %v, rated %v", v.Label, v.Primary, v.Rating, tt.primary, tt.want)
			}
		})
	}
}
