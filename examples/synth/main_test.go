package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// TestWritesEachFormat: every format the extension names loads back to
// the same counts, and the same flags give the same bytes.
func TestWritesEachFormat(t *testing.T) {
	dir := t.TempDir()
	var want graph.Counts
	for i, name := range []string{"g.yaml", "g.json", "g.jsonl"} {
		path := filepath.Join(dir, name)
		if err := run([]string{"-claims", "200", "-o", path}, nil); err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		read := map[string]func(r *os.File) (*graph.Graph, error){
			"g.yaml":  func(r *os.File) (*graph.Graph, error) { return graph.ReadYAML(r, name) },
			"g.json":  func(r *os.File) (*graph.Graph, error) { return graph.ReadJSON(r, name) },
			"g.jsonl": func(r *os.File) (*graph.Graph, error) { return graph.ReadJSONL(r, name) },
		}[name]
		g, err := read(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if i == 0 {
			want = g.Counts()
			if want.Claims != 200 {
				t.Errorf("%d claims, want 200", want.Claims)
			}
		} else if g.Counts() != want {
			t.Errorf("%s: counts %+v, want %+v", name, g.Counts(), want)
		}
	}
	var a, b bytes.Buffer
	if err := run([]string{"-claims", "50", "-seed", "7"}, &a); err != nil {
		t.Fatal(err)
	}
	if err := run([]string{"-claims", "50", "-seed", "7"}, &b); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() || a.Len() == 0 {
		t.Error("the same flags gave different output")
	}
	if err := run([]string{"-claims", "0"}, &a); err == nil {
		t.Error("-claims 0 accepted")
	}
}
