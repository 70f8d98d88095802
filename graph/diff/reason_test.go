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
		got := reason(&VerdictChange{Claim: "c", Old: tc.old, New: tc.new, Causes: []string{"c changed (text)"}})
		if !strings.HasSuffix(got, tc.want) {
			t.Errorf("%+v → %+v:\n got %q\nwant it to end %q", tc.old, tc.new, got, tc.want)
		}
	}
}
