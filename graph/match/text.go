package match

import (
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

	folded  string   // Raw folded, for character shingles
	words   []uint64 // hashes of the content words, sorted, unique
	heads   []uint64 // hashes of their first four letters, sorted, unique: "russia" meets "russian"
	bigrams []uint64 // hashes of adjacent content words, sorted, unique
	numbers []string // numbers written with digits, sorted, unique
	names   []string // capitalised words, folded and stemmed: mostly names of people, places, countries
	roles   []string // the names in order of mention, "North Korea and Russia" as one, for role swaps
	order   []string // words of time and direction ("before", "after") that reverse a claim when swapped
	negate  []string // negation markers ("not", "never")
	exclude []string // exclusivity markers ("only", "first")
}

// NewText normalises raw, a wording in the language of tag (BCP 47, such
// as "en" or "de-CH"; "" to guess from the stop words). It costs
// O(len(raw)).
func NewText(raw, tag string) *Text {
	folded := Fold(raw)
	all := Words(folded)
	l := language(tag, all)
	t := &Text{Raw: raw, folded: folded}
	t.names, t.roles = names(raw, l)
	for code, x := range langs {
		if x == l {
			t.Lang = code
		}
	}
	var prev uint64
	for i, w := range all {
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
		if len(s) > 4 {
			s = s[:4]
		}
		t.heads = append(t.heads, hashString(s))
		if i > 0 && prev != 0 {
			t.bigrams = append(t.bigrams, prev*0x9e3779b97f4a7c15^h)
		}
		prev = h
	}
	t.words = sortUnique(t.words)
	t.heads = sortUnique(t.heads)
	t.bigrams = sortUnique(t.bigrams)
	slices.Sort(t.numbers)
	return t
}

func appendNew(list []string, w string) []string {
	if slices.Contains(list, w) {
		return list
	}
	return append(list, w)
}

func sortUnique(h []uint64) []uint64 {
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

// shingles returns the hashes of the character 4-grams of the folded
// text, spaces and punctuation squeezed to one space, sorted and unique.
func (t *Text) shingles() []uint64 {
	const k = 4
	var b strings.Builder
	b.Grow(len(t.folded))
	space := true
	for _, r := range t.folded {
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
		return []uint64{hashString(s)}
	}
	out := make([]uint64, 0, len(s)-k+1)
	for i := 0; i+k <= len(s); i++ {
		out = append(out, hashString(s[i:i+k]))
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

// names returns the capitalised words of raw but the first that are not
// function words, folded and stemmed (none for a language that
// capitalises every noun), and the names, the first word too, and the names in the order of mention: adjacent
// capitalised words make one name ("north korea"), and names joined by
// "and" one group in a fixed order ("north korea+russia"), as "Russia
// and North Korea" and "North Korea and Russia" say the same.
func names(raw string, l *lang) (words, roles []string) {
	var name, group []string
	endName := func() {
		if len(name) > 0 {
			group = append(group, strings.Join(name, " "))
			name = name[:0]
		}
	}
	endGroup := func() {
		endName()
		if len(group) > 0 {
			slices.Sort(group)
			roles = appendNew(roles, strings.Join(group, "+"))
			group = group[:0]
		}
	}
	if l.nouns {
		return nil, nil
	}
	for i, w := range Words(raw) {
		f := Fold(w)
		if unicode.IsUpper([]rune(w)[0]) && !l.stop[f] && !l.negate[f] && !l.exclude[f] && l.opposite[f] == "" {
			s := l.stem(strings.ReplaceAll(f, "'", ""))
			if i > 0 { // the first word is capitalised anyway
				words = appendNew(words, s)
			}
			name = append(name, s)
			continue
		}
		if l.and[f] && len(name) > 0 {
			endName()
			continue
		}
		endGroup()
	}
	endGroup()
	return words, roles
}
