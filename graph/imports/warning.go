package imports

import (
	"cmp"
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

// warn records a warning about the element at byte offset off, whose
// position result finds.
func (in *input) warn(off int64, format string, a ...any) {
	in.warnings = append(in.warnings, Warning{Message: fmt.Sprintf(format, a...)})
	in.warnAt = append(in.warnAt, off)
}

// result returns b with the warnings, sorted by position. The positions
// are found in the order of the input, in one pass over it: one at a
// time, the warnings of a long line took time in the square of its
// length.
func (in *input) result(b graph.Batch) Result {
	order := make([]int, len(in.warnings))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return cmp.Compare(in.warnAt[i], in.warnAt[j]) })
	var ws []Warning
	for _, i := range order {
		w := in.warnings[i]
		w.Position = in.errAt(in.warnAt[i], nil).Position
		ws = append(ws, w)
	}
	return Result{Batch: b, Warnings: ws}
}
