package verdict_test

import (
	"testing"

	"github.com/claimgraph/claimgraph/graph/internal/cputime"
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

// benchmarkSynth reports beside the wall time the CPU time of the
// process per Compute (all threads, garbage collection included), which
// says more on a machine shared with other work.
func benchmarkSynth(b *testing.B, n int) {
	g := synthesized(b, n)
	b.ReportAllocs()
	b.ResetTimer()
	before := cputime.Process()
	for b.Loop() {
		if _, err := verdict.Compute(g.View, verdict.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	if before >= 0 {
		b.ReportMetric(float64((cputime.Process()-before).Milliseconds())/float64(b.N), "cpu-ms/op")
	}
}

// BenchmarkComputeSynth100k runs Compute on the 100k-claim graph of
// graph/synth holding only the graph, as the scale benchmark's Verdicts
// row does.
func BenchmarkComputeSynth100k(b *testing.B) { benchmarkSynth(b, 100_000) }

// BenchmarkComputeSynth1M is the same at 1,000,000 claims.
func BenchmarkComputeSynth1M(b *testing.B) {
	if testing.Short() {
		b.Skip("1M claims take a minute to generate; skipped under -short")
	}
	benchmarkSynth(b, 1_000_000)
}
