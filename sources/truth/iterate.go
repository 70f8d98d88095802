package truth

import (
	"math"
	"runtime"
	"sync"
)

// voting: belief = share of the object's votes (distinct sources); trust
// = share of a source's tested facts that won (of all its facts when
// none is tested). A fact tied for the top of its object neither won nor
// lost, as in ACCU: Chosen names the lowest FactID only to name one, and
// counting it a win gave the source of the first of two tied claims
// trust 1 and the other 0. A source whose tested facts all tie has trust
// 0 and is not Known.
func (r *Result) voting(ix *index, tested []bool) {
	r.Belief = make([]float64, ix.nFacts)
	for o := range ix.nObjects {
		fs := ix.objFacts[ix.objStart[o]:ix.objStart[o+1]]
		total := 0
		for _, f := range fs {
			total += int(ix.factStart[f+1] - ix.factStart[f])
		}
		for _, f := range fs {
			r.Belief[f] = VoteShare(int(ix.factStart[f+1]-ix.factStart[f]), total)
		}
	}
	r.Chosen = choose(ix, r.Belief)
	won := make([]float64, ix.nFacts)
	for _, f := range r.Chosen {
		if f != NoFact {
			won[f] = 1
		}
	}
	even := make([]bool, ix.nFacts) // tied for the top of its object
	for o, c := range r.Chosen {
		if c == NoFact {
			continue
		}
		for _, f := range ix.objFacts[ix.objStart[o]:ix.objStart[o+1]] {
			even[f] = FactID(f) != c && Same(r.Belief[f], r.Belief[c])
			even[c] = even[c] || even[f]
		}
	}
	r.Trust = make([]float64, ix.nSources)
	meanDecided(ix, tested, even, won, r.Trust, 0)
	for s := range r.Known {
		r.Known[s] = r.Known[s] && decides(ix, tested, even, s)
	}
	r.Iterations, r.Converged = 1, true
}

// sums runs Sums, or AverageLog when avgLog is set. Prior belief 0.5.
func (r *Result) sums(ix *index, avgLog bool, o Options) {
	trust, prev := make([]float64, ix.nSources), make([]float64, ix.nSources)
	belief := make([]float64, ix.nFacts)
	fill(prev, 1)
	fill(belief, 0.5)
	var weight []float64 // AverageLog: log|C_s| / |C_s|
	if avgLog {
		weight = make([]float64, ix.nSources)
		for s := range weight {
			weight[s] = AverageLogWeight(int(ix.srcStart[s+1] - ix.srcStart[s]))
		}
	}
	for r.Iterations < o.MaxIterations {
		r.Iterations++
		o.step(r.Iterations)
		gather(trust, ix.srcStart, ix.srcFacts, belief)
		if avgLog {
			mul(trust, weight)
		}
		gather(belief, ix.factStart, ix.factSources, trust)
		normalise(trust)
		normalise(belief)
		if r.Iterations > 1 && maxDiff(trust, prev) < o.Tolerance {
			r.Converged = true
			break
		}
		trust, prev = prev, trust
	}
	if !r.Converged {
		trust = prev
	}
	r.Trust, r.Belief = trust, belief
}

// investment runs Investment, or PooledInvestment when pooled is set.
// Trust starts at T₀ = 1. Investment's prior belief is the vote share of
// each fact in its object; PooledInvestment's is its own belief rule
// applied to T₀, B₀ = H₀·G(H₀)/Σ G(H₀) with H₀(f) = Σ_{s∈S_f} 1/|C_s|,
// so that a fact asserted by one source alone does not start with as much
// belief as its object's majority (Pasternack & Roth give T₀ = 1 and no
// other prior; a uniform prior made a lone dissenter the most trusted
// source, since it alone collects the whole prior of its facts).
func (r *Result) investment(ix *index, pooled bool, o Options) {
	nS, nF := ix.nSources, ix.nFacts
	trust, prev := make([]float64, nS), make([]float64, nS)
	fill(prev, 1)
	inv := make([]float64, nS)      // T(s)/|C_s|
	invCount := make([]float64, nS) // 1/|C_s|
	for s := range invCount {
		if n := ix.srcStart[s+1] - ix.srcStart[s]; n > 0 {
			invCount[s] = 1 / float64(n)
		}
	}
	belief := make([]float64, nF)
	pool := make([]float64, nF) // Σ investment received, then B/pool, then H
	// beliefs sets belief from the investments inv by the algorithm's rule.
	beliefs := func() {
		// H_i(f) = Σ_{s∈S_f} T_i(s)/|C_s|
		gather(pool, ix.factStart, ix.factSources, inv)
		if !pooled {
			parallel(nF, nF, func(lo, hi int) {
				for f := lo; f < hi; f++ {
					belief[f] = Gain(pool[f], o.Exponent)
				}
			})
			return
		}
		// B(f) = H(f) · G(H(f)) / Σ_{d∈M_f} G(H(d))
		parallel(ix.nObjects, nF, func(lo, hi int) {
			for obj := lo; obj < hi; obj++ {
				fs := ix.objFacts[ix.objStart[obj]:ix.objStart[obj+1]]
				total := 0.0
				for _, f := range fs {
					belief[f] = Gain(pool[f], o.Exponent)
					total += belief[f]
				}
				for _, f := range fs {
					belief[f] = PooledBelief(pool[f], belief[f], total)
				}
			}
		})
	}
	if pooled {
		copy(inv, invCount) // T₀ = 1
		beliefs()
	} else {
		for obj := 0; obj < ix.nObjects; obj++ {
			fs := ix.objFacts[ix.objStart[obj]:ix.objStart[obj+1]]
			total := 0
			for _, f := range fs {
				total += int(ix.factStart[f+1] - ix.factStart[f])
			}
			for _, f := range fs {
				belief[f] = VoteShare(int(ix.factStart[f+1]-ix.factStart[f]), total)
			}
		}
	}
	for r.Iterations < o.MaxIterations {
		r.Iterations++
		o.step(r.Iterations)
		// T_i(s) = T_{i-1}(s)/|C_s| · Σ_{f∈C_s} B(f) / Σ_{r∈S_f} T_{i-1}(r)/|C_r|
		for s := range inv {
			inv[s] = prev[s] * invCount[s]
		}
		gather(pool, ix.factStart, ix.factSources, inv)
		for f := range pool {
			pool[f] = InvestmentReturn(belief[f], pool[f])
		}
		gather(trust, ix.srcStart, ix.srcFacts, pool)
		mul(trust, inv)
		for s := range inv {
			inv[s] = trust[s] * invCount[s]
		}
		beliefs()
		normalise(trust)
		normalise(belief)
		if r.Iterations > 1 && maxDiff(trust, prev) < o.Tolerance {
			r.Converged = true
			break
		}
		trust, prev = prev, trust
	}
	if !r.Converged {
		trust = prev
	}
	r.Trust, r.Belief = trust, belief
}

// maxTau bounds τ = −ln(1 − t) when t rounds to 1.
const maxTau = 30 // −ln(1e-13) ≈ 29.9

// truthFinder runs TruthFinder (Yin, Han & Yu).
func (r *Result) truthFinder(ix *index, o Options) {
	nS, nF := ix.nSources, ix.nFacts
	trust, next := make([]float64, nS), make([]float64, nS)
	fill(trust, o.InitialTrust)
	tau := make([]float64, nS)
	sigma := make([]float64, nF)
	belief := make([]float64, nF)
	useImp := !o.NoImplications && len(ix.impFrom) > 0
	for r.Iterations < o.MaxIterations {
		r.Iterations++
		o.step(r.Iterations)
		// τ(w) = −ln(1 − t(w)); σ(f) = Σ_{w∈W(f)} τ(w)
		for s, t := range trust {
			tau[s] = Tau(t)
		}
		gather(sigma, ix.factStart, ix.factSources, tau)
		// σ*(f) = σ(f) + ρ Σ_{f'} σ(f')·imp(f'→f); s(f) = 1/(1 + e^{−γσ*(f)})
		for f, sg := range sigma {
			if useImp {
				for k := ix.impStart[f]; k < ix.impStart[f+1]; k++ {
					sg += o.Influence * sigma[ix.impFrom[k]] * ix.impW[k]
				}
			}
			belief[f] = Confidence(sg, o.Dampening)
		}
		// t(w) = mean of s(f) over the facts w asserts
		gather(next, ix.srcStart, ix.srcFacts, belief)
		for s := range next {
			next[s] = MeanConfidence(next[s], int(ix.srcStart[s+1]-ix.srcStart[s]), o.InitialTrust)
		}
		change := cosineChange(trust, next)
		trust, next = next, trust
		if Converged(TruthFinder, r.Iterations, change, o.Tolerance) {
			r.Converged = true
			break
		}
	}
	r.Trust, r.Belief = trust, belief
}

// gather sets dst[i] = Σ src[list[start[i]:start[i+1]]], splitting large
// inputs over the available CPUs. Each dst[i] is summed in list order by
// one goroutine, so results do not depend on the number of CPUs.
func gather(dst []float64, start, list []int32, src []float64) {
	parallel(len(dst), len(list), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			sum := 0.0
			for _, j := range list[start[i]:start[i+1]] {
				sum += src[j]
			}
			dst[i] = sum
		}
	})
}

// parallelWork is the amount of work below which parallel runs inline.
const parallelWork = 1 << 16

// parallel calls fn on consecutive ranges covering [0, n), concurrently on
// up to GOMAXPROCS goroutines when work (a size estimate) is large.
func parallel(n, work int, fn func(lo, hi int)) {
	p := runtime.GOMAXPROCS(0)
	if p < 2 || work+n < parallelWork {
		fn(0, n)
		return
	}
	var wg sync.WaitGroup
	for k := range p {
		lo, hi := n*k/p, n*(k+1)/p
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn(lo, hi)
		}()
	}
	wg.Wait()
}

func fill[T any](x []T, v T) {
	for i := range x {
		x[i] = v
	}
}

func mul(x, y []float64) {
	for i := range x {
		x[i] *= y[i]
	}
}

// normalise divides x by its maximum when that is positive.
func normalise(x []float64) {
	m := 0.0
	for _, v := range x {
		m = max(m, v)
	}
	if m > 0 {
		for i := range x {
			x[i] = Normalised(x[i], m)
		}
	}
}

func maxDiff(x, y []float64) float64 {
	d := 0.0
	for i := range x {
		d = max(d, math.Abs(x[i]-y[i]))
	}
	return d
}

// cosineChange returns 1 − cos(x, y), 0 if either is zero ([CosineChange]).
func cosineChange(x, y []float64) float64 {
	var xy, xx, yy float64
	for i := range x {
		xy += x[i] * y[i]
		xx += x[i] * x[i]
		yy += y[i] * y[i]
	}
	return CosineChange(xy, xx, yy)
}
