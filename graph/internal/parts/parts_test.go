package parts

import (
	"runtime"
	"sync"
	"testing"
)

// TestSplit checks that Split's parts are contiguous, in order of their
// index, and cover [0, n) once, and that Count stays within one and the
// processors, none of its parts under size but a single one.
func TestSplit(t *testing.T) {
	for _, n := range []int{0, 1, 7, 100, 1001} {
		for count := 1; count <= 5; count++ {
			seen := make([]int, n)
			los, his := make([]int, count), make([]int, count)
			var mu sync.Mutex
			Split(n, count, func(p, lo, hi int) {
				mu.Lock()
				defer mu.Unlock()
				los[p], his[p] = lo, hi
				for i := lo; i < hi; i++ {
					seen[i]++
				}
			})
			for i, c := range seen {
				if c != 1 {
					t.Fatalf("n %d, count %d: item %d in %d parts", n, count, i, c)
				}
			}
			for p := range count {
				if p > 0 && los[p] != his[p-1] || los[0] != 0 || his[count-1] != n {
					t.Fatalf("n %d, count %d: parts %v to %v", n, count, los, his)
				}
			}
		}
	}
	procs := runtime.GOMAXPROCS(0)
	for _, c := range []struct{ n, size int }{{0, 10}, {5, 10}, {20, 10}, {1000, 10}} {
		k := Count(c.n, c.size)
		if k < 1 || k > procs || k > 1 && c.n/k < c.size {
			t.Errorf("Count(%d, %d) = %d with %d processors", c.n, c.size, k, procs)
		}
	}
}
