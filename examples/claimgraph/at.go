// The at command: the graph as of a date.
//
//	claimgraph at FILE DATE [--json]
//
// DATE is YYYY, YYYY-MM or YYYY-MM-DD; a partial date asks about every day
// it covers. It prints the counts of the view as of DATE, the claims that
// hold then (in file order) with their validity, the contradictions live
// then (both claims and the relation hold on a common day of DATE), and
// the contradictions resolved by time (the two claims never hold
// together), with the date on which one stops and the other starts, and
// the contradictions whose relation lapsed (the claims hold together on
// some days, the relation on none of them), with both periods. See
// package graph/timeline for the semantics.
//
// With --json it prints one object:
//
//	{
//	  "date": "2024-01-01",
//	  "counts": {"entities": 3, "sources": 4, "claims": 1, "claims_total": 2, "appearances": 3,
//	             "supports": 0, "contradictions": 0, "derivations": 1},
//	  "claims": [{"id": "...", "text": "...", "validity": "until 2024-06-19"}],
//	  "live": [{"from": "...", "to": "...", "overlap_from": "2024-01-01", "overlap_until": ""}],
//	  "resolved_by_time": [{"from": "...", "to": "...", "earlier": "...", "later": "...",
//	                        "boundary": "2024-06-19", "later_from": "2024-06-19", "adjacent": true}],
//	  "relation_lapsed": [{"from": "...", "to": "...", "claims_from": "2020-01-01", "claims_until": "2022-01-01",
//	                       "relation": "from 2023"}]
//	}
//
// "counts" are those of the dated view (claims holding, their appearances,
// the relations among them) plus "claims_total" in the whole file. The
// overlap of a live conflict is the period when it is live, first day
// inclusive and last exclusive, "" for an open end; claims_from and
// claims_until of a lapsed relation are the claims' common period, in the
// same way, and "relation" the relation's validity. The lists are empty
// arrays, never null.

package main

import (
	"fmt"
	"io"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph/timeline"
)

type atCounts struct {
	Entities       int `json:"entities"`
	Sources        int `json:"sources"`
	Claims         int `json:"claims"`
	ClaimsTotal    int `json:"claims_total"`
	Appearances    int `json:"appearances"`
	Supports       int `json:"supports"`
	Contradictions int `json:"contradictions"`
	Derivations    int `json:"derivations"`
}

type atClaim struct {
	ID       string `json:"id"`
	Text     string `json:"text"`
	Validity string `json:"validity"`
}

type atLive struct {
	From         string `json:"from"`
	To           string `json:"to"`
	OverlapFrom  string `json:"overlap_from"`
	OverlapUntil string `json:"overlap_until"`

	overlap claims.Validity // for the text
}

type atResolved struct {
	From      string `json:"from"`
	To        string `json:"to"`
	Earlier   string `json:"earlier"`
	Later     string `json:"later"`
	Boundary  string `json:"boundary"`
	LaterFrom string `json:"later_from"`
	Adjacent  bool   `json:"adjacent"`
}

type atLapsed struct {
	From        string `json:"from"`
	To          string `json:"to"`
	ClaimsFrom  string `json:"claims_from"`
	ClaimsUntil string `json:"claims_until"`
	Relation    string `json:"relation"`

	both claims.Validity // for the text
}

type atReport struct {
	Date     string       `json:"date"`
	Counts   atCounts     `json:"counts"`
	Claims   []atClaim    `json:"claims"`
	Live     []atLive     `json:"live"`
	Resolved []atResolved `json:"resolved_by_time"`
	Lapsed   []atLapsed   `json:"relation_lapsed"`
}

func runAt(e *env, args []string) int {
	fs, asJSON := newFlags("at", e)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) != 2 {
		return e.usageError("at", "want 2 arguments, FILE and DATE; got %d", len(pos))
	}
	t, err := claims.ParseDate(pos[1])
	switch {
	case err != nil:
		return e.usageError("at", "DATE: %v", err)
	case t.IsZero():
		return e.usageError("at", "DATE is empty: want YYYY, YYYY-MM or YYYY-MM-DD")
	}
	g, code := loadGraph(e, "at", pos[0])
	if code != 0 {
		return code
	}
	v := g.At(t)
	n := v.Counts()
	rep := atReport{
		Date: t.String(),
		Counts: atCounts{
			Entities: n.Entities, Sources: n.Sources, Claims: n.Claims, ClaimsTotal: g.Counts().Claims,
			Appearances: n.Appearances, Supports: n.Supports, Contradictions: n.Contradictions, Derivations: n.Derivations,
		},
		Claims: []atClaim{}, Live: []atLive{}, Resolved: []atResolved{}, Lapsed: []atLapsed{},
	}
	for c := range v.Claims() {
		rep.Claims = append(rep.Claims, atClaim{ID: c.ID, Text: c.Text, Validity: c.Validity.String()})
	}
	for _, c := range timeline.Conflicts(v) {
		r := c.Relation
		switch c.Status {
		case timeline.Live:
			rep.Live = append(rep.Live, atLive{From: r.From, To: r.To, OverlapFrom: c.Overlap.From.String(), OverlapUntil: c.Overlap.Until.String(), overlap: c.Overlap})
		case timeline.ResolvedByTime:
			rep.Resolved = append(rep.Resolved, atResolved{
				From: r.From, To: r.To, Earlier: c.Earlier, Later: c.Later,
				Boundary: c.Boundary.String(), LaterFrom: c.LaterFrom.String(), Adjacent: c.Adjacent(),
			})
		case timeline.RelationLapsed:
			rep.Lapsed = append(rep.Lapsed, atLapsed{
				From: r.From, To: r.To, ClaimsFrom: c.Overlap.From.String(), ClaimsUntil: c.Overlap.Until.String(),
				Relation: r.Validity.String(), both: c.Overlap,
			})
		}
	}
	return e.emit("at", *asJSON, rep, rep.write)
}

// write prints rep as text.
func (rep atReport) write(w io.Writer) error {
	n := rep.Counts
	verb := "hold"
	if n.Claims == 1 {
		verb = "holds"
	}
	fmt.Fprintf(w, "As of %s, %d of %s %s.\n", rep.Date, n.Claims, plural(n.ClaimsTotal, "claim"), verb)
	fmt.Fprintf(w, "appearances: %d, supports: %d, contradictions: %d, entities: %d, sources: %d, derivations: %d\n",
		n.Appearances, n.Supports, n.Contradictions, n.Entities, n.Sources, n.Derivations)
	fmt.Fprintf(w, "\nClaims holding (%d):\n", len(rep.Claims))
	for _, c := range rep.Claims {
		wrap(w, "  "+c.ID+" ", "      ", "("+c.Validity+")")
		wrap(w, "      ", "      ", c.Text)
	}
	fmt.Fprintf(w, "\nLive conflicts (%d):\n", len(rep.Live))
	for _, c := range rep.Live {
		wrap(w, "  ", "      ", fmt.Sprintf("%s contradicts %s (live %s)", c.From, c.To, c.overlap))
	}
	fmt.Fprintf(w, "\nConflicts resolved by time (%d):\n", len(rep.Resolved))
	for _, c := range rep.Resolved {
		s := fmt.Sprintf("%s holds until %s, %s from %s", c.Earlier, c.Boundary, c.Later, c.LaterFrom)
		if c.Adjacent {
			s = fmt.Sprintf("%s holds until %s, when %s takes over", c.Earlier, c.Boundary, c.Later)
		}
		wrap(w, "  ", "      ", s)
	}
	fmt.Fprintf(w, "\nRelations lapsed (%d):\n", len(rep.Lapsed))
	for _, c := range rep.Lapsed {
		wrap(w, "  ", "      ", fmt.Sprintf("%s contradicts %s (valid %s), the claims together %s", c.From, c.To, c.Relation, c.both))
	}
	return nil
}
