package match_test

import (
	"fmt"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/match"
)

// A desk decides that two wordings of "China is North Korea's only
// treaty ally" are one claim, and that the second supports the Russian
// treaty, which the seed says the first contradicts: through same_as the
// decisions contradict the graph, and Conflicts names them before
// anything is applied.
func ExampleConflicts() {
	g, err := graph.Load("../../testdata/kim-putin.yaml")
	if err != nil {
		panic(err)
	}
	ds := []match.Decision{
		{A: "china-only-defence-pact", B: "dprk-only-china-defence-pact", Kind: claims.SameAs},
		{A: "dprk-only-china-defence-pact", B: "russia-dprk-defence-treaty-2024", Kind: claims.Supports},
	}
	for _, c := range match.Conflicts(g.View, ds) {
		fmt.Println(c)
	}
	// Output:
	// match: decision 2 (dprk-only-china-defence-pact ~ russia-dprk-defence-treaty-2024): supports a claim it contradicts through same_as (china-only-defence-pact contradicts russia-dprk-defence-treaty-2024)
}
