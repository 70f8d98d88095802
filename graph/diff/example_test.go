package diff_test

import (
	"fmt"
	"log"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/diff"
)

// Two versions of a file compared one graph at a time: the old one is
// summarized and may go before the new one is read.
func ExampleSummarize() {
	old, err := graph.Load("../../testdata/kim-putin.yaml")
	if err != nil {
		log.Fatal(err)
	}
	s, err := diff.Summarize(old, diff.Options{})
	if err != nil {
		log.Fatal(err)
	}
	// From here on old is not needed, and can be collected: the summary
	// keeps what the comparison needs of it.

	// The new version: the same file without the treaty claim and its
	// relations.
	new, err := graph.Load("../../testdata/kim-putin.yaml")
	if err != nil {
		log.Fatal(err)
	}
	const treaty = "russia-dprk-defence-treaty-2024"
	rels, err := new.RelationsOf(treaty)
	if err != nil {
		log.Fatal(err)
	}
	if err := new.Apply(graph.Batch{Remove: []string{treaty}, RemoveRelations: rels}); err != nil {
		log.Fatal(err)
	}

	r, err := s.Compare(new)
	if err != nil {
		log.Fatal(err)
	}
	for _, v := range r.Verdicts {
		fmt.Println(v.Claim, v.Old, "→", v.New)
	}
	fmt.Println(len(r.Removed), "items removed")
	// Output:
	// china-only-defence-pact rejected → undecided
	// only-two-defence-treaty-partners accepted → undecided
	// russia-dprk-defence-treaty-2024 accepted → absent
	// 5 items removed
}
