package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOutNamedForItsKind: export, draw and html never write over the
// graph file they read (under its own name, another, or a link), nor
// to a file named for another kind than they write: exit 2, the message
// names the file to write instead, and the file is left as it was.
// Names of their own kind, and of no kind the commands know, are
// written.
func TestOutNamedForItsKind(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "g.yaml")
	if err := os.WriteFile(in, []byte(drawYAML), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink(in, link); err != nil {
		t.Fatal(err)
	}
	taken := filepath.Join(dir, "taken.yaml")
	jsonld := []string{"--format", "jsonld", "--review-url", "https://fc.example/", "--author", "D"}
	for _, tt := range []struct {
		args []string
		out  string
		msg  string // "" when written
	}{
		{[]string{"export", in, "--format", "turtle"}, in, "is the graph file export reads"},
		{[]string{"export", in, "--format", "json"}, filepath.Join(dir, ".", "g.yaml"), "is the graph file export reads"},
		{[]string{"export", in, "--format", "json"}, link, "is the graph file export reads"},
		{[]string{"export", in, "--format", "turtle"}, taken, "is named for YAML, and --format turtle writes Turtle: name it " + filepath.Join(dir, "taken.ttl")},
		{[]string{"export", in, "--format", "nquads"}, filepath.Join(dir, "g.ttl"), "is named for Turtle, and --format nquads writes N-Quads: name it"},
		{[]string{"export", in, "--format", "dot"}, filepath.Join(dir, "g.svg"), "is named for SVG, and --format dot writes DOT: name it"},
		{[]string{"html", in}, taken, "is named for YAML, and html writes HTML: name it " + filepath.Join(dir, "taken.html")},
		{[]string{"html", in}, link, "is the graph file html reads"},
		{[]string{"draw", in}, filepath.Join(dir, "g.jsonl"), "is named for JSON Lines, and draw writes a drawing: name it"},
		{[]string{"draw", in}, in, "is the graph file draw reads"},
		{[]string{"export", in, "--format", "turtle"}, filepath.Join(dir, "g.ttl"), ""},
		{[]string{"export", in, "--format", "nquads"}, filepath.Join(dir, "g.txt"), ""},
		{append([]string{"export", in}, jsonld...), filepath.Join(dir, "reviews.json"), ""},
		{append([]string{"export", in}, jsonld...), filepath.Join(dir, "reviews.jsonld"), ""},
		{[]string{"html", in}, filepath.Join(dir, "page.htm"), ""},
		{[]string{"draw", in}, filepath.Join(dir, "g.dot"), ""},
	} {
		if err := os.WriteFile(taken, []byte("claimgraph: 1\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		code, _, errs := runInterchange(t, append(tt.args, "-o", tt.out)...)
		if tt.msg == "" {
			if _, err := os.Stat(tt.out); code != 0 || err != nil {
				t.Errorf("%v -o %s: exit %d (%v), stderr %q; want it written", tt.args, tt.out, code, err, errs)
			}
			continue
		}
		if code != 2 || !strings.Contains(errs, tt.msg) {
			t.Errorf("%v -o %s: exit %d, stderr %q; want 2 and %q", tt.args, tt.out, code, errs, tt.msg)
		}
		if b, _ := os.ReadFile(in); string(b) != drawYAML {
			t.Fatalf("%v -o %s changed the graph file", tt.args, tt.out)
		}
		if b, _ := os.ReadFile(taken); string(b) != "claimgraph: 1\n" {
			t.Errorf("%v -o %s wrote %s", tt.args, tt.out, taken)
		}
	}
}
