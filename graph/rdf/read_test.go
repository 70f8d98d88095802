package rdf

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/synth"
	"github.com/google/go-cmp/cmp"
)

// held returns the YAML of g less what the RDF mapping does not hold:
// inference records and the notes of derivations.
func held(t *testing.T, g *graph.Graph) string {
	t.Helper()
	var b graph.Batch
	for e := range g.Entities() {
		b.Entities = append(b.Entities, e)
	}
	for s := range g.Sources() {
		s.Inferred = nil
		for i := range s.DerivedFrom {
			s.DerivedFrom[i].Note = ""
		}
		b.Sources = append(b.Sources, s)
	}
	for c := range g.Claims() {
		c.Inferred = nil
		for i := range c.Appearances {
			c.Appearances[i].Inferred = nil
		}
		b.Claims = append(b.Claims, c)
	}
	for r := range g.Relations() {
		r.Inferred = nil
		b.Relations = append(b.Relations, r)
	}
	h := graph.New()
	if err := h.Apply(b); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := h.WriteYAML(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// testGraphs are the small graph, the seed data set and the matching
// decisions when they load, and a generated graph of 300 claims (60
// under -short).
func testGraphs(t *testing.T) map[string]*graph.Graph {
	gs := map[string]*graph.Graph{"small": small(t)}
	if seed, err := graph.Load(filepath.Join("..", "..", "testdata", "kim-putin.yaml")); err == nil {
		gs["seed"] = seed
	} else {
		t.Log("seed data set not loaded: ", err)
	}
	if d, err := graph.Load(filepath.Join("..", "..", "testdata", "decisions.yaml")); err == nil {
		gs["decisions"] = d
	} else {
		t.Log("decisions data set not loaded: ", err)
	}
	// Items with IDs merged into them, which the mapping once left out
	// (cg:mergedId): a merged graph exported and read back lost its
	// aliases, and every reference to them broke.
	merged, err := graph.ReadYAML(strings.NewReader(mergedYAML), "merged.yaml")
	if err != nil {
		t.Fatal(err)
	}
	gs["merged"] = merged
	n := 300
	if testing.Short() {
		n = 60 // the same generator, a fifth of the reading and writing
	}
	gen := graph.New()
	if err := gen.Apply(synth.Generate(synth.Config{Claims: n})); err != nil {
		t.Fatal(err)
	}
	gs["synth"] = gen
	return gs
}

// mergedYAML has an entity, a source and a claim each with IDs merged
// into it.
const mergedYAML = `claimgraph: 1
entities:
  - {id: kim, name: Kim Jong Un, kind: person, merged: [kim-jong-un, kju]}
sources:
  - {id: s, title: S, kind: news-article, merged: [s-old]}
claims:
  - id: a
    text: A.
    about: [kim]
    appearances: [{source: s}]
    merged: [b, c]
`

// TestRoundTrip writes each graph as N-Quads (in a named graph, under
// another base) and as Turtle, reads it back and compares the YAML of
// what the mapping holds.
func TestRoundTrip(t *testing.T) {
	for name, g := range testGraphs(t) {
		want := held(t, g)
		for _, f := range []struct {
			syntax Syntax
			write  func(*bytes.Buffer) error
		}{
			{NQuads, func(b *bytes.Buffer) error { return WriteNQuads(b, g.View, Options{}) }},
			{NQuads, func(b *bytes.Buffer) error {
				return WriteNQuads(b, g.View, Options{Base: "https://example.org/kp/", Graph: "https://example.org/g"})
			}},
			{Turtle, func(b *bytes.Buffer) error { return WriteTurtle(b, g.View, Options{}) }},
		} {
			var buf bytes.Buffer
			if err := f.write(&buf); err != nil {
				t.Fatal(err)
			}
			back, err := Read(&buf, name, f.syntax, Limits{})
			if err != nil {
				t.Fatalf("%s, syntax %d: %v", name, f.syntax, err)
			}
			if diff := cmp.Diff(want, held(t, back)); diff != "" {
				t.Errorf("%s, syntax %d: round trip (-want +got):\n%s", name, f.syntax, diff)
			}
		}
	}
}

// TestReadErrors checks that bad input is refused with the sentinel and
// the position of the offending statement.
func TestReadErrors(t *testing.T) {
	const claim = "<urn:claimgraph:a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Claim> .\n" +
		"<urn:claimgraph:a> <https://schema.org/identifier> \"a\" .\n"
	tests := []struct {
		name   string
		syntax Syntax
		in     string
		lim    Limits
		err    error
		pos    string // LINE:COL
	}{
		{"unclosed IRI", NQuads, "<urn:a <urn:b> <urn:c> .\n", Limits{}, ErrSyntax, "1:1"},
		{"relative IRI", NQuads, "<a> <urn:b> <urn:c> .\n", Limits{}, ErrUnsupported, "1:1"},
		{"no dot", NQuads, "<urn:a> <urn:b> <urn:c>\n", Limits{}, ErrSyntax, "2:1"},
		{"five terms", NQuads, "<urn:a> <urn:b> <urn:c> <urn:d> <urn:e> .\n", Limits{}, ErrSyntax, "1:33"},
		{"literal subject", NQuads, "\"a\" <urn:b> <urn:c> .\n", Limits{}, ErrSyntax, "1:1"},
		{"bad escape", NQuads, "<urn:a> <urn:b> \"x\\q\" .\n", Limits{}, ErrSyntax, "1:19"}, // the escape, not its literal,
		{"prefixed name in N-Quads", NQuads, "<urn:a> cg:b <urn:c> .\n", Limits{}, ErrSyntax, "1:9"},
		{"language tag", Turtle, "<urn:a> <urn:b> \"x\"@en .\n", Limits{}, ErrUnsupported, "1:20"},
		{"undeclared prefix", Turtle, "<urn:a> cg:b <urn:c> .\n", Limits{}, ErrSyntax, "1:9"},
		{"collection", Turtle, "<urn:a> <urn:b> ( 1 ) .\n", Limits{}, ErrUnsupported, "1:17"},
		{"long literal", NQuads, "<urn:a> <urn:b> \"xxxxxxxxxx\" .\n", Limits{MaxTerm: 8}, ErrLimit, "1:17"},
		{"long name", Turtle, "@prefix cg: <urn:c#> .\n<urn:a> cg:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb <urn:c> .\n", Limits{MaxTerm: 10}, ErrLimit, "2:9"},
		{"too many", NQuads, "<urn:a> <urn:b> <urn:c> .\n<urn:a> <urn:b> <urn:d> .\n", Limits{MaxTriples: 1}, ErrLimit, "2:1"},
		{"unknown property", NQuads, claim + "<urn:claimgraph:a> <urn:x> \"y\" .\n", Limits{}, ErrMapping, "3:1"},
		{"reference to no item", NQuads, claim + "<urn:claimgraph:a> <https://schema.org/about> <urn:claimgraph:nobody> .\n", Limits{}, ErrMapping, "3:1"},
		{"two texts", NQuads, claim + "<urn:claimgraph:a> <https://schema.org/text> \"x\" .\n<urn:claimgraph:a> <https://schema.org/text> \"y\" .\n", Limits{}, ErrMapping, "4:1"},
		{"stray node", NQuads, claim + "_:n <https://schema.org/name> \"y\" .\n", Limits{}, ErrMapping, "3:1"},
		{"bad date", NQuads, claim + "<urn:claimgraph:a> <https://claimgraph.github.io/ns#validAt> \"2024-06\"^^<http://www.w3.org/2001/XMLSchema#date> .\n", Limits{}, ErrMapping, "3:1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tt.in), "in", tt.syntax, tt.lim)
			if !errors.Is(err, tt.err) {
				t.Fatalf("error %v, want %v", err, tt.err)
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %T, want *ParseError", err)
			}
			want := claims.Position{File: "in"}
			if got := pe.Position.String(); got != "in:"+tt.pos {
				t.Errorf("position %s, want %s:%s", got, want.File, tt.pos)
			}
		})
	}
}

// TestReadInvalidGraph checks that a graph that fails validation gets
// the position of the item from the input.
func TestReadInvalidGraph(t *testing.T) {
	in := "<urn:claimgraph:a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Claim> .\n" +
		"<urn:claimgraph:a> <https://schema.org/identifier> \"a\" .\n"
	_, err := Read(strings.NewReader(in), "in", NQuads, Limits{})
	var list graph.ErrorList
	if !errors.As(err, &list) || len(list) == 0 {
		t.Fatalf("error %v, want a graph.ErrorList (a claim without text)", err)
	}
	if got := list[0].Position.String(); got != "in:1:1" {
		t.Errorf("position %q, want in:1:1", got)
	}
}

// FuzzRead checks that no input makes the readers panic, and that what
// they accept writes and reads back to the same graph.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"small.nq", "small-graph.nq", "small.ttl"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, strings.HasSuffix(name, ".ttl"))
	}
	f.Add([]byte(Vocabulary), true)
	f.Fuzz(func(t *testing.T, in []byte, turtle bool) {
		syntax := NQuads
		if turtle {
			syntax = Turtle
		}
		g, err := Read(bytes.NewReader(in), "in", syntax, Limits{MaxTriples: 10_000, MaxTerm: 4096})
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := WriteNQuads(&buf, g.View, Options{}); err != nil {
			t.Fatal(err)
		}
		back, err := Read(&buf, "out", NQuads, Limits{})
		if err != nil {
			t.Fatalf("reading back what was written: %v\n%s", err, buf.String())
		}
		if diff := cmp.Diff(held(t, g), held(t, back)); diff != "" {
			t.Errorf("round trip (-first +second):\n%s", diff)
		}
	})
}

// FuzzParseLimits parses any input under small limits: no more
// statements reach the callback than MaxTriples, no term of N-Quads
// (which has no prefixes to expand) is longer than MaxTerm, an input
// is refused as over MaxBytes only when it is, and every failure is a
// *ParseError with a position.
func FuzzParseLimits(f *testing.F) {
	for _, name := range []string{"small.nq", "small.ttl"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, strings.HasSuffix(name, ".ttl"))
	}
	f.Add([]byte("<a> <b> \"a literal longer than sixteen bytes\" .\n"), false)
	f.Fuzz(func(t *testing.T, in []byte, turtle bool) {
		const maxTriples, maxTerm, maxBytes = 5, 16, 4096
		syntax := NQuads
		if turtle {
			syntax = Turtle
		}
		n := 0
		err := Parse(bytes.NewReader(in), "in", syntax, Limits{MaxTriples: maxTriples, MaxTerm: maxTerm, MaxBytes: maxBytes}, func(tr Triple, _ claims.Position) error {
			n++
			for _, term := range []Term{tr.S, tr.P, tr.O} {
				if !turtle && len(term.Value) > maxTerm {
					t.Fatalf("a term of %d bytes over a limit of %d: %q", len(term.Value), maxTerm, term.Value)
				}
			}
			return nil
		})
		if n > maxTriples {
			t.Fatalf("%d statements over a limit of %d", n, maxTriples)
		}
		if errors.Is(err, ErrTooLarge) && len(in) <= maxBytes {
			t.Fatalf("%d bytes refused as over a limit of %d: %v", len(in), maxBytes, err)
		}
		var pe *ParseError
		if err != nil && (!errors.As(err, &pe) || pe.Line < 1 || pe.Column < 1) {
			t.Fatalf("error %v (%T) without a position", err, err)
		}
	})
}
