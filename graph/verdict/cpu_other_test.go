//go:build !unix

package verdict

import "time"

// cpuTime returns -1: no CPU time is reported here.
func cpuTime() time.Duration { return -1 }

// CPUTime is cpuTime, for the benchmarks of package verdict_test.
var CPUTime = cpuTime
