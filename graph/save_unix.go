//go:build unix

package graph

import "syscall"

// writable reports whether the system lets this process write the file
// at path.
func writable(path string) bool { return syscall.Access(path, 2 /* W_OK */) == nil }
