// Package scc finds the strongly connected components of a graph held in
// compressed sparse rows, with Tarjan's algorithm run iteratively so that
// paths of any length cannot overflow the goroutine stack.
//
// It serves graph/provenance (cycles of derivations between sources) and
// graph/af (the cycles that DF-QuAD must iterate on). Neither calls the
// dependency's StronglyConnectedComponents: that builds the adjacency map
// of the whole graph, as maps of maps, on every call and recurses once per
// vertex.
package scc
