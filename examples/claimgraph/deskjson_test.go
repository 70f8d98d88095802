package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// jsonKeys adds the keys of every object in v to keys.
func jsonKeys(v any, keys map[string]bool) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			keys[k] = true
			jsonKeys(x, keys)
		}
	case []any:
		for _, x := range v {
			jsonKeys(x, keys)
		}
	}
}

// TestDeskJSONDocumented checks that every key the desk commands print
// with --json (from their golden files, and edit's from a run) is in the
// documentation at the top of the command's source file, and that help
// lists the command.
func TestDeskJSONDocumented(t *testing.T) {
	src, err := os.ReadFile("../../graph/testdata/edit-commented.yaml")
	if err != nil {
		t.Fatal(err)
	}
	desk := filepath.Join(t.TempDir(), "desk.yaml")
	if err := os.WriteFile(desk, src, 0o644); err != nil {
		t.Fatal(err)
	}
	outputs := map[string][]string{
		"diff":  {"testdata/diff.json.golden"},
		"merge": {"testdata/merge-conflicts.json.golden", "testdata/merge-prefer-b.json.golden"},
		"queue": {"testdata/queue.json.golden"},
		"edit":  nil,
	}
	edit := runCmd(t, 0, "edit", desk, "--merge", "b:a", "--json")
	help := runOK(t, "help")
	for cmd, files := range outputs {
		texts := []string{}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(data))
		}
		if cmd == "edit" {
			texts = append(texts, edit)
		}
		keys := map[string]bool{}
		for _, text := range texts {
			var v any
			if err := json.Unmarshal([]byte(text), &v); err != nil {
				t.Fatalf("%s: %v", cmd, err)
			}
			jsonKeys(v, keys)
		}
		code, err := os.ReadFile(cmd + ".go")
		if err != nil {
			t.Fatal(err)
		}
		doc, _, _ := strings.Cut(string(code), "\npackage main")
		if !strings.Contains(doc, "With --json it prints") {
			t.Errorf("%s.go does not document its --json output", cmd)
		}
		for k := range keys {
			if !strings.Contains(doc, `"`+k+`"`) {
				t.Errorf("%s --json prints key %q, which %s.go's documentation lacks", cmd, k, cmd)
			}
		}
		if !strings.Contains(help, "\n  "+cmd+" ") {
			t.Errorf("help does not list %s", cmd)
		}
	}
}
