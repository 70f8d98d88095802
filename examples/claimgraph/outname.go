// The file that export, draw and html write with -o: never the graph
// file they read, which they would replace with what no command reads
// as a graph, and never one whose name says another kind of file
// (export --format turtle -o g.yaml, html -o g.json), which every
// command would read as that kind. Either is a usage error, exit 2,
// before anything is read: "-o g.yaml is named for YAML, and --format
// turtle writes Turtle: name it g.ttl". The commands that write a graph
// (import, merge, similar --apply) write it in the format its name says
// (saveGraph), and edit changes a graph file in place.

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// fileKinds names the kind of file each ending the commands read or
// write stands for.
var fileKinds = map[string]string{
	".yaml": "YAML", ".yml": "YAML", ".json": "JSON", ".jsonl": "JSON Lines", ".jsonld": "JSON-LD",
	".nq": "N-Quads", ".ttl": "Turtle", ".dot": "DOT", ".gv": "DOT", ".svg": "SVG", ".png": "PNG",
	".html": "HTML", ".htm": "HTML",
}

// exportEndings lists the endings of the files each export format
// writes, the first the one suggested.
var exportEndings = map[string][]string{
	"json": {".json"}, "jsonl": {".jsonl"}, "jsonld": {".jsonld", ".json"},
	"nquads": {".nq"}, "turtle": {".ttl"}, "dot": {".dot", ".gv"},
}

// outProblem says why command cmd, reading the graph file in, may not
// write to out what it writes (what: "--format turtle writes Turtle"),
// whose endings are ok, the first the one suggested: out is in, or out
// ends in an ending fileKinds knows and ok does not hold. It returns ""
// when it may, and for no out (standard output).
func outProblem(cmd, in, out, what string, ok ...string) string {
	if out == "" {
		return ""
	}
	if sameFile(in, out) {
		return fmt.Sprintf("-o %s is the graph file %s reads, which it would replace: write to another file (edit changes a graph file in place)", out, cmd)
	}
	ext := strings.ToLower(filepath.Ext(out))
	if kind, known := fileKinds[ext]; known && !slices.Contains(ok, ext) {
		return fmt.Sprintf("-o %s is named for %s, and %s: name it %s", out, kind, what, strings.TrimSuffix(out, filepath.Ext(out))+ok[0])
	}
	return ""
}

// sameFile reports whether paths a and b name one file: the same path
// once cleaned, or, both existing, one file under two names or through
// a link.
func sameFile(a, b string) bool {
	if filepath.Clean(a) == filepath.Clean(b) {
		return true
	}
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
}
