package main

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph/evidence"
	"github.com/claimgraph/claimgraph/sources/truth"
)

// graphFacts maps a claim graph onto facts as truth.FromGraph does:
//
//   - a question (an object) is a clique of contradicting claims, found
//     greedily in graph order by truth.Questions; a claim in no
//     contradiction is a question of its own. A contradiction that time
//     resolves (claims.HoldTogether) joins no question. A question is named after
//     its claims, joined by " | ", and a claim in several questions is a
//     fact of each;
//   - a claim's votes are its evidence as graph/evidence weighs it: its
//     independent origins (the rows of [origins]) and the origins its
//     supporters lend it, found by evidence.Lend, each source once. The
//     claims of silent (IDs, as truth.FromGraphSilent's silent) lend
//     nothing: their supports are left out of the lending, as
//     evidence.Options.Silent leaves them out.
//
// Both are worked out per connected component of the claims joined by
// contradictions or supports, apart: only a claim's contradiction
// component decides its questions, and only its support component what
// it is lent. Lend keeps the MaxLent first origins in the order the
// graph's claims first name them, so each origin carries the place of
// the first claim that names it, found across the whole graph.
//
// The components are found by label propagation: each claim takes the
// smallest rank among its neighbours' labels until none changes, at most
// maxRounds rounds (the longest shortest path in a component, plus one);
// the pipeline fails if that is not enough. It returns the facts
// (Asserted) and every source's ID with its place in the input (Ranked).
func graphFacts(s beam.Scope, cl, src, rel, votes beam.PCollection, silent []string, maxRounds int) (facts, names beam.PCollection) {
	s = s.Scope("facts of a claim graph")
	nbrs, byFrom := beam.ParDo2(s, splitEdges, rel)
	keyed := beam.ParDo(s, keyClaim, cl)
	labels := components(s, cl, nbrs, maxRounds)
	quiet := beam.ParDo(s, silentKV, beam.CreateList(s, silent))
	members, named := beam.ParDo2(s, memberOf, beam.CoGroupByKey(s, keyed, labels, beam.ParDo(s, originList, votes), quiet))
	keys := beam.ParDo(s, firstNamed, beam.GroupByKey(s, named))
	edges := beam.ParDo(s, edgeOf, beam.CoGroupByKey(s, labels, byFrom))
	facts = beam.ParDo(s, componentFacts, beam.CoGroupByKey(s, members, edges, keys))
	names = beam.ParDo(s, sourceID, src)
	return facts, names
}

func sourceID(x Source) Ranked { return Ranked{Name: x.ID, Rank: x.Rank} }

// splitEdges gives the two claims of every contradiction or support each
// other as neighbours, and keys the relation by its first claim.
func splitEdges(e Edge, nbrs func(string, string), byFrom func(string, Edge)) {
	if e.From != e.To {
		nbrs(e.From, e.To)
		nbrs(e.To, e.From)
	}
	byFrom(e.From, e)
}

// Member is a claim as its component receives it: its place in the input,
// its own independent origins, each once, in the library's order, and
// whether it is silent (lends nothing).
type Member struct {
	ID      string
	Rank    int64
	Origins []string
	Valid   Valid
	Silent  bool
}

func silentKV(id string) (string, bool) { return id, true }

// Named is a claim naming an origin: the claim's component and place in
// the input, and the origin's place in the claim's list.
type Named struct {
	Root  string
	Rank  int64
	Index int
}

// Origin is an origin as a component receives it, with the place in the
// input of the first claim that names it and its place in that claim's
// list: the order of graph/evidence's numbering.
type Origin struct {
	Source string
	Rank   int64
	Index  int
}

// originList keys a claim's independent origins by claim, each once, in
// the order of its row.
func originList(r OriginsRow) (string, []string) {
	var out []string
	for _, o := range r.Origins {
		if !slices.Contains(out, o.Source) {
			out = append(out, o.Source)
		}
	}
	return r.Claim, out
}

// memberOf keys a claim, with its origins, by the root of its component,
// and tells each origin which claim names it.
func memberOf(_ string, cls func(*Claim) bool, roots func(*string) bool, origins func(*[]string) bool, silent func(*bool) bool, emit func(string, Member), named func(string, Named)) {
	var c Claim
	var root string
	if !cls(&c) || !roots(&root) {
		return
	}
	var os []string
	origins(&os)
	for i, o := range os {
		named(o, Named{Root: root, Rank: c.Rank, Index: i})
	}
	var quiet bool
	silent(&quiet)
	emit(root, Member{ID: c.ID, Rank: c.Rank, Origins: os, Valid: c.Valid, Silent: quiet})
}

// firstNamed finds the first claim to name an origin and sends the
// origin with its place to every component that names it.
func firstNamed(src string, ns func(*Named) bool, emit func(string, Origin)) {
	first := Origin{Source: src, Rank: math.MaxInt64}
	var roots []string
	var n Named
	for ns(&n) {
		if n.Rank < first.Rank || n.Rank == first.Rank && n.Index < first.Index {
			first.Rank, first.Index = n.Rank, n.Index
		}
		if !slices.Contains(roots, n.Root) {
			roots = append(roots, n.Root)
		}
	}
	for _, r := range roots {
		emit(r, first)
	}
}

// edgeOf keys a relation by the root of its component.
func edgeOf(_ string, roots func(*string) bool, edges func(*Edge) bool, emit func(string, Edge)) {
	var root string
	if !roots(&root) {
		return // a relation with an unknown claim: the library rejects the graph
	}
	var e Edge
	for edges(&e) {
		emit(root, e)
	}
}

// componentFacts works out one component: its questions with
// truth.Questions, each claim's lent origins with evidence.Lend, and
// emits a fact (Key, Object, Value, Rank, Sources) for each claim in
// each of its questions.
func componentFacts(_ string, mems func(*Member) bool, edges func(*Edge) bool, origins func(*Origin) bool, emit func(Asserted)) {
	var ms []Member
	var m Member
	for mems(&m) {
		ms = append(ms, m)
	}
	slices.SortFunc(ms, func(a, b Member) int { return cmp.Compare(a.Rank, b.Rank) })
	pos := make(map[string]int32, len(ms))
	for i, m := range ms {
		pos[m.ID] = int32(i)
	}
	var es []Edge
	var e Edge
	for edges(&e) {
		es = append(es, e)
	}
	slices.SortFunc(es, func(a, b Edge) int { return cmp.Compare(a.Rank, b.Rank) })
	var contra, sup [][2]int32
	for _, e := range es {
		from, ok1 := pos[e.From]
		to, ok2 := pos[e.To]
		switch {
		case !ok1 || !ok2:
		case e.Contradicts:
			// One that time resolves puts its claims in no question
			// together, as in truth.FromGraph.
			if claims.HoldTogether(claims.Date{}, ms[from].Valid.validity(), ms[to].Valid.validity(), e.Valid.validity()) {
				contra = append(contra, [2]int32{from, to})
			}
		case ms[from].Silent: // lends nothing
		default:
			sup = append(sup, [2]int32{from, to})
		}
	}
	// The origins, numbered in the order of the library's numbering.
	var os []Origin
	var o Origin
	for origins(&o) {
		os = append(os, o)
	}
	slices.SortFunc(os, func(a, b Origin) int {
		return cmp.Or(cmp.Compare(a.Rank, b.Rank), cmp.Compare(a.Index, b.Index))
	})
	num := make(map[string]int32, len(os))
	for i, o := range os {
		num[o.Source] = int32(i)
	}
	own := make([][]int32, len(ms))
	for i, m := range ms {
		for _, src := range m.Origins {
			own[i] = append(own[i], num[src])
		}
		slices.Sort(own[i])
	}
	reach := evidence.Lend(len(ms), sup, func(i int32) []int32 { return own[i] })
	votes := make([][]string, len(ms))
	for i, m := range ms {
		v := slices.Clone(m.Origins)
		for _, k := range reach[i] {
			if !slices.Contains(v, os[k].Source) {
				v = append(v, os[k].Source)
			}
		}
		slices.Sort(v)
		votes[i] = v
	}
	for _, q := range truth.Questions(len(ms), contra) {
		names := make([]string, len(q))
		for i, m := range q {
			names[i] = ms[m].ID
		}
		obj := strings.Join(names, " | ")
		for _, m := range q {
			emit(Asserted{Key: factKey(obj, ms[m].ID), Object: obj, Value: ms[m].ID, Rank: ms[m].Rank, Sources: votes[m]})
		}
	}
}

// Label is a claim's state in the search for components: the claim of
// smallest rank known in its component, its neighbours, and whether the
// label changed in the last round.
type Label struct {
	Rank    int64
	Root    string
	Nbrs    []string
	Changed bool
}

// components returns (claim, root claim) for every claim, given the
// neighbours of each.
func components(s beam.Scope, cl, contra beam.PCollection, maxRounds int) beam.PCollection {
	s = s.Scope("components")
	state := beam.ParDo(s, initLabel, beam.CoGroupByKey(s, beam.ParDo(s, keyClaim, cl), contra))
	stop := beam.Create(s, 1) // changes in the round before: go on
	var done []beam.PCollection
	for i := 1; i <= maxRounds; i++ {
		is := s.Scope(fmt.Sprintf("round %d", i))
		final, kept, msgs := beam.ParDo3(is, &sendLabel{}, state, beam.SideInput{Input: stop})
		var changes beam.PCollection
		state, changes = beam.ParDo2(is, takeLabel, beam.CoGroupByKey(is, kept, msgs))
		stop = beam.Combine(is, sumFn{}, changes)
		done = append(done, final)
	}
	beam.ParDo0(s, &settled{Rounds: maxRounds}, stop)
	done = append(done, beam.ParDo(s, labelRoot, state))
	return beam.Flatten(s, done...)
}

func initLabel(id string, cls func(*Claim) bool, nbrs func(*string) bool, emit func(string, Label)) {
	var c Claim
	if !cls(&c) {
		return // a contradiction with an unknown claim: the library rejects the graph
	}
	l := Label{Rank: c.Rank, Root: c.ID, Changed: true}
	var n string
	for nbrs(&n) {
		l.Nbrs = append(l.Nbrs, n)
	}
	emit(id, l)
}

// sendLabel sends a label that changed to the claim's neighbours, or,
// once no label changed, hands the claim's root on as final.
type sendLabel struct{ changes sideCache[int] }

func (fn *sendLabel) ProcessElement(id string, l Label, changes func(*int) bool, final func(string, string), kept func(string, Label), msgs func(string, Label)) {
	if n, ok := fn.changes.get(changes); !ok || n == 0 {
		final(id, l.Root)
		return
	}
	if l.Changed {
		for _, n := range l.Nbrs {
			msgs(n, Label{Rank: l.Rank, Root: l.Root})
		}
	}
	kept(id, l)
}

func takeLabel(id string, ls func(*Label) bool, msgs func(*Label) bool, emit func(string, Label), changes func(int)) {
	var l Label
	if !ls(&l) {
		return
	}
	l.Changed = false
	var m Label
	for msgs(&m) {
		if m.Rank < l.Rank {
			l.Rank, l.Root, l.Changed = m.Rank, m.Root, true
		}
	}
	if l.Changed {
		changes(1)
	} else {
		changes(0)
	}
	emit(id, l)
}

func labelRoot(id string, l Label) (string, string) { return id, l.Root }

type sumFn struct{}

func (sumFn) CreateAccumulator() int         { return 0 }
func (sumFn) AddInput(a, x int) int          { return a + x }
func (sumFn) MergeAccumulators(a, b int) int { return a + b }
func (sumFn) ExtractOutput(a int) int        { return a }

// settled fails the pipeline when labels still changed in the last round.
type settled struct{ Rounds int }

func (fn *settled) ProcessElement(n int) error {
	if n > 0 {
		return fmt.Errorf("components of contradictions and supports not settled after %d rounds (--max-rounds)", fn.Rounds)
	}
	return nil
}

// joint reads the questions of a claim graph together, as
// truth.GraphMap.Joint does for the library's claimgraph trust: every
// fact of a claim takes the claim's smallest belief over its questions
// (to hold, it must win each), so that the choice of each question, made
// from these beliefs, never names a claim that loses another question.
func joint(s beam.Scope, beliefs beam.PCollection) beam.PCollection {
	s = s.Scope("joint")
	return beam.ParDo(s, jointFn, beam.GroupByKey(s, beam.ParDo(s, beliefByClaim, beliefs)))
}

func beliefByClaim(b Belief) (string, Belief) { return b.Value, b }

func jointFn(_ string, iter func(*Belief) bool, emit func(Belief)) {
	var fs []Belief
	var b Belief
	for iter(&b) {
		fs = append(fs, b)
	}
	low := fs[0].Belief
	for _, f := range fs[1:] {
		low = min(low, f.Belief)
	}
	for _, f := range fs {
		f.Belief = low
		emit(f)
	}
}
