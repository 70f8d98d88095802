package childtest

import "runtime"

// Allocated returns the bytes fn allocates, counted by the runtime
// whatever the garbage collector frees meanwhile: a test of a cost that
// was quadratic compares it at two sizes, without timing.
func Allocated(fn func()) uint64 {
	var a, b runtime.MemStats
	runtime.ReadMemStats(&a)
	fn()
	runtime.ReadMemStats(&b)
	return b.TotalAlloc - a.TotalAlloc
}
