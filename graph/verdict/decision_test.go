package verdict_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/verdict"
)

// Matching decisions bear on no verdict: the verdicts of the seed graph
// are the same after recording same_as and distinct_from between claims
// that contradict or support others.
func TestDecisionsChangeNoVerdict(t *testing.T) {
	g, err := graph.Load("../../testdata/kim-putin.yaml")
	if err != nil {
		t.Fatal(err)
	}
	before, err := verdict.Compute(g.View, verdict.Options{})
	if err != nil {
		t.Fatal(err)
	}
	err = g.Apply(graph.Batch{Relations: []claims.Relation{
		{From: "china-only-defence-pact", To: "dprk-only-china-defence-pact", Kind: claims.DistinctFrom},
		{From: "kim-chair-wiped", To: "kim-glass-removed", Kind: claims.SameAs},
		{From: "dprk-sent-15000-soldiers", To: "kim-chair-wiped", Kind: claims.SameAs},
	}})
	if err != nil {
		t.Fatal(err)
	}
	after, err := verdict.Compute(g.View, verdict.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(before, after, cmpopts.IgnoreUnexported(verdict.Result{}), cmpopts.EquateNaNs()); diff != "" {
		t.Errorf("verdicts changed by decisions (-before +after):\n%s", diff)
	}
}
