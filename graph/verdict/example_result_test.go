package verdict_test

import (
	"fmt"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/verdict"
)

// Looking up one claim's verdict on the seed data, and the origins its
// supporters lend it: the treaty claim rests on its own independent
// origins and on those lent by the claims that support it.
func ExampleResult_Verdict() {
	g, err := graph.Load("../../testdata/kim-putin.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := verdict.Compute(g.View, verdict.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	v, ok := r.Verdict("russia-dprk-defence-treaty-2024")
	if !ok {
		fmt.Println("no such claim")
		return
	}
	fmt.Printf("%s: %s, %s\n", v.Claim, v.Label, v.Rating.Name)
	fmt.Println("own origins:", v.Origins)
	fmt.Println("lent:", r.Lent(v.Claim))
	fmt.Println("independent origins:", v.Independent())
	// Output:
	// russia-dprk-defence-treaty-2024: accepted, True
	// own origins: [ministers-expelled-article-2024 internewscast-kim-scrub-2025]
	// lent: [beijing-talks-remarks-2025]
	// independent origins: 3
}
