package evidence_test

import (
	"fmt"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/evidence"
	"github.com/claimgraph/claimgraph/sources"
)

// Two claims, each from its own outlet, support a third: it is lent both
// origins. Silencing the first, as a round of graph/verdict does with a
// rejected claim, takes its origin from the third claim alone.
func ExampleSilencer() {
	g := graph.New()
	b := graph.Batch{
		Sources: []sources.Source{
			{ID: "wire", Title: "Wire report", Kind: sources.NewsArticle},
			{ID: "paper", Title: "Newspaper", Kind: sources.NewsArticle},
			{ID: "blog", Title: "Blog post", Kind: sources.NewsArticle},
		},
		Claims: []claims.Claim{
			{ID: "a", Text: "A.", Appearances: []claims.Appearance{{Source: "wire"}}},
			{ID: "b", Text: "B.", Appearances: []claims.Appearance{{Source: "paper"}}},
			{ID: "c", Text: "C.", Appearances: []claims.Appearance{{Source: "blog"}}},
		},
		Relations: []claims.Relation{
			{From: "a", To: "c", Kind: claims.Supports},
			{From: "b", To: "c", Kind: claims.Supports},
		},
	}
	if err := g.Apply(b); err != nil {
		fmt.Println(err)
		return
	}
	tab, err := evidence.Of(g.View, evidence.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	// The claims are numbered in the view's order: a, b, c.
	s := tab.Silencer([][2]int32{{0, 2}, {1, 2}})
	fmt.Println(tab.Weight("c"), tab.Lent("c"))
	changed := s.Silence([]int32{0})
	fmt.Println(changed, tab.Weight("c"), tab.Lent("c"))
	// Output:
	// 3 [wire paper]
	// [2] 2 [paper]
}
