package truth_test

import (
	"fmt"
	"testing"

	"github.com/claimgraph/claimgraph/sources/truth"
	"github.com/google/go-cmp/cmp"
)

// TestQuestions works the greedy cliques out by hand: the triangle
// 0 ⊥ 1 ⊥ 2 ⊥ 0 is one question, started by the first edge; its two later
// edges start nothing; 2 ⊥ 3 is a second, started by the fourth edge;
// claim 4, uncontested, is a question of its own.
func TestQuestions(t *testing.T) {
	qs := truth.Questions(5, [][2]int32{{0, 1}, {1, 2}, {2, 0}, {3, 2}})
	if diff := cmp.Diff([][]int32{{0, 1, 2}, {2, 3}, {4}}, qs); diff != "" {
		t.Errorf("questions (-want +got):\n%s", diff)
	}
}

// ExampleQuestions groups five claims into questions: the triangle of
// contradictions 0, 1, 2 is one; 3, contradicting 2 alone, makes a second
// with it; 4, uncontested, is a question of its own.
func ExampleQuestions() {
	edges := [][2]int32{{0, 1}, {1, 2}, {2, 0}, {3, 2}}
	for _, q := range truth.Questions(5, edges) {
		fmt.Println(q)
	}
	// Output:
	// [0 1 2]
	// [2 3]
	// [4]
}
