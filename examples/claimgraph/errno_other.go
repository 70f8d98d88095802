//go:build !plan9

package main

import (
	"errors"
	"syscall"
)

// errnoText is the system's words for the error number in err, if any.
func errnoText(err error) (string, bool) {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return errno.Error(), true
	}
	return "", false
}
