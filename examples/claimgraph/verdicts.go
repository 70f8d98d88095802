// The verdicts command: accept, reject or leave open every claim by
// argumentation over its evidence (package graph/verdict).
//
//	claimgraph verdicts FILE [--at DATE] [--support MODE] [--trust TRUST] [--json]
//
// It prints, for each claim in file order, its label (accepted, rejected,
// undecided, not-holding, not-yet-holding), its ClaimReview-style rating,
// its DF-QuAD strength, its evidence (graph/evidence: independent origins,
// its own and those its supporters lend, each once), and the reasons, each
// with the evidence of the claim it names: the claims that defeat it, its
// rejected attackers and who defeats them, the claims whose attack failed,
// each with what its evidence counts, "[origins s1, s2; lent s3; evidence
// 3]": its independent origins and those its supporters lend it, not the
// sources it appears in (a relay adds no evidence). A derived attack
// says which support step and contradiction it stands on: "defeated by c
// (secondary attack: c defeats a, on which b depends)"; a secondary or
// mediated attack reaches its target through a claim its attacker
// defeats, which is therefore rejected too. With --at DATE (YYYY, YYYY-MM or YYYY-MM-DD) it
// judges the graph as of that date: claims whose validity ended are
// reported as no longer holding since the end date. --support chooses
// what support does besides lending the supporters' evidence (package
// graph/evidence): lending (the default: nothing more), or the derived
// attacks of bipolar, deductive or necessary support (verdict.Options).
// --trust TRUST weighs each origin by the trust of its source
// (verdict.Options.Trust; the file's format is in trustfile.go): the
// evidence is then that weight, and a primary source trusted at
// verdict.EstablishedTrust or more rates the accepted claims it backs True.
// A claim with a published review (the review field) shows it under the
// computed verdict, "published: False, by Desk, 2025-02-01, URL": the
// computed verdict is a suggestion, the review what the desk published
// (claimgraph queue lists those the evidence now disagrees with).
//
// With --json it prints one object:
//
//	{
//	  "date": "2025-09-03",          // "" when undated
//	  "support": "lending",          // lending, bipolar, deductive or necessary
//	  "attacks": 12, "failed": 2,    // attacks of the framework, failed contradiction attacks
//	  "acyclic": false, "converged": true, "iterations": 29,
//	  "bound": 0,                    // proven error of every strength (verdict.Result.Bound), 0 when exact
//	  "rounds": 1,                   // of labelling: after each, the claims it rejects stop lending
//	  "unsettled": 0,                // rejected claims still lending when the rounds stopped at their cap
//	  "silent": [],                  // the claims that lend nothing, rejected in a round
//	  "verdicts": [{
//	    "claim": "china-only-defence-pact",
//	    "label": "rejected",         // accepted, rejected, undecided, not-holding, not-yet-holding
//	    "since": "",                 // end (not-holding) or start (not-yet-holding) date, else ""
//	    "rating": {"name": "False", "value": 1},   // value 1..5, 0 off the scale
//	    "published": {"rating": "False", "date": "2025-02-01", "reviewer": "", "url": ""},
//	                                 // the review published, left out when there is none
//	    "strength": 0.0039, "base": 0.5, "evidence": 1,
//	    "capped": false,             // true: evidence is a lower bound (evidence.MaxLent)
//	    "origins": ["internewscast-kim-scrub-2025"],
//	    "lent": [],                  // origins its supporters lend it
//	    "reasons": [{"kind": "defeated-by", "claim": "russia-dprk-defence-treaty-2024",
//	                 "attack": "contradiction", "via": "", "sources": ["..."],
//	                 "origins": ["..."], "lent": [],   // what its evidence counts
//	                 "evidence": 2, "capped": false,
//	                 "by": "", "by_sources": [], "by_origins": [], "by_lent": [],
//	                 "by_evidence": 0, "by_capped": false}],
//	    "more": 0                    // reasons left out
//	  }, ...]
//	}
//
// A reason's kind is defeated-by, attacker (then "by" is the accepted claim
// that defeats the attacker), weaker or open; its attack is contradiction,
// supported, secondary, mediated or extended, with "via" the claim of the
// support step. "sources" are the distinct sources the claim appears in,
// relays included; "origins" and "lent" are what its evidence counts, as
// in its own verdict.

package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/af"
	"github.com/claimgraph/claimgraph/graph/evidence"
	"github.com/claimgraph/claimgraph/graph/verdict"
)

type verdictsRating struct {
	Name  string `json:"name"`
	Value int    `json:"value"`
}

// verdictsReason is one reason of a verdict. Sources are the distinct
// sources the claim appears in, relays included; Origins and Lent are
// what its evidence counts (its own independent origins and those its
// supporters lend it), as in the claim's own verdict, and so for By.
type verdictsReason struct {
	Kind       string   `json:"kind"`
	Claim      string   `json:"claim"`
	Attack     string   `json:"attack"`
	Via        string   `json:"via"`
	Sources    []string `json:"sources"`
	Origins    []string `json:"origins"`
	Lent       []string `json:"lent"`
	Evidence   float64  `json:"evidence"`
	Capped     bool     `json:"capped"`
	By         string   `json:"by"`
	BySources  []string `json:"by_sources"`
	ByOrigins  []string `json:"by_origins"`
	ByLent     []string `json:"by_lent"`
	ByEvidence float64  `json:"by_evidence"`
	ByCapped   bool     `json:"by_capped"`
}

// verdictsReview is the review a person published of a claim, shown
// beside the computed verdict: the verdict is a suggestion, the review
// is what the desk published.
type verdictsReview struct {
	Rating   string `json:"rating"`
	Date     string `json:"date"`
	Reviewer string `json:"reviewer"`
	URL      string `json:"url"`
}

type verdictsClaim struct {
	Claim     string           `json:"claim"`
	Label     string           `json:"label"`
	Since     string           `json:"since"`
	Rating    verdictsRating   `json:"rating"`
	Published *verdictsReview  `json:"published,omitempty"`
	Strength  float64          `json:"strength"`
	Base      float64          `json:"base"`
	Evidence  float64          `json:"evidence"`
	Capped    bool             `json:"capped"`
	Origins   []string         `json:"origins"`
	Lent      []string         `json:"lent"`
	Reasons   []verdictsReason `json:"reasons"`
	More      int              `json:"more"`
}

type verdictsReport struct {
	Date       string          `json:"date"`
	Support    string          `json:"support"`
	Attacks    int             `json:"attacks"`
	Failed     int             `json:"failed"`
	Acyclic    bool            `json:"acyclic"`
	Converged  bool            `json:"converged"`
	Iterations int             `json:"iterations"`
	Bound      float64         `json:"bound"`
	Rounds     int             `json:"rounds"`
	Silent     []string        `json:"silent"`
	Unsettled  int             `json:"unsettled"`
	Verdicts   []verdictsClaim `json:"verdicts"`
}

func runVerdicts(e *env, args []string) int {
	fs, asJSON := newFlags("verdicts", e)
	at := addDate(fs, "at", "judge as of `DATE` (YYYY, YYYY-MM or YYYY-MM-DD)")
	support := fs.String("support", "lending", "what support does besides lending evidence, `MODE`: lending, bipolar, deductive or necessary")
	addTrust(fs, e)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) != 1 {
		return e.usageError("verdicts", "want 1 argument, FILE; got %d", len(pos))
	}
	t := at.date
	if e.verdict.support, err = verdict.ParseSupport(*support); err != nil {
		return e.usageError("verdicts", "--support: %q is not lending, bipolar, deductive or necessary", *support)
	}
	g, code := loadGraph(e, "verdicts", pos[0])
	if code != 0 {
		return code
	}
	if code := e.useTrust("verdicts", g.View); code != 0 {
		return code
	}
	r, err := e.verdicts(g.At(t))
	if err != nil {
		return e.fail("verdicts", err)
	}
	rep := verdictsReportOf(r, e.verdict.support, g.View)
	return e.emit("verdicts", *asJSON, rep, rep.write)
}

// orEmpty returns s, or an empty non-nil slice, so JSON has [] not null.
func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// verdictsReportOf returns the report of r, with the reviews published
// of the claims of v (the whole graph, whatever r's date: a review is
// published once).
func verdictsReportOf(r *verdict.Result, support verdict.SupportReading, v graph.View) verdictsReport {
	rep := verdictsReport{
		Date: r.Date.String(), Support: support.String(), Attacks: r.Attacks, Failed: r.Failed,
		Acyclic: r.Acyclic, Converged: r.Converged, Iterations: r.Iterations, Bound: r.Bound,
		Rounds: r.Rounds, Silent: []string{}, Unsettled: r.Unsettled,
		Verdicts: make([]verdictsClaim, 0, len(r.Verdicts)),
	}
	at := make(map[string]int, len(r.Verdicts))
	for i, v := range r.Verdicts {
		at[v.Claim] = i
	}
	lent := map[string][]string{} // a claim named in reasons, listed once
	originsOf := func(id string) (own, lentTo []string) {
		if id == "" {
			return []string{}, []string{}
		}
		if l, ok := lent[id]; ok {
			return orEmpty(r.Verdicts[at[id]].Origins), l
		}
		i, ok := at[id]
		if !ok { // never: a reason names a claim of the result
			return []string{}, []string{}
		}
		l := orEmpty(r.Lent(id))
		lent[id] = l
		return orEmpty(r.Verdicts[i].Origins), l
	}
	for _, vd := range r.Verdicts {
		c := verdictsClaim{
			Claim: vd.Claim, Label: vd.Label.String(), Since: vd.Since.String(),
			Rating:   verdictsRating{vd.Rating.Name, vd.Rating.Value},
			Strength: vd.Strength, Base: vd.Base, Evidence: vd.Evidence, Capped: vd.Capped,
			Origins: orEmpty(vd.Origins), Lent: orEmpty(r.Lent(vd.Claim)), Reasons: make([]verdictsReason, 0, len(vd.Reasons)), More: vd.More,
		}
		if cl, _ := v.ClaimInfo(vd.Claim); cl.Review != nil && cl.Review.Status == claims.Published {
			c.Published = &verdictsReview{cl.Review.Rating, cl.Review.Date.String(), cl.Review.Reviewer, cl.Review.URL}
		}
		for _, why := range vd.Reasons {
			own, lentTo := originsOf(why.Claim)
			byOwn, byLent := originsOf(why.By)
			c.Reasons = append(c.Reasons, verdictsReason{
				Kind: why.Kind.String(), Claim: why.Claim, Attack: why.Attack.String(), Via: why.Via,
				Sources: orEmpty(why.Sources), Origins: own, Lent: lentTo, Evidence: why.Evidence, Capped: why.Capped,
				By: why.By, BySources: orEmpty(why.BySources), ByOrigins: byOwn, ByLent: byLent,
				ByEvidence: why.ByEvidence, ByCapped: why.ByCapped,
			})
		}
		rep.Verdicts = append(rep.Verdicts, c)
		if r.Silent[vd.Claim] { // in the verdicts' order
			rep.Silent = append(rep.Silent, vd.Claim)
		}
	}
	return rep
}

// reasonLine describes in words one reason of the verdict on claim.
func reasonLine(claim string, r verdictsReason) string {
	how := attackWords(claim, r)
	note := evidenceNote(r.Origins, r.Lent, r.Evidence, r.Capped)
	switch r.Kind {
	case "defeated-by":
		return fmt.Sprintf("defeated by %s (%s) %s", r.Claim, how, note)
	case "attacker":
		s := fmt.Sprintf("attacked by %s (%s) %s", r.Claim, how, note)
		if r.By != "" {
			s += fmt.Sprintf(", itself defeated by %s %s", r.By, evidenceNote(r.ByOrigins, r.ByLent, r.ByEvidence, r.ByCapped))
		}
		return s
	case "weaker":
		return fmt.Sprintf("contradicted by %s, with less evidence %s", r.Claim, note)
	}
	return fmt.Sprintf("left open by %s (%s) %s", r.Claim, how, note)
}

// attackWords says how the claim of reason r attacks claim: a
// contradiction, or the one support step and contradiction a derived
// attack stands on. A secondary or mediated attack reaches claim through
// the claim it contradicts, which the attack of a claim that defeats
// claim has itself defeated: the words say so.
func attackWords(claim string, r verdictsReason) string {
	verb := "contradicts"
	if r.Kind == "defeated-by" {
		verb = "defeats"
	}
	switch r.Attack {
	case "secondary": // r.Via supports claim; r.Claim contradicts r.Via
		return fmt.Sprintf("secondary attack: %s %s %s, on which %s depends", r.Claim, verb, r.Via, claim)
	case "mediated": // claim supports r.Via; r.Claim contradicts r.Via
		return fmt.Sprintf("mediated attack: %s %s %s, which %s implies", r.Claim, verb, r.Via, claim)
	case "supported": // r.Claim supports r.Via, which contradicts claim
		return fmt.Sprintf("supported attack: %s supports %s, which %s %s", r.Claim, r.Via, verb, claim)
	case "extended": // r.Via supports r.Claim, and contradicts claim
		return fmt.Sprintf("extended attack: %s is supported by %s, which %s %s", r.Claim, r.Via, verb, claim)
	}
	return r.Attack
}

// noteMax is how many origins, own or lent, a reason's bracket names
// before "and N more" (--json lists them all).
const noteMax = 5

// evidenceNote is the bracket after a claim in a reason: what its
// evidence counts, its independent origins and those lent by its
// supporters, and the evidence ("no origin" when it has none), so that a
// relay never reads as corroboration.
func evidenceNote(origins, lent []string, ev float64, capped bool) string {
	var parts []string
	if len(origins) > 0 {
		parts = append(parts, "origins "+someOf(origins))
	}
	if len(lent) > 0 {
		parts = append(parts, "lent "+someOf(lent))
	}
	if len(parts) == 0 {
		parts = append(parts, "no origin")
	}
	return fmt.Sprintf("[%s; evidence %s]", strings.Join(parts, "; "), evidence.Text(ev, capped))
}

// someOf joins the first noteMax of ids, saying how many more there are.
func someOf(ids []string) string {
	if len(ids) <= noteMax {
		return strings.Join(ids, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(ids[:noteMax], ", "), len(ids)-noteMax)
}

// write prints rep as text.
func (rep verdictsReport) write(w io.Writer) error {
	if rep.Date == "" {
		fmt.Fprintf(w, "Verdicts, undated (every claim and contradiction counts), support %s:\n", rep.Support)
	} else {
		fmt.Fprintf(w, "Verdicts as of %s, support %s:\n", rep.Date, rep.Support)
	}
	state := "exact (acyclic)"
	if !rep.Acyclic {
		state = "fixed point after " + plural(rep.Iterations, "iteration")
		if !rep.Converged {
			state = "not converged after " + plural(rep.Iterations, "iteration")
		}
		if rep.Bound > af.DefaultTolerance {
			state += fmt.Sprintf(", each within %.2g of every fixed point", rep.Bound)
		}
	}
	fmt.Fprintf(w, "%s, %d failed for want of evidence; strengths %s\n", plural(rep.Attacks, "attack"), rep.Failed, state)
	if len(rep.Silent) > 0 {
		names := strings.Join(rep.Silent[:min(len(rep.Silent), 5)], ", ")
		if len(rep.Silent) > 5 {
			names += fmt.Sprintf(" and %d more", len(rep.Silent)-5)
		}
		fmt.Fprintf(w, "labels after %s; rejected in a round, these lend nothing: %s\n", plural(rep.Rounds, "round"), names)
	}
	if rep.Unsettled > 0 {
		fmt.Fprintf(w, "rounds stopped at %d: %s rejected in the last still lend evidence\n", rep.Rounds, plural(rep.Unsettled, "claim"))
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "%-15s  %-18s  %5s  %8s  %s\n", "LABEL", "RATING", "STR", "EVIDENCE", "CLAIM")
	for _, v := range rep.Verdicts {
		rating := fmt.Sprintf("%s (%d/5)", v.Rating.Name, v.Rating.Value)
		strength := fmt.Sprintf("%.3f", v.Strength)
		if v.Rating.Value == 0 {
			rating, strength = v.Rating.Name, "-"
		}
		ev := strconv.FormatFloat(v.Evidence, 'g', 4, 64)
		if v.Capped {
			ev = ">=" + ev
		}
		fmt.Fprintf(w, "%-15s  %-18s  %5s  %8s  %s\n", v.Label, rating, strength, ev, v.Claim)
		if v.Capped {
			fmt.Fprintf(w, "    evidence %s: more origins are lent than are counted\n", evidence.Text(v.Evidence, true))
		}
		if p := v.Published; p != nil {
			wrap(w, "    ", "      ", p.line())
		}
		switch v.Label {
		case "not-holding":
			fmt.Fprintf(w, "    no longer holding since %s\n", v.Since)
		case "not-yet-holding":
			fmt.Fprintf(w, "    not yet holding: holds from %s\n", v.Since)
		}
		for _, r := range v.Reasons {
			wrap(w, "    ", "      ", reasonLine(v.Claim, r))
		}
		if v.More > 0 {
			fmt.Fprintf(w, "    and %d more\n", v.More)
		}
	}
	return nil
}

// line describes the review published in words: "published: False, by
// Desk, 2025-02-01, https://…".
func (p verdictsReview) line() string {
	parts := []string{"published: " + safe(p.Rating)}
	for _, x := range []string{p.Reviewer, p.Date, p.URL} {
		if x != "" {
			parts = append(parts, safe(x))
		}
	}
	if p.Reviewer != "" {
		parts[1] = "by " + parts[1]
	}
	return strings.Join(parts, ", ")
}
