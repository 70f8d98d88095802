package graph

import "io"

// DecodeJSONL reads one shard of a graph in the JSON Lines bulk format
// into a [Batch] without building a graph, for programs that spread a
// graph too large for one machine over many files and join them
// themselves (examples/beam). Each shard starts with the header line.
//
// It reports what the shard shows on its own, as an [ErrorList] with the
// line and column of every problem (at most 1000): syntax, unknown
// fields and malformed values. It cannot check what needs the other
// shards, such as references between items or duplicate IDs, so a reader
// that needs them whole must check them after the join (for instance by
// [Graph.Apply] on the parts it keeps). It costs O(shard size).
func (o ReadOptions) DecodeJSONL(r io.Reader, name string) (Batch, error) {
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBulkBytes
	}
	if o.MaxNodes <= 0 {
		o.MaxNodes = DefaultMaxLineNodes
	}
	o = o.withDefaults()
	data, err := o.read(r, name, true)
	if err != nil {
		return Batch{}, err
	}
	bulk := newBulkReader(name, data, o)
	b := bulk.read()
	rels := bulk.relations(&b)
	if errs := bulk.d.errs; len(errs) > 0 {
		for _, e := range errs {
			if e.ID == "" {
				e.ID = b.itemID(e.loc, rels)
			}
		}
		return Batch{}, errs
	}
	b.Relations = rels.all()
	return b, nil
}
