package claimreview

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/verdict"
)

// FromVerdicts returns the verdict to publish for every claim of r rated
// on the 1–5 scale (see [verdict.DefaultRatings]), for [Options.Verdicts]:
// its value and name, with the name as alternateName. Claims rated off
// the scale (value 0, such as those no longer holding) are left out. r is
// the result of [verdict.Compute] on v.
//
// Each verdict is dated by the newest evidence it rests on: the latest
// date (an appearance's own, else its source's) among the appearances of
// the claim and of the claims its reasons name in their own independent
// origins (Verdict.Origins: a relay, which adds no evidence, dates
// nothing), leaving out those dated after v's date. "Latest" is the date that ends last, the more precise
// among those ending on one day; a verdict with no dated evidence has no
// date. So an export run twice on one file gives one document, whatever
// the day.
//
// It costs O(claims of r + their reasons + the appearances and origins
// of the claims rated and named by reasons), each claim's appearances
// read once however many verdicts name it. [Select] narrows the result to what a
// desk publishes.
func FromVerdicts(v graph.View, r *verdict.Result) map[string]Verdict {
	m := make(map[string]Verdict)
	newest := map[string]claims.Date{} // of each claim seen, its newest dated appearance
	for _, vd := range r.Verdicts {
		if vd.Rating.Value >= WorstRating {
			m[vd.Claim] = Verdict{Name: vd.Rating.Name, Value: vd.Rating.Value, AlternateName: vd.Rating.Name,
				Date: evidenceDate(v, r, vd, newest)}
		}
	}
	return m
}

// evidenceDate is the date of the newest evidence verdict vd rests on in
// v (see [FromVerdicts]), the zero Date when none is dated. memo holds
// the newest date of each claim already read, and takes those it reads,
// so that a claim many verdicts name (one that many claims contradict)
// has its appearances read once.
func evidenceDate(v graph.View, r *verdict.Result, vd verdict.Verdict, memo map[string]claims.Date) claims.Date {
	var newest claims.Date
	see := func(id string) {
		if id == "" {
			return
		}
		d, ok := memo[id]
		if !ok {
			o, _ := r.Verdict(id)
			d = newestOf(v, id, o.Origins)
			memo[id] = d
		}
		if newer(d, newest) {
			newest = d
		}
	}
	see(vd.Claim)
	for _, rs := range vd.Reasons {
		see(rs.Claim)
		see(rs.By)
	}
	return newest
}

// newestOf is the newest date among the appearances of claim id in v (an
// appearance's own, else its source's) in its origins, leaving out those
// dated after v's date; the zero Date when none is dated or v holds no
// claim id.
func newestOf(v graph.View, id string, origins []string) claims.Date {
	var newest claims.Date
	c, _ := v.Claim(id)
	origin := func(s string) bool { return slices.Contains(origins, s) }
	if len(origins) > 16 { // a set, so that many origins cost linear time
		set := make(map[string]bool, len(origins))
		for _, o := range origins {
			set[o] = true
		}
		origin = func(s string) bool { return set[s] }
	}
	for _, a := range c.Appearances {
		if !origin(a.Source) {
			continue // a relay: no evidence of its own
		}
		d := a.Date
		if d.IsZero() {
			src, _ := v.SourceInfo(a.Source)
			d = src.Published
		}
		if !d.After(v.Date()) && newer(d, newest) {
			newest = d
		}
	}
	return newest
}

// newer reports whether d, not zero, is newer than newest: it ends
// later, or on the same day and is more precise; any date is newer than
// the zero Date.
func newer(d, newest claims.Date) bool {
	return !d.IsZero() && (newest.IsZero() || cmp.Or(d.Last().Compare(newest.Last()), d.First().Compare(newest.First())) > 0)
}

// Select returns the verdicts of m worth a review: with named empty, those
// of the claims contested in v (with a contradiction that holds in v and
// that time does not resolve, see [graph.View.Resolved]);
// otherwise those of the claims named, whether contested or not (an ID
// merged into a claim names that claim). An
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
			c, ok := v.Graph().View.Claim(id) // an ID merged into a claim names it
			if !ok {
				return nil, fmt.Errorf("claimreview: %w %s", ErrUnknownClaim, claims.Quote(id))
			}
			vd, ok := m[c.ID]
			if !ok {
				return nil, fmt.Errorf("claimreview: %w: %q", ErrNotRated, id)
			}
			out[c.ID] = vd
		}
		return out, nil
	}
	for r := range v.ContradictionPairs() {
		if v.Resolved(r) {
			continue // resolved by time: it contests neither claim
		}
		for _, id := range [2]string{r.From, r.To} {
			if vd, ok := m[id]; ok {
				out[id] = vd
			}
		}
	}
	return out, nil
}

// RatingNamed returns the rating of package graph/verdict that name
// names, in any case ("mostly FALSE" is Mostly false, 2), and whether
// there is one: the scale that published reviews share with the computed
// verdicts (see [verdict.DefaultRatings]; Outdated and Not yet holding
// have value 0, off the 1–5 scale). A desk's own rating ("Pants on
// Fire") is on no scale this package knows.
func RatingNamed(name string) (verdict.Rating, bool) {
	for _, r := range verdict.DefaultRatings {
		if strings.EqualFold(r.Rating.Name, name) {
			return r.Rating, true
		}
	}
	if strings.EqualFold(verdict.RatingUnproven.Name, name) { // the rating of no rule
		return verdict.RatingUnproven, true
	}
	return verdict.Rating{}, false
}

// FromReviews returns the verdict to publish for every claim of v with a
// published review (claims.Review): its rating, placed on the 1–5 scale
// by [RatingNamed] ("True" 5, "Mostly true" 4, "Mixed" and "Unproven" 3,
// "Mostly false" 2, "False" 1, in any case). A rating of another name,
// or off the scale (Outdated), has value 0: [Reviews] writes it as text
// alone, its alternateName without a ratingValue, as ClaimReview allows.
// Each verdict is dated by its review's date. It costs O(claims of v).
func FromReviews(v graph.View) map[string]Verdict {
	m := make(map[string]Verdict)
	for c := range v.Claims() {
		if r := c.Review; r != nil && r.Status == claims.Published {
			rating, _ := RatingNamed(r.Rating)
			m[c.ID] = Verdict{Name: r.Rating, Value: rating.Value, AlternateName: r.Rating, Date: r.Date}
		}
	}
	return m
}
