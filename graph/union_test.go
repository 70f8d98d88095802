package graph_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestUnionKindsAndClashes(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.yaml": "claimgraph: 1\nentities:\n  - {id: x, name: X, kind: person}\nclaims:\n  - {id: p, text: P.}\n  - {id: q, text: Q.}\nrelations:\n  - {from: p, to: q, kind: supports}\n",
		"b.json": `{"claimgraph": 1, "claims": [{"id": "x", "text": "X."}, {"id": "p", "text": "P."}, {"id": "q", "text": "Q."}],
 "relations": [{"from": "q", "to": "p", "kind": "contradicts"}]}`,
	})
	a, b := filepath.Join(dir, "a.yaml"), filepath.Join(dir, "b.json")
	_, conflicts, err := graph.Union(a, b, graph.PreferNone)
	if !errors.Is(err, graph.ErrConflict) {
		t.Fatalf("got %v, want ErrConflict", err)
	}
	if len(conflicts) != 2 || conflicts[0].Kind != "entity/claim" || conflicts[0].A.Line != 3 || conflicts[0].B.Line != 1 || conflicts[0].Resolvable {
		t.Errorf("conflicts %+v", conflicts)
	}
	// The clash of p supports q (a) with q contradicts p (b) is a
	// conflict at both relations; items of two kinds under one ID stay
	// one whatever the preference.
	if c := conflicts[1]; c.Kind != "relation" || c.ID != "p supports q" || c.A.Line != 8 || c.B.Line != 2 || !c.Resolvable {
		t.Errorf("relation conflict %+v", c)
	}
	_, _, err = graph.Union(a, b, graph.PreferA)
	if !errors.Is(err, graph.ErrConflict) || !strings.Contains(err.Error(), `a.yaml:3:5: entity/claim "x" differs from `) {
		t.Errorf("got %v, want the kinds of x still a conflict", err)
	}
}

// TestUnionRefusesJSONLines: JSON Lines is not read as YAML (where every
// line but the first fails), but refused with a sentence that says what
// to do; JSON is read as JSON.
func TestUnionRefusesJSONLines(t *testing.T) {
	g, err := graph.Open(seedPath)
	if err != nil {
		t.Skipf("seed dataset not read: %v", err)
	}
	dir := t.TempDir()
	js, jl := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.jsonl")
	if err := g.Save(js); err != nil {
		t.Fatal(err)
	}
	if err := g.Save(jl); err != nil {
		t.Fatal(err)
	}
	if _, conflicts, err := graph.Union(js, js, graph.PreferNone); err != nil || len(conflicts) != 0 {
		t.Errorf("union of a JSON file with itself: %v, %d conflicts", err, len(conflicts))
	}
	if _, _, err := graph.Union(js, jl, graph.PreferNone); err == nil || !strings.Contains(err.Error(), "JSON Lines") {
		t.Errorf("union with a JSON Lines file: %v, want a refusal naming JSON Lines", err)
	}
}

// TestUnionLimits: ReadOptions.Union reads both files within its limits;
// Union, with the defaults, reads what fits them.
func TestUnionLimits(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.yaml": "claimgraph: 1\nclaims:\n  - {id: a, text: T}\n",
		"b.json": `{"claimgraph": 1, "claims": [{"id": "b", "text": "T"}]}`,
	})
	a, b := filepath.Join(dir, "a.yaml"), filepath.Join(dir, "b.json")
	for _, tt := range []struct {
		max  int64
		want string // in the error, "" for none
	}{
		{0, ""},
		{50, "b.json: limit exceeded: input too large: larger than 50 bytes (55 bytes)"},
		{20, "a.yaml: limit exceeded: input too large: larger than 20 bytes"},
	} {
		g, _, err := graph.ReadOptions{MaxBytes: tt.max}.Union(a, b, graph.PreferNone)
		switch {
		case tt.want == "" && (err != nil || g.Counts().Claims != 2):
			t.Errorf("MaxBytes %d: %v", tt.max, err)
		case tt.want != "" && (!errors.Is(err, graph.ErrTooLarge) || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("MaxBytes %d: got %v, want %q", tt.max, err, tt.want)
		}
	}
}

// TestUnionToFormats: UnionTo writes A's text changed when A and OUT
// are YAML (A's comment kept), and as Save writes the union otherwise: a
// JSON A, a JSON OUT, a YAML A in flow style; on a conflict it writes
// nothing.
func TestUnionToFormats(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.yaml":    "# A's comment\nclaimgraph: 1\nclaims:\n  - {id: a, text: A.}   # kept\n",
		"flow.yaml": "{claimgraph: 1, claims: [{id: a, text: A.}]}\n",
		"a.json":    `{"claimgraph": 1, "claims": [{"id": "a", "text": "A."}]}`,
		"b.yaml":    "claimgraph: 1\nclaims:\n  # B's comment\n  - {id: b, text: B.}\n",
		"c.yaml":    "claimgraph: 1\nclaims:\n  - {id: a, text: Other.}\n",
	})
	t.Chdir(dir)
	for _, tc := range []struct{ a, out, want string }{
		{"a.yaml", "o1.yaml", "# A's comment\nclaimgraph: 1\nclaims:\n  - {id: a, text: A.}   # kept\n  # B's comment\n  - {id: b, text: B.}\n"},
		{"a.yaml", "o2.json", "{\n  \"claimgraph\": 1,"},
		{"a.json", "o3.yaml", "claimgraph: 1\nclaims:\n  - id: a\n    text: A.\n  - id: b\n"},
		{"flow.yaml", "o4.yaml", "claimgraph: 1\nclaims:\n  - id: a\n    text: A.\n  - id: b\n"},
	} {
		g, _, err := graph.UnionTo(tc.a, "b.yaml", tc.out, graph.PreferNone)
		if err != nil || g.Counts().Claims != 2 {
			t.Fatalf("%s into %s: %v", tc.a, tc.out, err)
		}
		if got, _ := os.ReadFile(tc.out); !strings.HasPrefix(string(got), tc.want) {
			t.Errorf("%s into %s:\n%s\nwant it to begin\n%s", tc.a, tc.out, got, tc.want)
		}
	}
	if _, _, err := graph.UnionTo("a.yaml", "c.yaml", "o5.yaml", graph.PreferNone); !errors.Is(err, graph.ErrConflict) {
		t.Errorf("got %v, want ErrConflict", err)
	}
	if _, err := os.Stat("o5.yaml"); !os.IsNotExist(err) {
		t.Errorf("o5.yaml written despite the conflict: %v", err)
	}
}

// TestUnionFieldsInFormatOrder: the fields of a conflict are listed in
// the order the format writes them, whichever file is A; they were A's
// fields, then those only B has, so swapping the files listed "text,
// appearances, review, occurred" for "text, occurred, appearances,
// review".
func TestUnionFieldsInFormatOrder(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.yaml": "claimgraph: 1\nsources:\n  - {id: s, kind: video}\nclaims:\n  - id: c\n    text: A.\n    occurred: 2025-09-03\n    appearances: [{source: s}]\n",
		"b.yaml": "claimgraph: 1\nsources:\n  - {id: s, kind: video}\nclaims:\n  - id: c\n    text: B.\n    appearances: [{source: s, quote: q}]\n    review: {status: in-progress}\n",
	})
	want := []string{"text", "occurred", "appearances", "review"}
	for _, files := range [][2]string{{"a.yaml", "b.yaml"}, {"b.yaml", "a.yaml"}} {
		_, conflicts, err := graph.Union(filepath.Join(dir, files[0]), filepath.Join(dir, files[1]), graph.PreferNone)
		if !errors.Is(err, graph.ErrConflict) || len(conflicts) != 1 {
			t.Fatalf("%v: got %v, %+v; want one conflict", files, err, conflicts)
		}
		if got := conflicts[0].Fields; !slices.Equal(got, want) {
			t.Errorf("%v: fields %q, want %q", files, got, want)
		}
	}
}
