package graph

import (
	"slices"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/sources"
)

// fold is a list that the merges of a batch join (a claim's
// appearances or about, an entity's names, a source's derivations, an
// item's merged IDs), kept
// so that joining two costs O(the shorter), not O(the one joined):
// joined in a chain (c0 into c1, c1 into c2, …) or any other shape, n
// items cost O(n log n) in all, where copying the list gathered so far
// at each merge cost n².
//
// Its cells are linked, so that two folds join in O(1) whichever is
// longer; first indexes the first live cell of each key, and a join
// looks up the cells of the shorter list in the index of the longer,
// which the result keeps. A fold made from an item's lists is indexed
// when a join needs it: one joined to a longer one never is. The result
// is the one of copying: the cells of Into, then those of From whose key
// Into lacks; a cell of From whose key Into has, or one of From's before
// it, is absorbed into the first cell of that key, in From's order (in
// a fold that keeps its own repeats, only one whose key Into has).
type fold[K comparable, T any] struct {
	head, tail *cell[T]
	n          int            // cells, those dropped included
	first      map[K]*cell[T] // the first live cell of each key; nil until indexed
	dups       []*cell[T]     // the cells that repeat an earlier cell's key, in order, once indexed
	key        func(*T) K     // nil for a list without keys
	// own: a cell repeating an earlier one of its own list (written
	// alike) stays when joined, only those of a key the list it joins
	// has going (a source's derivations: a merge drops what it makes
	// alike, as renaming does, not what was alike before it). Such a
	// fold keeps its repeats by key in reps, not in dups, so that a
	// join finds those of the shorter list's keys without a pass over
	// the other's.
	own  bool
	reps map[K][]*cell[T]
	// absorb makes kept say what the cells dropped for repeating it
	// say, each in turn; nil for nothing. Drops are settled when the
	// fold is listed, all of a kept cell's at once, each dropped cell
	// followed by those dropped into it (see settle).
	absorb func(kept *T, ds []*T)
}

// joinShorter makes join look up the shorter list's cells in the other's
// index, and a claim merge look the relations of Into up among From's
// when they are fewer (moveMeeting); off, both go through From's
// whatever their lengths, as copying From into Into did, which tests
// compare with.
var joinShorter = true

type cell[T any] struct {
	v       T
	next    *cell[T]
	dropped bool
	into    []*cell[T] // the cells dropped into this one, in order, to settle
	// ord grows along the list: it orders two cells of a fold in O(1)
	// (editor.joinIDs), the shorter of two folds joined relabelled.
	ord int64
}

// newFold returns the fold of items: with the keys key gives (nil for
// none), a cell repeating one absorbed as absorb says when joined into
// another fold.
func newFold[K comparable, T any](items []T, key func(*T) K, absorb func(kept *T, ds []*T)) *fold[K, T] {
	f := &fold[K, T]{key: key, absorb: absorb}
	cells := make([]cell[T], len(items)) // one allocation
	for i, x := range items {
		c := &cells[i]
		c.v, c.ord = x, int64(i)
		if f.tail == nil {
			f.head = c
		} else {
			f.tail.next = c
		}
		f.tail = c
	}
	f.n = len(items)
	return f
}

// index makes f's index, when it has keys and none yet.
func (f *fold[K, T]) index() {
	if f.key == nil || f.first != nil {
		return
	}
	f.first = make(map[K]*cell[T], f.n)
	for c := f.head; c != nil; c = c.next {
		switch k := f.key(&c.v); {
		case c.dropped:
		case f.first[k] == nil:
			f.first[k] = c
		case f.own:
			f.repeat(k, c)
		default:
			f.dups = append(f.dups, c)
		}
	}
}

// repeat lists c, a live cell of an own fold repeating the first of key
// k, in reps.
func (f *fold[K, T]) repeat(k K, c *cell[T]) {
	if f.reps == nil {
		f.reps = map[K][]*cell[T]{}
	}
	f.reps[k] = append(f.reps[k], c)
}

// join appends g, which it consumes, to f as a merge of g's item into
// f's does: g's cells whose key f has (f's first, or one of g's before
// them, unless f keeps its own repeats) are absorbed into it. It costs
// O(the shorter list, plus g's repeated cells dropped, plus the smaller
// set of keys repeated when f keeps its own), and O(g) to index g when
// that is an item's own lists.
func (f *fold[K, T]) join(g *fold[K, T]) {
	if f.key != nil {
		f.index()
		if f.n <= g.n && joinShorter {
			// f's keys, first cells, into g's index.
			g.index()
			for k, c := range f.first {
				if d := g.first[k]; d != nil {
					f.drop(c, d)
					for _, r := range g.reps[k] { // g's own repeats of it
						if !r.dropped {
							f.drop(c, r)
						}
					}
					delete(g.reps, k)
				}
				g.first[k] = c
			}
			f.first = g.first
			// g's own repeats of the keys f lacks stay: the smaller
			// set of them joins the other.
			if len(f.reps) < len(g.reps) {
				f.reps, g.reps = g.reps, f.reps
			}
			for k, l := range g.reps {
				f.reps[k] = l // no key is in both now
			}
		} else {
			var mine map[K]bool // the keys g brings, when it keeps its own repeats
			if f.own {
				mine = map[K]bool{}
			}
			for d := g.head; d != nil; d = d.next {
				if d.dropped {
					continue
				}
				switch k := f.key(&d.v); {
				case f.first[k] == nil:
					f.first[k] = d
					if mine != nil {
						mine[k] = true
					}
				case mine[k]:
					f.repeat(k, d) // g's own repeat
				default:
					f.drop(f.first[k], d)
				}
			}
		}
		// Cells of g repeating one of g's own: absorbed into the first
		// of their key, as copying g's cells one by one does (those
		// dropped above included: g's index, if any, lists them).
		for _, d := range g.dups {
			if !d.dropped {
				f.drop(f.first[f.key(&d.v)], d)
			}
		}
	}
	if g.head != nil {
		if f.tail == nil {
			f.head = g.head
		} else {
			f.relabel(g)
			f.tail.next = g.head
		}
		f.tail = g.tail
	}
	f.n += g.n
}

// relabel gives the cells of f and g, about to be joined, labels that
// grow along f then g, relabelling the shorter list: a cell is relabelled
// O(log n) times in n joined.
func (f *fold[K, T]) relabel(g *fold[K, T]) {
	if g.n <= f.n {
		o := f.tail.ord
		for c := g.head; c != nil; c = c.next {
			o++
			c.ord = o
		}
		return
	}
	o := g.head.ord - int64(f.n)
	for c := f.head; c != nil; c = c.next {
		c.ord = o
		o++
	}
}

// drop drops cell d, which repeats kept; what d says is absorbed into
// kept when the fold is listed (settle).
func (f *fold[K, T]) drop(kept, d *cell[T]) {
	if f.absorb != nil {
		kept.into = append(kept.into, d)
	}
	d.dropped = true
}

// settle absorbs into c the cells dropped into it, in the order that
// absorbing each when it was dropped gives: a dropped cell had absorbed
// those dropped into it before, so each is followed by its own (a
// depth-first walk, without recursion). O(the cells dropped into c,
// and what absorb costs on them at once), where absorbing at each drop
// made a chain of merges join each note again at every step.
func (f *fold[K, T]) settle(c *cell[T], scratch []*T) []*T {
	if len(c.into) == 0 {
		return scratch
	}
	ds := scratch[:0]
	stack := []*cell[T]{}
	for i := len(c.into) - 1; i >= 0; i-- {
		stack = append(stack, c.into[i])
	}
	for len(stack) > 0 {
		d := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		ds = append(ds, &d.v)
		for i := len(d.into) - 1; i >= 0; i-- {
			stack = append(stack, d.into[i])
		}
		d.into = nil
	}
	c.into = nil
	f.absorb(&c.v, ds)
	return ds
}

// list returns the live cells' items, skipping the first skip of them,
// or empty when there are none; the cells dropped are absorbed first.
func (f *fold[K, T]) list(skip int, empty []T) []T {
	var out []T
	var scratch []*T
	for c := f.head; c != nil; c = c.next {
		switch {
		case c.dropped:
		case skip > 0:
			skip--
		default:
			scratch = f.settle(c, scratch)
			out = append(out, c.v)
		}
	}
	if len(out) == 0 {
		return empty
	}
	return out
}

// folds are the lists of an item that merges join: a claim's about
// and appearances, an entity's names (its name first, then its
// aliases), a source's derivations, and the item's ID followed by the
// IDs merged into it.
type folds struct {
	about  *fold[string, string]
	apps   *fold[appearanceKey[string], claims.Appearance]
	names  *fold[string, string]
	merged *fold[string, string]
	derivs *fold[sources.Derivation, deriv]
	// by lists the cells of derivs naming each source, dropped ones
	// included, but for the sources a merge has dropped every one of.
	by map[string][]*cell[deriv]
}

// deriv is a derivation of a source that merges fold others into.
type deriv struct {
	sources.Derivation
	written bool // one the batch writes itself, replacing the source
}

func derivKey(d *deriv) sources.Derivation { return d.Derivation }

func idKey(id *string) string { return *id }

// newFolds returns the folds of r's item; own copies the inferences of
// its appearances, which a later merge may add to, as the item is the
// store's. Its appearances are keyed and absorbed as e says (appKey,
// absorbApps).
func (e *editor) newFolds(r *rep, own bool) *folds {
	switch {
	case r.claim != nil:
		c := r.claim
		x := &folds{about: newFold(c.About, idKey, nil),
			apps:   newFold(c.Appearances, e.appKey, e.absorbApps),
			merged: newFold[string](append([]string{c.ID}, c.Merged...), nil, nil)}
		if own {
			for p := x.apps.head; p != nil; p = p.next {
				p.v.Inferred = slices.Clone(p.v.Inferred)
			}
		}
		return x
	case r.entity != nil:
		x := r.entity
		return &folds{names: newFold(append([]string{x.Name}, x.Aliases...), idKey, nil),
			merged: newFold[string](append([]string{x.ID}, x.Merged...), nil, nil)}
	}
	src := r.source
	ds := make([]deriv, len(src.DerivedFrom))
	for j, d := range src.DerivedFrom {
		ds[j] = deriv{d, j < r.written}
	}
	x := &folds{merged: newFold[string](append([]string{src.ID}, src.Merged...), nil, nil),
		derivs: newFold(ds, derivKey, nil), by: map[string][]*cell[deriv]{}}
	x.derivs.own = true
	for c := x.derivs.head; c != nil; c = c.next {
		x.by[c.v.Source] = append(x.by[c.v.Source], c)
	}
	return x
}

// join joins g's lists to x's, as a merge of g's item into x's does.
func (x *folds) join(g *folds) {
	if x.apps != nil {
		x.about.join(g.about)
		x.apps.join(g.apps)
	}
	if x.names != nil {
		x.names.join(g.names)
	}
	if x.derivs != nil {
		if x.derivs.n < g.derivs.n { // the shorter's cells join the other's lists
			x.by, g.by = g.by, x.by
		}
		for id, l := range g.by {
			x.by[id] = append(x.by[id], l...)
		}
		x.derivs.join(g.derivs)
	}
	x.merged.join(g.merged)
}

// dropSelf drops the derivations of source x that merging from into it
// makes derive from itself, those naming either, calling written for each
// that the batch writes itself: O(those dropped). Its own repeats, two
// written alike, stay, as renaming keeps them (renameSource).
func (x *folds) dropSelf(from, into string, written func()) {
	for _, id := range []string{from, into} {
		for _, c := range x.by[id] {
			if !c.dropped {
				if c.v.written {
					written()
				}
				c.dropped = true
				// Gone as it names one of the two now: one naming
				// the same later is no repeat of it (its repeats, all
				// naming id, go with it).
				if k := c.v.Derivation; x.derivs.first[k] == c {
					delete(x.derivs.first, k)
					delete(x.derivs.reps, k)
				}
			}
		}
		delete(x.by, id)
	}
}

// foldsOf returns the folds of vertex n, whose new content is r, made
// on the first merge into n (or the first after unfold).
func (e *editor) foldsOf(n int32, r *rep) *folds {
	if x := e.folded[n]; x != nil {
		return x
	}
	if e.folded == nil {
		e.folded = map[int32]*folds{}
	}
	x := e.newFolds(r, false)
	e.folded[n] = x
	e.register(n, x)
	return x
}

// unfold writes the folds of vertex n back into its new content, for
// what reads or rewrites its lists otherwise; a merge into it after
// makes them anew from what that leaves.
func (e *editor) unfold(n int32) {
	x := e.folded[n]
	if x == nil {
		return
	}
	delete(e.folded, n)
	switch r := e.reps[n]; {
	case r.claim != nil:
		r.claim.About = x.about.list(0, r.claim.About)
		r.claim.Appearances = x.apps.list(0, r.claim.Appearances)
		r.claim.Merged = x.merged.list(1, r.claim.Merged)
	case r.entity != nil:
		r.entity.Aliases = x.names.list(1, r.entity.Aliases)
		r.entity.Merged = x.merged.list(1, r.entity.Merged)
	default:
		r.source.Merged = x.merged.list(1, r.source.Merged)
		var ds []sources.Derivation
		r.written = 0
		for c := x.derivs.head; c != nil; c = c.next {
			if !c.dropped {
				ds = append(ds, c.v.Derivation)
				if c.v.written {
					r.written++
				}
			}
		}
		if len(ds) > 0 || r.source.DerivedFrom != nil {
			r.source.DerivedFrom = ds
		}
	}
}

// unfoldAll unfolds every vertex with folds, once the merges are done.
func (e *editor) unfoldAll() {
	for n := range e.folded {
		e.unfold(n)
	}
}
