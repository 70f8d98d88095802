package scc

import (
	"math/rand/v2"
	"testing"
)

// reaches is the transitive closure by depth-first search, the definition
// Components is checked against: u and w share a component exactly when
// each reaches the other.
func reaches(start, to []int32) [][]bool {
	n := len(start) - 1
	r := make([][]bool, n)
	for s := range n {
		r[s] = make([]bool, n)
		stack := []int32{int32(s)}
		r[s][s] = true
		for len(stack) > 0 {
			v := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, w := range to[start[v]:start[v+1]] {
				if !r[s][w] {
					r[s][w] = true
					stack = append(stack, w)
				}
			}
		}
	}
	return r
}

func csr(n int, edges [][2]int32) (start, to []int32) {
	start = make([]int32, n+1)
	for _, e := range edges {
		start[e[0]+1]++
	}
	for i := range n {
		start[i+1] += start[i]
	}
	fill := append([]int32(nil), start[:n]...)
	to = make([]int32, len(edges))
	for _, e := range edges {
		to[fill[e[0]]] = e[1]
		fill[e[0]]++
	}
	return start, to
}

func TestComponents(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	var b Buf // reused across graphs on purpose
	for round := range 200 {
		n := 1 + rng.IntN(12)
		var edges [][2]int32
		for range rng.IntN(3 * n) {
			edges = append(edges, [2]int32{int32(rng.IntN(n)), int32(rng.IntN(n))})
		}
		start, to := csr(n, edges)
		b.Components(start, to)
		r := reaches(start, to)
		for u := range n {
			for w := range n {
				same := r[u][w] && r[w][u]
				if (b.Comp[u] == b.Comp[w]) != same {
					t.Fatalf("round %d, edges %v: vertices %d and %d in components %d and %d, mutually reachable %v",
						round, edges, u, w, b.Comp[u], b.Comp[w], same)
				}
			}
		}
		for _, e := range edges {
			if b.Comp[e[0]] < b.Comp[e[1]] {
				t.Fatalf("round %d: edge %v goes from component %d up to %d", round, e, b.Comp[e[0]], b.Comp[e[1]])
			}
		}
	}
}

func TestComponentsLongPath(t *testing.T) {
	// A path of a million vertices closed into a cycle: one component,
	// and no stack overflow.
	const n = 1_000_000
	var edges [][2]int32
	for i := range n {
		edges = append(edges, [2]int32{int32(i), int32((i + 1) % n)})
	}
	start, to := csr(n, edges)
	var b Buf
	b.Components(start, to)
	if b.Count != 1 {
		t.Errorf("Count = %d, want 1", b.Count)
	}
}
