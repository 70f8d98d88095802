package verdict_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/sources"
)

// spec is a small claim graph written compactly. Claims maps a claim ID to
// its number of distinct sources (named ID-s1, ID-s2, ...); Rels are
// "a>b" (a supports b) or "a-b" (a contradicts b); Valid optionally gives
// a claim's validity as "FROM..UNTIL" with either end empty.
type spec struct {
	Claims map[string]int
	Order  []string // the order claims are added in
	Rels   []string
	Valid  map[string]string
}

// build makes the graph of s.
func build(t testing.TB, s spec) *graph.Graph {
	t.Helper()
	var b graph.Batch
	for _, id := range s.Order {
		c := claims.Claim{ID: id, Text: "Claim " + id + "."}
		for k := range s.Claims[id] {
			src := fmt.Sprintf("%s-s%d", id, k+1)
			b.Sources = append(b.Sources, sources.Source{ID: src, Title: src, Kind: sources.NewsArticle})
			c.Appearances = append(c.Appearances, claims.Appearance{Source: src})
		}
		if p, ok := s.Valid[id]; ok {
			from, until, _ := strings.Cut(p, "..")
			c.Validity.From = date(t, from)
			c.Validity.Until = date(t, until)
		}
		b.Claims = append(b.Claims, c)
	}
	for _, r := range s.Rels {
		kind, sep := claims.Supports, ">"
		if strings.Contains(r, "-") {
			kind, sep = claims.Contradicts, "-"
		}
		from, to, _ := strings.Cut(r, sep)
		b.Relations = append(b.Relations, claims.Relation{From: from, To: to, Kind: kind})
	}
	g := graph.New()
	if err := g.Apply(b); err != nil {
		t.Fatalf("building %v: %v", s, err)
	}
	return g
}

// date parses a date of a test table ("" is the zero date).
func date(t testing.TB, s string) claims.Date {
	t.Helper()
	d, err := claims.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// generate returns a random claim graph of n claims with fixed seed:
// 1000 sources, each claim in 1 to 3 of them, and about n/2 contradictions
// and n supports between random pairs of claims.
func generate(t testing.TB, n int) *graph.Graph {
	t.Helper()
	rng := rand.New(rand.NewPCG(1, 1))
	var b graph.Batch
	const nsrc = 1000
	for i := range nsrc {
		id := fmt.Sprintf("s%d", i)
		b.Sources = append(b.Sources, sources.Source{ID: id, Title: id, Kind: sources.NewsArticle})
	}
	for i := range n {
		c := claims.Claim{ID: fmt.Sprintf("c%d", i), Text: "A claim."}
		for range 1 + rng.IntN(3) {
			a := claims.Appearance{Source: fmt.Sprintf("s%d", rng.IntN(nsrc))}
			// A repeated draw is left out (a graph may not hold one
			// appearance twice); the draws, and so the graph, stay as
			// they were otherwise.
			if !slices.ContainsFunc(c.Appearances, func(b claims.Appearance) bool { return b.Source == a.Source }) {
				c.Appearances = append(c.Appearances, a)
			}
		}
		b.Claims = append(b.Claims, c)
	}
	related := make(map[[2]int]bool)
	for k := range n + n/2 {
		a, c := rng.IntN(n), rng.IntN(n)
		key := [2]int{min(a, c), max(a, c)}
		if a == c || related[key] {
			continue
		}
		related[key] = true
		kind := claims.Supports
		if k%3 == 0 {
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
