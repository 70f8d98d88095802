//go:build plan9

package graph

import "os"

// defaultSignals are those [HandleSignals] handles when given none: Plan 9
// has notes, not SIGTERM.
var defaultSignals = []os.Signal{os.Interrupt}

// exitCode is the status a program stopped by sig exits with: Plan 9's
// notes have no numbers.
func exitCode(os.Signal) int { return 1 }
