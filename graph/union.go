package graph

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/sources"
	"go.yaml.in/yaml/v3"
)

// ErrConflict: two files give one ID different content, or their union
// is not a valid graph although each file is.
var ErrConflict = errors.New("conflict")

// Prefer says which file's item [Union] keeps when two files give one ID
// different content.
type Prefer uint8

// The choices of [Prefer].
const (
	PreferNone Prefer = iota // a conflict is an error
	PreferA                  // keep the first file's item
	PreferB                  // keep the second file's item
)

// Conflict is an ID that two files give different content: an item of
// the same kind with different fields, items of different kinds, a
// relation of one file that clashes with one of the other, or an ID
// merged into different items.
type Conflict struct {
	Kind   string   // "entity", "source", "claim" or "relation"; for different kinds, "entity/claim"
	ID     string   // a relation's is "FROM KIND TO"
	Fields []string // the keys of the fields that differ
	// Note says what disagrees when no field of one item does: "a.yaml
	// merges "b" into "a"; b.yaml into "c"", "a both supports and
	// contradicts c".
	Note string
	// A and B are the positions of the two sides: in the first file and
	// the second, except for a conflict that the union makes within one
	// file (two of its relations that clash, or that become one
	// relation and differ, once an ID of one is read as the item the
	// other file merged it into), whose sides are the two places that
	// disagree.
	A, B claims.Position
	// Resolvable is false for a conflict that --prefer cannot settle:
	// items of different kinds under one ID (references to either would
	// break).
	Resolvable bool
}

// message describes c as the problem at its position A.
func (c Conflict) message() string {
	msg := fmt.Sprintf("%s %q differs from %s", c.Kind, c.ID, c.B)
	if len(c.Fields) > 0 {
		msg += " in " + strings.Join(c.Fields, ", ")
	}
	if c.Note != "" {
		msg += ": " + c.Note
	}
	return msg
}

// Union reads the graph files at pathA and pathB (YAML or JSON) and
// returns their union: every item of A in A's order, then every item of
// B that A lacks in B's order, so the result is the same for the same
// files. Items are matched by ID and must agree; the order of a list
// whose order means nothing (a claim's appearances and about, an
// entity's aliases, a source's derived_from, a relation's sources) does
// not count, and merged
// lists are joined. Relations are matched by their pair of claims: one
// of the same kind (either way round for a symmetric kind, in the same
// direction for supports) must agree in its fields, and one that clashes
// with the other file's relations of that pair (a supports c in A, a
// contradicts c in B) is a conflict.
//
// An ID that one file merged into an item ([Merge]) names that item in
// the union, whatever the other file says: the other file's item of
// that ID is merged into it as [Graph.Apply] merges (its appearances,
// relations and review move, duplicates collapse), and its relations
// name the item. Items are compared as the union has them: with every
// item either file merged into them folded in first, so that a file
// that merged b into a (a has b's appearances and review) agrees with
// one that still has a and b apart, and only what still differs after
// that is a conflict. That holds for what the merges join too: a claim
// whose appearances a source or entity merge made one (their notes
// joined, "first; second") is compared as folded, and so are the
// relations: two relations of one file that the union makes one (c
// contradicts b and a contradicts c, with b merged into a by either
// file) are joined as a merge in [Graph.Apply] joins them, the first
// taking the other's sources, note and inferences, so that a file whose
// merge joined them agrees with one that has them apart (notes joined
// in either order are the same note). Two such relations that differ in
// validity, confidence or asserted_by are a conflict that no preference
// resolves, as such a merge in a change is refused: keeping one drops
// what the other says, a live contradiction perhaps. Two files that
// merge one ID into different items, or into each other, conflict.
//
// A relation of one file that the other's merges would turn into one
// of an item with itself (a contradicts c in A, c merged into a in B)
// is a conflict that no preference resolves: the files disagree on
// whether a and c are one claim, and neither view can be kept whole
// (undoing B's merge would leave what B moved from c to a on a, and
// keeping it drops a relation A asserts), so an editor settles it in
// one file, removing the relation or undoing the merge. A same_as
// decision between the two is carried out by the merge and dropped.
// A merge of two claims whose reviews conflict (both published and
// differing, say), the one file having kept the review of the claim
// kept ([Merge].DropReview) while the other still has the review of
// the one merged away, is a conflict that either preference settles
// as the merge did: the kept claim's review stays.
//
// With PreferNone every conflict is reported in an [ErrorList] of
// [ErrConflict] at its position A, naming its position B, and no graph
// is returned; otherwise the preferred file's side is kept and the
// conflicts are returned beside the graph, save those that cannot be
// resolved (Conflict.Resolvable false), which are errors still. Each
// file must be valid on its own; problems of the union that no conflict
// foresaw are reported at their position in the file they come from and
// match ErrConflict too. Each file is read within the default limits of
// [ReadOptions].
//
// It costs O(items of both files, their list fields and merged lists)
// besides reading them, and, when either file merged an item the other
// has, two graphs of both files' items more (to fold the merges before
// comparing).
func Union(pathA, pathB string, prefer Prefer) (*Graph, []Conflict, error) {
	return ReadOptions{}.Union(pathA, pathB, prefer)
}

// Union is [Union] with each file read within the limits of o (MaxBytes
// with a default of [DefaultMaxJSONBytes] for a JSON file, as
// [ReadOptions.ReadJSON] has). Progress is not reported.
func (o ReadOptions) Union(pathA, pathB string, prefer Prefer) (*Graph, []Conflict, error) {
	g, conflicts, _, err := o.union(pathA, pathB, prefer)
	return g, conflicts, err
}

// UnionTo is [Union] that also saves the union to the file out.
func UnionTo(pathA, pathB, out string, prefer Prefer) (*Graph, []Conflict, error) {
	return ReadOptions{}.UnionTo(pathA, pathB, out, prefer)
}

// UnionTo is [ReadOptions.Union] that also saves the union to the file
// out, atomically, in the format its name ends with, as [Graph.Save]
// does; nothing is written on any error.
//
// When A and out are YAML files, out is A's text changed into the
// union, as [EditYAMLTo] changes a file: A's comments, blank lines,
// quoting, flow style and the order of its items are kept; an item of A
// that the union changes (B's side of a conflict under PreferB, an item
// that a merge grows or whose references it renames) has only the
// fields that change written anew; an item merged away loses its lines;
// B's items that A lacks are appended to their sections, each written
// as B has it, with its comments and style, when B is YAML and holds it
// as the union does (the same fields in the same order), else as the
// writer writes it. When A's text cannot be changed in place
// ([ErrNotInPlace]: its top level is in flow style, or a list's items
// are not its own, through anchors or merge keys), out is written as
// Save writes the union, as it is for a JSON A. With out the file at pathA (by any name)
// the union is not saved, with [ErrChanged], when A changed on disk
// while it ran.
//
// It costs what Union costs, and, for a YAML out on A's text, what
// [EditYAMLTo] costs on A besides: O(size of A and of B).
func (o ReadOptions) UnionTo(pathA, pathB, out string, prefer Prefer) (*Graph, []Conflict, error) {
	fi, statErr := os.Stat(pathA)
	// Only the two texts outlive the union: the decoders' positions and
	// batches go before A's text is spliced, the peak of a merge.
	g, conflicts, texts, err := o.union(pathA, pathB, prefer)
	if err != nil {
		return nil, conflicts, err
	}
	if formatOf(pathA) != yamlFormat || formatOf(out) != yamlFormat {
		return g, conflicts, g.Save(out)
	}
	var other []byte
	if formatOf(pathB) == yamlFormat {
		other = texts[1]
	}
	text, err := spliceYAML(pathA, texts[0], g, other, o)
	switch {
	case errors.Is(err, ErrNotInPlace):
		err = g.Save(out) // no text to keep (see the doc comment)
	case err == nil:
		err = saveEdited(pathA, out, fi, statErr, texts[0], text)
	}
	if err != nil {
		return nil, conflicts, err
	}
	return g, conflicts, nil
}

// union is [ReadOptions.Union], with the texts of the two files.
func (o ReadOptions) union(pathA, pathB string, prefer Prefer) (*Graph, []Conflict, [2][]byte, error) {
	o.Progress = nil
	da, ba, err := o.decodeFile(pathA)
	if err != nil {
		return nil, nil, [2][]byte{}, err
	}
	db, bb, err := o.decodeFile(pathB)
	if err != nil {
		return nil, nil, [2][]byte{}, err
	}
	u := &union{prefer: prefer, into: map[string]string{}, by: map[string]int{}}
	u.sides[0], u.sides[1] = newSide(da, &ba), newSide(db, &bb)
	u.aliases()
	u.fold()
	var out Batch
	out.Entities = unite(u, "entity", entityFields, ba.Entities, bb.Entities, func(e *claims.Entity) string { return e.ID },
		func(e *claims.Entity) *[]string { return &e.Merged }, foldedAs(u, View.Entity, func(e claims.Entity) claims.Entity { return e }))
	out.Sources = unite(u, "source", sourceFields, ba.Sources, bb.Sources, func(s *sources.Source) string { return s.ID },
		func(s *sources.Source) *[]string { return &s.Merged }, foldedAs(u, View.Source, u.canonSource))
	out.Claims = unite(u, "claim", claimFields, ba.Claims, bb.Claims, func(c *claims.Claim) string { return c.ID },
		func(c *claims.Claim) *[]string { return &c.Merged }, foldedAs(u, View.Claim, u.canonClaim))
	out.Relations = u.relations(ba.Relations, bb.Relations)
	merges, from := u.merges(&out)
	u.reviewConflicts(&out, merges, from)
	var list ErrorList
	for _, c := range u.conflicts {
		if prefer == PreferNone || !c.Resolvable {
			list = append(list, &Error{Position: c.A, ID: c.ID, Err: &tagged{msg: c.message(), sentinel: ErrConflict}})
		}
	}
	if len(list) > 0 {
		return nil, u.conflicts, [2][]byte{}, list
	}
	g := New()
	if err := g.Apply(out); err != nil {
		return nil, u.conflicts, [2][]byte{}, u.problems(err, func(e *Error) { u.locate(e) })
	}
	if len(merges) > 0 {
		if err := g.Apply(Batch{Merges: merges}); err != nil {
			return nil, u.conflicts, [2][]byte{}, u.problems(err, func(e *Error) {
				if e.loc.kind != "merge" || e.loc.index >= len(from) {
					return // a problem of no one merge: left unplaced
				}
				o, m := from[e.loc.index], merges[e.loc.index]
				e.Position, e.ID = o.pos, m.From
				e.Err = fmt.Errorf("merging %q into %q, as %s does: %w", m.From, m.Into, o.by, e.Err)
			})
		}
	}
	return g, u.conflicts, [2][]byte{da.data, db.data}, nil
}

// decodeFile reads and checks the file at path within the limits of o,
// keeping its decoder for positions.
func (o ReadOptions) decodeFile(path string) (*decoder, Batch, error) {
	if formatOf(path) == rdfFormat {
		return nil, Batch{}, rdfFile(path, "files to merge are YAML or JSON, whose items have one place each to report a conflict at; convert it with claimgraph import --from nquads|turtle first")
	}
	if o.MaxBytes <= 0 && formatOf(path) == jsonFormat {
		o.MaxBytes = DefaultMaxJSONBytes
	}
	o = o.withDefaults()
	f, err := os.Open(path)
	if err != nil {
		return nil, Batch{}, fmt.Errorf("graph: %w", err)
	}
	defer f.Close()
	data, err := o.read(f, path, false)
	if err != nil {
		return nil, Batch{}, err
	}
	d := newDecoder(path, data, o)
	var b Batch
	switch formatOf(path) {
	case jsonFormat:
		if b, err = d.jsonDocument(data); err != nil {
			return nil, Batch{}, err
		}
	case jsonlFormat:
		return nil, Batch{}, fmt.Errorf("graph: %s: files to merge are YAML or JSON, whose items have one place each to report a conflict at; convert JSON Lines with claimgraph export first", path)
	default:
		b = d.decode()
	}
	b, _, err = d.finish(b)
	return d, b, err
}

// union is a union of two files under way.
type union struct {
	sides     [2]*side
	prefer    Prefer
	conflicts []Conflict
	// into maps an ID merged into an item, by either file, to that
	// item's ID, and by to the side (0 or 1) whose merged list says so.
	into    map[string]string
	by      map[string]int
	canonOf map[string]string // what each merged ID names in the end (see canon)
	from    [4][]origin       // per section of the result: where each item comes from
	// folded[k] holds the items of both files, side k's of each ID it
	// has, with the items merged into others folded into them (see
	// fold), when isFolded.
	folded   [2]View
	isFolded bool
}

// side is one of the two files.
type side struct {
	d       *decoder
	b       *Batch
	items   map[string]itemAt // the ID of every item
	aliases []aliasAt         // every entry of every merged list, in the order of the file
	alias   map[string]int    // ID -> its entry in aliases (a valid file merges an ID once)
}

// itemAt is item i of a section of a file.
type itemAt struct {
	kind string
	i    int
}

// aliasAt is entry j of the merged list of item i of a section: ID id
// merged into the item into.
type aliasAt struct {
	itemAt
	j        int
	id, into string
}

func newSide(d *decoder, b *Batch) *side {
	s := &side{d: d, b: b, items: map[string]itemAt{}, alias: map[string]int{}}
	add := func(kind string, i int, id string, merged []string) {
		s.items[id] = itemAt{kind, i}
		for j, m := range merged {
			s.alias[m] = len(s.aliases)
			s.aliases = append(s.aliases, aliasAt{itemAt{kind, i}, j, m, id})
		}
	}
	for i := range b.Entities {
		add("entity", i, b.Entities[i].ID, b.Entities[i].Merged)
	}
	for i := range b.Sources {
		add("source", i, b.Sources[i].ID, b.Sources[i].Merged)
	}
	for i := range b.Claims {
		add("claim", i, b.Claims[i].ID, b.Claims[i].Merged)
	}
	return s
}

// pos returns the position of field of item it in the file of s.
func (s *side) pos(it itemAt, field string) claims.Position {
	e := &Error{loc: location{it.kind, it.i, field}}
	s.d.locate(e)
	return e.Position
}

// aliasPos returns the position of the merged entry al in s.
func (s *side) aliasPos(al aliasAt) claims.Position {
	return s.pos(al.itemAt, "merged["+strconv.Itoa(al.j)+"]")
}

// wins reports whether side k wins a conflict under the preference.
func (u *union) wins(k int) bool {
	return u.prefer == PreferA && k == 0 || u.prefer == PreferB && k == 1
}

func (u *union) conflict(c Conflict) { u.conflicts = append(u.conflicts, c) }

// aliases works out what every merged ID of either file names in the
// union, reporting IDs that the files use for items of different kinds,
// IDs merged into different items and merges of two items into each
// other.
func (u *union) aliases() {
	a, b := u.sides[0], u.sides[1]
	// Items of one ID but different kinds, whatever their sections.
	for i := range a.b.Entities {
		u.kindClash(a.b.Entities[i].ID)
	}
	for i := range a.b.Sources {
		u.kindClash(a.b.Sources[i].ID)
	}
	for i := range a.b.Claims {
		u.kindClash(a.b.Claims[i].ID)
	}
	for k, s := range u.sides {
		other := u.sides[1-k]
		for _, al := range s.aliases {
			if it, ok := other.items[al.id]; ok && it.kind != al.kind {
				u.conflict(u.oriented(k, Conflict{Kind: al.kind + "/" + it.kind, ID: al.id,
					Note: fmt.Sprintf("%s merges it into %s %q; %s has %s of that ID", s.d.file, al.kind, al.into, other.d.file, article(it.kind))},
					s.aliasPos(al), other.pos(it, "")))
				continue
			}
			to, seen := u.into[al.id]
			switch {
			case !seen:
				u.into[al.id], u.by[al.id] = al.into, k
			case to != al.into:
				// Only the second side meets the first's entry.
				first := a.aliases[a.alias[al.id]]
				u.conflict(Conflict{Kind: al.kind, ID: al.id, Resolvable: true,
					Note: fmt.Sprintf("%s merges it into %q, %s into %q", a.d.file, to, b.d.file, al.into),
					A:    a.aliasPos(first), B: b.aliasPos(al)})
				if u.prefer == PreferB {
					u.into[al.id], u.by[al.id] = al.into, k
				}
			}
		}
	}
	u.cycles()
}

// kindClash reports an ID of A that B gives an item of another kind.
func (u *union) kindClash(id string) {
	a, b := u.sides[0], u.sides[1]
	ia, ib := a.items[id], b.items[id]
	if ib.kind != "" && ib.kind != ia.kind {
		u.conflict(Conflict{Kind: ia.kind + "/" + ib.kind, ID: id, Note: fmt.Sprintf("%s in %s, %s in %s", article(ia.kind), a.d.file, article(ib.kind), b.d.file),
			A: a.pos(ia, ""), B: b.pos(ib, "")})
	}
}

// oriented returns c with the position of side k as A and the other's
// as B, so that A is in the first file.
func (u *union) oriented(k int, c Conflict, posK, posOther claims.Position) Conflict {
	c.A, c.B = posK, posOther
	if k == 1 {
		c.A, c.B = posOther, posK
	}
	return c
}

func article(kind string) string {
	if kind == "entity" {
		return "an entity"
	}
	return "a " + kind
}

// cycles finds IDs that the two files merge into each other (a into b
// in one, b into a in the other), reports each cycle once and breaks it
// by dropping the merges of the side that loses (B's without a
// preference); then it works out what every merged ID names (canon).
// Each ID is walked once: O(merged IDs).
func (u *union) cycles() {
	const walking, done = 1, 2
	state := map[string]int{}
	for _, s := range u.sides {
		for _, al := range s.aliases {
			var path []string
			at := al.id
			for state[at] == 0 {
				to, ok := u.into[at]
				if !ok {
					break
				}
				state[at] = walking
				path = append(path, at)
				at = to
			}
			if state[at] == walking {
				u.breakCycle(path[slices.Index(path, at):])
			}
			for _, id := range path {
				state[id] = done
			}
		}
	}
	u.canonOf = make(map[string]string, len(u.into))
	for _, s := range u.sides {
		for _, al := range s.aliases {
			u.resolve(al.id)
		}
	}
}

// resolve works out canon(id) for an ID merged into an item, with those
// of the IDs on its way, each once.
func (u *union) resolve(id string) string {
	var path []string
	at := id
	for {
		if c, ok := u.canonOf[at]; ok {
			at = c
			break
		}
		to, ok := u.into[at]
		if !ok {
			break
		}
		path = append(path, at)
		at = to
	}
	for _, p := range path {
		u.canonOf[p] = at
	}
	return at
}

// breakCycle reports the cycle of merges ids and drops the loser's.
func (u *union) breakCycle(ids []string) {
	loser := 1
	if u.prefer == PreferB {
		loser = 0
	}
	var pos [2]claims.Position
	var says [2][]string
	kind := ""
	for _, id := range ids {
		k := u.by[id]
		s := u.sides[k]
		al := s.aliases[s.alias[id]]
		if pos[k].File == "" {
			pos[k] = s.aliasPos(al)
		}
		kind = al.kind
		says[k] = append(says[k], fmt.Sprintf("%q into %q", id, al.into))
	}
	first := slices.Min(ids)
	u.conflict(Conflict{Kind: kind, ID: first, Resolvable: true, A: pos[0], B: pos[1],
		Note: fmt.Sprintf("merged into each other: %s merges %s, %s merges %s", u.sides[0].d.file, strings.Join(says[0], ", "),
			u.sides[1].d.file, strings.Join(says[1], ", "))})
	for _, id := range ids {
		if u.by[id] == loser {
			delete(u.into, id)
		}
	}
}

// canon returns the ID of the item that id names in the union: id, or
// the item it was merged into, following merges of merges.
func (u *union) canon(id string) string {
	if c, ok := u.canonOf[id]; ok {
		return c
	}
	return id
}

// live reports whether id is the ID of an item of either file.
func (u *union) live(id string) bool {
	_, a := u.sides[0].items[id]
	_, b := u.sides[1].items[id]
	return a || b
}

// fold folds, in a graph of the entities, sources and claims of both
// files, every item whose ID either file merged into another item into
// that item, as the union will (see merges), once with side 0's item
// of each ID and once with side 1's, so that the items that grow are
// compared as the union has them whichever side is preferred: desk B
// that merged b into a has a with b's appearances and review, which
// desk A's a has too once A's b is folded into it, and what B's own b
// brings to A's a it brings to B's a. A merge that fails in a graph is
// left out of it, so what stops it is what differs (B's a published
// True, A's b False: the review, not the appearances); when either
// graph cannot be built the items are compared as they are. The
// union's own merges report what fails. Relations are left out:
// sideRelations folds each file's own, and a merge never changes an
// item's fields through them.
//
// It costs nothing when no item of either file is merged, else
// O(items of both files) besides the merges.
func (u *union) fold() {
	var ms []Merge
	for _, s := range u.sides {
		add := func(kind, id string) {
			if _, ok := u.into[id]; !ok {
				return
			}
			c := u.canon(id)
			if c != id && (u.sides[0].items[c].kind == kind || u.sides[1].items[c].kind == kind) {
				ms = append(ms, Merge{From: id, Into: c})
			}
		}
		for i := range s.b.Entities {
			add("entity", s.b.Entities[i].ID)
		}
		for i := range s.b.Sources {
			add("source", s.b.Sources[i].ID)
		}
		for i := range s.b.Claims {
			add("claim", s.b.Claims[i].ID)
		}
	}
	if len(ms) == 0 {
		return
	}
	var folded [2]View
	for k := range u.sides {
		var b Batch
		b.Entities = foldItems(u, k, func(b *Batch) []claims.Entity { return b.Entities }, func(e *claims.Entity) (string, *[]string) { return e.ID, &e.Merged })
		b.Sources = foldItems(u, k, func(b *Batch) []sources.Source { return b.Sources }, func(s *sources.Source) (string, *[]string) { return s.ID, &s.Merged })
		b.Claims = foldItems(u, k, func(b *Batch) []claims.Claim { return b.Claims }, func(c *claims.Claim) (string, *[]string) { return c.ID, &c.Merged })
		g := New()
		if g.Apply(b) != nil {
			return
		}
		// The folds are compared as the file that merged made them: two
		// reviews that conflict leave the kept claim's (a conflict of
		// its own, see reviewConflicts).
		for i := range ms {
			ms[i].DropReview = true
		}
		if g.Apply(Batch{Merges: ms}) != nil {
			for _, m := range ms { // one by one: those that fail are left out
				_ = g.Apply(Batch{Merges: []Merge{m}})
			}
		}
		folded[k] = g.Snapshot()
	}
	u.folded, u.isFolded = folded, true
}

// foldItems returns the items of a section for fold: those of side k,
// then those of the other side whose IDs side k lacks, each with only
// the merged IDs that are no item of either file (the others are
// merged by fold).
func foldItems[T any](u *union, k int, section func(*Batch) []T, id func(*T) (string, *[]string)) []T {
	mine, other := section(u.sides[k].b), section(u.sides[1-k].b)
	out := make([]T, 0, len(mine)+len(other))
	out = append(out, mine...)
	for i := range other {
		if x, _ := id(&other[i]); u.sides[k].items[x].kind == "" {
			out = append(out, other[i])
		}
	}
	for i := range out {
		_, merged := id(&out[i])
		*merged = slices.DeleteFunc(slices.Clone(*merged), u.live)
	}
	return out
}

// foldedAs returns how unite reads item x of side k for comparison: as
// fold has it, when fold folded the files (an item that grew, and one
// whose references a source or entity merge renamed, which may have
// collapsed two of its appearances or derivations into one, with their
// notes joined), then as the union reads its references (canonical).
// An item both files have is no merged ID, so its ID names it in the
// folded graph.
func foldedAs[T any](u *union, get func(View, string) (T, bool), canonical func(T) T) func(k int, id string, x T) T {
	return func(k int, id string, x T) T {
		if u.isFolded {
			if f, ok := get(u.folded[k], id); ok {
				x = f
			}
		}
		return canonical(x)
	}
}

// unite returns the items of a, then those of b that a lacks, recording
// the conflicts. Each item's merged list is the IDs either file merged
// into it that no item of either file has (those items are merged into
// it after, see merges).
//
// Two items are compared as the union reads them (read, see foldedAs):
// with the items of their file merged into them, and the IDs they name
// that either file merged into another item naming that item.
func unite[T any](u *union, kind string, t *table[T], a, b []T, id func(*T) string, merged func(*T) *[]string, read func(k int, id string, x T) T) []T {
	sec := sectionIndex(kind)
	out := make([]T, 0, len(a)+len(b))
	index := make(map[string]int, len(a))
	all := make([][]string, 0, len(a)+len(b)) // the merged lists of both sides, per item of out
	for i := range a {
		index[id(&a[i])] = i
		out = append(out, a[i])
		all = append(all, *merged(&a[i]))
		u.from[sec] = append(u.from[sec], origin{u.sides[0].d, location{kind, i, ""}})
	}
	for j := range b {
		k := id(&b[j])
		if it, ok := u.sides[0].items[k]; ok && it.kind != kind {
			continue // reported by kindClash
		}
		i, ok := index[k]
		if !ok {
			out = append(out, b[j])
			all = append(all, *merged(&b[j]))
			u.from[sec] = append(u.from[sec], origin{u.sides[1].d, location{kind, j, ""}})
			continue
		}
		all[i] = append(slices.Clone(all[i]), *merged(&b[j])...)
		x, y := read(0, k, a[i]), read(1, k, b[j])
		if f := itemsDiffer(t.order, t.encode(&x).n, t.encode(&y).n); len(f) > 0 {
			u.conflict(Conflict{Kind: kind, ID: k, Fields: f, Resolvable: true,
				A: u.sides[0].pos(itemAt{kind, i}, ""), B: u.sides[1].pos(itemAt{kind, j}, "")})
			if u.prefer == PreferB {
				out[i] = b[j]
				u.from[sec][i] = origin{u.sides[1].d, location{kind, j, ""}}
			}
		}
	}
	for i := range out {
		var keep []string
		seen := make(map[string]bool, len(all[i])) // none allocated for an empty list
		for _, m := range all[i] {
			if u.into[m] == id(&out[i]) && !u.live(m) && !seen[m] {
				seen[m] = true
				keep = append(keep, m)
			}
		}
		*merged(&out[i]) = keep
	}
	return out
}

// canonClaim returns c with the IDs it names read as the union names
// them (canon), sharing nothing it changes with c.
func (u *union) canonClaim(c claims.Claim) claims.Claim {
	c.About = slices.Clone(c.About)
	for i := range c.About {
		c.About[i] = u.canon(c.About[i])
	}
	c.Appearances = slices.Clone(c.Appearances)
	for i := range c.Appearances {
		ap := &c.Appearances[i]
		ap.Source, ap.Speaker, ap.Via = u.canon(ap.Source), u.canon(ap.Speaker), u.canon(ap.Via)
	}
	return c
}

// canonSource returns s with its derivations read as the union names
// them (canon), sharing nothing it changes with s.
func (u *union) canonSource(s sources.Source) sources.Source {
	s.DerivedFrom = slices.Clone(s.DerivedFrom)
	for i := range s.DerivedFrom {
		s.DerivedFrom[i].Source = u.canon(s.DerivedFrom[i].Source)
	}
	return s
}

// unordered are the list fields whose order means nothing: the same
// items in another order are the same list (a relation's sources too).
var unordered = map[string]bool{"appearances": true, "about": true, "aliases": true, "derived_from": true, "sources": true}

// itemsDiffer returns the keys whose values differ between two items
// the format's table of keys order wrote, in that order, so that the
// fields of a conflict are listed alike whichever file is A: merged
// lists are joined, not compared, and the lists of unordered are
// compared as sets. It costs O(len(order) × the keys of a and b).
func itemsDiffer(order []string, a, b *yaml.Node) []string {
	value := func(m *yaml.Node, key string) *yaml.Node {
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value == key {
				return m.Content[i+1]
			}
		}
		return nil
	}
	var out []string
	for _, k := range order {
		if k == "merged" {
			continue
		}
		x, y := value(a, k), value(b, k)
		if unordered[k] && x != nil && y != nil {
			if !slices.Equal(nodeSet(x), nodeSet(y)) {
				out = append(out, k)
			}
		} else if !sameNode(x, y) {
			out = append(out, k)
		}
	}
	return out
}

// nodeSet returns the distinct elements of list n, each written as a
// key, sorted.
func nodeSet(n *yaml.Node) []string {
	keys := make([]string, 0, len(n.Content))
	for _, c := range n.Content {
		keys = append(keys, nodeKey(c))
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// sameNode reports whether two nodes the writers built are equal.
func sameNode(a, b *yaml.Node) bool {
	if a == nil || b == nil {
		return a == b
	}
	if a.Kind != b.Kind || a.Value != b.Value || len(a.Content) != len(b.Content) {
		return false
	}
	for i := range a.Content {
		if !sameNode(a.Content[i], b.Content[i]) {
			return false
		}
	}
	return true
}

// keptRel is a relation of the union with where it comes from.
type keptRel struct {
	r    claims.Relation
	side int
	i    int // index in its file's relations (the first, for relations folded into one)
	dead bool
}

// relations returns the relations of a, then those of b, grouped by
// pair of claims: a relation the pair already has in the same way from
// the other file collapses (a conflict when the other file gives it
// other fields), and one that clashes with the pair's is a conflict.
// Each file's relations are first read as the union has them (see
// sideRelations), so that a desk whose merge joined two relations
// agrees with one that has them apart.
func (u *union) relations(a, b []claims.Relation) []claims.Relation {
	var kept []keptRel
	pairs := map[[2]string][]int{}
	for k, list := range [2][]claims.Relation{a, b} {
		for _, sr := range u.sideRelations(k, list) {
			r, i := sr.r, sr.i
			here := func() claims.Position { return u.sides[k].pos(itemAt{"relation", i}, "") } // for a conflict only
			key := [2]string{min(r.From, r.To), max(r.From, r.To)}
			pair := pairs[key]
			if same := slices.IndexFunc(pair, func(x int) bool {
				e := &kept[x].r
				return !kept[x].dead && e.Kind == r.Kind && (r.Kind.Symmetric() || e.From == r.From)
			}); same >= 0 {
				e := &kept[pair[same]]
				if e.side != k {
					x := oriented(e.r, &r)
					if sameNoteParts(x.Note, r.Note) {
						x.Note = r.Note // joined in another order
					}
					if f := itemsDiffer(relationFields.order, relationFields.encode(x).n, relationFields.encode(&r).n); len(f) > 0 {
						u.conflict(Conflict{Kind: "relation", ID: relID(&e.r), Fields: f, Resolvable: true,
							A: u.sides[0].pos(itemAt{"relation", e.i}, ""), B: here()})
						if u.wins(k) {
							*e = keptRel{r: r, side: k, i: i}
						}
					}
				}
				continue // the same relation, once
			}
			var existing []claims.Relation
			var clashing []int
			for _, x := range pair {
				if !kept[x].dead {
					existing = append(existing, kept[x].r)
					if clash(&r, []claims.Relation{kept[x].r}) != nil {
						clashing = append(clashing, x)
					}
				}
			}
			if err := clash(&r, existing); err != nil {
				first := kept[clashing[0]]
				u.conflict(Conflict{Kind: "relation", ID: relID(&first.r), Note: fmt.Sprintf("there %q: %v", relID(&r), err), Resolvable: true,
					A: u.sides[first.side].pos(itemAt{"relation", first.i}, ""), B: here()})
				if !u.wins(k) || first.side == k {
					continue
				}
				for _, x := range clashing {
					kept[x].dead = true
				}
			}
			pairs[key] = append(pairs[key], len(kept))
			kept = append(kept, keptRel{r: r, side: k, i: i})
		}
	}
	out := make([]claims.Relation, 0, len(kept))
	for _, x := range kept {
		if !x.dead {
			out = append(out, x.r)
			u.from[secRelation] = append(u.from[secRelation], origin{u.sides[x.side].d, location{"relation", x.i, ""}})
		}
	}
	return out
}

// sideRel is relation i of a file as the union reads it.
type sideRel struct {
	r claims.Relation
	i int
}

// sideRelations returns the relations of side k, list, as the union has
// them, the way a merge in a change ([Graph.Apply]) leaves them: the
// IDs they name read as the union names them (canon), ends and sources
// alike; one that would relate a claim to itself, because either file
// merged one end into the other, is a conflict that no preference
// resolves (see selfRelation; a same_as decision is carried out by the
// merge and dropped silently); and two that become one relation (c
// contradicts b and a contradicts c, with b merged into a) are joined
// into one, which takes the other's sources, note and inferences
// (joinRelation): the one whose ends the union keeps, as a merge joins
// the relation it moves into the one the item it merges into has, else
// the first; or, when they differ in validity, confidence or
// asserter (relDiffers), are a conflict that no preference resolves
// either: a merge in the file would be refused, and neither relation
// can be dropped without losing what it says.
func (u *union) sideRelations(k int, list []claims.Relation) []sideRel {
	s := u.sides[k]
	out := make([]sideRel, 0, len(list))
	at := make(map[relKey]int, len(list))
	for i := range list {
		r := u.canonRelation(list[i])
		if r.From == r.To {
			if r.Kind != claims.SameAs {
				u.conflict(u.selfRelation(k, &list[i], s.pos(itemAt{"relation", i}, "")))
			}
			continue
		}
		key := relKeyOf(&r)
		j, seen := at[key]
		if !seen {
			at[key] = len(out)
			out = append(out, sideRel{r, i})
			continue
		}
		e := &out[j]
		if d := relDiffers(&e.r, &r); d != "" {
			// The fields are those that still differ once each has
			// what joinRelation would join from the other.
			x, y := oriented(e.r, &r), r.Clone()
			joinRelation(x, &r)
			joinRelation(&y, &e.r)
			var fields []string
			for _, f := range itemsDiffer(relationFields.order, relationFields.encode(x).n, relationFields.encode(&y).n) {
				if f != "sources" && f != "note" && f != "inferred" { // joined, in another order
					fields = append(fields, f)
				}
			}
			moved := &list[i] // the relation the merge renames
			if !u.renamed(moved) {
				moved = &list[e.i]
			}
			u.conflict(Conflict{Kind: "relation", ID: relID(&e.r), Fields: fields,
				Note: fmt.Sprintf("%s, which makes %q one with it, which differs in %s; no preference settles it: make them agree, or remove one, before merging",
					u.mergeNote(u.mergedEnd(moved)), relID(moved), d),
				A: s.pos(itemAt{"relation", e.i}, ""), B: s.pos(itemAt{"relation", i}, "")})
			continue
		}
		if u.renamed(&list[e.i]) && !u.renamed(&list[i]) {
			// r is the relation of the item the other one's end merged
			// into: as in a merge in a change, the moved one joins it.
			joinRelation(&r, &e.r)
			*e = sideRel{r, i}
			continue
		}
		joinRelation(&e.r, &r)
	}
	return out
}

// renamed reports whether the union reads an end of r as another item.
func (u *union) renamed(r *claims.Relation) bool {
	return u.canon(r.From) != r.From || u.canon(r.To) != r.To
}

// canonRelation returns r with the IDs it names read as the union names
// them (canon), sharing nothing with r, and its sources once each.
func (u *union) canonRelation(r claims.Relation) claims.Relation {
	r = r.Clone()
	r.From, r.To = u.canon(r.From), u.canon(r.To)
	for j := range r.Sources {
		r.Sources[j] = u.canon(r.Sources[j])
	}
	seen := make(map[string]bool, len(r.Sources))
	r.Sources = slices.DeleteFunc(r.Sources, func(id string) bool {
		dup := seen[id]
		seen[id] = true
		return dup
	})
	renameInferences(r.Inferred, u.canon)
	return r
}

// mergedEnd returns an end of r that either file merged into another
// item, "" when none is.
func (u *union) mergedEnd(r *claims.Relation) string {
	for _, id := range [2]string{r.From, r.To} {
		if _, ok := u.into[id]; ok {
			return id
		}
	}
	return ""
}

// mergeNote says which file merges alias into what: "b.yaml merges "b"
// into "a"", and what the union reads that as when a chain of merges
// goes further.
func (u *union) mergeNote(alias string) string {
	if _, ok := u.into[alias]; !ok {
		return "the files' merges"
	}
	by := u.sides[u.by[alias]]
	al := by.aliases[by.alias[alias]]
	note := fmt.Sprintf("%s merges %q into %q", by.d.file, alias, al.into)
	if c := u.canon(alias); c != al.into {
		note += fmt.Sprintf(", which the union reads as %q", c)
	}
	return note
}

// sameNoteParts reports whether notes a and b join the same notes
// (joinNotes), in any order: "x; y" and "y; x".
func sameNoteParts(a, b string) bool {
	if a == b {
		return true
	}
	pa, pb := strings.Split(a, "; "), strings.Split(b, "; ")
	slices.Sort(pa)
	slices.Sort(pb)
	return slices.Equal(slices.Compact(pa), slices.Compact(pb))
}

// selfRelation is the conflict of relation r of side k, at here, whose
// ends the union reads as one claim: the files disagree on whether its
// ends are one claim, and neither file's view can be kept whole (see
// Union), so no preference resolves it.
func (u *union) selfRelation(k int, r *claims.Relation, here claims.Position) Conflict {
	alias := r.From
	if _, ok := u.into[alias]; !ok {
		alias = r.To
	}
	by := u.sides[u.by[alias]]
	al := by.aliases[by.alias[alias]]
	c := Conflict{Kind: "relation", ID: relID(r),
		Note: u.mergeNote(alias) + fmt.Sprintf(": the relation would relate %q to itself; no preference settles it: remove the relation or undo the merge", u.canon(alias))}
	if u.by[alias] == k {
		// Both sides of the conflict are in one file: a relation that
		// names an ID its own file merged is read as its item there.
		c.A, c.B = here, by.aliasPos(al)
		return c
	}
	return u.oriented(k, c, here, by.aliasPos(al))
}

// oriented returns e written the way r is: for a symmetric kind, its
// ends swapped when r names them the other way round.
func oriented(e claims.Relation, r *claims.Relation) *claims.Relation {
	if e.Kind.Symmetric() && e.From != r.From {
		e.From, e.To = e.To, e.From
	}
	return &e
}

// relID names a relation in a conflict: "FROM KIND TO".
func relID(r *claims.Relation) string {
	return r.From + " " + r.Kind.String() + " " + r.To
}

// mergeOrigin is where an item the union merges comes from.
type mergeOrigin struct {
	pos claims.Position
	by  string // the file that merged its ID
}

// merges returns the merges that fold every item of out whose ID either
// file merged into another item into the item it names (canon), with
// where each comes from.
func (u *union) merges(out *Batch) ([]Merge, []mergeOrigin) {
	var ms []Merge
	var from []mergeOrigin
	add := func(sec int, i int, id string) {
		if _, ok := u.into[id]; !ok {
			return
		}
		o := u.from[sec][i]
		e := &Error{loc: o.loc}
		o.d.locate(e)
		ms = append(ms, Merge{From: id, Into: u.canon(id)})
		from = append(from, mergeOrigin{e.Position, u.sides[u.by[id]].d.file})
	}
	for i := range out.Entities {
		add(secEntity, i, out.Entities[i].ID)
	}
	for i := range out.Sources {
		add(secSource, i, out.Sources[i].ID)
	}
	for i := range out.Claims {
		add(secClaim, i, out.Claims[i].ID)
	}
	return ms, from
}

// reviewConflicts records a conflict for each merge of ms, with where
// it comes from, that joins two claims of out whose reviews conflict
// (reviewsConflict): the file that merged them kept the review of the
// claim kept, and the other file still has the review of the one merged
// away, a published rating perhaps, which the union would drop. A
// preference settles it as the merging file did ([Merge].DropReview,
// set on the merge): the kept claim's review stays.
func (u *union) reviewConflicts(out *Batch, ms []Merge, from []mergeOrigin) {
	var at map[string]int
	var differ map[string]bool // the claims whose reviews differ between the files, as folded
	for i := range ms {
		m := &ms[i]
		if at == nil {
			at = make(map[string]int, len(out.Claims))
			for j := range out.Claims {
				at[out.Claims[j].ID] = j
			}
			differ = map[string]bool{}
			for _, c := range u.conflicts {
				if c.Kind == "claim" && slices.Contains(c.Fields, "review") {
					differ[c.ID] = true
				}
			}
		}
		f, ok := at[m.From]
		t, ok2 := at[m.Into]
		if !ok || !ok2 || !reviewsConflict(out.Claims[t].Review, out.Claims[f].Review) {
			continue
		}
		m.DropReview = true
		if differ[m.Into] {
			continue // the conflict of the kept claim's review says it
		}
		k := u.by[m.From]
		s := u.sides[k]
		u.conflict(u.oriented(k, Conflict{Kind: "claim", ID: m.From, Fields: []string{"review"}, Resolvable: true,
			Note: fmt.Sprintf("%s merges %q into %q, whose review stays: %q's (%s) goes", s.d.file, m.From, m.Into, m.From, reviewWords(out.Claims[f].Review))},
			s.aliasPos(s.aliases[s.alias[m.From]]), from[i].pos))
	}
}

// problems marks the problems of err, a change to the union, as
// conflicts between the files, each placed by locate.
func (u *union) problems(err error, locate func(*Error)) error {
	var list ErrorList
	if !errors.As(err, &list) {
		return err
	}
	for _, e := range list {
		locate(e)
		e.Err = unionProblem{e.Err}
	}
	list.Sort()
	return list
}

// unionProblem is a problem of the union of two files that are valid on
// their own: a conflict between them, which keeps its own sentinel.
type unionProblem struct{ err error }

func (p unionProblem) Error() string   { return p.err.Error() }
func (p unionProblem) Unwrap() []error { return []error{p.err, ErrConflict} }

type origin struct {
	d   *decoder
	loc location
}

// locate sets the position of a problem of the union batch from the
// file its item came from.
func (u *union) locate(e *Error) {
	sec := sectionIndex(e.loc.kind)
	if sec < 0 {
		return
	}
	if o := u.from[sec]; e.loc.index < len(o) {
		org := o[e.loc.index]
		e.loc.index = org.loc.index
		org.d.locate(e)
	}
}
