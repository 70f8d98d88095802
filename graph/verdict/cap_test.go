package verdict

import (
	"fmt"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/sources"
)

// capEdge returns a graph where claim x (own origin a) is lent 63
// origins by p1 … p63, and m, from q1's source (passing on nothing
// new), supports x; y, with 70 origins, contradicts x. With withK, k
// (source a) supports m, so that m passes a on to x, which holds it
// already: x's lent set and evidence are the same with and without k,
// but with k 64 origins reach it, so it is capped, its attack on y
// succeeds and both are undecided; without k y defeats x.
func capEdge(withK bool) graph.Batch {
	var b graph.Batch
	src := func(id string) {
		b.Sources = append(b.Sources, sources.Source{ID: id, Title: id, Kind: sources.NewsArticle})
	}
	claim := func(id string, srcs ...string) {
		c := claims.Claim{ID: id, Text: "Claim " + id + "."}
		for _, s := range srcs {
			c.Appearances = append(c.Appearances, claims.Appearance{Source: s})
		}
		b.Claims = append(b.Claims, c)
	}
	support := func(from, to string) {
		b.Relations = append(b.Relations, claims.Relation{From: from, To: to, Kind: claims.Supports})
	}
	src("a")
	claim("x", "a")
	for i := 1; i <= 63; i++ {
		src(fmt.Sprintf("q%d", i))
		claim(fmt.Sprintf("p%d", i), fmt.Sprintf("q%d", i))
		support(fmt.Sprintf("p%d", i), "x")
	}
	claim("m", "q1")
	support("m", "x")
	if withK {
		claim("k", "a")
		support("k", "m")
	}
	var ys []string
	for i := 1; i <= 70; i++ {
		src(fmt.Sprintf("r%d", i))
		ys = append(ys, fmt.Sprintf("r%d", i))
	}
	claim("y", ys...)
	b.Relations = append(b.Relations, claims.Relation{From: "y", To: "x", Kind: claims.Contradicts})
	return b
}

// TestTrackerCapWithoutLent: a claim's cap moves while its lent set and
// evidence do not (one of its own origins reaches it through support,
// or stops doing so); the Tracker must relabel it as Compute does, in
// both directions. It relabelled only claims whose lent set changed.
func TestTrackerCapWithoutLent(t *testing.T) {
	k := graph.Batch{
		Claims:    []claims.Claim{{ID: "k", Text: "Claim k.", Appearances: []claims.Appearance{{Source: "a"}}}},
		Relations: []claims.Relation{{From: "k", To: "m", Kind: claims.Supports}},
	}
	noK := graph.Batch{Remove: []string{"k"}, RemoveRelations: k.Relations}
	for _, c := range []struct {
		name   string
		start  bool
		change graph.Batch
		capped bool // x after the change, as Compute has it
	}{
		{"k added", false, k, true},
		{"k removed", true, noK, false},
	} {
		g, tr := tracked(t, capEdge(c.start))
		same(t, c.name+": start", g, Options{}, tr)
		if err := g.Apply(c.change); err != nil {
			t.Fatal(err)
		}
		if _, err := tr.Update(c.change); err != nil {
			t.Fatal(err)
		}
		want, err := Compute(g.View, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if v, _ := want.Verdict("x"); v.Capped != c.capped {
			t.Fatalf("%s: Compute has x capped %v: the case no longer tests the cap", c.name, v.Capped)
		}
		same(t, c.name, g, Options{}, tr)
	}
}
