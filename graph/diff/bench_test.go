package diff_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/diff"
	"github.com/claimgraph/claimgraph/graph/synth"
)

// BenchmarkDiffJSONL compares two JSON Lines files of 1M claims (10k
// under -short) that differ in 1% of the claims (their text changed),
// reading both files in the timed loop as claimgraph diff does. It
// reports the peak heap during the comparison over the heap of one
// graph alone (heap-x-graph), sampled every 10 ms.
func BenchmarkDiffJSONL(b *testing.B) {
	n := 1_000_000
	if testing.Short() {
		n = 10_000
	}
	dir := b.TempDir()
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
	for i := 0; i < len(batch.Claims); i += 100 {
		batch.Claims[i].Text += " (corrected)"
	}
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
	b.Run(fmt.Sprintf("claims=%d/changed=1%%", n), func(b *testing.B) {
		var peak atomic.Uint64
		stop := make(chan struct{})
		go func() {
			var m runtime.MemStats
			for {
				select {
				case <-stop:
					return
				case <-time.After(10 * time.Millisecond):
					runtime.ReadMemStats(&m)
					if h := m.HeapAlloc - base; h > peak.Load() {
						peak.Store(h)
					}
				}
			}
		}()
		for b.Loop() {
			a, err := graph.Open(old)
			if err != nil {
				b.Fatal(err)
			}
			c, err := graph.Open(new)
			if err != nil {
				b.Fatal(err)
			}
			r, err := diff.Compare(a, c, diff.Options{})
			if err != nil {
				b.Fatal(err)
			}
			if len(r.Changed) != (n+99)/100 {
				b.Fatalf("%d changed, want %d", len(r.Changed), (n+99)/100)
			}
		}
		close(stop)
		b.ReportMetric(float64(peak.Load())/float64(one), "heap-x-graph")
	})
	_ = os.Remove(old)
}
