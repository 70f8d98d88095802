package claimreview

import "github.com/claimgraph/claimgraph/graph/verdict"

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
