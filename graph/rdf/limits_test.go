package rdf

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/internal/childtest"
)

// The tests of issue 15 (hostile input, round two) for the RDF readers:
// each is named after a finding and failed before the fix.

// smallest returns N-Quads of the smallest claims, three statements
// each, of about size bytes.
func smallest(size int) []byte {
	var b bytes.Buffer
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "<urn:c:%[1]d> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Claim> .\n"+
			"<urn:c:%[1]d> <https://schema.org/identifier> \"%[1]d\" .\n<urn:c:%[1]d> <https://schema.org/text> \"t\" .\n", i)
	}
	return b.Bytes()
}

// TestMaxBytes: a file over MaxBytes is refused from its size, unread; a
// stream is read to the first byte past the limit and refused there, with
// its line and column; a stream at the limit reads.
func TestMaxBytes(t *testing.T) {
	data := smallest(1000)
	path := filepath.Join(t.TempDir(), "g.nq")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, err = Read(f, path, NQuads, Limits{MaxBytes: 100})
	want := fmt.Sprintf("rdf: %s: limit exceeded: input too large: larger than 100 bytes (%d bytes); Limits.MaxBytes raises the limit", path, len(data))
	if !errors.Is(err, ErrTooLarge) || !errors.Is(err, ErrLimit) || err.Error() != want {
		t.Errorf("file: got %v, want %s", err, want)
	}
	if off, _ := f.Seek(0, 1); off != 0 {
		t.Errorf("file read to %d before it was refused", off)
	}

	// A stream, refused at the first byte past the limit: byte 101 is
	// on line 2.
	line1 := bytes.IndexByte(data, '\n') + 1
	_, err = Read(bytes.NewReader(data), "s.nq", NQuads, Limits{MaxBytes: 100})
	var pe *ParseError
	if !errors.Is(err, ErrTooLarge) || !errors.As(err, &pe) || pe.Line != 2 || pe.Column != 101-line1 ||
		!strings.Contains(err.Error(), "larger than 100 bytes; Limits.MaxBytes raises the limit") {
		t.Errorf("stream: got %v, want line 2, column %d", err, 101-line1)
	}
	for _, syntax := range []Syntax{NQuads, Turtle} {
		if _, err := ReadBatch(bytes.NewReader(data), "s", syntax, Limits{MaxBytes: int64(len(data))}); errors.Is(err, ErrTooLarge) {
			t.Errorf("syntax %d: a stream at the limit: %v", syntax, err)
		}
	}
	if _, err := Read(bytes.NewReader(data), "s.nq", NQuads, Limits{MaxBytes: int64(len(data))}); err != nil {
		t.Errorf("a stream at the limit: %v", err)
	}
}

// TestOversizeRDFOutOfMemory: the RDF readers had no size limit, only
// 100 million statements, and held every statement, ten times the input
// (N-Quads of the smallest claims): a file of 100 MB took 1 GB. Over
// DefaultMaxBytes it is now refused from its size, under a limit of
// 256 MiB. It writes the file, so not with -short.
func TestOversizeRDFOutOfMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a file of 100 MB; runs without -short")
	}
	path := filepath.Join(os.TempDir(), "claimgraph-oversize.nq")
	if !childtest.Child(t) {
		if err := os.WriteFile(path, smallest(100<<20), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Remove(path) })
	}
	msg, rss := childtest.Run(t, 256<<20, func() error {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = Read(f, path, NQuads, Limits{})
		return err
	})
	if want := fmt.Sprintf("input too large: larger than %d bytes", DefaultMaxBytes); !strings.Contains(msg, want) {
		t.Errorf("got %.200q, want %q", msg, want)
	}
	t.Logf("%.200s; peak RSS %d MiB", msg, rss>>20)
}

// TestPrefixExpansionOutOfMemory: a prefixed name stood for its
// namespace, which may be as long as a term (1 MiB), so that five bytes
// of Turtle (", p:o") made a megabyte: 2 MB of them took 400 GB. The
// names may now add 64 KiB plus 16 bytes a byte of input: under a limit
// of 512 MiB the file is refused with ErrLimit at the first name past
// the budget.
func TestPrefixExpansionOutOfMemory(t *testing.T) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "@prefix p: <http://example.org/%s/> .\np:s p:p p:o", strings.Repeat("x", 1<<20-64))
	for range 400_000 {
		b.WriteString(", p:o")
	}
	b.WriteString(" .\n")
	msg, rss := childtest.Run(t, 512<<20, func() error {
		_, err := Read(bytes.NewReader(b.Bytes()), "long.ttl", Turtle, Limits{MaxBytes: 8 << 20})
		return err
	})
	if !strings.Contains(msg, "rdf: long.ttl:2:") || !strings.Contains(msg, "limit exceeded: prefixed names expand to more than 64 KiB plus 16 bytes a byte of input") {
		t.Errorf("got %.200q, want the expansion budget at line 2", msg)
	}
	t.Logf("%.200s; peak RSS %d MiB", msg, rss>>20)
}

// TestPrefixExpansionBudget: the budget is not met by the writer's
// Turtle nor by the vocabulary, whose names are short beside their
// namespaces; a 40-byte namespace can stand in every name of a dense
// file.
func TestPrefixExpansionBudget(t *testing.T) {
	var b strings.Builder
	b.WriteString("@prefix p: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\np:s p:p p:o")
	for range 100_000 {
		b.WriteString(",p:o")
	}
	b.WriteString(" .\n")
	n := 0
	if err := Parse(strings.NewReader(b.String()), "dense.ttl", Turtle, Limits{}, func(Triple, claims.Position) error { n++; return nil }); err != nil || n != 100_001 {
		t.Errorf("dense names of a 43-byte namespace: %d statements, %v", n, err)
	}
}

// derivations returns Turtle of a source s and a source t derived from s
// n times, then given n kinds.
func derivations(n int) string {
	s := strings.Repeat(", x:s", n)[2:]
	return `@prefix schema: <https://schema.org/> .
@prefix cg: <https://claimgraph.github.io/ns#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix x: <urn:x:> .
x:s cg:sourceKind "video" ; schema:identifier "s" .
x:u cg:sourceKind "video" ; schema:identifier "u" .
x:t cg:sourceKind "video" ; schema:identifier "t" ;
 prov:wasDerivedFrom ` + s + ` ;
 cg:cites ` + s + " .\n"
}

// TestDerivationKinds: a kind (prov:wasQuotedFrom, cg:cites…) goes to
// the last derivation from its source without one. It was found by a
// search back through the derivations, so that n kinds after n
// derivations took n² steps (80,000 in 800 KB: 5.6 s; the 32 MiB
// allowed, hours); BenchmarkDerivationKinds measures it.
func TestDerivationKinds(t *testing.T) {
	doc := strings.Replace(derivations(1), "prov:wasDerivedFrom x:s ;",
		"prov:wasDerivedFrom x:s, x:u, x:s ; prov:wasQuotedFrom x:s ; cg:republishes x:u ;", 1)
	b, err := ReadBatch(strings.NewReader(doc), "d.ttl", Turtle, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range b.Sources[2].DerivedFrom {
		got = append(got, d.Source+" "+d.Kind.String())
	}
	if want := "s cites,u republishes,s quotes"; strings.Join(got, ",") != want {
		t.Errorf("derivations %q, want %q", strings.Join(got, ","), want)
	}
	doc = strings.Replace(doc, "cg:cites x:s", "cg:cites x:s, x:s", 1)
	if _, err := ReadBatch(strings.NewReader(doc), "d.ttl", Turtle, Limits{}); !errors.Is(err, ErrMapping) || !strings.Contains(err.Error(), "without prov:wasDerivedFrom before it") {
		t.Errorf("a kind too many: %v, want ErrMapping", err)
	}
}

// BenchmarkDerivationKinds: time per derivation should not grow with n.
func BenchmarkDerivationKinds(b *testing.B) {
	for _, n := range []int{5000, 20000} {
		doc := derivations(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ReadBatch(strings.NewReader(doc), "d.ttl", Turtle, Limits{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestBOM: a byte-order mark at the start is skipped, as by every
// reader; it was an "unexpected '\ufeff'" at 1:1.
func TestBOM(t *testing.T) {
	for _, syntax := range []Syntax{NQuads, Turtle} {
		doc := "\uFEFF<urn:c:1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Claim> .\n" +
			"<urn:c:1> <https://schema.org/identifier> \"1\" .\n<urn:c:1> <https://schema.org/text> \"t\" .\n"
		g, err := Read(strings.NewReader(doc), "bom", syntax, Limits{})
		if err != nil {
			t.Errorf("syntax %d: %v, want the claim", syntax, err)
		} else if _, ok := g.Claim("1"); !ok {
			t.Errorf("syntax %d: %v, want the claim", syntax, err)
		}
		// The mark takes no column: a statement is at its subject in
		// N-Quads, at its object in Turtle.
		_, err = Read(strings.NewReader(strings.Replace(doc, "#type> <https://schema.org/Claim>", "#type> \"x\"", 1)), "bom", syntax, Limits{})
		var pe *ParseError
		if col := []int{NQuads: 1, Turtle: 61}[syntax]; !errors.As(err, &pe) || pe.Line != 1 || pe.Column != col {
			t.Errorf("syntax %d: %v, want an error at 1:%d", syntax, err, col)
		}
	}
}

// TestInvalidUTF8: a byte that is not UTF-8 is an ErrSyntax at its line
// and column, as in every reader. In a literal it became U+FFFD, so that
// the graph held text the file did not; in an IRI it was "outside the
// subset read" at the IRI's start.
func TestInvalidUTF8(t *testing.T) {
	for _, c := range []struct {
		doc       string
		line, col int
	}{
		{"<urn:c:1> <https://schema.org/text> \"ab\xffc\" .\n", 1, 40},
		{"\n<urn:c:\xfe1> <https://schema.org/text> \"t\" .\n", 2, 8},
		{"# \xc3(\n", 1, 3},
		{"<urn:c:1> <https://schema.org/text> \"\uFFFD\xed\xa0\x80\" .\n", 1, 39}, // U+FFFD is a character; a surrogate is not
	} {
		for _, syntax := range []Syntax{NQuads, Turtle} {
			_, err := Read(strings.NewReader(c.doc), "u", syntax, Limits{})
			var pe *ParseError
			if !errors.As(err, &pe) || !errors.Is(err, ErrSyntax) || pe.Line != c.line || pe.Column != c.col || !strings.Contains(err.Error(), "invalid UTF-8") {
				t.Errorf("%q (syntax %d): %v, want invalid UTF-8 at %d:%d", c.doc, syntax, err, c.line, c.col)
			}
		}
	}
}

// TestRelationErrorPosition: a relation node that fails as a graph (an
// invalid confidence, a claim related to itself) is reported at its
// first statement, like an item; it had no position at all.
func TestRelationErrorPosition(t *testing.T) {
	const doc = `@prefix schema: <https://schema.org/> .
@prefix cg: <https://claimgraph.github.io/ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<urn:x:a> a schema:Claim ; schema:identifier "a" ; schema:text "t" .
<urn:x:b> a schema:Claim ; schema:identifier "b" ; schema:text "t" .
`
	for _, rel := range []string{
		`_:r a cg:Support ; cg:from <urn:x:a> ; cg:to <urn:x:b> ; cg:confidence "NaN"^^xsd:decimal .`,
		`_:r a cg:Contradiction ; cg:from <urn:x:a> ; cg:to <urn:x:a> .`,
	} {
		_, err := Read(strings.NewReader(doc+"\n"+rel+"\n"), "r.ttl", Turtle, Limits{})
		var list graph.ErrorList
		if !errors.As(err, &list) || len(list) != 1 || list[0].Position != (claims.Position{File: "r.ttl", Line: 7, Column: 7}) {
			t.Errorf("%s: %v, want one error at r.ttl:7:7", rel, err)
		}
	}
}

// TestEscapePosition: a bad escape is reported where it is, not at the
// start of its literal or IRI, which may be a megabyte before it.
func TestEscapePosition(t *testing.T) {
	for _, c := range []struct {
		doc string
		col int
	}{
		{`<urn:c:1> <https://schema.org/text> "abcdef \q" .`, 45},
		{`<urn:c:1> <https://schema.org/text> "abcdef \uD800" .`, 45},
		{`<urn:c:1> <https://schema.org/text> "abcdef \U00110000" .`, 45},
		{`<urn:c:1> <https://schema.org/te\uzzzzxt> "t" .`, 33},
	} {
		_, err := Read(strings.NewReader(c.doc), "e", NQuads, Limits{})
		var pe *ParseError
		if !errors.As(err, &pe) || !errors.Is(err, ErrSyntax) || pe.Line != 1 || pe.Column != c.col {
			t.Errorf("%s: %v, want a syntax error at 1:%d", c.doc, err, c.col)
		}
	}
}
