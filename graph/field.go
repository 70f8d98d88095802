package graph

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/claims"
	"go.yaml.in/yaml/v3"
)

// This file is the machinery that reads and writes an item through its
// table of fields (format.go). Every reader (YAML, JSON, JSON Lines)
// decodes through the same node walk, and every writer encodes through
// the same node builder, so one table entry is one key in every format.

// Field describes one key of an item of the file format, as
// [FormatFields] lists them. Key is the same in the YAML, JSON and JSON
// Lines formats.
type Field struct {
	Key      string
	Type     string   // "text", "ID", "list of text", "list of IDs", "date", "word" (one of Values), "true or false", a "number..." phrase, "mapping" or "list of mappings"
	Required bool     // an item without it is invalid
	Ref      string   // the kind of item an ID names and the graph resolves: "entity", "source", "claim"; "" for none
	Values   []string // the words an enumeration accepts
	Pattern  string   // for text, IDs and dates (each element of a list), a regular expression every valid value matches; "" for none
	Item     string   // for a mapping or a list of mappings, the item whose fields it holds ("appearance")
	Doc      string   // what the value means, one sentence

	fields []Field // the fields of Item
}

// Patterns of the values of fields, in the syntax that both Go's regexp
// and JSON Schema (ECMA-262) read. Each is a necessary condition of
// validity, which the Check methods of packages claims and sources make
// exact: a date that matches may still be 31 February.
const (
	idPattern   = `^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$`                        // claims.CheckID
	datePattern = `^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$`  // claims.ParseDate
	langPattern = `^([A-Za-z]{2,3}|[A-Za-z]{5,8}|[xXiI])(-[A-Za-z0-9]{1,8})*$` // claims.CheckLang
	urlPattern  = `^[Hh][Tt][Tt][Pp][Ss]?://[^/?#]`                            // sources.Source.Check
	qidPattern  = `^Q[1-9][0-9]*$`                                             // Wikidata QID

	// digestPattern is claims.CheckDigest's: version 2 or version 1.
	digestPattern = `^(v2:` + countPattern + `a` + countPattern + `s` + countPattern + `c` + countPattern + `o|` + countPattern + `a` + countPattern + `s` + countPattern + `c):[0-9a-f]{12}$`
	countPattern  = `(0|[1-9][0-9]*)` // a count of a digest, as %d writes it
)

// field is one key of an item of Go type T: its description, and how to
// read it from a node into a T and write it from a T into a mapping.
type field[T any] struct {
	Field
	decode func(d *decoder, x *T, v *yaml.Node, loc location)
	encode func(m ymap, x *T)
}

// table is the fields of one kind of item, in the order they are written.
type table[T any] struct {
	name    string // "claim", "appearance"
	fields  []field[T]
	allowed string   // the keys, for the unknown-field message: "id, name or kind"
	order   []string // the keys, in the order encode writes them
}

func newTable[T any](name string, fields []field[T]) *table[T] {
	t := &table[T]{name: name, fields: fields}
	t.order = t.keys()
	t.allowed = orList(t.order)
	return t
}

func (t *table[T]) keys() []string {
	keys := make([]string, len(t.fields))
	for i := range t.fields {
		keys[i] = t.fields[i].Key
	}
	return keys
}

// describe returns the descriptions of the fields.
func (t *table[T]) describe() []Field {
	out := make([]Field, len(t.fields))
	for i := range t.fields {
		out[i] = t.fields[i].Field
	}
	return out
}

// orList joins words as "a, b or c".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// decode reads mapping n into x, with the fields located under loc.
// The search for a key is linear: a table has a dozen keys, most of
// other lengths, and the JSON scanner interns keys to the table's own
// strings, whose comparison ends at the pointer.
func (t *table[T]) decode(d *decoder, x *T, n *yaml.Node, loc location) {
	d.mapping(n, loc, t.allowed, func(key string, _, v *yaml.Node) bool {
		for i := range t.fields {
			if f := &t.fields[i]; f.Key == key {
				f.decode(d, x, v, d.paths.at(loc, key))
				return true
			}
		}
		return false
	})
}

// encode builds the mapping of x, leaving out empty values.
func (t *table[T]) encode(x *T) ymap {
	m := newMap()
	for i := range t.fields {
		t.fields[i].encode(m, x)
	}
	return m
}

// The constructors below make the fields of each type of value. p
// returns a pointer to the value in the item, for reading and writing.

// text is a string field.
func text[T any](key, doc string, p func(*T) *string) field[T] {
	return field[T]{
		Field:  Field{Key: key, Type: "text", Doc: doc},
		decode: func(d *decoder, x *T, v *yaml.Node, loc location) { *p(x) = d.str(v, loc) },
		encode: func(m ymap, x *T) { m.str(key, *p(x)) },
	}
}

// id is a field holding an ID; when ref is set the graph resolves it to
// an item of that kind.
func id[T any](key, ref, doc string, p func(*T) *string) field[T] {
	f := text(key, doc, p)
	f.Type, f.Ref, f.Pattern = "ID", ref, idPattern
	return f
}

// texts is a list of strings, written on one line.
func texts[T any](key, doc string, p func(*T) *[]string) field[T] {
	return field[T]{
		Field:  Field{Key: key, Type: "list of text", Doc: doc},
		decode: func(d *decoder, x *T, v *yaml.Node, loc location) { *p(x) = d.strs(v, loc) },
		encode: func(m ymap, x *T) { m.list(key, *p(x), true) },
	}
}

// ids is a list of IDs of items of kind ref, written on one line.
func ids[T any](key, ref, doc string, p func(*T) *[]string) field[T] {
	f := texts(key, doc, p)
	f.Type, f.Ref, f.Pattern = "list of IDs", ref, idPattern
	return f
}

// date is a possibly partial date: YYYY, YYYY-MM or YYYY-MM-DD.
func date[T any](key, doc string, p func(*T) *claims.Date) field[T] {
	return field[T]{
		Field: Field{Key: key, Type: "date", Pattern: datePattern, Doc: doc},
		decode: func(d *decoder, x *T, v *yaml.Node, loc location) {
			*p(x) = parsed(d, v, loc, jsonText, claims.ParseDate)
		},
		encode: func(m ymap, x *T) { m.date(key, *p(x)) },
	}
}

// enumeration is a small enumeration written as a word.
type enumeration interface {
	~uint8
	String() string
	MarshalText() ([]byte, error)
}

// enum is a field of an enumeration E, read with parse.
func enum[T any, E enumeration](key, doc string, p func(*T) *E, parse func(string) (E, error)) field[T] {
	var values []string
	for k := E(1); k != 0; k++ {
		if _, err := k.MarshalText(); err != nil {
			break
		}
		values = append(values, k.String())
	}
	// A word not among values is reported with the list to choose from.
	want := strings.Join(values, ", ")
	parseWant := func(s string) (E, error) {
		e, err := parse(s)
		if err != nil {
			err = fmt.Errorf("%w; want one of: %s", err, want)
		}
		return e, err
	}
	return field[T]{
		Field:  Field{Key: key, Type: "word", Values: values, Doc: doc},
		decode: func(d *decoder, x *T, v *yaml.Node, loc location) { *p(x) = parsed(d, v, loc, jsonText, parseWant) },
		encode: func(m ymap, x *T) { m.str(key, (*p(x)).String()) },
	}
}

// flag is a boolean that is written only when true.
func flag[T any](key, doc string, p func(*T) *bool) field[T] {
	return field[T]{
		Field:  Field{Key: key, Type: "true or false", Doc: doc},
		decode: func(d *decoder, x *T, v *yaml.Node, loc location) { *p(x) = parsed(d, v, loc, jsonBool, parseBool) },
		encode: func(m ymap, x *T) {
			if *p(x) {
				m.node(key, scalar("true", "!!bool"))
			}
		},
	}
}

// number is a number, read with parse and written only when not zero.
func number[T any](key, typ, doc string, p func(*T) *float64, parse func(string) (float64, error)) field[T] {
	return field[T]{
		Field:  Field{Key: key, Type: typ, Doc: doc},
		decode: func(d *decoder, x *T, v *yaml.Node, loc location) { *p(x) = parsed(d, v, loc, jsonNumber, parse) },
		encode: func(m ymap, x *T) {
			if f := *p(x); f != 0 {
				m.node(key, scalar(strconv.FormatFloat(f, 'g', -1, 64), "!!float"))
			}
		},
	}
}

// object is an optional mapping with the fields of sub, held by
// pointer: present, even empty, when the pointer is set.
func object[T, E any](key, doc string, p func(*T) **E, sub *table[E]) field[T] {
	return field[T]{
		Field: Field{Key: key, Type: "mapping", Item: sub.name, Doc: doc, fields: sub.describe()},
		decode: func(d *decoder, x *T, v *yaml.Node, loc location) {
			e := new(E)
			d.mark(loc, resolve(v))
			sub.decode(d, e, v, loc)
			*p(x) = e
		},
		encode: func(m ymap, x *T) {
			e := *p(x)
			if e == nil {
				return
			}
			em := sub.encode(e)
			if len(em.n.Content) == 0 {
				em.n.Style = yaml.FlowStyle // an empty mapping stays {}
			}
			m.node(key, em.n)
		},
	}
}

// objects is a list of mappings with the fields of sub.
func objects[T, E any](key, doc string, p func(*T) *[]E, sub *table[E]) field[T] {
	return field[T]{
		Field:  Field{Key: key, Type: "list of mappings", Item: sub.name, Doc: doc, fields: sub.describe()},
		decode: func(d *decoder, x *T, v *yaml.Node, loc location) { *p(x) = decodeList(d, v, loc, sub) },
		encode: func(m ymap, x *T) {
			list := *p(x)
			if len(list) == 0 {
				return
			}
			items := make([]*yaml.Node, len(list))
			for i := range list {
				items[i] = sub.encode(&list[i]).n
			}
			m.seq(key, items)
		},
	}
}

// decodeList reads list n of mappings with the fields of sub, each
// element located as loc.field[i].
func decodeList[E any](d *decoder, n *yaml.Node, loc location, sub *table[E]) []E {
	items, _ := d.list(n, loc)
	if len(items) == 0 {
		return nil
	}
	out := make([]E, len(items))
	for i, c := range items {
		if d.stop {
			return out[:i]
		}
		el := location{loc.kind, loc.index, d.paths.index(loc.field, i)}
		d.mark(el, resolve(c))
		sub.decode(d, &out[i], c, el)
	}
	return out
}
