package truth_test

import (
	"fmt"
	"math"

	"github.com/claimgraph/claimgraph/sources/truth"
)

// Three objects, given by the distinct sources of their facts and their
// pair incidences: the second has more sources than MaxCopySources and
// is left out of copy detection; with a budget of 4,000 pairs the third,
// which has the most pairs of the rest, is left out too.
func ExampleCopyChecks() {
	n := []int{3, truth.MaxCopySources + 1, 100}
	pairs := []int64{3, 257 * 256 / 2, 100 * 99 / 2}
	fmt.Println(truth.CopyChecks(n, pairs, math.MaxInt64))
	fmt.Println(truth.CopyChecks(n, pairs, 4000))
	// Output:
	// [true false true]
	// [true false false]
}
