package evidence

import (
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
	// those it supports), the members of each, and the level of each
	// (see levels): a change is passed down a level at a time. A
	// silenced claim only removes supports, so a component of the
	// supports still lending is within one of these, and no level of
	// them is out of order.
	comp    []int32
	cstart  []int32
	members []int32
	level   []int32

	// queued[k] says component k waits to be weighed again, listed in
	// bucket[level[k]]; waiting counts them, and no level below low has
	// one.
	queued  []bool
	bucket  [][]int32
	waiting int
	low     int32

	// What claim u passes on to those it supports, kept up to date for
	// every claim that supports another (nil once it is silent): the
	// levels below a level are done when it is weighed, so that what it
	// reads stands still.
	made [][]int32
	flag []uint8

	ws []worker // one per goroutine weighing a level
}

// worker is the scratch of one goroutine of Silence, and what it found:
// the claims whose Weight or Capped changed, and those whose pass-on set
// did.
type worker struct {
	merger
	changed, moved []int32

	local  map[int32]int32 // claim -> position in a component's Lend
	lown   [][]int32
	ledges [][2]int32
}

// Silencer returns a Silencer of t, whose claims are numbered as in the
// view t was made from and of which none is silent yet; edges are the
// supports of that view, supporter first, as [Lend] takes them. It costs
// O(claims + supports), and reuses the components, levels and pass-on
// sets [Of] found when the components and levels order edges (they do
// when it lent through the same supports); otherwise it finds them
// again, in O(claims + supports × MaxLent). A table made without lending
// has none to change: its Silencer silences without weighing anything
// again.
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
	sup := t.sup
	t.sup = nil // taken over, or of no use: the table no longer holds it
	if sup != nil && orders(sup, edges) {
		s.comp, count, s.level = sup.comp, sup.count, sup.level
		s.cstart, s.members = csr.Group(count, s.comp)
		for u := range s.made {
			if s.start[u] < s.start[u+1] {
				s.made[u] = sup.out[s.comp[u]]
			}
		}
	} else {
		var b scc.Buf
		b.Components(s.start, s.to)
		s.comp, count = b.Comp, b.Count
		s.cstart, s.members = csr.Group(count, s.comp)
		s.level = levels(count, s.comp, s.cstart, s.members, s.start, s.to)
		var w worker
		for u := range int32(n) {
			if s.start[u] < s.start[u+1] {
				s.pass(&w, u)
			}
		}
	}
	s.queued = make([]bool, count)
	top := int32(-1)
	for _, l := range s.level {
		top = max(top, l)
	}
	s.bucket = make([][]int32, top+1)
	s.low = top + 1
	return s
}

// orders reports whether the components and levels of sup put each
// supporter of edges at or after the claim it supports, and, between
// components, at a lower level, as the Silencer needs.
func orders(sup *support, edges [][2]int32) bool {
	comp := sup.comp
	for _, e := range edges {
		if int(max(e[0], e[1])) >= len(comp) {
			return false
		}
		if a, b := comp[e[0]], comp[e[1]]; a < b || a > b && sup.level[a] >= sup.level[b] {
			return false
		}
	}
	return true
}

// Silent reports whether claim i is silent.
func (s *Silencer) Silent(i int32) bool { return s.flag[i]&mute != 0 }

// Silence makes the claims given silent (those already silent are
// skipped), weighs again the claims whose lent origins it changes, and
// returns those among them whose Weight or Capped changed; the Table's
// Evidence, Lent and lent origins of every claim are then those [Of]
// gives with every silent claim in Options.Silent.
//
// It walks down the supports from the claims silenced, a level of
// components at a time, and stops where the set of origins a claim
// passes on is unchanged: O(Σ (1 + supports) × MaxLent) over the
// components it weighs again, a whole component of support weighed again
// when one of its members changes, and O(levels) to find them. A level
// of more than a few dozen components to weigh is split between up to
// one goroutine per processor; the result, in the order of the claims
// changed too, is the same as on one.
func (s *Silencer) Silence(claims []int32) []int32 {
	for _, c := range claims {
		if s.flag[c]&mute != 0 {
			continue
		}
		s.flag[c] |= mute
		if s.start != nil {
			s.made[c] = nil // it passes on nothing
			s.push(s.to[s.start[c]:s.start[c+1]])
		}
	}
	var changed []int32
	for ; s.waiting > 0; s.low++ {
		ks := s.bucket[s.low]
		if len(ks) == 0 {
			continue
		}
		count := spread(&s.ws, ks, s.visit)
		for p := range count {
			w := &s.ws[p]
			changed = append(changed, w.changed...)
			for _, x := range w.moved {
				s.push(s.to[s.start[x]:s.start[x+1]])
			}
			w.changed, w.moved = w.changed[:0], w.moved[:0]
		}
		// Not before: a member of a cycle passes a change on to the
		// others, which are weighed already.
		for _, k := range ks {
			s.queued[k] = false
		}
		s.waiting -= len(ks)
		s.bucket[s.low] = ks[:0]
	}
	return changed
}

// visit weighs component k again, with w's scratch.
func (s *Silencer) visit(w *worker, k int32) {
	if mem := s.members[s.cstart[k]:s.cstart[k+1]]; len(mem) == 1 {
		s.single(w, mem[0])
	} else {
		s.cycle(w, mem)
	}
}

// pass sets what claim u passes on to those it supports: the origins
// that reach it and its own, less any past MaxLent (reach[u] itself when
// that holds them all).
func (s *Silencer) pass(w *worker, u int32) {
	r, own := s.t.reach[u], s.t.own.of(u)
	if !adds(r, own) {
		s.made[u] = r
		s.flag[u] &^= passMine
		return
	}
	w.tmp = mergeInto(w.tmp[:0], r, own)
	s.made[u] = keep(w, s.made[u], s.flag[u]&passMine != 0, w.tmp)
	s.flag[u] |= passMine
}

// The flags of a claim: what it passes on is stored for it alone (not
// its reach), and so is its reach (not Lend's, which the members of a
// component share): a set stored for one claim alone is written over
// when the next fits in it, since nothing reads it after it is replaced;
// it is silent.
const (
	passMine uint8 = 1 << iota
	reachMine
	mute
)

// keep returns set stored: in old when mine says old is stored for one
// claim alone and set fits in it, else cut from w's pool.
func keep(w *worker, old []int32, mine bool, set []int32) []int32 {
	if mine && cap(old) >= len(set) {
		return append(old[:0], set...)
	}
	return w.store(set)
}

// single weighs again the claim x, a component of its own: what reaches
// it is the union of what its supporters still lending pass on.
func (s *Silencer) single(w *worker, x int32) {
	// in is what reaches x so far: the set of the first supporter
	// (borrowed, not copied), then merged into cur or spare, whichever
	// it is not.
	var in []int32
	cur, spare := w.cur[:0], w.spare[:0]
	for _, u := range s.by[s.byStart[x]:s.byStart[x+1]] {
		switch p := s.made[u]; { // nil for a silent supporter
		case len(p) == 0:
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
	w.cur, w.spare = cur, spare
	s.set(w, x, in)
}

// set makes r the origins that reach claim x, when they differ from
// those that did, weighs x again, and notes in w whether what it passes
// on and its Weight or Capped moved.
func (s *Silencer) set(w *worker, x int32, r []int32) {
	if slices.Equal(r, s.t.reach[x]) {
		return
	}
	s.t.reach[x] = keep(w, s.t.reach[x], s.flag[x]&reachMine != 0, r)
	s.flag[x] |= reachMine
	if s.flag[x]&mute == 0 && s.start[x] < s.start[x+1] {
		s.pass(w, x)
		w.moved = append(w.moved, x)
	}
	old := s.t.ev[x]
	s.t.weigh(x)
	if e := s.t.ev[x]; e.Weight != old.Weight || e.Capped != old.Capped {
		w.changed = append(w.changed, x)
	}
}

// cycle weighs again the members mem of a component, on a cycle of
// support before any was silenced: [Lend] over the members and the
// supports between them still lending, each supporter from outside
// standing in as a claim whose own origins are what it passes on.
func (s *Silencer) cycle(w *worker, mem []int32) {
	if w.local == nil {
		w.local = make(map[int32]int32)
	}
	clear(w.local)
	w.lown, w.ledges = w.lown[:0], w.ledges[:0]
	for _, m := range mem {
		w.local[m] = int32(len(w.lown))
		w.lown = append(w.lown, s.t.own.of(m))
	}
	for _, m := range mem {
		for _, u := range s.by[s.byStart[m]:s.byStart[m+1]] {
			if s.flag[u]&mute != 0 {
				continue
			}
			l, ok := w.local[u]
			if !ok {
				l = int32(len(w.lown))
				w.local[u] = l
				w.lown = append(w.lown, s.made[u])
			}
			w.ledges = append(w.ledges, [2]int32{l, w.local[m]})
		}
	}
	reach := Lend(len(w.lown), w.ledges, func(i int32) []int32 { return w.lown[i] })
	for _, m := range mem {
		s.set(w, m, reach[w.local[m]])
	}
}

// push queues the components of the claims given, but for those queued.
func (s *Silencer) push(claims []int32) {
	for _, c := range claims {
		k := s.comp[c]
		if s.queued[k] {
			continue
		}
		s.queued[k] = true
		l := s.level[k]
		s.bucket[l] = append(s.bucket[l], k)
		s.waiting++
		s.low = min(s.low, l)
	}
}
