package graph

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/claims"
	"go.yaml.in/yaml/v3"
)

// The JSON format mirrors the YAML format field for field: the same
// top-level "claimgraph": 1, the same sections, keys and order, dates as
// strings ("2024-06-19"), confidence as a number and still_holds as a
// boolean. Both are written from the same tree, so a graph survives
// YAML -> JSON -> YAML unchanged, and both are read by the same field
// decoders, so they accept and reject the same things.

// WriteJSON writes the whole graph to w as one JSON document in the
// shape of the YAML format (see [Graph.WriteYAML]): deterministic,
// indented by two spaces, empty fields left out, text not HTML-escaped.
// [ReadJSON] reads it back.
func (g *Graph) WriteJSON(w io.Writer) error {
	g.mu.RLock()
	root := g.s.yamlNode()
	g.mu.RUnlock()
	bw := bufio.NewWriter(w)
	writeJSON(bw, root, "", true)
	bw.WriteByte('\n')
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("graph: writing JSON: %w", err)
	}
	return nil
}

// writeJSON writes the tree built for the YAML encoder as JSON, pretty
// (one element per line, indented under indent) or compact (one line, no
// spaces). The tags the encoder sets say which scalars are
// numbers and booleans; everything else, dates included, is a string.
// Errors are left to the caller's Flush, which reports the first.
func writeJSON(w *bufio.Writer, n *yaml.Node, indent string, pretty bool) {
	inner, open, comma, colon, close := indent+"  ", "\n"+indent+"  ", ",\n"+indent+"  ", ": ", "\n"+indent
	if !pretty {
		inner, open, comma, colon, close = "", "", ",", ":", ""
	}
	switch n.Kind {
	case yaml.MappingNode:
		if len(n.Content) == 0 {
			w.WriteString("{}")
			return
		}
		w.WriteString("{" + open)
		for i := 0; i+1 < len(n.Content); i += 2 {
			if i > 0 {
				w.WriteString(comma)
			}
			writeJSONString(w, n.Content[i].Value)
			w.WriteString(colon)
			writeJSON(w, n.Content[i+1], inner, pretty)
		}
		w.WriteString(close + "}")
	case yaml.SequenceNode:
		if len(n.Content) == 0 {
			w.WriteString("[]")
			return
		}
		w.WriteString("[" + open)
		for i, c := range n.Content {
			if i > 0 {
				w.WriteString(comma)
			}
			writeJSON(w, c, inner, pretty)
		}
		w.WriteString(close + "]")
	default:
		switch n.Tag {
		case "!!int", "!!float", "!!bool":
			w.WriteString(n.Value)
		default:
			writeJSONString(w, n.Value)
		}
	}
}

// writeJSONString writes s as a JSON string as encoding/json does without
// HTML escaping: control characters, quotes and backslashes escaped,
// U+2028 and U+2029 escaped for JavaScript, invalid UTF-8 as U+FFFD.
func writeJSONString(w *bufio.Writer, s string) {
	const hex = "0123456789abcdef"
	w.WriteByte('"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			w.WriteString(s[start:i])
			switch c {
			case '"', '\\':
				w.WriteByte('\\')
				w.WriteByte(c)
			case '\n':
				w.WriteString(`\n`)
			case '\r':
				w.WriteString(`\r`)
			case '\t':
				w.WriteString(`\t`)
			case '\b':
				w.WriteString(`\b`)
			case '\f':
				w.WriteString(`\f`)
			default:
				w.WriteString(`\u00`)
				w.WriteByte(hex[c>>4])
				w.WriteByte(hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == '\u2028' || r == '\u2029' {
			w.WriteString(s[start:i])
			switch r {
			case utf8.RuneError:
				w.WriteString(`\ufffd`)
			case '\u2028':
				w.WriteString(`\u2028`)
			default:
				w.WriteString(`\u2029`)
			}
			i += size
			start = i
			continue
		}
		i += size
	}
	w.WriteString(s[start:])
	w.WriteByte('"')
}

// ReadJSON reads a graph in the JSON format that [Graph.WriteJSON]
// writes from r, with default limits; name is the file name used in
// errors. Like [ReadYAML] it is strict and reports an [ErrorList] of
// every problem, each with its 1-based line and column in the input.
func ReadJSON(r io.Reader, name string) (*Graph, error) { return ReadOptions{}.ReadJSON(r, name) }

// ReadJSON reads a graph in the JSON format from r within the limits of
// o; MaxBytes has a default of [DefaultMaxJSONBytes], MaxNodes counts
// JSON values and MaxDepth their nesting.
//
// The items of the document's lists are decoded one at a time as they
// are scanned, each of at most 1 Mi values, so the reader holds the input,
// the graph it builds and one item's values: 60 times the input at most
// at peak (a list of empty items), 13 times on generated graphs.
func (o ReadOptions) ReadJSON(r io.Reader, name string) (*Graph, error) {
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxJSONBytes
	}
	o = o.withDefaults()
	data, err := o.read(r, name, false)
	if err != nil {
		return nil, err
	}
	d := newDecoder(name, data, o)
	b, err := d.jsonDocument(data)
	if err != nil {
		return nil, err
	}
	return d.build(b)
}

// DefaultMaxJSONBytes is the default of [ReadOptions.MaxBytes] for
// [ReadOptions.ReadJSON]: 32 MiB, twice that of YAML, since the JSON
// reader holds one item's tree at a time where yaml.v3 builds the whole
// document's: its peak stays near 2 GiB, under the 4 GiB bound of the
// README's table of limits.
const DefaultMaxJSONBytes = 32 << 20

// jsonDocument decodes data, a JSON document of the format, into a batch
// not yet checked; a syntax error is returned at its position.
func (d *decoder) jsonDocument(data []byte) (Batch, error) {
	d.json = true
	d.itemBudget = itemBudget(len(data))
	sc := newJSONScanner(data, d.opts)
	// The items of the lists are decoded as they are scanned, so that the
	// tree holds one at a time (not 160 bytes for every value of the
	// document): the walk of the top level then finds those lists empty.
	var b Batch
	if d.whole {
		root, perr := sc.document()
		if perr != nil {
			line, col := sc.errorAt(perr.offset)
			return Batch{}, ErrorList{{Position: claims.Position{File: d.file, Line: line, Column: col}, Err: perr.err}}
		}
		d.root(&b, root, jsonVersion, fmt.Sprintf(`"claimgraph": %d`, FormatVersion))
		return b, nil
	}
	sc.items = func(key string) func(int, *yaml.Node) {
		sec := sectionByKey(key)
		if sec == nil {
			return nil
		}
		return func(i int, n *yaml.Node) {
			if !d.stop {
				sec.decode(d, &b, i, n)
			}
		}
	}
	root, perr := sc.document()
	if perr != nil {
		// A syntax error alone is reported, as when nothing was decoded
		// before the whole document was scanned.
		line, col := sc.errorAt(perr.offset)
		return Batch{}, ErrorList{{Position: claims.Position{File: d.file, Line: line, Column: col}, Err: perr.err}}
	}
	stop := d.stop
	d.root(&b, root, jsonVersion, fmt.Sprintf(`"claimgraph": %d`, FormatVersion))
	if stop {
		d.semantic = false // cut short: see decoder.count
	}
	return b, nil
}

// jsonVersion checks the value of the "claimgraph" field of JSON.
func jsonVersion(v *yaml.Node) error {
	if v.Tag != "!!int" || v.Value != strconv.Itoa(FormatVersion) {
		return fmt.Errorf("%w %s: this package reads version %d", ErrVersion, kindName(v), FormatVersion)
	}
	return nil
}
