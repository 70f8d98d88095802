package diff

import (
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/verdict"
)

// SetCompute makes Compare compute verdicts with f, for a benchmark that
// times the verdicts apart from the rest; the returned function restores
// verdict.Compute.
func SetCompute(f func(graph.View, verdict.Options) (*verdict.Result, error)) (restore func()) {
	compute = f
	return func() { compute = verdict.Compute }
}

// SetMinExplain sets the number of verdict changes a goroutine explains
// at least; the returned function restores it.
func SetMinExplain(n int) (restore func()) {
	was := minExplain
	minExplain = n
	return func() { minExplain = was }
}
