package main

import (
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
