package truth

import (
	"html"
	"slices"
	"strings"
	"unicode"
)

// noiseTokens are words of author-list boilerplate, not names.
var noiseTokens = map[string]bool{
	"by": true, "author": true, "authors": true, "and": true, "with": true, "joint": true,
	"edited": true, "editor": true, "editors": true, "et": true, "al": true, "etc": true,
	"jr": true, "sr": true,
}

// TokenSet is a value normaliser for [ReadOptions.Normalize] that treats a
// value as a set of lower-cased name tokens, the Book data set's rule for
// comparing author lists: "Knuth, Donald E." and "Donald Knuth" both
// become "donald knuth".
//
// HTML entities are decoded ("&eacute;"), then tokens are maximal runs of
// letters, digits and apostrophes, lower-cased, that contain a letter and
// are at least two characters long: initials are dropped, since stores
// abbreviate them at will. Boilerplate words are dropped too: "by",
// "author(s)", "and", "with", "joint", "edited", "editor(s)", "et", "al",
// "etc", "jr", "sr" (stores write "By (author) Han, Jiawei", "Smith et
// al."). The result is the sorted, de-duplicated tokens joined by single
// spaces, so equal sets are one fact. Values left with no tokens ("", "0")
// and the placeholder "Not Available" give ok = false: such a line says
// nothing about the object.
func TokenSet(raw string) (value string, ok bool) {
	toks := tokens(raw)
	if len(toks) == 0 || strings.Join(toks, " ") == "available not" {
		return "", false
	}
	return strings.Join(toks, " "), true
}

// tokens returns the sorted distinct tokens of s with at least one letter.
func tokens(s string) []string {
	fields := strings.FieldsFunc(strings.ToLower(html.UnescapeString(s)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
	var out []string
	for _, f := range fields {
		f = strings.Trim(f, "'")
		if len(f) < 2 || noiseTokens[f] || strings.IndexFunc(f, unicode.IsLetter) < 0 {
			continue
		}
		out = append(out, f)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Jaccard returns |A∩B| / |A∪B| for the space-separated token sets a and b
// (such as [TokenSet] values), 1 when both are empty. With
// [Dataset.ImplyBySimilarity] it gives TruthFinder implications between
// author lists.
func Jaccard(a, b string) float64 {
	ta, tb := strings.Fields(a), strings.Fields(b)
	if len(ta) == 0 && len(tb) == 0 {
		return 1
	}
	set := make(map[string]bool, len(ta))
	for _, t := range ta {
		set[t] = true
	}
	inter, union := 0, len(set)
	seen := make(map[string]bool, len(tb))
	for _, t := range tb {
		if seen[t] {
			continue
		}
		seen[t] = true
		if set[t] {
			inter++
		} else {
			union++
		}
	}
	return float64(inter) / float64(union)
}
