package af

// The DF-QuAD iteration as it was before the Newton steps (main at
// e9cf2db), kept as a reference for the tests: bounds by the
// mixed-monotone iteration alone, then an averaged (Krasnosel'skii–Mann)
// estimate within them to the tolerance.

import (
	"math"
	"slices"

	"github.com/claimgraph/claimgraph/graph/internal/csr"
	"github.com/claimgraph/claimgraph/graph/internal/scc"
)

// refDFQuAD is DFQuADIter as it was.
func refDFQuAD(b *Bipolar, tol float64, maxIter int) Strengths {
	if !(tol >= 0) {
		tol = 0 // a NaN must not make every move look small
	}
	n := len(b.base)
	in := inRows(n, b.att, b.sup)
	// lo and hi bound the fixed points, x is the estimate.
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
	var w refWork
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
			w = newRefWork(n, in, t.Comp)
		}
		for _, i := range m {
			lo[i], hi[i] = 0, 1
		}
		// Bounds: every fixed point stays within [lo, hi]. They are
		// worked on while they move at all: being monotone, they stop
		// in floating point, if not sooner at the budget.
		updates, _ := w.run(m, 0, maxIter, func(i int32) (float64, float64) {
			l := max(lo[i], eval(i, hi, lo))
			h := max(l, min(hi[i], eval(i, lo, hi)))
			d := max(l-lo[i], hi[i]-h)
			lo[i], hi[i] = l, h
			return d, 0
		})
		open := false
		for _, i := range m {
			x[i] = lo[i] + (hi[i]-lo[i])/2
			open = open || hi[i]-lo[i] > tol
		}
		done := true
		if open {
			// Estimate: averaged iteration within the bounds, to a
			// fixed point within tol.
			var more int
			more, done = w.run(m, tol, maxIter, func(i int32) (float64, float64) {
				want := eval(i, x, x)
				v := min(max(x[i]+(want-x[i])/2, lo[i]), hi[i])
				d := math.Abs(v - x[i])
				x[i] = v
				return d, math.Abs(want - v)
			})
			updates += more
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

// work is the work list of an iteration within one component.
type refWork struct {
	comp   []int32
	out    rows // from each argument to those it attacks or supports
	stale  []float64
	queued []bool
	queue  []int32
}

func newRefWork(n int, in rows, comp []int32) refWork {
	return refWork{comp: comp, out: in.reverse(), stale: make([]float64, n), queued: make([]bool, n)}
}

// run updates each argument of component m once, then again whenever the
// moves of the arguments it draws on sum to more than tol since its last
// update, until none is left or maxIter rounds' worth of updates (maxIter times len(m)) have
// run. update moves one argument and returns how far, and how far it is
// left from where its update would take it now. run returns the updates
// made and whether the work list emptied.
func (w *refWork) run(m []int32, tol float64, maxIter int, update func(int32) (moved, left float64)) (int, bool) {
	budget := math.MaxInt
	if maxIter < math.MaxInt/len(m) {
		budget = maxIter * len(m)
	}
	w.queue = w.queue[:0]
	for _, i := range m {
		w.queued[i] = true
		w.queue = append(w.queue, i)
		w.stale[i] = 0
	}
	updates := 0
	for head := 0; head < len(w.queue) && updates < budget; head++ {
		i := w.queue[head]
		w.queued[i] = false
		w.stale[i] = 0
		d, left := update(i)
		updates++
		if left > tol {
			w.stale[i] = left
			w.queued[i] = true
			w.queue = append(w.queue, i)
		}
		if d > 0 {
			for _, j := range w.out.src[w.out.start[i]:w.out.start[i+1]] {
				w.stale[j] += d
				if w.stale[j] > tol && !w.queued[j] && w.comp[j] == w.comp[i] {
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
