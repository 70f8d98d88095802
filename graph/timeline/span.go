package timeline

import "github.com/claimgraph/claimgraph/claims"

// span is a validity as a half-open interval of days [lo, hi): lo is the
// first day on which it holds and hi the first day on which it no longer
// holds, both full days; a zero end is open.
type span struct{ lo, hi claims.Date }

func spanOf(v claims.Validity) span {
	switch {
	case !v.At.IsZero():
		return span{v.At.First(), v.End()}
	case !v.Occurred.IsZero(): // an event holds from then on
		return span{v.Occurred.First(), claims.Date{}}
	}
	return span{v.From.First(), v.Until.First()}
}

// meet returns the days s and o share.
func (s span) meet(o span) span {
	if s.lo.IsZero() || (!o.lo.IsZero() && o.lo.Compare(s.lo) > 0) {
		s.lo = o.lo
	}
	if s.hi.IsZero() || (!o.hi.IsZero() && o.hi.Compare(s.hi) < 0) {
		s.hi = o.hi
	}
	return s
}

// validity returns s as a period.
func (s span) validity() claims.Validity {
	return claims.Validity{From: s.lo, Until: s.hi}
}
