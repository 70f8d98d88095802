// Package childtest runs part of a test in a child process under a
// limit of address space, so that a test can show that a reader refuses
// hostile input with an error instead of running out of memory, and
// measure the memory the reader took (the child's peak resident size);
// and, in the test's own process, runs part of a test under a deadline
// (Within), or counts the bytes it allocates (Allocated), to show that a
// cost that was quadratic no longer is.
// Only tests import it.
package childtest
