package provenance

import (
	"cmp"
	"slices"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/internal/borrow"
)

// towards searches backwards from the members of component o of g, so
// that g.next leads every node that reaches o along a shortest trail to
// it, and g.queue lists those nodes. It needs g.reverse, and costs
// O(the nodes that reach o and their links): it clears only the nodes the
// search before it reached, where clearing every node made a query of
// many origins quadratic (a claim in 64,000 sources, each its own
// origin).
func (x *Index) towards(g *local, o int32) {
	for _, v := range g.queue {
		g.next[v] = -2
	}
	g.queue = g.queue[:0]
	for _, m := range x.scc.membersOf(o) {
		g.next[m] = -1
		g.queue = append(g.queue, m)
	}
	for h := 0; h < len(g.queue); h++ {
		u := g.queue[h]
		for j := g.rstart[u]; j < g.rstart[u+1]; j++ {
			if w := g.rfrom[j]; g.next[w] == -2 {
				g.next[w], g.nkind[w] = u, g.rkind[j]
				g.queue = append(g.queue, w)
			}
		}
	}
}

// chain follows g.next from local node v to the origin set by towards.
func (x *Index) chain(g *local, v int32) Chain {
	c := Chain{Sources: []string{x.nodes[g.nodes[v]].id}}
	for g.next[v] >= 0 {
		c.Links = append(c.Links, g.nkind[v])
		v = g.next[v]
		c.Sources = append(c.Sources, x.nodes[g.nodes[v]].id)
	}
	return c
}

// Source returns the origins of source id ignoring claims: the ends of
// its derivation trails (the sources they reach that draw on nothing, or
// cycles with no exit), each with a shortest chain to it, by origin ID.
// A source that draws on nothing is its own origin. It costs O(the
// sources id draws on, directly or not, and their links) per origin, and
// the chains written out their total length: with many origins along one
// long line of derivation, up to the square of those sources.
func (x *Index) Source(id string) ([]Trail, error) {
	if k, ok := x.v.KindOf(id); !ok || k != graph.SourceVertex {
		return nil, x.missing(id, graph.SourceVertex)
	}
	s := x.intern(id)
	if s < 0 {
		return nil, x.missing(id, graph.SourceVertex)
	}
	g := x.begin()
	defer x.release()
	x.enter(s)
	for h := 0; h < len(g.nodes); h++ {
		n := g.nodes[h]
		if err := x.load(n); err != nil {
			return nil, err
		}
		for _, l := range x.nodes[n].out {
			x.enter(l.to)
		}
	}
	x.derivations()
	g.finish()
	x.scc.components(g)
	x.scc.origins(g)
	g.reverse()
	var out []Trail
	for _, o := range x.scc.originsOf(0) {
		x.towards(g, o)
		out = append(out, Trail{Origin: x.origin(g, o), Chain: x.chain(g, 0)})
	}
	slices.SortFunc(out, func(a, b Trail) int { return cmp.Compare(a.Origin.Source, b.Origin.Source) })
	return out, nil
}

// Cycles returns every cycle of derivation among the sources of the view
// (derivation links only: a Via belongs to one claim, and
// [Report.Cycles] gives the cycles of a claim). A source that draws on
// itself is a cycle of one. Cycles come by first ID. It costs
// O(sources + derivation links).
func (x *Index) Cycles() []Cycle {
	x.pin()
	x.loadAll()
	g := x.begin()
	defer x.release()
	for n := range int32(len(x.nodes)) {
		x.enter(n)
	}
	x.derivations()
	g.finish()
	x.scc.components(g)
	return x.cycles(g)
}

// Independent returns the number of independent origins of every claim
// of the view, by claim ID, in one pass: O(appearances + the derivation
// links of the sources that carry each claim), after the view's
// [graph.View.Counts]. It first loads every source, as [Index.Fork]
// does, and so freezes the index: a pass over every claim meets most
// sources, and the sources of a frozen index are read from a few
// compact arrays.
func (x *Index) Independent() (map[string]int, error) {
	x.pin()
	// Sizing both maps up front saves rehashing them as they grow, which
	// at a million claims cost about as much as the counting itself.
	counts := x.v.Counts()
	if len(x.ids) == 0 {
		x.ids = make(map[string]int32, counts.Sources)
	}
	x.freeze()
	out := make(map[string]int, counts.Claims)
	tick := graph.NewTicker(x.Progress, "independent", counts.Claims)
	// The claims are read as the graph stores them, not copied: Count
	// writes to none.
	for c := range borrow.Claims(x.v) {
		tick.Tick()
		n, err := x.Count(c)
		if err != nil {
			return nil, err
		}
		out[c.ID] = n
	}
	tick.Finish()
	return out, nil
}

// FalseCorroboration returns the claims of the view that appear in two or
// more distinct sources but have fewer independent origins than distinct
// sources, in the order the claims were added: what looks like
// corroboration is, at least in part, relaying.
func (x *Index) FalseCorroboration() ([]Corroboration, error) {
	x.pin()
	var out []Corroboration
	n := 0
	if x.Progress != nil {
		n = x.v.Counts().Claims
	}
	tick := graph.NewTicker(x.Progress, "corroboration", n)
	for c := range x.v.Claims() {
		tick.Tick()
		srcs, pubs := x.spread(&c)
		if srcs < 2 {
			continue
		}
		n, err := x.Count(c)
		if err != nil {
			return nil, err
		}
		if n < srcs {
			out = append(out, Corroboration{Claim: c.ID, Appearances: len(c.Appearances), Sources: srcs, Publishers: pubs, Origins: n})
		}
	}
	tick.Finish()
	return out, nil
}

// spread returns the number of distinct sources and publishers of the
// appearances of c.
// It costs O(appearances): a short list is searched, a long one hashed.
func (x *Index) spread(c *claims.Claim) (srcs, pubs int) {
	var seen, ps set
	for _, a := range c.Appearances {
		if !seen.add(a.Source) {
			continue
		}
		p := a.Source
		if s, ok := x.v.SourceInfo(a.Source); ok && s.Publisher != "" {
			p = "publisher:" + s.Publisher
		}
		ps.add(p)
	}
	return seen.len(), ps.len()
}

// set is a set of strings that stays a slice while small (most claims
// have a few appearances) and becomes a map when it grows.
type set struct {
	list []string
	m    map[string]bool
}

// add adds k and reports whether it was new.
func (s *set) add(k string) bool {
	if s.m != nil {
		if s.m[k] {
			return false
		}
		s.m[k] = true
		return true
	}
	if slices.Contains(s.list, k) {
		return false
	}
	s.list = append(s.list, k)
	if len(s.list) > 16 {
		s.m = make(map[string]bool, 2*len(s.list))
		for _, x := range s.list {
			s.m[x] = true
		}
	}
	return true
}

func (s *set) len() int {
	if s.m != nil {
		return len(s.m)
	}
	return len(s.list)
}

// Origins returns the provenance of claim id in v. To query many claims,
// make one [Index] with [New] and use [Index.Claim] or [Index.Of].
func Origins(v graph.View, id string) (Report, error) { return New(v).Claim(id) }

// SourceOrigins returns the origins of source id in v, ignoring claims;
// see [Index.Source].
func SourceOrigins(v graph.View, id string) ([]Trail, error) { return New(v).Source(id) }

// Cycles returns every cycle of derivation among the sources of v; see
// [Index.Cycles].
func Cycles(v graph.View) []Cycle { return New(v).Cycles() }

// Independent returns the number of independent origins of every claim
// of v, by claim ID; see [Index.Independent].
func Independent(v graph.View) (map[string]int, error) { return New(v).Independent() }

// FalseCorroboration returns the claims of v whose sources outnumber their
// independent origins; see [Index.FalseCorroboration].
func FalseCorroboration(v graph.View) ([]Corroboration, error) {
	return New(v).FalseCorroboration()
}
