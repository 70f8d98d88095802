package graph_test

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/internal/childtest"
	"github.com/claimgraph/claimgraph/sources"
)

// TestMergeChainOutOfMemory: in a chain of merges (c0 into c1, c1 into
// c2, …) each claim takes every appearance before it, and the editor
// kept the set of each claim's appearances after the claim was merged
// away, n² in all: a batch of 4,000 such merges (120 KB) held 2.6 GB.
// The sets of an item merged away go, and 1,500 fit in 256 MiB.
func TestMergeChainOutOfMemory(t *testing.T) {
	const n = 1500
	var b, m graph.Batch
	for i := range n {
		src := fmt.Sprintf("s%d", i)
		b.Sources = append(b.Sources, sources.Source{ID: src, Kind: sources.NewsArticle})
		b.Claims = append(b.Claims, claims.Claim{ID: fmt.Sprintf("c%d", i), Text: "T.", Appearances: []claims.Appearance{{Source: src}}})
		if i > 0 {
			m.Merges = append(m.Merges, graph.Merge{From: fmt.Sprintf("c%d", i-1), Into: fmt.Sprintf("c%d", i)})
		}
	}
	msg, rss := childtest.Run(t, 256<<20, func() error {
		g := graph.New()
		if err := g.Apply(b); err != nil {
			return err
		}
		if err := g.Apply(m); err != nil {
			return err
		}
		if c, _ := g.Claim("c0"); len(c.Appearances) != n {
			return fmt.Errorf("c0 reads as %s with %d appearances, want %d", c.ID, len(c.Appearances), n)
		}
		return nil
	})
	if msg != "" {
		t.Error(msg)
	}
	t.Logf("peak RSS %d MiB", rss>>20)
}

// mergeCase is a graph of size n and a batch of merges to apply to it.
type mergeCase struct {
	name  string
	make  func(n int) (graph.Batch, graph.Batch)
	n     int     // the smaller size; the larger is 3n
	ratio float64 // the most the larger may take, in times the smaller
}

// testMergeCost applies each case's merges at n and 3n and fails when
// the larger takes more than the case's ratio times the smaller (the
// best of three runs each).
func testMergeCost(t *testing.T, cases []mergeCase) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			took := func(n int) time.Duration {
				best := time.Duration(1 << 62)
				for range 3 {
					b, m := tc.make(n)
					g := graph.New()
					if err := g.Apply(b); err != nil {
						t.Fatal(err)
					}
					runtime.GC()
					t0 := time.Now()
					if err := g.Apply(m); err != nil {
						t.Fatal(err)
					}
					best = min(best, time.Since(t0))
				}
				return best
			}
			small, big := took(tc.n), took(3*tc.n)
			t.Logf("%v at %d, %v at %d", small, tc.n, big, 3*tc.n)
			if r := float64(big) / float64(small); r > tc.ratio {
				t.Errorf("%v at %d, %v at %d: %.1f times, want at most %.0f", small, tc.n, big, 3*tc.n, r, tc.ratio)
			}
		})
	}
}

// TestMergeEntityChainCost: merging entities checked each name against
// Into's aliases one by one, so that a chain of n merges (e0 into e1, e1
// into e2, …, each Into taking every name before it) took n³: 195 s at
// 8,000 (a 250 KB batch). The aliases are a set: the chain copies its
// names down, n² (5 s), and three times the chain takes about 9 times
// as long, where it took 27.
func TestMergeEntityChainCost(t *testing.T) {
	testMergeCost(t, []mergeCase{{"entity chain", func(n int) (graph.Batch, graph.Batch) {
		var b, m graph.Batch
		for i := range n {
			b.Entities = append(b.Entities, claims.Entity{ID: fmt.Sprintf("e%d", i), Name: fmt.Sprintf("Entity %d", i), Kind: claims.Person})
			if i > 0 {
				m.Merges = append(m.Merges, graph.Merge{From: fmt.Sprintf("e%d", i-1), Into: fmt.Sprintf("e%d", i)})
			}
		}
		return b, m
	}, 500, 16}})
}

// TestMergeSourceCostInDegree: merging a source rechecked each
// derivation of a source deriving from it against those kept, and each
// source of a relation citing it against those before, one by one: n²
// for one merge (0.57 s for a relation citing 20,000 sources, 7 s at
// 80,000), and so did a merge of claims joining two relations, each
// source of one against the other's. They are sets: three times the
// sources takes about three times as long, where it took 9.
func TestMergeSourceCostInDegree(t *testing.T) {
	srcs := func(n int) graph.Batch {
		var b graph.Batch
		for i := range n {
			b.Sources = append(b.Sources, sources.Source{ID: fmt.Sprintf("t%d", i), Kind: sources.NewsArticle})
		}
		return b
	}
	merge := graph.Batch{Merges: []graph.Merge{{From: "t1", Into: "t0"}}}
	testMergeCost(t, []mergeCase{
		{"source deriving from n", func(n int) (graph.Batch, graph.Batch) {
			b := srcs(n)
			big := sources.Source{ID: "big", Kind: sources.NewsArticle}
			for i := range n {
				big.DerivedFrom = append(big.DerivedFrom, sources.Derivation{Source: fmt.Sprintf("t%d", i), Kind: sources.Cites})
			}
			b.Sources = append(b.Sources, big)
			return b, merge
		}, 30000, 6},
		{"relation citing n sources", func(n int) (graph.Batch, graph.Batch) {
			b := srcs(n)
			b.Claims = []claims.Claim{{ID: "a", Text: "A."}, {ID: "b", Text: "B."}}
			r := claims.Relation{From: "a", To: "b", Kind: claims.Supports}
			for i := range n {
				r.Sources = append(r.Sources, fmt.Sprintf("t%d", i))
			}
			b.Relations = []claims.Relation{r}
			return b, merge
		}, 30000, 6},
		{"relations joined citing n sources each", func(n int) (graph.Batch, graph.Batch) {
			b := srcs(2 * n)
			b.Claims = []claims.Claim{{ID: "a", Text: "A."}, {ID: "b", Text: "B."}, {ID: "x", Text: "X."}}
			ra := claims.Relation{From: "a", To: "x", Kind: claims.Supports}
			rb := claims.Relation{From: "b", To: "x", Kind: claims.Supports}
			for i := range n {
				ra.Sources = append(ra.Sources, fmt.Sprintf("t%d", i))
				rb.Sources = append(rb.Sources, fmt.Sprintf("t%d", n+i))
			}
			b.Relations = []claims.Relation{ra, rb}
			return b, graph.Batch{Merges: []graph.Merge{{From: "b", Into: "a"}}}
		}, 30000, 6},
	})
}
