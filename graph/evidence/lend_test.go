package evidence_test

import (
	"testing"

	"github.com/claimgraph/claimgraph/graph/evidence"
	"github.com/google/go-cmp/cmp"
)

// TestLend works lending out by hand: 0 → 1 → 2 is a chain, 3 ⇄ 4 a
// cycle fed by 2, 5 stands apart and a support of 5 by itself is left
// out. Each claim is reached by the origins of the claims above it; the
// members of the cycle by each other's too, their own included.
func TestLend(t *testing.T) {
	own := [][]int32{{0}, {1}, {2}, {3}, {4}, {5}}
	edges := [][2]int32{{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 3}, {5, 5}}
	got := evidence.Lend(len(own), edges, func(i int32) []int32 { return own[i] })
	want := [][]int32{nil, {0}, {0, 1}, {0, 1, 2, 3, 4}, {0, 1, 2, 3, 4}, nil}
	if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b []int32) bool { return len(a) == len(b) && (len(a) == 0 || cmp.Equal(a, b)) })); diff != "" {
		t.Errorf("Lend (-want +got):\n%s", diff)
	}
}
