package graph

import (
	"maps"
	"slices"
	"sync/atomic"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/sources"
)

// VertexKind says what a vertex of the graph is.
type VertexKind uint8

// The kinds of vertex.
const (
	ClaimVertex VertexKind = iota + 1
	EntityVertex
	SourceVertex
)

// String returns "claim", "entity" or "source".
func (k VertexKind) String() string {
	switch k {
	case ClaimVertex:
		return "claim"
	case EntityVertex:
		return "entity"
	case SourceVertex:
		return "source"
	}
	return "invalid"
}

// article returns the kind with its indefinite article: "an entity".
func (k VertexKind) article() string {
	if k == EntityVertex {
		return "an entity"
	}
	return "a " + k.String()
}

// Vertex is a vertex of the graph as the dependency's view
// ([Graph.Underlying]) sees it: its ID and kind. The item itself is
// looked up with [View.Claim], [View.Entity] or [View.Source].
type Vertex struct {
	ID   string
	Kind VertexKind
}

// EdgeKinds is the set of relations one edge stands for, as bits. The
// dependency keeps one edge per ordered pair of vertices, so a claim that
// is about an entity and also attributed to it is one edge with two bits.
type EdgeKinds uint16

// The relations an edge can stand for.
const (
	SupportsEdge    EdgeKinds = 1 << iota // claim -> claim it supports
	ContradictsEdge                       // claim -> claim it contradicts (stored once, symmetric)
	AboutEdge                             // claim -> entity it is about
	SaidByEdge                            // claim -> entity it is attributed to
	AppearsInEdge                         // claim -> source it appears in
	ViaEdge                               // claim -> source an appearance was taken from
	DerivesEdge                           // source -> source it draws on
	SameAsEdge                            // claim -> claim decided to be the same proposition (stored once, symmetric)
	DistinctEdge                          // claim -> claim decided to be a different proposition (stored once, symmetric)
)

// relationEdge returns the edge kind that stands for a relation of kind k.
func relationEdge(k claims.RelationKind) EdgeKinds {
	switch k {
	case claims.Contradicts:
		return ContradictsEdge
	case claims.SameAs:
		return SameAsEdge
	case claims.DistinctFrom:
		return DistinctEdge
	}
	return SupportsEdge
}

// EdgeData is the compact payload of every edge, kept in the edge's
// Properties.Data by the dependency's view: the kinds of relation, and for
// a relation between claims its index in the graph's relation table. It
// costs 8 bytes, where an attribute map would cost hundreds.
type EdgeData struct {
	Kinds EdgeKinds
	rel   int32 // 1 + index into store.rels; 0 when the edge is no relation between claims
}

// edge is one adjacency entry.
type edge struct {
	to   int32
	data EdgeData
}

// store holds the graph once. Vertices are numbered densely in order of
// addition; items are kept in typed tables indexed by the vertex's slot;
// adjacency is a slice per vertex in each direction, so that every
// per-vertex question costs O(degree).
type store struct {
	ids   map[string]int32 // ID -> vertex number
	verts []vslot          // vertex number -> kind and table index

	claims   []claims.Claim
	entities []claims.Entity
	sources  []sources.Source
	rels     []rel
	relExtra []claims.Relation // the relations with more than ends and kind, whole

	out, in [][]edge // by vertex number

	appearances int // total over claims, for counts

	// Removed items stay in their tables with an empty ID (tombstones),
	// so that vertex numbers and the order of items hold; these count
	// them.
	deadClaims, deadEntities, deadSources int
	deadRels                              int

	// alias maps the ID of an item merged into another to the ID of that
	// other: the Merged lists of the items, indexed.
	alias map[string]string

	// shared is set when a snapshot shares out and in with the store:
	// the next change copies them before changing any list (see
	// View.Snapshot).
	shared *atomic.Bool
	// sharedItems is set when a snapshot shares the item tables and the
	// ID index (ids and alias): the next removal, replacement or merge
	// copies them first.
	sharedItems *atomic.Bool
}

// rel is a relation between claims as the store keeps it: 16 bytes for
// the common relation that has only its ends and its kind, where a
// claims.Relation takes about 150. Relations with sources, a note,
// confidence, validity or inferences are kept whole in relExtra as well.
type rel struct {
	from, to int32 // vertex numbers
	kind     claims.RelationKind
	extra    int32 // 1 + index into store.relExtra; 0 for none
}

// relation returns relation i as the API gives it, sharing no slices
// with the store.
func (s *store) relation(i int32) claims.Relation {
	r := &s.rels[i]
	if r.extra > 0 {
		return s.relExtra[r.extra-1].Clone()
	}
	return claims.Relation{From: s.idOf(r.from), To: s.idOf(r.to), Kind: r.kind}
}

// deadRel reports whether relation i was removed.
func (s *store) deadRel(i int32) bool { return s.rels[i].from < 0 }

// plainRelation reports whether r has nothing beyond its ends and kind.
func plainRelation(r *claims.Relation) bool {
	return len(r.Sources) == 0 && r.Note == "" && r.Confidence == 0 && r.AssertedBy == "" &&
		r.Validity == (claims.Validity{}) && len(r.Inferred) == 0
}

type vslot struct {
	kind VertexKind
	idx  int32
}

func newStore() *store {
	return &store{ids: make(map[string]int32), shared: new(atomic.Bool), sharedItems: new(atomic.Bool)}
}

// aliasAll records ids as aliases of id.
func (s *store) aliasAll(ids []string, id string) {
	if len(ids) == 0 {
		return
	}
	if s.alias == nil {
		s.alias = make(map[string]string)
	}
	for _, a := range ids {
		s.alias[a] = id
	}
}

// unshareItems gives the store item tables and an ID index of its own
// if a snapshot shares them, before a change that rewrites items in
// place or deletes IDs: O(items), for the first such change after a
// snapshot only. Additions only add IDs, which name no vertex of the
// snapshot (see View.lookup), and need no copy.
func (s *store) unshareItems() {
	s.unshare()
	if s.sharedItems.Load() {
		s.ids = maps.Clone(s.ids)
		s.verts = slices.Clone(s.verts)
		s.claims = slices.Clone(s.claims)
		s.entities = slices.Clone(s.entities)
		s.sources = slices.Clone(s.sources)
		s.rels = slices.Clone(s.rels)
		s.relExtra = slices.Clone(s.relExtra)
		s.alias = maps.Clone(s.alias)
		s.sharedItems.Store(false)
	}
}

// unshare gives the store adjacency headers of its own if a snapshot
// shares them, before a change. The caller holds the write lock.
func (s *store) unshare() {
	if s.shared.Load() {
		s.out, s.in = slices.Clone(s.out), slices.Clone(s.in)
		s.shared.Store(false)
	}
}

func (s *store) idOf(v int32) string {
	sl := s.verts[v]
	switch sl.kind {
	case ClaimVertex:
		return s.claims[sl.idx].ID
	case EntityVertex:
		return s.entities[sl.idx].ID
	}
	return s.sources[sl.idx].ID
}

// addVertex adds a vertex of kind k for item idx of its table, indexing
// id unless indexed is set (the index has it already).
func (s *store) addVertex(id string, k VertexKind, idx int, indexed bool) int32 {
	v := int32(len(s.verts))
	if !indexed {
		s.ids[id] = v
	}
	s.verts = append(s.verts, vslot{kind: k, idx: int32(idx)})
	s.out = append(s.out, nil)
	s.in = append(s.in, nil)
	return v
}

// link adds an edge from -> to with kinds, merging with an edge the
// caller knows to exist only through its own out-list (fresh vertices).
func (s *store) link(from, to int32, d EdgeData) {
	s.out[from] = append(s.out[from], edge{to: to, data: d})
	s.in[to] = append(s.in[to], edge{to: from, data: d})
}

// addClaimEdges links a new claim vertex to its entities and sources,
// one edge per distinct target with the union of its kinds. refs are the
// vertex numbers of its references as the check resolved them: about
// entities first (nabout of them), then source, speaker and via of each
// appearance, -1 where empty.
//
// It costs O(refs): a claim with few references searches its new edges,
// one with many (a claim in thousands of sources) indexes them.
func (s *store) addClaimEdges(v int32, nabout int, refs []int32) {
	start := len(s.out[v])
	s.claimOut(v, nabout, refs)
	s.linkIn(v, start)
}

// claimOut is the first half of addClaimEdges: it adds the edges of
// claim vertex v to its out-list only.
func (s *store) claimOut(v int32, nabout int, refs []int32) {
	start := len(s.out[v])
	var index map[int32]int // position in s.out[v] of the edge to a target, for many refs
	if len(refs) > scanRefs {
		index = make(map[int32]int)
	}
	add := func(to int32, k EdgeKinds) {
		if to < 0 {
			return
		}
		if index != nil {
			if i, ok := index[to]; ok {
				s.out[v][i].data.Kinds |= k
				return
			}
			index[to] = len(s.out[v])
		} else {
			for i := start; i < len(s.out[v]); i++ {
				if s.out[v][i].to == to {
					s.out[v][i].data.Kinds |= k
					return
				}
			}
		}
		s.out[v] = append(s.out[v], edge{to: to, data: EdgeData{Kinds: k}})
	}
	for _, e := range refs[:nabout] {
		add(e, AboutEdge)
	}
	apps := refs[nabout:]
	// Sources first, in a pass of their own, so that the appears-in
	// edges come in the order of first appearance: SourcesOf reads them
	// off in that order without looking up IDs.
	for j := 0; j < len(apps); j += 3 {
		add(apps[j], AppearsInEdge)
	}
	for j := 0; j < len(apps); j += 3 {
		add(apps[j+1], SaidByEdge)
		add(apps[j+2], ViaEdge)
	}
}

// linkIn adds to the in-lists the edges of v's out-list from start on:
// the second half of addClaimEdges and addDerivationEdges.
func (s *store) linkIn(v int32, start int) {
	for _, e := range s.out[v][start:] {
		s.in[e.to] = append(s.in[e.to], edge{to: v, data: e.data})
	}
}

// addDerivationEdges links source vertex v to the sources it draws on,
// given by their vertex numbers.
func (s *store) addDerivationEdges(v int32, refs []int32) {
	start := len(s.out[v])
	s.derivationOut(v, refs)
	s.linkIn(v, start)
}

// scanRefs is the most references whose new edges claimOut and
// derivationOut search one by one; above it they index them.
const scanRefs = 48

// derivationOut is the first half of addDerivationEdges: it adds the
// edges of source vertex v to its out-list only, one per source it does
// not link to yet. It costs O(len(refs) + the out-list): a source
// drawing on few sources searches its out-list, one drawing on many
// indexes it.
func (s *store) derivationOut(v int32, refs []int32) {
	out := s.out[v]
	if len(out)+len(refs) <= scanRefs {
		for _, to := range refs {
			if !slices.ContainsFunc(out, func(e edge) bool { return e.to == to }) {
				out = append(out, edge{to: to, data: EdgeData{Kinds: DerivesEdge}})
			}
		}
		s.out[v] = out
		return
	}
	has := make(map[int32]bool, len(out)+len(refs))
	for _, e := range out {
		has[e.to] = true
	}
	for _, to := range refs {
		if !has[to] {
			has[to] = true
			out = append(out, edge{to: to, data: EdgeData{Kinds: DerivesEdge}})
		}
	}
	s.out[v] = out
}

// related returns the relation joining claim vertices a and b in either
// direction, scanning the shorter adjacency.
func (s *store) related(a, b int32) (rels []int32) {
	if len(s.out[a])+len(s.in[a]) > len(s.out[b])+len(s.in[b]) {
		a, b = b, a
	}
	for _, list := range [2][]edge{s.out[a], s.in[a]} {
		for _, e := range list {
			if e.to == b && e.data.rel > 0 {
				rels = append(rels, e.data.rel-1)
			}
		}
	}
	return rels
}
