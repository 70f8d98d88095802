// The "verdict" claim column and the "trust" section of the report, and
// the computed verdicts that draw and export use by default.
//
// The verdict column shows, beside every claim the commands print, the
// label and rating that package graph/verdict computes for it, e.g.
// "verdict: rejected, False (1/5)". The trust section lists the sources
// by the trust that truth discovery (package sources/truth, ACCU, the
// default of the trust command for claim graphs) learns from the claim
// graph, says whether the run converged, lists the sources with no
// estimate and why ("relay of ORIGIN", "only ties", ...), and the
// questions where trust chooses a claim the verdicts leave undecided or
// reject ("verdicts: undecided"). Its JSON value is
//
//	{"iterations": 3, "converged": true,
//	 "sources": [{"source": ID, "trust": 0.83}, ...],
//	 "no_evidence": [{"source": ID, "reason": "relay of X", "relay_of": [X]}, ...],
//	 "verdicts_differ": [{"question": "a | b", "claim": "a", "verdict": "undecided", "tie": false}, ...],
//	 "copy_skipped": {"objects": 1, "max_sources": 256, "max_pairs": 67108864}}
//
// with sources sorted like the text. "copy_skipped", present only then,
// counts the questions ACCU left out of copy detection
// (truth.CopyChecks): more than truth.MaxCopySources sources carry their
// claims (a viral claim), or theirs were the most pairs of sources past
// the budget; the text says "copy detection skipped for 1 question of
// more than 256 sources or past the budget of 67108864 pairs (every vote
// on them counts whole)".

package main

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/evidence"
	"github.com/claimgraph/claimgraph/graph/verdict"
	"github.com/claimgraph/claimgraph/sources/truth"
)

// verdictColumn returns "LABEL, RATING" for claim id, "" when unknown,
// and how many origins the claim's supporters lend it, which its rating
// counts beside the independent_origins column, and under --trust the
// weight of its evidence, which the counts no longer say ("verdict:
// rejected, False (1/5), evidence 0.2", as verdicts prints it); and the
// same as a columnVerdict for "column_values". The verdicts are computed
// once per run (env.verdicts).
func verdictColumn(e *env, v graph.View, id string) (string, any) {
	r, err := e.verdicts(v)
	if err != nil {
		return "", nil
	}
	vd, ok := r.Verdict(id)
	if !ok {
		return "", nil
	}
	s := fmt.Sprintf("%s, %s", vd.Label, vd.Rating.Name)
	if vd.Rating.Value > 0 {
		s += fmt.Sprintf(" (%d/5)", vd.Rating.Value)
	}
	if !vd.Since.IsZero() {
		s += " since " + vd.Since.String()
	}
	if vd.Lent > 0 { // the rating counts them with the claim's own
		s += ", " + lentText(vd.Lent, vd.Capped)
	}
	if e.trust.values != nil { // the count no longer says what it weighs
		s += ", evidence " + evidence.Text(vd.Evidence, vd.Capped)
	}
	return s, columnVerdict{
		Label: vd.Label.String(), Rating: verdictsRating{vd.Rating.Name, vd.Rating.Value},
		Since: vd.Since.String(), Lent: vd.Lent, Capped: vd.Capped, Evidence: vd.Evidence,
	}
}

// columnVerdict is the typed value of the verdict column: the label and
// rating as verdicts gives them, the date of a not-holding or
// not-yet-holding label ("" otherwise), the origins lent by supporters,
// a lower bound when capped, and the weight of the claim's evidence
// (verdict.Verdict.Evidence: its independent origins, own and lent, when
// every origin weighs 1).
type columnVerdict struct {
	Label    string         `json:"label"`
	Rating   verdictsRating `json:"rating"`
	Since    string         `json:"since"`
	Lent     int            `json:"lent"`
	Capped   bool           `json:"capped"`
	Evidence float64        `json:"evidence"`
}

// lentText says how many more origins supporters lend a claim: "1 more
// origin lent by supporters", or, when they lend more than package
// graph/evidence counts, "at least 64 more origins lent by supporters
// (capped)", a lower bound, as verdicts and diff say it.
func lentText(n int, capped bool) string {
	s := plural(n, "more origin") + " lent by supporters"
	if capped {
		return "at least " + s + " (capped)"
	}
	return s
}

// computedLabels returns the verdict label of every claim of v, for
// drawings when no --verdicts file is given.
func computedLabels(e *env, v graph.View) (map[string]string, error) {
	r, err := e.verdicts(v)
	if err != nil {
		return nil, err
	}
	m := make(map[string]string, len(r.Verdicts))
	for _, vd := range r.Verdicts {
		m[vd.Claim] = vd.Label.String()
	}
	return m, nil
}

type sourceTrust struct {
	Source string  `json:"source"`
	Trust  float64 `json:"trust"`
}

// trustChoice is a question where truth discovery chooses a claim the
// verdicts leave undecided or reject.
type trustChoice struct {
	Question string `json:"question"`
	Claim    string `json:"claim"`
	Verdict  string `json:"verdict"`
	Tie      bool   `json:"tie"`
}

// trustSection is the JSON value of the report's trust section.
type trustSection struct {
	Iterations int            `json:"iterations"`
	Converged  bool           `json:"converged"`
	Sources    []sourceTrust  `json:"sources"`     // with an estimate, by trust
	NoEvidence []trustUnknown `json:"no_evidence"` // without, and why
	Disagree   []trustChoice  `json:"verdicts_differ"`
	// CopySkipped counts the questions left out of copy detection.
	CopySkipped *copySkipped `json:"copy_skipped,omitempty"`
}

// trustTable runs truth discovery (ACCU) on the claim graph and returns
// the sources with a trust estimate by trust, highest first, then by ID,
// those without and why, and the choices the verdicts do not share.
func trustTable(e *env, v graph.View) (trustSection, error) {
	run, err := graphTrust(e, v, truth.Accu, truth.Options{Progress: e.onProgress()})
	if err != nil {
		return trustSection{}, err
	}
	labels, err := computedLabels(e, v)
	if err != nil {
		return trustSection{}, err
	}
	sec := trustSection{Iterations: run.r.Iterations, Converged: run.r.Converged,
		Sources: []sourceTrust{}, NoEvidence: run.unknown, Disagree: []trustChoice{}, CopySkipped: copySkippedOf(run.r)}
	if sec.NoEvidence == nil {
		sec.NoEvidence = []trustUnknown{}
	}
	for id, t := range run.m.Trust(run.r) {
		sec.Sources = append(sec.Sources, sourceTrust{id, t})
	}
	slices.SortFunc(sec.Sources, func(a, b sourceTrust) int {
		if c := cmp.Compare(b.Trust, a.Trust); c != 0 {
			return c
		}
		return cmp.Compare(a.Source, b.Source)
	})
	d, j := run.d, run.joint
	for o := range d.NumObjects() {
		f := j.Chosen[o]
		if f == truth.NoFact || len(d.Facts(truth.ObjectID(o))) < 2 {
			continue
		}
		c := d.Value(f)
		if l, ok := labels[c]; ok && l != verdict.Accepted.String() {
			sec.Disagree = append(sec.Disagree, trustChoice{d.ObjectName(truth.ObjectID(o)), c, l, j.Tied[o]})
		}
	}
	slices.SortFunc(sec.Disagree, func(a, b trustChoice) int { return cmp.Compare(a.Question, b.Question) })
	return sec, nil
}

func trustText(e *env, w io.Writer, v graph.View) error {
	sec, err := trustTable(e, v)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Source trust (truth discovery, ACCU, %s)\n",
		convergence(sec.Converged, sec.Iterations, truth.DefaultOptions(truth.Accu).MaxIterations))
	if sec.CopySkipped != nil {
		fmt.Fprintf(w, "  %s\n", sec.CopySkipped.String("question"))
	}
	for _, r := range sec.Sources {
		fmt.Fprintf(w, "  %.3f  %s\n", r.Trust, r.Source)
	}
	for _, u := range sec.NoEvidence {
		fmt.Fprintf(w, "  -      %s (no evidence: %s)\n", u.Source, u.Reason)
	}
	for _, c := range sec.Disagree {
		tie := ""
		if c.Tie {
			tie = ", a tie"
		}
		others := slices.DeleteFunc(strings.Split(c.Question, " | "), func(id string) bool { return id == c.Claim })
		over := strings.Join(others, ", ")
		if len(others) > maxTied {
			over = plural(len(others), "other claim")
		}
		fmt.Fprintf(w, "  trust's choice, verdicts: %s: %s\n    over %s%s\n", c.Verdict, c.Claim, over, tie)
	}
	fmt.Fprintln(w)
	return nil
}

func trustJSON(e *env, v graph.View) (any, error) { return trustTable(e, v) }
