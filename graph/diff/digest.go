package diff

import (
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"math"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/sources"
)

// digester hashes the fields of items, so that a [Summary] can tell
// which fields of an item changed without keeping the item: two items
// of one type get the same hash for a field exactly where fieldsDiffer
// finds that field equal, but for a collision of 64-bit hashes (about
// one in 10^19 for a pair of fields that differ).
//
// It follows reflect.DeepEqual as fieldsDiffer uses it: a field that is
// an empty slice equals a nil one, a slice or pointer inside a field
// differs from nil when it is not; floating-point values compare as
// numbers (0 and -0 are equal); a list whose order means nothing
// (unorder) is hashed as the sum of the hashes of its elements, each
// hashed apart (set), so that its order does not count. Each value is written with its length
// or kind first, so that no two different values write the same bytes.
// It is written out per type, for speed (a reflective walk took six
// times as long); TestDigestCoversTypes checks that it hashes every
// field, at every depth, as fieldsDiffer compares it.
type digester struct {
	h   maphash.Hash
	e   maphash.Hash  // an element of a list whose order means nothing
	w   *maphash.Hash // where the values are written: h, or e within set
	buf [8]byte
}

// newDigester returns a digester whose hashes are those of every other
// with the same seed.
func newDigester(seed maphash.Seed) *digester {
	d := &digester{}
	d.h.SetSeed(seed)
	d.e.SetSeed(seed)
	d.w = &d.h
	return d
}

// sums appends the hash of each field of item, a pointer to an
// entity, source, claim or relation, to dst, in the order of the fields:
// of its format's fields for a validity (fieldKeys).
func (d *digester) sums(dst []uint64, item any) []uint64 {
	d.h.Reset()
	switch x := item.(type) {
	case *claims.Entity:
		dst = d.texts(dst, x.ID, x.Name)
		d.word(uint64(x.Kind))
		dst = d.end(dst)
		d.strSet(x.Aliases)
		dst = d.texts(d.end(dst), x.Wikidata, x.Note)
		d.strSet(x.Merged)
		return d.end(dst)
	case *sources.Source:
		dst = d.texts(dst, x.ID, x.Title, x.Publisher, x.URL, x.Author)
		d.date(x.Published)
		dst = d.end(dst)
		d.word(uint64(x.Kind))
		dst = d.end(dst)
		d.set(len(x.DerivedFrom), func(i int) {
			f := &x.DerivedFrom[i]
			d.str(f.Source)
			d.word(uint64(f.Kind))
			d.str(f.Note)
		})
		dst = d.texts(d.end(dst), x.Note)
		d.inferences(x.Inferred, true)
		dst = d.end(dst)
		d.strSet(x.Merged)
		return d.end(dst)
	case *claims.Claim:
		dst = d.texts(dst, x.ID, x.Text, x.Lang)
		d.strSet(x.About)
		dst = d.end(dst)
		if x.Statement != nil {
			d.word(1)
			d.str(x.Statement.Subject, x.Statement.Predicate, x.Statement.Object)
		} else {
			d.word(0)
		}
		dst = d.validity(d.end(dst), x.Validity)
		d.set(len(x.Appearances), func(i int) {
			a := &x.Appearances[i]
			d.str(a.Source, a.Speaker)
			d.date(a.Date)
			d.str(a.Quote, a.Lang, a.Via)
			d.bool(a.AboutPast)
			d.str(a.Note)
			d.inferences(a.Inferred, false)
		})
		dst = d.texts(d.end(dst), x.Note)
		d.inferences(x.Inferred, true)
		dst = d.end(dst)
		d.strSet(x.Merged)
		dst = d.end(dst)
		if r := x.Review; r != nil {
			d.word(1)
			d.word(uint64(r.Status))
			d.str(r.Rating, r.Reviewer)
			d.date(r.Date)
			d.str(r.URL, r.Evidence)
		} else {
			d.word(0)
		}
		return d.end(dst)
	case *claims.Relation:
		dst = d.texts(dst, x.From, x.To)
		d.word(uint64(x.Kind))
		dst = d.end(dst)
		d.strSet(x.Sources)
		dst = d.texts(d.end(dst), x.Note)
		f := x.Confidence
		if f == 0 {
			f = 0 // -0 == 0
		}
		d.word(math.Float64bits(f))
		dst = d.validity(d.texts(d.end(dst), x.AssertedBy), x.Validity)
		d.inferences(x.Inferred, true)
		return d.end(dst)
	}
	panic(fmt.Sprintf("diff: no digest of a %T", item))
}

// texts appends the hashes of fields, strings that are fields each.
func (d *digester) texts(dst []uint64, fields ...string) []uint64 {
	for _, s := range fields {
		d.str(s)
		dst = d.end(dst)
	}
	return dst
}

// end appends the hash of the field written and starts the next.
func (d *digester) end(dst []uint64) []uint64 {
	dst = append(dst, d.h.Sum64())
	d.h.Reset()
	return dst
}

func (d *digester) word(x uint64) {
	binary.LittleEndian.PutUint64(d.buf[:], x)
	d.w.Write(d.buf[:])
}

// set writes a list of n elements, each written by elem, whose order
// means nothing: its length and the sum of the elements' hashes, so
// that the same elements in any order write the same. The list is a
// field of its own (top): nil writes as empty.
func (d *digester) set(n int, elem func(i int)) {
	var sum uint64
	d.w = &d.e
	for i := range n {
		d.e.Reset()
		elem(i)
		sum += d.e.Sum64()
	}
	d.w = &d.h
	d.word(uint64(n))
	d.word(sum)
}

// strSet writes a list of strings whose order means nothing (set).
func (d *digester) strSet(list []string) {
	d.set(len(list), func(i int) { d.str(list[i]) })
}

func (d *digester) bool(b bool) {
	if b {
		d.word(1)
	} else {
		d.word(0)
	}
}

// str writes strings, each after its length.
func (d *digester) str(list ...string) {
	for _, s := range list {
		d.word(uint64(len(s)))
		d.w.WriteString(s)
	}
}

// length writes the length of a slice; nil differs from empty but in a
// field of its own (top).
func (d *digester) length(isNil bool, n int, top bool) {
	if isNil && !top {
		d.word(math.MaxUint64)
		return
	}
	d.word(uint64(n))
}

func (d *digester) date(t claims.Date) {
	d.word(dateKey(t))
}

// validity appends a hash for each field of the format that v is
// (validityKeys), so that a summary names the one that changed.
func (d *digester) validity(dst []uint64, v claims.Validity) []uint64 {
	d.date(v.From)
	dst = d.end(dst)
	d.date(v.Until)
	dst = d.end(dst)
	d.bool(v.Ongoing)
	dst = d.end(dst)
	d.date(v.At)
	dst = d.end(dst)
	d.date(v.Occurred)
	return d.end(dst)
}

func (d *digester) inferences(list []claims.Inference, top bool) {
	d.length(list == nil, len(list), top)
	for _, f := range list {
		d.str(f.Field, f.Sentence, f.Source, f.Note)
	}
}
