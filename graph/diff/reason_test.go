package diff

import (
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph/verdict"
)

// TestReasonOrigins: how a reason words the independent origins, own
// and lent, for counts no small graph reaches (the cap of lent origins).
func TestReasonOrigins(t *testing.T) {
	st := func(origins, lent int, capped bool) State {
		return State{Present: true, Label: verdict.Undecided, Origins: origins, Lent: lent, Capped: capped}
	}
	for _, tc := range []struct {
		old, new State
		want     string
	}{
		{st(3, 2, false), st(65, 64, true), "; independent origins 3 (1 own, 2 lent) → at least 65 (1 own, at least 64 lent, capped)"},
		{st(65, 64, true), st(65, 64, false), "; independent origins at least 65 (1 own, at least 64 lent, capped) → 65 (1 own, 64 lent)"},
		{st(2, 2, false), st(2, 2, false), "; 2 independent origins (2 lent)"},
		{st(1, 0, false), st(1, 1, false), "; independent origins 1 (1 own) → 1 (1 lent)"},
		{st(0, 0, false), st(0, 0, false), "; 0 independent origins"},
	} {
		got := (&comparer{}).reason(&VerdictChange{Claim: "c", Old: tc.old, New: tc.new, Causes: []string{"c changed (text)"}})
		if !strings.HasSuffix(got, tc.want) {
			t.Errorf("%+v → %+v:\n got %q\nwant it to end %q", tc.old, tc.new, got, tc.want)
		}
	}
}

// TestReasonEvidenceUnderTrust: under trust a reason gives the weight of
// the evidence after the count of origins, which no longer says it, and
// its change; a change of weight alone is a change of the verdict.
func TestReasonEvidenceUnderTrust(t *testing.T) {
	st := func(origins int, ev float64, capped bool) State {
		return State{Present: true, Label: verdict.Accepted, Origins: origins, Evidence: ev, Capped: capped}
	}
	capped := State{Present: true, Label: verdict.Accepted, Origins: 65, Lent: 64, Evidence: 40, Capped: true}
	trusted := &comparer{opts: Options{Verdict: verdict.Options{Trust: map[string]float64{"s": 0.9}}}}
	for _, tc := range []struct {
		c        *comparer
		old, new State
		want     string
	}{
		{trusted, st(1, 0.9, false), st(2, 1.4, false), "; independent origins 1 (1 own) → 2 (2 own), evidence 0.9 → 1.4"},
		{trusted, st(2, 0.2, false), st(2, 1.4, false), "; 2 independent origins (2 own), evidence 0.2 → 1.4"},
		{trusted, st(2, 1.4, false), st(2, 1.4, false), "; 2 independent origins (2 own), evidence 1.4"},
		{trusted, capped, capped, "; at least 65 independent origins (1 own, at least 64 lent, capped), evidence at least 40 (capped)"},
		{&comparer{}, st(2, 2, false), st(3, 3, false), "; independent origins 2 (2 own) → 3 (3 own)"},
	} {
		got := tc.c.reason(&VerdictChange{Claim: "c", Old: tc.old, New: tc.new, Causes: []string{"c changed (appearances)"}})
		if !strings.HasSuffix(got, tc.want) {
			t.Errorf("%+v → %+v:\n got %q\nwant it to end %q", tc.old, tc.new, got, tc.want)
		}
	}
	if !differs(st(2, 0.2, false), st(2, 1.4, false)) {
		t.Error("a change of the evidence's weight alone is no change of the verdict")
	}
	if differs(st(2, 1.4, false), st(2, 1.4+1e-12, false)) {
		t.Error("a change of the evidence's weight within evidence.Tolerance is a change of the verdict")
	}
}
