package main

import (
	"bytes"
	"encoding/json"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/sources/truth"
)

// runJSON runs the command args with --json and decodes its output into v.
func runJSON(t *testing.T, v any, args ...string) {
	t.Helper()
	var out, errb bytes.Buffer
	if code := run(append(args, "--json"), &out, &errb); code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errb.String())
	}
	if err := json.Unmarshal(out.Bytes(), v); err != nil {
		t.Fatalf("%v: %v", args, err)
	}
}

func TestTrustGraph(t *testing.T) {
	var rep trustReport
	runJSON(t, &rep, "trust", seedFile, "--algorithm", "voting")
	if rep.Algorithm != "voting" || len(rep.Sources) == 0 || len(rep.Objects) == 0 {
		t.Errorf("report %+v", rep)
	}
	// talks-not-against-anyone (1 origin) competes with
	// weapons-sale-on-agenda (2): the vote chooses the latter for the
	// question of the two. china-only-defence-pact, which held until the
	// treaty, shares no question with it: time resolves their
	// contradiction.
	found := false
	for _, o := range rep.Objects {
		if strings.Contains(o.Object, "china-only-defence-pact |") || strings.Contains(o.Object, "| china-only-defence-pact") {
			t.Errorf("china-only-defence-pact competes in %q", o.Object)
		}
		if o.Object == "weapons-sale-on-agenda | talks-not-against-anyone" {
			found = true
			if o.Value == nil || *o.Value != "weapons-sale-on-agenda" || o.Tie {
				t.Errorf("object %s chose %v (tie %v)", o.Object, o.Value, o.Tie)
			}
		}
	}
	if !found {
		t.Error("no question of weapons-sale-on-agenda and talks-not-against-anyone")
	}
}

// TestTrustGraphNoEvidence: a source none of whose claims is contested or
// corroborated, such as the Daily Mail report whose one claim no other
// source makes, is not listed with a trust it was never tested on.
func TestTrustGraphNoEvidence(t *testing.T) {
	var rep trustReport
	runJSON(t, &rep, "trust", seedFile)
	if rep.Algorithm != "accu" || len(rep.Sources) == 0 || len(rep.Sources) >= rep.Counts.Sources {
		t.Errorf("%s: %d of %d sources listed", rep.Algorithm, len(rep.Sources), rep.Counts.Sources)
	}
	for _, s := range rep.Sources {
		if s.Source == "daily-mail-putin-waste-report" {
			t.Errorf("the Daily Mail report, never put to a test, is listed with trust %v", s.Trust)
		}
	}
}

// TestTrustAgreesWithVerdicts: on the seed data, the default algorithm
// converges and, for every question, the value trust picks is not a claim
// the undated verdicts reject. The other algorithms that compete the
// claims of a question (Voting, DEPEN) agree too, or say the question is
// a tie, and then the verdicts do not reject every claim of the tie. And
// both answers weigh the same evidence: the sources voting for a claim in
// truth discovery are the origins and lent origins of its verdict.
func TestTrustAgreesWithVerdicts(t *testing.T) {
	var vr verdictsReport
	runJSON(t, &vr, "verdicts", seedFile)
	label := map[string]string{}
	evidence := map[string][]string{}
	for _, v := range vr.Verdicts {
		label[v.Claim] = v.Label
		evidence[v.Claim] = slices.Sorted(slices.Values(append(slices.Clone(v.Origins), v.Lent...)))
	}
	if label["talks-not-against-anyone"] != "rejected" || label["weapons-sale-on-agenda"] != "accepted" {
		t.Fatalf("verdicts changed: %v", label)
	}
	for _, alg := range []string{"", "voting", "depen"} {
		args := []string{"trust", seedFile}
		if alg != "" {
			args = append(args, "--algorithm", alg)
		}
		var rep trustReport
		runJSON(t, &rep, args...)
		if !rep.Converged {
			t.Errorf("%s: did not converge in %d iterations", rep.Algorithm, rep.Iterations)
		}
		questions := 0
		for _, o := range rep.Objects {
			if o.Facts < 2 {
				continue
			}
			questions++
			if o.Value == nil {
				t.Fatalf("%s: question %s has no value", rep.Algorithm, o.Object)
			}
			if alg == "" && o.Tie {
				t.Errorf("%s, the default: question %s is a tie (%s, %v)", rep.Algorithm, o.Object, *o.Value, o.TiedWith)
			}
			picks := append([]string{*o.Value}, o.TiedWith...)
			if !o.Tie && label[*o.Value] == "rejected" {
				t.Errorf("%s: question %s: trust picks %s, which the verdicts reject", rep.Algorithm, o.Object, *o.Value)
			}
			if o.Tie && !slices.ContainsFunc(picks, func(c string) bool { return label[c] != "rejected" }) {
				t.Errorf("%s: question %s: the tie %v is of claims the verdicts all reject", rep.Algorithm, o.Object, picks)
			}
		}
		// Each live contradiction of the seed joins two claims no other
		// contradiction joins: one question each. Those time resolves
		// are none.
		if want := liveContradictions(t); questions != want {
			t.Errorf("%s: %d questions, want one per live contradiction of the seed, %d", rep.Algorithm, questions, want)
		}
	}

	g, err := graph.Load(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	d, m := truth.FromGraph(g.View)
	for f := range d.NumFacts() {
		id := m.Claims[f]
		var votes []string
		for _, s := range d.Asserters(truth.FactID(f)) {
			votes = append(votes, d.SourceName(s))
		}
		slices.Sort(votes)
		if !slices.Equal(votes, evidence[id]) {
			t.Errorf("claim %s: trust counts the votes of %v, the verdicts the evidence of %v",
				id, strings.Join(votes, ", "), strings.Join(evidence[id], ", "))
		}
	}
}

// TestTrustProgressCount: the last progress line of a run that converged
// early counts the iterations it ran out of the cap, not the cap out of
// itself ("iterations 8 of 20", never "20 of 20" after 8).
func TestTrustProgressCount(t *testing.T) {
	var rep trustReport
	runJSON(t, &rep, "trust", seedFile)
	if !rep.Converged || rep.Iterations >= rep.Cap {
		t.Fatalf("the seed run took %d of %d iterations, converged %v: want an early convergence to test", rep.Iterations, rep.Cap, rep.Converged)
	}
	fakeTerminal(t)
	var out, errb bytes.Buffer
	if code := run([]string{"trust", seedFile}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	lines := regexp.MustCompile(`iterations (\d+) of (\d+)`).FindAllStringSubmatch(errb.String(), -1)
	if len(lines) == 0 {
		t.Fatalf("no iterations shown in %q", errb.String())
	}
	last := lines[len(lines)-1]
	if want := []string{strconv.Itoa(rep.Iterations), strconv.Itoa(rep.Cap)}; last[1] != want[0] || last[2] != want[1] {
		t.Errorf("last progress %q, want iterations %s of %s", last[0], want[0], want[1])
	}
}

// liveContradictions counts the contradictions of the seed that time does
// not resolve.
func liveContradictions(t *testing.T) int {
	g, err := graph.Load(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for l := range g.View.Links() {
		if l.Kind == claims.Contradicts && !l.Resolved {
			n++
		}
	}
	return n
}
