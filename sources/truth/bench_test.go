package truth_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/claimgraph/claimgraph/sources/truth"
)

// synthetic builds a data set of nSources sources, nFacts facts spread four
// per object, and nAssert assertions through the numeric API. Each source
// has a reliability in [0.5, 1): with that probability it asserts an
// object's first (true) fact, otherwise one of the three others.
func synthetic(tb testing.TB, nSources, nFacts, nAssert int) *truth.Dataset {
	tb.Helper()
	rng := rand.New(rand.NewPCG(1, 1))
	d := truth.NewDataset()
	rel := make([]float64, nSources)
	for s := range rel {
		d.AddSource("")
		rel[s] = 0.5 + rng.Float64()/2
	}
	const perObject = 4
	nObjects := nFacts / perObject
	for o := 0; o < nObjects; o++ {
		obj := d.AddObject("")
		for v := 0; v < perObject; v++ {
			if _, err := d.AddFact(obj, ""); err != nil {
				tb.Fatal(err)
			}
		}
	}
	for range nAssert {
		s := rng.IntN(nSources)
		f := rng.IntN(nObjects) * perObject
		if rng.Float64() >= rel[s] {
			f += 1 + rng.IntN(perObject-1)
		}
		if err := d.AssertID(truth.SourceID(s), truth.FactID(f)); err != nil {
			tb.Fatal(err)
		}
	}
	d.Freeze()
	return d
}

func BenchmarkDiscover(b *testing.B) {
	sizes := []struct{ sources, facts, asserts int }{
		{1_000, 10_000, 50_000},
		{100_000, 1_000_000, 5_000_000},
	}
	for _, size := range sizes {
		var d *truth.Dataset
		for _, alg := range truth.Algorithms() {
			name := fmt.Sprintf("%s/s=%d,f=%d,a=%d", alg, size.sources, size.facts, size.asserts)
			b.Run(name, func(b *testing.B) {
				if d == nil {
					d = synthetic(b, size.sources, size.facts, size.asserts)
				}
				b.ReportAllocs()
				var r *truth.Result
				for b.Loop() {
					var err error
					if r, err = truth.Discover(d, alg, truth.Options{}); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(r.Iterations), "iterations")
			})
		}
	}
}

// BenchmarkCopy runs ACCU and DEPEN on the synthetic data with four facts
// per object, up to 100k sources, 1M objects and 5M assertions. Their
// pairwise copy detection looks only at pairs of sources that assert a
// common fact, found from each fact's sources.
func BenchmarkCopy(b *testing.B) {
	sizes := []struct{ sources, objects, asserts int }{
		{1_000, 10_000, 50_000},
		{100_000, 1_000_000, 5_000_000},
	}
	for _, size := range sizes {
		var d *truth.Dataset
		for _, alg := range []truth.Algorithm{truth.Accu, truth.Depen} {
			name := fmt.Sprintf("%s/s=%d,o=%d,a=%d", alg, size.sources, size.objects, size.asserts)
			b.Run(name, func(b *testing.B) {
				if d == nil {
					d = synthetic(b, size.sources, 4*size.objects, size.asserts)
				}
				b.ReportAllocs()
				var r *truth.Result
				for b.Loop() {
					var err error
					if r, err = truth.Discover(d, alg, truth.Options{}); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(r.Iterations), "iterations")
				b.ReportMetric(float64(len(r.Dependence)), "dependent-pairs")
			})
		}
	}
}
