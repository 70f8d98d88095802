package truth

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Algorithm names a truth-discovery algorithm. The zero value is [Voting].
type Algorithm int

// The algorithms; see the package documentation for their definitions.
const (
	Voting           Algorithm = iota // majority vote, no trust
	Sums                              // Hubs and Authorities (Kleinberg; Pasternack & Roth)
	AverageLog                        // Pasternack & Roth's Average·Log
	Investment                        // Pasternack & Roth's Investment, g = 1.2
	PooledInvestment                  // Pasternack & Roth's PooledInvestment, g = 1.4
	TruthFinder                       // Yin, Han & Yu's TruthFinder
	Accu                              // Dong, Berti-Equille & Srivastava's ACCU: accuracy and copying
	Depen                             // Dong, Berti-Equille & Srivastava's DEPEN: copying, one accuracy
)

var algorithmNames = [...]string{"voting", "sums", "averagelog", "investment", "pooledinvestment", "truthfinder", "accu", "depen"}

// Algorithms returns every algorithm in order.
func Algorithms() []Algorithm {
	return []Algorithm{Voting, Sums, AverageLog, Investment, PooledInvestment, TruthFinder, Accu, Depen}
}

// String returns the algorithm's name as [ParseAlgorithm] accepts it, such
// as "pooledinvestment".
func (a Algorithm) String() string {
	if a < 0 || int(a) >= len(algorithmNames) {
		return fmt.Sprintf("Algorithm(%d)", int(a))
	}
	return algorithmNames[a]
}

// ParseAlgorithm returns the algorithm called name (case-insensitive; "-"
// and "_" are ignored, so "Pooled-Investment" works). An unknown name gives
// an error wrapping [ErrUnknownAlgorithm].
func ParseAlgorithm(name string) (Algorithm, error) {
	n := strings.ToLower(strings.NewReplacer("-", "", "_", "").Replace(name))
	for i, s := range algorithmNames {
		if s == n {
			return Algorithm(i), nil
		}
	}
	return 0, fmt.Errorf("truth: %w %q (want one of %s)", ErrUnknownAlgorithm, name, strings.Join(algorithmNames[:], ", "))
}

// ErrOptions reports an invalid [Options] value, such as a negative
// tolerance.
var ErrOptions = errors.New("invalid options")

// Options tunes [Discover]. A zero field means the published default,
// which [DefaultOptions] fills in.
type Options struct {
	// MaxIterations caps the number of iterations: 20 for Sums,
	// AverageLog, Investment, ACCU and DEPEN, 10 for PooledInvestment (the
	// defaults of the truthdiscovery library), 100 for TruthFinder. Voting
	// always does one pass.
	MaxIterations int
	// Tolerance ends iteration early: for the Pasternack & Roth
	// algorithms when, from the second iteration on, no max-normalised
	// source trust moved by Tolerance or more (default 0.001); for TruthFinder when 1 − cos(t_i, t_{i−1}) of
	// the trust vectors is below it (default 0.001, as in the paper); for
	// ACCU and DEPEN when the chosen values stayed the same and no
	// source's accuracy moved by Tolerance or more (default 0.001).
	Tolerance float64
	// Exponent is g of Investment (1.2) and PooledInvestment (1.4).
	Exponent float64
	// Dampening is TruthFinder's γ (0.3).
	Dampening float64
	// Influence is TruthFinder's ρ, the weight of implications (0.5).
	Influence float64
	// InitialTrust is TruthFinder's t₀ for every source (0.9), and the
	// accuracy 1 − ε that ACCU starts from and DEPEN keeps for every
	// source (0.8, the paper's ε = 0.2).
	InitialTrust float64
	// CopyPrior is α of ACCU and DEPEN, the prior probability that two
	// sources are dependent (0.2), in (0, 1).
	CopyPrior float64
	// CopyRate is c of ACCU and DEPEN, the probability that a copier
	// copies any one value (0.8), in (0, 1).
	CopyRate float64
	// FalseValues is n of ACCU and DEPEN, the number of false values of
	// every object, uniformly likely (100), at least 1.
	FalseValues float64
	// MaxCopyPairs caps the pair incidences (two sources of one value,
	// about 40 bytes each) that ACCU and DEPEN keep for copy detection:
	// past it the objects with the most are left out of it too (see
	// [CopyChecks]). Default 64 Mi (2²⁶), about 2.7 GB.
	MaxCopyPairs int64
	// NoImplications makes TruthFinder ignore the Dataset's implications.
	NoImplications bool
	// Progress, when not nil, is told of each iteration of [Discover]:
	// stage "iterations", Done of at most MaxIterations as Total. The
	// last call has Done == [Result.Iterations], the iterations actually
	// run: less than Total when the run converged early.
	Progress func(graph.Progress)
}

// step reports iteration i of at most o.MaxIterations.
func (o Options) step(i int) {
	if o.Progress != nil {
		o.Progress(graph.Progress{Stage: "iterations", Done: int64(i), Total: int64(o.MaxIterations)})
	}
}

// DefaultOptions returns the published defaults for a, as documented on
// the fields of [Options].
func DefaultOptions(a Algorithm) Options {
	o := Options{MaxIterations: 20, Tolerance: 1e-3, Dampening: 0.3, Influence: 0.5, InitialTrust: 0.9,
		CopyPrior: 0.2, CopyRate: 0.8, FalseValues: 100, MaxCopyPairs: DefaultMaxCopyPairs}
	switch a {
	case Accu, Depen:
		o.InitialTrust = 0.8
	case Voting:
		o.MaxIterations = 1
	case Investment:
		o.Exponent = 1.2
	case PooledInvestment:
		o.Exponent = 1.4
		o.MaxIterations = 10
	case TruthFinder:
		o.MaxIterations = 100
	}
	return o
}

// withDefaults replaces zero fields of o by the defaults of a.
func (o Options) withDefaults(a Algorithm) (Options, error) {
	def := DefaultOptions(a)
	if o.MaxIterations < 0 {
		return o, fmt.Errorf("truth: %w: MaxIterations %d is negative", ErrOptions, o.MaxIterations)
	}
	if o.MaxCopyPairs < 0 {
		return o, fmt.Errorf("truth: %w: MaxCopyPairs %d is negative", ErrOptions, o.MaxCopyPairs)
	}
	if o.MaxCopyPairs == 0 {
		o.MaxCopyPairs = def.MaxCopyPairs
	}
	for _, f := range []struct {
		name  string
		v     float64
		below float64 // the value must be less; +Inf for no bound
	}{{"Tolerance", o.Tolerance, math.Inf(1)}, {"Exponent", o.Exponent, math.Inf(1)}, {"Dampening", o.Dampening, math.Inf(1)}, {"Influence", o.Influence, math.Inf(1)},
		{"InitialTrust", o.InitialTrust, 1}, {"CopyPrior", o.CopyPrior, 1}, {"CopyRate", o.CopyRate, 1}, {"FalseValues", o.FalseValues, math.Inf(1)}} {
		if !(f.v >= 0 && f.v < f.below) {
			want := "a finite number, 0 or more"
			if f.below == 1 {
				want = "a number in [0, 1)"
			}
			return o, fmt.Errorf("truth: %w: %s is %v, want %s", ErrOptions, f.name, f.v, want)
		}
	}
	if o.FalseValues > 0 && o.FalseValues < 1 {
		return o, fmt.Errorf("truth: %w: FalseValues is %v, want 0 or at least 1", ErrOptions, o.FalseValues)
	}
	if o.MaxIterations == 0 || a == Voting {
		o.MaxIterations = def.MaxIterations
	}
	if o.Tolerance == 0 {
		o.Tolerance = def.Tolerance
	}
	if o.Exponent == 0 {
		o.Exponent = def.Exponent
	}
	if o.Dampening == 0 {
		o.Dampening = def.Dampening
	}
	if o.Influence == 0 {
		o.Influence = def.Influence
	}
	if o.InitialTrust == 0 {
		o.InitialTrust = def.InitialTrust
	}
	if o.CopyPrior == 0 {
		o.CopyPrior = def.CopyPrior
	}
	if o.CopyRate == 0 {
		o.CopyRate = def.CopyRate
	}
	if o.FalseValues == 0 {
		o.FalseValues = def.FalseValues
	}
	return o, nil
}

// Result is the outcome of [Discover]. Slices are indexed by ID.
type Result struct {
	// Algorithm is the algorithm that produced the result.
	Algorithm Algorithm
	// Trust is the trustworthiness of each source. For the Pasternack &
	// Roth algorithms it is max-normalised (the most trusted source has
	// 1); for TruthFinder it is the mean confidence of the source's facts;
	// for ACCU and DEPEN the accuracy A(S), the mean probability of the
	// source's tested facts not tied for the top of their object (see
	// Known; of all its facts when none is tested, the initial trust when
	// every tested one ties); for Voting it is the fraction of the source's tested facts
	// not tied for the top (likewise) that won the vote. Sources with no assertions have 0 (TruthFinder,
	// ACCU and DEPEN: the initial trust). Known says which trusts rest on
	// evidence.
	Trust []float64
	// Known reports, per source, whether its trust rests on evidence:
	// at least one of the source's facts was put to a test, because its
	// object is contested (it has two or more facts) or because another
	// source asserts the same fact and is not declared a copy of it, or it
	// of that one ([Dataset.DeclareCopy]), so the fact is corroborated.
	// (In the model of ACCU and DEPEN, each object has n false values
	// besides the true one, so independent agreement is itself evidence
	// of accuracy.) A source whose every fact is the only one of its
	// object and asserted by it alone was never put to the test: its
	// Trust only echoes the algorithm's prior and should be shown as "no
	// evidence". For Voting, ACCU and DEPEN a fact tied for the top of its
	// object tests nobody either, so a source whose tested facts all tie
	// is not Known and keeps the prior (0 for Voting).
	Known []bool
	// Belief is the belief in (confidence of) each fact: its share of the
	// votes on its object for Voting (distinct sources), max-normalised scores for the
	// Pasternack & Roth algorithms, TruthFinder's s(f) in (0, 1), the
	// probability that the fact is true for ACCU and DEPEN.
	Belief []float64
	// Chosen is the fact of each object with the highest belief, the
	// lowest FactID among ties (see Tied), or [NoFact] if the object has
	// no facts.
	Chosen []FactID
	// Tied reports, per object, that another of its facts has the belief
	// of the chosen one (within a relative 1e-9): the data do not choose
	// between them, and Chosen names the lowest FactID only so that it
	// names one.
	Tied []bool
	// Iterations is the number of trust/belief update rounds done (1 for
	// Voting).
	Iterations int
	// Converged reports whether the tolerance was met before
	// MaxIterations ran out (always true for Voting).
	Converged bool
	// Dependence lists, for ACCU and DEPEN, the pairs of sources whose
	// posterior probability of dependence is at least 1/2, and the pairs
	// declared with [Dataset.DeclareCopy] that share a fact, by Copier
	// then Original: pairs that share a value of an object in copy
	// detection (see CopyUnchecked). It is nil for the other algorithms.
	Dependence []Dependence
	// CopyUnchecked lists, for ACCU and DEPEN, the objects left out of
	// copy detection, by ID ([CopyChecks]): those whose facts have more
	// than [MaxCopySources] sources between them, and the widest beyond
	// [Options.MaxCopyPairs]. Their values count every vote whole, and
	// no pair is judged on them. It is nil when there are none, and for
	// the other algorithms.
	CopyUnchecked []ObjectID
}

// Discover runs algorithm a on d with options opts (zero fields take the
// defaults) and returns trust, beliefs and the chosen facts. It freezes d
// (see [Dataset.Freeze]). The result depends only on d's content and
// opts, never on timing or map order. Errors wrap [ErrUnknownAlgorithm] or
// [ErrOptions].
func Discover(d *Dataset, a Algorithm, opts Options) (*Result, error) {
	if a < 0 || int(a) >= len(algorithmNames) {
		return nil, fmt.Errorf("truth: %w: %v", ErrUnknownAlgorithm, a)
	}
	o, err := opts.withDefaults(a)
	if err != nil {
		return nil, err
	}
	ix := d.index()
	tested := testedAssertions(ix, d.copies)
	r := &Result{Algorithm: a, Known: known(ix, tested)}
	switch a {
	case Voting:
		r.voting(ix, tested)
	case Sums, AverageLog:
		r.sums(ix, a == AverageLog, o)
	case Investment, PooledInvestment:
		r.investment(ix, a == PooledInvestment, o)
	case TruthFinder:
		r.truthFinder(ix, o)
	case Accu, Depen:
		r.accu(ix, d.copies, tested, a == Depen, o)
	}
	if r.Chosen == nil {
		r.Chosen = choose(ix, r.Belief)
	}
	r.Tied = tied(ix, r.Belief, r.Chosen)
	o.step(r.Iterations)
	return r, nil
}

// testedAssertions reports, for each assertion in ix.srcFacts order,
// whether it puts its source to a test (see [Result.Known]): the fact's
// object is contested, or another source asserts the fact and is not a
// declared copy of this one, nor this one of it.
func testedAssertions(ix *index, copies []uint64) []bool {
	declared := make(map[uint64]bool, 2*len(copies))
	for _, c := range copies {
		declared[c] = true
		declared[c<<32|c>>32] = true
	}
	t := make([]bool, len(ix.srcFacts))
	parallel(ix.nSources, len(t), func(lo, hi int) {
		for s := lo; s < hi; s++ {
			for i := ix.srcStart[s]; i < ix.srcStart[s+1]; i++ {
				f := ix.srcFacts[i]
				o := ix.factObj[f]
				facts, others := int(ix.objStart[o+1]-ix.objStart[o]), 0
				if facts < 2 {
					for _, r := range ix.factSources[ix.factStart[f]:ix.factStart[f+1]] {
						if int(r) != s && !declared[uint64(s)<<32|uint64(r)] {
							others = 1 // one is enough
							break
						}
					}
				}
				t[i] = Tested(facts, others)
			}
		}
	})
	return t
}

// known reports the sources with at least one tested assertion.
func known(ix *index, tested []bool) []bool {
	k := make([]bool, ix.nSources)
	for s := range k {
		k[s] = slices.Contains(tested[ix.srcStart[s]:ix.srcStart[s+1]], true)
	}
	return k
}

// tied reports, per object, whether a fact other than the chosen one has
// its belief, within a relative 1e-9.
func tied(ix *index, belief []float64, chosen []FactID) []bool {
	t := make([]bool, ix.nObjects)
	for o, c := range chosen {
		if c == NoFact {
			continue
		}
		for _, f := range ix.objFacts[ix.objStart[o]:ix.objStart[o+1]] {
			if FactID(f) != c && Same(belief[f], belief[c]) {
				t[o] = true
				break
			}
		}
	}
	return t
}

// Same reports whether two beliefs or trusts are equal within a relative
// 1e-9: the test of [Result.Tied], for callers that mark ties of their
// own, such as equal trusts. It is relative however small the values:
// Investment's max-normalised beliefs fall far below 1e-9 on most
// objects, and an absolute bound there made a fact tie with another of
// a third of its belief.
func Same(x, y float64) bool {
	return math.Abs(x-y) <= 1e-9*max(math.Abs(x), math.Abs(y))
}

// choose returns the fact of highest belief per object, lowest ID on ties.
func choose(ix *index, belief []float64) []FactID {
	chosen := make([]FactID, ix.nObjects)
	for o := range chosen {
		best := NoFact
		for _, f := range ix.objFacts[ix.objStart[o]:ix.objStart[o+1]] {
			if best == NoFact || Prefer(belief[f], belief[best]) {
				best = FactID(f)
			}
		}
		chosen[o] = best
	}
	return chosen
}
