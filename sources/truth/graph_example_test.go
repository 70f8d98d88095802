package truth_test

import (
	"fmt"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/sources"
	"github.com/claimgraph/claimgraph/sources/truth"
)

// Two contradicting claims are one question with two answers: two
// sources carry the first, one the second. Sums believes the first and
// trusts its sources more.
func ExampleFromGraph() {
	g := graph.New()
	err := g.Apply(graph.Batch{
		Sources: []sources.Source{
			{ID: "wire", Kind: sources.Wire},
			{ID: "paper", Kind: sources.NewsArticle},
			{ID: "post", Kind: sources.SocialPost},
		},
		Claims: []claims.Claim{
			{ID: "signed", Text: "The treaty was signed.", Appearances: []claims.Appearance{{Source: "wire"}, {Source: "paper"}}},
			{ID: "not-signed", Text: "The treaty was not signed.", Appearances: []claims.Appearance{{Source: "post"}}},
		},
		Relations: []claims.Relation{{From: "signed", To: "not-signed", Kind: claims.Contradicts}},
	})
	if err != nil {
		panic(err)
	}
	d, m := truth.FromGraph(g.View)
	r, err := truth.Discover(d, truth.Sums, truth.Options{})
	if err != nil {
		panic(err)
	}
	for _, f := range r.Chosen {
		fmt.Println("chosen:", m.Claims[f])
	}
	trust := m.Trust(r)
	for _, id := range m.Sources {
		fmt.Printf("trust %s %.2f\n", id, trust[id])
	}
	// Output:
	// chosen: signed
	// trust wire 1.00
	// trust paper 1.00
	// trust post 0.00
}
