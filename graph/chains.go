package graph

import (
	"cmp"
	"slices"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph/internal/scc"
)

// ChainTree is a set of shortest chains of relations that all end at one
// claim, the root, stored as a tree: each claim reached is a [ChainNode]
// that names the next claim of its chain. Chains that share their ends
// share their nodes, so the tree's size is the number of claims reached,
// however long the chains: n claims supporting each other in a line make
// n nodes, where their chains written out in full take n²/2 steps.
type ChainTree struct {
	Root  string      // the claim every chain leads to
	Nodes []ChainNode // in order of depth, then of discovery; a node's Next comes before it
}

// ChainNode is one claim of a [ChainTree]: Claim reaches the root through
// Relation to the claim of Nodes[Next], or to the root itself when Next is
// -1, and from there along that claim's chain.
type ChainNode struct {
	Claim    string
	Depth    int             // relations from Claim to the root, at least 1
	Next     int             // index in ChainTree.Nodes of the next claim, -1 for the root
	Relation claims.Relation // joins Claim and the next claim
}

// Path returns the chain of t.Nodes[i] written out, from its claim to the
// root. It costs O(its depth).
func (t ChainTree) Path(i int) Path {
	var p Path
	for ; i >= 0; i = t.Nodes[i].Next {
		p.Claims = append(p.Claims, t.Nodes[i].Claim)
		p.Relations = append(p.Relations, t.Nodes[i].Relation)
	}
	p.Claims = append(p.Claims, t.Root)
	return p
}

// SupportTree returns every claim that supports claim id directly or
// through a chain of supports, up to maxDepth links (0: no limit), each
// with the next claim of its shortest chain to id: the chains of
// [View.SupportChains], in the same order, sharing their common parts. It
// costs O(size of the supporting sub-graph). A maxDepth below 0 is
// refused with [ErrNegativeDepth].
func (v View) SupportTree(id string, maxDepth int) (ChainTree, error) {
	return v.SupportTreeExcept(id, maxDepth, nil)
}

// SupportTreeExcept is [View.SupportTree] with the claims of silent (by
// ID, such as verdict.Result.Silent: the claims the verdicts let lend
// nothing) left out, and the chains through them: a claim is in the tree
// when a chain of claims that lend links it to id. Like SupportTree, it
// refuses a maxDepth below 0 with [ErrNegativeDepth].
func (v View) SupportTreeExcept(id string, maxDepth int, silent map[string]bool) (ChainTree, error) {
	if err := checkDepth(id, maxDepth, "no limit"); err != nil {
		return ChainTree{}, err
	}
	return query(v, id, ClaimVertex, func(s *store, n int32) ChainTree {
		t := ChainTree{Root: s.idOf(n)} // an alias names the item it was merged into
		index := map[int32]int{}
		skip := v.silenced(s, silent)
		v.bfs(n, maxDepth,
			func(m int32) []edgeStep { return v.lenders(s, m, skip) },
			func(m int32, st step, depth int) bool {
				next, ok := index[st.from]
				if !ok {
					next = -1 // from is the root
				}
				index[m] = len(t.Nodes)
				t.Nodes = append(t.Nodes, ChainNode{Claim: s.idOf(m), Depth: depth, Next: next, Relation: s.relation(st.rel)})
				return true
			})
		return t
	})
}

// Supported is a claim with its number of transitive supporters, as
// [View.MostSupported] ranks them.
type Supported struct {
	Claim      string
	Supporters int // claims that support it directly or through a chain
}

// MostSupported returns the k claims of v with the most transitive
// supporters (the claims of [View.SupportChains], counted without their
// chains), most first and in the order of the graph among equals; claims
// without supporters are left out.
//
// It bounds every claim's count from above in one pass over the claims
// and supports, O(vertices + relations), then counts exactly, one search
// of the supporting sub-graph each, only the claims whose bound can still
// beat the k-th count found. Where supports form a forest (every line of
// support, however long) the bounds are exact and it counts k claims;
// where chains of support merge, more.
func (v View) MostSupported(k int) []Supported { return v.MostSupportedExcept(k, nil) }

// MostSupportedExcept is [View.MostSupported] with the claims of silent
// (by ID, such as verdict.Result.Silent) lending no support: they are
// not counted as supporters, and support does not pass through them, so
// that the counts are those of [View.SupportTreeExcept].
func (v View) MostSupportedExcept(k int, silent map[string]bool) []Supported {
	if k <= 0 {
		return nil
	}
	s := v.rlock()
	defer v.runlock()
	n := len(s.verts)
	skip := v.silenced(s, silent)

	// The support graph, from each claim to its supporters, and its
	// strongly connected components, numbered so that supporters come
	// first (component 0 has no supporter outside itself).
	start := make([]int32, n+1)
	var to []int32
	for u := range int32(n) {
		for _, es := range v.lenders(s, u, skip) {
			to = append(to, es.to)
		}
		start[u+1] = int32(len(to))
	}
	var b scc.Buf
	b.Components(start, to)
	size := make([]int, b.Count)
	for u := range n {
		size[b.Comp[u]]++
	}
	// reach[c] bounds the vertices reachable from component c, itself
	// included: its size plus its edges' targets' bounds (a target met
	// twice is counted twice, so it is a bound), at most n.
	members := make([][]int32, b.Count)
	for u := range int32(n) {
		members[b.Comp[u]] = append(members[b.Comp[u]], u)
	}
	reach := make([]int, b.Count)
	bound := make([]int, n) // for a claim: its component's others and reach of each supporter outside
	for c := range b.Count {
		out := 0
		for _, u := range members[c] {
			for _, w := range to[start[u]:start[u+1]] {
				if d := b.Comp[w]; int(d) != c {
					out = min(out+reach[d], n)
				}
			}
		}
		reach[c] = min(size[c]+out, n)
		for _, u := range members[c] {
			bound[u] = min(size[c]-1+out, n)
		}
	}

	// Candidates by bound, highest first, in graph order among equals.
	type cand struct {
		u     int32
		order int
		bound int
	}
	var cands []cand
	for u := range int32(n) {
		idx := s.verts[u].idx // the order of v.Claims
		if s.verts[u].kind == ClaimVertex && bound[u] > 0 && v.claimVisible(s, idx) {
			cands = append(cands, cand{u, int(idx), bound[u]})
		}
	}
	slices.SortStableFunc(cands, func(a, b cand) int { return cmp.Compare(b.bound, a.bound) })

	type ranked struct {
		u            int32
		order, count int
	}
	var top []ranked
	seen := make([]int32, n) // the search that last reached each vertex, 1-based
	var queue []int32
	for i, c := range cands {
		// Candidates come by bound, then in graph order: once one cannot
		// beat the k-th, by count or, at an equal count, by coming first,
		// no later one can (a ring of supports ties every claim).
		if len(top) == k && (c.bound < top[k-1].count || c.bound == top[k-1].count && c.order > top[k-1].order) {
			break
		}
		search := int32(i + 1)
		seen[c.u] = search
		queue = append(queue[:0], c.u)
		for h := 0; h < len(queue); h++ {
			for _, es := range v.lenders(s, queue[h], skip) {
				if seen[es.to] != search {
					seen[es.to] = search
					queue = append(queue, es.to)
				}
			}
		}
		if count := len(queue) - 1; count > 0 {
			top = append(top, ranked{c.u, c.order, count})
			slices.SortFunc(top, func(a, b ranked) int { return cmp.Or(cmp.Compare(b.count, a.count), cmp.Compare(a.order, b.order)) })
			top = top[:min(len(top), k)]
		}
	}
	out := make([]Supported, len(top))
	for i, r := range top {
		out[i] = Supported{Claim: s.idOf(r.u), Supporters: r.count}
	}
	return out
}

// supporters lists the visible support relations into vertex u.
func (v View) supporters(s *store, u int32) []edgeStep { return v.steps(s, u, SupportsEdge, s.in) }

// lenders lists the visible support relations into vertex u from the
// vertices skip does not hold (nil: all of them).
func (v View) lenders(s *store, u int32, skip func(int32) bool) []edgeStep {
	es := v.supporters(s, u)
	if skip != nil {
		es = slices.DeleteFunc(es, func(e edgeStep) bool { return skip(e.to) })
	}
	return es
}

// silenced returns whether a vertex of s is one of the claims of silent,
// each looked up once as every query looks an ID up ([View.lookup]: a
// snapshot in its own index, an alias naming the item it was merged
// into); nil when silent is empty. O(len(silent)) to make, O(1) a test,
// so that a search costs what it reaches.
func (v View) silenced(s *store, silent map[string]bool) func(int32) bool {
	if len(silent) == 0 {
		return nil
	}
	skip := make(map[int32]bool, len(silent))
	for id, ok := range silent {
		if n, found := v.lookup(s, id); ok && found && s.verts[n].kind == ClaimVertex {
			skip[n] = true
		}
	}
	return func(u int32) bool { return skip[u] }
}
