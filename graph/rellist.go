package graph

import (
	"bytes"

	"github.com/claimgraph/claimgraph/claims"
)

// relList is the relations of a batch as the check and apply read them:
// the batch's Relations, or for a bulk read the compact form of its
// relation lines (bulkRel), which points into the input for the plain
// ones and into the batch's Relations for the others.
type relList struct {
	list []claims.Relation
	bulk []bulkRel // one per relation when set; list holds those not plain
	data []byte    // the input bulk points into
}

// bulkRel is a relation of a bulk read until the graph stores it. A
// plain relation (see plainRelationLine), most of a large file, is its
// kind and where its IDs are in the input: 16 bytes and no pointer to
// scan, where a claims.Relation takes 152 and a string for its To.
type bulkRel struct {
	at         int   // the offset in the input of a plain relation's from ID; its to ID follows (see to)
	whole      int32 // 1 + the index in the batch's Relations of a relation that is not plain; 0 for a plain one
	flen, tlen uint8 // the lengths of a plain relation's IDs
	kind       claims.RelationKind
}

// toSep is what comes between a plain relation's from ID and its to ID.
const toSep = `","to":"`

// relsOf returns the relations of b as a relList.
func relsOf(b *Batch) relList { return relList{list: b.Relations} }

// len returns the number of relations.
func (l *relList) len() int {
	if l.bulk != nil {
		return len(l.bulk)
	}
	return len(l.list)
}

// kind returns the kind of relation i.
func (l *relList) kind(i int) claims.RelationKind {
	if l.bulk != nil {
		if r := &l.bulk[i]; r.whole == 0 {
			return r.kind
		}
	}
	return l.at(i).Kind
}

// plain returns the IDs of relation i as bytes of the input when it is
// a plain relation of a bulk read, and ok false otherwise.
func (l *relList) plain(i int) (from, to []byte, ok bool) {
	if l.bulk == nil || l.bulk[i].whole != 0 {
		return nil, nil, false
	}
	r := &l.bulk[i]
	t := r.at + int(r.flen) + len(toSep)
	return l.data[r.at : r.at+int(r.flen)], l.data[t : t+int(r.tlen)], true
}

// at returns relation i. A plain relation of a bulk read is made for
// the call, with strings of its own: for the rare paths (problems,
// relations joining a pair twice) and DecodeJSONL, not the common one.
func (l *relList) at(i int) *claims.Relation {
	if l.bulk == nil {
		return &l.list[i]
	}
	if r := &l.bulk[i]; r.whole != 0 {
		return &l.list[r.whole-1]
	}
	from, to, _ := l.plain(i)
	return &claims.Relation{From: string(from), To: string(to), Kind: l.bulk[i].kind}
}

// extra returns relation i when it has more than its ends and kind, for
// the store to keep whole, and nil otherwise.
func (l *relList) extra(i int) *claims.Relation {
	if l.bulk != nil && l.bulk[i].whole == 0 {
		return nil
	}
	if r := l.at(i); !plainRelation(r) {
		return r
	}
	return nil
}

// all returns the relations as a list of their own: for a bulk read,
// every plain one made at last (DecodeJSONL returns them).
func (l *relList) all() []claims.Relation {
	if l.bulk == nil {
		return l.list
	}
	out := make([]claims.Relation, len(l.bulk))
	var last []byte // the from ID of relation i-1 when it is plain
	for i := range out {
		from, to, ok := l.plain(i)
		if !ok {
			out[i], last = *l.at(i), nil
			continue
		}
		// A file's relations come grouped by the claim they start from:
		// the group shares one string for it.
		var f string
		if last != nil && bytes.Equal(from, last) {
			f = out[i-1].From
		} else {
			f = string(from)
		}
		out[i], last = claims.Relation{From: f, To: string(to), Kind: l.bulk[i].kind}, from
	}
	return out
}

// id returns relation i's ID in problems, "from -> to", or "" when
// there is no relation i.
func (l *relList) id(i int) string {
	if i < 0 || i >= l.len() {
		return ""
	}
	r := l.at(i)
	return r.From + " -> " + r.To
}
