package match

import (
	"cmp"
	"slices"
	"sync"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/internal/parts"
)

// DefaultThreshold is the score from which [Find] suggests a pair unless
// [Options.Threshold] says otherwise. At it the default scorer reaches the
// precision and recall given in the package documentation.
const DefaultThreshold = 0.48

// Options tunes [Find] and [FindClaims]. The zero value is ready to use.
type Options struct {
	Threshold float64 // lowest score suggested; 0 means DefaultThreshold
	Top       int     // at most this many suggestions, the best; 0 means all
	Scorer    Scorer  // nil means Lexical{}
	Lang      string  // BCP 47 tag of wordings that carry none; "" guesses each from its stop words

	// Decided reports whether a pair of claims has been decided already,
	// either way; such a pair is never suggested. It may be called from
	// several goroutines at once. Find reads the graph's relations for
	// it; FindClaims leaves none out when it is nil.
	Decided func(a, b string) bool

	// Locality-sensitive hashing: Bands bands of Rows MinHash values each
	// (default 20 and 3), and the largest bucket whose members are paired
	// (default 50); larger buckets hold wordings that share only common
	// words and are skipped.
	Bands, Rows, MaxBucket int

	// Common is the share of wordings (default 0.002, and never fewer
	// than 100 wordings) above which a word is too common to bring
	// wordings together, unless a wording has fewer than three rarer
	// words; it is still compared when a pair is scored.
	Common float64
}

func (o Options) withDefaults() Options {
	if o.Threshold == 0 {
		o.Threshold = DefaultThreshold
	}
	if o.Scorer == nil {
		o.Scorer = Lexical{}
	}
	if o.Bands <= 0 {
		o.Bands = 20
	}
	if o.Rows <= 0 {
		o.Rows = 3
	}
	if o.MaxBucket <= 0 {
		o.MaxBucket = 50
	}
	if o.Common <= 0 {
		o.Common = 0.002
	}
	return o
}

// Suggestion is a pair of claims that may be one claim in other words, or
// may contradict each other, for a person to decide.
type Suggestion struct {
	A, B    string // the claims' IDs, A first in the input's order
	Kind    Kind
	Score   float64
	Reasons []string
	Texts   [2]string // the closest wordings of A and B

	ia, ib uint32 // the positions of A and B in the input, for sorting
}

// Stats says how much work a search did.
type Stats struct {
	Claims, Wordings int
	Candidates       int // distinct pairs of claims that the hashing brought together
	Skipped          int // buckets too large to pair, over all bands
	Decided          int // candidates left out as decided already
	// Duplicates counts the wordings with the same content words as an
	// earlier one: each is paired with that one's claim and left out of
	// the hashing, so that copies of one wording never fill a bucket.
	Duplicates int
}

// Find suggests pairs of claims of v, best first, leaving out every pair
// already joined by a relation of any kind (same_as, distinct_from,
// supports, contradicts): a pair decided either way is never suggested
// again. It reads one state of the graph, a [graph.View.Snapshot] of
// v, so that a decision applied with its claims in one batch meanwhile
// leaves their pair out.
func Find(v graph.View, opt Options) ([]Suggestion, Stats) {
	v = v.Snapshot() // the relations and the claims of one state
	decided := make(map[[2]string]bool)
	for r := range v.Relations() {
		decided[pairKey(r.From, r.To)] = true
	}
	inner := opt.Decided
	opt.Decided = func(a, b string) bool {
		return decided[pairKey(a, b)] || inner != nil && inner(a, b)
	}
	var cs []claims.Claim
	for c := range v.Claims() {
		cs = append(cs, c)
	}
	return FindClaims(cs, opt)
}

func pairKey(a, b string) [2]string {
	if b < a {
		a, b = b, a
	}
	return [2]string{a, b}
}

// FindClaims suggests pairs of the claims cs, best first; see the package
// documentation for what it costs.
func FindClaims(cs []claims.Claim, opt Options) ([]Suggestion, Stats) {
	opt = opt.withDefaults()
	items := make([]*Item, len(cs))
	parts.Run(len(cs), 1024, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			items[i] = NewItem(&cs[i], opt.Lang)
		}
	})
	st := Stats{Claims: len(cs)}
	for _, it := range items {
		st.Wordings += len(it.Wordings)
	}
	pairs, skipped, dups := candidates(items, opt)
	st.Candidates, st.Skipped, st.Duplicates = len(pairs), skipped, dups

	var mu sync.Mutex
	var out []Suggestion
	parts.Run(len(pairs), 1024, func(lo, hi int) {
		var local []Suggestion
		decided := 0
		for _, p := range pairs[lo:hi] {
			ia, ib := uint32(p>>32), uint32(p)
			a, b := items[ia], items[ib]
			if opt.Decided != nil && opt.Decided(a.Claim.ID, b.Claim.ID) {
				decided++
				continue
			}
			var s Score
			if lex, ok := opt.Scorer.(Lexical); ok {
				// Explain only the pairs that will be suggested.
				if s = lex.score(a, b, false, opt.Threshold); s.Value >= opt.Threshold {
					s = lex.score(a, b, true, 0)
				}
			} else {
				s = opt.Scorer.Score(a, b)
			}
			if s.Kind == 0 || s.Value < opt.Threshold {
				continue
			}
			local = append(local, Suggestion{
				A: a.Claim.ID, B: b.Claim.ID, Kind: s.Kind, Score: s.Value, Reasons: s.Reasons,
				Texts: [2]string{a.Wordings[s.Best[0]].Raw, b.Wordings[s.Best[1]].Raw}, ia: ia, ib: ib,
			})
		}
		mu.Lock()
		out = append(out, local...)
		st.Decided += decided
		mu.Unlock()
	})
	slices.SortFunc(out, func(x, y Suggestion) int {
		return cmp.Or(cmp.Compare(y.Score, x.Score), cmp.Compare(x.ia, y.ia), cmp.Compare(x.ib, y.ib))
	})
	if opt.Top > 0 && len(out) > opt.Top {
		out = out[:opt.Top]
	}
	return out, st
}

// candidates returns the distinct pairs of items (i<<32 | j, i < j) that
// share a bucket in at least one band or have a wording of the same
// content words, the number of buckets skipped as too large, and the
// number of wordings left out of the hashing as duplicates.
func candidates(items []*Item, opt Options) ([]uint64, int, int) {
	type entry struct {
		key  uint64
		item uint32
	}
	var wordings []*Text
	var owner []uint32
	for i, it := range items {
		for _, t := range it.Wordings {
			wordings = append(wordings, t)
			owner = append(owner, uint32(i))
		}
	}
	pairs, dup, dups := duplicates(wordings, owner)
	// Words in too many wordings do not take part in the signatures;
	// duplicates are counted once, as they are hashed once.
	df := make(map[uint64]int32)
	for n, t := range wordings {
		if !dup[n] {
			for _, w := range t.words() {
				df[w]++
			}
		}
	}
	limit := int32(max(100, opt.Common*float64(len(wordings))))

	// The words each wording's signature is made of, end to end.
	var use []uint64
	ends := make([]int, len(wordings))
	for n, t := range wordings {
		use = signatureWords(use, t.words(), df, limit)
		ends[n] = len(use)
	}
	df = nil

	// One band at a time, so that only one band's keys are held: a key
	// per wording, sorted, and the wordings of each run of equal keys
	// paired.
	skipped := 0
	keys := make([]entry, 0, len(wordings))
	seeds := make([]uint64, opt.Rows)
	for b := range opt.Bands {
		for i := range seeds {
			seeds[i] = mix(uint64(b*opt.Rows+i+1) * 0x9e3779b97f4a7c15)
		}
		keys = keys[:0]
		start := 0
		for n := range wordings {
			words := use[start:ends[n]]
			start = ends[n]
			if len(words) == 0 || dup[n] {
				continue
			}
			key := uint64(b + 1)
			for _, s := range seeds {
				least := ^uint64(0)
				for _, w := range words {
					least = min(least, mix(w^s))
				}
				key = mix(key*31 ^ least)
			}
			keys = append(keys, entry{key, owner[n]})
		}
		slices.SortFunc(keys, func(x, y entry) int { return cmp.Or(cmp.Compare(x.key, y.key), cmp.Compare(x.item, y.item)) })
		for lo := 0; lo < len(keys); {
			hi := lo + 1
			for hi < len(keys) && keys[hi].key == keys[lo].key {
				hi++
			}
			if hi-lo > opt.MaxBucket {
				skipped++
			} else {
				for i := lo; i < hi; i++ {
					for j := i + 1; j < hi; j++ {
						if keys[i].item != keys[j].item {
							pairs = append(pairs, uint64(keys[i].item)<<32|uint64(keys[j].item))
						}
					}
				}
			}
			lo = hi
		}
		// Keep the pairs distinct as they come, so that they never
		// hold many more than the candidates.
		if b%4 == 3 || b == opt.Bands-1 {
			slices.Sort(pairs)
			pairs = slices.Compact(pairs)
		}
	}
	return slices.Clip(pairs), skipped, dups
}

// duplicates finds the wordings whose content words are those of an
// earlier wording, in order (the same wording up to case, punctuation,
// stop words and inflection, as one viral claim imported many times): it
// pairs each one's item with the earlier one's, unless they are the same
// item, and marks it in dup, to leave it out of the hashing. So n copies
// of a wording make n−1 pairs, not a bucket of n that would be skipped
// as too large, nor n(n−1)/2 pairs. O(words), with a map of the
// wordings.
func duplicates(wordings []*Text, owner []uint32) (pairs []uint64, dup []bool, n int) {
	dup = make([]bool, len(wordings))
	first := make(map[uint64]int32, len(wordings))
	for i, t := range wordings {
		words := t.words()
		if len(words) == 0 {
			continue
		}
		key := uint64(len(words))
		for _, w := range words {
			key = mix(key*31 ^ w)
		}
		f, ok := first[key]
		if !ok {
			first[key] = int32(i)
			continue
		}
		if !slices.Equal(wordings[f].words(), words) {
			continue // another wording of the same key: hashed as usual
		}
		dup[i] = true
		n++
		if a, b := owner[f], owner[i]; a != b { // a < b: owners come in order
			pairs = append(pairs, uint64(a)<<32|uint64(b))
		}
	}
	slices.Sort(pairs)
	return slices.Compact(pairs), dup, n
}

// minRare is the fewest words a signature is made of when a wording has
// them.
const minRare = 3

// signatureWords appends to dst the words of a wording that its
// signature is made of: those in at most limit wordings, or, when fewer
// than minRare are, the minRare rarest (all of them when it has fewer
// than minRare words), so that a wording made of common
// words only ("A has banned imports of oil from B since 2020") still
// meets its paraphrases in the buckets of its rarest combination.
func signatureWords(dst, words []uint64, df map[uint64]int32, limit int32) []uint64 {
	start := len(dst)
	for _, w := range words {
		if df[w] <= limit {
			dst = append(dst, w)
		}
	}
	if n := len(dst) - start; n >= minRare || n == len(words) {
		return dst
	}
	dst = append(dst[:start], words...)
	rare := dst[start:]
	slices.SortFunc(rare, func(x, y uint64) int { return cmp.Or(cmp.Compare(df[x], df[y]), cmp.Compare(x, y)) })
	return dst[:start+min(minRare, len(words))]
}
