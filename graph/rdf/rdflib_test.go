package rdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
)

// rdflibScript prints the number of distinct triples that rdflib reads
// from a file in a format, over all graphs.
const rdflibScript = `
import sys, rdflib
d = rdflib.Dataset()
d.parse(sys.argv[1], format=sys.argv[2])
print(len(set((s, p, o) for s, p, o, g in d.quads((None, None, None, None)))))
`

// TestRDFLib reads the N-Quads and Turtle of the test graphs, and the
// vocabulary, with rdflib (Python), an RDF parser independent of Raptor
// and of this package, and checks that it finds every statement.
func TestRDFLib(t *testing.T) {
	var py string
	var tried []string
	for _, p := range []string{"python3", "/usr/bin/python3"} {
		if path, err := exec.LookPath(p); err == nil && exec.Command(path, "-c", "import rdflib").Run() == nil {
			py = path
			break
		}
		tried = append(tried, p)
	}
	if py == "" {
		t.Skipf("no python3 with rdflib (Debian package python3-rdflib); tried %v", tried)
	}
	dir := t.TempDir()
	count := func(t *testing.T, data []byte, format string) int {
		path := filepath.Join(dir, "in")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(py, "-c", rdflibScript, path, format).CombinedOutput()
		if err != nil {
			t.Fatalf("rdflib, %s: %v\n%s", format, err, out)
		}
		n, err := strconv.Atoi(strings.TrimSpace(string(out)))
		if err != nil {
			t.Fatalf("rdflib, %s: %s", format, out)
		}
		return n
	}
	for name, g := range testGraphs(t) {
		if name == "synth" && testing.Short() {
			continue // rdflib takes seconds for it
		}
		want := len(Triples(g.View, Options{}))
		for _, f := range []struct {
			format string
			write  func(*bytes.Buffer) error
		}{
			{"nquads", func(b *bytes.Buffer) error {
				return WriteNQuads(b, g.View, Options{Base: "https://example.org/kp/", Graph: "https://example.org/g"})
			}},
			{"turtle", func(b *bytes.Buffer) error { return WriteTurtle(b, g.View, Options{}) }},
		} {
			t.Run(name+"/"+f.format, func(t *testing.T) {
				var buf bytes.Buffer
				if err := f.write(&buf); err != nil {
					t.Fatal(err)
				}
				if got := count(t, buf.Bytes(), f.format); got != want {
					t.Errorf("rdflib read %d triples, want %d", got, want)
				}
			})
		}
	}
	t.Run("vocab.ttl", func(t *testing.T) {
		want := 0
		if err := Parse(strings.NewReader(Vocabulary), "vocab.ttl", Turtle, Limits{}, func(Triple, claims.Position) error { want++; return nil }); err != nil {
			t.Fatal(err)
		}
		if got := count(t, []byte(Vocabulary), "turtle"); got != want {
			t.Errorf("rdflib read %d triples of vocab.ttl, this package's reader %d", got, want)
		}
	})
}
