package evidence

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/internal/csr"
	"github.com/claimgraph/claimgraph/graph/internal/scc"
	"github.com/claimgraph/claimgraph/graph/provenance"
)

// ErrOptions reports an invalid [Options] value.
var ErrOptions = errors.New("evidence: invalid options")

// DefaultUnknownTrust is the weight of an origin whose trust is not known
// when [Options.Trust] is given: neither trusted nor distrusted.
const DefaultUnknownTrust = 0.5

// MaxLent caps the origins passed on through support (see the package
// documentation).
const MaxLent = 64

// Options tunes [Of]. The zero value counts independent origins, each 1.
type Options struct {
	// Origins returns the independent origins of claim c in view v, as
	// source IDs. Nil means [Independent]; [DistinctSources] is the
	// cheaper count of distinct sources.
	Origins func(v graph.View, c claims.Claim) ([]string, error)
	// Trust weighs each origin by the trust of its source, a value in
	// [0, 1]. Nil weighs every origin 1. With a map, an origin missing
	// from it weighs UnknownTrust.
	Trust map[string]float64
	// UnknownTrust is the weight of an origin missing from Trust; 0 means
	// DefaultUnknownTrust.
	UnknownTrust float64
	// NoLending leaves support out: a claim weighs its own origins only.
	NoLending bool
	// Progress, when not nil, is told of the stage "evidence", counted
	// in claims.
	Progress func(graph.Progress)
}

// check fills in the defaults of o and checks the rest.
func (o Options) check() (Options, error) {
	if o.Origins == nil {
		o.Origins = Independent()
	}
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
}

// Independent returns the number of distinct origins behind the claim,
// its own and lent.
func (e Evidence) Independent() int { return len(e.Origins) + e.Lent }

// Table is the evidence of every claim of a view, from [Of].
type Table struct {
	ids   []string
	index map[string]int32
	ev    []Evidence
	// lent[i] are the interned origins lent to claim i, sorted; names
	// maps them back to source IDs.
	lent  [][]int32
	names []string
}

// Len returns the number of claims.
func (t *Table) Len() int { return len(t.ids) }

// At returns the evidence of the i-th claim of the view, in the view's
// order.
func (t *Table) At(i int) Evidence { return t.ev[i] }

// Claim returns the evidence of claim id.
func (t *Table) Claim(id string) (Evidence, bool) {
	i, ok := t.index[id]
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
	i, ok := t.index[id]
	if !ok {
		return nil
	}
	out := make([]string, len(t.lent[i]))
	for k, o := range t.lent[i] {
		out[k] = t.names[o]
	}
	return out
}

// Of returns the evidence of every claim of v (see the package
// documentation). Errors come from [Options.Origins] or wrap
// [ErrOptions]. It reads one state of the graph, a
// [graph.View.Snapshot] of v, which it passes to [Options.Origins].
func Of(v graph.View, opts Options) (*Table, error) {
	o, err := opts.check()
	if err != nil {
		return nil, err
	}
	v = v.Snapshot() // claims and links numbered alike, from one state
	t := &Table{index: make(map[string]int32)}
	intern := make(map[string]int32)
	var own [][]int32 // interned own origins, sorted
	n := 0
	if o.Progress != nil {
		n = v.Counts().Claims
	}
	tick := graph.NewTicker(o.Progress, "evidence", n)
	for c := range v.Claims() {
		tick.Tick()
		orig, err := o.Origins(v, c)
		if err != nil {
			return nil, fmt.Errorf("evidence: origins of %q: %w", c.ID, err)
		}
		set := make([]int32, 0, len(orig))
		for _, s := range orig {
			k, ok := intern[s]
			if !ok {
				k = int32(len(t.names))
				intern[s] = k
				t.names = append(t.names, s)
			}
			set = append(set, k)
		}
		slices.Sort(set)
		set = slices.Compact(set)
		t.index[c.ID] = int32(len(t.ids))
		t.ids = append(t.ids, c.ID)
		t.ev = append(t.ev, Evidence{Origins: orig})
		own = append(own, set)
	}
	weight := func(set []int32) float64 {
		if o.Trust == nil {
			return float64(len(set))
		}
		w := 0.0
		for _, k := range set {
			tr, ok := o.Trust[t.names[k]]
			if !ok {
				tr = o.UnknownTrust
			}
			w += tr
		}
		return w
	}
	t.lent = make([][]int32, len(t.ids))
	if !o.NoLending {
		t.lend(v, own)
	}
	for i := range t.ev {
		t.ev[i].Lent = len(t.lent[i])
		t.ev[i].Weight = weight(own[i]) + weight(t.lent[i])
	}
	tick.Finish()
	return t, nil
}

// lend fills t.lent: the origins that reach each claim through support,
// less its own, walking the components of the support graph from the
// supporters down.
func (t *Table) lend(v graph.View, own [][]int32) {
	n := len(t.ids)
	start := make([]int32, n+1)
	var edges [][2]int32
	for r := range v.Links() {
		if r.Kind != claims.Supports || r.From >= n || r.To >= n || r.From == r.To {
			continue
		}
		edges = append(edges, [2]int32{int32(r.From), int32(r.To)})
		start[r.From+1]++
	}
	if len(edges) == 0 {
		return
	}
	fill := csr.Starts(start)
	to := make([]int32, len(edges))
	for _, e := range edges {
		to[fill[e[0]]] = e[1]
		fill[e[0]]++
	}
	var b scc.Buf
	b.Components(start, to)
	// Members of each component; Tarjan numbers a component after every
	// component it reaches, so supporters come at higher numbers.
	cstart := make([]int32, b.Count+1)
	for _, k := range b.Comp {
		cstart[k+1]++
	}
	cfill := csr.Starts(cstart)
	members := make([]int32, n)
	for i, k := range b.Comp {
		members[cfill[k]] = int32(i)
		cfill[k]++
	}
	in := make([][]int32, b.Count) // origins entering each component
	for k := b.Count - 1; k >= 0; k-- {
		set := in[k]
		in[k] = nil
		mem := members[cstart[k]:cstart[k+1]]
		// What reaches a member: what enters the component, and the own
		// origins of the other members of a cycle.
		all := set
		if len(mem) > 1 {
			for _, m := range mem {
				all = merge(all, own[m])
			}
		}
		for _, m := range mem {
			t.lent[m] = minus(all, own[m])
		}
		out := all
		if len(mem) == 1 {
			out = merge(set, own[mem[0]])
		}
		for _, m := range mem {
			for _, w := range to[start[m]:start[m+1]] {
				if c := b.Comp[w]; c != int32(k) {
					in[c] = merge(in[c], out)
				}
			}
		}
	}
}

// merge returns the union of the sorted sets a and b, at most MaxLent
// long. It returns a or b itself when the other adds nothing.
func merge(a, b []int32) []int32 {
	switch {
	case len(b) == 0:
		return a
	case len(a) == 0 && len(b) <= MaxLent:
		return b
	}
	out := make([]int32, 0, min(len(a)+len(b), MaxLent))
	i, j := 0, 0
	for len(out) < MaxLent && (i < len(a) || j < len(b)) {
		switch {
		case j == len(b) || (i < len(a) && a[i] < b[j]):
			out = append(out, a[i])
			i++
		case i == len(a) || b[j] < a[i]:
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

// minus returns the sorted set a less the sorted set b, nil when empty.
func minus(a, b []int32) []int32 {
	var out []int32
	j := 0
	for _, x := range a {
		for j < len(b) && b[j] < x {
			j++
		}
		if j < len(b) && b[j] == x {
			continue
		}
		out = append(out, x)
	}
	return out
}

// DistinctSources returns the distinct sources claim c appears in, in the
// order of its appearances: the cheaper count of origins, which counts
// three outlets relaying one video three times.
func DistinctSources(_ graph.View, c claims.Claim) ([]string, error) {
	out := make([]string, 0, len(c.Appearances))
	for _, a := range c.Appearances {
		if !slices.Contains(out, a.Source) {
			out = append(out, a.Source)
		}
	}
	return out, nil
}

// Independent returns an Origins function backed by one provenance index
// per view date, so that the derivation links of a source are loaded once
// for all the claims of a view: the independent origins of each claim,
// one per group of appearances that go back to the same original.
func Independent() func(graph.View, claims.Claim) ([]string, error) {
	idx := make(map[claims.Date]*provenance.Index, 2)
	return func(v graph.View, c claims.Claim) ([]string, error) {
		x, ok := idx[v.Date()]
		if !ok {
			x = provenance.New(v)
			idx[v.Date()] = x
		}
		rep, err := x.Of(c)
		if err != nil {
			return nil, err
		}
		out := make([]string, len(rep.Groups))
		for i, g := range rep.Groups {
			out[i] = g.Origin.Source
		}
		return out, nil
	}
}
