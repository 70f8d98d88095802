package timeline_test

import (
	"fmt"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/internal/childtest"
	"github.com/claimgraph/claimgraph/graph/timeline"
	"github.com/claimgraph/claimgraph/sources"
)

// hubStar is a claim h of m appearances, each in a source of its own,
// contradicted by k claims l0, l1, ... that start holding after it, each
// in one source of its own.
func hubStar(t *testing.T, m, k int) *graph.Graph {
	t.Helper()
	from, until := claims.MustDate(2020, 1, 1), claims.MustDate(2024, 1, 1)
	h := claims.Claim{ID: "h", Text: "H.", Validity: claims.Validity{From: from}}
	var b graph.Batch
	for i := range m {
		id := fmt.Sprint("s", i)
		b.Sources = append(b.Sources, sources.Source{ID: id, Kind: sources.NewsArticle, Published: until})
		h.Appearances = append(h.Appearances, claims.Appearance{Source: id})
	}
	b.Claims = append(b.Claims, h)
	for i := range k {
		id := fmt.Sprint("l", i)
		b.Sources = append(b.Sources, sources.Source{ID: "t" + id, Kind: sources.NewsArticle, Published: until})
		b.Claims = append(b.Claims, claims.Claim{ID: id, Text: "L.", Validity: claims.Validity{From: claims.MustDate(2022, 1, 1)},
			Appearances: []claims.Appearance{{Source: "t" + id}}})
		b.Relations = append(b.Relations, claims.Relation{From: id, To: "h", Kind: claims.Contradicts})
	}
	return applied(t, b)
}

// TestHubContradictionsLinear: Conflicts and StatusOf of the k
// contradictions of a claim allocate the same whether it has 10
// appearances or 2,000. They looked each claim up with its appearances
// once per contradiction, O(k × m): on a claim in n sources that n
// claims contradict, quadratic (at, queue, draw, html, contradictions).
func TestHubContradictionsLinear(t *testing.T) {
	const k = 50
	cost := func(m int) uint64 {
		g := hubStar(t, m, k)
		rels, err := g.Contradictions("h")
		if err != nil || len(rels) != k {
			t.Fatalf("hub of %d: %d contradictions, %v", m, len(rels), err)
		}
		return childtest.Allocated(func() {
			for range timeline.Conflicts(g.View) {
			}
			for _, r := range rels {
				timeline.StatusOf(g.View, r)
			}
		})
	}
	few, many := cost(10), cost(2000)
	if many > 2*few+4096 {
		t.Errorf("Conflicts and StatusOf of %d contradictions allocate %d bytes at a claim of 2,000 appearances, %d at one of 10", k, many, few)
	}
}

// TestHubStaleLinear: Stale on a claim of m appearances that 300
// claims contradict, each starting after it, allocates about as much
// whether m is 10 or 2,000: each rival is looked up without its
// appearances. It looked the hub up with its m appearances for each of
// the k claims that has it as a rival, O(k × m).
func TestHubStaleLinear(t *testing.T) {
	const k = 300
	opts := timeline.Options{Strength: func(string) float64 { return 1 }, Rejected: func(string) bool { return false }}
	cost := func(m int) uint64 {
		g := hubStar(t, m, k)
		return childtest.Allocated(func() { timeline.Stale(g, opts) })
	}
	few, many := cost(10), cost(2000)
	if many > 2*few {
		t.Errorf("Stale allocates %d bytes on a claim of 2,000 appearances that %d claims contradict, %d on one of 10", many, k, few)
	}
}
