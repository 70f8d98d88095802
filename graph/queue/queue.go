package queue

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/verdict"
)

// Item is one claim of the queue and why it is there.
type Item struct {
	Claim     string
	Published string   // the published rating, "" for none
	Suggested string   // the rating of the computed verdict
	Reasons   []string // "rated False, the evidence now suggests Mostly true", "evidence changed: contradictions 0 → 1", "contested, not reviewed"
	// Disagrees, EvidenceChanged and Contested say which rule put the
	// claim in the queue; Contradictions counts the claims contradicting
	// it.
	Disagrees, EvidenceChanged, Contested bool
	Contradictions                        int
}

// Items returns the queue of view v, whose verdicts r are (see
// [verdict.Compute]). It costs O(claims + relations of v).
func Items(v graph.View, r *verdict.Result) ([]Item, error) {
	v = v.Snapshot()
	var out []Item
	order := map[string]int{}
	for c := range v.Claims() {
		order[c.ID] = len(order)
		vd, _ := r.Verdict(c.ID)
		contra, err := v.Contradictions(c.ID)
		if err != nil {
			return nil, err
		}
		it := Item{Claim: c.ID, Suggested: vd.Rating.Name, Contradictions: len(contra)}
		rev := c.Review
		switch {
		case rev != nil && rev.Status == claims.Published:
			it.Published = rev.Rating
			if !strings.EqualFold(rev.Rating, vd.Rating.Name) {
				it.Disagrees = true
				it.Reasons = append(it.Reasons, fmt.Sprintf("rated %s, the evidence now suggests %s (%s)", rev.Rating, vd.Rating.Name, vd.Label))
			}
			if rev.Evidence != "" {
				now, err := v.Evidence(c.ID)
				if err != nil {
					return nil, err
				}
				if now != rev.Evidence {
					it.EvidenceChanged = true
					it.Reasons = append(it.Reasons, "evidence changed since the review: "+moved(rev.Evidence, now))
				}
			}
		case len(contra) > 0 && (rev == nil || rev.Status == claims.Unreviewed):
			it.Contested = true
			what := "claims"
			if len(contra) == 1 {
				what = "claim"
			}
			it.Reasons = append(it.Reasons, fmt.Sprintf("contested by %d %s, not reviewed", len(contra), what))
		}
		if len(it.Reasons) > 0 {
			out = append(out, it)
		}
	}
	rank := func(it Item) int {
		switch {
		case it.Disagrees && it.EvidenceChanged:
			return 0
		case it.Disagrees:
			return 1
		case it.EvidenceChanged:
			return 2
		}
		return 3
	}
	slices.SortStableFunc(out, func(a, b Item) int {
		if c := cmp.Compare(rank(a), rank(b)); c != 0 {
			return c
		}
		if a.Contested {
			if c := cmp.Compare(b.Contradictions, a.Contradictions); c != 0 {
				return c
			}
		}
		return cmp.Compare(order[a.Claim], order[b.Claim])
	})
	return out, nil
}

// moved says what changed between two evidence digests "NaNsNc:HASH":
// the counts that differ, or "the same counts, other items".
func moved(was, now string) string {
	var wa, ws, wc, na, ns, nc int
	_, err1 := fmt.Sscanf(was, "%da%ds%dc:", &wa, &ws, &wc)
	_, err2 := fmt.Sscanf(now, "%da%ds%dc:", &na, &ns, &nc)
	if err1 != nil || err2 != nil {
		return "digest " + was + " → " + now
	}
	var parts []string
	for _, x := range []struct {
		name     string
		was, now int
	}{{"appearances", wa, na}, {"supports", ws, ns}, {"contradictions", wc, nc}} {
		if x.was != x.now {
			parts = append(parts, fmt.Sprintf("%s %d → %d", x.name, x.was, x.now))
		}
	}
	if len(parts) == 0 {
		return "the same counts, other items"
	}
	return strings.Join(parts, ", ")
}
