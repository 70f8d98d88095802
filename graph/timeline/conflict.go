package timeline

import (
	"encoding"
	"fmt"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
)

// Status says where a contradiction stands at the date of a query.
type Status uint8

// The statuses of a [Conflict].
const (
	// Live: both claims and the relation hold together on some day of
	// the date (for the whole graph: on some day at all). The
	// contradiction is open and has to be settled by evidence.
	Live Status = iota + 1
	// ResolvedByTime: the validities of the two claims share no day, so
	// they never both hold; whatever the date, nothing is left to settle.
	ResolvedByTime
	// NotAtDate: the contradiction is live on some days, but not on any
	// day of the date asked about. Only a dated query reports it.
	NotAtDate
	// RelationLapsed: the claims hold together on some days, but the
	// relation's own validity covers none of them.
	RelationLapsed
)

var statusNames = [...]string{"invalid", "live", "resolved-by-time", "not-at-date", "relation-lapsed"}

// String returns "live", "resolved-by-time", "not-at-date" or
// "relation-lapsed".
func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return fmt.Sprintf("invalid(%d)", s)
}

// MarshalText implements [encoding.TextMarshaler] with [Status.String].
func (s Status) MarshalText() ([]byte, error) {
	if s == 0 || int(s) >= len(statusNames) {
		return nil, fmt.Errorf("timeline: invalid status %d", s)
	}
	return []byte(s.String()), nil
}

var _ encoding.TextMarshaler = Status(0)

var statusWords = [...]string{"", "live", "resolved by time (never both holding)",
	"not live at the date (live at other dates)", "relation lapsed (not valid while both hold)"}

// Words returns the words by which reports say where a contradiction
// stands: "live", "resolved by time (never both holding)", "not live at
// the date (live at other dates)" or "relation lapsed (not valid while
// both hold)". Every report of a contradiction the verdicts do not weigh
// ([graph.View.Resolved]) says which of the last three it is with them.
func (s Status) Words() string {
	if s == 0 || int(s) >= len(statusWords) {
		return s.String()
	}
	return statusWords[s]
}

// StatusOf returns the [Status] of the contradiction r as of v's date, as
// [Conflicts] would: for claims that v holds, [Live] exactly when
// [graph.View.Resolved] reports false. It reports 0 for a relation of another kind or one whose claims
// the graph does not hold. O(1): it reads the claims without their
// appearances ([graph.View.ClaimInfo]).
func StatusOf(v graph.View, r claims.Relation) Status {
	if r.Kind != claims.Contradicts {
		return 0
	}
	all := v.At(claims.Date{})
	a, okA := all.ClaimInfo(r.From)
	b, okB := all.ClaimInfo(r.To)
	if !okA || !okB {
		return 0
	}
	return classify(r, a, b, v.Date()).Status
}

// NotLive returns the [Status] of the contradiction r as of v's date when
// it is not live, the one test the commands that mark such contradictions
// share; 0 when it is live, when r is no contradiction and when v does
// not hold its claims. O(1).
func NotLive(v graph.View, r claims.Relation) Status {
	if st := StatusOf(v, r); st != Live {
		return st
	}
	return 0
}

// Conflict is one contradiction between two claims and where it stands at
// a date.
type Conflict struct {
	Relation claims.Relation
	Status   Status

	// Overlap is the period during which the contradiction is live: the
	// days on which both claims and the relation hold, From inclusive and
	// Until exclusive, both full days or open. It is set for every status
	// but ResolvedByTime, whose overlap is empty.
	Overlap claims.Validity

	// For ResolvedByTime: Earlier is the claim that holds first and Later
	// the claim that holds afterwards. Boundary is the date on which
	// Earlier stops holding (its end as written, see
	// [claims.Validity.End]) and LaterFrom the date on which Later starts
	// ([claims.Validity.Start]). They name the same day when the periods
	// meet ([Conflict.Adjacent]); otherwise neither claim holds between
	// them.
	Earlier, Later      string
	Boundary, LaterFrom claims.Date
}

// Adjacent reports whether a conflict resolved by time has one claim
// stop holding on the very day the other starts.
func (c Conflict) Adjacent() bool {
	return c.Status == ResolvedByTime && c.Boundary.First() == c.LaterFrom.First()
}

// Conflicts returns every contradiction of the graph that v reads, in the
// order the contradictions were added, each with its [Status] as of the
// date of v ([graph.View.Date]; the zero Date, as for the view embedded in
// a [graph.Graph], asks about all time). Live ones are those the view's
// [graph.View.ContradictionPairs] yields, except that a pair whose claims
// hold on different days of a partial date is not live: as of 2024, a
// claim valid until 2024-06-19 and one valid from then both hold, but
// never together, so their contradiction is resolved by time.
//
// It costs O(contradictions of the graph).
//
// It reads one state of the graph, a [graph.View.Snapshot] of v.
func Conflicts(v graph.View) []Conflict {
	// One state of the graph, all of it: the date is applied per pair.
	t := v.Date()
	all := v.Snapshot().At(claims.Date{})
	var out []Conflict
	for r := range all.ContradictionPairs() {
		a, _ := all.ClaimInfo(r.From)
		b, _ := all.ClaimInfo(r.To)
		out = append(out, classify(r, a, b, t))
	}
	return out
}

// classify finds the status of the contradiction r between a and b at t.
// Whether it is live is [claims.HoldTogether]'s answer, the one the
// verdicts weigh it by; the spans only say when.
func classify(r claims.Relation, a, b claims.Claim, t claims.Date) Conflict {
	c := Conflict{Relation: r}
	sa, sb := spanOf(a.Validity), spanOf(b.Validity)
	both := sa.meet(sb)
	if !claims.HoldTogether(claims.Date{}, a.Validity, b.Validity, claims.Validity{}) {
		c.Status = ResolvedByTime
		// Disjoint periods: one ends no later than the other starts.
		if sa.hi.IsZero() || sb.lo.IsZero() || sa.hi.Compare(sb.lo) > 0 {
			a, b = b, a
		}
		c.Earlier, c.Later = a.ID, b.ID
		c.Boundary, c.LaterFrom = a.Validity.End(), b.Validity.Start()
		return c
	}
	live := both.meet(spanOf(r.Validity))
	switch {
	case !claims.HoldTogether(claims.Date{}, a.Validity, b.Validity, r.Validity):
		c.Status, c.Overlap = RelationLapsed, both.validity()
	case claims.HoldTogether(t, a.Validity, b.Validity, r.Validity):
		c.Status, c.Overlap = Live, live.validity()
	default:
		c.Status, c.Overlap = NotAtDate, live.validity()
	}
	return c
}
