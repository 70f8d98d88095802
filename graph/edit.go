package graph

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/sources"
)

// Merge folds the item From into the item Into, of the same kind, in a
// [Batch]:
//
//   - claims: From's appearances (those Into lacks) and the entities it
//     is about join Into's, and its review when Into has none (when both
//     have a review, a published one stays over an unpublished one, and
//     two published or two unpublished reviews that differ are reported
//     with [ErrConflictingReview], unless DropReview keeps Into's); its
//     relations move to Into. A relation of From that Into already has
//     (the same other end and kind) collapses into Into's when nothing in
//     them conflicts: Into's takes its sources, note (joined, "a; b") and
//     inferences, and its confidence and asserted_by when Into's gives
//     none; two that differ in validity, or that both give a confidence
//     or an asserter and differ in it, are reported with
//     [ErrConflictingRelation] at the relation moved,
//     as the merge cannot tell which one stands: the desk makes them
//     agree, or removes one, first. A same_as decision between the
//     two is dropped, as the merge carries it out, and any other relation
//     between them is reported, as it would relate Into to itself;
//   - entities: the claims about or attributed to From are about or
//     attributed to Into, and From's name and aliases join Into's aliases;
//   - sources: the appearances in or via From, the derivations from it
//     and the relations citing it name Into, and From's derivations join
//     Into's. A derivation between the two (From republishing Into or
//     the other way) is dropped, as the merge makes them one source; one
//     that the batch itself writes, replacing Into by a source derived
//     from From, is reported, as it derives Into from itself. A
//     derivation that the merge makes repeat another of the same source
//     (one of From's joining Into's, or one from From beside one from
//     Into) is dropped, but two written alike in one source stay, as
//     inferences do, and one from the same source of another kind or
//     note is kept. An appearance in one of the two via the other loses
//     its via, which would name its own source. A cycle of derivations
//     through other sources is circular reporting (package
//     graph/provenance reports it), not an error.
//
// Two appearances of a claim that a merge of any kind makes one (the
// same source, speaker, via, date, quote, language and about_past once
// From reads as Into) collapse into the first, which takes the other's
// note (joined) and inferences: merging two sources a claim appears in,
// or two entities it is attributed to, leaves one appearance. A merge of
// sources drops an inference that it makes repeat another of the same
// list (two written alike are both kept), as the merge makes their
// sources one, as it drops derivations (above).
//
// The merges of one batch do what they do one after the other, in order:
// a relation an earlier merge moved moves again, collapses or is reported
// as the store's relations are, and a merge into an item an earlier merge
// of the batch merged away (k2 into k1, then k3 into k2) merges into the
// item it went to. So do the appearances a merge of sources or entities
// makes one: that merge collapses them, whatever merges of claims come
// before or after it, and each merge of a chain (s1 into s2, then s2
// into s3) collapses those it makes alike, the first of them in the
// claim's order taking the others' notes and inferences in that order,
// as one merge a batch does. A problem is named after the merge that
// makes it, by its From.
//
// What the same batch adds or replaces may name From: it names Into (and
// its appearances that From and Into make one are kept once).
//
// A merge keeps the order of the relations (their order of addition,
// which files keep): a relation it renames, or rewrites as a merge of a
// source it cites does, stays in its place, and of two it makes one the
// one kept (Into's, which takes what the other says) stays in its own
// place, the other going. So a batch that merges does what its steps do
// one batch each, to the order written: its removals and replacements
// (a merge into a replaced item merges into the replacement), then its
// merges in order, then its additions, which come after the graph's
// items and name From as they would name an ID merged before (as Into).
// Besides what a later batch would refuse (merging an ID merged before,
// a merge into a claim merged away, appearances written in From and in
// Into, collapsed here), the same batch renames From in the sources of
// the relations it adds and in the sources of the inferences of what it
// adds, which a later batch keeps as written.
//
// From is removed and its ID, with the IDs merged into it before, joins
// Into's Merged list, which is written to files: looking it up ([View.Claim],
// [View.Resolve] and every per-ID query) finds Into.
type Merge struct {
	Into, From string
	// DropReview settles two claims' reviews that conflict (both
	// published, or both unpublished, and differing; see above) by
	// keeping Into's and dropping From's, where the merge would report
	// [ErrConflictingReview]: two fact-checks of two wordings, each
	// published, of what the desk now holds is one claim. It changes
	// nothing else: a published review still stays over an unpublished
	// one, and From's moves to an Into that has none.
	DropReview bool
}

// ErrReferenced: a change removes an item that items the change keeps
// still name.
var ErrReferenced = fmt.Errorf("still referenced")

// ErrConflictingReview: a merge joins two claims whose reviews differ
// and neither is the one to keep by rule (see [Merge]).
var ErrConflictingReview = fmt.Errorf("conflicting reviews")

// edits reports whether b removes, replaces or merges.
func (b *Batch) edits() bool {
	return len(b.Remove) > 0 || len(b.RemoveRelations) > 0 || len(b.Merges) > 0
}

// editor works out what a batch that removes, replaces or merges does:
// the items it replaces, the vertices and relations it removes, and the
// additions left, with where in the batch each comes from.
type editor struct {
	s    *store
	b    *Batch
	errs ErrorList

	removed map[string]int // ID -> index in b.Remove
	gone    map[int32]bool // vertices removed, merged away included
	goneRel map[int32]bool
	merged  map[int32]bool // vertices merged away

	reps    map[int32]*rep // vertex -> its new content
	repList []int32        // in order of first replacement

	add    Batch
	origin [4][]location  // per section of add: where each item comes from
	moved  map[setKey]int // the relations merges move (their place in add.Relations, plus 1) by the sets of their ends, to collapse duplicates

	// movedAt lists, per set of claims merged together (by its root),
	// the places in add.Relations of the relations merges put there with
	// a claim of the set at an end, so that a later merge of the batch
	// moves them as it moves the store's; dropped marks those a later
	// merge collapsed or refused, left out of add at the end of the plan.
	// The relations merges move name each end by a claim of its set, not
	// necessarily the one the set is merged into (resolveMoved).
	movedAt map[int32][]int
	// at holds, beside each relation of add.Relations, the place in the
	// store's order of the relation it continues (-1 for the batch's
	// own): a relation a merge renames, or joins another into, keeps
	// its place (inPlace).
	at []int32
	// parent links a root merged with another to the root of the two
	// (root); label orders each list of movedAt as the merges one after
	// the other order it (ordered), and span holds each list's labels,
	// lowest and highest.
	parent  map[int32]int32
	label   map[[2]int32]int64
	span    map[int32][2]int64
	dropped map[int]bool

	relIndex map[int32]map[relKey]int32 // per claim merges move relations to: its relations in the store (storeRels)

	// merges are b's merges, each Into read through the merges of the
	// batch before it (a chain k2 into k1, then k3 into k2, merges k3
	// into k1); intoOf maps a vertex merged away to the one it went to.
	merges []Merge
	intoOf map[int32]int32

	// folded holds the lists of the items that merges fold others
	// into, as folds, until unfold writes them back.
	folded map[int32]*folds
	// ids keys the appearances of the folds by the sets of sources and
	// entities the merges join (joinIDs).
	ids idSets

	// citing lists, per source ID, the relations whose sources name it;
	// made on the first removal or merge of a source (citers).
	citing map[string][]int32

	// inferring lists, per source ID, the items whose inferences name
	// it; made on the first removal or merge of a source (inferrers).
	inferring map[string][]inferrer
}

// citers returns the relations whose sources name source id. The first
// call makes the index for the whole batch, one pass over the relations,
// so that removing or merging k sources costs one pass, not k.
func (e *editor) citers(id string) []int32 {
	if e.citing == nil {
		s := e.s
		e.citing = map[string][]int32{}
		for ri := range s.rels {
			if x := &s.rels[ri]; x.extra > 0 && !s.deadRel(int32(ri)) {
				for _, src := range s.relExtra[x.extra-1].Sources {
					e.citing[src] = append(e.citing[src], int32(ri))
				}
			}
		}
	}
	return e.citing[id]
}

// rep is the new content of a vertex that the batch replaces or that a
// merge rewrites.
type rep struct {
	at     location
	claim  *claims.Claim
	entity *claims.Entity
	source *sources.Source
	// written counts the derivations of a source the batch replaces
	// that the batch writes, the first of source.DerivedFrom: those a
	// merge moves there come after them.
	written int
}

// The indexes of the sections of items, as in sections (sectionIndex).
const (
	secEntity = iota
	secSource
	secClaim
	secRelation
)

func (e *editor) fail(loc location, id string, err error) {
	e.errs = append(e.errs, &Error{ID: id, Field: loc.field, Err: err, loc: loc})
}

// edit applies b, which removes, replaces or merges, all or nothing,
// reporting every problem: those of what it removes and merges and
// those of what it adds and replaces, together.
//
// It costs O(size of b + the degrees of the vertices it touches +
// the degrees of their neighbours): no change rebuilds the graph. A batch
// that removes or merges sources also passes once over the relations, to
// find those that cite them (relations keep their sources as IDs, not as
// edges), and once over the sources, claims (with their appearances) and
// relations, to find the inferences that name them (citers,
// inferrers); one pass each for the batch, however many sources it
// changes. What merges gather into an item (appearances, about, names,
// derivations, merged IDs) is joined as folds: k lists of n items in all joined by
// any shape of merges (a chain given either way, a star, a tree) cost
// O(n log n), not the n² of copying what a chain has gathered at each
// of its merges; the relations they move, O(n log² n) (moveRelations).
// The appearances that merges of sources and entities make one are
// found as the merges join their sets (joinIDs): O(n log n) in the n
// appearances naming them, not a pass over each claim at each merge.
// The derivations of the sources deriving from a source merged, those
// the batch replaces included, are renamed once the merges are done
// (renameMerged): O(those derivations) for the batch, not at each merge
// of a source they derive from.
func (s *store) edit(b *Batch) error {
	e := &editor{s: s, b: b, removed: map[string]int{}, gone: map[int32]bool{}, goneRel: map[int32]bool{},
		merged: map[int32]bool{}, reps: map[int32]*rep{}, moved: map[setKey]int{}, movedAt: map[int32][]int{},
		parent: map[int32]int32{}, label: map[[2]int32]int64{}, span: map[int32][2]int64{},
		dropped: map[int]bool{}, merges: slices.Clone(b.Merges), intoOf: map[int32]int32{}}
	// Every problem of every phase is reported: a problem in what the
	// batch removes or merges does not hide one in what it adds.
	e.plan()
	c := &checker{s: s, gone: e.gone, goneRel: e.goneRel}
	p, errs := s.checkWith(c, &e.add)
	for _, err := range errs {
		e.relocate(err)
	}
	e.errs = append(e.errs, errs...)
	e.checkReps(c)
	if len(e.errs) > 0 {
		return e.errs
	}
	e.apply(p)
	return nil
}

// relocate points a problem found in e.add at the item of b it comes
// from.
func (e *editor) relocate(err *Error) {
	sec := sectionIndex(err.loc.kind)
	if sec < 0 {
		return
	}
	if o := e.origin[sec]; err.loc.index < len(o) {
		at := o[err.loc.index]
		if sec == secRelation && at.kind == "relation" {
			e.asWritten(err, &e.add.Relations[err.loc.index], &e.b.Relations[at.index])
		}
		if sec == secRelation && at.kind == "merge" {
			r := &e.add.Relations[err.loc.index]
			e.asMerged(err, at.index, fmt.Sprintf("the relation %s %s %s", r.From, r.Kind, r.To))
		}
		if at.kind == err.loc.kind {
			err.loc.index = at.index
		} else {
			err.loc = location{at.kind, at.index, at.field}
		}
	}
}

// asWritten names relation w of the batch as written in a problem with
// r, the relation it became once IDs the batch merges away were renamed
// (renameMerged), and says which merge renamed it.
func (e *editor) asWritten(err *Error, r, w *claims.Relation) {
	var renamed []string
	for _, ids := range [][2]string{{w.From, r.From}, {w.To, r.To}} {
		if ids[0] != ids[1] {
			renamed = append(renamed, fmt.Sprintf("%q is merged into %q by the same change", ids[0], ids[1]))
		}
	}
	if len(renamed) > 0 {
		err.ID = w.From + " -> " + w.To
		err.Err = fmt.Errorf("%w (%s)", err.Err, strings.Join(renamed, "; "))
	}
}

// asMerged rewords a problem with what, an item as merge i of the
// batch leaves it, as a problem of that merge: "merge "b": claim "a" as
// the merge leaves it: about[0]: …", at the merge's entry, rather than
// naming the item as if the batch wrote it there.
func (e *editor) asMerged(err *Error, i int, what string) {
	field := ""
	if err.Field != "" {
		field = claims.Cut(err.Field) + ": "
	}
	err.Err = fmt.Errorf("%s as the merge leaves it: %s%w", what, field, err.Err)
	err.ID, err.Field = e.b.Merges[i].From, ""
	err.loc = location{"merge", i, ""}
}

// plan sorts out b: what it removes, replaces and merges, and what it
// adds.
func (e *editor) plan() {
	s, b := e.s, e.b
	for i, id := range b.Remove {
		loc := location{"remove", i, ""}
		n, ok := s.ids[id]
		switch {
		case !ok:
			e.fail(loc, id, s.missing(id, "nothing to remove with ID %s"))
			continue
		case e.removed[id] > 0:
			e.fail(loc, id, fmt.Errorf("%w: %q is removed twice", ErrDuplicateID, id))
			continue
		}
		e.removed[id] = i + 1
		e.gone[n] = true
	}
	for i := range b.RemoveRelations {
		r := &b.RemoveRelations[i]
		loc := location{"remove_relation", i, ""}
		ri, ok := e.findRel(r)
		if !ok {
			e.fail(loc, r.From+" -> "+r.To, fmt.Errorf("%w: no %s relation from %s to %s", ErrNotFound, r.Kind, claims.Quote(r.From), claims.Quote(r.To)))
			continue
		}
		e.goneRel[ri] = true
	}
	// Items of b: replacements when removed, additions otherwise.
	// A replacement is a copy, which merges may change: the caller's
	// batch stays as it is.
	addItems(e, b.Entities, "entity", secEntity, EntityVertex, func(x *claims.Entity) string { return x.ID },
		func(r *rep, x *claims.Entity) { c := x.Clone(); r.entity = &c }, &e.add.Entities)
	addItems(e, b.Sources, "source", secSource, SourceVertex, func(x *sources.Source) string { return x.ID },
		func(r *rep, x *sources.Source) { c := x.Clone(); r.source, r.written = &c, len(c.DerivedFrom) }, &e.add.Sources)
	addItems(e, b.Claims, "claim", secClaim, ClaimVertex, func(x *claims.Claim) string { return x.ID },
		func(r *rep, x *claims.Claim) { c := x.Clone(); r.claim = &c }, &e.add.Claims)
	for i := range b.Relations {
		e.add.Relations = append(e.add.Relations, b.Relations[i])
		e.origin[secRelation] = append(e.origin[secRelation], location{"relation", i, ""})
		e.at = append(e.at, -1)
	}
	e.keyIDs()
	for i := range b.Merges {
		e.merge(i)
	}
	// The items merged away leave repList once, not a pass each.
	e.repList = slices.DeleteFunc(e.repList, func(n int32) bool { return e.reps[n] == nil })
	e.unfoldAll()
	e.resolveMoved()
	e.renameMerged()
	e.dropCollapsed()
	e.references()
}

// addMoved puts r, a relation merge loc moves or rewrites, in the
// batch's additions, where later merges find it (relationOf, movedAt);
// it takes the place of relation at of the store.
func (e *editor) addMoved(r claims.Relation, loc location, at int32) {
	j := len(e.add.Relations)
	e.add.Relations = append(e.add.Relations, r)
	e.origin[secRelation] = append(e.origin[secRelation], loc)
	e.at = append(e.at, at)
	k := e.setKeyOf(&r)
	e.moved[k] = j + 1
	e.push(k.from, j, false)
	e.push(k.to, j, false)
}

// dropCollapsed leaves out of the additions the relations that a later
// merge collapsed into another or refused (dropped).
func (e *editor) dropCollapsed() {
	if len(e.dropped) == 0 {
		return
	}
	rels, origin, at := e.add.Relations[:0], e.origin[secRelation][:0], e.at[:0]
	for j, r := range e.add.Relations {
		if !e.dropped[j] {
			rels = append(rels, r)
			origin = append(origin, e.origin[secRelation][j])
			at = append(at, e.at[j])
		}
	}
	e.add.Relations, e.origin[secRelation], e.at = rels, origin, at
}

// renameMerged makes what the batch writes and what its merges rewrote
// name, for every ID merged away, the item it was merged into, whatever
// the order of the merges: an appearance that a claim merge moves names
// its source as it was, even when another merge of the batch folds that
// source into another; a claim, source or relation the batch adds or
// replaces may name an ID the batch merges away, as it may name an ID
// merged before (README: references to a merged ID read as the item).
// Two appearances of a claim that the renaming makes one are kept once:
// the merge says their sources are one. It costs O(size of the items
// rewritten, added and relations moved), once.
func (e *editor) renameMerged() {
	if len(e.merged) == 0 {
		return
	}
	into := make(map[string]string, len(e.merged))
	for _, m := range e.b.Merges {
		if n, ok := e.s.ids[m.From]; ok && e.merged[n] {
			into[m.From] = m.Into
		}
	}
	to := func(id string) string {
		end := id
		for range len(into) { // a chain of merges, a into b into c, ends
			next, ok := into[end]
			if !ok {
				break
			}
			end = next
		}
		if _, ok := into[end]; !ok {
			// Every ID on the way names the end: a chain's IDs are
			// looked up in O(1) each, not in the length of the chain.
			for id != end {
				id, into[id] = into[id], end
			}
		} // else a cycle, which only merges that fail make
		return end
	}
	for _, n := range e.repList {
		switch r := e.reps[n]; {
		case r.claim != nil:
			renameClaim(r.claim, to)
		case r.source != nil:
			r.written = renameSource(r.source, to, r.written, false)
		}
	}
	// The batch's own additions are renamed in copies: the caller's
	// batch stays as it is.
	for i := range e.add.Claims {
		e.add.Claims[i] = e.add.Claims[i].Clone()
		renameClaim(&e.add.Claims[i], to)
	}
	for i := range e.add.Sources {
		e.add.Sources[i] = e.add.Sources[i].Clone()
		renameSource(&e.add.Sources[i], to, len(e.add.Sources[i].DerivedFrom), true)
	}
	for i := range e.add.Relations {
		r := &e.add.Relations[i]
		if e.origin[secRelation][i].kind == "relation" {
			*r = r.Clone()
		}
		r.From, r.To = to(r.From), to(r.To)
		for j := range r.Sources {
			r.Sources[j] = to(r.Sources[j])
		}
		r.Sources = slices.Compact(replaceAll(r.Sources, "", ""))
		r.Inferred = mergeInferences(r.Inferred, to)
	}
}

// renameClaim makes the references of claim c, a copy of its own, name
// to(id) for each id, and keeps once two appearances that the renaming
// makes one, as a claim merge does (absorb). Two appearances written
// alike are both kept, for checker.sameAppearances to refuse as it does
// in a batch without a merge.
func renameClaim(c *claims.Claim, to func(string) string) {
	for j := range c.About {
		c.About[j] = to(c.About[j])
	}
	c.About = slices.Compact(replaceAll(c.About, "", ""))
	// first maps the key of an appearance as renamed to its place in
	// kept; written holds the key as written of each one kept.
	first := make(map[appearanceKey[string]]int, len(c.Appearances))
	written := make([]appearanceKey[string], 0, len(c.Appearances))
	kept := c.Appearances[:0]
	for _, a := range c.Appearances {
		w := appearanceKeyOf(&a)
		a.Source, a.Speaker, a.Via = to(a.Source), to(a.Speaker), to(a.Via)
		if a.Via == a.Source && w.via != w.source {
			a.Via = "" // in s1 via s2, s2 merged into s1: in s1, and no via of its own
		}
		a.Inferred = mergeInferences(a.Inferred, to)
		k := appearanceKeyOf(&a)
		j, seen := first[k]
		if seen && written[j] != w { // two appearances that the renaming makes one
			absorb(&kept[j], &a)
			continue
		}
		if !seen {
			first[k] = len(kept)
		}
		written = append(written, w)
		kept = append(kept, a)
	}
	clear(c.Appearances[len(kept):])
	c.Appearances = kept
	if st := c.Statement; st != nil {
		st.Subject, st.Object = to(st.Subject), to(st.Object)
	}
	c.Inferred = mergeInferences(c.Inferred, to)
}

// absorb makes kept, an appearance that dropped repeats (a merge makes
// them one utterance), say what only dropped says: its note, joined to
// kept's, and its inferences, so that collapsing the two loses nothing.
func absorb(kept, dropped *claims.Appearance) { absorbAll(kept, []*claims.Appearance{dropped}) }

// absorbAll absorbs each of dropped into kept in turn, as absorb does:
// the note parts and inferences kept lacks are appended in order. It
// costs O(what they hold in all), a set of what kept holds made once,
// so that a chain of merges absorbing an appearance into the next
// (folds settle them at once) costs no more than the notes it joins.
func absorbAll(kept *claims.Appearance, dropped []*claims.Appearance) {
	absorbBy(kept, dropped, func(id string) string { return id })
}

// absorbBy absorbs as absorbAll does, two inferences being the same when
// they differ at most in sources that src makes one: those the merges
// of a batch join, settled once they are done.
func absorbBy(kept *claims.Appearance, dropped []*claims.Appearance, src func(string) string) {
	if len(dropped) == 0 {
		return
	}
	var j noteJoiner
	j.add(kept.Note)
	seen := make(map[claims.Inference]bool, len(kept.Inferred))
	key := func(inf claims.Inference) claims.Inference { inf.Source = src(inf.Source); return inf }
	for _, inf := range kept.Inferred {
		seen[key(inf)] = true
	}
	for _, d := range dropped {
		j.add(d.Note)
		for _, inf := range d.Inferred {
			if k := key(inf); !seen[k] {
				seen[k] = true
				kept.Inferred = append(kept.Inferred, inf)
			}
		}
	}
	kept.Note = j.String()
}

// renameSource makes the derivations and inferences of source src, a
// copy of its own, name to(id) for each id.
//
// Renaming can make a derivation repeat an earlier one, or name the
// source itself, where merges of the batch met in it (s3 deriving from
// s0 and s1, with s0 merged into s2 and s2 into s1). One it makes repeat
// another goes, as the merges do one by one, but two written alike stay,
// as for inferences (mergeInferences): a merge drops what it makes
// alike, not what was alike before it, whichever other merges the batch
// has. One naming the source goes too, but for the first written
// derivations, which the batch writes itself (a replacement's own), left
// for the check to refuse. An addition (added) comes after the merges,
// naming what they merged away as an alias, and keeps its derivations as
// written, as a later batch does. It returns how many of those kept are
// among the written. O(derivations).
func renameSource(src *sources.Source, to func(string) string, written int, added bool) int {
	src.Inferred = mergeInferences(src.Inferred, to)
	renamed := false
	for j := range src.DerivedFrom {
		if to(src.DerivedFrom[j].Source) != src.DerivedFrom[j].Source {
			renamed = true
			break
		}
	}
	if !renamed {
		return written
	}
	if added {
		for j := range src.DerivedFrom {
			src.DerivedFrom[j].Source = to(src.DerivedFrom[j].Source)
		}
		return written
	}
	// first maps a derivation as renamed to the source its first kept
	// one was written with.
	first := make(map[sources.Derivation]string, len(src.DerivedFrom))
	kept, w := src.DerivedFrom[:0], 0
	for j, d := range src.DerivedFrom {
		was := d.Source
		d.Source = to(was)
		if j >= written && d.Source == src.ID {
			continue
		}
		if f, seen := first[d]; seen && f != was {
			continue // a repeat the renaming makes
		} else if !seen {
			first[d] = was
		}
		kept = append(kept, d)
		if j < written {
			w++
		}
	}
	clear(src.DerivedFrom[len(kept):])
	src.DerivedFrom = kept
	return w
}

// renameInferences makes the inferences infs name to(id) as their
// source for each id.
func renameInferences(infs []claims.Inference, to func(string) string) {
	for k := range infs {
		infs[k].Source = to(infs[k].Source)
	}
}

// mergeInferences makes the inferences infs name to(id) as their source
// for each id, as a merge of sources does, and returns them without
// those that the renaming makes repeat an earlier one (two written
// alike are both kept): the merge makes their sources one, as it makes
// one the appearances and derivations it makes alike. O(len(infs)).
func mergeInferences(infs []claims.Inference, to func(string) string) []claims.Inference {
	renamed := false
	for k := range infs {
		if id := to(infs[k].Source); id != infs[k].Source {
			renamed = true
			break
		}
	}
	if !renamed {
		return infs
	}
	first := make(map[claims.Inference]string, len(infs)) // renamed -> its first's source as written
	kept := infs[:0]
	for _, inf := range infs {
		w := inf.Source
		inf.Source = to(w)
		if src, seen := first[inf]; seen && src != w {
			continue
		} else if !seen {
			first[inf] = w
		}
		kept = append(kept, inf)
	}
	clear(infs[len(kept):])
	return kept
}

// addItems sorts the items of one section of b into replacements and
// additions.
func addItems[T any](e *editor, items []T, kind string, sec int, vk VertexKind, id func(*T) string, set func(*rep, *T), add *[]T) {
	for i := range items {
		x := &items[i]
		if e.removed[id(x)] == 0 {
			*add = append(*add, *x)
			e.origin[sec] = append(e.origin[sec], location{kind, i, ""})
			continue
		}
		n := e.s.ids[id(x)]
		if k := e.s.verts[n].kind; k != vk {
			e.fail(location{kind, i, "id"}, id(x), tag(ErrWrongKind, "%q is %s, so it cannot be replaced by %s", id(x), k.article(), vk.article()))
			continue
		}
		if e.reps[n] != nil {
			e.fail(location{kind, i, "id"}, id(x), fmt.Errorf("%w %q: replaced twice", ErrDuplicateID, id(x)))
			continue
		}
		delete(e.gone, n)
		r := &rep{at: location{kind, i, ""}}
		set(r, x)
		e.reps[n] = r
		e.repList = append(e.repList, n)
	}
}

// findRel returns the live relation matching r's ends and kind.
func (e *editor) findRel(r *claims.Relation) (int32, bool) {
	a, ok := e.s.ids[r.From]
	b, ok2 := e.s.ids[r.To]
	if !ok || !ok2 {
		return 0, false
	}
	for _, ri := range e.s.related(a, b) {
		x := &e.s.rels[ri]
		if x.kind == r.Kind && (x.from == a || r.Kind.Symmetric()) {
			return ri, true
		}
	}
	return 0, false
}

// rewrite returns the content that vertex n has after the batch, to be
// changed by a merge, making it a replacement first when it is not one.
func (e *editor) rewrite(n int32, at location) *rep {
	if r := e.reps[n]; r != nil {
		return r
	}
	r := &rep{at: at}
	defer func() {
		if !e.gone[n] { // a removed item needs no rewriting
			e.reps[n] = r
			e.repList = append(e.repList, n)
		}
	}()
	idx := e.s.verts[n].idx
	switch e.s.verts[n].kind {
	case ClaimVertex:
		c := e.s.claims[idx].Clone()
		r.claim = &c
	case EntityVertex:
		x := e.s.entities[idx].Clone()
		r.entity = &x
	case SourceVertex:
		x := e.s.sources[idx].Clone()
		r.source = &x
	}
	return r
}

// survivor returns the item that vertex n, merged away by the batch,
// went to through the merges of the batch, pointing every vertex on the
// way at it, so that merges into the items of a chain cost O(1) each,
// not the length of the chain.
func (e *editor) survivor(n int32) int32 {
	a := n
	for e.merged[a] {
		a = e.intoOf[a]
	}
	for n != a {
		n, e.intoOf[n] = e.intoOf[n], a
	}
	return a
}

// merge works out merge i of b.
func (e *editor) merge(i int) {
	m := e.b.Merges[i]
	s := e.s
	loc := location{"merge", i, ""}
	a, okA := s.ids[m.Into]
	f, okF := s.ids[m.From]
	// An Into that an earlier merge of the batch merged away reads as
	// the item it went to, as everywhere else in the batch.
	if okA && e.merged[a] {
		a = e.survivor(a)
	}
	if okA && m.Into != s.idOf(a) {
		m.Into = s.idOf(a)
		e.merges[i] = m
	}
	// Every problem names the merge by its From, as the batch's other
	// problems name the item they are about.
	switch {
	case !okA:
		e.fail(location{"merge", i, "into"}, m.From, s.missing(m.Into, "nothing to merge into with ID %s"))
		return
	case !okF:
		e.fail(location{"merge", i, "from"}, m.From, s.missing(m.From, "nothing to merge with ID %s"))
		return
	case a == f && m.Into != e.b.Merges[i].Into:
		e.fail(loc, m.From, fmt.Errorf("%w: %q cannot be merged into %q, which the same change merges into %q", ErrDuplicateID, m.From, e.b.Merges[i].Into, m.From))
		return
	case a == f:
		e.fail(loc, m.From, fmt.Errorf("%w: %q cannot be merged into itself", ErrDuplicateID, m.From))
		return
	case s.verts[a].kind != s.verts[f].kind:
		e.fail(loc, m.From, tag(ErrWrongKind, "%q is %s and %q %s: only items of one kind merge", m.From, s.verts[f].kind.article(), m.Into, s.verts[a].kind.article()))
		return
	case e.gone[a]:
		e.fail(location{"merge", i, "into"}, m.From, fmt.Errorf("%w: %q is removed by the same change", ErrNotFound, m.Into))
		return
	case e.gone[f] || e.reps[f] != nil && e.reps[f].at.kind != "merge":
		e.fail(location{"merge", i, "from"}, m.From, fmt.Errorf("%w: %q is removed, replaced or merged by the same change", ErrDuplicateID, m.From))
		return
	}
	// What From is: as an earlier merge of the batch rewrote it (a chain,
	// b into a, then a into c, takes b's part too), or as the store has
	// it. renameMerged renames what Into takes from it.
	earlier := e.reps[f]
	if earlier != nil {
		delete(e.reps, f) // and from repList, once the merges are done (plan)
	}
	e.gone[f], e.merged[f] = true, true
	e.intoOf[f] = a
	into := e.rewrite(a, loc)
	// What From has gathered joins Into's lists, as folds: each merge
	// costs the shorter of the two, not what a chain of merges has
	// gathered (fold).
	fidx := s.verts[f].idx
	var from rep
	switch {
	case earlier != nil:
		from = *earlier
	case s.verts[f].kind == ClaimVertex:
		from.claim = &s.claims[fidx]
	case s.verts[f].kind == EntityVertex:
		from.entity = &s.entities[fidx]
	default:
		from.source = &s.sources[fidx]
	}
	ff := e.folded[f]
	if ff == nil {
		ff = e.newFolds(&from, earlier == nil)
		e.register(f, ff)
	}
	delete(e.folded, f)
	e.foldsOf(a, into).join(ff)
	switch s.verts[a].kind {
	case ClaimVertex:
		e.mergeReview(i, into.claim, from.claim)
		e.moveRelations(i, a, f)
	case EntityVertex:
		// The claims about or attributed to From: renamed once the
		// merges are done (renameMerged); two appearances the merge
		// makes one collapse now, as in a merge of claims (joinIDs).
		for _, ed := range s.in[f] {
			e.rewrite(ed.to, loc)
		}
		e.joinIDs(s.idOf(f), s.idOf(a), loc)
	case SourceVertex:
		// The claims appearing in or via From, as for entities.
		for _, ed := range s.in[f] {
			e.rewrite(ed.to, loc)
		}
		e.joinIDs(s.idOf(f), s.idOf(a), loc)
		// Every derivation naming From or Into: Into's, gathered as a
		// fold (joined above), and those of the sources deriving from
		// From.
		e.folded[a].dropSelf(m.From, m.Into, func() {
			// Into's derivation that the batch writes itself (it
			// replaces Into): naming From, it names Into.
			e.fail(loc, m.From, fmt.Errorf("%w: merging %q into %q would derive %q from itself", ErrConflictingRelation, m.From, m.Into, m.Into))
		})
		// The sources deriving from From: renamed once the merges are
		// done (renameMerged), which drops those the merges make repeat
		// another and those naming the source itself, as renaming at
		// each merge does, in O(their derivations) once rather than at
		// each merge. A source the batch replaces is renamed there too:
		// what it derives from is what the batch writes, not what the
		// store's edges say.
		for _, n := range sourcesDeriving(s, f) {
			if n != a {
				e.rewrite(n, loc)
			}
		}
		for _, ri := range e.citers(m.From) {
			e.renameInRelation(ri, loc, m)
		}
		for _, x := range e.inferrers(m.From) {
			switch {
			case x.kind == 0:
				e.renameInRelation(x.n, loc, m)
			case x.kind == ClaimVertex:
				e.rewrite(x.n, loc) // renamed with the rest (renameMerged)
			default:
				src := e.rewrite(x.n, loc).source
				src.Inferred = mergeInferences(src.Inferred, m.rename)
			}
		}
	}
}

// renameInRelation replaces relation ri, for merge m of sources, by a
// copy whose sources and inferences name m.Into instead of m.From.
func (e *editor) renameInRelation(ri int32, loc location, m Merge) {
	if e.goneRel[ri] {
		return
	}
	r := e.s.relation(ri)
	r.Sources = slices.Compact(replaceAll(r.Sources, m.From, m.Into))
	r.Inferred = mergeInferences(r.Inferred, m.rename)
	e.goneRel[ri] = true
	e.addMoved(r, loc, ri)
}

// rename returns m.Into for id m.From, and any other id as it is.
func (m Merge) rename(id string) string { return renamedID(id, m.From, m.Into) }

// inferrer is an item whose inferences name a source: a claim or source
// vertex, or a relation (kind 0) by its index.
type inferrer struct {
	kind VertexKind
	n    int32
}

// inferrers returns the items whose inferences name source id. The
// first call makes the index for the whole batch, one pass over the
// items, as citers does: inferences name their sources by ID, without an
// edge.
func (e *editor) inferrers(id string) []inferrer {
	if e.inferring == nil {
		s := e.s
		e.inferring = map[string][]inferrer{}
		add := func(x inferrer, infs []claims.Inference) {
			for _, inf := range infs {
				if l := e.inferring[inf.Source]; inf.Source != "" && (len(l) == 0 || l[len(l)-1] != x) {
					e.inferring[inf.Source] = append(l, x)
				}
			}
		}
		for i := range s.sources {
			if src := &s.sources[i]; src.ID != "" && len(src.Inferred) > 0 {
				add(inferrer{SourceVertex, s.ids[src.ID]}, src.Inferred)
			}
		}
		for i := range s.claims {
			c := &s.claims[i]
			if c.ID == "" {
				continue
			}
			x := inferrer{ClaimVertex, s.ids[c.ID]}
			add(x, c.Inferred)
			for j := range c.Appearances {
				add(x, c.Appearances[j].Inferred)
			}
		}
		for ri := range s.rels {
			if x := &s.rels[ri]; x.extra > 0 && !s.deadRel(int32(ri)) {
				add(inferrer{0, int32(ri)}, s.relExtra[x.extra-1].Inferred)
			}
		}
	}
	return e.inferring[id]
}

// inferredFields returns the fields of the inferences of claim c, or of
// source src, that name id ("inferred[0].source").
func inferredFields(c *claims.Claim, src *sources.Source, r *claims.Relation, id string) []string {
	var out []string
	add := func(prefix string, infs []claims.Inference) {
		for k := range infs {
			if infs[k].Source == id {
				out = append(out, fmt.Sprintf("%sinferred[%d].source", prefix, k))
			}
		}
	}
	switch {
	case c != nil:
		add("", c.Inferred)
		for j := range c.Appearances {
			add(fmt.Sprintf("appearances[%d].", j), c.Appearances[j].Inferred)
		}
	case src != nil:
		add("", src.Inferred)
	case r != nil:
		add("", r.Inferred)
	}
	return out
}

// appearanceKeyOf returns the key of a by the IDs it is written with.
func appearanceKeyOf(a *claims.Appearance) appearanceKey[string] {
	return keyOfAppearance(a, a.Source, a.Speaker, a.Via)
}

// mergeReview settles the review of claim c when claim from, which has
// one, merges into it (merge i): c takes from's review when it has none
// or the same one; when both have a review and exactly one of them is
// published, the published one stays, as a published rating is public
// and must not be lost, and the unpublished one goes; any other pair of
// reviews (both published, or neither) is reported with
// [ErrConflictingReview], as a merge cannot tell which one the desk
// stands by: the desk settles it (replacing or editing one claim) first,
// or says with the merge's DropReview that Into's stays.
func (e *editor) mergeReview(i int, c *claims.Claim, from *claims.Claim) {
	switch r := from.Review; {
	case r == nil:
	case reviewsConflict(c.Review, r) && e.merges[i].DropReview: // Into's stays, From's goes
	case reviewsConflict(c.Review, r):
		m := e.merges[i]
		e.fail(location{"merge", i, ""}, m.From, fmt.Errorf("%w: %q (%s) and %q (%s) both have a review: settle which one stays before merging, or merge with drop_review to keep %q's and drop %q's",
			ErrConflictingReview, m.From, reviewWords(r), m.Into, reviewWords(c.Review), m.Into, m.From))
	case c.Review == nil || c.Review.Status != claims.Published && r.Status == claims.Published:
		x := *r
		c.Review = &x
	}
}

// reviewsConflict reports whether into and from, the reviews of two
// claims a merge joins, conflict: both given and different, and both
// published or neither, so that no rule says which one stays (a
// published review stays over an unpublished one).
func reviewsConflict(into, from *claims.Review) bool {
	return into != nil && from != nil && *into != *from && (into.Status == claims.Published) == (from.Status == claims.Published)
}

// reviewWords describes a review in a few words for a message.
func reviewWords(r *claims.Review) string {
	w := r.Status.String()
	if r.Rating != "" {
		w += " " + claims.Quote(r.Rating)
	}
	if r.URL != "" {
		w += " at " + r.URL
	}
	return w
}

// sourcesDeriving returns the sources with a derivation from source f.
func sourcesDeriving(s *store, f int32) []int32 {
	var out []int32
	for _, ed := range s.in[f] {
		if ed.data.Kinds&DerivesEdge != 0 {
			out = append(out, ed.to)
		}
	}
	return out
}

// moveRelations moves the relations of claim f to claim a, for merge i:
// those of the store, and those that earlier merges of the batch moved
// or rewrote, which are in e.add and move as the store's do, so that two
// merges in one batch do what they do one after the other. Each is
// renamed and settled by moveOne; but when earlier merges moved more
// relations to f's set than a's set has, only those that meet one of
// a's are (moveMeeting): the others stay as they are, keyed by the sets
// of their ends (setKey), and a chain of n merges moves each relation
// O(log n) times, sorting what it moves: O(n log² n) in all.
func (e *editor) moveRelations(i int, a, f int32) {
	s := e.s
	loc := location{"merge", i, ""}
	for _, list := range [2][]edge{s.out[f], s.in[f]} {
		for _, ed := range list {
			ri := ed.data.rel - 1
			if ri < 0 || e.goneRel[ri] {
				continue
			}
			e.goneRel[ri] = true
			r := s.relation(ri)
			switch x, xi, keep := e.moveOne(i, a, &r, location{"relation", int(ri), ""}); {
			case keep:
				e.addMoved(r, loc, ri)
			case x != nil:
				// Into's relation of the store, joined: the batch writes
				// it anew, in its place.
				e.goneRel[xi] = true
				e.addMoved(*x, loc, xi)
			}
		}
	}
	// The relations earlier merges moved to From: looked at one by one
	// when they are fewer than Into's, else only those that meet one of
	// Into's (moveMeeting), so that a chain of merges moves each
	// relation O(log n) times, not once a merge.
	rf, ra := e.root(f), e.root(a)
	if !joinShorter || len(e.movedAt[rf]) <= len(e.movedAt[ra])+len(s.out[a])+len(s.in[a]) {
		for _, j := range e.ordered(rf) {
			e.moveMoved(i, a, j, rf)
		}
		e.unite(rf, ra, false)
		return
	}
	e.moveMeeting(i, a, rf, ra)
}

// moveMeeting does for merge i into claim a what moving the relations
// of From's set (root rf) to a one by one does, where they are more
// than those of a's set (root ra): it looks a's relations up among
// From's, moves those it meets (in From's order), and leaves the others
// of From's where they are, their keys naming rf, which stands for both
// sets after. O(relations of a's set).
func (e *editor) moveMeeting(i int, a, rf, ra int32) {
	s := e.s
	var meet []int
	other := func(k setKey, r int32) setKey { // k with the end r named rf
		if k.from == r {
			k.from = rf
		} else {
			k.to = rf
		}
		return k.norm()
	}
	for _, j := range e.movedAt[ra] {
		if e.dropped[j] {
			continue
		}
		k := e.setKeyOf(&e.add.Relations[j])
		if k.from == rf || k.to == rf {
			meet = append(meet, j) // between the two: From's too
		} else if p := e.moved[other(k, ra)]; p > 0 {
			meet = append(meet, p-1)
		}
	}
	for _, list := range [2][]edge{s.out[a], s.in[a]} {
		for _, ed := range list {
			if ri := ed.data.rel - 1; ri >= 0 && !e.goneRel[ri] {
				x := s.relation(ri)
				if p := e.moved[other(e.setKeyOf(&x), ra)]; p > 0 {
					meet = append(meet, p-1)
				}
			}
		}
	}
	slices.SortFunc(meet, func(x, y int) int {
		return cmp.Compare(e.label[[2]int32{int32(x), rf}], e.label[[2]int32{int32(y), rf}])
	})
	meet = slices.Compact(meet)
	for _, j := range meet {
		e.moveMoved(i, a, j, rf)
	}
	// What moveMoved kept names a's set by ra: it joins From's under rf,
	// as do the relations of a's set, before From's in order.
	for _, j := range meet {
		if !e.dropped[j] {
			e.rekey(j, ra, rf)
		}
	}
	for _, j := range e.movedAt[ra] {
		if !e.dropped[j] { // a's set's own (those between the two are dropped)
			e.rekey(j, ra, rf)
		}
	}
	e.unite(ra, rf, true)
}

// setKey identifies a relation that merges move by the roots of the sets
// of its ends and its kind, the ends in order for a symmetric kind: it
// stays when a set joins a larger one, whose root stands for both.
type setKey struct {
	from, to int32
	kind     claims.RelationKind
}

func (k setKey) norm() setKey {
	if k.kind.Symmetric() && k.to < k.from {
		k.from, k.to = k.to, k.from
	}
	return k
}

func (e *editor) setKeyOf(r *claims.Relation) setKey {
	return setKey{e.rootOf(r.From), e.rootOf(r.To), r.Kind}.norm()
}

// root returns the root of the set of claims that merges of the batch
// joined vertex n to, pointing every vertex on the way at it.
func (e *editor) root(n int32) int32 {
	r := n
	for {
		p, ok := e.parent[r]
		if !ok {
			break
		}
		r = p
	}
	for n != r {
		n, e.parent[n] = e.parent[n], r
	}
	return r
}

func (e *editor) rootOf(id string) int32 { return e.root(e.s.ids[id]) }

// rekey makes the key of relation j, one end in the set of root from,
// name root to instead.
func (e *editor) rekey(j int, from, to int32) {
	k := e.setKeyOf(&e.add.Relations[j])
	if e.moved[k] == j+1 {
		delete(e.moved, k)
	}
	if k.from == from {
		k.from = to
	} else {
		k.to = to
	}
	e.moved[k.norm()] = j + 1
}

// push adds relation j to the list of root r: after the others, or
// before when before is set.
func (e *editor) push(r int32, j int, before bool) {
	sp, ok := e.span[r]
	var l int64
	switch {
	case !ok:
		sp = [2]int64{0, 0}
	case before:
		sp[0]--
		l = sp[0]
	default:
		sp[1]++
		l = sp[1]
	}
	e.span[r] = sp
	e.label[[2]int32{int32(j), r}] = l
	e.movedAt[r] = append(e.movedAt[r], j)
}

// ordered returns the list of root r in its order.
func (e *editor) ordered(r int32) []int {
	l := slices.Clone(e.movedAt[r])
	slices.SortFunc(l, func(x, y int) int {
		return cmp.Compare(e.label[[2]int32{int32(x), r}], e.label[[2]int32{int32(y), r}])
	})
	return l
}

// unite joins the set of root from to that of root to, which stands for
// both after: from's relations, those not dropped, join to's list after
// them, or before them when before is set, in their order. O(from's
// list, log of it).
func (e *editor) unite(from, to int32, before bool) {
	l := e.ordered(from)
	if before {
		slices.Reverse(l)
	}
	for _, j := range l {
		delete(e.label, [2]int32{int32(j), from})
		if !e.dropped[j] {
			e.push(to, j, before)
		}
	}
	delete(e.movedAt, from)
	delete(e.span, from)
	e.parent[from] = to
}

// resolveMoved names the ends of the relations merges moved by the
// claims their sets were merged into, once the merges are done.
func (e *editor) resolveMoved() {
	for j := range e.add.Relations {
		if e.origin[secRelation][j].kind == "merge" && !e.dropped[j] {
			r := &e.add.Relations[j]
			r.From, r.To = e.s.idOf(e.survivor(e.s.ids[r.From])), e.s.idOf(e.survivor(e.s.ids[r.To]))
		}
	}
}

// moveMoved moves relation j of add, which earlier merges moved to
// From's set (root rf), for merge i into claim a: renamed, collapsed or
// refused as moveOne says, as a relation of the store is.
func (e *editor) moveMoved(i int, a int32, j int, rf int32) {
	m := e.merges[i]
	if e.dropped[j] {
		return
	}
	if k := e.setKeyOf(&e.add.Relations[j]); e.moved[k] == j+1 {
		delete(e.moved, k)
	}
	// Its ends as named now: From's, and the claims the others went to.
	r := e.add.Relations[j]
	for _, end := range []*string{&r.From, &r.To} {
		if e.rootOf(*end) == rf {
			*end = m.From
		} else {
			*end = e.s.idOf(e.survivor(e.s.ids[*end]))
		}
	}
	x, xi, keep := e.moveOne(i, a, &r, location{})
	if x != nil {
		// Into's relation of the store, joined, takes r's place in
		// the batch, and stays in its own in the order.
		e.goneRel[xi] = true
		r, keep = *x, true
		e.at[j] = xi
	}
	if !keep {
		e.dropped[j] = true
		return
	}
	e.add.Relations[j] = r
	e.moved[e.setKeyOf(&r)] = j + 1
}

// moveOne renames r, a relation of From, for merge i into claim a, and
// says what becomes of it. It moves (keep) when Into has no relation it
// repeats. It goes when it would relate Into to itself (reported, unless
// a same_as, which the merge carries out) or repeats x, a relation of
// Into: it collapses into x, which takes its sources, note and
// inferences (joinRelation), or, when the two say different things
// (another period, confidence or asserter), it is reported at ref as
// well as at the merge, as the merge cannot tell which one stands.
// When x is a relation of the store (xi) that the join changed, moveOne
// returns it, for the batch to write anew.
func (e *editor) moveOne(i int, a int32, r *claims.Relation, ref location) (x *claims.Relation, xi int32, keep bool) {
	m := e.merges[i]
	loc := location{"merge", i, ""}
	was := [2]string{r.From, r.To}
	r.From, r.To = m.rename(r.From), m.rename(r.To)
	if r.From == r.To {
		if r.Kind != claims.SameAs {
			e.fail(loc, m.From, m.selfRelation(r.Kind))
		}
		return nil, -1, false
	}
	x, xi = e.relationOf(a, r)
	if x == nil {
		return nil, -1, true
	}
	if d := relDiffers(x, r); d != "" {
		e.failRef(loc, m.From, ref, m.differs(was, x, d))
		return nil, -1, false
	}
	if joinRelation(x, r) && xi >= 0 {
		return x, xi, false
	}
	return nil, -1, false
}

// selfRelation is the problem of merge m of claims related by a
// relation of kind k, other than same_as: it would relate Into to itself.
func (m Merge) selfRelation(k claims.RelationKind) error {
	return fmt.Errorf("%w: merging %q into %q would relate %q to itself: %s", ErrConflictingRelation, m.From, m.Into, m.Into, k)
}

// differs is the problem of merge m making the relation with ends was
// one with x, of the same kind, which differs in fields d (relDiffers).
func (m Merge) differs(was [2]string, x *claims.Relation, d string) error {
	return fmt.Errorf("%w: merging %q into %q makes the relation %s %s %s one with %s %s %s, which differs in %s: make them agree, or remove one, before merging",
		ErrConflictingRelation, m.From, m.Into, was[0], x.Kind, was[1], x.From, x.Kind, x.To, d)
}

// relationOf returns the relation of claim a that r repeats (the same
// ends and kind), or nil: one that merges move, in e.add (ri -1), or a
// copy of relation ri of the store. The store's relations of a are
// looked up in an index made on the first call for a (storeRels), so
// that merging k relations into a claim of degree d costs O(k + d), not
// O(k·d).
func (e *editor) relationOf(a int32, r *claims.Relation) (x *claims.Relation, ri int32) {
	if j := e.moved[e.setKeyOf(r)]; j > 0 {
		// Named as merging one by one names it: by the claims its ends
		// are merged into by now (it may have stayed, moveMeeting).
		x := &e.add.Relations[j-1]
		x.From, x.To = e.s.idOf(e.survivor(e.s.ids[x.From])), e.s.idOf(e.survivor(e.s.ids[x.To]))
		return x, -1
	}
	if ri, ok := e.storeRels(a)[relKeyOf(r)]; ok && !e.goneRel[ri] {
		x := e.s.relation(ri)
		return &x, ri
	}
	return nil, -1
}

// storeRels returns the index of the store's relations of claim a by
// their ends and kind, made on the first call for a: O(degree of a).
func (e *editor) storeRels(a int32) map[relKey]int32 {
	if idx, ok := e.relIndex[a]; ok {
		return idx
	}
	idx := map[relKey]int32{}
	for _, list := range [2][]edge{e.s.out[a], e.s.in[a]} {
		for _, ed := range list {
			if ri := ed.data.rel - 1; ri >= 0 {
				x := e.s.relation(ri)
				if k := relKeyOf(&x); !hasKey(idx, k) {
					idx[k] = ri
				}
			}
		}
	}
	if e.relIndex == nil {
		e.relIndex = map[int32]map[relKey]int32{}
	}
	e.relIndex[a] = idx
	return idx
}

func hasKey[K comparable, V any](m map[K]V, k K) bool {
	_, ok := m[k]
	return ok
}

// relDiffers names the fields in which relations a and b, with the
// same ends and kind, say different things ("validity, confidence"):
// those a merge cannot join. "" when joinRelation can make them one.
// A confidence (0: not given) or an asserter that only one of them gives
// is no conflict: the other says less, not otherwise; two given that
// differ are, and so are two validities that differ.
func relDiffers(a, b *claims.Relation) string {
	var d []string
	if a.Validity != b.Validity {
		d = append(d, "validity")
	}
	if a.Confidence != b.Confidence && a.Confidence != 0 && b.Confidence != 0 {
		d = append(d, "confidence")
	}
	if a.AssertedBy != b.AssertedBy && a.AssertedBy != "" && b.AssertedBy != "" {
		d = append(d, "asserted_by")
	}
	return strings.Join(d, ", ")
}

// joinRelation makes x, a relation that r repeats and says nothing
// against (relDiffers), carry what only r says: its confidence and
// asserter when x gives none, its sources, its note (joined to x's) and
// its inferences, and reports whether x changed. Nothing r says is lost.
func joinRelation(x, r *claims.Relation) bool {
	x.Sources, x.Inferred = slices.Clone(x.Sources), slices.Clone(x.Inferred) // x may share them with the store
	n, note, infs := len(x.Sources), x.Note, len(x.Inferred)
	said := x.Confidence == 0 && r.Confidence != 0 || x.AssertedBy == "" && r.AssertedBy != ""
	if x.Confidence == 0 {
		x.Confidence = r.Confidence
	}
	if x.AssertedBy == "" {
		x.AssertedBy = r.AssertedBy
	}
	has := make(map[string]bool, len(x.Sources)+len(r.Sources)) // x's sources, as a set: a relation may cite many
	for _, src := range x.Sources {
		has[src] = true
	}
	for _, src := range r.Sources {
		if !has[src] {
			has[src] = true
			x.Sources = append(x.Sources, src)
		}
	}
	x.Note = joinNotes(x.Note, r.Note)
	for _, inf := range r.Inferred {
		if !slices.Contains(x.Inferred, inf) {
			x.Inferred = append(x.Inferred, inf)
		}
	}
	return said || len(x.Sources) != n || x.Note != note || len(x.Inferred) != infs
}

// joinNotes returns note a with the parts of b it lacks joined, "a; b",
// or a when b adds nothing: notes join by their parts ("; " apart), so
// that "x; y" joined to "x; y" stays "x; y" whatever order the notes
// were joined in. O(len(a) + len(b)).
func joinNotes(a, b string) string {
	var j noteJoiner
	j.add(a)
	j.add(b)
	return j.String()
}

// noteJoiner joins notes by their parts, each part once, in order of
// first appearance (a part within a word is not one).
type noteJoiner struct {
	b    strings.Builder
	seen map[string]bool
}

// add joins the parts of note that j lacks.
func (j *noteJoiner) add(note string) {
	if note == "" {
		return
	}
	if j.seen == nil {
		j.seen = map[string]bool{}
	}
	for part := range strings.SplitSeq(note, "; ") {
		if j.seen[part] {
			continue
		}
		j.seen[part] = true
		if j.b.Len() > 0 {
			j.b.WriteString("; ")
		}
		j.b.WriteString(part)
	}
}

// String returns the joined note.
func (j *noteJoiner) String() string { return j.b.String() }

// relKey identifies a relation by its ends and kind, the ends in order
// for a symmetric kind.
type relKey struct {
	from, to string
	kind     claims.RelationKind
}

func relKeyOf(r *claims.Relation) relKey {
	k := relKey{r.From, r.To, r.Kind}
	if r.Kind.Symmetric() && k.to < k.from {
		k.from, k.to = k.to, k.from
	}
	return k
}

func renamedID(id, from, to string) string {
	if id == from {
		return to
	}
	return id
}

func replaceAll(ids []string, from, to string) []string {
	out := ids[:0]
	seen := make(map[string]bool, len(ids)) // out, as a set: a relation may cite many sources
	for _, id := range ids {
		id = renamedID(id, from, to)
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// references reports every reference to a removed item that the batch
// keeps: a relation it does not remove, an item it neither removes nor
// replaces (a replacement's references are checked as it is), once, at
// the first removal of the item (plan refuses the others).
func (e *editor) references() {
	s := e.s
	for i, id := range e.b.Remove {
		n, ok := s.ids[id]
		if !ok || !e.gone[n] || e.removed[id] != i+1 {
			continue // not found, replaced, or removed again (refused by plan)
		}
		loc := location{"remove", i, ""}
		for k, list := range [2][]edge{s.out[n], s.in[n]} {
			for _, ed := range list {
				ri := ed.data.rel - 1
				switch {
				case ri >= 0 && !e.goneRel[ri]:
					r := s.relation(ri)
					e.failRef(loc, id, location{"relation", int(ri), ""},
						tag(ErrReferenced, "%q is still related: %s %s %s", id, r.From, r.Kind, r.To))
				case ri < 0 && k == 1 && !e.gone[ed.to] && e.reps[ed.to] == nil:
					for _, f := range referencesTo(s, ed.to, id) {
						e.failRef(loc, id, location{s.verts[ed.to].kind.String(), int(s.verts[ed.to].idx), f},
							tag(ErrReferenced, "%q is still named by %s %q (%s)", id, s.verts[ed.to].kind, s.idOf(ed.to), f))
					}
				}
			}
		}
		if s.verts[n].kind == SourceVertex {
			for _, x := range e.inferrers(id) {
				var c *claims.Claim
				var src *sources.Source
				var r *claims.Relation
				ref := location{"relation", int(x.n), ""}
				switch {
				case x.kind == 0 && !e.goneRel[x.n]:
					rel := s.relation(x.n)
					r = &rel
				case x.kind != 0 && !e.gone[x.n] && e.reps[x.n] == nil:
					ref = location{x.kind.String(), int(s.verts[x.n].idx), ""}
					if x.kind == ClaimVertex {
						c = &s.claims[s.verts[x.n].idx]
					} else {
						src = &s.sources[s.verts[x.n].idx]
					}
				default:
					continue // removed or replaced too
				}
				for _, f := range inferredFields(c, src, r, id) {
					ref.field = f
					what := fmt.Sprintf("%s %q", x.kind, s.idOf(x.n))
					if r != nil {
						what = fmt.Sprintf("the relation %s %s %s", r.From, r.Kind, r.To)
					}
					e.failRef(loc, id, ref, tag(ErrReferenced, "%q is still named by %s (%s)", id, what, f))
				}
			}
			for _, ri := range e.citers(id) {
				if !e.goneRel[ri] {
					r := s.relation(ri)
					field := fmt.Sprintf("sources[%d]", slices.Index(r.Sources, id))
					e.failRef(loc, id, location{"relation", int(ri), field},
						tag(ErrReferenced, "%q is still cited by the relation %s %s %s", id, r.From, r.Kind, r.To))
				}
			}
		}
	}
}

// failRef reports a problem at loc that the reference at ref, an item
// of the graph in its own order and a field, causes.
func (e *editor) failRef(loc location, id string, ref location, err error) {
	e.errs = append(e.errs, &Error{ID: id, Field: loc.field, Err: err, loc: loc, ref: ref})
}

// referencesTo returns the fields of vertex n, a claim or a source, that
// name id ("appearances[0].source", "about[2]"), each one of them.
func referencesTo(s *store, n int32, id string) []string {
	var out []string
	idx := s.verts[n].idx
	switch s.verts[n].kind {
	case ClaimVertex:
		c := &s.claims[idx]
		for j, x := range c.About {
			if x == id {
				out = append(out, fmt.Sprintf("about[%d]", j))
			}
		}
		for j := range c.Appearances {
			a := &c.Appearances[j]
			for _, f := range [...]struct{ name, v string }{{"source", a.Source}, {"speaker", a.Speaker}, {"via", a.Via}} {
				if f.v == id {
					out = append(out, fmt.Sprintf("appearances[%d].%s", j, f.name))
				}
			}
		}
	case SourceVertex:
		for j, d := range s.sources[idx].DerivedFrom {
			if d.Source == id {
				out = append(out, fmt.Sprintf("derived_from[%d].source", j))
			}
		}
	}
	return out
}

// checkReps checks the new content of every replaced vertex: its fields
// and its references, against the graph as the batch leaves it.
func (e *editor) checkReps(c *checker) {
	c.errs = nil
	for _, n := range e.repList {
		r := e.reps[n]
		i := r.at.index
		kind := r.at.kind
		mark := len(c.errs)
		switch {
		case r.claim != nil:
			cl := r.claim
			c.fieldErrors(kind, i, cl.ID, cl.Check())
			for j, x := range cl.About {
				c.ref(kind, i, cl.ID, "about", j, "", x, EntityVertex)
			}
			refs := make([]int32, 3*len(cl.Appearances))
			for j, a := range cl.Appearances {
				refs[3*j] = c.ref(kind, i, cl.ID, "appearances", j, "source", a.Source, SourceVertex)
				refs[3*j+1] = c.ref(kind, i, cl.ID, "appearances", j, "speaker", a.Speaker, EntityVertex)
				refs[3*j+2] = c.ref(kind, i, cl.ID, "appearances", j, "via", a.Via, SourceVertex)
			}
			c.sameAppearances(kind, i, cl, refs)
			c.claimInferred(kind, i, cl)
			e.checkMerged(c, kind, i, cl.ID, cl.Merged)
		case r.entity != nil:
			c.fieldErrors(kind, i, r.entity.ID, r.entity.Check())
			e.checkMerged(c, kind, i, r.entity.ID, r.entity.Merged)
		case r.source != nil:
			src := r.source
			c.fieldErrors(kind, i, src.ID, src.Check())
			for j, d := range src.DerivedFrom {
				if c.ref(kind, i, src.ID, "derived_from", j, "source", d.Source, SourceVertex) == n {
					// A chain of merges (s0 into s3, then s1, which
					// derives from s0, into s3) can make one: refused, as
					// a single merge that would is (editor.merge).
					c.add(location{kind, i, fmt.Sprintf("derived_from[%d].source", j)}, src.ID,
						fmt.Errorf("%w: %q derives from itself", ErrConflictingRelation, src.ID))
				}
			}
			c.inferred(kind, i, src.ID, "", src.Inferred)
			e.checkMerged(c, kind, i, src.ID, src.Merged)
		}
		if kind == "merge" {
			for _, err := range c.errs[mark:] {
				e.asMerged(err, i, fmt.Sprintf("%s %s", e.s.verts[n].kind, claims.Quote(err.ID)))
			}
		}
	}
	e.errs = append(e.errs, c.errs...)
}

// checkMerged checks the IDs merged into item id, which the batch
// replaces, as a load checks a merged list (checker.checkAliasList):
// valid IDs, listed once, naming no item, no alias the batch declares
// and no alias of another item that the batch keeps. The graph's alias
// of id itself is the replacement's to keep.
func (e *editor) checkMerged(c *checker, kind string, i int, id string, merged []string) {
	c.checkAliasList(kind, i, id, merged, func(m string) (string, bool) {
		if to, ok := c.aliases[m]; ok {
			return to, true
		}
		to, ok := e.s.alias[m]
		return to, ok && to != id && e.removed[to] == 0 && !e.mergedAway(to)
	})
}

// mergedAway reports whether the item id is merged away by the batch.
func (e *editor) mergedAway(id string) bool {
	n, ok := e.s.ids[id]
	return ok && e.merged[n]
}

// apply makes the change the plan describes; the check found no problem.
func (e *editor) apply(p *plan) {
	s := e.s
	s.unshareItems()
	// Which adjacency lists lose edges: both lists of every removed
	// vertex's neighbours, the ends of every removed relation, and the
	// targets of a replaced vertex's references, each list filtered once
	// into a new array (a snapshot may share the old one).
	outs, ins := map[int32]bool{}, map[int32]bool{}
	for ri := range e.goneRel {
		r := &s.rels[ri]
		outs[r.from], ins[r.to] = true, true
	}
	for n := range e.gone {
		for _, ed := range s.out[n] {
			ins[ed.to] = true
		}
		for _, ed := range s.in[n] {
			outs[ed.to] = true
		}
	}
	for n, r := range e.reps {
		if r.entity == nil {
			outs[n] = true
			for _, ed := range s.out[n] {
				if ed.data.rel == 0 {
					ins[ed.to] = true
				}
			}
		}
	}
	rebuilt := func(n int32) bool { r := e.reps[n]; return r != nil && r.entity == nil }
	for n := range outs {
		s.out[n] = slices.DeleteFunc(slices.Clone(s.out[n]), func(ed edge) bool {
			if ed.data.rel > 0 {
				return e.goneRel[ed.data.rel-1]
			}
			return e.gone[ed.to] || rebuilt(n) // a replacement's references are linked anew
		})
	}
	for n := range ins {
		s.in[n] = slices.DeleteFunc(slices.Clone(s.in[n]), func(ed edge) bool {
			if ed.data.rel > 0 {
				return e.goneRel[ed.data.rel-1]
			}
			// An in-edge of a reference: gone with a removed or replaced
			// referrer.
			return e.gone[ed.to] || rebuilt(ed.to)
		})
	}
	for ri := range e.goneRel {
		s.rels[ri].from = -1
		s.deadRels++
	}
	for n := range e.gone {
		s.out[n], s.in[n] = nil, nil
		id := s.idOf(n)
		delete(s.ids, id)
		idx := s.verts[n].idx
		switch s.verts[n].kind {
		case ClaimVertex:
			s.unalias(s.claims[idx].Merged)
			s.appearances -= len(s.claims[idx].Appearances)
			s.claims[idx] = claims.Claim{}
			s.deadClaims++
		case EntityVertex:
			s.unalias(s.entities[idx].Merged)
			s.entities[idx] = claims.Entity{}
			s.deadEntities++
		case SourceVertex:
			s.unalias(s.sources[idx].Merged)
			s.sources[idx] = sources.Source{}
			s.deadSources++
		}
	}
	if s.alias == nil {
		s.alias = map[string]string{}
	}
	relAt := int32(len(s.rels))
	s.apply(&e.add, p, false)
	defer e.inPlace(relAt)
	for _, n := range e.repList {
		r := e.reps[n]
		idx := s.verts[n].idx
		switch {
		case r.claim != nil:
			old := &s.claims[idx]
			s.unalias(old.Merged)
			s.appearances += len(r.claim.Appearances) - len(old.Appearances)
			c := r.claim.Clone()
			refs := make([]int32, 0, len(c.About)+3*len(c.Appearances))
			for _, x := range c.About {
				refs = append(refs, s.ids[x])
			}
			for _, a := range c.Appearances {
				refs = append(refs, s.refOf(a.Source), s.refOf(a.Speaker), s.refOf(a.Via))
			}
			s.addClaimEdges(n, len(c.About), refs)
			s.shareRefs(&c, refs, s.idOf)
			s.claims[idx] = c
			s.aliasAll(c.Merged, c.ID)
		case r.entity != nil:
			s.unalias(s.entities[idx].Merged)
			s.entities[idx] = r.entity.Clone()
			s.aliasAll(r.entity.Merged, r.entity.ID)
		case r.source != nil:
			s.unalias(s.sources[idx].Merged)
			src := r.source.Clone()
			refs := make([]int32, len(src.DerivedFrom))
			for j, d := range src.DerivedFrom {
				refs[j] = s.ids[d.Source]
				src.DerivedFrom[j].Source = s.idOf(refs[j])
			}
			s.addDerivationEdges(n, refs)
			s.sources[idx] = src
			s.aliasAll(src.Merged, src.ID)
		}
	}
}

// inPlace puts each relation that a merge renamed or joined, which
// apply added after the graph's relations from relAt on, in the place
// of the relation of the store it continues (editor.at), so that
// relations keep their order of addition through merges. The batch's
// own relations come first in add and stay after the graph's; those
// moved back leave the end of the table. O(the relations moved, and
// the degrees of their ends), once.
func (e *editor) inPlace(relAt int32) {
	s := e.s
	to := map[int32]int32{} // a moved relation's edge number -> its place's
	ends := map[int32]bool{}
	// The batch's own come first in add (plan adds them before any
	// merge moves one, and no merge drops them): the table keeps them,
	// and what follows goes back to its place.
	keep := relAt + int32(len(e.b.Relations))
	for i, at := range e.at[len(e.b.Relations):] {
		k := keep + int32(i)
		s.rels[at] = s.rels[k]
		to[k+1] = at + 1
		ends[s.rels[at].from], ends[s.rels[at].to] = true, true
		s.deadRels-- // at was a tombstone, k leaves the table
	}
	if len(to) == 0 {
		return
	}
	for n := range ends {
		for _, list := range [2][]edge{s.out[n], s.in[n]} {
			for j := range list {
				if p, ok := to[list[j].data.rel]; ok {
					list[j].data.rel = p
				}
			}
		}
	}
	clear(s.rels[keep:])
	s.rels = s.rels[:keep]
}

// refOf returns the vertex of id, -1 for none.
func (s *store) refOf(id string) int32 {
	if id == "" {
		return -1
	}
	return s.ids[id]
}

// unalias forgets the aliases ids.
func (s *store) unalias(ids []string) {
	for _, a := range ids {
		delete(s.alias, a)
	}
}
