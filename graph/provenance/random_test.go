package provenance

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	dgraph "github.com/dominikbraun/graph"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/sources"
)

// randomGraph makes n sources with random derivation links (self-loops
// and cycles included) and m claims on random sources with random Vias.
func randomGraph(t testing.TB, rng *rand.Rand, n, m int) *graph.Graph {
	kinds := []string{"news-article", "video", "report", "wire"}
	var srcs, cls []string
	for i := range n {
		s := fmt.Sprintf("s%02d %s", i, kinds[rng.IntN(len(kinds))])
		for range rng.IntN(3) {
			if to := rng.IntN(n); to != i { // the graph refuses a source citing itself
				s += fmt.Sprintf(" cites:s%02d", to)
			}
		}
		srcs = append(srcs, s)
	}
	for j := range m {
		c := fmt.Sprintf("c%d", j)
		for range 1 + rng.IntN(5) {
			a := fmt.Sprintf(" s%02d", rng.IntN(n))
			if rng.IntN(3) == 0 {
				a += fmt.Sprintf("/s%02d", rng.IntN(n))
			}
			if !strings.Contains(c+" ", a+" ") { // a graph holds an appearance once
				c += a
			}
		}
		cls = append(cls, c)
	}
	return build(t, dedupe(srcs), cls...)
}

// dedupe drops repeated derivation links, which the graph rejects.
func dedupe(specs []string) []string {
	for i, s := range specs {
		var f []string
		for _, w := range strings.Fields(s) {
			if !slices.Contains(f, w) {
				f = append(f, w)
			}
		}
		specs[i] = strings.Join(f, " ")
	}
	return specs
}

// reach returns, for each node of a directed graph given by adjacency,
// the set of nodes reachable from it (itself included), by plain DFS.
func reach(adj map[string][]string, nodes []string) map[string]map[string]bool {
	out := make(map[string]map[string]bool)
	for _, s := range nodes {
		seen := map[string]bool{s: true}
		stack := []string{s}
		for len(stack) > 0 {
			u := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, w := range adj[u] {
				if !seen[w] {
					seen[w] = true
					stack = append(stack, w)
				}
			}
		}
		out[s] = seen
	}
	return out
}

// TestRandomAgainstDefinition compares the origins of random claims with
// the definition, computed the slow way: the carriers and their links;
// a node is in an origin group when every node it reaches reaches it
// back (it draws on no carrier outside its own cycle); the origins of an
// appearance are the groups its source reaches.
func TestRandomAgainstDefinition(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	for round := range 30 {
		g := randomGraph(t, rng, 12, 8)
		x := New(g.View)
		for c := range g.Claims() {
			t.Run(fmt.Sprintf("%d/%s", round, c.ID), func(t *testing.T) {
				carry := map[string]bool{}
				var nodes []string
				for _, a := range c.Appearances {
					for _, id := range []string{a.Source, a.Via} {
						if id != "" && !carry[id] {
							carry[id] = true
							nodes = append(nodes, id)
						}
					}
				}
				adj := map[string][]string{}
				for _, id := range nodes {
					s, _ := g.Source(id)
					for _, d := range s.DerivedFrom {
						if carry[d.Source] {
							adj[id] = append(adj[id], d.Source)
						}
					}
				}
				for _, a := range c.Appearances {
					if a.Via != "" && a.Via != a.Source {
						adj[a.Source] = append(adj[a.Source], a.Via)
					}
				}
				r := reach(adj, nodes)
				// The group of an origin node: the smallest ID of its cycle.
				groupOf := func(u string) (string, bool) {
					best := u
					for w := range r[u] {
						if !r[w][u] {
							return "", false
						}
						best = min(best, w)
					}
					return best, true
				}
				want := map[string][]int{}
				for i, a := range c.Appearances {
					var gs []string
					for w := range r[a.Source] {
						if grp, ok := groupOf(w); ok && !slices.Contains(gs, grp) {
							gs = append(gs, grp)
						}
					}
					for _, grp := range gs {
						want[grp] = append(want[grp], i)
					}
				}
				rep, err := x.Of(c)
				if err != nil {
					t.Fatal(err)
				}
				got := map[string][]int{}
				for _, gr := range rep.Groups {
					got[gr.Origin.Source] = gr.Appearances
					for k := range gr.Appearances {
						ch := gr.Chain(k)
						last := ch.Sources[len(ch.Sources)-1]
						if grp, ok := groupOf(last); !ok || grp != gr.Origin.Source || ch.Sources[0] != c.Appearances[gr.Appearances[k]].Source {
							t.Errorf("chain %v does not lead to origin %s", ch, gr.Origin.Source)
						}
					}
				}
				if len(got) != len(want) || fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("groups %v, want %v", got, want)
				}
				if n, _ := x.Count(c); n != len(want) {
					t.Errorf("Count %d, want %d", n, len(want))
				}
				// AppendOrigins lists the groups' origins in their order,
				// after what dst holds.
				var inOrder []string
				for _, gr := range rep.Groups {
					inOrder = append(inOrder, gr.Origin.Source)
				}
				if ids, err := x.AppendOrigins([]string{"before"}, c); err != nil || !slices.Equal(ids, append([]string{"before"}, inOrder...)) {
					t.Errorf("AppendOrigins %q, %v; want %q after \"before\"", ids, err, inOrder)
				}
			})
		}
	}
}

// TestCyclesAgainstDependency compares Cycles with the dependency's
// StronglyConnectedComponents on the read-only view of the graph (its
// copying is no matter at this size): the source components of two or
// more sources, or of one that draws on itself.
func TestCyclesAgainstDependency(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 2))
	for round := range 20 {
		g := randomGraph(t, rng, 15, 0)
		comps, err := dgraph.StronglyConnectedComponents(g.Underlying())
		if err != nil {
			t.Fatal(err)
		}
		var want [][]string
		for _, comp := range comps {
			slices.Sort(comp)
			if k, _ := g.KindOf(comp[0]); k != graph.SourceVertex {
				continue
			}
			s, _ := g.Source(comp[0])
			self := slices.ContainsFunc(s.DerivedFrom, func(d sources.Derivation) bool { return d.Source == s.ID })
			if len(comp) > 1 || self {
				want = append(want, comp)
			}
		}
		slices.SortFunc(want, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
		var got [][]string
		for _, cy := range Cycles(g.View) {
			got = append(got, cy.Sources)
			if cy.Loop[0] != cy.Sources[0] || cy.Loop[len(cy.Loop)-1] != cy.Sources[0] {
				t.Errorf("round %d: loop %v does not start and end at %s", round, cy.Loop, cy.Sources[0])
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("round %d: cycles %v, want %v", round, got, want)
		}
	}
}
