package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestTerminalEscapeSequences: claim text, names and notes from
// imported third-party data reached the terminal with their escape
// sequences (clearing the screen, setting the window title); the text
// output writes them out as \x1b.
func TestTerminalEscapeSequences(t *testing.T) {
	// JSON, so that the escapes can be written as \u001b.
	file := writeTemp(t, "evil.json", `{"claimgraph": 1,
"entities": [{"id": "e", "name": "Eve \u001b]0;pwned\u0007", "kind": "person"}],
"sources": [{"id": "s", "publisher": "Pub \u001b[2J", "kind": "video"}],
"claims": [{"id": "c", "text": "Text \u001b[31mred\u009b1m", "about": ["e"], "appearances": [{"source": "s", "speaker": "e", "note": "note \u001b[1A"}]}]}`)
	for _, args := range [][]string{{"about", file, "e"}, {"sources", file, "c"}, {"report", file}} {
		out := runOK(t, args...)
		if strings.ContainsAny(out, "\x1b\x07\u009b") {
			t.Errorf("%s: control characters reach the terminal:\n%q", args[0], out)
		}
		if !strings.Contains(out, `\x1b`) {
			t.Errorf("%s: the escape is not written out:\n%s", args[0], out)
		}
	}
	if got := safe("a\tb\nc\x1b[0m\u009b"); got != "a\tb\nc\\x1b[0m\\u009b" {
		t.Errorf("safe: %q", got)
	}
}

// evilReviewed is a graph whose published review holds escape
// sequences in its rating and URL, which claims.Review does not check.
const evilReviewed = `{"claimgraph": 1,
"sources": [{"id": "s", "kind": "video"}],
"claims": [{"id": "c", "text": "C", "appearances": [{"source": "s"}],
  "review": {"status": "published", "rating": "False \u001b]0;pwned\u0007", "url": "https://x.example/\u001b[2J"}},
  {"id": "d", "text": "D", "appearances": [{"source": "s"}]}],
"relations": [{"from": "d", "to": "c", "kind": "contradicts"}]}`

// runAll runs the command and returns its standard output and error
// together, whatever its exit status.
func runAll(args ...string) string {
	var out, errb bytes.Buffer
	run(args, &out, &errb)
	return out.String() + errb.String()
}

// noControls fails t when out holds a control character a terminal obeys.
func noControls(t *testing.T, what, out string) {
	t.Helper()
	if strings.ContainsAny(out, "\x1b\x07\u009b") {
		t.Errorf("%s: control characters reach the terminal:\n%q", what, out)
	}
}

// TestQueueEscapes: queue printed a published rating as it is.
func TestQueueEscapes(t *testing.T) {
	noControls(t, "queue", runAll("queue", writeTemp(t, "evil.json", evilReviewed)))
}

// TestDiffEscapes: diff printed a changed published rating as it is.
func TestDiffEscapes(t *testing.T) {
	old := writeTemp(t, "old.json", evilReviewed)
	new := writeTemp(t, "new.json", strings.Replace(evilReviewed, `"False `, `"True `, 1))
	noControls(t, "diff", runAll("diff", old, new))
}

// TestEditEscapes: edit printed the URL of a review it would drop as it
// is.
func TestEditEscapes(t *testing.T) {
	file := writeTemp(t, "evil.yaml", "claimgraph: 1\nsources: [{id: s, kind: video}]\n"+
		"claims:\n  - {id: c, text: C, appearances: [{source: s}], review: {status: published, rating: \"False\", url: \"https://x.example/\\e[2J\"}}\n")
	noControls(t, "edit", runAll("edit", file, "--remove", "c"))
}

// TestImportEscapes: import printed the publisher of a fact check and
// the names in its warnings as they are.
func TestImportEscapes(t *testing.T) {
	fc := writeTemp(t, "fc.json", `{"claims": [{"text": "T", "claimant": "C", "claimReview": [{"publisher": {"name": "P \u001b]0;pwned\u0007"},
"url": "https://x.example/", "textualRating": "False"}]}]}`)
	noControls(t, "import factcheck", runAll("import", "--from", "factcheck", fc, "-o", filepath.Join(t.TempDir(), "fc.yaml")))
	ad := writeTemp(t, "ad.json", `{"statements": {}, "arguments": {"X \u001b[2J": {"type": "argument", "relations": [], "members": []}},
"relations": [{"from": "a \u001b[31m", "to": "b", "relationType": "undercut", "fromType": "statement", "toType": "argument"}]}`)
	noControls(t, "import argdown", runAll("import", "--from", "argdown", ad, "-o", filepath.Join(t.TempDir(), "ad.yaml")))
}

// TestTrustTriplesEscapes: trust --triples printed sources, objects and
// values as they are.
func TestTrustTriplesEscapes(t *testing.T) {
	file := writeTemp(t, "evil.tsv", "s1 \x1b]0;pwned\x07\tobj \x1b[2J\tv \u009b1m\ns2\tobj \x1b[2J\tother\n")
	noControls(t, "trust", runAll("trust", "--triples", file))
}

// TestJSONEscapesC1: --json wrote DEL and the C1 controls as they are
// (encoding/json escapes only those below U+0020), and U+009B starts an
// escape sequence in a terminal as ESC [ does.
func TestJSONEscapesC1(t *testing.T) {
	file := writeTemp(t, "evil.json", `{"claimgraph": 1, "sources": [{"id": "s", "kind": "video"}],
"claims": [{"id": "c", "text": "a \u009b2J b \u0085 c \u007f d é", "appearances": [{"source": "s"}]}]}`)
	out := runOK(t, "sources", file, "c", "--json")
	if strings.ContainsAny(out, "\u009b\u0085\x7f") {
		t.Errorf("control characters reach the terminal:\n%q", out)
	}
	var doc struct{ Claim struct{ Text string } }
	if err := json.Unmarshal([]byte(out), &doc); err != nil || doc.Claim.Text != "a \u009b2J b \u0085 c \u007f d é" {
		t.Errorf("the JSON reads back as %q, %v", doc.Claim.Text, err)
	}
}
