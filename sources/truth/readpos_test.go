package truth_test

import (
	"encoding/csv"
	"errors"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/sources/truth"
)

// positionOf returns input without its one § and the position the §
// marks, as the triples reader counts positions: a 1-based line, and a
// 1-based column in bytes of the input as written (quotes, doubled
// quotes and "\r\n" inside a quoted field counted as they are), where a
// byte-order mark at the start takes no column.
func positionOf(t *testing.T, file, input string) (string, claims.Position) {
	t.Helper()
	at := strings.Index(input, "§")
	if at < 0 || strings.Count(input, "§") != 1 {
		t.Fatalf("input %q: want exactly one §", input)
	}
	before := input[:at]
	lineStart := strings.LastIndexByte(before, '\n') + 1
	col := at - lineStart + 1
	if lineStart == 0 && strings.HasPrefix(input, "\uFEFF") {
		col -= len("\uFEFF")
	}
	pos := claims.Position{File: file, Line: 1 + strings.Count(before, "\n"), Column: col}
	return strings.Replace(input, "§", "", 1), pos
}

// TestReadTriplesPositions checks the position of every kind of error in
// inputs where a field's text differs from its bytes in the file: quoted
// fields holding commas, quotes and line ends, CRLF line ends, a
// byte-order mark, and multi-byte characters before the offending field.
// § marks where the error is, as in encoding/csv's reader tests.
func TestReadTriplesPositions(t *testing.T) {
	tests := []struct {
		name  string
		file  string
		input string
		want  error
		comma rune // ReadOptions.Comma; 0 by the file name
	}{
		// Missing field: just past the last field of the record.
		{"missing field after a multi-line quoted source", "t.csv", "\"a\nb\",o§\n", truth.ErrMissingField, 0},
		{"missing field after a multi-line quoted object", "t.csv", "s,\"a\r\nb\"§\r\n", truth.ErrMissingField, 0},
		{"missing field after doubled quotes", "t.csv", "s,\"x \"\"y\"\"\"§\n", truth.ErrMissingField, 0},
		{"missing field, CRLF", "t.csv", "s,o,v\r\ns,o§\r\n", truth.ErrMissingField, 0},
		{"missing field, carriage return at the end of input", "t.csv", "s,o§\r", truth.ErrMissingField, 0},
		{"missing field after blank lines", "t.csv", "s,o,v\n\r\n\n\"é\",ü§\n", truth.ErrMissingField, 0},
		{"missing field, BOM and multi-byte characters", "t.csv", "\uFEFF\"é, \"\"ü\"\"\",Ω§\n", truth.ErrMissingField, 0},
		{"missing field, TSV", "t.tsv", "\uFEFFé\tü§\r\n", truth.ErrMissingField, 0},
		{"missing field, multi-byte delimiter", "t.txt", "é；ü§\n", truth.ErrMissingField, '；'},

		// Empty source or object: where the field starts.
		{"empty object after a multi-line source", "t.csv", "\"a\r\nb\",§ ,v\r\n", truth.ErrEmptyField, 0},
		{"empty object after a source with commas, quotes and CRLF", "t.csv", "\"x, \"\"y\"\"\r\nz\",§,v\r\n", truth.ErrEmptyField, 0},
		{"empty quoted object after a multi-line source", "t.csv", "\"a\n\nb\",§\"\",v\n", truth.ErrEmptyField, 0},
		{"empty source after a multi-line value", "t.csv", "s,o,\"v\nw\"\n§,o,v\n", truth.ErrEmptyField, 0},
		{"empty object, BOM and multi-byte characters", "t.csv", "\uFEFF\"é, ü\",§,v\n", truth.ErrEmptyField, 0},
		{"empty object, TSV", "t.tsv", "\uFEFFé\t§\tv\n", truth.ErrEmptyField, 0},
		{"empty object, multi-byte delimiter", "t.txt", "é；§；v\n", truth.ErrEmptyField, '；'},

		// Invalid UTF-8: at the offending byte.
		{"invalid UTF-8 after doubled quotes", "t.csv", "s,o,\"a\"\"b§\xff\"\n", truth.ErrInvalidUTF8, 0},
		{"invalid UTF-8 on a later line of a quoted field", "t.csv", "s,o,\"a\r\nb§\xff\"\n", truth.ErrInvalidUTF8, 0},
		{"invalid UTF-8 after a comma in a quoted field", "t.csv", "s,\"é,ü\",\"x,\"\"y\"\",§\xffz\"\n", truth.ErrInvalidUTF8, 0},
		{"invalid UTF-8 after a valid U+FFFD", "t.csv", "s,o,\uFFFD§\xff\n", truth.ErrInvalidUTF8, 0},
		{"invalid UTF-8 after a valid U+FFFD, TSV", "t.tsv", "s\to\t\uFFFD§\xff\n", truth.ErrInvalidUTF8, 0},
		{"invalid UTF-8, BOM and multi-byte characters", "t.csv", "\uFEFF\"é\nü\",o,Ω§\xfe\n", truth.ErrInvalidUTF8, 0},

		// Errors of the CSV syntax, which encoding/csv finds.
		{"quote on a later line of a quoted field", "t.csv", "s,o,\"a\r\nb§\"x\r\n", csv.ErrQuote, 0},
		{"bare quote after a BOM", "t.csv", "\uFEFFé§\"b,o,v\n", csv.ErrBareQuote, 0},
		{"unterminated quoted field", "t.csv", "s,o,\"a\nb§", csv.ErrQuote, 0},
		// A quoted field left open is at the end of the input, past the
		// line end as the file has it: encoding/csv counts a "\r\n" as
		// one byte and drops a "\r" before the end of input.
		{"unterminated quoted field, LF at the end", "t.csv", "s,o,\"a\n§", csv.ErrQuote, 0},
		{"unterminated quoted field, CRLF at the end", "t.csv", "s,o,\"a\r\n§", csv.ErrQuote, 0},
		{"unterminated quoted field, CR at the end", "t.csv", "s,o,\"a\r§", csv.ErrQuote, 0},
		{"unterminated quoted field, empty lines at the end", "t.csv", "s,o,v\r\n\r\ns,o,\"a\r\n\n\r\n§", csv.ErrQuote, 0},
		{"unterminated quoted field after doubled quotes, BOM", "t.csv", "\uFEFFs,\"é\"\"\r\n§", csv.ErrQuote, 0},
		{"extraneous quote on a CRLF line", "t.csv", "s,o,\"a§\"x\"\r\n", csv.ErrQuote, 0},
		{"bare quote at the end of the input", "t.csv", "s,o,v\r\ns,o,a§\"", csv.ErrBareQuote, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			input, want := positionOf(t, tt.file, tt.input)
			err := truth.NewDataset().ReadTriples(strings.NewReader(input), tt.file, truth.ReadOptions{Comma: tt.comma})
			var pe *truth.ParseError
			if !errors.As(err, &pe) || !errors.Is(err, tt.want) {
				t.Fatalf("ReadTriples(%q) = %v, want a *ParseError wrapping %v", input, err, tt.want)
			}
			if pe.Position != want {
				t.Errorf("ReadTriples(%q) = %v, want it at %s", input, err, want)
			}
		})
	}
}
