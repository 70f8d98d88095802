// Package parts runs a function over the parts of a range on all
// processors: the one way packages graph/diff, graph/match and
// graph/evidence split work between goroutines.
package parts
