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
