package main

import (
	"maps"
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
	// Unchecked marks an object left out of copy detection by the
	// library's rule ([copyChecked]): it has no pairs, and its values
	// count every vote whole.
	Unchecked bool
}

// Pair is what two sources that assert a common fact share: Same facts,
// and Diff objects on which they give different values (objects in
// common less those with a common value, as the library counts them).
type Pair struct{ Same, Diff int }

// Pairs are the pairs of source A with the sources after it that share
// a fact with it: B, sorted, and what each shares with A. They are one
// element per source, keyed by its bucket ([srcBucket]).
type Pairs struct {
	A     int64
	B     []int64
	Pairs []Pair
}

// Inc is one incidence of the pairs of a fact: the fact's sources after
// source A (B, sorted) on fact Fact of object Obj, keyed by A's bucket.
// A fact of k sources has k−1 of them. Lists of partners (see
// [partners]) travel as Incs too, with only A and B.
type Inc struct {
	A, Obj, Fact int64
	B            []int64
}

// Row is what an object receives of the discounts of one fact's pairs:
// those of source A with each of the fact's sources after it, in order
// (row A of the fact's table, see truth.CopyModel.Count), keyed by the
// object's bucket ([objBucket]).
type Row struct {
	Obj, Fact, A int64
	D            []float32
}

// The pairs and their discounts are grouped by buckets of neighbouring
// numbers (sources and objects are numbered densely): a bucket of
// 2^srcBits sources holds their pairs and the incidences of those on
// facts, a bucket of 2^objBits objects their facts' tables of discounts.
// A step holds one bucket, whatever the size of the input; a DoFn sends
// what it sends in a bundle as one list per bucket ([listbox]), so that
// the elements number about the buckets per bundle, not the pairs.
const (
	srcBits = 6
	objBits = 10
)

func srcBucket(a int64) int64 { return a >> srcBits }
func objBucket(o int64) int64 { return o >> objBits }

// listMax is how many items a listbox holds before it sends them: it
// bounds what a DoFn instance holds to some tens of megabytes.
const listMax = 1 << 22

// listbox gathers what a DoFn sends in one bundle into one list per key,
// sent when the bundle finishes or once it holds listMax items (an item
// counts by its size: a list of partners by its length). Like the
// [outbox] it makes the elements per bundle and key, not per send; a
// DoFn that sends through it calls flush in FinishBundle.
type listbox[T any] struct {
	m map[int64][]T
	n int
}

func (b *listbox[T]) send(k int64, x T, size int, emit func(int64, []T)) {
	if b.m == nil {
		b.m = make(map[int64][]T)
	}
	b.m[k] = append(b.m[k], x)
	b.n += size
	if b.n >= listMax {
		b.flush(emit)
	}
}

// flush sends the lists held and empties the listbox.
func (b *listbox[T]) flush(emit func(int64, []T)) {
	for k, xs := range b.m {
		emit(k, xs)
	}
	clear(b.m)
	b.n = 0
}

// sendPartners sends through b the partners of the sources ss (see
// [partners]) on fact f of object o (both 0 for bare lists of partners)
// to their sources' buckets.
func sendPartners(b *listbox[Inc], ss []int64, o, f int64, emit func(int64, []Inc)) {
	partners(ss, func(a int64, bs []int64) { b.send(srcBucket(a), Inc{A: a, Obj: o, Fact: f, B: bs}, len(bs)+1, emit) })
}

// accu runs ACCU or DEPEN (sources/truth's accu, §2 and §3 of Dong,
// Berti-Equille & Srivastava 2009), calling the library's steps:
// truth.CopyModel's Discount for each pair of sources that share a fact,
// Count and Probabilities for each object's facts, truth.AccuTrust and
// truth.Accuracy for each source. An iteration is
//
//   - per object, with the tables of its facts' discounts (joined per
//     bucket of objects from the rows of the iteration before; none
//     before the first decision: every pair counts as independent) and
//     the sources' accuracies as a side input: the vote count of each
//     fact, the probabilities, the choice and the facts tied for the
//     top; it sends each source its share of A(S);
//   - per source: A(S) and its accuracy for the next iteration;
//   - per bucket of sources, joined with their pairs, the partners they
//     share the new chosen values with and the incidences of their pairs
//     on the objects' facts: the discounts of their pairs for the next
//     iteration, from the shared true values and the accuracies, sent to
//     the objects' buckets as rows ([discRows]).
//
// Convergence is the library's: no choice moved and no trust changed by
// the tolerance. The pairs are those of the library (every two sources
// of a fact), on the objects its rule keeps (truth.CopyChecks: at most
// truth.MaxCopySources sources); an object left out has none, and its
// values count every vote whole. The pipeline has no global budget of
// pairs (truth.Options.MaxCopyPairs): a cluster spreads them over its
// workers, so it equals the library run with MaxCopyPairs at least the
// data's pair incidences. No side input grows with them: the discounts reach the
// objects by key, so that a step holds at once one bucket of sources'
// pairs and incidences or one bucket of objects' tables, and the
// sources' accuracies, one number a source. What travels per iteration
// is Σ_f (|S_f| − 1) incidences and as many rows, Σ_f |S_f|² / 2
// discounts in all (each fact's table, which the library's Count reads
// too), in lists per bucket and bundle. Prism, the runner of the
// tests, keeps every element between stages in memory, so that at 100k
// claims it holds some 14 GB while each step holds a bucket; a cluster
// shuffles through disk. No copies are declared (nor does
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
			beam.ParDo(s, &factPartners{}, objs), beam.ParDo(s, &objectPartners{}, objs)))
		accs = beam.ParDo(s, &priorAcc{Run: r}, srcs)
	} else {
		objs, pairs = st.Objs, st.Pairs
		accs = beam.ParDo(s, &srcAcc{Run: r}, srcs)
		rows = discRows(s, r, pairs, objs, accs)
	}
	o := unroll(s, b, func(is beam.Scope, i int, side beam.SideInput) Iteration {
		if rows.IsValid() {
			objs = beam.ParDo(is, withRows, beam.CoGroupByKey(is, beam.ParDo(is, byBucket, objs), rows))
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
	o := Obj{ID: id, Facts: collect(iter, factRank), Chosen: -1}
	o.Unchecked = !copyChecked(o)
	return id, o
}

// copyChecked reports whether ACCU and DEPEN look for copying on o, by
// the library's rule, truth.CopyChecks, with no budget (see [accu]): its
// distinct sources and its pair incidences, Σ_f |S_f|(|S_f|−1)/2.
func copyChecked(o Obj) bool {
	var p int64
	for _, f := range o.Facts {
		k := int64(len(f.Sources))
		p += k * (k - 1) / 2
	}
	return truth.CopyChecks([]int{len(objSources(o))}, []int64{p}, math.MaxInt64)[0]
}

// objSources returns the distinct sources of o's facts, sorted.
func objSources(o Obj) []int64 {
	var ss []int64
	for _, f := range o.Facts {
		ss = append(ss, f.Sources...)
	}
	slices.Sort(ss)
	return slices.Compact(ss)
}

// objFacts emits the facts of an object.
func objFacts(o Obj, emit func(Fact)) {
	for _, f := range o.Facts {
		emit(f)
	}
}

// byBucket keys an object by its bucket.
func byBucket(id int64, o Obj) (int64, Obj) { return objBucket(id), o }

// discRows computes the discounts of every pair of sources from the
// choices of the objects objs and the accuracies accs (KV<int64,
// float64>) of the iteration that made them, and sends the objects'
// buckets the rows of their facts' discounts (KV<int64, []Row>): per
// bucket of sources, their pairs, the partners they share a chosen value
// with and the incidences of their pairs, joined.
func discRows(s beam.Scope, r Run, pairs, objs, accs beam.PCollection) beam.PCollection {
	shared, incs := beam.ParDo2(s, &objIncidences{}, objs)
	return beam.ParDo(s, &discFn{Run: r}, beam.CoGroupByKey(s, pairs, shared, incs), beam.SideInput{Input: accs})
}

// objIncidences sends, for every source a of each fact of an object, the
// sources after it on the fact (see [partners]): as the partners it
// shares a true value with when the fact is the one the object chose and
// no other ties it, as those it shares a value tied for the top with
// (Fact [tiedValue]) when the fact is one of a tie, and always as the
// incidence of its pairs on the fact. An object left out of copy
// detection sends nothing.
type objIncidences struct{ shared, incs listbox[Inc] }

// tiedValue marks, in the Fact of a list of partners, the partners of a
// value tied for the top of its object: neither a true value shared nor
// a false one, as the library has it.
const tiedValue = 1

func (fn *objIncidences) ProcessElement(_ int64, o Obj, shared, incs func(int64, []Inc)) {
	if o.Unchecked {
		return
	}
	tied := tiedTop(o)
	for i, f := range o.Facts {
		switch {
		case tied[i]:
			sendPartners(&fn.shared, f.Sources, 0, tiedValue, shared)
		case f.ID == o.Chosen:
			sendPartners(&fn.shared, f.Sources, 0, 0, shared)
		}
		sendPartners(&fn.incs, f.Sources, o.ID, f.ID, incs)
	}
}

// tiedTop reports which facts of o are tied for the top with the one it
// chose, by the beliefs of the iteration that chose it (truth.Same), as
// the library's Probabilities marks them even; none when no other fact
// ties the chosen one.
func tiedTop(o Obj) []bool {
	top := -1
	for i, f := range o.Facts {
		if f.ID == o.Chosen {
			top = i
		}
	}
	tied := make([]bool, len(o.Facts))
	if top < 0 {
		return tied
	}
	k := 0
	for i, f := range o.Facts {
		if tied[i] = truth.Same(f.Belief, o.Facts[top].Belief); tied[i] {
			k++
		}
	}
	if k < 2 {
		clear(tied)
	}
	return tied
}

func (fn *objIncidences) FinishBundle(shared, incs func(int64, []Inc)) {
	fn.shared.flush(shared)
	fn.incs.flush(incs)
}

// partners emits, for every source a of the sorted, distinct sources
// ss, the sources after it: the pairs of ss, as |ss| elements rather
// than |ss|²/2.
func partners(ss []int64, emit func(int64, []int64)) {
	for i, a := range ss[:max(len(ss)-1, 0)] {
		emit(a, ss[i+1:])
	}
}

// count counts, per source A, how many of the lists of partners name
// each source.
func count(lists func(*[]Inc) bool) map[int64]map[int64]int {
	n, _ := countShared(lists)
	return n
}

// countShared counts, per source A, how many of the lists of partners
// name each source: in n those of true values, in tied those of values
// tied for the top (Fact [tiedValue], see [objIncidences]).
func countShared(lists func(*[]Inc) bool) (n, tied map[int64]map[int64]int) {
	n, tied = make(map[int64]map[int64]int), make(map[int64]map[int64]int)
	var l []Inc
	for lists(&l) {
		for _, in := range l {
			into := n
			if in.Fact == tiedValue {
				into = tied
			}
			m := into[in.A]
			if m == nil {
				m = make(map[int64]int)
				into[in.A] = m
			}
			for _, b := range in.B {
				m[b]++
			}
		}
	}
	return n, tied
}

// factPartners sends the partners among the sources of each fact of an
// object copy detection looks at: facts in common.
type factPartners struct{ out listbox[Inc] }

func (fn *factPartners) ProcessElement(_ int64, o Obj, emit func(int64, []Inc)) {
	if o.Unchecked {
		return
	}
	for _, f := range o.Facts {
		sendPartners(&fn.out, f.Sources, 0, 0, emit)
	}
}

func (fn *factPartners) FinishBundle(emit func(int64, []Inc)) { fn.out.flush(emit) }

// objectPartners sends the partners among the distinct sources of an
// object copy detection looks at: objects in common.
type objectPartners struct{ out listbox[Inc] }

func (fn *objectPartners) ProcessElement(_ int64, o Obj, emit func(int64, []Inc)) {
	if !o.Unchecked {
		sendPartners(&fn.out, objSources(o), 0, 0, emit)
	}
}

func (fn *objectPartners) FinishBundle(emit func(int64, []Inc)) { fn.out.flush(emit) }

// buildPairs builds the pairs of a bucket's sources from the partners of
// their facts (facts in common) and of their objects (objects in
// common).
func buildPairs(bucket int64, facts, objects func(*[]Inc) bool, emit func(int64, Pairs)) {
	same := count(facts)
	common := count(objects)
	for _, a := range slices.Sorted(maps.Keys(same)) { // the same output for the same input
		sa, ca := same[a], common[a]
		p := Pairs{A: a, B: slices.Sorted(maps.Keys(sa))}
		p.Pairs = make([]Pair, len(p.B))
		for i, b := range p.B {
			p.Pairs[i] = Pair{Same: sa[b], Diff: max(ca[b]-sa[b], 0)}
		}
		emit(bucket, p)
	}
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
		var d []float32 // nil for an object left out: every vote whole
		switch {
		case o.Unchecked:
		case disc != nil:
			d = disc[i]
		default:
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

// withRows lays the rows a bucket of objects received out as the tables
// of their facts' discounts that truth.CopyModel.Count reads, in each
// object's Disc: for the fact of k sources, the pair i < j at
// i(2k−i−1)/2 + j−i−1. A pair no row names keeps 1; an object left out
// of copy detection gets no tables. It is a step of its
// own, not part of objStep: the SDK cannot check a DoFn on a join whose
// FinishBundle repeats its side inputs, as the outbox needs.
func withRows(_ int64, objs func(*Obj) bool, rows func(*[]Row) bool, emit func(int64, Obj)) {
	type at struct{ obj, fact int }
	var os []Obj
	where := make(map[[2]int64]at)
	var o Obj
	for objs(&o) {
		if o.Unchecked {
			os = append(os, o)
			o = Obj{}
			continue
		}
		o.Disc = make([][]float32, len(o.Facts))
		for i, f := range o.Facts {
			k := len(f.Sources)
			o.Disc[i] = ones(k * (k - 1) / 2)
			where[[2]int64{o.ID, f.ID}] = at{len(os), i}
		}
		os = append(os, o)
		o = Obj{}
	}
	var rs []Row
	for rows(&rs) {
		for _, r := range rs {
			w, ok := where[[2]int64{r.Obj, r.Fact}]
			if !ok {
				continue
			}
			ss := os[w.obj].Facts[w.fact].Sources
			a, ok := slices.BinarySearch(ss, r.A)
			if !ok {
				continue
			}
			k := len(ss)
			copy(os[w.obj].Disc[w.fact][a*(2*k-a-1)/2:], r.D)
		}
	}
	for _, o := range os {
		emit(o.ID, o)
	}
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

// discFn computes the discounts of a bucket of sources' pairs for the
// next iteration, from the true values each source A shares with each
// partner in this one (the chosen facts' partners) and the accuracies,
// and sends each incidence of its pairs to its object's bucket as a
// row. It sends a bucket's rows when it is done with it, as one list per
// bucket of objects: the SDK cannot check a FinishBundle here (see
// withRows).
type discFn struct {
	Run   Run
	accs  tableCache[int64, float64]
	model *truth.CopyModel
}

func (fn *discFn) ProcessElement(_ int64, pairs func(*Pairs) bool, shared func(*[]Inc) bool, incs func(*[]Inc) bool, accs func(*int64, *float64) bool, emit func(int64, []Row)) {
	acc := fn.accs.get(accs)
	if len(acc) == 0 {
		return // the run has stopped: no accuracies
	}
	if fn.model == nil {
		m := truth.NewCopyModel(fn.Run.Opts.truth())
		fn.model = &m
	}
	kt, tied := countShared(shared)
	type table struct {
		b    []int64
		disc []float32
	}
	tables := make(map[int64]table)
	var p Pairs
	for pairs(&p) {
		t := table{b: p.B, disc: make([]float32, len(p.B))}
		a := p.A
		for i, b := range p.B {
			k := kt[a][b]
			t.disc[i] = fn.model.Discount(acc[a], acc[b], k, p.Pairs[i].Same-k-tied[a][b], p.Pairs[i].Diff)
		}
		tables[a] = t
		p = Pairs{}
	}
	out := make(map[int64][]Row)
	var l []Inc
	for incs(&l) {
		for _, in := range l {
			t := tables[in.A]
			row := Row{Obj: in.Obj, Fact: in.Fact, A: in.A, D: make([]float32, len(in.B))}
			for j, b := range in.B {
				if i, ok := slices.BinarySearch(t.b, b); ok {
					row.D[j] = t.disc[i]
				} else {
					row.D[j] = 1
				}
			}
			k := objBucket(in.Obj)
			out[k] = append(out[k], row)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(out)) {
		emit(k, out[k])
	}
}
