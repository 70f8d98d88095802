// Package csr holds the one counting sort behind every adjacency array of
// the graph packages: items laid out in compressed sparse rows, the items
// of row r at [start[r], start[r+1]) of one array, built in O(rows +
// items) by counting the items of each row, turning the counts into
// starts, and placing each item at the next free slot of its row.
//
// The counting and the starts are here; the placing loop mostly stays
// with the caller, because what is placed differs from one array to the
// next (an index, a neighbour, a whole edge, two parallel arrays) and a
// function value called per item would cost on the hot paths that build
// them. [Sort] places whole items by such a function, for arrays built
// once a computation (the attacks of package verdict, by target).
// Placing items in input order keeps each row in input order: the sort
// is stable.
package csr
