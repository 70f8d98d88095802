package graph

import (
	"errors"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
)

// TestErrorListSort: one order for every list of problems (the batch
// files, the union of two files, the edits of the command): by file,
// line and column, problems at one place in the order found, and a
// problem with no position first.
func TestErrorListSort(t *testing.T) {
	at := func(file string, line, col int, msg string) *Error {
		return &Error{Position: claims.Position{File: file, Line: line, Column: col}, Err: errors.New(msg)}
	}
	list := ErrorList{
		at("b.yaml", 1, 1, "b1"),
		at("a.yaml", 10, 2, "a10"),
		at("a.yaml", 2, 9, "a2:9"),
		at("a.yaml", 2, 3, "a2:3 first"),
		at("", 0, 0, "nowhere"),
		at("a.yaml", 2, 3, "a2:3 second"),
	}
	list.Sort()
	want := []string{"nowhere", "a2:3 first", "a2:3 second", "a2:9", "a10", "b1"}
	for i, e := range list {
		if e.Err.Error() != want[i] {
			t.Fatalf("problem %d is %q, want %q (order %v)", i, e.Err, want[i], list)
		}
	}
}
