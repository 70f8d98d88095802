package provenance

import (
	"cmp"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
)

// carriers enters into a new local graph the sources that carry a claim
// with appearances apps (those it appears in, then those its appearances
// were taken from) and collects the links between them: their derivation
// links, and a [Via] link from each appearance's source to its Via. An
// appearance whose Via is its own source names nothing else and adds no
// link. It notes the local node of each appearance's source and Via in
// x.at, so that its callers look each ID up once.
func (x *Index) carriers(apps []claims.Appearance) (*local, error) {
	g := x.begin()
	// The IDs are looked up first, all of them, then entered: look-ups
	// that do not wait on each other let the processor overlap their
	// misses of its caches, which at a hundred thousand sources are most
	// of their cost.
	x.at = resize(x.at, 2*len(apps))
	for i, a := range apps {
		x.at[2*i], x.at[2*i+1] = -2, -2 // -2: no ID
		if a.Source != "" {
			x.at[2*i] = x.intern(a.Source)
		}
		if a.Via != "" {
			x.at[2*i+1] = x.intern(a.Via)
		}
	}
	for i, a := range apps {
		for j, id := range [2]string{a.Source, a.Via} {
			n := x.at[2*i+j]
			if n == -2 {
				x.at[2*i+j] = -1
				continue
			}
			if n < 0 {
				x.release()
				return nil, x.missing(id, graph.SourceVertex)
			}
			if err := x.load(n); err != nil {
				x.release()
				return nil, err
			}
			x.at[2*i+j] = x.enter(n)
		}
	}
	x.derivations()
	for i, a := range apps {
		if a.Via != "" && a.Via != a.Source {
			g.add(x.at[2*i], x.at[2*i+1], Via)
		}
	}
	g.finish()
	x.scc.components(g)
	return g, nil
}

// Count returns the number of independent origins of claim c, without
// the chains. It costs O(sources carrying c + their derivation links).
//
// Every source that carries c is reached from an appearance's source, so
// the origins are exactly the components with no exit.
func (x *Index) Count(c claims.Claim) (int, error) {
	if _, err := x.carriers(c.Appearances); err != nil {
		return 0, err
	}
	defer x.release()
	n := 0
	for k := range x.scc.count {
		if x.scc.terminal[k] {
			n++
		}
	}
	return n, nil
}

// AppendOrigins appends to dst the sources of the independent origins of
// claim c, which must come from the index's view, and returns the
// extended slice: the Origin.Source of each of [Index.Of]'s Groups, in
// their order, without tracing the chains. It costs, like [Index.Count],
// O(sources carrying c + their derivation links), and allocates nothing
// once the index's scratch has grown.
func (x *Index) AppendOrigins(dst []string, c claims.Claim) ([]string, error) {
	nums, err := x.AppendOriginNumbers(x.nums[:0], c.Appearances)
	x.nums = nums
	if err != nil {
		return dst, err
	}
	for _, n := range nums {
		dst = append(dst, x.SourceID(n))
	}
	return dst, nil
}

// AppendOriginNumbers is [Index.AppendOrigins] for the claim of the
// index's view with appearances apps, appending the number of each
// origin's source ([Index.SourceID] names it) rather than its ID: an
// index and its forks ([Index.Fork]) number the sources alike, so that a
// caller can tell the origins that forks find apart without comparing
// IDs. Its costs are AppendOrigins'.
func (x *Index) AppendOriginNumbers(dst []int32, apps []claims.Appearance) ([]int32, error) {
	g, err := x.carriers(apps)
	if err != nil {
		return dst, err
	}
	defer x.release()
	b := &x.scc
	b.origins(g)
	listed := resize(x.listed, b.count) // by component: appended already
	clear(listed)
	for i := range apps {
		// The origins of one appearance in the order of their sources'
		// IDs, each after those of earlier appearances, once.
		mark := len(dst)
		for _, o := range b.originsOf(x.at[2*i]) {
			if !listed[o] {
				listed[o] = true
				m := b.membersOf(o)
				dst = append(dst, g.nodes[m[x.stand(g, m)]])
			}
		}
		if len(dst)-mark > 1 {
			slices.SortFunc(dst[mark:], func(p, q int32) int { return strings.Compare(x.SourceID(p), x.SourceID(q)) })
		}
	}
	x.listed = listed
	return dst, nil
}

// Claim returns the provenance of the claim with the given ID. It reports
// graph.ErrNotFound when the view has no such claim and graph.ErrWrongKind
// when id names something else.
func (x *Index) Claim(id string) (Report, error) {
	c, ok := x.v.Claim(id)
	if !ok {
		return Report{}, x.missing(id, graph.ClaimVertex)
	}
	return x.Of(c)
}

// Of returns the provenance of claim c, which must come from the index's
// view. It costs O(sources carrying c + their derivation links) for the
// origins, and for the chains, which come as a tree ([Group.Steps]) no
// bigger than those sources, O(the sources that reach the origin and
// their links) per origin: a claim of many sources each its own origin
// costs O(its sources) in all.
func (x *Index) Of(c claims.Claim) (Report, error) {
	g, err := x.carriers(c.Appearances)
	if err != nil {
		return Report{}, err
	}
	defer x.release()
	b := &x.scc
	b.origins(g)
	r := Report{Claim: c.ID, Appearances: len(c.Appearances)}

	// Describe each origin component once; order an appearance's origins
	// by their ID.
	origin := make(map[int32]Origin)
	group := make(map[int32]int)
	var own []int32
	listed := make([]bool, len(g.nodes)) // by local node: in r.Sources already
	for i, a := range c.Appearances {
		src := x.at[2*i]
		if !listed[src] {
			listed[src] = true
			r.Sources = append(r.Sources, a.Source)
		}
		own = append(own[:0], b.originsOf(src)...)
		for _, o := range own {
			if _, ok := origin[o]; !ok {
				origin[o] = x.origin(g, o)
			}
		}
		slices.SortFunc(own, func(p, q int32) int { return cmp.Compare(origin[p].Source, origin[q].Source) })
		for _, o := range own {
			j, ok := group[o]
			if !ok {
				j = len(r.Groups)
				group[o] = j
				r.Groups = append(r.Groups, Group{Origin: origin[o]})
			}
			r.Groups[j].Appearances = append(r.Groups[j].Appearances, i)
		}
	}
	// Chains: one search backwards from each origin serves every
	// appearance that reaches it.
	g.reverse()
	for o, j := range group {
		x.towards(g, o)
		gr := &r.Groups[j]
		gr.Starts = make([]int, len(gr.Appearances))
		for k, i := range gr.Appearances {
			gr.Starts[k] = x.steps(g, gr, x.at[2*i])
		}
		for _, v := range g.queue { // the nodes with a step are among those reached
			g.step[v] = -1
		}
	}
	r.Cycles = x.cycles(g)
	return r, nil
}

// steps adds to gr.Steps the sources on the trail from local node v to the
// origin set by towards that it does not have yet, and returns the step of
// v. The steps are added origin end first, so that a step's Next comes
// before it. g.step holds the step of each local node, -1 for none yet.
func (x *Index) steps(g *local, gr *Group, v int32) int {
	var trail []int32 // the nodes from v to the first one with a step, or to the origin
	u := v
	for ; g.step[u] < 0; u = g.next[u] {
		trail = append(trail, u)
		if g.next[u] < 0 {
			break
		}
	}
	for k := len(trail) - 1; k >= 0; k-- {
		u := trail[k]
		st := Step{Source: x.nodes[g.nodes[u]].id, Next: -1}
		if n := g.next[u]; n >= 0 {
			st.Link, st.Next = g.nkind[u], int(g.step[n])
		}
		g.step[u] = int32(len(gr.Steps))
		gr.Steps = append(gr.Steps, st)
	}
	return int(g.step[v])
}

// origin describes the terminal component o of the current local graph.
func (x *Index) origin(g *local, o int32) Origin {
	m := x.scc.membersOf(o)
	if x.scc.cyclic[o] {
		cy := x.cycle(g, o)
		nd := &x.nodes[g.nodes[m[x.stand(g, m)]]]
		return Origin{Source: nd.id, Kind: nd.kind, Class: Circular, Cycle: &cy}
	}
	nd := &x.nodes[g.nodes[m[0]]]
	o2 := Origin{Source: nd.id, Kind: nd.kind, Class: Unresolved}
	if nd.kind.Primary() {
		o2.Class = Primary
	}
	return o2
}

// first returns the position in m of the local node with the smallest ID.
func (x *Index) first(g *local, m []int32) int {
	if len(m) == 1 {
		return 0 // the common case, without reading the node's ID
	}
	best := 0
	for i, v := range m {
		if x.SourceID(g.nodes[v]) < x.SourceID(g.nodes[m[best]]) {
			best = i
		}
	}
	return best
}

// stand returns the position in m of the local node that stands for the
// component m as an origin: the one of least x.Rank, then of smallest ID;
// without Rank, [Index.first]'s.
func (x *Index) stand(g *local, m []int32) int {
	if x.Rank == nil || len(m) == 1 {
		return x.first(g, m)
	}
	best, rank := 0, x.Rank(x.SourceID(g.nodes[m[0]]))
	for i, v := range m[1:] {
		id := x.SourceID(g.nodes[v])
		r := x.Rank(id)
		if r < rank || r == rank && id < x.SourceID(g.nodes[m[best]]) {
			best, rank = i+1, r
		}
	}
	return best
}

// cycle describes the cyclic component k of the current local graph.
func (x *Index) cycle(g *local, k int32) Cycle {
	m := x.scc.membersOf(k)
	cy := Cycle{Sources: make([]string, len(m))}
	for i, v := range m {
		cy.Sources[i] = x.nodes[g.nodes[v]].id
	}
	slices.Sort(cy.Sources)
	start := m[x.first(g, m)]
	// Breadth-first from start inside the component: the first node met
	// with a link back to start closes a shortest loop.
	parent := map[int32]int32{start: -1}
	queue := []int32{start}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		for j := g.start[u]; j < g.start[u+1]; j++ {
			w := g.to[j]
			if x.scc.comp[w] != k {
				continue
			}
			if w == start {
				var rev []string
				for v := u; v >= 0; v = parent[v] {
					rev = append(rev, x.nodes[g.nodes[v]].id)
				}
				slices.Reverse(rev)
				cy.Loop = append(rev, cy.Sources[0])
				return cy
			}
			if _, seen := parent[w]; !seen {
				parent[w] = u
				queue = append(queue, w)
			}
		}
	}
	return cy // not reached: a cyclic component has a loop through each member
}

// cycles returns the cyclic components of the current local graph, by
// first ID.
func (x *Index) cycles(g *local) []Cycle {
	var out []Cycle
	for k := range int32(x.scc.count) {
		if x.scc.cyclic[k] {
			out = append(out, x.cycle(g, k))
		}
	}
	slices.SortFunc(out, func(a, b Cycle) int { return cmp.Compare(a.Sources[0], b.Sources[0]) })
	return out
}
