package verdict_test

import (
	"testing"

	"github.com/claimgraph/claimgraph/graph/verdict"
)

// TestOutOfTimeRejectedLendsNothing: as of 2025, c (until 2020) does not
// hold, and s, which supports it, is rejected by r. The evidence shown
// for c counts nothing from s: a claim the run rejects lends nothing,
// out of time too, as the undated verdicts weigh c.
func TestOutOfTimeRejectedLendsNothing(t *testing.T) {
	g := build(t, spec{
		Claims: map[string]int{"c": 1, "s": 1, "r": 2},
		Order:  []string{"c", "s", "r"},
		Rels:   []string{"s>c", "r-s"},
		Valid:  map[string]string{"c": "..2020"},
	})
	for _, at := range []string{"", "2025"} {
		res, err := verdict.Compute(g.At(date(t, at)), verdict.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if vd, _ := res.Verdict("s"); vd.Label != verdict.Rejected {
			t.Fatalf("at %q: s is %v, want rejected", at, vd.Label)
		}
		vd, _ := res.Verdict("c")
		if vd.Evidence != 1 || vd.Lent != 0 || len(res.Lent("c")) != 0 {
			t.Errorf("at %q: c (%v) has evidence %g, lent %d %v; want 1, nothing lent by the rejected s", at, vd.Label, vd.Evidence, vd.Lent, res.Lent("c"))
		}
	}
}
