package rdf

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph/internal/input"
)

// Sentinel errors of the readers, matched with [errors.Is].
var (
	// ErrSyntax: the input is not well-formed N-Quads or Turtle.
	ErrSyntax = errors.New("syntax error")
	// ErrUnsupported: well-formed RDF outside the subset that the
	// readers accept (see the package documentation).
	ErrUnsupported = errors.New("outside the subset read")
	// ErrLimit: the input exceeds a limit of [Limits].
	ErrLimit = errors.New("limit exceeded")
	// ErrTooLarge: the input is larger than [Limits.MaxBytes]. It
	// matches ErrLimit too.
	ErrTooLarge = fmt.Errorf("%w: input too large", ErrLimit)
	// ErrMapping: the statements do not describe a claim graph as
	// [Triples] writes one: an unknown class or property, a missing or
	// repeated value, a reference to no item.
	ErrMapping = errors.New("not a claim graph")
)

// ParseError is a problem at a position of the input.
type ParseError struct {
	claims.Position
	Err error
}

// Error formats the problem as "rdf: FILE:LINE:COL: message".
func (e *ParseError) Error() string { return e.Prefix("rdf") + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }

// Limits bounds what a reader accepts, so that a hostile input cannot
// take unbounded memory: beyond a limit reading stops with [ErrLimit].
// A zero field takes its default.
//
// [Parse] holds one statement at a time; [Read] and [ReadBatch] hold
// every statement until the graph is built, some 300 bytes each: 12
// times the input for N-Quads, 38 for Turtle's smallest claims and 74
// for the densest Turtle (a statement in the 4 bytes of ",p:o"; the
// README's table of limits), so MaxBytes bounds their peak. The IRIs
// that prefixed names expand to may add at most 64 KiB plus 16 bytes
// for every byte read ([ErrLimit]), so that a long namespace cannot
// make a few bytes of input stand for a megabyte.
type Limits struct {
	// MaxBytes bounds the input: a file larger is refused from its size
	// before a byte is read ([ErrTooLarge]), and any other reader is
	// read no further than the first byte past it. Default
	// [DefaultMaxBytes].
	MaxBytes   int64
	MaxTriples int // statements; default 100,000,000
	MaxTerm    int // bytes of one IRI, label or literal; default 1 MiB
}

// DefaultMaxBytes is the default of [Limits.MaxBytes]: 32 MiB, which
// keeps the peak of [Read] near 2.5 GiB, under 4 GiB, for the densest
// input (see [Limits]). Large graphs belong in the JSON Lines format of
// package graph.
const DefaultMaxBytes = 32 << 20

func (l Limits) maxBytes() int64 {
	if l.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return l.MaxBytes
}

func (l Limits) maxTriples() int {
	if l.MaxTriples <= 0 {
		return 100_000_000
	}
	return l.MaxTriples
}

func (l Limits) maxTerm() int {
	if l.MaxTerm <= 0 {
		return 1 << 20
	}
	return l.MaxTerm
}

// tooLarge wraps the description of an input over MaxBytes.
func tooLarge(big *input.TooLarge) error {
	return fmt.Errorf("%w: %v; Limits.MaxBytes raises the limit", ErrTooLarge, big)
}

// capped reads r up to max bytes, then fails with [ErrTooLarge] if r
// has more.
type capped struct {
	r         io.Reader
	left, max int64
}

func (c *capped) Read(b []byte) (int, error) {
	if c.left <= 0 {
		// One byte more tells a stream that ends at the limit from one
		// that goes past it.
		var one [1]byte
		n, err := c.r.Read(one[:])
		if n > 0 {
			return 0, tooLarge(&input.TooLarge{Max: c.max, Size: -1})
		}
		return 0, err
	}
	if int64(len(b)) > c.left {
		b = b[:c.left]
	}
	n, err := c.r.Read(b)
	c.left -= int64(n)
	return n, err
}

// Syntax names an input syntax.
type Syntax uint8

// The syntaxes read.
const (
	NQuads Syntax = iota + 1
	Turtle
)

// Parse reads statements in syntax from r, named file in errors, and
// calls f with each in the order of the input, with its position. Graph
// names of N-Quads are read and dropped. It stops at the first error, of
// f or of the input; input errors are a [*ParseError].
//
// Turtle is read in the subset that [WriteTurtle] writes and people write
// vocabularies in: @prefix and PREFIX, IRIs, prefixed names, "a", blank
// node labels, string literals in double quotes with a datatype, and the
// ";" and "," abbreviations, with comments. Language tags, long strings,
// bare numbers and booleans, "[...]" and "(...)" and @base are refused
// with [ErrUnsupported]; relative IRIs are refused as in N-Quads. It
// takes time linear in the input and memory for one statement at a time.
// A byte-order mark at the start is skipped; a byte that is not UTF-8 is
// an [ErrSyntax] at its place.
func Parse(r io.Reader, file string, syntax Syntax, lim Limits, f func(Triple, claims.Position) error) error {
	limit := lim.maxBytes()
	if size := input.Size(r); size > limit {
		return &ParseError{Position: claims.Position{File: file}, Err: tooLarge(&input.TooLarge{Max: limit, Size: size})}
	}
	br := bufio.NewReaderSize(&capped{r: r, left: limit, max: limit}, 64<<10)
	if bom, err := br.Peek(len(input.BOM)); err == nil && string(bom) == input.BOM {
		br.Discard(len(bom))
	}
	p := &parser{lex: lexer{r: br, file: file, line: 1, col: 1, max: lim.maxTerm()},
		prefixes: map[string]string{}, maxTriples: lim.maxTriples(), emit: f}
	if syntax == Turtle {
		return p.turtle()
	}
	return p.nquads()
}

type tokKind uint8

const (
	tEOF tokKind = iota
	tIRI
	tPName // Value is "prefix:local"
	tBlank
	tLiteral
	tDot
	tSemi
	tComma
	tA
	tPrefix // @prefix or PREFIX
)

type token struct {
	kind  tokKind
	value string
	dt    *token // a literal's datatype: an IRI or prefixed name
	pos   claims.Position
}

func (t token) String() string {
	switch t.kind {
	case tEOF:
		return "end of input"
	case tIRI:
		return "<" + t.value + ">"
	case tLiteral:
		return "literal"
	}
	return strconv.Quote(t.value)
}

// lexer splits the input into tokens, tracking lines and columns
// (1-based, in characters).
type lexer struct {
	r         *bufio.Reader
	file      string
	line, col int
	max       int
	peeked    bool
	next      rune // the rune peeked, -1 at the end
	pending   *token
	err       error
	errPos    claims.Position // where err was met
	nread     int64           // bytes read
}

func (l *lexer) pos() claims.Position {
	return claims.Position{File: l.file, Line: l.line, Column: l.col}
}

func (l *lexer) fail(pos claims.Position, err error, format string, a ...any) error {
	if l.err != nil {
		// The input ended in a failed read, such as one past MaxBytes:
		// that is the problem, not what the missing bytes left open.
		return &ParseError{Position: l.errPos, Err: l.err}
	}
	return &ParseError{Position: pos, Err: fmt.Errorf("%w: %s", err, fmt.Sprintf(format, a...))}
}

// peek returns the next rune without consuming it, -1 at the end.
func (l *lexer) peek() rune {
	if !l.peeked {
		r, size, err := l.r.ReadRune()
		l.nread += int64(size)
		if err == nil && r == utf8.RuneError && size == 1 {
			l.r.UnreadRune()
			b, _ := l.r.ReadByte()
			err = fmt.Errorf("%w: invalid UTF-8 (byte %#02x)", ErrSyntax, b)
		}
		if err != nil {
			if err != io.EOF {
				l.err, l.errPos = err, l.pos()
			}
			r = -1
		}
		l.next, l.peeked = r, true
	}
	return l.next
}

func (l *lexer) read() rune {
	r := l.peek()
	l.peeked = false
	if r == '\n' {
		l.line, l.col = l.line+1, 1
	} else if r >= 0 {
		l.col++
	}
	return r
}

func (l *lexer) skipSpace() {
	for {
		switch r := l.peek(); {
		case r == ' ' || r == '\t' || r == '\n' || r == '\r':
			l.read()
		case r == '#':
			for r := l.peek(); r >= 0 && r != '\n'; r = l.peek() {
				l.read()
			}
		default:
			return
		}
	}
}

// token returns the next token.
func (l *lexer) token() (token, error) {
	if t := l.pending; t != nil {
		l.pending = nil
		return *t, nil
	}
	l.skipSpace()
	pos := l.pos()
	r := l.peek()
	if l.err != nil {
		return token{}, &ParseError{Position: l.errPos, Err: l.err}
	}
	switch {
	case r < 0:
		return token{kind: tEOF, pos: pos}, nil
	case r == '<':
		l.read()
		s, err := l.iri(pos)
		return token{kind: tIRI, value: s, pos: pos}, err
	case r == '"':
		return l.literal(pos)
	case r == '\'':
		return token{}, l.fail(pos, ErrUnsupported, "single-quoted literals")
	case r == '.':
		l.read()
		return token{kind: tDot, value: ".", pos: pos}, nil
	case r == ';':
		l.read()
		return token{kind: tSemi, value: ";", pos: pos}, nil
	case r == ',':
		l.read()
		return token{kind: tComma, value: ",", pos: pos}, nil
	case r == '[' || r == '(':
		return token{}, l.fail(pos, ErrUnsupported, "%q: blank node property lists and collections", r)
	case r == '@':
		l.read()
		w := l.word()
		if w == "prefix" {
			return token{kind: tPrefix, value: "@prefix", pos: pos}, nil
		}
		if w == "base" {
			return token{}, l.fail(pos, ErrUnsupported, "@base")
		}
		return token{}, l.fail(pos, ErrSyntax, "unknown directive @%s", w)
	case r == '_':
		l.read()
		if l.read() != ':' {
			return token{}, l.fail(pos, ErrSyntax, "want ':' after '_' of a blank node label")
		}
		w := l.word()
		if w == "" {
			return token{}, l.fail(pos, ErrSyntax, "empty blank node label")
		}
		if err := l.long(pos, w); err != nil {
			return token{}, err
		}
		return l.trimDot(token{kind: tBlank, value: w, pos: pos}), nil
	case r == ':' || isWordRune(r):
		w := l.word()
		if err := l.long(pos, w); err != nil {
			return token{}, err
		}
		switch {
		case w == "a":
			return token{kind: tA, value: "a", pos: pos}, nil
		case strings.EqualFold(w, "prefix"):
			return token{kind: tPrefix, value: "PREFIX", pos: pos}, nil
		case strings.EqualFold(w, "base"):
			return token{}, l.fail(pos, ErrUnsupported, "BASE")
		case !strings.Contains(w, ":"):
			return token{}, l.fail(pos, ErrUnsupported, "bare word %q (numbers, booleans)", w)
		}
		return l.trimDot(token{kind: tPName, value: w, pos: pos}), nil
	}
	return token{}, l.fail(pos, ErrSyntax, "unexpected %q", r)
}

func isWordRune(r rune) bool {
	return r == '_' || r == '-' || r == '.' || r == ':' || r == '%' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// word reads the characters of a name, label or prefixed name; one
// longer than the limit of a term ends with the character that passes
// it, which the caller reports.
func (l *lexer) word() string {
	var b strings.Builder
	for r := l.peek(); r >= 0 && isWordRune(r) && b.Len() <= l.max; r = l.peek() {
		b.WriteRune(l.read())
	}
	return b.String()
}

// long reports a word that passed the limit of a term.
func (l *lexer) long(pos claims.Position, w string) error {
	if len(w) > l.max {
		return l.fail(pos, ErrLimit, "name longer than %d bytes", l.max)
	}
	return nil
}

// trimDot gives back the dots a name ends with, which end the statement.
func (l *lexer) trimDot(t token) token {
	if strings.HasSuffix(t.value, ".") {
		t.value = strings.TrimRight(t.value, ".")
		pos := l.pos()
		pos.Column--
		l.pending = &token{kind: tDot, value: ".", pos: pos}
	}
	return t
}

// iri reads an IRI after its '<', undoing \u escapes, and requires it to
// be absolute.
func (l *lexer) iri(pos claims.Position) (string, error) {
	var b strings.Builder
	for {
		at := l.pos()
		r := l.read()
		switch {
		case r == '>':
			s := b.String()
			if err := checkIRI(s); err != nil {
				return "", l.fail(pos, ErrUnsupported, "IRI <%s>: %v", s, err)
			}
			return s, nil
		case r < 0 || r == '\n':
			return "", l.fail(pos, ErrSyntax, "IRI not closed by '>'")
		case r == '\\':
			u, err := l.uescape(at)
			if err != nil {
				return "", err
			}
			b.WriteRune(u)
		case r <= 0x20 || strings.ContainsRune("<\"{}|^`", r):
			return "", l.fail(pos, ErrSyntax, "IRI holds %q", r)
		default:
			b.WriteRune(r)
		}
		if b.Len() > l.max {
			return "", l.fail(pos, ErrLimit, "IRI longer than %d bytes", l.max)
		}
	}
}

// uescape reads the rest of a \u or \U escape, which starts at pos.
func (l *lexer) uescape(pos claims.Position) (rune, error) {
	n := 0
	switch l.read() {
	case 'u':
		n = 4
	case 'U':
		n = 8
	default:
		return 0, l.fail(pos, ErrSyntax, "bad escape: want \\u or \\U")
	}
	var v rune
	for range n {
		d := l.read()
		x, ok := hexValue(d)
		if !ok {
			return 0, l.fail(pos, ErrSyntax, "bad escape: %q is not a hex digit", d)
		}
		v = v<<4 | x
	}
	if !utf8.ValidRune(v) {
		return 0, l.fail(pos, ErrSyntax, "escape U+%X is not a character", v)
	}
	return v, nil
}

func hexValue(r rune) (rune, bool) {
	switch {
	case '0' <= r && r <= '9':
		return r - '0', true
	case 'a' <= r && r <= 'f':
		return r - 'a' + 10, true
	case 'A' <= r && r <= 'F':
		return r - 'A' + 10, true
	}
	return 0, false
}

// literal reads a double-quoted string and its datatype, if any.
func (l *lexer) literal(pos claims.Position) (token, error) {
	l.read()
	if l.peek() == '"' {
		l.read()
		if l.peek() == '"' {
			return token{}, l.fail(pos, ErrUnsupported, `long strings ("""...""")`)
		}
		return l.suffix(token{kind: tLiteral, pos: pos})
	}
	var b strings.Builder
	for {
		at := l.pos()
		r := l.read()
		switch r {
		case '"':
			return l.suffix(token{kind: tLiteral, value: b.String(), pos: pos})
		case -1, '\n', '\r':
			return token{}, l.fail(pos, ErrSyntax, "string not closed by '\"'")
		case '\\':
			switch e := l.peek(); e {
			case 'u', 'U':
				u, err := l.uescape(at)
				if err != nil {
					return token{}, err
				}
				b.WriteRune(u)
			default:
				l.read()
				i := strings.IndexRune(`tbnrf"'\`, e)
				if i < 0 {
					return token{}, l.fail(at, ErrSyntax, "bad escape \\%c", e)
				}
				b.WriteByte("\t\b\n\r\f\"'\\"[i])
			}
		default:
			b.WriteRune(r)
		}
		if b.Len() > l.max {
			return token{}, l.fail(pos, ErrLimit, "literal longer than %d bytes", l.max)
		}
	}
}

// suffix reads what may follow a literal: ^^datatype, or a language tag,
// which is refused.
func (l *lexer) suffix(t token) (token, error) {
	switch l.peek() {
	case '@':
		return token{}, l.fail(l.pos(), ErrUnsupported, "language tags")
	case '^':
		l.read()
		if l.read() != '^' {
			return token{}, l.fail(t.pos, ErrSyntax, "want ^^ before a datatype")
		}
		dt, err := l.token()
		if err != nil {
			return token{}, err
		}
		if dt.kind != tIRI && dt.kind != tPName {
			return token{}, l.fail(dt.pos, ErrSyntax, "want a datatype IRI after ^^, got %s", dt)
		}
		t.dt = &dt
	}
	return t, nil
}

// parser turns tokens into statements.
type parser struct {
	lex        lexer
	prefixes   map[string]string
	count      int
	maxTriples int
	expanded   int64 // bytes that prefixed names added, against the budget of [Limits]
	emit       func(Triple, claims.Position) error
}

func (p *parser) next() (token, error) { return p.lex.token() }

// term turns a token into a term, expanding prefixed names; what says
// which position of the statement it stands in, for errors.
func (p *parser) term(t token, what string) (Term, error) {
	switch t.kind {
	case tIRI:
		return iri(t.value), nil
	case tPName:
		prefix, local, _ := strings.Cut(t.value, ":")
		ns, ok := p.prefixes[prefix]
		if !ok {
			return Term{}, p.lex.fail(t.pos, ErrSyntax, "undeclared prefix %q", prefix)
		}
		p.expanded += int64(len(ns))
		if budget := 64<<10 + 16*p.lex.nread; p.expanded > budget {
			return Term{}, p.lex.fail(t.pos, ErrLimit, "prefixed names expand to more than 64 KiB plus 16 bytes a byte of input (%d bytes after %d bytes)", p.expanded, p.lex.nread)
		}
		return iri(ns + local), nil
	case tA:
		if what == "predicate" {
			return iri(RDF + "type"), nil
		}
	case tBlank:
		if what != "predicate" {
			return blank(t.value), nil
		}
	case tLiteral:
		if what == "object" {
			lt := Term{Kind: Literal, Value: t.value}
			if t.dt != nil {
				dt, err := p.term(*t.dt, "datatype")
				if err != nil {
					return Term{}, err
				}
				if dt.Value != XSD+"string" {
					lt.Datatype = dt.Value
				}
			}
			return lt, nil
		}
	}
	return Term{}, p.lex.fail(t.pos, ErrSyntax, "want a %s, got %s", what, t)
}

func (p *parser) statement(tr Triple, pos claims.Position) error {
	p.count++
	if p.count > p.maxTriples {
		return p.lex.fail(pos, ErrLimit, "more than %d statements", p.maxTriples)
	}
	return p.emit(tr, pos)
}

// nquads reads statements of three or four terms, each ended by '.'.
func (p *parser) nquads() error {
	for {
		t, err := p.next()
		if err != nil || t.kind == tEOF {
			return err
		}
		pos := t.pos
		var terms [4]Term
		n := 0
		for ; t.kind != tDot; n++ {
			if t.kind == tEOF {
				return p.lex.fail(t.pos, ErrSyntax, "statement not ended by '.'")
			}
			if t.kind == tPName || t.kind == tA || t.kind == tPrefix {
				return p.lex.fail(t.pos, ErrSyntax, "%s in N-Quads, which has no prefixes", t)
			}
			if n == 4 {
				return p.lex.fail(t.pos, ErrSyntax, "more than four terms in a statement")
			}
			what := [...]string{"subject", "predicate", "object", "graph name"}[n]
			if n == 3 {
				what = "subject" // an IRI or a blank node
			}
			if terms[n], err = p.term(t, what); err != nil {
				return err
			}
			if t, err = p.next(); err != nil {
				return err
			}
		}
		if n < 3 {
			return p.lex.fail(t.pos, ErrSyntax, "%d terms before '.', want 3 or 4", n)
		}
		if err := p.statement(Triple{terms[0], terms[1], terms[2]}, pos); err != nil {
			return err
		}
	}
}

// turtle reads directives and statements.
func (p *parser) turtle() error {
	for {
		t, err := p.next()
		if err != nil || t.kind == tEOF {
			return err
		}
		if t.kind == tPrefix {
			if err := p.prefix(t); err != nil {
				return err
			}
			continue
		}
		if t.kind != tIRI && t.kind != tPName && t.kind != tBlank {
			return p.lex.fail(t.pos, ErrSyntax, "want a subject, got %s", t)
		}
		subject, err := p.term(t, "subject")
		if err != nil {
			return err
		}
		if err := p.predicateObjects(subject); err != nil {
			return err
		}
	}
}

// prefix reads the rest of a prefix directive: "name:" <IRI>, and '.'
// after the @prefix form.
func (p *parser) prefix(kw token) error {
	name, err := p.next()
	if err != nil {
		return err
	}
	if name.kind != tPName || !strings.HasSuffix(name.value, ":") || strings.Count(name.value, ":") != 1 {
		return p.lex.fail(name.pos, ErrSyntax, "want a prefix name ending in ':', got %s", name)
	}
	ns, err := p.next()
	if err != nil {
		return err
	}
	if ns.kind != tIRI {
		return p.lex.fail(ns.pos, ErrSyntax, "want the namespace IRI, got %s", ns)
	}
	p.prefixes[strings.TrimSuffix(name.value, ":")] = ns.value
	if kw.value == "@prefix" {
		dot, err := p.next()
		if err != nil {
			return err
		}
		if dot.kind != tDot {
			return p.lex.fail(dot.pos, ErrSyntax, "want '.' after @prefix, got %s", dot)
		}
	}
	return nil
}

// predicateObjects reads "p o, o; p o ." after a subject.
func (p *parser) predicateObjects(subject Term) error {
	for {
		t, err := p.next()
		if err != nil {
			return err
		}
		pred, err := p.term(t, "predicate")
		if err != nil {
			return err
		}
		for {
			t, err := p.next()
			if err != nil {
				return err
			}
			obj, err := p.term(t, "object")
			if err != nil {
				return err
			}
			if err := p.statement(Triple{subject, pred, obj}, t.pos); err != nil {
				return err
			}
			sep, err := p.next()
			if err != nil {
				return err
			}
			switch sep.kind {
			case tComma:
				continue
			case tDot:
				return nil
			case tSemi:
			default:
				return p.lex.fail(sep.pos, ErrSyntax, "want ',', ';' or '.', got %s", sep)
			}
			break
		}
		// Turtle allows a ';' before the '.'.
		t, err = p.next()
		if err != nil {
			return err
		}
		if t.kind == tDot {
			return nil
		}
		p.lex.pending = &t
	}
}
