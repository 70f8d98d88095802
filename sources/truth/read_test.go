package truth_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/sources/truth"
)

// triples lists a Dataset's facts as "object|value", object by object.
func triples(d *truth.Dataset) []string {
	var out []string
	for o := range d.NumObjects() {
		for _, f := range d.Facts(truth.ObjectID(o)) {
			out = append(out, d.ObjectName(truth.ObjectID(o))+"|"+d.Value(f))
		}
	}
	return out
}

func TestReadTriples(t *testing.T) {
	tests := []struct {
		name       string
		file       string
		input      string
		opts       truth.ReadOptions
		wantFacts  []string // object|value in ID order
		wantAssert int
		wantSrc    int
	}{
		{
			name:       "tsv with CRLF, blank line and duplicate",
			file:       "x.tsv",
			input:      "s1\to1\tv1\r\ns2\to1\tv2\r\n\r\ns1\to1\tv1\r\ns2\to2\tv1\n",
			wantFacts:  []string{"o1|v1", "o1|v2", "o2|v1"},
			wantAssert: 3, wantSrc: 2,
		},
		{
			name:       "book columns, empty value dropped",
			file:       "book.txt",
			input:      "s1\t123\tTitle\tKnuth, Donald E.\ns2\t123\tTitle, 2nd\tDonald Knuth\ns3\t123\tT\tNot Available\ns4\t123\tT\t\n",
			opts:       truth.ReadOptions{SourceColumn: 0, ObjectColumn: 1, ValueColumn: 3, Normalize: truth.TokenSet},
			wantFacts:  []string{"123|donald knuth"},
			wantAssert: 2, wantSrc: 2,
		},
		{
			name:       "csv with quotes and header",
			file:       "x.csv",
			input:      "source,object,value\n\"a, inc\",o,\"v \"\"1\"\"\"\nb,o,w\n",
			opts:       truth.ReadOptions{Header: true},
			wantFacts:  []string{`o|v "1"`, "o|w"},
			wantAssert: 2, wantSrc: 2,
		},
		{
			name:       "semicolon delimiter by option",
			file:       "x.dat",
			input:      "a;o;1\nb;o;1\n",
			opts:       truth.ReadOptions{Comma: ';'},
			wantFacts:  []string{"o|1"},
			wantAssert: 2, wantSrc: 2,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := truth.NewDataset()
			if err := d.ReadTriples(strings.NewReader(tt.input), tt.file, tt.opts); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.wantFacts, triples(d)); diff != "" {
				t.Errorf("facts (-want +got):\n%s", diff)
			}
			if got := d.NumAssertions(); got != tt.wantAssert {
				t.Errorf("NumAssertions = %d, want %d", got, tt.wantAssert)
			}
			if got := d.NumSources(); got != tt.wantSrc {
				t.Errorf("NumSources = %d, want %d", got, tt.wantSrc)
			}
		})
	}
}

func TestReadTriplesErrors(t *testing.T) {
	tests := []struct {
		name  string
		file  string
		input string
		opts  truth.ReadOptions
		pos   claims.Position
		want  error  // matched with errors.Is
		msg   string // the whole message
	}{
		{
			// "a\tb" is 3 bytes; the missing third field would start at
			// column 4, just past the end of line 2.
			name: "missing field", file: "t.tsv", input: "s\to\tv\na\tb\n",
			pos: claims.Position{File: "t.tsv", Line: 2, Column: 4}, want: truth.ErrMissingField,
			msg: "truth: t.tsv:2:4: missing field: want column 3, line has 2",
		},
		{
			// Without a file name the position is LINE:COL alone.
			name: "missing field, no name", file: "", input: "s\to\tv\na\tb\n",
			pos: claims.Position{Line: 2, Column: 4}, want: truth.ErrMissingField,
			msg: "truth: 2:4: missing field: want column 3, line has 2",
		},
		{
			// Line 1 "src\t\tv": the object field starts at byte 5.
			name: "empty object", file: "t.tsv", input: "src\t\tv\n",
			pos: claims.Position{File: "t.tsv", Line: 1, Column: 5}, want: truth.ErrEmptyField,
			msg: "truth: t.tsv:1:5: empty source or object",
		},
		{
			// encoding/csv reports the stray quote in `a"b` at line 2,
			// column 2.
			name: "bad csv quote", file: "t.csv", input: "s,o,v\na\"b,o,v\n",
			pos: claims.Position{File: "t.csv", Line: 2, Column: 2}, want: csv.ErrBareQuote,
			msg: `truth: t.csv:2:2: bare " in non-quoted-field`,
		},
		{
			// A line one byte over the limit, after a line of the
			// longest length allowed, with its "\r\n".
			name: "long line", file: "t.tsv",
			input: "s\to\t" + strings.Repeat("v", truth.MaxLineBytes-4) + "\r\n" + strings.Repeat("x", truth.MaxLineBytes+1) + "\n",
			pos:   claims.Position{File: "t.tsv", Line: 2, Column: 1}, want: truth.ErrLongLine,
			msg: "truth: t.tsv:2:1: line too long: longer than 16777216 bytes (truth.MaxLineBytes), the most a line of a plain triples file may hold; CSV has no such limit",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := truth.NewDataset().ReadTriples(strings.NewReader(tt.input), tt.file, tt.opts)
			var pe *truth.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error = %v, want *ParseError", err)
			}
			if diff := cmp.Diff(tt.pos, pe.Position); diff != "" {
				t.Errorf("ParseError position (-want +got):\n%s", diff)
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("error %v does not wrap %v", err, tt.want)
			}
			if err.Error() != tt.msg {
				t.Errorf("message %q, want %q", err, tt.msg)
			}
		})
	}
}

// TestErrorPrefix: errors that no ParseError carries name the package
// once too.
func TestErrorPrefix(t *testing.T) {
	_, algErr := truth.ParseAlgorithm("magic")
	colErr := truth.NewDataset().ReadTriples(strings.NewReader(""), "t.tsv", truth.ReadOptions{SourceColumn: -1})
	for _, tt := range []struct {
		err, want error
	}{
		{algErr, truth.ErrUnknownAlgorithm},
		{colErr, truth.ErrOptions},
	} {
		if !errors.Is(tt.err, tt.want) || !strings.HasPrefix(tt.err.Error(), "truth: ") || strings.Count(tt.err.Error(), "truth: ") != 1 {
			t.Errorf("error %v: want one \"truth: \" prefix, matching %v", tt.err, tt.want)
		}
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "t.tsv")
	if err := os.WriteFile(path, []byte("s\to\tv\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := truth.ReadFile(path, truth.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if d.NumAssertions() != 1 {
		t.Errorf("NumAssertions = %d, want 1", d.NumAssertions())
	}
	if _, err := truth.ReadFile(filepath.Join(dir, "absent.tsv"), truth.ReadOptions{}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("ReadFile(absent) error = %v, want os.ErrNotExist", err)
	}
}

func TestTokenSet(t *testing.T) {
	tests := []struct {
		raw    string
		want   string
		wantOK bool
	}{
		{"Knuth, Donald E.", "donald knuth", true},
		{"By (author) Han, Jiawei By (author) Kamber, Micheline", "han jiawei kamber micheline", true},
		{"O'Leary, Timothy J.; O'Leary, Linda I.", "linda o'leary timothy", true},
		{"Marcad&eacute;, Mark", "marcadé mark", true},
		{"Guy L. Steele Jr.", "guy steele", true},
		{"Not Available", "", false},
		{"0", "", false},
		{"  ", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			got, ok := truth.TokenSet(tt.raw)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("TokenSet(%q) = %q, %v; want %q, %v", tt.raw, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestJaccard(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		{"ann bob", "ann", 0.5},     // {ann} / {ann, bob}
		{"ann bob", "bob ann", 1},   // same set
		{"ann", "cid", 0},           // disjoint
		{"", "", 1},                 // both empty
		{"a b c", "b c d", 2.0 / 4}, // {b,c} / {a,b,c,d}
	}
	for _, tt := range tests {
		if got := truth.Jaccard(tt.a, tt.b); got != tt.want {
			t.Errorf("Jaccard(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// FuzzReadTriples: reading never panics; every error is a *ParseError
// with the file name and a 1-based position; whatever is read can be
// written back as TSV and read again to the same assertions.
func FuzzReadTriples(f *testing.F) {
	f.Add("s1\to1\tv1\ns2\to1\tv2\n", false)
	f.Add("source,object,value\n\"s, 1\",o,\"v \"\"q\"\"\"\n", true)
	f.Add("s\to\n", false)
	f.Add("\ts\to\r\n\n", false)
	f.Fuzz(func(t *testing.T, in string, csv bool) {
		name := "fuzz.tsv"
		if csv {
			name = "fuzz.csv"
		}
		d := truth.NewDataset()
		err := d.ReadTriples(strings.NewReader(in), name, truth.ReadOptions{})
		if err != nil {
			var pe *truth.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %T %v, want *ParseError", err, err)
			}
			if pe.File != name || pe.Line < 1 || pe.Column < 1 {
				t.Fatalf("error without a position: %#v", pe)
			}
			return
		}
		var tsv strings.Builder
		want := assertions(d)
		for _, a := range want {
			if strings.ContainsAny(a[0]+a[1]+a[2], "\t\n\r") || a[2] != strings.TrimSpace(a[2]) {
				return // not expressible in plain TSV
			}
			fmt.Fprintf(&tsv, "%s\t%s\t%s\n", a[0], a[1], a[2])
		}
		again := truth.NewDataset()
		if err := again.ReadTriples(strings.NewReader(tsv.String()), "again.tsv", truth.ReadOptions{}); err != nil {
			t.Fatalf("reading what was written: %v\n%q", err, tsv.String())
		}
		// The same assertions, as a set: writing them by source renumbers
		// the facts, and a source lists its facts by number.
		got := assertions(again)
		byTriple := func(a, b [3]string) int {
			return strings.Compare(strings.Join(a[:], "\x00"), strings.Join(b[:], "\x00"))
		}
		slices.SortFunc(want, byTriple)
		slices.SortFunc(got, byTriple)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("round trip (-first +second):\n%s", diff)
		}
	})
}

// assertions lists the (source, object, value) of every assertion of d,
// by source, then by fact number.
func assertions(d *truth.Dataset) [][3]string {
	var out [][3]string
	for s := range d.NumSources() {
		for _, f := range d.Asserted(truth.SourceID(s)) {
			out = append(out, [3]string{d.SourceName(truth.SourceID(s)), d.ObjectName(d.FactObject(f)), d.Value(f)})
		}
	}
	return out
}

// TestBOMInFirstName: TSV and CSV kept a byte-order mark (Excel's UTF-8
// CSV always has one) inside the first source's name.
func TestBOMInFirstName(t *testing.T) {
	for _, name := range []string{"t.tsv", "t.csv"} {
		sep := "\t"
		if name == "t.csv" {
			sep = ","
		}
		d := truth.NewDataset()
		in := "\uFEFFs1" + sep + "o" + sep + "v\n"
		if err := d.ReadTriples(strings.NewReader(in), name, truth.ReadOptions{}); err != nil {
			t.Fatal(err)
		}
		if got := d.SourceName(0); got != "s1" {
			t.Errorf("%s: first source %q, want %q", name, got, "s1")
		}
	}
}

// TestInvalidUTF8Triples: invalid UTF-8 is an error, at its position,
// as in every other reader.
func TestInvalidUTF8Triples(t *testing.T) {
	for name, want := range map[string]string{"t.tsv": "t.tsv:2:6: invalid UTF-8", "t.csv": "t.csv:2:6: invalid UTF-8"} {
		sep := "\t"
		if name == "t.csv" {
			sep = ","
		}
		in := "s" + sep + "o" + sep + "v\ns" + sep + "o" + sep + "v\xff\n"
		err := truth.NewDataset().ReadTriples(strings.NewReader(in), name, truth.ReadOptions{})
		if !errors.Is(err, truth.ErrInvalidUTF8) || err.Error() != "truth: "+want {
			t.Errorf("got %v, want %s", err, want)
		}
	}
}

// TestTriplesUnbounded: the triples reader read any stream to its end;
// it stops one byte past MaxBytes, and refuses a larger file unread.
func TestTriplesUnbounded(t *testing.T) {
	endless := strings.NewReader(strings.Repeat("s\to\tv\n", 1<<18)) // 1.5 MiB
	err := truth.NewDataset().ReadTriples(endless, "t.tsv", truth.ReadOptions{MaxBytes: 1 << 20})
	if !errors.Is(err, truth.ErrTooLarge) || endless.Len() < 500<<10 {
		t.Errorf("got %v, with %d bytes left unread", err, endless.Len())
	}
	path := filepath.Join(t.TempDir(), "big.csv")
	if err := os.WriteFile(path, make([]byte, 2<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = truth.ReadFile(path, truth.ReadOptions{MaxBytes: 1 << 20})
	if want := "big.csv: input too large: larger than 1048576 bytes (2097152 bytes)"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got %v, want %q", err, want)
	}
}

// FuzzReadTriplesLimits reads any input as TSV and CSV under a small
// MaxBytes: an input over it fails to read, and so does one with invalid
// UTF-8; every source read is valid UTF-8.
func FuzzReadTriplesLimits(f *testing.F) {
	f.Add([]byte("\uFEFFs\to\tv\n"), false)
	f.Add([]byte("s,\"o\xff\",v\n"), true)
	f.Add([]byte("\uFEFFs,\"a\"\"\r\nb\xff\",v\n"), true)
	f.Fuzz(func(t *testing.T, data []byte, csv bool) {
		name := "f.tsv"
		if csv {
			name = "f.csv"
		}
		d := truth.NewDataset()
		err := d.ReadTriples(bytes.NewReader(data), name, truth.ReadOptions{MaxBytes: 96})
		switch {
		case len(data) > 96:
			// A problem in the first 96 bytes may come first.
			if err == nil {
				t.Fatalf("%d bytes over a limit of 96 read without error", len(data))
			}
			return
		case err == nil && !utf8.Valid(data):
			t.Fatalf("invalid UTF-8 read without error: %q", data)
		case errors.Is(err, truth.ErrInvalidUTF8):
			// The error is at the first byte that is not UTF-8.
			var pe *truth.ParseError
			errors.As(err, &pe)
			text := bytes.TrimPrefix(data, []byte("\uFEFF"))
			lines := bytes.SplitAfter(text, []byte("\n"))
			if pe.Line < 1 || pe.Line > len(lines) || pe.Column < 1 || pe.Column > len(lines[pe.Line-1]) {
				t.Fatalf("%v: no such place in %q", err, data)
			}
			at := len(bytes.Join(lines[:pe.Line-1], nil)) + pe.Column - 1
			if r, n := utf8.DecodeRune(text[at:]); r != utf8.RuneError || n != 1 || !utf8.Valid(text[:at]) {
				t.Fatalf("%v: not the first byte that is not UTF-8 in %q", err, data)
			}
		}
		for s := range d.NumSources() {
			if n := d.SourceName(truth.SourceID(s)); !utf8.ValidString(n) {
				t.Fatalf("source %q", n)
			}
		}
	})
}

// TestDelimiterOptions: a delimiter that cannot separate fields is an
// ErrOptions error, before anything is read: a quote in CSV was
// encoding/csv's error of the input, without a sentinel, and a line end
// made every line one field short.
func TestDelimiterOptions(t *testing.T) {
	for _, c := range []struct {
		name  string
		comma rune
	}{{"t.csv", '"'}, {"t.tsv", '\n'}, {"t.csv", '\r'}, {"t.tsv", utf8.RuneError}, {"t.tsv", -1}} {
		err := truth.NewDataset().ReadTriples(strings.NewReader("a,b,c\n"), c.name, truth.ReadOptions{Comma: c.comma})
		if !errors.Is(err, truth.ErrOptions) {
			t.Errorf("%s, Comma %q: %v, want ErrOptions", c.name, c.comma, err)
		}
	}
	// A quote is a plain character of TSV, which has no quoting.
	d := truth.NewDataset()
	if err := d.ReadTriples(strings.NewReader("a\"b\"c\n"), "t.tsv", truth.ReadOptions{Comma: '"'}); err != nil || d.NumAssertions() != 1 {
		t.Errorf("TSV split at quotes: %v, %d assertions, want 1", err, d.NumAssertions())
	}
}

// TestReadTriplesHeader checks that ReadOptions.Header skips the line of
// column names, and only it, in every mode alike, even after empty lines
// or a byte-order mark on a line of its own: the plain reader skipped
// line 1 whatever it held, so an empty first line was taken for the
// header and the names were read as a triple, where CSV skipped them.
func TestReadTriplesHeader(t *testing.T) {
	tests := []struct {
		name  string
		lines string // "|" separates fields; it becomes each mode's delimiter
	}{
		{"header first", "source|object|value\na|o|v\n"},
		{"after an empty line", "\nsource|object|value\na|o|v\n"},
		{"after a byte-order mark on a line of its own", "\uFEFF\nsource|object|value\na|o|v\n"},
		{"after empty CRLF lines", "\uFEFF\r\n\r\nsource|object|value\r\na|o|v\r\n"},
		{"after an empty CRLF line, the last line without its end", "\r\nsource|object|value\na|o|v"},
	}
	for _, tt := range tests {
		for _, mode := range []struct {
			file  string
			comma string
		}{{"t.csv", ","}, {"t.tsv", "\t"}, {"t.txt", "→"}} {
			t.Run(tt.name+" "+mode.file, func(t *testing.T) {
				input := strings.ReplaceAll(tt.lines, "|", mode.comma)
				d := truth.NewDataset()
				opts := truth.ReadOptions{Header: true}
				if mode.file == "t.txt" {
					opts.Comma = '→'
				}
				if err := d.ReadTriples(strings.NewReader(input), mode.file, opts); err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff([]string{"o|v"}, triples(d)); diff != "" {
					t.Errorf("ReadTriples(%q): facts (-want +got):\n%s", input, diff)
				}
				if n := d.NumSources(); n != 1 {
					t.Errorf("ReadTriples(%q): %d sources, want 1 (a)", input, n)
				}
			})
		}
	}
}
