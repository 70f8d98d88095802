package truth

import (
	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
)

// GraphMap relates a Dataset built by [FromGraph] to the claim graph it
// came from: fact i is claim Claims[i], source i is source Sources[i].
type GraphMap struct {
	Claims  []string // claim ID of each FactID
	Sources []string // source ID of each SourceID
	facts   map[string]FactID
}

// Fact returns the fact of claim id.
func (m *GraphMap) Fact(id string) (FactID, bool) {
	f, ok := m.facts[id]
	return f, ok
}

// Trust returns the trust of each source of r by source ID.
func (m *GraphMap) Trust(r *Result) map[string]float64 {
	out := make(map[string]float64, len(m.Sources))
	for i, id := range m.Sources {
		out[id] = r.Trust[i]
	}
	return out
}

// Belief returns the belief in each claim of r by claim ID.
func (m *GraphMap) Belief(r *Result) map[string]float64 {
	out := make(map[string]float64, len(m.Claims))
	for i, id := range m.Claims {
		out[id] = r.Belief[i]
	}
	return out
}

// FromGraph maps the claims of view v onto a Dataset:
//
//   - every source of v is a source, in graph order, so that a source
//     without claims in v still gets a trust;
//   - every claim is a fact whose value is its ID, asserted by each source
//     it appears in;
//   - claims joined by contradictions, directly or through others (the
//     connected components of the contradiction graph), are the facts of
//     one object: mutually exclusive values of one question. The object is
//     named after its first claim in graph order. A claim without
//     contradictions is an object of its own;
//   - a support a → b is the TruthFinder implication imp(a→b) = the
//     relation's confidence, or 1 when it has none: believing a lends
//     belief to b, whatever their objects.
//
// Facts are numbered in the graph order of claims, objects in the order
// of their first claim. It costs O(claims + relations + appearances).
func FromGraph(v graph.View) (*Dataset, *GraphMap) {
	d := NewDataset()
	m := &GraphMap{facts: make(map[string]FactID)}
	srcIDs := make(map[string]SourceID)
	for s := range v.Sources() {
		srcIDs[s.ID] = d.AddSource(s.ID)
		m.Sources = append(m.Sources, s.ID)
	}
	var cs []claims.Claim
	index := make(map[string]int32)
	for c := range v.Claims() {
		index[c.ID] = int32(len(cs))
		cs = append(cs, c)
	}
	// Union-find over the claims, joined by contradictions.
	parent := make([]int32, len(cs))
	for i := range parent {
		parent[i] = int32(i)
	}
	var find func(int32) int32
	find = func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	var rels []claims.Relation
	for r := range v.Relations() {
		a, okA := index[r.From]
		b, okB := index[r.To]
		if !okA || !okB {
			continue
		}
		if r.Kind == claims.Contradicts {
			ra, rb := find(a), find(b)
			if ra != rb {
				parent[max(ra, rb)] = min(ra, rb) // the root is the first claim
			}
		} else {
			rels = append(rels, r)
		}
	}
	objects := make(map[int32]ObjectID)
	for i, c := range cs {
		root := find(int32(i))
		o, ok := objects[root]
		if !ok {
			o = d.AddObject(cs[root].ID)
			objects[root] = o
		}
		f, _ := d.AddFact(o, c.ID) // o exists
		m.facts[c.ID] = f
		m.Claims = append(m.Claims, c.ID)
		for _, a := range c.Appearances {
			if s, ok := srcIDs[a.Source]; ok {
				_ = d.AssertID(s, f) // both exist; repeats count once
			}
		}
	}
	for _, r := range rels {
		w := r.Confidence
		if w == 0 {
			w = 1
		}
		_ = d.SetImplication(m.facts[r.From], m.facts[r.To], w) // distinct facts, w in (0, 1]
	}
	return d, m
}
