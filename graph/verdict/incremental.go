package verdict

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/af"
	"github.com/claimgraph/claimgraph/graph/evidence"
	"github.com/claimgraph/claimgraph/graph/internal/csr"
	"github.com/claimgraph/claimgraph/graph/internal/scc"
)

// fullShare: an update whose verdicts to recompute are more than
// 1/fullShare of the claims recomputes everything instead (see
// [Tracker.Update]); 0 never does (for the tests).
var fullShare = 4

// allAbove: an update with more verdicts to recompute than this solves
// every claim instead, as it does past fullShare (for the tests).
var allAbove = math.MaxInt

// Tracker holds the verdicts on every claim of a graph and brings them up
// to date after each batch applied to it, recomputing only what the batch
// can reach. Its [Tracker.Result] is that of [Compute] on the whole
// graph with the same options, as if computed again (see
// [Tracker.Update] for the exceptions). A Tracker is not safe for
// concurrent use; the graph may be read meanwhile, but only the Tracker's
// owner may change it, calling Update after each change.
//
// It keeps, for every claim, its origins and the origins its supporters
// lend it, its evidence, label, strength and the bounds on it, and its
// verdict: memory O(claims + relations + origins), a few times that of
// the graph's claims.
type Tracker struct {
	g    *graph.Graph
	opts Options // with defaults

	slot   map[string]int32 // claim ID -> slot; slots follow the graph's order
	c      []node
	live   int
	seq    int64 // the next relation's number
	att    int   // successful attacks in all
	failed int   // failed attacks in all
	cyclic int   // claims on a cycle of attack
	unconv int   // claims of components DF-QuAD left unconverged
	rounds int   // of labelling, as Result.Rounds
	// unsettled counts the rejected claims that still lend, the rounds
	// having stopped at MaxRounds, as Result.Unsettled.
	unsettled int
	silent    map[string]bool
	// silencedIn[r] holds the claims silenced by round r's labels, and
	// some that no longer are (check silR); stale when the rounds could
	// not be followed (then every update computes everything again).
	silencedIn [][]int32
	silCount   []int32 // silCount[r]: the live claims silenced by round r's labels
	stale      bool
	// endIn[u] holds the claims with a state kept until round u (see
	// replay.go), and some that no longer have one.
	endIn [][]int32
	// listed counts the entries of silencedIn and endIn, stale ones
	// too; tidied, those left by the last tidy.
	listed, tidied int

	// Origins, interned: names[k] is a source ID, key[k] orders origin
	// sets as evidence.Of interns them (the first claim to name it, then
	// its place in that claim's origins), owners[k] the claims whose own
	// origins name it, ascending.
	names  []string
	intern map[string]int32
	key    []int64
	owners [][]int32

	// Scratch, indexed by slot and stamped per use.
	stamp  []uint32
	epoch  uint32
	sloc   []int32
	sstamp []uint32
	sepoch uint32
	// The evidence, cap and label of each claim in a round replayed, as
	// labelRound reads them, stamped per round (wstamp, wepoch).
	wev    []float64
	wcap   []bool
	wlab   []af.Label
	wstamp []uint32
	wepoch uint32
}

// node is the state of one claim.
type node struct {
	id      string
	dead    bool
	origins []string // as Options.Origins returned them
	own     []int32  // interned, sorted by key, each once
	lent    []int32
	sources []string
	ev      float64
	capped  bool // the origins lent to it filled evidence.MaxLent
	silent  bool // lends nothing: rejected in a round (Result.Silent)
	// The rounds of silencing (see replay.go): the round whose labels
	// silenced it (0: none), and its states in the rounds before the
	// last where they differ from its state now.
	silR int32
	hist []past

	sup, supBy []int32 // claims this one supports, and its supporters
	scyc       bool    // on a cycle of support (kept after a removal breaks it, until lend weighs it again)
	con        []conRef

	label     af.Label
	x, lo, hi float64
	defeater  int32 // the strongest accepted attacker, -1 when none
	nAtt      int32 // successful attacks on this claim
	nFail     int32
	cyc       bool
	unconv    bool
	iters     int32
	v         Verdict
}

// conRef is one contradiction of a claim: the other claim, the
// relation's number and whether this claim is its From.
type conRef struct {
	other int32
	seq   int64
	from  bool
}

// Stats says what [Tracker.Update] recomputed.
type Stats struct {
	// Evidence is the number of claims whose evidence was weighed again,
	// Verdicts the number whose label, strength and verdict were: every
	// claim when they are more than a quarter of the claims (and more
	// than 1,024), which are then solved as Compute does, with the
	// evidence as the update left it. Relent counts the claims weighed
	// again whose evidence and cap stand (lent other origins past the
	// cap, or as many of the same weight): unless downstream of another
	// change, their labels and strengths stand, and only their verdicts
	// are written again.
	Evidence, Verdicts, Relent int
	// Full reports that every verdict was computed again, and Why why.
	Full bool
	Why  Fallback
	// Rounds is the number of rounds of silencing the update replayed
	// (see [Tracker.Update]), and Silenced the number of claims the
	// changed graph's rounds silence that the old graph's did not, or
	// the reverse; both 0 when it computed everything again.
	Rounds, Silenced int
}

// Track computes the verdicts on every claim of g, as [Compute] on the
// whole graph does, and returns a Tracker that keeps them up to date. It
// costs what Compute does: O(rounds × (claims + relations)) besides the
// origins and DF-QuAD's iteration on cycles of attack, and, when a round
// silences claims, two more weighings of the evidence (the first round's
// and the last's, its own), to note how each claim varies over the
// rounds (see Update).
//
// It supports the default reading of support, [Lending], alone, and no
// precomputed [Options.Evidence]: other readings derive attacks two steps
// away from a change, and a table of evidence cannot follow one. Both
// give an error that wraps [ErrOptions]. [Options.Origins] must give a
// claim's origins from the claim and the sources it names; the default,
// the independent origins of package graph/provenance, does.
// Options.Progress is not used.
func Track(g *graph.Graph, opts Options) (*Tracker, error) {
	o, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	switch {
	case o.Support != Lending:
		return nil, fmt.Errorf("%w: a Tracker supports the lending reading of support alone, not %s", ErrOptions, o.Support)
	case o.Evidence != nil:
		return nil, fmt.Errorf("%w: a Tracker weighs evidence itself: Options.Evidence must be nil", ErrOptions)
	}
	// Check the trust the way evidence.Of does, on an empty graph.
	if _, err := evidence.Of(graph.New().View, evidence.Options{Trust: o.Trust, UnknownTrust: o.UnknownTrust}); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrOptions, err)
	}
	o.Progress = nil
	t := &Tracker{g: g, opts: o}
	if err := t.rebuild(false); err != nil {
		return nil, err
	}
	return t, nil
}

// origins returns the Origins function of one update: with the default,
// a fresh provenance index, as sources may have been added, whose cycles
// stand for their least trusted source as evidence.Of finds them under
// the same trust (evidence.IndependentWeighed).
func (t *Tracker) origins() func(graph.View, claims.Claim) ([]string, error) {
	if t.opts.Origins != nil {
		return t.opts.Origins
	}
	return evidence.IndependentWeighed(t.opts.Trust, t.opts.UnknownTrust)
}

// rebuild computes everything again from the graph; with known, the
// origins of the claims the Tracker holds are taken as it holds them (an
// update has brought them up to date).
func (t *Tracker) rebuild(known bool) error {
	v := t.g.View.Snapshot()
	n := v.Counts().Claims
	origins := t.opts.Origins
	if known {
		slot, c, orig := t.slot, t.c, t.origins()
		origins = func(v graph.View, x claims.Claim) ([]string, error) {
			if s, ok := slot[x.ID]; ok && !c[s].dead {
				return c[s].origins, nil
			}
			return orig(v, x)
		}
	}
	*t = Tracker{g: t.g, opts: t.opts, slot: make(map[string]int32, n), c: make([]node, 0, n), intern: make(map[string]int32)}
	// The origins as Compute finds them (with the default, on several
	// goroutines, a cycle of sources standing for its least trusted
	// one under Trust), the claims read once on the way.
	tab, err := evidence.Of(v, evidence.Options{Origins: origins, Trust: t.opts.Trust, UnknownTrust: t.opts.UnknownTrust, NoLending: true, Visit: func(c claims.Claim) {
		srcs, _ := evidence.DistinctSources(v, c)
		t.slot[c.ID] = int32(len(t.c))
		t.c = append(t.c, node{id: c.ID, sources: srcs, defeater: -1})
	}})
	if err != nil {
		return fmt.Errorf("verdict: %w", err)
	}
	for i := range t.c {
		t.c[i].origins = tab.At(i).Origins
		t.own(int32(i), nil)
	}
	t.live = len(t.c)
	t.sizeRelations(v)
	for l := range v.Links() {
		if !l.Resolved { // as Compute's links
			t.relate(int32(l.From), int32(l.To), l.Kind)
		}
	}
	all := make([]int32, len(t.c))
	for i := range all {
		all[i] = int32(i)
		t.sortOwn(int32(i))
	}
	// The rounds of silencing, as Compute runs them (it weighs evidence
	// faster than lend), with each claim's state in each round kept
	// (see replay.go), and then the state of the last.
	silent, rounds, unsettled, err := t.runRounds(v, func(_ graph.View, c claims.Claim) ([]string, error) {
		return t.c[t.slot[c.ID]].origins, nil // as found above
	}, false)
	if err != nil {
		return err
	}
	for id := range silent {
		t.c[t.slot[id]].silent = true
	}
	t.silent, t.rounds, t.unsettled = silent, rounds, unsettled
	t.lend(all)
	t.solveAll(v.Counts())
	// None left, as Compute found, unless the rounds stopped at their
	// cap: a safeguard (then the rounds kept are not those of the graph).
	for ; unsettled == 0 && t.silence(all); t.rounds++ {
		t.lend(all)
		t.solveAll(v.Counts())
		t.stale = true
	}
	return nil
}

// silence makes the rejected claims of S that support another claim
// silent, and reports whether any was not already.
func (t *Tracker) silence(S []int32) bool {
	more := false
	for _, s := range S {
		if n := &t.c[s]; !n.dead && !n.silent && n.label == af.Out && len(n.sup) > 0 {
			n.silent, more = true, true
			if t.silent == nil {
				t.silent = make(map[string]bool)
			}
			t.silent[n.id] = true
		}
	}
	return more
}

// solveAll computes the labels, strengths and verdicts of every claim,
// whose evidence is weighed, as [Compute] does, with its code: what
// solve(all) would, without the bookkeeping of a part of the graph. The
// live claims are numbered in the order of their slots, and the
// contradictions taken from the Tracker's relations in the order they
// were added, as Compute numbers them in the graph's order (the order
// solve keeps too). O(claims + contradictions) besides Compute's.
func (t *Tracker) solveAll(counts graph.Counts) {
	t.grow()
	slots := make([]int32, 0, t.live) // dense index -> slot
	for i := range t.c {
		if !t.c[i].dead {
			t.sloc[i] = int32(len(slots))
			slots = append(slots, int32(i))
		}
	}
	n := len(slots)
	st := &state{opts: t.opts, size: counts, ids: make([]string, n), sources: make([][]string, n), evidence: make([]float64, n), capped: make([]bool, n)}
	type con struct {
		seq  int64
		a, b int32
	}
	var cons []con
	for i, s := range slots {
		nd := &t.c[s]
		st.ids[i], st.sources[i], st.evidence[i], st.capped[i] = nd.id, nd.sources, nd.ev, nd.capped
		nd.nFail, nd.iters = 0, 0 // from an earlier round
		for _, r := range nd.con {
			if r.from {
				cons = append(cons, con{r.seq, int32(i), t.sloc[r.other]})
			}
		}
	}
	slices.SortFunc(cons, func(x, y con) int { return cmp.Compare(x.seq, y.seq) })
	st.cons = make([]pair, len(cons))
	for k, c := range cons {
		st.cons[k] = pair{c.a, c.b}
	}
	t.cyclic, t.unconv = 0, 0
	st.prefer()
	st.derive() // under Lending, the defeats sorted by target, one per pair
	st.solve()
	str := st.strength
	// Cycles of attack, for Acyclic and Converged: the components of the
	// attacks, taken backwards (the same components).
	from := make([]int32, len(st.attacks))
	for k, e := range st.attacks {
		from[k] = e.from
	}
	var cb scc.Buf
	cb.Components(st.inStart, from)
	size := make([]int32, cb.Count)
	for _, k := range cb.Comp {
		size[k]++
	}
	for _, p := range st.failed {
		t.c[slots[p.to]].nFail++
	}
	t.att, t.failed = len(st.attacks), len(st.failed)
	for i, s := range slots {
		nd, k := &t.c[s], int32(i)
		nd.nAtt = st.inStart[k+1] - st.inStart[k]
		nd.label, nd.x, nd.lo, nd.hi = st.labels[k], str.Strength[k], str.Lower[k], str.Upper[k]
		nd.defeater = -1
		if d := st.defeater(k); d >= 0 {
			nd.defeater = slots[d]
		}
		t.count(nd, size[cb.Comp[k]] > 1, str)
		nd.v = t.verdict(st, k, nd)
	}
}

// own records the origins of claim s as its own, s being new or its
// origins having changed from old; it returns the origins whose order
// changed (see key), whose owners must sort their sets again.
func (t *Tracker) own(s int32, old []string) (moved []int32) {
	var touched []int32
	for _, name := range old {
		k := t.intern[name]
		if i, ok := slices.BinarySearch(t.owners[k], s); ok {
			t.owners[k] = slices.Delete(t.owners[k], i, i+1)
			touched = append(touched, k)
		}
	}
	for _, name := range t.c[s].origins {
		k, ok := t.intern[name]
		if !ok {
			k = int32(len(t.names))
			t.intern[name] = k
			t.names = append(t.names, name)
			t.key = append(t.key, -1)
			t.owners = append(t.owners, nil)
		}
		if i, ok := slices.BinarySearch(t.owners[k], s); !ok {
			t.owners[k] = slices.Insert(t.owners[k], i, s)
			touched = append(touched, k)
		}
	}
	for _, k := range touched {
		if len(t.owners[k]) == 0 {
			t.key[k] = -1
			continue
		}
		first := t.owners[k][0]
		key := int64(first)<<20 | int64(slices.Index(t.c[first].origins, t.names[k]))
		if t.key[k] >= 0 && t.key[k] != key {
			moved = append(moved, k)
		}
		t.key[k] = key
	}
	return moved
}

// sortOwn sets claim s's interned own origins from its origins.
func (t *Tracker) sortOwn(s int32) {
	n := &t.c[s]
	set := make([]int32, 0, len(n.origins))
	for _, name := range n.origins {
		set = append(set, t.intern[name])
	}
	slices.SortFunc(set, t.byKey)
	n.own = slices.Compact(set)
}

func (t *Tracker) byKey(a, b int32) int { return cmp.Compare(t.key[a], t.key[b]) }

// sizeRelations gives each claim room for the relations relate will add
// from v, cut from three arrays, each piece with its capacity clipped to
// the claim's degree: a few allocations rather than a few per claim. An
// update that adds a relation past the room copies the claim's piece, so
// that it never overwrites its neighbour's.
func (t *Tracker) sizeRelations(v graph.View) {
	n := len(t.c)
	sup, supBy, con := make([]int32, n), make([]int32, n), make([]int32, n)
	var nsup, ncon int
	for l := range v.Links() {
		a, b := l.From, l.To
		switch l.Kind {
		case claims.Supports:
			if a != b {
				sup[a]++
				supBy[b]++
				nsup++
			}
		case claims.Contradicts:
			con[a]++
			con[b]++
			ncon += 2
		}
	}
	supBuf, supByBuf, conBuf := make([]int32, nsup), make([]int32, nsup), make([]conRef, ncon)
	var i, j, k int32
	for x := range t.c {
		nd := &t.c[x]
		nd.sup, i = supBuf[i:i:i+sup[x]], i+sup[x]
		nd.supBy, j = supByBuf[j:j:j+supBy[x]], j+supBy[x]
		nd.con, k = conBuf[k:k:k+con[x]], k+con[x]
	}
}

// relate adds a relation between claims a and b that bears on truth.
func (t *Tracker) relate(a, b int32, k claims.RelationKind) {
	switch k {
	case claims.Supports:
		if a != b {
			t.c[a].sup = append(t.c[a].sup, b)
			t.c[b].supBy = append(t.c[b].supBy, a)
		}
	case claims.Contradicts:
		t.c[a].con = append(t.c[a].con, conRef{b, t.seq, true})
		t.c[b].con = append(t.c[b].con, conRef{a, t.seq, false})
	}
	t.seq++
}

// unrelate removes the relation of kind k between a and b (either way
// for a contradiction).
func (t *Tracker) unrelate(a, b int32, k claims.RelationKind) {
	switch k {
	case claims.Supports:
		t.c[a].sup = remove(t.c[a].sup, b)
		t.c[b].supBy = remove(t.c[b].supBy, a)
	case claims.Contradicts:
		t.c[a].con = slices.DeleteFunc(t.c[a].con, func(r conRef) bool { return r.other == b })
		t.c[b].con = slices.DeleteFunc(t.c[b].con, func(r conRef) bool { return r.other == a })
	}
}

func remove(list []int32, x int32) []int32 {
	if i := slices.Index(list, x); i >= 0 {
		return slices.Delete(list, i, i+1)
	}
	return list
}

// Update brings the verdicts up to date after b was applied to the graph
// (graph.Graph.Apply returned nil), and says what it recomputed. On error
// the Tracker must be made again with [Track].
//
// The graph keeps no log of changes: Update works out what b changed from
// b itself, the claims it adds, removes and replaces and the supports and
// contradictions it adds and removes, with the Tracker's copy of the
// relations of each claim. (A batch that only adds sources or entities
// changes no verdict: no claim of the graph can name them yet.) Then it
// recomputes, as [Compute] would:
//
//   - E, the evidence of the changed claims and of the claims below them
//     along supports, where lent origins go. Each claim is weighed from
//     what its supporters pass on, and what it passes on goes further
//     only if it changed, so a change stops where an origin adds nothing
//     (already lent, or past evidence.MaxLent). When that reaches a
//     cycle of support, or the batch may close one, all of the claims
//     below the changed ones are weighed again together, a cycle at a
//     time, as evidence.Of does.
//   - T, the claims whose attacks may have changed: the claims of E
//     whose evidence or cap moved, the claims of the batch, the targets
//     of the attacks of contradictions added or removed that succeed (or
//     did), and the claims contradicting one of E whose attack, or
//     attack on it, now succeeds or fails otherwise. (The target of an
//     attack that fails only names its attacker among its reasons, and
//     is explained again.) A claim of E whose evidence and cap stand was
//     lent other origins of the same weight — past the cap, which holds
//     the evidence.MaxLent first origins in a fixed order, an origin
//     that comes or goes upstream changes which ones a claim holds all
//     the way down the supports, while its weight stays — so its attacks,
//     label and strength stand, and only its verdict is written again
//     (Stats.Relent). Otherwise such a change would reach everything
//     downstream of those claims along attacks, on the generated graphs
//     most of the graph.
//   - D, the claims downstream of T along successful attacks, with their
//     strongly connected components: their labels, strengths and
//     verdicts. A grounded label and a DF-QuAD strength depend on the
//     claim's attackers alone, so the claims outside D keep theirs. D is
//     solved alone with its attackers from outside as inputs fixed at
//     their labels, strengths and bounds ([af.Bipolar.Fix]), so that its
//     strengths are the whole framework's. The accepted claims outside D
//     that a claim of D contradicts in vain are explained again, as
//     their reasons name it.
//
// The last round costs O((|E| + |D|) log + the relations of their
// claims) besides the origins of the batch's claims and DF-QuAD's
// iteration on D's cycles;
// without support cycles, the evidence costs O(the claims weighed ×
// their supporters × evidence.MaxLent), a claim being weighed again when
// a supporter's changes reach it. When D holds more than a quarter of
// the claims (and more than 1,024), the change of evidence or attacks
// reached a giant component of the attacks, whose strengths then all
// move: it solves every claim as Compute does, with the evidence as it
// is (Stats.Verdicts is then every claim): O(claims + contradictions)
// and DF-QuAD on the whole, without the origins, the evidence and the
// rounds of a recomputation. When E holds more than a quarter of the
// claims, or b merges or replaces a source or an entity (which can
// change the origins of claims b does not name), it computes everything
// again as [Track] does: Stats.Full, with Stats.Why the reason. A
// contradiction that time resolves attacks nothing, as in Compute, and
// the Tracker does not hold it; a batch that replaces a claim
// with a validity that changes which of its contradictions time resolves
// computes everything again too (FallbackTime).
//
// A rejected claim that supports another lends nothing, which takes
// rounds of labelling (see the package documentation), and which claims
// the rounds silence depends on the sequence of rounds, not on the last
// alone. So before the above, Update replays the rounds of the changed
// graph from those Track ran, which the Tracker keeps: for each claim
// the round that silenced it and its states (lent origins, evidence,
// label) in the rounds where they differ from the last. Each round
// replayed weighs again the evidence below the batch's changes and below
// the claims whose silencing differs in that round, labels again the
// claims downstream of those whose attacks differ, with their attackers
// from outside fixed at their labels in that round, and looks again at
// whether the claims it labelled are silenced; the replay stops, as
// Compute's rounds do, after a round that silences nothing new. The
// claims whose silencing changed are then seeds of E above. A round costs
// O(the claims it reaches and their relations); the replay, that times
// the rounds (Stats.Rounds), never a pass over the graph, but for the
// labelling of a round whose changes reach a giant component of the
// attacks (linear in what they reach; it keeps only the labels that
// differ). The file replay.go has the argument. It computes everything
// again where a round weighs the evidence of more than a quarter of the
// claims (FallbackReach), where the rounds reach MaxRounds with claims
// unsettled (FallbackRounds), and where an origin moves in the order
// that sorts sets of origins below which a set is capped
// (FallbackOrder).
//
// The result equals Compute's: labels, evidence, origins, ratings and
// reasons exactly, strengths to rounding in the order a claim's attackers
// are aggregated (and where DF-QuAD's strengths are not unique, within
// the claim's interval of solutions, which Bound bounds). Of the figures
// of the gradual computation, Attacks, Failed, Acyclic and Bound are
// exact; Converged and Iterations are those of the run that last solved
// each claim's component, which, when one run solved several cyclic
// components, is the worst of them for each.
func (t *Tracker) Update(b graph.Batch) (Stats, error) {
	if t.needsRebuild(b) {
		return t.full(FallbackMerge, false)
	}
	if t.unsettled > 0 || t.stale {
		// The rounds stopped at MaxRounds: which claims the next would
		// silence, and whether the batch settles them, only the rounds
		// can tell.
		return t.full(FallbackRounds, false)
	}
	t.tidy()
	v := t.g.View
	orig := t.origins()
	var seedE, seedT []int32
	// For the replay of the rounds (see replay.go): sup, the supporters
	// whose supports come or go, lost, the attacks that go, and gone,
	// the states in each round of the claims removed.
	var sup []int32
	var lost [][2]int32
	gone := map[int32][]past{}
	removed := map[string]bool{}
	for _, id := range b.Remove {
		removed[id] = true
	}
	replaced := map[string]bool{} // claims removed and added back
	for _, c := range b.Claims {
		if removed[c.ID] {
			replaced[c.ID] = true
		}
	}
	var moved, newClaims []int32
	var added, contra [][2]int32 // supports and contradictions added
	// attacked notes that an attack of a on b comes or goes: b's attacks
	// change if it succeeds (or succeeded); if it fails, only the reasons
	// of b, which name a as weaker, do.
	var explain []int32
	attacked := func(a, b int32) {
		if t.prefers(a, b) {
			seedT = append(seedT, b)
		} else {
			explain = append(explain, b)
		}
	}
	// Relations removed, first, while their claims are there.
	for _, r := range b.RemoveRelations {
		a, okA := t.find(r.From)
		c, okC := t.find(r.To)
		if !okA || !okC || !r.Kind.Bearing() {
			continue
		}
		if r.Kind == claims.Contradicts {
			if !t.holds(a, c) {
				continue // resolved by time: it attacked nothing
			}
			attacked(a, c)
			attacked(c, a)
			lost = append(lost, [2]int32{a, c}, [2]int32{c, a})
		}
		if r.Kind == claims.Supports {
			sup = append(sup, a)
		}
		t.unrelate(a, c, r.Kind)
		if r.Kind == claims.Supports {
			seedE = append(seedE, c)
		}
	}
	// Claims removed: their neighbours lose what they gave.
	for _, id := range b.Remove {
		s, ok := t.slot[id]
		if !ok || replaced[id] {
			continue // not a claim, or replaced below
		}
		n := &t.c[s]
		if n.silent {
			delete(t.silent, id)
		}
		t.setSilR(s, 0)
		seedE = append(seedE, n.sup...)
		sup = append(sup, n.supBy...)
		for _, r := range n.con {
			attacked(s, r.other)
			lost = append(lost, [2]int32{s, r.other})
		}
		states := make([]past, t.rounds)
		for r := range states {
			states[r] = t.at(s, int32(r+1))
		}
		gone[s] = states
		for _, x := range slices.Clone(n.sup) {
			t.unrelate(s, x, claims.Supports)
		}
		for _, x := range slices.Clone(n.supBy) {
			t.unrelate(x, s, claims.Supports)
		}
		for _, r := range slices.Clone(n.con) {
			t.unrelate(s, r.other, claims.Contradicts)
		}
		old := n.origins
		n.origins = nil
		moved = append(moved, t.own(s, old)...)
		t.att -= int(n.nAtt)
		t.failed -= int(n.nFail)
		t.forget(s)
		*n = node{id: id, dead: true, defeater: -1}
		delete(t.slot, id)
		t.live--
	}
	// Claims added or replaced.
	for _, bc := range b.Claims {
		c, ok := v.Claim(bc.ID)
		if !ok {
			return Stats{}, fmt.Errorf("verdict: claim %q of the batch is not in the graph", bc.ID)
		}
		o, err := orig(v, c)
		if err != nil {
			return Stats{}, fmt.Errorf("verdict: origins of %q: %w", c.ID, err)
		}
		srcs, _ := evidence.DistinctSources(v, c)
		s, ok := t.slot[c.ID]
		var old []string
		if ok && replaced[c.ID] {
			old = t.c[s].origins
			t.c[s].origins, t.c[s].sources = o, srcs
		} else {
			s = int32(len(t.c))
			t.slot[c.ID] = s
			t.c = append(t.c, node{id: c.ID, origins: o, sources: srcs, defeater: -1})
			t.live++
			newClaims = append(newClaims, s)
		}
		moved = append(moved, t.own(s, old)...)
		t.sortOwn(s)
		seedE = append(seedE, s)
	}
	// Relations added.
	for _, r := range b.Relations {
		if !r.Kind.Bearing() {
			continue
		}
		a, okA := t.find(r.From)
		c, okC := t.find(r.To)
		if !okA || !okC {
			return Stats{}, fmt.Errorf("verdict: relation %s %s %s of the batch names a claim not in the graph", r.From, r.Kind, r.To)
		}
		if v.Resolved(r) {
			continue // resolved by time: it attacks nothing
		}
		t.relate(a, c, r.Kind)
		if r.Kind == claims.Supports {
			sup = append(sup, a)
			seedE = append(seedE, c)
			added = append(added, [2]int32{a, c})
		} else {
			contra = append(contra, [2]int32{a, c})
		}
	}
	if t.retimed(v, replaced) {
		return t.full(FallbackTime, true)
	}
	// A support closes a cycle only from a supported claim to one that
	// supports others, and that reaches it.
	mayCycle := false
	for _, e := range added {
		mayCycle = mayCycle || len(t.c[e[0]].supBy) > 0 && len(t.c[e[1]].sup) > 0 && t.reaches(e[1], e[0])
	}
	// Origins whose order moved: their owners sort their sets again, and
	// everything those lend to is weighed again (but the sets kept of the
	// rounds before the last are sorted the old way).
	for _, k := range moved {
		for _, s := range t.owners[k] {
			t.sortOwn(s)
			seedE = append(seedE, s)
		}
	}
	B, why := t.reorder(moved)
	if why != NoFallback {
		return t.full(why, true)
	}
	seedE = append(seedE, B...) // weighed again: their sets sum in the new order
	// The rounds of silencing, replayed; then the last round is brought
	// up to date from the state before, with the claims whose silencing
	// changed as seeds of the evidence.
	fresh := make(map[int32]bool, len(newClaims))
	for _, s := range newClaims {
		fresh[s] = true
	}
	ch := &change{seedE: slices.Clone(seedE), sup: sup, fresh: fresh, lost: lost, gone: gone, cycle: mayCycle}
	for _, e := range contra {
		ch.won = append(ch.won, e, [2]int32{e[1], e[0]})
	}
	rp, why := t.replay(ch)
	if why != NoFallback {
		return t.full(why, true)
	}
	hist := t.history(rp)
	if rp.rounds < int32(t.rounds) {
		t.fewer(rp, rp.rounds)
	}
	silenced := 0
	for x, r := range rp.silR {
		n := &t.c[x]
		if n.dead {
			continue
		}
		if now := r != 0; now != n.silent {
			silenced++
			n.silent = now
			if now {
				if t.silent == nil {
					t.silent = make(map[string]bool)
				}
				t.silent[n.id] = true
			} else {
				delete(t.silent, n.id)
			}
			seedE = append(seedE, n.sup...)
		}
		t.setSilR(x, r)
	}
	t.rounds = int(rp.rounds)
	// Evidence: along supports from the seeds, stopping where nothing
	// changes when the supports have no cycle, or over everything below
	// the seeds otherwise.
	old := map[int32]was{} // evidence before, of the claims weighed again
	for _, s := range seedE {
		if _, ok := old[s]; !ok {
			old[s] = t.c[s].was()
		}
	}
	for _, s := range newClaims {
		old[s] = was{ev: math.NaN()}
	}
	E, ok := []int32(nil), false
	if !mayCycle {
		E, ok = t.lendFrom(seedE, old)
	}
	if !ok {
		E = t.closure(seedE, func(s int32, visit func(int32)) {
			for _, x := range t.c[s].sup {
				visit(x)
			}
		})
		if t.tooMany(len(E)) {
			return t.full(FallbackReach, true)
		}
		for _, s := range E {
			if _, ok := old[s]; !ok {
				old[s] = t.c[s].was()
			}
		}
		t.lend(E)
	}
	// Attacks: on the claims whose evidence moved, and on those they now
	// attack or no longer attack. A claim weighed again whose evidence
	// and cap stand, lent other origins (past the cap, or as many of
	// the same weight), keeps its attacks, label and strength, and so do
	// those downstream of it: its verdict alone is written again
	// (relent). A claim of the batch is relabelled in any case, as its
	// sources, which reasons name, may have changed.
	batch := make(map[int32]bool, len(b.Claims))
	for _, c := range b.Claims {
		batch[t.slot[c.ID]] = true
	}
	var relent []int32
	for _, s := range E {
		w := old[s]
		if n := &t.c[s]; n.ev == w.ev && n.capped == w.capped {
			if batch[s] {
				seedT = append(seedT, s)
			} else {
				relent = append(relent, s)
			}
			continue
		}
		seedT = append(seedT, s)
		for _, r := range t.c[s].con {
			if math.IsNaN(w.ev) || t.preferred(old, s, r.other) != t.prefers(s, r.other) {
				seedT = append(seedT, r.other)
			}
		}
	}
	for _, e := range contra { // now that the evidence is weighed
		attacked(e[0], e[1])
		attacked(e[1], e[0])
	}
	D := t.closure(seedT, func(s int32, visit func(int32)) {
		for _, r := range t.c[s].con {
			if t.prefers(s, r.other) {
				visit(r.other)
			}
		}
	})
	nv := len(D)
	if t.tooMany(len(D)) || len(D) > allAbove {
		// Solving D alone would cost more than solving everything, as
		// Compute does, with the evidence as it is now.
		t.solveAll(v.Counts())
		D = nil
		nv = t.live
	} else {
		t.solve(D, explain, relent)
	}
	t.setHistory(hist)
	return Stats{Evidence: len(E), Verdicts: nv, Relent: len(relent), Rounds: int(rp.rounds), Silenced: silenced}, nil
}

// reorder sorts again, by the origins' keys as they are now, the lent
// sets kept of the claims below an owner of an origin whose key moved
// (the only claims whose sets can hold one; those below a claim removed
// are weighed again in every round replayed). A capped set would not
// only be sorted but cut otherwise: then it says why it cannot.
func (t *Tracker) reorder(moved []int32) ([]int32, Fallback) {
	if len(moved) == 0 {
		return nil, NoFallback
	}
	var owners []int32
	for _, k := range moved {
		owners = append(owners, t.owners[k]...)
	}
	B := t.closure(owners, func(s int32, visit func(int32)) {
		for _, x := range t.c[s].sup {
			visit(x)
		}
	})
	if t.tooMany(len(B)) {
		return nil, FallbackReach
	}
	for _, x := range B {
		n := &t.c[x]
		capped := n.capped
		for _, p := range n.hist {
			capped = capped || p.capped
		}
		if capped {
			return nil, FallbackOrder
		}
	}
	sorted := func(set []int32) []int32 {
		if slices.IsSortedFunc(set, t.byKey) {
			return set
		}
		set = slices.Clone(set)
		slices.SortFunc(set, t.byKey)
		return set
	}
	for _, x := range B {
		n := &t.c[x]
		n.lent = sorted(n.lent)
		for i := range n.hist {
			n.hist[i].lent = sorted(n.hist[i].lent)
		}
	}
	return B, NoFallback
}

// reaches reports whether claim b is below claim a along supports (or
// is a), walking at most a quarter of the claims (beyond, it says yes).
func (t *Tracker) reaches(a, b int32) bool {
	t.grow()
	t.epoch++
	stack := []int32{a}
	t.stamp[a] = t.epoch
	for k := 0; len(stack) > 0; k++ {
		if t.tooMany(k) {
			return true
		}
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if x == b {
			return true
		}
		for _, c := range t.c[x].sup {
			if t.stamp[c] != t.epoch {
				t.stamp[c] = t.epoch
				stack = append(stack, c)
			}
		}
	}
	return false
}

// holds reports whether the Tracker holds a contradiction between
// claims a and b, which it does when time does not resolve it.
func (t *Tracker) holds(a, b int32) bool {
	return slices.ContainsFunc(t.c[a].con, func(r conRef) bool { return r.other == b })
}

// retimed reports whether a claim the batch replaced has a contradiction
// that time now resolves and the Tracker holds, or that it does not hold
// and time no longer resolves: the new validity changed which of its
// contradictions attack. O(the relations of the replaced claims).
func (t *Tracker) retimed(v graph.View, replaced map[string]bool) bool {
	for id := range replaced {
		rels, _ := v.RelationsOf(id)
		for _, r := range rels {
			if r.Kind != claims.Contradicts {
				continue
			}
			a, okA := t.find(r.From)
			b, okB := t.find(r.To)
			if okA && okB && t.holds(a, b) == v.Resolved(r) {
				return true
			}
		}
	}
	return false
}

// find returns the slot of claim id, which may name a claim merged into
// another.
func (t *Tracker) find(id string) (int32, bool) {
	if s, ok := t.slot[id]; ok {
		return s, true
	}
	canon, _ := t.g.Resolve(id)
	s, ok := t.slot[canon]
	return s, ok
}

// needsRebuild reports whether b does something the Tracker does not
// follow: a merge, or the replacement of a source or an entity.
func (t *Tracker) needsRebuild(b graph.Batch) bool {
	if len(b.Merges) > 0 {
		return true
	}
	if len(b.Sources) == 0 && len(b.Entities) == 0 {
		return false
	}
	removed := map[string]bool{}
	for _, id := range b.Remove {
		removed[id] = true
	}
	for _, s := range b.Sources {
		if removed[s.ID] {
			return true
		}
	}
	for _, e := range b.Entities {
		if removed[e.ID] {
			return true
		}
	}
	return false
}

// full computes everything again, for the reason why; known says that
// the origins the Tracker holds are up to date.
func (t *Tracker) full(why Fallback, known bool) (Stats, error) {
	if err := t.rebuild(known); err != nil {
		return Stats{}, err
	}
	return Stats{Evidence: t.live, Verdicts: t.live, Full: true, Why: why}, nil
}

// forget takes claim s's contribution out of the counts of the whole.
func (t *Tracker) forget(s int32) {
	n := &t.c[s]
	if n.cyc {
		t.cyclic--
		if n.unconv {
			t.unconv--
		}
	}
}

// count records whether claim nd is on a cycle of attack, solved by str,
// and adds its contribution to the counts of the whole: forget's inverse.
func (t *Tracker) count(nd *node, cyc bool, str af.Strengths) {
	nd.cyc = cyc
	nd.unconv = cyc && !str.Converged
	nd.iters = 0
	if cyc {
		nd.iters = int32(str.Iterations)
		t.cyclic++
		if nd.unconv {
			t.unconv++
		}
	}
}

// tooMany reports whether recomputing k claims is too many, so that
// everything is recomputed instead (see fullShare).
func (t *Tracker) tooMany(k int) bool { return fullShare > 0 && k > minFull && fullShare*k > t.live }

// minFull: an update that recomputes at most this many claims never
// recomputes everything instead, however small the graph.
const minFull = 1024

// was is a claim's evidence and cap before an update weighed it again:
// ev is NaN for a claim the update added.
type was struct {
	ev     float64
	capped bool
}

func (n *node) was() was { return was{n.ev, n.capped} }

// preferred reports whether an attack of a on b succeeded before the
// update, old holding the evidence before of the claims weighed again.
func (t *Tracker) preferred(old map[int32]was, a, b int32) bool {
	wa, ok := old[a]
	if !ok {
		wa = t.c[a].was()
	}
	wb, ok := old[b]
	if !ok {
		wb = t.c[b].was()
	}
	return beats(wa.capped, wa.ev, wb.ev)
}

// prefers reports whether an attack of a on b succeeds.
func (t *Tracker) prefers(a, b int32) bool { return beats(t.c[a].capped, t.c[a].ev, t.c[b].ev) }

// closure returns the live claims reachable from seeds by next, sorted.
func (t *Tracker) closure(seeds []int32, next func(s int32, visit func(int32))) []int32 {
	t.grow()
	t.epoch++
	var out []int32
	visit := func(s int32) {
		if !t.c[s].dead && t.stamp[s] != t.epoch {
			t.stamp[s] = t.epoch
			out = append(out, s)
		}
	}
	for _, s := range seeds {
		visit(s)
	}
	for i := 0; i < len(out); i++ {
		next(out[i], visit)
	}
	slices.Sort(out)
	return out
}

// grow sizes the scratch arrays to the slots.
func (t *Tracker) grow() {
	if n := len(t.c); len(t.stamp) < n {
		n += n / 4
		t.stamp = append(t.stamp, make([]uint32, n-len(t.stamp))...)
		t.sstamp = append(t.sstamp, make([]uint32, n-len(t.sstamp))...)
		t.sloc = append(t.sloc, make([]int32, n-len(t.sloc))...)
		t.wev = append(t.wev, make([]float64, n-len(t.wev))...)
		t.wcap = append(t.wcap, make([]bool, n-len(t.wcap))...)
		t.wlab = append(t.wlab, make([]af.Label, n-len(t.wlab))...)
		t.wstamp = append(t.wstamp, make([]uint32, n-len(t.wstamp))...)
	}
}

// out is what claim s passes on through support: its own origins and
// those lent to it, at most evidence.MaxLent of them.
func (t *Tracker) out(s int32) []int32 {
	if t.c[s].silent {
		return nil
	}
	return t.merge(t.c[s].own, t.c[s].lent)
}

// lend weighs again the evidence of E, a sorted set of claims closed
// under support, as evidence.Of does: the origins that reach each claim
// through support, less its own, walking the components of the support
// graph within E from the supporters down. A supporter outside E lends
// what it did before: its own and lent origins; a silent one nothing.
// O(|E| + their supports)
// merges of sets of at most evidence.MaxLent origins.
//
// A claim's scyc flag says whether it is on a cycle of the supports of E
// with the silent claims' supports counted too: the supports of every
// round of silencing, which only drop some, so that a replayed round
// (lendRound) meets no cycle its flag does not show.
func (t *Tracker) lend(E []int32) {
	cyc := t.onCycles(E)
	t.lendWith(E, func(s int32) bool { return t.c[s].silent }, t.out, func(x int32, lent []int32, capped bool) {
		n := &t.c[x]
		n.lent, n.capped, n.scyc = lent, capped, cyc[t.sloc[x]]
		n.ev = t.weight(n.own) + t.weight(lent)
	})
}

// onCycles reports for each claim of E, a sorted set of claims closed under
// support, whether it is on a cycle of support, silent claims' supports
// included; it numbers E in t.sloc as lendWith does. O(|E| + their
// supports).
func (t *Tracker) onCycles(E []int32) []bool {
	t.grow()
	t.sepoch++
	for i, s := range E {
		t.sstamp[s], t.sloc[s] = t.sepoch, int32(i)
	}
	start := make([]int32, len(E)+1)
	var to []int32
	for i, s := range E {
		for _, x := range t.c[s].sup {
			if t.sstamp[x] == t.sepoch {
				to = append(to, t.sloc[x])
			}
		}
		start[i+1] = int32(len(to))
	}
	var b scc.Buf
	b.Components(start, to)
	size := make([]int32, b.Count)
	for _, k := range b.Comp {
		size[k]++
	}
	cyc := make([]bool, len(E))
	for i, k := range b.Comp {
		cyc[i] = size[k] > 1
	}
	return cyc
}

// lendWith is lend with the claims that lend nothing (silent), what each
// supporter outside E passes on (out) and what to do with each claim's
// lent origins and whether they are capped (store) given: so that a replayed round weighs E as it was in
// that round (see replay.go).
func (t *Tracker) lendWith(E []int32, silent func(int32) bool, out func(int32) []int32, store func(x int32, lent []int32, capped bool)) {
	t.grow()
	t.sepoch++
	for i, s := range E {
		t.sstamp[s], t.sloc[s] = t.sepoch, int32(i)
	}
	in := func(s int32) bool { return t.sstamp[s] == t.sepoch }
	start := make([]int32, len(E)+1)
	var to []int32
	for i, s := range E {
		if !silent(s) {
			for _, x := range t.c[s].sup {
				if in(x) { // always, E being closed
					to = append(to, t.sloc[x])
				}
			}
		}
		start[i+1] = int32(len(to))
	}
	var b scc.Buf
	b.Components(start, to)
	cstart, members := csr.Group(b.Count, b.Comp)
	enter := make([][]int32, b.Count)
	for i, s := range E {
		for _, p := range t.c[s].supBy {
			if !in(p) {
				k := b.Comp[i]
				enter[k] = t.merge(enter[k], out(p))
			}
		}
	}
	for k := b.Count - 1; k >= 0; k-- {
		set := enter[k]
		enter[k] = nil
		mem := members[cstart[k]:cstart[k+1]]
		all := set
		if len(mem) > 1 {
			for _, m := range mem {
				all = t.merge(all, t.c[E[m]].own)
			}
		}
		for _, m := range mem {
			store(E[m], t.minus(all, t.c[E[m]].own), len(all) >= evidence.MaxLent)
		}
		passed := all
		if len(mem) == 1 {
			passed = t.merge(set, t.c[E[mem[0]]].own)
		}
		for _, m := range mem {
			for _, w := range to[start[m]:start[m+1]] {
				if c := b.Comp[w]; c != int32(k) {
					enter[c] = t.merge(enter[c], passed)
				}
			}
		}
	}
}

// lendFrom weighs again the evidence of the seeds and of the claims below
// them along supports, as long as none is on a cycle of support: a claim's lent
// origins are those its supporters pass on (out) less its own, so each
// claim is weighed from its supporters as they are, and what it passes
// on goes further only when it changed. It records in old the evidence
// of each claim before it is first weighed, and returns the claims
// weighed whose lent or own origins may have changed (the seeds and
// those whose lent origins changed), sorted. It gives up, returning
// false, on reaching a claim on a cycle of support, or after as many
// weighings as a quarter of the claims: such a change is weighed in one
// pass by lend.
func (t *Tracker) lendFrom(seeds []int32, old map[int32]was) ([]int32, bool) {
	t.grow()
	t.epoch++
	queued := t.epoch // in the queue now
	t.sepoch++
	var changed, queue []int32
	mark := func(s int32) {
		if t.sstamp[s] != t.sepoch {
			t.sstamp[s] = t.sepoch
			changed = append(changed, s)
		}
	}
	push := func(s int32) {
		if !t.c[s].dead && t.stamp[s] != queued {
			t.stamp[s] = queued
			queue = append(queue, s)
		}
	}
	// A seed's own origins may have changed, so that what it passed on
	// before is not known: it passes on in any case.
	seed := make(map[int32]bool, len(seeds))
	for _, s := range seeds {
		if !t.c[s].dead {
			seed[s] = true
			mark(s)
			push(s)
		}
	}
	for head := 0; head < len(queue); head++ {
		if t.tooMany(head - len(seeds)) {
			return nil, false
		}
		s := queue[head]
		t.stamp[s] = 0
		n := &t.c[s]
		if n.scyc {
			return nil, false // a cycle is weighed as a whole, by lend
		}
		var in []int32
		for _, p := range n.supBy {
			in = t.merge(in, t.out(p))
		}
		before := t.out(s)
		lent := t.minus(in, n.own)
		if _, ok := old[s]; !ok {
			old[s] = n.was()
		}
		w, same := was{n.ev, n.capped}, slices.Equal(lent, n.lent)
		n.lent = lent
		n.capped = len(in) >= evidence.MaxLent
		n.ev = t.weight(n.own) + t.weight(n.lent)
		if !same || w != n.was() { // evidence or cap moved, if not the set
			mark(s)
		}
		if t.sstamp[s] == t.sepoch && !slices.Equal(before, t.out(s)) || seed[s] {
			seed[s] = false // what it passes on is known from now
			for _, x := range n.sup {
				push(x)
			}
		}
	}
	slices.Sort(changed)
	return changed, true
}

// weight is the trust-weighted count of a set of origins.
func (t *Tracker) weight(set []int32) float64 {
	if t.opts.Trust == nil {
		return float64(len(set))
	}
	w := 0.0
	for _, k := range set {
		w += evidence.OriginWeight(t.opts.Trust, t.opts.UnknownTrust, t.names[k])
	}
	return w
}

// merge returns the union of the sets a and b, sorted by key, at most
// evidence.MaxLent long; a or b itself when the other adds nothing.
func (t *Tracker) merge(a, b []int32) []int32 {
	switch {
	case len(b) == 0:
		return a
	case len(a) == 0 && len(b) <= evidence.MaxLent:
		return b
	}
	out := make([]int32, 0, min(len(a)+len(b), evidence.MaxLent))
	i, j := 0, 0
	for len(out) < evidence.MaxLent && (i < len(a) || j < len(b)) {
		switch {
		case j == len(b) || (i < len(a) && t.key[a[i]] < t.key[b[j]]):
			out = append(out, a[i])
			i++
		case i == len(a) || t.key[b[j]] < t.key[a[i]]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}

// minus returns the set a less the set b, both sorted by key, nil when
// empty.
func (t *Tracker) minus(a, b []int32) []int32 {
	var out []int32
	j := 0
	for _, x := range a {
		for j < len(b) && t.key[b[j]] < t.key[x] {
			j++
		}
		if j < len(b) && b[j] == x {
			continue
		}
		out = append(out, x)
	}
	return out
}

// solve computes the labels, strengths and verdicts of D, a sorted set of
// claims closed under successful attack, with the attackers of D outside
// it as fixed inputs.
//
// The framework it solves has D, every claim that contradicts a claim of
// D, and the accepted claim that defeats each rejected one among those
// (for the reasons), numbered in graph order so that ties break as in
// Compute. Outside D a claim keeps its label, strength and bounds: in the
// labelling an accepted one is unattacked, an undecided one attacks
// itself and a rejected one is attacked by one extra accepted argument;
// in DF-QuAD it is fixed. The accepted claims of explain outside D, whose
// reasons name a claim as weaker that came or went, are explained again,
// and so are the claims of relent outside D, whatever their label: their
// lent origins changed, not their evidence.
func (t *Tracker) solve(D, explain, relent []int32) {
	t.grow()
	t.epoch++
	for _, s := range D {
		t.stamp[s] = t.epoch
	}
	inD := func(s int32) bool { return t.stamp[s] == t.epoch }
	// W: the accepted claims outside D that a claim of D contradicts in
	// vain. Their labels and strengths stand, but their reasons name the
	// claims of D as weaker, ordered by strength, so they are explained
	// again.
	var W []int32
	inW := map[int32]bool{}
	for _, s := range D {
		for _, r := range t.c[s].con {
			if o := r.other; !inD(o) && !inW[o] && t.c[o].label == af.In && !t.prefers(s, o) {
				inW[o] = true
				W = append(W, o)
			}
		}
	}
	gained := explain
	for _, o := range explain {
		if !inD(o) && !inW[o] && !t.c[o].dead && t.c[o].label == af.In {
			inW[o] = true
			W = append(W, o)
		}
	}
	for _, o := range relent {
		if !inD(o) && !inW[o] && !t.c[o].dead {
			inW[o] = true
			W = append(W, o)
		}
	}
	explain = append(slices.Clip(D), W...)
	// The claims of the framework.
	t.sepoch++
	var sub []int32
	add := func(s int32) {
		if t.sstamp[s] != t.sepoch {
			t.sstamp[s] = t.sepoch
			sub = append(sub, s)
		}
	}
	for _, s := range explain {
		add(s)
		for _, r := range t.c[s].con {
			add(r.other)
		}
	}
	for _, s := range sub[:len(sub):len(sub)] {
		if !inD(s) && t.c[s].label == af.Out && t.c[s].defeater >= 0 {
			add(t.c[s].defeater)
		}
	}
	slices.Sort(sub)
	for i, s := range sub {
		t.sloc[s] = int32(i)
	}
	loc := func(s int32) int32 { return t.sloc[s] }
	n := len(sub)

	// The attacks on D and W, in the order of the relations (as Compute
	// adds them: From on To, then To on From), and those that fail.
	type edge struct {
		seq      int64
		second   bool
		from, to int32
	}
	var defeats []edge
	var failed []pair
	for _, s := range explain {
		for _, r := range t.c[s].con {
			e := edge{r.seq, r.from, loc(r.other), loc(s)}
			if t.prefers(r.other, s) {
				defeats = append(defeats, e)
			} else {
				failed = append(failed, pair{e.from, e.to})
			}
		}
	}
	slices.SortFunc(defeats, func(x, y edge) int {
		if x.seq != y.seq {
			return cmp.Compare(x.seq, y.seq)
		}
		if x.second == y.second {
			return 0
		}
		if x.second {
			return 1
		}
		return -1
	})
	slices.SortFunc(failed, func(x, y pair) int { return cmp.Or(cmp.Compare(x.to, y.to), cmp.Compare(x.from, y.from)) })

	st := &state{opts: t.opts, ids: make([]string, n), sources: make([][]string, n), evidence: make([]float64, n), capped: make([]bool, n), failed: failed}
	for i, s := range sub {
		st.ids[i], st.sources[i], st.evidence[i], st.capped[i] = t.c[s].id, t.c[s].sources, t.c[s].ev, t.c[s].capped
	}

	// Grounded labels and DF-QuAD strengths.
	f := af.New(n + 1)
	extra := n // accepted, attacks the rejected claims outside D
	b := af.NewBipolar(n)
	for i, s := range sub {
		nd := &t.c[s]
		if inD(s) {
			_ = b.SetBase(i, st.base(nd.ev))
			continue
		}
		_ = b.Fix(i, af.Fixed{Strength: nd.x, Lower: nd.lo, Upper: nd.hi})
		switch nd.label {
		case af.Undec:
			_ = f.Attack(i, i)
		case af.Out:
			_ = f.Attack(extra, i)
		}
	}
	for _, e := range defeats {
		if inD(sub[e.to]) {
			_ = f.Attack(int(e.from), int(e.to))
			_ = b.Attack(int(e.from), int(e.to))
		}
	}
	labels := af.Grounded(f)[:n]
	str := af.DFQuADIter(b, t.tolerance(), t.maxIterations())
	for i, s := range sub {
		if !inD(s) {
			labels[i] = t.c[s].label
		}
	}

	// Cycles of attack within D, for Acyclic and Converged.
	start := make([]int32, len(D)+1)
	var to []int32
	dloc := func(s int32) int32 { i, _ := slices.BinarySearch(D, s); return int32(i) }
	for i, s := range D {
		for _, r := range t.c[s].con {
			if t.prefers(s, r.other) {
				to = append(to, dloc(r.other))
			}
		}
		start[i+1] = int32(len(to))
	}
	var cb scc.Buf
	cb.Components(start, to)
	size := make([]int32, cb.Count)
	for _, k := range cb.Comp {
		size[k]++
	}

	// The attacks by target, for the reasons: those on D and W, and on
	// each rejected claim outside D the attack of its defeater.
	st.labels, st.strength = labels, str
	all := make([]attack, 0, len(defeats)+n)
	for _, e := range defeats {
		all = append(all, attack{e.from, e.to, Contradiction, -1})
	}
	for i, s := range sub {
		if nd := &t.c[s]; !inD(s) && nd.label == af.Out && nd.defeater >= 0 {
			all = append(all, attack{loc(nd.defeater), int32(i), Contradiction, -1})
		}
	}
	slices.SortFunc(all, func(x, y attack) int { return cmp.Or(cmp.Compare(x.to, y.to), cmp.Compare(x.from, y.from)) })
	all = slices.CompactFunc(all, func(x, y attack) bool { return x.to == y.to && x.from == y.from })
	st.attacks = all
	st.inStart = make([]int32, n+1)
	for _, e := range all {
		st.inStart[e.to+1]++
	}
	for i := range n {
		st.inStart[i+1] += st.inStart[i]
	}

	for k, s := range D {
		i := loc(s)
		nd := &t.c[s]
		t.att -= int(nd.nAtt)
		t.failed -= int(nd.nFail)
		t.forget(s)
		nd.nAtt = st.inStart[i+1] - st.inStart[i]
		nd.nFail = 0
		for _, r := range nd.con {
			if !t.prefers(r.other, s) {
				nd.nFail++
			}
		}
		t.att += int(nd.nAtt)
		t.failed += int(nd.nFail)
		nd.label, nd.x, nd.lo, nd.hi = labels[i], str.Strength[i], str.Lower[i], str.Upper[i]
		nd.defeater = -1
		if d := st.defeater(i); d >= 0 {
			nd.defeater = sub[d]
		}
		t.count(nd, size[cb.Comp[k]] > 1, str)
		nd.v = t.verdict(st, i, nd)
	}
	for _, s := range W {
		t.c[s].v = t.verdict(st, loc(s), &t.c[s])
	}
	// The failed attacks on the claims outside D that lost or gained one.
	for _, o := range append(W, gained...) {
		if nd := &t.c[o]; !inD(o) && !nd.dead {
			t.failed -= int(nd.nFail)
			nd.nFail = 0
			for _, r := range nd.con {
				if !t.prefers(r.other, o) {
					nd.nFail++
				}
			}
			t.failed += int(nd.nFail)
		}
	}
}

func (t *Tracker) tolerance() float64 {
	if t.opts.Tolerance == 0 {
		return af.DefaultTolerance
	}
	return t.opts.Tolerance
}

func (t *Tracker) maxIterations() int {
	if t.opts.MaxIterations == 0 {
		return af.DefaultMaxIterations
	}
	return t.opts.MaxIterations
}

// verdict is the verdict on claim i of st, the framework of a solve,
// whose state is nd.
func (t *Tracker) verdict(st *state, i int32, nd *node) Verdict {
	vd := Verdict{Claim: nd.id, Evidence: nd.ev, Capped: nd.capped, Origins: someOrigins(nd.origins), Lent: len(nd.lent), Base: st.base(nd.ev), Strength: nd.x,
		Primary: primaryOf(t.opts.Trust, nd.origins, t.g, nd.id)}
	st.judge(&vd, i, nd.label) // st.opts is t.opts
	return vd
}

// Verdict returns the verdict on claim id, in O(1).
func (t *Tracker) Verdict(id string) (Verdict, bool) {
	s, ok := t.slot[id]
	if !ok {
		return Verdict{}, false
	}
	return t.c[s].v, true
}

// Result returns the verdicts on every claim, as [Compute] on the whole
// graph does, in O(claims). Later updates do not change it (its Silent
// is a copy), nor what its [Result.Lent] lists, so other goroutines may
// read it while the Tracker's owner updates; the slices of its verdicts (origins, reasons) are
// shared with the Tracker and must not be modified.
func (t *Tracker) Result() *Result {
	r := &Result{Attacks: t.att, Failed: t.failed, Acyclic: t.cyclic == 0, Converged: t.unconv == 0, Rounds: t.rounds, Silent: maps.Clone(t.silent), Unsettled: t.unsettled,
		Verdicts: make([]Verdict, 0, t.live), index: make(map[string]int, t.live)}
	// The lent origins as they are now: an update gives a claim new
	// sets rather than change them, and never renames an interned origin.
	lent, names := make([][]int32, 0, t.live), t.names
	r.lent = func(i int) []string {
		out := make([]string, len(lent[i]))
		for k, o := range lent[i] {
			out[k] = names[o]
		}
		return out
	}
	for i := range t.c {
		n := &t.c[i]
		if n.dead {
			continue
		}
		r.index[n.id] = len(r.Verdicts)
		r.Verdicts = append(r.Verdicts, n.v)
		lent = append(lent, n.lent)
		r.Iterations = max(r.Iterations, int(n.iters))
		r.Bound = max(r.Bound, n.x-n.lo, n.hi-n.x)
	}
	return r
}
