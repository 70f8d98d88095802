package parts

import (
	"runtime"
	"sync"
)

// Run calls f on the parts of [0, n) that one goroutine per processor
// takes, none fewer than size items (one part, on this goroutine, below
// size items a processor), and returns when all are done. The parts are
// contiguous, in order, and cover [0, n) once.
func Run(n, size int, f func(lo, hi int)) {
	Split(n, Count(n, size), func(_, lo, hi int) { f(lo, hi) })
}

// Count is how many parts Run makes of n items, none fewer than size:
// one per processor at most, and at least one.
func Count(n, size int) int {
	return max(1, min(runtime.GOMAXPROCS(0), n/size))
}

// Split calls f on each of count parts of [0, n), part p on goroutine p
// (part 0 on this one), and returns when all are done: the parts are
// contiguous, in order, and cover [0, n) once. Told its part, f can use
// scratch of its own and leave results that the caller gathers in part
// order, the same whatever the schedule.
func Split(n, count int, f func(p, lo, hi int)) {
	var wg sync.WaitGroup
	for p := 1; p < count; p++ {
		wg.Go(func() { f(p, p*n/count, (p+1)*n/count) })
	}
	f(0, 0, n/count)
	wg.Wait()
}
