//go:build race

package childtest

// race reports whether the race detector is on: it reserves address
// space that a limit of address space denies.
const race = true
