//go:build !unix

package cputime

import "time"

// Process returns -1: no CPU time is reported here.
func Process() time.Duration { return -1 }
