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
	parts := max(1, min(runtime.GOMAXPROCS(0), n/size))
	var wg sync.WaitGroup
	for p := 1; p < parts; p++ {
		wg.Go(func() { f(p*n/parts, (p+1)*n/parts) })
	}
	f(0, n/parts)
	wg.Wait()
}
