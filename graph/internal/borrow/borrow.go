package borrow

import (
	"iter"

	"github.com/claimgraph/claimgraph/claims"
)

// Claims yields the claims of v, a graph.View, in the order of
// graph.View.Claims, sharing their slices with the graph. Package graph
// sets it when loaded (this package cannot name its View).
var Claims func(v any) iter.Seq[claims.Claim]
