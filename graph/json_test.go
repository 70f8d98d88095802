package graph_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/google/go-cmp/cmp"
)

// fullYAML uses every field of the format once.
const fullYAML = `claimgraph: 1
entities:
  - id: kim
    name: "Kim \"Jong\" Un \\ 김정은"
    kind: person
    aliases: [Kim Jong-un]
    wikidata: Q56226
    note: a note
    merged: [kim-old]
sources:
  - id: video
    kind: video
    published: 2025-09
  - id: paper
    title: Title
    publisher: 9News
    url: https://example.com/x
    author: Jane Doe
    published: 2025-09-04
    kind: news-article
    derived_from:
      - source: video
        kind: quotes
        note: n
    note: multi
      line
    inferred:
      - field: published
        sentence: S.
        source: video
        note: why
    merged: [paper-2]
claims:
  - id: a
    text: "Line one\nline two\ttab"
    lang: en
    about: [kim]
    statement:
      subject: kim
      predicate: wiped
      object: the chair
    valid_from: 2024
    valid_until: 2025-06-19
    appearances:
      - source: paper
        speaker: kim
        date: 2025-09-03
        quote: “verbatim”
        lang: en-GB
        via: video
        note: n
        inferred:
          - field: date
            sentence: Yesterday.
  - id: b
    text: B
    statement: {}
    still_holds: true
  - id: c
    text: C
    valid_at: 2024-06
    note: n
    inferred:
      - field: valid_at
        sentence: In June.
    merged: [c-2, c-3]
    review:
      status: published
      rating: "False"
      reviewer: Jane Doe
      date: 2025-09-05
      url: https://example.com/review/c
      evidence: 1a0s1c:0123456789ab
  - id: d
    text: D
    occurred: 2025-09-03
    appearances:
      - source: paper
        about_past: true
relations:
  - from: a
    to: b
    kind: supports
    sources: [paper]
    note: n
    confidence: 0.25
    asserted_by: editors
    valid_at: 2025
    inferred:
      - field: valid_at
        sentence: S.
  - from: c
    to: b
    kind: contradicts
    valid_from: 2024
    still_holds: true
  - from: a
    to: c
    kind: supports
    valid_until: 2025
`

// written returns what write writes: a graph's YAML or JSON.
func written(t *testing.T, write func(io.Writer) error) string {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func yamlText(t *testing.T, g *graph.Graph) string { t.Helper(); return written(t, g.WriteYAML) }

func jsonText(t *testing.T, g *graph.Graph) string { t.Helper(); return written(t, g.WriteJSON) }

// roundTrip checks YAML -> JSON -> graph -> YAML gives the YAML the graph
// was written as, and that JSON written twice is the same.
func roundTrip(t *testing.T, g *graph.Graph) {
	t.Helper()
	js := jsonText(t, g)
	back, err := graph.ReadJSON(strings.NewReader(js), "round.json")
	if err != nil {
		t.Fatalf("reading our own JSON: %v\n%s", err, js)
	}
	if diff := cmp.Diff(yamlText(t, g), yamlText(t, back)); diff != "" {
		t.Errorf("YAML after a JSON round trip (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(js, jsonText(t, back)); diff != "" {
		t.Errorf("JSON written twice (-want +got):\n%s", diff)
	}
}

func TestJSONRoundTrip(t *testing.T) {
	t.Run("every field", func(t *testing.T) {
		g, err := graph.ReadYAML(strings.NewReader(fullYAML), "full.yaml")
		if err != nil {
			t.Fatal(err)
		}
		roundTrip(t, g)
	})
	t.Run("empty graph", func(t *testing.T) { roundTrip(t, graph.New()) })
	t.Run("seed data set", func(t *testing.T) {
		seed := filepath.Join("..", "testdata", "kim-putin.yaml")
		if _, err := os.Stat(seed); err != nil {
			t.Skip("seed data set absent: ", err)
		}
		g, err := graph.Load(seed)
		if err != nil {
			t.Fatal(err)
		}
		roundTrip(t, g)
	})
}

// TestJSONShape checks the JSON of a small graph written by hand from
// the format's rules: numbers and booleans unquoted, dates quoted, empty
// fields left out, text escaped as JSON, not HTML.
func TestJSONShape(t *testing.T) {
	g := graph.New()
	err := g.Apply(graph.Batch{
		Claims: []claims.Claim{
			{ID: "a", Text: `Say "<b>" \ now`, Validity: claims.Validity{From: claims.MustDate(2024, 6, 0), Ongoing: true}},
			{ID: "b", Text: "B", Statement: &claims.Statement{}},
		},
		Relations: []claims.Relation{{From: "a", To: "b", Kind: claims.Contradicts, Confidence: 0.5}},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := `{
  "claimgraph": 1,
  "claims": [
    {
      "id": "a",
      "text": "Say \"<b>\" \\ now",
      "valid_from": "2024-06",
      "still_holds": true
    },
    {
      "id": "b",
      "text": "B",
      "statement": {}
    }
  ],
  "relations": [
    {
      "from": "a",
      "to": "b",
      "kind": "contradicts",
      "confidence": 0.5
    }
  ]
}
`
	if diff := cmp.Diff(want, jsonText(t, g)); diff != "" {
		t.Errorf("JSON (-want +got):\n%s", diff)
	}
}

// TestReadJSONErrors: positions counted by hand, 1-based, in characters.
// For example in "bad date" line 2 reads `  {"id": "a", "text": "T",
// "valid_at": "2024-13"}`: two spaces, { at 3, "id" 4-7, "a" 10-12,
// "text" 15-20, "T" 23-25, "valid_at" 28-37, and the date at 40.
func TestReadJSONErrors(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		line, col int
		sentinel  error
		msg       string
	}{
		{"empty", "  \n", 1, 1, graph.ErrSyntax, "empty document"},
		{"not JSON", "claimgraph: 1\n", 1, 1, graph.ErrSyntax, "invalid character"},
		{"bad character", "{\"claimgraph\": 1,\n  \"claims\": [x]}", 2, 14, graph.ErrSyntax, "invalid character 'x'"},
		{"truncated", "{\"claimgraph\": 1,\n  \"claims\": [", 2, 14, graph.ErrSyntax, "unexpected end"},
		{"two values", "{\"claimgraph\": 1}\n{}", 2, 1, graph.ErrSyntax, "more than one JSON value"},
		{"not an object", "[1]", 1, 1, graph.ErrSyntax, "want a mapping"},
		{"no version", "{\"claims\": []}", 1, 1, graph.ErrVersion, "missing"},
		{"version 2", "{\"claimgraph\": 2}", 1, 16, graph.ErrVersion, "2"},
		{"version as text", "{\"claimgraph\": \"1\"}", 1, 16, graph.ErrVersion, `"1"`},
		{"unknown field", "{\"claimgraph\": 1, \"claimz\": []}", 1, 19, graph.ErrUnknownField, "claimz"},
		{"duplicate key", "{\"claimgraph\": 1,\n \"claimgraph\": 1}", 2, 2, graph.ErrSyntax, "duplicate key"},
		{"bad date", "{\"claimgraph\": 1, \"claims\": [\n  {\"id\": \"a\", \"text\": \"T\", \"valid_at\": \"2024-13\"}]}", 2, 40, claims.ErrInvalidDate, "valid_at"},
		// Non-ASCII text before the error: the column counts characters.
		{"column in characters", "{\"claimgraph\": 1, \"claims\": [\n  {\"id\": \"a\", \"text\": \"Ким\", \"about\": [\"nobody\"]}]}", 2, 40, graph.ErrUnknownReference, "nobody"},
		{"unknown source", "{\"claimgraph\": 1, \"claims\": [{\"id\": \"a\", \"text\": \"T\",\n \"appearances\": [{\"source\": \"s\"}]}]}", 2, 29, graph.ErrUnknownReference, `"s"`},
		{"duplicate ID", "{\"claimgraph\": 1, \"entities\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"person\"}],\n\"claims\": [{\"id\": \"a\", \"text\": \"T\"}]}", 2, 19, graph.ErrDuplicateID, "a"},
		{"text not a string", "{\"claimgraph\": 1, \"claims\": [{\"id\": \"a\", \"text\": [1]}]}", 1, 50, graph.ErrSyntax, "want text"},
		{"deep", strings.Repeat("[", 200) + strings.Repeat("]", 200), 1, 101, graph.ErrLimit, "nested"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := graph.ReadJSON(strings.NewReader(tt.in), "in.json")
			if g != nil {
				t.Errorf("got a graph with an error")
			}
			var list graph.ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error %v (%T), want an ErrorList", err, err)
			}
			e := list[0]
			if e.File != "in.json" || e.Line != tt.line || e.Column != tt.col {
				t.Errorf("at %s:%d:%d, want in.json:%d:%d (%v)", e.File, e.Line, e.Column, tt.line, tt.col, e)
			}
			if !errors.Is(err, tt.sentinel) || !strings.Contains(e.Error(), tt.msg) {
				t.Errorf("error %q, want %v mentioning %q", e, tt.sentinel, tt.msg)
			}
			if !strings.HasPrefix(err.Error(), "graph: in.json:") {
				t.Errorf("message %q lacks the prefix and file", err)
			}
		})
	}
}

func TestReadJSONLimits(t *testing.T) {
	_, err := graph.ReadOptions{MaxBytes: 10}.ReadJSON(strings.NewReader(`{"claimgraph": 1}`), "x.json")
	if !errors.Is(err, graph.ErrLimit) {
		t.Errorf("MaxBytes 10 on 17 bytes: %v, want ErrLimit", err)
	}
	// Depth 2: the top object (1) and the claims list (2) fit, a claim (3) does not.
	_, err = graph.ReadOptions{MaxDepth: 2}.ReadJSON(strings.NewReader(`{"claimgraph": 1, "claims": [{"id": "a", "text": "T"}]}`), "x.json")
	if !errors.Is(err, graph.ErrLimit) {
		t.Errorf("MaxDepth 2: %v, want ErrLimit", err)
	}
}

func FuzzReadJSON(f *testing.F) {
	f.Add(`{"claimgraph": 1, "claims": [{"id": "a", "text": "T"}]}`)
	f.Add(`{"claimgraph": 1, "entities": [{"id": "k", "name": "K", "kind": "person", "aliases": ["x"]}]}`)
	f.Add(`[{"claimgraph": 1}`)
	f.Add("{\"claimgraph\": 1,\n \"relations\": [{\"from\": \"a\", \"to\": \"b\", \"kind\": \"supports\", \"confidence\": 2}]}")
	f.Fuzz(func(t *testing.T, in string) {
		g, err := graph.ReadJSON(strings.NewReader(in), "fuzz.json")
		if err != nil {
			wantPositioned(t, err, "fuzz.json")
			return
		}
		roundTrip(t, g)
	})
}

func ExampleReadJSON() {
	in := `{
  "claimgraph": 1,
  "claims": [
    {"id": "met", "text": "Kim and Putin met in Beijing."},
    {"id": "wiped", "text": "Kim's staff wiped the chair."}
  ],
  "relations": [{"from": "met", "to": "wiped", "kind": "supports"}]
}`
	g, err := graph.ReadJSON(strings.NewReader(in), "example.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(g.Counts().Claims, "claims,", g.Counts().Supports, "support")
	_, err = graph.ReadJSON(strings.NewReader(`{"claimgraph": 1, "claims": [{"id": "x"}]}`), "bad.json")
	fmt.Println(err)
	// Output:
	// 2 claims, 1 support
	// graph: bad.json:1:30: claim "x": text: missing required field "text"
}

// wantPositioned fails unless err is an ErrorList whose every problem has
// the file name and a 1-based position: what every reader promises, but
// for the count that ends a list cut at its limit.
func wantPositioned(t *testing.T, err error, file string) {
	t.Helper()
	var list graph.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("error of type %T: %v", err, err)
	}
	for i, e := range list {
		// A list cut at its limit (ReadOptions.MaxErrors) ends with the
		// count of the problems left out, which are not kept and have no
		// one position.
		if i > 0 && i == len(list)-1 && e.Line == 0 && errors.Is(e, graph.ErrLimit) &&
			strings.HasSuffix(e.Error(), "more problems not listed") {
			continue
		}
		if e.Line < 1 || e.Column < 1 || e.File != file {
			t.Fatalf("problem without a position: %#v", e)
		}
	}
}
