package imports

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// slowForms are the forms of a tag as untagSlow tries them.
func slowForms(tag string) []string { return []string{"#(" + tag + ")", "#" + tag} }

// trimSlow is the first half of untagSlow, which untagTraced shares: the
// text trimmed, then the tag forms at its end taken off, one pass over
// the tags after another until a pass takes none.
func trimSlow(text string, tags []string) string {
	text = strings.TrimSpace(text)
	for trimmed := true; trimmed; {
		trimmed = false
		for _, tag := range tags {
			for _, f := range slowForms(tag) {
				if strings.HasSuffix(text, f) {
					text, trimmed = strings.TrimSpace(strings.TrimSuffix(text, f)), true
				}
			}
		}
	}
	return text
}

// untagSlow is untag as it was when a statement of 50,000 tags took 41 s
// (one pass over the text for each tag form, and one pass over the tags
// for each tag trimmed from the end): the reference untag is compared
// with. Do not change what it does (its first half is trimSlow).
func untagSlow(text string, tags []string) string {
	text = trimSlow(text, tags)
	for _, tag := range tags {
		for _, f := range slowForms(tag) {
			text = replaceTagSlow(text, f, tag)
		}
	}
	return strings.Join(strings.Fields(text), " ")
}

// replaceTagSlow is replaceTag as untagSlow had it.
func replaceTagSlow(text, f, tag string) string {
	var out strings.Builder
	for {
		i := strings.Index(text, f)
		if i < 0 {
			break
		}
		next, _ := utf8.DecodeRuneInString(text[i+len(f):])
		whole := f[1] == '(' || !(unicode.IsLetter(next) || unicode.IsDigit(next) || next == '-' || next == '_')
		out.WriteString(text[:i])
		if whole {
			out.WriteString(tag)
		} else {
			out.WriteString(f)
		}
		text = text[i+len(f):]
	}
	out.WriteString(text)
	return out.String()
}

// untagTraced returns what untagSlow does (without its panic: see
// TestUntagEmptyTag), and whether the result is one a single pass over
// the text can give: false when untagSlow found a tag form in, or read
// the rune after one from, text that an earlier tag's replacement wrote
// or took away (#x #(a) y, tags a and "x a y", reads "x a y": "#x a y"
// is a tag only once #(a) is replaced), or when forms found in the
// trimmed text overlap without starting together (tags a#b and b in
// "#a#b c": whichever comes first in tags hides the other).
func untagTraced(text string, tags []string) (string, bool) {
	text = trimSlow(text, tags)
	clean := true
	// Occurrences in the trimmed text, as [start, end) pairs.
	type span struct{ i, j int }
	var spans []span
	for _, tag := range tags {
		for _, f := range slowForms(tag) {
			for i := 0; ; i++ {
				k := strings.Index(text[i:], f)
				if k < 0 {
					break
				}
				i += k
				spans = append(spans, span{i, i + len(f)})
			}
		}
	}
	for _, a := range spans {
		for _, b := range spans {
			if a.i < b.i && b.i < a.j {
				clean = false
			}
		}
	}
	// Each byte with its offset in the trimmed text, -1 if written by a
	// replacement.
	type tb struct {
		b byte
		o int
	}
	cur := make([]tb, len(text))
	for i := range len(text) {
		cur[i] = tb{text[i], i}
	}
	str := func(x []tb) string {
		var s strings.Builder
		for _, c := range x {
			s.WriteByte(c.b)
		}
		return s.String()
	}
	for _, tag := range tags {
		for _, f := range slowForms(tag) {
			var out []tb
			rest := cur
			for {
				i := strings.Index(str(rest), f)
				if i < 0 {
					break
				}
				m, after := rest[i:i+len(f)], rest[i+len(f):]
				for k, c := range m {
					if c.o < 0 || c.o != m[0].o+k {
						clean = false
					}
				}
				next, _ := utf8.DecodeRuneInString(str(after))
				plain := len(f) < 2 || f[1] != '('
				if plain && (len(after) == 0 && m[0].o+len(f) != len(text) || len(after) > 0 && after[0].o != m[0].o+len(f)) {
					clean = false // the rune after is not the one that followed
				}
				whole := !plain || !(unicode.IsLetter(next) || unicode.IsDigit(next) || next == '-' || next == '_')
				out = append(out, rest[:i]...)
				if whole {
					for k := range len(tag) {
						out = append(out, tb{tag[k], -1})
					}
				} else {
					out = append(out, m...)
				}
				rest = after
			}
			cur = append(out, rest...)
		}
	}
	return strings.Join(strings.Fields(str(cur)), " "), clean
}

// call returns f(text, tags), or "PANIC" if it panics.
func call(f func(string, []string) string, text string, tags []string) (s string) {
	defer func() {
		if recover() != nil {
			s = "PANIC"
		}
	}()
	return f(text, tags)
}

// untagCase returns a random text and tags for seed: words, tags with
// and without spaces, #, brackets and parentheses, prefixes of one
// another, repeated, in the middle of the text and at its end, in either
// form, glued to words and punctuation or spaced out, unicode.
func untagCase(seed uint64) (string, []string) {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	words := []string{"a", "ab", "abc", "b", "x", "video", "videos", "visit", "state", "Ким", "é", "日本", "1", "a-b", "a_b", "Beijing."}
	pool := append([]string{
		"", "a b", "x a", "x a y", "a#b", "#a", "b#", "a)", "(a", "(a)", "[a]", " a", "a ", "a  b",
		"state visit", "Vladimir Putin", "v", "vi", "vid", "#", "##", ")", "(", "a.", "ab c",
	}, words...)
	pick := func(s []string) string { return s[r.IntN(len(s))] }
	var tags []string
	for range r.IntN(7) {
		if r.IntN(8) == 0 {
			tags = append(tags, pool[r.IntN(len(pool)-len(words))]) // the odd ones
		} else {
			tags = append(tags, pick(pool))
		}
	}
	if len(tags) > 0 && r.IntN(3) == 0 {
		tags = append(tags, tags[r.IntN(len(tags))]) // repeated
	}
	tag := func() string {
		t := pick(pool)
		if len(tags) > 0 && r.IntN(4) != 0 {
			t = pick(tags)
		}
		if r.IntN(2) == 0 {
			return "#(" + t + ")"
		}
		return "#" + t
	}
	seps := []string{" ", " ", " ", "", "  ", "\t", "\u00a0", "\n", ".", ", "}
	var b strings.Builder
	for range r.IntN(12) {
		if r.IntN(3) == 0 {
			b.WriteString(tag())
		} else {
			b.WriteString(pick(words))
		}
		b.WriteString(pick(seps))
	}
	for range r.IntN(5) { // at the end
		if r.IntN(5) == 0 {
			b.WriteString(pick(words))
		} else {
			b.WriteString(tag())
		}
		if r.IntN(4) != 0 {
			b.WriteString(pick(seps))
		}
	}
	return b.String(), tags
}

// TestUntagMatchesSlow compares untag with untagSlow, the quadratic code
// it replaces, on many random texts: they give the same text (or both
// panic), but where untagSlow read its own replacements as tags, or
// overlapping forms hid one another (untagTraced), which no single pass
// over the text does. An empty tag, which has no form (TestUntagEmptyTag),
// is left out of untagSlow's.
func TestUntagMatchesSlow(t *testing.T) {
	n := 200_000
	if testing.Short() {
		n = 10_000
	}
	differ, cascades := 0, 0
	for seed := range uint64(n) {
		text, tags := untagCase(seed)
		rest := slices.DeleteFunc(slices.Clone(tags), func(t string) bool { return t == "" })
		want := call(untagSlow, text, rest)
		traced, clean := untagTraced(text, rest)
		if want != "PANIC" && traced != want {
			t.Fatalf("seed %d: untagTraced(%q, %q) = %q, untagSlow %q", seed, text, tags, traced, want)
		}
		if !clean {
			cascades++
		}
		if got := call(untag, text, tags); got != want {
			if clean {
				t.Errorf("seed %d: untag(%q, %q) = %q, untagSlow %q", seed, text, tags, got, want)
			}
			differ++
		}
	}
	t.Logf("%d cases, %d where untagSlow reads its own replacements (%d of them give another text)", n, cascades, differ)
	if cascades > n/5 {
		t.Errorf("%d cases of %d compared only in part: make untagCase's tags less odd", cascades, n)
	}
}

// TestUntagReference: the cases of TestUntag and odd ones, with what
// untagSlow gives.
func TestUntagReference(t *testing.T) {
	tests := []struct {
		text string
		tags []string
	}{
		{"The room was cleaned. #video #security", []string{"video", "security"}},
		{"Kim met #(Vladimir Putin) in Beijing. #(state visit)", []string{"Vladimir Putin", "state visit"}},
		{"A #video of the room.", []string{"video"}},
		{"Two #videos exist. #video", []string{"video"}},
		{"#video", []string{"video"}},
		{"No tags here.", nil},
		// Tags at the end go in any order, and again once spaces go.
		{"a #x #y #z", []string{"z", "y", "x"}},
		{"a #x #y #z", []string{"x", "y", "z"}},
		{"a #x\u00a0#y\t#z", []string{"x", "y", "z"}},
		{"a #y#z", []string{"y", "z"}},
		{"a #x #(x)", []string{"x", "x"}},
		// A tag glued to a word at the end still goes; not in the middle.
		{"word#x", []string{"x"}},
		{"word#x y", []string{"x"}},
		// Prefixes: the longer form is whole, the shorter is not.
		{"#vid #video #vi", []string{"v", "vi", "vid", "video"}},
		{"#video-clip #video_clip #video.clip", []string{"video"}},
		{"#(a b) c #a b", []string{"a", "a b"}},
		{"#(a b) c #a b", []string{"a b", "a"}},
		{"#(a) and #(a", []string{"(a", "a"}},
		{"#(a) and #(a", []string{"a", "(a"}},
		{"#Ким и #日本語 #日本", []string{"Ким", "日本"}},
		{"#é1 #é", []string{"é"}},
		{"Tagged: #(one)#(two) end", []string{"one", "two"}},
		{"   ", []string{"x"}},
		{"#x", nil},
		{"a ## b", []string{"#"}},
	}
	for _, tt := range tests {
		if got, want := untag(tt.text, tt.tags), untagSlow(tt.text, tt.tags); got != want {
			t.Errorf("untag(%q, %q) = %q, untagSlow %q", tt.text, tt.tags, got, want)
		}
	}
}

// TestUntagEmptyTag: an empty tag (Argdown writes none, but the JSON may
// hold one) made "#" a tag form, and untagSlow indexed f[1] of it: a '#'
// left in the text panicked, and so did an import of such a file. An
// empty tag has no form now: untag reads as untagSlow without it.
func TestUntagEmptyTag(t *testing.T) {
	for _, tt := range []struct {
		text string
		tags []string
	}{
		{"a # b", []string{""}},
		{"a #x b", []string{"", "x"}},
		{"a #x b", []string{"x", ""}},
		{"a #() b #", []string{""}},
	} {
		rest := slices.DeleteFunc(slices.Clone(tt.tags), func(t string) bool { return t == "" })
		if got, want := call(untag, tt.text, tt.tags), call(untagSlow, tt.text, rest); got != want {
			t.Errorf("untag(%q, %q) = %q, untagSlow without the empty tag %q", tt.text, tt.tags, got, want)
		}
	}
}

// bigStatement returns the text of a statement and its tags, n of them
// (the text about 20n bytes): half inside sentences, in either form, and
// half at its end, in the order of tags, so that untagSlow made one pass
// over the tags for each tag it took off.
func bigStatement(seed uint64, n int) (string, []string) {
	r := rand.New(rand.NewPCG(seed, 0xb16))
	words := []string{"the", "room", "was", "cleaned", "before", "Kim's", "visit", "of", "a", "video", "Beijing."}
	tags := make([]string, n)
	var b strings.Builder
	form := func(i int) string {
		if i%3 == 0 {
			tags[i] = fmt.Sprintf("tag %d", i)
			return "#(" + tags[i] + ")"
		}
		tags[i] = fmt.Sprintf("t%d", i)
		return "#" + tags[i]
	}
	for i := range n / 2 {
		for range 4 {
			b.WriteString(words[r.IntN(len(words))])
			b.WriteByte(' ')
		}
		b.WriteString(form(i))
		b.WriteByte(' ')
	}
	for i := n / 2; i < n; i++ {
		b.WriteString(form(i))
		b.WriteByte(' ')
	}
	return b.String(), tags
}

// bigArgdown returns bigStatement as an Argdown JSON document.
func bigArgdown(seed uint64, n int) string {
	text, tags := bigStatement(seed, n)
	js, err := json.Marshal(map[string]any{"statements": map[string]any{
		"A": map[string]any{"members": []any{map[string]any{"text": text, "tags": tags}}}}})
	if err != nil {
		panic(err)
	}
	return string(js)
}

// TestUntagAllocs: untag allocates a bounded multiple of its input, where
// untagSlow allocated the text once per tag form (4 GB here, 96 GB for
// the 1.5 MB of BenchmarkArgdownTags), and did a pass over the tags per
// tag at the end. Bytes, not time: cheap, and no flake on a busy machine.
func TestUntagAllocs(t *testing.T) {
	text, tags := bigStatement(1, 10_000)
	in := len(text)
	for _, tag := range tags {
		in += len(tag)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	got := untag(text, tags)
	runtime.ReadMemStats(&after)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > uint64(64*in) {
		t.Errorf("untag of %d bytes and %d tags allocates %d bytes, %d a byte; want at most 64", len(text), len(tags), alloc, alloc/uint64(in))
	}
	t.Logf("%d bytes allocated, %d a byte", after.TotalAlloc-before.TotalAlloc, (after.TotalAlloc-before.TotalAlloc)/uint64(in))
	if !testing.Short() && got != untagSlow(text, tags) {
		t.Errorf("untag of bigStatement differs from untagSlow")
	}
}

// BenchmarkArgdownTags: one statement of 1 MB and 50,000 tags, 1.5 MB of
// Argdown JSON (41 s and 96 GB allocated in untagSlow).
func BenchmarkArgdownTags(b *testing.B) {
	in := bigArgdown(1, 50_000)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadArgdown(strings.NewReader(in), "big.json"); err != nil {
			b.Fatal(err)
		}
	}
}
