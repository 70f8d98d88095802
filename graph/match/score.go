package match

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Kind says what a suggestion suggests.
type Kind uint8

// The kinds of suggestion.
const (
	Same          Kind = iota + 1 // the two claims state one proposition
	Contradiction                 // the two claims are about one matter and likely cannot both hold
)

// String returns "same" or "contradiction".
func (k Kind) String() string {
	switch k {
	case Same:
		return "same"
	case Contradiction:
		return "contradiction"
	}
	return fmt.Sprintf("invalid(%d)", uint8(k))
}

// Score is a scorer's judgment of a pair of claims.
type Score struct {
	Value   float64  // in [0, 1]: how sure the scorer is of Kind
	Kind    Kind     // Same or Contradiction
	Reasons []string // the evidence, in words, strongest first
	Best    [2]int   // the positions of the closest wordings in the two items
}

// Scorer judges a candidate pair of claims. Find calls it only for the
// pairs its locality-sensitive hashing brings together, possibly from
// several goroutines at once. A program can supply its own, for example
// one that compares sentence embeddings computed elsewhere and looked up
// by [Item.Claim]'s ID.
type Scorer interface {
	Score(a, b *Item) Score
}

// Lexical is the default [Scorer], dependency-free: it compares the
// wordings of two claims word by word and letter by letter, and weighs
// the names, entities, speakers, numbers and markers they share.
//
// For each pair of wordings (the claims' texts and quotes) it takes the
// Jaccard similarity of the content words (stop words dropped, stemmed;
// weight 0.35), their containment (shared words over the words of the
// shorter wording; 0.25) and the Jaccard similarity of the letter
// 4-grams (0.4), and keeps the pair with the highest sum. Two claims that
// quote the same sentence are not compared by it, as one sentence often
// states several claims; sharing it is a reason instead. Then:
//
//   - in two wordings that share four fifths of their words, names that
//     trade places among the shared words ("Russia asked North Korea"
//     against "North Korea asked Russia") multiply the value by 0.4; a
//     name on each side that the other lacks multiplies it by 0.5;
//   - a shared quoted sentence adds 0.2, a shared entity 0.05 and a
//     shared speaker 0.05, to at most 1;
//   - a negation ("not", "never"), an exclusive word ("only", "first")
//     or one of two opposite words ("before", "after") on one side only,
//     or numbers on both sides of which none is shared, make the pair a
//     likely Contradiction rather than the Same claim, with the same
//     value.
type Lexical struct{}

// Weights of the parts of the lexical similarity; they sum to 1.
const (
	weightJaccard     = 0.35
	weightContainment = 0.25
	weightChars       = 0.4
)

// wordingScore is the comparison of two wordings.
type wordingScore struct {
	value               float64
	shared, union, less int // shared words, words in either, words of the shorter
	chars               float64
}

// compareTexts compares two wordings. A pair whose value cannot reach
// floor whatever their letters share is not compared letter by letter:
// its value is then that bound, below floor.
func compareTexts(a, b *Text, floor float64) wordingScore {
	var w wordingScore
	w.shared = intersect(a.words(), b.words())
	w.union = len(a.words()) + len(b.words()) - w.shared
	w.less = min(len(a.words()), len(b.words()))
	if w.union == 0 || w.shared == 0 {
		return w
	}
	jac := float64(w.shared) / float64(w.union)
	con := float64(w.shared) / float64(w.less)
	// The Jaccard similarity of the letter groups is at most the ratio
	// of their numbers.
	na, nb := len(a.chars), len(b.chars)
	if bound := weightJaccard*jac + weightContainment*con + weightChars*float64(min(na, nb))/float64(max(na, nb)); bound < floor {
		w.value = bound
		return w
	}
	n := intersect(a.chars, b.chars)
	w.chars = float64(n) / float64(len(a.chars)+len(b.chars)-n)
	w.value = weightJaccard*jac + weightContainment*con + weightChars*w.chars
	return w
}

// intersect counts the values two sorted slices share.
func intersect[T cmp.Ordered](a, b []T) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// swapped reports whether two names of one wording trade places in the
// other, places counted by the content words they share: "Russia asked
// North Korea" against "North Korea asked Russia", but neither "X said
// that Y met Z" against "Y met Z, X said" nor "Y and Z met" against "Z and
// Y met".
func swapped(a, b *Text) bool {
	common := inOrder(a.plain(), b.plain())
	if len(common) == 0 || !slices.Equal(common, inOrder(b.plain(), a.plain())) {
		return false
	}
	sa, sb := places(a, common), places(b, common)
	// Two names trade places when one is at p in a and q in b and
	// another at q in a and p in b: O(names), by the pairs of places.
	moves := make(map[[2]int]bool, len(sa))
	for x, p := range sa {
		if q, ok := sb[x]; ok && p != q {
			moves[[2]int{p, q}] = true
		}
	}
	for m := range moves {
		if moves[[2]int{m[1], m[0]}] {
			return true
		}
	}
	return false
}

// places returns where t mentions each name, as the number of the words
// of common that come before it.
func places(t *Text, common []uint64) map[uint64]int {
	out := make(map[uint64]int, len(t.at))
	in := make(map[uint64]bool, len(common))
	for _, w := range common {
		in[w] = true
	}
	seen, n := 0, 0
	plain := t.plain()
	for _, m := range t.at {
		for ; seen < m.at && seen < len(plain); seen++ {
			if in[plain[seen]] {
				n++
			}
		}
		if _, ok := out[m.name]; !ok {
			out[m.name] = n
		}
	}
	return out
}

// inOrder returns the values of a that b has too, in a's order, each
// once. It costs O(len(a) + len(b)) beyond a few values.
func inOrder[T comparable](a, b []T) []T {
	var out []T
	if len(a)*len(b) <= 64 {
		for _, x := range a {
			if slices.Contains(b, x) && !slices.Contains(out, x) {
				out = append(out, x)
			}
		}
		return out
	}
	left := make(map[T]bool, len(b)) // the values of b not yet in out
	for _, x := range b {
		left[x] = true
	}
	for _, x := range a {
		if left[x] {
			out = append(out, x)
			delete(left, x)
		}
	}
	return out
}

// unnamed reports whether a has a name that b does not use as a word:
// for two wordings each with a name the other lacks, the one names
// someone or something the other does not. Names and words are compared
// by their first four letters, so that "Russian" meets "Russia".
func unnamed(a, b *Text) bool {
	for _, n := range a.names {
		if _, ok := slices.BinarySearch(b.heads(), n.head); !ok {
			return true
		}
	}
	return false
}

// unnamedOf returns the names of a that b does not use as words.
func unnamedOf(a, b *Text) []string {
	var out []string
	for _, n := range a.names {
		if _, ok := slices.BinarySearch(b.heads(), n.head); !ok {
			out = append(out, n.word)
		}
	}
	return out
}

// oneSided returns the markers of a that b lacks, and those of b that a
// lacks.
func oneSided(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	for _, x := range b {
		if !slices.Contains(a, x) {
			out = append(out, x)
		}
	}
	return out
}

// Score implements [Scorer].
func (x Lexical) Score(a, b *Item) Score { return x.score(a, b, true, 0) }

// score scores a against b, and gives the reasons when explain is set:
// building them costs more than the rest, and most candidate pairs fall
// below the threshold. A pair that scores below floor may get a value
// that is only a bound, below floor, and no reasons.
func (Lexical) score(a, b *Item, explain bool, floor float64) Score {
	var best wordingScore
	var s Score
	// The most that shared quotes, entities and speakers can add.
	most := 0.0
	if len(a.Wordings) > 1 && len(b.Wordings) > 1 {
		most += 0.2
	}
	if len(a.Claim.About) > 0 && len(b.Claim.About) > 0 {
		most += 0.05
	}
	if len(a.speakers) > 0 && len(b.speakers) > 0 {
		most += 0.05
	}
	var sameQuote []string // sources of a quote the two claims share
	for i, ta := range a.Wordings {
		for j, tb := range b.Wordings {
			if ta.Source != "" && tb.Source != "" && ta.Raw == tb.Raw {
				// One sentence often states several claims: sharing it
				// says the claims were said together, not that they
				// are one.
				sameQuote = appendNew(sameQuote, ta.Source)
				continue
			}
			if w := compareTexts(ta, tb, floor-most); w.value > best.value {
				best, s.Best = w, [2]int{i, j}
			}
		}
	}
	if best.value == 0 {
		return s
	}
	ta, tb := a.Wordings[s.Best[0]], b.Wordings[s.Best[1]]
	s.Kind, s.Value = Same, best.value
	var reasons []string
	why := func(f func() string) {
		if explain {
			reasons = append(reasons, f())
		}
	}
	if ta.Raw == tb.Raw {
		why(func() string { return "the same wording: " + quoteShort(ta.Raw) })
	} else {
		why(func() string {
			return fmt.Sprintf("overlapping wording: %d of %d content words shared, %.0f%% of letter groups", best.shared, best.union, 100*best.chars)
		})
	}
	bonus := 0.0
	if len(sameQuote) > 0 {
		bonus += 0.2
		why(func() string { return "both quote the same sentence of " + strings.Join(sameQuote, ", ") })
	}
	if best.shared*5 >= best.union*4 && swapped(ta, tb) {
		s.Value *= 0.4
		why(func() string { return "the same names in another order: who did what to whom may differ" })
	}
	if unnamed(ta, tb) && unnamed(tb, ta) {
		s.Value *= 0.5
		why(func() string {
			return fmt.Sprintf("different names: %s against %s", strings.Join(unnamedOf(ta, tb), ", "), strings.Join(unnamedOf(tb, ta), ", "))
		})
	}
	if ents := inOrder(a.Claim.About, b.Claim.About); len(ents) > 0 {
		bonus += 0.05
		why(func() string { return "shared entities: " + strings.Join(ents, ", ") })
	}
	if sp := inOrder(a.speakers, b.speakers); len(sp) > 0 {
		bonus += 0.05
		why(func() string { return "shared speaker: " + strings.Join(sp, ", ") })
	}
	switch nums := inOrder(ta.nums, tb.nums); {
	case len(nums) > 0:
		why(func() string { return "the same number or date: " + strings.Join(nums, ", ") })
	case len(ta.nums) > 0 && len(tb.nums) > 0:
		s.Kind = Contradiction
		why(func() string {
			return fmt.Sprintf("different numbers: %s against %s", strings.Join(ta.nums, ", "), strings.Join(tb.nums, ", "))
		})
	}
	if m := oneSided(ta.marked(negation), tb.marked(negation)); len(m) > 0 {
		s.Kind = Contradiction
		why(func() string { return fmt.Sprintf("a negation on one side only: %q", strings.Join(m, ", ")) })
	}
	if m := oneSided(ta.marked(exclusive), tb.marked(exclusive)); len(m) > 0 {
		s.Kind = Contradiction
		why(func() string { return fmt.Sprintf("%q on one side only", strings.Join(m, ", ")) })
	}
	if l := ta.l; l == tb.l && len(ta.marks) > 0 && len(tb.marks) > 0 {
		oa, ob := ta.marked(ordering), tb.marked(ordering)
		for _, w := range oa {
			if o := l.opposite[w]; slices.Contains(ob, o) && !slices.Contains(ob, w) {
				s.Kind = Contradiction
				why(func() string { return fmt.Sprintf("%q on one side, %q on the other", w, o) })
			}
		}
	}
	s.Value = min(1, s.Value+bonus)
	s.Reasons = reasons
	return s
}

// quoteShort quotes s, cut to about 60 characters.
func quoteShort(s string) string {
	if r := []rune(s); len(r) > 60 {
		s = string(r[:57]) + "…"
	}
	return fmt.Sprintf("%q", s)
}
