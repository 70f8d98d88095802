package diff

import (
	"fmt"
	"hash/maphash"
	"iter"
	"reflect"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/internal/borrow"
	"github.com/claimgraph/claimgraph/graph/internal/csr"
	"github.com/claimgraph/claimgraph/sources"
)

// Summary is what a comparison needs of the old graph, kept without the
// graph, so that the old graph can go before the new one is read: the
// old graph's verdicts as [Compare] keeps them, and of each entity,
// source, claim and relation its ID (a relation's ends and kind) and a
// 64-bit hash of each field, from which a comparison tells which fields
// of an item changed; the IDs merged into others; and the relations at
// each claim, by number. At a million claims it is about a third of the
// graph's size.
//
// A Summary is read only by [Summary.Compare], and may be used for any
// number of comparisons, also at once.
type Summary struct {
	opts     Options
	seed     maphash.Seed
	verdicts *pastVerdicts

	// ids maps every ID of an item of the graph to the claim's position
	// in claims if it is a claim, and to -1 otherwise; alias maps each ID
	// merged into another item to that item's.
	ids   map[string]int32
	alias map[string]string
	// rated maps each claim with a published review to its rating.
	rated map[string]string

	entities, sources, claims table

	rels    []pastRel // in the graph's order
	relSums []uint64  // the field hashes of the relations that have more than ends and kind
	// The relations at claim i, by their number in rels, in the graph's
	// order, are claimRels[claimAt[i]:claimAt[i+1]].
	claimAt   []int32
	claimRels []int32
}

// table is the summary of the items of one kind: their IDs and, item
// i's at sums[i*fields:], the hashes of its fields.
type table struct {
	ids    []string
	sums   []uint64
	fields int
}

// pastRel is a relation of the summarized graph: its ends by position
// among the claims, its kind, and where its field hashes begin in
// relSums, -1 for a relation with nothing but its ends and kind.
type pastRel struct {
	from, to int32
	sums     int32
	kind     claims.RelationKind
}

// Summarize computes the verdicts of graph old, as of opts.At, and keeps
// what [Summary.Compare] needs of them and of the graph. It takes a
// snapshot of old, so changes made while it runs are not seen, and the
// Summary holds no reference to the graph.
//
// It costs one verdict computation and O(size of the graph); the
// verdicts are computed while the items are summarized.
func Summarize(old *graph.Graph, opts Options) (*Summary, error) {
	v := old.View.Snapshot() // items over all time, verdicts as of opts.At
	n := v.Counts()
	s := &Summary{opts: opts, seed: maphash.MakeSeed(), ids: make(map[string]int32, n.Entities+n.Sources+n.Claims)}
	var err error
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.verdicts, err = judge(v.At(opts.At), opts.Verdict)
	}()
	d := newDigester(s.seed)
	notClaim := func(int) int32 { return -1 }
	s.entities = summarizeItems(s, d, v.Entities(), n.Entities, entityID, entityMerged, notClaim)
	s.sources = summarizeItems(s, d, v.Sources(), n.Sources, sourceID, sourceMerged, notClaim)
	s.claims = summarizeItems(s, d, borrow.Claims(v), n.Claims, claimID, s.claimMerged, func(i int) int32 { return int32(i) })
	relErr := s.summarizeRelations(d, v, n.Supports+n.Contradictions+n.Decisions)
	<-done
	if err != nil {
		return nil, fmt.Errorf("diff: verdicts of the old graph: %w", err)
	}
	if relErr != nil {
		return nil, relErr
	}
	return s, nil
}

func entityMerged(e *claims.Entity) []string  { return e.Merged }
func sourceMerged(s *sources.Source) []string { return s.Merged }

// claimMerged returns the IDs merged into c, and notes the rating of its
// published review, which summarizeItems has no other way to keep.
func (s *Summary) claimMerged(c *claims.Claim) []string {
	if r := rating(c); r != "" {
		if s.rated == nil {
			s.rated = map[string]string{}
		}
		s.rated[c.ID] = r
	}
	return c.Merged
}

// summarizeItems returns the table of items, n of them, recording the ID
// of each in s.ids with the value pos gives for its position, and the IDs
// merged into it. Its lists are made at their size, n (a count that is
// wrong only costs their growing).
func summarizeItems[T any](s *Summary, d *digester, items iter.Seq[T], n int, id func(*T) string, merged func(*T) []string, pos func(int) int32) table {
	t := table{fields: len(fieldKeys[T]())}
	t.ids, t.sums = make([]string, 0, n), make([]uint64, 0, n*t.fields)
	for x := range items {
		t.sums = d.sums(t.sums, &x)
		s.ids[id(&x)] = pos(len(t.ids))
		t.ids = append(t.ids, id(&x))
		s.aliasAll(merged(&x), id(&x))
	}
	return t
}

func (s *Summary) aliasAll(merged []string, id string) {
	for _, m := range merged {
		if s.alias == nil {
			s.alias = map[string]string{}
		}
		s.alias[m] = id
	}
}

// summarizeRelations records the relations of view v, which s
// summarizes, n of them, and the relations at each claim. The ends of the
// relations that bear on truth come by position from [graph.View.Links],
// those of the others are looked up.
func (s *Summary) summarizeRelations(d *digester, v graph.View, n int) error {
	s.rels = make([]pastRel, 0, n)
	for r := range v.Relations() {
		p := pastRel{from: -1, to: -1, kind: r.Kind, sums: -1}
		if !r.Kind.Bearing() {
			p.from, p.to = s.position(r.From), s.position(r.To)
		}
		if !plain(&r) {
			p.sums = int32(len(s.relSums))
			s.relSums = relationSums(d, s.relSums, r)
		}
		s.rels = append(s.rels, p)
	}
	k := 0
	for l := range v.Links() {
		for k < len(s.rels) && !s.rels[k].kind.Bearing() {
			k++
		}
		if k == len(s.rels) || s.rels[k].kind != l.Kind {
			break
		}
		s.rels[k].from, s.rels[k].to = int32(l.From), int32(l.To)
		k++
	}
	degree := make([]int32, len(s.claims.ids)+1)
	for _, r := range s.rels {
		if r.from < 0 || r.to < 0 {
			// A snapshot's relations join its claims, and its links
			// are its relations.
			return fmt.Errorf("diff: the relations of the old graph and their links differ")
		}
		degree[r.from+1]++
		degree[r.to+1]++
	}
	next := csr.Starts(degree)
	s.claimAt = degree
	s.claimRels = make([]int32, degree[len(degree)-1])
	for i, r := range s.rels {
		s.claimRels[next[r.from]] = int32(i)
		next[r.from]++
		s.claimRels[next[r.to]] = int32(i)
		next[r.to]++
	}
	return nil
}

// position returns the position of claim id among the claims of the
// summarized view, -1 when it is not one.
func (s *Summary) position(id string) int32 {
	if i, ok := s.ids[id]; ok {
		return i
	}
	return -1
}

// relationSums appends the field hashes of relation r, but for its
// ends: a relation is compared with the one of its kind and ends.
func relationSums(d *digester, dst []uint64, r claims.Relation) []uint64 {
	r.From, r.To = "", ""
	return d.sums(dst, &r)
}

// published is the rating of the published review of claim id of the
// summarized graph, "" for none.
func (s *Summary) published(id string) string { return s.rated[id] }

func (s *Summary) claimAliases() []alias {
	var out []alias
	for id, to := range s.alias {
		if i, ok := s.ids[to]; ok && i >= 0 {
			out = append(out, alias{id, to})
		}
	}
	return sortAliases(out)
}

// resolve is [graph.View.Resolve] on the summarized graph.
func (s *Summary) resolve(id string) (string, bool) {
	if _, ok := s.ids[id]; ok {
		return id, false
	}
	if to, ok := s.alias[id]; ok {
		if _, ok := s.ids[to]; ok {
			return to, true
		}
	}
	return "", false
}

// relationsOf is [graph.View.RelationsOf] on the summarized view, each
// relation with its ends and kind only.
func (s *Summary) relationsOf(id string) []claims.Relation {
	id, _ = s.resolve(id)
	i, ok := s.ids[id]
	if !ok || i < 0 {
		return nil
	}
	var out []claims.Relation
	for _, k := range s.claimRels[s.claimAt[i]:s.claimAt[i+1]] {
		out = append(out, s.relation(&k))
	}
	return out
}

// relation returns relation k with its ends and kind.
func (s *Summary) relation(k *int32) claims.Relation {
	r := &s.rels[*k]
	return claims.Relation{From: s.claims.ids[r.from], To: s.claims.ids[r.to], Kind: r.kind}
}

// Compare compares the summarized graph with graph new, as [Compare]
// compares the old graph with it, with the options of [Summarize], and
// returns the same report. It takes a snapshot of new, so changes made
// while it runs are not seen.
//
// It costs one verdict computation and O(size of the new graph) besides.
func (s *Summary) Compare(new *graph.Graph) (*Report, error) {
	nv := new.View.Snapshot() // items over all time, verdicts as of s.opts.At
	c := newComparer(s, nv, s.opts)
	return c.run(s.verdicts, func() {
		d := newDigester(s.seed)
		items(c, "entity", s.entities.all(), nv.Entities(), s.entities.id, entityID, differ[claims.Entity](d, s.entities))
		items(c, "source", s.sources.all(), nv.Sources(), s.sources.id, sourceID, differ[sources.Source](d, s.sources))
		items(c, "claim", s.claims.all(), borrow.Claims(nv), s.claims.id, claimID, differ[claims.Claim](d, s.claims))
		relations(c, indices(len(s.rels)), s.relation, s.relationDiffer(d))
	})
}

// relationDiffer returns a function that gives the keys of the fields in
// which relation k and relation n of the new graph, of its kind and
// ends, differ.
func (s *Summary) relationDiffer(d *digester) func(k *int32, n *claims.Relation) []string {
	var scratch []uint64
	return func(k *int32, n *claims.Relation) []string {
		r := &s.rels[*k]
		if r.sums < 0 && plain(n) {
			return nil
		}
		scratch = relationSums(d, scratch[:0], *n)
		var old []uint64
		if r.sums < 0 {
			old = relationSums(d, nil, claims.Relation{Kind: r.kind})
		} else {
			old = s.relSums[r.sums : int(r.sums)+len(scratch)]
		}
		return keysDiffer(relationKeys, old, scratch)
	}
}

// all yields the positions of the items of t.
func (t table) all() iter.Seq[int32] { return indices(len(t.ids)) }

// id returns the ID of item i of t.
func (t table) id(i *int32) string { return t.ids[*i] }

// indices yields 0 to n-1.
func indices(n int) iter.Seq[int32] {
	return func(yield func(int32) bool) {
		for i := range int32(n) {
			if !yield(i) {
				return
			}
		}
	}
}

// differ returns a function that gives the keys of the fields in which
// item i of t and item n of the new graph differ.
func differ[T any](d *digester, t table) func(i *int32, n *T) []string {
	var scratch []uint64
	keys := fieldKeys[T]()
	return func(i *int32, n *T) []string {
		scratch = d.sums(scratch[:0], n)
		return keysDiffer(keys, t.sums[int(*i)*t.fields:int(*i+1)*t.fields], scratch)
	}
}

// keysDiffer returns the keys, of those of the hashes (fieldKeys), whose
// hashes differ between old and new.
func keysDiffer(keys []string, old, new []uint64) []string {
	var out []string
	for i := range old {
		if old[i] != new[i] {
			out = append(out, keys[i])
		}
	}
	return out
}

// relationKeys is fieldKeys of a relation.
var relationKeys = fieldKeys[claims.Relation]()

// fieldKeys returns the format's key of each hash that the digester's
// sums gives an item of type T: a field's key, or for a validity the
// keys of its fields (validityKeys).
func fieldKeys[T any]() []string {
	typ := reflect.TypeFor[T]()
	var out []string
	for i := range typ.NumField() {
		if typ.Field(i).Type == reflect.TypeFor[claims.Validity]() {
			for _, k := range validityKeys {
				out = append(out, k.key)
			}
			continue
		}
		out = append(out, key(typ.Field(i).Name))
	}
	return out
}
