package evidence_test

import (
	"fmt"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/evidence"
	"github.com/claimgraph/claimgraph/sources"
)

// Three outlets relay one wire story: one origin. A claim with no
// appearance of its own, supported by it, is lent that origin and no
// more; a claim that two officials state is lent it on top of theirs.
func ExampleOf() {
	relay := func(id string) sources.Source {
		return sources.Source{ID: id, Kind: sources.NewsArticle,
			DerivedFrom: []sources.Derivation{{Source: "wire", Kind: sources.Republishes}}}
	}
	g := graph.New()
	err := g.Apply(graph.Batch{
		Sources: []sources.Source{{ID: "wire", Kind: sources.Wire}, relay("a"), relay("b"), relay("c"),
			{ID: "off1", Kind: sources.OfficialStatement}, {ID: "off2", Kind: sources.OfficialStatement}},
		Claims: []claims.Claim{
			{ID: "story", Text: "S.", Appearances: []claims.Appearance{{Source: "a", Via: "wire"}, {Source: "b", Via: "wire"}, {Source: "c", Via: "wire"}}},
			{ID: "inferred", Text: "I."},
			{ID: "stated", Text: "T.", Appearances: []claims.Appearance{{Source: "off1"}, {Source: "off2"}}},
		},
		Relations: []claims.Relation{
			{From: "story", To: "inferred", Kind: claims.Supports},
			{From: "story", To: "stated", Kind: claims.Supports},
		},
	})
	if err != nil {
		panic(err)
	}
	t, err := evidence.Of(g.View, evidence.Options{})
	if err != nil {
		panic(err)
	}
	for _, id := range []string{"story", "inferred", "stated"} {
		e, _ := t.Claim(id)
		fmt.Printf("%s: own %v, lent %v, weight %g\n", id, e.Origins, t.Lent(id), e.Weight)
	}
	// Output:
	// story: own [wire], lent [], weight 1
	// inferred: own [], lent [wire], weight 1
	// stated: own [off1 off2], lent [wire], weight 3
}
