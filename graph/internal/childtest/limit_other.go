//go:build !linux

package childtest

import "errors"

// limitAS is not available off Linux, where Run skips before it.
func limitAS(uint64) error { return errors.New("RLIMIT_AS needs Linux") }
