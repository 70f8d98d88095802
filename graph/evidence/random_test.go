package evidence_test

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/evidence"
	"github.com/claimgraph/claimgraph/sources"
)

// TestLentByReachability compares the lent origins of random graphs, with
// cycles of support, against a direct reading of the definition: the
// origins of every claim from which a path of support reaches the claim,
// less its own; with many sources, only the first MaxLent of those
// origins in the order the claims name them, less its own.
func TestLentByReachability(t *testing.T) {
	for seed := range uint64(40) {
		rng := rand.New(rand.NewPCG(seed, 7))
		n, nsrc, apps := 40, 15, 3
		if seed%2 == 1 { // enough origins for MaxLent to cut the lent ones
			n, nsrc, apps = 60, 400, 12
		}
		var b graph.Batch
		for i := range nsrc {
			b.Sources = append(b.Sources, sources.Source{ID: fmt.Sprintf("s%d", i), Kind: sources.NewsArticle})
		}
		b.Claims = randomClaims(rng, n, nsrc, apps)
		in := make([][]int, n) // supporters of each claim
		seen := map[[2]int]bool{}
		for range n + n/2 {
			a, c := rng.IntN(n), rng.IntN(n)
			if a == c || seen[[2]int{a, c}] || seen[[2]int{c, a}] {
				continue
			}
			seen[[2]int{a, c}] = true
			in[c] = append(in[c], a)
			b.Relations = append(b.Relations, claims.Relation{From: b.Claims[a].ID, To: b.Claims[c].ID, Kind: claims.Supports})
		}
		g := graph.New()
		if err := g.Apply(b); err != nil {
			t.Fatal(err)
		}
		tab, err := evidence.Of(g.View, evidence.Options{Origins: evidence.DistinctSources})
		if err != nil {
			t.Fatal(err)
		}
		named := map[string]int{} // the position of each source in the order claims first name it
		for _, c := range b.Claims {
			for _, a := range c.Appearances {
				if _, ok := named[a.Source]; !ok {
					named[a.Source] = len(named)
				}
			}
		}
		for i := range n {
			reach := map[int]bool{}
			stack := slices.Clone(in[i])
			for len(stack) > 0 {
				x := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if !reach[x] {
					reach[x] = true
					stack = append(stack, in[x]...)
				}
			}
			own, _ := evidence.DistinctSources(g.View, b.Claims[i])
			var reached []string // the origins of the claims that reach i, in the order claims name them
			for x := range n {
				if !reach[x] {
					continue
				}
				for _, a := range b.Claims[x].Appearances {
					if !slices.Contains(reached, a.Source) {
						reached = append(reached, a.Source)
					}
				}
			}
			slices.SortStableFunc(reached, func(p, q string) int { return cmp.Compare(named[p], named[q]) })
			var want []string
			for _, o := range reached[:min(len(reached), evidence.MaxLent)] {
				if !slices.Contains(own, o) {
					want = append(want, o)
				}
			}
			got := tab.Lent(b.Claims[i].ID)
			if !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
				t.Errorf("seed %d, %s: lent %v, want %v", seed, b.Claims[i].ID, got, want)
			}
			if e := tab.At(i); e.Weight != float64(len(own)+len(want)) {
				t.Errorf("seed %d, %s: weight %v, want %d", seed, b.Claims[i].ID, e.Weight, len(own)+len(want))
			}
		}
	}
}
