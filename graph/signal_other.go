//go:build !plan9

package graph

import (
	"os"
	"syscall"
)

// defaultSignals are those [HandleSignals] handles when given none.
var defaultSignals = []os.Signal{os.Interrupt, syscall.SIGTERM}

// exitCode is the status a program stopped by sig exits with: the
// shell's, 128 plus the signal's number.
func exitCode(sig os.Signal) int {
	if n, ok := sig.(syscall.Signal); ok {
		return 128 + int(n)
	}
	return 1
}
