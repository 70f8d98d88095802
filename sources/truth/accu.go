package truth

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// This file implements ACCU and DEPEN of Dong, Berti-Equille and
// Srivastava, "Integrating Conflicting Data: The Role of Source Dependence",
// PVLDB 2(1), 2009 (VLDB 2009). Section numbers below are the paper's.

// Dependence is a pair of sources that probably copy one from the other,
// as ACCU and DEPEN found it ([Result.Dependence]).
type Dependence struct {
	// Copier is the source more likely to have copied from Original.
	Copier, Original SourceID
	// Probability is the posterior probability that the two are
	// dependent, in either direction (§2, §3); 1 for a pair declared
	// with [Dataset.DeclareCopy].
	Probability float64
	// Declared reports a pair declared with [Dataset.DeclareCopy].
	Declared bool
}

// DeclareCopy records that copier draws on original (quotes, republishes,
// cites it): known dependence. ACCU and DEPEN take the pair as dependent
// with probability 1 in that direction, whatever the data say, and a value
// the two share counts only for original: a declared copy adds no vote
// (§2 with copy probability 1). The other algorithms ignore it, and so
// do ACCU and DEPEN on an object they leave out of copy detection
// ([CopyChecks]), where every vote counts whole. A source declared to
// copy itself is an error wrapping [ErrIDRange].
func (d *Dataset) DeclareCopy(copier, original SourceID) error {
	n := SourceID(len(d.sourceNames))
	if copier < 0 || copier >= n || original < 0 || original >= n || copier == original {
		return fmt.Errorf("%w: copy %d of %d among %d sources", ErrIDRange, copier, original, n)
	}
	d.touch()
	d.copies = append(d.copies, uint64(copier)<<32|uint64(uint32(original)))
	return nil
}

// pairs is the overlap index of ACCU and DEPEN: every pair of sources that
// assert a common fact of an object in copy detection ([CopyChecks]; the
// only pairs whose dependence changes a vote), found by listing the
// sources of each fact, never by trying all pairs.
type pairs struct {
	key []uint64 // a<<32 | b with a < b, sorted: pair p
	// same and diff are the objects on which the two give the same
	// value (a common fact) and different values; same is fixed, and
	// each iteration splits it into shared true and shared false values.
	same, diff []int32
	declared   []uint8 // bit 1: a copies b; bit 2: b copies a
	// tri lists, for each fact f with sources L = factSources(f), the
	// pair of L[i] and L[j], i < j, at triStart[f] + i(2k−i−1)/2 + j−i−1
	// for k = |L|.
	triStart []int64
	tri      []int32
	// unchecked lists the objects left out of copy detection
	// ([CopyChecks]), whose facts have no pairs in tri.
	unchecked []ObjectID
}

// MaxCopySources bounds copy detection: ACCU and DEPEN look for copying
// only on objects whose facts have at most this many distinct sources
// between them (see [CopyChecks]). The Book data set's most covered
// object has 55 sources and the generated claim graphs' at most 176 (10k
// claims), so neither is affected.
const MaxCopySources = 256

// DefaultMaxCopyPairs is the default of [Options.MaxCopyPairs]: 64 Mi pair
// incidences, about 2.7 GB. The Book data set has 160 thousand, the
// generated claim graph of 10k claims 34 million.
const DefaultMaxCopyPairs = 1 << 26

// CopyChecks returns which objects ACCU and DEPEN look for copying on,
// given for each object o the number of distinct sources of its facts,
// sources[o], and its pair incidences, pairs[o] = Σ_f |S_f|(|S_f|−1)/2 over
// its facts f, and the budget maxPairs ([Options.MaxCopyPairs]). An
// object is checked when it has at most [MaxCopySources] sources; should
// the checked objects' pairs exceed maxPairs, those with the most pairs
// (of equal pairs, the higher ID) are left out too, one by one, until the
// rest fit. It costs O(m log m) for m objects.
//
// An object left out counts as if no two of its sources had anything in
// common: a value of it counts every vote whole (each source independent,
// §2 with Pr(S ~ S₀) = 0), and it is neither a shared value nor a
// difference for any pair. Only pairs that share a value of a checked
// object exist.
//
// The bounds keep the pair index linear in the input and within a fixed
// budget: at most (MaxCopySources − 1)/2 pair incidences an assertion and
// maxPairs in all, where one object of 8,000 sources alone made 32
// million. They give up little evidence: a value so many sources provide
// is very likely true, and sharing a true value is weak evidence of
// copying (c/A + 1 − c to 1, Dong et al. §3); copying shows in rare shared
// false values. Li, Dong, Lyons, Meng and Srivastava ("Scaling up copy
// detection", ICDE 2015) likewise spend copy detection on rarely provided
// values first.
func CopyChecks(sources []int, pairs []int64, maxPairs int64) []bool {
	ok := make([]bool, len(sources))
	var total int64
	var wide []int // checked objects with pairs, should the budget bite
	for o, n := range sources {
		if ok[o] = n <= MaxCopySources; ok[o] && pairs[o] > 0 {
			total += pairs[o]
			wide = append(wide, o)
		}
	}
	if total <= maxPairs {
		return ok
	}
	slices.SortFunc(wide, func(a, b int) int { return cmp.Or(cmp.Compare(pairs[b], pairs[a]), cmp.Compare(b, a)) })
	for _, o := range wide {
		if total <= maxPairs {
			break
		}
		ok[o] = false
		total -= pairs[o]
	}
	return ok
}

// pairIndex builds the overlap index of ix on the objects [CopyChecks]
// keeps, maxPairs the budget. With P = Σ_f |S_f|(|S_f|−1)/2 pair
// incidences by fact and P' = Σ_o |S_o|² by object, both over those
// objects, it costs O(P log d + P') time, d the pairs of one source, and
// O(P + A) memory for A assertions: no pair is looked up by search, each
// source marks its partners in a dense table. P is at most maxPairs and
// (MaxCopySources − 1)/2·A, P' at most MaxCopySources·A.
func (ix *index) pairIndex(copies []uint64, maxPairs int64) *pairs {
	nS := ix.nSources
	pr := &pairs{triStart: make([]int64, ix.nFacts+1)}
	objSrc, objStart := ix.objectSources()
	width := make([]int, ix.nObjects)
	objPairs := make([]int64, ix.nObjects)
	for o := range width {
		width[o] = int(objStart[o+1] - objStart[o])
		for _, f := range ix.objFacts[ix.objStart[o]:ix.objStart[o+1]] {
			k := int64(ix.factStart[f+1] - ix.factStart[f])
			objPairs[o] += k * (k - 1) / 2
		}
	}
	checked := CopyChecks(width, objPairs, maxPairs)
	width, objPairs = nil, nil
	for o, ok := range checked {
		if !ok {
			pr.unchecked = append(pr.unchecked, ObjectID(o))
		}
	}
	// sources returns the sources of fact f, none when its object is
	// not checked.
	sources := func(f int) []int32 {
		if !checked[ix.factObj[f]] {
			return nil
		}
		return ix.factSources[ix.factStart[f]:ix.factStart[f+1]]
	}
	for f := 0; f < ix.nFacts; f++ {
		k := int64(len(sources(f)))
		pr.triStart[f+1] = pr.triStart[f] + k*(k-1)/2
	}
	total := pr.triStart[ix.nFacts]
	// Each incidence, bucketed by its first source a (a counting sort),
	// as b<<32 | its place t in tri; sorting a bucket groups the pairs.
	start := make([]int64, nS+1)
	for f := 0; f < ix.nFacts; f++ {
		ss := sources(f)
		for i, a := range ss {
			start[a+1] += int64(len(ss) - i - 1)
		}
	}
	for s := 1; s <= nS; s++ {
		start[s] += start[s-1]
	}
	inc := make([]uint64, total)
	next := slices.Clone(start[:nS])
	for f := 0; f < ix.nFacts; f++ {
		ss := sources(f)
		t := pr.triStart[f]
		for i, a := range ss {
			for _, b := range ss[i+1:] {
				inc[next[a]] = uint64(b)<<32 | uint64(t)
				next[a]++
				t++
			}
		}
	}
	next = nil
	// Pairs per first source, counted in parallel, then numbered.
	first := make([]int32, nS+1) // pairs of a: first[a]..first[a+1]
	parallel(nS, int(total), func(lo, hi int) {
		for a := lo; a < hi; a++ {
			bucket := inc[start[a]:start[a+1]]
			slices.Sort(bucket)
			n := int32(0)
			for i, x := range bucket {
				if i == 0 || x>>32 != bucket[i-1]>>32 {
					n++
				}
			}
			first[a+1] = n
		}
	})
	prefix(first)
	nP := int(first[nS])
	pr.key = make([]uint64, nP)
	pr.tri = make([]int32, total)
	pr.same = make([]int32, nP)
	pr.diff = make([]int32, nP)
	parallel(nS, int(total), func(lo, hi int) {
		for a := lo; a < hi; a++ {
			bucket := inc[start[a]:start[a+1]]
			p := first[a] - 1
			for i, x := range bucket {
				if i == 0 || x>>32 != bucket[i-1]>>32 {
					p++
					pr.key[p] = uint64(a)<<32 | x>>32
				}
				pr.tri[uint32(x)] = p
				pr.same[p]++
			}
		}
	})
	inc = nil
	// Objects in common: each source a marks its partners b > a in a
	// dense table and walks the sources of its objects; the pairs of a
	// are a's alone, so no two goroutines write one.
	srcObj, srcObjStart := ix.sourceObjects()
	parallel(nS, int(total), func(lo, hi int) {
		mark := make([]int32, nS) // pair + 1 of (a, b), 0 when none
		for a := lo; a < hi; a++ {
			pairs := pr.key[first[a]:first[a+1]]
			if len(pairs) == 0 {
				continue
			}
			for i, k := range pairs {
				mark[uint32(k)] = first[a] + int32(i) + 1
			}
			for _, o := range srcObj[srcObjStart[a]:srcObjStart[a+1]] {
				if !checked[o] {
					continue
				}
				for _, b := range objSrc[objStart[o]:objStart[o+1]] {
					if b > int32(a) && mark[b] > 0 {
						pr.diff[mark[b]-1]++ // objects in common, for now
					}
				}
			}
			for _, k := range pairs {
				mark[uint32(k)] = 0
			}
		}
	})
	for p := range pr.diff {
		// Objects in common less those with a common value. A source
		// with two facts of one object can share one and differ by the
		// other: the object counts once, as the same.
		pr.diff[p] = max(pr.diff[p]-pr.same[p], 0)
	}
	pr.declared = make([]uint8, nP)
	find := func(a, b int32) int32 {
		lo, hi := first[a], first[a+1]
		i, ok := slices.BinarySearch(pr.key[lo:hi], uint64(a)<<32|uint64(b))
		if !ok {
			return -1
		}
		return lo + int32(i)
	}
	for _, c := range copies {
		copier, orig := int32(c>>32), int32(uint32(c))
		a, b, bit := copier, orig, uint8(1)
		if a > b {
			a, b, bit = b, a, 2
		}
		if p := find(a, b); p >= 0 {
			pr.declared[p] |= bit
		}
	}
	return pr
}

// objectSources returns the distinct sources of each object o, sorted, as
// list[start[o]:start[o+1]].
func (ix *index) objectSources() (list []int32, start []int32) {
	start = make([]int32, ix.nObjects+1)
	for o := 0; o < ix.nObjects; o++ {
		for _, f := range ix.objFacts[ix.objStart[o]:ix.objStart[o+1]] {
			start[o+1] += ix.factStart[f+1] - ix.factStart[f]
		}
	}
	prefix(start)
	list = make([]int32, start[ix.nObjects])
	n := make([]int32, ix.nObjects) // distinct sources of o
	parallel(ix.nObjects, len(list), func(lo, hi int) {
		for o := lo; o < hi; o++ {
			l := list[start[o]:start[o]]
			for _, f := range ix.objFacts[ix.objStart[o]:ix.objStart[o+1]] {
				l = append(l, ix.factSources[ix.factStart[f]:ix.factStart[f+1]]...)
			}
			slices.Sort(l)
			n[o] = int32(len(slices.Compact(l)))
		}
	})
	// Close the gaps left by repeated sources.
	w := int32(0)
	for o := 0; o < ix.nObjects; o++ {
		from := start[o]
		start[o] = w
		w += int32(copy(list[w:], list[from:from+n[o]]))
	}
	start[ix.nObjects] = w
	return list[:w], start
}

// sourceObjects returns the distinct objects of each source s, as
// list[start[s]:start[s+1]].
func (ix *index) sourceObjects() (list []int32, start []int32) {
	start = make([]int32, ix.nSources+1)
	list = make([]int32, len(ix.srcFacts))
	w := int32(0)
	for s := 0; s < ix.nSources; s++ {
		start[s] = w
		from := w
		for _, f := range ix.srcFacts[ix.srcStart[s]:ix.srcStart[s+1]] {
			list[w] = ix.factObj[f]
			w++
		}
		l := list[from:w]
		slices.Sort(l)
		w = from + int32(len(slices.Compact(l)))
	}
	start[ix.nSources] = w
	return list[:w], start
}

// accu runs ACCU (§3) or, with fixed set, DEPEN (§2): DEPEN is ACCU with
// every source's accuracy fixed at o.InitialTrust (1 − ε).
//
// A(S) is the mean probability of S's tested values (see [Result.Known])
// whose object the beliefs decide: a value tied for the top of its object
// with another tests nobody, since neither is more likely — a plain tie
// between two sources says nothing of either — and copy detection takes
// it as neither a true value shared nor a false one. Counting it, a source whose
// only tested value ties sinks towards the tie's belief (1/(2 + n·(1−A)/A)
// each iteration, so about 0.05 in the end) and never converges; instead a
// source whose every tested value ties keeps its prior, o.InitialTrust,
// and is not Known.
// An untested value — the only one of its object, given by S alone — has
// vote count A'(S) against n unseen values, so its probability is A(S)
// itself: it leaves the fixed point of the paper's mean unchanged and only
// slows the approach to it, so it is left out (a source with no tested
// value keeps the mean of all its values, its prior echoed).
func (r *Result) accu(ix *index, copies []uint64, tested []bool, fixed bool, o Options) {
	nS, nF := ix.nSources, ix.nFacts
	pr := ix.pairIndex(copies, o.MaxCopyPairs)
	nP := len(pr.key)
	m := newCopyModel(o)
	acc := make([]float64, nS) // A(S), clamped
	fill(acc, Accuracy(o.InitialTrust))
	trust := make([]float64, nS) // A(S) from the latest beliefs
	prevTrust := make([]float64, nS)
	vote := make([]float64, nS) // A'(S) = ln(n·A/(1−A))
	ratio := make([]ratios, nS)
	belief := make([]float64, nF)
	count := make([]float64, nF) // C(v), the vote count
	even := make([]bool, nF)     // tied for the top of its object
	// For pair p = (a, b): the discount 1 − c·Pr(a ~ b) of §2, with
	// Pr(a ~ b) = Pr(a → b) + Pr(b → a) (c = 1 for a declared copy),
	// and whether b → a is the likelier direction.
	disc := make([]float32, nP)
	fill(disc, 1)
	backward := make([]bool, nP)
	// The values each pair shares that the last beliefs take as true, and
	// those tied for the top of their object: neither true nor false.
	trueShared, tiedShared := make([]int32, nP), make([]int32, nP)
	chosen := make([]FactID, ix.nObjects)
	prevChosen := make([]FactID, ix.nObjects)
	// Declared copies are known from the start; the rest is taken as
	// independent until the first decision (§2).
	for p, d := range pr.declared {
		if d != 0 {
			disc[p], backward[p] = 0, d == 2
		}
	}

	for r.Iterations < o.MaxIterations {
		r.Iterations++
		o.step(r.Iterations)
		for s, a := range acc {
			ratio[s] = ratiosOf(a, m.c, m.n)
			vote[s] = m.vote(a)
		}
		if r.Iterations > 1 {
			// §2, §3: the posterior of S1 ⊥ S2, S1 → S2 and S2 → S1
			// from the objects where they share a true value (kt), share
			// a false one (kf) or differ (kd), as log odds against
			// independence (see ratios). A value tied for the top of its
			// object is neither: Chosen names the first of a tie only to
			// name one, and taking it as true made the sources of the
			// other share a false value, copiers, discounted, and the
			// order of the data decide the tie.
			clear(trueShared)
			clear(tiedShared)
			for obj, f := range chosen {
				switch {
				case f == NoFact:
				case !even[f]:
					for _, p := range pr.tri[pr.triStart[f]:pr.triStart[f+1]] {
						trueShared[p]++
					}
				default:
					for _, g := range ix.objFacts[ix.objStart[obj]:ix.objStart[obj+1]] {
						if even[g] {
							for _, p := range pr.tri[pr.triStart[g]:pr.triStart[g+1]] {
								tiedShared[p]++
							}
						}
					}
				}
			}
			parallel(nP, nP, func(lo, hi int) {
				for p := lo; p < hi; p++ {
					if pr.declared[p] != 0 {
						continue
					}
					s1, s2 := pr.key[p]>>32, uint32(pr.key[p])
					kt, kd := trueShared[p], pr.diff[p]
					disc[p], backward[p] = m.discount(ratio[s1], ratio[s2], kt, pr.same[p]-kt-tiedShared[p], kd)
				}
			})
		}
		// §2, §3: vote counts discounted by the probability of
		// copying, then the probability of each value (log-sum-exp over
		// the object's domain of n+1 values, unseen ones counting 0).
		parallel(ix.nObjects, nF+len(pr.tri), func(lo, hi int) {
			var sc scratch
			for obj := lo; obj < hi; obj++ {
				fs := ix.objFacts[ix.objStart[obj]:ix.objStart[obj+1]]
				if len(fs) == 0 {
					chosen[obj] = NoFact
					continue
				}
				for _, f := range fs {
					ss := ix.factSources[ix.factStart[f]:ix.factStart[f+1]]
					count[f] = voteCount(ss, pr.tri[pr.triStart[f]:pr.triStart[f+1]], vote, disc, pr.declared, &sc)
				}
				chosen[obj] = FactID(m.probabilities(fs, count, belief, even))
			}
		})
		// §3: A(S) is the mean probability of S's (tested) values.
		meanDecided(ix, tested, even, belief, trust, o.InitialTrust)
		for s := range trust {
			if !fixed {
				acc[s] = Accuracy(trust[s])
			}
		}
		if r.Iterations > 1 && slices.Equal(chosen, prevChosen) && maxDiff(trust, prevTrust) < o.Tolerance {
			r.Converged = true
			break
		}
		copy(prevChosen, chosen)
		copy(prevTrust, trust)
	}
	r.Trust, r.Belief, r.Chosen = trust, belief, chosen
	r.CopyUnchecked = pr.unchecked
	for s := range r.Known {
		r.Known[s] = r.Known[s] && decides(ix, tested, even, s)
	}
	declared := pr.declared
	for p, k := range pr.key {
		prob := 1.0
		if declared[p] == 0 {
			prob = (1 - float64(disc[p])) / m.c
		}
		if prob < 0.5 {
			continue
		}
		a, b := SourceID(k>>32), SourceID(uint32(k))
		if backward[p] {
			a, b = b, a
		}
		r.Dependence = append(r.Dependence, Dependence{Copier: a, Original: b, Probability: min(prob, 1), Declared: declared[p] != 0})
	}
	slices.SortFunc(r.Dependence, func(x, y Dependence) int {
		return cmp.Or(cmp.Compare(x.Copier, y.Copier), cmp.Compare(x.Original, y.Original))
	})
}

// meanDecided sets trust[s] to the mean of x over the facts of s whose
// assertion is tested and which are not even (tied for the top of their
// object; nil: none is). A source with tested assertions all even gets
// prior; one with none tested, the mean over all its facts (prior when it
// has none). Voting and ACCU share it.
func meanDecided(ix *index, tested, even []bool, x, trust []float64, prior float64) {
	parallel(len(trust), len(tested), func(lo, hi int) {
		for s := lo; s < hi; s++ {
			a, b := ix.srcStart[s], ix.srcStart[s+1]
			sum, all, k, t := 0.0, 0.0, 0, 0
			for i := a; i < b; i++ {
				f := ix.srcFacts[i]
				all += x[f]
				if tested[i] {
					t++
					if even == nil || !even[f] {
						sum += x[f]
						k++
					}
				}
			}
			trust[s] = AccuTrust(sum, k, t, all, int(b-a), prior)
		}
	})
}

// decides reports whether source s has a tested assertion of a fact that
// is not even: whether its ACCU trust rests on evidence.
func decides(ix *index, tested, even []bool, s int) bool {
	for i := ix.srcStart[s]; i < ix.srcStart[s+1]; i++ {
		if tested[i] && !even[ix.srcFacts[i]] {
			return true
		}
	}
	return false
}

// copyModel holds the constants of ACCU's model of copying for one run.
type copyModel struct {
	n, logN, c float64
	// The prior odds of one direction of copying against independence,
	// and ln(1 − c), the likelihood ratio of a disagreement.
	logOdds, log1c float64
	// oddsPow[kd] = prior odds · (1 − c)^kd, for the short path of
	// discount.
	oddsPow [smallCount + 1]float64
}

func newCopyModel(o Options) copyModel {
	m := copyModel{n: o.FalseValues, logN: math.Log(o.FalseValues), c: o.CopyRate,
		logOdds: math.Log(o.CopyPrior/2) - math.Log1p(-o.CopyPrior), log1c: math.Log1p(-o.CopyRate)}
	m.oddsPow[0] = math.Exp(m.logOdds)
	for i := 1; i <= smallCount; i++ {
		m.oddsPow[i] = m.oddsPow[i-1] * (1 - m.c)
	}
	return m
}

// vote is A'(S) = ln(n·A/(1−A)) of a source of accuracy a (§3).
func (m *copyModel) vote(a float64) float64 { return m.logN + math.Log(a) - math.Log1p(-a) }

// discount returns the factor 1 − c·Pr(S1 ~ S2) of §2 of two sources of
// ratios r1 and r2 (see ratios) that share kt true values and kf false
// ones and differ on kd objects, with Pr(S1 ~ S2) = Pr(S1 → S2) +
// Pr(S2 → S1), and whether S2 → S1 is the likelier direction: the
// posterior of S1 ⊥ S2, S1 → S2 and S2 → S1 (§2, §3) as log odds against
// independence.
func (m *copyModel) discount(r1, r2 ratios, kt, kf, kd int32) (float32, bool) {
	// 1 − c·Pr(dependent) = (1 + (1−c)(o12 + o21)) / (1 + o12 + o21)
	// for the odds o12, o21 of the two directions against independence.
	c := m.c
	if kt <= smallCount && kf <= smallCount && kd <= smallCount {
		// Products of at most 3·smallCount bounded ratios: exact, and
		// far from overflow.
		k := m.oddsPow[kd]
		o12 := k * r1.pow(kt, kf)
		o21 := k * r2.pow(kt, kf)
		if !math.IsInf(o12+o21, 0) { // a huge n
			return float32((1 + (1-c)*(o12+o21)) / (1 + o12 + o21)), o21 > o12
		}
	}
	lo12 := m.logOdds + r1.odds(float64(kt), float64(kf), float64(kd), m.log1c)
	lo21 := m.logOdds + r2.odds(float64(kt), float64(kf), float64(kd), m.log1c)
	// In log space, scaled by e^{−m} against overflow.
	mx := max(0, lo12, lo21)
	e0, e1, e2 := math.Exp(-mx), math.Exp(lo12-mx), math.Exp(lo21-mx)
	return float32((e0 + (1-c)*(e1+e2)) / (e0 + e1 + e2)), lo21 > lo12
}

// voteCount is C(v) of §2 and §3, the vote count of a value with sources
// ss (in source order), tri the pairs of ss (see [pairs]), discounted by
// the probability of copying: the votes of its sources, each times the
// probability that it provides the value independently of those counted
// before it (see discount). With no pairs (tri empty: the value's object
// is left out of copy detection, [CopyChecks]) every source counts whole,
// summed in source order, as discount orders them when every factor is 1.
func voteCount(ss, tri []int32, vote []float64, disc []float32, declared []uint8, sc *scratch) float64 {
	switch {
	case len(ss) == 0:
		return 0
	case len(ss) == 1:
		return vote[ss[0]]
	case len(tri) == 0:
		count := 0.0
		for _, s := range ss {
			count += vote[s]
		}
		return count
	}
	switch len(ss) {
	case 2:
		return vote2(ss, tri, vote, disc, declared)
	case 3:
		if declared[tri[0]]|declared[tri[1]]|declared[tri[2]] == 0 {
			return vote3(ss, tri, vote, disc)
		}
	}
	discount(len(ss), tri, disc, declared, sc)
	count := 0.0
	for i, s := range sc.order {
		count += vote[ss[s]] * sc.indep[i]
	}
	return count
}

// probabilities sets belief[f] for the facts fs of one object from their
// vote counts count[f] (§2, §3): a log-sum-exp over the object's domain
// of n+1 values, unseen ones counting 0. It marks in even the facts tied
// for the top (see [Same]) when there are at least two, and returns the
// chosen fact, the first of the highest belief, or NoFact for none.
func (m *copyModel) probabilities(fs []int32, count, belief []float64, even []bool) int32 {
	if len(fs) == 0 {
		return int32(NoFact)
	}
	mx := math.Inf(-1)
	for _, f := range fs {
		mx = max(mx, count[f])
	}
	unseen := max(m.n+1-float64(len(fs)), 0)
	if unseen > 0 {
		mx = max(mx, 0)
	}
	z := unseen * math.Exp(-mx)
	for _, f := range fs {
		belief[f] = math.Exp(count[f] - mx)
		z += belief[f]
	}
	best := int32(-1)
	for _, f := range fs {
		belief[f] /= z
		if best < 0 || Prefer(belief[f], belief[best]) {
			best = f
		}
	}
	// Facts tied for the top test nobody.
	k := 0
	for _, f := range fs {
		even[f] = Same(belief[f], belief[best])
		if even[f] {
			k++
		}
	}
	if k == 1 {
		even[best] = false
	}
	return best
}

// minAccuracy keeps ACCU's accuracies in [0.01, 0.99], so that the vote
// ln(n·A/(1−A)) and the likelihoods stay finite.
const minAccuracy = 0.01

// ratios are the log likelihood ratios, against independence, of what
// two sources S1 and S2 show when S1 copies S2, for S1 of accuracy A
// (§2 with the accuracies of §3). The probabilities of an object's
// observation under independence and under S1 → S2 (copy rate c, n false
// values) are
//
//	shared true value:  A1·A2                vs  A2·c + A1·A2·(1−c)
//	shared false value: (1−A1)(1−A2)/n       vs  (1−A2)·c + (1−A1)(1−A2)(1−c)/n
//	different values:   Pd                   vs  Pd·(1−c)
//
// with Pd = 1 − A1·A2 − (1−A1)(1−A2)/n, so the ratios depend on A1
// alone: c/A1 + 1 − c, n·c/(1−A1) + 1 − c and 1 − c, and the log odds of
// S1 → S2 are ln(α/2 / (1−α)) + kt·ln(c/A1 + 1 − c) + kf·ln(n·c/(1−A1) +
// 1 − c) + kd·ln(1 − c).
//
// For counts up to smallCount the odds are products of the ratios
// themselves (rt, rf): with A in [0.01, 0.99] a ratio is at most
// 1 + 100·n·c, so the products stay exact to rounding, and finite unless
// n is huge (then the log odds serve).
type ratios struct{ lt, lf, rt, rf float64 }

func ratiosOf(a, c, n float64) ratios {
	rt, rf := c/a+1-c, n*c/(1-a)+1-c
	lf := math.Log(rf)
	if math.IsInf(rf, 1) { // n past 1e306: ln(n·c/(1−a)), 1 − c lost beside it
		lf = math.Log(n) + math.Log(c) - math.Log1p(-a)
	}
	return ratios{math.Log(rt), lf, rt, rf}
}

// smallCount bounds the counts whose odds are computed as products.
const smallCount = 8

// pow returns rt^kt · rf^kf for counts up to smallCount.
func (r ratios) pow(kt, kf int32) float64 {
	x := 1.0
	for range kt {
		x *= r.rt
	}
	for range kf {
		x *= r.rf
	}
	return x
}

// odds returns the log likelihood ratio of kt shared true values, kf
// shared false ones and kd disagreements; log1c is ln(1 − c).
func (r ratios) odds(kt, kf, kd, log1c float64) float64 {
	return kt*r.lt + kf*r.lf + kd*log1c
}

// discount orders the k sources of one value and returns in sc, for each
// in that order (as indices into the value's sources), the probability
// I(S) that it provides the value independently of those before it (§2):
//
//	I(S) = Π_{S₀ before S} (1 − c·Pr(S ~ S₀))
//
// with c = 1 for a declared copy; disc holds the factors per pair, and tri
// the pairs of the value's sources (see [pairs]). The probability is that
// of dependence in either direction: a dependent pair provides its common
// values once, plus the share 1 − c a copier provides on its own,
// whichever of the two copied. Trying every order is exponential, so the
// order is greedy: first the source least dependent on all the others (a
// declared original is not dependent on its copiers), then each time the
// remaining source least dependent on those already counted, whose vote
// is then the largest. It costs O(k²).
func discount(k int, tri []int32, disc []float32, declared []uint8, sc *scratch) {
	sc.order, sc.indep = sc.order[:0], sc.indep[:0]
	fac := grow(&sc.fac, k*k) // fac[i*k+j] = 1 − c·Pr(i ~ j), i ≠ j
	// score[i]: how independent i is of all the others, the product of
	// its factors; in log space for many sources, whose products would
	// underflow.
	score := resize(&sc.score, k)
	logs := k > 64
	if !logs {
		fill(score, 1)
	}
	t := 0
	for i := range k {
		for j := i + 1; j < k; j++ {
			p := tri[t]
			t++
			f := float64(disc[p])
			fac[i*k+j], fac[j*k+i] = f, f
			d := declared[p]
			if logs {
				f = math.Log(max(f, 1e-300))
			}
			if d != 2 { // not j copying i
				if logs {
					score[i] += f
				} else {
					score[i] *= f
				}
			}
			if d != 1 { // not i copying j: then j can come first
				if logs {
					score[j] += f
				} else {
					score[j] *= f
				}
			}
		}
	}
	first := 0
	for i := range k {
		if score[i] > score[first] {
			first = i
		}
	}
	// indep[i]: I(i) given the sources counted so far; rest: the
	// sources not counted yet.
	indep := score[:k]
	fill(indep, 1)
	rest := grow(&sc.rest, k)
	for i := range rest {
		rest[i] = int32(i)
	}
	best := first
	for len(rest) > 0 {
		sc.order = append(sc.order, int32(best))
		sc.indep = append(sc.indep, indep[best])
		row := fac[best*k : best*k+k]
		next := -1
		for j := 0; j < len(rest); j++ {
			i := rest[j]
			if int(i) == best {
				rest[j] = rest[len(rest)-1]
				rest = rest[:len(rest)-1]
				j--
				continue
			}
			indep[i] *= row[i]
			if next < 0 || indep[i] > indep[next] || (indep[i] == indep[next] && int(i) < next) {
				next = int(i)
			}
		}
		best = next
	}
}

// vote2 is the vote count of a value with two sources, in the greedy
// order of discount, in short: the first counts whole (a declared
// original before its copier), the second discounted.
func vote2(ss, tri []int32, vote []float64, disc []float32, declared []uint8) float64 {
	first, second := ss[0], ss[1]
	if declared[tri[0]] == 1 {
		first, second = second, first
	}
	return vote[first] + vote[second]*float64(disc[tri[0]])
}

// vote3 is the vote count of a value with three sources and no declared
// copy among them, in the greedy order of discount, in short.
func vote3(ss, tri []int32, vote []float64, disc []float32) float64 {
	// The factors of the pairs 01, 02 and 12.
	f01, f02, f12 := float64(disc[tri[0]]), float64(disc[tri[1]]), float64(disc[tri[2]])
	// First the source least dependent on the other two (ties: the
	// lowest), then the remaining one least dependent on it.
	first, a, b, fa, fb, fab := 0, 1, 2, f01, f02, f12
	if s1 := f01 * f12; s1 > f01*f02 {
		first, a, b, fa, fb = 1, 0, 2, f01, f12
		if f02*f12 > s1 {
			first, a, b, fa, fb = 2, 0, 1, f02, f12
		}
	} else if f02*f12 > f01*f02 {
		first, a, b, fa, fb = 2, 0, 1, f02, f12
	}
	if fab = f01; first == 0 {
		fab = f12
	} else if first == 1 {
		fab = f02
	}
	if fb > fa {
		a, b, fa, fb = b, a, fb, fa
	}
	return vote[ss[first]] + vote[ss[a]]*fa + vote[ss[b]]*fb*fab
}

// scratch is the reusable memory of [discount] and [voteCount].
type scratch struct {
	order, rest []int32
	indep       []float64
	fac, score  []float64
}

// grow sets *buf to n values, reusing its memory, without clearing it.
func grow[T any](buf *[]T, n int) []T {
	if cap(*buf) < n {
		*buf = make([]T, n)
	}
	*buf = (*buf)[:n]
	return *buf
}

// resize sets *buf to n zero values, reusing its memory.
func resize[T any](buf *[]T, n int) []T {
	if cap(*buf) < n {
		*buf = make([]T, n)
	}
	*buf = (*buf)[:n]
	clear(*buf)
	return *buf
}
