package graph_test

import (
	"fmt"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
)

func ExampleView_SupportTree() {
	t, _ := exampleGraph().SupportTree("ties", 0)
	for i, n := range t.Nodes {
		fmt.Println(n.Depth, n.Claim, t.Path(i))
	}
	// Output:
	// 1 treaty treaty -supports-> ties
	// 2 summit summit -supports-> treaty -supports-> ties
}

func ExampleView_MostSupported() {
	for _, s := range exampleGraph().MostSupported(2) {
		fmt.Println(s.Claim, s.Supporters)
	}
	// Output:
	// ties 2
	// treaty 1
}

func ExampleView_RelationsOf() {
	rels, _ := exampleGraph().RelationsOf("treaty")
	for _, r := range rels {
		fmt.Println(r.From, r.Kind, r.To)
	}
	// Output:
	// treaty contradicts only-pact
	// summit supports treaty
	// treaty supports ties
}

func ExampleView_Resolve() {
	// A desk finds that "closer" is "ties" in other words and merges it:
	// the old ID still resolves, to the claim it was merged into.
	g := exampleGraph()
	closer := claims.Claim{ID: "closer", Text: "Pyongyang and Moscow have drawn closer.",
		Appearances: []claims.Appearance{{Source: "article-2023"}}}
	if err := g.Apply(graph.Batch{Claims: []claims.Claim{closer}}); err != nil {
		fmt.Println(err)
	}
	if err := g.Apply(graph.Batch{Merges: []graph.Merge{{Into: "ties", From: "closer"}}}); err != nil {
		fmt.Println(err)
	}
	fmt.Println(g.Resolve("closer"))
	fmt.Println(g.Resolve("ties"))
	if id, _ := g.Resolve("no-such-claim"); id == "" {
		fmt.Println("no-such-claim: not in the graph")
	}
	// Output:
	// ties true
	// ties false
	// no-such-claim: not in the graph
}

func ExampleView_Resolved() {
	g := exampleGraph()
	rels, _ := g.Contradictions("treaty")
	for _, r := range rels {
		// Only-pact holds until 2024-06-19 and the treaty from then on.
		fmt.Println(r.From, r.To, g.Resolved(r))
	}
	// Output:
	// treaty only-pact true
}

func ExampleView_MostSupportedExcept() {
	// The treaty silenced (say, rejected by the verdicts): it lends
	// nothing, so ties, supported by it and through it by the summit,
	// counts no supporter; the treaty still counts the summit.
	for _, s := range exampleGraph().MostSupportedExcept(2, map[string]bool{"treaty": true}) {
		fmt.Println(s.Claim, s.Supporters)
	}
	// Output:
	// treaty 1
}
