package graph

import (
	"fmt"
	"io"

	"github.com/claimgraph/claimgraph/claims"
	"go.yaml.in/yaml/v3"
)

// A batch file is a file of the YAML format that changes a graph: its
// sections add items as in any file, and three more sections of the top
// level remove and merge:
//
//	claimgraph: 1
//	remove: [old-claim, withdrawn-source]
//	remove_relations:
//	  - {from: old-claim, to: other, kind: supports}
//	merge:
//	  - {into: claim-a, from: claim-b}
//	  - {into: claim-c, from: claim-d, drop_review: true}  # c's review stays, d's goes
//	claims:
//	  - id: claim-c          # listed in remove too: replaced in place
//	    text: Reworded.
//
// These are the fields of [Batch]: Remove, RemoveRelations and Merges
// (drop_review is [Merge].DropReview).
// [Graph.ApplyYAML] applies such a file.

// batchKeys lists the keys of a batch file's top level, for messages.
var batchKeys = orList([]string{"claimgraph", "remove", "remove_relations", "merge", "entities", "sources", "claims", "relations"})

// edits decodes the section key of a batch file's top level into b when
// it is one that removes or merges, and reports whether it was.
func (d *decoder) edits(b *Batch, key string, v *yaml.Node) bool {
	switch key {
	case "remove":
		d.sequence(v, key, func(i int, n *yaml.Node) {
			b.Remove = append(b.Remove, d.str(n, d.item("remove", i, n)))
		})
	case "remove_relations":
		d.sequence(v, key, func(i int, n *yaml.Node) {
			b.RemoveRelations = append(b.RemoveRelations, relationOf(d, i, n))
		})
	case "merge":
		d.sequence(v, key, func(i int, n *yaml.Node) {
			loc := d.item("merge", i, n)
			var m Merge
			d.mapping(n, loc, "into, from or drop_review", func(key string, _, v *yaml.Node) bool {
				switch key {
				case "into":
					m.Into = d.str(v, at(loc, key))
				case "from":
					m.From = d.str(v, at(loc, key))
				case "drop_review":
					m.DropReview = parsed(d, v, at(loc, key), jsonBool, parseBool)
				default:
					return false
				}
				return true
			})
			b.Merges = append(b.Merges, m)
		})
	default:
		return false
	}
	return true
}

// ApplyYAML reads a batch file (see above) from r and applies it to g,
// all or nothing, like [Graph.Apply]. Every problem, in the file or in
// what it would do to g, is reported in one [ErrorList] with the
// position in the file of the item at fault (the entry of remove or
// merge that a problem comes from), sorted by position; name is the
// file's name in messages.
func (g *Graph) ApplyYAML(r io.Reader, name string) error {
	o := ReadOptions{}.withDefaults()
	data, err := o.read(r, name, false)
	if err != nil {
		return err
	}
	d := newDecoder(name, data, o)
	d.batch = true
	b := d.decode()
	if len(d.errs) > 0 {
		return d.sorted()
	}
	err = g.Apply(b)
	list, ok := err.(ErrorList)
	if !ok {
		return err
	}
	for _, e := range list {
		d.locate(e)
		d.errs = append(d.errs, e)
	}
	return d.sorted()
}

// sorted returns the problems found, sorted by position, then, when more
// were found than ReadOptions.MaxErrors lets it keep, the count of the
// rest.
func (d *decoder) sorted() ErrorList {
	d.errs.Sort()
	if d.more > 0 {
		d.errs = append(d.errs, &Error{Position: claims.Position{File: d.file}, Err: moreProblems(d.more)})
		d.more = 0
	}
	return d.errs
}

// relationOf decodes item i of remove_relations. A field left out, or
// null, is reported by name, as the relations of a file report theirs;
// one given is reported by the decoding when it is wrong, and an item
// that is no mapping too.
func relationOf(d *decoder, i int, n *yaml.Node) (r claims.Relation) {
	loc := d.item("remove_relation", i, n)
	relationFields.decode(d, &r, n, loc)
	if n.Kind != yaml.MappingNode {
		return r
	}
	given := map[string]bool{}
	for j := 0; j+1 < len(n.Content); j += 2 {
		given[n.Content[j].Value] = n.Content[j+1].Tag != "!!null"
	}
	for _, f := range []struct {
		key string
		set bool
	}{{"from", r.From != ""}, {"to", r.To != ""}, {"kind", r.Kind != 0}} {
		if !f.set && !given[f.key] {
			d.errAt(n, at(loc, f.key), r.From+" -> "+r.To, fmt.Errorf("%w %q", claims.ErrMissingField, f.key))
		}
	}
	return r
}
