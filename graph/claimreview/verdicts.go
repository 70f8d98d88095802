package claimreview

import (
	"fmt"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/verdict"
)

// FromVerdicts returns the verdict to publish for every claim of r rated
// on the 1–5 scale (see [verdict.DefaultRatings]), for [Options.Verdicts]:
// its value and name, with the name as alternateName. Claims rated off
// the scale (value 0, such as those no longer holding) are left out. It
// costs O(claims of r). [Select] narrows the result to what a desk
// publishes.
func FromVerdicts(r *verdict.Result) map[string]Verdict {
	m := make(map[string]Verdict)
	for _, vd := range r.Verdicts {
		if vd.Rating.Value >= WorstRating {
			m[vd.Claim] = Verdict{Name: vd.Rating.Name, Value: vd.Rating.Value, AlternateName: vd.Rating.Name}
		}
	}
	return m
}

// Select returns the verdicts of m worth a review: with named empty, those
// of the claims contested in v (with a contradiction that holds in v);
// otherwise those of the claims named, whether contested or not. An
// uncontested claim has nothing to check against, and publishing its
// rating would present the absence of a contradiction as a finding. A
// named claim that v's graph does not hold is an error wrapping
// [ErrUnknownClaim]; one that m does not rate (such as a claim no longer
// holding at v's date) wraps [ErrNotRated]. It costs O(claims of m + contradictions of
// v) with named empty, O(len(named)) otherwise.
func Select(v graph.View, m map[string]Verdict, named []string) (map[string]Verdict, error) {
	out := make(map[string]Verdict)
	if len(named) > 0 {
		for _, id := range named {
			if _, ok := v.Graph().View.Claim(id); !ok {
				return nil, fmt.Errorf("claimreview: %w %q", ErrUnknownClaim, id)
			}
			vd, ok := m[id]
			if !ok {
				return nil, fmt.Errorf("claimreview: %w: %q", ErrNotRated, id)
			}
			out[id] = vd
		}
		return out, nil
	}
	for r := range v.ContradictionPairs() {
		for _, id := range [2]string{r.From, r.To} {
			if vd, ok := m[id]; ok {
				out[id] = vd
			}
		}
	}
	return out, nil
}
