// The queue command: the review queue of a desk, most pressing first.
//
//	claimgraph queue FILE [--at DATE] [--json]
//
// It lists the claims with a published review whose rating the computed
// verdict disagrees with or whose evidence changed since the review (the
// review's evidence digest), then the contested claims with no review,
// most contradicted first; see package graph/queue. Computed verdicts
// are suggestions: the queue changes nothing.
//
// With --json it prints one object:
//
//	{
//	  "date": "",
//	  "count": 1,
//	  "queue": [{"claim": "a", "published": "False", "suggested": "Mostly true",
//	             "reasons": ["rated False, the evidence now suggests Mostly true (accepted)"],
//	             "disagrees": true, "evidence_changed": false, "contested": false, "contradictions": 0}]
//	}
//
// "published" is "" for a claim with no published review. "queue" is an
// array, never null.

package main

import (
	"fmt"
	"io"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph/queue"
)

type queueItem struct {
	Claim           string   `json:"claim"`
	Published       string   `json:"published"`
	Suggested       string   `json:"suggested"`
	Reasons         []string `json:"reasons"`
	Disagrees       bool     `json:"disagrees"`
	EvidenceChanged bool     `json:"evidence_changed"`
	Contested       bool     `json:"contested"`
	Contradictions  int      `json:"contradictions"`
}

type queueReport struct {
	Date  string      `json:"date"`
	Count int         `json:"count"`
	Queue []queueItem `json:"queue"`
}

func runQueue(e *env, args []string) int {
	fs, asJSON := newFlags("queue", e)
	at := fs.String("at", "", "judge as of `DATE` (YYYY, YYYY-MM or YYYY-MM-DD)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) != 1 {
		return e.usageError("queue", "want 1 argument, FILE; got %d", len(pos))
	}
	t, err := claims.ParseDate(*at)
	if err != nil {
		return e.usageError("queue", "--at: %v", err)
	}
	g, code := loadGraph(e, "queue", pos[0])
	if code != 0 {
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
			Reasons: orEmpty(it.Reasons), Disagrees: it.Disagrees, EvidenceChanged: it.EvidenceChanged,
			Contested: it.Contested, Contradictions: it.Contradictions})
	}
	return e.emit("queue", *asJSON, rep, rep.write)
}

// write prints the queue as text: one claim a line, its reasons after.
func (r queueReport) write(w io.Writer) error {
	fmt.Fprintf(w, "%s to review\n", plural(r.Count, "claim"))
	for i, it := range r.Queue {
		fmt.Fprintf(w, "%d. %s", i+1, it.Claim)
		if it.Published != "" {
			fmt.Fprintf(w, " (published: %s)", it.Published)
		}
		fmt.Fprintln(w)
		for _, why := range it.Reasons {
			fmt.Fprintf(w, "   %s\n", why)
		}
	}
	return nil
}
