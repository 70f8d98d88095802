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

	// The new version: the same file without the US officials' claim
	// that the weapons sale was on the agenda, and its relations.
	new, err := graph.Load("../../testdata/kim-putin.yaml")
	if err != nil {
		log.Fatal(err)
	}
	const sale = "weapons-sale-on-agenda"
	rels, err := new.RelationsOf(sale)
	if err != nil {
		log.Fatal(err)
	}
	if err := new.Apply(graph.Batch{Remove: []string{sale}, RemoveRelations: rels}); err != nil {
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
	// talks-not-against-anyone rejected → accepted
	// weapons-sale-on-agenda accepted → absent
	// 3 items removed
}
