package imports

import (
	"fmt"
	"slices"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
)

// Result is what [ReadArgdown] and [ReadAIF] make of their input: the
// batch for [graph.Graph.Apply], and a warning for every element of the
// input that the batch leaves out.
type Result struct {
	graph.Batch
	Warnings []Warning
}

// Warning is an element of the input an importer left out, at the 1-based
// line and column where the input has it, and why.
type Warning struct {
	claims.Position
	Message string
}

// String formats the warning as "FILE:LINE:COL: message".
func (w Warning) String() string { return w.Position.String() + ": " + w.Message }

// warn records a warning about the element at byte offset off.
func (in *input) warn(off int64, format string, a ...any) {
	in.warnings = append(in.warnings, Warning{Position: in.errAt(off, nil).Position, Message: fmt.Sprintf(format, a...)})
}

// result returns b with the warnings, sorted by position.
func (in *input) result(b graph.Batch) Result {
	slices.SortStableFunc(in.warnings, func(a, b Warning) int { return byPosition(a.Position, b.Position) })
	return Result{Batch: b, Warnings: in.warnings}
}
