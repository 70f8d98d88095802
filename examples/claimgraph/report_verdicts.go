// The "verdict" claim column and the "trust" section of the report, and
// the computed verdicts that draw and export use by default.
//
// The verdict column shows, beside every claim the commands print, the
// label and rating that package graph/verdict computes for it, e.g.
// "verdict: rejected, False (1/5)". The trust section lists the sources
// by the trust that truth discovery (package sources/truth, ACCU, the
// default of the trust command for claim graphs) learns from the claim
// graph, and says whether the run converged; its JSON value is
// [{"source": ID, "trust": 0.83}, ...] sorted like the text.

package main

import (
	"cmp"
	"fmt"
	"io"
	"slices"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/sources/truth"
)

// verdictColumn returns "LABEL, RATING" for claim id, "" when unknown,
// and how many origins the claim's supporters lend it, which its rating
// counts beside the independent_origins column. The verdicts are
// computed once per run (env.verdicts).
func verdictColumn(e *env, v graph.View, id string) string {
	r, err := e.verdicts(v)
	if err != nil {
		return ""
	}
	vd, ok := r.Verdict(id)
	if !ok {
		return ""
	}
	s := fmt.Sprintf("%s, %s", vd.Label, vd.Rating.Name)
	if vd.Rating.Value > 0 {
		s += fmt.Sprintf(" (%d/5)", vd.Rating.Value)
	}
	if !vd.Since.IsZero() {
		s += " since " + vd.Since.String()
	}
	if n := vd.Lent; n > 0 { // the rating counts them with the claim's own
		s += ", " + plural(n, "more origin") + " lent by supporters"
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

// trustTable runs truth discovery on the claim graph and returns the
// sources with a trust estimate by trust, highest first, then by ID, and
// the run itself.
func trustTable(e *env, v graph.View) ([]sourceTrust, *truth.Result, error) {
	r, err := e.verdicts(v)
	if err != nil {
		return nil, nil, err
	}
	d, m := truth.FromGraphSilent(v, r.Silent) // votes weighed as the verdicts weigh evidence
	res, err := truth.Discover(d, truth.Accu, truth.Options{Progress: e.onProgress()})
	if err != nil {
		return nil, nil, err
	}
	var rows []sourceTrust
	for id, t := range m.Trust(res) {
		rows = append(rows, sourceTrust{id, t})
	}
	slices.SortFunc(rows, func(a, b sourceTrust) int {
		if c := cmp.Compare(b.Trust, a.Trust); c != 0 {
			return c
		}
		return cmp.Compare(a.Source, b.Source)
	})
	return rows, res, nil
}

func trustText(e *env, w io.Writer, v graph.View) error {
	rows, res, err := trustTable(e, v)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Source trust (truth discovery, ACCU, %s)\n",
		convergence(res.Converged, res.Iterations, truth.DefaultOptions(truth.Accu).MaxIterations))
	fmt.Fprintln(w, "  (no estimate, so not listed: sources with no claim contested or corroborated)")
	for _, r := range rows {
		fmt.Fprintf(w, "  %.3f  %s\n", r.Trust, r.Source)
	}
	fmt.Fprintln(w)
	return nil
}

func trustJSON(e *env, v graph.View) (any, error) {
	rows, _, err := trustTable(e, v)
	return rows, err
}
