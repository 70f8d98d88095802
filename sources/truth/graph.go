package truth

import (
	"sync"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
)

// GraphMap relates a Dataset built by [FromGraph] to the claim graph it
// came from: fact i is claim Claims[i], source i is source Sources[i].
type GraphMap struct {
	Claims  []string // claim ID of each FactID
	Sources []string // source ID of each SourceID

	once  sync.Once
	facts map[string]FactID // built on the first call of Fact
}

// Fact returns the fact of claim id. The first call indexes the claims,
// in O(claims); it is safe for concurrent use.
func (m *GraphMap) Fact(id string) (FactID, bool) {
	m.once.Do(func() {
		m.facts = make(map[string]FactID, len(m.Claims))
		for i, c := range m.Claims {
			m.facts[c] = FactID(i)
		}
	})
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
//
// It reads one state of the graph, a [graph.View.Snapshot] of v.
func FromGraph(v graph.View) (*Dataset, *GraphMap) {
	v = v.Snapshot() // claims and links numbered alike, from one state
	d := NewDataset()
	m := &GraphMap{}
	srcIDs := make(map[string]SourceID)
	for s := range v.Sources() {
		srcIDs[s.ID] = d.AddSource(s.ID)
		m.Sources = append(m.Sources, s.ID)
	}
	// Each claim's sources, by position, flat: claim i asserted by
	// asserts[at[i]:at[i+1]].
	var asserts []SourceID
	at := []int{0}
	for c := range v.Claims() {
		m.Claims = append(m.Claims, c.ID)
		for _, a := range c.Appearances {
			if s, ok := srcIDs[a.Source]; ok {
				asserts = append(asserts, s)
			}
		}
		at = append(at, len(asserts))
	}
	// Union-find over the claims, joined by contradictions. Links give
	// the claims by position, so nothing is looked up by ID.
	parent := make([]int32, len(m.Claims))
	for i := range parent {
		parent[i] = int32(i)
	}
	find := func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	var supports []graph.Link
	for l := range v.Links() {
		if l.From >= len(parent) || l.To >= len(parent) {
			continue // claims added while this ran
		}
		if l.Kind == claims.Contradicts {
			ra, rb := find(int32(l.From)), find(int32(l.To))
			if ra != rb {
				parent[max(ra, rb)] = min(ra, rb) // the root is the first claim
			}
		} else {
			supports = append(supports, l)
		}
	}
	objects := make([]ObjectID, len(m.Claims)) // by root claim
	for i, id := range m.Claims {
		root := find(int32(i))
		if int(root) == i {
			objects[i] = d.AddObject(id) // a root comes before the claims it joins
		}
		f, _ := d.AddFact(objects[root], id) // the object exists
		for _, s := range asserts[at[i]:at[i+1]] {
			_ = d.AssertID(s, f) // both exist; repeats count once
		}
	}
	for _, l := range supports {
		w := l.Confidence
		if w == 0 {
			w = 1
		}
		_ = d.SetImplication(FactID(l.From), FactID(l.To), w) // fact i is claim i; distinct, w in (0, 1]
	}
	return d, m
}
