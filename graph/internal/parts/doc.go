// Package parts runs a function over the parts of a range on all
// processors: the one way packages graph/diff and graph/match split work
// between goroutines.
package parts
