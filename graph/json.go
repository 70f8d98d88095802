package graph

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

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
	writeJSONNode(bw, root, "")
	bw.WriteByte('\n')
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("graph: writing JSON: %w", err)
	}
	return nil
}

// writeJSONNode writes the tree built for the YAML encoder as JSON. The
// tags the encoder sets say which scalars are numbers and booleans;
// everything else, dates included, is a string. Errors are left to the
// caller's Flush, which reports the first.
func writeJSONNode(w *bufio.Writer, n *yaml.Node, indent string) {
	inner := indent + "  "
	switch n.Kind {
	case yaml.MappingNode:
		if len(n.Content) == 0 {
			w.WriteString("{}")
			return
		}
		w.WriteString("{\n")
		for i := 0; i+1 < len(n.Content); i += 2 {
			if i > 0 {
				w.WriteString(",\n")
			}
			w.WriteString(inner)
			writeJSONString(w, n.Content[i].Value)
			w.WriteString(": ")
			writeJSONNode(w, n.Content[i+1], inner)
		}
		w.WriteString("\n" + indent + "}")
	case yaml.SequenceNode:
		if len(n.Content) == 0 {
			w.WriteString("[]")
			return
		}
		w.WriteString("[\n")
		for i, c := range n.Content {
			if i > 0 {
				w.WriteString(",\n")
			}
			w.WriteString(inner)
			writeJSONNode(w, c, inner)
		}
		w.WriteString("\n" + indent + "]")
	default:
		switch n.Tag {
		case "!!int", "!!float", "!!bool":
			w.WriteString(n.Value)
		default:
			writeJSONString(w, n.Value)
		}
	}
}

func writeJSONString(w *bufio.Writer, s string) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	w.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
}

// ReadJSON reads a graph in the JSON format that [Graph.WriteJSON]
// writes from r, with default limits; name is the file name used in
// errors. Like [ReadYAML] it is strict and reports an [ErrorList] of
// every problem, each with its 1-based line and column in the input.
func ReadJSON(r io.Reader, name string) (*Graph, error) { return ReadOptions{}.ReadJSON(r, name) }

// ReadJSON reads a graph in the JSON format from r within the limits of
// o; MaxNodes counts JSON values and MaxDepth their nesting.
func (o ReadOptions) ReadJSON(r io.Reader, name string) (*Graph, error) {
	o = o.withDefaults()
	data, err := io.ReadAll(io.LimitReader(r, o.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("graph: reading %s: %w", name, err)
	}
	if int64(len(data)) > o.MaxBytes {
		return nil, ErrorList{{File: name, Line: 1, Column: 1, Err: fmt.Errorf("%w: input larger than %d bytes", ErrLimit, o.MaxBytes)}}
	}
	d := &decoder{file: name, data: data, opts: o, pos: make(map[location]*yaml.Node), reported: make(map[location]bool)}
	p := &jsonParser{dec: json.NewDecoder(bytes.NewReader(data)), data: data, maxDepth: o.MaxDepth}
	p.dec.UseNumber()
	root, perr := p.document()
	if perr != nil {
		line, col := p.position(perr.offset)
		return nil, ErrorList{{File: name, Line: line, Column: col, Err: perr.err}}
	}
	b, err := d.finish(d.root(root, func(v *yaml.Node) error {
		if v.Tag != "!!int" || v.Value != fmt.Sprint(FormatVersion) {
			return fmt.Errorf("%w %s: this package reads version %d", ErrVersion, kindName(v), FormatVersion)
		}
		return nil
	}, fmt.Sprintf(`"claimgraph": %d`, FormatVersion)))
	if err != nil {
		return nil, err
	}
	g := New()
	g.s.apply(&b)
	return g, nil
}

// jsonParser turns JSON into the node tree the YAML decoder walks, with
// the line and column of every value, using encoding/json's tokenizer
// for the syntax and its byte offsets for the positions.
type jsonParser struct {
	dec      *json.Decoder
	data     []byte
	maxDepth int
}

// jsonError is a syntax error at a byte offset.
type jsonError struct {
	offset int64
	err    error
}

func (p *jsonParser) document() (*yaml.Node, *jsonError) {
	if len(bytes.TrimSpace(p.data)) == 0 {
		return nil, &jsonError{0, fmt.Errorf("%w: empty document, want an object with \"claimgraph\": %d", ErrSyntax, FormatVersion)}
	}
	n, err := p.value(0)
	if err != nil {
		return nil, err
	}
	start := p.start()
	if _, terr := p.dec.Token(); terr != io.EOF {
		return nil, &jsonError{start, fmt.Errorf("%w: more than one JSON value", ErrSyntax)}
	}
	return n, nil
}

// start returns the offset of the next token: past the whitespace and
// separators after the last one.
func (p *jsonParser) start() int64 {
	off := p.dec.InputOffset()
	for off < int64(len(p.data)) && strings.IndexByte(" \t\r\n,:", p.data[off]) >= 0 {
		off++
	}
	return off
}

func (p *jsonParser) token() (json.Token, int64, *jsonError) {
	start := p.start()
	tok, err := p.dec.Token()
	if err != nil {
		var se *json.SyntaxError
		switch {
		case errors.As(err, &se):
			// In token mode the error's own Offset counts from the
			// decoder's buffer, not from the input: point at the start
			// of the token that failed instead.
			return nil, 0, &jsonError{start, fmt.Errorf("%w: %s", ErrSyntax, se.Error())}
		case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
			return nil, 0, &jsonError{int64(len(p.data)), fmt.Errorf("%w: unexpected end of JSON input", ErrSyntax)}
		}
		return nil, 0, &jsonError{start, fmt.Errorf("%w: %v", ErrSyntax, err)}
	}
	return tok, start, nil
}

func (p *jsonParser) value(depth int) (*yaml.Node, *jsonError) {
	tok, start, err := p.token()
	if err != nil {
		return nil, err
	}
	line, col := p.position(start)
	n := &yaml.Node{Line: line, Column: col}
	switch t := tok.(type) {
	case json.Delim:
		if depth >= p.maxDepth {
			return nil, &jsonError{start, fmt.Errorf("%w: nested deeper than %d levels", ErrLimit, p.maxDepth)}
		}
		n.Kind = yaml.SequenceNode
		if t == '{' {
			n.Kind = yaml.MappingNode
		}
		for p.dec.More() {
			if n.Kind == yaml.MappingNode {
				key, err := p.value(depth + 1) // always a string: the tokenizer insists
				if err != nil {
					return nil, err
				}
				n.Content = append(n.Content, key)
			}
			v, err := p.value(depth + 1)
			if err != nil {
				return nil, err
			}
			n.Content = append(n.Content, v)
		}
		if _, _, err := p.token(); err != nil { // the closing delimiter
			return nil, err
		}
	case string:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!str", t
	case json.Number:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!int", t.String()
		if strings.ContainsAny(n.Value, ".eE") {
			n.Tag = "!!float"
		}
	case bool:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!bool", fmt.Sprint(t)
	default: // nil
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!null", "null"
	}
	return n, nil
}

// position converts a byte offset to a 1-based line and column, the
// column counted in characters.
func (p *jsonParser) position(off int64) (line, col int) {
	off = min(off, int64(len(p.data)))
	before := p.data[:off]
	line = 1 + bytes.Count(before, []byte("\n"))
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	return line, 1 + utf8.RuneCount(before[lineStart:])
}
