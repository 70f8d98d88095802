// Package scc finds the strongly connected components of a graph held in
// compressed sparse rows, with Tarjan's algorithm run iteratively so that
// paths of any length cannot overflow the goroutine stack.
//
// It serves graph/provenance (cycles of derivations between sources) and
// graph/af (the cycles that DF-QuAD must iterate on); package graph's
// documentation says why not the dependency's StronglyConnectedComponents.
package scc
