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
	fixed    map[int32]Fixed // see fix.go
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
	// Converged reports that Strength is exact (Acyclic) or a fixed point
	// within the tolerance: every strength is within it of what the
	// DF-QuAD equation gives it from the others. Where the bounds stay
	// apart, Strength is their centre, which is a fixed point on
	// symmetric cycles (all 1/2 between arguments of base score 1) but
	// not in general; then Converged is false, and Bound says how far the
	// strengths may be from any fixed point.
	Converged bool
	// Lower and Upper bound the fixed points of the DF-QuAD equations —
	// the strengths DF-QuAD defines — argument by argument: every fixed
	// point x has Lower[i] ≤ x[i] ≤ Upper[i], and so does Strength. Where
	// they meet, the strength is unique; on an acyclic graph they equal
	// Strength.
	Lower, Upper []float64
	// Bound is a proven bound on the error of Strength: the largest
	// distance from a strength to its Lower or Upper bound, so that every
	// fixed point is within Bound of Strength. It is 0 when Acyclic, at
	// most half the tolerance where the bounds closed (then the fixed
	// point is unique to within it), a little more where a component is
	// so ill-conditioned that rounding alone keeps them apart (base
	// scores within about 1e-6 of 1 in mutual attack), and larger where
	// several fixed points may exist, as on a cycle of mutual attack
	// between arguments of base score 1 (Bound 1/2), downstream of such a
	// cycle, or where the bounds ran out of rounds.
	Bound float64
	// Iterations is the number of rounds of the iteration on a cyclic
	// graph, 0 when Acyclic: the updates of the component that took the
	// most divided by its size, a Newton step of a small component
	// counting as one round.
	Iterations int
}

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
// and v0 + (1 - v0)·(vs - va) otherwise. On a cyclic graph these
// equations are a continuous map T of [0,1]ⁿ into itself, which has a
// fixed point (Brouwer), not always one only.
//
// The arguments are taken one strongly connected component of the attack
// and support relations at a time, attackers and supporters first. An
// argument on no cycle is computed once from those; on an acyclic graph
// that is all of them, exactly, in O(Len()+edges) time.
//
// # Bounds
//
// Within a cyclic component DFQuADIter narrows an interval [L, U] of each
// argument that holds every fixed point. T is monotone: its value at an
// argument rises with the strengths of its supporters and falls with
// those of its attackers (F rises with each input; C rises with vs and
// falls with va). So if every fixed point x lies within [L, U], it also
// lies within
//
//	L'ᵢ = Tᵢ(L on supporters, U on attackers),
//	U'ᵢ = Tᵢ(U on supporters, L on attackers),
//
// the bounds of a mixed-monotone system (the interval analogue of the
// alternating fixed point that gives the grounded labelling). Starting
// from [0, 1] and keeping max(L, L') and min(U, U'), updated in place from
// a work list, L only rises and U only falls: both converge, to the least
// solution of these equations in the order where L rises and U falls, and
// every fixed point stays between them. They need not meet: on an even
// cycle of mutual attack between arguments of base score 1 every pair
// (s, 1-s) is a fixed point, and [0, 1] is the truth.
//
// The iteration may contract as slowly as the product of the base scores
// around a cycle, per round: slowly near 1, as between two claims of many
// origins each (base 1 − 2⁻³⁰ takes some 10¹⁰ rounds). On a component of
// at most 32 arguments DFQuADIter alternates it, for 1, 2, 4, … rounds,
// with Krawczyk steps (interval Newton; Moore, Kearfott and Cloud,
// Introduction to Interval Analysis, SIAM 2009, §8.2), repeated while
// each halves the total width. A step on a system of equations f(x) = 0
// and a box computes a box K that holds every solution within the box,
// by the mean value theorem, whatever the outcome; where the system is
// regular and the box small it is Newton's method, converging
// quadratically. One step takes x = T(x) over the bounds, and so proves
// a fixed point unique where the monotone bounds cannot (an odd cycle of
// base score 1); the other takes the equations of L and U themselves,
// over the bounds of the iteration, and reaches their limit at Newton's
// pace where the iteration crawls. The arithmetic carries its rounding,
// amplified by the conditioning of the component, into the bounds (see
// dense.krawczyk in narrow.go for the derivation). A step makes no
// progress where the equations have a continuum of solutions, as on the
// even cycle above.
//
// An argument is updated again only when an argument it draws on has
// moved by more than tol times the width of its bounds: a bound that
// narrows by a smaller fraction a round needs over 1/tol rounds to narrow
// by a factor e, and bounds are sound wherever they stop. The iteration
// also stops after maxIter rounds' worth of updates (maxIter times the
// component's size).
//
// # Strength
//
// The strength is the centre of the bounds. Where they meet within tol
// it is the fixed point to within tol/2. Where they stay apart, DFQuADIter
// knows no more of where the fixed points lie, and finding one of them
// would prove nothing more (there may be many; an iteration may also
// crawl: on the generated 100k graph the averaged iteration of an earlier
// version ran its 1000 rounds on a component of 30,000 claims of base
// score 1 without settling). The centre is the point whose greatest
// distance to any point of the bounds is least: [Strengths].Bound, the
// half width, is the least error they prove. Converged then says whether
// the centre happens to be a fixed point.
//
// # Cost
//
// Work stays within a component, so a small cycle does not make the
// whole graph iterate. The iteration costs O(arguments + edges) of the
// component per round, at most maxIter rounds; a Krawczyk step on a
// component of k ≤ 32 arguments costs O(k³ + k·edges) and is counted as
// a round against maxIter (in practice a few steps, each halving the
// width, after each of the O(log maxIter) series of rounds). Finding
// the components and checking the residual cost O(Len() + edges), and
// memory is O(Len() + edges). A negative or NaN tol counts as 0.
func DFQuADIter(b *Bipolar, tol float64, maxIter int) Strengths {
	if !(tol >= 0) {
		tol = 0 // a NaN must not make every move look small
	}
	n := len(b.base)
	in := inRows(n, b.att, b.sup)
	// lo and hi bound the fixed points, x holds the strengths.
	lo, hi, x := make([]float64, n), make([]float64, n), slices.Clone(b.base)
	// eval is Tᵢ with attackers read from att and supporters from sup.
	eval := func(i int32, att, sup []float64) float64 {
		row := in.src[in.start[i]:in.start[i+1]]
		split := in.mid[i] - in.start[i]
		return combine(b.base[i], aggregate(row[:split], att), aggregate(row[split:], sup))
	}
	// The rows run from an argument to its attackers and supporters, so
	// Tarjan numbers every component after those it draws on.
	var t scc.Buf
	t.Components(in.start, in.src)
	mstart, members := csr.Group(t.Count, t.Comp)
	res := Strengths{Acyclic: true, Converged: true}
	var w work
	for k := range t.Count {
		m := members[mstart[k]:mstart[k+1]]
		if len(m) == 1 && !in.loop(m[0]) {
			i := m[0]
			if f, ok := b.fixed[i]; ok && in.start[i] == in.start[i+1] {
				x[i], lo[i], hi[i] = f.Strength, f.Lower, f.Upper
				continue
			}
			x[i] = eval(i, x, x)
			if in.exact(i, lo, hi) {
				lo[i], hi[i] = x[i], x[i]
			} else {
				lo[i], hi[i] = eval(i, hi, lo), eval(i, lo, hi)
			}
			continue
		}
		if res.Acyclic {
			res.Acyclic = false
			w = newWork(n, in, t.Comp)
		}
		for _, i := range m {
			lo[i], hi[i] = 0, 1
		}
		updates := w.narrow(b, in, m, lo, hi, tol, maxIter, eval)
		// Strength: the centre of the bounds, the point nearest to
		// every fixed point they hold.
		done := true
		for _, i := range m {
			x[i] = lo[i] + (hi[i]-lo[i])/2
		}
		for _, i := range m {
			done = done && math.Abs(eval(i, x, x)-x[i]) <= tol
		}
		res.Iterations = max(res.Iterations, (updates+len(m)-1)/len(m))
		res.Converged = res.Converged && done
	}
	for i := range x {
		res.Bound = max(res.Bound, x[i]-lo[i], hi[i]-x[i])
	}
	res.Strength, res.Lower, res.Upper = x, lo, hi
	return res
}

// work is the work list of the bounds within one component, and the
// scratch space of their dense narrowing (see narrow).
type work struct {
	comp   []int32
	out    rows // from each argument to those it attacks or supports
	queued []bool
	queue  []int32
	pos    []int32 // position of each argument in its component
	d      dense
}

func newWork(n int, in rows, comp []int32) work {
	return work{comp: comp, out: in.reverse(), queued: make([]bool, n), pos: make([]int32, n)}
}

// run updates each argument of component m once, then again whenever an
// argument it draws on has moved since its last update, until none is
// left or maxIter rounds' worth of updates (maxIter times len(m)) have
// run. update moves one argument and reports whether it moved. run
// returns the updates made and whether the work list emptied.
func (w *work) run(m []int32, maxIter int, update func(int32) bool) (int, bool) {
	budget := math.MaxInt
	if maxIter < math.MaxInt/len(m) {
		budget = maxIter * len(m)
	}
	w.queue = w.queue[:0]
	for _, i := range m {
		w.queued[i] = true
		w.queue = append(w.queue, i)
	}
	updates := 0
	for head := 0; head < len(w.queue) && updates < budget; head++ {
		i := w.queue[head]
		w.queued[i] = false
		updates++
		if update(i) {
			for _, j := range w.out.src[w.out.start[i]:w.out.start[i+1]] {
				if !w.queued[j] && w.comp[j] == w.comp[i] {
					w.queued[j] = true
					w.queue = append(w.queue, j)
				}
			}
		}
		if head > len(m) && head > len(w.queue)/2 {
			// Drop the done part of the list, keeping memory to
			// O(component).
			w.queue = append(w.queue[:0], w.queue[head+1:]...)
			head = -1
		}
	}
	done := true
	for _, i := range m {
		if w.queued[i] {
			done = false
			w.queued[i] = false
		}
	}
	return updates, done
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

// exact reports whether every attacker and supporter of i has its
// bounds lo and hi equal.
func (r rows) exact(i int32, lo, hi []float64) bool {
	for _, j := range r.src[r.start[i]:r.start[i+1]] {
		if lo[j] != hi[j] {
			return false
		}
	}
	return true
}

// loop reports whether i attacks or supports itself.
func (r rows) loop(i int32) bool {
	return slices.Contains(r.src[r.start[i]:r.start[i+1]], i)
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
