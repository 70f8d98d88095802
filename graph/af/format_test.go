package af

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph/internal/childtest"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/google/go-cmp/cmp"
)

// marker marks in a test input the place where a parse error is expected;
// the test removes it and computes the 1-based line and byte column.
const marker = "§"

func markedPosition(t *testing.T, s string) (input string, line, col int) {
	t.Helper()
	i := strings.Index(s, marker)
	if i < 0 {
		t.Fatalf("input %q has no %s marker", s, marker)
	}
	before := s[:i]
	line = strings.Count(before, "\n") + 1
	col = i - (strings.LastIndex(before, "\n") + 1) + 1
	return strings.Replace(s, marker, "", 1), line, col
}

// summary lists a framework as names and "a>b" attacks by name.
type summary struct {
	Names   []string
	Attacks []string
}

func summarize(f *Framework) summary {
	s := summary{Names: []string{}, Attacks: []string{}}
	for i := range f.Len() {
		s.Names = append(s.Names, f.Name(i))
	}
	for a, b := range f.Attacks() {
		s.Attacks = append(s.Attacks, f.Name(a)+">"+f.Name(b))
	}
	slices.Sort(s.Attacks)
	return s
}

func TestReadValid(t *testing.T) {
	tests := []struct {
		name   string
		format Format
		input  string
		want   summary
	}{
		{"apx basic", APX, "arg(a).\narg(b).\natt(a,b).\n",
			summary{[]string{"a", "b"}, []string{"a>b"}}},
		{"apx spacing comments crlf", APX, "% header\r\n arg( a ) . arg(b).% trailing\r\natt (a , b).\r\natt(b,b).",
			summary{[]string{"a", "b"}, []string{"a>b", "b>b"}}},
		{"apx attack before declaration", APX, "att(x,y).\narg(y).\narg(x).\n",
			summary{[]string{"y", "x"}, []string{"x>y"}}},
		{"apx quoted names", APX, `arg("a b"). arg("q\"\\"). att("a b","q\"\\").`,
			summary{[]string{"a b", `q"\`}, []string{`a b>q"\`}}},
		{"apx repeated attack kept once", APX, "arg(a). att(a,a). att(a,a).",
			summary{[]string{"a"}, []string{"a>a"}}},
		{"apx empty", APX, "% nothing\n", summary{[]string{}, []string{}}},
		{"tgf basic with labels", TGF, "a1 first\na2\n#\na1 a2 edge label\n\n",
			summary{[]string{"a1", "a2"}, []string{"a1>a2"}}},
		{"tgf no edges section", TGF, "x\ny\n", summary{[]string{"x", "y"}, []string{}}},
		{"tgf names with punctuation", TGF, "a(1)\n\"q\"\n#\t\n\"q\" a(1)\n",
			summary{[]string{"a(1)", `"q"`}, []string{`"q">a(1)`}}},
		{"i23 basic", I23, "p af 3\n1 2\n# comment\n3 3 # trailing\n",
			summary{[]string{"1", "2", "3"}, []string{"1>2", "3>3"}}},
		{"i23 comment first and blank lines", I23, "# made by hand\n\np af 2\n\n2 1\n",
			summary{[]string{"1", "2"}, []string{"2>1"}}},
		{"i23 no attacks", I23, "p af 0\n", summary{[]string{}, []string{}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Read(strings.NewReader(tt.input), tt.format)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, summarize(f)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name   string
		format Format
		input  string // § marks where the error is reported
		kind   error
	}{
		{"apx unknown predicate", APX, "arg(a).\n§foo(a).", ErrSyntax},
		{"apx missing dot", APX, "arg(a)\n§arg(b).", ErrSyntax},
		{"apx missing dot at end", APX, "arg(a)§", ErrSyntax},
		{"apx missing paren", APX, "arg §a).", ErrSyntax},
		{"apx att one name", APX, "arg(a). att(a§).", ErrSyntax},
		{"apx empty name", APX, "arg(§).", ErrSyntax},
		{"apx empty quoted", APX, `arg(§"").`, ErrSyntax},
		{"apx unterminated quote", APX, "arg(§\"ab\n).", ErrSyntax},
		{"apx bad escape", APX, `arg("a\§t").`, ErrSyntax},
		{"apx duplicate", APX, "arg(a).\narg( §a).", ErrDuplicateArgument},
		{"apx unknown target", APX, "arg(a).\natt(a, §b).", ErrUnknownArgument},
		{"apx unknown source across lines", APX, "arg(a).\natt(\n §c,\na).", ErrUnknownArgument},
		{"tgf duplicate", TGF, "a\n §a\n#\n", ErrDuplicateArgument},
		{"tgf unknown", TGF, "a\n#\na §b\n", ErrUnknownArgument},
		{"tgf one name edge", TGF, "a\n#\na§\n", ErrSyntax},
		{"i23 missing header", I23, "§1 2\n", ErrSyntax},
		{"i23 empty", I23, "§", ErrSyntax},
		{"i23 bad count", I23, "p af §x\n", ErrSyntax},
		{"i23 huge count", I23, "p af §99999999999\n", ErrTooManyArguments},
		{"i23 count past int32", I23, "p af §2147483648\n", ErrTooManyArguments},
		{"i23 count not a number", I23, "p af §12x\n", ErrSyntax},
		{"i23 out of range", I23, "p af 2\n1 §3\n", ErrUnknownArgument},
		{"i23 zero", I23, "p af 2\n§0 1\n", ErrUnknownArgument},
		{"i23 three numbers", I23, "p af 3\n1 2 §3\n", ErrSyntax},
		{"i23 one number", I23, "p af 3\n1§\n", ErrSyntax},
		{"i23 negative", I23, "p af 3\n§-1 2\n", ErrSyntax},
		{"i23 second header", I23, "p af 3\n§p af 3\n", ErrSyntax},
		// Invalid UTF-8 was read into names (and printed back raw).
		{"tgf invalid UTF-8", TGF, "a\nb§\xff\n#\na b\xff\n", ErrSyntax},
		{"apx invalid UTF-8 quoted", APX, "arg(a).\narg(\"é§\xc3\").", ErrSyntax},
		{"i23 invalid UTF-8 comment", I23, "p af 1 # §\xed\xa0\x80\n", ErrSyntax},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			input, line, col := markedPosition(t, tt.input)
			_, err := Read(strings.NewReader(input), tt.format)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *ParseError", err)
			}
			if !errors.Is(err, tt.kind) {
				t.Errorf("error %v does not match %v", err, tt.kind)
			}
			if pe.Line != line || pe.Column != col {
				t.Errorf("error at %d:%d, want %d:%d (%v)", pe.Line, pe.Column, line, col, err)
			}
			if !strings.HasPrefix(err.Error(), "af: ") || strings.Count(err.Error(), "af: ") != 1 {
				t.Errorf("message %q: want one \"af: \" prefix", err)
			}
		})
	}
}

func TestParseErrorMessage(t *testing.T) {
	err := &ParseError{Position: claims.Position{File: "x.apx", Line: 3, Column: 7}, Err: ErrSyntax}
	if got, want := err.Error(), "af: x.apx:3:7: syntax error"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	err.File = ""
	if got, want := err.Error(), "af: 3:7: syntax error"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

// TestMethodErrorPrefix checks that errors of the Framework's methods,
// which no ParseError wraps, name the package once.
func TestMethodErrorPrefix(t *testing.T) {
	f := New(0)
	if _, err := f.AddArgument("a"); err != nil {
		t.Fatal(err)
	}
	_, dup := f.AddArgument("a")
	_, fmtErr := ParseFormat("xml")
	for _, tt := range []struct {
		err  error
		want error
		msg  string
	}{
		{dup, ErrDuplicateArgument, `af: duplicate argument "a"`},
		{f.Attack(0, 1), ErrArgumentRange, "af: argument index out of range: attack 0 -> 1 with 1 arguments"},
		{fmtErr, ErrFormat, `af: unknown format "xml"`},
	} {
		if !errors.Is(tt.err, tt.want) || tt.err.Error() != tt.msg {
			t.Errorf("error %v, want %q matching %v", tt.err, tt.msg, tt.want)
		}
	}
}

func TestReadFileNamesFile(t *testing.T) {
	_, err := ReadFile("testdata/bad.apx", 0)
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("error %v is not a *ParseError", err)
	}
	// testdata/bad.apx declares a twice; the second is on line 2, column 5.
	if pe.File != "testdata/bad.apx" || pe.Line != 2 || pe.Column != 5 || !errors.Is(err, ErrDuplicateArgument) {
		t.Errorf("got %#v", pe)
	}
	// The prefix and the name come once each.
	if got, want := err.Error(), `af: testdata/bad.apx:2:5: duplicate argument: "a"`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if _, err := ReadFile("x.unknown", 0); !errors.Is(err, ErrFormat) {
		t.Errorf("unknown extension: error %v, want ErrFormat", err)
	}
}

func TestFormatOf(t *testing.T) {
	tests := []struct {
		file string
		want Format
	}{
		{"a.apx", APX}, {"dir/B.TGF", TGF}, {"x.af", I23}, {"x.i23", I23},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got, err := FormatOf(tt.file)
			if err != nil || got != tt.want {
				t.Errorf("FormatOf(%q) = %v, %v; want %v", tt.file, got, err, tt.want)
			}
			back, err := ParseFormat(got.String())
			if err != nil || back != got {
				t.Errorf("ParseFormat(%q) = %v, %v", got.String(), back, err)
			}
		})
	}
	if _, err := ParseFormat("cnf"); !errors.Is(err, ErrFormat) {
		t.Errorf("ParseFormat(cnf) error %v, want ErrFormat", err)
	}
}

// TestRoundTrip writes frameworks in every format and reads them back.
func TestRoundTrip(t *testing.T) {
	named := New(0)
	for _, n := range []string{"a", "b c", `"q"`, "d"} {
		if _, err := named.AddArgument(n); err != nil {
			t.Fatal(err)
		}
	}
	for _, a := range [][2]int{{0, 1}, {1, 0}, {2, 2}, {3, 0}} {
		if err := named.Attack(a[0], a[1]); err != nil {
			t.Fatal(err)
		}
	}
	numbered := build(t, 4, [][2]int{{0, 1}, {1, 0}, {2, 2}, {3, 0}})
	for _, format := range Formats() {
		for name, f := range map[string]*Framework{"named": named, "numbered": numbered} {
			t.Run(format.String()+"/"+name, func(t *testing.T) {
				var buf bytes.Buffer
				err := Write(&buf, f, format)
				if format == TGF && name == "named" {
					// "b c" has a space, which TGF cannot write.
					if !errors.Is(err, ErrName) {
						t.Fatalf("error %v, want ErrName", err)
					}
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				g, err := Read(&buf, format)
				if err != nil {
					t.Fatalf("%v in\n%s", err, buf.String())
				}
				want := summarize(f)
				if format == I23 {
					// I23 keeps no names: arguments come back numbered.
					want = summarize(unnamed(t, f))
				}
				if diff := cmp.Diff(want, summarize(g)); diff != "" {
					t.Errorf("(-want +got):\n%s", diff)
				}
			})
		}
	}
}

func TestReadExtensions(t *testing.T) {
	tests := []struct {
		input string
		want  [][]string
	}{
		{"[[a1,a7]]", [][]string{{"a1", "a7"}}},
		{"[[]]\n", [][]string{{}}},
		{"[]", [][]string{}},
		{" [ [a2, a5] ,\n [] , [a1,a3,a4] ] ", [][]string{{"a2", "a5"}, {}, {"a1", "a3", "a4"}}},
	}
	for _, tt := range tests {
		t.Run(tt.input, func(t *testing.T) {
			got, err := ReadExtensions(strings.NewReader(tt.input))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	for _, bad := range []string{"§", "[[a§", "[[a]§", "[[a,§]]", "[[a]]§x", "§a", "[[a]§[b]]"} {
		t.Run(bad, func(t *testing.T) {
			input, line, col := markedPosition(t, bad)
			_, err := ReadExtensions(strings.NewReader(input))
			var pe *ParseError
			if !errors.As(err, &pe) || !errors.Is(err, ErrSyntax) {
				t.Fatalf("error %v, want *ParseError with ErrSyntax", err)
			}
			if pe.Line != line || pe.Column != col {
				t.Errorf("error at %d:%d, want %d:%d", pe.Line, pe.Column, line, col)
			}
		})
	}
}

// unnamed returns a copy of f with unnamed arguments.
func unnamed(t *testing.T, f *Framework) *Framework {
	var attacks [][2]int
	for a, b := range f.Attacks() {
		attacks = append(attacks, [2]int{a, b})
	}
	return build(t, f.Len(), attacks)
}

// TestI23HeaderTwoBillionArguments: the 17-byte file "p af 2000000000"
// made a framework of two billion arguments, for which every solver
// allocated; the header is capped by a limit and by the input's size.
func TestI23HeaderTwoBillionArguments(t *testing.T) {
	_, err := ReadI23(strings.NewReader("p af 2000000000\n"))
	if !errors.Is(err, ErrTooManyArguments) || !strings.Contains(err.Error(), "1:6: too many arguments: the header declares 2000000000, at most 1048592 for 16 bytes") {
		t.Errorf("got %v", err)
	}
	if _, err := (ReadOptions{MaxArguments: 10}).Read(strings.NewReader("p af 11\n"), I23); !errors.Is(err, ErrTooManyArguments) {
		t.Errorf("MaxArguments 10, 11 declared: %v", err)
	}
	f, err := ReadI23(strings.NewReader("p af 1000000\n"))
	if err != nil || f.Len() != 1_000_000 {
		t.Errorf("a million arguments in 13 bytes, within the free allowance: %v", err)
	}
}

// TestICCMAReadersUnbounded: the readers read all of their input (from
// /dev/zero, until memory ran out); a stream stops one byte past
// MaxBytes, and a file larger is refused from its size.
func TestICCMAReadersUnbounded(t *testing.T) {
	for _, format := range Formats() {
		_, err := (ReadOptions{MaxBytes: 1 << 20}).Read(io.LimitReader(zeros{}, 1<<40), format)
		if !errors.Is(err, ErrInputTooLarge) || !strings.Contains(err.Error(), "larger than 1048576 bytes") {
			t.Errorf("%v: %v", format, err)
		}
	}
	path := filepath.Join(t.TempDir(), "big.apx")
	if err := os.WriteFile(path, make([]byte, 2<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := (ReadOptions{MaxBytes: 1 << 20}).ReadFile(path, 0)
	if want := "big.apx: input too large: larger than 1048576 bytes (2097152 bytes)"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got %v, want %q", err, want)
	}
}

// zeros is /dev/zero as a reader that counts what it was asked for.
type zeros struct{}

func (zeros) Read(b []byte) (int, error) {
	clear(b)
	return len(b), nil
}

// TestBOMInsideFirstName: TGF kept a byte-order mark inside the first
// argument's name.
func TestBOMInsideFirstName(t *testing.T) {
	f, err := ReadTGF(strings.NewReader("\uFEFFa\nb\n#\na b\n"))
	if err != nil {
		t.Fatal(err)
	}
	if f.Index("a") != 0 {
		t.Errorf("first name %q", f.Name(0))
	}
}

// TestICCMAOutputQuoted: names with spaces or commas printed as they
// are could not be told apart; QuoteName quotes them and ReadExtensions
// reads them back.
func TestICCMAOutputQuoted(t *testing.T) {
	names := []string{"a", "b c", "d,e", `f"g`, "[h]"}
	var parts []string
	for _, n := range names {
		parts = append(parts, QuoteName(n))
	}
	text := "[[" + strings.Join(parts, ",") + "],[]]"
	got, err := ReadExtensions(strings.NewReader(text))
	if err != nil {
		t.Fatalf("%s: %v", text, err)
	}
	if len(got) != 2 || !slices.Equal(got[0], names) || len(got[1]) != 0 {
		t.Errorf("%s read back as %q", text, got)
	}
}

// TestICCMAOutOfMemory runs the findings above where they ran out of
// memory, in a child process limited to 512 MiB: /dev/zero read whole,
// and two billion arguments from a 17-byte header handed to a solver.
func TestICCMAOutOfMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("a child reading 64 MiB of /dev/zero under a 512 MiB limit takes 1.5-2 s; runs without -short (CI's go test ./...)")
	}
	msg, rss := childtest.Run(t, 512<<20, func() error {
		zero, err := os.Open("/dev/zero")
		if err != nil {
			return err
		}
		defer zero.Close()
		_, err = (ReadOptions{MaxBytes: 64 << 20}).Read(zero, TGF)
		if !errors.Is(err, ErrInputTooLarge) {
			return fmt.Errorf("/dev/zero: %v", err)
		}
		f, err := ReadI23(strings.NewReader("p af 2000000000\n"))
		if err != nil {
			return err
		}
		Grounded(f)
		return nil
	})
	if !strings.Contains(msg, "too many arguments") {
		t.Errorf("got %q", msg)
	}
	t.Logf("%s; peak RSS %d MiB", msg, rss>>20)
}
