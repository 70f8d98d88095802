package af

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph/internal/input"
)

// Format is a file format for frameworks.
type Format uint8

// The supported formats.
const (
	// I23 is the ICCMA 2023 format: a header "p af N", then one attack
	// "i j" per line with arguments numbered 1..N; "#" starts a comment.
	// Names are not kept: argument i is called by its number.
	I23 Format = iota + 1
	// APX is the ASPARTIX format: facts arg(a). and att(a,b). with "%"
	// comments. Names are ASP constants ([A-Za-z0-9_]+) or double-quoted
	// strings with \" \\ and \n escapes.
	APX
	// TGF is the trivial graph format: one argument name per line (any
	// further words are a label and ignored), a line "#", then one attack
	// "a b" per line. Names cannot contain whitespace or be "#".
	TGF
)

var formatNames = [...]string{I23: "i23", APX: "apx", TGF: "tgf"}

// Formats returns the supported formats, in the order ICCMA solvers list
// them.
func Formats() []Format { return []Format{I23, APX, TGF} }

// String returns "i23", "apx" or "tgf".
func (f Format) String() string {
	if int(f) < len(formatNames) && formatNames[f] != "" {
		return formatNames[f]
	}
	return "Format(" + strconv.Itoa(int(f)) + ")"
}

// Sentinel errors of the readers and writers. A [ParseError] wraps one of
// the first three.
var (
	// ErrSyntax reports input that does not follow the format's grammar.
	ErrSyntax = errors.New("syntax error")
	// ErrUnknownArgument reports an attack on or by an undeclared argument.
	ErrUnknownArgument = errors.New("unknown argument")
	// ErrFormat reports an unknown format name or file extension.
	ErrFormat = errors.New("unknown format")
	// ErrName reports an argument name the target format cannot represent.
	ErrName = errors.New("name not representable in format")
	// ErrInputTooLarge reports an input larger than [ReadOptions.MaxBytes].
	ErrInputTooLarge = errors.New("input too large")
)

// ParseError is an error in a framework file, at a 1-based line and byte
// column; File is set by [ReadFile]. Err is [ErrSyntax],
// [ErrUnknownArgument], [ErrDuplicateArgument], [ErrTooManyArguments],
// [ErrTooManyAttacks] or [ErrInputTooLarge], possibly wrapped with details. The sentinels'
// texts do not name the package: the ParseError does, once.
type ParseError struct {
	claims.Position
	Err error
}

// Error returns "af: FILE:LINE:COL: message" ("af: LINE:COL: message"
// when the file is unknown).
func (e *ParseError) Error() string { return e.Prefix("af") + e.Err.Error() }

// Unwrap returns e.Err.
func (e *ParseError) Unwrap() error { return e.Err }

var _ error = (*ParseError)(nil)

// ParseFormat returns the format called name ("i23", "apx" or "tgf").
func ParseFormat(name string) (Format, error) {
	for i, s := range formatNames {
		if s != "" && s == name {
			return Format(i), nil
		}
	}
	return 0, fmt.Errorf("af: %w %q", ErrFormat, name)
}

// FormatOf returns the format of a file by its extension: .apx, .tgf, and
// .af or .i23 for [I23].
func FormatOf(filename string) (Format, error) {
	switch strings.ToLower(filepath.Ext(filename)) {
	case ".apx":
		return APX, nil
	case ".tgf":
		return TGF, nil
	case ".af", ".i23":
		return I23, nil
	}
	return 0, fmt.Errorf("af: %w: extension of %q", ErrFormat, filename)
}

// ReadOptions bounds what the readers accept, so that hostile input is
// refused with an error rather than running the process out of memory.
// The zero value of a field means its default.
type ReadOptions struct {
	// MaxBytes bounds the input: a file larger is refused from its size
	// before it is read, a stream is read no further than the first
	// byte past it. Default [DefaultMaxBytes].
	MaxBytes int64
	// MaxArguments bounds the arguments an ICCMA 2023 header "p af N"
	// may declare (the other formats name each argument in the input).
	// Default [DefaultMaxArguments]. Whatever it is, a header may
	// declare no more than 1,048,576 arguments plus one per byte of the
	// input: more would be arguments that nothing but the header made,
	// and each costs memory in every solver.
	MaxArguments int
}

// Default limits of [ReadOptions]. A framework read takes up to 4 times
// its input at peak (i23, the README's table of limits), so 512 MiB keeps
// it near 2 GiB, under the bound of 4 GiB held for every reader.
const (
	DefaultMaxBytes     = 512 << 20
	DefaultMaxArguments = 1 << 24
)

// freeArguments is how many arguments a header may declare beyond one
// per byte of the input.
const freeArguments = 1 << 20

func (o ReadOptions) withDefaults() ReadOptions {
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MaxArguments <= 0 {
		o.MaxArguments = DefaultMaxArguments
	}
	return o
}

// Read reads a framework in the given format with default limits.
func Read(r io.Reader, format Format) (*Framework, error) { return ReadOptions{}.Read(r, format) }

// Read reads a framework in the given format within the limits of o. A
// byte-order mark at the start is skipped.
func (o ReadOptions) Read(r io.Reader, format Format) (*Framework, error) {
	o = o.withDefaults()
	src, err := o.readAll(r)
	if err != nil {
		return nil, err
	}
	switch format {
	case APX:
		return parseAPX(src)
	case TGF:
		return parseTGF(src)
	case I23:
		return parseI23(src, o)
	}
	return nil, fmt.Errorf("af: %w %d", ErrFormat, uint8(format))
}

// readAll reads all of r within MaxBytes, without a byte-order mark; a
// byte that is not UTF-8 is an [ErrSyntax] at its place.
func (o ReadOptions) readAll(r io.Reader) ([]byte, error) {
	src, err := input.ReadAll(r, o.MaxBytes, nil)
	var big *input.TooLarge
	switch {
	case errors.As(err, &big):
		e := &ParseError{Err: fmt.Errorf("%w: %v", ErrInputTooLarge, big)}
		if big.Data != nil {
			l := newLexer(big.Data[:o.MaxBytes])
			l.lines(func([]byte) error { return nil })
			e.Line, e.Column = l.line, int(o.MaxBytes)-l.lineStart+1
		}
		return nil, e
	case err != nil:
		return nil, fmt.Errorf("af: %w", err)
	}
	src = input.TrimBOM(src)
	if !utf8.Valid(src) {
		i := 0
		for r, n := utf8.DecodeRune(src); r != utf8.RuneError || n != 1; r, n = utf8.DecodeRune(src[i:]) {
			i += n
		}
		l := newLexer(src[:i])
		l.lines(func([]byte) error { return nil })
		return nil, l.errorf(l.line, i-l.lineStart+1, ErrSyntax, "invalid UTF-8 (byte %#02x)", src[i])
	}
	return src, nil
}

// ReadAPX reads a framework in the ASPARTIX format [APX].
func ReadAPX(r io.Reader) (*Framework, error) { return Read(r, APX) }

// ReadTGF reads a framework in the trivial graph format [TGF].
func ReadTGF(r io.Reader) (*Framework, error) { return Read(r, TGF) }

// ReadI23 reads a framework in the ICCMA 2023 format [I23].
func ReadI23(r io.Reader) (*Framework, error) { return Read(r, I23) }

// ReadFile reads the named file in the given format, or, when format is 0,
// in the format its extension implies (see [FormatOf]), with default
// limits. A [ParseError] carries the file name.
func ReadFile(name string, format Format) (*Framework, error) {
	return ReadOptions{}.ReadFile(name, format)
}

// ReadFile reads the named file like [ReadFile], within the limits of o.
func (o ReadOptions) ReadFile(name string, format Format) (*Framework, error) {
	if format == 0 {
		var err error
		if format, err = FormatOf(name); err != nil {
			return nil, err
		}
	}
	fh, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("af: %w", err)
	}
	defer fh.Close()
	f, err := o.Read(fh, format)
	var pe *ParseError
	if errors.As(err, &pe) {
		pe.File = name
	}
	return f, err
}

// Write writes f in the given format. It fails with [ErrName] when a name
// cannot be written in that format (only TGF restricts names).
func Write(w io.Writer, f *Framework, format Format) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	var err error
	switch format {
	case APX:
		writeAPX(bw, f)
	case TGF:
		err = writeTGF(bw, f)
	case I23:
		writeI23(bw, f)
	default:
		err = fmt.Errorf("af: %w %d", ErrFormat, uint8(format))
	}
	if err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("af: %w", err)
	}
	return nil
}

// WriteAPX writes f in the ASPARTIX format [APX].
func WriteAPX(w io.Writer, f *Framework) error { return Write(w, f, APX) }

// WriteTGF writes f in the trivial graph format [TGF].
func WriteTGF(w io.Writer, f *Framework) error { return Write(w, f, TGF) }

// WriteI23 writes f in the ICCMA 2023 format [I23].
func WriteI23(w io.Writer, f *Framework) error { return Write(w, f, I23) }

func writeAPX(w *bufio.Writer, f *Framework) {
	names := make([]string, f.Len())
	for i := range names {
		names[i] = apxName(f.Name(i))
		w.WriteString("arg(")
		w.WriteString(names[i])
		w.WriteString(").\n")
	}
	for a, b := range f.Attacks() {
		w.WriteString("att(")
		w.WriteString(names[a])
		w.WriteByte(',')
		w.WriteString(names[b])
		w.WriteString(").\n")
	}
}

// QuoteName returns name as APX writes it and as ICCMA answers print
// it: as it is when it is an ASP constant ([A-Za-z0-9_]+), otherwise
// double-quoted with \" \\ and \n escapes, so that a name holding spaces,
// commas or brackets cannot be told apart from two names. [ReadAPX] and
// [ReadExtensions] read it back.
func QuoteName(name string) string { return apxName(name) }

// apxName returns name as an ASP constant, quoted when it is not plain.
func apxName(name string) string {
	plain := name != ""
	for i := 0; i < len(name) && plain; i++ {
		plain = isIdent(name[i])
	}
	if plain {
		return name
	}
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(name) + `"`
}

func isIdent(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
}

func writeTGF(w *bufio.Writer, f *Framework) error {
	for i := range f.Len() {
		name := f.Name(i)
		bad := name == "#"
		for j := 0; j < len(name) && !bad; j++ {
			bad = isSpace(name[j]) || name[j] == '\n'
		}
		if bad {
			return fmt.Errorf("af: %w tgf: %q", ErrName, name)
		}
		w.WriteString(name)
		w.WriteByte('\n')
	}
	w.WriteString("#\n")
	for a, b := range f.Attacks() {
		w.WriteString(f.Name(a))
		w.WriteByte(' ')
		w.WriteString(f.Name(b))
		w.WriteByte('\n')
	}
	return nil
}

func writeI23(w *bufio.Writer, f *Framework) {
	var buf []byte
	buf = append(buf, "p af "...)
	buf = strconv.AppendInt(buf, int64(f.Len()), 10)
	w.Write(append(buf, '\n'))
	for a, b := range f.Attacks() {
		buf = strconv.AppendInt(buf[:0], int64(a+1), 10)
		buf = append(buf, ' ')
		buf = strconv.AppendInt(buf, int64(b+1), 10)
		w.Write(append(buf, '\n'))
	}
}

// lexer walks the input bytes keeping a 1-based line and column.
type lexer struct {
	src       []byte
	pos       int
	line      int
	lineStart int
}

func newLexer(src []byte) *lexer { return &lexer{src: src, line: 1} }

func (l *lexer) col() int { return l.pos - l.lineStart + 1 }

// at makes a ParseError for err at line and col.
func (l *lexer) at(line, col int, err error) *ParseError {
	return &ParseError{Position: claims.Position{Line: line, Column: col}, Err: err}
}

// errorf makes a ParseError at line and col wrapping the sentinel kind
// with details.
func (l *lexer) errorf(line, col int, kind error, format string, a ...any) *ParseError {
	return l.at(line, col, fmt.Errorf("%w: "+format, append([]any{kind}, a...)...))
}

// lines calls fn with each line (without its newline) and its line number.
// A non-nil error from fn stops it.
func (l *lexer) lines(fn func(line []byte) error) error {
	for l.pos <= len(l.src) {
		end := l.pos
		for end < len(l.src) && l.src[end] != '\n' {
			end++
		}
		if err := fn(l.src[l.pos:end]); err != nil {
			return err
		}
		if end == len(l.src) {
			return nil
		}
		l.pos = end + 1
		l.lineStart = l.pos
		l.line++
	}
	return nil
}

// field is a whitespace-separated word of a line and its 1-based column.
type field struct {
	text []byte
	col  int
}

// fields splits a line at ASCII whitespace.
func fields(line []byte) []field {
	var out []field
	for i := 0; i < len(line); {
		if isSpace(line[i]) {
			i++
			continue
		}
		j := i
		for j < len(line) && !isSpace(line[j]) {
			j++
		}
		out = append(out, field{line[i:j], i + 1})
		i = j
	}
	return out
}

func parseTGF(src []byte) (*Framework, error) {
	l := newLexer(src)
	f := New(0)
	edges := false
	err := l.lines(func(line []byte) error {
		fs := fields(line)
		switch {
		case len(fs) == 0:
			return nil
		case !edges && string(fs[0].text) == "#":
			edges = true
			return nil
		case !edges:
			if _, err := f.addArgument(string(fs[0].text)); err != nil {
				return l.errorf(l.line, fs[0].col, err, "%q", fs[0].text)
			}
			return nil
		case len(fs) < 2:
			return l.errorf(l.line, len(line)+1, ErrSyntax, "expected two argument names")
		}
		var ab [2]int
		for k := range ab {
			i, ok := f.index[string(fs[k].text)]
			if !ok {
				return l.errorf(l.line, fs[k].col, ErrUnknownArgument, "%q", fs[k].text)
			}
			ab[k] = int(i)
		}
		if err := f.attack(ab[0], ab[1]); err != nil {
			return l.at(l.line, fs[0].col, err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return f, nil
}

// number parses a decimal number of at most 10 digits, no larger than
// [MaxArguments].
func number(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 10 {
		return 0, false
	}
	n := int64(0) // ten digits overflow a 32-bit int
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	if n > MaxArguments {
		return 0, false
	}
	return int(n), true
}

func parseI23(src []byte, o ReadOptions) (*Framework, error) {
	l := newLexer(src)
	var f *Framework
	err := l.lines(func(line []byte) error {
		if i := strings.IndexByte(string(line), '#'); i >= 0 {
			line = line[:i]
		}
		fs := fields(line)
		if len(fs) == 0 {
			return nil
		}
		if f == nil {
			if len(fs) != 3 || string(fs[0].text) != "p" || string(fs[1].text) != "af" {
				return l.errorf(l.line, fs[0].col, ErrSyntax, `expected header "p af N"`)
			}
			n, ok := number(fs[2].text)
			most := min(o.MaxArguments, freeArguments+len(src))
			switch {
			case !ok && strings.Trim(string(fs[2].text), "0123456789") == "":
				// Digits past what an int32 holds: too many, as any
				// count past the limit, for a caller that branches on it.
				return l.errorf(l.line, fs[2].col, ErrTooManyArguments, "the header declares %s, at most %d", fs[2].text, most)
			case !ok:
				return l.errorf(l.line, fs[2].col, ErrSyntax, "bad number of arguments %s", claims.Quote(string(fs[2].text)))
			}
			if n > most {
				return l.errorf(l.line, fs[2].col, ErrTooManyArguments, "the header declares %d, at most %d for %d bytes of input (%d, and %d plus one per byte)", n, most, len(src), o.MaxArguments, freeArguments)
			}
			f = New(n)
			return nil
		}
		if string(fs[0].text) == "p" {
			return l.errorf(l.line, fs[0].col, ErrSyntax, "second header")
		}
		if len(fs) != 2 {
			col := len(line) + 1
			if len(fs) > 2 {
				col = fs[2].col
			}
			return l.errorf(l.line, col, ErrSyntax, `expected attack "i j"`)
		}
		var ab [2]int
		for k := range ab {
			n, ok := number(fs[k].text)
			if !ok {
				return l.errorf(l.line, fs[k].col, ErrSyntax, "expected argument number, got %q", fs[k].text)
			}
			if n < 1 || n > f.Len() {
				return l.errorf(l.line, fs[k].col, ErrUnknownArgument, "%d not in 1..%d", n, f.Len())
			}
			ab[k] = n - 1
		}
		if err := f.attack(ab[0], ab[1]); err != nil {
			return l.at(l.line, fs[0].col, err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if f == nil {
		return nil, l.errorf(l.line, 1, ErrSyntax, `missing header "p af N"`)
	}
	return f, nil
}

// ReadExtensions reads a list of extensions in the notation of ICCMA
// reference solutions (EE problems), such as "[[a1,a7],[]]": a bracketed,
// comma-separated list of bracketed, comma-separated argument names, with
// whitespace allowed between tokens. It returns the names as written; "[]"
// (no extension) gives an empty, non-nil list.
func ReadExtensions(r io.Reader) ([][]string, error) {
	src, err := ReadOptions{}.withDefaults().readAll(r)
	if err != nil {
		return nil, err
	}
	l := newLexer(src)
	if err := l.expectTok('['); err != nil {
		return nil, err
	}
	exts := [][]string{}
	for first := true; ; first = false {
		l.skipBlank()
		if l.pos < len(l.src) && l.src[l.pos] == ']' && first {
			break
		}
		if !first {
			if err := l.expectTok(','); err != nil {
				return nil, err
			}
		}
		if err := l.expectTok('['); err != nil {
			return nil, err
		}
		ext := []string{}
		for k := 0; ; k++ {
			l.skipBlank()
			if l.pos < len(l.src) && l.src[l.pos] == ']' && k == 0 {
				break
			}
			if k > 0 {
				if err := l.expectTok(','); err != nil {
					return nil, err
				}
				l.skipBlank()
			}
			start, col := l.pos, l.col()
			if l.pos < len(l.src) && l.src[l.pos] == '"' {
				name, err := l.quoted() // as QuoteName writes a name that is not plain
				if err != nil {
					return nil, err
				}
				ext = append(ext, name)
			} else {
				for l.pos < len(l.src) && !isSpace(l.src[l.pos]) && !strings.ContainsRune("[],\n", rune(l.src[l.pos])) {
					l.pos++
				}
				if l.pos == start {
					return nil, l.errorf(l.line, col, ErrSyntax, "expected argument name")
				}
				ext = append(ext, string(l.src[start:l.pos]))
			}
			l.skipBlank()
			if l.pos < len(l.src) && l.src[l.pos] == ']' {
				break
			}
		}
		l.pos++ // the ']' seen above
		exts = append(exts, ext)
		l.skipBlank()
		if l.pos < len(l.src) && l.src[l.pos] == ']' {
			break
		}
	}
	l.pos++
	l.skipBlank()
	if l.pos < len(l.src) {
		return nil, l.errorf(l.line, l.col(), ErrSyntax, "trailing input after list")
	}
	return exts, nil
}

// skipBlank skips whitespace and newlines.
func (l *lexer) skipBlank() {
	for l.pos < len(l.src) && (isSpace(l.src[l.pos]) || l.src[l.pos] == '\n') {
		if l.src[l.pos] == '\n' {
			l.line++
			l.lineStart = l.pos + 1
		}
		l.pos++
	}
}

// expectTok skips blanks and consumes the byte c.
func (l *lexer) expectTok(c byte) error {
	l.skipBlank()
	if l.pos == len(l.src) {
		return l.errorf(l.line, l.col(), ErrSyntax, "expected %q, got end of input", c)
	}
	if l.src[l.pos] != c {
		return l.errorf(l.line, l.col(), ErrSyntax, "expected %q, got %q", c, l.src[l.pos])
	}
	l.pos++
	return nil
}
