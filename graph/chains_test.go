package graph_test

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/internal/childtest"
	"github.com/claimgraph/claimgraph/sources"
)

// supportLine returns a graph of n+1 claims c0..cn where c(i+1) supports
// c(i): one line of support n links long.
func supportLine(t testing.TB, n int) *graph.Graph {
	t.Helper()
	var b graph.Batch
	for i := range n + 1 {
		b.Claims = append(b.Claims, claims.Claim{ID: fmt.Sprintf("c%d", i), Text: "claim"})
		if i > 0 {
			b.Relations = append(b.Relations, claims.Relation{From: fmt.Sprintf("c%d", i), To: fmt.Sprintf("c%d", i-1), Kind: claims.Supports})
		}
	}
	g := graph.New()
	if err := g.Apply(b); err != nil {
		t.Fatal(err)
	}
	return g
}

// randomSupports returns a graph of n claims with m random supports,
// cycles and merging chains included, and a contradiction or two.
func randomSupports(t testing.TB, rng *rand.Rand, n, m int) *graph.Graph {
	t.Helper()
	var b graph.Batch
	for i := range n {
		b.Claims = append(b.Claims, claims.Claim{ID: fmt.Sprintf("c%d", i), Text: "claim"})
	}
	seen := map[[2]int]bool{}
	for range m {
		a, c := rng.IntN(n), rng.IntN(n)
		if a == c || seen[[2]int{a, c}] || seen[[2]int{c, a}] {
			continue
		}
		seen[[2]int{a, c}] = true
		kind := claims.Supports
		if rng.IntN(8) == 0 {
			kind = claims.Contradicts
		}
		b.Relations = append(b.Relations, claims.Relation{From: fmt.Sprintf("c%d", a), To: fmt.Sprintf("c%d", c), Kind: kind})
	}
	g := graph.New()
	if err := g.Apply(b); err != nil {
		t.Fatal(err)
	}
	return g
}

// TestSupportTreeIsShortestChains: every node of the tree is one relation
// from its next claim, supports it, and lies at its depth; its path has
// that many links and is the chain SupportChains gives.
func TestSupportTreeIsShortestChains(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 30 {
		g := randomSupports(t, rng, 30, 60)
		for c := range g.Claims() {
			tr, err := g.SupportTree(c.ID, 0)
			if err != nil {
				t.Fatal(err)
			}
			chains, _ := g.SupportChains(c.ID, 0)
			if len(chains) != len(tr.Nodes) {
				t.Fatalf("%s: %d chains, %d nodes", c.ID, len(chains), len(tr.Nodes))
			}
			for i, nd := range tr.Nodes {
				next, depth := tr.Root, 1
				if nd.Next >= 0 {
					if nd.Next >= i {
						t.Fatalf("%s: node %d names a later next %d", c.ID, i, nd.Next)
					}
					next, depth = tr.Nodes[nd.Next].Claim, tr.Nodes[nd.Next].Depth+1
				}
				if nd.Relation.From != nd.Claim || nd.Relation.To != next || nd.Relation.Kind != claims.Supports || nd.Depth != depth {
					t.Errorf("%s: node %+v does not support %s at depth %d", c.ID, nd, next, depth)
				}
				p := tr.Path(i)
				if p.Len() != nd.Depth || p.String() != chains[i].String() {
					t.Errorf("%s: path %s, chain %s, depth %d", c.ID, p, chains[i], nd.Depth)
				}
				if sp, _ := g.ShortestPath(nd.Claim, c.ID); sp.Len() > nd.Depth {
					t.Errorf("%s: chain of %s has %d links; a path of %d joins them", c.ID, nd.Claim, nd.Depth, sp.Len())
				}
			}
		}
	}
}

// TestMostSupportedMatchesCounting: the ranking equals counting every
// claim's chains and sorting, on random graphs with merging chains and
// cycles of support, for every k.
func TestMostSupportedMatchesCounting(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 40 {
		g := randomSupports(t, rng, 25, 10+rng.IntN(50))
		var all []graph.Supported
		for c := range g.Claims() {
			chains, _ := g.SupportChains(c.ID, 0)
			if len(chains) > 0 {
				all = append(all, graph.Supported{Claim: c.ID, Supporters: len(chains)})
			}
		}
		slices.SortStableFunc(all, func(a, b graph.Supported) int { return cmp.Compare(b.Supporters, a.Supporters) })
		for _, k := range []int{1, 3, 5, 30} {
			want := all[:min(k, len(all))]
			if got := g.MostSupported(k); !slices.Equal(got, want) {
				t.Errorf("k=%d: got %v, want %v", k, got, want)
			}
		}
	}
	if got := supportLine(t, 10).MostSupported(0); got != nil {
		t.Errorf("k=0: %v", got)
	}
}

// TestSupportTreeLongChainLinear: on a line of support, the tree and the
// ranking allocate in proportion to its length (twice the line, about
// twice the bytes), where the chains written out take its square.
func TestSupportTreeLongChainLinear(t *testing.T) {
	const n = 5000
	small, big := supportLine(t, n), supportLine(t, 2*n)
	for name, f := range map[string]func(g *graph.Graph){
		"SupportTree":   func(g *graph.Graph) { g.SupportTree("c0", 0) },
		"MostSupported": func(g *graph.Graph) { g.MostSupported(5) },
	} {
		a, b := childtest.Allocated(func() { f(small) }), childtest.Allocated(func() { f(big) })
		if ratio := float64(b) / float64(a); ratio > 2.6 {
			t.Errorf("%s: %d bytes at %d links, %d at %d: ratio %.2f, want about 2", name, a, n, b, 2*n, ratio)
		}
	}
	short := supportLine(t, 500)
	chains := childtest.Allocated(func() { short.SupportChains("c0", 0) })
	tree := childtest.Allocated(func() { short.SupportTree("c0", 0) })
	if chains < 10*tree {
		t.Errorf("SupportChains %d bytes, SupportTree %d: the test no longer shows the square", chains, tree)
	}
}

// BenchmarkSupportLine: the tree, the written-out chains and the ranking
// on a line of 20,000 supports.
func BenchmarkSupportLine(b *testing.B) {
	g := supportLine(b, 20000)
	b.Run("SupportTree", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			g.SupportTree("c0", 0)
		}
	})
	b.Run("MostSupported", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			g.MostSupported(5)
		}
	})
}

// TestSupportExcept: with b silent, c's supporters are d and e: b is not
// counted, nor a, which supports c only through b; e, which supports b
// and d, still reaches c through d. A snapshot silences b as the graph
// does.
func TestSupportExcept(t *testing.T) {
	g := graph.New()
	b := graph.Batch{Sources: []sources.Source{{ID: "s", Kind: sources.Wire}}}
	for _, id := range []string{"a", "b", "c", "d", "e"} {
		b.Claims = append(b.Claims, claims.Claim{ID: id, Text: id, Appearances: []claims.Appearance{{Source: "s"}}})
	}
	for _, r := range [][2]string{{"a", "b"}, {"b", "c"}, {"d", "c"}, {"e", "b"}, {"e", "d"}} {
		b.Relations = append(b.Relations, claims.Relation{From: r[0], To: r[1], Kind: claims.Supports})
	}
	if err := g.Apply(b); err != nil {
		t.Fatal(err)
	}
	silent := map[string]bool{"b": true}
	for _, tt := range []struct {
		Name string
		View graph.View
	}{
		{"live", g.View},
		{"snapshot", g.Snapshot()},
	} {
		v := tt.View
		if got := v.MostSupported(1); len(got) != 1 || got[0] != (graph.Supported{Claim: "c", Supporters: 4}) {
			t.Errorf("%s: MostSupported: %v, want c with 4", tt.Name, got)
		}
		// b, silent, lends nothing but is ranked itself, before c on a tie.
		want := []graph.Supported{{Claim: "b", Supporters: 2}, {Claim: "c", Supporters: 2}, {Claim: "d", Supporters: 1}}
		if got := v.MostSupportedExcept(5, silent); !slices.Equal(got, want) {
			t.Errorf("%s: MostSupportedExcept: %v, want %v", tt.Name, got, want)
		}
		tree, err := v.SupportTreeExcept("c", 0, silent)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, n := range tree.Nodes {
			ids = append(ids, n.Claim)
		}
		if !slices.Equal(ids, []string{"d", "e"}) {
			t.Errorf("%s: SupportTreeExcept: %v, want [d e]", tt.Name, ids)
		}
	}
}

// TestMostSupportedRingCountsK: in a ring of supports every claim has
// every other as a supporter, so all bounds tie with the counts; the
// first k counted are the answer, and no other claim can beat them in
// graph order. Counting them all made MostSupported(1) quadratic; the
// allocations, one or two per claim reached, show how many it counted.
func TestMostSupportedRingCountsK(t *testing.T) {
	allocs := func(n int) float64 {
		var b graph.Batch
		for i := range n {
			b.Claims = append(b.Claims, claims.Claim{ID: fmt.Sprintf("c%d", i), Text: "claim"})
			b.Relations = append(b.Relations, claims.Relation{From: fmt.Sprintf("c%d", i), To: fmt.Sprintf("c%d", (i+1)%n), Kind: claims.Supports})
		}
		g := graph.New()
		if err := g.Apply(b); err != nil {
			t.Fatal(err)
		}
		var got []graph.Supported
		a := testing.AllocsPerRun(1, func() { got = g.MostSupported(2) })
		if want := []graph.Supported{{Claim: "c0", Supporters: n - 1}, {Claim: "c1", Supporters: n - 1}}; !slices.Equal(got, want) {
			t.Fatalf("ring of %d: MostSupported(2) = %v, want %v", n, got, want)
		}
		return a
	}
	small, large := allocs(200), allocs(800)
	if large > 6*small {
		t.Errorf("MostSupported(2) on a ring: %v allocations at 200 claims, %v at 800: it counts every claim", small, large)
	}
}

// TestShortestPathAliasItself: a path from a merged-away ID to the claim
// it was merged into is that claim alone, named by its own ID as every
// other path names claims, not by the alias.
func TestShortestPathAliasItself(t *testing.T) {
	g := graph.New()
	if err := g.Apply(graph.Batch{Claims: []claims.Claim{{ID: "a", Text: "a"}, {ID: "b", Text: "b"}}}); err != nil {
		t.Fatal(err)
	}
	if err := g.Apply(graph.Batch{Merges: []graph.Merge{{Into: "a", From: "b"}}}); err != nil {
		t.Fatal(err)
	}
	for _, ends := range [][2]string{{"b", "a"}, {"a", "b"}, {"b", "b"}} {
		p, err := g.ShortestPath(ends[0], ends[1])
		if err != nil || !slices.Equal(p.Claims, []string{"a"}) || p.Len() != 0 {
			t.Errorf("ShortestPath(%q, %q) = %v, %v; want the path of claim a alone", ends[0], ends[1], p.Claims, err)
		}
	}
}
