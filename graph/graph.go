package graph

import (
	"bytes"
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/sources"
)

// Graph is a claim graph: entities, sources and claims as vertices;
// support, contradiction, "about", "appears in", "said by" and derivation
// links as edges. Create one with [New] or [Load]; the zero Graph is not
// usable.
//
// The embedded [View] answers every query on the whole graph; [Graph.At]
// gives the same queries as of a date.
//
// A Graph is safe for concurrent use: any number of goroutines may query
// it while one changes it. Every change takes the write lock for its whole
// duration, so a reader sees a change entirely or not at all.
type Graph struct {
	View
	mu sync.RWMutex
	s  *store
}

// New returns an empty graph.
func New() *Graph {
	g := &Graph{s: newStore()}
	g.View = View{g: g}
	return g
}

// Batch is a set of additions applied together by [Graph.Apply]: all of
// them or none. Items may refer to each other and to what the graph
// already holds, in any order.
//
// A batch also removes, replaces and merges (see edit.go): Remove names
// entities, sources and claims to remove, RemoveRelations the relations
// to remove, and Merges the items to fold into others. An item listed in
// Remove whose ID is also among the batch's items of the same kind is
// replaced in place: same ID, same place in the order of items, new
// content; the relations of a replaced claim stay. An ID listed twice
// in Remove is refused at its second place ([ErrDuplicateID]); what
// still names a removed item is reported once, at its first. A batch that fails
// reports every problem together: those of what it removes and merges
// beside those of what it adds and replaces.
type Batch struct {
	Entities  []claims.Entity
	Sources   []sources.Source
	Claims    []claims.Claim
	Relations []claims.Relation

	Remove          []string          // IDs of entities, sources and claims
	RemoveRelations []claims.Relation // matched by From, To and Kind (either way for a symmetric kind)
	Merges          []Merge
}

// location says where in a batch a problem is: the section, the index in
// it and the field path. Loaders turn it into a file position.
type location struct {
	kind  string // "entity", "source", "claim", "relation"
	index int
	field string
}

// AddEntity adds an entity. On error the graph is unchanged.
func (g *Graph) AddEntity(e claims.Entity) error {
	return g.Apply(Batch{Entities: []claims.Entity{e}})
}

// AddSource adds a source with its derivation links. On error the graph
// is unchanged.
func (g *Graph) AddSource(s sources.Source) error {
	return g.Apply(Batch{Sources: []sources.Source{s}})
}

// AddClaim adds a claim with its appearances. The entities and sources it
// names must be in the graph. On error the graph is unchanged.
func (g *Graph) AddClaim(c claims.Claim) error {
	return g.Apply(Batch{Claims: []claims.Claim{c}})
}

// AddRelation adds a relation between two claims of the graph. It
// reports [ErrConflictingRelation] when the claims are already related
// another way (one cannot both support and contradict another, and a
// pair joined by one kind of relation takes no other kind, supports in
// both directions excepted) and
// [ErrDuplicateRelation] when they are already related the same way. On
// error the graph is unchanged.
func (g *Graph) AddRelation(r claims.Relation) error {
	return g.Apply(Batch{Relations: []claims.Relation{r}})
}

// Apply adds everything in b, or nothing: when any item is invalid it
// returns an [ErrorList] of every problem and leaves the graph unchanged.
// The graph keeps its own copies of the items' slices.
func (g *Graph) Apply(b Batch) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if b.edits() {
		return g.s.edit(&b)
	}
	p, errs := g.s.check(&b)
	if len(errs) > 0 {
		return errs
	}
	g.s.apply(&b, p, false)
	return nil
}

// carve gives the vertices from first on, which b adds, adjacency lists
// cut from one array per direction, each with room for as many edges as
// the batch can give it, instead of growing two small slices per vertex
// by doubling. Later additions grow a list past its room as usual.
func (s *store) carve(first int32, b *Batch, p *plan) {
	s.carveSide(first, b, p, true)
	s.carveSide(first, b, p, false)
}

// carveSide is half of carve: the out-lists when out is set, else the
// in-lists.
func (s *store) carveSide(first int32, b *Batch, p *plan, out bool) {
	room := make([]int32, int32(len(s.verts))-first)
	count := func(from, to int32) {
		if to < 0 {
			return
		}
		if !out {
			from = to
		}
		if from >= first {
			room[from-first]++
		}
	}
	// Sources and claims are numbered on from the entities, in the
	// order of the plan's items.
	for k := range len(p.at) - 1 {
		v := first + int32(len(b.Entities)+k)
		for _, to := range p.refsOf(k) {
			count(v, to)
		}
	}
	for i := 0; i < len(p.ends); i += 2 {
		count(p.ends[i], p.ends[i+1])
	}
	lists := s.in
	if out {
		lists = s.out
	}
	total := 0
	for _, k := range room {
		total += int(k)
	}
	all := make([]edge, total)
	at := 0
	for i, k := range room {
		if k > 0 {
			lists[first+int32(i)] = all[at : at : at+int(k)]
			at += int(k)
		}
	}
}

// plan is what a successful check learned that apply needs again: the
// vertex number of every reference, so that apply looks up no ID twice.
type plan struct {
	// refs holds the references of the batch's sources, then of its
	// claims, those of item k (sources numbered first) at
	// refs[at[k]:at[k+1]]: a source's derivations; a claim's entities,
	// then source, speaker and via of each appearance (-1 when empty).
	refs []int32
	at   []int
	ends []int32 // from and to of each relation
	rels relList // the relations checked, which apply adds

	// ids, when the batch was checked against an empty store, is the
	// vertex number of every ID the batch adds, as apply numbers them:
	// apply on an empty store takes it as the store's index instead of
	// building another.
	ids   map[string]int32
	names []string // the IDs of the items, packed (see packIDs), when ids is set
}

// packIDs returns the IDs of the entities, sources and claims of b in
// that order, copied side by side into one string. The check looks
// every reference up in tables keyed by them: packed, the keys it
// compares with lie in a few megabytes rather than all over the heap,
// and the graph built from a plan keeps them as its items' IDs.
func packIDs(b *Batch) []string {
	var sb strings.Builder
	n, size := len(b.Entities)+len(b.Sources)+len(b.Claims), 0
	for i := range b.Entities {
		size += len(b.Entities[i].ID)
	}
	for i := range b.Sources {
		size += len(b.Sources[i].ID)
	}
	for i := range b.Claims {
		size += len(b.Claims[i].ID)
	}
	sb.Grow(size)
	ends := make([]int, 0, n)
	add := func(id string) {
		sb.WriteString(id)
		ends = append(ends, sb.Len())
	}
	for i := range b.Entities {
		add(b.Entities[i].ID)
	}
	for i := range b.Sources {
		add(b.Sources[i].ID)
	}
	for i := range b.Claims {
		add(b.Claims[i].ID)
	}
	all, names, at := sb.String(), make([]string, n), 0
	for k, end := range ends {
		names[k], at = all[at:end], end
	}
	return names
}

// newPlan lays out the references of b, whose relations are rels.
func newPlan(b *Batch, rels relList) plan {
	at := make([]int, 0, len(b.Sources)+len(b.Claims)+1)
	n := 0
	for i := range b.Sources {
		at = append(at, n)
		n += len(b.Sources[i].DerivedFrom)
	}
	for i := range b.Claims {
		at = append(at, n)
		n += len(b.Claims[i].About) + 3*len(b.Claims[i].Appearances)
	}
	return plan{refs: make([]int32, n), at: append(at, n), ends: make([]int32, 2*rels.len()), rels: rels}
}

// refsOf returns the references of item k: source k, or claim
// k - len(b.Sources).
func (p *plan) refsOf(k int) []int32 { return p.refs[p.at[k]:p.at[k+1]] }

// checker validates a batch against the store and itself.
type checker struct {
	s       *store
	pending map[string]int32 // IDs the batch adds, with their vertex numbers after the store's
	kinds   []VertexKind     // the kind of pending vertex len(s.verts)+i
	// minor holds the entities and sources of pending, a fraction of the
	// claims in most graphs: the references of claims, which name only
	// those, are looked up in it, a table small enough to stay in cache.
	minor map[string]int32
	errs  ErrorList
	plan  plan

	// aliases holds the IDs the batch's items list as merged into them,
	// with those items' IDs (checkAliases); follow is set while a batch's
	// own references are resolved, which may name an alias (followAlias).
	aliases map[string]string
	follow  bool

	// For a batch that removes: the vertices and relations it removes,
	// which references may not name and clashes do not count.
	gone    map[int32]bool
	goneRel map[int32]bool

	// rels, when set, is the batch's relations in place of its
	// Relations: those a bulk read keeps compact (see bulkRel).
	rels *relList
}

func (c *checker) add(loc location, id string, err error) {
	c.errs = append(c.errs, &Error{ID: id, Field: loc.field, Err: err, loc: loc})
}

func (c *checker) fieldErrors(kind string, i int, id string, fes []*claims.FieldError) {
	for _, fe := range fes {
		c.add(location{kind, i, fe.Field}, id, fe.Err)
	}
}

// kindOf reports the kind of vertex id in the store or the batch.
func (c *checker) kindOf(id string) (VertexKind, bool) {
	k, _, ok := c.vertex(id)
	return k, ok
}

// vertex returns the kind and number of vertex id in the store or the
// batch.
func (c *checker) vertex(id string) (VertexKind, int32, bool) {
	if v, ok := c.s.ids[id]; ok && !c.gone[v] {
		return c.s.verts[v].kind, v, true
	}
	n, ok := c.pending[id]
	if !ok {
		return 0, 0, false
	}
	return c.kinds[int(n)-len(c.s.verts)], n, true
}

func (c *checker) declare(kind string, i int, id string, k VertexKind) {
	if id == "" || claims.CheckID(id) != nil {
		return // reported by the item's own check
	}
	if _, dup := c.kindOf(id); dup {
		c.add(location{kind, i, "id"}, id, fmt.Errorf("%w %s", ErrDuplicateID, claims.Quote(id)))
		return
	}
	if to, ok := c.s.alias[id]; ok {
		c.add(location{kind, i, "id"}, id, fmt.Errorf("%w %q: it names %q, into which it was merged", ErrDuplicateID, id, to))
		return
	}
	n := int32(len(c.s.verts) + len(c.kinds))
	c.pending[id] = n
	c.kinds = append(c.kinds, k)
	if k != ClaimVertex {
		c.minor[id] = n
	}
}

// claimNumber returns the number of the claim named id in the store or
// the batch, as vertex finds it, or -1 when id names none.
func (c *checker) claimNumber(id []byte) int32 {
	if v, ok := c.s.ids[string(id)]; ok && !c.gone[v] {
		if c.s.verts[v].kind == ClaimVertex {
			return v
		}
		return -1
	}
	if n, ok := c.pending[string(id)]; ok && c.kinds[int(n)-len(c.s.verts)] == ClaimVertex {
		return n
	}
	return -1
}

// minorRef returns the number of the entity or source of kind want
// that the batch adds as id, and whether there is one. Such an ID is
// valid and not in the store, so vertex would find the same.
func (c *checker) minorRef(id string, want VertexKind) (int32, bool) {
	if want == ClaimVertex {
		return 0, false
	}
	n, ok := c.minor[id]
	return n, ok && c.kinds[int(n)-len(c.s.verts)] == want
}

// ref checks that id, held in field of item i of a section, names a
// vertex of kind want, and returns its number, or -1. The field is given
// as list, index j and leaf ("appearances", 1, "source"; j < 0 for a
// plain field) so that its path is formatted only for a problem.
func (c *checker) ref(kind string, i int, owner string, list string, j int, leaf, id string, want VertexKind) int32 {
	if id == "" {
		return -1 // an empty speaker or via, most of them: no ID is empty
	}
	if n, ok := c.minorRef(id, want); ok {
		return n
	}
	if claims.CheckID(id) != nil {
		return -1
	}
	got, n, ok := c.vertex(id)
	if ok && got == want {
		return n
	}
	field := list
	switch {
	case j >= 0 && leaf != "":
		field = fmt.Sprintf("%s[%d].%s", list, j, leaf)
	case j >= 0:
		field = fmt.Sprintf("%s[%d]", list, j)
	}
	if !ok {
		// An ID merged into another item names it, so that links written
		// before the merge, here or in other files, still hold; not in a
		// relation's sources, which are kept as written (an ID the same
		// batch merges away was renamed before the check: renameMerged).
		if n, ok := c.followAlias(id, want); ok && (kind != "relation" || list != "sources") {
			return n
		}
		c.add(location{kind, i, field}, owner, tag(ErrUnknownReference, "unknown %s %s", want, claims.Quote(id)))
		return -1
	}
	c.add(location{kind, i, field}, owner, tag(ErrWrongKind, "%s is %s, not %s", claims.Quote(id), got.article(), want.article()))
	return -1
}

// check checks b against the store and itself. With no problem it
// returns the plan for applying b to this store as it is now.
//
// The IDs the batch declares are entered one by one; the references,
// which are read-only look-ups and most of the work, are then resolved in
// parts on all cores for a large batch. The problems come in the same
// order either way.
func (s *store) check(b *Batch) (*plan, ErrorList) {
	return s.checkWith(&checker{s: s}, b)
}

// checkWith is check with a checker that may say what the batch removes.
func (s *store) checkWith(c *checker, b *Batch) (*plan, ErrorList) {
	n := len(b.Entities) + len(b.Sources) + len(b.Claims)
	c.pending, c.kinds = make(map[string]int32, n), make([]VertexKind, 0, n)
	c.minor = make(map[string]int32, len(b.Entities)+len(b.Sources))
	names := packIDs(b)
	// The items' own checks need nothing of the others: they run first,
	// in parts, and their problems are reported in turn below, each
	// item's before its ID is declared, as one at a time.
	ents := fieldChecks(b.Entities, func(e *claims.Entity) []*claims.FieldError { return e.Check() })
	srcs := fieldChecks(b.Sources, func(s *sources.Source) []*claims.FieldError { return s.Check() })
	cls := fieldChecks(b.Claims, func(cl *claims.Claim) []*claims.FieldError { return cl.Check() })
	for i := range b.Entities {
		c.fieldErrors("entity", i, b.Entities[i].ID, ents.of(i))
		c.declare("entity", i, names[i], EntityVertex)
	}
	for i := range b.Sources {
		c.fieldErrors("source", i, b.Sources[i].ID, srcs.of(i))
		c.declare("source", i, names[len(b.Entities)+i], SourceVertex)
	}
	for i := range b.Claims {
		c.fieldErrors("claim", i, b.Claims[i].ID, cls.of(i))
		c.declare("claim", i, names[len(b.Entities)+len(b.Sources)+i], ClaimVertex)
	}
	c.checkAliases(b)
	c.follow = true
	defer func() { c.follow = false }()

	// Each item has its place in the plan's references, so that parts
	// can fill them at once.
	rels := relsOf(b)
	if c.rels != nil {
		rels = *c.rels
	}
	c.plan = newPlan(b, rels)
	for i := range b.Sources {
		src := &b.Sources[i]
		refs := c.plan.refsOf(i)
		self := int32(-1)
		if _, n, ok := c.vertex(src.ID); ok && len(src.DerivedFrom) > 0 {
			self = n
		}
		for j, d := range src.DerivedFrom {
			refs[j] = c.ref("source", i, src.ID, "derived_from", j, "source", d.Source, SourceVertex)
			if refs[j] >= 0 && refs[j] == self {
				// As a merge that would make one is refused (edit.go).
				err := fmt.Errorf("%w: %q derives from itself", ErrConflictingRelation, src.ID)
				if d.Source != src.ID {
					err = fmt.Errorf("%w: %q derives from itself (%q is merged into it)", ErrConflictingRelation, src.ID, d.Source)
				}
				c.add(location{"source", i, fmt.Sprintf("derived_from[%d].source", j)}, src.ID, err)
			}
		}
		c.inferred("source", i, src.ID, "", src.Inferred)
	}
	c.inParts(len(b.Claims), partSize, func(sub *checker, lo, hi int) {
		for i := lo; i < hi; i++ {
			cl := &b.Claims[i]
			refs := c.plan.refsOf(len(b.Sources) + i)
			for j, e := range cl.About {
				refs[j] = sub.ref("claim", i, cl.ID, "about", j, "", e, EntityVertex)
			}
			refs = refs[len(cl.About):]
			for j, a := range cl.Appearances {
				refs[3*j] = sub.ref("claim", i, cl.ID, "appearances", j, "source", a.Source, SourceVertex)
				refs[3*j+1] = sub.ref("claim", i, cl.ID, "appearances", j, "speaker", a.Speaker, EntityVertex)
				refs[3*j+2] = sub.ref("claim", i, cl.ID, "appearances", j, "via", a.Via, SourceVertex)
			}
			if len(cl.Appearances) > 1 {
				sub.sameAppearances("claim", i, cl, refs)
			}
			sub.claimInferred("claim", i, cl)
		}
	})
	c.checkRelations(rels)
	if len(c.errs) > 0 {
		return nil, c.errs
	}
	if len(s.verts) == 0 && len(c.gone) == 0 {
		// Every item was declared, in the order apply adds them.
		c.plan.ids, c.plan.names = c.pending, names
	}
	return &c.plan, nil
}

// fieldProblems are the problems that the items of a list have on their
// own (fieldChecks), of the items that have any, in their order.
type fieldProblems []itemProblems

// itemProblems are the problems fes of item i of a list.
type itemProblems struct {
	i   int
	fes []*claims.FieldError
}

// of returns the problems of item i, which must be asked for in the
// order of the items.
func (f *fieldProblems) of(i int) []*claims.FieldError {
	if len(*f) == 0 || (*f)[0].i != i {
		return nil
	}
	fes := (*f)[0].fes
	*f = (*f)[1:]
	return fes
}

// fieldChecks calls check on each of items, in parts on all cores for
// many (see inParts), and returns the problems found.
func fieldChecks[T any](items []T, check func(*T) []*claims.FieldError) fieldProblems {
	n := len(items)
	parts := max(1, min(runtime.GOMAXPROCS(0), n/partSize))
	found := make([]fieldProblems, parts)
	run := func(p int) {
		for i := p * n / parts; i < (p+1)*n/parts; i++ {
			if fes := check(&items[i]); len(fes) > 0 {
				found[p] = append(found[p], itemProblems{i, fes})
			}
		}
	}
	if parts == 1 {
		run(0)
		return found[0]
	}
	var wg sync.WaitGroup
	for p := range parts {
		wg.Go(func() { run(p) })
	}
	wg.Wait()
	return slices.Concat(found...)
}

// partSize is the least number of items worth a goroutine of its own.
var partSize = 50_000

// inParts calls f on consecutive ranges of [0, n) covering it, at once
// when there are several cores and at least two ranges of size items,
// each with a checker of its own that shares c's look-ups; it then
// appends their problems to c's in the order of the ranges.
func (c *checker) inParts(n, size int, f func(sub *checker, lo, hi int)) {
	parts := min(runtime.GOMAXPROCS(0), n/size)
	if parts <= 1 {
		f(c, 0, n)
		return
	}
	subs := make([]*checker, parts)
	var wg sync.WaitGroup
	for p := range subs {
		subs[p] = &checker{s: c.s, pending: c.pending, kinds: c.kinds, minor: c.minor, gone: c.gone, goneRel: c.goneRel,
			aliases: c.aliases, follow: c.follow}
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(subs[p], p*n/parts, (p+1)*n/parts)
		}()
	}
	wg.Wait()
	for _, sub := range subs {
		c.errs = append(c.errs, sub.errs...)
	}
}

// checkRelations checks each relation and that no two join the same pair
// of claims in ways that clash. The first pass, in parts for many
// relations, checks each relation on its own and resolves its ends; the
// second groups the relations by their unordered pair of vertex numbers
// (see clashes). The problems of a relation come together, in the order
// of relations.
//
// A plain relation of a bulk read (see bulkRel) whose IDs both name
// claims, two different ones, has no problem of its own (its IDs were
// declared, so are valid; its kind is one), and is resolved from the
// input's bytes; any other takes the general way.
func (c *checker) checkRelations(rels relList) {
	failed := make([]bool, rels.len())
	start := len(c.errs)
	c.inParts(rels.len(), partSize, func(sub *checker, lo, hi int) {
		// Relations come grouped by the claim they start from in files
		// the writers write: its number is looked up once for the group.
		lastFrom, lastN := "", int32(-1)
		var plainFrom []byte
		plainN := int32(-1)
		for i := lo; i < hi; i++ {
			if from, to, ok := rels.plain(i); ok {
				if plainN < 0 || !bytes.Equal(from, plainFrom) {
					plainFrom, plainN = from, sub.claimNumber(from)
				}
				if to := sub.claimNumber(to); plainN >= 0 && to >= 0 && to != plainN {
					c.plan.ends[2*i], c.plan.ends[2*i+1] = plainN, to
					continue
				}
			}
			r := rels.at(i)
			before := len(sub.errs)
			if fes := r.Check(); len(fes) > 0 {
				sub.fieldErrors("relation", i, r.From+" -> "+r.To, fes)
			}
			if lastN < 0 || r.From != lastFrom {
				lastFrom, lastN = r.From, sub.relRef(i, r, "from", -1, r.From, ClaimVertex)
			}
			c.plan.ends[2*i] = lastN
			c.plan.ends[2*i+1] = sub.relRef(i, r, "to", -1, r.To, ClaimVertex)
			if to := c.plan.ends[2*i+1]; to >= 0 && to == lastN && r.From != r.To {
				// Two IDs, one of them merged into the other.
				alias, item := r.To, r.From
				if to, ok := sub.aliasOf(r.From); ok {
					alias, item = r.From, to
				}
				sub.add(location{"relation", i, "to"}, r.From+" -> "+r.To, fmt.Errorf("%w: relates claim %q to itself: %q was merged into it",
					claims.ErrSelfRelation, item, alias))
			}
			for j, src := range r.Sources {
				sub.relRef(i, r, "sources", j, src, SourceVertex)
			}
			sub.inferred("relation", i, r.From+" -> "+r.To, "", r.Inferred)
			failed[i] = len(sub.errs) > before
		}
	})
	first := len(c.errs)
	c.clashes(&rels, c.plan.ends, failed)
	if len(c.errs) > first {
		// In the order of relations, each relation's problems together:
		// those found on its own before its clash.
		slices.SortStableFunc(c.errs[start:], func(a, b *Error) int { return a.loc.index - b.loc.index })
	}
}

// countClashes reports whether clashes orders n relations among nv
// vertices with a counting sort.
var countClashes = func(n, nv int) bool { return n >= nv/4 }

// clashes checks that no relation clashes with the relations already
// joining its pair of claims in the store or earlier in the batch. ends
// are the relations' resolved ends, two each; relations that failed are
// left out.
//
// The relations are put in order of their unordered pair of ends, those
// of one pair in their own order, and each is compared with those of its
// pair before it that passed: no map, and most pairs have one relation.
// For a batch with many relations against the vertices, the order comes
// from a counting sort by the lesser end and a sort of each group by the
// other, in O(relations + vertices) and the groups' sorts; for a few
// relations, from a sort of them alone, so that a small batch costs
// nothing per vertex of a large graph.
func (c *checker) clashes(rels *relList, ends []int32, failed []bool) {
	lo := func(i int32) int32 { return min(ends[2*i], ends[2*i+1]) }
	hi := func(i int32) int32 { return max(ends[2*i], ends[2*i+1]) }
	byPair := func(i, j int32) int {
		if c := cmp.Compare(lo(i), lo(j)); c != 0 {
			return c
		}
		if c := cmp.Compare(hi(i), hi(j)); c != 0 {
			return c
		}
		return cmp.Compare(i, j)
	}
	var order []int32
	n := rels.len()
	if nv := len(c.s.verts) + len(c.kinds); !countClashes(n, nv) {
		for i := range n {
			if !failed[i] {
				order = append(order, int32(i))
			}
		}
		slices.SortFunc(order, byPair)
	} else {
		at := make([]int32, nv+1) // group of lesser end a at order[at[a]:at[a+1]]
		for i := range n {
			if !failed[i] {
				at[lo(int32(i))+1]++
			}
		}
		for a := range nv {
			at[a+1] += at[a]
		}
		order = make([]int32, at[nv])
		for i := range n {
			if !failed[i] {
				a := lo(int32(i))
				order[at[a]] = int32(i)
				at[a]++ // now the end of the group
			}
		}
		for a, from := 0, int32(0); a < nv; a++ {
			if group := order[from:at[a]]; len(group) > 1 {
				slices.SortFunc(group, byPair)
			}
			from = at[a]
		}
	}
	var existing []claims.Relation
	var from []int32 // the vertex each of existing starts at
	for k := 0; k < len(order); {
		a, b := lo(order[k]), hi(order[k])
		run := k + 1
		for run < len(order) && lo(order[run]) == a && hi(order[run]) == b {
			run++
		}
		existing, from = existing[:0], from[:0]
		if int(a) < len(c.s.verts) && int(b) < len(c.s.verts) {
			for _, ri := range c.s.related(a, b) {
				if !c.goneRel[ri] {
					existing = append(existing, c.s.relation(ri))
					from = append(from, c.s.rels[ri].from)
				}
			}
		}
		if run > k+1 || len(existing) > 0 {
			for _, i := range order[k:run] {
				r := rels.at(int(i))
				if err := clashFrom(r, existing, func(j int) bool { return from[j] == ends[2*i] }); err != nil {
					c.add(location{"relation", int(i), "kind"}, r.From+" -> "+r.To, err)
					continue
				}
				existing, from = append(existing, *r), append(from, ends[2*i])
			}
		}
		k = run
	}
}

// inferred checks the sources that the inferences infs of item i name,
// the inferences at the field prefix+"inferred".
func (c *checker) inferred(kind string, i int, owner, prefix string, infs []claims.Inference) {
	for k := range infs {
		if src := infs[k].Source; src != "" {
			c.ref(kind, i, owner, prefix+"inferred", k, "source", src, SourceVertex)
		}
	}
}

// claimInferred checks the sources that the inferences of claim cl and
// of its appearances name.
func (c *checker) claimInferred(kind string, i int, cl *claims.Claim) {
	c.inferred(kind, i, cl.ID, "", cl.Inferred)
	for j := range cl.Appearances {
		if infs := cl.Appearances[j].Inferred; len(infs) > 0 { // the prefix is formatted only for some
			c.inferred(kind, i, cl.ID, fmt.Sprintf("appearances[%d].", j), infs)
		}
	}
}

// sameAppearances reports each appearance of claim cl, item i of kind, that
// repeats an earlier one ([ErrDuplicateAppearance]): the same key
// (appearanceKey) once aliases are resolved (refs, three an appearance),
// whether written alike or once through an alias. Such appearances are
// one utterance written twice, which support lists and evidence digests
// would count twice. O(appearances): the few of most claims compared
// pairwise, more through a map.
func (c *checker) sameAppearances(kind string, i int, cl *claims.Claim, refs []int32) {
	keyOf := func(j int) appearanceKey[int32] {
		return keyOfAppearance(&cl.Appearances[j], refs[3*j], refs[3*j+1], refs[3*j+2])
	}
	// known reports whether appearance j names only items found: an
	// unknown speaker or via (-1) is not "no speaker" (-1 too).
	known := func(j int) bool {
		a := &cl.Appearances[j]
		return refs[3*j] >= 0 && (refs[3*j+1] >= 0 || a.Speaker == "") && (refs[3*j+2] >= 0 || a.Via == "")
	}
	var seen map[appearanceKey[int32]]int
	if len(cl.Appearances) > 8 {
		seen = make(map[appearanceKey[int32]]int, len(cl.Appearances))
	}
	for j := range cl.Appearances {
		k := keyOf(j)
		if !known(j) {
			continue // a reference not found, reported already: no key to compare
		}
		first := -1
		if seen != nil {
			if f, ok := seen[k]; ok {
				first = f
			} else {
				seen[k] = j
			}
		} else {
			for f := range j {
				if keyOf(f) == k && known(f) {
					first = f
					break
				}
			}
		}
		if first >= 0 {
			c.add(location{kind, i, fmt.Sprintf("appearances[%d]", j)}, cl.ID, repeated(cl, first, j))
		}
	}
}

// repeated is the error for appearance j of claim cl, which repeats
// appearance first: through an alias when an ID differs, and saying so
// when only their notes differ.
func repeated(cl *claims.Claim, first, j int) error {
	a, b := &cl.Appearances[first], &cl.Appearances[j]
	how := ""
	for _, ids := range [][2]string{{a.Source, b.Source}, {a.Speaker, b.Speaker}, {a.Via, b.Via}} {
		if ids[0] != ids[1] {
			how = fmt.Sprintf(": %q and %q are one item, through an alias", ids[1], ids[0])
			break
		}
	}
	if a.Note != b.Note {
		how += " (only their notes differ: keep one appearance with both notes)"
	}
	return fmt.Errorf("%w: appearances[%d] repeats appearances[%d]%s", ErrDuplicateAppearance, j, first, how)
}

// appearanceKey is what makes two appearances of a claim one utterance
// written twice: their source, speaker and via (as R: IDs, or vertex
// numbers with aliases resolved), date, quote, language and whether it
// speaks of the past, every field that weighing and staleness read. A
// note or an inference does not make another utterance. The check of a
// file refuses a second appearance with the key of an earlier one
// (sameAppearances); a merge keeps one of them (editor.merge,
// renameMerged).
type appearanceKey[R comparable] struct {
	source, speaker, via R
	quote, lang          string
	date                 claims.Date
	aboutPast            bool
}

// keyOfAppearance returns the key of a with the given source, speaker
// and via.
func keyOfAppearance[R comparable](a *claims.Appearance, source, speaker, via R) appearanceKey[R] {
	return appearanceKey[R]{source, speaker, via, a.Quote, a.Lang, a.Date, a.AboutPast}
}

// relRef checks a reference of relation i and returns the vertex number
// it names, naming the relation only when there is a problem.
func (c *checker) relRef(i int, r *claims.Relation, list string, j int, id string, want VertexKind) int32 {
	if n, ok := c.minorRef(id, want); ok {
		return n
	}
	if k, n, ok := c.vertex(id); ok && k == want {
		return n
	}
	return c.ref("relation", i, r.From+" -> "+r.To, list, j, "", id, want)
}

// clash reports why r cannot join the relations that already join its
// pair of claims.
func clash(r *claims.Relation, existing []claims.Relation) error {
	return clashFrom(r, existing, func(j int) bool { return existing[j].From == r.From })
}

// clashFrom is clash where sameFrom(j) says whether existing[j] starts
// at r's claim, aliases resolved: "w supports x" and "z supports x" are
// one support when w is an alias of z.
func clashFrom(r *claims.Relation, existing []claims.Relation, sameFrom func(j int) bool) error {
	for j, e := range existing {
		switch {
		case e.Kind == claims.Supports && r.Kind == claims.Contradicts || e.Kind == claims.Contradicts && r.Kind == claims.Supports:
			return tag(ErrConflictingRelation, "%q both supports and contradicts %q", r.From, r.To)
		case e.Kind != r.Kind:
			return tag(ErrConflictingRelation, "%q and %q are already related by %s, so not by %s", r.From, r.To, e.Kind, r.Kind)
		case r.Kind == claims.Contradicts:
			return fmt.Errorf("%w: %q and %q already contradict each other", ErrDuplicateRelation, r.From, r.To)
		case r.Kind.Symmetric():
			return fmt.Errorf("%w: %q and %q are already related by %s", ErrDuplicateRelation, r.From, r.To, r.Kind)
		case sameFrom(j):
			if e.From != r.From {
				return fmt.Errorf("%w: %q already supports %q: %q names the same claims, through an alias", ErrDuplicateRelation, r.From, r.To, e.From+" -> "+e.To)
			}
			return fmt.Errorf("%w: %q already supports %q", ErrDuplicateRelation, r.From, r.To)
		}
	}
	return nil
}

// shareRefs points the references of claim c, resolved to vertices
// refs, at the ID strings the store already holds. With the sources'
// derivations and the ends of relations treated alike in apply, the graph
// keeps an ID's bytes once however often claims, sources and relations
// name it (a relation's own list of sources excepted), and callers that
// key maps by the IDs they read back compare equal strings by pointer.
//
// name returns the ID of a vertex: s.idOf, or a faster look-up of the
// same strings.
func (s *store) shareRefs(c *claims.Claim, refs []int32, name func(int32) string) {
	for i := range c.About {
		c.About[i] = name(refs[i])
	}
	apps := refs[len(c.About):]
	for j := range c.Appearances {
		a, r := &c.Appearances[j], apps[3*j:3*j+3]
		for k, id := range [3]*string{&a.Source, &a.Speaker, &a.Via} {
			if r[k] >= 0 {
				*id = name(r[k])
			}
		}
	}
}

// takeOrGrow returns table with room for the items of list. An empty
// table takes an owned list's array instead, so that the graph a reader
// builds holds its items once, not a second copy beside the batch's:
// apply then writes item i back where it read it.
func takeOrGrow[T any](table, list []T, owned bool) []T {
	if owned && len(table) == 0 {
		return list[:0]
	}
	return slices.Grow(table, len(list))
}

// apply adds batch b by plan p, the result of checking it against the
// store as it is. It cannot fail. The store keeps b's slices when owned
// is set (a batch a reader decoded), rewriting their references in place
// (see shareRefs), and copies them otherwise, leaving b as it was.
func (s *store) apply(b *Batch, p *plan, owned bool) {
	s.unshare()
	// Grow every table once, not by doubling as items arrive.
	nv := len(b.Entities) + len(b.Sources) + len(b.Claims)
	adopt := len(s.verts) == 0 && p.ids != nil && len(p.ids) == nv && len(p.names) == nv
	switch {
	case adopt:
		s.ids = p.ids // the check's index, whose numbers are those below
	case len(s.ids) == 0:
		s.ids = make(map[string]int32, nv)
	}
	s.verts = slices.Grow(s.verts, nv)
	s.out = slices.Grow(s.out, nv)
	s.in = slices.Grow(s.in, nv)
	s.entities = takeOrGrow(s.entities, b.Entities, owned)
	s.sources = takeOrGrow(s.sources, b.Sources, owned)
	s.claims = takeOrGrow(s.claims, b.Claims, owned)
	s.rels = slices.Grow(s.rels, p.rels.len())
	firstV := int32(len(s.verts))
	for i := range b.Entities {
		e := b.Entities[i]
		if !owned {
			e = e.Clone()
		}
		if adopt {
			e.ID = p.names[i]
		}
		s.addVertex(e.ID, EntityVertex, len(s.entities), adopt)
		s.entities = append(s.entities, e)
		s.aliasAll(e.Merged, e.ID)
	}
	firstSrc := int32(len(s.verts))
	for i := range b.Sources {
		src := b.Sources[i]
		if !owned {
			src = src.Clone()
		}
		if adopt {
			src.ID = p.names[len(b.Entities)+i]
		}
		s.addVertex(src.ID, SourceVertex, len(s.sources), adopt)
		s.sources = append(s.sources, src)
		s.aliasAll(src.Merged, src.ID)
	}
	firstClaim := int32(len(s.verts))
	for i := range b.Claims {
		c := b.Claims[i]
		if !owned {
			c = c.Clone()
		}
		if adopt {
			c.ID = p.names[len(b.Entities)+len(b.Sources)+i]
		}
		s.addVertex(c.ID, ClaimVertex, len(s.claims), adopt)
		s.claims = append(s.claims, c)
		s.aliasAll(c.Merged, c.ID)
		s.appearances += len(c.Appearances)
	}
	// Every vertex is in: link each new item to what it names, and point
	// its references at the graph's IDs (a derivation may name a source
	// added after it).
	name := s.idOf
	if adopt {
		// The items' IDs, in vertex order side by side: one load per
		// reference instead of the vertex's slot and then its item.
		name = func(v int32) string { return p.names[v] }
	}
	l := linking{s: s, b: b, p: p, first: firstV, firstSrc: firstSrc, firstClaim: firstClaim,
		srcAt: len(s.sources) - len(b.Sources), claimAt: len(s.claims) - len(b.Claims), relAt: int32(len(s.rels)),
		name: name, owned: owned}
	if linkAtOnce(len(b.Sources) + len(b.Claims) + p.rels.len()) {
		l.atOnce()
		return
	}
	s.carve(firstV, b, p)
	for i := range b.Sources {
		s.addDerivationEdges(firstSrc+int32(i), p.refsOf(i))
		l.nameDerivations(i)
	}
	for i := range b.Claims {
		c, refs := &s.claims[l.claimAt+i], p.refsOf(len(b.Sources)+i)
		s.addClaimEdges(firstClaim+int32(i), len(c.About), refs)
		s.shareRefs(c, refs, name)
	}
	for i := range p.rels.len() {
		from, to, d := l.keepRelation(i)
		s.link(from, to, d)
	}
}

// linkAtOnce reports whether apply links the n sources, claims and
// relations of a batch on two cores (see linking.atOnce): at least two
// parts' worth (n/2, as 2*partSize can overflow an int of 32 bits).
func linkAtOnce(n int) bool { return n/2 >= partSize && runtime.GOMAXPROCS(0) > 1 }

// linking is the last step of apply: linking the batch's new vertices
// to what they name, once all are in.
type linking struct {
	s                           *store
	b                           *Batch
	p                           *plan
	first, firstSrc, firstClaim int32 // the vertex numbers of the first new entity, source and claim
	srcAt, claimAt              int   // the table indices of the first new source and claim
	relAt                       int32 // the number of relations before the batch's
	name                        func(int32) string
	owned                       bool
}

// nameDerivations points the derivations of the batch's source i at the
// graph's ID strings.
func (l *linking) nameDerivations(i int) {
	for j, v := range l.p.refsOf(i) {
		l.s.sources[l.srcAt+i].DerivedFrom[j].Source = l.name(v)
	}
}

// keepRelation adds the batch's relation i to the relation tables and
// returns the edge that stands for it.
func (l *linking) keepRelation(i int) (from, to int32, d EdgeData) {
	s := l.s
	from, to = l.p.ends[2*i], l.p.ends[2*i+1]
	kept := rel{from: from, to: to, kind: l.p.rels.kind(i)}
	if r := l.p.rels.extra(i); r != nil {
		x := *r
		if !l.owned {
			x = r.Clone()
		}
		x.From, x.To = l.name(from), l.name(to)
		s.relExtra = append(s.relExtra, x)
		kept.extra = int32(len(s.relExtra))
	}
	s.rels = append(s.rels, kept)
	return from, to, EdgeData{Kinds: relationEdge(kept.kind), rel: int32(len(s.rels))}
}

// linkChunk is how many items the out side of atOnce links before it
// hands them to the in side.
const linkChunk = 4096

// atOnce links as apply does item by item, on two cores: one goroutine
// writes the out-lists (and the relation tables, and the IDs the items
// name, see shareRefs), the other the in-lists, each list in the same
// order as one at a time; each side is O(the items and their
// references), as one at a time is. The IDs are named on the out side:
// on the in side they made that side the heavier. The in side
// takes the sources and claims from the out side in chunks as they are
// linked, reading each item's new out-edges; the relations, whose edges
// need no search, each side does on its own once the in side is past
// the claims, so that no list is read while it is written. carve too
// cuts the out- and in-lists at once.
func (l *linking) atOnce() {
	s, b, p := l.s, l.b, l.p
	items := len(b.Sources) + len(b.Claims)
	done := make(chan int, items/linkChunk+2) // how many items the out side has linked; never blocks
	claimsIn := make(chan struct{})           // the in side is past the claims
	inDone := make(chan struct{})
	go func() {
		defer close(inDone)
		s.carveSide(l.first, b, p, false)
		k := 0
		for end := range done {
			for ; k < end; k++ {
				v := l.firstSrc + int32(k)
				s.linkIn(v, 0)
			}
		}
		close(claimsIn)
		for i := range p.rels.len() {
			from, to := p.ends[2*i], p.ends[2*i+1]
			s.in[to] = append(s.in[to], edge{to: from, data: EdgeData{Kinds: relationEdge(p.rels.kind(i)), rel: l.relAt + int32(i) + 1}})
		}
	}()
	s.carveSide(l.first, b, p, true)
	for k := range items {
		v := l.firstSrc + int32(k)
		if i := k - len(b.Sources); i < 0 {
			s.derivationOut(v, p.refsOf(k))
			l.nameDerivations(k)
		} else {
			c := &s.claims[l.claimAt+i]
			s.claimOut(v, len(c.About), p.refsOf(k))
			s.shareRefs(c, p.refsOf(k), l.name)
		}
		if (k+1)%linkChunk == 0 {
			done <- k + 1
		}
	}
	done <- items
	close(done)
	<-claimsIn
	for i := range p.rels.len() {
		from, to, d := l.keepRelation(i)
		s.out[from] = append(s.out[from], edge{to: to, data: d})
	}
	<-inDone
}
