package graph

import (
	dgraph "github.com/dominikbraun/graph"
)

// Underlying returns the graph as a github.com/dominikbraun/graph graph,
// for its algorithms (strongly connected components, topological sort,
// drawing...). Vertices are [Vertex] values hashed by ID; every edge
// carries an [EdgeData] in its Properties.Data and no attribute map.
//
// The returned graph is a view over the same storage, not a copy: a
// [View.Snapshot] taken when Underlying is called, so that an algorithm,
// which reads it in several calls (the vertices, then the edges), sees
// one state of the graph while changes are applied; call Underlying
// again for a later state. Like any snapshot it costs O(1), and the
// first change after it copies what it shares. It is read-only: its
// AddVertex, AddEdge, UpdateEdge, RemoveVertex and RemoveEdge report
// [ErrReadOnly], because changes must go through [Graph.Apply] to be
// validated. What its algorithms cost is in the package documentation
// (The dependency).
func (g *Graph) Underlying() dgraph.Graph[string, Vertex] {
	return dgraph.NewWithStore(vertexHash, &dstore{g.Snapshot()}, dgraph.Directed())
}

func vertexHash(v Vertex) string { return v.ID }

// dstore adapts a snapshot of the graph's storage to the dependency's
// Store interface.
type dstore struct{ v View }

// vertex returns the vertex number of the item whose ID is id, under
// the read lock, as the snapshot shares the ID index that additions
// grow (see View.lookup); aliases name nothing here.
func (d *dstore) vertex(id string) (int32, bool) {
	d.v.g.mu.RLock()
	n, ok := d.v.snap.ids[id]
	d.v.g.mu.RUnlock()
	return n, ok && int(n) < len(d.v.snap.verts)
}

var _ dgraph.Store[string, Vertex] = (*dstore)(nil)

func (d *dstore) AddVertex(string, Vertex, dgraph.VertexProperties) error { return ErrReadOnly }
func (d *dstore) RemoveVertex(string) error                               { return ErrReadOnly }
func (d *dstore) AddEdge(string, string, dgraph.Edge[string]) error       { return ErrReadOnly }
func (d *dstore) UpdateEdge(string, string, dgraph.Edge[string]) error    { return ErrReadOnly }
func (d *dstore) RemoveEdge(string, string) error                         { return ErrReadOnly }

func (d *dstore) Vertex(hash string) (Vertex, dgraph.VertexProperties, error) {
	n, ok := d.vertex(hash)
	if !ok {
		return Vertex{}, dgraph.VertexProperties{}, dgraph.ErrVertexNotFound
	}
	return Vertex{ID: hash, Kind: d.v.snap.verts[n].kind}, dgraph.VertexProperties{}, nil
}

func (d *dstore) ListVertices() ([]string, error) {
	s := d.v.snap
	ids := make([]string, 0, len(s.verts))
	for n := range s.verts {
		if id := s.idOf(int32(n)); id != "" {
			ids = append(ids, id)
		}
	}
	return ids, nil
}

func (d *dstore) VertexCount() (int, error) {
	s := d.v.snap
	return len(s.verts) - s.deadClaims - s.deadEntities - s.deadSources, nil
}

func (d *dstore) Edge(source, target string) (dgraph.Edge[string], error) {
	s := d.v.snap
	a, ok := d.vertex(source)
	b, ok2 := d.vertex(target)
	if ok && ok2 {
		for _, e := range s.out[a] {
			if e.to == b {
				return dgraph.Edge[string]{Source: source, Target: target, Properties: dgraph.EdgeProperties{Data: e.data}}, nil
			}
		}
	}
	return dgraph.Edge[string]{}, dgraph.ErrEdgeNotFound
}

func (d *dstore) ListEdges() ([]dgraph.Edge[string], error) {
	s := d.v.snap
	var edges []dgraph.Edge[string]
	for a, list := range s.out {
		from := s.idOf(int32(a))
		for _, e := range list {
			edges = append(edges, dgraph.Edge[string]{Source: from, Target: s.idOf(e.to), Properties: dgraph.EdgeProperties{Data: e.data}})
		}
	}
	return edges, nil
}
