package truth

import "math"

// The formulas of one iteration, one source or fact at a time. [Discover]
// computes with them, and so may a distributed run of the same algorithms
// (examples/beam sums the messages of each source and fact across
// machines and calls these), so that each formula is written once.

// Resolve returns o with its zero fields replaced by the defaults of a, as
// [Discover] uses it, or an error wrapping [ErrOptions].
func (o Options) Resolve(a Algorithm) (Options, error) { return o.withDefaults(a) }

// Converged reports whether iteration i (from 1) of a ends the run, given
// change: for the Pasternack & Roth algorithms the largest change of a
// normalised trust since the previous iteration, which counts from the
// second iteration on; for TruthFinder 1 − cos of the trust vectors
// ([CosineChange]). Voting never iterates.
func Converged(a Algorithm, i int, change, tol float64) bool {
	switch a {
	case Voting:
		return true
	case TruthFinder:
		return change < tol
	}
	return i > 1 && change < tol
}

// Normalised returns x divided by m, the maximum of its vector, when m is
// positive, else x: the max-normalisation of the Pasternack & Roth
// algorithms.
func Normalised(x, m float64) float64 {
	if m > 0 {
		return x / m
	}
	return x
}

// VoteShare is Voting's belief of a fact with votes of the total votes
// on its object (distinct sources each): votes / total, 0 when total is 0.
func VoteShare(votes, total int) float64 {
	if total == 0 {
		return 0
	}
	return float64(votes) / float64(total)
}

// Tested reports whether an assertion puts its source to a test (see
// [Result.Known]): its object has facts > 1 facts, or others > 0 other
// sources assert the fact, none a declared copy of the source nor it of
// them.
func Tested(facts, others int) bool { return facts > 1 || others > 0 }

// TestedMean is the trust of a source by Voting (x = 1 for a fact that
// won, else 0), ACCU and DEPEN (x = the fact's probability): sumTested /
// nTested, the mean of x over its tested facts ([Tested]), or sumAll / n
// over all its n facts when none is tested, or dflt when it has none.
func TestedMean(sumTested float64, nTested int, sumAll float64, n int, dflt float64) float64 {
	switch {
	case nTested > 0:
		return sumTested / float64(nTested)
	case n > 0:
		return sumAll / float64(n)
	}
	return dflt
}

// AverageLogWeight is AverageLog's factor log n / n for a source of n
// facts (0 for none): its trust is the weight times the sum of their
// beliefs.
func AverageLogWeight(n int) float64 {
	if n == 0 {
		return 0
	}
	return math.Log(float64(n)) / float64(n)
}

// InvestmentReturn is what one unit invested in a fact of belief b pays
// back in Investment and PooledInvestment, b / pool where pool is the
// total invested in it, Σ_{r∈S_f} T(r)/|C_r|; 0 when nothing was.
// A source's trust is T(s)/|C_s| times the sum of its facts' returns.
func InvestmentReturn(b, pool float64) float64 {
	if pool > 0 {
		return b / pool
	}
	return 0
}

// Gain is G(h) = h^g, Investment's belief of a fact with investment h.
func Gain(h, g float64) float64 { return math.Pow(h, g) }

// PooledBelief is PooledInvestment's belief h·G(h) / Σ_{d∈M_f} G(h_d) of
// a fact with investment h and gain G(h) (see [Gain]), given the total
// gain of its object's facts; gain itself when the total is 0.
func PooledBelief(h, gain, total float64) float64 {
	if total > 0 {
		return h * gain / total
	}
	return gain
}

// Tau is TruthFinder's trustworthiness score τ = −ln(1 − t) of a source
// of trust t, capped at 30 should t round to 1.
func Tau(t float64) float64 { return min(-math.Log1p(-t), maxTau) }

// Confidence is TruthFinder's s(f) = 1 / (1 + e^{−γσ*}) for the adjusted
// score sigma = σ*(f) and dampening gamma = γ.
func Confidence(sigma, gamma float64) float64 { return 1 / (1 + math.Exp(-gamma*sigma)) }

// MeanConfidence is TruthFinder's trust of a source: sum, the total
// confidence of its n facts, over n; t0 for a source of no facts.
func MeanConfidence(sum float64, n int, t0 float64) float64 {
	if n == 0 {
		return t0
	}
	return sum / float64(n)
}

// CosineChange is 1 − cos(x, y) given the sums xy = Σ xᵢyᵢ, xx = Σ xᵢ²
// and yy = Σ yᵢ²: TruthFinder's change of the trust vector. It is 0 when
// either vector is zero.
func CosineChange(xy, xx, yy float64) float64 {
	if xx == 0 || yy == 0 {
		return 0
	}
	return 1 - xy/math.Sqrt(xx*yy)
}

// Prefer reports whether a fact of belief b beats the best so far, of
// belief best, in the choice of an object's answer: facts are offered in
// ID order, so ties go to the lowest ID. A tie is as [Result.Tied] has
// it, equal within [Same]: rounding that puts the later of two equal
// beliefs a few ulps higher does not choose it.
func Prefer(b, best float64) bool { return b > best && !Same(b, best) }

// Accuracy is the accuracy ACCU and DEPEN take for a source of trust t
// (the prior, or A(S) of the last iteration): t kept within [0.01,
// 0.99], so that its vote and the likelihoods of copying stay finite.
func Accuracy(t float64) float64 { return min(max(t, minAccuracy), 1-minAccuracy) }

// AccuTrust is A(S) of ACCU and DEPEN (§3), the mean probability of a
// source's values that are tested ([Tested]) and decided: sum over k
// such values. A source with t > 0 tested values, all tied for the top
// of their object, or with none at all (n = 0), keeps prior; one with
// none tested, the mean all / n over its n values.
func AccuTrust(sum float64, k, t int, all float64, n int, prior float64) float64 {
	if k == 0 && t > 0 {
		return prior
	}
	return TestedMean(sum, k, all, n, prior)
}

// CopyModel is the model of copying of ACCU and DEPEN under resolved
// options ([Options.Resolve]): FalseValues, CopyRate and CopyPrior. Its
// methods are the per-pair, per-value and per-object steps of an
// iteration, which [Discover] calls too.
type CopyModel struct{ m copyModel }

// NewCopyModel returns the model of o, resolved.
func NewCopyModel(o Options) CopyModel { return CopyModel{newCopyModel(o)} }

// Vote is A'(S) = ln(n·A/(1−A)), the vote of a source of accuracy a
// (see [Accuracy]).
func (c CopyModel) Vote(a float64) float64 { return c.m.vote(a) }

// Discount is the factor 1 − c·Pr(S1 ~ S2) of two sources of accuracies
// a1 and a2 (see [Accuracy]) that give the same true value on kt objects
// (by the choices of the last iteration), the same other value on kf and
// different values on kd: how much of its vote the later of the two
// keeps for a value both provide. It is rounded to float32, as Discover
// keeps it.
func (c CopyModel) Discount(a1, a2 float64, kt, kf, kd int) float32 {
	f, _ := c.m.discount(ratiosOf(a1, c.m.c, c.m.n), ratiosOf(a2, c.m.c, c.m.n), int32(kt), int32(kf), int32(kd))
	return f
}

// Count is C(v), the vote count of a value whose k sources, in the order
// of their IDs, have votes votes ([CopyModel.Vote]), given the Discount
// of each pair i < j of them at disc[i(2k−i−1)/2 + j−i−1] (row by row).
// No pair is a declared copy. With disc nil, for a value of an object
// left out of copy detection ([CopyChecks]), it is the sum of the votes
// in that order, each counted whole.
func (c CopyModel) Count(votes []float64, disc []float32) float64 {
	k := len(votes)
	ss := make([]int32, k)
	for i := range ss {
		ss[i] = int32(i)
	}
	tri := make([]int32, len(disc))
	for i := range tri {
		tri[i] = int32(i)
	}
	var sc scratch
	return voteCount(ss, tri, votes, disc, make([]uint8, len(disc)), &sc)
}

// Probabilities sets prob[i] to the probability of the i-th value of an
// object, in the order of their IDs, from its count count[i]
// ([CopyModel.Count]), marks in even those tied for the top when two or
// more are, and returns the index of the chosen value (−1 for none).
func (c CopyModel) Probabilities(count, prob []float64, even []bool) int {
	fs := make([]int32, len(count))
	for i := range fs {
		fs[i] = int32(i)
	}
	return int(c.m.probabilities(fs, count, prob, even))
}
