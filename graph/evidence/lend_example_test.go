package evidence_test

import (
	"fmt"

	"github.com/claimgraph/claimgraph/graph/evidence"
)

// Lend on three claims, numbered 0 to 2, each with one origin of its
// own (claim i's is origin i): claim 0 supports claim 1, which supports
// claim 2, and claim 2 supports claim 1 back. Nothing supports claim 0;
// claims 1 and 2, on a cycle of support, are reached by each other's
// origins, their own among them, and by claim 0's.
func ExampleLend() {
	own := [][]int32{{0}, {1}, {2}}
	edges := [][2]int32{{0, 1}, {1, 2}, {2, 1}}
	reach := evidence.Lend(3, edges, func(i int32) []int32 { return own[i] })
	for i, r := range reach {
		fmt.Println(i, r)
	}
	// Output:
	// 0 []
	// 1 [0 1 2]
	// 2 [0 1 2]
}
