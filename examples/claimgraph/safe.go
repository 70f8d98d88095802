// Text from the input, printed to a terminal.

package main

import (
	"fmt"
	"strings"
)

// safe returns s with the control characters that a terminal would
// obey (escape sequences start with ESC, U+001B, or the C1 control
// U+009B) written out as \x1b or \u009b, so that claim text, names and
// notes from imported third-party data cannot move the cursor, recolour
// the screen or set the window title. Tabs and newlines are kept for the
// layout. The text output writes every string from the input through it
// (wrap, sourceLabel, messages); JSON output escapes them already.
func safe(s string) string {
	if strings.IndexFunc(s, isTerminalControl) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case !isTerminalControl(r):
			b.WriteRune(r)
		case r < 0x80:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

// isTerminalControl reports whether r is a C0 or C1 control character
// or DEL, other than tab and newline.
func isTerminalControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' || r >= 0x7f && r < 0xa0
}
