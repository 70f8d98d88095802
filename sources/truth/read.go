package truth

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/claims"
)

// ParseError is an error in a triples file, with the file name when
// known and the position of the offending field or byte: a 1-based line
// and column, the column counted in bytes (as in
// [encoding/csv.ParseError]) of the file as written, so that the quotes
// of a CSV field, its doubled quotes and the line ends inside it count as
// they stand in the file. A byte-order mark at the start takes no column.
type ParseError struct {
	claims.Position
	Err error // the underlying error, such as [ErrMissingField]
}

// Error formats the problem as "truth: FILE:LINE:COL: problem"
// ("truth: LINE:COL: problem" when the file has no name).
func (e *ParseError) Error() string { return e.Prefix("truth") + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }

var _ error = (*ParseError)(nil)

// ReadOptions says how to read a triples file.
type ReadOptions struct {
	// Comma separates fields. Zero means by the file name's extension: ','
	// for ".csv", '\t' otherwise. With ',' or a ".csv" name the input is
	// RFC 4180 CSV (quotes allowed); otherwise lines are split at every
	// Comma with no quoting (plain TSV, as in the published
	// truth-discovery data sets).
	Comma rune
	// SourceColumn, ObjectColumn and ValueColumn are the 0-based columns
	// of the source, object and value. If all three are zero, columns 0,
	// 1 and 2 are used. For the Book data set
	// ("source isbn title authors") use 0, 1 and 3.
	SourceColumn, ObjectColumn, ValueColumn int
	// Header skips the first line that is not empty (the first record,
	// in CSV, which may span lines): the names of the columns. Empty
	// lines before it, such as one after a byte-order mark, are skipped
	// as empty lines anywhere are.
	Header bool
	// MaxBytes bounds the input: a file larger is refused from its size
	// before it is read, and a stream fails with [ErrTooLarge] at the
	// first byte past it. Zero means [DefaultMaxBytes]. The data set
	// read takes up to 16 times the input's size at peak (the shortest
	// distinct triples, a new source, object and fact every 6 to 9
	// bytes; 7 for triples of longer names).
	MaxBytes int64
	// Normalize maps a raw value to the fact it stands for; values with
	// equal results are one fact. ok = false drops the line (for "Not
	// Available" and the like). Nil means [strings.TrimSpace], dropping
	// empty values. [TokenSet] groups author lists as the Book set needs.
	Normalize func(raw string) (value string, ok bool)
}

// DefaultMaxBytes is the default of [ReadOptions.MaxBytes]: 128 MiB. A
// data set read takes up to 16 times its input at peak (the shortest
// distinct triples, its index built), so the default keeps the peak near
// 2.1 GiB, under the bound of 4 GiB the README's table of limits holds
// every reader to. (It was 256 MiB, when such input took 26 times its
// size: 6.8 GiB.)
const DefaultMaxBytes = 128 << 20

func (o ReadOptions) columns() [3]int {
	if o.SourceColumn == 0 && o.ObjectColumn == 0 && o.ValueColumn == 0 {
		return [3]int{0, 1, 2}
	}
	return [3]int{o.SourceColumn, o.ObjectColumn, o.ValueColumn}
}

// ReadFile reads the triples file at path into a new [Dataset]; see
// [Dataset.ReadTriples].
func ReadFile(path string, opts ReadOptions) (*Dataset, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("truth: %w", err)
	}
	defer f.Close()
	d := NewDataset()
	if err := d.ReadTriples(f, path, opts); err != nil {
		return nil, err
	}
	return d, nil
}

// ReadTriples adds the (source, object, value) triples read from r to d,
// one per line, as [Dataset.Assert] would. name is the file name used for
// errors and, when opts.Comma is zero, to choose the delimiter. Lines that
// are entirely empty are skipped, as are lines whose value Normalize
// drops; a trailing "\r" is removed, and a byte-order mark at the start.
// Extra columns are ignored. A field that is not valid UTF-8 gives a
// [*ParseError] wrapping [ErrInvalidUTF8], an input larger than
// opts.MaxBytes one wrapping [ErrTooLarge], a plain line longer than
// [MaxLineBytes] one wrapping [ErrLongLine]. A line with
// too few fields gives a [*ParseError] wrapping [ErrMissingField], an empty
// source or object one wrapping [ErrEmptyField]. Each names the place of
// the problem in the file (see [ParseError]): the offending byte, the
// start of the empty field, or just past the last field of a line (of
// the last line of a CSV record that spans lines) with too few fields.
// A CSV syntax error wraps encoding/csv's ([csv.ErrQuote],
// [csv.ErrBareQuote]), at the offending quote, or at the end of the
// input for a quoted field left open.
// A delimiter that cannot
// separate fields (a line end, a quote in CSV) is an [ErrOptions] error,
// before anything is read. Triples read before an error stay in d.
func (d *Dataset) ReadTriples(r io.Reader, name string, opts ReadOptions) error {
	comma := opts.Comma
	if comma == 0 {
		comma = '\t'
		if strings.EqualFold(filepath.Ext(name), ".csv") {
			comma = ','
		}
	}
	csvMode := comma == ',' || strings.EqualFold(filepath.Ext(name), ".csv")
	if comma == '\n' || comma == '\r' || comma == utf8.RuneError || !utf8.ValidRune(comma) || csvMode && comma == '"' {
		// encoding/csv refuses them too, as an error of the input.
		return fmt.Errorf("truth: %w: field delimiter %q", ErrOptions, comma)
	}
	cols := opts.columns()
	for _, c := range cols {
		if c < 0 {
			return fmt.Errorf("truth: %w: negative column %d", ErrOptions, c)
		}
	}
	norm := opts.Normalize
	if norm == nil {
		norm = func(v string) (string, bool) {
			v = strings.TrimSpace(v)
			return v, v != ""
		}
	}
	errorAt := func(at func(i, k int) (line, col int), i, k int, err error) error {
		line, col := at(i, k)
		return &ParseError{Position: claims.Position{File: name, Line: line, Column: col}, Err: err}
	}
	add := func(fields []string, at func(i, k int) (line, col int)) error {
		for _, c := range cols {
			if c >= len(fields) {
				return errorAt(at, len(fields), -1, fmt.Errorf("%w: want column %d, line has %d", ErrMissingField, c+1, len(fields)))
			}
		}
		src, obj := strings.TrimSpace(fields[cols[0]]), strings.TrimSpace(fields[cols[1]])
		if src == "" || obj == "" {
			c := cols[0]
			if src != "" {
				c = cols[1]
			}
			return errorAt(at, c, -1, ErrEmptyField)
		}
		if v, ok := norm(fields[cols[2]]); ok {
			d.Assert(src, obj, v)
		}
		return nil
	}
	limit := opts.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	if f, ok := r.(interface{ Stat() (os.FileInfo, error) }); ok {
		if info, err := f.Stat(); err == nil && info.Mode().IsRegular() && info.Size() > limit {
			return &ParseError{Position: claims.Position{File: name}, Err: fmt.Errorf("%w: larger than %d bytes (%d bytes)", ErrTooLarge, limit, info.Size())}
		}
	}
	br := bufio.NewReaderSize(&limitReader{r: r, left: limit}, 64<<10)
	if bom, err := br.Peek(3); err == nil && string(bom) == "\uFEFF" {
		br.Discard(3) // Excel writes a byte-order mark before UTF-8 CSV
	}
	checked := func(fields []string, at func(i, k int) (line, col int)) error {
		for i, f := range fields {
			if !utf8.ValidString(f) {
				return errorAt(at, i, invalidAt(f), ErrInvalidUTF8)
			}
		}
		return add(fields, at)
	}
	var err error
	if csvMode {
		err = d.readCSV(br, name, comma, opts.Header, checked)
	} else {
		err = d.readPlain(br, name, comma, opts.Header, checked)
	}
	if errors.Is(err, errTooLarge) {
		return &ParseError{Position: claims.Position{File: name}, Err: fmt.Errorf("%w: larger than %d bytes", ErrTooLarge, limit)}
	}
	return err
}

// errTooLarge is what limitReader fails with.
var errTooLarge = errors.New("past MaxBytes")

// limitReader reads from r until left bytes are read, then fails with
// errTooLarge if r has more.
type limitReader struct {
	r    io.Reader
	left int64
}

func (l *limitReader) Read(b []byte) (int, error) {
	if l.left < 0 {
		return 0, errTooLarge
	}
	if int64(len(b)) > l.left+1 {
		b = b[:l.left+1]
	}
	n, err := l.r.Read(b)
	l.left -= int64(n)
	if l.left < 0 {
		return n - 1, errTooLarge
	}
	return n, err
}

// addFunc takes the fields of one line (one record of CSV) with where
// they are: at(i, k) returns the line and byte column in the input of
// byte k of field i's text; for k < 0, where field i starts (at its
// opening quote, for a quoted one); for i = len(fields), just past the
// last field.
type addFunc func(fields []string, at func(i, k int) (line, col int)) error

// invalidAt returns the index of the first byte of s that is not part of
// valid UTF-8, or len(s). (A valid U+FFFD before it is not it.)
func invalidAt(s string) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(s)
}

// MaxLineBytes is the longest line, its end not counted, that a plain
// (not CSV) triples input may hold: a longer one is an [ErrLongLine] at
// its line.
const MaxLineBytes = 16 << 20

var errLongLine = fmt.Errorf("%w: longer than %d bytes (truth.MaxLineBytes), the most a line of a plain triples file may hold; CSV has no such limit", ErrLongLine, MaxLineBytes)

// readPlain reads lines split at every comma, without quoting.
func (d *Dataset) readPlain(r io.Reader, name string, comma rune, header bool, add addFunc) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), MaxLineBytes+2) // and "\r\n"
	sep := string(comma)
	line := 0
	for sc.Scan() {
		line++
		if b := bytes.TrimSuffix(sc.Bytes(), []byte("\r")); len(b) > MaxLineBytes {
			return &ParseError{Position: claims.Position{File: name, Line: line, Column: 1}, Err: errLongLine}
		}
		text := strings.TrimSuffix(sc.Text(), "\r")
		if text == "" {
			continue
		}
		if header { // the first line that is not empty, as in CSV
			header = false
			continue
		}
		fields := strings.Split(text, sep)
		at := func(i, k int) (int, int) { // a field is its bytes in the line
			n := 1 + max(k, 0)
			for _, f := range fields[:min(i, len(fields))] {
				n += len(f) + len(sep)
			}
			if i >= len(fields) {
				n -= len(sep) // just past the end of the line
			}
			return line, n
		}
		if err := add(fields, at); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = errLongLine
		}
		return &ParseError{Position: claims.Position{File: name, Line: line + 1, Column: 1}, Err: err}
	}
	return nil
}

// readCSV reads RFC 4180 CSV with encoding/csv. A field's text is not
// its bytes in the input (quotes, doubled quotes, "\r\n" read as "\n"),
// and a record may span lines, so positions inside a record are found
// in its bytes as read: rec keeps them, from the end of the previous
// record ([csv.Reader.InputOffset]) on.
func (d *Dataset) readCSV(r io.Reader, name string, comma rune, header bool, add addFunc) error {
	rec := &recorder{r: r}
	cr := csv.NewReader(rec)
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	first := true
	for {
		start := cr.InputOffset()
		rec.keepFrom(start)
		fields, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line, col := csvErrorPosition(rec.since(start, rec.end()), pe)
				return &ParseError{Position: claims.Position{File: name, Line: line, Column: col}, Err: pe.Err}
			}
			return &ParseError{Position: claims.Position{File: name}, Err: err}
		}
		if first && header {
			first = false
			continue
		}
		first = false
		at := func(i, k int) (int, int) {
			return csvPosition(cr, fields, rec.since(start, cr.InputOffset()), i, k)
		}
		if err := add(fields, at); err != nil {
			return err
		}
	}
}

// csvPosition returns the line and byte column of byte k of field i of
// the record fields that cr last read, whose bytes in the input (blank
// lines before it included) are raw; for k < 0, of the field's start
// (its opening quote, if quoted); for i = len(fields), just past the
// record's last field. It costs O(len(raw)), and runs only for an error.
func csvPosition(cr *csv.Reader, fields []string, raw []byte, i, k int) (line, col int) {
	// raw starts where the previous record ended, at the start of a
	// line; the record starts at its first line that is not blank, at
	// column 1 of the line FieldPos(0) names.
	line0, _ := cr.FieldPos(0)
	off := skipBlankLines(raw)
	// lineStart is the offset in raw of line l of the input.
	lineStart := func(l int) int {
		o := off
		for ; l > line0; l-- {
			o += bytes.IndexByte(raw[o:], '\n') + 1
		}
		return o
	}
	if i >= len(fields) {
		// Just past the last field: the end of the record, without its
		// line end (encoding/csv drops a "\r" before the end of input).
		o := len(raw)
		o -= len(raw[:o]) - len(bytes.TrimSuffix(raw[:o], []byte("\n")))
		o -= len(raw[:o]) - len(bytes.TrimSuffix(raw[:o], []byte("\r")))
		return positionIn(raw, off, line0, o)
	}
	l, c := cr.FieldPos(i)
	o := lineStart(l) + c - 1
	if k < 0 {
		return l, c
	}
	if o < len(raw) && raw[o] == '"' {
		// A quoted field: a doubled quote is one byte of its text, and
		// so is a "\r\n", read as "\n".
		o++
		for ; k > 0; k-- {
			if raw[o] == '"' || raw[o] == '\r' && o+1 < len(raw) && raw[o+1] == '\n' {
				o++
			}
			o++
		}
	} else {
		o += k
	}
	return positionIn(raw, off, line0, o)
}

// csvErrorPosition returns the place in the input of pe, an error of
// encoding/csv in the record whose bytes as read so far are raw (from
// the end of the previous record on). encoding/csv counts columns in a
// line whose "\r\n" it read as "\n" and whose "\r" just before the
// end of input it dropped, so a column at or past the end of a line is
// not a byte of the file: that of a quoted field left open, at the end
// of the input (col 8 of line 1 for `s,o,"a\n`, past its "\n"; col 8 too
// for `s,o,"a\r\n`, at its "\n"). Such an error is put at the end of
// the input, as the file has it; any other is at a byte of its line,
// where encoding/csv puts it.
func csvErrorPosition(raw []byte, pe *csv.ParseError) (line, col int) {
	off := skipBlankLines(raw)
	o := off
	for l := pe.StartLine; l < pe.Line; l++ {
		n := bytes.IndexByte(raw[o:], '\n')
		if n < 0 {
			return pe.Line, pe.Column // not a line of raw: as encoding/csv says
		}
		o += n + 1
	}
	end := len(raw) // the end of line pe.Line, its line end not counted
	last := true
	if n := bytes.IndexByte(raw[o:], '\n'); n >= 0 {
		end, last = o+n, o+n+1 == len(raw)
	}
	end -= len(raw[o:end]) - len(bytes.TrimSuffix(raw[o:end], []byte("\r")))
	if o+pe.Column-1 < end || !last {
		return pe.Line, pe.Column
	}
	return positionIn(raw, off, pe.StartLine, len(raw))
}

// skipBlankLines returns the offset in raw, which starts at the start of
// a line, of its first line that is not blank: encoding/csv skips them
// before a record.
func skipBlankLines(raw []byte) int {
	off := 0
	for {
		if rest := raw[off:]; bytes.HasPrefix(rest, []byte("\n")) {
			off++
		} else if bytes.HasPrefix(rest, []byte("\r\n")) {
			off += 2
		} else {
			return off
		}
	}
}

// positionIn returns the line and byte column of offset o of raw, whose
// offset off starts line line0.
func positionIn(raw []byte, off, line0, o int) (line, col int) {
	line, start := line0, off
	for j := off; j < o; j++ {
		if raw[j] == '\n' {
			line, start = line+1, j+1
		}
	}
	return line, o - start + 1
}

// recorder keeps what is read through it from an offset of its input
// on, so that a record's bytes can be found again after encoding/csv,
// which reads ahead, has read it.
type recorder struct {
	r    io.Reader
	buf  []byte // the input from offset base on
	base int64
	keep int64 // what comes before it need not be kept
}

func (c *recorder) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if dead := int(c.keep - c.base); dead > 0 && dead >= len(c.buf)/2 {
		// Move the bytes kept to the front once at least half of the
		// buffer is dead: O(1) a byte, however short the records.
		c.buf = c.buf[:copy(c.buf, c.buf[dead:])]
		c.base = c.keep
	}
	c.buf = append(c.buf, p[:n]...)
	return n, err
}

// keepFrom lets the bytes before offset off go.
func (c *recorder) keepFrom(off int64) { c.keep = off }

// end returns the offset of the end of what was read.
func (c *recorder) end() int64 { return c.base + int64(len(c.buf)) }

// since returns the input from offset start to offset end, both of
// them at or after what keepFrom last kept and at most what was read.
func (c *recorder) since(start, end int64) []byte {
	return c.buf[start-c.base : end-c.base]
}
