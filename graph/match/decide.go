package match

import (
	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
)

// Decision is a person's answer to a suggestion: the kind of relation to
// record between claims A and B — [claims.SameAs], [claims.DistinctFrom],
// or for a likely contradiction that is one, [claims.Contradicts]. The
// zero Kind means undecided.
type Decision struct {
	A, B string
	Kind claims.RelationKind
	By   string // who decided, recorded as the relation's asserted_by
	Note string
}

// Decide turns decisions into a batch of relations, one per decided pair
// in order, leaving out the undecided. Applying the batch with
// [graph.Graph.Apply] checks it as any other: unknown claims, a pair
// decided twice or already related another way are errors, and a batch
// that fails leaves the graph as it was.
func Decide(ds []Decision) graph.Batch {
	var b graph.Batch
	for _, d := range ds {
		if d.Kind == 0 {
			continue
		}
		b.Relations = append(b.Relations, claims.Relation{From: d.A, To: d.B, Kind: d.Kind, AssertedBy: d.By, Note: d.Note})
	}
	return b
}
