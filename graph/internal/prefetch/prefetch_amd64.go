package prefetch

// Row asks for the RowBytes bytes from p on into the caches. It reads
// nothing and never faults: a hint, which the processor may drop.
//
//go:noescape
func Row(p *int32)
