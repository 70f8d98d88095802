//go:build !race

package graph_test

// raceEnabled reports a build with the race detector, which changes what
// a test allocates.
const raceEnabled = false
