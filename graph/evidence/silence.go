package evidence

import (
	"math"
	"math/bits"
	"slices"

	"github.com/claimgraph/claimgraph/graph/internal/csr"
	"github.com/claimgraph/claimgraph/graph/internal/parts"
	"github.com/claimgraph/claimgraph/graph/internal/prefetch"
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
	t *Table

	// The Silencer numbers the claims apart, by position: claim id[p]
	// is at position p, and claim c at pos[c]. Positions go by level of
	// support (see levels), a component's members next to each other,
	// so that the claims one level weighs, and those the next reads,
	// lie near each other in memory. Without lending pos is nil and a
	// position is the claim's number.
	id, pos []int32
	start   []int32 // the supports of position p go to positions to[start[p]:start[p+1]]
	to      []int32
	byStart []int32 // the supporters of position p are the lenders by[byStart[p]:byStart[p+1]]
	by      []int32

	// The strongly connected components of all the supports, silent or
	// not, numbered by level: component k has the positions
	// cstart[k] to cstart[k+1]−1 and level level[k], and those of level
	// l are lstart[l] to lstart[l+1]−1. A silenced claim only removes
	// supports, so a component of the supports still lending is within
	// one of these, and no level of them is out of order.
	comp   []int32 // of each position
	cstart []int32
	level  []int32
	lstart []int32

	// queued has bit k%64 of word k/64 set when component k waits to be
	// weighed again; waiting counts them, and no level below low has
	// one.
	queued  []uint64
	waiting int
	low     int32
	ks      []int32 // the components of a level being weighed

	// What each claim that supports another passes on to those it
	// supports, kept up to date (empty once it is silent): the levels
	// below a level are done when it is weighed, so that what it reads
	// stands still. The claims that support another are numbered apart,
	// as lenders: lender l is at position lpos[l], the claim at position
	// p is lender[p] (−1 for none), and what lender l passes on is held
	// in place, in row l of rows, a row of 1 + MaxLent: its length, then
	// the set. A claim weighed reads each supporter's length, first
	// origin and the set itself from one place, where three arrays
	// apart cost three misses of the cache.
	lender, lpos []int32
	rows         []int32
	// tau is the last (largest) origin of what reaches the claim at
	// position p when that holds MaxLent origins, else none: a change of
	// what a supporter passes on that begins above it cannot change the
	// claim's set, which holds the MaxLent smallest (see differ).
	tau  []int32
	flag []uint8 // by position

	// The claims' own origins and what they weigh, and their evidence
	// as last weighed, by position as well, so that a level weighed
	// reads them in order rather than all over the table's: the table's
	// Evidence is written only where it moves.
	own  sets
	ownW []float64
	ev   []weighed

	ws []worker // one per goroutine weighing a level
}

// weighed is what the Silencer keeps of a claim's Evidence.
type weighed struct {
	weight float64
	lent   int32
	capped bool
}

// worker is the scratch of one goroutine of Silence, and what it found:
// the claims whose Weight or Capped changed, and the components of the
// claims supported by those whose pass-on set did, to weigh next.
type worker struct {
	merger
	changed, next []int32

	local  map[int32]int32 // position -> position in a component's Lend
	lown   [][]int32
	ledges [][2]int32
}

// Silencer returns a Silencer of t, whose claims are numbered as in the
// view t was made from and of which none is silent yet (t is made
// without [Options.Silent]); edges are the supports of that view,
// supporter first, as [Lend] takes them (a pair out of range is left
// out). It costs O(claims + supports + their own origins) time, the claims
// taken on all processors, and memory besides 4 × (1 + MaxLent) bytes
// for each claim that supports another (what it passes on, held in
// place), and reuses the components, levels and
// pass-on sets [Of] found when the components and levels order edges
// (they do when it lent through the same supports); otherwise it finds
// them again, in O(claims + supports × MaxLent). A table made without
// lending has none to change: its Silencer silences without weighing
// anything again.
func (t *Table) Silencer(edges [][2]int32) *Silencer {
	if t.reach == nil {
		return &Silencer{t: t, flag: make([]uint8, len(t.ids))}
	}
	sup := t.sup
	t.sup = nil // taken over, or of no use: the table no longer holds it
	s, reused := layout(len(t.ids), edges, sup)
	var passed func(c int32) []int32
	if reused {
		passed = func(c int32) []int32 { return sup.out[sup.comp[c]] }
	}
	s.bind(t, passed)
	return s
}

// layout returns a Silencer of n claims with the supports edges, its
// claims placed and numbered, with room for what it weighs, and no
// table yet (see bind): the components and levels are sup's when they
// order edges (reused), and found again otherwise. It reads nothing of
// a table, so that [Silenced] makes it beside the origins.
func layout(n int, edges [][2]int32, sup *support) (s *Silencer, reused bool) {
	s = &Silencer{flag: make([]uint8, n)}
	kept := make([][2]int32, 0, len(edges))
	for _, e := range edges {
		if e[0] != e[1] && uint32(e[0]) < uint32(n) && uint32(e[1]) < uint32(n) {
			kept = append(kept, e)
		}
	}
	// The components and their levels, numbered as Tarjan's algorithm
	// does, then by level.
	var comp, level []int32
	count := 0
	if sup != nil && orders(sup, kept) {
		comp, count, level = sup.comp, sup.count, sup.level
		reused = true
	} else {
		start, to := forward(n, kept)
		var b scc.Buf
		b.Components(start, to)
		comp, count = b.Comp, b.Count
		cs, mem := csr.Group(count, comp)
		level = levels(count, comp, cs, mem, start, to)
	}
	lstart, list := byLevel(level)
	cs, mem := csr.Group(count, comp)
	s.lstart, s.level, s.cstart = lstart, make([]int32, count), make([]int32, count+1)
	s.id, s.pos, s.comp = make([]int32, 0, n), make([]int32, n), make([]int32, n)
	for k, c := range list {
		s.cstart[k], s.level[k] = int32(len(s.id)), level[c]
		for _, m := range mem[cs[c]:cs[c+1]] {
			s.pos[m], s.comp[len(s.id)] = int32(len(s.id)), int32(k)
			s.id = append(s.id, m)
		}
	}
	s.cstart[count] = int32(n)
	for i, e := range kept {
		kept[i] = [2]int32{s.pos[e[0]], s.pos[e[1]]}
	}
	s.start, s.to = forward(n, kept)
	s.byStart, s.by = forward(n, swapped(kept))
	s.lender = make([]int32, n)
	for p := range n {
		s.lender[p] = -1
		if s.start[p] < s.start[p+1] {
			s.lender[p] = int32(len(s.lpos))
			s.lpos = append(s.lpos, int32(p))
		}
	}
	for i, p := range s.by {
		s.by[i] = s.lender[p]
	}
	s.rows = make([]int32, len(s.lpos)*row)
	s.tau = make([]int32, n)
	s.ownW, s.ev = make([]float64, n), make([]weighed, n)
	s.own.start = make([]int32, n+1)
	s.queued = make([]uint64, (count+63)/64)
	s.low = int32(len(lstart) - 1)
	return s, reused
}

// bind makes s, from layout, a Silencer of t: what reaches each claim,
// by position from now on, its own origins and its evidence, and what
// each claim that supports another passes on: passed(c), what claim c's
// component passes on when Lend found the components, or worked out
// (passed nil, or empty).
func (s *Silencer) bind(t *Table, passed func(c int32) []int32) {
	n := len(s.id)
	s.t = t
	// What reaches each claim, by position from now on, and the
	// number of its own origins: the claims are read all over the
	// table, so on all processors.
	byPos := make([][]int32, n)
	parts.Run(n, 1<<12, func(lo, hi int) {
		for p := lo; p < hi; p++ {
			c := s.id[p]
			switch {
			case t.reach == nil: // Silenced's table, lent nothing yet
			case t.at != nil: // in the order of a Silencer before this one
				byPos[p] = t.reach[t.at[c]]
			default:
				byPos[p] = t.reach[c]
			}
			s.own.start[p+1] = t.own.start[c+1] - t.own.start[c]
		}
	})
	csr.Prefix(s.own.start)
	s.own.items = make([]int32, s.own.start[n])
	t.reach, t.at = byPos, s.pos
	// Each position apart: on all processors, each with a worker of
	// its own (which Silence uses again).
	s.ws = make([]worker, parts.Count(n, 1<<12))
	parts.Split(n, len(s.ws), func(part, lo, hi int) {
		w := &s.ws[part]
		for p := int32(lo); p < int32(hi); p++ {
			c := s.id[p]
			mine := t.own.of(c)
			copy(s.own.items[s.own.start[p]:], mine)
			s.ownW[p], _ = t.weight(mine, nil)
			e := t.ev[c]
			s.ev[p] = weighed{e.Weight, int32(e.Lent), e.Capped}
			s.tau[p] = last(t.reach[p])
			switch {
			case s.start[p] == s.start[p+1]:
			case passed != nil && len(passed(c)) > 0:
				s.passes(s.lender[p], passed(c))
			default:
				// Of keeps what a component passes on only when it
				// supports another: the members of a cycle of support
				// that supports nothing else still lend to each other.
				s.pass(w, p)
			}
		}
	})
}

// forward returns the edges from each of n vertices: those of vertex i
// go to to[start[i]:start[i+1]], in the order of edges.
func forward(n int, edges [][2]int32) (start, to []int32) {
	start = make([]int32, n+1)
	for _, e := range edges {
		start[e[0]+1]++
	}
	fill := csr.Starts(start)
	to = make([]int32, len(edges))
	for _, e := range edges {
		to[fill[e[0]]] = e[1]
		fill[e[0]]++
	}
	return start, to
}

// swapped turns each edge of edges around, in place, and returns edges.
func swapped(edges [][2]int32) [][2]int32 {
	for i, e := range edges {
		edges[i] = [2]int32{e[1], e[0]}
	}
	return edges
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
func (s *Silencer) Silent(i int32) bool { return s.flag[s.at(i)]&mute != 0 }

// at returns the position of claim c.
func (s *Silencer) at(c int32) int32 {
	if s.pos == nil {
		return c
	}
	return s.pos[c]
}

// Silence makes the claims given silent (those already silent are
// skipped), weighs again the claims whose lent origins it changes, and
// returns those among them whose Weight or Capped changed; the Table's
// Evidence, Lent and lent origins of every claim are then those [Of]
// gives with every silent claim in Options.Silent.
//
// It walks down the supports from the claims silenced, a level of
// components at a time, and stops where the set of origins a claim
// passes on is unchanged, and at a claim whose set is full when what a
// supporter passes on changed only above its largest origin (the
// MaxLent smallest that reach it stand): O(Σ (1 + supports) × MaxLent) over the
// components it weighs again, a whole component of support weighed again
// when one of its members changes, and O(components / 64) to find them
// (the levels with none to weigh are skipped). A level of 128
// components or more to weigh (two parts of minPart) is split between
// up to one goroutine per processor; the result, in the order of the
// claims changed too, is the same as on one.
func (s *Silencer) Silence(claims []int32) []int32 {
	for _, c := range claims {
		p := s.at(c)
		if s.flag[p]&mute != 0 {
			continue
		}
		s.flag[p] |= mute
		if s.start != nil && s.lender[p] >= 0 {
			if d := differ(s.made(s.lender[p]), nil); d != none {
				s.passes(s.lender[p], nil) // it passes on nothing
				s.push(s.to[s.start[p]:s.start[p+1]], d)
			}
		}
	}
	return s.walk(nil)
}

// walk weighs the components queued, a level at a time from s.low, and
// appends to changed the claims whose Weight or Capped moved.
func (s *Silencer) walk(changed []int32) []int32 {
	for ; s.waiting > 0; s.low++ {
		s.low = s.first(s.low)
		ks := s.gather(s.low)
		count := spreadParts(&s.ws, ks, s.visitAll)
		for p := range count {
			w := &s.ws[p]
			changed = append(changed, w.changed...)
			for _, k := range w.next {
				s.queue(k)
			}
			w.changed, w.next = w.changed[:0], w.next[:0]
		}
		// Not before: a member of a cycle passes a change on to the
		// others, which are weighed already.
		for _, k := range ks {
			s.queued[k/64] &^= 1 << (k % 64)
		}
		s.waiting -= len(ks)
	}
	return changed
}

// first returns the level of the first component queued at level l or
// above, by the bits of s.queued (the components are numbered by level):
// the levels between with none queued are skipped, not visited one by
// one, so that a change passed from a claim to one many levels below
// costs no step per level between. There must be one queued.
func (s *Silencer) first(l int32) int32 {
	k := s.lstart[l]
	for {
		if b := s.queued[k/64] >> (k % 64); b != 0 {
			return s.level[k+int32(bits.TrailingZeros64(b))]
		}
		k = (k/64 + 1) * 64
	}
}

// gather returns the components of level l queued, in order, in s.ks.
func (s *Silencer) gather(l int32) []int32 {
	ks := s.ks[:0]
	hi := s.lstart[l+1]
	for k := s.lstart[l]; k < hi; {
		b := s.queued[k/64] >> (k % 64)
		if b == 0 {
			k = (k/64 + 1) * 64
			continue
		}
		if k += int32(bits.TrailingZeros64(b)); k < hi {
			ks = append(ks, k)
		}
		k++
	}
	s.ks = ks
	return ks
}

// ahead is how many components ahead of the one it weighs visitAll
// asks for the rows their supporters pass on.
const ahead = 2

// visitAll weighs the components of part again, in order, with w's
// scratch, asking ahead for the rows of the supporters of those to
// come: each row is read from memory the caches do not hold, and the
// reads of one component would otherwise wait for each other.
func (s *Silencer) visitAll(w *worker, part []int32) {
	for i, k := range part {
		if i+ahead < len(part) {
			s.prefetch(part[i+ahead])
		}
		s.visit(w, k)
	}
}

// prefetch asks for the rows of the supporters of component k.
func (s *Silencer) prefetch(k int32) {
	for x := s.cstart[k]; x < s.cstart[k+1]; x++ {
		for _, u := range s.by[s.byStart[x]:s.byStart[x+1]] {
			prefetch.Row(&s.rows[u*row])
		}
	}
}

// visit weighs component k again, with w's scratch.
func (s *Silencer) visit(w *worker, k int32) {
	if lo, hi := s.cstart[k], s.cstart[k+1]; hi-lo == 1 {
		s.single(w, lo)
	} else {
		s.cycle(w, lo, hi)
	}
}

// pass sets what the claim at position x, which supports another,
// passes on to those it supports: the origins that reach it and its
// own, less any past MaxLent. It returns the smallest origin by which
// the new set differs from the one it passed on before (see differ).
func (s *Silencer) pass(w *worker, x int32) int32 {
	r, own := s.t.reach[x], s.own.of(x)
	if adds(r, own) {
		w.tmp = mergeInto(w.tmp[:0], r, own)
		r = w.tmp
	}
	l := s.lender[x]
	d := differ(s.made(l), r)
	if d != none {
		s.passes(l, r)
	}
	return d
}

// differ returns the smallest origin in one of the sorted sets a and b
// and not the other, or none when they are equal. A claim whose set
// holds the MaxLent smallest origins of those its supporters pass on,
// the largest being tau, keeps it when a supporter's set changes only
// above tau: the origins up to tau that reach it are the same.
func differ(a, b []int32) int32 {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			i++
			j++
		case a[i] < b[j]:
			return a[i]
		default:
			return b[j]
		}
	}
	switch {
	case i < len(a):
		return a[i]
	case j < len(b):
		return b[j]
	}
	return none
}

// last returns the largest origin of the sorted set r when it holds
// MaxLent, else none.
func last(r []int32) int32 {
	if len(r) < MaxLent {
		return none
	}
	return r[len(r)-1]
}

// none is the head of an empty set: above any origin.
const none = math.MaxInt32

// row is the length of a row of Silencer.rows: a set's length, then
// room for MaxLent origins.
const row = 1 + MaxLent

// made returns what lender l passes on, in place.
func (s *Silencer) made(l int32) []int32 {
	r := s.rows[l*row : (l+1)*row]
	return r[1 : 1+r[0]]
}

// head returns the first origin of what lender l passes on, or none
// when it passes on nothing, from the row alone.
func (s *Silencer) head(l int32) int32 {
	if r := s.rows[l*row : l*row+2]; r[0] > 0 {
		return r[1]
	}
	return none
}

// passes makes set what lender l passes on, copied into its row.
func (s *Silencer) passes(l int32, set []int32) {
	r := s.rows[l*row : (l+1)*row]
	r[0] = int32(copy(r[1:], set))
}

// The flags of a claim: its reach is stored for it alone (not Lend's,
// which the members of a component share), so that it is written over
// when the next fits in it, since nothing reads it after it is replaced;
// it is silent.
const (
	reachMine uint8 = 1 << iota
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

// single weighs again the claim at position x, a component of its own:
// what reaches it is the union of what its supporters still lending pass
// on.
func (s *Silencer) single(w *worker, x int32) {
	// in is what reaches x so far: the set of the first supporter
	// (borrowed, not copied), then merged into cur or spare, whichever
	// it is not.
	var in []int32
	cur, spare := w.cur[:0], w.spare[:0]
	for _, u := range s.by[s.byStart[x]:s.byStart[x+1]] {
		// As adds, by the head alone: nothing to add when u passes on
		// nothing (it is silent, or nothing reaches it and it has no
		// origin of its own), or in is full and u's set begins after it.
		if !addsFrom(in, s.head(u)) {
			continue
		}
		switch p := s.made(u); {
		case len(in) == 0:
			in = p
		case !same(in, p): // the head above stood for adds
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

// set makes r the origins that reach the claim at position x, when they
// differ from those that did, weighs it again, and notes in w whether
// what it passes on and its Weight or Capped moved.
func (s *Silencer) set(w *worker, x int32, r []int32) {
	if slices.Equal(r, s.t.reach[x]) {
		return
	}
	s.t.reach[x] = keep(w, s.t.reach[x], s.flag[x]&reachMine != 0, r)
	s.tau[x] = last(r)
	s.flag[x] |= reachMine
	if s.flag[x]&mute == 0 && s.lender[x] >= 0 {
		if d := s.pass(w, x); d != none {
			for _, y := range s.to[s.start[x]:s.start[x+1]] {
				if d <= s.tau[y] {
					w.next = append(w.next, s.comp[y])
				}
			}
		}
	}
	s.weigh(w, x, r)
}

// weigh weighs the claim at position x again, as [Table.weigh] does,
// with r what reaches it, and notes it in w when its Weight or Capped
// moved.
func (s *Silencer) weigh(w *worker, x int32, r []int32) {
	e := s.t.weighs(s.ownW[x], r, s.own.of(x))
	was := s.ev[x]
	if e == was {
		return
	}
	s.ev[x] = e
	c := s.id[x]
	te := &s.t.ev[c]
	te.Weight, te.Lent, te.Capped = e.weight, int(e.lent), e.capped
	if e.weight != was.weight || e.capped != was.capped {
		w.changed = append(w.changed, c)
	}
}

// cycle weighs again the members of a component, at positions lo to
// hi−1, on a cycle of support before any was silenced: [Lend] over the
// members and the supports between them still lending, each supporter
// from outside standing in as a claim whose own origins are what it
// passes on.
func (s *Silencer) cycle(w *worker, lo, hi int32) {
	if w.local == nil {
		w.local = make(map[int32]int32)
	}
	clear(w.local)
	w.lown, w.ledges = w.lown[:0], w.ledges[:0]
	// Keyed by lender: every member supports another member.
	for m := lo; m < hi; m++ {
		w.local[s.lender[m]] = int32(len(w.lown))
		w.lown = append(w.lown, s.own.of(m))
	}
	for m := lo; m < hi; m++ {
		for _, u := range s.by[s.byStart[m]:s.byStart[m+1]] {
			if s.flag[s.lpos[u]]&mute != 0 {
				continue
			}
			l, ok := w.local[u]
			if !ok {
				l = int32(len(w.lown))
				w.local[u] = l
				w.lown = append(w.lown, s.made(u))
			}
			w.ledges = append(w.ledges, [2]int32{l, w.local[s.lender[m]]})
		}
	}
	reach := Lend(len(w.lown), w.ledges, func(i int32) []int32 { return w.lown[i] })
	for m := lo; m < hi; m++ {
		s.set(w, m, reach[w.local[s.lender[m]]])
	}
}

// push queues the components of the positions given whose sets a change
// from origin d on may change (see differ), but for those queued, and
// lowers s.low to the lowest of their levels.
func (s *Silencer) push(at []int32, d int32) {
	for _, p := range at {
		if d > s.tau[p] {
			continue
		}
		k := s.comp[p]
		if s.queue(k) {
			s.low = min(s.low, s.level[k])
		}
	}
}

// queue queues component k unless it is, and reports whether it was
// not. (A component a level passes a change on to is of a level above,
// so that s.low stands.)
func (s *Silencer) queue(k int32) bool {
	w, bit := k/64, uint64(1)<<(k%64)
	if s.queued[w]&bit != 0 {
		return false
	}
	s.queued[w] |= bit
	s.waiting++
	return true
}

// fill lends through every support of a Silencer made of a table that
// lent through none: every component with a supporter is queued and
// weighed, a level at a time.
func (s *Silencer) fill() {
	for p := range int32(len(s.id)) {
		if s.byStart[p] < s.byStart[p+1] {
			s.queue(s.comp[p])
		}
	}
	s.low = 0
	s.walk(nil)
}
