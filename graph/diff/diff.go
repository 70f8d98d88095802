package diff

import (
	"cmp"
	"fmt"
	"iter"
	"math"
	"reflect"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/evidence"
	"github.com/claimgraph/claimgraph/graph/internal/borrow"
	"github.com/claimgraph/claimgraph/graph/internal/parts"
	"github.com/claimgraph/claimgraph/graph/timeline"
	"github.com/claimgraph/claimgraph/graph/verdict"
	"github.com/claimgraph/claimgraph/sources"
)

// StrengthStep is the least change of a claim's strength that counts as
// a change of its verdict.
const StrengthStep = 0.01

// Options configure [Compare].
type Options struct {
	// At is the date of the verdicts compared; zero for the verdicts of
	// the whole graphs. Items are compared over all time whatever At: a
	// validity moved is a field changed, not an item removed or added.
	At      claims.Date
	Verdict verdict.Options // how verdicts are computed, for both graphs
}

// Report is the difference between two graphs.
type Report struct {
	Date     claims.Date
	Verdicts []VerdictChange
	Added    []Item
	Removed  []Item
	Changed  []Item
	Merged   []Merge
}

// Item is an entity, source, claim or relation added, removed or changed.
type Item struct {
	Kind   string   // "entity", "source", "claim" or "relation"
	ID     string   // a relation's is "FROM KIND TO"
	Fields []string // for a changed item: the keys of the fields that differ, as the file format names them (valid_from, occurred…)
}

// Merge is an item of the old graph merged into one of the new.
type Merge struct {
	Kind       string
	From, Into string
}

// State is a claim's verdict in one graph.
type State struct {
	Present  bool // the claim is in the graph
	Label    verdict.Label
	Rating   string
	Strength float64
	// Origins counts the independent origins behind the claim, its own
	// and those its supporters lend ([verdict.Verdict.Independent]): the
	// corroboration its rating weighs. Lent is how many of them its
	// supporters lend ([verdict.Verdict].Lent); the other Origins-Lent
	// are its own. When Capped, Origins and Lent are lower bounds
	// ([verdict.Verdict].Capped): at least Origins, at least Lent lent.
	Origins int
	Lent    int
	Capped  bool
	// Evidence is the weight of the claim's evidence
	// ([verdict.Verdict].Evidence): Origins when every origin weighs 1,
	// less under [verdict.Options].Trust, where a change of it with the
	// same count is a change of the verdict.
	Evidence float64
	// Published is the rating of the desk's published review of the
	// claim (claims.Review, status published), "" for none: a change of
	// it is a change an editor reads first, beside the verdicts.
	Published string
}

// String writes the state as "accepted" or "absent".
func (s State) String() string {
	if !s.Present {
		return "absent"
	}
	return s.Label.String()
}

// VerdictChange is a claim whose verdict changed.
type VerdictChange struct {
	Claim    string
	Old, New State
	Causes   []string // what changed around the claim: "X removed", "relation A supports B added"
	// Why says, when the label changed, what holds the new one: the
	// claims that reject the claim or leave it open, or that nothing
	// contradicts it. It names no claim the new graph rejects.
	Why    string
	Reason string // the change, its causes and why in one line
	// Into is, for a claim of the old graph merged into another, the
	// claim it was merged into; New is then that claim's verdict, which
	// look-ups by the merged ID now give.
	Into string
	// OldInto is, for a claim of the new graph that the old graph had
	// merged into another (a merge undone), the claim it was merged into
	// there; Old is then that claim's verdict, which look-ups by the ID
	// gave: "b: merged into a (accepted) → accepted".
	OldInto string
}

// Compare compares graph old with graph new. It takes a snapshot of
// each, so changes made while it runs are not seen.
//
// Both graphs are held throughout; [Summarize] and [Summary.Compare]
// give the same report holding one graph at a time.
func Compare(old, new *graph.Graph, opts Options) (*Report, error) {
	// Items over all time, verdicts as of opts.At, of one state each.
	ov, nv := old.View.Snapshot(), new.View.Snapshot()
	// The old verdicts are kept as a summary, so that the two results
	// are not held at once.
	olds, err := judge(ov.At(opts.At), opts.Verdict)
	if err != nil {
		return nil, fmt.Errorf("diff: verdicts of the old graph: %w", err)
	}
	c := newComparer(viewPast{ov}, nv, opts)
	return c.run(olds, func() {
		items(c, "entity", ov.Entities(), nv.Entities(), entityID, entityID, changed[claims.Entity])
		items(c, "source", ov.Sources(), nv.Sources(), sourceID, sourceID, changed[sources.Source])
		items(c, "claim", borrow.Claims(ov), borrow.Claims(nv), claimID, claimID, changed[claims.Claim])
		relations(c, ov.Relations(), func(r *claims.Relation) claims.Relation { return *r }, changedRelation)
	})
}

// judge computes the verdicts of graph v and keeps what the comparison
// needs of them.
func judge(v graph.View, opts verdict.Options) (*pastVerdicts, error) {
	r, err := compute(v, opts)
	if err != nil {
		return nil, err
	}
	return summarize(r), nil
}

// run compares the items with walk while it computes the new graph's
// verdicts, then compares the verdicts with olds.
func (c *comparer) run(olds *pastVerdicts, walk func()) (*Report, error) {
	var rn *verdict.Result
	var err error
	done := make(chan struct{})
	go func() {
		defer close(done)
		rn, err = compute(c.new.At(c.opts.At), c.opts.Verdict)
	}()
	walk()
	<-done
	if err != nil {
		return nil, fmt.Errorf("diff: verdicts of the new graph: %w", err)
	}
	c.verdicts(olds, rn)
	return c.r, nil
}

func entityID(e *claims.Entity) string  { return e.ID }
func sourceID(s *sources.Source) string { return s.ID }
func claimID(c *claims.Claim) string    { return c.ID }

// changed returns the keys of the fields in which o and n differ.
func changed[T any](o, n *T) []string {
	if reflect.DeepEqual(o, n) {
		return nil // the common case, without listing fields
	}
	return fieldsDiffer(*o, *n)
}

// changedRelation returns the keys of the fields in which relations o and
// n, of one kind and ends, differ.
func changedRelation(o, n *claims.Relation) []string {
	if plain(o) && plain(n) {
		return nil
	}
	x := *o
	x.From, x.To = n.From, n.To
	return fieldsDiffer(x, *n)
}

// past is what a comparison asks of the old graph beside its items and
// verdicts: the graph itself ([Compare]) or its [Summary].
type past interface {
	// resolve is [graph.View.Resolve].
	resolve(id string) (canonical string, aliased bool)
	// relationsOf is [graph.View.RelationsOf], but a relation need
	// have only its ends and kind.
	relationsOf(id string) []claims.Relation
	// published is the published rating of claim id ([published]).
	published(id string) string
	// claimAliases lists the IDs merged into claims, each with its
	// claim, in order of ID.
	claimAliases() []alias
}

// alias is an ID merged into claim into.
type alias struct{ id, into string }

// sortAliases sorts a by ID and returns it. O(k log k).
func sortAliases(a []alias) []alias {
	slices.SortFunc(a, func(x, y alias) int { return cmp.Compare(x.id, y.id) })
	return a
}

// viewPast is the past of a graph at hand.
type viewPast struct{ v graph.View }

func (p viewPast) published(id string) string { return published(p.v, id) }

func (p viewPast) claimAliases() []alias {
	var out []alias
	for c := range borrow.Claims(p.v) {
		for _, m := range c.Merged {
			out = append(out, alias{m, c.ID})
		}
	}
	return sortAliases(out)
}

// published returns the rating of the published review of claim id of
// v, "" for none.
func published(v graph.View, id string) string {
	if c, ok := v.Claim(id); ok {
		return rating(&c)
	}
	return ""
}

// rating returns the rating of c's published review, "" for none.
func rating(c *claims.Claim) string {
	if r := c.Review; r != nil && r.Status == claims.Published {
		return r.Rating
	}
	return ""
}

func (p viewPast) resolve(id string) (string, bool) { return p.v.Resolve(id) }

func (p viewPast) relationsOf(id string) []claims.Relation {
	rels, _ := p.v.RelationsOf(id)
	return rels
}

// compute computes the verdicts of a graph: verdict.Compute, but for a
// benchmark that times it apart (export_test.go).
var compute = verdict.Compute

// maxCauses is the number of causes a reason names; the rest are counted.
const maxCauses = 3

// comparer holds a comparison under way.
type comparer struct {
	old  past
	new  graph.View // the new graph over all time (its verdicts are as of opts.At)
	opts Options
	r    *Report
	// touched lists, per item ID, the changes of its own and, for a
	// claim, of its relations, for reasons.
	touched map[string][]string
	// own lists, per item ID, the changes of touched that are not of a
	// relation: what a claim's reasons take from the claims around it,
	// looked up without passing over a hub's relations once for each
	// claim around it.
	own map[string][]string
	// carried lists, per claim ID, the changes of the sources that carry
	// it in the new graph (those of own): what the reasons of the claims
	// around it take from them, as a source's change moves the claim's
	// origins and so its neighbours' verdicts. Made once by carriers.
	carried map[string][]string
	// mergedInto maps the ID of each claim of the old graph merged into
	// another to the other's ID.
	mergedInto map[string]string
	// reviewed holds the claims in both graphs whose review changed:
	// their published rating may have.
	reviewed map[string]bool
}

func newComparer(old past, new graph.View, opts Options) *comparer {
	return &comparer{old: old, new: new, opts: opts, r: &Report{Date: opts.At}, touched: map[string][]string{}, own: map[string][]string{}}
}

func (c *comparer) note(id, what string) {
	c.touched[id] = append(c.touched[id], what)
	if !strings.HasPrefix(what, "relation ") {
		c.own[id] = append(c.own[id], what)
	}
}

// align walks olds and news, the items of two graphs in their order, and
// calls pair for each old and new item with one key (okey of the old,
// nkey of the new), gone for each old item the new graph lacks and came
// for each new item the old one lacks.
// While the two agree it looks nothing up: the graphs are two versions
// of one file, so their items mostly come in the same order. Where they
// part, inNew and inOld say whether the item at hand is in the other
// graph; an old item that is, but further on, waits in a map for its new
// item. An old item whose key another old item took (two relations a
// merge made one) is neither paired nor gone. Both sides come in their
// own order: pair and came in the order of news, gone in that of olds.
func align[O, N any, K comparable](olds iter.Seq[O], news iter.Seq[N], okey func(*O) K, nkey func(*N) K, inNew func(*O) bool, inOld func(*N) bool, pair func(o *O, n *N), gone func(*O), came func(*N)) {
	nextOld, stopOld := iter.Pull(olds)
	defer stopOld()
	nextNew, stopNew := iter.Pull(news)
	defer stopNew()
	waiting := map[K]O{}
	o, okO := nextOld()
	n, okN := nextNew()
	for okO || okN {
		if okO && okN && okey(&o) == nkey(&n) {
			pair(&o, &n)
			o, okO = nextOld()
			n, okN = nextNew()
			continue
		}
		if okN && len(waiting) > 0 {
			if w, ok := waiting[nkey(&n)]; ok {
				delete(waiting, nkey(&n))
				pair(&w, &n)
				n, okN = nextNew()
				continue
			}
		}
		switch {
		case okO && !inNew(&o):
			gone(&o)
			o, okO = nextOld()
		case okN && !inOld(&n):
			came(&n)
			n, okN = nextNew()
		case okO:
			waiting[okey(&o)] = o
			o, okO = nextOld()
		default: // its old item was paired with another: cannot happen with consistent keys
			n, okN = nextNew()
		}
	}
}

// items records the items of one kind added, changed, removed and merged
// between the old graph (olds, whose IDs oid gives) and the new (news),
// noting each change under the item's ID for the reasons of verdict
// changes; differ gives the keys of the fields in which an old item and
// a new one with its ID differ. An old ID the new graph resolves to
// another item was merged; an item is the same only when it keeps its
// own ID.
func items[O, T any](c *comparer, kind string, olds iter.Seq[O], news iter.Seq[T], oid func(*O) string, id func(*T) string, differ func(*O, *T) []string) {
	inNew := func(o *O) bool {
		to, aliased := c.new.Resolve(oid(o))
		return to != "" && !aliased
	}
	inOld := func(n *T) bool {
		to, aliased := c.old.resolve(id(n))
		return to != "" && !aliased
	}
	align(olds, news, oid, id, inNew, inOld, func(o *O, n *T) {
		if f := differ(o, n); len(f) > 0 {
			c.r.Changed = append(c.r.Changed, Item{Kind: kind, ID: id(n), Fields: f})
			c.note(id(n), id(n)+" changed ("+strings.Join(f, ", ")+")")
			if kind == "claim" && slices.Contains(f, "review") {
				if c.reviewed == nil {
					c.reviewed = map[string]bool{}
				}
				c.reviewed[id(n)] = true
			}
		}
	}, func(o *O) {
		if what := c.gone(kind, oid(o)); what != "" {
			c.note(oid(o), what)
		}
	}, func(n *T) {
		c.r.Added = append(c.r.Added, Item{Kind: kind, ID: id(n)})
		if was, aliased := c.old.resolve(id(n)); aliased && was != "" {
			// A merge undone: the old graph read the ID as was.
			what := id(n) + " split from " + was
			c.note(id(n), what)
			c.note(was, what)
			return
		}
		c.note(id(n), id(n)+" added")
	})
}

// gone records item id of the old graph as removed or merged when the
// new graph does not hold it under its own ID, and says which.
func (c *comparer) gone(kind, id string) string {
	into, aliased := c.new.Resolve(id)
	switch {
	case into == "":
		c.r.Removed = append(c.r.Removed, Item{Kind: kind, ID: id})
		return id + " removed"
	case aliased:
		c.r.Merged = append(c.r.Merged, Merge{Kind: kind, From: id, Into: into})
		if kind == "claim" {
			if c.mergedInto == nil {
				c.mergedInto = map[string]string{}
			}
			c.mergedInto[id] = into
		}
		return id + " merged into " + into
	}
	return ""
}

// endGone reports whether an end of relation r of the old graph is not
// in the new one.
func (c *comparer) endGone(r claims.Relation) bool {
	a, _ := c.new.Resolve(r.From)
	b, _ := c.new.Resolve(r.To)
	return a == "" || b == ""
}

// endNew reports whether an end of relation r of the new graph is not
// in the old one.
func (c *comparer) endNew(r claims.Relation) bool {
	a, _ := c.old.resolve(r.From)
	b, _ := c.old.resolve(r.To)
	return a == "" || b == ""
}

// relID names a relation: "FROM KIND TO".
func relID(r *claims.Relation) string { return r.From + " " + r.Kind.String() + " " + r.To }

// resolved returns r with its ends as view v resolves them.
func resolved(v graph.View, r claims.Relation) claims.Relation {
	if id, _ := v.Resolve(r.From); id != "" {
		r.From = id
	}
	if id, _ := v.Resolve(r.To); id != "" {
		r.To = id
	}
	return r
}

// match returns the relation of rels with r's kind and ends, either way
// round for a symmetric kind.
func match(rels []claims.Relation, r *claims.Relation) (claims.Relation, bool) {
	for _, x := range rels {
		if x.Kind == r.Kind && (x.From == r.From && x.To == r.To || r.Kind.Symmetric() && x.From == r.To && x.To == r.From) {
			return x, true
		}
	}
	return claims.Relation{}, false
}

// manyRelations is the number of relations of a claim past which
// relations keeps them as a set once looked up.
const manyRelations = 16

// relSet holds relations by their kind and ends, as match finds them.
type relSet map[relKey]bool

// setOf returns the set of rels.
func setOf(rels []claims.Relation) relSet {
	set := make(relSet, len(rels))
	for i := range rels {
		set[matchKey(&rels[i])] = true
	}
	return set
}

// matchKey returns the key of relation r by its kind and ends as they
// are, in order for a symmetric kind: two relations match when their
// keys are equal.
func matchKey(r *claims.Relation) relKey {
	k := relKey{r.From, r.To, r.Kind}
	if k.kind.Symmetric() && k.to < k.from {
		k.from, k.to = k.to, k.from
	}
	return k
}

// relKey identifies a relation by its kind and ends, in the new graph's
// terms, the ends of a symmetric kind in order.
type relKey struct {
	from, to string
	kind     claims.RelationKind
}

// key returns the key of relation r of either graph, an end merged since
// the old graph named by what it was merged into (no new relation has
// such an end: the new graph keeps that ID as an alias).
func (c *comparer) key(r *claims.Relation) relKey {
	k := relKey{r.From, r.To, r.Kind}
	if len(c.mergedInto) > 0 {
		if to, ok := c.mergedInto[k.from]; ok {
			k.from = to
		}
		if to, ok := c.mergedInto[k.to]; ok {
			k.to = to
		}
	}
	if k.kind.Symmetric() && k.to < k.from {
		k.from, k.to = k.to, k.from
	}
	return k
}

// plain reports whether relation r has nothing but its ends and kind.
func plain(r *claims.Relation) bool {
	return len(r.Sources) == 0 && r.Note == "" && r.Confidence == 0 && r.AssertedBy == "" &&
		r.Validity == (claims.Validity{}) && len(r.Inferred) == 0
}

// relations compares the relations of the two graphs in their order,
// matched by kind and ends (old ends resolved in the new graph): olds,
// the old graph's, whose ends and kind ends gives, with the new graph's;
// differ gives the keys of the fields in which an old relation and the
// new one it matches differ. Where the orders part, a relation is
// looked up among those of its From end in the other graph (for the new
// graph, also of the claims merged into it).
func relations[O any](c *comparer, olds iter.Seq[O], ends func(*O) claims.Relation, differ func(*O, *claims.Relation) []string) {
	// The relations of a claim of many, once looked up, are kept as a
	// set: a hub's relations in another order were each looked up among
	// all of the hub's, n² (8 minutes for 20,000).
	newOf, oldOf := map[string]relSet{}, map[string]relSet{}
	inNew := func(o *O) bool {
		nr := resolved(c.new, ends(o))
		if nr.From == nr.To {
			return false
		}
		if set, ok := newOf[nr.From]; ok {
			return set[matchKey(&nr)]
		}
		cands, _ := c.new.RelationsOf(nr.From)
		if len(cands) > manyRelations {
			newOf[nr.From] = setOf(cands)
		}
		_, ok := match(cands, &nr)
		return ok
	}
	var cands []claims.Relation // of the claim looked up last, reused
	inOld := func(r *claims.Relation) bool {
		if set, ok := oldOf[r.From]; ok {
			return set[matchKey(r)]
		}
		x, ok := c.new.Claim(r.From)
		if !ok {
			return false
		}
		cands = cands[:0]
		for _, id := range append([]string{x.ID}, x.Merged...) {
			for _, o := range c.old.relationsOf(id) {
				if o := resolved(c.new, o); o.From != o.To {
					cands = append(cands, o)
				}
			}
		}
		if len(cands) > manyRelations {
			oldOf[r.From] = setOf(cands)
		}
		_, ok = match(cands, r)
		return ok
	}
	both := func(what string, r *claims.Relation) {
		c.note(r.From, "relation "+relID(r)+" "+what)
		c.note(r.To, "relation "+relID(r)+" "+what)
	}
	okey := func(o *O) relKey {
		r := ends(o)
		return c.key(&r)
	}
	align(olds, c.new.Relations(), okey, c.key, inNew, inOld, func(o *O, n *claims.Relation) {
		if f := differ(o, n); len(f) > 0 {
			c.r.Changed = append(c.r.Changed, Item{Kind: "relation", ID: relID(n), Fields: f})
			both("changed ("+strings.Join(f, ", ")+")", n)
		}
	}, func(o *O) {
		r := ends(o)
		c.r.Removed = append(c.r.Removed, Item{Kind: "relation", ID: relID(&r)})
		if !c.endGone(r) { // else the end's removal says it
			both("removed", &r)
		}
	}, func(n *claims.Relation) {
		c.r.Added = append(c.r.Added, Item{Kind: "relation", ID: relID(n)})
		if !c.endNew(*n) { // else the end's addition says it
			both("added", n)
		}
	})
}

// entry is a claim's verdict in one graph, as the comparison of
// verdicts walks them: its state and where its reasons are (for the old
// graph, the offset of the claims they name in pastVerdicts.near; for the
// new, the verdict's index in the result).
type entry struct {
	id       string
	st       State
	ref, end int32
}

// pastVerdicts is what the comparison keeps of the old graph's verdicts,
// so that its result need not stay while the new graph's is computed:
// each verdict's state and the claims its reasons name, near[ref:end].
type pastVerdicts struct {
	entries []entry
	near    []string
}

func stateOf(v *verdict.Verdict) State {
	return State{Present: true, Label: v.Label, Rating: v.Rating.Name, Strength: v.Strength, Origins: v.Independent(), Lent: v.Lent, Capped: v.Capped, Evidence: v.Evidence}
}

// reasonClaims appends the claims v's reasons name.
func reasonClaims(near []string, v *verdict.Verdict) []string {
	for _, r := range v.Reasons {
		near = append(near, r.Claim)
		if r.By != "" {
			near = append(near, r.By)
		}
	}
	return near
}

// summarize keeps of r what the comparison of verdicts needs.
func summarize(r *verdict.Result) *pastVerdicts {
	s := &pastVerdicts{entries: make([]entry, len(r.Verdicts))}
	for i := range r.Verdicts {
		v := &r.Verdicts[i]
		start := int32(len(s.near))
		s.near = reasonClaims(s.near, v)
		s.entries[i] = entry{id: v.Claim, st: stateOf(v), ref: start, end: int32(len(s.near))}
	}
	return s
}

// differs reports whether a claim's verdict changed from o to n.
func differs(o, n State) bool {
	return o.Present != n.Present || o.Label != n.Label || o.Rating != n.Rating ||
		math.Abs(o.Strength-n.Strength) >= StrengthStep || o.Origins != n.Origins || o.Capped != n.Capped ||
		math.Abs(o.Evidence-n.Evidence) > evidence.Tolerance
}

// verdicts lists the claims whose verdict changed, with their reasons:
// the old verdicts (summarized) and the new (rn) walked in the graphs'
// order, a claim's states compared field by field, and the reasons of
// changed claims alone put into words, on every core (see explain).
func (c *comparer) verdicts(olds *pastVerdicts, rn *verdict.Result) {
	news := func(yield func(entry) bool) {
		for i := range rn.Verdicts {
			v := &rn.Verdicts[i]
			if !yield(entry{id: v.Claim, st: stateOf(v), ref: int32(i)}) {
				return
			}
		}
	}
	var changes []change
	var merged []VerdictChange // explained as found
	var split []int            // the changes of claims the old graph had merged into another
	add := func(id string, o, n State, near []string, nv *verdict.Verdict) {
		if o.Present {
			o.Published = c.old.published(id)
		}
		if n.Present {
			n.Published = published(c.new, id)
		}
		changes = append(changes, change{VerdictChange{Claim: id, Old: o, New: n}, near, nv})
	}
	id := func(e *entry) string { return e.id }
	inNew := func(e *entry) bool { _, ok := rn.Verdict(e.id); return ok }
	inOld := func(e *entry) bool { to, aliased := c.old.resolve(e.id); return to != "" && !aliased }
	align(slices.Values(olds.entries), news, id, id, inNew, inOld, func(o, n *entry) {
		if differs(o.st, n.st) || c.reviewed[n.id] && c.old.published(n.id) != published(c.new, n.id) {
			add(n.id, o.st, n.st, olds.near[o.ref:o.end:o.end], &rn.Verdicts[n.ref])
		}
	}, func(o *entry) {
		if into, aliased := c.new.Resolve(o.id); aliased && into != "" {
			// Merged: its ID now gives the claim it is part of.
			ch := VerdictChange{Claim: o.id, Old: o.st, Into: into, Causes: c.touched[o.id]}
			ch.Old.Published = c.old.published(o.id)
			if nv, ok := rn.Verdict(into); ok {
				ch.New = stateOf(&nv)
				ch.New.Published = published(c.new, into)
			}
			ch.Reason = c.reason(&ch)
			merged = append(merged, ch)
			return
		}
		add(o.id, o.st, State{}, nil, nil)
	}, func(n *entry) {
		if was, aliased := c.old.resolve(n.id); aliased && was != "" {
			split = append(split, len(changes))
			changes = append(changes, change{VerdictChange{Claim: n.id, New: n.st, OldInto: was}, nil, &rn.Verdicts[n.ref]})
			changes[len(changes)-1].ch.New.Published = published(c.new, n.id)
			return
		}
		add(n.id, State{}, n.st, nil, &rn.Verdicts[n.ref])
	})
	split = append(split, c.moved(rn, &changes)...)
	c.undone(olds, changes, split)
	if len(changes) > 0 {
		c.carriers()
	}
	c.r.Verdicts = make([]VerdictChange, len(changes), len(changes)+len(merged))
	parts.Run(len(changes), minExplain, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			c.r.Verdicts[i] = c.explain(&changes[i])
		}
	})
	c.r.Verdicts = append(c.r.Verdicts, merged...)
	slices.SortStableFunc(c.r.Verdicts, func(a, b VerdictChange) int {
		la, lb := a.Old.String() != a.New.String(), b.Old.String() != b.New.String()
		if la != lb {
			if la {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.Claim, b.Claim)
	})
}

// moved adds to changes a verdict change for each ID the old graph had
// merged into a claim that the new graph reads as another claim (moved)
// or as nothing (no longer merged), while the claim it went to does not
// read so: look-ups by the ID gave that claim's verdict and now give
// another. It notes the move for the reasons, lists an ID moved among
// the merged, and returns the changes' indices, whose old verdicts, by
// the claim they were merged into, undone fills in. An ID on its own in
// the new graph is a merge undone, not a move. O(k log k) for the k IDs
// merged into claims.
func (c *comparer) moved(rn *verdict.Result, changes *[]change) []int {
	var at []int
	for _, a := range c.old.claimAliases() {
		now, aliased := c.new.Resolve(a.id)
		if now != "" && !aliased {
			continue
		}
		if k, ok := c.new.KindOf(now); now != "" && (!ok || k != graph.ClaimVertex) {
			now = "" // an alias of another kind of item: no claim
		}
		if went, _ := c.new.Resolve(a.into); now == went {
			continue // where its claim went
		}
		ch := change{ch: VerdictChange{Claim: a.id, Into: now, OldInto: a.into}}
		if now == "" {
			c.note(a.id, a.id+" no longer merged into "+a.into)
		} else {
			c.note(a.id, a.id+" moved from "+a.into+" to "+now)
			c.r.Merged = append(c.r.Merged, Merge{Kind: "claim", From: a.id, Into: now})
			if nv, ok := rn.Verdict(now); ok {
				ch.ch.New, ch.nv = stateOf(&nv), &nv
				ch.ch.New.Published = published(c.new, now)
			}
		}
		at = append(at, len(*changes))
		*changes = append(*changes, ch)
	}
	return at
}

// undone gives each change of changes[split], a claim the old graph had
// merged into another, the old verdict of that claim (olds), which
// look-ups by the claim's ID gave, and the claims its reasons named.
// It looks up the old verdicts by ID once, and only when there is such
// a change.
func (c *comparer) undone(olds *pastVerdicts, changes []change, split []int) {
	if len(split) == 0 {
		return
	}
	at := make(map[string]int, len(olds.entries))
	for i := range olds.entries {
		at[olds.entries[i].id] = i
	}
	for _, k := range split {
		x := &changes[k]
		if i, ok := at[x.ch.OldInto]; ok {
			o := &olds.entries[i]
			x.ch.Old, x.near = o.st, olds.near[o.ref:o.end:o.end]
			x.ch.Old.Published = c.old.published(o.id)
		}
	}
}

// change is a verdict change found, to explain: the old graph's claims
// its old verdict's reasons name (near, read only) and its new verdict,
// nil when the claim is gone.
type change struct {
	ch   VerdictChange
	near []string
	nv   *verdict.Verdict
}

// explain returns the verdict change of x with its causes, why and
// reason. It only reads the comparer, so changes are explained at once.
func (c *comparer) explain(x *change) VerdictChange {
	ch := x.ch
	if ch.New.Present {
		ch.Causes = c.causes(ch.Claim, reasonClaims(x.near, x.nv))
		if ch.Old.String() != ch.New.String() {
			ch.Why = why(x.nv)
			if ch.Why == nothing {
				ch.Why = c.unweighed(ch.Claim)
			}
		}
	} else {
		ch.Causes = c.touched[ch.Claim] // gone: its own removal or merge says it all
	}
	ch.Reason = c.reason(&ch)
	return ch
}

// minExplain is the number of verdict changes a goroutine explains at
// least: fewer are explained on one (a variable for a test).
var minExplain = 1 << 10

// causes lists what changed around claim id: itself, the claims related
// to it in either graph and near, those its verdicts give as reasons.
func (c *comparer) causes(id string, near []string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(w string) {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	for _, w := range c.touched[id] {
		add(w)
	}
	// A claim merged into it since says so. A change of a source that
	// carries the claim (its kind, what it derives from) changes the
	// claim's origins: say which.
	if cl, ok := c.new.Claim(id); ok {
		for _, m := range cl.Merged {
			for _, w := range c.touched[m] {
				add(w)
			}
		}
		for _, a := range cl.Appearances {
			for _, w := range c.touched[a.Source] {
				add(w)
			}
		}
	}
	newRels, _ := c.new.RelationsOf(id)
	for _, rels := range [][]claims.Relation{c.old.relationsOf(id), newRels} {
		for _, r := range rels {
			other, _ := r.Other(id)
			near = append(near, other)
		}
	}
	for _, n := range near {
		if n != "" && n != id {
			for _, w := range c.own[n] {
				add(w)
			}
			for _, w := range c.carried[n] {
				add(w)
			}
		}
	}
	return out
}

// carriers makes c.carried: for each source with a change, in order of
// ID, its changes under each claim of the new graph that appears in it.
// O(the changes and the appearances in the sources changed, and k log k
// for their k IDs).
func (c *comparer) carriers() {
	c.carried = map[string][]string{}
	var ids []string
	for id := range c.own {
		if k, ok := c.new.KindOf(id); ok && k == graph.SourceVertex {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	for _, id := range ids {
		in, err := c.new.ClaimsIn(id)
		if err != nil {
			continue
		}
		for _, cl := range in {
			c.carried[cl.ID] = append(c.carried[cl.ID], c.own[id]...)
		}
	}
}

// reason writes a verdict change in one line; under trust
// (c.opts.Verdict.Trust), with the weight of the evidence after the
// count of origins, which no longer says it.
func (c *comparer) reason(ch *VerdictChange) string {
	var b strings.Builder
	b.WriteString(ch.Claim + ": ")
	o, n := ch.Old, ch.New
	switch {
	case ch.Into != "" && ch.OldInto != "":
		fmt.Fprintf(&b, "merged into %s (%s) → merged into %s (%s)", ch.OldInto, o, ch.Into, n)
	case ch.Into != "":
		fmt.Fprintf(&b, "%s → merged into %s (%s)", o, ch.Into, n)
		publishedChange(&b, o, n)
		return b.String() // its causes say the same
	case ch.OldInto != "":
		fmt.Fprintf(&b, "merged into %s (%s) → %s", ch.OldInto, o, n)
	case o.String() != n.String():
		fmt.Fprintf(&b, "%s → %s", o, n)
	case o.Rating != n.Rating:
		fmt.Fprintf(&b, "%s, rated %s → %s", n, o.Rating, n.Rating)
	case math.Abs(o.Strength-n.Strength) >= StrengthStep:
		fmt.Fprintf(&b, "%s, strength %.2f → %.2f", n, o.Strength, n.Strength)
	default:
		b.WriteString(n.String())
	}
	if o.Present && n.Present {
		publishedChange(&b, o, n)
	}
	causes := ch.Causes
	if len(causes) == 0 {
		causes = []string{"evidence further away changed"}
	}
	b.WriteString(": ")
	list(&b, causes, maxCauses)
	if ch.Why != "" {
		b.WriteString("; " + ch.Why)
	}
	if n.Present {
		if o.Present && (o.Origins != n.Origins || o.Lent != n.Lent || o.Capped != n.Capped) {
			fmt.Fprintf(&b, "; independent origins %s%s → %s%s", count(o), split(o), count(n), split(n))
		} else {
			noun := "independent origins"
			if n.Origins == 1 {
				noun = "independent origin"
			}
			fmt.Fprintf(&b, "; %s %s%s", count(n), noun, split(n))
		}
		if c.opts.Verdict.Trust != nil {
			if o.Present && math.Abs(o.Evidence-n.Evidence) > evidence.Tolerance {
				fmt.Fprintf(&b, ", evidence %s → %s", evidence.Text(o.Evidence, o.Capped), evidence.Text(n.Evidence, n.Capped))
			} else {
				fmt.Fprintf(&b, ", evidence %s", evidence.Text(n.Evidence, n.Capped))
			}
		}
	}
	return b.String()
}

// publishedChange writes ", published rating X → Y" when the published
// rating changed from o to n.
func publishedChange(b *strings.Builder, o, n State) {
	if o.Published != n.Published {
		fmt.Fprintf(b, ", published rating %s → %s", orNone(o.Published), orNone(n.Published))
	}
}

// orNone writes a published rating, "none" for none.
func orNone(rating string) string {
	if rating == "" {
		return "none"
	}
	return rating
}

// count writes s's count of independent origins, own and lent, as
// [verdict.Verdict.Independent] counts them: "2", or "at least 65" when
// the lent ones filled the cap, a lower bound.
func count(s State) string {
	if s.Capped {
		return fmt.Sprintf("at least %d", s.Origins)
	}
	return fmt.Sprint(s.Origins)
}

// split writes what s's independent origins are, own and lent: " (1
// own, 1 lent)", " (1 own)", " (1 own, at least 64 lent, capped)"; ""
// for none.
func split(s State) string {
	var parts []string
	if own := s.Origins - s.Lent; own > 0 {
		parts = append(parts, fmt.Sprintf("%d own", own))
	}
	switch {
	case s.Capped:
		parts = append(parts, fmt.Sprintf("at least %d lent, capped", s.Lent))
	case s.Lent > 0:
		parts = append(parts, fmt.Sprintf("%d lent", s.Lent))
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

// list writes at most max of items, separated by commas, and counts the
// rest.
func list(b *strings.Builder, items []string, max int) {
	b.WriteString(strings.Join(items[:min(len(items), max)], ", "))
	if len(items) > max {
		fmt.Fprintf(b, " and %d more", len(items)-max)
	}
}

// maxWhy is the number of claims a Why names; the rest are counted.
const maxWhy = 2

// nothing is the Why of an accepted claim that no claim attacks.
const nothing = "nothing contradicts it"

// unweighed is the Why of claim id, accepted with no claim attacking it
// as of the verdicts' date, when the new graph has contradictions of it
// that time leaves unweighed: it says why each is not weighed ("p1 not
// holding at 2024", "contradiction with p1 resolved by time (never both
// holding)", package graph/timeline), not that nothing contradicts it.
// Without such contradictions it is [nothing].
func (c *comparer) unweighed(id string) string {
	rels, _ := c.new.RelationsOf(id)
	at := c.new.At(c.opts.At)
	var named []string
	for _, r := range rels {
		other, ok := r.Other(id)
		if !ok || r.Kind != claims.Contradicts {
			continue
		}
		st := timeline.NotLive(at, r)
		switch {
		case st == 0:
			continue // weighed: the verdicts give it, if it attacks
		case st == timeline.NotAtDate && !holds(at, other):
			named = append(named, other+" not holding at "+c.opts.At.String())
		case st == timeline.NotAtDate:
			named = append(named, "contradiction with "+other+" not live at "+c.opts.At.String())
		default:
			named = append(named, "contradiction with "+other+" "+st.Words())
		}
	}
	if len(named) == 0 {
		return nothing
	}
	var b strings.Builder
	list(&b, named, maxWhy)
	return b.String()
}

// holds reports whether claim id holds in the dated view at.
func holds(at graph.View, id string) bool {
	_, ok := at.Claim(id)
	return ok
}

// why says what holds verdict v: the accepted claims that reject it, the
// undecided ones that leave it open, or, for an accepted claim that
// nothing attacks, that nothing does. The rejected attackers of an
// accepted claim are not named, nor is anything else the graph rejects.
func why(v *verdict.Verdict) string {
	var kind verdict.ReasonKind
	var lead string
	switch v.Label {
	case verdict.Rejected:
		kind, lead = verdict.DefeatedBy, "rejected by "
	case verdict.Undecided:
		kind, lead = verdict.Open, "left open by "
	case verdict.Accepted:
		if len(v.Reasons) == 0 && v.More == 0 {
			return nothing
		}
		return ""
	default:
		return ""
	}
	var named []string
	for _, r := range v.Reasons {
		if r.Kind != kind {
			continue
		}
		verb := "attacks"
		if r.Attack == verdict.Contradiction {
			verb = "contradicts"
		}
		than := "as much evidence"
		switch {
		case r.Evidence > v.Evidence+evidence.Tolerance && !v.Capped:
			than = "more evidence"
		case r.Evidence < v.Evidence-evidence.Tolerance && !r.Capped:
			than = "less evidence"
		case r.Capped || v.Capped: // a lower bound: no telling which has more
			than = fmt.Sprintf("evidence %s against %s, past the cap, not compared", evidence.Text(r.Evidence, r.Capped), evidence.Text(v.Evidence, v.Capped))
		}
		named = append(named, r.Claim+", which "+verb+" it with "+than)
	}
	if len(named) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(lead)
	list(&b, named, maxWhy)
	return b.String()
}

// fieldsDiffer returns the keys of the fields in which a and b, items of
// one type, differ; an empty slice equals a nil one, and lists whose
// order means nothing are compared in one order (see unorder).
func fieldsDiffer[T any](a, b T) []string {
	unorder(&a)
	unorder(&b)
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	var out []string
	for i := range va.NumField() {
		fa, fb := va.Field(i), vb.Field(i)
		if fa.Kind() == reflect.Slice && fa.Len() == 0 && fb.Len() == 0 {
			continue
		}
		if x, ok := fa.Interface().(claims.Validity); ok {
			out = append(out, validityDiffers(x, fb.Interface().(claims.Validity))...)
			continue
		}
		if !reflect.DeepEqual(fa.Interface(), fb.Interface()) {
			out = append(out, key(va.Type().Field(i).Name))
		}
	}
	return out
}

// validityKeys are the format's keys of a [claims.Validity], in the
// order the writers write them (graph.FormatFields): a claim's or
// relation's validity is these fields of the item, not one of its own.
var validityKeys = []struct {
	key string
	get func(claims.Validity) any
}{
	{"valid_from", func(v claims.Validity) any { return v.From }},
	{"valid_until", func(v claims.Validity) any { return v.Until }},
	{"still_holds", func(v claims.Validity) any { return v.Ongoing }},
	{"valid_at", func(v claims.Validity) any { return v.At }},
	{"occurred", func(v claims.Validity) any { return v.Occurred }},
}

// validityDiffers returns the keys of the fields of the format in which
// validities a and b differ: "occurred" for an event's date, "valid_from"
// and "valid_until" for a state's, as merge and the YAML name them.
func validityDiffers(a, b claims.Validity) []string {
	var out []string
	for _, k := range validityKeys {
		if k.get(a) != k.get(b) {
			out = append(out, k.key)
		}
	}
	return out
}

// key turns a Go field name into the format's key: "DerivedFrom" into
// "derived_from" ("Validity" is the fields of validityKeys).
func key(name string) string {
	var b strings.Builder
	for i, r := range name {
		if r >= 'A' && r <= 'Z' {
			if i > 0 {
				b.WriteByte('_')
			}
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}
