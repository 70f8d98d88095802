//go:build !unix

package main

// openNonblock is 0 where the system has no O_NONBLOCK, nor FIFOs to
// wait on.
const openNonblock = 0
