package af

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/claimgraph/claimgraph/graph/internal/scc"
)

// ErrScore reports a base score outside [0, 1] (or NaN).
var ErrScore = errors.New("af: base score not in [0,1]")

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
		return fmt.Errorf("%w: %d with %d arguments", ErrArgumentRange, i, len(b.base))
	}
	if !(score >= 0 && score <= 1) {
		return fmt.Errorf("%w: %v", ErrScore, score)
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
		return fmt.Errorf("%w: %d -> %d with %d arguments", ErrArgumentRange, from, to, len(b.base))
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
	// iteration on a cyclic graph reached a fixed point: no strength moved
	// by more than the tolerance in the last round.
	Converged bool
	// Iterations is the number of rounds of the iteration on a cyclic
	// graph, 0 when Acyclic.
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
// and v0 + (1 - v0)·(vs - va) otherwise.
//
// The arguments are taken one strongly connected component of the attack
// and support relations at a time, attackers and supporters first. An
// argument on no cycle is computed once, exactly, from final strengths;
// on an acyclic graph that is all of them, in O(Len()+edges) time. The
// arguments of a cycle are iterated from their base scores, each round
// updating them in place (Gauss–Seidel), until no strength moves by more
// than tol or maxIter rounds have run; the result says which. A round
// costs the size of its component, so a small cycle does not make the
// whole graph iterate.
func DFQuADIter(b *Bipolar, tol float64, maxIter int) Strengths {
	n := len(b.base)
	in := inRows(n, b.att, b.sup)
	strength := slices.Clone(b.base)
	update := func(i int32) float64 {
		row := in.src[in.start[i]:in.start[i+1]]
		split := in.mid[i] - in.start[i]
		s := combine(b.base[i], aggregate(row[:split], strength), aggregate(row[split:], strength))
		d := math.Abs(s - strength[i])
		strength[i] = s
		return d
	}
	// The rows run from an argument to its attackers and supporters, so
	// Tarjan numbers every component after those it draws on.
	var t scc.Buf
	t.Components(in.start, in.src)
	mstart, members := group(t.Count, t.Comp)
	res := Strengths{Acyclic: true, Converged: true}
	var out rows // built when the first cycle is met
	var queued []bool
	var queue []int32
	for k := range t.Count {
		m := members[mstart[k]:mstart[k+1]]
		if len(m) == 1 && !in.loop(m[0]) {
			update(m[0])
			continue
		}
		if res.Acyclic {
			res.Acyclic = false
			out = in.reverse()
			queued = make([]bool, n)
		}
		// A work list: an argument is updated again only when one of its
		// attackers or supporters moved by more than tol. When the list
		// runs dry, a full round checks the fixed point and refills it.
		// The rounds reported are updates divided by the component's size.
		budget := maxIter * len(m)
		updates, done := 0, false
		for !done && updates < budget {
			queue = queue[:0]
			delta := 0.0
			for _, i := range m { // a full round
				d := update(i)
				updates++
				delta = max(delta, d)
				if d > tol {
					queue = out.push(queue, queued, i, t.Comp)
				}
			}
			if done = delta <= tol; done {
				break
			}
			for len(queue) > 0 && updates < budget {
				i := queue[0]
				queue = queue[1:]
				queued[i] = false
				updates++
				if update(i) > tol {
					queue = out.push(queue, queued, i, t.Comp)
				}
			}
			for _, i := range queue {
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
	out := rows{start: make([]int32, n+1), src: make([]int32, len(r.src))}
	for _, j := range r.src {
		out.start[j+1]++
	}
	for i := range n {
		out.start[i+1] += out.start[i]
	}
	fill := slices.Clone(out.start[:n])
	for i := range int32(n) {
		for _, j := range r.src[r.start[i]:r.start[i+1]] {
			out.src[fill[j]] = i
			fill[j]++
		}
	}
	return out
}

// push appends to queue the arguments that i attacks or supports within
// its own component and not yet queued.
func (r rows) push(queue []int32, queued []bool, i int32, comp []int32) []int32 {
	for _, j := range r.src[r.start[i]:r.start[i+1]] {
		if comp[j] == comp[i] && !queued[j] {
			queued[j] = true
			queue = append(queue, j)
		}
	}
	return queue
}

// loop reports whether i attacks or supports itself.
func (r rows) loop(i int32) bool {
	return slices.Contains(r.src[r.start[i]:r.start[i+1]], i)
}

// group lists the members of each of count components, given the
// component of each argument: those of k are members[start[k]:start[k+1]].
func group(count int, comp []int32) (start, members []int32) {
	start = make([]int32, count+1)
	for _, k := range comp {
		start[k+1]++
	}
	for k := range count {
		start[k+1] += start[k]
	}
	fill := slices.Clone(start[:count])
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
