package graph

import (
	"fmt"
	"math"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/claimgraph/claimgraph/claims"
)

// jsonScanner parses JSON (RFC 8259) into the node tree the YAML decoder
// walks, with the 1-based line and column (in characters) of every value.
//
// It is our own rather than encoding/json's Decoder.Token, which
// allocates an interface per token and reports offsets that must then be
// turned into lines by a scan from the start: the bulk format reads
// millions of small objects, and the scanner's cost per byte is what
// bounds its load time. Strings decode as encoding/json decodes them,
// except that invalid UTF-8 is an error (as in YAML) where encoding/json
// turns it into U+FFFD; a lone surrogate escape becomes U+FFFD. A
// byte-order mark at the start is skipped. The values of a document
// (object keys included) are counted against the node budget of
// [ReadOptions.MaxNodes] and the input's size (see nodeBudget), so that
// no input makes the scanner hold more nodes than its size allows.
type jsonScanner struct {
	data      []byte
	off       int
	line      int // line of off, 1-based
	lineStart int // offset where that line starts
	colOff    int // a known offset on the line and its column, so that
	col       int // columns are counted from there, not from lineStart
	maxDepth  int
	maxNodes  int
	count     int // values scanned in this document
	budget    int // the most values this document may hold

	// Nodes and child lists are cut from slabs, not allocated one by
	// one. A bulk read calls reset between lines to reuse the slabs:
	// nothing keeps a node of a line once the line is decoded.
	nodes arena[yaml.Node]
	ptrs  arena[*yaml.Node]
	kids  []*yaml.Node // children of the collections being parsed, as a stack

	// items, when set, takes the elements of the lists of the top-level
	// object one by one as they are scanned, so that the tree holds one
	// element at a time: it returns the function that decodes an element
	// of the list under key, or nil for a key whose list it does not
	// take. Every other value of the top level is kept as a node without
	// children (its kind and position). Each element and each such value
	// may hold at most maxItemValues values, and the object at most
	// maxTopKeys keys: so nothing the tree holds at once grows with the
	// input. See top.
	items   func(key string) func(i int, n *yaml.Node)
	itemEnd int             // the count of values past which the item being scanned is too large
	topKeys map[string]bool // the keys of the top level met so far
}

// maxItemValues bounds the values of one item of the top level of a JSON
// document, as [DefaultMaxLineNodes] bounds those of a line of JSON
// Lines: 1 Mi, far more than any item holds.
const maxItemValues = DefaultMaxLineNodes

// maxTopKeys bounds the keys of the top-level object of a JSON document,
// which has six at most unless it is wrong: each is kept until the
// document is read.
const maxTopKeys = 1024

// arena hands out slices of slabs of T, and hands them out again after
// reset.
type arena[T any] struct {
	slabs [][]T
	slab  int // the slab being cut
	used  int // how much of it is cut
}

// take returns n zeroed elements, contiguous.
func (a *arena[T]) take(n int) []T {
	for a.slab < len(a.slabs) && a.used+n > len(a.slabs[a.slab]) {
		a.slab++
		a.used = 0
	}
	if a.slab == len(a.slabs) {
		a.slabs = append(a.slabs, make([]T, max(256, n)))
	}
	out := a.slabs[a.slab][a.used : a.used+n : a.used+n]
	a.used += n
	return out
}

// arenaMark is how much of an arena was handed out, to rewind to.
type arenaMark struct{ slab, used int }

func (a *arena[T]) mark() arenaMark { return arenaMark{a.slab, a.used} }

// rewind makes what was handed out since m available again, zeroed.
func (a *arena[T]) rewind(m arenaMark) {
	for i := m.slab; i <= a.slab && i < len(a.slabs); i++ {
		from, to := 0, len(a.slabs[i])
		if i == m.slab {
			from = m.used
		}
		if i == a.slab {
			to = a.used
		}
		if from < to {
			clear(a.slabs[i][from:to])
		}
	}
	a.slab, a.used = m.slab, m.used
}

// reset makes every slab available again, zeroing what was handed out.
func (a *arena[T]) reset() {
	for i := 0; i < a.slab; i++ {
		clear(a.slabs[i])
	}
	if a.slab < len(a.slabs) {
		clear(a.slabs[a.slab][:a.used])
	}
	a.slab, a.used = 0, 0
}

// reset points the scanner at a new document starting on line, reusing
// the nodes of the last one.
func (s *jsonScanner) reset(data []byte, line int) {
	s.nodes.reset()
	s.ptrs.reset()
	s.data, s.off, s.line, s.lineStart, s.colOff, s.col = data, 0, line, 0, 0, 1
	s.count = 0
}

// common holds the strings met on every line of a bulk file, the keys
// and the words of enumerations of the format's tables, so that scanning
// them allocates nothing; keys come back as the tables' own strings.
var common = func() *words {
	w := new(words)
	for _, it := range FormatFields() {
		w.add(it.Item)
		for _, f := range it.Fields {
			w.add(f.Key)
			for _, v := range f.Values {
				w.add(v)
			}
		}
	}
	return w
}()

// words is a small set of strings, looked up by bytes: an open-addressed
// table hashed on a string's length and three of its bytes. Most strings
// of a bulk file are IDs and text that are not in it, and most of those
// land on an empty slot or on a word of another length, so a look-up
// costs a few comparisons where a map would hash every byte.
type words struct{ slots [1 << 10]string }

func wordHash(b []byte) int {
	n := len(b)
	return (n*31 + int(b[0])*7 + int(b[n-1])*131 + int(b[n/2])*17) & (len(words{}.slots) - 1)
}

// add puts w in the set; the table must keep an empty slot.
func (t *words) add(w string) {
	if w == "" {
		return
	}
	for i := wordHash([]byte(w)); ; i = (i + 1) & (len(t.slots) - 1) {
		switch t.slots[i] {
		case w:
			return
		case "":
			t.slots[i] = w
			return
		}
	}
}

// get returns the word whose bytes are b, and whether there is one.
func (t *words) get(b []byte) (string, bool) {
	if len(b) == 0 {
		return "", false
	}
	for i := wordHash(b); ; i = (i + 1) & (len(t.slots) - 1) {
		w := t.slots[i]
		if w == "" {
			return "", false
		}
		if w == string(b) { // no allocation to compare
			return w, true
		}
	}
}

// jsonError is a syntax error at a byte offset.
type jsonError struct {
	offset int
	err    error
}

// newJSONScanner returns a scanner of data within the limits of o, which
// must have its defaults set.
func newJSONScanner(data []byte, o ReadOptions) *jsonScanner {
	return &jsonScanner{data: data, line: 1, col: 1, maxDepth: o.MaxDepth, maxNodes: o.MaxNodes, itemEnd: math.MaxInt}
}

// skip passes whitespace, counting lines.
func (s *jsonScanner) skip() {
	for s.off < len(s.data) {
		switch s.data[s.off] {
		case '\n':
			s.line++
			s.off++
			s.lineStart, s.colOff, s.col = s.off, s.off, 1
		case ' ', '\t', '\r':
			s.off++
		default:
			return
		}
	}
}

// position returns the line and column of offset off, which must be on
// the current line at or after the last offset asked for.
func (s *jsonScanner) position(off int) (line, col int) {
	if off < s.colOff {
		s.colOff, s.col = s.lineStart, 1
	}
	s.col += utf8.RuneCount(s.data[s.colOff:off])
	s.colOff = off
	return s.line, s.col
}

// errorAt returns the line and column of offset off anywhere in the data.
func (s *jsonScanner) errorAt(off int) (line, col int) { return offsetPosition(s.data, off) }

// offsetPosition returns the 1-based line and column, in characters, of
// byte offset off in data (claims.PositionAt).
func offsetPosition(data []byte, off int) (line, col int) {
	p := claims.PositionAt("", data, off)
	return p.Line, p.Column
}

func (s *jsonScanner) fail(off int, format string, args ...any) *jsonError {
	return &jsonError{off, fmt.Errorf("%w: "+format, append([]any{ErrSyntax}, args...)...)}
}

func (s *jsonScanner) unexpected() *jsonError {
	if s.off >= len(s.data) {
		return s.fail(s.off, "unexpected end of JSON input")
	}
	r, _ := utf8.DecodeRune(s.data[s.off:])
	return s.fail(s.off, "invalid character %q looking for beginning of value", r)
}

// document parses the whole input as one value.
func (s *jsonScanner) document() (*yaml.Node, *jsonError) {
	if len(s.data) >= 3 && string(s.data[:3]) == "\uFEFF" {
		s.off, s.lineStart, s.colOff = 3, 3, 3
	}
	s.budget = nodeBudget(len(s.data), s.maxNodes)
	s.skip()
	if s.off == len(s.data) {
		return nil, s.fail(0, "empty document, want an object with \"claimgraph\": %d", FormatVersion)
	}
	n, err := s.value(0)
	if err != nil {
		return nil, err
	}
	s.skip()
	if s.off < len(s.data) {
		return nil, s.fail(s.off, "more than one JSON value")
	}
	return n, nil
}

// node counts the value at s.off against the limits and returns a node
// for it at its position.
func (s *jsonScanner) node() (*yaml.Node, *jsonError) {
	if s.count++; s.count > s.budget {
		return nil, &jsonError{s.off, overBudget("JSON values", len(s.data), s.budget, s.maxNodes)}
	}
	if s.count > s.itemEnd {
		return nil, &jsonError{s.off, fmt.Errorf("%w: more than %d JSON values in one item of the top level", ErrLimit, maxItemValues)}
	}
	line, col := s.position(s.off)
	n := &s.nodes.take(1)[0]
	n.Kind, n.Line, n.Column = yaml.ScalarNode, line, col
	return n, nil
}

// value parses one value at s.off, after whitespace.
func (s *jsonScanner) value(depth int) (*yaml.Node, *jsonError) {
	s.skip()
	if s.off >= len(s.data) {
		return nil, s.unexpected()
	}
	n, err := s.node()
	if err != nil {
		return nil, err
	}
	switch c := s.data[s.off]; {
	case c == '{' || c == '[':
		if depth >= s.maxDepth {
			return nil, &jsonError{s.off, fmt.Errorf("%w: nested deeper than %d levels", ErrLimit, s.maxDepth)}
		}
		return n, s.collection(n, depth)
	case c == '"':
		v, err := s.str()
		n.Tag, n.Value = "!!str", v
		return n, err
	case c == '-' || c >= '0' && c <= '9':
		v, float, err := s.number()
		n.Tag, n.Value = "!!int", v
		if float {
			n.Tag = "!!float"
		}
		return n, err
	}
	for _, lit := range [...]struct{ word, tag string }{{"true", "!!bool"}, {"false", "!!bool"}, {"null", "!!null"}} {
		if len(s.data)-s.off >= len(lit.word) && string(s.data[s.off:s.off+len(lit.word)]) == lit.word {
			s.off += len(lit.word)
			n.Tag, n.Value = lit.tag, lit.word
			return n, nil
		}
	}
	return nil, s.unexpected()
}

// collection parses an object or an array into n.
func (s *jsonScanner) collection(n *yaml.Node, depth int) *jsonError {
	object := s.data[s.off] == '{'
	end := byte(']')
	n.Kind, n.Tag = yaml.SequenceNode, "!!seq"
	if object {
		n.Kind, n.Tag, end = yaml.MappingNode, "!!map", '}'
	}
	s.off++
	s.skip()
	if s.off < len(s.data) && s.data[s.off] == end {
		s.off++
		return nil
	}
	base := len(s.kids)
	defer func() { s.kids = s.kids[:base] }()
	for {
		if object {
			s.skip()
			if s.off >= len(s.data) || s.data[s.off] != '"' {
				if s.off >= len(s.data) {
					return s.unexpected()
				}
				r, _ := utf8.DecodeRune(s.data[s.off:])
				return s.fail(s.off, "invalid character %q looking for beginning of object key string", r)
			}
			key, err := s.value(depth + 1)
			if err != nil {
				return err
			}
			s.skip()
			if s.off >= len(s.data) {
				return s.unexpected()
			}
			if s.data[s.off] != ':' {
				r, _ := utf8.DecodeRune(s.data[s.off:])
				return s.fail(s.off, "invalid character %q after object key", r)
			}
			s.off++
			s.kids = append(s.kids, key)
		}
		var v *yaml.Node
		var err *jsonError
		if object && depth == 0 && s.items != nil {
			v, err = s.top(s.kids[len(s.kids)-1].Value)
		} else {
			v, err = s.value(depth + 1)
		}
		if err != nil {
			return err
		}
		s.kids = append(s.kids, v)
		s.skip()
		if s.off >= len(s.data) {
			return s.unexpected()
		}
		switch s.data[s.off] {
		case ',':
			s.off++
		case end:
			s.off++
			n.Content = s.ptrs.take(len(s.kids) - base)
			copy(n.Content, s.kids[base:])
			return nil
		default:
			r, _ := utf8.DecodeRune(s.data[s.off:])
			return s.fail(s.off, "invalid character %q after %s element", r, map[bool]string{true: "object", false: "array"}[object])
		}
	}
}

// top parses the value of key in the top-level object, at s.off after
// the colon: the elements of a list that s.items takes (the first under
// its key) are handed to it one at a time, each parsed into nodes that
// the next reuses, and any other value is kept as a node without
// children. Each element, and each other value, may hold at most
// maxItemValues values.
func (s *jsonScanner) top(key string) (*yaml.Node, *jsonError) {
	if s.topKeys == nil {
		s.topKeys = make(map[string]bool)
	}
	if len(s.kids)/2 > maxTopKeys {
		return nil, &jsonError{s.off, fmt.Errorf("%w: more than %d keys at the top level", ErrLimit, maxTopKeys)}
	}
	first := !s.topKeys[key]
	s.topKeys[key] = true
	s.skip()
	if first && s.off < len(s.data) && s.data[s.off] == '[' {
		if each := s.items(key); each != nil {
			return s.stream(each)
		}
	}
	nodes, ptrs := s.nodes.mark(), s.ptrs.mark()
	s.itemEnd = s.count + maxItemValues
	v, err := s.value(1)
	s.itemEnd = math.MaxInt
	if err != nil || v.Kind == yaml.ScalarNode {
		return v, err
	}
	keep := *v
	keep.Content = nil
	s.nodes.rewind(nodes)
	s.ptrs.rewind(ptrs)
	n := &s.nodes.take(1)[0]
	*n = keep
	return n, nil
}

// stream parses the list at s.off, a value of the top level, handing
// each element to each as soon as it is parsed and reusing its nodes
// for the next; it returns the list's node, without children.
func (s *jsonScanner) stream(each func(i int, n *yaml.Node)) (*yaml.Node, *jsonError) {
	n, err := s.node()
	if err != nil {
		return nil, err
	}
	if s.maxDepth <= 1 {
		return nil, &jsonError{s.off, fmt.Errorf("%w: nested deeper than %d levels", ErrLimit, s.maxDepth)}
	}
	n.Kind, n.Tag = yaml.SequenceNode, "!!seq"
	s.off++
	s.skip()
	if s.off < len(s.data) && s.data[s.off] == ']' {
		s.off++
		return n, nil
	}
	for i := 0; ; i++ {
		nodes, ptrs := s.nodes.mark(), s.ptrs.mark()
		s.itemEnd = s.count + maxItemValues
		v, err := s.value(2)
		s.itemEnd = math.MaxInt
		if err != nil {
			return nil, err
		}
		each(i, v)
		s.nodes.rewind(nodes)
		s.ptrs.rewind(ptrs)
		s.skip()
		if s.off >= len(s.data) {
			return nil, s.unexpected()
		}
		switch s.data[s.off] {
		case ',':
			s.off++
		case ']':
			s.off++
			return n, nil
		default:
			r, _ := utf8.DecodeRune(s.data[s.off:])
			return nil, s.fail(s.off, "invalid character %q after array element", r)
		}
	}
}

// str parses a string literal at s.off.
func (s *jsonScanner) str() (string, *jsonError) {
	start := s.off
	s.off++
	// The common case: no escapes, valid UTF-8, no control characters;
	// only a string with bytes past ASCII needs its UTF-8 checked.
	var high byte
	for i := s.off; i < len(s.data); i++ {
		c := s.data[i]
		high |= c
		if c == '"' {
			if high < utf8.RuneSelf || utf8.Valid(s.data[s.off:i]) {
				v, ok := common.get(s.data[s.off:i])
				if !ok {
					v = string(s.data[s.off:i])
				}
				s.off = i + 1
				return v, nil
			}
			break
		}
		if c == '\\' || c < 0x20 {
			break
		}
	}
	var buf []byte
	for s.off < len(s.data) {
		c := s.data[s.off]
		switch {
		case c == '"':
			s.off++
			return string(buf), nil
		case c < 0x20:
			if c == '\n' {
				return "", s.fail(s.off, "invalid character '\\n' in string literal")
			}
			return "", s.fail(s.off, "invalid character %q in string literal", rune(c))
		case c == '\\':
			r, err := s.escape()
			if err != nil {
				return "", err
			}
			buf = utf8.AppendRune(buf, r)
		case c < utf8.RuneSelf:
			buf = append(buf, c)
			s.off++
		default:
			r, size := utf8.DecodeRune(s.data[s.off:])
			if r == utf8.RuneError && size == 1 {
				return "", s.fail(s.off, "invalid UTF-8 (byte %#02x) in string literal", c)
			}
			buf = append(buf, s.data[s.off:s.off+size]...)
			s.off += size
		}
	}
	return "", s.fail(start, "unexpected end of JSON input in string literal")
}

// escape decodes the escape sequence at s.off.
func (s *jsonScanner) escape() (rune, *jsonError) {
	if s.off+1 >= len(s.data) {
		return 0, s.fail(s.off, "unexpected end of JSON input in string escape")
	}
	c := s.data[s.off+1]
	s.off += 2
	switch c {
	case '"', '\\', '/':
		return rune(c), nil
	case 'b':
		return '\b', nil
	case 'f':
		return '\f', nil
	case 'n':
		return '\n', nil
	case 'r':
		return '\r', nil
	case 't':
		return '\t', nil
	case 'u':
		r, ok := s.hex4()
		if !ok {
			return 0, s.fail(s.off-2, "invalid \\u escape in string literal")
		}
		if utf16.IsSurrogate(r) {
			save := s.off
			if s.off+1 < len(s.data) && s.data[s.off] == '\\' && s.data[s.off+1] == 'u' {
				s.off += 2
				if r2, ok := s.hex4(); ok {
					if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
						return d, nil
					}
				}
			}
			s.off = save
			return utf8.RuneError, nil
		}
		return r, nil
	}
	return 0, s.fail(s.off-2, "invalid escape %q in string literal", "\\"+string(rune(c)))
}

func (s *jsonScanner) hex4() (rune, bool) {
	if len(s.data)-s.off < 4 {
		return 0, false
	}
	v, err := strconv.ParseUint(string(s.data[s.off:s.off+4]), 16, 32)
	if err != nil {
		return 0, false
	}
	s.off += 4
	return rune(v), true
}

// number parses a number literal at s.off, reporting whether it has a
// fraction or an exponent.
func (s *jsonScanner) number() (string, bool, *jsonError) {
	start := s.off
	digits := func() int {
		k := s.off
		for s.off < len(s.data) && s.data[s.off] >= '0' && s.data[s.off] <= '9' {
			s.off++
		}
		return s.off - k
	}
	bad := func() (string, bool, *jsonError) {
		if s.off >= len(s.data) {
			return "", false, s.unexpected()
		}
		r, _ := utf8.DecodeRune(s.data[s.off:])
		return "", false, s.fail(s.off, "invalid character %q in numeric literal", r)
	}
	if s.data[s.off] == '-' {
		s.off++
	}
	if s.off < len(s.data) && s.data[s.off] == '0' {
		s.off++
	} else if digits() == 0 {
		return bad()
	}
	float := false
	if s.off < len(s.data) && s.data[s.off] == '.' {
		s.off++
		float = true
		if digits() == 0 {
			return bad()
		}
	}
	if s.off < len(s.data) && (s.data[s.off] == 'e' || s.data[s.off] == 'E') {
		s.off++
		float = true
		if s.off < len(s.data) && (s.data[s.off] == '+' || s.data[s.off] == '-') {
			s.off++
		}
		if digits() == 0 {
			return bad()
		}
	}
	return string(s.data[start:s.off]), float, nil
}
