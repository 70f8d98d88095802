package provenance

import (
	"slices"

	"github.com/claimgraph/claimgraph/graph/internal/csr"
	"github.com/claimgraph/claimgraph/graph/internal/scc"
)

// local is the derivation graph of one query (the sources that carry a
// claim, the closure of a source, or every source) over local numbers
// 0..n-1, in compressed sparse row form. Its buffers are reused from query
// to query.
type local struct {
	nodes []int32    // index node of each local node
	start []int32    // the links of local node i are to[start[i]:start[i+1]]
	to    []int32    // local target of each link
	kind  []LinkKind // kind of each link

	// Reversed rows, built by reverse: the links into node i come from
	// rfrom[rstart[i]:rstart[i+1]].
	rstart, rfrom []int32
	rkind         []LinkKind

	// Towards one origin, set by towards: the next node on a shortest
	// trail to it (-1 at the origin, -2 when it is out of reach).
	next  []int32
	nkind []LinkKind
	queue []int32
	step  []int32 // the step of each node in the group being built, -1 for none

	// Links as collected, before sorting into rows.
	ef, et []int32
	ek     []LinkKind
	seen   []int32
}

// begin starts a local graph with no nodes.
func (x *Index) begin() *local {
	g := &x.loc
	g.nodes = g.nodes[:0]
	g.ef, g.et, g.ek = g.ef[:0], g.et[:0], g.ek[:0]
	return g
}

// enter adds index node n, which must be loaded, to the current local
// graph if it is not there yet, and returns its local number.
func (x *Index) enter(n int32) int32 {
	if p := x.pos[n]; p >= 0 {
		return p
	}
	p := int32(len(x.loc.nodes))
	x.pos[n] = p
	x.loc.nodes = append(x.loc.nodes, n)
	return p
}

// derivations collects the derivation links between the nodes of the
// current local graph, in the order of the nodes and of their links.
func (x *Index) derivations() {
	g := &x.loc
	for i, n := range g.nodes {
		var out []link
		if fl := x.flat; fl != nil {
			out = fl.links[fl.start[n]:fl.start[n+1]]
		} else {
			out = x.nodes[n].out
		}
		for _, l := range out {
			if p := x.pos[l.to]; p >= 0 {
				g.add(int32(i), p, l.kind)
			}
		}
	}
}

// release forgets the local numbering of the current query.
func (x *Index) release() {
	for _, n := range x.loc.nodes {
		x.pos[n] = -1
	}
}

// add collects a link between local nodes.
func (g *local) add(from, to int32, k LinkKind) {
	g.ef = append(g.ef, from)
	g.et = append(g.et, to)
	g.ek = append(g.ek, k)
}

// finish sorts the collected links into rows, in the order collected,
// keeping only the first link of each (from, to) pair: a source that both
// cites another and names it as an appearance's Via draws on it once.
func (g *local) finish() {
	n := len(g.nodes)
	var fill []int32 // next free slot of each row, borrowing g.seen
	g.start, fill = csr.Offsets(g.start, g.seen, n, g.ef)
	m := len(g.ef)
	g.to = resize(g.to, m)
	g.kind = resize(g.kind, m)
	for i, f := range g.ef {
		j := fill[f]
		fill[f]++
		g.to[j], g.kind[j] = g.et[i], g.ek[i]
	}
	// Drop repeated targets row by row, compacting in place.
	g.seen = resize(fill, n)
	clear(g.seen)
	w := int32(0)
	for i := range n {
		lo, hi := g.start[i], g.start[i+1]
		g.start[i] = w
		for j := lo; j < hi; j++ {
			if t := g.to[j]; g.seen[t] != int32(i)+1 {
				g.seen[t] = int32(i) + 1
				g.to[w], g.kind[w] = t, g.kind[j]
				w++
			}
		}
	}
	g.start[n] = w
	g.to, g.kind = g.to[:w], g.kind[:w]
}

// resize returns s with length n, reusing its storage when it can.
func resize[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]T, n)
}

// sccBuf holds the strongly connected components of a local graph and
// what follows from them: which components are cycles, which have no
// exit, and the origin components each one leads to.
type sccBuf struct {
	tarjan scc.Buf

	comp     []int32 // component of each local node
	count    int     // number of components, numbered sinks first
	mstart   []int32 // members of component c: members[mstart[c]:mstart[c+1]]
	members  []int32
	cyclic   []bool // the component holds a cycle (two or more members, or a self-loop)
	terminal []bool // no link leaves the component

	// The origins of component c are the terminal components
	// pool[ostart[c]:oend[c]], ascending.
	ostart, oend []int32
	pool         []int32
	tmp          []int32
}

// components finds the components of g (see package scc for why not the
// dependency's StronglyConnectedComponents: here it would also walk every
// claim and entity, while this runs on the few sources one query concerns,
// in flat slices reused between queries) and groups them. Call origins
// next for the components each one reaches.
func (b *sccBuf) components(g *local) {
	b.tarjan.Components(g.start, g.to)
	b.comp, b.count = b.tarjan.Comp, b.tarjan.Count
	b.group(g)
}

// group lists the members of each component, in local order, and marks
// the cyclic and terminal ones.
func (b *sccBuf) group(g *local) {
	c := b.count
	var fill []int32
	b.mstart, fill = csr.Offsets(b.mstart, b.tmp, c, b.comp)
	b.members = resize(b.members, len(b.comp))
	for v, k := range b.comp {
		b.members[fill[k]] = int32(v)
		fill[k]++
	}
	b.tmp = fill
	b.cyclic = resize(b.cyclic, c)
	b.terminal = resize(b.terminal, c)
	for k := range c {
		b.cyclic[k] = b.mstart[k+1]-b.mstart[k] > 1
		b.terminal[k] = true
	}
	for v, k := range b.comp {
		for j := g.start[v]; j < g.start[v+1]; j++ {
			if t := g.to[j]; b.comp[t] != k {
				b.terminal[k] = false
			} else if t == int32(v) {
				b.cyclic[k] = true
			}
		}
	}
}

// origins works out the origin components of every component. Tarjan
// numbers a component after every component it reaches, so one pass in
// number order sees the successors first: each set is computed once
// (memoised), and a component whose successors all share one set shares
// its storage, as along a chain of republications.
func (b *sccBuf) origins(g *local) {
	c := b.count
	b.ostart = resize(b.ostart, c)
	b.oend = resize(b.oend, c)
	b.pool = b.pool[:0]
	for k := range int32(c) {
		if b.terminal[k] {
			b.ostart[k] = int32(len(b.pool))
			b.pool = append(b.pool, k)
			b.oend[k] = b.ostart[k] + 1
			continue
		}
		first, same := int32(-1), true
		b.tmp = b.tmp[:0]
		for _, v := range b.members[b.mstart[k]:b.mstart[k+1]] {
			for j := g.start[v]; j < g.start[v+1]; j++ {
				s := b.comp[g.to[j]]
				if s == k {
					continue
				}
				if first < 0 {
					first = s
				} else if b.ostart[s] != b.ostart[first] || b.oend[s] != b.oend[first] {
					same = false
				}
				b.tmp = append(b.tmp, b.pool[b.ostart[s]:b.oend[s]]...)
			}
		}
		if same {
			b.ostart[k], b.oend[k] = b.ostart[first], b.oend[first]
			continue
		}
		slices.Sort(b.tmp)
		b.tmp = slices.Compact(b.tmp)
		b.ostart[k] = int32(len(b.pool))
		b.pool = append(b.pool, b.tmp...)
		b.oend[k] = int32(len(b.pool))
	}
}

// originsOf returns the origin components of local node v.
func (b *sccBuf) originsOf(v int32) []int32 {
	k := b.comp[v]
	return b.pool[b.ostart[k]:b.oend[k]]
}

// membersOf returns the local nodes of component k.
func (b *sccBuf) membersOf(k int32) []int32 {
	return b.members[b.mstart[k]:b.mstart[k+1]]
}

// reverse builds the reversed rows of g, the links into each node, and
// readies g for towards: no node reached, none with a step.
func (g *local) reverse() {
	n := len(g.nodes)
	g.next = resize(g.next, n)
	g.nkind = resize(g.nkind, n)
	g.step = resize(g.step, n)
	for i := range n {
		g.next[i], g.step[i] = -2, -1
	}
	g.queue = g.queue[:0]
	var fill []int32
	g.rstart, fill = csr.Offsets(g.rstart, g.seen, n, g.to)
	g.rfrom = resize(g.rfrom, len(g.to))
	g.rkind = resize(g.rkind, len(g.to))
	for v := range int32(n) {
		for j := g.start[v]; j < g.start[v+1]; j++ {
			t := g.to[j]
			g.rfrom[fill[t]], g.rkind[fill[t]] = v, g.kind[j]
			fill[t]++
		}
	}
	g.seen = fill
}
