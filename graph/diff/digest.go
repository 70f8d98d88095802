package diff

import (
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"math"
	"reflect"
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
// numbers (0 and -0 are equal).
type digester struct {
	h   maphash.Hash
	buf [8]byte
}

// newDigester returns a digester whose hashes are those of every other
// with the same seed.
func newDigester(seed maphash.Seed) *digester {
	d := &digester{}
	d.h.SetSeed(seed)
	return d
}

// sums appends the hash of each field of item, a struct, to dst.
func (d *digester) sums(dst []uint64, item reflect.Value) []uint64 {
	for i := range item.NumField() {
		f := item.Field(i)
		d.h.Reset()
		if f.Kind() == reflect.Slice && f.Len() == 0 {
			d.word(0) // nil or empty alike, as in fieldsDiffer
		} else {
			d.value(f)
		}
		dst = append(dst, d.h.Sum64())
	}
	return dst
}

func (d *digester) word(x uint64) {
	binary.LittleEndian.PutUint64(d.buf[:], x)
	d.h.Write(d.buf[:])
}

// value hashes v, its kind and length written before its content so that
// no two different values write the same bytes.
func (d *digester) value(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		s := v.String()
		d.word(uint64(len(s)))
		d.h.WriteString(s)
	case reflect.Bool:
		if v.Bool() {
			d.word(1)
		} else {
			d.word(0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		d.word(uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		d.word(v.Uint())
	case reflect.Float32, reflect.Float64:
		f := v.Float()
		if f == 0 {
			f = 0 // -0 == 0
		}
		d.word(math.Float64bits(f))
	case reflect.Slice:
		if v.IsNil() {
			d.word(math.MaxUint64)
			return
		}
		d.word(uint64(v.Len()))
		for i := range v.Len() {
			d.value(v.Index(i))
		}
	case reflect.Pointer:
		if v.IsNil() {
			d.word(0)
			return
		}
		d.word(1)
		d.value(v.Elem())
	case reflect.Struct:
		for i := range v.NumField() {
			d.value(v.Field(i))
		}
	default:
		// The item types hold none of these; TestDigestCoversTypes keeps
		// it so.
		panic(fmt.Sprintf("diff: no digest of a %s", v.Kind()))
	}
}
