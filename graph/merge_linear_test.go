package graph_test

import (
	"fmt"
	"slices"
	"strings"
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
// The sets of an item merged away go, and 1,500 fit in 256 MiB (14 MiB
// peak). The merges still copied the appearances down the chain, n² in
// time (0.8 s here), until the lists became folds (TestMergeClaimChain).
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

// mergeCase is a graph of size n, a batch of merges to apply to it,
// and a check of the graph after.
type mergeCase struct {
	name  string
	make  func(n int) (graph.Batch, graph.Batch)
	check func(g *graph.Graph, n int) error
	n     int // the size the test runs; the benchmark runs n and 3n
}

// applied returns a graph of tc at size n with its merges applied.
func (tc mergeCase) applied(tb testing.TB, n int) *graph.Graph {
	b, m := tc.make(n)
	g := graph.New()
	if err := g.Apply(b); err != nil {
		tb.Fatal(err)
	}
	if err := g.Apply(m); err != nil {
		tb.Fatal(err)
	}
	return g
}

// testMerges applies each case's merges at its size (half under
// -short) and checks the graph after. How their cost grows is
// BenchmarkMerges' to measure.
func testMerges(t *testing.T, cases []mergeCase) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			n := tc.n
			if testing.Short() {
				n /= 2
			}
			if err := tc.check(tc.applied(t, n), n); err != nil {
				t.Error(err)
			}
		})
	}
}

// BenchmarkMerges applies the merges of the cases of
// TestMergeEntityChain, TestMergeClaimChain, TestMergeRelations,
// TestMergeSourceInDegree, TestMergeAppearancesCollapse and
// TestMergeDerivationStars at n and 3n: three times n takes about three
// times as long (3.1 to 3.4 for the claim chains, either way, with
// relations or not), where these took 9 (12 for the claim chain, 10 with
// relations) and 27 before their lists became sets and folds.
func BenchmarkMerges(b *testing.B) {
	for _, tc := range slices.Concat(entityChain(), claimChains(), relationMerges(), sourceInDegree(), appearanceMerges(), derivationStars()) {
		for _, n := range []int{tc.n, 3 * tc.n} {
			b.Run(fmt.Sprintf("%s/n=%d", tc.name, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					b.StopTimer()
					bt, m := tc.make(n)
					g := graph.New()
					if err := g.Apply(bt); err != nil {
						b.Fatal(err)
					}
					b.StartTimer()
					if err := g.Apply(m); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// TestMergeEntityChain: merging entities checked each name against
// Into's aliases one by one, so that a chain of n merges (e0 into e1, e1
// into e2, …, each Into taking every name before it) took n³: 195 s at
// 8,000 (a 250 KB batch). The aliases became a set, and the chain
// still copied its names down, n² (5 s at 8,000; 248 ms at 1,500 in
// BenchmarkMerges). The names are joined as folds: O(n log n), 5 ms at
// 1,500. With a claim about each entity, renaming each claim's entity
// followed the chain to its end, n² again (0.26 s at 3,000, 3.4 s at
// 9,000); the chain's IDs now point at its end once followed (15 ms and
// 61 ms).
func TestMergeEntityChain(t *testing.T) { testMerges(t, entityChain()) }

func entityChain() []mergeCase {
	return []mergeCase{{"entity chain with claims", func(n int) (graph.Batch, graph.Batch) {
		// A claim about each entity: about the last once renamed down
		// the chain, which renaming followed to its end for each.
		var b, m graph.Batch
		for i := range n {
			b.Entities = append(b.Entities, claims.Entity{ID: fmt.Sprintf("e%d", i), Name: "E.", Kind: claims.Person})
			b.Claims = append(b.Claims, claims.Claim{ID: fmt.Sprintf("c%d", i), Text: "C.", About: []string{fmt.Sprintf("e%d", i)}})
			if i > 0 {
				m.Merges = append(m.Merges, graph.Merge{From: fmt.Sprintf("e%d", i-1), Into: fmt.Sprintf("e%d", i)})
			}
		}
		return b, m
	}, func(g *graph.Graph, n int) error {
		last := fmt.Sprintf("e%d", n-1)
		for c := range g.Claims() {
			if len(c.About) != 1 || c.About[0] != last {
				return fmt.Errorf("%s is about %v, want %s", c.ID, c.About, last)
			}
		}
		return nil
	}, 3000}, {"entity chain", func(n int) (graph.Batch, graph.Batch) {
		var b, m graph.Batch
		for i := range n {
			b.Entities = append(b.Entities, claims.Entity{ID: fmt.Sprintf("e%d", i), Name: fmt.Sprintf("Entity %d", i), Kind: claims.Person})
			if i > 0 {
				m.Merges = append(m.Merges, graph.Merge{From: fmt.Sprintf("e%d", i-1), Into: fmt.Sprintf("e%d", i)})
			}
		}
		return b, m
	}, func(g *graph.Graph, n int) error {
		last := fmt.Sprintf("e%d", n-1)
		e, ok := g.Entity(last)
		if !ok || g.Counts().Entities != 1 {
			return fmt.Errorf("%d entities, %s found %v; want it alone", g.Counts().Entities, last, ok)
		}
		if len(e.Aliases) != n-1 {
			return fmt.Errorf("%s has %d aliases, want the %d names merged into it", last, len(e.Aliases), n-1)
		}
		return nil
	}, 500}}
}

// TestMergeSourceInDegree: a chain of source merges, each source
// deriving from one of its own, checked at each merge every derivation
// the chain had gathered, n² (0.56 s at 2,000, 6.1 s at 6,000); they are
// joined as folds (BenchmarkMerges). Merging a source rechecked each derivation
// of a source deriving from it against those kept, and each source of a
// relation citing it against those before, one by one: n² for one merge
// (0.57 s for a relation citing 20,000 sources, 7 s at 80,000), and so
// did a merge of claims joining two relations, each source of one
// against the other's. They are sets (BenchmarkMerges).
func TestMergeSourceInDegree(t *testing.T) { testMerges(t, sourceInDegree()) }

func sourceInDegree() []mergeCase {
	srcs := func(n int) graph.Batch {
		var b graph.Batch
		for i := range n {
			b.Sources = append(b.Sources, sources.Source{ID: fmt.Sprintf("t%d", i), Kind: sources.NewsArticle})
		}
		return b
	}
	merge := graph.Batch{Merges: []graph.Merge{{From: "t1", Into: "t0"}}}
	// sourcesOf returns the sources of the relation from a to x.
	sourcesOf := func(g *graph.Graph, from, to string) []string {
		for r := range g.Relations() {
			if r.From == from && r.To == to {
				return r.Sources
			}
		}
		return nil
	}
	return []mergeCase{
		{"source chain deriving", func(n int) (graph.Batch, graph.Batch) {
			// s0 into s1, s1 into s2, …, each deriving from a t of its
			// own: the last derives from every t.
			b, m := srcs(n), graph.Batch{}
			for i := range n {
				b.Sources = append(b.Sources, sources.Source{ID: fmt.Sprintf("s%d", i), Kind: sources.NewsArticle,
					DerivedFrom: []sources.Derivation{{Source: fmt.Sprintf("t%d", i), Kind: sources.Cites}}})
				if i > 0 {
					m.Merges = append(m.Merges, graph.Merge{From: fmt.Sprintf("s%d", i-1), Into: fmt.Sprintf("s%d", i)})
				}
			}
			return b, m
		}, func(g *graph.Graph, n int) error {
			s, _ := g.Source("s0")
			if len(s.DerivedFrom) != n || s.DerivedFrom[0].Source != fmt.Sprintf("t%d", n-1) || len(s.Merged) != n-1 {
				return fmt.Errorf("s0 reads as %s, deriving from %d sources, %d merged; want %d, t%d first, %d", s.ID, len(s.DerivedFrom), len(s.Merged), n, n-1, n-1)
			}
			return nil
		}, 2000},
		{"source deriving from n", func(n int) (graph.Batch, graph.Batch) {
			b := srcs(n)
			big := sources.Source{ID: "big", Kind: sources.NewsArticle}
			for i := range n {
				big.DerivedFrom = append(big.DerivedFrom, sources.Derivation{Source: fmt.Sprintf("t%d", i), Kind: sources.Cites})
			}
			b.Sources = append(b.Sources, big)
			return b, merge
		}, func(g *graph.Graph, n int) error {
			s, _ := g.Source("big")
			if len(s.DerivedFrom) != n-1 || s.DerivedFrom[0].Source != "t0" {
				return fmt.Errorf("big derives from %d sources, the first %+v; want %d, t0 once", len(s.DerivedFrom), s.DerivedFrom[:1], n-1)
			}
			return nil
		}, 30000},
		{"relation citing n sources", func(n int) (graph.Batch, graph.Batch) {
			b := srcs(n)
			b.Claims = []claims.Claim{{ID: "a", Text: "A."}, {ID: "b", Text: "B."}}
			r := claims.Relation{From: "a", To: "b", Kind: claims.Supports}
			for i := range n {
				r.Sources = append(r.Sources, fmt.Sprintf("t%d", i))
			}
			b.Relations = []claims.Relation{r}
			return b, merge
		}, func(g *graph.Graph, n int) error {
			if s := sourcesOf(g, "a", "b"); len(s) != n-1 || s[0] != "t0" {
				return fmt.Errorf("the relation cites %d sources, want %d, t0 once", len(s), n-1)
			}
			return nil
		}, 30000},
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
		}, func(g *graph.Graph, n int) error {
			if s := sourcesOf(g, "a", "x"); len(s) != 2*n {
				return fmt.Errorf("the joined relation cites %d sources, want %d", len(s), 2*n)
			}
			return nil
		}, 30000},
	}
}

// TestMergeClaimChain: in a chain of claim merges (c0 into c1, c1 into
// c2, …) each merge copied every appearance, entity and merged ID the
// chain had gathered so far, n² in all: 1.7 s at 2,000 and 21 s at
// 6,000, where joined as folds they take 22 ms and 71 ms; given the
// other way (c(n-2) into c(n-1), then c(n-3) into c(n-2), …) each merge
// goes to c(n-1), linear before and after (BenchmarkMerges). Either way
// the last claim has every appearance, in the order the merges give
// them. Merging n more claims into c0 after the chain followed it to
// its end each time, n² (and the chain: 2.9 s at 2,000, 30 s at 6,000);
// the chain's vertices now point at its end once followed (24 ms and
// 79 ms).
func TestMergeClaimChain(t *testing.T) { testMerges(t, claimChains()) }

func claimChains() []mergeCase {
	base := func(n int) graph.Batch {
		var b graph.Batch
		for i := range n {
			src, e := fmt.Sprintf("s%d", i), fmt.Sprintf("e%d", i)
			b.Sources = append(b.Sources, sources.Source{ID: src, Kind: sources.NewsArticle})
			b.Entities = append(b.Entities, claims.Entity{ID: e, Name: "Entity " + e, Kind: claims.Person})
			b.Claims = append(b.Claims, claims.Claim{ID: fmt.Sprintf("c%d", i), Text: "T.", About: []string{e},
				Appearances: []claims.Appearance{{Source: src}}})
		}
		return b
	}
	// check wants the last claim alone, with the appearances of the
	// claims in the order order(i) gives, and k·n-1 IDs merged into it.
	check := func(order func(i, n int) int, k int) func(g *graph.Graph, n int) error {
		return func(g *graph.Graph, n int) error {
			last := fmt.Sprintf("c%d", n-1)
			c, ok := g.Claim(last)
			if !ok || g.Counts().Claims != 1 || len(c.Appearances) != n || len(c.About) != n || len(c.Merged) != k*n-1 {
				return fmt.Errorf("%d claims, %s found %v with %d appearances, %d entities, %d merged; want it alone with %d, %d, %d",
					g.Counts().Claims, last, ok, len(c.Appearances), len(c.About), len(c.Merged), n, n, k*n-1)
			}
			for i, a := range c.Appearances {
				if want := fmt.Sprintf("s%d", order(i, n)); a.Source != want || c.About[i] != fmt.Sprintf("e%d", order(i, n)) {
					return fmt.Errorf("appearance %d in %s about %s, want %s", i, a.Source, c.About[i], want)
				}
			}
			return nil
		}
	}
	return []mergeCase{
		{"claim chain", func(n int) (graph.Batch, graph.Batch) {
			var m graph.Batch
			for i := 1; i < n; i++ {
				m.Merges = append(m.Merges, graph.Merge{From: fmt.Sprintf("c%d", i-1), Into: fmt.Sprintf("c%d", i)})
			}
			return base(n), m
		}, check(func(i, n int) int { return n - 1 - i }, 1), 2000},
		{"claim chain reversed", func(n int) (graph.Batch, graph.Batch) {
			var m graph.Batch
			for i := n - 1; i > 0; i-- {
				m.Merges = append(m.Merges, graph.Merge{From: fmt.Sprintf("c%d", i-1), Into: fmt.Sprintf("c%d", i)})
			}
			return base(n), m
		}, check(func(i, n int) int { return n - 1 - i }, 1), 2000},
		{"claims into the first of a chain", func(n int) (graph.Batch, graph.Batch) {
			// The chain, then n claims merged into c0, which each merge
			// followed down the chain to c(n-1).
			b, m := base(n), graph.Batch{}
			for i := range n {
				b.Claims = append(b.Claims, claims.Claim{ID: fmt.Sprintf("d%d", i), Text: "D.", Appearances: []claims.Appearance{{Source: fmt.Sprintf("s%d", i), Note: "d"}}})
				if i > 0 {
					m.Merges = append(m.Merges, graph.Merge{From: fmt.Sprintf("c%d", i-1), Into: fmt.Sprintf("c%d", i)})
				}
			}
			for i := range n {
				m.Merges = append(m.Merges, graph.Merge{From: fmt.Sprintf("d%d", i), Into: "c0"})
			}
			return b, m
		}, func(g *graph.Graph, n int) error {
			if err := check(func(i, n int) int { return n - 1 - i }, 2)(g, n); err != nil {
				return err
			}
			if c, _ := g.Claim("d0"); c.Appearances[0].Note != "d" || len(c.Merged) != 2*n-1 {
				return fmt.Errorf("d0 reads as %s, its first appearance noted %q, %d merged; want d, %d", c.ID, c.Appearances[0].Note, len(c.Merged), 2*n-1)
			}
			return nil
		}, 2000},
		{"claim chain of one appearance, noted", func(n int) (graph.Batch, graph.Batch) {
			// Each claim in one source, with a note and an inference of
			// its own: every merge absorbs an appearance into the next,
			// which joined the notes and inferences gathered so far at
			// each merge (7.5 s at 2,000).
			var b, m graph.Batch
			b.Sources = []sources.Source{{ID: "s", Kind: sources.NewsArticle}}
			for i := range n {
				note := fmt.Sprintf("note %d", i)
				b.Claims = append(b.Claims, claims.Claim{ID: fmt.Sprintf("c%d", i), Text: "T.",
					Appearances: []claims.Appearance{{Source: "s", Note: note, Inferred: []claims.Inference{{Field: "note", Sentence: note}}}}})
				if i > 0 {
					m.Merges = append(m.Merges, graph.Merge{From: fmt.Sprintf("c%d", i-1), Into: fmt.Sprintf("c%d", i)})
				}
			}
			return b, m
		}, func(g *graph.Graph, n int) error {
			c, _ := g.Claim(fmt.Sprintf("c%d", n-1))
			if len(c.Appearances) != 1 || len(c.Appearances[0].Inferred) != n || strings.Count(c.Appearances[0].Note, "; ") != n-1 {
				return fmt.Errorf("%s has %d appearances; want one, of %d notes and inferences", c.ID, len(c.Appearances), n)
			}
			return nil
		}, 2000},
	}
}

// TestMergeRelations: a claim merge looked each relation it moved up
// among the relations of Into, one by one: merging n claims of one
// relation each into a claim of n relations took n² (0.75 s at 2,000,
// 7.7 s at 6,000). Into's relations are indexed once (BenchmarkMerges).
// A chain of claims with a relation each (c0 into c1, c1 into c2, …)
// moved every relation the chain had gathered at each merge, n² too
// (2.3 s at 2,000, 24 s at 6,000); it moves those of the smaller side
// (23 ms and 70 ms).
func TestMergeRelations(t *testing.T) { testMerges(t, relationMerges()) }

func relationMerges() []mergeCase {
	claimsXY := func(n int) graph.Batch {
		var b graph.Batch
		for i := range n {
			b.Claims = append(b.Claims, claims.Claim{ID: fmt.Sprintf("c%d", i), Text: "C."}, claims.Claim{ID: fmt.Sprintf("x%d", i), Text: "X."})
		}
		return b
	}
	// supports wants c, alone of the claims c, to support every x.
	supports := func(c string) func(g *graph.Graph, n int) error {
		return func(g *graph.Graph, n int) error {
			rels, err := g.Supported(c)
			if err != nil || len(rels) != n || g.Counts().Claims != n+1 {
				return fmt.Errorf("%s supports %d claims (%v), %d claims in all; want %d, %d", c, len(rels), err, g.Counts().Claims, n, n+1)
			}
			return nil
		}
	}
	return []mergeCase{
		{"claims of one relation into a claim of n", func(n int) (graph.Batch, graph.Batch) {
			b, m := claimsXY(n), graph.Batch{}
			for i := range n {
				b.Relations = append(b.Relations, claims.Relation{From: "c0", To: fmt.Sprintf("x%d", i), Kind: claims.Supports, Note: "c0"})
				if i > 0 {
					b.Relations = append(b.Relations, claims.Relation{From: fmt.Sprintf("c%d", i), To: fmt.Sprintf("x%d", (i+n/2)%n), Kind: claims.Supports})
					m.Merges = append(m.Merges, graph.Merge{From: fmt.Sprintf("c%d", i), Into: "c0"})
				}
			}
			return b, m
		}, supports("c0"), 2000},
		{"claim chain with relations", func(n int) (graph.Batch, graph.Batch) {
			b, m := claimsXY(n), graph.Batch{}
			for i := range n {
				b.Relations = append(b.Relations, claims.Relation{From: fmt.Sprintf("c%d", i), To: fmt.Sprintf("x%d", i), Kind: claims.Supports})
				if i > 0 {
					m.Merges = append(m.Merges, graph.Merge{From: fmt.Sprintf("c%d", i-1), Into: fmt.Sprintf("c%d", i)})
				}
			}
			return b, m
		}, func(g *graph.Graph, n int) error { return supports(fmt.Sprintf("c%d", n-1))(g, n) }, 2000},
	}
}

// TestMergeAppearancesCollapse: merging sources or entities renamed
// and collapsed, at each merge, every appearance of each claim that
// names From, so that a star or a chain of n merges of the sources (or
// speakers) of one claim's n appearances took n². The merges key the
// appearances by the sets of the sources and entities they join, and
// each join re-keys those of the lighter set (BenchmarkMerges). The
// claim's one appearance left has every note, in the order of the
// merges one a batch.
func TestMergeAppearancesCollapse(t *testing.T) { testMerges(t, appearanceMerges()) }

func appearanceMerges() []mergeCase {
	// base gives claim c n appearances, in source s<i> or by speaker
	// e<i>, each noted.
	base := func(n int, bySpeaker bool) graph.Batch {
		b := graph.Batch{Claims: []claims.Claim{{ID: "c", Text: "T."}}}
		if bySpeaker {
			b.Sources = []sources.Source{{ID: "s", Kind: sources.NewsArticle}}
		}
		for i := range n {
			a := claims.Appearance{Source: fmt.Sprintf("s%d", i), Note: fmt.Sprintf("n%d", i)}
			if bySpeaker {
				a.Source, a.Speaker = "s", fmt.Sprintf("e%d", i)
				b.Entities = append(b.Entities, claims.Entity{ID: a.Speaker, Name: "E.", Kind: claims.Person})
			} else {
				b.Sources = append(b.Sources, sources.Source{ID: a.Source, Kind: sources.NewsArticle})
			}
			b.Claims[0].Appearances = append(b.Claims[0].Appearances, a)
		}
		return b
	}
	star := func(kind string, bySpeaker bool) func(n int) (graph.Batch, graph.Batch) {
		return func(n int) (graph.Batch, graph.Batch) {
			var m graph.Batch
			for i := 1; i < n; i++ {
				m.Merges = append(m.Merges, graph.Merge{From: fmt.Sprintf("%s%d", kind, i), Into: kind + "0"})
			}
			return base(n, bySpeaker), m
		}
	}
	chain := func(n int) (graph.Batch, graph.Batch) {
		var m graph.Batch
		for i := 1; i < n; i++ {
			m.Merges = append(m.Merges, graph.Merge{From: fmt.Sprintf("s%d", i-1), Into: fmt.Sprintf("s%d", i)})
		}
		return base(n, false), m
	}
	// one wants c's one appearance noted n0; n1; …, in source src.
	one := func(src string) func(g *graph.Graph, n int) error {
		return func(g *graph.Graph, n int) error {
			if src == "" {
				src = fmt.Sprintf("s%d", n-1)
			}
			c, _ := g.Claim("c")
			if len(c.Appearances) != 1 || c.Appearances[0].Source != src {
				return fmt.Errorf("c has %d appearances, the first %+v; want one, in %s", len(c.Appearances), c.Appearances[0], src)
			}
			parts := strings.Split(c.Appearances[0].Note, "; ")
			for i, p := range parts {
				if p != fmt.Sprintf("n%d", i) {
					return fmt.Errorf("note part %d is %q, want n%d", i, p, i)
				}
			}
			if len(parts) != n {
				return fmt.Errorf("the note has %d parts, want %d", len(parts), n)
			}
			return nil
		}
	}
	return []mergeCase{
		{"source star collapsing appearances", star("s", false), one("s0"), 3000},
		{"source chain collapsing appearances", chain, one(""), 3000},
		{"speaker star collapsing appearances", star("e", true), one("s"), 3000},
	}
}

// TestMergeDerivationStars: a merge of sources rewrote every derivation
// of each source deriving from From, so that a star or a chain of n
// merges of the sources one source derives from all of took n² (3.0 s
// at 3,000, 23 s at 9,000; the chain 27 s); they are renamed once the
// merges are done (31 ms and 67 ms; the chain 20 ms and 61 ms), and so
// is a source the batch replaces, which each merge still rewrote (2.1 s
// and 14 s; 14 ms and 73 ms). So did merges of entities a claim is
// about beside many appearances, each merge rescanning them (0.14 s and
// 1.1 s, now 25 ms and 70 ms). A source deriving n times alike from
// one, passed down a chain of merges, keeps them all (two written alike
// stay), each merge looking among them only for the shorter list's keys.
func TestMergeDerivationStars(t *testing.T) { testMerges(t, derivationStars()) }

// TestMergeDerivationStarsGrow counts the bytes the merges of the
// derivation stars and chains allocate, at n and 3n, rather than timing
// them: rewriting each deriving source at each merge made a set of its
// derivations each time, n² bytes (about 9 times as many at 3n; 1.6 GB
// at 3,000), where renaming it once allocates about 3 times as many. A
// source the batch replaces was still rewritten at each merge (1.6 GB at
// 3,000, 16 GB at 9,000: 2.1 s and 14 s), as what it writes itself.
func TestMergeDerivationStarsGrow(t *testing.T) {
	cases := derivationStars()
	for _, tc := range cases[:len(cases)-1] { // but the entity star
		t.Run(tc.name, func(t *testing.T) {
			var bytes [2]uint64
			for k, n := range []int{200, 600} {
				b, m := tc.make(n)
				g := graph.New()
				if err := g.Apply(b); err != nil {
					t.Fatal(err)
				}
				bytes[k] = childtest.Allocated(func() {
					if err := g.Apply(m); err != nil {
						t.Fatal(err)
					}
				})
				if err := tc.check(g, n); err != nil {
					t.Fatal(err)
				}
			}
			r := float64(bytes[1]) / float64(bytes[0])
			if r > 5 {
				t.Errorf("merging 3 times as many sources allocates %.1f times as many bytes (%d, then %d): want about 3, not the 9 of n²", r, bytes[0], bytes[1])
			}
			t.Logf("%d bytes, then %d: %.1f times as many", bytes[0], bytes[1], r)
		})
	}
}

// TestMergeEntityStarAboutWithin guards the cost of a star of merges of
// the entities a claim is about beside many appearances: each merge
// looked for its From among the claim's appearances, n² (1.1 s at 9,000,
// some 20 s at the 40,000 here); the claim's edge says whether an
// appearance names it (0.3 s).
func TestMergeEntityStarAboutWithin(t *testing.T) {
	cases := derivationStars()
	tc := cases[len(cases)-1]
	childtest.Within(t, 10*time.Second, "a star of 40,000 merges of the entities a claim of 40,000 appearances is about", func() error {
		const n = 40000
		b, m := tc.make(n)
		g := graph.New()
		if err := g.Apply(b); err != nil {
			return err
		}
		if err := g.Apply(m); err != nil {
			return err
		}
		return tc.check(g, n)
	})
}

func derivationStars() []mergeCase {
	// base gives k sources h<j> deriving from each of t0..t(n-1), and
	// t0 deriving from x, to keep t0's own.
	base := func(n, k int) graph.Batch {
		var b graph.Batch
		for i := range n {
			b.Sources = append(b.Sources, sources.Source{ID: fmt.Sprintf("t%d", i), Kind: sources.NewsArticle})
		}
		for j := range k {
			h := sources.Source{ID: fmt.Sprintf("h%d", j), Kind: sources.NewsArticle}
			for i := range n {
				h.DerivedFrom = append(h.DerivedFrom, sources.Derivation{Source: fmt.Sprintf("t%d", i), Kind: sources.Cites})
				if i%2 == 0 {
					h.DerivedFrom = append(h.DerivedFrom, sources.Derivation{Source: fmt.Sprintf("t%d", i), Kind: sources.Quotes})
				}
			}
			b.Sources = append(b.Sources, h)
		}
		return b
	}
	star := func(k int) func(n int) (graph.Batch, graph.Batch) {
		return func(n int) (graph.Batch, graph.Batch) {
			var m graph.Batch
			for i := 1; i < n; i++ {
				m.Merges = append(m.Merges, graph.Merge{From: fmt.Sprintf("t%d", i), Into: "t0"})
			}
			return base(n, k), m
		}
	}
	chain := func(n int) (graph.Batch, graph.Batch) {
		var m graph.Batch
		for i := 1; i < n; i++ {
			m.Merges = append(m.Merges, graph.Merge{From: fmt.Sprintf("t%d", i-1), Into: fmt.Sprintf("t%d", i)})
		}
		return base(n, 1), m
	}
	// once wants each h to derive from into once by citing and once by
	// quoting.
	once := func(into func(n int) string, k int) func(g *graph.Graph, n int) error {
		return func(g *graph.Graph, n int) error {
			for j := range k {
				s, _ := g.Source(fmt.Sprintf("h%d", j))
				want := []sources.Derivation{{Source: into(n), Kind: sources.Cites}, {Source: into(n), Kind: sources.Quotes}}
				if !slices.Equal(s.DerivedFrom, want) {
					return fmt.Errorf("%s derives from %v, want %v", s.ID, s.DerivedFrom, want)
				}
			}
			return nil
		}
	}
	// replaced is star(1) in a batch that also replaces h0, deriving
	// from each of t0..t(n-1) as the graph's h0 does: the batch writes
	// its derivations, which each merge of a source it derives from
	// rescanned.
	replaced := func(n int) (graph.Batch, graph.Batch) {
		b, m := star(1)(n)
		h := b.Sources[len(b.Sources)-1].Clone()
		m.Remove, m.Sources = []string{h.ID}, []sources.Source{h}
		return b, m
	}
	// alike is a chain of merges from t0, which derives n times from x
	// as written alike, each Into taking them: they stay, and a merge
	// looks among them only for the keys of the shorter list.
	alike := func(n int) (graph.Batch, graph.Batch) {
		var b, m graph.Batch
		b.Sources = append(b.Sources, sources.Source{ID: "x", Kind: sources.NewsArticle})
		for i := range n {
			t := sources.Source{ID: fmt.Sprintf("t%d", i), Kind: sources.NewsArticle}
			if i == 0 {
				t.DerivedFrom = slices.Repeat([]sources.Derivation{{Source: "x", Kind: sources.Cites}}, n)
			} else {
				m.Merges = append(m.Merges, graph.Merge{From: fmt.Sprintf("t%d", i-1), Into: t.ID})
			}
			b.Sources = append(b.Sources, t)
		}
		return b, m
	}
	first := func(int) string { return "t0" }
	last := func(n int) string { return fmt.Sprintf("t%d", n-1) }
	about := func(n int) (graph.Batch, graph.Batch) {
		// Claim c about e0..e(n-1), in n sources: a merge of entities
		// looked for them among its appearances at each merge.
		var b, m graph.Batch
		c := claims.Claim{ID: "c", Text: "T."}
		for i := range n {
			e, s := fmt.Sprintf("e%d", i), fmt.Sprintf("s%d", i)
			b.Entities = append(b.Entities, claims.Entity{ID: e, Name: "E.", Kind: claims.Person})
			b.Sources = append(b.Sources, sources.Source{ID: s, Kind: sources.NewsArticle})
			c.About = append(c.About, e)
			c.Appearances = append(c.Appearances, claims.Appearance{Source: s})
			if i > 0 {
				m.Merges = append(m.Merges, graph.Merge{From: e, Into: "e0"})
			}
		}
		b.Claims = []claims.Claim{c}
		return b, m
	}
	return []mergeCase{
		{"derivation star", star(1), once(first, 1), 3000},
		{"derivation star of ten", star(10), once(first, 10), 1000},
		{"derivation chain", chain, once(last, 1), 3000},
		{"derivation star of a source replaced", replaced, once(first, 1), 3000},
		{"chain of a source deriving n times alike", alike, func(g *graph.Graph, n int) error {
			s, _ := g.Source("t0")
			if want := slices.Repeat([]sources.Derivation{{Source: "x", Kind: sources.Cites}}, n); s.ID != last(n) || !slices.Equal(s.DerivedFrom, want) {
				return fmt.Errorf("t0 reads as %s deriving from %d, want %s deriving %d times from x", s.ID, len(s.DerivedFrom), last(n), n)
			}
			return nil
		}, 3000},
		{"entity star about a claim of n appearances", about, func(g *graph.Graph, n int) error {
			if c, _ := g.Claim("c"); len(c.About) != 1 || len(c.Appearances) != n {
				return fmt.Errorf("c is about %d entities in %d appearances, want 1 in %d", len(c.About), len(c.Appearances), n)
			}
			return nil
		}, 3000},
	}
}
