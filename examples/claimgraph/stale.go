// The stale command: appearances that repeat a claim after it stopped
// holding (unless the claims that took over from it have less evidence
// or are rejected), or after a stronger contradicting claim took over
// from it (began to hold after it, and holds together with it then).
//
//	claimgraph stale FILE [--trust TRUST] [--json]
//
// An appearance is dated by its own date, else by its source's published
// date; see timeline.Stale in package graph/timeline for the rules. The
// evidence strength compared is the weight of a claim's evidence (package
// graph/evidence: independent origins, each once, with those its
// supporters lend), weighted by the trust of --trust TRUST as the
// verdicts weigh it (timeline.Options.Verdict; see trustfile.go), and
// a rival the verdicts of that trust reject supersedes nothing. Appearances that speak of the past (about_past) and
// appearances of events (occurred) are never stale. Items come in file
// order of the claims, then of their appearances.
//
// With --json it prints one object:
//
//	{
//	  "count": 1,
//	  "stale": [{"claim": "china-only-defence-pact", "appearance": 2, "source": "fixture-article-2025",
//	             "date": "2025-03-01", "reason": "ended", "stopped": "2024-06-19",
//	             "by": "", "since": "", "strength": 0, "by_strength": 0}]
//	}
//
// "appearance" is the 0-based index of the appearance in the claim's list.
// For reason "ended", "stopped" is the date on which the claim stopped
// holding; for reason "superseded", "by" is the stronger contradicting
// claim, "since" the date it began to hold, and "strength" and
// "by_strength" the strengths compared. Fields that do not apply are ""
// or 0. "stale" is an empty array, never null.

package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/claimgraph/claimgraph/graph/timeline"
)

type staleJSON struct {
	Claim      string  `json:"claim"`
	Appearance int     `json:"appearance"`
	Source     string  `json:"source"`
	Date       string  `json:"date"`
	Reason     string  `json:"reason"`
	Stopped    string  `json:"stopped"`
	By         string  `json:"by"`
	Since      string  `json:"since"`
	Strength   float64 `json:"strength"`
	ByStrength float64 `json:"by_strength"`
}

type staleReport struct {
	Count int         `json:"count"`
	Stale []staleJSON `json:"stale"`
}

func runStale(e *env, args []string) int {
	fs, asJSON := newFlags("stale", e)
	addTrust(fs, e)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) != 1 {
		return e.usageError("stale", "want 1 argument, FILE; got %d", len(pos))
	}
	g, code := loadGraph(e, "stale", pos[0])
	if code != 0 {
		return code
	}
	if code := e.useTrust("stale", g.View); code != 0 {
		return code
	}
	items, err := timeline.Stale(g, timeline.Options{Verdict: e.verdictOptions()})
	if err != nil {
		return e.fail("stale", err)
	}
	rep := staleReport{Count: len(items), Stale: make([]staleJSON, 0, len(items))}
	for _, it := range items {
		rep.Stale = append(rep.Stale, staleJSON{
			Claim: it.Claim, Appearance: it.Appearance, Source: it.Source, Date: it.Date.String(),
			Reason: it.Reason.String(), Stopped: it.Stopped.String(), By: it.By, Since: it.Since.String(),
			Strength: it.Strength, ByStrength: it.ByStrength,
		})
	}
	return e.emit("stale", *asJSON, rep, func(w io.Writer) error { return writeStale(w, items) })
}

// writeStale prints the stale appearances as text.
func writeStale(w io.Writer, items []timeline.StaleItem) error {
	fmt.Fprintf(w, "%s\n", plural(len(items), "stale appearance"))
	if len(items) == 0 {
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "\nDATE\tSOURCE\tCLAIM\tWHY")
	for _, it := range items {
		why := "ended " + it.Stopped.String()
		if it.Reason == timeline.Superseded {
			why = fmt.Sprintf("superseded by %s from %s (evidence %g > %g)", it.By, it.Since, it.ByStrength, it.Strength)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", it.Date, it.Source, it.Claim, why)
	}
	return tw.Flush()
}
