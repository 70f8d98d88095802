package graph

import (
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph/internal/borrow"
	"github.com/claimgraph/claimgraph/sources"
)

// View answers queries on a graph, either on all of it (the View embedded
// in every [Graph]) or as of a date ([Graph.At]). A View is live: it
// reads the graph under its read lock, call by call, so it sees later
// changes too; [View.Snapshot] gives one that does not.
//
// A dated view holds only the claims whose validity holds at its date
// and the relations that hold then between such claims; entities and
// sources are always there. Queries that name a claim hidden by the date
// report [ErrNotFound].
//
// Values returned by queries are the caller's: their slices and pointers
// are copies, so changing them cannot change the graph.
//
// Per-item queries cost O(degree) of the item, never O(graph).
// Iterators ([View.Claims] and the like) yield in the order items were
// added (file order for a loaded graph). On a live view they take the
// read lock per item or per chunk of items, never while the loop body
// runs, so the loop body may query the graph, and even change it; a
// whole-graph analysis that must see one state of the graph runs on a
// [View.Snapshot].
type View struct {
	g    *Graph
	at   claims.Date
	snap *store // the tables as of Snapshot, read without the lock; nil for a live view
}

// At returns the view of g as of date t: the claims and relations that
// hold at t (see [claims.Validity.Holds]). The zero Date gives the whole
// graph.
func (g *Graph) At(t claims.Date) View { return View{g: g, at: t} }

// At returns the view of v's graph, or of v's snapshot, as of date t;
// the zero Date gives all of it. See [Graph.At].
func (v View) At(t claims.Date) View {
	v.at = t
	return v
}

// Date returns the date of the view, the zero Date for the whole graph.
func (v View) Date() claims.Date { return v.at }

// Graph returns the graph v reads: for a snapshot, the graph as it is
// now, not as of the snapshot.
func (v View) Graph() *Graph { return v.g }

// Snapshot returns a view of the graph as it is now, at v's date, which
// later changes do not affect: every query and iteration on it sees this
// one state of the graph. Whole-graph analyses (provenance, verdicts,
// truth discovery, export) take one on entry, so that a change applied
// while they run is either wholly in their result or not at all. The
// snapshot of a snapshot is itself.
//
// A snapshot costs O(1): it shares all of the graph's storage. An
// addition rewrites in place only the header of a vertex's adjacency
// list (48 bytes per vertex over both directions), so the first change
// after a snapshot copies those headers before it applies: O(vertices)
// time and memory for that change alone (about 55 MB at a million
// claims), whose old copy the snapshots keep until they are dropped. A
// removal, replacement or merge rewrites items in place, so the first
// one after a snapshot copies the item tables as well (O(items)), and
// it gives every adjacency list it changes a new array. The ID index is
// shared as well, and copied with the item tables, so that a snapshot
// finds by ID every item it holds, one removed or merged away since
// included, and an ID merged into another item names the item it named
// when the snapshot was taken. Iterating a snapshot takes no lock;
// looking up an ID in it takes the read lock for the look-up alone, as
// additions grow the index it shares.
func (v View) Snapshot() View {
	if v.snap != nil {
		return v
	}
	v.g.mu.RLock()
	defer v.g.mu.RUnlock()
	s := *v.g.s // the ID index included: see lookup
	v.g.s.shared.Store(true)
	v.g.s.sharedItems.Store(true)
	v.snap = &s
	return v
}

// rlock returns the store v reads, taking the read lock for a live view;
// runlock ends the read.
func (v View) rlock() *store {
	if v.snap != nil {
		return v.snap
	}
	v.g.mu.RLock()
	return v.g.s
}

// runlock ends a read begun with rlock.
func (v View) runlock() {
	if v.snap == nil {
		v.g.mu.RUnlock()
	}
}

// lookup returns the vertex number of id in s, the store of v.
//
// An ID merged into another item names that item (see [View.Resolve]).
//
// A snapshot reads its own ID index, the graph's as of the snapshot:
// the first removal, replacement or merge after it gives the graph a
// copy (unshareItems), so what that change deletes or re-points stays
// in the snapshot's. Until then additions grow it in place, under the
// write lock, so the snapshot reads it under the read lock, and knows
// only the vertices it holds: an ID added since, or an alias of an item
// added since, names none of them.
func (v View) lookup(s *store, id string) (int32, bool) {
	if v.snap == nil {
		return s.find(id)
	}
	v.g.mu.RLock()
	n, ok := s.find(id)
	v.g.mu.RUnlock()
	return n, ok && int(n) < len(s.verts)
}

// find returns the vertex number of id or of the item id was merged
// into.
func (s *store) find(id string) (int32, bool) {
	if n, ok := s.ids[id]; ok {
		return n, true
	}
	if to, ok := s.alias[id]; ok {
		n, ok := s.ids[to]
		return n, ok
	}
	return 0, false
}

// Resolve returns the ID of the item that id names: id itself, or, when
// id was merged into another item (see [Merge]), that item's ID with
// aliased set. It returns "", false when id names nothing.
func (v View) Resolve(id string) (canonical string, aliased bool) {
	s := v.rlock()
	defer v.runlock()
	n, ok := v.lookup(s, id)
	if !ok {
		return "", false
	}
	canonical = s.idOf(n)
	return canonical, canonical != id
}

func (v View) claimVisible(s *store, idx int32) bool {
	c := &s.claims[idx]
	return c.ID != "" && (v.at.IsZero() || c.Validity.Holds(v.at))
}

func (v View) relVisible(s *store, ri int32) bool {
	if s.deadRel(ri) {
		return false
	}
	if v.at.IsZero() {
		return true
	}
	r := &s.rels[ri]
	if r.extra > 0 && !s.relExtra[r.extra-1].Validity.Holds(v.at) {
		return false
	}
	return v.claimVisible(s, s.verts[r.from].idx) && v.claimVisible(s, s.verts[r.to].idx)
}

// vertex resolves id to a vertex of kind k visible in v, reading s,
// the store that rlock gave.
func (v View) vertex(s *store, id string, k VertexKind) (int32, error) {
	n, ok := v.lookup(s, id)
	switch {
	case !ok:
		// id is the caller's, maybe of any length (a command line).
		return 0, fmt.Errorf("graph: %w: no %s %s", ErrNotFound, k, claims.Quote(id))
	case s.verts[n].kind != k:
		return 0, fmt.Errorf("graph: %w", tag(ErrWrongKind, "%q is %s, not %s", id, s.verts[n].kind.article(), k.article()))
	case k == ClaimVertex && !v.claimVisible(s, s.verts[n].idx):
		return 0, fmt.Errorf("graph: %w: claim %q does not hold as of %s (valid %s)", ErrNotFound, id, v.at, s.claims[s.verts[n].idx].Validity)
	}
	return n, nil
}

// Claim returns the claim with the given ID.
func (v View) Claim(id string) (claims.Claim, bool) {
	c, ok := v.sharedClaim(id)
	return c.Clone(), ok
}

// ClaimInfo returns the claim with the given ID without its lists:
// About, Appearances, Inferred and Merged are nil; Statement and Review
// are copies. It is O(1) whatever the claim holds, for a caller that
// reads a claim's validity or text once for each relation at it, where
// [View.Claim], which copies the appearances, made that quadratic in a
// claim of many appearances that many relations name.
func (v View) ClaimInfo(id string) (claims.Claim, bool) {
	c, ok := v.sharedClaim(id)
	c.About, c.Appearances, c.Inferred, c.Merged = nil, nil, nil, nil
	return c.Clone(), ok // copies Statement and Review, the lists being nil
}

// sharedClaim returns claim id as the graph stores it, its lists shared
// (see [View.sharedSource]).
func (v View) sharedClaim(id string) (claims.Claim, bool) {
	s := v.rlock()
	defer v.runlock()
	n, err := v.vertex(s, id, ClaimVertex)
	if err != nil {
		return claims.Claim{}, false
	}
	return s.claims[s.verts[n].idx], true
}

// Resolved reports whether time resolves the contradiction r as of v's
// date, as [Link.Resolved] says of a link: its claims, r.From and r.To
// (or the claims they were merged into), and r itself do not hold
// together on any day of the date ([claims.HoldTogether]), r's validity
// taken as given in r.Validity, not looked up in v. It reports
// false for a relation of another kind and when v does not hold both
// claims. O(1).
func (v View) Resolved(r claims.Relation) bool {
	if r.Kind != claims.Contradicts {
		return false
	}
	s := v.rlock()
	defer v.runlock()
	a, errA := v.vertex(s, r.From, ClaimVertex)
	b, errB := v.vertex(s, r.To, ClaimVertex)
	if errA != nil || errB != nil {
		return false
	}
	return v.resolved(s, a, b, r.Validity)
}

// resolved reports whether the claims of vertices a and b of s and a
// relation valid for rv do not hold together on any day of v's date.
func (v View) resolved(s *store, a, b int32, rv claims.Validity) bool {
	return !claims.HoldTogether(v.at, s.claims[s.verts[a].idx].Validity, s.claims[s.verts[b].idx].Validity, rv)
}

// Entity returns the entity with the given ID.
func (v View) Entity(id string) (claims.Entity, bool) {
	s := v.rlock()
	defer v.runlock()
	n, err := v.vertex(s, id, EntityVertex)
	if err != nil {
		return claims.Entity{}, false
	}
	return s.entities[s.verts[n].idx].Clone(), true
}

// Source returns the source with the given ID. It copies the source's
// lists, O(their length); [View.SourceInfo] does not.
func (v View) Source(id string) (sources.Source, bool) {
	src, ok := v.sharedSource(id)
	return src.Clone(), ok
}

// SourceInfo returns the source with the given ID without its lists:
// DerivedFrom, Inferred and Merged are nil. It is O(1) whatever the
// source holds, for a caller that reads a source's date, title or
// publisher once for each appearance or derivation that names it, where
// [View.Source], which copies the lists, made that quadratic in a source
// of many derivations that many appearances name.
func (v View) SourceInfo(id string) (sources.Source, bool) {
	src, ok := v.sharedSource(id)
	src.DerivedFrom, src.Inferred, src.Merged = nil, nil, nil
	return src, ok
}

// sharedSource returns source id as the graph stores it, its lists
// shared: items never change once added, so they can be read after the
// lock.
func (v View) sharedSource(id string) (sources.Source, bool) {
	s := v.rlock()
	defer v.runlock()
	n, err := v.vertex(s, id, SourceVertex)
	if err != nil {
		return sources.Source{}, false
	}
	return s.sources[s.verts[n].idx], true
}

// KindOf reports what kind of vertex id names.
func (v View) KindOf(id string) (VertexKind, bool) {
	s := v.rlock()
	defer v.runlock()
	n, ok := v.lookup(s, id)
	if !ok {
		return 0, false
	}
	return s.verts[n].kind, true
}

// eachOf yields the items of a table given by its length and an
// accessor one by one, skipping those keep rejects; on a live view it
// takes the read lock for each.
func eachOf[T any](v View, count func(*store) int, get func(*store, int32) T, keep func(*store, int32) bool) iter.Seq[T] {
	return func(yield func(T) bool) {
		for i := 0; ; i++ {
			s := v.rlock()
			if i >= count(s) {
				v.runlock()
				return
			}
			ok := keep == nil || keep(s, int32(i))
			var item T
			if ok {
				item = get(s, int32(i))
			}
			v.runlock()
			if ok && !yield(item) {
				return
			}
		}
	}
}

// chunk is the number of items an iterator of items takes from the
// graph at a time, under one read lock on a live view, and copies with
// one allocation per slice field (see own).
const chunk = 256

// eachOwned yields copies of the items of a table, skipping those keep
// rejects, a chunk at a time, each chunk copied by own.
func eachOwned[T any](v View, table func(*store) []T, keep func(*store, int32) bool, own func([]T) []T) iter.Seq[T] {
	return func(yield func(T) bool) {
		var buf []T
		for i := 0; ; {
			s := v.rlock()
			t := table(s)
			buf = buf[:0]
			for ; i < len(t) && len(buf) < chunk; i++ {
				if keep == nil || keep(s, int32(i)) {
					buf = append(buf, t[i])
				}
			}
			v.runlock()
			if len(buf) == 0 && i >= len(t) {
				return
			}
			// Items never change once added: their slices can be read
			// without the lock.
			for _, item := range own(buf) {
				if !yield(item) {
					return
				}
			}
		}
	}
}

// Claims yields the claims of v in the order they were added.
func (v View) Claims() iter.Seq[claims.Claim] {
	return eachOwned(v, func(s *store) []claims.Claim { return s.claims }, v.claimVisible, ownClaims)
}

// sharedClaims is [View.Claims] without the copy: the claims share their
// slices with the graph (see package graph/internal/borrow).
func (v View) sharedClaims() iter.Seq[claims.Claim] {
	return eachOwned(v, func(s *store) []claims.Claim { return s.claims }, v.claimVisible, func(l []claims.Claim) []claims.Claim { return l })
}

func init() {
	borrow.Claims = func(v any) iter.Seq[claims.Claim] { return v.(View).sharedClaims() }
}

// Entities yields the entities in the order they were added.
func (v View) Entities() iter.Seq[claims.Entity] {
	return eachOwned(v, func(s *store) []claims.Entity { return s.entities }, func(s *store, i int32) bool { return s.entities[i].ID != "" }, ownEntities)
}

// Sources yields the sources in the order they were added.
func (v View) Sources() iter.Seq[sources.Source] {
	return eachOwned(v, func(s *store) []sources.Source { return s.sources }, func(s *store, i int32) bool { return s.sources[i].ID != "" }, ownSources)
}

// Relations yields the relations between claims of v in the order they
// were added.
func (v View) Relations() iter.Seq[claims.Relation] {
	return eachOf(v, relCount, (*store).relation, v.relVisible)
}

// ContradictionPairs yields every contradiction of v once, in the order
// the contradictions were added.
func (v View) ContradictionPairs() iter.Seq[claims.Relation] {
	return eachOf(v, relCount, (*store).relation, func(s *store, i int32) bool {
		return s.rels[i].kind == claims.Contradicts && v.relVisible(s, i)
	})
}

func relCount(s *store) int { return len(s.rels) }

// Link is a relation between two claims given by their positions in the
// order of [View.Claims], with the fields whole-graph algorithms weigh.
// With positions, such an algorithm can keep its state in slices rather
// than in maps keyed by ID, and look nothing up per relation.
type Link struct {
	From, To   int // positions of the claims in the view's order of claims
	Kind       claims.RelationKind
	Confidence float64 // 0 when the relation gives none

	// Resolved is set on a contradiction that time resolves as of the
	// view's date: its two claims and the relation do not hold together
	// on any day of the date, or for the whole graph on any day at all
	// ([claims.HoldTogether]). Analyses that weigh contradictions (the
	// verdicts, truth discovery) leave such a contradiction out; those
	// that list them say it is resolved by time.
	Resolved bool
}

// Links yields the relations of v that bear on truth (supports and
// contradictions, see [claims.RelationKind.Bearing]) as [Link]s, in the
// order of [View.Relations]; the matching decisions same_as and
// distinct_from are left out, so that whole-graph algorithms need not
// tell them apart. For the view of the whole graph a claim's position
// is its place in the order of addition; for a dated view it counts only
// the claims that hold then, which costs one pass over the claims when
// the iteration starts. Run it on a [View.Snapshot], as the analyses
// do, so that it and [View.Claims] number the same claims; on a live
// view, relations added during the iteration between claims added during
// it are left out of a dated view's.
func (v View) Links() iter.Seq[Link] {
	return func(yield func(Link) bool) {
		var pos []int32 // claim table index -> position in v, -1 when hidden
		s := v.rlock()
		hidden := !v.at.IsZero() || s.deadClaims > 0
		v.runlock()
		if hidden {
			s := v.rlock()
			pos = make([]int32, len(s.claims))
			n := int32(0)
			for i := range s.claims {
				pos[i] = -1
				if v.claimVisible(s, int32(i)) {
					pos[i], n = n, n+1
				}
			}
			v.runlock()
		}
		position := func(s *store, vert int32) int {
			idx := s.verts[vert].idx
			switch {
			case pos == nil:
				return int(idx)
			case int(idx) < len(pos):
				return int(pos[idx])
			}
			return -1
		}
		link := func(s *store, i int32) Link {
			r := &s.rels[i]
			l := Link{From: position(s, r.from), To: position(s, r.to), Kind: r.kind}
			var rv claims.Validity
			if r.extra > 0 {
				l.Confidence, rv = s.relExtra[r.extra-1].Confidence, s.relExtra[r.extra-1].Validity
			}
			l.Resolved = r.kind == claims.Contradicts && v.resolved(s, r.from, r.to, rv)
			return l
		}
		keep := func(s *store, i int32) bool {
			r := &s.rels[i]
			return r.kind.Bearing() && v.relVisible(s, i) && position(s, r.from) >= 0 && position(s, r.to) >= 0
		}
		eachOf(v, relCount, link, keep)(yield)
	}
}

// Counts is the size of a graph or view.
type Counts struct {
	Entities, Sources, Claims, Appearances int
	Supports, Contradictions               int
	Decisions                              int // same_as and distinct_from relations
	Derivations                            int // links between sources
}

// Counts returns the number of items of each kind in v. It costs O(1) on
// the whole graph and O(claims + relations) on a dated view.
func (v View) Counts() Counts {
	s := v.rlock()
	defer v.runlock()
	c := Counts{Entities: len(s.entities) - s.deadEntities, Sources: len(s.sources) - s.deadSources}
	for i := range s.sources {
		c.Derivations += len(s.sources[i].DerivedFrom)
	}
	if v.at.IsZero() {
		c.Claims, c.Appearances = len(s.claims)-s.deadClaims, s.appearances
	} else {
		for i := range s.claims {
			if v.claimVisible(s, int32(i)) {
				c.Claims++
				c.Appearances += len(s.claims[i].Appearances)
			}
		}
	}
	for i := range s.rels {
		if !v.relVisible(s, int32(i)) {
			continue
		}
		switch s.rels[i].kind {
		case claims.Supports:
			c.Supports++
		case claims.Contradicts:
			c.Contradictions++
		default:
			c.Decisions++
		}
	}
	return c
}

// relationsOf collects the visible relations at vertex n of s through
// the adjacency lists given, of kind k.
func (v View) relationsOf(s *store, n int32, k EdgeKinds, lists ...[][]edge) []claims.Relation {
	var out []claims.Relation
	var at []int32
	for _, l := range lists {
		at = at[:0]
		for _, e := range l[n] {
			if e.data.Kinds&k != 0 && v.relVisible(s, e.data.rel-1) {
				at = append(at, e.data.rel-1)
			}
		}
		for _, i := range inTableOrder(at) {
			out = append(out, s.relation(i))
		}
	}
	return out
}

// inTableOrder returns at, positions in a table of items linked to one
// vertex, in the table's order, the order in which [View.Claims],
// [View.Sources] and [View.Relations] yield the items. A vertex's list of
// links is in the order the links were made, which is the table's for
// a graph read from a file; a replacement or a merge, which keeps an
// item's place in its table, makes its links anew, at the end of the
// lists. It costs O(len(at)) when at is in order, O(len(at) log
// len(at)) after such changes.
func inTableOrder(at []int32) []int32 {
	if !slices.IsSorted(at) {
		slices.Sort(at)
	}
	return at
}

// query runs q on the store of v and the vertex id of kind k in it,
// under the read lock for a live view.
func query[T any](v View, id string, k VertexKind, q func(s *store, n int32) T) (T, error) {
	s := v.rlock()
	defer v.runlock()
	n, err := v.vertex(s, id, k)
	if err != nil {
		var zero T
		return zero, err
	}
	return q(s, n), nil
}

// Supporters returns the relations by which other claims directly
// support claim id, in the order they were added ([View.Relations]'s: a
// relation a merge renames keeps its place).
func (v View) Supporters(id string) ([]claims.Relation, error) {
	return query(v, id, ClaimVertex, func(s *store, n int32) []claims.Relation {
		return v.relationsOf(s, n, SupportsEdge, s.in)
	})
}

// Supported returns the relations by which claim id directly supports
// other claims, in the order they were added ([View.Relations]'s: a
// relation a merge renames keeps its place).
func (v View) Supported(id string) ([]claims.Relation, error) {
	return query(v, id, ClaimVertex, func(s *store, n int32) []claims.Relation {
		return v.relationsOf(s, n, SupportsEdge, s.out)
	})
}

// Contradictions returns the contradictions of claim id: the relations
// whose other end ([claims.Relation.Other]) cannot hold with it.
func (v View) Contradictions(id string) ([]claims.Relation, error) {
	return query(v, id, ClaimVertex, func(s *store, n int32) []claims.Relation {
		return v.relationsOf(s, n, ContradictsEdge, s.out, s.in)
	})
}

// RelationsOf returns every relation at claim id, of every kind and in
// either direction, in the order they were added. It costs O(degree).
func (v View) RelationsOf(id string) ([]claims.Relation, error) {
	return query(v, id, ClaimVertex, func(s *store, n int32) []claims.Relation {
		var ris []int32
		for _, l := range [2][][]edge{s.out, s.in} {
			for _, e := range l[n] {
				if e.data.rel > 0 && v.relVisible(s, e.data.rel-1) {
					ris = append(ris, e.data.rel-1)
				}
			}
		}
		slices.Sort(ris)
		out := make([]claims.Relation, len(ris))
		for i, ri := range ris {
			out[i] = s.relation(ri)
		}
		return out
	})
}

// Path is a chain of relations between claims: Claims[i] and
// Claims[i+1] are joined by Relations[i] (in either direction; see
// [claims.Relation.From]).
type Path struct {
	Claims    []string
	Relations []claims.Relation
}

// Len returns the number of relations in p.
func (p Path) Len() int { return len(p.Relations) }

// String writes p as "a -supports-> b -contradicts- c"; an arrow points
// the way a support goes.
func (p Path) String() string {
	var b strings.Builder
	for i, c := range p.Claims {
		if i > 0 {
			r := p.Relations[i-1]
			switch {
			case r.Kind == claims.Contradicts:
				b.WriteString(" -contradicts- ")
			case r.From == c:
				b.WriteString(" <-supports- ")
			default:
				b.WriteString(" -supports-> ")
			}
		}
		b.WriteString(c)
	}
	return b.String()
}

// step is the edge by which a search first reached a vertex.
type step struct {
	from int32
	rel  int32 // index into rels
}

// bfs walks claim relations from vertex start breadth-first, up to
// maxDepth steps (0: no limit; the exported queries refuse a negative
// one with checkDepth before they get here), following the edges that next returns
// for a vertex, and calls visit for every vertex reached the first time,
// with the step that reached it and its depth; it stops when visit
// returns false. It returns the parent edge of each reached vertex.
func (v View) bfs(start int32, maxDepth int, next func(n int32) []edgeStep, visit func(n int32, st step, depth int) bool) map[int32]step {
	parent := map[int32]step{start: {from: -1, rel: -1}}
	frontier := []int32{start}
	for depth := 1; len(frontier) > 0 && (maxDepth <= 0 || depth <= maxDepth); depth++ {
		var nextFrontier []int32
		for _, n := range frontier {
			for _, es := range next(n) {
				if _, seen := parent[es.to]; seen {
					continue
				}
				st := step{from: n, rel: es.rel}
				parent[es.to] = st
				nextFrontier = append(nextFrontier, es.to)
				if !visit(es.to, st, depth) {
					return parent
				}
			}
		}
		frontier = nextFrontier
	}
	return parent
}

type edgeStep struct{ to, rel int32 }

// steps lists the visible claim relations of kind k at n of s through
// lists.
func (v View) steps(s *store, n int32, k EdgeKinds, lists ...[][]edge) []edgeStep {
	var out []edgeStep
	for _, l := range lists {
		for _, e := range l[n] {
			if e.data.Kinds&k != 0 && v.relVisible(s, e.data.rel-1) {
				out = append(out, edgeStep{to: e.to, rel: e.data.rel - 1})
			}
		}
	}
	return out
}

// pathTo rebuilds the path in s from the BFS root to n; rootFirst puts
// the root first.
func pathTo(s *store, parent map[int32]step, n int32, rootFirst bool) Path {
	var p Path
	for cur := n; ; {
		p.Claims = append(p.Claims, s.idOf(cur))
		st := parent[cur]
		if st.from < 0 {
			break
		}
		p.Relations = append(p.Relations, s.relation(st.rel))
		cur = st.from
	}
	if rootFirst {
		slices.Reverse(p.Claims)
		slices.Reverse(p.Relations)
	}
	return p
}

// SupportChains returns every claim that supports claim id directly or
// through a chain of supports, up to maxDepth links (0: no limit), each
// as the shortest chain from the supporter to id. Chains come in order of
// depth, then of discovery.
//
// It costs O(the sum of the chains' lengths), which grows with the square
// of the supporting sub-graph when chains are long: n claims supporting
// each other in a line give n chains of n/2 links on average. Use
// [View.SupportTree] for the same chains sharing their common parts, in
// O(size of the supporting sub-graph), or give a maxDepth. A maxDepth
// below 0 is refused with [ErrNegativeDepth].
func (v View) SupportChains(id string, maxDepth int) ([]Path, error) {
	t, err := v.SupportTree(id, maxDepth)
	if err != nil {
		return nil, err
	}
	chains := make([]Path, len(t.Nodes))
	for i := range t.Nodes {
		chains[i] = t.Path(i)
	}
	return chains, nil
}

// ShortestPath returns the shortest chain of support and contradiction
// relations, followed in either direction, that joins claim from to
// claim to: an explanation of how two claims bear on each other. It
// reports [ErrNoPath] when there is none.
//
// It is a breadth-first search over the claims' adjacency, costing
// O(size of the part of the graph within reach up to the distance found).
func (v View) ShortestPath(from, to string) (Path, error) {
	s := v.rlock()
	defer v.runlock()
	a, err := v.vertex(s, from, ClaimVertex)
	if err != nil {
		return Path{}, err
	}
	b, err := v.vertex(s, to, ClaimVertex)
	if err != nil {
		return Path{}, err
	}
	if a == b {
		return Path{Claims: []string{s.idOf(a)}}, nil // an alias names the item it was merged into, as pathTo does
	}
	found := false
	parent := v.bfs(a, 0,
		func(m int32) []edgeStep { return v.steps(s, m, SupportsEdge|ContradictsEdge, s.out, s.in) },
		func(m int32, _ step, _ int) bool { found = m == b; return !found })
	if !found {
		return Path{}, fmt.Errorf("graph: %w between claims %s and %s", ErrNoPath, claims.Quote(from), claims.Quote(to))
	}
	return pathTo(s, parent, b, true), nil
}

// SourcesOf returns the distinct sources claim id appears in, in the
// order of its appearances.
func (v View) SourcesOf(id string) ([]sources.Source, error) {
	return query(v, id, ClaimVertex, func(s *store, n int32) []sources.Source {
		// The appears-in edges are distinct and in the order of first
		// appearance (see addClaimEdges).
		k := 0
		for _, e := range s.out[n] {
			if e.data.Kinds&AppearsInEdge != 0 {
				k++
			}
		}
		if k == 0 {
			return nil
		}
		out := make([]sources.Source, 0, k)
		for _, e := range s.out[n] {
			if e.data.Kinds&AppearsInEdge != 0 {
				out = append(out, s.sources[s.verts[e.to].idx])
			}
		}
		return ownSources(out)
	})
}

// Speakers returns the distinct entities claim id is attributed to, in
// the order of its appearances: O(appearances + the entities' size).
func (v View) Speakers(id string) ([]claims.Entity, error) {
	return query(v, id, ClaimVertex, func(s *store, n int32) []claims.Entity {
		c := &s.claims[s.verts[n].idx]
		var out []claims.Entity
		seen := make(map[int32]bool) // a list searched was quadratic in a claim's speakers
		for _, a := range c.Appearances {
			if a.Speaker == "" {
				continue
			}
			m, _ := v.lookup(s, a.Speaker)
			if !seen[m] {
				seen[m] = true
				out = append(out, s.entities[s.verts[m].idx])
			}
		}
		return ownEntities(out)
	})
}

// claimsLinked returns the visible claims of s with an edge of kind k
// into vertex n.
func (v View) claimsLinked(s *store, n int32, k EdgeKinds) []claims.Claim {
	var at []int32
	for _, e := range s.in[n] {
		if e.data.Kinds&k != 0 {
			if idx := s.verts[e.to].idx; s.verts[e.to].kind == ClaimVertex && v.claimVisible(s, idx) {
				at = append(at, idx)
			}
		}
	}
	var out []claims.Claim
	for _, i := range inTableOrder(at) {
		out = append(out, s.claims[i])
	}
	return ownClaims(out)
}

// ClaimsIn returns the claims that appear in source id, in the order the
// claims were added ([View.Claims]'s: a claim replaced or merged into
// keeps its place).
func (v View) ClaimsIn(id string) ([]claims.Claim, error) {
	return query(v, id, SourceVertex, func(s *store, n int32) []claims.Claim { return v.claimsLinked(s, n, AppearsInEdge) })
}

// ClaimsAbout returns the claims about entity id, in the order the claims
// were added ([View.Claims]'s: a claim replaced or merged into keeps its
// place).
func (v View) ClaimsAbout(id string) ([]claims.Claim, error) {
	return query(v, id, EntityVertex, func(s *store, n int32) []claims.Claim { return v.claimsLinked(s, n, AboutEdge) })
}

// ClaimsBy returns the claims attributed to entity id in at least one of
// their appearances, in the order the claims were added ([View.Claims]'s:
// a claim replaced or merged into keeps its place).
func (v View) ClaimsBy(id string) ([]claims.Claim, error) {
	return query(v, id, EntityVertex, func(s *store, n int32) []claims.Claim { return v.claimsLinked(s, n, SaidByEdge) })
}

// DerivedBy returns the sources that draw on source id (cite, quote,
// republish or translate it), in the order they were added
// ([View.Sources]'s: a source replaced or merged into keeps its place).
func (v View) DerivedBy(id string) ([]sources.Source, error) {
	return query(v, id, SourceVertex, func(s *store, n int32) []sources.Source {
		var at []int32
		for _, e := range s.in[n] {
			if e.data.Kinds&DerivesEdge != 0 {
				at = append(at, s.verts[e.to].idx)
			}
		}
		var out []sources.Source
		for _, i := range inTableOrder(at) {
			out = append(out, s.sources[i])
		}
		return ownSources(out)
	})
}
