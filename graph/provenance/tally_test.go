package provenance

import (
	"fmt"
	"math/rand/v2"
	"strings"
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
				ids = append(ids, id)
				s := id + " " + kinds[rng.IntN(len(kinds))]
				for range rng.IntN(3) {
					if to := ids[rng.IntN(len(ids))]; to != id { // the graph refuses a source citing itself
						s += " cites:" + to
					}
				}
				b.Sources = append(b.Sources, src(t, s))
			}
			for range 1 + rng.IntN(3) {
				c := fmt.Sprintf("d%d", ncl)
				for range 1 + rng.IntN(4) {
					a := " " + ids[rng.IntN(len(ids))]
					if rng.IntN(3) == 0 {
						a += "/" + ids[rng.IntN(len(ids))]
					}
					if !strings.Contains(c+" ", a+" ") { // a graph holds an appearance once
						c += a
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
			sameAsFull(t, tally, g.View, func() string { return fmt.Sprintf("graph %d, batch %d", round, step) })
		}
	}
}

// sameAsFull fails t unless tally counts the claims of v as a full count
// does; where says where the test is, for the message.
func sameAsFull(t *testing.T, tally *Tally, v graph.View, where func() string) {
	t.Helper()
	full, err := Independent(v)
	if err != nil {
		t.Fatal(err)
	}
	if tally.Len() != len(full) {
		t.Fatalf("%s: tally of %d claims, graph has %d", where(), tally.Len(), len(full))
	}
	for id, want := range full {
		if got, ok := tally.Count(id); !ok || got != want {
			t.Fatalf("%s: claim %s has %d independent origins, tally says %d (%v)", where(), id, want, got, ok)
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

// TestTallyEdits applies random batches that add, remove and replace
// claims and sources (a replaced source with other derivation links and
// kind) and merge claims and sources, and checks after each that the
// tally kept up to date equals a full count of the graph as it now is,
// and that the batches that edit were followed without counting every
// claim again.
func TestTallyEdits(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 4))
	graphs, batches := 30, 30
	if testing.Short() {
		graphs, batches = 8, 15
	}
	kinds := []string{"news-article", "video", "report", "wire"}
	edits := 0
	for round := range graphs {
		g := randomGraph(t, rng, 8+rng.IntN(10), 5+rng.IntN(15))
		tally, err := NewTally(g.View)
		if err != nil {
			t.Fatal(err)
		}
		fresh := 0
		pick := func(k graph.VertexKind) string {
			var ids []string
			if k == graph.SourceVertex {
				for s := range g.View.Sources() {
					ids = append(ids, s.ID)
				}
			} else {
				for c := range g.View.Claims() {
					ids = append(ids, c.ID)
				}
			}
			return ids[rng.IntN(len(ids))]
		}
		source := func(id string) sources.Source {
			s := id + " " + kinds[rng.IntN(len(kinds))]
			for range rng.IntN(3) {
				if d := pick(graph.SourceVertex); !strings.Contains(s, " cites:"+d) {
					s += " cites:" + d
				}
			}
			return src(t, s)
		}
		newClaim := func(id string) claims.Claim {
			c := id
			for range 1 + rng.IntN(4) {
				c += " " + pick(graph.SourceVertex)
				if rng.IntN(3) == 0 {
					c += "/" + pick(graph.SourceVertex)
				}
			}
			return claim(c)
		}
		for step := range batches {
			var b graph.Batch
			switch rng.IntN(7) {
			case 0: // add a source and a claim
				fresh++
				id := fmt.Sprintf("n%d", fresh)
				b.Sources = []sources.Source{source(id)}
				b.Claims = []claims.Claim{newClaim(fmt.Sprintf("nc%d", fresh))}
			case 1: // replace a source: other kind and derivation links
				id := pick(graph.SourceVertex)
				b.Remove, b.Sources = []string{id}, []sources.Source{source(id)}
			case 2: // replace a claim
				id := pick(graph.ClaimVertex)
				b.Remove, b.Claims = []string{id}, []claims.Claim{newClaim(id)}
			case 3: // remove a claim
				id := pick(graph.ClaimVertex)
				rels, _ := g.RelationsOf(id)
				b.Remove, b.RemoveRelations = []string{id}, rels
			case 4: // merge two claims
				b.Merges = []graph.Merge{{Into: pick(graph.ClaimVertex), From: pick(graph.ClaimVertex)}}
			case 5: // merge two sources
				b.Merges = []graph.Merge{{Into: pick(graph.SourceVertex), From: pick(graph.SourceVertex)}}
			default: // remove a source (refused while anything names it)
				b.Remove = []string{pick(graph.SourceVertex)}
			}
			if g.Apply(b) != nil {
				continue // refused: the graph is unchanged
			}
			if len(b.Remove) > 0 || len(b.Merges) > 0 {
				edits++
			}
			if err := tally.Update(b); err != nil {
				t.Fatal(err)
			}
			sameAsFull(t, tally, g.View, func() string { return fmt.Sprintf("graph %d, batch %d (%+v)", round, step, b) })
		}
	}
	if edits < graphs {
		t.Errorf("%d batches edited the graphs: too few to test", edits)
	}
}

// TestTallyReplaced: replacing a source changes the origins of a claim
// the batch does not name. x appears in b and c, and c republishes b: one
// origin, b. Once c derives from nothing, c is an origin too.
func TestTallyReplaced(t *testing.T) {
	g := build(t, []string{"a wire", "b news-article republishes:a", "c news-article republishes:b"}, "x b c")
	tally, err := NewTally(g.View)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := tally.Count("x"); n != 1 {
		t.Fatalf("x has %d independent origins before, want 1", n)
	}
	b := graph.Batch{Remove: []string{"c"}, Sources: []sources.Source{src(t, "c news-article")}}
	if err := g.Apply(b); err != nil {
		t.Fatal(err)
	}
	if err := tally.Update(b); err != nil {
		t.Fatal(err)
	}
	if n, _ := tally.Count("x"); n != 2 {
		t.Errorf("x has %d independent origins after c was replaced, want 2", n)
	}
}
