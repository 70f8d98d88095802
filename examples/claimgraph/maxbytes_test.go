package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMaxBytes: a graph file over the reader's size limit is refused
// with a sentence that names --max-bytes, which raises the limit; a bad
// size is a usage error.
func TestMaxBytes(t *testing.T) {
	data, err := os.ReadFile(miniFile)
	if err != nil {
		t.Fatal(err)
	}
	path := writeTemp(t, "seed.yaml", string(data))
	var out, errb bytes.Buffer
	if code := run([]string{"report", path, "--max-bytes", "1KiB"}, &out, &errb); code != 1 ||
		!strings.Contains(errb.String(), "input too large: larger than 1024 bytes") || !strings.Contains(errb.String(), "--max-bytes SIZE raises the limit") {
		t.Errorf("--max-bytes 1KiB: exit %d, stderr %q", code, errb.String())
	}
	errb.Reset()
	if code := run([]string{"check", path, "--max-bytes", "1KiB"}, &out, &errb); code != 1 || !strings.Contains(errb.String(), "claimgraph check: --max-bytes SIZE raises the limit") {
		t.Errorf("check --max-bytes 1KiB: exit %d, stderr %q", code, errb.String())
	}
	if out := runOK(t, "check", path, "--max-bytes", "1MiB"); !strings.Contains(out, "ok") {
		t.Errorf("--max-bytes 1MiB: %q", out)
	}
	for _, bad := range []string{"-1", "1TB", "9999999999GiB", "x"} {
		errb.Reset()
		if code := run([]string{"check", path, "--max-bytes", bad}, &out, &errb); code != 2 || !strings.Contains(errb.String(), "want a size in bytes") {
			t.Errorf("--max-bytes %s: exit %d, stderr %q", bad, code, errb.String())
		}
	}
}

// TestMaxBytesEveryReader: merge (both files, graph.Union), af (the
// framework readers) and the RDF readers took no --max-bytes: merge
// and af read with the readers' defaults whatever was given, and RDF
// had no size limit; trust --triples took it but did not name it; edit
// took it and read with the default. Each now refuses a file over
// --max-bytes with the sentence that names it, and reads it under a
// larger one (edit leaving the file as it was, then editing it).
func TestMaxBytesEveryReader(t *testing.T) {
	data, err := os.ReadFile(miniFile)
	if err != nil {
		t.Fatal(err)
	}
	yaml := writeTemp(t, "seed.yaml", string(data))
	other := writeTemp(t, "other.yaml", "claimgraph: 1\nclaims:\n  - {id: only-here, text: T}\n")
	nq := filepath.Join(t.TempDir(), "seed.nq")
	runOK(t, "export", yaml, "--format", "nquads", "-o", nq)
	apx := writeTemp(t, "ex2.apx", afExample)
	tsv := writeTemp(t, "tiny.tsv", tinyTriples)
	ed := writeTemp(t, "edit.yaml", "claimgraph: 1\nclaims:\n  - {id: a, text: A}\n  - {id: b, text: B}\n")
	for _, tt := range []struct {
		name string
		args []string
	}{
		{"merge", []string{"merge", yaml, other, "-o", filepath.Join(t.TempDir(), "out.yaml")}},
		{"af", []string{"af", "-p", "SE-GR", "-f", apx}},
		{"check", []string{"check", nq}},
		{"import", []string{"import", "--from", "nquads", nq}},
		{"trust", []string{"trust", "--triples", tsv}},
		{"edit", []string{"edit", ed, "--remove", "b"}},
	} {
		var out, errb bytes.Buffer
		want := 1
		if tt.name == "merge" {
			want = 2 // trouble with an input, not a conflict between them
		}
		if code := run(append(tt.args, "--max-bytes", "10"), &out, &errb); code != want || !strings.Contains(out.String()+errb.String(), "input too large: larger than 10 bytes") ||
			!strings.Contains(errb.String(), "claimgraph "+tt.name+": --max-bytes SIZE raises the limit") {
			t.Errorf("%s --max-bytes 10: exit %d, stdout %.200q, stderr %.300q", tt.name, code, out.String(), errb.String())
		}
		out.Reset()
		errb.Reset()
		if tt.name == "edit" {
			if data, _ := os.ReadFile(ed); !strings.Contains(string(data), "id: b") {
				t.Errorf("edit refused, yet the file changed: %q", data)
			}
		}
		if code := run(append(tt.args, "--max-bytes", "1MiB"), &out, &errb); code != 0 {
			t.Errorf("%s --max-bytes 1MiB: exit %d, stderr %.300q", tt.name, code, errb.String())
		}
	}
}

// TestMaxItems: JSON Lines over its item limit is refused with the
// sentence that names --max-items; a bad count is a usage error.
func TestMaxItems(t *testing.T) {
	jsonl := filepath.Join(t.TempDir(), "seed.jsonl")
	runOK(t, "export", miniFile, "--format", "jsonl", "-o", jsonl)
	var out, errb bytes.Buffer
	if code := run([]string{"check", jsonl, "--max-items", "2"}, &out, &errb); code != 1 || !strings.Contains(out.String(), "seed.jsonl:4:1: limit exceeded: input too large: too many items: more than 2") ||
		!strings.Contains(errb.String(), "claimgraph check: --max-items N raises the limit") {
		t.Errorf("--max-items 2: exit %d, stdout %q, stderr %q", code, out.String(), errb.String())
	}
	if out := runOK(t, "check", jsonl, "--max-items", "1000"); !strings.Contains(out, "ok") {
		t.Errorf("--max-items 1000: %q", out)
	}
	for _, bad := range []string{"-1", "x", "1MiB"} {
		errb.Reset()
		if code := run([]string{"check", jsonl, "--max-items", bad}, &out, &errb); code != 2 || !strings.Contains(errb.String(), "want a number of items") {
			t.Errorf("--max-items %s: exit %d, stderr %q", bad, code, errb.String())
		}
	}
}
