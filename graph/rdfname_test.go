package graph

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRDFNamesRefused: Save wrote YAML into a file named .ttl or .nq,
// and Open, edit and merge read one as YAML (a syntax error at 1:1).
// Each now refuses the name with ErrFileFormat, leaving the file as it
// was, as Read refuses such a name.
func TestRDFNamesRefused(t *testing.T) {
	dir := t.TempDir()
	yamlFile := filepath.Join(dir, "g.yaml")
	if err := os.WriteFile(yamlFile, []byte("claimgraph: 1\nclaims:\n  - {id: a, text: A.}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	g, err := Open(yamlFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, ext := range []string{".ttl", ".nq"} {
		path := filepath.Join(dir, "g"+ext)
		const rdf = "<urn:claimgraph:a> <https://schema.org/identifier> \"a\" .\n"
		if err := os.WriteFile(path, []byte(rdf), 0o644); err != nil {
			t.Fatal(err)
		}
		_, openErr := Open(path)
		_, readErr := ReadOptions{}.Read(strings.NewReader(rdf), path)
		_, _, unionErr := Union(yamlFile, path, PreferNone)
		editErr := EditYAML(path, Batch{})
		for name, err := range map[string]error{
			"Save":   g.Save(path),
			"Encode": g.Encode(new(bytes.Buffer), path),
			"Open":   openErr,
			"Read":   readErr,
			"Union":  unionErr,
			"Edit":   editErr,
		} {
			if !errors.Is(err, ErrFileFormat) || !strings.Contains(err.Error(), path) {
				t.Errorf("%s %s: got %v, want ErrFileFormat naming the file", name, ext, err)
			}
		}
		if !errors.Is(editErr, ErrNotInPlace) {
			t.Errorf("Edit %s: %v does not match ErrNotInPlace", ext, editErr)
		}
		if data, _ := os.ReadFile(path); string(data) != rdf {
			t.Errorf("%s changed: %q", ext, data)
		}
	}
}
