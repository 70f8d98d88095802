package truth

import (
	"errors"
	"fmt"
	"hash/maphash"
	"slices"
	"sync"
)

// SourceID is the dense index of a source in a [Dataset]: 0, 1, 2, ... in
// the order sources were added.
type SourceID int32

// ObjectID is the dense index of an object (a question with one true
// answer) in a [Dataset].
type ObjectID int32

// FactID is the dense index of a fact (one candidate value of one object) in
// a [Dataset].
type FactID int32

// NoFact is the [FactID] reported by [Result.Chosen] for an object that has
// no facts.
const NoFact FactID = -1

// Sentinel errors, matched with errors.Is.
var (
	// ErrIDRange reports an ID that does not name an existing source,
	// object or fact of the [Dataset].
	ErrIDRange = errors.New("ID out of range")
	// ErrImplication reports an implication weight outside [-1, 1] or
	// from a fact to itself.
	ErrImplication = errors.New("invalid implication")
	// ErrUnknownAlgorithm reports an algorithm name that [ParseAlgorithm]
	// does not know.
	ErrUnknownAlgorithm = errors.New("unknown algorithm")
	// ErrMissingField reports a line of a triples file that has fewer
	// fields than the columns asked for.
	ErrMissingField = errors.New("missing field")
	// ErrEmptyField reports an empty source or object name in a triples
	// file.
	ErrEmptyField = errors.New("empty source or object")
	// ErrTooLarge: a triples input is larger than [ReadOptions.MaxBytes].
	ErrTooLarge = errors.New("input too large")
	// ErrLongLine: a line of a plain (not CSV) triples input is longer
	// than [MaxLineBytes].
	ErrLongLine = errors.New("line too long")
	// ErrInvalidUTF8: a triples input is not valid UTF-8.
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
)

type factKey struct {
	obj   ObjectID
	value string
}

type implication struct {
	from, to FactID
	w        float64
}

// Dataset is the input of truth discovery: sources, objects, the facts
// (candidate values) of each object, which source asserts which fact, and
// optional implications between facts.
//
// Facts of one object are mutually exclusive: at most one is true. A source
// asserting the same fact more than once counts once.
//
// There are two ways to build a Dataset. [Dataset.Assert] takes names and
// values as strings and assigns IDs in order of first appearance. The
// numeric API ([Dataset.AddSource], [Dataset.AddObject], [Dataset.AddFact],
// [Dataset.AssertID]) is for callers that already have dense IDs; the two
// may be mixed. Memory is linear in the number of assertions: two int32 per
// assertion in each direction once frozen.
//
// A Dataset is not safe for concurrent mutation. After [Dataset.Freeze],
// any number of goroutines may call [Discover] on it as long as nobody
// mutates it.
type Dataset struct {
	sourceNames []string
	objectNames []string
	factObject  []ObjectID
	factValue   []string

	// Name look-ups, built on first use and brought up to date by each:
	// the numeric API never pays for them.
	sourceIndex lookup[string]
	objectIndex lookup[string]
	factIndex   lookup[factKey]

	pairs  []uint64 // source<<32 | fact, possibly duplicated, unsorted
	imps   []implication
	copies []uint64 // copier<<32 | original, declared by DeclareCopy

	mu     sync.Mutex
	frozen *index
}

// index is the compact, read-only form of a Dataset used by the algorithms.
// All adjacency lists are CSR: the neighbours of i are
// list[start[i]:start[i+1]], in increasing order.
type index struct {
	nSources, nObjects, nFacts int

	srcStart []int32 // by source: facts asserted
	srcFacts []int32

	factStart   []int32 // by fact: asserting sources
	factSources []int32

	objStart []int32 // by object: its facts
	objFacts []int32

	factObj []int32

	impStart []int32 // by target fact: implying facts and weights
	impFrom  []int32
	impW     []float64
}

// NewDataset returns an empty Dataset.
func NewDataset() *Dataset {
	return &Dataset{}
}

// lookup finds the first of a list of items by key. It indexes the items
// added since its last use, in order, so that the first with a key wins.
// It is a table of item numbers with open addressing, at most half full,
// whose keys are the items' own (keyOf): 4 to 16 bytes an item, where a
// map would hold a copy of each key as well (some 40 bytes an item, and
// more while it grows).
type lookup[K comparable] struct {
	slots []int32 // 1 + the item's number, 0 for an empty slot; len is a power of two
	used  int
	done  int // items indexed
	seed  maphash.Seed
	hash  func(maphash.Seed, K) uint64 // set on first use
}

// find returns the number of the first of the n items whose key,
// keyOf(i), is key. hash hashes keys; it is the same on every call.
func (l *lookup[K]) find(key K, n int, keyOf func(i int) K, hash func(maphash.Seed, K) uint64) (int32, bool) {
	l.hash = hash
	for ; l.done < n; l.done++ {
		l.insert(keyOf(l.done), int32(l.done), keyOf)
	}
	if len(l.slots) == 0 {
		return 0, false
	}
	mask := uint64(len(l.slots) - 1)
	for h := l.hash(l.seed, key) & mask; ; h = (h + 1) & mask {
		s := l.slots[h]
		if s == 0 {
			return 0, false
		}
		if keyOf(int(s-1)) == key {
			return s - 1, true
		}
	}
}

// insert indexes item i, of key k, unless an earlier item has its key.
func (l *lookup[K]) insert(k K, i int32, keyOf func(i int) K) {
	if 2*(l.used+1) > len(l.slots) {
		l.grow(keyOf)
	}
	mask := uint64(len(l.slots) - 1)
	for h := l.hash(l.seed, k) & mask; ; h = (h + 1) & mask {
		s := l.slots[h]
		if s == 0 {
			l.slots[h] = i + 1
			l.used++
			return
		}
		if keyOf(int(s-1)) == k {
			return
		}
	}
}

// grow doubles the table (the first makes it of 16 slots) and places its
// items anew.
func (l *lookup[K]) grow(keyOf func(i int) K) {
	if len(l.slots) == 0 {
		l.seed = maphash.MakeSeed()
	}
	old := l.slots
	l.slots = make([]int32, max(16, 2*len(old)))
	mask := uint64(len(l.slots) - 1)
	for _, s := range old {
		if s == 0 {
			continue
		}
		h := l.hash(l.seed, keyOf(int(s-1))) & mask
		for l.slots[h] != 0 {
			h = (h + 1) & mask
		}
		l.slots[h] = s
	}
}

// hashFact hashes a fact's key: its value's hash, mixed with its object.
func hashFact(seed maphash.Seed, k factKey) uint64 {
	return maphash.String(seed, k.value) ^ uint64(uint32(k.obj))*0x9e3779b97f4a7c15
}

func (d *Dataset) sourceNamed(name string) (SourceID, bool) {
	i, ok := d.sourceIndex.find(name, len(d.sourceNames), func(i int) string { return d.sourceNames[i] }, maphash.String)
	return SourceID(i), ok
}

func (d *Dataset) objectNamed(name string) (ObjectID, bool) {
	i, ok := d.objectIndex.find(name, len(d.objectNames), func(i int) string { return d.objectNames[i] }, maphash.String)
	return ObjectID(i), ok
}

func (d *Dataset) factOf(obj ObjectID, value string) (FactID, bool) {
	i, ok := d.factIndex.find(factKey{obj, value}, len(d.factObject), func(i int) factKey { return factKey{d.factObject[i], d.factValue[i]} }, hashFact)
	return FactID(i), ok
}

func (d *Dataset) touch() { d.frozen = nil }

// AddSource adds a source called name and returns its ID. Names need not be
// unique for the numeric API, but [Dataset.Assert] and [Dataset.Source]
// refer to the first source with a given name.
func (d *Dataset) AddSource(name string) SourceID {
	d.touch()
	id := SourceID(len(d.sourceNames))
	d.sourceNames = append(d.sourceNames, name)
	return id
}

// AddObject adds an object called name and returns its ID; names behave as
// for [Dataset.AddSource].
func (d *Dataset) AddObject(name string) ObjectID {
	d.touch()
	id := ObjectID(len(d.objectNames))
	d.objectNames = append(d.objectNames, name)
	return id
}

// AddFact adds a fact with the given value to object obj and returns its ID.
// Unlike [Dataset.Fact] it always creates a new fact, so facts with equal
// values are possible (a claim-graph adapter may want that); [Dataset.Fact]
// and [Dataset.Assert] find the first of them.
func (d *Dataset) AddFact(obj ObjectID, value string) (FactID, error) {
	if obj < 0 || int(obj) >= len(d.objectNames) {
		return 0, fmt.Errorf("truth: %w: object %d of %d", ErrIDRange, obj, len(d.objectNames))
	}
	d.touch()
	id := FactID(len(d.factObject))
	d.factObject = append(d.factObject, obj)
	d.factValue = append(d.factValue, value)
	return id, nil
}

// grow makes room for objects, facts and assertions more, so that as
// many Add and Assert calls append without copying.
func (d *Dataset) grow(objects, facts, assertions int) {
	d.objectNames = slices.Grow(d.objectNames, objects)
	d.factObject = slices.Grow(d.factObject, facts)
	d.factValue = slices.Grow(d.factValue, facts)
	d.pairs = slices.Grow(d.pairs, assertions)
}

// AssertID records that source s asserts fact f.
func (d *Dataset) AssertID(s SourceID, f FactID) error {
	if s < 0 || int(s) >= len(d.sourceNames) {
		return fmt.Errorf("truth: %w: source %d of %d", ErrIDRange, s, len(d.sourceNames))
	}
	if f < 0 || int(f) >= len(d.factObject) {
		return fmt.Errorf("truth: %w: fact %d of %d", ErrIDRange, f, len(d.factObject))
	}
	d.touch()
	d.pairs = append(d.pairs, uint64(s)<<32|uint64(uint32(f)))
	return nil
}

// Source returns the ID of the source called name, adding it if needed.
func (d *Dataset) Source(name string) SourceID {
	if id, ok := d.sourceNamed(name); ok {
		return id
	}
	return d.AddSource(name)
}

// Object returns the ID of the object called name, adding it if needed.
func (d *Dataset) Object(name string) ObjectID {
	if id, ok := d.objectNamed(name); ok {
		return id
	}
	return d.AddObject(name)
}

// Fact returns the ID of the fact of obj with the given value, adding it if
// needed.
func (d *Dataset) Fact(obj ObjectID, value string) (FactID, error) {
	if id, ok := d.factOf(obj, value); ok {
		return id, nil
	}
	return d.AddFact(obj, value)
}

// Assert records that the named source gives value as the answer for the
// named object, creating the source, object and fact as needed, and returns
// the fact.
func (d *Dataset) Assert(source, object, value string) FactID {
	s := d.Source(source)
	f, _ := d.Fact(d.Object(object), value) // the object exists: no error
	_ = d.AssertID(s, f)                    // both exist: no error
	return f
}

// SetImplication sets imp(from→to) = w, TruthFinder's implication: how
// much believing fact from supports (w > 0) or undermines (w < 0) fact to.
// Weights must lie in [-1, 1]. The facts may belong to different objects;
// the last weight set for a pair wins. Only [TruthFinder] uses
// implications.
func (d *Dataset) SetImplication(from, to FactID, w float64) error {
	n := FactID(len(d.factObject))
	if from < 0 || from >= n || to < 0 || to >= n {
		return fmt.Errorf("truth: %w: fact %d or %d of %d", ErrIDRange, from, to, n)
	}
	if from == to || !(w >= -1 && w <= 1) {
		return fmt.Errorf("truth: %w: imp(%d→%d) = %v", ErrImplication, from, to, w)
	}
	d.touch()
	d.imps = append(d.imps, implication{from, to, w})
	return nil
}

// ImplyBySimilarity sets, for every ordered pair of distinct facts f1, f2
// of the same object existing now, imp(f1→f2) = sim(v1, v2) − base, clipped
// to [-1, 1], where v1 and v2 are the facts' values. This is TruthFinder's
// implication with base_sim = base (the paper uses 0.5); sim should return
// values in [0, 1]. Zero weights are not stored. The cost is quadratic in
// the number of facts per object.
func (d *Dataset) ImplyBySimilarity(sim func(v1, v2 string) float64, base float64) {
	ix := d.buildObjects()
	for o := 0; o < len(d.objectNames); o++ {
		fs := ix.objFacts[ix.objStart[o]:ix.objStart[o+1]]
		for _, f1 := range fs {
			for _, f2 := range fs {
				if f1 == f2 {
					continue
				}
				w := min(max(sim(d.factValue[f1], d.factValue[f2])-base, -1), 1)
				if w != 0 {
					d.imps = append(d.imps, implication{FactID(f1), FactID(f2), w})
				}
			}
		}
	}
	d.touch()
}

// NumSources returns the number of sources.
func (d *Dataset) NumSources() int { return len(d.sourceNames) }

// NumObjects returns the number of objects.
func (d *Dataset) NumObjects() int { return len(d.objectNames) }

// NumFacts returns the number of facts.
func (d *Dataset) NumFacts() int { return len(d.factObject) }

// NumAssertions returns the number of distinct (source, fact) assertions.
func (d *Dataset) NumAssertions() int { return len(d.index().srcFacts) }

// SourceName returns the name of source s.
func (d *Dataset) SourceName(s SourceID) string { return d.sourceNames[s] }

// ObjectName returns the name of object o.
func (d *Dataset) ObjectName(o ObjectID) string { return d.objectNames[o] }

// Value returns the value of fact f.
func (d *Dataset) Value(f FactID) string { return d.factValue[f] }

// FactObject returns the object fact f belongs to.
func (d *Dataset) FactObject(f FactID) ObjectID { return d.factObject[f] }

// Facts returns the facts of object o in increasing ID order.
func (d *Dataset) Facts(o ObjectID) []FactID {
	ix := d.index()
	return toIDs[FactID](ix.objFacts[ix.objStart[o]:ix.objStart[o+1]])
}

// Asserted returns the distinct facts source s asserts, in increasing ID
// order.
func (d *Dataset) Asserted(s SourceID) []FactID {
	ix := d.index()
	return toIDs[FactID](ix.srcFacts[ix.srcStart[s]:ix.srcStart[s+1]])
}

// Asserters returns the distinct sources asserting fact f, in increasing ID
// order.
func (d *Dataset) Asserters(f FactID) []SourceID {
	ix := d.index()
	return toIDs[SourceID](ix.factSources[ix.factStart[f]:ix.factStart[f+1]])
}

func toIDs[T ~int32](xs []int32) []T {
	out := make([]T, len(xs))
	for i, x := range xs {
		out[i] = T(x)
	}
	return out
}

// Freeze builds the compact read-only index the algorithms use: sorted,
// de-duplicated assertions in CSR form both ways. [Discover] calls it when
// needed; call it yourself to pay the cost up front or before concurrent
// calls to [Discover]. Mutating the Dataset afterwards is allowed and makes
// the next call rebuild.
func (d *Dataset) Freeze() { d.index() }

// index returns the frozen index, building it if needed.
func (d *Dataset) index() *index {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.frozen != nil {
		return d.frozen
	}
	ix := d.buildObjects()

	// Assertions, source-major, each source's facts in increasing order
	// and once: a counting sort by fact, then a stable one by source,
	// O(A + S + F) where one sort of them all would cost a logarithm
	// more (at a million claims of graph/synth, 100 million assertions).
	nS, nF := len(d.sourceNames), len(d.factObject)
	ix.nSources = nS
	ix.factStart = make([]int32, nF+1)
	ix.srcStart = make([]int32, nS+1)
	for _, p := range d.pairs {
		ix.factStart[uint32(p)+1]++
		ix.srcStart[p>>32+1]++
	}
	prefix(ix.factStart)
	prefix(ix.srcStart)
	bySrc := make([]int32, len(d.pairs)) // the sources of each fact, in order of assertion
	next := slices.Clone(ix.factStart[:nF])
	for _, p := range d.pairs {
		f := uint32(p)
		bySrc[next[f]] = int32(p >> 32)
		next[f]++
	}
	ix.srcFacts = make([]int32, len(d.pairs))
	next = slices.Clone(ix.srcStart[:nS])
	for f := range nF {
		for _, s := range bySrc[ix.factStart[f]:ix.factStart[f+1]] {
			ix.srcFacts[next[s]] = int32(f)
			next[s]++
		}
	}
	// Each source's facts are sorted: drop the repeats, moving the rows
	// down over the room freed, and count the facts' sources again.
	at := int32(0)
	clear(ix.factStart)
	for s := range nS {
		row := slices.Compact(ix.srcFacts[ix.srcStart[s]:ix.srcStart[s+1]])
		for _, f := range row {
			ix.factStart[f+1]++
		}
		ix.srcStart[s] = at
		at += int32(copy(ix.srcFacts[at:], row)) // row is read no more
	}
	ix.srcStart[nS] = at
	ix.srcFacts = ix.srcFacts[:at:at]
	if int(at) < len(d.pairs) {
		// The assertions kept lose their repeats too, in the index's
		// order, so that the next Freeze (after more are added) does
		// not count them again.
		d.pairs = d.pairs[:0]
		for s := range nS {
			for _, f := range ix.srcFacts[ix.srcStart[s]:ix.srcStart[s+1]] {
				d.pairs = append(d.pairs, uint64(s)<<32|uint64(uint32(f)))
			}
		}
		d.pairs = slices.Clip(d.pairs)
	}
	prefix(ix.factStart)
	ix.factSources = bySrc[:at:at] // reused: each fact's sources, sorted
	next = slices.Clone(ix.factStart[:nF])
	for s := range nS {
		for _, f := range ix.srcFacts[ix.srcStart[s]:ix.srcStart[s+1]] {
			ix.factSources[next[f]] = int32(s)
			next[f]++
		}
	}

	// Implications: by target, then source; the last setting of a pair
	// wins. A counting sort by target keeps the order of setting within
	// a target, whose few implications a stable sort then orders by
	// source: O(implications) in all, where one sort of them all would
	// cost a logarithm more.
	byTo := make([]int32, nF+1)
	for _, m := range d.imps {
		byTo[m.to+1]++
	}
	prefix(byTo)
	imps := make([]implication, len(d.imps))
	next = slices.Clone(byTo[:nF])
	for _, m := range d.imps {
		imps[next[m.to]] = m
		next[m.to]++
	}
	ix.impStart = make([]int32, nF+1)
	ix.impFrom = make([]int32, 0, len(imps))
	ix.impW = make([]float64, 0, len(imps))
	for f := range nF {
		group := imps[byTo[f]:byTo[f+1]]
		slices.SortStableFunc(group, func(a, b implication) int { return int(a.from - b.from) })
		for i, m := range group {
			if i+1 < len(group) && group[i+1].from == m.from {
				continue
			}
			ix.impStart[f+1]++
			ix.impFrom = append(ix.impFrom, int32(m.from))
			ix.impW = append(ix.impW, m.w)
		}
	}
	prefix(ix.impStart)
	d.frozen = ix
	return ix
}

// buildObjects returns an index holding only the object→facts lists.
func (d *Dataset) buildObjects() *index {
	nO, nF := len(d.objectNames), len(d.factObject)
	ix := &index{nObjects: nO, nFacts: nF, objStart: make([]int32, nO+1), factObj: make([]int32, nF)}
	for f, o := range d.factObject {
		ix.objStart[o+1]++
		ix.factObj[f] = int32(o)
	}
	prefix(ix.objStart)
	ix.objFacts = make([]int32, nF)
	next := slices.Clone(ix.objStart[:nO])
	for f, o := range d.factObject {
		ix.objFacts[next[o]] = int32(f)
		next[o]++
	}
	return ix
}

// prefix turns counts c[i+1] into CSR offsets in place.
func prefix(c []int32) {
	for i := 1; i < len(c); i++ {
		c[i] += c[i-1]
	}
}
