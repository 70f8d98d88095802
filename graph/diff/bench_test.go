package diff_test

import (
	"flag"
	"fmt"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sync/atomic"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/diff"
	"github.com/claimgraph/claimgraph/graph/internal/cputime"
	"github.com/claimgraph/claimgraph/graph/synth"
	"github.com/claimgraph/claimgraph/graph/verdict"
)

// changes says how a copy of a generated graph differs from it; counts
// are of claims.
type changes struct {
	texts, removed, added, contradictions int
}

// changeOnePercent changes batch b, a generated graph of n claims, in 1%
// of its claims: the text of one claim in 200, one claim in 400 removed
// with its relations, one claim in 400 added (supporting an existing
// one), and 100 new contradictions between claims far apart.
func changeOnePercent(b *graph.Batch) changes {
	n := len(b.Claims)
	var ch changes
	gone := map[string]bool{}
	kept := b.Claims[:0]
	for i, c := range b.Claims {
		switch {
		case i%200 == 0:
			c.Text += " (corrected)"
			ch.texts++
		case i%400 == 1:
			gone[c.ID] = true
			ch.removed++
			continue
		}
		kept = append(kept, c)
	}
	b.Claims = kept
	rels := b.Relations[:0]
	for _, r := range b.Relations {
		if !gone[r.From] && !gone[r.To] {
			rels = append(rels, r)
		}
	}
	b.Relations = rels
	for i := 3; i < n; i += 400 {
		id := fmt.Sprintf("x%07d", i)
		b.Claims = append(b.Claims, claims.Claim{ID: id, Text: "A new report on claim " + synth.ClaimID(i) + ".",
			Appearances: []claims.Appearance{{Source: synth.SourceID(i % (n / 10))}}})
		b.Relations = append(b.Relations, claims.Relation{From: id, To: synth.ClaimID(i), Kind: claims.Supports})
		ch.added++
	}
	// New contradictions from the last claims to the first: the
	// generator relates a claim mostly to its own cluster, and never
	// twice, so a pair far apart is new unless drawn at random.
	related := map[[2]string]bool{}
	for _, r := range b.Relations {
		related[[2]string{r.From, r.To}] = true
	}
	for k := 0; ch.contradictions < 100 && k < n/2; k += 7 {
		from, to := synth.ClaimID(n-5-k), synth.ClaimID(k+5)
		if gone[from] || gone[to] || related[[2]string{from, to}] {
			continue
		}
		b.Relations = append(b.Relations, claims.Relation{From: from, To: to, Kind: claims.Contradicts})
		ch.contradictions++
	}
	return ch
}

var benchClaims = flag.Int("diff.claims", 0, "the size of BenchmarkDiffJSONL's graphs in claims (default 1M, 10k under -short)")

var keepDir = flag.String("diff.dir", "", "write BenchmarkDiffJSONL's two files (old.jsonl, new.jsonl) to `DIR` and keep them, to time claimgraph diff on them")

var noVerdicts = flag.Bool("diff.noverdicts", false, "make BenchmarkDiffJSONL compute no verdicts (an empty result for each graph), to time the rest alone")

// BenchmarkDiffJSONL compares two JSON Lines files of 1M claims (10k
// under -short) that differ in 1% of the claims (changeOnePercent) as
// claimgraph diff does: it reads the old file, summarizes it
// (diff.Summarize), lets the old graph go, reads the new file and
// compares it with the summary (Summary.Compare). It reports the wall
// time of each of the four phases (read-old-s, summarize-s, read-new-s,
// compare-s) and the process's CPU time in each (…-cpu-s; on a shared
// machine the wall times mean little); the wall and CPU time of the two
// verdict computations (verdict-s, verdict-cpu-s), which run in
// summarize and compare beside the rest of their work, so that their
// CPU time includes that work's; the peak heap over the heap of one
// graph alone, sampled every 10 ms (heap-x-graph: it counts what the
// garbage collector has yet to free, as the process's memory does), and
// the peak of the live heap, as of each collection, over one graph's
// (live-x-graph), overall and in each phase (…-live-x).
func BenchmarkDiffJSONL(b *testing.B) {
	n := 1_000_000
	if testing.Short() {
		n = 10_000
	}
	if *benchClaims > 0 {
		n = *benchClaims
	}
	dir := *keepDir
	if dir == "" {
		dir = b.TempDir()
	}
	old, new := filepath.Join(dir, "old.jsonl"), filepath.Join(dir, "new.jsonl")
	batch := synth.Generate(synth.Config{Claims: n})
	write := func(path string, b0 graph.Batch) {
		g := graph.New()
		if err := g.Apply(b0); err != nil {
			b.Fatal(err)
		}
		if err := graph.SaveWith(path, g.WriteJSONL); err != nil {
			b.Fatal(err)
		}
	}
	write(old, batch)
	ch := changeOnePercent(&batch)
	write(new, batch)
	batch = graph.Batch{}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	g, err := graph.Open(old)
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&ms)
	one := ms.HeapAlloc - base
	runtime.KeepAlive(g)
	g = nil
	runtime.GC()

	var verdictTime, verdictCPU time.Duration
	defer diff.SetCompute(func(v graph.View, o verdict.Options) (*verdict.Result, error) {
		start, cpu := time.Now(), cputime.Process()
		defer func() {
			verdictTime += time.Since(start)
			verdictCPU += cputime.Process() - cpu
		}()
		if *noVerdicts {
			return &verdict.Result{}, nil
		}
		return verdict.Compute(v, o)
	})()
	b.Run(fmt.Sprintf("claims=%d/changed=1%%", n), func(b *testing.B) {
		phases := []string{"read-old", "summarize", "read-new", "compare"}
		var phase atomic.Int32 // what the timed loop is doing, for the heap's peaks
		var heapPeak atomic.Uint64
		livePeaks := make([]atomic.Uint64, len(phases))
		stop := make(chan struct{})
		sampled := make(chan struct{})
		go func() {
			defer close(sampled)
			var m runtime.MemStats
			live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
			for {
				select {
				case <-stop:
					return
				case <-time.After(10 * time.Millisecond):
					runtime.ReadMemStats(&m)
					if h := m.HeapAlloc - base; h > heapPeak.Load() {
						heapPeak.Store(h)
					}
					metrics.Read(live)
					p := &livePeaks[phase.Load()]
					if live[0].Value.Kind() == metrics.KindUint64 {
						if v := live[0].Value.Uint64(); v > base && v-base > p.Load() {
							p.Store(v - base)
						}
					}
				}
			}
		}()
		wall := make([]time.Duration, len(phases))
		cpu := make([]time.Duration, len(phases))
		verdictTime, verdictCPU = 0, 0
		for b.Loop() {
			at, atCPU := time.Now(), cputime.Process()
			next := func(p int) {
				now, nowCPU := time.Now(), cputime.Process()
				wall[phase.Load()] += now.Sub(at)
				cpu[phase.Load()] += nowCPU - atCPU
				at, atCPU = now, nowCPU
				phase.Store(int32(p))
			}
			phase.Store(0)
			s := summarize(b, old, func() { next(1) })
			next(2)
			c, err := graph.Open(new)
			if err != nil {
				b.Fatal(err)
			}
			next(3)
			r, err := s.Compare(c)
			if err != nil {
				b.Fatal(err)
			}
			next(0)
			count := func(items []diff.Item, kind string) int {
				k := 0
				for _, it := range items {
					if it.Kind == kind {
						k++
					}
				}
				return k
			}
			if got := count(r.Changed, "claim"); got != ch.texts {
				b.Fatalf("%d claims changed, want %d", got, ch.texts)
			}
			if got := count(r.Removed, "claim"); got != ch.removed {
				b.Fatalf("%d claims removed, want %d", got, ch.removed)
			}
			if got := count(r.Added, "claim"); got != ch.added {
				b.Fatalf("%d claims added, want %d", got, ch.added)
			}
		}
		close(stop)
		<-sampled
		runs := float64(b.N)
		var livePeak uint64
		for i, name := range phases {
			b.ReportMetric(wall[i].Seconds()/runs, name+"-s")
			b.ReportMetric(cpu[i].Seconds()/runs, name+"-cpu-s")
			b.ReportMetric(float64(livePeaks[i].Load())/float64(one), name+"-live-x")
			livePeak = max(livePeak, livePeaks[i].Load())
		}
		b.ReportMetric(verdictTime.Seconds()/runs, "verdict-s")
		b.ReportMetric(verdictCPU.Seconds()/runs, "verdict-cpu-s")
		b.ReportMetric(float64(heapPeak.Load())/float64(one), "heap-x-graph")
		b.ReportMetric(float64(livePeak)/float64(one), "live-x-graph")
		b.ReportMetric(float64(one)/(1<<20), "graph-MB")
	})
}

// summarize reads the graph file at path and summarizes it, calling
// read once it is read; the graph is gone when it returns, as in
// claimgraph diff.
func summarize(b *testing.B, path string, read func()) *diff.Summary {
	g, err := graph.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	read()
	s, err := diff.Summarize(g, diff.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return s
}
