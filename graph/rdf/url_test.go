package rdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/sources"
)

// TestURLRoundTrip: a source URL with a space was exported as an IRI
// that rapper refused ("illegal Unicode escape \u0020 in URI") and this
// package's reader too, so the tool could not read its own export. The
// graph refuses such a URL (sources.Source.Check), the importers
// percent-encode it (sources.EscapeURL), and what is left, escaped
// characters, '%', non-ASCII letters, brackets, is written as it is and
// read back the same, and rapper, when installed, accepts it.
func TestURLRoundTrip(t *testing.T) {
	raw := []string{
		"https://ex.org/kim jong un",
		"https://x.org/a b|c{d}e^f`g\\h",
		"https://ex.org/kim%20jong%20un?q=[1]&r=<2>",
		"https://de.wikipedia.org/wiki/Köln#Geschichte",
	}
	g := graph.New()
	if err := g.Apply(graph.Batch{Sources: []sources.Source{{ID: "s", Kind: sources.NewsArticle, URL: raw[0]}}}); err == nil {
		t.Fatalf("a URL with a space was accepted")
	}
	var b graph.Batch
	for i, u := range raw {
		b.Sources = append(b.Sources, sources.Source{ID: "s" + string(rune('a'+i)), Kind: sources.NewsArticle, URL: sources.EscapeURL(u)})
	}
	if err := g.Apply(b); err != nil {
		t.Fatal(err)
	}
	want := held(t, g)
	for _, f := range []struct {
		syntax Syntax
		name   string
		write  func(*bytes.Buffer) error
	}{
		{NQuads, "nquads", func(w *bytes.Buffer) error { return WriteNQuads(w, g.View, Options{}) }},
		{Turtle, "turtle", func(w *bytes.Buffer) error { return WriteTurtle(w, g.View, Options{}) }},
	} {
		var buf bytes.Buffer
		if err := f.write(&buf); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(buf.String(), `\u00`) {
			t.Errorf("%s: an IRI is written with a \\u escape:\n%s", f.name, buf.String())
		}
		back, err := Read(bytes.NewReader(buf.Bytes()), f.name, f.syntax, Limits{})
		if err != nil {
			t.Fatalf("%s: the export does not read back: %v", f.name, err)
		}
		if got := held(t, back); got != want {
			t.Errorf("%s: read back\n%s\nwant\n%s", f.name, got, want)
		}
		rapper(t, f.name, buf.Bytes())
	}
}

// rapper has Raptor parse data in syntax, failing the test on any error
// or warning; it skips, saying so, when rapper is not installed.
func rapper(t *testing.T, syntax string, data []byte) {
	t.Helper()
	prog, err := exec.LookPath("rapper")
	if err != nil {
		t.Log("rapper not installed (Debian package raptor2-utils): not checked by an independent parser: ", err)
		return
	}
	path := filepath.Join(t.TempDir(), "out")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(prog, "-i", syntax, "-c", path)
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil || strings.Contains(stderr.String(), "Error") || strings.Contains(stderr.String(), "Warning") {
		t.Errorf("rapper %s: %v\n%s", syntax, err, stderr.String())
	}
}
