package truth

import (
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

	// first[o] is the first fact of question o, facts being numbered
	// question by question; first[len] = len(Claims).
	first []FactID

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
// with no vote on a contested or corroborated claim, so that "no
// evidence" is not mistaken for a trust of 0 or for the prior.
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

// Joint returns a copy of r, a result of [Discover] on the Dataset of m,
// that reads the questions together: the belief of every fact is its
// claim's belief ([GraphMap.Belief], the smallest over the questions the
// claim is in, since to hold it must win each), and each question chooses
// the claim of highest such belief, with [Result.Tied] set again. So a
// claim that loses one question (china-only-defence-pact against the
// treaty) is not chosen in another where it only ties. Trust, Known and
// the rest are r's. It costs O(facts).
func (m *GraphMap) Joint(r *Result) *Result {
	j := *r
	low := m.Belief(r)
	j.Belief = make([]float64, len(r.Belief))
	for f := range j.Belief {
		j.Belief[f] = low[m.Claims[f]]
	}
	n := max(len(m.first)-1, 0)
	j.Chosen, j.Tied = make([]FactID, n), make([]bool, n)
	for o := range n {
		best := NoFact
		for f := m.first[o]; f < m.first[o+1]; f++ {
			if best == NoFact || Prefer(j.Belief[f], j.Belief[best]) {
				best = f
			}
		}
		j.Chosen[o] = best
		for f := m.first[o]; f < m.first[o+1]; f++ {
			if f != best && Same(j.Belief[f], j.Belief[best]) {
				j.Tied[o] = true
			}
		}
	}
	return &j
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
//   - a claim's votes are its evidence, as package graph/evidence weighs
//     it for every analysis (verdicts, staleness, ratings): its own
//     independent origins (graph/provenance) and the origins its
//     supporters lend it, each source once. A source that only relays the
//     claim (it quotes, republishes or cites a source that carries it)
//     does not vote: its vote belongs to the claim's origin, so relaying
//     adds no vote and earns no trust. A source that is an origin of a
//     supporter votes for the supported claim too, as it counts in the
//     supported claim's evidence. A claim whose provenance cannot be
//     worked out (a source missing from the view) is asserted by the
//     sources it appears in;
//   - derivation links are not declared with [Dataset.DeclareCopy]:
//     origins are per claim, and an article that draws on a source for
//     one claim can be an independent origin of another (a debunking
//     that cites the hoax it debunks); the dependence declared in the
//     graph is already taken out of the votes, claim by claim. ACCU and
//     DEPEN can still find undeclared copying among the origins;
//   - supports make no TruthFinder implications: the supporters'
//     evidence is in the supported claim's votes already, and an
//     implication would count it a second time.
//
// A source none of whose votes was put to a test — each is the only
// claim of its question and has no other vote — has no trust estimate:
// [Result.Known] is false for it and [GraphMap.Trust] leaves it out.
// The questions are scored one by one; [GraphMap.Joint] reads them
// together, so that a claim that loses one of its questions is not
// chosen in another.
//
// Facts are numbered question by question, questions in the order they
// are found (contradictions in graph order, then uncontested claims in
// graph order). It costs O(claims + relations + the provenance of each
// claim + supports × evidence.MaxLent), plus O(m·α·k·log m + Σ k²) to
// find the questions for m contradictions, a contradiction graph of
// arboricity α (1 on a star or a tree, at most 3 on a planar graph, below
// √(2m) always: see [cliques]) and questions of k claims at most, plus
// the assertions: one per vote per fact, at most (own origins
// + evidence.MaxLent) per fact. Where supports are dense the lent votes
// dominate: on the synthetic graphs of graph/synth (about 40 lent origins
// per claim, 2.4 facts per claim) there are about 47 votes per fact, and
// FromGraph + Discover take 3.5 times the time and 2.6 times the memory
// of own origins alone, linearly from 10k to 100k claims.
//
// It reads one state of the graph, a [graph.View.Snapshot] of v.
//
// FromGraph lets every claim lend its votes; [FromGraphSilent] weighs
// them as the verdicts did, rejected claims lending none.
func FromGraph(v graph.View) (*Dataset, *GraphMap) { return FromGraphSilent(v, nil) }

// FromGraphSilent is [FromGraph] with the claims of silent lending
// nothing (evidence.Options.Silent): pass a verdict.Result's Silent, so
// that the votes are the evidence the verdicts weighed, and an origin
// lent only by a claim the verdicts reject votes for nothing.
func FromGraphSilent(v graph.View, silent map[string]bool) (*Dataset, *GraphMap) {
	v = v.Snapshot() // claims and links numbered alike, from one state
	d := NewDataset()
	m := &GraphMap{}
	srcIDs := make(map[string]SourceID)
	for s := range v.Sources() {
		srcIDs[s.ID] = d.AddSource(s.ID)
		m.Sources = append(m.Sources, s.ID)
	}
	// Each claim's voting sources, flat: claim i is asserted by
	// asserts[at[i]:at[i+1]]. The evidence table cannot fail: a claim
	// whose origins cannot be worked out counts its distinct sources.
	independent := evidence.Independent()
	ev, _ := evidence.Of(v, evidence.Options{Origins: func(v graph.View, c claims.Claim) ([]string, error) {
		if ids, err := independent(v, c); err == nil {
			return ids, nil
		}
		return evidence.DistinctSources(v, c)
	}, Silent: silent})
	var ids []string
	var asserts []SourceID
	if ev != nil {
		votes := 0
		for i := range ev.Len() {
			votes += ev.At(i).Independent()
		}
		asserts = make([]SourceID, 0, votes) // at most
	}
	var lent []string
	at := []int{0}
	seen := make([]int32, len(m.Sources)) // claim number + 1 that last voted by each source
	for c := range v.Claims() {
		i := len(ids)
		ids = append(ids, c.ID)
		if ev != nil && i < ev.Len() {
			lent = ev.AppendLent(lent[:0], i)
			for _, l := range [][]string{ev.At(i).Origins, lent} {
				for _, id := range l {
					if s, ok := srcIDs[id]; ok && seen[s] != int32(i+1) {
						seen[s] = int32(i + 1)
						asserts = append(asserts, s)
					}
				}
			}
		}
		at = append(at, len(asserts))
	}
	adj, edges := contradictionGraph(v, len(ids))
	// The questions first, so that the facts and assertions are
	// counted and the Dataset sized once: grown by appends, its 100
	// million assertions at a million claims were copied over and over.
	qstart, qmem := []int32{0}, []int32(nil)
	add := func(members []int32) {
		qmem = append(qmem, members...)
		qstart = append(qstart, int32(len(qmem)))
	}
	cliques(adj, edges, add)
	for c := range adj {
		if len(adj[c]) == 0 { // uncontested: a question of its own
			qmem = append(qmem, int32(c))
			qstart = append(qstart, int32(len(qmem)))
		}
	}
	votes := 0
	for _, c := range qmem {
		votes += at[c+1] - at[c]
	}
	d.grow(len(qstart)-1, len(qmem), votes)
	m.Claims = make([]string, 0, len(qmem))
	m.first = make([]FactID, 0, len(qstart))
	var names []string
	for q := range len(qstart) - 1 {
		members := qmem[qstart[q]:qstart[q+1]]
		names = names[:0]
		for _, c := range members {
			names = append(names, ids[c])
		}
		obj := d.AddObject(strings.Join(names, " | "))
		m.first = append(m.first, FactID(len(m.Claims)))
		for _, c := range members {
			f, _ := d.AddFact(obj, ids[c]) // the object exists
			m.Claims = append(m.Claims, ids[c])
			for _, s := range asserts[at[c]:at[c+1]] {
				_ = d.AssertID(s, f) // both exist; repeats count once
			}
		}
	}
	m.first = append(m.first, FactID(len(m.Claims)))
	return d, m
}

// contradictionGraph returns the contradictions of v, a snapshot of n
// claims, by the positions of their claims, and their sorted, repeat-free
// adjacency.
// A contradiction that time resolves ([graph.Link.Resolved]) is left
// out: claims that never hold together are no rival values of one
// question.
func contradictionGraph(v graph.View, n int) (adj [][]int32, edges [][2]int32) {
	for l := range v.Links() {
		if l.From >= n || l.To >= n || l.From < 0 || l.To < 0 {
			continue // claims added while this ran
		}
		if l.Kind == claims.Contradicts && l.From != l.To && !l.Resolved {
			edges = append(edges, [2]int32{int32(l.From), int32(l.To)})
		}
	}
	return adjacency(n, edges), edges
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

// cliques calls question with the members of each question of the
// contradiction graph adj, whose edges are edges, in order: each edge not
// inside a question found before (nor a repeat of one) starts one with its
// two claims, which takes in, in increasing order, every claim adjacent
// to all its members so far — a maximal clique, found greedily. The
// candidates are the neighbours of whichever of the two starting claims
// has fewer, so an edge (a, b) costs O(min(deg a, deg b) · k · log deg)
// for a question of k claims: Σ over the edges of min(deg a, deg b) is at
// most 2·α·m for m edges and arboricity α (Chiba & Nishizeki 1985), so a
// star, a tree, a chain or a planar graph costs O(m log m) and no graph
// more than O(m^1.5 · k log m) (a complete bipartite graph, which has
// no triangle to find, comes closest). Scanning the neighbours of the
// first claim instead cost Σ deg², quadratic on a star. It returns the
// number of adjacency probes made, the work the tests bound.
func cliques(adj [][]int32, edges [][2]int32, question func(members []int32)) (probes int) {
	covered := make(map[[2]int32]bool)
	var members []int32
	for _, e := range edges {
		a, b := min(e[0], e[1]), max(e[0], e[1])
		if covered[[2]int32{a, b}] {
			continue
		}
		members = append(members[:0], a, b)
		// A third member is adjacent to both: scan the shorter list
		// (both are sorted, so the order is the same), probe the other.
		scan, other := a, b
		if len(adj[b]) < len(adj[a]) {
			scan, other = b, a
		}
		for _, w := range adj[scan] {
			if w == other {
				continue
			}
			probes++
			if !adjacent(adj, other, w) {
				continue
			}
			all := true
			for _, x := range members[2:] {
				probes++
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
	return probes
}

func adjacent(adj [][]int32, a, b int32) bool {
	_, ok := slices.BinarySearch(adj[a], b)
	return ok
}
