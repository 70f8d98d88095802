package verdict_test

import (
	"testing"

	"github.com/claimgraph/claimgraph/graph/verdict"
)

func benchmarkCompute(b *testing.B, n int) {
	g := generate(b, n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := verdict.Compute(g.View, verdict.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompute100k: 100,000 claims, about 50,000 contradictions and
// 100,000 supports, fixed seed.
func BenchmarkCompute100k(b *testing.B) { benchmarkCompute(b, 100_000) }

// BenchmarkCompute1M is the same at 1,000,000 claims.
func BenchmarkCompute1M(b *testing.B) {
	if testing.Short() {
		b.Skip("1M claims take a minute to generate; skipped under -short")
	}
	benchmarkCompute(b, 1_000_000)
}
