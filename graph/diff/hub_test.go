package diff_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/graph/diff"
)

// hubYAML is a claim h and n claims of their own sources related to it,
// rel(i) giving the relation of claim i, in the order order gives.
func hubYAML(n int, rel func(i int) string, order func(i, n int) int) string {
	var b strings.Builder
	b.WriteString("claimgraph: 1\nsources:\n")
	for i := range n + 1 {
		fmt.Fprintf(&b, "  - {id: s%d, kind: news-article}\n", i)
	}
	fmt.Fprintf(&b, "claims:\n  - {id: h, text: H., appearances: [{source: s%d}]}\n", n)
	for i := range n {
		fmt.Fprintf(&b, "  - {id: c%d, text: C%d., appearances: [{source: s%d}]}\n", i, i, i)
	}
	b.WriteString("relations:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - %s\n", rel(order(i, n)))
	}
	return b.String()
}

func inOrder(i, n int) int  { return i }
func reversed(i, n int) int { return n - 1 - i }

// compareCost compares old(n) with new(n) at n and 3n, checks each
// report with check, and fails when the larger takes more than ratio
// times the smaller (the best of three runs each).
func compareCost(t *testing.T, n int, ratio float64, old, new func(n int) string, check func(t *testing.T, n int, r *diff.Report)) {
	took := func(n int) time.Duration {
		best := time.Duration(1 << 62)
		for range 3 {
			o, nw := readYAML(t, old(n)), readYAML(t, new(n))
			runtime.GC()
			t0 := time.Now()
			r, err := diff.Compare(o, nw, diff.Options{})
			best = min(best, time.Since(t0))
			if err != nil {
				t.Fatal(err)
			}
			check(t, n, r)
		}
		return best
	}
	small, big := took(n), took(3*n)
	t.Logf("%v at %d, %v at %d", small, n, big, 3*n)
	if r := float64(big) / float64(small); r > ratio {
		t.Errorf("%v at %d, %v at %d: %.1f times, want at most %.0f", small, n, big, 3*n, r, ratio)
	}
}

// TestHubChangesCost: when every relation of a hub changes, each claim
// around it took the hub's changes as causes, passing over all of them
// (its relations' changes, which it leaves out) for each claim: n² (15 s
// for 20,000 supports turned contradictions). Three times the claims
// take about three times as long, where they took 9.
func TestHubChangesCost(t *testing.T) {
	rel := func(kind string) func(i int) string {
		return func(i int) string { return fmt.Sprintf("{from: c%d, to: h, kind: %s}", i, kind) }
	}
	compareCost(t, 5000, 6,
		func(n int) string { return hubYAML(n, rel("supports"), inOrder) },
		func(n int) string { return hubYAML(n, rel("contradicts"), inOrder) },
		func(t *testing.T, n int, r *diff.Report) {
			if len(r.Removed) != n || len(r.Added) != n {
				t.Fatalf("%d removed, %d added, want %d each", len(r.Removed), len(r.Added), n)
			}
		})
}

// TestHubReorderedCost: a hub's relations in another order (h supports
// c0, …, c(n-1), then the other way round) are no change, but each was
// looked up among all of the hub's relations in the other graph: n², 10
// s for 5,000 and 8 minutes for 20,000. Three times the claims take
// about three times as long, where they took 9 or more.
func TestHubReorderedCost(t *testing.T) {
	for _, kind := range []string{"supports", "contradicts"} {
		t.Run(kind, func(t *testing.T) {
			rel := func(i int) string { return fmt.Sprintf("{from: h, to: c%d, kind: %s}", i, kind) }
			compareCost(t, 2000, 6,
				func(n int) string { return hubYAML(n, rel, inOrder) },
				func(n int) string { return hubYAML(n, rel, reversed) },
				func(t *testing.T, n int, r *diff.Report) {
					if len(r.Verdicts)+len(r.Added)+len(r.Removed)+len(r.Changed) != 0 {
						t.Fatalf("a reordered file differs: %+v", r)
					}
				})
		})
	}
}
