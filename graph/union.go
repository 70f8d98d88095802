package graph

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/sources"
	"go.yaml.in/yaml/v3"
)

// ErrConflict: two files give one ID different content.
var ErrConflict = errors.New("conflict")

// Prefer says which file's item [Union] keeps when two files give one ID
// different content.
type Prefer uint8

// The choices of [Prefer].
const (
	PreferNone Prefer = iota // a conflict is an error
	PreferA                  // keep the first file's item
	PreferB                  // keep the second file's item
)

// Conflict is an ID that two files give different content: an item of
// the same kind with different fields, or items of different kinds.
type Conflict struct {
	Kind   string   // "entity", "source", "claim" or "relation"; for different kinds, "entity/claim"
	ID     string   // a relation's is "FROM KIND TO"
	Fields []string // the keys of the fields that differ
	A, B   claims.Position
}

// Union reads the graph files at pathA and pathB (YAML or JSON) and
// returns their union: every item of A in A's order, then every item of
// B that A lacks in B's order, so the result is the same for the same
// files. Items are matched by ID, relations by their ends and kind (either
// way round for a symmetric kind). Items with one ID must agree; with
// PreferNone every conflict is reported in an [ErrorList] of [ErrConflict]
// at its position in A, naming its position in B, and no graph is
// returned; otherwise the preferred file's item is kept and the conflicts
// are returned beside the graph. Each file must be valid on its own;
// problems of the union (a relation of A clashing with one of B, say) are
// reported at their position in the file they come from. Each file is
// read within the default limits of [ReadOptions].
func Union(pathA, pathB string, prefer Prefer) (*Graph, []Conflict, error) {
	return ReadOptions{}.Union(pathA, pathB, prefer)
}

// Union is [Union] with each file read within the limits of o (MaxBytes
// with a default of [DefaultMaxJSONBytes] for a JSON file, as
// [ReadOptions.ReadJSON] has). Progress is not reported.
func (o ReadOptions) Union(pathA, pathB string, prefer Prefer) (*Graph, []Conflict, error) {
	o.Progress = nil
	da, ba, err := o.decodeFile(pathA)
	if err != nil {
		return nil, nil, err
	}
	db, bb, err := o.decodeFile(pathB)
	if err != nil {
		return nil, nil, err
	}
	u := &union{da: da, db: db, prefer: prefer, kinds: map[string]string{}, posA: map[string]claims.Position{}}
	var out Batch
	out.Entities = unite(u, "entity", entityFields, ba.Entities, bb.Entities, func(e *claims.Entity) string { return e.ID })
	out.Sources = unite(u, "source", sourceFields, ba.Sources, bb.Sources, func(s *sources.Source) string { return s.ID })
	out.Claims = unite(u, "claim", claimFields, ba.Claims, bb.Claims, func(c *claims.Claim) string { return c.ID })
	out.Relations = unite(u, "relation", relationFields, ba.Relations, bb.Relations, func(r *claims.Relation) string {
		k := relKeyOf(r)
		return k.from + " " + r.Kind.String() + " " + k.to
	})
	if prefer == PreferNone && len(u.conflicts) > 0 {
		var list ErrorList
		for _, c := range u.conflicts {
			msg := fmt.Sprintf("%s %q differs from %s:%d:%d", c.Kind, c.ID, c.B.File, c.B.Line, c.B.Column)
			if len(c.Fields) > 0 {
				msg += " in " + strings.Join(c.Fields, ", ")
			}
			list = append(list, &Error{Position: c.A, ID: c.ID, Err: &tagged{msg: msg, sentinel: ErrConflict}})
		}
		return nil, u.conflicts, list
	}
	g := New()
	if err := g.Apply(out); err != nil {
		var list ErrorList
		if errors.As(err, &list) {
			for _, e := range list {
				u.locate(e)
			}
		}
		return nil, u.conflicts, err
	}
	return g, u.conflicts, nil
}

// decodeFile reads and checks the file at path within the limits of o,
// keeping its decoder for positions.
func (o ReadOptions) decodeFile(path string) (*decoder, Batch, error) {
	if o.MaxBytes <= 0 && formatOf(path) == jsonFormat {
		o.MaxBytes = DefaultMaxJSONBytes
	}
	o = o.withDefaults()
	f, err := os.Open(path)
	if err != nil {
		return nil, Batch{}, fmt.Errorf("graph: %w", err)
	}
	defer f.Close()
	data, err := o.read(f, path, false)
	if err != nil {
		return nil, Batch{}, err
	}
	d := newDecoder(path, data, o)
	var b Batch
	switch formatOf(path) {
	case jsonFormat:
		if b, err = d.jsonDocument(data); err != nil {
			return nil, Batch{}, err
		}
	case jsonlFormat:
		return nil, Batch{}, fmt.Errorf("graph: %s: files to merge are YAML or JSON, whose items have one place each to report a conflict at; convert JSON Lines with claimgraph export first", path)
	default:
		b = d.decode()
	}
	b, _, err = d.finish(b)
	return d, b, err
}

// union is a union of two files under way.
type union struct {
	da, db    *decoder
	prefer    Prefer
	conflicts []Conflict
	kinds     map[string]string // ID -> kind, for IDs of A
	posA      map[string]claims.Position
	from      [4][]origin // per section of the result: where each item comes from
}

type origin struct {
	d   *decoder
	loc location
}

// at returns the position of item i of kind in the file of d.
func (u *union) at(d *decoder, kind string, i int) claims.Position {
	e := &Error{loc: location{kind, i, ""}}
	d.locate(e)
	return e.Position
}

// unite returns the items of a, then those of b that a lacks, recording
// the conflicts.
func unite[T any](u *union, kind string, t *table[T], a, b []T, id func(*T) string) []T {
	sec := map[string]int{"entity": secEntity, "source": secSource, "claim": secClaim, "relation": secRelation}[kind]
	out := make([]T, 0, len(a)+len(b))
	index := make(map[string]int, len(a))
	for i := range a {
		k := id(&a[i])
		index[k] = i
		out = append(out, a[i])
		u.from[sec] = append(u.from[sec], origin{u.da, location{kind, i, ""}})
		if kind != "relation" {
			u.kinds[k] = kind
			u.posA[k] = u.at(u.da, kind, i)
		}
	}
	for j := range b {
		k := id(&b[j])
		i, ok := index[k]
		if !ok {
			if other, taken := u.kinds[k]; taken && other != kind {
				u.conflicts = append(u.conflicts, Conflict{Kind: other + "/" + kind, ID: k, A: u.posA[k], B: u.at(u.db, kind, j)})
				continue
			}
			out = append(out, b[j])
			u.from[sec] = append(u.from[sec], origin{u.db, location{kind, j, ""}})
			continue
		}
		if f := keysDiffer(t.encode(&a[i]).n, t.encode(&b[j]).n); len(f) > 0 {
			u.conflicts = append(u.conflicts, Conflict{Kind: kind, ID: k, Fields: f, A: u.at(u.da, kind, i), B: u.at(u.db, kind, j)})
			if u.prefer == PreferB {
				out[i] = b[j]
				u.from[sec][i] = origin{u.db, location{kind, j, ""}}
			}
		}
	}
	return out
}

// locate sets the position of a problem of the union batch from the
// file its item came from.
func (u *union) locate(e *Error) {
	sec := map[string]int{"entity": secEntity, "source": secSource, "claim": secClaim, "relation": secRelation}[e.loc.kind]
	if o := u.from[sec]; e.loc.index < len(o) {
		org := o[e.loc.index]
		e.loc.index = org.loc.index
		org.d.locate(e)
	}
}

// keysDiffer returns the keys whose values differ between two mappings
// the format's tables wrote, in the order of the first, then the second.
func keysDiffer(a, b *yaml.Node) []string {
	value := func(m *yaml.Node, key string) *yaml.Node {
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value == key {
				return m.Content[i+1]
			}
		}
		return nil
	}
	var out []string
	seen := map[string]bool{}
	for _, m := range []*yaml.Node{a, b} {
		for i := 0; i+1 < len(m.Content); i += 2 {
			k := m.Content[i].Value
			if !seen[k] {
				seen[k] = true
				if !sameNode(value(a, k), value(b, k)) {
					out = append(out, k)
				}
			}
		}
	}
	return out
}

// sameNode reports whether two nodes the writers built are equal.
func sameNode(a, b *yaml.Node) bool {
	if a == nil || b == nil {
		return a == b
	}
	if a.Kind != b.Kind || a.Value != b.Value || len(a.Content) != len(b.Content) {
		return false
	}
	for i := range a.Content {
		if !sameNode(a.Content[i], b.Content[i]) {
			return false
		}
	}
	return true
}
