package main

import (
	"math"
	"slices"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/claimgraph/claimgraph/sources/truth"
)

// Obj is the state of one object under ACCU and DEPEN: its facts, in
// rank order (the order of their IDs in the library), with their
// sources, and the fact it chose in the last iteration.
type Obj struct {
	ID     int64
	Facts  []Fact
	Chosen int64 // −1 before the first iteration
}

// Pair is what two sources that assert a common fact share: Same facts,
// and Diff objects on which they give different values (objects in
// common less those with a common value, as the library counts them).
type Pair struct{ Same, Diff int }

// accu runs ACCU or DEPEN (sources/truth's accu, §2 and §3 of Dong,
// Berti-Equille & Srivastava 2009), calling the library's steps:
// truth.CopyModel's Discount for each pair of sources that share a fact,
// Count and Probabilities for each object's facts, truth.AccuTrust and
// truth.Accuracy for each source. An iteration is
//
//   - per object, with the sources' accuracies and the pairs' discounts
//     as side inputs: the vote count of each fact, the probabilities, the
//     choice and the facts tied for the top; it sends each source its
//     share of A(S), and each pair of the chosen fact's sources a shared
//     true value;
//   - per source: A(S) and its accuracy for the next iteration;
//   - per pair: its discount for the next iteration, from the shared
//     true values of this one and the accuracies.
//
// Convergence is the library's: no choice moved and no trust changed by
// the tolerance. The pairs are those of the library (every two sources
// of a fact): Σ_f |S_f|² / 2 pair incidences counted once per run and
// those of the chosen facts once per iteration, each fact sending each
// of its sources the list of those after it, and each source counting
// its partners; the discounts of all pairs are a side input, which must
// fit a worker's memory. No copies
// are declared (nor does truth.FromGraph declare any), and the detected
// copies (truth.Result.Dependence) are not output.
//
// The first block builds the objects and the pairs from the facts; a
// later one starts from the objects and pairs of the state, the
// accuracies from the sources' trust and the discounts from the choices
// of the iteration before, as that iteration's last steps made them.
func accu(s beam.Scope, r Run, b Block, st State) Outcome {
	srcs := st.Srcs
	var objs, pairs, accs, discs beam.PCollection
	if b.From == 1 {
		facts := beam.ParDo(s, keyFact, st.Facts)
		objs = beam.ParDo(s, buildObj, beam.GroupByKey(s, beam.ParDo(s, byObject, facts)))
		pairs = beam.ParDo(s, buildPair, beam.CoGroupByKey(s,
			pairCounts(s, beam.ParDo(s, factPartners, facts)),
			pairCounts(s, beam.ParDo(s, objectPartners, objs))))
		accs = beam.ParDo(s, &priorAcc{Run: r}, srcs)
		discs = beam.ParDo(s, unitDisc, pairs)
	} else {
		objs, pairs = st.Objs, st.Pairs
		accs = beam.ParDo(s, &srcAcc{Run: r}, srcs)
		discs = beam.ParDo(s, &pairDisc{Run: r}, beam.CoGroupByKey(s, pairs, pairCounts(s, beam.ParDo(s, chosenPartners, objs))), beam.SideInput{Input: accs})
	}
	o := unroll(s, b, func(is beam.Scope, i int, side beam.SideInput) Iteration {
		out := beam.ParDoN(is, &objStep{Run: r}, objs, side, beam.SideInput{Input: accs}, beam.SideInput{Input: discs})
		doneF, toSrc, shared, moved := out[0], out[2], out[3], out[4]
		objs = out[1]
		var doneS, parts beam.PCollection
		doneS, srcs, accs, parts = beam.ParDo4(is, &srcAccu{Run: r}, beam.CoGroupByKey(is, srcs, sendSum(is, toSrc)), side)
		st := beam.ParDo(is, &iterStat{Iter: i}, beam.Combine(is, statFn{}, beam.Flatten(is, parts, moved)))
		discs = beam.ParDo(is, &pairDisc{Run: r}, beam.CoGroupByKey(is, pairs, pairCounts(is, shared)), beam.SideInput{Input: accs})
		return Iteration{Srcs: doneS, Facts: doneF, Stat: st}
	}, func() (beam.PCollection, beam.PCollection) { return srcs, beam.ParDo(s, objValue, objs) })
	if b.From == 1 {
		o.Pairs = pairs
	}
	return o
}

func buildObj(id int64, iter func(*Fact) bool) (int64, Obj) {
	return id, Obj{ID: id, Facts: collect(iter, factRank), Chosen: -1}
}

// objFacts emits the facts of an object.
func objFacts(o Obj, emit func(Fact)) {
	for _, f := range o.Facts {
		emit(f)
	}
}

// chosenPartners emits the partners among the sources of the fact an
// object chose (see [partners]): what its step sent as shared true
// values in the iteration that chose it.
func chosenPartners(_ int64, o Obj, emit func(int64, []int64)) {
	for _, f := range o.Facts {
		if f.ID == o.Chosen {
			partners(f.Sources, emit)
		}
	}
}

// pairKey is the key of the pair of sources a < b.
func pairKey(a, b int64) int64 { return a<<32 | b }

// partners emits, for every source a of the sorted, distinct sources
// ss, the sources after it: the pairs of ss, as |ss| elements rather
// than |ss|²/2 (Prism's cost is per element).
func partners(ss []int64, emit func(int64, []int64)) {
	for i, a := range ss[:max(len(ss)-1, 0)] {
		emit(a, ss[i+1:])
	}
}

// pairCounts counts the pairs that lists of partners (see partners)
// name: (pair key, how many lists name it), one source's lists per
// worker.
func pairCounts(s beam.Scope, lists beam.PCollection) beam.PCollection {
	return beam.ParDo(s, countPartners, beam.GroupByKey(s, lists))
}

func countPartners(a int64, lists func(*[]int64) bool, emit func(int64, int)) {
	n := make(map[int64]int)
	var l []int64
	for lists(&l) {
		for _, b := range l {
			n[b]++
		}
	}
	bs := make([]int64, 0, len(n))
	for b := range n {
		bs = append(bs, b)
	}
	slices.Sort(bs) // the same output for the same input
	for _, b := range bs {
		emit(pairKey(a, b), n[b])
	}
}

func factPartners(_ int64, f Fact, emit func(int64, []int64)) { partners(f.Sources, emit) }

// objectPartners emits the partners among an object's distinct sources:
// objects in common.
func objectPartners(_ int64, o Obj, emit func(int64, []int64)) {
	var ss []int64
	for _, f := range o.Facts {
		ss = append(ss, f.Sources...)
	}
	slices.Sort(ss)
	partners(slices.Compact(ss), emit)
}

func buildPair(key int64, same, common func(*int) bool, emit func(int64, Pair)) {
	var n, c int
	if !same(&n) {
		return // no fact in common: no pair
	}
	common(&c)
	emit(key, Pair{Same: n, Diff: max(c-n, 0)})
}

// unitDisc: before the first decision every pair counts as independent.
func unitDisc(key int64, _ Pair) (int64, float32) { return key, 1 }

// priorAcc gives every source the prior accuracy.
type priorAcc struct{ Run Run }

func (fn *priorAcc) ProcessElement(id int64, _ Src) (int64, float64) {
	return id, truth.Accuracy(fn.Run.Opts.InitialTrust)
}

// tableCache keeps a side input of pairs (key, value) as a map once read.
type tableCache[K comparable, V any] struct {
	m  map[K]V
	in bool
}

func (c *tableCache[K, V]) get(iter func(*K, *V) bool) map[K]V {
	if !c.in {
		c.m = make(map[K]V)
		var k K
		var v V
		for iter(&k, &v) {
			c.m[k] = v
		}
		c.in = true
	}
	return c.m
}

// objStep scores one object's facts, or, once the run has stopped, hands
// them on as final.
type objStep struct {
	Run   Run
	stop  sideCache[Stat]
	accs  tableCache[int64, float64]
	discs tableCache[int64, float32]
	model *truth.CopyModel
	out   outbox
}

func (fn *objStep) ProcessElement(id int64, o Obj, stop func(*Stat) bool, accs func(*int64, *float64) bool, discs func(*int64, *float32) bool,
	final func(Obj), emit func(int64, Obj), _ func(int64, Msg), shared func(int64, []int64), moved func(Part)) {
	if fn.Run.stopped(fn.stop.get(stop)) {
		final(o)
		return
	}
	if fn.model == nil {
		m := truth.NewCopyModel(fn.Run.Opts.truth())
		fn.model = &m
	}
	acc, disc := fn.accs.get(accs), fn.discs.get(discs)
	count := make([]float64, len(o.Facts))
	for i, f := range o.Facts {
		votes := make([]float64, len(f.Sources))
		for j, s := range f.Sources {
			votes[j] = fn.model.Vote(acc[s])
		}
		d := make([]float32, 0, len(votes)*(len(votes)-1)/2)
		for j, a := range f.Sources {
			for _, b := range f.Sources[j+1:] {
				x, ok := disc[pairKey(a, b)]
				if !ok {
					x = 1
				}
				d = append(d, x)
			}
		}
		count[i] = fn.model.Count(votes, d)
	}
	prob := make([]float64, len(o.Facts))
	even := make([]bool, len(o.Facts))
	best := fn.model.Probabilities(count, prob, even)
	for i := range o.Facts {
		f := &o.Facts[i]
		f.Belief = prob[i]
		tested := truth.Tested(len(o.Facts), len(f.Sources)-1)
		m := Msg{D: f.Belief}
		if tested {
			m.C = 1
			if !even[i] {
				m.A, m.B = f.Belief, 1
			}
		}
		for _, s := range f.Sources {
			fn.out.send(s, m)
		}
	}
	p := Part{}
	if b := o.Facts[best].ID; b != o.Chosen {
		p.Moved = 1
		o.Chosen = b
	}
	moved(p)
	partners(o.Facts[best].Sources, shared)
	emit(id, o)
}

func (fn *objStep) FinishBundle(_ func(*Stat) bool, _ func(*int64, *float64) bool, _ func(*int64, *float32) bool,
	_ func(Obj), _ func(int64, Obj), toSrc func(int64, Msg), _ func(int64, []int64), _ func(Part)) {
	fn.out.flush(toSrc)
}

// srcAcc gives a source the accuracy that srcAccu gave it in the
// iteration that set its trust.
type srcAcc struct{ Run Run }

func (fn *srcAcc) ProcessElement(id int64, src Src) (int64, float64) {
	return id, fn.Run.accuracy(src.Trust)
}

// accuracy is the accuracy a source of trust t votes with in the next
// iteration: under DEPEN, which does not learn accuracies, the prior's.
func (r Run) accuracy(t float64) float64 {
	if r.Alg == truth.Depen {
		t = r.Opts.InitialTrust
	}
	return truth.Accuracy(t)
}

// srcAccu sets a source's trust to A(S) and its accuracy for the next
// iteration (the prior's under DEPEN), or hands it on as final once the
// run stopped.
type srcAccu struct {
	Run  Run
	stop sideCache[Stat]
}

func (fn *srcAccu) ProcessElement(id int64, srcs func(*Src) bool, msgs func(*Msg) bool, stop func(*Stat) bool,
	final func(Src), emit func(int64, Src), accs func(int64, float64), parts func(Part)) {
	src, m, ok := received(fn.Run, &fn.stop, stop, srcs, msgs, final)
	if !ok {
		return
	}
	prior := fn.Run.Opts.InitialTrust
	t := truth.AccuTrust(m.A, int(m.B), int(m.C), m.D, len(src.Facts), prior)
	parts(Part{D: math.Abs(t - src.Trust)})
	src.Trust = t
	accs(id, fn.Run.accuracy(t))
	emit(id, src)
}

// pairDisc computes a pair's discount for the next iteration from the
// true values its sources shared in this one and their accuracies.
type pairDisc struct {
	Run   Run
	accs  tableCache[int64, float64]
	model *truth.CopyModel
}

func (fn *pairDisc) ProcessElement(key int64, ps func(*Pair) bool, shared func(*int) bool, accs func(*int64, *float64) bool, emit func(int64, float32)) {
	var p Pair
	acc := fn.accs.get(accs)
	if !ps(&p) || len(acc) == 0 {
		return // the run has stopped: no accuracies
	}
	if fn.model == nil {
		m := truth.NewCopyModel(fn.Run.Opts.truth())
		fn.model = &m
	}
	kt := 0
	shared(&kt)
	emit(key, fn.model.Discount(acc[key>>32], acc[key&math.MaxUint32], kt, p.Same-kt, p.Diff))
}
