// Package prefetch asks the processor to bring memory into its caches
// ahead of use, so that a loop that reads rows all over a large array
// can have the next rows on their way while it works on this one.
package prefetch
