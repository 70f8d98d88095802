package graph

import (
	"fmt"
	"slices"
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
	pending map[string]pendingVertex // IDs the batch adds
	errs    ErrorList
}

// pendingVertex is a vertex the batch adds: its kind and a number after
// the store's, unique within the check.
type pendingVertex struct {
	kind VertexKind
	n    int32
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
	k, _, ok := c.vertex(id)
	return k, ok
}

// vertex returns the kind and number of vertex id in the store or the
// batch.
func (c *checker) vertex(id string) (VertexKind, int32, bool) {
	if v, ok := c.s.ids[id]; ok {
		return c.s.verts[v].kind, v, true
	}
	p, ok := c.pending[id]
	return p.kind, p.n, ok
}

func (c *checker) declare(kind string, i int, id string, k VertexKind) {
	if id == "" || claims.CheckID(id) != nil {
		return // reported by the item's own check
	}
	if _, dup := c.kindOf(id); dup {
		c.add(location{kind, i, "id"}, id, fmt.Errorf("%w %q", ErrDuplicateID, id))
		return
	}
	c.pending[id] = pendingVertex{k, int32(len(c.s.verts) + len(c.pending))}
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
	c := &checker{s: s, pending: make(map[string]pendingVertex, len(b.Entities)+len(b.Sources)+len(b.Claims))}
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

// checkRelations checks each relation and that no two join the same pair
// of claims in ways that clash. The relations of the batch are indexed by
// their unordered pair of vertex numbers, with a chain through next for
// the rare pair that has more than one.
func (c *checker) checkRelations(rels []claims.Relation) {
	var first map[[2]int32]int32 // pair -> 1 + index of its last relation in the batch
	var next []int32             // index -> 1 + index of the previous relation of its pair
	if len(rels) > 1 {
		first = make(map[[2]int32]int32, len(rels))
		next = make([]int32, len(rels))
	}
	for i := range rels {
		r := &rels[i]
		before := len(c.errs)
		if fes := r.Check(); len(fes) > 0 {
			c.fieldErrors("relation", i, r.From+" -> "+r.To, fes)
		}
		a := c.relRef(i, r, "from", -1, r.From, ClaimVertex)
		b := c.relRef(i, r, "to", -1, r.To, ClaimVertex)
		for j, s := range r.Sources {
			c.relRef(i, r, "sources", j, s, SourceVertex)
		}
		if len(c.errs) > before {
			continue
		}
		var existing []claims.Relation
		if int(a) < len(c.s.verts) && int(b) < len(c.s.verts) {
			for _, ri := range c.s.related(a, b) {
				existing = append(existing, c.s.relation(ri))
			}
		}
		key := [2]int32{min(a, b), max(a, b)}
		if first != nil {
			for k := first[key]; k > 0; k = next[k-1] {
				existing = append(existing, rels[k-1])
			}
		}
		if err := clash(r, existing); err != nil {
			c.add(location{"relation", i, "kind"}, r.From+" -> "+r.To, err)
			continue
		}
		if first != nil {
			next[i] = first[key]
			first[key] = int32(i + 1)
		}
	}
}

// relRef checks a reference of relation i and returns the vertex number
// it names, naming the relation only when there is a problem.
func (c *checker) relRef(i int, r *claims.Relation, list string, j int, id string, want VertexKind) int32 {
	if k, n, ok := c.vertex(id); ok && k == want {
		return n
	}
	c.ref("relation", i, r.From+" -> "+r.To, list, j, "", id, want)
	return -1
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
	// Grow every table once, not by doubling as items arrive.
	nv := len(b.Entities) + len(b.Sources) + len(b.Claims)
	if len(s.ids) == 0 {
		s.ids = make(map[string]int32, nv)
	}
	s.verts = slices.Grow(s.verts, nv)
	s.out = slices.Grow(s.out, nv)
	s.in = slices.Grow(s.in, nv)
	s.entities = slices.Grow(s.entities, len(b.Entities))
	s.sources = slices.Grow(s.sources, len(b.Sources))
	s.claims = slices.Grow(s.claims, len(b.Claims))
	s.rels = slices.Grow(s.rels, len(b.Relations))
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
		r := &b.Relations[i]
		from, to := s.ids[r.From], s.ids[r.To]
		kept := rel{from: from, to: to, kind: r.Kind}
		if !plainRelation(r) {
			s.relExtra = append(s.relExtra, r.Clone())
			kept.extra = int32(len(s.relExtra))
		}
		s.rels = append(s.rels, kept)
		k := SupportsEdge
		if r.Kind == claims.Contradicts {
			k = ContradictsEdge
		}
		s.link(from, to, EdgeData{Kinds: k, rel: int32(len(s.rels))})
	}
}
