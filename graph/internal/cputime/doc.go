// Package cputime reports the CPU time the process has used, for
// benchmarks that give CPU time beside wall time on a shared machine.
package cputime
