package claimreview

import (
	"strings"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/verdict"
)

// FromVerdicts returns the verdict to publish for every claim of r rated
// on the 1–5 scale (see [verdict.DefaultRating]), for [Options.Verdicts]:
// its value and name, with the name as alternateName. Claims rated off
// the scale (value 0, such as those no longer holding) are left out. It
// costs O(claims of r).
func FromVerdicts(r *verdict.Result) map[string]Verdict {
	m := make(map[string]Verdict)
	for _, vd := range r.Verdicts {
		if vd.Rating.Value >= WorstRating {
			m[vd.Claim] = Verdict{Name: vd.Rating.Name, Value: vd.Rating.Value, AlternateName: vd.Rating.Name}
		}
	}
	return m
}

// ratingValues places the ratings of package graph/verdict, which
// published reviews use too, on the 1–5 scale.
var ratingValues = map[string]int{}

func init() {
	for _, r := range []verdict.Rating{verdict.RatingTrue, verdict.RatingMostlyTrue, verdict.RatingMixed,
		verdict.RatingUnproven, verdict.RatingMostlyFalse, verdict.RatingFalse} {
		ratingValues[strings.ToLower(r.Name)] = r.Value
	}
}

// FromReviews returns the verdict to publish for every claim of v with a
// published review (claims.Review): its rating, placed on the 1–5 scale
// by the names of the verdict ratings ("True" 5, "Mostly true" 4,
// "Mixed" and "Unproven" 3, "Mostly false" 2, "False" 1, in any case).
// A rating of another name has value 0, which [Reviews] reports as
// [ErrRating]. It costs O(claims of v).
func FromReviews(v graph.View) map[string]Verdict {
	m := make(map[string]Verdict)
	for c := range v.Claims() {
		if r := c.Review; r != nil && r.Status == claims.Published {
			m[c.ID] = Verdict{Name: r.Rating, Value: ratingValues[strings.ToLower(r.Rating)], AlternateName: r.Rating}
		}
	}
	return m
}
