package af

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
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
// On an acyclic graph the strengths are computed exactly in topological
// order in O(Len()+edges) time. On a cyclic graph they are iterated from the
// base scores, updating all arguments from the previous round, until no
// strength moves by more than tol or maxIter rounds have run; the result
// says which.
func DFQuADIter(b *Bipolar, tol float64, maxIter int) Strengths {
	n := len(b.base)
	att, sup := csr(n, b.att), csr(n, b.sup)
	strength := slices.Clone(b.base)
	update := func(dst []float64, i int32, src []float64) {
		va := aggregate(att, i, src)
		vs := aggregate(sup, i, src)
		dst[i] = combine(b.base[i], va, vs)
	}
	if order, ok := topoOrder(n, b.att, b.sup); ok {
		for _, i := range order {
			update(strength, i, strength)
		}
		return Strengths{Strength: strength, Acyclic: true, Converged: true}
	}
	next := make([]float64, n)
	res := Strengths{}
	for res.Iterations < maxIter {
		res.Iterations++
		delta := 0.0
		for i := range int32(n) {
			update(next, i, strength)
			delta = math.Max(delta, math.Abs(next[i]-strength[i]))
		}
		strength, next = next, strength
		if delta <= tol {
			res.Converged = true
			break
		}
	}
	res.Strength = strength
	return res
}

// adjacency lists sources by target, duplicates removed.
type adjacency struct {
	start []int32
	src   []int32
}

func csr(n int, edges []edge) adjacency {
	sorted := slices.Compact(sortedEdges(edges))
	a := adjacency{start: make([]int32, n+1), src: make([]int32, len(sorted))}
	for k, e := range sorted {
		a.start[e.to+1]++
		a.src[k] = e.from
	}
	prefix(a.start)
	return a
}

// aggregate is F: 1 - Π(1 - v) over the sources of i.
func aggregate(a adjacency, i int32, strength []float64) float64 {
	prod := 1.0
	for _, j := range a.src[a.start[i]:a.start[i+1]] {
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

// topoOrder returns the arguments in an order where every attacker and
// supporter comes before its target, or false if there is a cycle (Kahn's
// algorithm).
func topoOrder(n int, lists ...[]edge) ([]int32, bool) {
	indeg := make([]int32, n)
	var all []edge
	for _, l := range lists {
		all = append(all, l...)
	}
	out := csr(n, swap(all)) // out.src[out.start[i]:...] = targets of i
	for _, e := range slices.Compact(sortedEdges(all)) {
		indeg[e.to]++
	}
	order := make([]int32, 0, n)
	for i := range int32(n) {
		if indeg[i] == 0 {
			order = append(order, i)
		}
	}
	for head := 0; head < len(order); head++ {
		i := order[head]
		for _, j := range out.src[out.start[i]:out.start[i+1]] {
			indeg[j]--
			if indeg[j] == 0 {
				order = append(order, j)
			}
		}
	}
	return order, len(order) == n
}

func swap(es []edge) []edge {
	s := make([]edge, len(es))
	for k, e := range es {
		s[k] = edge{e.to, e.from}
	}
	return s
}

func sortedEdges(es []edge) []edge {
	s := slices.Clone(es)
	slices.SortFunc(s, func(x, y edge) int {
		return cmp.Or(cmp.Compare(x.to, y.to), cmp.Compare(x.from, y.from))
	})
	return s
}
