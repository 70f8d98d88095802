// Package busy runs a test's readers of a graph while a writer changes
// it, for the tests of concurrent use.
package busy

import (
	"sync"
	"sync/atomic"
	"testing"
)

// Run calls write(k) for k from 0 to n-1 (to n/4-1 under -short, so
// that -short stays fast) on a goroutine of its own while
// it calls read(run) on the caller's, at least twice and until the
// writes are done, so that the last reads see the last state. It stops
// early when write fails (reporting it) or read returns false, and
// returns when the writer has stopped. The caller's goroutine may call
// t.Fatal only in read's stead: read should report and return false.
func Run(t testing.TB, n int, write func(k int) error, read func(run int) bool) {
	t.Helper()
	if testing.Short() {
		n /= 4
	}
	var done, stop atomic.Bool
	var wg sync.WaitGroup
	wg.Go(func() {
		defer done.Store(true)
		for k := 0; k < n && !stop.Load(); k++ {
			if err := write(k); err != nil {
				t.Errorf("write %d: %v", k, err)
				return
			}
		}
	})
	defer wg.Wait()
	for run := 0; run < 2 || !done.Load(); run++ {
		if !read(run) {
			stop.Store(true)
			return
		}
	}
}
