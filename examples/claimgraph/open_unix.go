//go:build unix

package main

import "syscall"

// openNonblock opens a file without waiting: a FIFO opens at once, with
// no writer, rather than wait for one.
const openNonblock = syscall.O_NONBLOCK
