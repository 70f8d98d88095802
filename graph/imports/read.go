package imports

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	raw "github.com/claimgraph/claimgraph/graph/internal/input"
)

// MaxBytes is the largest input a reader accepts: a larger file is
// refused from its size before it is read, a stream read no further than
// one byte past it. It is 128 MiB, where the densest AIF (one RA-node, a
// premise a line, each a relation) peaks at some 21 times its size, 2.6
// GiB; at 256 MiB, the former limit, that was over 5 GiB.
const MaxBytes = 128 << 20

// Sentinel errors, matched with [errors.Is] on a [*ParseError].
var (
	// ErrSyntax: the input is not well-formed JSON.
	ErrSyntax = errors.New("syntax error")
	// ErrFormat: the input is JSON but not the format read: a value of
	// the wrong type, a missing field, a reference to a node that is
	// not there.
	ErrFormat = errors.New("not the expected format")
	// ErrTooLarge: the input is larger than [MaxBytes].
	ErrTooLarge = errors.New("input too large")
)

// ParseError is a problem with the input at a 1-based line and column
// (counted in characters). Problems found when the imported items are
// checked as a graph point at the start of the item they come from and
// wrap the [graph.Error], so errors.Is matches graph's and claims'
// sentinels too.
type ParseError struct {
	claims.Position
	Err error
}

// Error formats the problem as "imports: FILE:LINE:COL: problem"
// ("imports: LINE:COL: problem" when the input has no name).
func (e *ParseError) Error() string {
	if ge, ok := e.Err.(*graph.Error); ok {
		// A problem found by Apply: its message without graph's prefix
		// and position (it has none), which this error gives.
		return e.Prefix("imports") + ge.Message()
	}
	return e.Prefix("imports") + e.Err.Error()
}

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }

// ErrorList is every problem an importer found where it reports more
// than one (the problems of the batch as a graph, the dates of a Fact
// Check response), each a [*ParseError], in the order of the input. A
// single problem is returned as a *ParseError alone. [errors.Is] and
// [errors.As] see every problem of the list.
type ErrorList []*ParseError

// Error formats the first problem and counts the others: "imports:
// FILE:LINE:COL: problem (and 2 more problems)".
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "imports: no errors"
	case 1:
		return l[0].Error()
	case 2:
		return l[0].Error() + " (and 1 more problem)"
	}
	return fmt.Sprintf("%s (and %d more problems)", l[0].Error(), len(l)-1)
}

// Unwrap returns the individual problems.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// err returns l as an error: nil when empty, its one problem alone, or
// the list sorted by position.
func (l ErrorList) err() error {
	switch len(l) {
	case 0:
		return nil
	case 1:
		return l[0]
	}
	slices.SortStableFunc(l, func(a, b *ParseError) int { return byPosition(a.Position, b.Position) })
	return l
}

// and returns the problems of l and of err (nil, a *ParseError or an
// ErrorList) as one error, as err does.
func (l ErrorList) and(err error) error {
	var list ErrorList
	var one *ParseError
	switch {
	case errors.As(err, &list):
		l = append(l, list...)
	case errors.As(err, &one):
		l = append(l, one)
	case err != nil:
		return err
	}
	return l.err()
}

// byPosition orders positions in one input by line, then column.
func byPosition(a, b claims.Position) int {
	return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
}

// input is one JSON document being read, with what is needed to point at
// its parts.
type input struct {
	name string
	data []byte
	dec  *json.Decoder
	at   map[string]int64 // offset of the item each ID or relation comes from
	seen map[string]bool  // relations added, by pair and kind
	key  int64            // offset of the key being read by object
	last mark             // the position errAt found last

	warnings []Warning // what was left out, in the order met
	warnAt   []int64   // the offset of each warning, its position not yet found
}

// mark is the 0-based line and column of a byte offset.
type mark struct {
	off       int64
	line, col int
}

// newInput reads all of r: a file larger than MaxBytes is refused from
// its size unread, a stream read no further than one byte past it. A
// byte-order mark is skipped, and invalid UTF-8 (which encoding/json
// would silently turn into U+FFFD) is an error at its position.
func newInput(r io.Reader, name string) (*input, error) {
	data, err := raw.ReadAll(r, MaxBytes, nil)
	var big *raw.TooLarge
	switch {
	case errors.As(err, &big):
		return nil, &ParseError{Position: claims.Position{File: name}, Err: fmt.Errorf("%w: %v", ErrTooLarge, big)}
	case err != nil:
		return nil, fmt.Errorf("imports: reading %s: %w", name, err)
	}
	data = raw.TrimBOM(data)
	in := &input{name: name, data: data, dec: json.NewDecoder(bytes.NewReader(data)), at: make(map[string]int64)}
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, size := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			off += size
		}
		return nil, in.errAt(int64(off), fmt.Errorf("%w: invalid UTF-8 (byte %#02x)", ErrSyntax, data[off]))
	}
	if err := in.dupKeys(); err != nil {
		return nil, err
	}
	return in, nil
}

// errAt makes a ParseError at byte offset off. Its position is counted
// on from the one found last when off is not before it, so that calls in
// the order of the input take time linear in it, not in the product of
// its size and the problems.
func (in *input) errAt(off int64, err error) *ParseError {
	off = min(max(off, 0), int64(len(in.data)))
	if off < in.last.off {
		in.last = mark{}
	}
	m := &in.last
	gap := in.data[m.off:off]
	if i := bytes.LastIndexByte(gap, '\n'); i >= 0 {
		m.line += bytes.Count(gap, []byte("\n"))
		m.col, gap = 0, gap[i+1:]
	}
	m.col += utf8.RuneCount(gap)
	m.off = off
	return &ParseError{Position: claims.Position{File: in.name, Line: m.line + 1, Column: m.col + 1}, Err: err}
}

// start returns the offset of the next token.
func (in *input) start() int64 {
	off := in.dec.InputOffset()
	for off < int64(len(in.data)) && strings.IndexByte(" \t\r\n,:", in.data[off]) >= 0 {
		off++
	}
	return off
}

// jsonErr turns an error of encoding/json met at offset start into a
// ParseError at the best position known.
func (in *input) jsonErr(start int64, err error) *ParseError {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return in.errAt(int64(len(in.data)), fmt.Errorf("%w: unexpected end of JSON input", ErrSyntax))
	case errors.As(err, &syn):
		return in.errAt(start, fmt.Errorf("%w: %v", ErrSyntax, syn))
	case errors.As(err, &typ):
		// Offset counts from the start of the value being decoded and
		// points past the offending value.
		field := typ.Field
		if field == "" {
			field = "value"
		}
		return in.errAt(start, fmt.Errorf("%w: %s: want %s, found JSON %s", ErrFormat, field, typ.Type, typ.Value))
	}
	return in.errAt(start, fmt.Errorf("%w: %v", ErrFormat, err))
}

// delim reads the delimiter want ('{' or '[').
func (in *input) delim(want json.Delim, what string) *ParseError {
	start := in.start()
	tok, err := in.dec.Token()
	if err != nil {
		return in.jsonErr(start, err)
	}
	if d, ok := tok.(json.Delim); !ok || d != want {
		kind := "an object"
		if want == '[' {
			kind = "a list"
		}
		return in.errAt(start, fmt.Errorf("%w: %s: want %s", ErrFormat, what, kind))
	}
	return nil
}

// object reads an object, calling field for each key; field reads the
// value, and returns false for a key it does not know, whose value is
// skipped.
func (in *input) object(what string, field func(key string) (bool, *ParseError)) *ParseError {
	if err := in.delim('{', what); err != nil {
		return err
	}
	for in.dec.More() {
		start := in.start()
		tok, err := in.dec.Token()
		if err != nil {
			return in.jsonErr(start, err)
		}
		in.key = start
		known, perr := field(tok.(string)) // the tokenizer insists on string keys
		if perr != nil {
			return perr
		}
		if !known {
			var skip json.RawMessage
			start := in.start()
			if err := in.dec.Decode(&skip); err != nil {
				return in.jsonErr(start, err)
			}
		}
	}
	_, err := in.dec.Token()
	return in.jsonErrOrNil(err)
}

func (in *input) jsonErrOrNil(err error) *ParseError {
	if err == nil {
		return nil
	}
	return in.jsonErr(in.start(), err)
}

// list reads a list, decoding each element into a new T and passing it
// with its offset to item. null is an empty list.
func list[T any](in *input, what string, item func(v T, off int64) *ParseError) *ParseError {
	if start := in.start(); start+4 <= int64(len(in.data)) && string(in.data[start:start+4]) == "null" {
		_, err := in.dec.Token()
		return in.jsonErrOrNil(err)
	}
	if err := in.delim('[', what); err != nil {
		return err
	}
	for in.dec.More() {
		start := in.start()
		var v T
		if err := in.dec.Decode(&v); err != nil {
			return in.jsonErr(start, err)
		}
		if err := item(v, start); err != nil {
			return err
		}
	}
	_, err := in.dec.Token()
	return in.jsonErrOrNil(err)
}

// end checks that nothing follows the document.
func (in *input) end() *ParseError {
	start := in.start()
	if _, err := in.dec.Token(); err != io.EOF {
		return in.errAt(start, fmt.Errorf("%w: more than one JSON value", ErrSyntax))
	}
	return nil
}

// check applies b to an empty graph, as its user will, and reports
// every problem at the position of the item it comes from (an
// [ErrorList] when there are several).
func (in *input) check(b graph.Batch) error {
	err := graph.New().Apply(b)
	var list graph.ErrorList
	if errors.As(err, &list) && len(list) > 0 {
		var out ErrorList
		for _, e := range list {
			out = append(out, in.errAt(in.at[e.ID], e))
		}
		return out.err()
	}
	if err != nil {
		return in.errAt(0, err)
	}
	return nil
}

// ID turns a name from the input into a valid claimgraph ID: prefix, then
// the name with every run of characters an ID may not hold replaced by
// one '-', cut to the maximum length.
func ID(prefix, name string) string {
	var b strings.Builder
	b.WriteString(prefix)
	dash := strings.HasSuffix(prefix, "-")
	for _, r := range strings.ToLower(name) {
		if r < 128 && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == ':') {
			b.WriteRune(r)
			dash = false
		} else if !dash {
			b.WriteByte('-')
			dash = true
		}
	}
	id := strings.TrimRight(b.String(), "-")
	if len(id) > 128 {
		id = strings.TrimRight(id[:128], "-")
	}
	return id
}

// relationKey is the ID that graph errors give a relation.
func relationKey(r claims.Relation) string { return r.From + " -> " + r.To }

// day parses the date at the start of an RFC 3339 timestamp or a date:
// "2019-05-20T00:00:00Z" is 2019-05-20.
func day(s string) (claims.Date, error) {
	if len(s) > 10 && s[10] == 'T' {
		s = s[:10]
	}
	return claims.ParseDate(s)
}

// entries reads an object whose values are all of one type, passing each
// key and decoded value with the value's offset to item. null is empty.
func entries[T any](in *input, what string, item func(key string, v T, off int64) *ParseError) *ParseError {
	if start := in.start(); start+4 <= int64(len(in.data)) && string(in.data[start:start+4]) == "null" {
		_, err := in.dec.Token()
		return in.jsonErrOrNil(err)
	}
	return in.object(what, func(key string) (bool, *ParseError) {
		start := in.start()
		var v T
		if err := in.dec.Decode(&v); err != nil {
			return true, in.jsonErr(start, err)
		}
		return true, item(key, v, start)
	})
}

// addRelation appends r to b unless the pair is already related the same
// way (a contradiction in either direction), and records that r comes
// from the item at offset off.
func (in *input) addRelation(b *graph.Batch, r claims.Relation, off int64) {
	from, to := r.From, r.To
	if r.Kind == claims.Contradicts && to < from {
		from, to = to, from
	}
	key := from + "\x00" + to + "\x00" + r.Kind.String()
	if in.seen == nil {
		in.seen = make(map[string]bool)
	}
	if in.seen[key] {
		return
	}
	in.seen[key] = true
	b.Relations = append(b.Relations, r)
	in.at[relationKey(r)] = off
}

// missing reports a top-level key that the format requires, at the start
// of the document.
func (in *input) missing(key string) *ParseError {
	return in.errAt(in.start0(), fmt.Errorf("%w: no %q: is this the right format?", ErrFormat, key))
}

// start0 is the offset of the document's first token.
func (in *input) start0() int64 {
	return int64(len(in.data) - len(bytes.TrimLeft(in.data, " \t\r\n")))
}
