// Package borrow lets the packages of this module read the claims of a
// view as the graph stores them, without the copy of their slices that
// graph.View.Claims makes for every caller. A graph never changes an
// item once added (an edit stores a new one, and a snapshot's items are
// copied before the graph writes over them), so a claim read so can be
// read for as long as needed, by any goroutine; it must not be written
// to, nor handed to code outside the module, which may write to it.
//
// At a million claims, copying them is the larger part of a pass over
// the claims: package graph/evidence and graph/verdict read them so.
package borrow
