package main

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
)

// bucketBits sets the span of ranks that number sorts in one group: a
// bucket holds the names whose first rank (see [rank]) agrees but for
// its last bucketBits bits, at most 2¹⁶ of them.
const bucketBits = 16

// Ranked is a name with a place in the input where it occurs.
type Ranked struct {
	Name string
	Rank int64
}

// number gives every distinct name of names (repeats allowed) a dense
// number, 0 to n−1 for n distinct names, in the order of their first
// place in the input (ties by name), and returns the pairs (name,
// number). The order is the library's: truth.Dataset numbers sources
// as it first meets them, and ACCU breaks ties between equally
// independent sources of a value by that order.
//
// The iterations carry these numbers, not the names: a number below 2²¹
// is encoded in three bytes, a source's or fact's name in ten to forty,
// and every fact's list of sources and every source's list of facts is
// re-encoded at each stage of each iteration.
//
// The names are made distinct (combined per name, so each worker sends
// each name once, with its first place), grouped into buckets of
// neighbouring places and sorted within each; a global combine adds up
// the sizes of the buckets into their offsets, read as a side input.
// O(n log n) work, three shuffles, no step sees more than a bucket.
func number(s beam.Scope, names beam.PCollection) beam.PCollection {
	s = s.Scope("number")
	first := beam.CombinePerKey(s, minRank{}, beam.ParDo(s, rankedKV, names))
	sizes, slots := beam.ParDo2(s, sortBucket, beam.GroupByKey(s, beam.ParDo(s, bucketOf, first)))
	offsets := beam.Combine(s, offsetsFn{}, sizes)
	return beam.ParDo(s, &placeFn{}, slots, beam.SideInput{Input: offsets})
}

func rankedKV(r Ranked) (string, int64) { return r.Name, r.Rank }

// minRank keeps a name's first place.
type minRank struct{}

func (minRank) MergeAccumulators(a, b int64) int64 { return min(a, b) }

func bucketOf(name string, rank int64) (int64, Ranked) {
	return rank >> bucketBits, Ranked{Name: name, Rank: rank}
}

// Slot is a name's place: its bucket and its index in the sorted bucket.
type Slot struct {
	Bucket int64
	Index  int
}

// Size is the number of names in a bucket, or, once offsetsFn is done,
// the number of the bucket's first name.
type Size struct {
	Bucket int64
	N      int64
}

func sortBucket(b int64, iter func(*Ranked) bool, sizes func(Size), slots func(string, Slot)) {
	var rs []Ranked
	var r Ranked
	for iter(&r) {
		rs = append(rs, r)
	}
	slices.SortFunc(rs, func(x, y Ranked) int { return cmp.Or(cmp.Compare(x.Rank, y.Rank), cmp.Compare(x.Name, y.Name)) })
	for i, r := range rs {
		slots(r.Name, Slot{Bucket: b, Index: i})
	}
	sizes(Size{Bucket: b, N: int64(len(rs))})
}

// offsetsFn turns the sizes of the buckets into the numbers of their
// first names, sorted by bucket: the sum of the sizes of the buckets
// before each. Its accumulator holds one Size per bucket.
type offsetsFn struct{}

func (offsetsFn) AddInput(a []Size, x Size) []Size     { return append(a, x) }
func (offsetsFn) MergeAccumulators(a, b []Size) []Size { return append(a, b...) }
func (offsetsFn) ExtractOutput(a []Size) []Size {
	out := slices.Clone(a)
	slices.SortFunc(out, func(x, y Size) int { return cmp.Compare(x.Bucket, y.Bucket) })
	var sum int64
	for i := range out {
		out[i].N, sum = sum, sum+out[i].N
	}
	return out
}

// placeFn numbers a name: its bucket's offset plus its index.
type placeFn struct{ offsets sideCache[[]Size] }

func (fn *placeFn) ProcessElement(name string, sl Slot, offsets func(*[]Size) bool) (string, int64, error) {
	off, _ := fn.offsets.get(offsets)
	i, ok := slices.BinarySearchFunc(off, sl.Bucket, func(x Size, b int64) int { return cmp.Compare(x.Bucket, b) })
	if !ok {
		return "", 0, fmt.Errorf("number: no offset for bucket %d of %q", sl.Bucket, name)
	}
	return name, off[i].N + int64(sl.Index), nil
}

// Asserted is a fact as the input names it: its key (unique across
// objects), object, value, place in the input, and the names of the
// sources that assert it.
type Asserted struct {
	Key, Object, Value string
	Rank               int64
	Sources            []string
}

// Tables are the numbered facts and sources the iterations work on, and
// the names to join back into the output.
type Tables struct {
	Facts     beam.PCollection // Fact, with ID, Obj, Rank and Sources
	Srcs      beam.PCollection // KV<int64, Src>, with ID, Facts and the prior trust 1
	FactNames beam.PCollection // KV<int64, FactName>
	SrcNames  beam.PCollection // KV<int64, string>
}

// FactName is what the output says of a fact: its object and value.
type FactName struct{ Object, Value string }

// numbered numbers the facts in, their objects and the sources of names
// (every source's name with its places, repeated or not; a source that
// asserts nothing still has a trust), and builds the facts' and sources'
// states. Each fact is joined with the numbers of its key and object
// once; the sources' numbers are a side input, a table of one entry per
// source, which must fit a worker's memory (as the library's whole
// dataset must fit one machine's): joining them per assertion shuffled
// every (source, fact) pair as names twice more, most of the first
// pipeline's memory on Prism.
func numbered(s beam.Scope, in, names beam.PCollection) Tables {
	s = s.Scope("numbered")
	srcIDs := number(s, names)
	factIDs := number(s, beam.ParDo(s, assertedKey, in))
	objIDs := number(s, beam.ParDo(s, assertedObject, in))
	objOf := beam.ParDo(s, refID, beam.CoGroupByKey(s, objIDs, beam.ParDo(s, objectRef, in)))
	facts, factNames := beam.ParDo2(s, &buildFact{}, beam.CoGroupByKey(s, beam.ParDo(s, keyAsserted, in), factIDs, objOf), beam.SideInput{Input: srcIDs})
	srcNames := beam.ParDo(s, swapID, srcIDs)
	lists := beam.CombinePerKey(s, factList{}, beam.ParDo(s, &factsOfSources{}, facts))
	srcs := beam.ParDo(s, buildSrc, beam.CoGroupByKey(s, srcNames, lists))
	return Tables{Facts: facts, Srcs: srcs, FactNames: factNames, SrcNames: srcNames}
}

func assertedKey(a Asserted) Ranked    { return Ranked{Name: a.Key, Rank: a.Rank} }
func assertedObject(a Asserted) Ranked { return Ranked{Name: a.Object, Rank: a.Rank} }
func objectRef(a Asserted) (string, string) {
	return a.Object, a.Key
}
func keyAsserted(a Asserted) (string, Asserted)    { return a.Key, a }
func swapID(name string, id int64) (int64, string) { return id, name }

// refID sends the number of a name to every fact key that refers to it.
func refID(name string, ids func(*int64) bool, keys func(*string) bool, emit func(string, int64)) error {
	var id int64
	if !ids(&id) {
		var k string
		if keys(&k) {
			return fmt.Errorf("fact %q refers to %q, which is not among the objects", k, name)
		}
		return nil
	}
	var k string
	for keys(&k) {
		emit(k, id)
	}
	return nil
}

// buildFact makes a fact's state from its numbers, its sources' from the
// table of their numbers, distinct and sorted.
type buildFact struct{ ids tableCache[string, int64] }

func (fn *buildFact) ProcessElement(key string, as func(*Asserted) bool, ids, objs func(*int64) bool, srcIDs func(*string, *int64) bool, emit func(Fact), names func(int64, FactName)) error {
	var a Asserted
	var f Fact
	if !as(&a) || !ids(&f.ID) || !objs(&f.Obj) {
		return nil
	}
	table := fn.ids.get(srcIDs)
	f.Rank = a.Rank
	f.Sources = make([]int64, 0, len(a.Sources))
	for _, name := range a.Sources {
		id, ok := table[name]
		if !ok {
			return fmt.Errorf("fact %q refers to %q, which is not among the sources", key, name)
		}
		f.Sources = append(f.Sources, id)
	}
	slices.Sort(f.Sources)
	f.Sources = slices.Compact(f.Sources)
	emit(f)
	names(f.ID, FactName{Object: a.Object, Value: a.Value})
	return nil
}

// factsOfSources sends each source the facts it asserts: a list per
// source a bundle, not an element per assertion (see [outbox]).
type factsOfSources struct{ lists map[int64][]int64 }

func (fn *factsOfSources) ProcessElement(f Fact, _ func(int64, []int64)) {
	if fn.lists == nil {
		fn.lists = make(map[int64][]int64)
	}
	for _, s := range f.Sources {
		fn.lists[s] = append(fn.lists[s], f.ID)
	}
}

func (fn *factsOfSources) FinishBundle(emit func(int64, []int64)) {
	for s, l := range fn.lists {
		emit(s, l)
	}
	clear(fn.lists)
}

// buildSrc makes a source's state from its facts (see factList), with
// the prior trust 1 of the Pasternack & Roth algorithms (TruthFinder
// sets its own).
func buildSrc(id int64, names func(*string) bool, facts func(*[]int64) bool, emit func(int64, Src)) {
	var name string
	if !names(&name) {
		return // not a source: the library ignores it too
	}
	src := Src{ID: id, Trust: 1}
	facts(&src.Facts) // none for a source that asserts nothing
	emit(id, src)
}

// factList joins the lists of a source's facts into one, sorted and
// distinct. The lists are partial, one per bundle (see factsOfSources):
// on Prism, each element pending between stages costs a hundred bytes
// or more beside its data.
type factList struct{}

func (factList) MergeAccumulators(a, b []int64) []int64 { return append(a, b...) }
func (factList) ExtractOutput(a []int64) []int64 {
	slices.Sort(a)
	return slices.Compact(a)
}
