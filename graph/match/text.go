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
	words := Words(raw)
	folded := make([]string, len(words))
	for i, w := range words {
		folded[i] = Fold(w)
	}
	l := language(tag, folded)
	t := &Text{Raw: raw, Lang: l.code, l: l, chars: shingles(Fold(raw))}
	// One allocation for the three lists of word hashes.
	n := len(words)
	buf := make([]uint64, 3*n)
	t.words, t.heads, t.plain = buf[:0:n], buf[n:n:2*n], buf[2*n:2*n:3*n]
	var name []string // the words of the name being read
	endName := func() {
		if len(name) > 0 {
			t.at = append(t.at, mention{hashString(strings.Join(name, " ")), len(t.plain)})
			name = name[:0]
		}
	}
	for i, f := range folded {
		c := l.class[f]
		capital := !l.nouns && c == content && unicode.IsUpper([]rune(words[i])[0])
		if !capital {
			endName()
		}
		switch c {
		case negation:
			t.negate = appendNew(t.negate, f)
			continue
		case exclusive:
			t.exclude = appendNew(t.exclude, f)
			continue
		case ordering:
			t.order = appendNew(t.order, f)
			continue
		case stopWord:
			continue
		}
		switch {
		case isNumber(f):
			f = strings.TrimRightFunc(f, unicode.IsLetter) // "60km" is 60, "80th" is 80
			t.numbers = appendNew(t.numbers, f)
		case len(f) == 1:
			continue
		}
		s := l.stem(f)
		h := hashString(s)
		t.words = append(t.words, h)
		t.heads = append(t.heads, hashString(head(s)))
		switch {
		case capital:
			name = append(name, s)
			if i > 0 && !slices.Contains(t.names, s) { // the first word is capitalised anyway
				t.names = append(t.names, s)
				t.nameHeads = append(t.nameHeads, hashString(head(s)))
			}
		case !isNumber(f):
			t.plain = append(t.plain, h)
		}
	}
	endName()
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

// head returns the first four bytes of a word: "russia" and "russian"
// meet as "russ".
func head(w string) string { return w[:min(len(w), 4)] }
