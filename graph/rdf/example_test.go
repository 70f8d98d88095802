package rdf_test

import (
	"os"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/rdf"
)

func ExampleWriteNQuads() {
	g := graph.New()
	err := g.Apply(graph.Batch{
		Claims:    []claims.Claim{{ID: "met", Text: `Kim "met" Putin.`}, {ID: "talks", Text: "They talked."}},
		Relations: []claims.Relation{{From: "met", To: "talks", Kind: claims.Supports}},
	})
	if err != nil {
		panic(err)
	}
	if err := rdf.WriteNQuads(os.Stdout, g.View, rdf.Options{Base: "https://example.org/"}); err != nil {
		panic(err)
	}
	// Output:
	// <https://example.org/met> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Claim> .
	// <https://example.org/met> <https://schema.org/identifier> "met" .
	// <https://example.org/met> <https://schema.org/text> "Kim \"met\" Putin." .
	// <https://example.org/talks> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Claim> .
	// <https://example.org/talks> <https://schema.org/identifier> "talks" .
	// <https://example.org/talks> <https://schema.org/text> "They talked." .
	// <https://example.org/met> <https://claimgraph.github.io/ns#supports> <https://example.org/talks> .
	// _:relation.1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://claimgraph.github.io/ns#Support> .
	// _:relation.1 <https://claimgraph.github.io/ns#from> <https://example.org/met> .
	// _:relation.1 <https://claimgraph.github.io/ns#to> <https://example.org/talks> .
}
