package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const outFormatYAML = `claimgraph: 1
sources:
  - {id: s1, title: One, kind: news-article}
  - {id: s2, title: Two, kind: news-article}
claims:
  - {id: a, text: The staff wiped the chair., appearances: [{source: s1}]}
  - {id: b, text: The staff cleaned the chair., appearances: [{source: s2}]}
`

// readsBack checks that the graph file at path is in the format its name
// says (not YAML under another name) and that check reads it, with want
// in its summary.
func readsBack(t *testing.T, path, want string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if ext := filepath.Ext(path); ext != ".yaml" && bytes.HasPrefix(data, []byte("claimgraph: 1")) {
		t.Errorf("%s holds YAML: %.40q", filepath.Base(path), data)
	}
	code, stdout, stderr := runInterchange(t, "check", path)
	if code != 0 || !strings.Contains(stdout, want) {
		t.Errorf("check %s: exit %d, %q %q; want %q", filepath.Base(path), code, stdout, stderr, want)
	}
}

// TestGraphOutputByName: similar --apply on a .ttl or .nq file replaced
// it with YAML, and -o of similar, import and merge wrote YAML into any
// name; every file is now in the format its name says, which every
// command reads back.
func TestGraphOutputByName(t *testing.T) {
	dir := t.TempDir()
	yamlFile := writeTemp(t, "g.yaml", outFormatYAML)
	decisions := writeTemp(t, "d.json", `{"suggestions":[{"a":"a","b":"b","decision":"same_as"}]}`)
	for _, ext := range []string{".ttl", ".nq"} {
		// In place: the RDF file stays RDF.
		rdfFile := filepath.Join(dir, "g"+ext)
		format := map[string]string{".ttl": "turtle", ".nq": "nquads"}[ext]
		runCmd(t, 0, "export", yamlFile, "--format", format, "-o", rdfFile)
		runCmd(t, 0, "similar", rdfFile, "--apply", decisions)
		readsBack(t, rdfFile, "2 claims, 1 relation")
	}
	for _, ext := range []string{".ttl", ".nq", ".json", ".jsonl", ".yaml"} {
		out := filepath.Join(dir, "similar"+ext)
		runCmd(t, 0, "similar", yamlFile, "--apply", decisions, "-o", out)
		readsBack(t, out, "2 claims, 1 relation")
		out = filepath.Join(dir, "import"+ext)
		runCmd(t, 0, "import", "--from", "aif", importsTestdata("aif.json"), "-o", out)
		readsBack(t, out, "4 claims, 3 relations")
		out = filepath.Join(dir, "merge"+ext)
		runCmd(t, 0, "merge", yamlFile, yamlFile, "-o", out)
		readsBack(t, out, "2 claims, 0 relations")
	}
}

// TestEditMergeRefuseRDF: edit and merge read a .ttl or .nq file as
// YAML and failed with a YAML syntax error; they now say what they take.
func TestEditMergeRefuseRDF(t *testing.T) {
	dir := t.TempDir()
	yamlFile := writeTemp(t, "g.yaml", outFormatYAML)
	ttl := filepath.Join(dir, "g.ttl")
	runCmd(t, 0, "export", yamlFile, "--format", "turtle", "-o", ttl)
	before, _ := os.ReadFile(ttl)
	code, stdout, _ := runInterchange(t, "edit", ttl, "--remove", "a")
	if code != 1 || !strings.Contains(stdout, "edit takes YAML files") || strings.Contains(stdout, "syntax error") {
		t.Errorf("edit: exit %d, %q", code, stdout)
	}
	if after, _ := os.ReadFile(ttl); !bytes.Equal(before, after) {
		t.Error("edit changed the RDF file it refused")
	}
	out := filepath.Join(dir, "m.yaml")
	// merge writes its problems on standard error when nothing is written.
	code, _, stderr := runInterchange(t, "merge", yamlFile, ttl, "-o", out)
	if code != 2 || !strings.Contains(stderr, "files to merge are YAML or JSON") || strings.Contains(stderr, "syntax error") {
		t.Errorf("merge: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("merge wrote its output after refusing an input")
	}
}

// TestImportOutputOverReaderLimit: import read up to 256 MiB (now 128) and wrote
// a YAML file that every reader refused (a 50 MB claim text). It now
// writes nothing when the output is more than the reader of its format
// accepts: here the limits are made small with --max-bytes and
// --max-items, the defaults being too large for a short test.
func TestImportOutputOverReaderLimit(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		out  string
		args []string
		want string
	}{
		{"g.yaml", []string{"--max-bytes", "200"}, "more than the 200 bytes its reader accepts"},
		{"g.ttl", []string{"--max-bytes", "1KiB"}, "more than the 1024 bytes its reader accepts"},
		{"", []string{"--max-bytes", "200"}, "standard output: nothing written"},
		{"g.jsonl", []string{"--max-items", "6"}, "has 7 items, more than the 6"},
	} {
		out := filepath.Join(dir, tt.out)
		args := append([]string{"import", "--from", "aif", importsTestdata("aif.json")}, tt.args...)
		if tt.out != "" {
			args = append(args, "-o", out)
		}
		code, stdout, stderr := runInterchange(t, args...)
		if code != 1 || !strings.Contains(stderr, tt.want) || stdout != "" {
			t.Errorf("%s %v: exit %d, stdout %q, stderr %q; want exit 1 and %q", tt.out, tt.args, code, stdout, stderr, tt.want)
		}
		if _, err := os.Stat(out); tt.out != "" && err == nil {
			t.Errorf("%s written over the limit", tt.out)
		}
	}
}

// TestImportLongTextAtDefaults: a Fact Check claim of 17 MiB of text was
// imported into a YAML file that every reader refused (16 MiB); at the
// default limits it is refused before a byte is written, and JSON Lines
// takes it.
func TestImportLongTextAtDefaults(t *testing.T) {
	if testing.Short() {
		t.Skip("17 MiB of input: runs without -short")
	}
	in := writeTemp(t, "big.json", `{"claims": [{"text": "`+strings.Repeat("x", 17<<20)+`"}]}`)
	dir := t.TempDir()
	code, _, stderr := runInterchange(t, "import", "--from", "factcheck", in, "-o", filepath.Join(dir, "big.yaml"))
	if code != 1 || !strings.Contains(stderr, "more than the 16777216 bytes its reader accepts") {
		t.Errorf("YAML: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "big.yaml")); err == nil {
		t.Error("big.yaml written")
	}
	runCmd(t, 0, "import", "--from", "factcheck", in, "-o", filepath.Join(dir, "big.jsonl"))
	readsBack(t, filepath.Join(dir, "big.jsonl"), "1 claim")
}
