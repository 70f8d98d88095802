// The queue command: the review queue of a desk, most pressing first.
//
//	claimgraph queue FILE [--at DATE] [--trust TRUST] [--json]
//
// It lists the claims with a published review whose rating the computed
// verdict disagrees with (compared by the ratings' values: "Mixed" and
// "Unproven" are both 3) or whose evidence changed since the review (the
// review's evidence digest: its appearances, supporters, contradictions
// and independent origins, own and lent, over all time whatever --at;
// a same_as or distinct_from decision moves nothing; an old digest
// without the "v2:" prefix is compared as it was made, over the
// appearances and relations, blind to origins); then the contested claims with no review,
// those the evidence leaves open (undecided) first, then those decided
// while a contradiction is still at stake (a contradicting claim the
// verdicts do not reject, save one accepted against the claim rejected),
// then those the evidence settled (every opponent rejected, or the
// claim rejected by an accepted one), last those
// contradicted with no contradiction live (resolved by time: the claims
// never hold together; the relation lapsed while both hold; or not live
// at the date), which the verdicts do not weigh and which are not
// contested, each line saying which; and at the very end the published ratings on a scale of the
// desk's own ("Pants on Fire"), which are not compared. See package
// graph/queue. --trust TRUST weighs the verdicts' evidence by the trust
// of its sources (trustfile.go), and with it the suggested ratings. Each entry shows the claim's evidence digest now, of the
// whole graph whatever --at, the value a review records (review:
// evidence:) to be told later that the evidence moved. Computed verdicts are suggestions: the queue changes
// nothing.
//
// With --json it prints one object:
//
//	{
//	  "date": "",
//	  "count": 1,
//	  "queue": [{"claim": "a", "published": "False", "suggested": "Mostly true", "label": "accepted",
//	             "evidence": "v2:2a0s1c2o:5f1c0e9a2b7d",
//	             "reasons": ["rated False, the evidence now suggests Mostly true (accepted)"],
//	             "disagrees": true, "evidence_changed": false, "contested": false, "unknown_scale": false,
//	             "contradictions": 0, "open": 0, "resolved_by_time": false}]
//	}
//
// "published" is "" for a claim with no published review; "open" counts
// the contradicting claims the verdicts do not reject, whose
// contradiction is live and which did not defeat the claim (accepted
// against it rejected): two claims rejected by others leave nothing open
// between them; "contested" is true when some contradiction of
// the claim is live (the claims export --format claimreview selects);
// "resolved_by_time" is true when the claim has contradictions and none
// is live. "queue" is an array,
// never null.

package main

import (
	"fmt"
	"io"

	"github.com/claimgraph/claimgraph/graph/queue"
)

type queueItem struct {
	Claim           string   `json:"claim"`
	Published       string   `json:"published"`
	Suggested       string   `json:"suggested"`
	Label           string   `json:"label"`
	Evidence        string   `json:"evidence"`
	Reasons         []string `json:"reasons"`
	Disagrees       bool     `json:"disagrees"`
	EvidenceChanged bool     `json:"evidence_changed"`
	Contested       bool     `json:"contested"`
	UnknownScale    bool     `json:"unknown_scale"`
	Contradictions  int      `json:"contradictions"`
	Open            int      `json:"open"`
	ResolvedByTime  bool     `json:"resolved_by_time"`
}

type queueReport struct {
	Date  string      `json:"date"`
	Count int         `json:"count"`
	Queue []queueItem `json:"queue"`
}

func runQueue(e *env, args []string) int {
	fs, asJSON := newFlags("queue", e)
	at := addDate(fs, "at", "judge as of `DATE` (YYYY, YYYY-MM or YYYY-MM-DD)")
	addTrust(fs, e)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) != 1 {
		return e.usageError("queue", "want 1 argument, FILE; got %d", len(pos))
	}
	t := at.date
	g, code := loadGraph(e, "queue", pos[0])
	if code != 0 {
		return code
	}
	if code := e.useTrust("queue", g.View); code != 0 {
		return code
	}
	v := g.At(t)
	r, err := e.verdicts(v)
	if err != nil {
		return e.fail("queue", err)
	}
	items, err := queue.Items(v, r)
	if err != nil {
		return e.fail("queue", err)
	}
	rep := queueReport{Date: t.String(), Count: len(items), Queue: make([]queueItem, 0, len(items))}
	for _, it := range items {
		rep.Queue = append(rep.Queue, queueItem{Claim: it.Claim, Published: it.Published, Suggested: it.Suggested,
			Label: it.Label, Evidence: it.Evidence, Reasons: orEmpty(it.Reasons), Disagrees: it.Disagrees,
			EvidenceChanged: it.EvidenceChanged, Contested: it.Contested, UnknownScale: it.UnknownScale,
			Contradictions: it.Contradictions, Open: it.Open, ResolvedByTime: it.ResolvedByTime})
	}
	return e.emit("queue", *asJSON, rep, rep.write)
}

// write prints the queue as text: one claim a line, its reasons after.
func (r queueReport) write(w io.Writer) error {
	fmt.Fprintf(w, "%s to review\n", plural(r.Count, "claim"))
	for i, it := range r.Queue {
		fmt.Fprintf(w, "%d. %s", i+1, it.Claim)
		if it.Published != "" {
			fmt.Fprintf(w, " (published: %s)", safe(it.Published))
		}
		fmt.Fprintln(w)
		for _, why := range it.Reasons {
			wrap(w, "   ", "     ", why)
		}
		fmt.Fprintf(w, "   evidence now: %s\n", it.Evidence)
	}
	return nil
}
