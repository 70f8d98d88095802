package rdf_test

import (
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/rdf"
)

// Matching decisions are cg:sameAs and cg:distinctFrom, never
// cg:supports.
func TestDecisionTriples(t *testing.T) {
	g, err := graph.Load("../../testdata/decisions.yaml")
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, tr := range rdf.Triples(g.View, rdf.Options{}) {
		count[tr.P.Value]++
		if tr.P.Value == rdf.RDF+"type" {
			count[tr.O.Value]++
		}
	}
	// Both decisions are symmetric, so written both ways, like
	// contradictions; each has one relation node.
	for want, n := range map[string]int{rdf.CG + "sameAs": 2, rdf.CG + "distinctFrom": 2, rdf.CG + "SameAs": 1, rdf.CG + "Distinction": 1} {
		if count[want] != n {
			t.Errorf("%d statements with %s, want %d", count[want], want, n)
		}
	}
	if n := count[rdf.CG+"supports"] + count[rdf.CG+"contradicts"]; n != 0 {
		t.Errorf("%d supports or contradicts statements for decisions", n)
	}
}
