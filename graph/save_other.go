//go:build !unix

package graph

// writable reports whether the system lets this process write the file
// at path; outside Unix only the permission bits are checked (SaveFile).
func writable(string) bool { return true }
