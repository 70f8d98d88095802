package main

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/claimgraph/claimgraph/sources/truth"
)

// Fact is the state of one fact between the steps of an iteration. It
// is numbered (see [number]): its names are joined back in only for the
// output ([label]).
type Fact struct {
	ID      int64   // the fact's number
	Obj     int64   // its object's number
	Rank    int64   // the fact's place in the input: ties go to the lowest
	Sources []int64 // the numbers of the sources asserting it, distinct
	Belief  float64 // belief after the last iteration (normalised where the algorithm does)
	Raw     float64 // belief of this iteration before normalisation
	H       float64 // Investment: Σ_{s∈S_f} T(s)/|C_s| with this iteration's raw trust
	Pool    float64 // Investment: Σ_{s∈S_f} T(s)/|C_s| with normalised trust, for the next iteration
	Sigma   float64 // TruthFinder: σ(f)
}

// Src is the state of one source between the steps of an iteration.
type Src struct {
	ID    int64   // the source's number
	Facts []int64 // the numbers of the facts it asserts, distinct
	Trust float64 // trust after the last iteration (the prior before the first)
	Raw   float64 // trust of this iteration before normalisation
}

// Msg is what a source sends a fact, or a fact a source, in one step.
// What a source or fact receives is summed per key twice before it
// joins the state: by the sending DoFn over its bundle ([outbox]), and
// across bundles by a combine ([sendSum]).
type Msg struct{ A, B, C, D float64 }

func (a Msg) add(b Msg) Msg { return Msg{A: a.A + b.A, B: a.B + b.B, C: a.C + b.C, D: a.D + b.D} }

// msgSum adds messages up.
type msgSum struct{}

func (msgSum) MergeAccumulators(a, b Msg) Msg { return a.add(b) }

// outbox sums the messages a DoFn sends in one bundle per key and emits
// the sums when the bundle finishes, so that a bundle sends one message
// per key however many of its elements send to it ("in-mapper
// combining"). The SDK's lifted combine does the same before a
// CombinePerKey but keeps only 2,000 keys a bundle (exec.LiftedCombine):
// with the lent votes, one message an assertion (11M at 100k claims) to
// some 240k facts, most reached Prism uncombined, which held them all.
// The outbox holds one Msg per key a bundle sends to: at most the facts
// or sources, not the assertions.
//
// A DoFn that sends through an outbox calls send in ProcessElement and
// flush in FinishBundle, whose parameters the SDK requires to repeat the
// side inputs and emitters of ProcessElement.
type outbox struct{ m map[int64]Msg }

func (o *outbox) send(k int64, m Msg) {
	if o.m == nil {
		o.m = make(map[int64]Msg)
	}
	o.m[k] = o.m[k].add(m)
}

// flush emits the sums of the bundle and empties the outbox: a DoFn
// instance runs bundle after bundle.
func (o *outbox) flush(emit func(int64, Msg)) {
	for k, m := range o.m {
		emit(k, m)
	}
	clear(o.m)
}

// sendSum sums the messages msgs per key.
func sendSum(s beam.Scope, msgs beam.PCollection) beam.PCollection {
	return beam.CombinePerKey(s, msgSum{}, msgs)
}

// Part is one source's or object's share of the statistic that decides
// convergence: the change of its normalised trust (Pasternack & Roth,
// ACCU), its terms of the cosine of the old and new trust vectors
// (TruthFinder), or whether an object's choice moved (ACCU).
type Part struct {
	D, XY, XX, YY float64
	Moved         int
}

// Stat is the statistic of iteration Iter: the sum or maximum of the
// parts, over N parts.
type Stat struct {
	Iter          int
	D, XY, XX, YY float64
	Moved, N      int
}

// statFn combines parts: the maximum of D, the sums of the rest.
type statFn struct{}

func (statFn) CreateAccumulator() Stat { return Stat{} }
func (statFn) AddInput(a Stat, p Part) Stat {
	a.D = max(a.D, p.D)
	a.XY += p.XY
	a.XX += p.XX
	a.YY += p.YY
	a.Moved += p.Moved
	a.N++
	return a
}
func (statFn) MergeAccumulators(a, b Stat) Stat {
	return Stat{D: max(a.D, b.D), XY: a.XY + b.XY, XX: a.XX + b.XX, YY: a.YY + b.YY, Moved: a.Moved + b.Moved, N: a.N + b.N}
}
func (statFn) ExtractOutput(a Stat) Stat { return a }

// maxFn is the maximum of a set of float64, 0 for none.
type maxFn struct{}

func (maxFn) CreateAccumulator() float64             { return 0 }
func (maxFn) AddInput(a, x float64) float64          { return max(a, x) }
func (maxFn) MergeAccumulators(a, b float64) float64 { return max(a, b) }
func (maxFn) ExtractOutput(a float64) float64        { return a }

// one returns the single element of a side input, or the zero value and
// false when it has none (a global combine of nothing gives nothing).
func one[T any](iter func(*T) bool) (T, bool) {
	var v T
	ok := iter(&v)
	return v, ok
}

// sideCache keeps the value of a DoFn's singleton side input once read.
// The side inputs here are global values (a maximum, a statistic), the
// same for every element; the SDK would otherwise fetch them from the
// runner again for every element that reads them.
type sideCache[T any] struct {
	v      T
	ok, in bool
}

func (c *sideCache[T]) get(iter func(*T) bool) (T, bool) {
	if !c.in {
		c.v, c.ok = one(iter)
		c.in = true
	}
	return c.v, c.ok
}

// Run says what to compute: the algorithm and its options.
type Run struct {
	Alg  truth.Algorithm
	Opts Options
}

// Options are the resolved truth.Options a run uses, those that travel
// to workers: truth.Options also holds a progress callback, which Beam
// cannot encode.
type Options struct {
	MaxIterations                                           int
	Tolerance, Exponent, Dampening, Influence, InitialTrust float64
	CopyPrior, CopyRate, FalseValues                        float64
	NoImplications                                          bool
}

func options(o truth.Options) Options {
	return Options{MaxIterations: o.MaxIterations, Tolerance: o.Tolerance, Exponent: o.Exponent,
		Dampening: o.Dampening, Influence: o.Influence, InitialTrust: o.InitialTrust,
		CopyPrior: o.CopyPrior, CopyRate: o.CopyRate, FalseValues: o.FalseValues, NoImplications: o.NoImplications}
}

// truth returns the options as the library takes them.
func (o Options) truth() truth.Options {
	return truth.Options{MaxIterations: o.MaxIterations, Tolerance: o.Tolerance, Exponent: o.Exponent,
		Dampening: o.Dampening, Influence: o.Influence, InitialTrust: o.InitialTrust,
		CopyPrior: o.CopyPrior, CopyRate: o.CopyRate, FalseValues: o.FalseValues, NoImplications: o.NoImplications}
}

// stopped reports whether the iteration whose statistic st carries ended
// the run: by the library's rule (truth.Converged), or because it did not
// run at all.
func (r Run) stopped(st Stat, ok bool) bool {
	if !ok || st.N == 0 {
		return true
	}
	if st.Iter == 0 {
		return false
	}
	return r.converged(st) || st.Iter >= r.Opts.MaxIterations
}

// converged reports whether the iteration of st converged, by the
// library's rule (truth.Converged) on the change it measures: the
// largest change of a trust; for TruthFinder 1 − cos of the trust
// vectors; for ACCU and DEPEN the largest change of a trust if no
// object's choice moved, else none converges.
func (r Run) converged(st Stat) bool {
	change := st.D
	switch r.Alg {
	case truth.TruthFinder:
		change = truth.CosineChange(st.XY, st.XX, st.YY)
	case truth.Accu, truth.Depen:
		if st.Moved > 0 {
			change = math.Inf(1)
		}
	}
	return truth.Converged(r.Alg, st.Iter, change, r.Opts.Tolerance)
}

// Block is the span of iterations one pipeline runs, From to To, and
// the statistic of the iteration before From (Iter 0 before the first).
// The driver ([run]) runs a truth-discovery run as a sequence of blocks,
// the state kept in files between them.
type Block struct {
	From, To int
	Last     Stat
}

// State is a run's state at the start of a block: the sources
// (KV<int64, Src>) and the facts (Fact); for ACCU and DEPEN after the
// first block, the objects (KV<int64, Obj>) instead of the facts, and
// the pairs of sources (KV<int64, Pairs>).
type State struct {
	Srcs, Facts, Objs, Pairs beam.PCollection
}

// Outcome is the result of a block: the state of every source (Src) and
// fact (Fact; Obj under ACCU and DEPEN) after it, the statistic of every
// iteration it ran, and, from the first block of ACCU and DEPEN, the
// pairs of sources (Pairs).
type Outcome struct {
	Srcs, Facts, Stats, Pairs beam.PCollection
}

// discover builds the iterations of block b of the truth-discovery run
// r from state st. Each iteration is a join of the sources with what
// their facts send them and of the facts with what their sources send
// them, each sum of messages combined per key before the join; the
// block's iterations are unrolled, and those after the one that
// converges receive nothing and hand the state on.
func discover(s beam.Scope, r Run, b Block, st State) Outcome {
	s = s.Scope(fmt.Sprintf("truth %v %d-%d", r.Alg, b.From, b.To))
	switch r.Alg {
	case truth.Voting:
		return voting(s, st.Srcs, beam.ParDo(s, keyFact, st.Facts))
	case truth.TruthFinder:
		return truthFinder(s, r, b, st)
	case truth.Accu, truth.Depen:
		return accu(s, r, b, st)
	}
	return pasternackRoth(s, r, b, st)
}

func keyFact(f Fact) (int64, Fact) { return f.ID, f }

// voting: belief is a fact's share of its object's votes; trust the
// share of a source's tested facts not tied for the top that won (of all
// its facts when none is tested; 0 when all tie), as truth.Discover with
// the formulas it calls.
func voting(s beam.Scope, srcs, facts beam.PCollection) Outcome {
	counted, toSrc := beam.ParDo2(s, &votingObject{}, beam.GroupByKey(s, beam.ParDo(s, byObject, facts)))
	trusted := beam.ParDo(s, votingTrust, beam.CoGroupByKey(s, srcs, sendSum(s, toSrc)))
	stat := beam.Create(s, Stat{Iter: 1, N: 1})
	return Outcome{Srcs: trusted, Facts: counted, Stats: stat}
}

func byObject(_ int64, f Fact) (int64, Fact) { return f.Obj, f }

// votingObject sets the beliefs of an object's facts, chooses among them
// and sends each of their sources whether the fact won (A), whether the
// assertion is tested and the fact not tied for the top (B), both (C),
// and whether the assertion is tested (D), each 0 or 1: a tie neither
// wins nor loses, as in truth.Discover. The pipeline declares no
// copies, so every other source of a fact corroborates it.
type votingObject struct{ out outbox }

func (fn *votingObject) ProcessElement(_ int64, facts func(*Fact) bool, emit func(Fact), _ func(int64, Msg)) {
	fs := collect(facts, factRank)
	total := 0
	for _, f := range fs {
		total += len(f.Sources)
	}
	for i := range fs {
		fs[i].Belief = truth.VoteShare(len(fs[i].Sources), total)
	}
	best := chosen(len(fs), func(i int) float64 { return fs[i].Belief })
	even := make([]bool, len(fs)) // tied for the top
	for i := range fs {
		if i != best && truth.Same(fs[i].Belief, fs[best].Belief) {
			even[i], even[best] = true, true
		}
	}
	for i, f := range fs {
		won, tested, decided := 0.0, 0.0, 0.0
		if i == best {
			won = 1
		}
		if truth.Tested(len(fs), len(f.Sources)-1) {
			tested = 1
			if !even[i] {
				decided = 1
			}
		}
		for _, s := range f.Sources {
			fn.out.send(s, Msg{A: won, B: decided, C: won * decided, D: tested})
		}
		emit(f)
	}
}

func (fn *votingObject) FinishBundle(_ func(Fact), toSrc func(int64, Msg)) { fn.out.flush(toSrc) }

// chosen returns the index of the fact the library would choose among
// n facts in rank order, of beliefs belief(i), or −1 for none: each
// replaces the best so far when truth.Prefer says so.
func chosen(n int, belief func(i int) float64) int {
	if n == 0 {
		return -1
	}
	best := 0
	for i := 1; i < n; i++ {
		if truth.Prefer(belief(i), belief(best)) {
			best = i
		}
	}
	return best
}

func votingTrust(_ int64, srcs func(*Src) bool, msgs func(*Msg) bool, emit func(Src)) {
	var src Src
	if !srcs(&src) {
		return
	}
	var m Msg
	msgs(&m) // none for a source without facts
	src.Trust = truth.AccuTrust(m.C, int(m.B), int(m.D), m.A, len(src.Facts), 0)
	emit(src)
}

func dropFactKey(_ int64, f Fact) Fact { return f }
func dropSrcKey(_ int64, s Src) Src    { return s }

// Iteration is what one unrolled iteration hands on: the sources (Src)
// and facts (Fact, or Obj) it found final, because the run stopped
// before it, and its statistic.
type Iteration struct{ Srcs, Facts, Stat beam.PCollection }

// unroll builds the iterations of block b: step(is, i, stop) builds
// iteration i in scope is, given the statistic of the iteration before
// as a side input, and rest returns the state's sources (KV<int64, Src>)
// and facts (Fact, or Obj) after the last. The outcome is what the
// iterations found final, and the state after the last.
func unroll(s beam.Scope, b Block, step func(is beam.Scope, i int, stop beam.SideInput) Iteration, rest func() (srcs, facts beam.PCollection)) Outcome {
	stop := beam.Create(s, b.Last)
	var finalSrcs, finalFacts, stats []beam.PCollection
	for i := b.From; i <= b.To; i++ {
		it := step(s.Scope(fmt.Sprintf("iteration %d", i)), i, beam.SideInput{Input: stop})
		finalSrcs = append(finalSrcs, it.Srcs)
		finalFacts = append(finalFacts, it.Facts)
		stats = append(stats, it.Stat)
		stop = it.Stat
	}
	srcs, facts := rest()
	finalSrcs = append(finalSrcs, beam.ParDo(s, dropSrcKey, srcs))
	finalFacts = append(finalFacts, facts)
	return Outcome{Srcs: beam.Flatten(s, finalSrcs...), Facts: beam.Flatten(s, finalFacts...), Stats: beam.Flatten(s, stats...)}
}

// pasternackRoth runs Sums, AverageLog, Investment and PooledInvestment.
// The first block starts from the priors; a later one from the facts'
// beliefs, which they send their sources as the iteration before sent
// them.
func pasternackRoth(s beam.Scope, r Run, b Block, st State) Outcome {
	srcs, facts := st.Srcs, beam.ParDo(s, keyFact, st.Facts)
	var toSrc beam.PCollection
	switch {
	case b.From == 1:
		facts, toSrc = prior(s, r, srcs, facts)
	default:
		toSrc = beam.ParDo(s, &factSend{Run: r}, facts)
	}
	return unroll(s, b, func(is beam.Scope, i int, side beam.SideInput) Iteration {
		// Sources: trust from what their facts sent.
		doneS, raw := beam.ParDo2(is, &srcStep{Run: r}, beam.CoGroupByKey(is, srcs, sendSum(is, toSrc)), side)
		maxT := beam.Combine(is, maxFn{}, beam.ParDo(is, rawOf, raw))
		var parts, toFact beam.PCollection
		srcs, parts, toFact = beam.ParDo3(is, &srcNorm{Run: r}, raw, beam.SideInput{Input: maxT})
		st := beam.ParDo(is, &iterStat{Iter: i}, beam.Combine(is, statFn{}, parts))
		// Facts: belief from what their sources sent.
		doneF, fraw := beam.ParDo2(is, &factStep{Run: r}, beam.CoGroupByKey(is, facts, sendSum(is, toFact)), side)
		if r.Alg == truth.PooledInvestment {
			fraw = beam.ParDo(is, &pooledFn{G: r.Opts.Exponent}, beam.GroupByKey(is, beam.ParDo(is, byObject, fraw)))
		}
		maxB := beam.Combine(is, maxFn{}, beam.ParDo(is, factRawOf, fraw))
		facts = beam.ParDo(is, &factNorm{}, fraw, beam.SideInput{Input: maxB})
		toSrc = beam.ParDo(is, &factSend{Run: r}, facts)
		return Iteration{Srcs: doneS, Facts: doneF, Stat: st}
	}, func() (beam.PCollection, beam.PCollection) { return srcs, beam.ParDo(s, dropFactKey, facts) })
}

func rawOf(_ int64, src Src) float64    { return src.Raw }
func factRawOf(_ int64, f Fact) float64 { return f.Raw }

// iterStat numbers the statistic of iteration Iter.
type iterStat struct{ Iter int }

func (fn *iterStat) ProcessElement(st Stat) Stat {
	st.Iter = fn.Iter
	return st
}

// prior sets the facts' prior beliefs and returns what they send their
// sources for the first iteration. Sums and AverageLog: B₀ = 0.5.
// Investment: B₀ = the fact's share of its object's votes.
// PooledInvestment: the belief rule applied to T₀ = 1. Both investments
// also need pool₁(f) = Σ_{s∈S_f} 1/|C_s|, which the sources send first.
func prior(s beam.Scope, r Run, srcs, facts beam.PCollection) (beam.PCollection, beam.PCollection) {
	s = s.Scope("prior")
	if r.Alg == truth.Sums || r.Alg == truth.AverageLog {
		facts = beam.ParDo(s, halfBelief, facts)
		return facts, beam.ParDo(s, &factSend{Run: r}, facts)
	}
	facts = beam.ParDo(s, poolFn, beam.CoGroupByKey(s, facts, sendSum(s, beam.ParDo(s, &invCountSend{}, srcs))))
	facts = beam.ParDo(s, &priorFn{Run: r}, beam.GroupByKey(s, beam.ParDo(s, byObject, facts)))
	return facts, beam.ParDo(s, &factSend{Run: r}, facts)
}

func halfBelief(k int64, f Fact) (int64, Fact) {
	f.Belief = 0.5
	return k, f
}

// factSend sends a fact's sources what they need for the next
// iteration (see [Run.factMsg]).
type factSend struct {
	Run Run
	out outbox
}

func (fn *factSend) ProcessElement(_ int64, f Fact, _ func(int64, Msg)) {
	m := Msg{A: fn.Run.factMsg(f)}
	for _, s := range f.Sources {
		fn.out.send(s, m)
	}
}

func (fn *factSend) FinishBundle(emit func(int64, Msg)) { fn.out.flush(emit) }

// factMsg is what fact f sends each of its sources for the next
// iteration: its belief (Sums, AverageLog; TruthFinder's confidence),
// or under the investments its return on each unit invested.
func (r Run) factMsg(f Fact) float64 {
	if r.Alg == truth.Investment || r.Alg == truth.PooledInvestment {
		return truth.InvestmentReturn(f.Belief, f.Pool)
	}
	return f.Belief
}

func invCount(src Src) float64 {
	if len(src.Facts) == 0 {
		return 0
	}
	return 1 / float64(len(src.Facts))
}

// invCountSend sends each of a source's facts 1/|C_s|, for their pools.
type invCountSend struct{ out outbox }

func (fn *invCountSend) ProcessElement(_ int64, src Src, _ func(int64, Msg)) {
	c := invCount(src)
	for _, f := range src.Facts {
		fn.out.send(f, Msg{B: c})
	}
}

func (fn *invCountSend) FinishBundle(emit func(int64, Msg)) { fn.out.flush(emit) }

func poolFn(k int64, facts func(*Fact) bool, msgs func(*Msg) bool, emit func(int64, Fact)) {
	var f Fact
	if !facts(&f) {
		return
	}
	f.Pool = 0
	var m Msg
	for msgs(&m) {
		f.Pool += m.B
	}
	emit(k, f)
}

// priorFn sets the prior beliefs of one object's facts.
type priorFn struct{ Run Run }

func (fn *priorFn) ProcessElement(_ int64, iter func(*Fact) bool, emit func(int64, Fact)) {
	fs := collect(iter, factRank)
	if fn.Run.Alg == truth.PooledInvestment {
		pooledBeliefs(fs, func(f *Fact) float64 { return f.Pool }, func(f *Fact, b float64) { f.Belief = b }, fn.Run.Opts.Exponent)
	} else {
		total := 0.0
		for i := range fs {
			fs[i].Belief = float64(len(fs[i].Sources))
			total += fs[i].Belief
		}
		for i := range fs {
			fs[i].Belief = truth.Normalised(fs[i].Belief, total) // the vote share
		}
	}
	for _, f := range fs {
		emit(f.ID, f)
	}
}

// collect returns an object's facts in rank order, the order of their
// IDs in the library, so that sums over them add up in the same order.
func collect[T any](iter func(*T) bool, rank func(*T) int64) []T {
	var fs []T
	var f T
	for iter(&f) {
		fs = append(fs, f)
	}
	slices.SortFunc(fs, func(a, b T) int { return cmp.Compare(rank(&a), rank(&b)) })
	return fs
}

func factRank(f *Fact) int64 { return f.Rank }

// received reads a source's or fact's state from a join with the sum of
// what it was sent (at most one: messages are summed per key; none for
// a source or fact that was sent nothing), or, once the run has stopped,
// hands the state on as final. It reports whether there is a state to
// work on.
func received[T any](r Run, c *sideCache[Stat], stop func(*Stat) bool, state func(*T) bool, msgs func(*Msg) bool, final func(T)) (T, Msg, bool) {
	var x T
	var m Msg
	if !state(&x) {
		return x, m, false
	}
	if r.stopped(c.get(stop)) {
		final(x)
		return x, m, false
	}
	msgs(&m)
	return x, m, true
}

// srcStep computes a source's raw trust from what its facts sent, or,
// once the run has stopped, hands the source on as final.
type srcStep struct {
	Run  Run
	stop sideCache[Stat]
}

func (fn *srcStep) ProcessElement(id int64, srcs func(*Src) bool, msgs func(*Msg) bool, stop func(*Stat) bool, final func(Src), emit func(int64, Src)) {
	src, m, ok := received(fn.Run, &fn.stop, stop, srcs, msgs, final)
	if !ok {
		return
	}
	sum := m.A
	switch fn.Run.Alg {
	case truth.Sums:
		src.Raw = sum
	case truth.AverageLog:
		src.Raw = sum * truth.AverageLogWeight(len(src.Facts))
	default: // investments: T(s)/|C_s| · Σ returns
		src.Raw = sum * (src.Trust * invCount(src))
	}
	emit(id, src)
}

// srcNorm normalises a source's trust by the maximum, reports its
// change, and sends its facts what they need.
type srcNorm struct {
	Run Run
	max sideCache[float64]
	out outbox
}

func (fn *srcNorm) ProcessElement(id int64, src Src, maxT func(*float64) bool, emit func(int64, Src), parts func(Part), _ func(int64, Msg)) {
	m, _ := fn.max.get(maxT)
	t := truth.Normalised(src.Raw, m)
	parts(Part{D: math.Abs(t - src.Trust)})
	msg := Msg{A: src.Raw}
	if fn.Run.Alg == truth.Investment || fn.Run.Alg == truth.PooledInvestment {
		c := invCount(src)
		msg = Msg{A: src.Raw * c, B: t * c}
	}
	src.Trust = t
	for _, f := range src.Facts {
		fn.out.send(f, msg)
	}
	emit(id, src)
}

func (fn *srcNorm) FinishBundle(_ func(*float64) bool, _ func(int64, Src), _ func(Part), toFact func(int64, Msg)) {
	fn.out.flush(toFact)
}

// factStep computes a fact's raw belief (Investment's H and pool) from
// what its sources sent, or hands it on as final once the run stopped.
type factStep struct {
	Run  Run
	stop sideCache[Stat]
}

func (fn *factStep) ProcessElement(k int64, facts func(*Fact) bool, msgs func(*Msg) bool, stop func(*Stat) bool, final func(Fact), emit func(int64, Fact)) {
	f, m, ok := received(fn.Run, &fn.stop, stop, facts, msgs, final)
	if !ok {
		return
	}
	a, b := m.A, m.B
	switch fn.Run.Alg {
	case truth.Investment:
		f.H, f.Pool, f.Raw = a, b, truth.Gain(a, fn.Run.Opts.Exponent)
	case truth.PooledInvestment:
		f.H, f.Pool = a, b // Raw per object, by pooledFn
	default:
		f.Raw = a
	}
	emit(k, f)
}

// pooledFn sets PooledInvestment's raw belief of one object's facts.
type pooledFn struct{ G float64 }

func (fn *pooledFn) ProcessElement(_ int64, iter func(*Fact) bool, emit func(int64, Fact)) {
	fs := collect(iter, factRank)
	pooledBeliefs(fs, func(f *Fact) float64 { return f.H }, func(f *Fact, b float64) { f.Raw = b }, fn.G)
	for _, f := range fs {
		emit(f.ID, f)
	}
}

// pooledBeliefs sets PooledInvestment's belief of one object's facts fs
// (in rank order) from their investments, as the library does.
func pooledBeliefs(fs []Fact, h func(*Fact) float64, set func(*Fact, float64), g float64) {
	gain := make([]float64, len(fs))
	total := 0.0
	for i := range fs {
		gain[i] = truth.Gain(h(&fs[i]), g)
		total += gain[i]
	}
	for i := range fs {
		set(&fs[i], truth.PooledBelief(h(&fs[i]), gain[i], total))
	}
}

// factNorm normalises a fact's belief.
type factNorm struct {
	max sideCache[float64]
}

func (fn *factNorm) ProcessElement(k int64, f Fact, maxB func(*float64) bool) (int64, Fact) {
	m, _ := fn.max.get(maxB)
	f.Belief = truth.Normalised(f.Raw, m)
	return k, f
}

// truthFinder runs TruthFinder: sources send τ(t) to their facts, facts
// their confidence s(f) to their sources, whose new trust is the mean.
func truthFinder(s beam.Scope, r Run, b Block, st State) Outcome {
	srcs, facts := st.Srcs, beam.ParDo(s, keyFact, st.Facts)
	if b.From == 1 {
		srcs = beam.ParDo(s, &setTrust{T: r.Opts.InitialTrust}, srcs)
	}
	return unroll(s, b, func(is beam.Scope, i int, side beam.SideInput) Iteration {
		doneS, kept, toFact := beam.ParDo3(is, &tauFn{Run: r}, srcs, side)
		var doneF beam.PCollection
		doneF, facts = beam.ParDo2(is, &sigmaFn{Run: r}, beam.CoGroupByKey(is, facts, sendSum(is, toFact)), side)
		toSrc := beam.ParDo(is, &factSend{Run: r}, facts)
		var parts beam.PCollection
		srcs, parts = beam.ParDo2(is, &meanFn{Run: r}, beam.CoGroupByKey(is, kept, sendSum(is, toSrc)))
		st := beam.ParDo(is, &iterStat{Iter: i}, beam.Combine(is, statFn{}, parts))
		return Iteration{Srcs: doneS, Facts: doneF, Stat: st}
	}, func() (beam.PCollection, beam.PCollection) { return srcs, beam.ParDo(s, dropFactKey, facts) })
}

type setTrust struct{ T float64 }

func (fn *setTrust) ProcessElement(id int64, src Src) (int64, Src) {
	src.Trust = fn.T
	return id, src
}

// tauFn sends τ(t) of a source to its facts.
type tauFn struct {
	Run  Run
	stop sideCache[Stat]
	out  outbox
}

func (fn *tauFn) ProcessElement(id int64, src Src, stop func(*Stat) bool, final func(Src), kept func(int64, Src), _ func(int64, Msg)) {
	if fn.Run.stopped(fn.stop.get(stop)) {
		final(src)
		return
	}
	tau := truth.Tau(src.Trust)
	for _, f := range src.Facts {
		fn.out.send(f, Msg{A: tau})
	}
	kept(id, src)
}

func (fn *tauFn) FinishBundle(_ func(*Stat) bool, _ func(Src), _ func(int64, Src), toFact func(int64, Msg)) {
	fn.out.flush(toFact)
}

// sigmaFn sums σ(f) and sets s(f), the fact's confidence, which
// factSend sends its sources. No input makes implications (truth.FromGraph makes none, and
// triples have none), so σ*(f) = σ(f).
type sigmaFn struct {
	Run  Run
	stop sideCache[Stat]
}

func (fn *sigmaFn) ProcessElement(k int64, facts func(*Fact) bool, msgs func(*Msg) bool, stop func(*Stat) bool, final func(Fact), emit func(int64, Fact)) {
	f, m, ok := received(fn.Run, &fn.stop, stop, facts, msgs, final)
	if !ok {
		return
	}
	f.Sigma = m.A
	f.Belief = truth.Confidence(f.Sigma, fn.Run.Opts.Dampening)
	emit(k, f)
}

// meanFn sets a source's trust to the mean confidence of its facts and
// reports its terms of the cosine.
type meanFn struct{ Run Run }

func (fn *meanFn) ProcessElement(id int64, srcs func(*Src) bool, msgs func(*Msg) bool, emit func(int64, Src), parts func(Part)) {
	var src Src
	if !srcs(&src) {
		return
	}
	sum := 0.0
	var m Msg
	for msgs(&m) {
		sum += m.A
	}
	next := truth.MeanConfidence(sum, len(src.Facts), fn.Run.Opts.InitialTrust)
	parts(Part{XY: src.Trust * next, XX: src.Trust * src.Trust, YY: next * next})
	src.Trust = next
	emit(id, src)
}
