package diff

import (
	"hash/maphash"
	"math"
	"reflect"
	"slices"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph/synth"
	"github.com/claimgraph/claimgraph/sources"
)

// TestDigestCoversTypes changes each field of each item type, at every
// depth, in many ways (nil and empty slices, 0 and -0 among them), and
// wants, for every two ways, the hash of each key of the format (a
// validity's fields each have one) to change exactly when fieldsDiffer
// names that key, so no hash of another field changes: so every kind of value the types hold is hashed, and hashed as
// fieldsDiffer compares.
func TestDigestCoversTypes(t *testing.T) {
	d := newDigester(maphash.MakeSeed())
	for _, typ := range []reflect.Type{reflect.TypeFor[claims.Entity](), reflect.TypeFor[sources.Source](), reflect.TypeFor[claims.Claim](), reflect.TypeFor[claims.Relation]()} {
		base := filled(typ, 0)
		with := func(i int, f reflect.Value) reflect.Value {
			x := reflect.New(typ).Elem()
			x.Set(base)
			x.Field(i).Set(f)
			return x
		}
		keys := map[reflect.Type][]string{
			reflect.TypeFor[claims.Entity](): fieldKeys[claims.Entity](), reflect.TypeFor[sources.Source](): fieldKeys[sources.Source](),
			reflect.TypeFor[claims.Claim](): fieldKeys[claims.Claim](), reflect.TypeFor[claims.Relation](): fieldKeys[claims.Relation](),
		}[typ]
		for i := range typ.NumField() {
			ways := append(variants(base.Field(i)), base.Field(i))
			for _, a := range ways {
				x := with(i, a)
				sx := d.sums(nil, x.Addr().Interface())
				if len(sx) != len(keys) {
					t.Fatalf("%s: %d hashes for %d keys", typ.Name(), len(sx), len(keys))
				}
				for _, b := range ways {
					y := with(i, b)
					sy := d.sums(nil, y.Addr().Interface())
					differ := fieldsDiffer(x.Interface(), y.Interface())
					for j := range sx {
						if changed := sx[j] != sy[j]; changed != slices.Contains(differ, keys[j]) {
							t.Errorf("%s.%s %#v and %#v: hash of %s differs %v; fieldsDiffer finds %v different",
								typ.Name(), typ.Field(i).Name, a.Interface(), b.Interface(), keys[j], changed, differ)
						}
					}
				}
			}
		}
	}
}

// TestDigestAdjacentStrings wants two values that write the same
// characters, split otherwise between fields, to differ.
func TestDigestAdjacentStrings(t *testing.T) {
	d := newDigester(maphash.MakeSeed())
	a := claims.Claim{Appearances: []claims.Appearance{{Source: "ab"}}}
	b := claims.Claim{Appearances: []claims.Appearance{{Source: "a", Speaker: "b"}}}
	if slices.Equal(d.sums(nil, &a), d.sums(nil, &b)) {
		t.Error("appearances of source ab and of source a, speaker b have the same hash")
	}
}

// filled returns a value of type typ with every field, at every depth,
// set to a value that is not zero; k makes it differ from that of
// another k.
func filled(typ reflect.Type, k int) reflect.Value {
	v := reflect.New(typ).Elem()
	switch typ.Kind() {
	case reflect.String:
		v.SetString([]string{"a", "b"}[k])
	case reflect.Bool:
		v.SetBool(k == 0)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(int64(k + 1))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(uint64(k + 1))
	case reflect.Float32, reflect.Float64:
		v.SetFloat(float64(k) + 0.5)
	case reflect.Slice:
		v = reflect.MakeSlice(typ, 1, 1)
		v.Index(0).Set(filled(typ.Elem(), k))
	case reflect.Pointer:
		v = reflect.New(typ.Elem())
		v.Elem().Set(filled(typ.Elem(), k))
	case reflect.Struct:
		if typ == reflect.TypeFor[claims.Date]() { // unexported fields, set by its constructor
			d, _ := claims.NewDate(2020+k, 1, 1)
			return reflect.ValueOf(d)
		}
		for i := range typ.NumField() {
			v.Field(i).Set(filled(typ.Field(i).Type, k))
		}
	default:
		panic("filled: no value of kind " + typ.Kind().String())
	}
	return v
}

// variants returns values of v's type that differ from v: for a
// struct, one per field changed (so every depth is reached), for a
// slice and a pointer also nil, and an empty slice.
func variants(v reflect.Value) []reflect.Value {
	typ := v.Type()
	out := []reflect.Value{filled(typ, 1)}
	switch typ.Kind() {
	case reflect.Slice:
		out = append(out, reflect.Zero(typ), reflect.MakeSlice(typ, 0, 0), reflect.Append(v, v.Index(0)))
		if typ.Elem().Kind() == reflect.Struct {
			// One element that is the zero value: its slices nil, which
			// the variants of a filled element make empty.
			out = append(out, reflect.MakeSlice(typ, 1, 1))
		}
		for _, e := range variants(v.Index(0)) {
			s := reflect.MakeSlice(typ, 1, 1)
			s.Index(0).Set(e)
			out = append(out, s)
		}
	case reflect.Pointer:
		out = append(out, reflect.Zero(typ))
		for _, e := range variants(v.Elem()) {
			p := reflect.New(typ.Elem())
			p.Elem().Set(e)
			out = append(out, p)
		}
	case reflect.Struct:
		if typ == reflect.TypeFor[claims.Date]() {
			return out
		}
		for i := range typ.NumField() {
			for _, f := range variants(v.Field(i)) {
				x := reflect.New(typ).Elem()
				x.Set(v)
				x.Field(i).Set(f)
				out = append(out, x)
			}
		}
	case reflect.Float32, reflect.Float64:
		out = append(out, reflect.ValueOf(0.0).Convert(typ), reflect.ValueOf(math.Copysign(0, -1)).Convert(typ))
	}
	return slices.DeleteFunc(out, func(x reflect.Value) bool { return !x.IsValid() })
}

// BenchmarkDigest hashes the fields of the claims of a generated graph
// of 10k claims, as Summarize and Summary.Compare do for every claim.
func BenchmarkDigest(b *testing.B) {
	cs := synth.Generate(synth.Config{Claims: 10_000}).Claims
	d := newDigester(maphash.MakeSeed())
	var sums []uint64
	b.ReportAllocs()
	for b.Loop() {
		for i := range cs {
			sums = d.sums(sums[:0], &cs[i])
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(cs)), "ns/claim")
}
