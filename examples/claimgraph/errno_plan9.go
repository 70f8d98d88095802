//go:build plan9

package main

// errnoText is the system's words for the error number in err: Plan 9's
// errors are strings, which may quote the input, so none is given.
func errnoText(error) (string, bool) { return "", false }
