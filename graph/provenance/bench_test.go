package provenance

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/synth"
	"github.com/claimgraph/claimgraph/sources"
)

// benchGraph makes sources in ten layers (layer L draws on one or two
// sources of layer L-1, so trails are up to ten links deep) and claims
// that spread down a random trail: each appears in a random source and in
// sources along one of its derivation trails, sometimes with a Via.
func benchGraph(b *testing.B, nSources, nClaims int) *graph.Graph {
	rng := rand.New(rand.NewPCG(1, 1))
	const depth = 10
	layer := make([][]int, depth)
	var batch graph.Batch
	for i := range nSources {
		l := rng.IntN(depth)
		if i < depth {
			l = i
		}
		s := sources.Source{ID: fmt.Sprintf("s%d", i), Kind: sources.NewsArticle}
		if l == 0 {
			s.Kind = sources.Video
		} else {
			prev := layer[l-1]
			for _, j := range []int{prev[rng.IntN(len(prev))], prev[rng.IntN(len(prev))]}[:1+rng.IntN(2)] {
				if len(s.DerivedFrom) == 0 || s.DerivedFrom[0].Source != fmt.Sprintf("s%d", j) {
					s.DerivedFrom = append(s.DerivedFrom, sources.Derivation{Source: fmt.Sprintf("s%d", j), Kind: sources.Cites})
				}
			}
		}
		layer[l] = append(layer[l], i)
		batch.Sources = append(batch.Sources, s)
	}
	for c := range nClaims {
		cl := claims.Claim{ID: fmt.Sprintf("c%d", c), Text: "claim"}
		s := &batch.Sources[rng.IntN(nSources)]
		for {
			if rng.IntN(3) > 0 {
				a := claims.Appearance{Source: s.ID}
				if len(s.DerivedFrom) > 0 && rng.IntN(4) == 0 {
					a.Via = s.DerivedFrom[0].Source
				}
				cl.Appearances = append(cl.Appearances, a)
			}
			if len(s.DerivedFrom) == 0 {
				break
			}
			var j int
			fmt.Sscanf(s.DerivedFrom[rng.IntN(len(s.DerivedFrom))].Source, "s%d", &j)
			s = &batch.Sources[j]
		}
		if len(cl.Appearances) == 0 {
			cl.Appearances = []claims.Appearance{{Source: s.ID}}
		}
		batch.Claims = append(batch.Claims, cl)
	}
	g := graph.New()
	if err := g.Apply(batch); err != nil {
		b.Fatal(err)
	}
	return g
}

// BenchmarkIndependent: the independent origins of 100k claims on 20k
// sources, in one pass with a fresh index each time.
func BenchmarkIndependent(b *testing.B) {
	g := benchGraph(b, 20_000, 100_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Independent(g.View); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReports: the full report, chains included, of every claim.
func BenchmarkReports(b *testing.B) {
	g := benchGraph(b, 20_000, 100_000)
	b.ReportAllocs()
	for b.Loop() {
		x := New(g.View)
		for c := range g.Claims() {
			if _, err := x.Of(c); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkCycles: every derivation cycle among 20k sources.
func BenchmarkCycles(b *testing.B) {
	g := benchGraph(b, 20_000, 0)
	b.ReportAllocs()
	for b.Loop() {
		Cycles(g.View)
	}
}

// BenchmarkTally: on the generated graph of 100,000 claims (graph/synth),
// 1,000 changes of one new claim each, appearing in one to four random
// sources of the graph, sometimes by way of another: the time
// [Tally.Update] takes after each, as p50 and p99, beside the full
// count it saves (one op). Then 1,000 edits, in turn the removal of one
// of those claims, the replacement of a random claim (an appearance
// more) and that of a random source (as it was, which counts again every
// claim it carries): p50 and p99 again, and the first edit, which builds
// the Tally's reverse index, apart.
func BenchmarkTally(b *testing.B) {
	g := graph.New()
	if err := g.Apply(synth.Generate(synth.Config{Claims: 100_000})); err != nil {
		b.Fatal(err)
	}
	var ids []string
	for s := range g.View.Sources() {
		ids = append(ids, s.ID)
	}
	rng := rand.New(rand.NewPCG(20, 4))
	b.ReportAllocs()
	var tally *Tally
	for b.Loop() {
		var err error
		if tally, err = NewTally(g.View); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	took := make([]time.Duration, 1000)
	for i := range took {
		c := claims.Claim{ID: fmt.Sprintf("tally-%d", i), Text: "a new claim"}
		for range 1 + rng.IntN(4) {
			a := claims.Appearance{Source: ids[rng.IntN(len(ids))]}
			if rng.IntN(4) == 0 {
				a.Via = ids[rng.IntN(len(ids))]
			}
			c.Appearances = append(c.Appearances, a)
		}
		batch := graph.Batch{Claims: []claims.Claim{c}}
		if err := g.Apply(batch); err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		if err := tally.Update(batch); err != nil {
			b.Fatal(err)
		}
		took[i] = time.Since(start)
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Nanoseconds()), "update-p50-ns")
	b.ReportMetric(float64(took[len(took)*99/100].Nanoseconds()), "update-p99-ns")
	var claimIDs []string
	for c := range g.View.Claims() {
		claimIDs = append(claimIDs, c.ID)
	}
	var first time.Duration
	for i := range took {
		var batch graph.Batch
		switch i % 3 {
		case 0:
			batch.Remove = []string{fmt.Sprintf("tally-%d", i)}
		case 1:
			c, _ := g.View.Claim(claimIDs[rng.IntN(len(claimIDs))])
			c = c.Clone()
			c.Appearances = append(c.Appearances, claims.Appearance{Source: ids[rng.IntN(len(ids))]})
			batch.Remove, batch.Claims = []string{c.ID}, []claims.Claim{c}
		default:
			s, _ := g.View.Source(ids[rng.IntN(len(ids))])
			batch.Remove, batch.Sources = []string{s.ID}, []sources.Source{s}
		}
		if err := g.Apply(batch); err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		if err := tally.Update(batch); err != nil {
			b.Fatal(err)
		}
		took[i] = time.Since(start)
		if i == 0 {
			first = took[i]
		}
	}
	slices.Sort(took)
	b.ReportMetric(float64(first.Milliseconds()), "first-edit-ms")
	b.ReportMetric(float64(took[len(took)/2].Nanoseconds()), "edit-p50-ns")
	b.ReportMetric(float64(took[len(took)*99/100].Nanoseconds()), "edit-p99-ns")
}
