package evidence

import (
	"errors"
	"fmt"
	"iter"
	"math"
	"runtime"
	"slices"
	"strconv"
	"sync"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/internal/borrow"
	"github.com/claimgraph/claimgraph/graph/internal/csr"
	"github.com/claimgraph/claimgraph/graph/internal/parts"
	"github.com/claimgraph/claimgraph/graph/internal/scc"
	"github.com/claimgraph/claimgraph/graph/provenance"
)

// ErrOptions reports an invalid [Options] value.
var ErrOptions = errors.New("evidence: invalid options")

// Tolerance is the margin within which two evidence weights count as
// equal, so that sums of trusts that differ only by rounding compare as
// equal: the verdicts' preference and every sentence that says which of
// two claims has more evidence use it.
const Tolerance = 1e-9

// DefaultUnknownTrust is the weight of an origin whose trust is not known
// when [Options.Trust] is given: neither trusted nor distrusted.
const DefaultUnknownTrust = 0.5

// MaxLent caps the origins passed on through support (see the package
// documentation).
const MaxLent = 64

// Options tunes [Of]. The zero value counts independent origins, each 1.
type Options struct {
	// Origins returns the independent origins of claim c in view v, as
	// source IDs. Nil means [Independent], or with Trust
	// [IndependentWeighed] (a cycle of sources weighs as its least
	// trusted source); [DistinctSources] is the cheaper count of
	// distinct sources.
	Origins func(v graph.View, c claims.Claim) ([]string, error)
	// Trust weighs each origin by the trust of its source, a value in
	// [0, 1]. Nil weighs every origin 1. With a map, an origin missing
	// from it weighs UnknownTrust, and an origin that is a cycle of
	// sources (circular reporting) weighs as its least trusted source.
	Trust map[string]float64
	// UnknownTrust is the weight of an origin missing from Trust; 0 means
	// DefaultUnknownTrust.
	UnknownTrust float64
	// NoLending leaves support out: a claim weighs its own origins only.
	NoLending bool
	// Silent names claims that lend nothing: their supports are left
	// out, so that neither their own origins nor those lent to them pass
	// on. They are still weighed, and lent to. Package graph/verdict
	// silences the claims it rejects (verdict.Result.Silent), so that
	// every reader of evidence weighs what the verdicts weighed.
	Silent map[string]bool
	// Progress, when not nil, is told of the stage "evidence", counted
	// in claims.
	Progress func(graph.Progress)
	// Visit, when not nil, is called with each claim of the view once, in
	// the view's order, on the goroutine that called Of, before its
	// origins are passed on: for a caller that needs the claims too, in
	// place of a second pass over them (each pass copies them). With
	// Visit or Origins set, Of reads copies of the claims; without
	// either, it reads them as the graph stores them.
	Visit func(c claims.Claim)
	// Supports, when not nil, returns the supports of the view, supporter
	// first, each claim numbered by its position in the view's order, as
	// [Lend] takes them, in any order: a caller that reads the
	// relations anyway spares Of a pass over them.
	// Of calls it once (never with NoLending), after the origins, on
	// the goroutine that called Of; [Silenced] calls it once, beside
	// the origins, on a goroutine of its own. A pair out of the view's
	// range is left out. It must give the supports of the state of the
	// graph Of reads.
	Supports func() [][2]int32
}

// check fills in the defaults of o and checks the rest. It leaves
// Origins nil for the default, which Of runs on several goroutines.
func (o Options) check() (Options, error) {
	if o.UnknownTrust == 0 {
		o.UnknownTrust = DefaultUnknownTrust
	}
	if o.UnknownTrust < 0 || o.UnknownTrust > 1 || math.IsNaN(o.UnknownTrust) {
		return o, fmt.Errorf("%w: UnknownTrust %v not in [0, 1]", ErrOptions, o.UnknownTrust)
	}
	for id, t := range o.Trust {
		if t < 0 || t > 1 || math.IsNaN(t) {
			return o, fmt.Errorf("%w: trust %v of source %q not in [0, 1]", ErrOptions, t, id)
		}
	}
	return o, nil
}

// Evidence is the evidence for one claim.
type Evidence struct {
	// Origins are the claim's own independent origins (source IDs).
	Origins []string
	// Lent is the number of further origins its supporters lend it, not
	// among Origins (see [Table.Lent] for which).
	Lent int
	// Weight is the trust-weighted count of Origins and the lent origins.
	Weight float64
	// Capped reports that the origins reaching the claim through support
	// filled [MaxLent], so that more may have been cut: Lent and Weight
	// are then lower bounds, and the true evidence is at least Weight.
	Capped bool
}

// Text writes an evidence weight for people, to 4 significant digits,
// as "at least 65 (capped)" when capped says it is a lower bound (see
// [Evidence].Capped).
func Text(weight float64, capped bool) string {
	s := strconv.FormatFloat(weight, 'g', 4, 64)
	if capped {
		return "at least " + s + " (capped)"
	}
	return s
}

// Independent returns the number of distinct origins behind the claim,
// its own and lent.
func (e Evidence) Independent() int { return len(e.Origins) + e.Lent }

// Table is the evidence of every claim of a view, from [Of]. It is safe
// for concurrent use, but for a [Silencer] of it: Silencer.Silence
// changes the Table, which no other goroutine may read meanwhile.
type Table struct {
	ids []string
	ev  []Evidence
	// Origins are interned: names maps them back to source IDs. The
	// interned own origins of claim i, sorted, are own.of(i); those that
	// reach it through support, sorted and shared by the claims of a
	// component of support, reach[i], cut from a few arrays; its lent
	// origins are reach[i] less own.of(i). A Silencer puts reach in its
	// own order of the claims: then claim i's is reach[at[i]].
	own   sets
	reach [][]int32
	at    []int32
	sup   *support // of the supports lent through, for the Silencer; nil without supports
	names []string
	// trust and unknown weigh an origin, as Options.Trust and
	// Options.UnknownTrust (see weight).
	trust   map[string]float64
	unknown float64

	once  sync.Once
	index map[string]int32 // position of each claim, built on first use
}

// Len returns the number of claims.
func (t *Table) Len() int { return len(t.ids) }

// At returns the evidence of the i-th claim of the view, in the view's
// order.
func (t *Table) At(i int) Evidence { return t.ev[i] }

// find returns the position of claim id. The index by ID is built on the
// first look-up, so that callers that go by position (as package verdict
// does) never pay for it.
func (t *Table) find(id string) (int32, bool) {
	t.once.Do(func() {
		t.index = make(map[string]int32, len(t.ids))
		for i, id := range t.ids {
			t.index[id] = int32(i)
		}
	})
	i, ok := t.index[id]
	return i, ok
}

// Claim returns the evidence of claim id.
func (t *Table) Claim(id string) (Evidence, bool) {
	i, ok := t.find(id)
	if !ok {
		return Evidence{}, false
	}
	return t.ev[i], true
}

// Weight returns the weight of claim id's evidence, 0 for a claim not in
// the view: a function for timeline.Options.Strength.
func (t *Table) Weight(id string) float64 {
	e, _ := t.Claim(id)
	return e.Weight
}

// Lent returns the origins lent to claim id by its supporters, not among
// its own, in the order the view's claims first name them; nil for an
// unknown claim.
func (t *Table) Lent(id string) []string {
	i, ok := t.find(id)
	if !ok {
		return nil
	}
	return t.AppendLent(make([]string, 0, t.ev[i].Lent), int(i))
}

// AppendLent appends to dst the origins lent to the i-th claim of the
// view, as [Table.Lent] lists them, and returns the extended slice: so
// that a caller that lists the lent origins of many claims can cut them
// all from one array.
func (t *Table) AppendLent(dst []string, i int) []string {
	if t.reach == nil {
		return dst
	}
	own, j := t.own.of(int32(i)), 0
	r := t.reach[i]
	if t.at != nil {
		r = t.reach[t.at[i]]
	}
	for _, o := range r {
		for j < len(own) && own[j] < o {
			j++
		}
		if j == len(own) || own[j] != o {
			dst = append(dst, t.names[o])
		}
	}
	return dst
}

// Of returns the evidence of every claim of v (see the package
// documentation). Errors come from [Options.Origins] or wrap
// [ErrOptions]. It reads one state of the graph, a
// [graph.View.Snapshot] of v, which it passes to [Options.Origins],
// calling it once for each claim, in the view's order. With the default
// Origins, on a view of thousands of claims, one goroutine per processor
// finds the origins (each with a fork of one provenance index, which
// loads the sources once for all: [provenance.Index.Fork]); on any view,
// the components of support of a level wide enough are lent to by up to
// one goroutine per processor (see [Lend]), and the claims weighed on
// all processors: the same result as on one.
func Of(v graph.View, opts Options) (*Table, error) {
	t, _, err := of(v, opts, false)
	return t, err
}

// Silenced returns what [Of] does, and a [Silencer] of the table with
// the claims of Options.Silent silenced, so that the table is Of's with
// them silent: for a caller that silences more claims after (package
// graph/verdict silences those each round of its labelling rejects).
// It is cheaper than Of and [Table.Silencer] after it: the Silencer's
// order of the claims is worked out from the supports beside the
// origins (Options.Supports, when given, is called then, on a goroutine
// of its own), and the Silencer lends through them itself, a level at a
// time, in place of Of's lending and the Silencer's copy of it: O(claims
// + supports × MaxLent) time, as Of, and the Silencer's memory. With
// NoLending the Silencer silences without weighing anything again.
func Silenced(v graph.View, opts Options) (*Table, *Silencer, error) {
	if opts.NoLending {
		t, err := Of(v, opts)
		if err != nil {
			return nil, nil, err
		}
		return t, t.Silencer(nil), nil
	}
	return of(v, opts, true)
}

// of is [Of], and with later [Silenced].
func of(v graph.View, opts Options, later bool) (*Table, *Silencer, error) {
	o, err := opts.check()
	if err != nil {
		return nil, nil, err
	}
	v = v.Snapshot() // claims and links numbered alike, from one state
	// Sized up front: growing them costs about as much as filling them.
	counts := v.Counts()
	n := counts.Claims
	t := &Table{ids: make([]string, 0, n), ev: make([]Evidence, 0, n), trust: o.Trust, unknown: o.UnknownTrust}
	var silent []bool // by position, when any claim is silent
	if len(o.Silent) > 0 && !o.NoLending {
		silent = make([]bool, 0, n)
	}
	// Silenced lays out its Silencer beside the origins: it reads the
	// supports alone.
	var lay *Silencer
	var laid sync.WaitGroup
	if later {
		laid.Go(func() { lay, _ = layout(n, supportsOf(v, n, counts.Supports, nil, o.Supports), nil) })
	}
	// Origins are interned in the order the claims first name them: by
	// the number their source has in the provenance index when they come
	// from one (a look-up in a slice), and by ID when from
	// Options.Origins.
	var byName map[string]int32
	if o.Origins != nil {
		byName = make(map[string]int32, counts.Sources)
	}
	var byNum []int32 // of each source number, -1 until named
	own := &t.own
	own.start = make([]int32, 1, n+1)
	own.items = make([]int32, 0, counts.Appearances)
	tick := graph.NewTicker(o.Progress, "evidence", n)
	err = origins(v, o.Origins, o.rank(), o.Visit, n, func(fc *found) {
		tick.Tick()
		id, orig := fc.id, fc.orig
		mark := len(own.items)
		if fc.nums != nil {
			for i, s := range fc.nums {
				for int(s) >= len(byNum) {
					byNum = append(byNum, -1)
				}
				k := byNum[s]
				if k < 0 {
					k = int32(len(t.names))
					byNum[s] = k
					t.names = append(t.names, orig[i])
				}
				own.items = append(own.items, k)
			}
		} else {
			for _, s := range orig {
				k, ok := byName[s]
				if !ok {
					k = int32(len(t.names))
					byName[s] = k
					t.names = append(t.names, s)
				}
				own.items = append(own.items, k)
			}
		}
		set := own.items[mark:]
		slices.Sort(set)
		own.items = own.items[:mark+len(slices.Compact(set))]
		own.start = append(own.start, int32(len(own.items)))
		t.ids = append(t.ids, id)
		t.ev = append(t.ev, Evidence{Origins: orig})
		if silent != nil {
			silent = append(silent, o.Silent[id])
		}
	})
	laid.Wait()
	if err != nil {
		return nil, nil, err
	}
	if !later && !o.NoLending {
		t.lend(v, counts.Supports, silent, o.Supports)
	}
	// Each claim is weighed apart: on all processors (without what
	// reaches it, for Silenced, whose Silencer lends after).
	parts.Run(len(t.ev), 1<<12, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			t.weigh(int32(i))
		}
	})
	var s *Silencer
	if later {
		s = lay
		s.bind(t, nil)
		s.fill()
		if silent != nil {
			var quiet []int32
			for i, q := range silent {
				if q {
					quiet = append(quiet, int32(i))
				}
			}
			s.Silence(quiet)
		}
	}
	tick.Finish()
	return t, s, nil
}

// weigh sets the Weight, Lent and Capped of claim i from its own origins
// and, when lending, those that reach it.
func (t *Table) weigh(i int32) {
	mine := t.own.of(i)
	w, _ := t.weight(mine, nil)
	e := &t.ev[i]
	var r []int32 // none without lending
	if t.reach != nil {
		r = t.reach[i]
	}
	m := t.weighs(w, r, mine)
	e.Weight, e.Lent, e.Capped = m.weight, int(m.lent), m.capped
}

// weighs is the evidence of a claim whose own origins, mine, weigh w and
// which is reached by the origins r: the one rule Of and the Silencer
// weigh a claim by.
func (t *Table) weighs(w float64, r, mine []int32) weighed {
	lent, k := t.weight(r, mine)
	return weighed{w + lent, int32(k), len(r) >= MaxLent}
}

// weight is the trust-weighted count of the sorted set a less the sorted
// set b, and how many that is. It adds the weights in a's order, so that
// a set weighs the same, to the bit, however it was arrived at.
func (t *Table) weight(a, b []int32) (float64, int) {
	if t.trust == nil && len(b) <= fewOwn {
		// Each origin weighs 1 (OriginWeight): a count, the length of
		// a less the few of b found in it, each by binary search
		// rather than a walk of a (the lending and the Silencer weigh
		// sets of up to MaxLent against a claim's few own origins).
		n := len(a)
		for _, x := range b {
			if _, ok := slices.BinarySearch(a, x); ok {
				n--
			}
		}
		return float64(n), n
	}
	w, n, j := 0.0, 0, 0
	for _, k := range a {
		for j < len(b) && b[j] < k {
			j++
		}
		if j < len(b) && b[j] == k {
			continue
		}
		n++
		if t.trust != nil {
			w += OriginWeight(t.trust, t.unknown, t.names[k])
		}
	}
	if t.trust == nil {
		// Each origin weighs 1 (OriginWeight): a count, found without
		// reading the origins' names.
		return float64(n), n
	}
	return w, n
}

// fewOwn is the most origins taken as a few: a claim's own origins that
// weight looks up in a set one by one, and a set mergeInto puts in place
// in another (insertInto) rather than merge.
const fewOwn = 8

// OriginWeight is what one independent origin, from source, adds to a
// claim's evidence: 1 without a trust map, otherwise the source's trust,
// or unknown when the map does not name it (0 means
// DefaultUnknownTrust). Evidence is the sum of it over a claim's origins,
// own and lent; the Tracker of package verdict sums it the same way.
func OriginWeight(trust map[string]float64, unknown float64, source string) float64 {
	if trust == nil {
		return 1
	}
	tr, ok := trust[source]
	if !ok {
		tr = unknown
		if tr == 0 {
			tr = DefaultUnknownTrust
		}
	}
	return tr
}

// minParallel: a view of fewer claims has the default origins found by
// one goroutine.
const minParallel = 1 << 12

// found is what origins passes on of one claim: its ID, its origins
// and, when they come from a provenance index (the default Origins),
// the numbers the index gives their sources, which tell them apart as
// well as their IDs, and faster.
type found struct {
	id   string
	orig []string
	nums []int32 // nil from Options.Origins
}

// batch is the unit of work of origins: a run of claims of the view (an
// ID and the appearances of each, all the default origins read), and
// their origins once found.
type batch struct {
	ids  []string
	apps [][]claims.Appearance
	orig [][]string
	nums []int32 // the source numbers of the origins, claim after claim
	err  error   // of the first claim whose origins fail
	at   int     // the position in ids of that claim
	done chan struct{}
}

// finder finds the default origins of claims with one provenance index
// (see [Independent]), cutting the lists of IDs it returns from a shared
// array, a chunk at a time: the lists are kept, in the Table.
type finder struct {
	x   *provenance.Index
	buf []string
}

// find appends to nums the source numbers of the independent origins of
// a claim with appearances apps, and returns them with their IDs.
func (f *finder) find(nums []int32, apps []claims.Appearance) ([]int32, []string, error) {
	mark := len(nums)
	nums, err := f.x.AppendOriginNumbers(nums, apps)
	if err != nil {
		return nums[:mark], nil, err
	}
	k := len(nums) - mark
	if cap(f.buf)-len(f.buf) < k {
		f.buf = make([]string, 0, max(1024, k))
	}
	at := len(f.buf)
	for _, n := range nums[mark:] {
		f.buf = append(f.buf, f.x.SourceID(n))
	}
	return nums, f.buf[at:len(f.buf):len(f.buf)], nil
}

// origins passes each claim of v, in v's order, to visit (when not nil)
// and to each with its origins from f, and returns the first error of f,
// wrapped, after which it calls each no more. A nil f means the origins
// of [Independent] (of [IndependentWeighed] by rank, when not nil), found
// with a [provenance.Index] of v whose Rank is rank, whose source numbers
// each is given too; on a view of at least minParallel claims
// and with more than one processor, one goroutine per processor finds
// them, each with a fork of one index (which loads the sources once, for
// all), a batch of claims at a time, while this one reads the claims and
// passes on the origins of the batches in order: the same calls to each,
// in the same order, as with one goroutine. The found passed to each is
// not kept: its nums are written over after.
func origins(v graph.View, f func(graph.View, claims.Claim) ([]string, error), rank func(string) float64, visit func(claims.Claim), n int, each func(*found)) error {
	workers := runtime.GOMAXPROCS(0)
	if f != nil {
		for c := range claimsOf(v, false) {
			if visit != nil {
				visit(c)
			}
			orig, err := f(v, c)
			if err != nil {
				return fmt.Errorf("evidence: origins of %q: %w", c.ID, err)
			}
			each(&found{id: c.ID, orig: orig})
		}
		return nil
	}
	if n < minParallel || workers < 2 {
		x := provenance.New(v)
		x.Rank = rank
		fd := finder{x: x}
		var fc found
		for c := range claimsOf(v, visit == nil) {
			if visit != nil {
				visit(c)
			}
			var err error
			if fc.nums, fc.orig, err = fd.find(fc.nums[:0], c.Appearances); err != nil {
				return fmt.Errorf("evidence: origins of %q: %w", c.ID, err)
			}
			fc.id = c.ID
			each(&fc)
		}
		return nil
	}
	const size = 256 // claims per batch
	jobs := make(chan *batch, 2*workers)
	root := provenance.New(v)
	root.Rank = rank
	var wg sync.WaitGroup
	for range workers {
		fd := finder{x: root.Fork()}
		wg.Go(func() {
			for b := range jobs {
				b.nums = b.nums[:0]
				for i, apps := range b.apps {
					var orig []string
					var err error
					if b.nums, orig, err = fd.find(b.nums, apps); err != nil {
						b.err, b.at = err, i
						break
					}
					b.orig = append(b.orig, orig)
				}
				close(b.done)
			}
		})
	}
	// pending holds the batches sent and not yet passed on, oldest first;
	// at most 4 per worker are in flight. Those passed on are used again
	// (free): the claims and origins of a view are not held, only passed.
	var pending, free []*batch
	var first error
	var fc found
	flush := func(keep int) {
		for len(pending) > keep {
			b := pending[0]
			pending = pending[1:]
			<-b.done
			if first != nil {
				continue
			}
			end := 0
			for i, orig := range b.orig {
				fc.id, fc.orig, fc.nums = b.ids[i], orig, b.nums[end:end+len(orig)]
				end += len(orig)
				each(&fc)
			}
			if b.err != nil {
				first = fmt.Errorf("evidence: origins of %q: %w", b.ids[b.at], b.err)
			}
			free = append(free, b)
		}
	}
	fresh := func() *batch {
		if k := len(free) - 1; k >= 0 {
			b := free[k]
			free = free[:k]
			clear(b.apps) // let go of the claims passed on
			clear(b.orig)
			b.ids, b.apps, b.orig = b.ids[:0], b.apps[:0], b.orig[:0]
			b.err, b.done = nil, make(chan struct{})
			return b
		}
		return &batch{ids: make([]string, 0, size), apps: make([][]claims.Appearance, 0, size), orig: make([][]string, 0, size), done: make(chan struct{})}
	}
	cur := fresh()
	send := func() {
		jobs <- cur
		pending = append(pending, cur)
		flush(4 * workers)
		cur = fresh()
	}
	for c := range claimsOf(v, visit == nil) {
		if visit != nil {
			visit(c)
		}
		cur.ids = append(cur.ids, c.ID)
		if cur.apps = append(cur.apps, c.Appearances); len(cur.apps) == size {
			send()
		}
		if first != nil {
			break
		}
	}
	if len(cur.apps) > 0 && first == nil {
		send()
	}
	close(jobs)
	flush(0)
	wg.Wait()
	return first
}

// claimsOf yields the claims of v, shared with the graph when shared
// says that only this package reads them ([Independent] writes to none),
// and otherwise copied, for a caller's Origins or Visit.
func claimsOf(v graph.View, shared bool) iter.Seq[claims.Claim] {
	if shared {
		return borrow.Claims(v)
	}
	return v.Claims()
}

// sets is a list of sets of interned origins, each sorted, stored one
// after another: set i is items[start[i]:start[i+1]].
type sets struct {
	start, items []int32
}

func (s sets) of(i int32) []int32 { return s.items[s.start[i]:s.start[i+1]] }

// lend fills t.reach with [Lend] over the supports of v. supports, the
// view's count of them, sizes the list of support edges; the supports of
// a claim silent[i] (when silent is not nil) are left out.
func (t *Table) lend(v graph.View, supports int, silent []bool, given func() [][2]int32) {
	n := len(t.ids)
	t.reach, t.sup = lend(n, supportsOf(v, n, supports, silent, given), t.own.of)
}

// supportsOf returns the supports of v between its n claims as lend
// takes them (see lend).
func supportsOf(v graph.View, n, supports int, silent []bool, given func() [][2]int32) [][2]int32 {
	edges := make([][2]int32, 0, supports)
	// A pair out of range is left out, as Links leaves out the claims
	// outside the view; given supports may hold any number.
	keeps := func(from, to int) bool {
		return uint(from) < uint(n) && uint(to) < uint(n) && (silent == nil || !silent[from])
	}
	if given != nil {
		for _, e := range given() {
			if keeps(int(e[0]), int(e[1])) {
				edges = append(edges, e)
			}
		}
	} else {
		for r := range v.Links() {
			if r.Kind == claims.Supports && keeps(r.From, r.To) {
				edges = append(edges, [2]int32{int32(r.From), int32(r.To)})
			}
		}
	}
	return edges
}

// support is what [Lend] found of the support graph, kept by a [Table]
// for its [Silencer]: the strongly connected component of each claim,
// numbered by Tarjan's algorithm from 0 to count−1 (a supporter's
// component after those it supports).
type support struct {
	comp  []int32
	count int
	level []int32   // of each component (see levels)
	out   [][]int32 // what each component passes on, when it supports another
}

// Lend returns the origins that reach each of n claims through support:
// edges are the supports, supporter first, between claims numbered 0 to
// n−1 (a claim supporting itself is left out), and own(i) is claim i's
// own origins, a sorted set of numbers, in the order the claims first
// name them in [Of]. A claim is reached by the own origins of every
// claim that supports it, directly or through others, its own included
// when it is on a cycle of support; each set holds the MaxLent smallest
// numbers. [Of] calls it on the whole view; since only a claim's
// component of the support graph reaches it, a program that spreads a
// graph over machines (examples/beam) can call it on each component
// apart, numbering origins in the same order. Sets may share memory.
//
// It walks the components of the support graph from the supporters down,
// a level at a time (a component's level is the longest path of
// components supporting it), the components of a level wide enough
// split between up to one goroutine per processor, so own may be called
// from several goroutines at once. Each component's set of origins is
// built once, from those of the components with supports into it, and
// stored once, shared by its members: O(n + supports × MaxLent) time,
// and memory O(n) and MaxLent origins per component that passes on more
// than it is passed, in a few allocations; the same sets whatever the
// goroutines.
func Lend(n int, edges [][2]int32, own func(int32) []int32) [][]int32 {
	reach, _ := lend(n, edges, own)
	return reach
}

// lend is [Lend], which also returns the components it walked (nil when
// there are no supports).
func lend(n int, edges [][2]int32, own func(int32) []int32) ([][]int32, *support) {
	// The supports, less any of a claim to itself: edges as they are when
	// there is none, which is the rule.
	start := make([]int32, n+1)
	loops := 0
	for _, e := range edges {
		if e[0] == e[1] {
			loops++
			continue
		}
		start[e[0]+1]++
	}
	if loops > 0 {
		kept := make([][2]int32, 0, len(edges)-loops)
		for _, e := range edges {
			if e[0] != e[1] {
				kept = append(kept, e)
			}
		}
		edges = kept
	}
	reach := make([][]int32, n)
	if len(edges) == 0 {
		return reach, nil
	}
	fill := csr.Starts(start)
	to := make([]int32, len(edges))
	for _, e := range edges {
		to[fill[e[0]]] = e[1]
		fill[e[0]]++
	}
	var b scc.Buf
	b.Components(start, to)
	comp := b.Comp
	// Members of each component; Tarjan numbers a component after every
	// component it reaches, so supporters come at higher numbers.
	cstart, members := csr.Group(b.Count, comp)
	// The components each component is supported by (from), and whether
	// it supports another (feeds).
	fstart := make([]int32, b.Count+1)
	feeds := make([]bool, b.Count)
	for _, e := range edges {
		if cf, ct := comp[e[0]], comp[e[1]]; cf != ct {
			fstart[ct+1]++
			feeds[cf] = true
		}
	}
	ffill := csr.Starts(fstart)
	from := make([]int32, fstart[b.Count])
	for _, e := range edges {
		if cf, ct := comp[e[0]], comp[e[1]]; cf != ct {
			from[ffill[ct]] = cf
			ffill[ct]++
		}
	}

	l := &lending{own: own, reach: reach, out: make([][]int32, b.Count), head: make([]int32, b.Count), fstart: fstart, from: from, feeds: feeds, cstart: cstart, members: members}
	level := levels(b.Count, comp, cstart, members, start, to)
	lstart, list := byLevel(level)
	var ws []merger
	for k := range len(lstart) - 1 {
		spread(&ws, list[lstart[k]:lstart[k+1]], l.component)
	}
	return reach, &support{comp: comp, count: b.Count, level: level, out: l.out}
}

// lending is what lend shares between the goroutines that weigh the
// components of one level: each reads what the components above pass on
// (out) and writes what its own components receive and pass on.
type lending struct {
	own             func(int32) []int32
	reach, out      [][]int32 // by claim, by component
	head            []int32   // the first origin of out, or none: see Silencer.head
	fstart, from    []int32   // the components supporting each
	feeds           []bool
	cstart, members []int32
}

// component weighs component k, with w's scratch: it sets what reaches
// each of its members and what it passes on.
func (l *lending) component(w *merger, k int32) {
	// What enters the component: the union of what its supporters
	// pass on, kept where it is when one supporter passes it all.
	in, stored := []int32(nil), true
	cur, next := w.cur, w.spare
	for _, f := range l.from[l.fstart[k]:l.fstart[k+1]] {
		if !addsFrom(in, l.head[f]) {
			continue
		}
		switch o := l.out[f]; {
		case same(o, in): // the head above stood for adds
		case len(in) == 0:
			in = o
		default:
			next = mergeInto(next[:0], in, o)
			in, cur, next = next, next, cur
			stored = false
		}
	}
	mem := l.members[l.cstart[k]:l.cstart[k+1]]
	// What reaches a member: what enters the component, and the own
	// origins of the members of a cycle.
	if len(mem) > 1 {
		for _, m := range mem {
			if adds(in, l.own(m)) {
				next = mergeInto(next[:0], in, l.own(m))
				in, cur, next = next, next, cur
				stored = false
			}
		}
	}
	if !stored {
		in = w.store(in)
	}
	for _, m := range mem {
		l.reach[m] = in
	}
	if l.feeds[k] {
		l.out[k] = in
		if len(mem) == 1 {
			// A single claim passes on its own origins too.
			if next = mergeInto(next[:0], in, l.own(mem[0])); !slices.Equal(next, in) {
				l.out[k] = w.store(next)
			}
		}
		l.head[k] = none
		if o := l.out[k]; len(o) > 0 {
			l.head[k] = o[0]
		}
	}
	w.cur, w.spare = cur, next
}

// adds reports whether merging the sorted set b into the sorted set a,
// at most MaxLent long, may change it: not when b is empty, nor when a is
// full and b comes after it.
func adds(a, b []int32) bool {
	return len(b) > 0 && (len(a) < MaxLent || b[0] < a[len(a)-1])
}

// addsFrom is adds for a set whose first origin is head (none for an
// empty set), without reading the set: the lending and the Silencer
// keep the heads in a dense array, to pass over a set that cannot add.
func addsFrom(a []int32, head int32) bool {
	return head != none && (len(a) < MaxLent || head < a[len(a)-1])
}

// same reports whether the sets a and b are the same stored set.
func same(a, b []int32) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// DistinctSources returns the distinct sources claim c appears in, in the
// order of its appearances: the cheaper count of origins, which counts
// three outlets relaying one video three times. O(appearances).
func DistinctSources(_ graph.View, c claims.Claim) ([]string, error) {
	return AppendDistinctSources(make([]string, 0, len(c.Appearances)), c.Appearances), nil
}

// AppendDistinctSources appends to dst the distinct sources of
// appearances apps, in their order, and returns the extended slice; the
// entries of dst already there are not compared. O(len(apps)): beyond a
// few appearances it keeps a set, where comparing each source with those
// appended was quadratic in a claim's sources.
func AppendDistinctSources(dst []string, apps []claims.Appearance) []string {
	mark := len(dst)
	if len(apps) <= 16 {
		for _, a := range apps {
			if !slices.Contains(dst[mark:], a.Source) {
				dst = append(dst, a.Source)
			}
		}
		return dst
	}
	seen := make(map[string]bool, len(apps))
	for _, a := range apps {
		if !seen[a.Source] {
			seen[a.Source] = true
			dst = append(dst, a.Source)
		}
	}
	return dst
}

// Independent returns an Origins function backed by one provenance index
// per view (a state of the graph at a date), so that the derivation links
// of a source are loaded once for all the claims of a view: the
// independent origins of each claim, one per group of appearances that go
// back to the same original. Given a view of another state of the graph
// (another snapshot, as [Of] takes one per call), it forgets the indexes
// of the earlier state, so that one function serves a graph that changes
// (as [Options.Origins] of a verdict.Tracker, for one).
func Independent() func(graph.View, claims.Claim) ([]string, error) {
	return independent(nil)
}

// IndependentWeighed is [Independent] for evidence weighed by trust (and
// unknown, as [Options.Trust] and [Options.UnknownTrust] weigh it): a
// cycle of sources (circular reporting, one origin) stands for its least
// trusted source (provenance.Index.Rank), so that it weighs what that
// source weighs, whatever the sources' IDs. [Of] finds the origins so
// when given Trust and no Origins; pass it as Options.Origins where the
// origins must be those Of would find under that trust (package
// graph/verdict's Tracker does). With a nil trust it is Independent.
func IndependentWeighed(trust map[string]float64, unknown float64) func(graph.View, claims.Claim) ([]string, error) {
	return independent(TrustRank(trust, unknown))
}

// TrustRank is the provenance.Index.Rank of evidence weighed by trust
// and unknown: each source ranked by the weight of an origin from it
// ([OriginWeight]), so that a cycle of sources stands for its least
// trusted one, as [Of] and [IndependentWeighed] find origins under that
// trust; nil for a nil trust. For a caller that queries a provenance
// index of its own and must name the origins the evidence weighed.
func TrustRank(trust map[string]float64, unknown float64) func(string) float64 {
	if trust == nil {
		return nil
	}
	return func(id string) float64 { return OriginWeight(trust, unknown, id) }
}

// rank is the provenance.Index.Rank of the default origins under o.
func (o Options) rank() func(string) float64 { return TrustRank(o.Trust, o.UnknownTrust) }

// independent is [Independent] with its indexes ranked by rank.
func independent(rank func(string) float64) func(graph.View, claims.Claim) ([]string, error) {
	idx := make(map[graph.View]*provenance.Index, 2)
	var buf []string // the lists returned are cut from it, a chunk at a time
	return func(v graph.View, c claims.Claim) ([]string, error) {
		x, ok := idx[v]
		if !ok {
			state := v.At(claims.Date{})
			for w := range idx {
				if w.At(claims.Date{}) != state {
					delete(idx, w) // of an earlier state of the graph
				}
			}
			x = provenance.New(v)
			x.Rank = rank
			idx[v] = x
		}
		if cap(buf)-len(buf) < 2*len(c.Appearances) {
			buf = make([]string, 0, max(1024, 2*len(c.Appearances)))
		}
		mark := len(buf)
		var err error
		if buf, err = x.AppendOrigins(buf, c); err != nil {
			buf = buf[:mark]
			return nil, err
		}
		return buf[mark:len(buf):len(buf)], nil
	}
}
