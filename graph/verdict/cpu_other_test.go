//go:build !unix

package verdict_test

import "time"

// cpuTime returns -1: no CPU time is reported here.
func cpuTime() time.Duration { return -1 }
