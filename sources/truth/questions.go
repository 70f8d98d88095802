package truth

import "slices"

// Questions returns the questions that [FromGraph] makes of n claims,
// numbered 0 to n−1 in graph order, joined by the contradiction edges, in
// graph order: each edge not yet inside a question starts one with its
// two claims, which takes in every claim that contradicts all its members
// so far (a maximal clique, found greedily, by the same code as
// FromGraph: see cliques for its cost, near-linear on sparse graphs);
// then each claim without contradictions is a question of its own. Only
// the edges of a claim's own component of the contradiction graph decide
// its questions, so the components can be worked out apart (as
// examples/beam does).
func Questions(n int, edges [][2]int32) (qs [][]int32) {
	adj := adjacency(n, edges)
	cliques(adj, edges, func(members []int32) { qs = append(qs, slices.Clone(members)) })
	for c := range n {
		if len(adj[c]) == 0 {
			qs = append(qs, []int32{int32(c)})
		}
	}
	return qs
}
