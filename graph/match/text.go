package match

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"github.com/claimgraph/claimgraph/claims"
)

// Text is one wording of a claim normalised for matching: folded, split
// into words, stop words dropped, stemmed, hashed. Make one with
// [NewText]; its fields beyond the exported ones are for the scorers of
// this package.
type Text struct {
	Raw    string // the wording as written
	Lang   string // the language normalisation used: "en", "de", "fr" or "es"
	Source string // the source of a quote; "" for the claim's own text

	l         *lang     // the language of Lang
	chars     []uint32  // hashes of the character 4-grams of Raw folded, sorted, unique
	words     []uint64  // hashes of the content words, sorted, unique
	heads     []uint64  // hashes of their first four letters, sorted, unique: "russia" meets "russian"
	numbers   []string  // numbers written with digits, sorted, unique
	names     []string  // capitalised words, folded and stemmed: mostly names of people, places, countries
	nameHeads []uint64  // hashes of the first four letters of each name, in the order of names
	at        []mention // the names, the first word too, where they are mentioned
	plain     []uint64  // hashes of the content words that are not names, in order
	order     []string  // words of time and direction ("before", "after") that reverse a claim when swapped
	negate    []string  // negation markers ("not", "never")
	exclude   []string  // exclusivity markers ("only", "first")
}

// NewText normalises raw, a wording in the language of tag (BCP 47, such
// as "en" or "de-CH"; "" to guess from the stop words). It costs
// O(len(raw)).
func NewText(raw, tag string) *Text {
	folded := Fold(raw)
	all := Words(folded)
	l := language(tag, all)
	t := &Text{Raw: raw, chars: shingles(folded)}
	t.names, t.at, t.plain = structure(raw, l)
	for _, n := range t.names {
		t.nameHeads = append(t.nameHeads, hashString(head(n)))
	}
	t.l = l
	for code, x := range langs {
		if x == l {
			t.Lang = code
		}
	}
	for _, w := range all {
		switch {
		case l.negate[w]:
			t.negate = appendNew(t.negate, w)
			continue
		case l.exclude[w]:
			t.exclude = appendNew(t.exclude, w)
			continue
		case l.opposite[w] != "":
			t.order = appendNew(t.order, w)
			continue
		case l.stop[w]:
			continue
		case isNumber(w):
			w = strings.TrimRightFunc(w, unicode.IsLetter) // "60km" is 60, "80th" is 80
			t.numbers = appendNew(t.numbers, w)
		case len(w) == 1:
			continue
		}
		s := l.stem(w)
		h := hashString(s)
		t.words = append(t.words, h)
		t.heads = append(t.heads, hashString(head(s)))
	}
	t.words = sortUnique(t.words)
	t.heads = sortUnique(t.heads)
	slices.Sort(t.numbers)
	return t
}

func appendNew(list []string, w string) []string {
	if slices.Contains(list, w) {
		return list
	}
	return append(list, w)
}

func sortUnique[T cmp.Ordered](h []T) []T {
	slices.Sort(h)
	return slices.Clip(slices.Compact(h))
}

// hashString is 64-bit FNV-1a.
func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// mix is the finaliser of SplitMix64: a cheap, well-spread permutation of
// 64-bit values.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// shingles returns the hashes of the character 4-grams of folded text,
// spaces and punctuation squeezed to one space, sorted and unique.
func shingles(folded string) []uint32 {
	const k = 4
	var b strings.Builder
	b.Grow(len(folded))
	space := true
	for _, r := range folded {
		if r == '\'' || r == '’' {
			continue
		}
		if r < 0x80 && !('a' <= r && r <= 'z' || '0' <= r && r <= '9') {
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		b.WriteRune(r)
		space = false
	}
	s := b.String()
	if len(s) < k {
		return []uint32{uint32(hashString(s))}
	}
	out := make([]uint32, 0, len(s)-k+1)
	for i := 0; i+k <= len(s); i++ {
		out = append(out, uint32(hashString(s[i:i+k])))
	}
	return sortUnique(out)
}

// Item is one claim prepared for matching: the claim and its wordings,
// the claim's text first, then each distinct quote of its appearances.
type Item struct {
	Claim    *claims.Claim
	Wordings []*Text
	speakers []string // IDs of the appearances' speakers, sorted, unique
}

// NewItem prepares claim c, its wordings in the language of tag (BCP 47;
// "" to guess each wording's language from its stop words). It costs
// O(length of the claim's text and quotes).
func NewItem(c *claims.Claim, tag string) *Item {
	it := &Item{Claim: c, Wordings: []*Text{NewText(c.Text, tag)}}
	for _, a := range c.Appearances {
		if a.Speaker != "" && !slices.Contains(it.speakers, a.Speaker) {
			it.speakers = append(it.speakers, a.Speaker)
		}
		if a.Quote == "" || slices.ContainsFunc(it.Wordings, func(t *Text) bool { return t.Raw == a.Quote }) {
			continue
		}
		t := NewText(a.Quote, tag)
		t.Source = a.Source
		it.Wordings = append(it.Wordings, t)
	}
	slices.Sort(it.speakers)
	return it
}

// mention is a name where a wording mentions it: the hash of the name
// ("north korea" for two capitalised words in a row), and the number of
// plain words before it.
type mention struct {
	name uint64
	at   int
}

// structure returns the capitalised words of raw but the first that are
// not function words, folded and stemmed (none for a language that
// capitalises every noun); the names, the first word too, where they are
// mentioned; and the hashes of the other content words in order.
func structure(raw string, l *lang) (words []string, at []mention, plain []uint64) {
	var name []string
	end := func() {
		if len(name) > 0 {
			at = append(at, mention{hashString(strings.Join(name, " ")), len(plain)})
			name = name[:0]
		}
	}
	for i, w := range Words(raw) {
		f := Fold(w)
		function := l.stop[f] || l.negate[f] || l.exclude[f] || l.opposite[f] != ""
		if !l.nouns && unicode.IsUpper([]rune(w)[0]) && !function {
			s := l.stem(strings.ReplaceAll(f, "'", ""))
			if i > 0 { // the first word is capitalised anyway
				words = appendNew(words, s)
			}
			name = append(name, s)
			continue
		}
		end()
		if !function && len(f) > 1 && !isNumber(f) {
			plain = append(plain, hashString(l.stem(f)))
		}
	}
	end()
	return words, at, plain
}

// head returns the first four bytes of a word: "russia" and "russian"
// meet as "russ".
func head(w string) string { return w[:min(len(w), 4)] }
