package provenance

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/sources"
)

// TestTallyRandom applies random batches of new sources (derivation
// links to any source, cycles included) and new claims (appearances with
// random Vias) and checks after each that the tally kept up to date
// equals a full count of the graph as it now is.
func TestTallyRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(20, 3))
	graphs, batches := 40, 25
	if testing.Short() {
		graphs, batches = 10, 10
	}
	kinds := []string{"news-article", "video", "report", "wire"}
	for round := range graphs {
		g := randomGraph(t, rng, 5+rng.IntN(10), rng.IntN(10))
		tally, err := NewTally(g.View)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string // of the sources, to draw from
		for s := range g.View.Sources() {
			ids = append(ids, s.ID)
		}
		ncl := g.View.Counts().Claims
		for step := range batches {
			var b graph.Batch
			for range rng.IntN(3) {
				id := fmt.Sprintf("t%03d", len(ids))
				ids = append(ids, id) // it may cite itself
				s := id + " " + kinds[rng.IntN(len(kinds))]
				for range rng.IntN(3) {
					s += " cites:" + ids[rng.IntN(len(ids))]
				}
				b.Sources = append(b.Sources, src(t, s))
			}
			for range 1 + rng.IntN(3) {
				c := fmt.Sprintf("d%d", ncl)
				for range 1 + rng.IntN(4) {
					c += " " + ids[rng.IntN(len(ids))]
					if rng.IntN(3) == 0 {
						c += "/" + ids[rng.IntN(len(ids))]
					}
				}
				b.Claims = append(b.Claims, claim(c))
				ncl++
			}
			if err := g.Apply(b); err != nil {
				t.Fatalf("graph %d, batch %d: %v", round, step, err)
			}
			if err := tally.Update(b); err != nil {
				t.Fatal(err)
			}
			full, err := Independent(g.View)
			if err != nil {
				t.Fatal(err)
			}
			if tally.Len() != len(full) {
				t.Fatalf("graph %d, batch %d: tally of %d claims, graph has %d", round, step, tally.Len(), len(full))
			}
			for id, want := range full {
				if got, ok := tally.Count(id); !ok || got != want {
					t.Fatalf("graph %d, batch %d: claim %s has %d independent origins, tally says %d (%v)", round, step, id, want, got, ok)
				}
			}
		}
	}
}

// TestTallyMerge: a batch that merges claims changes the origins of the
// claim merged into, which the batch does not list among its claims; the
// tally follows it, as a full count does.
func TestTallyMerge(t *testing.T) {
	g := graph.New()
	if err := g.Apply(graph.Batch{
		Sources: []sources.Source{{ID: "s1", Kind: sources.Video}, {ID: "s2", Kind: sources.Report}},
		Claims: []claims.Claim{
			{ID: "a", Text: "A", Appearances: []claims.Appearance{{Source: "s1"}}},
			{ID: "b", Text: "A again", Appearances: []claims.Appearance{{Source: "s2"}}},
		},
	}); err != nil {
		t.Fatal(err)
	}
	tally, err := NewTally(g.View)
	if err != nil {
		t.Fatal(err)
	}
	b := graph.Batch{Merges: []graph.Merge{{Into: "a", From: "b"}}}
	if err := g.Apply(b); err != nil {
		t.Fatal(err)
	}
	if err := tally.Update(b); err != nil {
		t.Fatal(err)
	}
	want, err := Independent(g.View)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := tally.Count("a"); n != 2 || n != want["a"] {
		t.Errorf("a after merging b into it: tally %d, full count %d; want 2", n, want["a"])
	}
	if tally.Len() != len(want) {
		t.Errorf("tally counts %d claims, the full count %d", tally.Len(), len(want))
	}
}
