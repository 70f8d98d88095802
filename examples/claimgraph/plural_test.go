package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestPlural(t *testing.T) {
	for _, tt := range []struct {
		n          int
		noun, want string
	}{
		{1, "suggestion", "1 suggestion"}, {0, "suggestion", "0 suggestions"}, {2, "suggestion", "2 suggestions"},
		{1, "entity", "1 entity"}, {3, "entity", "3 entities"}, {2, "day", "2 days"},
		{2, "match", "2 matches"}, {2, "class", "2 classes"}, {2, "box", "2 boxes"},
		{1, "independent origin", "1 independent origin"}, {5, "independent origin", "5 independent origins"},
		{-1, "link", "-1 links"},
	} {
		if got := plural(tt.n, tt.noun); got != tt.want {
			t.Errorf("plural(%d, %q) = %q, want %q", tt.n, tt.noun, got, tt.want)
		}
	}
}

// onePlural matches a count of one followed by a plural noun: "1
// suggestions". notPlural lists words ending in s that are not plurals.
var (
	onePlural = regexp.MustCompile(`(^|[^0-9.,/-])1 ([a-z]+ )?([a-z]+s)\b`)
	notPlural = map[string]bool{"is": true, "was": true, "has": true, "does": true, "holds": true, "its": true, "this": true, "as": true}
)

// onePlurals returns the "1 <noun>s" of text, one line each.
func onePlurals(text string) []string {
	var out []string
	for _, m := range onePlural.FindAllStringSubmatch(text, -1) {
		if !notPlural[m[3]] && !(m[2] != "" && notPlural[strings.TrimSpace(m[2])]) {
			out = append(out, strings.TrimSpace(m[0]))
		}
	}
	return out
}

// oneYAML has one of everything, so that every count the commands print
// can be 1.
const oneYAML = `claimgraph: 1
entities:
  - {id: kim, name: Kim, kind: person}
sources:
  - {id: wire, title: One wire, kind: wire, published: 2024-06-19}
claims:
  - {id: a, text: Kim met Putin in Beijing., about: [kim], appearances: [{source: wire, speaker: kim, date: 2024-06-19}]}
  - {id: b, text: Kim never met Putin in Beijing., appearances: [{source: wire, date: 2024-06-19}]}
relations:
  - {from: a, to: b, kind: contradicts}
`

// TestOneSuggestions: text output read "1 suggestions", "1 entities" and
// the like. No golden output and no command's text on a graph with one
// of everything holds a count of one with a plural noun.
func TestOneSuggestions(t *testing.T) {
	goldens, err := filepath.Glob("testdata/*.golden")
	if err != nil || len(goldens) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, path := range goldens {
		if strings.Contains(path, ".json.") || strings.HasSuffix(path, ".yaml.golden") {
			continue // JSON and YAML hold numbers, not phrases
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if bad := onePlurals(string(data)); len(bad) > 0 {
			t.Errorf("%s: %q", path, bad)
		}
	}
	file := writeTemp(t, "one.yaml", oneYAML)
	other := writeTemp(t, "other.yaml", strings.Replace(oneYAML, "Kim never met", "Kim did not meet", 1))
	out := filepath.Join(t.TempDir(), "merged.yaml")
	for _, args := range [][]string{
		{"check", file}, {"report", file}, {"at", file, "2024-06-19"}, {"verdicts", file}, {"trust", file},
		{"contradictions", file, "a"}, {"support", file, "a"}, {"sources", file, "a"}, {"about", file, "kim"},
		{"origins", file, "a"}, {"circular", file}, {"stale", file}, {"queue", file}, {"similar", file, "--threshold", "0.1"},
		{"diff", file, other}, {"merge", file, other, "-o", out, "--prefer", "a"},
	} {
		_, stdout, stderr := runInterchange(t, args...)
		if stdout == "" {
			t.Errorf("%v: no output; stderr %q", args, stderr)
		}
		if bad := onePlurals(stdout + stderr); len(bad) > 0 {
			t.Errorf("%v: %q in:\n%s", args, bad, stdout)
		}
	}
}
