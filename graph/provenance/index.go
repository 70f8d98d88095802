package provenance

import (
	"fmt"
	"github.com/claimgraph/claimgraph/claims"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/sources"
)

// link is one derivation link of the index: to a node, of a kind.
type link struct {
	to   int32
	kind LinkKind
}

// node is one source as the index knows it. Its kind and links are
// loaded from the view the first time they are needed, then kept.
type node struct {
	id     string
	kind   sources.Kind
	pub    string // publisher, "" when not given
	out    []link
	loaded bool
}

// flat is what the per-claim queries of a frozen index read of each
// source, in compressed sparse row form: its links, whether it names no
// source, and its ID. A node takes about seventy bytes, a source here a
// few plus its ID: across a million claims on a hundred thousand
// sources, the queries' reads of the nodes were mostly misses of the
// processor's caches.
type flat struct {
	start []int32 // the links of node n are links[start[n]:start[n+1]]
	links []link
	gone  []bool   // by node: names no source
	ids   []string // by node: for the origins' IDs
}

// Index answers provenance questions about the sources and claims of one
// [graph.View]. It numbers sources densely as it meets them and keeps each
// source's kind and derivation links once loaded (memoised per source), so
// that the origins of many claims cost the sum of their local sizes, not a
// walk of the graph per claim.
//
// An Index reads its view lazily, per query, so build a new Index after
// the graph changes. The whole-graph methods ([Index.Cycles],
// [Index.Independent], [Index.FalseCorroboration]) first pin the index
// to a [graph.View.Snapshot] of its view, so that each sees one state of
// the graph, and the index keeps reading that state from then on. An
// Index is not safe for concurrent use; make one per goroutine (they are
// cheap), or, to query one view on several goroutines, [Index.Fork] it,
// so that they share the sources, loaded once.
type Index struct {
	// Progress, when not nil, is told how the whole-view queries advance,
	// counted in claims: [Index.Independent] as stage "independent",
	// [Index.FalseCorroboration] as stage "corroboration".
	Progress func(graph.Progress)
	// Rank, when not nil, chooses the member of a cycle of sources that
	// stands for it as an origin (Origin.Source, and the origin
	// [Index.AppendOrigins] gives): the one of least Rank, then of
	// smallest ID; nil means the smallest ID. Package graph/evidence
	// ranks sources by their trust, so that circular reporting weighs
	// what its least trusted source weighs, whatever the sources' IDs.
	// Set it before the first query; forks ([Index.Fork]) keep it.
	Rank func(id string) float64

	v     graph.View
	ids   map[string]int32
	nodes []node
	all   bool // every source of the view is loaded
	// Once the index is forked, ids and nodes are shared, read only, with
	// its forks, and so is flat; it numbers and loads no source any more.
	flat *flat

	// Scratch reused between queries, so that one query allocates little.
	pos    []int32 // local number of each node, -1 outside the current query
	listed []bool  // by component of the current query, for AppendOrigins
	nums   []int32 // origins found, for AppendOrigins
	at     []int32 // local nodes of the source and Via of each appearance of the current claim, -1 for no Via
	loc    local
	scc    sccBuf
}

// New returns an empty index over v. It costs nothing until queried.
func New(v graph.View) *Index {
	return &Index{v: v, ids: make(map[string]int32)}
}

// intern returns the node number of source id, registering it without
// loading it; -1 for an ID that a forked index does not know.
func (x *Index) intern(id string) int32 {
	if n, ok := x.ids[id]; ok {
		return n
	}
	if x.flat != nil {
		return -1
	}
	n := int32(len(x.nodes))
	x.ids[id] = n
	x.nodes = append(x.nodes, node{id: id})
	x.pos = append(x.pos, -1)
	return n
}

// fill records s as the content of node n.
func (x *Index) fill(n int32, s *sources.Source) {
	out := make([]link, len(s.DerivedFrom))
	for i, d := range s.DerivedFrom {
		out[i] = link{to: x.intern(d.Source), kind: LinkKind(d.Kind)}
	}
	nd := &x.nodes[n]
	nd.kind, nd.pub, nd.out, nd.loaded = s.Kind, s.Publisher, out, true
}

// load makes sure node n's kind and links are known. A forked index
// loaded every source it could when forked: what it has not is missing.
func (x *Index) load(n int32) error {
	if x.flat != nil {
		if x.flat.gone[n] {
			return x.missing(x.nodes[n].id, graph.SourceVertex)
		}
		return nil
	}
	if x.nodes[n].loaded {
		return nil
	}
	s, ok := x.v.Source(x.nodes[n].id)
	if !ok {
		return x.missing(x.nodes[n].id, graph.SourceVertex)
	}
	x.fill(n, &s)
	return nil
}

// pin makes the index read a snapshot of its view from now on. What the
// index loaded before is taken to hold in the snapshot too: it does as
// long as the graph has not changed since (a removal, replacement or
// merge rewrites items in place), which is why an Index is to be built
// anew after the graph changes (see [Index]).
func (x *Index) pin() { x.v = x.v.Snapshot() }

// loadAll loads every source of the view, in the order they were added.
func (x *Index) loadAll() {
	if x.all {
		return
	}
	for s := range x.v.Sources() {
		n := x.intern(s.ID)
		if !x.nodes[n].loaded {
			x.fill(n, &s)
		}
	}
	x.all = true
}

// Fork returns an index that shares the sources x has loaded, read
// only, with scratch of its own, so that x and its forks can answer
// queries at once, one goroutine each.
//
// Fork first freezes x, unless frozen already: it pins x to a
// [graph.View.Snapshot] of its view and loads every source of it, and
// every ID that names one (the IDs merged into a source, and those that
// derivation links name): O(sources + derivation links + merged IDs),
// once, where an index per goroutine would each load the sources it
// meets. From then on neither x nor its forks number or load a source
// again: each answers from the sources as they were then, an ID that
// named no source then being missing, and all give a source the same
// number (see [Index.AppendOriginNumbers]). Each fork costs O(sources)
// for its scratch, and has no Progress.
func (x *Index) Fork() *Index {
	x.freeze()
	f := &Index{v: x.v, ids: x.ids, nodes: x.nodes, all: true, flat: x.flat, Rank: x.Rank}
	f.pos = make([]int32, len(x.nodes))
	for i := range f.pos {
		f.pos[i] = -1
	}
	return f
}

// freeze loads every source of a snapshot of x's view, and every ID that
// names one, and sets x.flat (see [Index.Fork]), unless x is frozen.
func (x *Index) freeze() {
	if x.flat != nil {
		return
	}
	x.pin()
	x.loadAll()
	// An ID may name a source without being its ID: the IDs merged into
	// it. Those a derivation link names are known already, and those of
	// the sources' Merged lists are registered, so that a claim naming
	// one finds it as an unfrozen index would.
	for s := range x.v.Sources() {
		for _, m := range s.Merged {
			x.intern(m)
		}
	}
	for n := int32(0); n < int32(len(x.nodes)); n++ {
		_ = x.load(n) // what fails is missing, frozen or not
	}
	fl := &flat{start: make([]int32, len(x.nodes)+1), gone: make([]bool, len(x.nodes)), ids: make([]string, len(x.nodes))}
	for n, nd := range x.nodes {
		fl.links = append(fl.links, nd.out...)
		fl.start[n+1] = int32(len(fl.links))
		fl.gone[n] = !nd.loaded
		fl.ids[n] = nd.id
	}
	x.flat = fl
}

// SourceID returns the ID of the source numbered n (see
// [Index.AppendOriginNumbers]).
func (x *Index) SourceID(n int32) string {
	if x.flat != nil {
		return x.flat.ids[n]
	}
	return x.nodes[n].id
}

// missing returns the error for an ID that does not name a vertex of kind
// want in the view.
func (x *Index) missing(id string, want graph.VertexKind) error {
	if k, ok := x.v.KindOf(id); ok && k != want {
		return fmt.Errorf("provenance: %q is a %v, not a %v: %w", id, k, want, graph.ErrWrongKind)
	}
	return fmt.Errorf("provenance: no %v %s: %w", want, claims.Quote(id), graph.ErrNotFound)
}
