package af

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/claimgraph/claimgraph/graph/internal/csr"
	"github.com/claimgraph/claimgraph/graph/internal/scc"
)

// ErrScore reports a base score outside [0, 1] (or NaN).
var ErrScore = errors.New("base score not in [0,1]")

// Bipolar is a quantitative bipolar argumentation framework: arguments
// 0..Len()-1, each with a base score in [0, 1], and attack and support
// relations between them. It is the input of [DFQuAD].
type Bipolar struct {
	base     []float64
	att, sup []edge
}

type edge struct{ from, to int32 }

// NewBipolar returns a bipolar framework of n arguments with base score 0.5
// (neither for nor against) and no attacks or supports. It panics if n is
// negative or above [MaxArguments], like make.
func NewBipolar(n int) *Bipolar {
	if n < 0 || n > MaxArguments {
		panic("af: NewBipolar: invalid number of arguments")
	}
	base := make([]float64, n)
	for i := range base {
		base[i] = 0.5
	}
	return &Bipolar{base: base}
}

// Len returns the number of arguments.
func (b *Bipolar) Len() int { return len(b.base) }

// Base returns the base score of argument i (0 if out of range).
func (b *Bipolar) Base(i int) float64 {
	if i < 0 || i >= len(b.base) {
		return 0
	}
	return b.base[i]
}

// SetBase sets the base score of argument i. It fails with
// [ErrArgumentRange] or [ErrScore].
func (b *Bipolar) SetBase(i int, score float64) error {
	if i < 0 || i >= len(b.base) {
		return fmt.Errorf("af: %w: %d with %d arguments", ErrArgumentRange, i, len(b.base))
	}
	if !(score >= 0 && score <= 1) {
		return fmt.Errorf("af: %w: %v", ErrScore, score)
	}
	b.base[i] = score
	return nil
}

// Attack records that from attacks to. Repeating an attack has no further
// effect.
func (b *Bipolar) Attack(from, to int) error { return b.add(&b.att, from, to) }

// Support records that from supports to. Repeating a support has no further
// effect.
func (b *Bipolar) Support(from, to int) error { return b.add(&b.sup, from, to) }

func (b *Bipolar) add(list *[]edge, from, to int) error {
	if from < 0 || from >= len(b.base) || to < 0 || to >= len(b.base) {
		return fmt.Errorf("af: %w: %d -> %d with %d arguments", ErrArgumentRange, from, to, len(b.base))
	}
	*list = append(*list, edge{int32(from), int32(to)})
	return nil
}

// Strengths is the result of [DFQuAD].
type Strengths struct {
	// Strength is the final strength of each argument, in [0, 1].
	Strength []float64
	// Acyclic reports that the attack and support relations together have
	// no cycle; then Strength is exact, computed in topological order.
	Acyclic bool
	// Converged reports that Strength is exact (Acyclic) or that the
	// iteration on a cyclic graph reached a fixed point: every strength
	// is within the tolerance of what the DF-QuAD equation gives it.
	Converged bool
	// Iterations is the number of rounds of the iteration on a cyclic
	// graph, 0 when Acyclic: the updates of the component that took the
	// most, divided by its size.
	Iterations int
}

// swing is how much an argument's swing back must shrink, relative to
// the swing before, for its iteration to go on undamped.
const swing = 0.7

// creep is the ratio of two moves in the same direction above which a
// damped argument is taken to be crawling towards its fixed point rather
// than settling, and gets its step doubled back towards a full one. Swings
// damped to nothing converge fast, so they stay damped; a slow mode that
// damping made slower does not (a 7-argument component of a generated
// graph took 1768 rounds damped for good, 460 with its steps restored).
const creep = 0.95

// restores bounds how often one argument gets its step back, so that
// damping has the last word where restoring it would start the swings
// again: unbounded, the 835,000-argument component of a generated
// million-claim graph no longer settled in 1000 rounds.
const restores = 4

// Defaults of [DFQuAD] for cyclic graphs.
const (
	DefaultTolerance     = 1e-9
	DefaultMaxIterations = 1000
)

// DFQuAD returns the DF-QuAD strengths (Rago, Toni, Aurisicchio and Baroni,
// KR 2016) of the arguments of b, with [DefaultTolerance] and
// [DefaultMaxIterations]. See [DFQuADIter].
func DFQuAD(b *Bipolar) Strengths {
	return DFQuADIter(b, DefaultTolerance, DefaultMaxIterations)
}

// DFQuADIter returns the DF-QuAD strengths of the arguments of b.
//
// The strength of an argument with base score v0 is C(v0, F(attackers),
// F(supporters)), where F aggregates the strengths of a set as
// 1 - Π(1 - v) (0 for none) and C combines: v0 - v0·(va - vs) when va ≥ vs,
// and v0 + (1 - v0)·(vs - va) otherwise.
//
// The arguments are taken one strongly connected component of the attack
// and support relations at a time, attackers and supporters first. An
// argument on no cycle is computed once, exactly, from final strengths;
// on an acyclic graph that is all of them, in O(Len()+edges) time. The
// arguments of a cycle are iterated from their base scores, updated in
// place (Gauss–Seidel) from a work list that holds only those whose
// attackers and supporters have moved, until every strength is within
// tol of what the equation gives it or maxIter rounds' worth of updates
// have run; the result says which. An argument whose updates keep
// turning back is damped (moved only part of the way), which leaves the
// fixed points as they are but lets iterations settle that would swing
// for ever, as they do on odd cycles of attack; one that is damped and
// then crawls on in the same direction gets its step back, at most a few
// times. Work stays within a component, so a small cycle does not make
// the whole graph iterate, and within a large one only the arguments
// still moving are updated. A negative or NaN tol counts as 0.
func DFQuADIter(b *Bipolar, tol float64, maxIter int) Strengths {
	if !(tol >= 0) {
		tol = 0 // a NaN must not make every move look small
	}
	n := len(b.base)
	in := inRows(n, b.att, b.sup)
	strength := slices.Clone(b.base)
	// target is what the DF-QuAD equation gives argument i now.
	target := func(i int32) float64 {
		row := in.src[in.start[i]:in.start[i+1]]
		split := in.mid[i] - in.start[i]
		return combine(b.base[i], aggregate(row[:split], strength), aggregate(row[split:], strength))
	}
	// The rows run from an argument to its attackers and supporters, so
	// Tarjan numbers every component after those it draws on.
	var t scc.Buf
	t.Components(in.start, in.src)
	mstart, members := group(t.Count, t.Comp)
	res := Strengths{Acyclic: true, Converged: true}
	var out rows // built when the first cycle is met
	var stale []float64
	var step []float32   // damping of each argument on a cycle, 1 for none
	var trend []int8     // sign of each argument's last move
	var last []float64   // size of each argument's last move before damping
	var restored []uint8 // times each argument got its step back
	var queued []bool
	var queue []int32
	// queue adds i to the work list once.
	enqueue := func(i int32) {
		if !queued[i] {
			queued[i] = true
			queue = append(queue, i)
		}
	}
	// move sets i to its target, or part of the way there when it keeps
	// swinging back, and accounts for the move: each argument i attacks
	// or supports in its component gains the move as input change since
	// its own last update, and is queued once that exceeds tol.
	move := func(i int32) {
		want := target(i)
		r := want - strength[i]
		dir := int8(1)
		if r < 0 {
			dir = -1
		}
		if r != 0 && dir != trend[i] && trend[i] != 0 && math.Abs(r) > swing*last[i] && step[i] > 1.0/64 {
			// It turned back with a swing not much smaller than the
			// last: damp it. Damping keeps the fixed points of the
			// equation and ends swings that would never settle, as on
			// odd cycles of attack; a swing that shrinks on its own is
			// left alone, since damping would only slow it.
			step[i] /= 2
		} else if r != 0 && dir == trend[i] && step[i] < 1 && math.Abs(r) > creep*last[i] && restored[i] < restores {
			// Damped, and crawling on the same way: damping is now only
			// slowing it. Take the step back up, as Rprop does with a
			// gradient that keeps its sign (Riedmiller and Braun, 1993).
			step[i] = min(1, 2*step[i])
			restored[i]++
		}
		trend[i], last[i] = dir, math.Abs(r)
		d := float64(step[i]) * r
		strength[i] += d
		// What is left of the way still bounds its own residual.
		stale[i] = math.Abs(r - d)
		if stale[i] > tol {
			enqueue(i)
		}
		if d == 0 {
			return
		}
		d = math.Abs(d)
		for _, j := range out.src[out.start[i]:out.start[i+1]] {
			if t.Comp[j] == t.Comp[i] {
				stale[j] += d
				if stale[j] > tol {
					enqueue(j)
				}
			}
		}
	}
	for k := range t.Count {
		m := members[mstart[k]:mstart[k+1]]
		if len(m) == 1 && !in.loop(m[0]) {
			strength[m[0]] = target(m[0])
			continue
		}
		if res.Acyclic {
			res.Acyclic = false
			out = in.reverse()
			stale = make([]float64, n)
			step = make([]float32, n)
			trend = make([]int8, n)
			last = make([]float64, n)
			restored = make([]uint8, n)
			queued = make([]bool, n)
		}
		// One round over the component from the base scores, then a work
		// list: an argument is updated again only when the strengths it
		// draws on have moved, in sum, by more than tol since its last
		// update, or a damped move left it more than tol short. Since F
		// and C change by at most the sum of the changes of their inputs,
		// an empty list means that no argument is more than tol from what
		// the equation gives it: a fixed point, with no further round to
		// check it. The rounds reported are updates divided by the
		// component's size.
		budget := math.MaxInt
		if maxIter < math.MaxInt/len(m) {
			budget = maxIter * len(m)
		}
		queue = queue[:0]
		updates := 0
		for _, i := range m {
			step[i] = 1
		}
		for _, i := range m {
			queued[i] = false
			move(i)
			updates++
		}
		for head := 0; head < len(queue) && updates < budget; head++ {
			i := queue[head]
			queued[i] = false
			move(i)
			updates++
			if head > len(m) && head > len(queue)/2 {
				// Drop the done part of the list, keeping memory to
				// O(component).
				queue = append(queue[:0], queue[head+1:]...)
				head = -1
			}
		}
		done := true
		for _, i := range m {
			if queued[i] {
				done = false
				queued[i] = false
			}
		}
		res.Iterations = max(res.Iterations, (updates+len(m)-1)/len(m))
		res.Converged = res.Converged && done
	}
	res.Strength = strength
	return res
}

// rows lists the attackers then the supporters of each argument, each once:
// those of i are src[start[i]:start[i+1]], attackers before mid[i].
type rows struct {
	start, mid []int32
	src        []int32
}

// inRows builds the rows of att and sup by counting, in O(n + edges).
func inRows(n int, att, sup []edge) rows {
	r := rows{start: make([]int32, n+1), mid: make([]int32, n)}
	natt := make([]int32, n)
	for _, e := range att {
		natt[e.to]++
	}
	for _, e := range sup {
		r.start[e.to+1]++
	}
	for i := range n {
		r.start[i+1] += r.start[i] + natt[i]
		r.mid[i] = r.start[i] + natt[i]
	}
	raw := make([]int32, len(att)+len(sup))
	fill := natt // reused: next free slot of each row's attackers
	copy(fill, r.start[:n])
	for _, e := range att {
		raw[fill[e.to]] = e.from
		fill[e.to]++
	}
	copy(fill, r.mid)
	for _, e := range sup {
		raw[fill[e.to]] = e.from
		fill[e.to]++
	}
	// Drop repeats within each half row, marking seen sources with the
	// row's number.
	seen := make([]int32, n)
	for i := range seen {
		seen[i] = -1
	}
	r.src = raw[:0]
	stamp := int32(0)
	for i := range int32(n) {
		lo, mid, hi := r.start[i], r.mid[i], r.start[i+1]
		r.start[i] = int32(len(r.src))
		for k := lo; k < hi; k++ {
			if k == mid {
				r.mid[i] = int32(len(r.src))
				stamp++
			}
			if j := raw[k]; seen[j] != stamp {
				seen[j] = stamp
				r.src = append(r.src, j)
			}
		}
		if mid == hi {
			r.mid[i] = int32(len(r.src))
		}
		stamp++
	}
	r.start[n] = int32(len(r.src))
	return r
}

// reverse returns the rows of the same edges by source: the arguments
// that i attacks or supports are src[start[i]:start[i+1]] (mid is unused).
func (r rows) reverse() rows {
	n := len(r.start) - 1
	out := rows{src: make([]int32, len(r.src))}
	var fill []int32
	out.start, fill = csr.Offsets(nil, nil, n, r.src)
	for i := range int32(n) {
		for _, j := range r.src[r.start[i]:r.start[i+1]] {
			out.src[fill[j]] = i
			fill[j]++
		}
	}
	return out
}

// loop reports whether i attacks or supports itself.
func (r rows) loop(i int32) bool {
	return slices.Contains(r.src[r.start[i]:r.start[i+1]], i)
}

// group lists the members of each of count components, given the
// component of each argument: those of k are members[start[k]:start[k+1]].
func group(count int, comp []int32) (start, members []int32) {
	start, fill := csr.Offsets(nil, nil, count, comp)
	members = make([]int32, len(comp))
	for i, k := range comp {
		members[fill[k]] = int32(i)
		fill[k]++
	}
	return start, members
}

// aggregate is F: 1 - Π(1 - v) over the strengths of srcs.
func aggregate(srcs []int32, strength []float64) float64 {
	prod := 1.0
	for _, j := range srcs {
		prod *= 1 - strength[j]
	}
	return 1 - prod
}

// combine is C(v0, va, vs).
func combine(v0, va, vs float64) float64 {
	if va >= vs {
		return v0 - v0*(va-vs)
	}
	return v0 + (1-v0)*(vs-va)
}
