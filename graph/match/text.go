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
//
// A Text holds some 40 bytes per word of raw and 2 per character, a few
// hundred bytes for a sentence, so that a million claims fit in memory.
type Text struct {
	Raw    string // the wording as written
	Source string // the source of a quote; "" for the claim's own text

	l      *lang     // the language normalisation used
	chars  []uint16  // hashes of the character 4-grams of Raw folded, sorted, unique
	hashes []uint64  // words, heads and plain, end to end
	nw, nh int32     // the lengths of words and heads in hashes
	nums   []string  // numbers written with digits, sorted, unique
	names  []name    // capitalised words but the first: mostly names of people, places, countries
	at     []mention // the names, the first word too, where they are mentioned
	marks  []mark    // negations, exclusive words and words of order
}

// Lang returns the language normalisation used: "en", "de", "fr" or "es".
func (t *Text) Lang() string { return t.l.code }

// words returns the hashes of the content words, sorted, unique.
func (t *Text) words() []uint64 { return t.hashes[:t.nw] }

// heads returns the hashes of the content words' first four letters,
// sorted, unique: "russia" meets "russian".
func (t *Text) heads() []uint64 { return t.hashes[t.nw : t.nw+t.nh] }

// plain returns the hashes of the content words that are not names, in
// order.
func (t *Text) plain() []uint64 { return t.hashes[t.nw+t.nh:] }

// name is a capitalised word, folded and stemmed, and the hash of its
// first four letters.
type name struct {
	word string
	head uint64
}

// mark is a function word that can reverse a claim.
type mark struct {
	class wordClass // negation, exclusive or ordering
	word  string
}

// marked returns the words of t's marks of class c.
func (t *Text) marked(c wordClass) []string {
	var out []string
	for _, m := range t.marks {
		if m.class == c {
			out = append(out, m.word)
		}
	}
	return out
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
	t := &Text{Raw: raw, l: l, chars: shingles(Fold(raw))}
	n := len(words)
	buf := make([]uint64, 3*n) // words, heads, plain, each as long as it may be
	ws, hs, plain := buf[:0:n], buf[n:n:2*n], buf[2*n:2*n:3*n]
	var run []string // the words of the name being read
	endName := func() {
		if len(run) > 0 {
			t.at = append(t.at, mention{hashString(strings.Join(run, " ")), len(plain)})
			run = run[:0]
		}
	}
	for i, f := range folded {
		c := l.class[f]
		capital := !l.nouns && c == content && unicode.IsUpper([]rune(words[i])[0])
		if !capital {
			endName()
		}
		switch c {
		case negation, exclusive, ordering:
			if !slices.Contains(t.marks, mark{c, f}) {
				t.marks = append(t.marks, mark{c, f})
			}
			continue
		case stopWord:
			continue
		}
		switch {
		case isNumber(f):
			f = strings.TrimRightFunc(f, unicode.IsLetter) // "60km" is 60, "80th" is 80
			t.nums = append(t.nums, f)
		case len(f) == 1:
			continue
		}
		s := l.stem(f)
		h := hashString(s)
		ws = append(ws, h)
		hs = append(hs, hashString(head(s)))
		switch {
		case capital:
			run = append(run, s)
			t.names = append(t.names, name{s, hashString(head(s))})
		case !isNumber(f):
			plain = append(plain, h)
		}
	}
	endName()
	ws, hs = sortUnique(ws), sortUnique(hs)
	t.nums, t.names = sortUnique(t.nums), firstEach(t.names)
	// Keep the three lists in one array of their size: buf was sized for
	// every word, stop words too.
	t.hashes = make([]uint64, 0, len(ws)+len(hs)+len(plain))
	t.hashes = append(append(append(t.hashes, ws...), hs...), plain...)
	t.nw, t.nh = int32(len(ws)), int32(len(hs))
	return t
}

// firstEach keeps the first of the names of one word, in place: O(n)
// beyond a few names, so that a long text costs O(its length).
func firstEach(ns []name) []name {
	out := ns[:0]
	if len(ns) <= 16 {
		for _, n := range ns {
			if !slices.ContainsFunc(out, func(x name) bool { return x.word == n.word }) {
				out = append(out, n)
			}
		}
		return out
	}
	seen := make(map[string]bool, len(ns))
	for _, n := range ns {
		if !seen[n.word] {
			seen[n.word] = true
			out = append(out, n)
		}
	}
	return out
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
func shingles(folded string) []uint16 {
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
		return []uint16{uint16(hashString(s))}
	}
	// 16 bits are enough: two sentences of a hundred 4-grams each share
	// about 0.15 of one by chance.
	out := make([]uint16, 0, len(s)-k+1)
	for i := 0; i+k <= len(s); i++ {
		out = append(out, uint16(hashString(s[i:i+k])))
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

// NewItem prepares claim c. Each wording is read in the language its own
// tag gives (the claim's Lang for its text, an appearance's Lang, else the
// claim's, for a quote), else in the language of tag, else in the one its
// stop words suggest. It costs O(length of the claim's text and quotes).
func NewItem(c *claims.Claim, tag string) *Item {
	tag = cmp.Or(c.Lang, tag)
	it := &Item{Claim: c, Wordings: []*Text{NewText(c.Text, tag)}}
	var quoted map[string]bool // the wordings read, for a claim of many appearances
	if len(c.Appearances) > 16 {
		quoted = map[string]bool{c.Text: true}
	}
	for _, a := range c.Appearances {
		if a.Speaker != "" {
			it.speakers = append(it.speakers, a.Speaker)
		}
		if a.Quote == "" || quoted[a.Quote] ||
			quoted == nil && slices.ContainsFunc(it.Wordings, func(t *Text) bool { return t.Raw == a.Quote }) {
			continue
		}
		if quoted != nil {
			quoted[a.Quote] = true
		}
		t := NewText(a.Quote, cmp.Or(a.Lang, tag))
		t.Source = a.Source
		it.Wordings = append(it.Wordings, t)
	}
	it.speakers = sortUnique(it.speakers)
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
