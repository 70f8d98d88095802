// Text from the input, printed to a terminal.

package main

import (
	"fmt"
	"io"
	"strings"
)

// safe returns s with the control characters that a terminal would
// obey (escape sequences start with ESC, U+001B, or the C1 control
// U+009B) written out as \x1b or \u009b, so that claim text, names and
// notes from imported third-party data cannot move the cursor, recolour
// the screen or set the window title. Tabs and newlines are kept for the
// layout. The text output writes every string from the input through it
// (wrap, sourceLabel, messages); --json output escapes them (jsonSafe).
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

// jsonSafe writes JSON to w with DEL and the C1 controls (U+0080 to
// U+009F) as \u escapes: encoding/json escapes only the C0 controls, and
// U+009B starts an escape sequence in a terminal as ESC [ does. They can
// only stand in strings, where the escape reads back as the character.
// Each Write must hold whole characters, as those of json.Encoder do.
type jsonSafe struct{ w io.Writer }

func (j jsonSafe) Write(p []byte) (int, error) {
	start := 0
	for i := 0; i < len(p); i++ {
		at := i
		switch {
		case p[i] == 0x7f:
		case p[i] == 0xc2 && i+1 < len(p) && p[i+1] >= 0x80 && p[i+1] < 0xa0:
			i++ // the character is p[i], as a code point
		default:
			continue
		}
		if _, err := j.w.Write(p[start:at]); err != nil {
			return start, err
		}
		if _, err := fmt.Fprintf(j.w, `\u%04x`, p[i]); err != nil {
			return at, err
		}
		start = i + 1
	}
	if _, err := j.w.Write(p[start:]); err != nil {
		return start, err
	}
	return len(p), nil
}
