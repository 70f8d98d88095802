package timeline

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
)

// randomDate is a day, a month or a year of 2023-2024, from few, so that
// the ends of periods and the dates asked about often meet.
func randomDate(r *rand.Rand) claims.Date {
	y, m := 2023+r.IntN(2), []int{1, 6, 7}[r.IntN(3)]
	switch r.IntN(5) {
	case 0:
		return claims.MustDate(y, 0, 0)
	case 1:
		return claims.MustDate(y, m, 0)
	}
	return claims.MustDate(y, m, []int{1, 15, 30}[r.IntN(3)])
}

// randomValidity is always, a point in time, or a period open at one end
// or none.
func randomValidity(r *rand.Rand) claims.Validity {
	a, b := randomDate(r), randomDate(r)
	if b.Compare(a) < 0 {
		a, b = b, a
	}
	switch r.IntN(5) {
	case 0:
		return claims.Validity{}
	case 1:
		return claims.Validity{At: a}
	case 2:
		return claims.Validity{From: a}
	case 3:
		return claims.Validity{Until: b}
	}
	if !a.Before(b) {
		return claims.Validity{From: a}
	}
	return claims.Validity{From: a, Until: b}
}

// everyDay calls f with each day of d, stopping when it returns false,
// and reports whether none did.
func everyDay(d claims.Date, f func(claims.Date) bool) bool {
	last := d.Last().Time()
	for t := d.First().Time(); !t.After(last); t = t.AddDate(0, 0, 1) {
		if !f(claims.DateOf(t)) {
			return false
		}
	}
	return true
}

// TestTakeoverDayByDay: spared and superseders answer, for random rivals
// and dates (partial ones too), what asking each day of the date about
// each rival answers: the end of a claim stands at a date unless on one
// of its days a rival holds, as its relation does, and every one that
// does is weaker; the superseder is the first by start and ID of the
// stronger rivals that hold, as their relations do, on every day of the
// date, the claim having begun by its first and holding on one of them.
func TestTakeoverDayByDay(t *testing.T) {
	rounds := 3000 // a one-day gap between periods needs about as many
	if testing.Short() {
		rounds = 300
	}
	r := rand.New(rand.NewPCG(1, 2))
	for round := range rounds {
		c := claims.Claim{ID: "c", Validity: randomValidity(r)}
		var rivals []rival
		weaker := map[string]bool{}
		for i := range 1 + r.IntN(8) {
			o := rival{claims.Claim{ID: fmt.Sprint("o", i), Validity: randomValidity(r)}, claims.Validity{}}
			if r.IntN(3) == 0 {
				o.rel = randomValidity(r)
			}
			weaker[o.ID] = r.IntN(2) == 0
			rivals = append(rivals, o)
		}
		notWeaker := func(o, _ string) bool { return !weaker[o] }
		var dates []claims.Date
		for range 10 {
			dates = append(dates, randomDate(r))
		}
		spare := spared(c, rivals, notWeaker)
		var strong []rival
		for _, o := range rivals {
			if !weaker[o.ID] {
				strong = append(strong, o)
			}
		}
		took := superseders(c, append([]rival(nil), strong...), dates)
		for _, d := range dates {
			stands := everyDay(d, func(day claims.Date) bool {
				w, s := false, false
				for _, o := range rivals {
					if claims.HoldTogether(day, o.Validity, o.rel, claims.Validity{}) {
						w, s = w || weaker[o.ID], s || !weaker[o.ID]
					}
				}
				return !w || s
			})
			if got := !meets(spare, daysIn(d)); got != stands {
				t.Errorf("round %d, %v: the end stands %v, day by day %v (c %v, rivals %+v)", round, d, got, stands, c.Validity, rivals)
			}
			var want claims.Claim
			for _, o := range strong {
				holds := func(day claims.Date) bool { return o.Validity.Holds(day) && o.rel.Holds(day) }
				if !c.Validity.Began(d) || !everyDay(d, holds) || !claims.HoldTogether(d, c.Validity, o.Validity, o.rel) {
					continue
				}
				if want.ID == "" || cmp.Or(o.Validity.Start().Compare(want.Validity.Start()), strings.Compare(o.ID, want.ID)) < 0 {
					want = o.Claim
				}
			}
			if got := took[d]; got.ID != want.ID {
				t.Errorf("round %d, %v: superseder %q, day by day %q (c %v, rivals %+v)", round, d, got.ID, want.ID, c.Validity, rivals)
			}
		}
	}
}
