package verdict

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/internal/scc"
	"github.com/claimgraph/claimgraph/graph/synth"
)

// BenchmarkTracker times Tracker.Update after one-claim changes on the
// generated graphs (graph/synth, fixed seeds): a new claim, appearing in
// one source, that supports or contradicts a random claim of the graph,
// added and then removed again, each a change. The target claims are
// drawn either outside the giant strongly connected component of the
// attack graph and everything that attacks into it ("outside"), or
// inside it ("inside"). (Under the lending reading of support that
// component is small: 38 claims at 100k, 73 at 1M.) It reports the p50
// and p99 of the updates, and how many recomputed everything. Under
// -short only 10k claims and 20 changes a row.
func BenchmarkTracker(b *testing.B) {
	// CI's one pass (-short): 10k claims and 20 changes a row, since an
	// update recomputes everything while a rejected claim supports
	// another, which on generated graphs is most updates.
	sizes, changes := []int{10_000}, 20
	if !testing.Short() {
		sizes, changes = []int{10_000, 100_000, 1_000_000}, 1000
	}
	for _, n := range sizes {
		name := fmt.Sprintf("claims=%dk", n/1000)
		if n >= 1_000_000 {
			name = fmt.Sprintf("claims=%dM", n/1_000_000)
		}
		b.Run(name, func(b *testing.B) {
			g := graph.New()
			if err := g.Apply(synth.Generate(synth.Config{Claims: n})); err != nil {
				b.Fatal(err)
			}
			start := time.Now()
			tr, err := Track(g, Options{})
			if err != nil {
				b.Fatal(err)
			}
			b.Logf("Track: %v", time.Since(start))
			outside, inside := tr.split()
			b.Logf("%d claims outside the giant component and what attacks into it, %d inside", len(outside), len(inside))
			b.Run("outside", func(b *testing.B) { benchChanges(b, g, tr, outside, changes) })
			b.Run("inside", func(b *testing.B) { benchChanges(b, g, tr, inside, changes) })
		})
	}
}

// benchChanges makes the changes, half additions and half removals, on
// targets drawn from ids, and reports the percentiles of the updates.
func benchChanges(b *testing.B, g *graph.Graph, tr *Tracker, ids []int32, changes int) {
	if len(ids) == 0 {
		b.Skip("no such claim")
	}
	b.ReportAllocs()
	rng := rand.New(rand.NewPCG(1, 2))
	var times []time.Duration
	full := 0
	update := func(batch graph.Batch) {
		if err := g.Apply(batch); err != nil {
			b.Fatal(err)
		}
		t0 := time.Now()
		st, err := tr.Update(batch)
		times = append(times, time.Since(t0))
		if err != nil {
			b.Fatal(err)
		}
		if st.Full {
			full++
		}
	}
	k := 0
	for b.Loop() {
		times, full = times[:0], 0
		for range changes / 2 {
			target := tr.c[ids[rng.IntN(len(ids))]].id
			k++
			id := fmt.Sprintf("bench-%d", k)
			kind := claims.Supports
			if rng.IntN(2) == 0 {
				kind = claims.Contradicts
			}
			rel := claims.Relation{From: id, To: target, Kind: kind}
			add := graph.Batch{
				Claims:    []claims.Claim{{ID: id, Text: "A new claim.", Appearances: []claims.Appearance{{Source: synth.SourceID(rng.IntN(1000))}}}},
				Relations: []claims.Relation{rel},
			}
			update(add)
			update(graph.Batch{Remove: []string{id}, RemoveRelations: []claims.Relation{rel}})
		}
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(times[len(times)*99/100].Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(full), "full")
	b.ReportMetric(float64(len(times)), "changes")
}

// split sorts the claims into those outside the giant strongly connected
// component of the attack graph and outside everything that attacks into
// it, and those inside the component.
func (t *Tracker) split() (outside, inside []int32) {
	n := len(t.c)
	start := make([]int32, n+1)
	var to []int32
	for s := range t.c {
		for _, r := range t.c[s].con {
			if t.prefers(int32(s), r.other) {
				to = append(to, r.other)
			}
		}
		start[s+1] = int32(len(to))
	}
	var cb scc.Buf
	cb.Components(start, to)
	size := make([]int, cb.Count)
	for _, k := range cb.Comp {
		size[k]++
	}
	giant := int32(0)
	for k := range size {
		if size[k] > size[giant] {
			giant = int32(k)
		}
	}
	for s := range t.c {
		if cb.Comp[s] == giant {
			inside = append(inside, int32(s))
		}
	}
	// What attacks into the giant component, walking attacks backwards.
	reaches := t.closure(inside, func(s int32, visit func(int32)) {
		for _, r := range t.c[s].con {
			if t.prefers(r.other, s) {
				visit(r.other)
			}
		}
	})
	for s := range t.c {
		if _, ok := slices.BinarySearch(reaches, int32(s)); !ok {
			outside = append(outside, int32(s))
		}
	}
	return outside, inside
}

// BenchmarkTrack times Track, the initial state of a Tracker, on the
// generated graphs of BenchmarkTracker, with the process's CPU time per
// Track beside the wall time; 1M is skipped under -short.
func BenchmarkTrack(b *testing.B) {
	sizes := []int{10_000} // CI's one pass (-short)
	if !testing.Short() {
		sizes = []int{100_000, 1_000_000}
	}
	for _, n := range sizes {
		b.Run(fmt.Sprintf("claims=%dk", n/1000), func(b *testing.B) {
			g := graph.New()
			if err := g.Apply(synth.Generate(synth.Config{Claims: n})); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			before := cpuTime()
			for b.Loop() {
				if _, err := Track(g, Options{}); err != nil {
					b.Fatal(err)
				}
			}
			if before >= 0 {
				b.ReportMetric(float64((cpuTime()-before).Milliseconds())/float64(b.N), "cpu-ms/op")
			}
		})
	}
}
