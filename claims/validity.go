package claims

import (
	"fmt"
	"math"
)

// Validity says when the state of affairs a claim (or a relation)
// describes holds, in the manner of Wikidata's start time, end time and
// point in time qualifiers.
//
// From is the first date on which it holds; Until is the first date on
// which it no longer holds (exclusive), so a claim valid until 2024-06-19
// holds on 18 June and not on 19 June. Either end may be open (zero).
// Ongoing says explicitly that there is no end yet ("still holds"), as
// opposed to an end that is merely unknown; for queries both are open.
// At is a point in time instead of a period and excludes the other fields.
// Occurred says the claim is an event that happened at that (partial)
// date: it holds from then on and never ends, as what happened stays
// true of the past; it excludes the other fields too.
// Partial dates stand for the days they cover: From 2024 starts on
// 1 January 2024, Until 2024 ends at the start of 2024, At 2024 is the
// whole year.
//
// The zero Validity says nothing: the claim holds at every date.
type Validity struct {
	From     Date
	Until    Date
	Ongoing  bool
	At       Date
	Occurred Date
}

// IsZero reports whether v says nothing about time.
func (v Validity) IsZero() bool { return v == Validity{} }

// Check reports a contradictory validity: Until not after From, Ongoing
// with an Until, or At combined with the other fields. Errors wrap
// [ErrInvalidValidity].
func (v Validity) Check() error {
	switch {
	case !v.Occurred.IsZero() && (!v.At.IsZero() || !v.From.IsZero() || !v.Until.IsZero() || v.Ongoing):
		return fmt.Errorf("%w: occurred cannot be combined with valid_at, valid_from, valid_until or still_holds", ErrInvalidValidity)
	case !v.At.IsZero() && (!v.From.IsZero() || !v.Until.IsZero() || v.Ongoing):
		return fmt.Errorf("%w: valid_at cannot be combined with valid_from, valid_until or still_holds", ErrInvalidValidity)
	case v.Ongoing && !v.Until.IsZero():
		return fmt.Errorf("%w: still_holds cannot be combined with valid_until %s", ErrInvalidValidity, v.Until)
	case !v.From.IsZero() && !v.Until.IsZero() && v.Until.start() <= v.From.start():
		return fmt.Errorf("%w: valid_until %s is not after valid_from %s", ErrInvalidValidity, v.Until, v.From)
	}
	return nil
}

// span returns the validity as a half-open interval of day ordinals.
func (v Validity) span() (lo, hi int32) {
	if !v.At.IsZero() {
		return v.At.start(), v.At.end()
	}
	lo, hi = math.MinInt32, math.MaxInt32
	if !v.Occurred.IsZero() {
		return v.Occurred.start(), hi
	}
	if !v.From.IsZero() {
		lo = v.From.start()
	}
	if !v.Until.IsZero() {
		hi = v.Until.start()
	}
	return lo, hi
}

// Holds reports whether v holds on some day of t: "as of 2024" is true for
// a claim that held in any part of 2024. Every validity holds at the zero
// Date, which means "no particular date".
func (v Validity) Holds(t Date) bool {
	if t.IsZero() {
		return true
	}
	lo, hi := v.span()
	return lo < t.end() && t.start() < hi
}

// Overlaps reports whether v and w share at least one day:
// [HoldTogether] of the two at no particular date, with no relation's
// validity to meet.
func (v Validity) Overlaps(w Validity) bool { return HoldTogether(Date{}, v, w, Validity{}) }

// HoldTogether reports whether the validities a, b and r all hold on one
// same day of t; at the zero Date, on one same day at all. It is the test
// of whether a contradiction is live: two claims valid for a and b,
// contradicting by a relation valid for r, attack each other as of t only
// when they hold together on some day of it. Otherwise time resolves
// their contradiction: a contradiction between claims whose validities
// never overlap is resolved by time, not open.
// As of 2024, a claim valid until 2024-06-19 and one valid from then each
// hold, but never on the same day, so they do not hold together. Pass the
// zero Validity for r to ask about the claims alone. O(1).
func HoldTogether(t Date, a, b, r Validity) bool {
	lo, hi := a.span()
	blo, bhi := b.span()
	rlo, rhi := r.span()
	lo, hi = max(lo, blo, rlo), min(hi, bhi, rhi)
	if !t.IsZero() {
		lo, hi = max(lo, t.start()), min(hi, t.end())
	}
	return lo < hi
}

// Ended reports whether v had stopped holding by every day of t: its end
// (Until, or the last day of At) is no later than the first day of t.
func (v Validity) Ended(t Date) bool {
	if t.IsZero() {
		return false
	}
	_, hi := v.span()
	return hi <= t.start()
}

// Began reports whether v had started holding by the first day of t.
func (v Validity) Began(t Date) bool {
	if t.IsZero() {
		return true
	}
	lo, _ := v.span()
	return lo <= t.start()
}

// End returns the date on which v stops holding: Until, or for a point in
// time the day after it; the zero Date when open, and for a point in time
// that ends on 9999-12-31, after which no Date exists.
func (v Validity) End() Date {
	if !v.At.IsZero() {
		last := v.At.Last()
		if last.year == 9999 && last.month == 12 && last.day == 31 {
			return Date{}
		}
		return DateOf(last.Time().AddDate(0, 0, 1))
	}
	return v.Until
}

// Start returns the first date on which v holds: From, At or Occurred;
// the zero Date when open.
func (v Validity) Start() Date {
	if !v.At.IsZero() {
		return v.At
	}
	if !v.Occurred.IsZero() {
		return v.Occurred
	}
	return v.From
}

// String describes v for reports: "from 2024-06-19", "2023 – 2024-06-19",
// "at 2024-06-19", "from 1961, still holds", or "always" for the zero
// Validity.
func (v Validity) String() string {
	switch {
	case v.IsZero():
		return "always"
	case !v.At.IsZero():
		return "at " + v.At.String()
	case !v.Occurred.IsZero():
		return "occurred " + v.Occurred.String()
	}
	s := ""
	switch {
	case !v.From.IsZero() && !v.Until.IsZero():
		s = v.From.String() + " – " + v.Until.String()
	case !v.From.IsZero():
		s = "from " + v.From.String()
	case !v.Until.IsZero():
		s = "until " + v.Until.String()
	default:
		s = "always"
	}
	if v.Ongoing {
		s += ", still holds"
	}
	return s
}
