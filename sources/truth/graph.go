package truth

import (
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/evidence"
)

// GraphMap relates a Dataset built by [FromGraph] to the claim graph it
// came from: fact i is a fact of claim Claims[i], source i is source
// Sources[i]. A claim in several questions has a fact in each.
type GraphMap struct {
	Claims  []string // claim ID of each FactID
	Sources []string // source ID of each SourceID

	once  sync.Once
	facts map[string][]FactID // built on the first call of Fact or Facts
}

func (m *GraphMap) index() {
	m.once.Do(func() {
		m.facts = make(map[string][]FactID, len(m.Claims))
		for i, c := range m.Claims {
			m.facts[c] = append(m.facts[c], FactID(i))
		}
	})
}

// Fact returns the first fact of claim id. The first call indexes the
// claims, in O(claims); it is safe for concurrent use.
func (m *GraphMap) Fact(id string) (FactID, bool) {
	m.index()
	fs := m.facts[id]
	if len(fs) == 0 {
		return 0, false
	}
	return fs[0], true
}

// Facts returns the facts of claim id, one per question it is part of, in
// increasing order; nil for an unknown claim.
func (m *GraphMap) Facts(id string) []FactID {
	m.index()
	return slices.Clone(m.facts[id])
}

// Trust returns the trust of each source of r by source ID, leaving out
// the sources whose trust rests on no evidence ([Result.Known]): those
// that assert no claim of a question, so that "no evidence" is not
// mistaken for a trust of 0.
func (m *GraphMap) Trust(r *Result) map[string]float64 {
	out := make(map[string]float64, len(m.Sources))
	for i, id := range m.Sources {
		if r.Known == nil || r.Known[i] {
			out[id] = r.Trust[i]
		}
	}
	return out
}

// Belief returns the belief in each claim of r by claim ID. A claim in
// several questions gets its smallest belief: to hold, it must win each.
func (m *GraphMap) Belief(r *Result) map[string]float64 {
	out := make(map[string]float64, len(m.Claims))
	for i, id := range m.Claims {
		if b, ok := out[id]; !ok || r.Belief[i] < b {
			out[id] = r.Belief[i]
		}
	}
	return out
}

// FromGraph maps the claims of view v onto a Dataset:
//
//   - every source of v is a source, in graph order;
//   - a question (an object) is a set of claims that cannot all hold,
//     and at most one does: a clique of the contradiction graph. Each
//     contradiction not yet inside a question starts one, with its two
//     claims, and the question takes in, in graph order, every claim that
//     contradicts all its members so far: a maximal clique found
//     greedily. So a chain a ⊥ b ⊥ c is two questions, {a, b} and {b, c}
//     (a and c may well both hold), and a triangle is one. A claim in
//     several questions is a fact of each. A question is named after its
//     claims, joined by " | ". A claim without contradictions is a
//     question of its own, uncontested;
//   - a claim's votes are its own independent origins, those package
//     graph/evidence counts for every analysis (evidence.Independent,
//     from graph/provenance): each origin asserts the claim's facts once, and a
//     source that only relays the claim (it quotes, republishes or cites
//     a source that carries it) does not. Relaying is known dependence,
//     removed here for every algorithm; ACCU and DEPEN can find the
//     undeclared kind among the origins. A claim whose provenance cannot
//     be worked out (a source missing from the view) is asserted by the
//     sources it appears in;
//   - every derivation link between sources is declared with
//     [Dataset.DeclareCopy], for ACCU and DEPEN. Two origins of one claim
//     never draw on each other for it, so this matters only where the
//     sources of appearances stand in for origins;
//   - a support a → b is the TruthFinder implication imp(a→b) = the
//     relation's confidence, or 1 when it has none, between each fact of a
//     and each of b.
//
// A source that asserts no contested claim has no trust estimate:
// [Result.Known] is false for it and [GraphMap.Trust] leaves it out.
//
// Facts are numbered question by question, questions in the order they
// are found (contradictions in graph order, then uncontested claims in
// graph order). It costs O(claims + relations + the provenance of each
// claim + Σ deg²) for contradiction degrees deg.
//
// It reads one state of the graph, a [graph.View.Snapshot] of v.
func FromGraph(v graph.View) (*Dataset, *GraphMap) {
	v = v.Snapshot() // claims and links numbered alike, from one state
	d := NewDataset()
	m := &GraphMap{}
	srcIDs := make(map[string]SourceID)
	var derived [][2]string
	for s := range v.Sources() {
		srcIDs[s.ID] = d.AddSource(s.ID)
		m.Sources = append(m.Sources, s.ID)
		for _, df := range s.DerivedFrom {
			derived = append(derived, [2]string{s.ID, df.Source})
		}
	}
	for _, l := range derived {
		if a, ok := srcIDs[l[0]]; ok {
			if b, ok := srcIDs[l[1]]; ok && a != b {
				_ = d.DeclareCopy(a, b) // both exist and differ
			}
		}
	}
	// Each claim's voting sources, flat: claim i is asserted by
	// asserts[at[i]:at[i+1]].
	var ids []string
	var asserts []SourceID
	at := []int{0}
	origins := evidence.Independent()
	for c := range v.Claims() {
		ids = append(ids, c.ID)
		asserts = appendOrigins(asserts, origins, v, c, srcIDs)
		at = append(at, len(asserts))
	}
	// Contradiction adjacency by claim position, sorted and without
	// repeats; supports kept for the implications.
	n := len(ids)
	var edges [][2]int32
	var supports []graph.Link
	for l := range v.Links() {
		if l.From >= n || l.To >= n || l.From < 0 || l.To < 0 {
			continue // claims added while this ran
		}
		if l.Kind == claims.Contradicts {
			if l.From != l.To {
				edges = append(edges, [2]int32{int32(l.From), int32(l.To)})
			}
		} else {
			supports = append(supports, l)
		}
	}
	adj := adjacency(n, edges)

	facts := make([][]FactID, n) // by claim position
	question := func(members []int32) {
		names := make([]string, len(members))
		for i, c := range members {
			names[i] = ids[c]
		}
		obj := d.AddObject(strings.Join(names, " | "))
		for _, c := range members {
			f, _ := d.AddFact(obj, ids[c]) // the object exists
			m.Claims = append(m.Claims, ids[c])
			facts[c] = append(facts[c], f)
			for _, s := range asserts[at[c]:at[c+1]] {
				_ = d.AssertID(s, f) // both exist; repeats count once
			}
		}
	}
	// Maximal cliques, greedily: an edge inside a question found before
	// (or a repeat of one) starts nothing.
	covered := make(map[[2]int32]bool)
	var members []int32
	for _, e := range edges {
		a, b := min(e[0], e[1]), max(e[0], e[1])
		if covered[[2]int32{a, b}] {
			continue
		}
		members = append(members[:0], a, b)
		for _, w := range adj[a] {
			if w == b || !adjacent(adj, b, w) {
				continue
			}
			all := true
			for _, x := range members[2:] {
				if !adjacent(adj, x, w) {
					all = false
					break
				}
			}
			if all {
				members = append(members, w)
			}
		}
		slices.Sort(members)
		for i, x := range members {
			for _, y := range members[i+1:] {
				covered[[2]int32{x, y}] = true
			}
		}
		question(members)
	}
	for c := range n {
		if len(adj[c]) == 0 {
			question([]int32{int32(c)})
		}
	}
	for _, l := range supports {
		w := l.Confidence
		if w == 0 || math.IsNaN(w) {
			w = 1
		}
		w = min(max(w, -1), 1)
		for _, from := range facts[l.From] {
			for _, to := range facts[l.To] {
				_ = d.SetImplication(from, to, w) // distinct facts; w in [−1, 1]
			}
		}
	}
	return d, m
}

// appendOrigins appends the sources of v that are independent origins of
// claim c (the origins package graph/evidence counts, from the function
// evidence.Independent returned), each once; or, when its provenance
// cannot be worked out, the distinct sources it appears in.
func appendOrigins(dst []SourceID, origins func(graph.View, claims.Claim) ([]string, error), v graph.View, c claims.Claim, srcIDs map[string]SourceID) []SourceID {
	start := len(dst)
	ids, err := origins(v, c)
	if err != nil {
		ids, _ = evidence.DistinctSources(v, c)
	}
	for _, id := range ids {
		if s, ok := srcIDs[id]; ok && !slices.Contains(dst[start:], s) {
			dst = append(dst, s)
		}
	}
	return dst
}

// adjacency returns the sorted, repeat-free neighbour lists of n vertices
// joined by the undirected edges.
func adjacency(n int, edges [][2]int32) [][]int32 {
	adj := make([][]int32, n)
	for _, e := range edges {
		adj[e[0]] = append(adj[e[0]], e[1])
		adj[e[1]] = append(adj[e[1]], e[0])
	}
	for i := range adj {
		slices.Sort(adj[i])
		adj[i] = slices.Compact(adj[i])
	}
	return adj
}

func adjacent(adj [][]int32, a, b int32) bool {
	_, ok := slices.BinarySearch(adj[a], b)
	return ok
}
