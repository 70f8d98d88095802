package verdict

import (
	"math"
	"slices"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/af"
)

// Rounds and updates
//
// Compute labels in rounds (see run): a rejected claim that supports
// another is silenced, everything is weighed again, until no new claim
// is silenced. Which claims are silenced depends on the sequence of
// rounds from an empty set, not on the last round alone, so the Tracker
// cannot find them from its state after an update. It follows them
// without replaying the rounds, by a sufficient condition under which the
// rounds of the changed graph silence exactly the claims they did
// before, each in the same round; then the last round is the state with
// those claims silent, which Update brings up to date as it would
// without rounds. Otherwise Update computes everything again.
//
// What the condition rests on, for each claim (node): evVar, whether its
// lent origins (so its evidence, capping and what it passes on) differ
// from one round to another, with the least and greatest evidence over
// the rounds (its span) and whether it is capped in some round and in
// every one; and labVar, whether its label differs from one round to
// another. Track runs the rounds and notes them exactly (runRounds);
// an update keeps them true, conservatively, for the claims it touches.
// Silencing only takes lenders away, so the origins that reach a claim
// only shrink from round to round: its evidence (not capped) only falls,
// and a claim capped in the last round is in every round. So an attack
// of a on b can succeed in some round only if a is capped in some round
// or a's greatest evidence (plus eps) reaches b's least (possible), and
// succeeds in every round if a is capped in every one or a's least
// reaches b's greatest (always).
//
// Let E be the claims an update weighs again, D those it solves again
// (E is in D), and sup the supporters whose supports come or go. If
//
//  1. no claim of E had evidence that varied, nor is supported by one
//     whose evidence varies or that is silenced (so its evidence is the
//     same in every round, before and after); a claim below one of E that
//     was capped in some round is in E;
//  2. every attack that comes or goes, or that a claim of D makes, and
//     that can succeed in some round, before or after, is on a claim of
//     D (so outside D every claim keeps, round by round, the evidence and
//     label it had);
//  3. no claim of D or sup that supports another varies in label, before
//     or after (after: an attack on it whose success varies, or an
//     attacker whose label varies, transitively within D), nor is
//     rejected, unless it was silenced, and is rejected in every round,
//     before and after, and still supports another;
//
// then, round by round from the first, the changed graph's rounds make
// the same claims silent: outside D ∪ sup each claim has the state it
// had in the same round, and in D ∪ sup whether a claim is silenced does
// not depend on the round. So the rounds and the silenced claims are
// unchanged, and what Track noted stays true but for E (now the same in
// every round) and D (whose labels vary as found in 3). The check costs
// O(|D| + their relations). A claim capped in some round is weighed on
// the first evidence.MaxLent of a set that shrinks, which need not
// weigh less: its span is what the rounds gave, not the bounds above.

// Fallback says why [Tracker.Update] computed everything again.
type Fallback uint8

const (
	// NoFallback: the update was incremental.
	NoFallback Fallback = iota
	// FallbackMerge: the batch merges, or replaces a source or an
	// entity, which can change the origins of claims it does not name.
	FallbackMerge
	// FallbackReach: more than a quarter of the claims (and more than
	// 1,024) had to be weighed or solved again.
	FallbackReach
	// FallbackRounds: the batch reaches a claim whose evidence or label
	// can differ from one round of silencing to the next: a silenced
	// claim, or one below or downstream of one; or the rounds stopped at
	// MaxRounds with claims unsettled (Result.Unsettled), whichever
	// claims the batch reaches.
	FallbackRounds
	// FallbackSilence: after the batch a claim it reaches is rejected
	// and supports another without being silenced: a new round.
	FallbackSilence
	// FallbackTime: the batch replaces a claim with one whose validity
	// changes which of its contradictions time resolves.
	FallbackTime
)

var fallbackNames = [...]string{"none", "merge", "reach", "rounds", "silence", "time"}

// String returns a short name for f: "none", "merge", "reach", "rounds",
// "silence" or "time".
func (f Fallback) String() string {
	if int(f) < len(fallbackNames) {
		return fallbackNames[f]
	}
	return "Fallback(?)"
}

// varied is how a claim's state varied over the rounds: the span of its
// evidence, and whether its label changed.
type varied struct {
	span
	label bool
}

// runRounds runs the rounds of silencing on v as Compute does (state.run,
// without the strengths), with the origins origins gives, and returns
// the claims silenced, the number of rounds, the rejected claims that
// still lend when the rounds stopped at MaxRounds (Result.Unsettled), and
// how each claim of v, in its order, varied over them. O(rounds × claims) besides the rounds
// themselves.
func (t *Tracker) runRounds(v graph.View, origins func(graph.View, claims.Claim) ([]string, error)) (map[string]bool, int, int, []varied, error) {
	o := t.opts
	o.Origins = origins
	s := &state{opts: o}
	var vs []varied
	var first af.Labelling
	s.onRound = func() {
		if first == nil {
			first = slices.Clone(s.labels)
			vs = make([]varied, len(s.ids))
			for i := range vs {
				vs[i] = varied{span: span{s.evidence[i], s.evidence[i], s.capped[i], s.capped[i]}}
			}
		}
		for i := range vs {
			w := &vs[i]
			w.lo, w.hi = min(w.lo, s.evidence[i]), max(w.hi, s.evidence[i])
			w.capAny, w.capAll = w.capAny || s.capped[i], w.capAll && s.capped[i]
			w.label = w.label || s.labels[i] != first[i]
		}
	}
	if err := s.run(v, false); err != nil {
		return nil, 0, 0, nil, err
	}
	return s.silent, s.rounds, s.unsettled, vs, nil
}

// span bounds a claim's evidence over the rounds: within [lo, hi],
// capped in some round (capAny) or in every one (capAll).
type span struct {
	lo, hi         float64
	capAny, capAll bool
}

// possible reports whether an attack of a claim spanning a on one
// spanning b can succeed in some round, always whether it does in every
// round.
func possible(a, b span) bool { return a.capAny || a.hi+eps >= b.lo }
func always(a, b span) bool   { return a.capAll || a.lo+eps >= b.hi }

// span returns the span the Tracker holds for claim x: that of the
// graph before the update under way. (Capped in the last round, a claim
// is in every round, since the origins that reach it only shrink.)
func (t *Tracker) span(x int32) span {
	n := &t.c[x]
	capAll := n.capAny // the same in every round
	if n.evVar {
		capAll = n.capped
	}
	return span{n.evLo, n.evHi, n.capAny, capAll}
}

// spanAfter returns the span of claim x after an update that weighed
// again the claims of E, whose evidence is then the same in every round
// (see steadyEvidence).
func (t *Tracker) spanAfter(x int32, E map[int32]bool) span {
	if E[x] {
		return t.c[x].fixed()
	}
	return t.span(x)
}

// fixed returns the span of a claim whose evidence is the same in every
// round.
func (n *node) fixed() span { return span{n.ev, n.ev, n.capped, n.capped} }

// fix records that claim x's evidence is the same in every round.
func (n *node) fix() { n.evVar, n.evLo, n.evHi, n.capAny = false, n.ev, n.ev, n.capped }

// taint sets, for every claim, how its state varies from round to round
// (see above), from vs, as runRounds found it, and lent0, the lent
// origins of the first round (nil when no claim is silenced). Without
// vs, everything may vary. O(claims).
func (t *Tracker) taint(vs []varied, lent0 [][]int32) {
	for i := range t.c {
		n := &t.c[i]
		switch {
		case vs == nil:
			n.evVar, n.labVar, n.evLo, n.evHi, n.capAny = true, true, math.Inf(-1), math.Inf(1), true
			continue
		case lent0 == nil:
			n.fix()
		default:
			w := &vs[i]
			n.evVar = w.lo != w.hi || w.capAny != w.capAll || !slices.Equal(lent0[i], n.lent)
			n.evLo, n.evHi, n.capAny = w.lo, w.hi, w.capAny
		}
		n.labVar = vs[i].label
	}
}

// steadyEvidence checks the evidence of E, the claims an update weighed
// again (fresh holds those it added): each must be the same in every
// round before the update, as after it, where none of its supporters
// varies. It gives the claims added their span.
func (t *Tracker) steadyEvidence(E []int32, fresh map[int32]bool) Fallback {
	for _, s := range E {
		n := &t.c[s]
		if fresh[s] {
			n.fix()
		} else if n.evVar || n.silent {
			return FallbackRounds
		}
		for _, p := range n.supBy {
			if q := &t.c[p]; q.evVar || q.silent {
				return FallbackRounds
			}
		}
		// A claim below whose lent origins did not change in the last
		// round did not in any other, unless capped in some round,
		// where the first MaxLent of a set may change nonetheless.
		for _, x := range n.sup {
			if _, in := slices.BinarySearch(E, x); !in && t.c[x].capAny {
				return FallbackRounds
			}
		}
	}
	return NoFallback
}

// steadyLabels checks, after an update that weighed E again and solved
// D (whose labels were oldLab), that the rounds silence the same claims
// as before: every attack that can succeed in some round from a claim of
// D, before or after, is on a claim of D, and so is every attack that
// came or went and can succeed in some round (mustD); and no claim of E,
// D or sup (the supporters whose supports came or went) changes whether
// the rounds silence it. On success it records the new spans and label
// variations of E and D.
func (t *Tracker) steadyLabels(E map[int32]bool, D, sup, mustD []int32, oldLab []af.Label) Fallback {
	inD := make(map[int32]int, len(D))
	for i, s := range D {
		inD[s] = i
	}
	now := func(x int32) span { return t.spanAfter(x, E) }
	for _, s := range mustD {
		if _, ok := inD[s]; !ok && !t.c[s].dead {
			return FallbackRounds
		}
	}
	for _, x := range D {
		for _, r := range t.c[x].con {
			if _, ok := inD[r.other]; !ok && (possible(t.span(x), t.span(r.other)) || possible(now(x), now(r.other))) {
				return FallbackRounds
			}
		}
	}
	// Whether the label of each claim of D varies after the update: an
	// attack on it that succeeds in some rounds only, or an attacker
	// whose label varies (outside D, as before).
	varies := make([]bool, len(D))
	var queue []int32
	for k, x := range D {
		for _, r := range t.c[x].con {
			y := r.other
			_, yD := inD[y]
			if sy, sx := now(y), now(x); possible(sy, sx) && (!always(sy, sx) || !yD && t.c[y].labVar) {
				varies[k] = true
				queue = append(queue, x)
				break
			}
		}
	}
	for len(queue) > 0 {
		x := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		for _, r := range t.c[x].con {
			if k, ok := inD[r.other]; ok && !varies[k] && possible(now(x), now(r.other)) {
				varies[k] = true
				queue = append(queue, r.other)
			}
		}
	}
	// Whether the rounds silence a claim: it supports another and is
	// rejected in some round. A claim silenced before stays so only if
	// rejected in every round, before and after; another must not be
	// rejected in any round, and its label must not vary, before or after.
	check := func(x int32) Fallback {
		n := &t.c[x]
		if n.dead {
			return NoFallback
		}
		oldVar, newVar, old := n.labVar, n.labVar, n.label
		if k, ok := inD[x]; ok {
			newVar, old = varies[k], oldLab[k]
		}
		switch {
		case n.silent:
			if len(n.sup) == 0 || oldVar || newVar || old != af.Out || n.label != af.Out {
				return FallbackRounds
			}
		case len(n.sup) > 0 && (oldVar || newVar):
			return FallbackRounds
		case len(n.sup) > 0 && n.label == af.Out:
			return FallbackSilence
		}
		return NoFallback
	}
	for _, X := range [][]int32{D, sup} { // E is in D
		for _, x := range X {
			if why := check(x); why != NoFallback {
				return why
			}
		}
	}
	for s := range E {
		t.c[s].fix()
	}
	for k, s := range D {
		t.c[s].labVar = varies[k]
	}
	return NoFallback
}
