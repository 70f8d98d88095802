package timeline

import "github.com/claimgraph/claimgraph/claims"

// span is a validity as a half-open interval of days [lo, hi): lo is the
// first day on which it holds and hi the first day on which it no longer
// holds, both full days; a zero end is open.
type span struct{ lo, hi claims.Date }

func spanOf(v claims.Validity) span {
	if !v.At.IsZero() {
		return span{v.At.First(), v.End()}
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

// empty reports whether s holds on no day at all.
func (s span) empty() bool {
	return !s.lo.IsZero() && !s.hi.IsZero() && s.hi.Compare(s.lo) <= 0
}

// holdsAt reports whether s holds on some day of t; at the zero Date,
// whether it holds on any day.
func (s span) holdsAt(t claims.Date) bool {
	if s.empty() {
		return false
	}
	if t.IsZero() {
		return true
	}
	return (s.lo.IsZero() || s.lo.Compare(t.Last()) <= 0) &&
		(s.hi.IsZero() || t.First().Compare(s.hi) < 0)
}

// validity returns s as a period.
func (s span) validity() claims.Validity {
	return claims.Validity{From: s.lo, Until: s.hi}
}
