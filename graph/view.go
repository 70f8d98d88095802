package graph

import (
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/sources"
)

// View answers queries on a graph, either on all of it (the View embedded
// in every [Graph]) or as of a date ([Graph.At]). A View copies nothing:
// it reads the graph under its read lock, so it sees later changes too.
//
// A dated view holds only the claims whose validity holds at its date
// and the relations that hold then between such claims; entities and
// sources are always there. Queries that name a claim hidden by the date
// report [ErrNotFound].
//
// Values returned by queries share storage with the graph: treat their
// slices as read-only, or Clone them.
//
// Per-item queries cost O(degree) of the item, never O(graph).
// Iterators ([View.Claims] and the like) yield in the order items were
// added (file order for a loaded graph) and take the read lock per item,
// so the loop body may query the graph, and even change it.
type View struct {
	g  *Graph
	at claims.Date
}

// At returns the view of g as of date t: the claims and relations that
// hold at t (see [claims.Validity.Holds]). The zero Date gives the whole
// graph.
func (g *Graph) At(t claims.Date) View { return View{g: g, at: t} }

// Date returns the date of the view, the zero Date for the whole graph.
func (v View) Date() claims.Date { return v.at }

// Graph returns the graph v reads.
func (v View) Graph() *Graph { return v.g }

func (v View) claimVisible(s *store, idx int32) bool {
	return v.at.IsZero() || s.claims[idx].Validity.Holds(v.at)
}

func (v View) relVisible(s *store, ri int32) bool {
	if v.at.IsZero() {
		return true
	}
	r := &s.rels[ri]
	if r.extra > 0 && !s.relExtra[r.extra-1].Validity.Holds(v.at) {
		return false
	}
	return v.claimVisible(s, s.verts[r.from].idx) && v.claimVisible(s, s.verts[r.to].idx)
}

// vertex resolves id to a vertex of kind k visible in v. The caller holds
// the read lock.
func (v View) vertex(id string, k VertexKind) (int32, error) {
	s := v.g.s
	n, ok := s.ids[id]
	switch {
	case !ok:
		return 0, fmt.Errorf("graph: %w: no %s %q", ErrNotFound, k, id)
	case s.verts[n].kind != k:
		return 0, fmt.Errorf("graph: %w", tag(ErrWrongKind, "%q is %s, not %s", id, s.verts[n].kind.article(), k.article()))
	case k == ClaimVertex && !v.claimVisible(s, s.verts[n].idx):
		return 0, fmt.Errorf("graph: %w: claim %q does not hold as of %s (valid %s)", ErrNotFound, id, v.at, s.claims[s.verts[n].idx].Validity)
	}
	return n, nil
}

// Claim returns the claim with the given ID.
func (v View) Claim(id string) (claims.Claim, bool) {
	v.g.mu.RLock()
	defer v.g.mu.RUnlock()
	n, err := v.vertex(id, ClaimVertex)
	if err != nil {
		return claims.Claim{}, false
	}
	return v.g.s.claims[v.g.s.verts[n].idx], true
}

// Entity returns the entity with the given ID.
func (v View) Entity(id string) (claims.Entity, bool) {
	v.g.mu.RLock()
	defer v.g.mu.RUnlock()
	n, err := v.vertex(id, EntityVertex)
	if err != nil {
		return claims.Entity{}, false
	}
	return v.g.s.entities[v.g.s.verts[n].idx], true
}

// Source returns the source with the given ID.
func (v View) Source(id string) (sources.Source, bool) {
	v.g.mu.RLock()
	defer v.g.mu.RUnlock()
	n, err := v.vertex(id, SourceVertex)
	if err != nil {
		return sources.Source{}, false
	}
	return v.g.s.sources[v.g.s.verts[n].idx], true
}

// KindOf reports what kind of vertex id names.
func (v View) KindOf(id string) (VertexKind, bool) {
	v.g.mu.RLock()
	defer v.g.mu.RUnlock()
	n, ok := v.g.s.ids[id]
	if !ok {
		return 0, false
	}
	return v.g.s.verts[n].kind, true
}

// each yields the items of a table one by one, taking the read lock for
// each, skipping those keep rejects.
func each[T any](v View, table func(*store) []T, keep func(*store, int32) bool) iter.Seq[T] {
	return eachOf(v, func(s *store) int { return len(table(s)) }, func(s *store, i int32) T { return table(s)[i] }, keep)
}

// eachOf is each over a table given by its length and an accessor.
func eachOf[T any](v View, count func(*store) int, get func(*store, int32) T, keep func(*store, int32) bool) iter.Seq[T] {
	return func(yield func(T) bool) {
		for i := 0; ; i++ {
			v.g.mu.RLock()
			if i >= count(v.g.s) {
				v.g.mu.RUnlock()
				return
			}
			ok := keep == nil || keep(v.g.s, int32(i))
			var item T
			if ok {
				item = get(v.g.s, int32(i))
			}
			v.g.mu.RUnlock()
			if ok && !yield(item) {
				return
			}
		}
	}
}

// Claims yields the claims of v in the order they were added.
func (v View) Claims() iter.Seq[claims.Claim] {
	return each(v, func(s *store) []claims.Claim { return s.claims }, v.claimVisible)
}

// Entities yields the entities in the order they were added.
func (v View) Entities() iter.Seq[claims.Entity] {
	return each(v, func(s *store) []claims.Entity { return s.entities }, nil)
}

// Sources yields the sources in the order they were added.
func (v View) Sources() iter.Seq[sources.Source] {
	return each(v, func(s *store) []sources.Source { return s.sources }, nil)
}

// Relations yields the relations between claims of v in the order they
// were added.
func (v View) Relations() iter.Seq[claims.Relation] {
	return eachOf(v, relCount, (*store).relation, v.relVisible)
}

// ContradictionPairs yields every contradiction of v once, in the order
// the contradictions were added.
func (v View) ContradictionPairs() iter.Seq[claims.Relation] {
	return eachOf(v, relCount, (*store).relation, func(s *store, i int32) bool {
		return s.rels[i].kind == claims.Contradicts && v.relVisible(s, i)
	})
}

func relCount(s *store) int { return len(s.rels) }

// Link is a relation between two claims given by their positions in the
// order of [View.Claims], with the fields whole-graph algorithms weigh.
// With positions, such an algorithm can keep its state in slices rather
// than in maps keyed by ID, and look nothing up per relation.
type Link struct {
	From, To   int // positions of the claims in the view's order of claims
	Kind       claims.RelationKind
	Confidence float64 // 0 when the relation gives none
}

// Links yields the relations of v as [Link]s, in the order of
// [View.Relations]. For the view of the whole graph a claim's position
// is its place in the order of addition; for a dated view it counts only
// the claims that hold then, which costs one pass over the claims when
// the iteration starts. Relations added during the iteration between
// claims added during it are left out of a dated view's.
func (v View) Links() iter.Seq[Link] {
	return func(yield func(Link) bool) {
		var pos []int32 // claim table index -> position in v, -1 when hidden
		if !v.at.IsZero() {
			v.g.mu.RLock()
			s := v.g.s
			pos = make([]int32, len(s.claims))
			n := int32(0)
			for i := range s.claims {
				pos[i] = -1
				if v.claimVisible(s, int32(i)) {
					pos[i], n = n, n+1
				}
			}
			v.g.mu.RUnlock()
		}
		position := func(s *store, vert int32) int {
			idx := s.verts[vert].idx
			switch {
			case pos == nil:
				return int(idx)
			case int(idx) < len(pos):
				return int(pos[idx])
			}
			return -1
		}
		link := func(s *store, i int32) Link {
			r := &s.rels[i]
			l := Link{From: position(s, r.from), To: position(s, r.to), Kind: r.kind}
			if r.extra > 0 {
				l.Confidence = s.relExtra[r.extra-1].Confidence
			}
			return l
		}
		keep := func(s *store, i int32) bool {
			r := &s.rels[i]
			return v.relVisible(s, i) && position(s, r.from) >= 0 && position(s, r.to) >= 0
		}
		eachOf(v, relCount, link, keep)(yield)
	}
}

// Counts is the size of a graph or view.
type Counts struct {
	Entities, Sources, Claims, Appearances int
	Supports, Contradictions               int
	Derivations                            int // links between sources
}

// Counts returns the number of items of each kind in v. It costs O(1) on
// the whole graph and O(claims + relations) on a dated view.
func (v View) Counts() Counts {
	v.g.mu.RLock()
	defer v.g.mu.RUnlock()
	s := v.g.s
	c := Counts{Entities: len(s.entities), Sources: len(s.sources)}
	for i := range s.sources {
		c.Derivations += len(s.sources[i].DerivedFrom)
	}
	if v.at.IsZero() {
		c.Claims, c.Appearances = len(s.claims), s.appearances
	} else {
		for i := range s.claims {
			if v.claimVisible(s, int32(i)) {
				c.Claims++
				c.Appearances += len(s.claims[i].Appearances)
			}
		}
	}
	for i := range s.rels {
		if !v.relVisible(s, int32(i)) {
			continue
		}
		if s.rels[i].kind == claims.Supports {
			c.Supports++
		} else {
			c.Contradictions++
		}
	}
	return c
}

// relationsOf collects the visible relations at vertex n through the
// adjacency lists given, of kind k.
func (v View) relationsOf(n int32, k EdgeKinds, lists ...[][]edge) []claims.Relation {
	s := v.g.s
	var out []claims.Relation
	for _, l := range lists {
		for _, e := range l[n] {
			if e.data.Kinds&k != 0 && v.relVisible(s, e.data.rel-1) {
				out = append(out, s.relation(e.data.rel-1))
			}
		}
	}
	return out
}

// query runs q on the vertex id of kind k under the read lock.
func query[T any](v View, id string, k VertexKind, q func(n int32) T) (T, error) {
	v.g.mu.RLock()
	defer v.g.mu.RUnlock()
	n, err := v.vertex(id, k)
	if err != nil {
		var zero T
		return zero, err
	}
	return q(n), nil
}

// Supporters returns the relations by which other claims directly
// support claim id, in the order they were added.
func (v View) Supporters(id string) ([]claims.Relation, error) {
	return query(v, id, ClaimVertex, func(n int32) []claims.Relation {
		return v.relationsOf(n, SupportsEdge, v.g.s.in)
	})
}

// Supported returns the relations by which claim id directly supports
// other claims, in the order they were added.
func (v View) Supported(id string) ([]claims.Relation, error) {
	return query(v, id, ClaimVertex, func(n int32) []claims.Relation {
		return v.relationsOf(n, SupportsEdge, v.g.s.out)
	})
}

// Contradictions returns the contradictions of claim id: the relations
// whose other end ([claims.Relation.Other]) cannot hold with it.
func (v View) Contradictions(id string) ([]claims.Relation, error) {
	return query(v, id, ClaimVertex, func(n int32) []claims.Relation {
		return v.relationsOf(n, ContradictsEdge, v.g.s.out, v.g.s.in)
	})
}

// Path is a chain of relations between claims: Claims[i] and
// Claims[i+1] are joined by Relations[i] (in either direction; see
// [claims.Relation.From]).
type Path struct {
	Claims    []string
	Relations []claims.Relation
}

// Len returns the number of relations in p.
func (p Path) Len() int { return len(p.Relations) }

// String writes p as "a -supports-> b -contradicts- c"; an arrow points
// the way a support goes.
func (p Path) String() string {
	var b strings.Builder
	for i, c := range p.Claims {
		if i > 0 {
			r := p.Relations[i-1]
			switch {
			case r.Kind == claims.Contradicts:
				b.WriteString(" -contradicts- ")
			case r.From == c:
				b.WriteString(" <-supports- ")
			default:
				b.WriteString(" -supports-> ")
			}
		}
		b.WriteString(c)
	}
	return b.String()
}

// step is the edge by which a search first reached a vertex.
type step struct {
	from int32
	rel  int32 // index into rels
}

// bfs walks claim relations from vertex start breadth-first, up to
// maxDepth steps (0: no limit), following the edges that next returns
// for a vertex, and calls visit for every vertex reached the first time,
// with the step that reached it and its depth; it stops when visit
// returns false. It returns the parent edge of each reached vertex.
func (v View) bfs(start int32, maxDepth int, next func(n int32) []edgeStep, visit func(n int32, st step, depth int) bool) map[int32]step {
	parent := map[int32]step{start: {from: -1, rel: -1}}
	frontier := []int32{start}
	for depth := 1; len(frontier) > 0 && (maxDepth <= 0 || depth <= maxDepth); depth++ {
		var nextFrontier []int32
		for _, n := range frontier {
			for _, es := range next(n) {
				if _, seen := parent[es.to]; seen {
					continue
				}
				st := step{from: n, rel: es.rel}
				parent[es.to] = st
				nextFrontier = append(nextFrontier, es.to)
				if !visit(es.to, st, depth) {
					return parent
				}
			}
		}
		frontier = nextFrontier
	}
	return parent
}

type edgeStep struct{ to, rel int32 }

// steps lists the visible claim relations of kind k at n through lists.
func (v View) steps(n int32, k EdgeKinds, lists ...[][]edge) []edgeStep {
	var out []edgeStep
	for _, l := range lists {
		for _, e := range l[n] {
			if e.data.Kinds&k != 0 && v.relVisible(v.g.s, e.data.rel-1) {
				out = append(out, edgeStep{to: e.to, rel: e.data.rel - 1})
			}
		}
	}
	return out
}

// pathTo rebuilds the path from the BFS root to n; reverse puts n first.
func (v View) pathTo(parent map[int32]step, n int32, rootFirst bool) Path {
	s := v.g.s
	var p Path
	for cur := n; ; {
		p.Claims = append(p.Claims, s.idOf(cur))
		st := parent[cur]
		if st.from < 0 {
			break
		}
		p.Relations = append(p.Relations, s.relation(st.rel))
		cur = st.from
	}
	if rootFirst {
		slices.Reverse(p.Claims)
		slices.Reverse(p.Relations)
	}
	return p
}

// SupportChains returns every claim that supports claim id directly or
// through a chain of supports, up to maxDepth links (0: no limit), each
// as the shortest chain from the supporter to id. Chains come in order of
// depth, then of discovery.
//
// It costs O(the sum of the chains' lengths), which grows with the square
// of the supporting sub-graph when chains are long: n claims supporting
// each other in a line give n chains of n/2 links on average. Use
// [View.SupportTree] for the same chains sharing their common parts, in
// O(size of the supporting sub-graph), or give a maxDepth.
func (v View) SupportChains(id string, maxDepth int) ([]Path, error) {
	t, err := v.SupportTree(id, maxDepth)
	if err != nil {
		return nil, err
	}
	chains := make([]Path, len(t.Nodes))
	for i := range t.Nodes {
		chains[i] = t.Path(i)
	}
	return chains, nil
}

// ShortestPath returns the shortest chain of support and contradiction
// relations, followed in either direction, that joins claim from to
// claim to: an explanation of how two claims bear on each other. It
// reports [ErrNoPath] when there is none.
//
// It is a breadth-first search over the claims' adjacency, costing
// O(size of the part of the graph within reach up to the distance found).
func (v View) ShortestPath(from, to string) (Path, error) {
	v.g.mu.RLock()
	defer v.g.mu.RUnlock()
	a, err := v.vertex(from, ClaimVertex)
	if err != nil {
		return Path{}, err
	}
	b, err := v.vertex(to, ClaimVertex)
	if err != nil {
		return Path{}, err
	}
	if a == b {
		return Path{Claims: []string{from}}, nil
	}
	found := false
	parent := v.bfs(a, 0,
		func(m int32) []edgeStep { return v.steps(m, SupportsEdge|ContradictsEdge, v.g.s.out, v.g.s.in) },
		func(m int32, _ step, _ int) bool { found = m == b; return !found })
	if !found {
		return Path{}, fmt.Errorf("graph: %w between claims %q and %q", ErrNoPath, from, to)
	}
	return v.pathTo(parent, b, true), nil
}

// SourcesOf returns the distinct sources claim id appears in, in the
// order of its appearances.
func (v View) SourcesOf(id string) ([]sources.Source, error) {
	return query(v, id, ClaimVertex, func(n int32) []sources.Source {
		// The appears-in edges are distinct and in the order of first
		// appearance (see addClaimEdges).
		s := v.g.s
		k := 0
		for _, e := range s.out[n] {
			if e.data.Kinds&AppearsInEdge != 0 {
				k++
			}
		}
		if k == 0 {
			return nil
		}
		out := make([]sources.Source, 0, k)
		for _, e := range s.out[n] {
			if e.data.Kinds&AppearsInEdge != 0 {
				out = append(out, s.sources[s.verts[e.to].idx])
			}
		}
		return out
	})
}

// Speakers returns the distinct entities claim id is attributed to, in
// the order of its appearances.
func (v View) Speakers(id string) ([]claims.Entity, error) {
	return query(v, id, ClaimVertex, func(n int32) []claims.Entity {
		s := v.g.s
		c := &s.claims[s.verts[n].idx]
		var out []claims.Entity
		var seen []int32
		for _, a := range c.Appearances {
			if a.Speaker == "" {
				continue
			}
			m := s.ids[a.Speaker]
			if !slices.Contains(seen, m) {
				seen = append(seen, m)
				out = append(out, s.entities[s.verts[m].idx])
			}
		}
		return out
	})
}

// claimsLinked returns the visible claims with an edge of kind k into
// vertex n.
func (v View) claimsLinked(n int32, k EdgeKinds) []claims.Claim {
	s := v.g.s
	var out []claims.Claim
	for _, e := range s.in[n] {
		if e.data.Kinds&k != 0 {
			if idx := s.verts[e.to].idx; s.verts[e.to].kind == ClaimVertex && v.claimVisible(s, idx) {
				out = append(out, s.claims[idx])
			}
		}
	}
	return out
}

// ClaimsIn returns the claims that appear in source id, in the order the
// claims were added.
func (v View) ClaimsIn(id string) ([]claims.Claim, error) {
	return query(v, id, SourceVertex, func(n int32) []claims.Claim { return v.claimsLinked(n, AppearsInEdge) })
}

// ClaimsAbout returns the claims about entity id, in the order the claims
// were added.
func (v View) ClaimsAbout(id string) ([]claims.Claim, error) {
	return query(v, id, EntityVertex, func(n int32) []claims.Claim { return v.claimsLinked(n, AboutEdge) })
}

// ClaimsBy returns the claims attributed to entity id in at least one of
// their appearances, in the order the claims were added.
func (v View) ClaimsBy(id string) ([]claims.Claim, error) {
	return query(v, id, EntityVertex, func(n int32) []claims.Claim { return v.claimsLinked(n, SaidByEdge) })
}

// DerivedBy returns the sources that draw on source id (cite, quote,
// republish or translate it), in the order they were added.
func (v View) DerivedBy(id string) ([]sources.Source, error) {
	return query(v, id, SourceVertex, func(n int32) []sources.Source {
		s := v.g.s
		var out []sources.Source
		for _, e := range s.in[n] {
			if e.data.Kinds&DerivesEdge != 0 {
				out = append(out, s.sources[s.verts[e.to].idx])
			}
		}
		return out
	})
}
