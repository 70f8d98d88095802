package timeline

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph/claims"
)

// The rivals of one claim, weighed for all the dates of its appearances
// at once: which days spare an ended claim (Stale's reason Ended), and
// which rival takes over from it at a date (Superseded). Each costs
// O((k + dates) log k) for k rivals, where asking each date about every
// rival cost O(dates × k log k), quadratic on a claim repeated on many
// dates that many claims contradict.

// days is a run of days [lo, hi), numbered without gaps (day), open
// ends at the extremes of int64.
type days struct{ lo, hi int64 }

// day numbers the full day d: consecutive days, consecutive numbers.
func day(d claims.Date) int64 { return d.Time().Unix() / 86400 }

// daysOf returns the days of s.
func daysOf(s span) days {
	r := days{math.MinInt64, math.MaxInt64}
	if !s.lo.IsZero() {
		r.lo = day(s.lo)
	}
	if !s.hi.IsZero() {
		r.hi = day(s.hi)
	}
	return r
}

// daysIn returns the days date d covers: one for a full date, a month's
// or a year's for a partial one.
func daysIn(d claims.Date) days { return days{day(d.First()), day(d.Last()) + 1} }

// taking returns the days on which rival o can take over: it holds, as
// its relation does. Empty (lo ≥ hi) when they never hold together.
func taking(o rival) days { return daysOf(spanOf(o.Validity).meet(spanOf(o.rel))) }

// union returns the days of rs, as sorted runs that neither overlap nor
// touch. It sorts rs.
func union(rs []days) []days {
	rs = slices.DeleteFunc(rs, func(r days) bool { return r.lo >= r.hi })
	slices.SortFunc(rs, func(a, b days) int { return cmp.Compare(a.lo, b.lo) })
	var out []days
	for _, r := range rs {
		if n := len(out); n > 0 && r.lo <= out[n-1].hi {
			out[n-1].hi = max(out[n-1].hi, r.hi)
			continue
		}
		out = append(out, r)
	}
	return out
}

// minus returns the days of a that b does not cover, both as union
// returns them.
func minus(a, b []days) []days {
	var out []days
	j := 0
	for _, r := range a {
		for j < len(b) && b[j].hi <= r.lo {
			j++
		}
		lo := r.lo
		for k := j; k < len(b) && b[k].lo < r.hi; k++ {
			if b[k].lo > lo {
				out = append(out, days{lo, b[k].lo})
			}
			lo = max(lo, b[k].hi)
		}
		if lo < r.hi {
			out = append(out, days{lo, r.hi})
		}
	}
	return out
}

// spared returns the days on which a rival of c has taken over from it
// and every rival that has is weaker than c or rejected (not notWeaker):
// an ended claim repeated on such a day is not stale, as its end does
// not stand against that rival (see Stale). O(k log k).
func spared(c claims.Claim, rivals []rival, notWeaker func(o, c string) bool) []days {
	var weak, strong []days
	for _, o := range rivals {
		if t := taking(o); t.lo < t.hi {
			if notWeaker(o.ID, c.ID) {
				strong = append(strong, t)
			} else {
				weak = append(weak, t)
			}
		}
	}
	return minus(union(weak), union(strong))
}

// meets reports whether the sorted runs rs share a day with r.
func meets(rs []days, r days) bool {
	i := sort.Search(len(rs), func(i int) bool { return rs[i].hi > r.lo })
	return i < len(rs) && rs[i].lo < r.hi
}

// superseders returns, for each of dates, the rival that takes over from
// claim c at it, when one does: among strong, the rivals stronger than
// c, one that holds on every day of the date, as its relation does,
// when c has begun by its first day and holds on one of its days (then
// they hold together, claims.HoldTogether); of several, the one with the
// earliest start, then the first ID. A sweep over the dates in order of
// their first day, with the rivals begun by then in a tree over their
// ends (a Fenwick tree of the first rival by start, among those ending
// no earlier than a given day): O((k + dates) log k). It sorts strong.
func superseders(c claims.Claim, strong []rival, dates []claims.Date) map[claims.Date]claims.Claim {
	out := make(map[claims.Date]claims.Claim)
	if len(strong) == 0 {
		return out
	}
	slices.SortFunc(strong, func(a, b rival) int {
		return cmp.Or(a.Validity.Start().Compare(b.Validity.Start()), strings.Compare(a.ID, b.ID))
	})
	runs := make([]days, len(strong))
	ends := make([]int64, len(strong))
	byLo := make([]int, len(strong))
	for i, o := range strong {
		runs[i] = taking(o)
		ends[i], byLo[i] = runs[i].hi, i
	}
	slices.SortFunc(ends, func(a, b int64) int { return cmp.Compare(b, a) }) // latest first
	ends = slices.Compact(ends)
	slices.SortFunc(byLo, func(a, b int) int { return cmp.Compare(runs[a].lo, runs[b].lo) })
	// later(h) is the number of distinct ends no earlier than h: the
	// tree's slots 1 to later(h) hold the rivals that end then.
	later := func(h int64) int { return sort.Search(len(ends), func(i int) bool { return ends[i] < h }) }
	none := len(strong)
	tree := make([]int, len(ends)+1)
	for i := range tree {
		tree[i] = none
	}
	type query struct {
		d    claims.Date
		days days
	}
	var qs []query
	for _, d := range dates {
		if c.Validity.Began(d) && c.Validity.Holds(d) {
			qs = append(qs, query{d, daysIn(d)})
		}
	}
	slices.SortFunc(qs, func(a, b query) int { return cmp.Compare(a.days.lo, b.days.lo) })
	next := 0
	for _, q := range qs {
		for ; next < len(byLo) && runs[byLo[next]].lo <= q.days.lo; next++ {
			o := byLo[next]
			for s := later(runs[o].hi); s < len(tree); s += s & -s {
				tree[s] = min(tree[s], o)
			}
		}
		best := none
		for s := later(q.days.hi); s > 0; s -= s & -s {
			best = min(best, tree[s])
		}
		if best != none {
			out[q.d] = strong[best].Claim
		}
	}
	return out
}
