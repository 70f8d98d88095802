package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// sideJSONFiles are the JSON side files of the commands, each with a
// document that is valid for drawYAML and the command line that reads
// it from the file named by the last argument.
var sideJSONFiles = []struct {
	name  string
	valid string
	args  func(graph, out, side string) []string
}{
	{"trust", `{"paper": 0.5}`, func(g, _, s string) []string { return []string{"verdicts", g, "--trust", s} }},
	{"decisions", `{"suggestions": [{"a": "a", "b": "d", "decision": "distinct_from"}]}`,
		func(g, out, s string) []string { return []string{"similar", g, "--apply", s, "-o", out} }},
	{"draw verdicts", `{"a": "false"}`, func(g, _, s string) []string { return []string{"draw", g, "--verdicts", s} }},
	{"review verdicts", `{"a": {"name": "False", "value": 1}}`, func(g, _, s string) []string {
		return []string{"export", g, "--format", "jsonld", "--review-url", "https://fc.example/", "--author", "FC", "--verdicts", s}
	}},
}

// TestSideJSONHeldToItsBytes: the JSON side files are read as the graph
// readers read theirs. A byte-order mark was an error in the decisions
// and verdict files ("invalid character 'ï'"); invalid UTF-8 became
// U+FFFD silently, in an ID among others; a key given twice kept its
// last value without a word (a decision given twice, the verdict of a
// claim); a value of the wrong type was reported without its line and
// column (the verdict files) and in the words of Go ("Go struct field
// similarJSON.suggestions.a of type string"); text after the document
// was left unread (export --verdicts). Each is now accepted or refused
// at its FILE:LINE:COL.
func TestSideJSONHeldToItsBytes(t *testing.T) {
	graphFile := writeTemp(t, "g.yaml", drawYAML)
	for _, f := range sideJSONFiles {
		t.Run(f.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "out.yaml")
			side := filepath.Join(dir, "side.json")
			write := func(text string) {
				t.Helper()
				if err := os.WriteFile(side, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			write("\uFEFF" + f.valid)
			if code, _, errs := runInterchange(t, f.args(graphFile, out, side)...); code != 0 {
				t.Errorf("with a byte-order mark: exit %d, stderr %q; want 0", code, errs)
			}
			// The first string of each document is at column 2 at least:
			// a byte 0xff put after its opening quote.
			at := strings.IndexByte(f.valid, '"') + 1
			bad := f.valid[:at] + "\xff" + f.valid[at:]
			refuse := func(what, text string, want ...string) {
				t.Helper()
				write(text)
				code, _, errs := runInterchange(t, f.args(graphFile, out, side)...)
				for _, w := range want {
					if code == 0 || !strings.Contains(errs, w) || strings.Contains(errs, "Go ") || strings.Contains(errs, "main.") {
						t.Errorf("%s: exit %d, stderr %q; want a problem naming %q", what, code, errs, w)
					}
				}
			}
			refuse("invalid UTF-8", bad, side+":1:"+strconv.Itoa(at+1)+": invalid UTF-8 (byte 0xff)")
			// The first key given again at the end of the same object.
			key := f.valid[at-1 : at+strings.IndexByte(f.valid[at:], '"')+1]
			end := strings.LastIndexByte(f.valid, '}')
			twice := f.valid[:end] + ", " + key + ": 1" + f.valid[end:]
			// The trust file says whose trust is given twice (trustfile.go).
			refuse("key given twice", twice, side+":1:"+strconv.Itoa(end+3)+": ", key, " given twice", "first at "+side+":1:"+strconv.Itoa(at))
			refuse("text after the document", f.valid+" x", side+":1:"+strconv.Itoa(len(f.valid)+2)+":")
		})
	}
}

// TestSideJSONTypes: a value of the wrong type in a decisions or
// verdicts file is refused at its line and column, saying the field and
// the type it wants in words of JSON.
func TestSideJSONTypes(t *testing.T) {
	graphFile := writeTemp(t, "g.yaml", drawYAML)
	for _, tt := range []struct {
		name, text, want string
		args             func(graph, out, side string) []string
	}{
		{"decisions", "{\"suggestions\": [\n  {\"a\": 5, \"b\": \"d\"}]}", ":2:9: suggestions[0].a: want a string, not a number", sideJSONFiles[1].args},
		{"draw verdicts", `{"a": ["false"]}`, ":1:7: a: want a string, not an array", sideJSONFiles[2].args},
		{"review verdicts", `{"a": {"value": "1"}}`, `:1:17: a.value: want a whole number, not a string`, sideJSONFiles[3].args},
		{"review verdicts field", `{"a": {"value": 1, "colour": "red"}}`, `:1:20: unknown field "colour"`, sideJSONFiles[3].args},
		{"review verdicts not an object", `[]`, `:1:1: want an object, not an array`, sideJSONFiles[3].args},
	} {
		side := writeTemp(t, "side.json", tt.text)
		code, _, errs := runInterchange(t, tt.args(graphFile, filepath.Join(t.TempDir(), "out.yaml"), side)...)
		if code == 0 || !strings.Contains(errs, side+tt.want) || strings.Contains(errs, "Go ") {
			t.Errorf("%s: exit %d, stderr %q; want %q", tt.name, code, errs, side+tt.want)
		}
	}
}

// TestSideJSONUnknownClaims: draw --verdicts left a key that names no
// claim unread, so that a misspelt ID drew its claim uncoloured without
// a word, and export --verdicts refused one without its place in the
// file ("claimreview: verdict for an unknown claim"). Both now refuse
// it at its line and column, saying what the ID is, and count the
// others.
func TestSideJSONUnknownClaims(t *testing.T) {
	graphFile := writeTemp(t, "g.yaml", drawYAML)
	for _, tt := range []struct {
		f    int // of sideJSONFiles
		text string
		want string
	}{
		{2, "{\"a\": \"false\",\n  \"kim\": \"x\", \"zz\": \"y\", \"paper\": \"z\"}", `:2:3: claim "kim": the ID of an entity, not of a claim (and 2 other keys naming no claim)`},
		{2, `{"a": "false", "paper": "x"}`, `:1:16: claim "paper": the ID of a source, not of a claim`},
		{3, "{\"a\": {\"value\": 1},\n \"zzz\": {\"value\": 1}}", `:2:2: claim "zzz": no such claim`},
	} {
		side := writeTemp(t, "side.json", tt.text)
		code, out, errs := runInterchange(t, sideJSONFiles[tt.f].args(graphFile, "", side)...)
		if code != 1 || !strings.Contains(errs, side+tt.want) || out != "" {
			t.Errorf("%s %s: exit %d, stdout %q, stderr %q; want 1 and %q", sideJSONFiles[tt.f].name, tt.text, code, out, errs, side+tt.want)
		}
	}
}
