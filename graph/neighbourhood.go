package graph

import (
	"slices"

	"github.com/claimgraph/claimgraph/sources"
)

// Neighbourhood returns the sub-graph around claim id: the claims within
// depth relations of it (followed in either direction), the relations
// among them, and the entities and sources those claims and relations
// name, their inferences' sources included. Derivation links are kept
// between sources in the sub-graph, and so are the sources that the
// inferences of its sources name (an inference naming a source outside
// keeps its sentence, without the name). The
// result is a new, independent graph; it costs O(size of the
// neighbourhood).
//
// A depth of 0 gives the claim alone, with what it names; a depth below
// 0 is refused with [ErrNegativeDepth], as every depth-taking query
// refuses it.
func (v View) Neighbourhood(id string, depth int) (*Graph, error) {
	if err := checkDepth(id, depth, "the claim alone"); err != nil {
		return nil, err
	}
	b, err := query(v, id, ClaimVertex, func(s *store, n int32) Batch {
		members := []int32{n}
		if depth > 0 {
			v.bfs(n, depth,
				func(m int32) []edgeStep { return v.steps(s, m, SupportsEdge|ContradictsEdge, s.out, s.in) },
				func(m int32, _ step, _ int) bool { members = append(members, m); return true })
		}
		return v.batchOf(s, members)
	})
	if err != nil {
		return nil, err
	}
	sub := New()
	if err := sub.Apply(b); err != nil {
		return nil, err // cannot happen: the batch comes from a valid graph
	}
	return sub, nil
}

// batchOf builds a self-contained batch of the claim vertices of s
// given, in the graph's order, with everything they name. The batch
// shares the store's slices: Apply copies them.
func (v View) batchOf(s *store, claimVerts []int32) Batch {
	slices.Sort(claimVerts)
	in := make(map[int32]bool, len(claimVerts)*4)
	var ents, srcs []int32
	need := func(id string, k VertexKind) {
		if id == "" {
			return
		}
		m, _ := v.lookup(s, id)
		if in[m] {
			return
		}
		in[m] = true
		if k == EntityVertex {
			ents = append(ents, m)
		} else {
			srcs = append(srcs, m)
		}
	}
	var b Batch
	var rels []int32
	for _, m := range claimVerts {
		in[m] = true
	}
	for _, m := range claimVerts {
		c := s.claims[s.verts[m].idx]
		b.Claims = append(b.Claims, c)
		for _, e := range c.About {
			need(e, EntityVertex)
		}
		for _, a := range c.Appearances {
			need(a.Source, SourceVertex)
			need(a.Speaker, EntityVertex)
			need(a.Via, SourceVertex)
			for _, inf := range a.Inferred {
				need(inf.Source, SourceVertex)
			}
		}
		for _, inf := range c.Inferred {
			need(inf.Source, SourceVertex)
		}
		for _, e := range s.out[m] {
			if e.data.rel > 0 && in[e.to] && v.relVisible(s, e.data.rel-1) {
				rels = append(rels, e.data.rel-1)
				r := s.relation(e.data.rel - 1)
				for _, src := range r.Sources {
					need(src, SourceVertex)
				}
				for _, inf := range r.Inferred {
					need(inf.Source, SourceVertex)
				}
			}
		}
	}
	slices.Sort(ents)
	slices.Sort(srcs)
	for _, m := range ents {
		b.Entities = append(b.Entities, s.entities[s.verts[m].idx])
	}
	for _, m := range srcs {
		src := s.sources[s.verts[m].idx]
		src.DerivedFrom = slices.DeleteFunc(slices.Clone(src.DerivedFrom), func(d sources.Derivation) bool {
			m, _ := v.lookup(s, d.Source)
			return !in[m]
		})
		cloned := false
		for k, inf := range src.Inferred {
			if m, ok := v.lookup(s, inf.Source); ok && !in[m] {
				if !cloned {
					src.Inferred, cloned = slices.Clone(src.Inferred), true
				}
				src.Inferred[k].Source = "" // outside the sub-graph, like a derivation
			}
		}
		b.Sources = append(b.Sources, src)
	}
	slices.Sort(rels) // the order they were added to the whole graph
	for _, ri := range rels {
		b.Relations = append(b.Relations, s.relation(ri))
	}
	return b
}
