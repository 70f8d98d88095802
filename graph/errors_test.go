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

// TestPositionPrintedOneWay: a problem's reference and the other side
// of a conflict print their position as [claims.Position.String] does,
// the way every reader's errors print theirs: no ":3:4" for a position
// without a file, no ":0" for one without a column.
func TestPositionPrintedOneWay(t *testing.T) {
	for _, p := range []claims.Position{
		{Line: 3, Column: 4},
		{File: "a.yaml", Line: 3},
		{File: "a.yaml", Line: 3, Column: 4},
	} {
		e := &Error{Position: claims.Position{File: "b.yaml", Line: 1, Column: 1}, Ref: p, Err: errors.New("still named")}
		if got, want := e.Message(), "still named at "+p.String(); got != want {
			t.Errorf("reference at %#v: %q, want %q", p, got, want)
		}
		c := Conflict{Kind: "claim", ID: "x", B: p}
		if got, want := c.message(), `claim "x" differs from `+p.String(); got != want {
			t.Errorf("conflict with %#v: %q, want %q", p, got, want)
		}
	}
	e := &Error{Position: claims.Position{File: "b.yaml", Line: 1, Column: 1}, Err: errors.New("m")}
	if got := e.Message(); got != "m" {
		t.Errorf("no reference: %q, want m", got)
	}
}
