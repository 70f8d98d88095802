package claims

import (
	"strconv"
	"unicode/utf8"
)

// MaxQuoted is how many characters of a value [Quote] and [Cut] keep.
const MaxQuoted = 80

// Quote returns s quoted as %q quotes it, for a message about input:
// cut to its first [MaxQuoted] characters, followed by "…" and the size
// of the whole, when longer, so that a message about a 10 MB value stays
// one short line. The readers of every package quote values with it.
func Quote(s string) string {
	if head, ok := cut(s); ok {
		return strconv.Quote(head) + "… (" + strconv.Itoa(len(s)) + " bytes)"
	}
	return strconv.Quote(s)
}

// Cut returns s cut to its first [MaxQuoted] characters followed by
// "…" when longer: [Quote] for what is not quoted, such as a field path.
func Cut(s string) string {
	if head, ok := cut(s); ok {
		return head + "…"
	}
	return s
}

// cut returns the first MaxQuoted characters of s, and whether s has
// more.
func cut(s string) (string, bool) {
	if len(s) <= MaxQuoted || utf8.RuneCountInString(s) <= MaxQuoted {
		return s, false
	}
	n := 0
	for i := range s {
		if n == MaxQuoted {
			return s[:i], true
		}
		n++
	}
	return s, false
}
