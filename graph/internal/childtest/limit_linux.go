package childtest

import "syscall"

// limitAS limits the address space of the process to limit bytes.
func limitAS(limit uint64) error {
	return syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: limit, Max: limit})
}
