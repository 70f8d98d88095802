package graph_test

import (
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/internal/busy"
	"github.com/claimgraph/claimgraph/sources"
)

// newsroom builds a graph of n claims c0..c(n-1), each in a source of
// its own and said by one of a few entities, supporting the next.
func newsroom(t testing.TB, n int) *graph.Graph {
	t.Helper()
	g := graph.New()
	var b graph.Batch
	for i := range 4 {
		b.Entities = append(b.Entities, claims.Entity{ID: fmt.Sprintf("e%d", i), Name: fmt.Sprintf("E %d", i), Kind: claims.Person})
	}
	for i := range n {
		b.Sources = append(b.Sources, sources.Source{ID: fmt.Sprintf("s%d", i), Kind: sources.NewsArticle})
		b.Claims = append(b.Claims, claims.Claim{ID: fmt.Sprintf("c%d", i), Text: fmt.Sprintf("claim %d", i), About: []string{"e0"},
			Appearances: []claims.Appearance{{Source: fmt.Sprintf("s%d", i), Speaker: fmt.Sprintf("e%d", i%4)}}})
		if i > 0 {
			b.Relations = append(b.Relations, claims.Relation{From: fmt.Sprintf("c%d", i), To: fmt.Sprintf("c%d", i-1), Kind: claims.Supports})
		}
	}
	if err := g.Apply(b); err != nil {
		t.Fatal(err)
	}
	return g
}

// desking applies the k-th of a cycle of batches a desk applies to a
// newsroom graph of n claims: it adds a claim n<k> in a new source ns<k>
// with a support and a contradiction, replaces it, then removes it with
// its source and relations, and adds two claims to merge one into the
// other.
func desking(g *graph.Graph, n, k int) error {
	c, s := fmt.Sprintf("n%d", k), fmt.Sprintf("ns%d", k)
	to, against := fmt.Sprintf("c%d", k%n), fmt.Sprintf("c%d", (k+1)%n)
	rels := []claims.Relation{{From: c, To: to, Kind: claims.Supports}, {From: c, To: against, Kind: claims.Contradicts}}
	claim := func(text string) claims.Claim {
		return claims.Claim{ID: c, Text: text, About: []string{"e1"}, Appearances: []claims.Appearance{{Source: s, Speaker: "e2"}}}
	}
	steps := []graph.Batch{
		{Sources: []sources.Source{{ID: s, Kind: sources.NewsArticle}}, Claims: []claims.Claim{claim("new")}, Relations: rels},
		{Remove: []string{c}, RemoveRelations: rels, Claims: []claims.Claim{claim("replaced")}, Relations: rels},
		{Remove: []string{c, s}, RemoveRelations: rels},
		{Sources: []sources.Source{{ID: s, Kind: sources.NewsArticle}}, Claims: []claims.Claim{
			{ID: c + "a", Text: "a", Appearances: []claims.Appearance{{Source: s}}},
			{ID: c + "b", Text: "b", Appearances: []claims.Appearance{{Source: s}}},
		}, Relations: []claims.Relation{{From: c + "b", To: to, Kind: claims.Supports}}},
		{Merges: []graph.Merge{{Into: c + "a", From: c + "b"}}},
	}
	for _, b := range steps {
		if err := g.Apply(b); err != nil {
			return fmt.Errorf("batch %d: %w", k, err)
		}
	}
	return nil
}

// whole checks that snapshot v holds one whole state of the graph: every
// appearance's source and speaker, every relation's claims are there,
// the counts agree with the iterations, each link numbers claims it
// holds, and a claim n<k> comes with its source ns<k>.
func whole(v graph.View) error {
	nc, napp := 0, 0
	for c := range v.Claims() {
		nc++
		napp += len(c.Appearances)
		for _, a := range c.Appearances {
			if _, ok := v.Source(a.Source); !ok {
				return fmt.Errorf("claim %s appears in %s, which the snapshot lacks", c.ID, a.Source)
			}
			if a.Speaker != "" {
				if _, ok := v.Entity(a.Speaker); !ok {
					return fmt.Errorf("claim %s is said by %s, which the snapshot lacks", c.ID, a.Speaker)
				}
			}
		}
		if sup, err := v.Supporters(c.ID); err != nil {
			return fmt.Errorf("supporters of %s: %w", c.ID, err)
		} else {
			for _, r := range sup {
				if _, ok := v.Claim(r.From); !ok {
					return fmt.Errorf("%s is supported by %s, which the snapshot lacks", c.ID, r.From)
				}
			}
		}
	}
	nr := 0
	for r := range v.Relations() {
		nr++
		for _, id := range []string{r.From, r.To} {
			if got, _ := v.Resolve(id); got != id {
				return fmt.Errorf("relation %s %s %s names %s, which resolves to %q", r.From, r.Kind, r.To, id, got)
			}
		}
	}
	for l := range v.Links() {
		if l.From < 0 || l.To < 0 || l.From >= nc || l.To >= nc {
			return fmt.Errorf("link %+v outside the %d claims", l, nc)
		}
	}
	cnt := v.Counts()
	if cnt.Claims != nc || cnt.Appearances != napp || cnt.Supports+cnt.Contradictions+cnt.Decisions != nr {
		return fmt.Errorf("counts %+v, iterated %d claims, %d appearances, %d relations", cnt, nc, napp, nr)
	}
	return nil
}

// TestReadersWhileDesking runs the queries a newsroom server runs, on
// several goroutines, while another applies batches of additions,
// replacements, removals and merges: each snapshot must hold one whole
// state and keep holding it, live iteration must neither panic nor
// stop short of the items no change touched, and (under -race) nothing
// may race.
func TestReadersWhileDesking(t *testing.T) {
	const n = 40
	rounds := 30
	if testing.Short() {
		rounds = 6
	}
	g := newsroom(t, n)
	var stop atomic.Bool
	var wg sync.WaitGroup
	wg.Go(func() {
		defer stop.Store(true)
		for k := range rounds {
			if err := desking(g, n, k); err != nil {
				t.Error(err)
				return
			}
		}
	})
	for range 2 {
		wg.Go(func() { // snapshots: whole, and the same on a second look
			for !stop.Load() {
				snap := g.Snapshot()
				if err := whole(snap); err != nil {
					t.Error(err)
					return
				}
				before := snap.Counts()
				for range g.Claims() { // let the writer go on
				}
				if err := whole(snap.At(claims.Date{})); err != nil {
					t.Errorf("later: %v", err)
					return
				}
				if after := snap.Counts(); after != before {
					t.Errorf("a snapshot's counts changed from %+v to %+v", before, after)
				}
			}
		})
	}
	wg.Go(func() { // live queries and iteration whose body queries back
		for !stop.Load() {
			seen := 0
			for c := range g.Claims() {
				if _, err := g.SourcesOf(c.ID); err != nil && c.ID[0] == 'c' {
					t.Errorf("sources of %s: %v", c.ID, err)
				}
				if c.ID[0] == 'c' {
					seen++
				}
			}
			if seen != n {
				t.Errorf("live iteration met %d of the %d claims no batch touches", seen, n)
			}
			for r := range g.Relations() {
				_, _ = g.Claim(r.From)
			}
			if _, err := g.ShortestPath(fmt.Sprintf("c%d", n-1), "c0"); err != nil {
				t.Error(err)
			}
			if _, err := g.SupportTree("c0", 0); err != nil {
				t.Error(err)
			}
			if _, err := g.Neighbourhood("c5", 2); err != nil {
				t.Error(err)
			}
			for range g.At(claims.MustDate(2024, 0, 0)).Claims() {
			}
			for _, v := range []graph.View{g.View, g.At(claims.MustDate(2024, 0, 0))} {
				for l := range v.Links() {
					if l.From < 0 || l.To < 0 {
						t.Errorf("live link %+v", l)
					}
				}
				for range v.ContradictionPairs() {
				}
			}
			if err := g.WriteJSON(io.Discard); err != nil {
				t.Error(err)
			}
		}
	})
	wg.Wait()
}

// TestUnderlyingWhileDesking runs the dependency's algorithms on
// [graph.Graph.Underlying] while batches are applied: each reads the
// store in several calls (the vertices, then the edges), which must
// agree, or AdjacencyMap writes an edge of a vertex it did not list
// into a nil map.
func TestUnderlyingWhileDesking(t *testing.T) {
	const n = 40
	g := newsroom(t, n)
	busy.Run(t, 40, func(k int) error { return desking(g, n, k) }, func(int) bool {
		u := g.Underlying()
		m, err := u.AdjacencyMap()
		if err != nil {
			t.Error(err)
			return false
		}
		for from, to := range m {
			for id := range to {
				if _, ok := m[id]; !ok {
					t.Errorf("edge %s -> %s to a vertex not listed", from, id)
					return false
				}
			}
		}
		return true
	})
}
