package evidence_test

import (
	"fmt"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/evidence"
	"github.com/claimgraph/claimgraph/sources"
)

// A review records the digest of the evidence it was based on. A second
// outlet that republishes the wire adds an appearance but no origin; an
// official's statement adds an origin: Moved says what changed since.
func ExampleDigests_Moved() {
	g := graph.New()
	if err := g.Apply(graph.Batch{
		Sources: []sources.Source{{ID: "wire", Kind: sources.Wire}},
		Claims:  []claims.Claim{{ID: "c", Text: "C.", Appearances: []claims.Appearance{{Source: "wire"}}}},
	}); err != nil {
		panic(err)
	}
	recorded, err := evidence.Digest(g.View, "c")
	if err != nil {
		panic(err)
	}
	steps := []graph.Batch{
		{Sources: []sources.Source{{ID: "relay", Kind: sources.NewsArticle,
			DerivedFrom: []sources.Derivation{{Source: "wire", Kind: sources.Republishes}}}}},
		{Sources: []sources.Source{{ID: "off", Kind: sources.OfficialStatement}}},
	}
	extra := []claims.Appearance{{Source: "relay", Via: "wire"}, {Source: "off"}}
	for i, b := range steps {
		c, _ := g.Claim("c")
		c.Appearances = append(c.Appearances, extra[i])
		b.Claims, b.Remove = []claims.Claim{c}, []string{"c"} // replaced in place
		if err := g.Apply(b); err != nil {
			panic(err)
		}
		d, err := evidence.DigestsOf(g.View)
		if err != nil {
			panic(err)
		}
		moved, err := d.Moved(recorded, "c")
		if err != nil {
			panic(err)
		}
		fmt.Println(moved)
	}
	// Output:
	// appearances 1 → 2
	// appearances 1 → 3, origins 1 → 2
}
