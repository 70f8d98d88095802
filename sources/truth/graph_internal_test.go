package truth

import (
	"fmt"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/sources"
)

// TestFromGraphHubsLinear: two hub claims, each contradicting n leaves
// (so each is a fact of n questions), joined by one support, give 4n
// facts and 4n assertions, and no implications: the support lends h1's
// origins to h2's votes instead (once each: here the one source is
// already h2's). Pairing every fact of one hub with every fact of the
// other, as implications once did, made a 3000-leaf file take 9.5 s and
// 690 MB.
func TestFromGraphHubsLinear(t *testing.T) {
	const n = 200
	var b strings.Builder
	b.WriteString("claimgraph: 1\nsources:\n  - {id: s, kind: other}\nclaims:\n")
	claim := func(id string) { fmt.Fprintf(&b, "  - {id: %s, text: %s, appearances: [{source: s}]}\n", id, id) }
	claim("h1")
	claim("h2")
	for i := range n {
		claim(fmt.Sprintf("a%d", i))
		claim(fmt.Sprintf("b%d", i))
	}
	b.WriteString("relations:\n  - {from: h1, to: h2, kind: supports}\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {from: h1, to: a%d, kind: contradicts}\n  - {from: h2, to: b%d, kind: contradicts}\n", i, i)
	}
	g, err := graph.ReadYAML(strings.NewReader(b.String()), "hubs.yaml")
	if err != nil {
		t.Fatal(err)
	}
	d, m := FromGraph(g.View)
	if got := len(m.Facts("h1")); got != n {
		t.Fatalf("h1 is a fact of %d questions, want %d", got, n)
	}
	if got := len(d.imps); got != 0 {
		t.Errorf("%d implications for one support; want none", got)
	}
	if f, a := d.NumFacts(), d.NumAssertions(); f != 4*n || a != 4*n {
		t.Errorf("%d facts and %d assertions, want %d of each", f, a, 4*n)
	}
}

// star returns a contradiction graph of one hub h, in source s0,
// contradicted by n claims c0..c(n−1), each in a source of its own: the
// red team's star.
func star(tb testing.TB, n int) *graph.Graph {
	tb.Helper()
	g := graph.New()
	add := func(id, src string) {
		if err := g.AddSource(sources.Source{ID: src, Kind: sources.Other}); err != nil {
			tb.Fatal(err)
		}
		if err := g.AddClaim(claims.Claim{ID: id, Text: id, Appearances: []claims.Appearance{{Source: src}}}); err != nil {
			tb.Fatal(err)
		}
	}
	add("h", "s")
	for i := range n {
		add(fmt.Sprintf("c%d", i), fmt.Sprintf("s%d", i))
		if err := g.AddRelation(claims.Relation{From: "h", To: fmt.Sprintf("c%d", i), Kind: claims.Contradicts}); err != nil {
			tb.Fatal(err)
		}
	}
	return g
}

// TestQuadraticStar guards the red team's finding that trust on a star
// (one claim contradicted by n claims) took time quadratic in n: finding
// its n questions {h, ci} made Σ deg² = n² adjacency probes. It counts
// the probes of [cliques], not time: at most a constant per contradiction
// on a star, and the questions are the n pairs.
func TestQuadraticStar(t *testing.T) {
	for _, n := range []int{100, 1000, 4000} {
		_, m := FromGraph(star(t, n).View)
		if got := len(m.Facts("h")); got != n {
			t.Fatalf("n=%d: h is a fact of %d questions, want %d", n, got, n)
		}
		adj, edges := contradictionGraph(star(t, n).View, n+1)
		var questions int
		probes := cliques(adj, edges, func(members []int32) {
			questions++
			if len(members) != 2 {
				t.Errorf("n=%d: a question of %d claims on a star", n, len(members))
			}
		})
		if questions != n || probes > 2*n {
			t.Errorf("n=%d: %d questions, %d probes; want %d questions and at most %d probes", n, questions, probes, n, 2*n)
		}
	}
}

// TestQuadraticBipartite bounds the probes on a complete bipartite
// contradiction graph K(p, p), which has no triangle: every edge is a
// question of two, and each costs the p neighbours of its smaller end,
// m·√m for m = p² edges (the bound of [cliques]), not Σ deg² · … more.
func TestQuadraticBipartite(t *testing.T) {
	const p = 40
	g := graph.New()
	for i := range 2 * p {
		if err := g.AddSource(sources.Source{ID: fmt.Sprintf("s%d", i), Kind: sources.Other}); err != nil {
			t.Fatal(err)
		}
		if err := g.AddClaim(claims.Claim{ID: fmt.Sprintf("c%d", i), Text: "x", Appearances: []claims.Appearance{{Source: fmt.Sprintf("s%d", i)}}}); err != nil {
			t.Fatal(err)
		}
	}
	for i := range p {
		for j := p; j < 2*p; j++ {
			if err := g.AddRelation(claims.Relation{From: fmt.Sprintf("c%d", i), To: fmt.Sprintf("c%d", j), Kind: claims.Contradicts}); err != nil {
				t.Fatal(err)
			}
		}
	}
	adj, edges := contradictionGraph(g.View, g.View.Counts().Claims)
	var questions int
	probes := cliques(adj, edges, func(members []int32) {
		questions++
		if len(members) != 2 {
			t.Errorf("a question of %d claims in a bipartite graph", len(members))
		}
	})
	if m := p * p; questions != m || probes > m*p {
		t.Errorf("%d questions, %d probes; want %d questions and at most %d probes", questions, probes, m, m*p)
	}
}

// BenchmarkFromGraphStar: FromGraph on the red team's star, n = 10k to
// 80k contradictions; the time per run grows linearly with n.
func BenchmarkFromGraphStar(b *testing.B) {
	sizes := []int{10_000, 20_000, 40_000, 80_000}
	if testing.Short() {
		sizes = sizes[:1]
	}
	for _, n := range sizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			v := star(b, n).View
			b.ReportAllocs()
			for b.Loop() {
				FromGraph(v)
			}
		})
	}
}
