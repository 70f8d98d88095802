package claims_test

import (
	"fmt"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
)

func TestPosition(t *testing.T) {
	for _, tt := range []struct {
		p           claims.Position
		valid       bool
		str, prefix string
	}{
		{claims.Position{File: "a.yaml", Line: 3, Column: 4}, true, "a.yaml:3:4", "x: a.yaml:3:4: "},
		{claims.Position{Line: 3, Column: 4}, true, "3:4", "x: 3:4: "},
		{claims.Position{File: "a.yaml", Line: 3}, true, "a.yaml:3", "x: a.yaml:3: "},
		{claims.Position{File: "a.yaml"}, false, "a.yaml", "x: a.yaml: "},
		{claims.Position{File: "a.yaml", Column: 4}, false, "a.yaml", "x: a.yaml: "},
		{claims.Position{}, false, "", "x: "},
	} {
		if got := tt.p.IsValid(); got != tt.valid {
			t.Errorf("%#v.IsValid() = %v, want %v", tt.p, got, tt.valid)
		}
		if got := tt.p.String(); got != tt.str {
			t.Errorf("%#v.String() = %q, want %q", tt.p, got, tt.str)
		}
		if got := tt.p.Prefix("x"); got != tt.prefix {
			t.Errorf("%#v.Prefix(\"x\") = %q, want %q", tt.p, got, tt.prefix)
		}
	}
}

func ExamplePosition() {
	fmt.Println(claims.Position{File: "in.yaml", Line: 9, Column: 13})
	fmt.Println(claims.Position{Line: 9, Column: 13})
	fmt.Println(claims.Position{File: "in.yaml", Line: 9, Column: 13}.Prefix("graph") + "unknown entity")
	fmt.Println(claims.Position{}.Prefix("graph") + "unknown entity")
	// Output:
	// in.yaml:9:13
	// 9:13
	// graph: in.yaml:9:13: unknown entity
	// graph: unknown entity
}

// TestPositionAt: the line and column, in characters, of a byte offset;
// an offset inside a character goes to its start, one out of range to
// the nearer end.
func TestPositionAt(t *testing.T) {
	data := []byte("ab\nCé d\n")
	for _, tt := range []struct {
		off       int
		line, col int
	}{
		{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {4, 2, 2},
		{5, 2, 2}, // inside é
		{6, 2, 3}, {len(data), 3, 1}, {-4, 1, 1}, {99, 3, 1},
	} {
		if got, want := claims.PositionAt("f", data, tt.off), (claims.Position{File: "f", Line: tt.line, Column: tt.col}); got != want {
			t.Errorf("PositionAt(%d) = %v, want %v", tt.off, got, want)
		}
	}
}
