package queue

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/claimreview"
	"github.com/claimgraph/claimgraph/graph/evidence"
	"github.com/claimgraph/claimgraph/graph/timeline"
	"github.com/claimgraph/claimgraph/graph/verdict"
)

// Item is one claim of the queue and why it is there.
type Item struct {
	Claim     string
	Published string   // the published rating, "" for none
	Suggested string   // the rating of the computed verdict
	Label     string   // the computed verdict's label: "accepted", "rejected", "undecided"...
	Reasons   []string // "rated False, the evidence now suggests Mostly true", "evidence changed: contradictions 0 → 1", "contested, left open by the evidence"
	// Evidence is the claim's evidence digest now ([evidence.Digests]),
	// of the whole graph whatever the view's date: what a review records
	// (claims.Review.Evidence) to be told later that the evidence moved.
	Evidence string
	// Disagrees, EvidenceChanged and Contested say which rule put the
	// claim in the queue; UnknownScale that its published rating is on
	// no scale the verdicts know (a desk's own), so not compared.
	// Contested means a live contradiction, as [claimreview.Select]
	// selects the claims worth a review: a claim whose contradictions are
	// none of them live is not contested (see ResolvedByTime).
	Disagrees, EvidenceChanged, Contested, UnknownScale bool
	// Contradictions counts the claims contradicting it; Open those of
	// them whose contradiction is live (not resolved by time) and still
	// at stake: the contradicting claim is not rejected, and it did not
	// defeat this one (accepted against this claim rejected). A rejected
	// opponent contests nothing, whatever this claim's label: two claims
	// rejected by others leave nothing open between them.
	Contradictions, Open int
	// ResolvedByTime: the claim has contradictions and time leaves none
	// of them live ([graph.View.Resolved]): the two claims never hold
	// together, or the relation lapsed while both hold ([timeline.Status]).
	// The verdicts do not weigh them; with no review, the claim comes
	// last among those to review, its reason saying which.
	ResolvedByTime bool
}

// Tiers of a contested claim with no review, most pressing first.
const (
	tierOpen    = iota // the verdict leaves it undecided
	tierAtStake        // decided, but some contradiction is still at stake (Item.Open)
	tierSettled        // no live contradiction at stake: every opponent rejected, or accepted against the claim rejected
	tierTime           // no contradiction live (not contested)
)

// tier places a contested claim with no review.
func (it *Item) tier() int {
	switch {
	case it.ResolvedByTime:
		return tierTime
	case it.Label == verdict.Undecided.String():
		return tierOpen
	case it.Open > 0:
		return tierAtStake
	}
	return tierSettled
}

// rank orders the rules: published reviews first, those with both
// problems before those with one, disagreement before moved evidence;
// then the contested claims by tier; last the published ratings on an
// unknown scale with nothing else to look at.
func (it *Item) rank() int {
	switch {
	case it.Disagrees && it.EvidenceChanged:
		return 0
	case it.Disagrees:
		return 1
	case it.EvidenceChanged:
		return 2
	case it.Contested || it.ResolvedByTime && !it.UnknownScale:
		// A rating on an unknown scale whose contradictions are none of
		// them live has nothing else to look at: it goes last.
		return 3 + it.tier()
	}
	return 3 + tierTime + 1
}

// Items returns the queue of view v, whose verdicts r are (see
// [verdict.Compute]). It costs O(claims + relations of v), and, when
// some claim needs its evidence digest, what [evidence.DigestsOf] costs,
// once.
func Items(v graph.View, r *verdict.Result) ([]Item, error) {
	v = v.Snapshot()
	status := map[[2]string]timeline.Status{}
	for _, c := range timeline.Conflicts(v) {
		status[pairOf(c.Relation)] = c.Status
	}
	// The digests are of the whole graph whatever v's date (see
	// evidence.Digests), weighed once, when the first is needed.
	var dig *evidence.Digests
	digests := func() (*evidence.Digests, error) {
		var err error
		if dig == nil {
			dig, err = evidence.DigestsOf(v)
		}
		return dig, err
	}
	var out []Item
	order := map[string]int{}
	for c := range v.Claims() {
		order[c.ID] = len(order)
		vd, _ := r.Verdict(c.ID)
		contra, err := v.Contradictions(c.ID)
		if err != nil {
			return nil, err
		}
		it := Item{Claim: c.ID, Suggested: vd.Rating.Name, Label: vd.Label.String(), Contradictions: len(contra)}
		live := 0
		var apart []timeline.Status // the statuses of those not live
		for _, rel := range contra {
			if st, ok := status[pairOf(rel)]; ok && st != timeline.Live {
				apart = append(apart, st)
				continue
			}
			live++
			other, _ := rel.Other(c.ID)
			if ov, _ := r.Verdict(other); atStake(vd.Label, ov.Label) {
				it.Open++
			}
		}
		it.ResolvedByTime = len(contra) > 0 && live == 0
		rev := c.Review
		switch {
		case rev != nil && rev.Status == claims.Published:
			it.Published = rev.Rating
			published, known := claimreview.RatingNamed(rev.Rating)
			switch {
			case !known:
				it.UnknownScale = true
				it.Reasons = append(it.Reasons, fmt.Sprintf("rated %s, a rating on no scale the verdicts know, so not compared; the evidence suggests %s (%s)",
					rev.Rating, vd.Rating.Name, vd.Label))
			case published.Value != vd.Rating.Value:
				it.Disagrees = true
				it.Reasons = append(it.Reasons, fmt.Sprintf("rated %s, the evidence now suggests %s (%s)", rev.Rating, vd.Rating.Name, vd.Label))
			}
			if rev.Evidence != "" {
				d, err := digests()
				if err != nil {
					return nil, err
				}
				moved, err := d.Moved(rev.Evidence, c.ID)
				if err != nil {
					return nil, err
				}
				if moved != "" {
					it.EvidenceChanged = true
					if it.Evidence, err = d.Of(c.ID); err != nil {
						return nil, err
					}
					note, err := weighedApart(it.Evidence, vd)
					if err != nil {
						return nil, err
					}
					it.Reasons = append(it.Reasons, "evidence changed since the review: "+moved+note)
				}
			}
		case len(contra) > 0 && (rev == nil || rev.Status == claims.Unreviewed):
			it.Contested = live > 0
			it.Reasons = append(it.Reasons, contested(&it, apart))
		}
		if len(it.Reasons) > 0 {
			if it.Evidence == "" { // not yet weighed for a moved review
				d, err := digests()
				if err != nil {
					return nil, err
				}
				if it.Evidence, err = d.Of(c.ID); err != nil {
					return nil, err
				}
			}
			out = append(out, it)
		}
	}
	slices.SortStableFunc(out, func(a, b Item) int {
		if c := cmp.Compare(a.rank(), b.rank()); c != 0 {
			return c
		}
		if a.Contested {
			if c := cmp.Compare(b.Open, a.Open); c != 0 {
				return c
			}
			if c := cmp.Compare(b.Contradictions, a.Contradictions); c != 0 {
				return c
			}
		}
		return cmp.Compare(order[a.Claim], order[b.Claim])
	})
	return out, nil
}

// atStake reports whether a live contradiction of a claim labelled
// claim by one labelled opponent is still at stake ([Item].Open): the
// opponent is not rejected, and it did not defeat the claim (the claim
// rejected, the opponent accepted).
func atStake(claim, opponent verdict.Label) bool {
	return opponent != verdict.Rejected && !(claim == verdict.Rejected && opponent == verdict.Accepted)
}

// contested says why a contradicted claim with no review is in the
// queue; apart are the statuses of its contradictions that are not live.
func contested(it *Item, apart []timeline.Status) string {
	n := plural(it.Contradictions, "claim")
	var why string
	switch it.tier() {
	case tierTime:
		return fmt.Sprintf("contradicted by %s, none live: %s; not contested, not reviewed", n, statuses(apart, false))
	case tierOpen:
		why = fmt.Sprintf("contested by %s, left open by the evidence (%s)", n, it.Label)
	case tierAtStake:
		why = fmt.Sprintf("contested by %s, %s by the evidence but %s not settled", n, it.Label, plural(it.Open, "contradiction"))
	default:
		why = fmt.Sprintf("contested by %s, settled by the evidence (%s)", n, it.Label)
	}
	if len(apart) > 0 {
		why += ", " + statuses(apart, true)
	}
	return why + "; not reviewed"
}

// statuses words the statuses of contradictions that are not live
// ([timeline.Status.Words]), each once in order of first appearance,
// with how many have it when count is set or when they differ:
// "resolved by time (never both holding)", "1 resolved by time (never
// both holding), 1 relation lapsed (not valid while both hold)".
func statuses(apart []timeline.Status, count bool) string {
	var order []timeline.Status
	n := map[timeline.Status]int{}
	for _, st := range apart {
		if n[st] == 0 {
			order = append(order, st)
		}
		n[st]++
	}
	count = count || len(order) > 1
	parts := make([]string, len(order))
	for i, st := range order {
		parts[i] = st.Words()
		if count {
			parts[i] = fmt.Sprintf("%d %s", n[st], parts[i])
		}
	}
	return strings.Join(parts, ", ")
}

// plural returns "1 claim", "2 claims".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// pairOf returns the unordered pair of claims r joins.
func pairOf(r claims.Relation) [2]string {
	return [2]string{min(r.From, r.To), max(r.From, r.To)}
}

// weighedApart returns, when the origins that now, the digest of a
// claim, counts differ from those its verdict vd weighs, the words that
// say so (" (counting every supporter, at any date; the verdicts weigh
// 1)"), else "". The digest does not move with the verdicts (see
// evidence.Digests): it counts what a supporter the verdicts reject
// would lend, and it is of the whole graph whatever the view's date. So
// a reason that quotes its count never passes for the evidence the
// verdicts weigh. O(1).
func weighedApart(now string, vd verdict.Verdict) (string, error) {
	n, err := claims.DigestCounts(now)
	if err != nil || len(n) < 4 {
		return "", err
	}
	if weighed := len(vd.Origins) + vd.Lent; n[3] != weighed {
		return fmt.Sprintf(" (counting every supporter, at any date; the verdicts weigh %d)", weighed), nil
	}
	return "", nil
}
