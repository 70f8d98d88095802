package graph

import (
	"cmp"
	"slices"

	"github.com/claimgraph/claimgraph/claims"
)

// The appearances of the claims that merges fold are keyed by the sets
// of the sources and entities they name, as the merges of the batch so
// far join them (editor.ids), not by the IDs written: a merge of sources or
// entities makes one at once the appearances of a claim it makes alike,
// as it does one merge a batch, whatever merges of claims come before
// or after it, so that a batch joins their notes and inferences in the
// order its steps do.
//
// idSets is a union-find over the IDs of the sources and entities that
// the merges of the batch name: joining two sets re-keys the
// appearances that name the lighter (weighed by the degrees of its
// items in the store), so that each is re-keyed O(log n) times.
type idSets struct {
	parent map[string]string
	weight map[string]int
	// refs lists, per root, the cells of the folds of claims whose
	// appearances name an item of its set (dropped ones left to skip);
	// fresh, the items of its set whose claims in the store are not
	// folded yet (expand).
	refs  map[string][]appRef
	fresh map[string][]string
	// named holds the IDs that merges of sources and entities name,
	// by which appearances are registered; nil when there are none.
	named map[string]bool
}

// appRef is the cell of an appearance in the folds of a claim: claim n,
// or the claim it was merged into (survivor).
type appRef struct {
	c *cell[claims.Appearance]
	n int32
}

// keyIDs readies e.ids for the merges of sources and entities in the
// batch, when it has any; the claims the batch replaces are folded, as
// their appearances may name what the merges name, the store's edges
// not. O(merges, and the appearances of those claims).
func (e *editor) keyIDs() {
	s := e.s
	for _, m := range e.b.Merges {
		for _, id := range []string{m.From, m.Into} {
			if n, ok := s.ids[id]; ok && s.verts[n].kind != ClaimVertex {
				if e.ids.named == nil {
					e.ids = idSets{parent: map[string]string{}, weight: map[string]int{}, refs: map[string][]appRef{},
						fresh: map[string][]string{}, named: map[string]bool{}}
				}
				e.ids.named[s.idOf(n)] = true
			}
		}
	}
	if e.ids.named == nil {
		return
	}
	for _, n := range e.repList {
		if e.reps[n].claim != nil {
			e.foldsOf(n, e.reps[n])
		}
	}
}

// find returns the root of the set of id: id itself when no merge of the
// batch joined it to another yet.
func (e *editor) find(id string) string {
	p := e.ids.parent
	r := id
	for {
		q, ok := p[r]
		if !ok {
			break
		}
		r = q
	}
	for id != r {
		id, p[id] = p[id], r
	}
	return r
}

// appKey returns the key of appearance a by the sets of the IDs it
// names: a via that joined its source's set reads as none, as merging
// the two drops it.
func (e *editor) appKey(a *claims.Appearance) appearanceKey[string] {
	if e.ids.named == nil {
		return appearanceKeyOf(a)
	}
	src, via := e.find(a.Source), e.find(a.Via)
	if via == src && a.Via != a.Source {
		via = ""
	}
	return keyOfAppearance(a, src, e.find(a.Speaker), via)
}

// absorbApps absorbs the appearances ds into kept, once the merges are
// done (fold.settle), comparing their inferences by the sets of the
// sources they name.
func (e *editor) absorbApps(kept *claims.Appearance, ds []*claims.Appearance) {
	if e.ids.named == nil {
		absorbAll(kept, ds)
		return
	}
	absorbBy(kept, ds, e.find)
}

// register lists the cells of the appearances of x, the folds of claim
// n, by the sets of the IDs they name that merges of the batch name.
func (e *editor) register(n int32, x *folds) {
	if e.ids.named == nil || x.apps == nil {
		return
	}
	for c := x.apps.head; c != nil; c = c.next {
		a := &c.v
		var roots [3]string
		for k, id := range []string{a.Source, a.Speaker, a.Via} {
			if id == "" || !e.ids.named[id] && e.ids.parent[id] == "" {
				continue
			}
			r := e.find(id)
			if !slices.Contains(roots[:k], r) {
				roots[k] = r
				e.ids.refs[r] = append(e.ids.refs[r], appRef{c, n})
			}
		}
	}
}

// member makes id, an item a merge names, a set of its own in e.ids the
// first time.
func (e *editor) member(id string) {
	if _, ok := e.ids.weight[id]; ok {
		return
	}
	e.ids.weight[id] = 1 + len(e.s.in[e.s.ids[id]])
	e.ids.fresh[id] = []string{id}
}

// expand folds the claims of the store whose appearances name an item
// of the set of root r, not folded yet, so that their appearances are in
// refs. Each item is expanded once: O(its degree, and the appearances of
// the claims whose appearances name it, each folded once).
func (e *editor) expand(r string, loc location) {
	s := e.s
	for _, id := range e.ids.fresh[r] {
		for _, ed := range s.in[s.ids[id]] {
			n := ed.to
			// Only a claim with an appearance naming id, as its edge
			// says: one about it alone has none to re-key, and looking
			// among its appearances at each merge cost them all each
			// time.
			const named = AppearsInEdge | SaidByEdge | ViaEdge
			if s.verts[n].kind != ClaimVertex || e.gone[n] || e.folded[n] != nil || ed.data.Kinds&named == 0 {
				continue
			}
			e.foldsOf(n, e.rewrite(n, loc))
		}
	}
	delete(e.ids.fresh, r)
}

// joinIDs joins the sets of from and into, for merge loc of sources or
// entities, and makes one the appearances of each claim folded that the
// join makes alike, as renaming from into into does: of those of one
// key, the first in the claim's order stays and takes the others, in
// order. Only the appearances naming the lighter set are re-keyed:
// O(those, plus the degrees of its items not expanded yet).
func (e *editor) joinIDs(from, into string, loc location) {
	e.member(from)
	e.member(into)
	light, heavy := e.find(from), e.find(into)
	if light == heavy {
		return
	}
	if e.ids.weight[light] > e.ids.weight[heavy] {
		light, heavy = heavy, light
	}
	e.expand(light, loc)
	if len(e.ids.refs[light]) == 0 { // no appearance to re-key
		e.unionIDs(light, heavy, nil)
		return
	}
	// The live cells naming the light set, out of their folds' indexes
	// under their keys before the join.
	type hit struct {
		c *cell[claims.Appearance]
		f *fold[appearanceKey[string], claims.Appearance]
		k appearanceKey[string] // before the join
	}
	var hits []hit
	seen := map[*cell[claims.Appearance]]bool{}
	refs := e.ids.refs[light][:0]
	for _, r := range e.ids.refs[light] {
		x := e.folded[e.survivor(r.n)]
		if r.c.dropped || seen[r.c] || x == nil {
			continue
		}
		seen[r.c] = true
		refs = append(refs, r)
		f := x.apps
		f.index()
		k := f.key(&r.c.v)
		if f.first[k] == r.c {
			delete(f.first, k)
		}
		hits = append(hits, hit{r.c, f, k})
	}
	e.unionIDs(light, heavy, refs)
	// Under their keys after: the cells of a key in a fold, those
	// re-keyed and the one there before, are one appearance, but for
	// two alike before (written alike, in a claim the batch replaces),
	// both kept for the check to refuse, as renameClaim does.
	type at struct {
		f *fold[appearanceKey[string], claims.Appearance]
		k appearanceKey[string]
	}
	alike := map[at][]hit{}
	var order []at // the keys in the order met, for a deterministic pass
	for _, h := range hits {
		k := at{h.f, h.f.key(&h.c.v)}
		if alike[k] == nil {
			order = append(order, k)
			if c := h.f.first[k.k]; c != nil {
				alike[k] = append(alike[k], hit{c, h.f, k.k})
			}
		}
		alike[k] = append(alike[k], h)
	}
	for _, k := range order {
		hs := alike[k]
		slices.SortFunc(hs, func(x, y hit) int { return cmp.Compare(x.c.ord, y.c.ord) })
		k.f.first[k.k] = hs[0].c
		for _, d := range hs[1:] {
			if d.k != hs[0].k {
				k.f.drop(hs[0].c, d.c)
			}
		}
	}
}

// unionIDs joins the set of root light to that of root heavy, which
// stands for both after, with refs, the live cells of light's.
func (e *editor) unionIDs(light, heavy string, refs []appRef) {
	x := &e.ids
	x.parent[light] = heavy
	x.weight[heavy] += x.weight[light]
	if len(refs) > 0 {
		x.refs[heavy] = append(x.refs[heavy], refs...)
	}
	if f := x.fresh[light]; len(f) > 0 {
		x.fresh[heavy] = append(x.fresh[heavy], f...)
	}
	delete(x.refs, light)
	delete(x.fresh, light)
}
