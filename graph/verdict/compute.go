package verdict

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"math"
	"runtime"
	"slices"
	"sync"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/af"
	"github.com/claimgraph/claimgraph/graph/evidence"
	"github.com/claimgraph/claimgraph/graph/internal/borrow"
	"github.com/claimgraph/claimgraph/graph/internal/csr"
	"github.com/claimgraph/claimgraph/sources"
)

// eps is the margin within which two evidence weights count as equal, so
// that sums of trusts that differ only by rounding leave both attacks.
const eps = evidence.Tolerance

// attack is one attack of the framework: from attacks to, of a kind, and
// for a complex attack via the claim of the support step (-1 otherwise).
type attack struct {
	from, to int32
	kind     AttackKind
	via      int32
}

// pair is a support edge or a failed attack.
type pair struct{ from, to int32 }

// state is one run of Compute over the claims of a view, numbered densely
// in view order.
type state struct {
	opts     Options
	size     graph.Counts // of the view, to size what is built
	ids      []string
	index    map[string]int32 // position of each claim by ID, built by result for a dated view only
	sources  [][]string       // distinct sources of each claim, cut from srcBuf
	view     items            // the view, once result has it: for Verdict.Primary
	srcBuf   chunks[string]
	ev       *evidence.Table
	numbered bool            // ev numbers the claims as ids does
	full     *evidence.Table // of the whole graph, for claims out of time
	evidence []float64       // the weight of each claim's evidence
	capped   []bool          // whether it is a lower bound (evidence.Evidence.Capped)
	silent   map[string]bool // the claims that lend nothing: rejected in a round
	rounds   int
	// unsettled counts the rejected claims that still lend when the
	// rounds stopped at MaxRounds.
	unsettled int
	bases     []float64 // the base score of each claim, from evidence

	cons     []pair   // the contradictions, one way, in the view's order of relations
	defeats  []attack // contradiction attacks that succeed
	failed   []pair   // contradiction attacks that fail, sorted by target
	supports []pair
	attacks  []attack // every attack of the framework, sorted by target, then attacker
	inStart  []int32  // attacks[inStart[i]:inStart[i+1]] are those on i

	// linked, when set, waits until links has read the supports, which
	// edges then gives as evidence.Lend takes them, built once.
	linked    func()
	supportAt [][2]int32

	quiet *evidence.Silencer // of ev, from evidence.Silenced, for lendingRounds

	labels   af.Labelling
	strength af.Strengths
	// solving, when set, waits until DF-QuAD, running on a goroutine of
	// its own, has set strength: result writes what of the verdicts
	// needs no strength meanwhile (see solved).
	solving func()

	// onRound, when set, is called after the labels of each round, with
	// the evidence and labels of the round in place (for the Tracker).
	onRound func()

	scratch
}

// scratch is what explaining verdicts writes to: the reasons being
// collected, and the array the reasons of the results are cut from. Each
// goroutine that writes verdicts has its own.
type scratch struct {
	rs        []Reason
	who       []int32
	ord       []int
	reasonBuf chunks[Reason]
}

// chunks cuts many short slices from a few long arrays: grow makes room
// for n more elements at the end of buf and returns where they start,
// and cut returns what was appended to buf since then, with its capacity
// clipped so that an append to one piece copies it rather than overwrite
// the next. A piece is never nil.
type chunks[T any] struct{ buf []T }

func (c *chunks[T]) grow(n int) int {
	if cap(c.buf)-len(c.buf) < max(1, n) {
		c.buf = make([]T, 0, max(4096, n))
	}
	return len(c.buf)
}

func (c *chunks[T]) cut(mark int) []T { return c.buf[mark:len(c.buf):len(c.buf)] }

// Compute returns the verdict on every claim of v's graph as of v's date
// (see the package documentation). It works on the whole graph and on any
// dated view from [graph.Graph.At]. It reads one state of the graph, a
// [graph.View.Snapshot] of v, which it passes to [Options.Origins];
// changes applied meanwhile are not in the result. Errors come from
// [Options.Origins] or wrap [ErrOptions].
func Compute(v graph.View, opts Options) (*Result, error) {
	o, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	v = v.Snapshot() // one state of the graph throughout
	s := &state{opts: o}
	if err := s.run(v, true); err != nil {
		return nil, err
	}
	return s.result(v)
}

// silenced returns the claims of v that lend nothing, and the rounds it
// took, as Compute finds them, without the strengths and verdicts: for
// Track. o has its defaults.
func silenced(v graph.View, o Options) (map[string]bool, int, error) {
	s := &state{opts: o}
	if err := s.run(v.Snapshot(), false); err != nil {
		return nil, 0, err
	}
	return s.silent, s.rounds, nil
}

// run weighs the evidence of v and labels its claims, in rounds until no
// rejected claim lends, and with strengths the DF-QuAD strengths of the
// last. Without supports there is one round, and DF-QuAD runs beside its
// labels; otherwise the rounds label alone and DF-QuAD runs once after
// the last, under Lending beside the indexing of the attacks and the
// first part of the verdicts (running it beside each round's labels
// would cost a run of DF-QuAD a round: at 100k claims of graph/synth, 13
// rounds): then s.solving waits for it.
func (s *state) run(v graph.View, strengths bool) error {
	s.size = v.Counts()
	// The relations are read beside the evidence, on a goroutine of
	// their own: links writes only the supports and contradictions,
	// which load does not read.
	var wg sync.WaitGroup
	wg.Go(func() { s.links(v) })
	s.linked = wg.Wait
	err := s.load(v)
	wg.Wait()
	if err != nil {
		return err
	}
	if s.opts.Progress != nil {
		s.opts.Progress(graph.Progress{Stage: "strengths"})
	}
	if incremental && s.opts.Support == Lending && s.opts.Evidence == nil && len(s.supports) > 0 {
		s.lendingRounds()
		// DF-QuAD reads the defeats alone: it runs beside derive, which
		// indexes the attacks by target for the reasons, and beside
		// the part of the verdicts that needs no strength (result).
		if strengths {
			var wg sync.WaitGroup
			solve := s.dfquad()
			wg.Go(func() { s.strength = solve() })
			s.solving = wg.Wait
		}
		s.derive()
		return nil
	}
	if err := s.rerun(v, strengths); err != nil {
		return err
	}
	if strengths && len(s.supports) > 0 {
		s.strengths()
	}
	return nil
}

// solved waits, if DF-QuAD runs on a goroutine of its own, until it has
// set s.strength.
func (s *state) solved() {
	if s.solving != nil {
		s.solving()
		s.solving = nil
	}
}

// labelled calls s.onRound, if set, once a round's labels are found.
func (s *state) labelled() {
	if s.onRound != nil {
		s.onRound()
	}
}

// incremental: under Lending, Compute runs the rounds with lendingRounds,
// which relabels only what each round's silencing can change; tests turn
// it off to check it against rerun, which computes every round afresh.
var incremental = true

// rerun runs the rounds of s.run, each from scratch: the evidence weighed
// again (the origins excepted), every attack decided, and the labels
// computed, over the whole graph. It is the reference lendingRounds
// keeps to, and the way of the other readings of support, whose derived
// attacks it also decides afresh each round.
func (s *state) rerun(v graph.View, strengths bool) error {
	s.rounds = 1
	for {
		s.prefer()
		s.derive()
		if strengths && len(s.supports) == 0 {
			s.solve() // the only round
		} else {
			s.label()
		}
		s.labelled()
		if s.opts.Evidence != nil {
			break
		}
		if s.rounds == maxRounds {
			// Each round costs a pass over the graph: stop, and say how
			// many rejected claims still lend, rather than go on (a chain
			// can silence one claim a round).
			s.unsettled = s.lenders()
			break
		}
		if len(s.silence()) == 0 {
			break
		}
		if err := s.reweigh(v); err != nil {
			return err
		}
		s.rounds++
	}
	return nil
}

// MaxRounds bounds the rounds of [Compute]: after it, the claims the last
// round rejects and that still lend are counted in [Result.Unsettled]
// rather than silenced in yet another round. Generated graphs of 100k
// claims take up to 13 rounds; a chain of supports where each round
// rejects one more claim would otherwise take as many rounds as claims.
const MaxRounds = 32

// maxRounds is MaxRounds, lowered by tests.
var maxRounds = MaxRounds

// lenders counts the claims the labels reject that support another and
// still lend. O(supports).
func (s *state) lenders() int {
	seen := map[int32]bool{}
	for _, p := range s.supports {
		if p.from != p.to && s.loud(p.from) {
			seen[p.from] = true
		}
	}
	return len(seen)
}

// silence adds to s.silent the claims the labels reject that support
// another claim, and returns those not there already. O(supports).
func (s *state) silence() []int32 {
	var more []int32
	for _, p := range s.supports {
		if p.from != p.to && s.loud(p.from) {
			s.mute(p.from)
			more = append(more, p.from)
		}
	}
	return more
}

// loud reports whether claim i is rejected and not silent yet: if it
// supports another, the next round silences it.
func (s *state) loud(i int32) bool {
	return s.labels[i] == af.Out && !s.silent[s.ids[i]]
}

// mute adds claim i to s.silent.
func (s *state) mute(i int32) {
	if s.silent == nil {
		s.silent = make(map[string]bool)
	}
	s.silent[s.ids[i]] = true
}

// reweigh weighs the evidence again with the claims of s.silent lending
// nothing, from the origins the first round found (s.ev numbers the
// claims as v does).
func (s *state) reweigh(v graph.View) error {
	eo := s.evidenceOptions()
	eo.Progress = nil
	eo.Supports = s.edges
	prev, i := s.ev, 0
	eo.Origins = func(graph.View, claims.Claim) ([]string, error) {
		i++ // evidence.Of asks for each claim once, in v's order
		return prev.At(i - 1).Origins, nil
	}
	var err error
	if s.ev, err = evidence.Of(v, eo); err != nil {
		return fmt.Errorf("verdict: %w", err)
	}
	s.weights()
	return nil
}

// edges returns the supports as evidence.Lend takes them, once links
// has read them: for evidence.Options.Supports and the Silencer.
func (s *state) edges() [][2]int32 {
	if s.linked != nil {
		s.linked()
	}
	if s.supportAt == nil {
		s.supportAt = make([][2]int32, len(s.supports))
		for i, p := range s.supports {
			s.supportAt[i] = [2]int32{p.from, p.to}
		}
	}
	return s.supportAt
}

// weights reads the weight of each claim's evidence, and whether it is
// capped, from s.ev, which numbers the claims as s.ids does.
func (s *state) weights() {
	s.evidence, s.capped = make([]float64, len(s.ids)), make([]bool, len(s.ids))
	for i := range s.ids {
		e := s.ev.At(i)
		s.evidence[i], s.capped[i] = e.Weight, e.Capped
	}
}

// load numbers the claims of v and weighs their evidence; s.size holds
// the counts of v.
func (s *state) load(v graph.View) error {
	n := s.size.Claims
	s.ids, s.sources = make([]string, 0, n), make([][]string, 0, n)
	s.ev = s.opts.Evidence
	if s.ev != nil { // the caller's: look each claim up by ID
		for c := range borrow.Claims(v) { // read, not kept: see below
			s.number(c)
			e, _ := s.ev.Claim(c.ID)
			s.evidence = append(s.evidence, e.Weight)
			s.capped = append(s.capped, e.Capped)
		}
		return nil
	}
	// Numbered in a pass of their own, which reads the claims as the
	// graph stores them (number writes to none and keeps only strings):
	// so evidence.Of, given no Visit, reads them so too, rather than a
	// copy of each claim made for Visit. The pass runs beside Of, on a
	// goroutine of its own: it writes nothing Of reads.
	var wg sync.WaitGroup
	wg.Go(func() {
		for c := range borrow.Claims(v) {
			s.number(c)
		}
	})
	eo := s.evidenceOptions()
	if s.linked != nil {
		eo.Supports = s.edges
	}
	var err error
	if incremental && s.opts.Support == Lending && s.size.Supports > 0 {
		// The rounds silence claims of this table (lendingRounds):
		// its Silencer lends in the first round too.
		s.ev, s.quiet, err = evidence.Silenced(v, eo)
	} else {
		s.ev, err = evidence.Of(v, eo)
	}
	wg.Wait()
	if errors.Is(err, evidence.ErrOptions) {
		return fmt.Errorf("%w: %w", ErrOptions, err)
	}
	if err != nil {
		return fmt.Errorf("verdict: %w", err)
	}
	s.numbered = true
	s.weights()
	return nil
}

// number gives claim c the next position and notes its distinct sources,
// as [evidence.DistinctSources] lists them, cut from a shared array.
func (s *state) number(c claims.Claim) {
	s.ids = append(s.ids, c.ID)
	mark := s.srcBuf.grow(len(c.Appearances))
	s.srcBuf.buf = evidence.AppendDistinctSources(s.srcBuf.buf, c.Appearances)
	s.sources = append(s.sources, s.srcBuf.cut(mark))
}

// claimEvidence returns the evidence of claim i.
func (s *state) claimEvidence(i int32) evidence.Evidence {
	if s.numbered {
		return s.ev.At(int(i))
	}
	e, _ := s.ev.Claim(s.ids[i])
	return e
}

// lentOf returns the Result.lent of the verdicts of r, which are those
// of the claims of the view in its order when pos is nil, and otherwise
// the pos[i]-th claim of the view or, when pos[i] is -1, a claim out of
// time whose evidence is in s.full. It keeps the tables of evidence, not
// the state.
func (s *state) lentOf(r *Result, pos []int32) func(i int) []string {
	ev, full, numbered := s.ev, s.full, s.numbered
	return func(i int) []string {
		j := i
		if pos != nil {
			if j = int(pos[i]); j < 0 {
				return full.Lent(r.Verdicts[i].Claim)
			}
		}
		if numbered {
			return ev.AppendLent(make([]string, 0, ev.At(j).Lent), j)
		}
		return ev.Lent(r.Verdicts[i].Claim)
	}
}

// evidenceOptions are the options of evidence.Of that o gives.
func (s *state) evidenceOptions() evidence.Options {
	return evidence.Options{Origins: s.opts.Origins, Trust: s.opts.Trust, UnknownTrust: s.opts.UnknownTrust, Progress: s.opts.Progress, Silent: s.silent}
}

// prefers reports whether an attack of a on b succeeds (see beats).
func (s *state) prefers(a, b int32) bool {
	return beats(s.capped[a], s.evidence[a], s.evidence[b])
}

// beats is the one rule of preference, which Compute, its rounds and the
// Tracker all use: an attack of a claim of evidence a on one of evidence
// b succeeds when a has at least b (within eps), or a is capped, a lower
// bound that cannot show it has less.
func beats(capped bool, a, b float64) bool { return capped || a+eps >= b }

// contradictions turns each contradiction of v into an attack either way,
// keeping those that preference lets succeed, and collects the supports.
func (s *state) contradictions(v graph.View) {
	s.links(v)
	s.prefer()
}

// links collects the supports and the contradictions of v, leaving out
// those time resolves ([graph.Link.Resolved]): they attack nothing.
func (s *state) links(v graph.View) {
	// Links number claims as load did: by position in v's order.
	s.supports = make([]pair, 0, s.size.Supports)
	s.cons = make([]pair, 0, s.size.Contradictions)
	for r := range v.Links() {
		a, b := int32(r.From), int32(r.To)
		if r.Kind == claims.Supports {
			s.supports = append(s.supports, pair{a, b})
		} else if !r.Resolved {
			s.cons = append(s.cons, pair{a, b})
		}
	}
}

// prefer turns each contradiction into an attack either way, keeping
// those that preference lets succeed. O(contradictions), and the sort of
// the failed ones.
func (s *state) prefer() {
	s.defeats = make([]attack, 0, 2*len(s.cons))
	s.failed = s.failed[:0]
	for _, c := range s.cons {
		a, b := c.from, c.to
		for _, p := range [2]pair{{a, b}, {b, a}} {
			if s.prefers(p.from, p.to) {
				s.defeats = append(s.defeats, attack{p.from, p.to, Contradiction, -1})
			} else {
				s.failed = append(s.failed, p)
			}
		}
	}
	s.failed = byTarget(len(s.ids), s.failed)
}

// byTarget returns the pairs ps between n claims sorted by target, then
// source: counted out by target, O(n + pairs), then each target's few
// sources sorted.
func byTarget(n int, ps []pair) []pair {
	start, out := csr.Sort(n, ps, func(p pair) int32 { return p.to })
	for i := range n {
		if row := out[start[i]:start[i+1]]; len(row) > 1 {
			slices.SortFunc(row, func(x, y pair) int { return cmp.Compare(x.from, y.from) })
		}
	}
	return out
}

// rows groups the defeats by attacker (out) and by target (in).
type rows struct {
	start []int32
	adj   []int32
}

func (c rows) of(i int32) []int32 { return c.adj[c.start[i]:c.start[i+1]] }

func group(n int, edges []attack, key func(attack) (int32, int32)) rows {
	c := rows{start: make([]int32, n+1), adj: make([]int32, len(edges))}
	for _, e := range edges {
		k, _ := key(e)
		c.start[k+1]++
	}
	fill := csr.Starts(c.start)
	for _, e := range edges {
		k, x := key(e)
		c.adj[fill[k]] = x
		fill[k]++
	}
	return c
}

// derive adds the complex attacks of the chosen support reading, each
// through one support edge and one defeat, and subject to preference like
// a direct attack. It costs O(Σ over supports (a, b) of the defeat degrees
// of a and b), O(edges × degree), and builds the attack index by target.
func (s *state) derive() {
	n := len(s.ids)
	r := s.opts.Support
	var out, in rows
	if r != Lending { // lending derives no attack
		out = group(n, s.defeats, func(e attack) (int32, int32) { return e.from, e.to })
		in = group(n, s.defeats, func(e attack) (int32, int32) { return e.to, e.from })
	}
	all := s.defeats[:len(s.defeats):len(s.defeats)] // appended to only when attacks are derived
	add := func(from, to int32, kind AttackKind, via int32) {
		if from != to && s.prefers(from, to) {
			all = append(all, attack{from, to, kind, via})
		}
	}
	for _, p := range s.supports {
		a, b := p.from, p.to
		if r == Bipolar || r == Deductive { // a supports b, b attacks c: a attacks c
			for _, c := range out.of(b) {
				add(a, c, Supported, b)
			}
		}
		if r == Bipolar || r == Necessary { // a supports b, c attacks a: c attacks b
			for _, c := range in.of(a) {
				add(c, b, Secondary, a)
			}
		}
		if r == Deductive { // a supports b, c attacks b: c attacks a
			for _, c := range in.of(b) {
				add(c, a, Mediated, b)
			}
		}
		if r == Necessary { // a supports b, a attacks c: b attacks c
			for _, c := range out.of(a) {
				add(b, c, Extended, a)
			}
		}
	}
	// Sort by target, attacker and kind, and keep one attack per pair:
	// a contradiction before any derived attack, as the most direct
	// reason. A counting sort by target, then a sort of each target's
	// few attacks: O(attacks) but for the small sorts.
	start, sorted := csr.Sort(n, all, func(e attack) int32 { return e.to })
	s.attacks = sorted[:0]
	s.inStart = start // rewritten below as the attacks are compacted
	for i := range n {
		on := sorted[start[i]:start[i+1]]
		slices.SortFunc(on, func(x, y attack) int {
			return cmp.Or(cmp.Compare(x.from, y.from), cmp.Compare(x.kind, y.kind), cmp.Compare(x.via, y.via))
		})
		on = slices.CompactFunc(on, func(x, y attack) bool { return x.from == y.from })
		s.inStart[i] = int32(len(s.attacks))
		s.attacks = append(s.attacks, on...) // never overtakes on: it only shrinks
	}
	s.inStart[n] = int32(len(s.attacks))
}

// solve runs the grounded labelling on every attack and DF-QuAD on the
// defeats. Support is not an edge of DF-QuAD: it has lent its evidence
// to the base scores already, and a cycle of support would otherwise
// push its claims to strength 1 whatever entered it. DF-QuAD runs on
// another goroutine meanwhile the labels are found.
func (s *state) solve() {
	solve := s.dfquad()
	var wg sync.WaitGroup
	wg.Go(func() { s.strength = solve() })
	s.label()
	wg.Wait()
}

// strengths runs DF-QuAD on the defeats, after the labels.
func (s *state) strengths() { s.strength = s.dfquad()() }

// dfquad sets the base scores of the claims and returns DF-QuAD on the
// defeats, to run. (The options' Base is called here, on the calling
// goroutine; what it returns reads the defeats and base scores alone.)
func (s *state) dfquad() func() af.Strengths {
	n := len(s.ids)
	b := af.NewBipolar(n)
	s.bases = make([]float64, n)
	for i, w := range s.evidence {
		s.bases[i] = s.base(w)
		_ = b.SetBase(i, s.bases[i])
	}
	for _, e := range s.defeats {
		_ = b.Attack(int(e.from), int(e.to))
	}
	tol, iter := s.opts.Tolerance, s.opts.MaxIterations
	if tol == 0 {
		tol = af.DefaultTolerance
	}
	if iter == 0 {
		iter = af.DefaultMaxIterations
	}
	return func() af.Strengths { return af.DFQuADIter(b, tol, iter) }
}

// label runs the grounded labelling on every attack.
//
// A supported or extended attack is made by way of its Via claim (the
// supported claim attacks, or the supporter); one whose Via the labelling
// rejects is dropped and the labelling run again, until none is left, so
// that no reason attacks through a rejected claim. (A secondary or
// mediated attack reaches its target through its Via, which its attacker
// defeats: the rejection of Via is its point, and it stays.) Each round
// drops at least one attack: at most derived+1 rounds, and one when no
// attack is derived (the default, Lending).
func (s *state) label() {
	n := len(s.ids)
	for {
		f := af.New(n)
		for _, e := range s.attacks {
			_ = f.Attack(int(e.from), int(e.to)) // indices are in range by construction
		}
		s.labels = af.Grounded(f)
		kept := s.attacks[:0]
		for _, e := range s.attacks {
			if !throughVia(e.kind) || s.labels[e.via] != af.Out {
				kept = append(kept, e)
			}
		}
		if len(kept) == len(s.attacks) {
			break
		}
		s.reindex(kept)
	}
}

// throughVia reports whether an attack of kind k is made by way of its
// Via claim, so that it fails when Via is rejected.
func throughVia(k AttackKind) bool { return k == Supported || k == Extended }

// reindex makes kept, a subsequence of the attacks sorted by target, the
// attacks, and rebuilds their index by target.
func (s *state) reindex(kept []attack) {
	s.attacks = kept
	clear(s.inStart)
	for _, e := range kept {
		s.inStart[e.to+1]++
	}
	csr.Prefix(s.inStart)
}

// base is the base score of evidence w, clamped to [0, 1] (NaN to 0) so
// that a custom [Options.Base] cannot make DF-QuAD reject it.
func (s *state) base(w float64) float64 {
	b := s.opts.Base(w)
	if math.IsNaN(b) {
		return 0
	}
	return min(max(b, 0), 1)
}

// result assembles the verdicts in graph order.
func (s *state) result(v graph.View) (*Result, error) {
	s.view = v
	r := &Result{
		Date: v.Date(), Attacks: len(s.attacks), Failed: len(s.failed),
		Rounds: s.rounds, Silent: s.silent, Unsettled: s.unsettled,
	}
	t := v.Date()
	tick := graph.NewTicker(s.opts.Progress, "verdicts", len(s.ids))
	defer func() {
		r.Acyclic, r.Converged, r.Iterations, r.Bound = s.strength.Acyclic, s.strength.Converged, s.strength.Iterations, s.strength.Bound
	}()
	if t.IsZero() {
		r.Verdicts = s.verdicts(&tick)
		tick.Finish()
		r.lent = s.lentOf(r, nil)
		return r, nil
	}
	s.solved()
	// A dated view: walk the whole graph so that the claims the date
	// leaves out get a verdict too, in their place.
	r.Verdicts = make([]Verdict, 0, len(s.ids))
	s.index = make(map[string]int32, len(s.ids))
	for i, id := range s.ids {
		s.index[id] = int32(i)
	}
	full := v.At(claims.Date{})
	var pos []int32
	for c := range full.Claims() {
		if i, ok := s.index[c.ID]; ok {
			r.Verdicts = append(r.Verdicts, s.verdict(i))
			pos = append(pos, i)
			tick.Tick()
			continue
		}
		vd, err := s.outOfTime(full, c, t)
		if err != nil {
			return nil, err
		}
		r.Verdicts = append(r.Verdicts, vd)
		pos = append(pos, -1)
	}
	tick.Finish()
	r.lent = s.lentOf(r, pos)
	return r, nil
}

// minSplit: a view of fewer claims has its verdicts written by one
// goroutine.
const minSplit = 1 << 12

// verdicts returns the verdict on every claim of the view, in its order.
// What needs no strength is written first, while DF-QuAD may still run
// (s.solving), then the rest. On a large view two goroutines write the
// rest, each half with its own scratch, reading the state alone (the
// options' Base was applied in dfquad): the same verdicts, in the same
// order, as one would write.
func (s *state) verdicts(tick *graph.Ticker) []Verdict {
	n := len(s.ids)
	out := make([]Verdict, n)
	for i := range out {
		s.known(&out[i], int32(i))
	}
	s.solved()
	half := n
	if n >= minSplit && runtime.GOMAXPROCS(0) > 1 {
		half = n / 2
	}
	var wg sync.WaitGroup
	if half < n {
		other := &state{}
		*other = *s
		other.scratch = scratch{}
		wg.Go(func() {
			for i := half; i < n; i++ {
				other.fill(&out[i], int32(i))
			}
		})
	}
	for i := range half {
		s.fill(&out[i], int32(i))
		tick.Tick()
	}
	wg.Wait()
	for range n - half {
		tick.Tick()
	}
	return out
}

// outOfTime is the verdict on a claim that does not hold at t, with its
// evidence in the whole graph, where the claims the run rejects lend
// nothing, as in the view.
func (s *state) outOfTime(full graph.View, c claims.Claim, t claims.Date) (Verdict, error) {
	if s.full == nil {
		eo := s.evidenceOptions()
		eo.Silent = maps.Clone(s.silent)
		for i, l := range s.labels {
			if l == af.Out {
				if eo.Silent == nil {
					eo.Silent = map[string]bool{}
				}
				eo.Silent[s.ids[i]] = true
			}
		}
		var err error
		if s.full, err = evidence.Of(full, eo); err != nil {
			return Verdict{}, fmt.Errorf("verdict: %w", err)
		}
	}
	e, _ := s.full.Claim(c.ID)
	vd := Verdict{Claim: c.ID, Origins: someOrigins(e.Origins), Lent: e.Lent, Evidence: e.Weight, Capped: e.Capped}
	if c.Validity.Ended(t) {
		vd.Label, vd.Since = NotHolding, c.Validity.End()
	} else {
		vd.Label, vd.Since = NotYetHolding, c.Validity.Start()
	}
	vd.Primary = primaryOf(s.opts.Trust, e.Origins, full, c.ID)
	vd.Rating = s.opts.Ratings.Rate(vd)
	return vd, nil
}

// verdict is the verdict on claim i of the framework.
func (s *state) verdict(i int32) Verdict {
	var vd Verdict
	s.known(&vd, i)
	s.fill(&vd, i)
	return vd
}

// known writes to vd, a zero Verdict, what of the verdict on claim i of
// the framework needs no strength; fill writes the rest. They write
// field by field: the verdicts of a large view are written in place,
// not built and copied (a Verdict is 152 bytes on 64-bit platforms).
func (s *state) known(vd *Verdict, i int32) {
	e := s.claimEvidence(i)
	vd.Claim, vd.Evidence, vd.Capped = s.ids[i], s.evidence[i], s.capped[i]
	vd.Origins, vd.Lent = someOrigins(e.Origins), e.Lent
	vd.Base = s.bases[i]
	vd.Primary = primaryOf(s.opts.Trust, e.Origins, s.view, s.ids[i])
}

// fill writes the rest of the verdict on claim i, once known has and
// the strengths are set: its strength, label, rating and reasons.
func (s *state) fill(vd *Verdict, i int32) {
	vd.Strength = s.strength.Strength[i]
	s.judge(vd, i, s.labels[i])
}

// someOrigins returns origins, or an empty list for none: a verdict's
// Origins is never nil (so [] in JSON, not null), from Compute and from
// the Tracker alike.
func someOrigins(origins []string) []string {
	if origins == nil {
		return []string{}
	}
	return origins
}

// judge sets, on vd, the verdict on claim i of the framework, whose
// grounded label is l: its label, its rating (from its evidence and
// strength, which vd holds) and its reasons. Compute and the Tracker both
// judge through it.
func (s *state) judge(vd *Verdict, i int32, l af.Label) {
	switch l {
	case af.In:
		vd.Label = Accepted
	case af.Out:
		vd.Label = Rejected
	default:
		vd.Label = Undecided
	}
	vd.Rating = s.opts.Ratings.rate(vd)
	vd.Reasons, vd.More = s.reasons(i, vd.Label)
}

// items looks up sources and claims: a graph.View, or the *graph.Graph
// of a Tracker.
type items interface {
	Source(id string) (sources.Source, bool)
	Claim(id string) (claims.Claim, bool)
}

// primaryOf returns the highest trust that trust gives one of origins,
// the own origins of claim id in v, whose source is a primary source
// (sources.Kind.Primary) that stands for itself: [Verdict].Primary. An
// origin that stands for a cycle of sources (circular reporting,
// provenance.Circular: its source draws on another source that carries
// the claim) is first-hand material of no one, and no primary source,
// whatever its kind. 0 without trust; an origin trust does not name has
// no established trust. O(origins) look-ups, none without trust, and
// the claim's appearances read once when an origin is a primary source
// that trust names.
func primaryOf(trust map[string]float64, origins []string, v items, id string) float64 {
	best := 0.0
	if trust == nil {
		return best
	}
	var carriers map[string]carrier // the sources that carry claim id, read when needed
	for _, o := range origins {
		t, ok := trust[o]
		if !ok || t <= best {
			continue
		}
		src, ok := v.Source(o)
		if !ok || !src.Kind.Primary() {
			continue
		}
		if carriers == nil {
			c, _ := v.Claim(id)
			carriers = make(map[string]carrier, 2*len(c.Appearances))
			for _, a := range c.Appearances {
				carriers[a.Source] |= carries
				if a.Via != "" {
					carriers[a.Via] |= carries
				}
				if a.Via != "" && a.Via != a.Source {
					carriers[a.Source] |= relays
				}
			}
		}
		if circular(src, carriers) {
			continue
		}
		best = t
	}
	return best
}

// carrier says how a source carries a claim, for primaryOf.
type carrier uint8

const (
	carries carrier = 1 << iota // the claim appears in it, or comes by way of it (Via)
	relays                      // an appearance of the claim in it came by way of another source
)

// circular reports whether src, an origin of a claim carried by the
// sources of carriers, stands for a cycle of sources: it draws on one of
// them (itself included), or one of the claim's appearances in it came
// by way of another source. An origin draws on no carrier outside its
// cycle, or it would be no origin. This is provenance's rule for an
// origin of the class Circular, read off the claim and the one source:
// TestPrimaryAgreesWithProvenance holds the two together.
func circular(src sources.Source, carriers map[string]carrier) bool {
	if carriers[src.ID]&relays != 0 {
		return true
	}
	for _, d := range src.DerivedFrom {
		if carriers[d.Source]&carries != 0 {
			return true
		}
	}
	return false
}

// in returns the attacks on claim i.
func (s *state) in(i int32) []attack { return s.attacks[s.inStart[i]:s.inStart[i+1]] }

// stronger orders claims by strength, then evidence, descending, then by
// position.
func (s *state) stronger(a, b int32) int {
	return cmp.Or(cmp.Compare(s.strength.Strength[b], s.strength.Strength[a]),
		cmp.Compare(s.evidence[b], s.evidence[a]), cmp.Compare(a, b))
}

// defeater returns the strongest accepted attacker of i, or -1.
func (s *state) defeater(i int32) int32 {
	best := int32(-1)
	for _, e := range s.in(i) {
		if s.labels[e.from] == af.In && (best < 0 || s.stronger(e.from, best) < 0) {
			best = e.from
		}
	}
	return best
}

// reasons explains the label of claim i: for a rejected claim its accepted
// attackers, for an accepted one its attackers with who defeats each and
// the contradicting claims too weak to attack, for an undecided one its
// undecided attackers. The reasons of all claims are cut from a few
// shared arrays, each with its capacity clipped to its length.
func (s *state) reasons(i int32, l Label) ([]Reason, int) {
	s.rs, s.who = s.rs[:0], s.who[:0]
	for _, e := range s.in(i) {
		switch {
		case l == Rejected && s.labels[e.from] == af.In:
			s.reason(DefeatedBy, e)
		case l == Accepted:
			s.reason(Attacker, e)
		case l == Undecided && s.labels[e.from] == af.Undec:
			s.reason(Open, e)
		}
	}
	if l == Accepted {
		lo, _ := slices.BinarySearchFunc(s.failed, i, func(p pair, t int32) int { return cmp.Compare(p.to, t) })
		for _, p := range s.failed[lo:] {
			if p.to != i {
				break
			}
			s.reason(Weaker, attack{p.from, p.to, Contradiction, -1})
		}
	}
	if len(s.rs) == 0 {
		return noReasons, 0
	}
	// Sort by kind, then strongest claim first.
	s.ord = s.ord[:0]
	for k := range s.rs {
		s.ord = append(s.ord, k)
	}
	slices.SortStableFunc(s.ord, func(x, y int) int {
		return cmp.Or(cmp.Compare(s.rs[x].Kind, s.rs[y].Kind), s.stronger(s.who[x], s.who[y]))
	})
	n, more := len(s.rs), 0
	if m := s.opts.MaxReasons; m > 0 && n > m {
		n, more = m, n-m
	}
	mark := s.reasonBuf.grow(n)
	for _, o := range s.ord[:n] {
		s.reasonBuf.buf = append(s.reasonBuf.buf, s.rs[o])
	}
	return s.reasonBuf.cut(mark), more
}

// noReasons is the Reasons of a verdict without any: empty, not nil, and
// with no capacity to share.
var noReasons = []Reason{}

// reason adds to the reasons being collected one of kind k for attack e.
func (s *state) reason(kind ReasonKind, e attack) {
	r := Reason{Kind: kind, Claim: s.ids[e.from], Attack: e.kind, Sources: s.sources[e.from], Evidence: s.evidence[e.from], Capped: s.capped[e.from]}
	if e.via >= 0 {
		r.Via = s.ids[e.via]
	}
	if kind == Attacker {
		if d := s.defeater(e.from); d >= 0 {
			r.By, r.BySources, r.ByEvidence, r.ByCapped = s.ids[d], s.sources[d], s.evidence[d], s.capped[d]
		}
	}
	s.rs = append(s.rs, r)
	s.who = append(s.who, e.from)
}
