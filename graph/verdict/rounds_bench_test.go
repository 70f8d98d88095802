package verdict_test

import (
	"testing"

	"github.com/claimgraph/claimgraph/graph/internal/cputime"
	"github.com/claimgraph/claimgraph/graph/verdict"
)

// benchmarkRounds runs the rounds of Compute alone (evidence, labels and
// silencing, without DF-QuAD and the verdicts) on the n-claim graph of
// graph/synth, incrementally or each round afresh, and reports the CPU
// time of the process per run beside the wall time, and the rounds.
func benchmarkRounds(b *testing.B, n int, incremental bool) {
	g := synthesized(b, n)
	defer verdict.SetIncremental(incremental)()
	b.ReportAllocs()
	b.ResetTimer()
	before := cputime.Process()
	rounds := 0
	for b.Loop() {
		_, r, err := verdict.Silenced(g.View, verdict.Options{})
		if err != nil {
			b.Fatal(err)
		}
		rounds = r
	}
	if before >= 0 {
		b.ReportMetric(float64((cputime.Process()-before).Milliseconds())/float64(b.N), "cpu-ms/op")
	}
	b.ReportMetric(float64(rounds), "rounds")
}

// BenchmarkRounds compares the incremental rounds with rounds computed
// afresh on the graphs of graph/synth: 10k claims, and 100k and 1M
// without -short.
func BenchmarkRounds(b *testing.B) {
	sizes := []struct {
		name string
		n    int
	}{{"10k", 10_000}, {"100k", 100_000}, {"1M", 1_000_000}}
	for _, sz := range sizes {
		for _, inc := range []bool{true, false} {
			name := "claims=" + sz.name + "/rerun"
			if inc {
				name = "claims=" + sz.name + "/incremental"
			}
			b.Run(name, func(b *testing.B) {
				if testing.Short() && sz.n > 10_000 {
					b.Skip("skipped under -short: generating the graph takes seconds")
				}
				benchmarkRounds(b, sz.n, inc)
			})
		}
	}
}
