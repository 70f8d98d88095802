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
	"github.com/claimgraph/claimgraph/graph/verdict"
	"github.com/claimgraph/claimgraph/sources"
)

// StrengthStep is the least change of a claim's strength that counts as
// a change of its verdict.
const StrengthStep = 0.01

// Options configure [Compare].
type Options struct {
	At      claims.Date     // compare the graphs as of this date; zero for the whole graphs
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
	Fields []string // for a changed item: the keys of the fields that differ
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
	// corroboration its rating weighs.
	Origins int
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
}

// maxCauses is the number of causes a reason names; the rest are counted.
const maxCauses = 3

// Compare compares graph old with graph new. It takes a snapshot of
// each, so changes made while it runs are not seen.
func Compare(old, new *graph.Graph, opts Options) (*Report, error) {
	ov, nv := old.At(opts.At).Snapshot(), new.At(opts.At).Snapshot()
	r := &Report{Date: opts.At}
	c := &comparer{old: ov, new: nv, r: r, touched: map[string][]string{}}
	items(c, "entity", c.new.Entities(), c.old.Entities(), c.old.Entity, func(e claims.Entity) string { return e.ID })
	items(c, "source", c.new.Sources(), c.old.Sources(), c.old.Source, func(s sources.Source) string { return s.ID })
	items(c, "claim", c.new.Claims(), c.old.Claims(), c.old.Claim, func(x claims.Claim) string { return x.ID })
	c.relations()
	ro, err := verdict.Compute(ov, opts.Verdict)
	if err != nil {
		return nil, fmt.Errorf("diff: verdicts of the old graph: %w", err)
	}
	rn, err := verdict.Compute(nv, opts.Verdict)
	if err != nil {
		return nil, fmt.Errorf("diff: verdicts of the new graph: %w", err)
	}
	c.verdicts(ro, rn)
	return r, nil
}

// comparer holds a comparison under way.
type comparer struct {
	old, new graph.View
	r        *Report
	// touched lists, per claim ID, the changes of its own and of its
	// relations, for reasons.
	touched map[string][]string
}

func (c *comparer) note(id, what string) { c.touched[id] = append(c.touched[id], what) }

// items records the items of one kind added, changed, removed and merged
// between the old graph (olds, looked up by lookup in the new one's
// terms) and the new (news), noting each change under the item's ID for
// the reasons of verdict changes. An old ID the new graph resolves to
// another item was merged; lookup follows such aliases, so an item is
// the same only when it keeps its own ID.
func items[T any](c *comparer, kind string, news, olds iter.Seq[T], old func(string) (T, bool), id func(T) string) {
	for x := range news {
		xid := id(x)
		if o, ok := old(xid); !ok || id(o) != xid {
			c.r.Added = append(c.r.Added, Item{Kind: kind, ID: xid})
			c.note(xid, xid+" added")
		} else if f := fieldsDiffer(o, x); len(f) > 0 {
			c.r.Changed = append(c.r.Changed, Item{Kind: kind, ID: xid, Fields: f})
			c.note(xid, xid+" changed ("+strings.Join(f, ", ")+")")
		}
	}
	for x := range olds {
		if what := c.gone(kind, id(x)); what != "" {
			c.note(id(x), what)
		}
	}
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
	a, _ := c.old.Resolve(r.From)
	b, _ := c.old.Resolve(r.To)
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

// relations compares the relations claim by claim: each relation at its
// From end, looked up among the relations of that end in the other
// graph (for the new graph, also of the claims merged into it).
func (c *comparer) relations() {
	for x := range c.new.Claims() {
		rels, _ := c.new.RelationsOf(x.ID)
		var cands []claims.Relation
		loaded := false
		for _, r := range rels {
			if r.From != x.ID {
				continue
			}
			if !loaded {
				loaded = true
				for _, id := range append([]string{x.ID}, x.Merged...) {
					if old, err := c.old.RelationsOf(id); err == nil {
						for _, o := range old {
							cands = append(cands, resolved(c.new, o))
						}
					}
				}
			}
			o, ok := match(cands, &r)
			switch {
			case !ok:
				c.r.Added = append(c.r.Added, Item{Kind: "relation", ID: relID(&r)})
				if !c.endNew(r) { // else the end's addition says it
					c.note(r.From, "relation "+relID(&r)+" added")
					c.note(r.To, "relation "+relID(&r)+" added")
				}
			default:
				o.From, o.To = r.From, r.To
				if f := fieldsDiffer(o, r); len(f) > 0 {
					c.r.Changed = append(c.r.Changed, Item{Kind: "relation", ID: relID(&r), Fields: f})
					c.note(r.From, "relation "+relID(&r)+" changed")
					c.note(r.To, "relation "+relID(&r)+" changed")
				}
			}
		}
	}
	for x := range c.old.Claims() {
		rels, _ := c.old.RelationsOf(x.ID)
		for _, r := range rels {
			if r.From != x.ID {
				continue
			}
			nr := resolved(c.new, r)
			var cands []claims.Relation
			if nr.From != nr.To {
				cands, _ = c.new.RelationsOf(nr.From)
			}
			if _, ok := match(cands, &nr); !ok {
				c.r.Removed = append(c.r.Removed, Item{Kind: "relation", ID: relID(&r)})
				if !c.endGone(r) { // else the end's removal says it
					c.note(r.From, "relation "+relID(&r)+" removed")
					c.note(r.To, "relation "+relID(&r)+" removed")
				}
			}
		}
	}
}

// verdicts lists the claims whose verdict changed, with their reasons.
func (c *comparer) verdicts(ro, rn *verdict.Result) {
	state := func(r *verdict.Result, id string) (State, verdict.Verdict) {
		v, ok := r.Verdict(id)
		if !ok {
			return State{}, v
		}
		return State{Present: true, Label: v.Label, Rating: v.Rating.Name, Strength: v.Strength, Origins: v.Independent()}, v
	}
	add := func(id string) {
		o, ov := state(ro, id)
		n, nv := state(rn, id)
		if !o.Present && !n.Present || o.Present == n.Present && o.Label == n.Label && o.Rating == n.Rating &&
			math.Abs(o.Strength-n.Strength) < StrengthStep && o.Origins == n.Origins {
			return
		}
		ch := VerdictChange{Claim: id, Old: o, New: n}
		if n.Present {
			ch.Causes = c.causes(id, ov, nv)
			if o.String() != n.String() {
				ch.Why = why(&nv)
			}
		} else {
			ch.Causes = c.touched[id] // gone: its own removal or merge says it all
		}
		ch.Reason = reason(&ch)
		c.r.Verdicts = append(c.r.Verdicts, ch)
	}
	for _, v := range rn.Verdicts {
		add(v.Claim)
	}
	for _, v := range ro.Verdicts {
		if _, ok := rn.Verdict(v.Claim); !ok {
			if into, aliased := c.new.Resolve(v.Claim); aliased && into != "" {
				continue // merged: its verdict is that of the claim it is now
			}
			add(v.Claim)
		}
	}
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

// causes lists what changed around claim id: itself, the claims related
// to it in either graph and those its verdicts give as reasons.
func (c *comparer) causes(id string, ov, nv verdict.Verdict) []string {
	var out []string
	seen := map[string]bool{}
	add := func(what []string) {
		for _, w := range what {
			if !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	add(c.touched[id])
	near := []string{}
	for _, v := range []graph.View{c.old, c.new} {
		rels, _ := v.RelationsOf(id)
		for _, r := range rels {
			other, _ := r.Other(id)
			near = append(near, other)
		}
	}
	for _, v := range []verdict.Verdict{ov, nv} {
		for _, r := range v.Reasons {
			near = append(near, r.Claim, r.By)
		}
	}
	for _, n := range near {
		if n != "" && n != id {
			for _, w := range c.touched[n] {
				if !strings.HasPrefix(w, "relation ") {
					add([]string{w})
				}
			}
		}
	}
	return out
}

// reason writes a verdict change in one line.
func reason(ch *VerdictChange) string {
	var b strings.Builder
	b.WriteString(ch.Claim + ": ")
	o, n := ch.Old, ch.New
	switch {
	case o.String() != n.String():
		fmt.Fprintf(&b, "%s → %s", o, n)
	case o.Rating != n.Rating:
		fmt.Fprintf(&b, "%s, rated %s → %s", n, o.Rating, n.Rating)
	case math.Abs(o.Strength-n.Strength) >= StrengthStep:
		fmt.Fprintf(&b, "%s, strength %.2f → %.2f", n, o.Strength, n.Strength)
	default:
		b.WriteString(n.String())
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
		switch {
		case o.Present && o.Origins != n.Origins:
			fmt.Fprintf(&b, "; %d → %d independent origins", o.Origins, n.Origins)
		case n.Origins == 1:
			b.WriteString("; 1 independent origin")
		default:
			fmt.Fprintf(&b, "; %d independent origins", n.Origins)
		}
	}
	return b.String()
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
			return "nothing contradicts it"
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
		case r.Evidence > v.Evidence+1e-9:
			than = "more evidence"
		case r.Evidence < v.Evidence-1e-9:
			than = "less evidence"
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
// one type, differ; an empty slice equals a nil one.
func fieldsDiffer[T any](a, b T) []string {
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	var out []string
	for i := range va.NumField() {
		fa, fb := va.Field(i), vb.Field(i)
		if fa.Kind() == reflect.Slice && fa.Len() == 0 && fb.Len() == 0 {
			continue
		}
		if !reflect.DeepEqual(fa.Interface(), fb.Interface()) {
			out = append(out, key(va.Type().Field(i).Name))
		}
	}
	return out
}

// key turns a Go field name into the format's key: "DerivedFrom" into
// "derived_from", "Validity" into "validity".
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
