package graph

import (
	"bufio"
	"bytes"
	"fmt"
	"io"

	"go.yaml.in/yaml/v3"
)

// The JSON Lines format is the bulk format, for graphs too large to load
// from YAML in reasonable time. Each line is one JSON object: first the
// header {"claimgraph":1}, then one item per line, wrapped in an object
// whose one key says its section:
//
//	{"claimgraph":1}
//	{"entity":{"id":"kim-jong-un","name":"Kim Jong Un","kind":"person"}}
//	{"source":{"id":"yunashev-telegram-video","kind":"video"}}
//	{"claim":{"id":"kim-staff-wiped-traces","text":"…","appearances":[{"source":"yunashev-telegram-video"}]}}
//	{"relation":{"from":"a","to":"b","kind":"supports"}}
//
// An item has the fields of the JSON and YAML formats. Items may come in
// any order, and blank lines are skipped.

// DefaultMaxBulkBytes is the default of [ReadOptions.MaxBytes] for
// [ReadOptions.ReadJSONL]: 4 GiB, room for tens of millions of claims.
const DefaultMaxBulkBytes = 4 << 30

// maxBulkProblems caps the problems a bulk read reports: past it, a file
// that is wrong throughout is not worth listing line by line.
const maxBulkProblems = 1000

// WriteJSONL writes the whole graph to w in the JSON Lines bulk format
// that [ReadJSONL] reads: deterministic, one item per line, in the order
// of the YAML format.
func (g *Graph) WriteJSONL(w io.Writer) error {
	g.mu.RLock()
	defer g.mu.RUnlock()
	bw := bufio.NewWriterSize(w, 1<<16)
	fmt.Fprintf(bw, "{\"claimgraph\":%d}\n", FormatVersion)
	line := func(key string, n *yaml.Node) {
		bw.WriteString(`{"` + key + `":`)
		writeJSON(bw, n, "", false)
		bw.WriteString("}\n")
	}
	s := g.s
	for i := range s.entities {
		line("entity", entityNode(&s.entities[i]))
	}
	for i := range s.sources {
		line("source", sourceNode(&s.sources[i]))
	}
	for i := range s.claims {
		line("claim", claimNode(&s.claims[i]))
	}
	for i := range s.rels {
		r := s.relation(int32(i))
		line("relation", relationNode(&r))
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("graph: writing JSON Lines: %w", err)
	}
	return nil
}

// ReadJSONL reads a graph in the JSON Lines bulk format from r with
// default limits; name is the file name used in errors. Like [ReadYAML]
// it is strict, checks the whole graph before building it, and reports an
// [ErrorList] with the line and column of every problem (at most 1000).
func ReadJSONL(r io.Reader, name string) (*Graph, error) {
	return ReadOptions{}.ReadJSONL(r, name)
}

// ReadJSONL reads the JSON Lines bulk format from r within the limits of
// o. MaxBytes bounds the whole input, with a default of
// [DefaultMaxBulkBytes] rather than [DefaultMaxBytes]; MaxNodes and
// MaxDepth apply to each line.
//
// It keeps only the graph and the input's bytes while reading: the
// positions of fields are recovered, by reading the line again, only for
// the items a problem is found in.
func (o ReadOptions) ReadJSONL(r io.Reader, name string) (*Graph, error) {
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBulkBytes
	}
	o = o.withDefaults()
	data, err := o.read(r, name)
	if err != nil {
		return nil, err
	}
	d := &decoder{file: name, data: data, opts: o, reported: make(map[location]bool)}
	bulk := &bulkReader{d: d, lines: make(map[string][]lineAt)}
	b := bulk.read()
	d.relocate = bulk.locate
	if b, err = d.finish(b); err != nil {
		return nil, err
	}
	g := New()
	g.s.apply(&b)
	return g, nil
}

// bulkReader walks the lines of a JSON Lines input.
type bulkReader struct {
	d     *decoder
	sc    *jsonScanner
	lines map[string][]lineAt // the line of each item, by section
}

// lineAt is where a line starts: its byte offset and its number.
type lineAt struct{ off, line int }

func (br *bulkReader) read() Batch {
	var b Batch
	d := br.d
	data := d.data
	header := false
	lineNo := 0
	for off := 0; off < len(data) && len(d.errs) < maxBulkProblems; {
		end := bytes.IndexByte(data[off:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += off
		}
		start := off
		line := data[start:end]
		off = end + 1
		lineNo++
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		n := br.parse(line, lineNo)
		if n == nil {
			header = true // a broken first line must not also count as a missing header
			continue
		}
		d.nodes, d.stop = 0, false // the node limit applies per line
		if !header {
			header = true
			d.root(n, jsonVersion, fmt.Sprintf(`{"claimgraph":%d} as the first line`, FormatVersion))
			continue
		}
		if n.Kind != yaml.MappingNode || len(n.Content) != 2 {
			d.errAt(n, location{}, "", fmt.Errorf("%w: want an object with one key: entity, source, claim or relation", ErrSyntax))
			continue
		}
		key, v := n.Content[0], n.Content[1]
		section := key.Value
		if section != "entity" && section != "source" && section != "claim" && section != "relation" {
			d.errAt(key, location{}, "", fmt.Errorf("%w %q: want entity, source, claim or relation", ErrUnknownField, key.Value))
			continue
		}
		i := len(br.lines[section])
		br.lines[section] = append(br.lines[section], lineAt{start, lineNo})
		d.sectionItem(&b, section, i, v)
	}
	if !header {
		d.errAt(nil, location{}, "", fmt.Errorf("%w: empty document, want {\"claimgraph\":%d} as the first line", ErrSyntax, FormatVersion))
	}
	d.semantic = true
	return b
}

// parse scans one line, numbered lineNo, reporting a syntax error. The
// nodes it returns are reused by the next call.
func (br *bulkReader) parse(line []byte, lineNo int) *yaml.Node {
	if br.sc == nil {
		br.sc = newJSONScanner(nil, br.d.opts.MaxDepth)
	}
	sc := br.sc
	sc.reset(line, lineNo)
	n, err := sc.document()
	if err != nil {
		l, c := sc.errorAt(err.offset)
		br.d.errs = append(br.d.errs, &Error{File: br.d.file, Line: lineNo + l - 1, Column: c, Err: err.err})
		return nil
	}
	return n
}

// locate finds the position of a problem found by the batch check: it
// reads the item's line again and walks it with positions on.
func (br *bulkReader) locate(e *Error) bool {
	lines := br.lines[e.loc.kind]
	if e.loc.index < 0 || e.loc.index >= len(lines) {
		return false
	}
	at := lines[e.loc.index]
	end := bytes.IndexByte(br.d.data[at.off:], '\n')
	if end < 0 {
		end = len(br.d.data) - at.off
	}
	sc := newJSONScanner(br.d.data[at.off:at.off+end], br.d.opts.MaxDepth)
	sc.line = at.line
	n, err := sc.document()
	if err != nil || n.Kind != yaml.MappingNode || len(n.Content) != 2 {
		return false // it parsed the first time
	}
	walk := &decoder{file: br.d.file, opts: br.d.opts, pos: make(map[location]*yaml.Node), reported: make(map[location]bool)}
	walk.sectionItem(&Batch{}, e.loc.kind, e.loc.index, n.Content[1])
	walk.locate(e)
	return true
}

// sectionItem decodes item i of a section ("entity", "source", "claim" or
// "relation") and appends it to b.
func (d *decoder) sectionItem(b *Batch, section string, i int, v *yaml.Node) {
	switch section {
	case "entity":
		b.Entities = append(b.Entities, d.entity(i, v))
	case "source":
		b.Sources = append(b.Sources, d.source(i, v))
	case "claim":
		b.Claims = append(b.Claims, d.claim(i, v))
	default:
		b.Relations = append(b.Relations, d.relation(i, v))
	}
}
