package rdf

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
)

// rdflibScript prints, for each pair of arguments FILE FORMAT, the
// number of distinct triples that rdflib reads from the file, over all
// graphs: one Python process for every file, since importing rdflib
// takes seconds.
const rdflibScript = `
import sys, rdflib
args = sys.argv[1:]
for path, fmt in zip(args[::2], args[1::2]):
    d = rdflib.Dataset()
    d.parse(path, format=fmt)
    print(len(set((s, p, o) for s, p, o, g in d.quads((None, None, None, None)))))
`

// TestRDFLib reads the N-Quads and Turtle of the test graphs, and the
// vocabulary, with rdflib (Python), an RDF parser independent of Raptor
// and of this package, and checks that it finds every statement.
func TestRDFLib(t *testing.T) {
	if testing.Short() {
		t.Skip("rdflib's cross-check runs without -short: starting Python with rdflib takes most of a second; rapper's (TestRapper) runs under -short")
	}
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
	var names, args []string
	var want []int
	add := func(name, format string, data []byte, n int) {
		path := filepath.Join(dir, fmt.Sprintf("%d", len(names)))
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		names, want, args = append(names, name), append(want, n), append(args, path, format)
	}
	for name, g := range testGraphs(t) {
		if name == "synth" && testing.Short() {
			continue // rdflib takes seconds for it
		}
		n := len(Triples(g.View, Options{}))
		var nq, ttl bytes.Buffer
		if err := WriteNQuads(&nq, g.View, Options{Base: "https://example.org/kp/", Graph: "https://example.org/g"}); err != nil {
			t.Fatal(err)
		}
		if err := WriteTurtle(&ttl, g.View, Options{}); err != nil {
			t.Fatal(err)
		}
		add(name+".nq", "nquads", nq.Bytes(), n)
		add(name+".ttl", "turtle", ttl.Bytes(), n)
	}
	n := 0
	if err := Parse(strings.NewReader(Vocabulary), "vocab.ttl", Turtle, Limits{}, func(Triple, claims.Position) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	add("vocab.ttl", "turtle", []byte(Vocabulary), n)
	out, err := exec.Command(py, append([]string{"-c", rdflibScript}, args...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("rdflib: %v\n%s", err, out)
	}
	got := strings.Fields(string(out))
	if len(got) != len(names) {
		t.Fatalf("rdflib printed %q for %d files", out, len(names))
	}
	for i, name := range names {
		if c, err := strconv.Atoi(got[i]); err != nil || c != want[i] {
			t.Errorf("rdflib read %s triples from %s, want %d", got[i], name, want[i])
		}
	}
}
