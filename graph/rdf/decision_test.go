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
	for _, want := range []string{rdf.CG + "sameAs", rdf.CG + "distinctFrom", rdf.CG + "SameAs", rdf.CG + "Distinction"} {
		if count[want] != 1 {
			t.Errorf("%d statements with %s, want 1", count[want], want)
		}
	}
	if n := count[rdf.CG+"supports"] + count[rdf.CG+"contradicts"]; n != 0 {
		t.Errorf("%d supports or contradicts statements for decisions", n)
	}
}
