// Package parts runs a function over the parts of a range on all
// processors: the one way packages graph/diff and graph/match split a
// range of work between goroutines, and graph/evidence its levels of
// support and its claims (the origins it finds in batches, a pipeline
// that keeps the view's order, are its own).
package parts
