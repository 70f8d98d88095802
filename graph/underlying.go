package graph

import (
	dgraph "github.com/dominikbraun/graph"
)

// Underlying returns the graph as a github.com/dominikbraun/graph graph,
// for its algorithms (strongly connected components, topological sort,
// drawing...). Vertices are [Vertex] values hashed by ID; every edge
// carries an [EdgeData] in its Properties.Data and no attribute map.
//
// The returned graph is a view over the same storage, not a copy: it
// reads under the graph's read lock, call by call. It is read-only: its
// AddVertex, AddEdge, UpdateEdge, RemoveVertex and RemoveEdge report
// [ErrReadOnly], because changes must go through [Graph.Apply] to be
// validated. What its algorithms cost is in the package documentation
// (The dependency).
func (g *Graph) Underlying() dgraph.Graph[string, Vertex] {
	return dgraph.NewWithStore(vertexHash, (*dstore)(g), dgraph.Directed())
}

func vertexHash(v Vertex) string { return v.ID }

// dstore adapts the graph's storage to the dependency's Store interface.
type dstore Graph

var _ dgraph.Store[string, Vertex] = (*dstore)(nil)

func (d *dstore) AddVertex(string, Vertex, dgraph.VertexProperties) error { return ErrReadOnly }
func (d *dstore) RemoveVertex(string) error                               { return ErrReadOnly }
func (d *dstore) AddEdge(string, string, dgraph.Edge[string]) error       { return ErrReadOnly }
func (d *dstore) UpdateEdge(string, string, dgraph.Edge[string]) error    { return ErrReadOnly }
func (d *dstore) RemoveEdge(string, string) error                         { return ErrReadOnly }

func (d *dstore) Vertex(hash string) (Vertex, dgraph.VertexProperties, error) {
	d.mu.RLock()
	defer d.mu.RUnlock()
	n, ok := d.s.ids[hash]
	if !ok {
		return Vertex{}, dgraph.VertexProperties{}, dgraph.ErrVertexNotFound
	}
	return Vertex{ID: hash, Kind: d.s.verts[n].kind}, dgraph.VertexProperties{}, nil
}

func (d *dstore) ListVertices() ([]string, error) {
	d.mu.RLock()
	defer d.mu.RUnlock()
	ids := make([]string, 0, len(d.s.verts))
	for n := range d.s.verts {
		if id := d.s.idOf(int32(n)); id != "" {
			ids = append(ids, id)
		}
	}
	return ids, nil
}

func (d *dstore) VertexCount() (int, error) {
	d.mu.RLock()
	defer d.mu.RUnlock()
	return len(d.s.verts) - d.s.deadClaims - d.s.deadEntities - d.s.deadSources, nil
}

func (d *dstore) Edge(source, target string) (dgraph.Edge[string], error) {
	d.mu.RLock()
	defer d.mu.RUnlock()
	a, ok := d.s.ids[source]
	b, ok2 := d.s.ids[target]
	if ok && ok2 {
		for _, e := range d.s.out[a] {
			if e.to == b {
				return dgraph.Edge[string]{Source: source, Target: target, Properties: dgraph.EdgeProperties{Data: e.data}}, nil
			}
		}
	}
	return dgraph.Edge[string]{}, dgraph.ErrEdgeNotFound
}

func (d *dstore) ListEdges() ([]dgraph.Edge[string], error) {
	d.mu.RLock()
	defer d.mu.RUnlock()
	var edges []dgraph.Edge[string]
	for a, list := range d.s.out {
		from := d.s.idOf(int32(a))
		for _, e := range list {
			edges = append(edges, dgraph.Edge[string]{Source: from, Target: d.s.idOf(e.to), Properties: dgraph.EdgeProperties{Data: e.data}})
		}
	}
	return edges, nil
}
