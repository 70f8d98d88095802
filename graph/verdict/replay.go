package verdict

import (
	"slices"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/af"
	"github.com/claimgraph/claimgraph/graph/evidence"
)

// Rounds and updates
//
// Compute labels in rounds (see run): a rejected claim that supports
// another is silenced, everything is weighed again, until no new claim
// is silenced. Which claims are silenced depends on the sequence of
// rounds from an empty set, not on the last round alone, so the Tracker
// keeps the sequence and replays it after a change.
//
// What it keeps. For each claim, the round whose labels silenced it
// (node.silR, 0 when none did), and its state in the rounds before the
// last where that differed from the state after them (node.hist): the
// origins lent to it, its evidence, whether capped, and its label, each
// entry holding for a range of rounds. A claim whose state never changed
// has no entry, so the memory is linear in the claims and in the changes
// the rounds make (a few per claim: at 100k claims of graph/synth the 12
// rounds after the first weigh 255k claims again in all). Lent sets are
// shared, not copied: an update gives a claim new sets rather than change
// them. For each round, the claims its labels silenced (silencedIn, with
// stale entries checked against silR).
//
// How it replays (Tracker.replay). Let O_r be the old graph's state in
// round r, as kept, and N_r the changed graph's. Round by round from the
// first, N_r differs from O_r only on what the change reaches in that
// round:
//
//   - the evidence of the claims below a structural change (claims added,
//     removed or replaced, supports added or removed), or below a claim
//     whose silencing differs in round r between the two runs (sigma_r),
//     walked from those seeds along supports as lendFrom does: a claim
//     is weighed from what its supporters pass on in round r (their N_r
//     where weighed, else their O_r), and what it passes on goes further
//     only where it differs from what it passed on in O_r. By induction
//     along the supports every claim whose lent origins differ is
//     reached. Where that meets a cycle of support, or the batch may
//     close one, every claim below the seeds is weighed in that round, a
//     cycle at a time, as lend does (lendCycles).
//   - the labels of D_r, the claims downstream, along the attacks that
//     succeed in N_r, of the claims whose attacks differ: the ends of
//     contradictions added or removed, the partners of claims removed,
//     the claims added or replaced, and the partners of each claim whose
//     evidence differs where the preference of an attack flips. The rest
//     of the graph is closed under attackers and its attacks are those of
//     O_r, so its grounded labels are those of O_r; D_r is labelled with
//     its attackers from outside fixed at their labels in O_r, which is
//     the grounded labelling of the whole (as in solve).
//   - the claims silenced by round r's labels: those of O_r, except among
//     the claims of D_r whose label differs, sigma_r and the claims whose
//     supports changed, which are looked at again (the rest have the same
//     label, the same supports and the same silencing as in O_r).
//
// The replay stops after the first round that silences nothing new in
// the changed graph, M, as Compute does. Its last state, N_M, is the
// state of the changed graph with the claims it silenced silent: Update
// then brings the verdicts up to date from O_N (the last state before)
// as it would without rounds, with the claims whose silencing changed as
// seeds of the evidence. What the Tracker kept stays true outside what
// the replay reached (for a round past the old run's last, O_N), and the
// claims it reached get their history from what it found. When the
// changed graph takes fewer rounds (M < N), the claims the old rounds
// after M silenced are not, and the states kept of rounds M and later
// are cut (fewer; endIn lists the claims that have one). Each round
// costs O(the claims it reaches and their relations), never a pass over
// the graph.
//
// Where it cannot show the result equal, it computes everything again
// and says why (Fallback): an origin moved in the order of origins
// below which a set is capped in some round (the capped sets kept would
// have to be cut again, not only sorted), the rounds reaching MaxRounds,
// or a round weighing the evidence of more than a quarter of the claims.

// Fallback says why [Tracker.Update] computed everything again.
type Fallback uint8

const (
	// NoFallback: the update was incremental.
	NoFallback Fallback = iota
	// FallbackMerge: the batch merges, or replaces a source or an
	// entity, which can change the origins of claims it does not name.
	FallbackMerge
	// FallbackReach: the evidence of more than a quarter of the claims
	// (and more than 1,024) had to be weighed again, in the last round
	// or in a round replayed. (Where as many verdicts have to be solved
	// again, Update solves them all, with the evidence kept, and does
	// not fall back.)
	FallbackReach
	// FallbackRounds: the rounds of silencing could not be replayed:
	// they reach MaxRounds with claims unsettled (Result.Unsettled),
	// before or after the change.
	FallbackRounds
	// FallbackSilence: a claim the batch reaches is rejected and
	// supports another without being silenced: a new round.
	//
	// Deprecated: no longer returned; the replay follows the new round.
	// Kept so that the values of the others do not move.
	FallbackSilence
	// FallbackOrder: the batch moved an origin in the order that sorts
	// the sets of origins (the first claim to name it went), which the
	// sets kept of the rounds before the last follow.
	FallbackOrder
	// FallbackTime: the batch replaces a claim with one whose validity
	// changes which of its contradictions time resolves.
	FallbackTime
)

var fallbackNames = [...]string{"none", "merge", "reach", "rounds", "silence", "order", "time"}

// String returns a short name for f: "none", "merge", "reach", "rounds",
// "silence", "order" or "time".
func (f Fallback) String() string {
	if int(f) < len(fallbackNames) {
		return fallbackNames[f]
	}
	return "Fallback(?)"
}

// past is a claim's state in the rounds of silencing up to until (and
// after the entry before), the state after them being the node's.
type past struct {
	until  int32
	label  af.Label
	capped bool
	ev     float64
	lent   []int32
}

// now returns the node's state, that of the last round.
func (n *node) now() past { return past{label: n.label, capped: n.capped, ev: n.ev, lent: n.lent} }

// same reports whether p and q are the same state.
func (p past) same(q past) bool {
	return p.label == q.label && p.capped == q.capped && p.ev == q.ev && slices.Equal(p.lent, q.lent)
}

// at returns claim x's state in round r as kept: O_r.
func (t *Tracker) at(x int32, r int32) past {
	if p := t.pastAt(x, r); p != nil {
		return *p
	}
	return t.c[x].now()
}

// pastAt returns claim x's kept state in round r when it differs from
// its current state, nil otherwise; at and kept read it.
func (t *Tracker) pastAt(x int32, r int32) *past {
	n := &t.c[x]
	if r < int32(t.rounds) {
		for i := range n.hist {
			if p := &n.hist[i]; p.until >= r {
				return p
			}
		}
	}
	return nil
}

// kept returns claim x's evidence, cap and label in round r as kept:
// those of at(x, r), without the copy.
func (t *Tracker) kept(x int32, r int32) (float64, bool, af.Label) {
	if p := t.pastAt(x, r); p != nil {
		return p.ev, p.capped, p.label
	}
	n := &t.c[x]
	return n.ev, n.capped, n.label
}

// setSilR sets the round whose labels silenced claim x (0: none),
// keeping silencedIn and silCount.
func (t *Tracker) setSilR(x int32, r int32) {
	n := &t.c[x]
	if n.silR == r {
		return
	}
	if n.silR != 0 {
		t.silCount[n.silR]--
	}
	if r != 0 {
		for len(t.silencedIn) <= int(r) {
			t.silencedIn = append(t.silencedIn, nil)
			t.silCount = append(t.silCount, 0)
		}
		t.silencedIn[r] = append(t.silencedIn[r], x)
		t.listed++
		t.silCount[r]++
	}
	n.silR = r
}

// silentIn reports whether claim n lends nothing in round r as kept.
func (n *node) silentIn(r int32) bool { return n.silR != 0 && n.silR < r }

// runRounds runs the rounds of silencing on v as Compute does (state.run,
// without the strengths), with the origins origins gives, and returns the
// claims silenced, the number of rounds and the rejected claims that
// still lend when the rounds stopped at MaxRounds (Result.Unsettled).
// Unless bare, it leaves in each claim of the Tracker (numbered in v's
// order, its own origins interned) its state in the last round and its
// history (see above), and notes which claims each round silenced.
// O(rounds × claims) besides the rounds themselves and the lent sets of
// the claims whose evidence changes from one round to the next.
func (t *Tracker) runRounds(v graph.View, origins func(graph.View, claims.Claim) ([]string, error), bare bool) (map[string]bool, int, int, error) {
	o := t.opts
	o.Origins = origins
	s := &state{opts: o}
	var prevW []float64
	var prevN []int32
	var prevC []bool
	var names []string
	round := int32(0)
	if !bare {
		s.onRound = func() {
			round++
			n := len(s.ids)
			if round == 1 {
				prevW, prevN, prevC = slices.Clone(s.evidence), make([]int32, n), slices.Clone(s.capped)
				for i := range n {
					prevN[i] = int32(s.ev.At(i).Lent)
					t.c[i].label = s.labels[i]
				}
			} else {
				if round == 2 {
					all := make([]int32, n)
					for i := range all {
						all[i] = int32(i)
					}
					t.lend(all) // the lent origins of the first round
				}
				for i := range n {
					nd := &t.c[i]
					e := s.ev.At(i)
					cur := nd.now()
					if s.evidence[i] != prevW[i] || s.capped[i] || prevC[i] || int32(e.Lent) != prevN[i] {
						names = s.ev.AppendLent(names[:0], i)
						set := make([]int32, len(names))
						for k, name := range names {
							set[k] = t.intern[name]
						}
						slices.SortFunc(set, t.byKey)
						if !slices.Equal(set, nd.lent) || s.capped[i] != cur.capped {
							cur.lent, cur.capped = set, s.capped[i]
							cur.ev = t.weight(nd.own) + t.weight(set)
						}
						prevW[i], prevN[i], prevC[i] = s.evidence[i], int32(e.Lent), s.capped[i]
					}
					cur.label = s.labels[i]
					if !cur.same(nd.now()) {
						p := nd.now()
						p.until = round - 1
						nd.hist = append(nd.hist, p)
						t.ended(int32(i), p.until)
						nd.lent, nd.ev, nd.capped, nd.label = cur.lent, cur.ev, cur.capped, cur.label
					}
				}
			}
			if int(round) == maxRounds {
				return // Compute silences no more
			}
			for i := range n {
				if nd := &t.c[i]; nd.silR == 0 && len(nd.sup) > 0 && s.labels[i] == af.Out {
					t.setSilR(int32(i), round)
				}
			}
		}
	}
	if err := s.run(v, false); err != nil {
		return nil, 0, 0, err
	}
	return s.silent, s.rounds, s.unsettled, nil
}

// change is what a batch changed in the structure of the graph, as the
// replay needs it: seeds of the evidence (claims added or replaced, and
// below supports added or removed or a claim removed), the claims whose
// supports came or went, the claims added, the attacks that went (from
// a contradiction or a claim removed) and came (a attacks b), and the
// state of each claim removed in each round kept, as they were.
type change struct {
	seedE, sup []int32
	fresh      map[int32]bool
	lost, won  [][2]int32
	gone       map[int32][]past
	cycle      bool // the batch may close a cycle of support
}

// old returns claim x's state in round r before the change: O_r, also
// for a claim the change removed.
func (t *Tracker) old(ch *change, x int32, r int32) past {
	if states, ok := ch.gone[x]; ok {
		return states[min(int(r), len(states))-1]
	}
	return t.at(x, r)
}

// replayed is what a replay found: the round the changed graph's rounds
// stop at, the new silencing round of each claim whose silencing it
// looked at (0: none), and, for each round, the state N_r of each claim
// it reached where that may differ from O_r.
type replayed struct {
	rounds int32
	silR   map[int32]int32
	state  []map[int32]past // index r-1
}

// silentNew reports whether claim x lends nothing in round r of the
// changed graph, as far as the replay has found.
func (t *Tracker) silentNew(rp *replayed, x int32, r int32) bool {
	if v, ok := rp.silR[x]; ok {
		return v != 0 && v < r
	}
	return t.c[x].silentIn(r)
}

// replay runs the rounds of silencing of the changed graph from those
// kept (see above). It returns NoFallback and what it found, or why it
// cannot.
func (t *Tracker) replay(ch *change) (*replayed, Fallback) {
	rp := &replayed{silR: map[int32]int32{}}
	for r := int32(1); ; r++ {
		// sigma_r: the claims whose silencing in round r differs.
		seeds := slices.Clone(ch.seedE)
		var sigma []int32
		for x := range rp.silR {
			if !t.c[x].dead && t.silentNew(rp, x, r) != t.c[x].silentIn(r) {
				sigma = append(sigma, x)
				seeds = append(seeds, t.c[x].sup...)
			}
		}
		var st map[int32]past
		ok := false
		if !ch.cycle {
			st, ok = t.lendRound(r, seeds, rp)
		}
		if !ok {
			st = t.lendCycles(r, seeds, rp)
		}
		if st == nil {
			return nil, FallbackReach
		}
		D, why := t.labelRound(r, ch, st)
		if why != NoFallback {
			return nil, why
		}
		rp.state = append(rp.state, st)
		// The claims round r silences: as kept, except among those
		// looked at again.
		more := false
		look := func(x int32) {
			n := &t.c[x]
			if n.dead || t.silentNew(rp, x, r) {
				return
			}
			if len(n.sup) > 0 && t.stateNew(st, x, r).label == af.Out {
				rp.silR[x] = r
				more = true
			} else if n.silR == r {
				rp.silR[x] = 0 // for now: a later round may
			}
		}
		for _, X := range [][]int32{D, sigma, ch.sup} {
			for _, x := range X {
				look(x)
			}
		}
		if !more && int(r) < len(t.silCount) {
			// The claims round r silenced before, less those the
			// replay found it does not.
			left := t.silCount[r]
			for x, v := range rp.silR {
				if t.c[x].silR == r && v != r {
					left--
				}
			}
			more = left > 0
		}
		if !more {
			rp.rounds = r
			return rp, NoFallback
		}
		if int(r) == maxRounds {
			return nil, FallbackRounds // claims left unsettled
		}
	}
}

// stateNew returns claim x's state in round r of the changed graph, st
// holding what the replay found of that round.
func (t *Tracker) stateNew(st map[int32]past, x int32, r int32) past {
	if p, ok := st[x]; ok {
		return p
	}
	return t.at(x, r)
}

// lendRound weighs again, for round r of the changed graph, the evidence
// of the seeds and of the claims below them along supports, stopping
// where what a claim passes on is what it passed on in O_r, as lendFrom
// does. It returns the state of each claim weighed (its label as kept,
// for now), and false on reaching a claim on a cycle of support (then
// lendCycles weighs the round); nil after as many weighings as a
// quarter of the claims.
func (t *Tracker) lendRound(r int32, seeds []int32, rp *replayed) (map[int32]past, bool) {
	st := map[int32]past{}
	outNew := func(p int32) []int32 {
		if t.silentNew(rp, p, r) {
			return nil
		}
		return t.merge(t.c[p].own, t.stateNew(st, p, r).lent)
	}
	var queue []int32
	queued := map[int32]bool{}
	seed := map[int32]bool{}
	push := func(x int32) {
		if !t.c[x].dead && !queued[x] {
			queued[x] = true
			queue = append(queue, x)
		}
	}
	for _, x := range seeds {
		if !t.c[x].dead {
			seed[x] = true
			push(x)
		}
	}
	for head := 0; head < len(queue); head++ {
		if t.tooMany(head - len(seeds)) {
			return nil, true
		}
		x := queue[head]
		queued[x] = false
		n := &t.c[x]
		if n.scyc {
			return nil, false
		}
		before := outNew(x)
		var in []int32
		for _, p := range n.supBy {
			in = t.merge(in, outNew(p))
		}
		p := t.stateNew(st, x, r)
		p.lent = t.minus(in, n.own)
		p.capped = len(in) >= evidence.MaxLent
		p.ev = t.weight(n.own) + t.weight(p.lent)
		p.until = 0
		st[x] = p
		if seed[x] || !slices.Equal(before, outNew(x)) {
			seed[x] = false
			for _, c := range n.sup {
				push(c)
			}
		}
	}
	return st, true
}

// lendCycles weighs again, for round r of the changed graph, the
// evidence of the seeds and of every claim below them along supports, a
// cycle of support at a time, as lend does, with what the supporters
// outside pass on in O_r: what lendRound does where it meets a cycle. It
// returns the state of each claim weighed, nil when they are more than a
// quarter of the claims.
func (t *Tracker) lendCycles(r int32, seeds []int32, rp *replayed) map[int32]past {
	E := t.closure(seeds, func(s int32, visit func(int32)) {
		for _, x := range t.c[s].sup {
			visit(x)
		}
	})
	if t.tooMany(len(E)) {
		return nil
	}
	st := make(map[int32]past, len(E))
	silent := func(p int32) bool { return t.silentNew(rp, p, r) }
	out := func(p int32) []int32 {
		if silent(p) {
			return nil
		}
		return t.merge(t.c[p].own, t.at(p, r).lent)
	}
	t.lendWith(E, silent, out, func(x int32, lent []int32, capped bool) {
		p := t.at(x, r)
		p.lent, p.capped, p.until = lent, capped, 0
		p.ev = t.weight(t.c[x].own) + t.weight(lent)
		st[x] = p
	})
	return st
}

// labelRound labels, for round r of the changed graph, the claims
// downstream along its successful attacks of those whose attacks differ
// from O_r, with their attackers from outside fixed at their labels in
// O_r, and records in st the labels that differ from O_r (the others are
// as kept). It returns the claims whose label differs. O(the claims
// labelled and their relations): where the change reaches a giant
// component of the attacks, most labels stay and st stays small.
func (t *Tracker) labelRound(r int32, ch *change, st map[int32]past) ([]int32, Fallback) {
	stateNew := func(x int32) past { return t.stateNew(st, x, r) }
	// The evidence, cap and label (before this labelling) in N_r, read
	// once a claim: where the change reaches a giant component, each is
	// read for each of its attacks.
	t.grow()
	t.wepoch++
	read := func(x int32) {
		if t.wstamp[x] != t.wepoch {
			if p, ok := st[x]; ok {
				t.wev[x], t.wcap[x], t.wlab[x] = p.ev, p.capped, p.label
			} else {
				t.wev[x], t.wcap[x], t.wlab[x] = t.kept(x, r)
			}
			t.wstamp[x] = t.wepoch
		}
	}
	prefersNew := func(a, b int32) bool {
		read(a)
		if t.wcap[a] {
			return true
		}
		read(b) // only when a is not capped
		return beats(false, t.wev[a], t.wev[b])
	}
	prefersOld := func(a, b int32) bool {
		pa := t.old(ch, a, r)
		return beats(pa.capped, pa.ev, t.old(ch, b, r).ev)
	}
	// The targets of attacks that came and succeed, or went and
	// succeeded; the claims added and those they defeat.
	var seeds []int32
	for _, e := range ch.won {
		if !t.c[e[1]].dead && prefersNew(e[0], e[1]) {
			seeds = append(seeds, e[1])
		}
	}
	for _, e := range ch.lost {
		if !t.c[e[1]].dead && prefersOld(e[0], e[1]) {
			seeds = append(seeds, e[1])
		}
	}
	for x, p := range st {
		if ch.fresh[x] {
			seeds = append(seeds, x)
			for _, c := range t.c[x].con {
				if prefersNew(x, c.other) {
					seeds = append(seeds, c.other)
				}
			}
			continue
		}
		if o := t.at(x, r); o.ev == p.ev && o.capped == p.capped {
			continue
		}
		for _, c := range t.c[x].con {
			if ch.fresh[c.other] {
				continue // a seed
			}
			if prefersNew(x, c.other) != prefersOld(x, c.other) {
				seeds = append(seeds, c.other)
			}
			if prefersNew(c.other, x) != prefersOld(c.other, x) {
				seeds = append(seeds, x)
			}
		}
	}
	D := t.closure(seeds, func(s int32, visit func(int32)) {
		for _, c := range t.c[s].con {
			if prefersNew(s, c.other) {
				visit(c.other)
			}
		}
	})
	if len(D) == 0 {
		return nil, NoFallback
	}
	// The framework: D and its attackers from outside, each of those
	// fixed at its label in O_r (see solve).
	t.sepoch++
	var sub []int32
	add := func(s int32) {
		if t.sstamp[s] != t.sepoch {
			t.sstamp[s] = t.sepoch
			t.sloc[s] = int32(len(sub))
			sub = append(sub, s)
		}
	}
	for _, s := range D {
		add(s)
	}
	inD := len(sub)
	for _, s := range D {
		for _, c := range t.c[s].con {
			add(c.other)
		}
	}
	n := len(sub)
	f := af.New(n + 1)
	for i, s := range sub[inD:] {
		read(s)
		switch t.wlab[s] {
		case af.Undec:
			_ = f.Attack(inD+i, inD+i)
		case af.Out:
			_ = f.Attack(n, inD+i)
		}
	}
	for i, s := range D {
		for _, c := range t.c[s].con {
			if prefersNew(c.other, s) {
				_ = f.Attack(int(t.sloc[c.other]), i)
			}
		}
	}
	labels := af.Grounded(f)
	var moved []int32
	for i, s := range D {
		if read(s); t.wlab[s] == labels[i] {
			continue
		}
		p := stateNew(s)
		p.label = labels[i]
		st[s] = p
		moved = append(moved, s)
	}
	return moved, NoFallback
}

// ended notes that claim x has a state kept until round u.
func (t *Tracker) ended(x int32, u int32) {
	for len(t.endIn) <= int(u) {
		t.endIn = append(t.endIn, nil)
	}
	t.endIn[u] = append(t.endIn[u], x)
	t.listed++
}

// tidy drops the stale entries of silencedIn and endIn (claims no longer
// silenced in that round, states cut or rewritten), listing again what
// the claims hold, once the lists have grown to more than twice what the
// last tidy left and than the claims: so that they do not grow with the
// number of updates. Amortized O(1) an entry listed.
func (t *Tracker) tidy() {
	if t.listed <= 2*max(t.tidied, len(t.c)) {
		return
	}
	for r := range t.silencedIn {
		t.silencedIn[r] = t.silencedIn[r][:0]
	}
	for u := range t.endIn {
		t.endIn[u] = t.endIn[u][:0]
	}
	t.listed = 0
	for i := range t.c {
		x, n := int32(i), &t.c[i]
		if n.dead {
			continue
		}
		if n.silR != 0 {
			t.silencedIn[n.silR] = append(t.silencedIn[n.silR], x)
			t.listed++
		}
		for _, p := range n.hist {
			t.ended(x, p.until)
		}
	}
	t.tidied = t.listed
}

// fewer brings what is kept of the rounds to a run of m rounds that
// replaced one of more: the claims silenced after round m are not, and
// the states kept of rounds m and later are cut, the state after them
// being the node's (brought up to date by Update). O(the claims
// silenced, and with a state kept, in those rounds).
func (t *Tracker) fewer(rp *replayed, m int32) {
	for r := int(m); r < len(t.silencedIn); r++ {
		for _, x := range t.silencedIn[r] {
			if _, ok := rp.silR[x]; !ok && !t.c[x].dead && t.c[x].silR == int32(r) {
				rp.silR[x] = 0
			}
		}
	}
	for u := int(m); u < len(t.endIn); u++ {
		for _, x := range t.endIn[u] {
			n := &t.c[x]
			k := 0
			for k < len(n.hist) && n.hist[k].until < m {
				k++
			}
			if k < len(n.hist) && m > 1 && (k == 0 || n.hist[k-1].until < m-1) {
				n.hist[k].until = m - 1 // it held in round m-1 too
				t.ended(x, m-1)
				k++
			}
			n.hist = n.hist[:k:k]
		}
		t.endIn[u] = nil
	}
}

// history gives each claim the replay reached its states in the rounds
// before the last, from what the replay found and what was kept, with
// the state after them, the node's, still that before the update: to be
// set, once the last round is brought up to date, by setHistory.
func (t *Tracker) history(rp *replayed) map[int32][]past {
	out := map[int32][]past{}
	for _, st := range rp.state {
		for x := range st {
			if _, ok := out[x]; ok {
				continue
			}
			states := make([]past, 0, rp.rounds-1)
			for r := int32(1); r < rp.rounds; r++ {
				states = append(states, t.stateNew(rp.state[r-1], x, r))
			}
			out[x] = states
		}
	}
	return out
}

// setHistory sets the history of each claim of h from its states in
// the rounds before the last (history), each run of equal states one
// entry, the last run left out when it is the node's state.
func (t *Tracker) setHistory(h map[int32][]past) {
	for x, states := range h {
		n := &t.c[x]
		n.hist = nil
		if n.dead {
			continue
		}
		for r, p := range states {
			if r+1 < len(states) && p.same(states[r+1]) {
				continue
			}
			p.until = int32(r + 1)
			n.hist = append(n.hist, p)
			t.ended(x, p.until)
		}
		if k := len(n.hist); k > 0 && n.hist[k-1].same(n.now()) {
			n.hist = n.hist[:k-1]
		}
	}
}
