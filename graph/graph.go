package graph

import (
	"fmt"
	"sync"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/sources"
)

// Graph is a claim graph: entities, sources and claims as vertices;
// support, contradiction, "about", "appears in", "said by" and derivation
// links as edges. Create one with [New] or [Load]; the zero Graph is not
// usable.
//
// The embedded [View] answers every query on the whole graph; [Graph.At]
// gives the same queries as of a date.
//
// A Graph is safe for concurrent use: any number of goroutines may query
// it while one changes it. Every change takes the write lock for its whole
// duration, so a reader sees a change entirely or not at all.
type Graph struct {
	View
	mu sync.RWMutex
	s  *store
}

// New returns an empty graph.
func New() *Graph {
	g := &Graph{s: newStore()}
	g.View = View{g: g}
	return g
}

// Batch is a set of additions applied together by [Graph.Apply]: all of
// them or none. Items may refer to each other and to what the graph
// already holds, in any order.
type Batch struct {
	Entities  []claims.Entity
	Sources   []sources.Source
	Claims    []claims.Claim
	Relations []claims.Relation
}

// location says where in a batch a problem is: the section, the index in
// it and the field path. Loaders turn it into a file position.
type location struct {
	kind  string // "entity", "source", "claim", "relation"
	index int
	field string
}

// AddEntity adds an entity. On error the graph is unchanged.
func (g *Graph) AddEntity(e claims.Entity) error {
	return g.Apply(Batch{Entities: []claims.Entity{e}})
}

// AddSource adds a source with its derivation links. On error the graph
// is unchanged.
func (g *Graph) AddSource(s sources.Source) error {
	return g.Apply(Batch{Sources: []sources.Source{s}})
}

// AddClaim adds a claim with its appearances. The entities and sources it
// names must be in the graph. On error the graph is unchanged.
func (g *Graph) AddClaim(c claims.Claim) error {
	return g.Apply(Batch{Claims: []claims.Claim{c}})
}

// AddRelation adds a relation between two claims of the graph. It
// reports [ErrConflictingRelation] when the claims are already related
// the other way (one cannot both support and contradict another) and
// [ErrDuplicateRelation] when they are already related the same way. On
// error the graph is unchanged.
func (g *Graph) AddRelation(r claims.Relation) error {
	return g.Apply(Batch{Relations: []claims.Relation{r}})
}

// Apply adds everything in b, or nothing: when any item is invalid it
// returns an [ErrorList] of every problem and leaves the graph unchanged.
// The graph keeps its own copies of the items' slices.
func (g *Graph) Apply(b Batch) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if errs := g.s.check(&b); len(errs) > 0 {
		return errs
	}
	g.s.apply(&b)
	return nil
}

// checker validates a batch against the store and itself.
type checker struct {
	s       *store
	pending map[string]VertexKind // IDs the batch adds
	errs    ErrorList
}

func (c *checker) add(loc location, id string, err error) {
	c.errs = append(c.errs, &Error{ID: id, Field: loc.field, Err: err, loc: loc})
}

func (c *checker) fieldErrors(kind string, i int, id string, fes []*claims.FieldError) {
	for _, fe := range fes {
		c.add(location{kind, i, fe.Field}, id, fe.Err)
	}
}

// kindOf reports the kind of vertex id in the store or the batch.
func (c *checker) kindOf(id string) (VertexKind, bool) {
	if v, ok := c.s.ids[id]; ok {
		return c.s.verts[v].kind, true
	}
	k, ok := c.pending[id]
	return k, ok
}

func (c *checker) declare(kind string, i int, id string, k VertexKind) {
	if id == "" || claims.CheckID(id) != nil {
		return // reported by the item's own check
	}
	if _, dup := c.kindOf(id); dup {
		c.add(location{kind, i, "id"}, id, fmt.Errorf("%w %q", ErrDuplicateID, id))
		return
	}
	c.pending[id] = k
}

// ref checks that id, held in field of item i of a section, names a
// vertex of kind want. The field is given as list, index j and leaf
// ("appearances", 1, "source"; j < 0 for a plain field) so that its path
// is formatted only for a problem.
func (c *checker) ref(kind string, i int, owner string, list string, j int, leaf, id string, want VertexKind) {
	if id == "" || claims.CheckID(id) != nil {
		return
	}
	got, ok := c.kindOf(id)
	if ok && got == want {
		return
	}
	field := list
	switch {
	case j >= 0 && leaf != "":
		field = fmt.Sprintf("%s[%d].%s", list, j, leaf)
	case j >= 0:
		field = fmt.Sprintf("%s[%d]", list, j)
	}
	if !ok {
		c.add(location{kind, i, field}, owner, tag(ErrUnknownReference, "unknown %s %q", want, id))
		return
	}
	c.add(location{kind, i, field}, owner, tag(ErrWrongKind, "%q is %s, not %s", id, got.article(), want.article()))
}

func (s *store) check(b *Batch) ErrorList {
	c := &checker{s: s, pending: make(map[string]VertexKind, len(b.Entities)+len(b.Sources)+len(b.Claims))}
	for i := range b.Entities {
		e := &b.Entities[i]
		c.fieldErrors("entity", i, e.ID, e.Check())
		c.declare("entity", i, e.ID, EntityVertex)
	}
	for i := range b.Sources {
		src := &b.Sources[i]
		c.fieldErrors("source", i, src.ID, src.Check())
		c.declare("source", i, src.ID, SourceVertex)
	}
	for i := range b.Claims {
		cl := &b.Claims[i]
		c.fieldErrors("claim", i, cl.ID, cl.Check())
		c.declare("claim", i, cl.ID, ClaimVertex)
	}
	for i := range b.Sources {
		src := &b.Sources[i]
		for j, d := range src.DerivedFrom {
			c.ref("source", i, src.ID, "derived_from", j, "source", d.Source, SourceVertex)
		}
	}
	for i := range b.Claims {
		cl := &b.Claims[i]
		for j, e := range cl.About {
			c.ref("claim", i, cl.ID, "about", j, "", e, EntityVertex)
		}
		for j, a := range cl.Appearances {
			c.ref("claim", i, cl.ID, "appearances", j, "source", a.Source, SourceVertex)
			c.ref("claim", i, cl.ID, "appearances", j, "speaker", a.Speaker, EntityVertex)
			c.ref("claim", i, cl.ID, "appearances", j, "via", a.Via, SourceVertex)
		}
	}
	c.checkRelations(b.Relations)
	return c.errs
}

// pairKey orders a pair of claim IDs.
type pairKey struct{ a, b string }

func orderedPair(a, b string) pairKey {
	if b < a {
		a, b = b, a
	}
	return pairKey{a, b}
}

func (c *checker) checkRelations(rels []claims.Relation) {
	var batch map[pairKey][]claims.Relation // relations of the batch so far, by unordered pair
	if len(rels) > 1 {
		batch = make(map[pairKey][]claims.Relation, len(rels))
	}
	for i := range rels {
		r := &rels[i]
		id := r.From + " -> " + r.To
		before := len(c.errs)
		c.fieldErrors("relation", i, id, r.Check())
		c.ref("relation", i, id, "from", -1, "", r.From, ClaimVertex)
		c.ref("relation", i, id, "to", -1, "", r.To, ClaimVertex)
		for j, s := range r.Sources {
			c.ref("relation", i, id, "sources", j, "", s, SourceVertex)
		}
		if len(c.errs) > before {
			continue
		}
		var existing []claims.Relation
		a, aok := c.s.lookup(r.From, ClaimVertex)
		b, bok := c.s.lookup(r.To, ClaimVertex)
		if aok && bok {
			for _, ri := range c.s.related(a, b) {
				existing = append(existing, c.s.rels[ri])
			}
		}
		key := orderedPair(r.From, r.To)
		if batch != nil {
			existing = append(existing, batch[key]...)
		}
		if err := clash(r, existing); err != nil {
			c.add(location{"relation", i, "kind"}, id, err)
			continue
		}
		if batch != nil {
			batch[key] = append(batch[key], *r)
		}
	}
}

// clash reports why r cannot join the relations that already join its
// pair of claims.
func clash(r *claims.Relation, existing []claims.Relation) error {
	for _, e := range existing {
		switch {
		case e.Kind != r.Kind:
			return tag(ErrConflictingRelation, "%q both supports and contradicts %q", r.From, r.To)
		case r.Kind == claims.Contradicts:
			return fmt.Errorf("%w: %q and %q already contradict each other", ErrDuplicateRelation, r.From, r.To)
		case e.From == r.From:
			return fmt.Errorf("%w: %q already supports %q", ErrDuplicateRelation, r.From, r.To)
		}
	}
	return nil
}

// apply adds a checked batch. It cannot fail.
func (s *store) apply(b *Batch) {
	for i := range b.Entities {
		e := b.Entities[i].Clone()
		s.addVertex(e.ID, EntityVertex, len(s.entities))
		s.entities = append(s.entities, e)
	}
	first := len(s.sources)
	for i := range b.Sources {
		src := b.Sources[i].Clone()
		s.addVertex(src.ID, SourceVertex, len(s.sources))
		s.sources = append(s.sources, src)
	}
	for i := first; i < len(s.sources); i++ {
		v, _ := s.lookup(s.sources[i].ID, SourceVertex)
		s.addDerivationEdges(v, &s.sources[i])
	}
	for i := range b.Claims {
		c := b.Claims[i].Clone()
		v := s.addVertex(c.ID, ClaimVertex, len(s.claims))
		s.claims = append(s.claims, c)
		s.appearances += len(c.Appearances)
		s.addClaimEdges(v, &s.claims[len(s.claims)-1])
	}
	for i := range b.Relations {
		r := b.Relations[i].Clone()
		from, to := s.ids[r.From], s.ids[r.To]
		s.rels = append(s.rels, r)
		s.relEnds = append(s.relEnds, [2]int32{from, to})
		k := SupportsEdge
		if r.Kind == claims.Contradicts {
			k = ContradictsEdge
		}
		s.link(from, to, EdgeData{Kinds: k, rel: int32(len(s.rels))})
	}
}
