//go:build !amd64

package prefetch

// Row does nothing on this architecture.
func Row(p *int32) {}
