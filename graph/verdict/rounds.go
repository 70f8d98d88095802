package verdict

import (
	"slices"
	"sync"

	"github.com/claimgraph/claimgraph/graph/af"
	"github.com/claimgraph/claimgraph/graph/internal/csr"
)

// rounds is the state lendingRounds keeps between rounds: the
// contradictions of each claim, the evidence of the round before, and the
// grounded labelling with, for each claim labelled in or out, its rank.
//
// A rank justifies a label: an accepted claim outranks each of its
// attackers, all rejected; a rejected claim outranks one accepted
// attacker. The grounded labelling has such ranks (the step of its
// propagation at which a claim is labelled), and any labels so justified
// by each other are those of the grounded labelling (by induction on the
// rank). So after a change of attacks, a claim accepted or rejected keeps
// its label as long as its justification stands; those that lose it are
// opened, and the grounded propagation starts again from the labels kept:
// it reaches the grounded labelling, the least fixed point above them.
// An undecided claim is never opened up front: it can only be decided by
// an attacker the propagation decides, and is looked at then. This is
// the pruning of Alfano, Greco and Parisi, "Efficient computation of
// extensions for dynamic abstract argumentation frameworks: an
// incremental approach" (IJCAI 2017) — a claim attacked by an accepted
// claim the change does not reach stays rejected — made exact for the
// grounded labelling by the ranks.
type rounds struct {
	pstart, partner []int32 // the claims that contradict claim i: partner[pstart[i]:pstart[i+1]], each once
	was             []float64
	wasCapped       []bool

	// c holds what the labelling reads of each claim, side by side: a
	// claim looked at reads its own cell and those of its contradictions,
	// a miss of the caches each on a large graph, where eight arrays
	// apart would cost eight.
	c     []cell
	epoch uint32
	list  []int32 // the claims opened
	queue []int32

	lend []lending // of each claim
}

// lending is whether a claim supports another, and then whether it is
// silent: what s.silent holds of it, looked up by position rather than
// by ID. The zero lending supports no other claim.
type lending uint8

const (
	lendLoud  lending = 1 + iota // it supports another, and is not silent
	lendMuted                    // it supports another, and is silent
)

// cell is what the rounds keep of a claim: its evidence and label, which
// s.evidence, s.capped and s.labels hold too (s.labels brought up to date
// after each labelling, see decide), and the state of its labelling.
type cell struct {
	ev     float64 // s.evidence
	rank   int32
	open   uint32 // == epoch: being labelled again
	fresh  uint32 // == epoch: labelled and waiting in the queue
	live   int32  // attackers of an open claim not yet rejected and passed on
	top    int32  // the highest rank of its rejected attackers
	capped bool   // s.capped
	label  af.Label
}

// silence is s.silence for the claims opened in the last labelling: a
// claim rejected and not silent after the round before was opened in
// this one, every rejected claim that supports another having been
// silenced. O(claims opened).
func (r *rounds) silence(s *state) []int32 {
	var more []int32
	for _, i := range r.list {
		if r.lend[i] == lendLoud && s.labels[i] == af.Out { // s.labels is up to date
			r.lend[i] = lendMuted
			s.mute(i)
			more = append(more, i)
		}
	}
	return more
}

// lendingRounds runs the rounds of [Compute] under Lending, with the
// answers of rerun, doing in each round after the first only what the
// claims it silences change: the evidence of the claims below them along
// supports (evidence.Silencer), the preference of the contradictions of
// the claims whose evidence moved, and the labels of the claims whose
// attacks changed and of those downstream whose justification fell with
// them (see rounds). A round costs O(Σ degree) over the claims it weighs
// or labels again, with MaxLent a weighed claim, not O(graph). It leaves
// the labels and defeats of the last round, as rerun does; s.run then
// derives the attacks from the defeats.
func (s *state) lendingRounds() {
	n := len(s.ids)
	r := &rounds{was: slices.Clone(s.evidence), wasCapped: slices.Clone(s.capped)}
	edges := s.edges()
	r.lend = make([]lending, n)
	for _, p := range s.supports {
		if p.from != p.to {
			r.lend[p.from] = lendLoud
		}
	}
	// The Silencer came with the evidence (evidence.Silenced); one
	// made otherwise is made beside the first labels, which do not
	// read the evidence table.
	quiet := s.quiet
	var wg sync.WaitGroup
	if quiet == nil {
		wg.Go(func() { quiet = s.ev.Silencer(edges) })
	}
	r.partners(n, s.cons)
	s.labels = make(af.Labelling, n)
	r.c = make([]cell, n)
	r.epoch = 1
	r.list = make([]int32, n)
	for i := range r.list {
		r.list[i] = int32(i)
		r.c[i] = cell{ev: s.evidence[i], capped: s.capped[i], open: r.epoch}
	}
	r.decide(s)
	wg.Wait()
	s.rounds = 1
	s.labelled()
	for {
		if s.rounds == maxRounds {
			s.unsettled = s.lenders()
			break
		}
		more := r.silence(s)
		if len(more) == 0 {
			break
		}
		changed := quiet.Silence(more)
		for _, c := range changed {
			e := s.ev.At(int(c))
			s.evidence[c], s.capped[c] = e.Weight, e.Capped
			r.c[c].ev, r.c[c].capped = e.Weight, e.Capped
		}
		r.relabel(s, changed)
		for _, c := range changed {
			r.was[c], r.wasCapped[c] = s.evidence[c], s.capped[c]
		}
		s.rounds++
		s.labelled()
	}
	s.prefer() // run derives the attacks from these defeats
}

// partners fills the contradictions of each of n claims from cons, both
// ways, each other claim once.
func (r *rounds) partners(n int, cons []pair) {
	r.pstart = make([]int32, n+1)
	for _, c := range cons {
		r.pstart[c.from+1]++
		r.pstart[c.to+1]++
	}
	fill := csr.Starts(r.pstart)
	adj := make([]int32, r.pstart[n])
	for _, c := range cons {
		adj[fill[c.from]] = c.to
		fill[c.from]++
		adj[fill[c.to]] = c.from
		fill[c.to]++
	}
	// Sort and compact each claim's row, moving it down over what the
	// compaction freed.
	at := int32(0)
	for i := range n {
		row := adj[r.pstart[i]:r.pstart[i+1]]
		slices.Sort(row)
		row = slices.Compact(row)
		r.pstart[i] = at
		at += int32(copy(adj[at:], row))
	}
	r.pstart[n] = at
	r.partner = adj[:at:at]
}

func (r *rounds) of(i int32) []int32 { return r.partner[r.pstart[i]:r.pstart[i+1]] }

// prefers is s.prefers, read from the cells.
func (r *rounds) prefers(a, b int32) bool {
	return beats(r.c[a].capped, r.c[a].ev, r.c[b].ev)
}

// preferred is s.prefers with the evidence of the round before.
func (r *rounds) preferred(a, b int32) bool {
	return beats(r.wasCapped[a], r.was[a], r.was[b])
}

// relabel brings the labels up to date after the evidence of the claims
// changed moved: the claims whose attackers changed are opened, and with
// them each accepted claim an open claim attacks and each rejected one
// that keeps no accepted attacker of lower rank that is not open; then
// decide labels them.
func (r *rounds) relabel(s *state, changed []int32) {
	r.epoch++
	r.list = r.list[:0]
	for _, c := range changed {
		for _, p := range r.of(c) {
			if r.prefers(c, p) != r.preferred(c, p) {
				r.reopen(p)
			}
			if r.prefers(p, c) != r.preferred(p, c) {
				r.reopen(c)
			}
		}
	}
	for h := 0; h < len(r.list); h++ {
		x := r.list[h]
		for _, z := range r.of(x) {
			if r.c[z].open == r.epoch || !r.prefers(x, z) {
				continue
			}
			if l := r.c[z].label; l == af.In || l == af.Out && !r.justified(z) {
				r.reopen(z)
			}
		}
	}
	r.decide(s)
}

func (r *rounds) reopen(i int32) {
	if r.c[i].open != r.epoch {
		r.c[i].open = r.epoch
		r.list = append(r.list, i)
	}
}

// justified reports whether the rejected claim z has an accepted attacker
// of lower rank that is not open.
func (r *rounds) justified(z int32) bool {
	for _, y := range r.of(z) {
		if c := &r.c[y]; c.open != r.epoch && c.label == af.In && c.rank < r.c[z].rank && r.prefers(y, z) {
			return true
		}
	}
	return false
}

// decide runs the grounded propagation from the labels kept: it looks at
// each open claim, labels those it can, and passes each claim labelled
// on to the claims it attacks, looking at an undecided one the first time
// (opening it). An open claim with an accepted attacker is rejected, one
// whose attackers are all rejected accepted, and what is open when
// nothing changes undecided. O(Σ degree) over the claims opened.
func (r *rounds) decide(s *state) {
	r.queue = r.queue[:0]
	for _, z := range r.list {
		r.look(z)
	}
	for h := 0; h < len(r.queue); h++ {
		a := r.queue[h]
		ca := &r.c[a]
		ca.fresh = 0 // passed on: the counts below take it as it is
		for _, b := range r.of(a) {
			if !r.prefers(a, b) {
				continue
			}
			cb := &r.c[b]
			switch {
			case cb.open == r.epoch:
			case cb.fresh == r.epoch || cb.label != af.Undec:
				continue // labelled
			default: // undecided, looked at the first time
				r.reopen(b)
				r.look(b)
				continue // a is counted
			}
			if ca.label == af.In {
				r.label(b, af.Out, ca.rank+1)
				continue
			}
			cb.top = max(cb.top, ca.rank)
			if cb.live--; cb.live == 0 {
				r.label(b, af.In, cb.top+1)
			}
		}
	}
	// Every claim whose label may have changed was opened: s.labels is
	// brought up to date from theirs alone.
	for _, z := range r.list {
		c := &r.c[z]
		if c.open == r.epoch {
			c.label, c.rank, c.open = af.Undec, 0, 0
		}
		s.labels[z] = c.label
	}
}

// look counts the attackers of the open claim z not yet rejected and
// passed on (those labelled and waiting in the queue will be), and
// labels z when it can.
func (r *rounds) look(z int32) {
	live, top, in := int32(0), int32(0), int32(-1)
	for _, y := range r.of(z) {
		c := &r.c[y]
		switch {
		case !r.prefers(y, z):
		case c.open == r.epoch || c.fresh == r.epoch || c.label == af.Undec:
			live++
		case c.label == af.In:
			if in < 0 || c.rank < in {
				in = c.rank
			}
		default:
			top = max(top, c.rank)
		}
	}
	c := &r.c[z]
	c.live, c.top = live, top
	switch {
	case in >= 0:
		r.label(z, af.Out, in+1)
	case live == 0:
		r.label(z, af.In, top+1)
	}
}

// label gives the open claim z label l of rank k, closes it and queues it
// to be passed on.
func (r *rounds) label(z int32, l af.Label, k int32) {
	c := &r.c[z]
	c.label, c.rank = l, k
	c.open, c.fresh = 0, r.epoch
	r.queue = append(r.queue, z)
}
