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
// of a day of its own from 2024-01-01 on, contradicted by k claims l0,
// l1, ... that start holding after it, in 2022, each in one source of
// its own. h holds from 2020, and until 2023 when ended.
func hubStar(t *testing.T, m, k int, ended bool) *graph.Graph {
	t.Helper()
	from, until := claims.MustDate(2020, 1, 1), claims.MustDate(2024, 1, 1)
	h := claims.Claim{ID: "h", Text: "H.", Validity: claims.Validity{From: from}}
	if ended {
		h.Validity.Until = claims.MustDate(2023, 1, 1)
	}
	var b graph.Batch
	for i := range m {
		id := fmt.Sprint("s", i)
		b.Sources = append(b.Sources, sources.Source{ID: id, Kind: sources.NewsArticle, Published: claims.DateOf(until.Time().AddDate(0, 0, i))})
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
		g := hubStar(t, m, k, false)
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
		g := hubStar(t, m, k, false)
		return childtest.Allocated(func() { stale(t, g, opts) })
	}
	few, many := cost(10), cost(2000)
	if many > 2*few {
		t.Errorf("Stale allocates %d bytes on a claim of 2,000 appearances that %d claims contradict, %d on one of 10", many, k, few)
	}
}

// TestHubStaleRivalsOnce: Stale weighs the rivals of a claim once, for
// all the dates of its appearances: on a claim of 1,000 appearances, on
// 1,000 days, that 100 stronger claims contradict, the verdicts'
// Rejected is asked about each rival a few times, whether the claim is
// superseded or has ended (its takers stronger: every appearance is
// stale either way). It was asked about each rival at each appearance,
// O(appearances × rivals), and the dates (a claim of 3,000 appearances
// on as many days, that 3,000 claims contradict, took 10 s).
func TestHubStaleRivalsOnce(t *testing.T) {
	const m, k = 1000, 100
	for _, ended := range []bool{false, true} {
		g := hubStar(t, m, k, ended)
		calls := 0
		opts := timeline.Options{
			Strength: func(id string) float64 {
				if id == "h" {
					return 1
				}
				return 2
			},
			Rejected: func(string) bool { calls++; return false },
		}
		items := stale(t, g, opts)
		if len(items) != m || items[0].Reason != map[bool]timeline.Reason{false: timeline.Superseded, true: timeline.Ended}[ended] {
			t.Fatalf("ended %v: %d stale items, the first %+v; want %d", ended, len(items), items[0], m)
		}
		if calls > 3*k {
			t.Errorf("ended %v: Rejected asked %d times for %d appearances and %d rivals", ended, calls, m, k)
		}
	}
}
