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
	// Disc holds, for an iteration's step, the tables of the discounts
	// of each fact's pairs (see [withRows]); nil where every pair counts
	// as independent, and between iterations.
	Disc [][]float32
}

// Pair is what two sources that assert a common fact share: Same facts,
// and Diff objects on which they give different values (objects in
// common less those with a common value, as the library counts them).
type Pair struct{ Same, Diff int }

// Pairs are the pairs of source A with the sources after it that share
// a fact with it: B, sorted, and what each shares with A. They are one
// element per source, keyed by A: the pairs held anywhere at once are
// one source's.
type Pairs struct {
	A     int64
	B     []int64
	Pairs []Pair
}

// Inc is one incidence of the pairs of a fact: the fact's sources after
// a source A (B, sorted) on fact Fact of object Obj. A fact of k
// sources has k−1 of them, keyed by their A.
type Inc struct {
	Obj, Fact int64
	B         []int64
}

// Row is what an object receives of the discounts of one fact's pairs:
// those of source A with each of the fact's sources after it, in order
// (row A of the fact's table, see truth.CopyModel.Count).
type Row struct {
	Fact, A int64
	D       []float32
}

// accu runs ACCU or DEPEN (sources/truth's accu, §2 and §3 of Dong,
// Berti-Equille & Srivastava 2009), calling the library's steps:
// truth.CopyModel's Discount for each pair of sources that share a fact,
// Count and Probabilities for each object's facts, truth.AccuTrust and
// truth.Accuracy for each source. An iteration is
//
//   - per object, joined with the rows of its facts' discounts (none
//     before the first decision: every pair counts as independent), with
//     the sources' accuracies as a side input: the vote count of each
//     fact, the probabilities, the choice and the facts tied for the top;
//     it sends each source its share of A(S);
//   - per source: A(S) and its accuracy for the next iteration;
//   - per source A, joined with its pairs, the partners it shares the
//     new chosen values with and the incidences of its pairs on the
//     objects' facts: the discounts of its pairs for the next iteration,
//     from the shared true values and the accuracies, sent to the objects
//     as rows ([discRows]).
//
// Convergence is the library's: no choice moved and no trust changed by
// the tolerance. The pairs are those of the library (every two sources
// of a fact). No side input grows with them: the discounts reach the
// objects by key, so that a worker holds at once one source's pairs
// (and its incidences) or one object's rows, and the sources'
// accuracies, one number a source. What travels per iteration is Σ_f
// (|S_f| − 1) incidences and as many rows, Σ_f |S_f|² / 2 discounts in
// all (each fact's table, which the library's Count reads too), and one
// element of pairs per source. No copies are declared (nor does
// truth.FromGraph declare any), and the detected copies
// (truth.Result.Dependence) are not output.
//
// The first block builds the objects and the pairs from the facts; a
// later one starts from the objects and pairs of the state, the
// accuracies from the sources' trust and the discounts from the choices
// of the iteration before, as that iteration's last steps made them.
func accu(s beam.Scope, r Run, b Block, st State) Outcome {
	srcs := st.Srcs
	var objs, pairs, accs, rows beam.PCollection
	if b.From == 1 {
		facts := beam.ParDo(s, keyFact, st.Facts)
		objs = beam.ParDo(s, buildObj, beam.GroupByKey(s, beam.ParDo(s, byObject, facts)))
		pairs = beam.ParDo(s, buildPairs, beam.CoGroupByKey(s,
			beam.ParDo(s, factPartners, facts), beam.ParDo(s, objectPartners, objs)))
		accs = beam.ParDo(s, &priorAcc{Run: r}, srcs)
	} else {
		objs, pairs = st.Objs, st.Pairs
		accs = beam.ParDo(s, &srcAcc{Run: r}, srcs)
		rows = discRows(s, r, pairs, objs, accs)
	}
	o := unroll(s, b, func(is beam.Scope, i int, side beam.SideInput) Iteration {
		if rows.IsValid() {
			objs = beam.ParDo(is, withRows, beam.CoGroupByKey(is, objs, rows))
		}
		out := beam.ParDoN(is, &objStep{Run: r}, objs, side, beam.SideInput{Input: accs})
		doneF, toSrc, moved := out[0], out[2], out[3]
		objs = out[1]
		var doneS, parts beam.PCollection
		doneS, srcs, accs, parts = beam.ParDo4(is, &srcAccu{Run: r}, beam.CoGroupByKey(is, srcs, sendSum(is, toSrc)), side)
		st := beam.ParDo(is, &iterStat{Iter: i}, beam.Combine(is, statFn{}, beam.Flatten(is, parts, moved)))
		rows = discRows(is, r, pairs, objs, accs)
		return Iteration{Srcs: doneS, Facts: doneF, Stat: st}
	}, func() (beam.PCollection, beam.PCollection) { return srcs, beam.ParDo(s, objValue, objs) })
	if b.From == 1 {
		o.Pairs = beam.ParDo(s, pairsValue, pairs)
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

// discRows computes the discounts of every pair of sources from the
// choices of the objects objs and the accuracies accs (KV<int64,
// float64>) of the iteration that made them, and sends each object the
// rows of its facts' discounts (KV<int64, Row>): per source A, its
// pairs, the partners it shares a chosen value with and the incidences
// of its pairs, joined by A.
func discRows(s beam.Scope, r Run, pairs, objs, accs beam.PCollection) beam.PCollection {
	shared, incs := beam.ParDo2(s, objIncidences, objs)
	return beam.ParDo(s, &discFn{Run: r}, beam.CoGroupByKey(s, pairs, shared, incs), beam.SideInput{Input: accs})
}

// objIncidences emits, for every source a of each fact of an object, the
// sources after it on the fact (see [partners]): the partners it shares
// a true value with when the fact is the one the object chose, and
// always the incidence of its pairs on the fact.
func objIncidences(_ int64, o Obj, shared func(int64, []int64), incs func(int64, Inc)) {
	for _, f := range o.Facts {
		if f.ID == o.Chosen {
			partners(f.Sources, shared)
		}
		partners(f.Sources, func(a int64, bs []int64) { incs(a, Inc{Obj: o.ID, Fact: f.ID, B: bs}) })
	}
}

// partners emits, for every source a of the sorted, distinct sources
// ss, the sources after it: the pairs of ss, as |ss| elements rather
// than |ss|²/2 (Prism's cost is per element).
func partners(ss []int64, emit func(int64, []int64)) {
	for i, a := range ss[:max(len(ss)-1, 0)] {
		emit(a, ss[i+1:])
	}
}

// count counts how many of the lists name each source.
func count(lists func(*[]int64) bool) map[int64]int {
	n := make(map[int64]int)
	var l []int64
	for lists(&l) {
		for _, b := range l {
			n[b]++
		}
	}
	return n
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

// buildPairs builds source a's pairs from the partners of its facts
// (facts in common) and of its objects (objects in common).
func buildPairs(a int64, facts, objects func(*[]int64) bool, emit func(int64, Pairs)) {
	same := count(facts)
	if len(same) == 0 {
		return // no fact in common with a later source: no pairs
	}
	common := count(objects)
	p := Pairs{A: a, B: make([]int64, 0, len(same))}
	for b := range same {
		p.B = append(p.B, b)
	}
	slices.Sort(p.B) // the same output for the same input
	p.Pairs = make([]Pair, len(p.B))
	for i, b := range p.B {
		p.Pairs[i] = Pair{Same: same[b], Diff: max(common[b]-same[b], 0)}
	}
	emit(a, p)
}

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
	model *truth.CopyModel
	out   outbox
}

func (fn *objStep) ProcessElement(id int64, o Obj, stop func(*Stat) bool, accs func(*int64, *float64) bool,
	final func(Obj), emit func(int64, Obj), _ func(int64, Msg), moved func(Part)) {
	disc := o.Disc
	o.Disc = nil
	if fn.Run.stopped(fn.stop.get(stop)) {
		final(o)
		return
	}
	if fn.model == nil {
		m := truth.NewCopyModel(fn.Run.Opts.truth())
		fn.model = &m
	}
	acc := fn.accs.get(accs)
	count := make([]float64, len(o.Facts))
	for i, f := range o.Facts {
		votes := make([]float64, len(f.Sources))
		for j, s := range f.Sources {
			votes[j] = fn.model.Vote(acc[s])
		}
		var d []float32
		if disc != nil {
			d = disc[i]
		} else {
			d = ones(len(votes) * (len(votes) - 1) / 2)
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
	emit(id, o)
}

func (fn *objStep) FinishBundle(_ func(*Stat) bool, _ func(*int64, *float64) bool,
	_ func(Obj), _ func(int64, Obj), toSrc func(int64, Msg), _ func(Part)) {
	fn.out.flush(toSrc)
}

// ones returns n discounts of 1: pairs that count as independent.
func ones(n int) []float32 {
	d := make([]float32, n)
	for j := range d {
		d[j] = 1
	}
	return d
}

// withRows lays the rows an object received out as the tables of its
// facts' discounts that truth.CopyModel.Count reads, in o.Disc: for the
// fact of k sources, the pair i < j at i(2k−i−1)/2 + j−i−1. A pair no
// row names keeps 1. It is a step of its own, not part of objStep: the
// SDK cannot check a DoFn on a join whose FinishBundle repeats its
// side inputs, as the outbox needs.
func withRows(id int64, objs func(*Obj) bool, rows func(*Row) bool, emit func(int64, Obj)) {
	var o Obj
	if !objs(&o) {
		return
	}
	d := make([][]float32, len(o.Facts))
	at := make(map[int64]int, len(o.Facts))
	for i, f := range o.Facts {
		k := len(f.Sources)
		d[i] = ones(k * (k - 1) / 2)
		at[f.ID] = i
	}
	var r Row
	for rows(&r) {
		i, ok := at[r.Fact]
		if !ok {
			continue
		}
		ss := o.Facts[i].Sources
		a, ok := slices.BinarySearch(ss, r.A)
		if !ok {
			continue
		}
		k := len(ss)
		copy(d[i][a*(2*k-a-1)/2:], r.D)
	}
	o.Disc = d
	emit(id, o)
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

// discFn computes the discounts of source A's pairs for the next
// iteration, from the true values A shares with each partner in this one
// (the chosen facts' partners) and the accuracies, and sends each
// incidence of its pairs to its object as a row.
type discFn struct {
	Run   Run
	accs  tableCache[int64, float64]
	model *truth.CopyModel
}

func (fn *discFn) ProcessElement(a int64, pairs func(*Pairs) bool, shared func(*[]int64) bool, incs func(*Inc) bool, accs func(*int64, *float64) bool, emit func(int64, Row)) {
	var p Pairs
	acc := fn.accs.get(accs)
	if !pairs(&p) || len(acc) == 0 {
		return // no pairs, or the run has stopped: no accuracies
	}
	if fn.model == nil {
		m := truth.NewCopyModel(fn.Run.Opts.truth())
		fn.model = &m
	}
	kt := count(shared)
	disc := make([]float32, len(p.B))
	for i, b := range p.B {
		disc[i] = fn.model.Discount(acc[a], acc[b], kt[b], p.Pairs[i].Same-kt[b], p.Pairs[i].Diff)
	}
	var in Inc
	for incs(&in) {
		row := Row{Fact: in.Fact, A: a, D: make([]float32, len(in.B))}
		for j, b := range in.B {
			if i, ok := slices.BinarySearch(p.B, b); ok {
				row.D[j] = disc[i]
			} else {
				row.D[j] = 1
			}
		}
		emit(in.Obj, row)
	}
}
