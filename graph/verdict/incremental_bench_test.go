package verdict

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/internal/cputime"
	"github.com/claimgraph/claimgraph/graph/internal/scc"
	"github.com/claimgraph/claimgraph/graph/synth"
)

// BenchmarkTracker times Tracker.Update after one-claim changes on the
// generated graphs (graph/synth, fixed seeds): a new claim, appearing in
// one source, that supports or contradicts a random claim of the graph,
// added and then removed again, each a change. The target claims are
// drawn either outside the giant strongly connected component of the
// attack graph and everything that attacks into it ("outside"), or
// inside it ("inside"). It reports the p50 and p99 of the updates, that
// of the incremental ones alone (inc-p50: all but those that computed
// everything again), how many computed everything again, by reason
// (Stats.Why), and how many solved every claim's verdict with the
// evidence kept (all-verdicts: their changes reach most of the graph
// along attacks, the giant component). Under -short only 10k claims and
// 20 changes a row.
//
// A row makes 1,000 changes, or stops early after a budget of updates
// that computed or solved everything (200 at 100k, 60 at 1M), so that
// the run ends in minutes, and reports how many changes it made.
func BenchmarkTracker(b *testing.B) {
	// CI's one pass (-short): 10k claims and 20 changes a row.
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
			budget := changes
			switch n {
			case 100_000:
				budget = 200
			case 1_000_000:
				budget = 60
			}
			b.Run("outside", func(b *testing.B) { benchChanges(b, g, tr, outside, changes, budget) })
			b.Run("inside", func(b *testing.B) { benchChanges(b, g, tr, inside, changes, budget) })
		})
	}
}

// benchChanges makes the changes, half additions and half removals, on
// targets drawn from ids, until budget of them computed or solved
// everything, and reports the percentiles of the updates.
func benchChanges(b *testing.B, g *graph.Graph, tr *Tracker, ids []int32, changes, budget int) {
	if len(ids) == 0 {
		b.Skip("no such claim")
	}
	b.ReportAllocs()
	rng := rand.New(rand.NewPCG(1, 2))
	var times, inc []time.Duration
	why := map[Fallback]int{}
	full, all := 0, 0
	update := func(batch graph.Batch) {
		if err := g.Apply(batch); err != nil {
			b.Fatal(err)
		}
		t0 := time.Now()
		st, err := tr.Update(batch)
		d := time.Since(t0)
		times = append(times, d)
		if err != nil {
			b.Fatal(err)
		}
		switch {
		case st.Full:
			full++
			why[st.Why]++
		case st.Verdicts == tr.live:
			all++
			inc = append(inc, d)
		default:
			inc = append(inc, d)
		}
	}
	k := 0
	for b.Loop() {
		times, inc, full, all = times[:0], inc[:0], 0, 0
		clear(why)
		for range changes / 2 {
			if full+all >= budget {
				break
			}
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
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	slices.Sort(times)
	b.ReportMetric(ms(times[len(times)/2]), "p50-ms")
	b.ReportMetric(ms(times[len(times)*99/100]), "p99-ms")
	if len(inc) > 0 {
		slices.Sort(inc)
		b.ReportMetric(ms(inc[len(inc)/2]), "inc-p50-ms")
		b.ReportMetric(ms(inc[len(inc)*99/100]), "inc-p99-ms")
	}
	b.ReportMetric(float64(full), "full")
	b.ReportMetric(float64(all), "all-verdicts")
	for w, n := range why {
		b.ReportMetric(float64(n), "full-"+w.String())
	}
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
			before := cputime.Process()
			for b.Loop() {
				if _, err := Track(g, Options{}); err != nil {
					b.Fatal(err)
				}
			}
			if before >= 0 {
				b.ReportMetric(float64((cputime.Process()-before).Milliseconds())/float64(b.N), "cpu-ms/op")
			}
		})
	}
}
