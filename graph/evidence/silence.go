package evidence

import (
	"math/bits"
	"slices"

	"github.com/claimgraph/claimgraph/graph/internal/csr"
	"github.com/claimgraph/claimgraph/graph/internal/scc"
)

// Silencer silences claims of a [Table] a few at a time, as
// [Options.Silent] would, and weighs again only the claims whose lent
// origins silencing can change: package graph/verdict silences the claims
// each round of its labelling rejects, and a round after the first
// changes the evidence of a few claims below them, not of the whole
// graph. It changes the Table it was made from, which must not be read
// by another goroutine meanwhile.
type Silencer struct {
	t       *Table
	start   []int32 // the supports of claim i go to to[start[i]:start[i+1]]
	to      []int32
	byStart []int32 // the supporters of claim i are by[byStart[i]:byStart[i+1]]
	by      []int32

	// The strongly connected components of all the supports, silent or
	// not, numbered by Tarjan's algorithm (a supporter's component after
	// those it supports), and the members of each: the order a change
	// is passed down in. A silenced claim only removes supports, so a
	// component of the supports still lending is within one of these.
	comp    []int32
	cstart  []int32
	members []int32

	// queued has bit k%64 of word k/64 set when component k waits to be
	// weighed again; waiting counts them, and no word above hi has a bit
	// set. A component passes changes only to lower ones, so the highest
	// queued is found by a scan down from hi that never turns back up
	// within a call of Silence, but for the claims silenced.
	queued  []uint64
	waiting int
	hi      int
	pool    []int32 // the array new sets are stored in
	cur     []int32 // scratch for merging
	spare   []int32
	tmp     []int32 // scratch for passes

	// What claim u passes on, when flag[u]&known: built when first
	// asked for since its origins last changed.
	made [][]int32
	flag []uint8

	local  map[int32]int32 // claim -> position in a component's Lend
	lown   [][]int32
	ledges [][2]int32
}

// Silencer returns a Silencer of t, whose claims are numbered as in the
// view t was made from and of which none is silent yet; edges are the
// supports of that view, supporter first, as [Lend] takes them. It costs
// O(claims + supports), and reuses the components [Of] found when they
// order edges. A table made without lending has none to change: its
// Silencer silences without weighing anything again.
func (t *Table) Silencer(edges [][2]int32) *Silencer {
	n := len(t.ids)
	s := &Silencer{t: t, flag: make([]uint8, n)}
	if t.reach == nil {
		return s
	}
	s.start = make([]int32, n+1)
	s.byStart = make([]int32, n+1)
	m := 0
	for _, e := range edges {
		if e[0] != e[1] {
			s.start[e[0]+1]++
			s.byStart[e[1]+1]++
			m++
		}
	}
	fill, byFill := csr.Starts(s.start), csr.Starts(s.byStart)
	s.to, s.by = make([]int32, m), make([]int32, m)
	for _, e := range edges {
		if e[0] != e[1] {
			s.to[fill[e[0]]] = e[1]
			fill[e[0]]++
			s.by[byFill[e[1]]] = e[0]
			byFill[e[1]]++
		}
	}
	s.made = make([][]int32, n)
	count := 0
	if sup := t.sup; sup != nil && orders(sup.comp, edges) {
		t.sup = nil // taken over: the table no longer holds it
		s.comp, count = sup.comp, sup.count
	} else {
		var b scc.Buf
		b.Components(s.start, s.to)
		s.comp, count = b.Comp, b.Count
	}
	s.cstart, s.members = csr.Group(count, s.comp)
	s.queued = make([]uint64, (count+63)/64)
	return s
}

// orders reports whether the numbering of components comp puts each
// supporter of edges at or after the claim it supports, as the Silencer
// needs: then the components [Of] found serve (they do when it lent
// through the same supports).
func orders(comp []int32, edges [][2]int32) bool {
	for _, e := range edges {
		if int(max(e[0], e[1])) >= len(comp) || comp[e[0]] < comp[e[1]] {
			return false
		}
	}
	return true
}

// Silent reports whether claim i is silent.
func (s *Silencer) Silent(i int32) bool { return s.flag[i]&mute != 0 }

// Silence makes the claims given silent (those already silent are
// skipped), weighs again the claims whose lent origins it changes, and
// returns those among them whose Weight or Capped changed, in no
// particular order; the Table's Evidence, Lent and lent origins of every
// claim are then those [Of] gives with every silent claim in
// Options.Silent.
//
// It walks down the supports from the claims silenced, a component at a
// time in the order [Lend] does, and stops where the set of origins a
// claim passes on is unchanged: O(Σ (1 + supports) × MaxLent) over the
// components it weighs again, a whole component of support weighed again
// when one of its members changes, and O(components / 64) to find them.
func (s *Silencer) Silence(claims []int32) []int32 {
	var changed []int32
	for _, c := range claims {
		if s.flag[c]&mute != 0 {
			continue
		}
		s.flag[c] |= mute
		if s.start != nil {
			s.push(s.to[s.start[c]:s.start[c+1]])
		}
	}
	for s.waiting > 0 {
		k := s.top()
		mem := s.members[s.cstart[k]:s.cstart[k+1]]
		if len(mem) == 1 {
			changed = s.single(mem[0], changed)
		} else {
			changed = s.cycle(mem, changed)
		}
		// Not before: a member passes a change on to the others.
		s.queued[k/64] &^= 1 << (k % 64)
		s.waiting--
	}
	return changed
}

// passes returns what claim u passes on to those it supports: the
// origins that reach it and its own, less any past MaxLent (reach[u]
// itself when that holds them all). It is built when first asked for
// after u's origins changed, and kept for the others u supports and the
// calls after: it is asked for only once u is weighed (a supporter's
// component comes first).
func (s *Silencer) passes(u int32) []int32 {
	f := s.flag[u]
	if f&known != 0 {
		return s.made[u]
	}
	r, own := s.t.reach[u], s.t.own.of(u)
	p := r
	f &^= passMine
	if adds(r, own) {
		s.tmp = mergeInto(s.tmp[:0], r, own)
		p, f = s.keep(s.made[u], s.flag[u]&passMine != 0, s.tmp), f|passMine
	}
	s.made[u], s.flag[u] = p, f|known
	return p
}

// The flags of a claim: what it passes on is known; that set is stored
// for it alone (not its reach), and so is its reach (not Lend's, which
// the members of a component share): a set stored for one claim alone
// is written over when the next fits in it, since nothing reads it after
// it is replaced; it is silent. (Whether a supporter is silent and what
// it passes on are read together: one byte, one cache line.)
const (
	known uint8 = 1 << iota
	passMine
	reachMine
	mute
)

// keep returns set stored: in old when mine says old is stored for one
// claim alone and set fits in it, else cut from s.pool.
func (s *Silencer) keep(old []int32, mine bool, set []int32) []int32 {
	if mine && cap(old) >= len(set) {
		return append(old[:0], set...)
	}
	return s.store(set)
}

// single weighs again the claim x, a component of its own: what reaches
// it is the union of what its supporters still lending pass on.
func (s *Silencer) single(x int32, changed []int32) []int32 {
	// in is what reaches x so far: the set of the first supporter
	// (borrowed, not copied), then merged into cur or spare, whichever
	// it is not.
	var in []int32
	cur, spare := s.cur[:0], s.spare[:0]
	for _, u := range s.by[s.byStart[x]:s.byStart[x+1]] {
		if s.flag[u]&mute != 0 {
			continue
		}
		p := s.passes(u)
		switch {
		case len(in) == 0:
			in = p
		case adds(in, p):
			if len(cur) > 0 && &in[0] == &cur[:1][0] {
				cur, spare = spare, cur
			}
			cur = mergeInto(cur[:0], in, p)
			in = cur
		}
	}
	s.cur, s.spare = cur, spare
	return s.set(x, in, changed)
}

// set makes r the origins that reach claim x, when they differ from
// those that did, weighs x again, passes the change on to the claims it
// supports, and adds x to changed when its Weight or Capped moved.
func (s *Silencer) set(x int32, r []int32, changed []int32) []int32 {
	if slices.Equal(r, s.t.reach[x]) {
		return changed
	}
	s.t.reach[x] = s.keep(s.t.reach[x], s.flag[x]&reachMine != 0, r)
	s.flag[x] = s.flag[x]&^known | reachMine
	if s.flag[x]&mute == 0 {
		s.push(s.to[s.start[x]:s.start[x+1]])
	}
	old := s.t.ev[x]
	s.t.weigh(x)
	if e := s.t.ev[x]; e.Weight != old.Weight || e.Capped != old.Capped {
		changed = append(changed, x)
	}
	return changed
}

// cycle weighs again the members mem of a component, on a cycle of
// support before any was silenced: [Lend] over the members and the
// supports between them still lending, each supporter from outside
// standing in as a claim whose own origins are what it passes on.
func (s *Silencer) cycle(mem []int32, changed []int32) []int32 {
	if s.local == nil {
		s.local = make(map[int32]int32)
	}
	clear(s.local)
	s.lown, s.ledges = s.lown[:0], s.ledges[:0]
	for _, m := range mem {
		s.local[m] = int32(len(s.lown))
		s.lown = append(s.lown, s.t.own.of(m))
	}
	for _, m := range mem {
		for _, u := range s.by[s.byStart[m]:s.byStart[m+1]] {
			if s.flag[u]&mute != 0 {
				continue
			}
			l, ok := s.local[u]
			if !ok {
				l = int32(len(s.lown))
				s.local[u] = l
				s.lown = append(s.lown, s.passes(u))
			}
			s.ledges = append(s.ledges, [2]int32{l, s.local[m]})
		}
	}
	reach := Lend(len(s.lown), s.ledges, func(i int32) []int32 { return s.lown[i] })
	for _, m := range mem {
		changed = s.set(m, reach[s.local[m]], changed)
	}
	return changed
}

// store returns a copy of set cut from s.pool.
func (s *Silencer) store(set []int32) []int32 {
	if len(set) == 0 {
		return nil
	}
	if cap(s.pool)-len(s.pool) < len(set) {
		s.pool = make([]int32, 0, max(1<<14, len(set)))
	}
	lo := len(s.pool)
	s.pool = append(s.pool, set...)
	return s.pool[lo:len(s.pool):len(s.pool)]
}

// push queues the components of the claims given, but for those queued.
func (s *Silencer) push(claims []int32) {
	for _, c := range claims {
		k := s.comp[c]
		w, bit := int(k/64), uint64(1)<<(k%64)
		if s.queued[w]&bit != 0 {
			continue
		}
		s.queued[w] |= bit
		s.waiting++
		s.hi = max(s.hi, w)
	}
}

// top returns the highest component queued, leaving it queued; one
// must be.
func (s *Silencer) top() int32 {
	for s.queued[s.hi] == 0 {
		s.hi--
	}
	return int32(s.hi*64 + bits.Len64(s.queued[s.hi]) - 1)
}
