package verdict

import (
	"errors"
	"fmt"
	"math"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/provenance"
)

// ErrOptions reports an invalid [Options] value.
var ErrOptions = errors.New("verdict: invalid options")

// SupportReading says which complex attacks a support edge transmits.
type SupportReading uint8

// The readings of support. See the package documentation.
const (
	// Bipolar derives supported and secondary attacks, the complex
	// attacks of Cayrol and Lagasquie-Schiex's bipolar frameworks. It is
	// the default.
	Bipolar SupportReading = iota
	// Deductive reads "a supports b" as "a accepted makes b accepted" and
	// derives supported and mediated attacks.
	Deductive
	// Necessary reads "a supports b" as "b cannot be accepted without a"
	// and derives secondary and extended attacks.
	Necessary
	// NoComplexAttacks derives none: support only lends strength in the
	// gradual semantics.
	NoComplexAttacks
)

// Default values of [Options].
const (
	DefaultUnknownTrust = 0.5
	DefaultMaxReasons   = 5
)

// Options tunes [Compute]. The zero value gives the documented defaults.
type Options struct {
	// Origins returns the independent origins of claim c in view v: the
	// source IDs whose number (weighted by trust) is the claim's evidence.
	// Nil means the independent origins of package graph/provenance
	// (provenance.Index.Claim); [DistinctSources] is the cheaper count of
	// distinct sources.
	Origins func(v graph.View, c claims.Claim) ([]string, error)
	// Trust weighs each origin by the trust of its source, a value in
	// [0, 1] (for instance from package sources/truth). Nil weighs every
	// origin 1, so evidence is the number of origins. With a map, an
	// origin missing from it weighs UnknownTrust.
	Trust map[string]float64
	// UnknownTrust is the weight of an origin missing from Trust; 0 means
	// DefaultUnknownTrust (0.5, neither trusted nor distrusted).
	UnknownTrust float64
	// Base maps evidence to the DF-QuAD base score in [0, 1]. Nil means
	// [BaseScore], 1 − 0.5^evidence.
	Base func(evidence float64) float64
	// Rate maps a label and a strength to a rating. Nil means
	// [DefaultRating].
	Rate func(l Label, strength float64) Rating
	// Support chooses the complex attacks derived from support edges;
	// the zero value is Bipolar.
	Support SupportReading
	// MaxReasons caps the reasons kept per verdict; 0 means
	// DefaultMaxReasons, a negative value keeps them all.
	MaxReasons int
	// Tolerance and MaxIterations bound DF-QuAD on a cyclic graph; zero
	// means af.DefaultTolerance and af.DefaultMaxIterations.
	Tolerance     float64
	MaxIterations int
	// Progress, when not nil, is told how [Compute] advances through its
	// stages: "evidence" (the origins and evidence of each claim, counted
	// in claims), "strengths" (the labels and DF-QuAD strengths, reported
	// once as it begins, with Done and Total 0) and "verdicts" (the label,
	// rating and reasons of each claim, counted in claims).
	Progress func(graph.Progress)
}

// withDefaults fills in the zero fields of o and checks the others.
func (o Options) withDefaults() (Options, error) {
	if o.Origins == nil {
		o.Origins = independentOrigins()
	}
	if o.UnknownTrust == 0 {
		o.UnknownTrust = DefaultUnknownTrust
	}
	if o.Base == nil {
		o.Base = BaseScore
	}
	if o.Rate == nil {
		o.Rate = DefaultRating
	}
	if o.MaxReasons == 0 {
		o.MaxReasons = DefaultMaxReasons
	}
	if o.UnknownTrust < 0 || o.UnknownTrust > 1 || math.IsNaN(o.UnknownTrust) {
		return o, fmt.Errorf("%w: UnknownTrust %v not in [0, 1]", ErrOptions, o.UnknownTrust)
	}
	if o.Support > NoComplexAttacks {
		return o, fmt.Errorf("%w: unknown support reading %d", ErrOptions, o.Support)
	}
	if !(o.Tolerance >= 0) || o.MaxIterations < 0 {
		return o, fmt.Errorf("%w: Tolerance negative or NaN, or MaxIterations negative", ErrOptions)
	}
	for id, t := range o.Trust {
		if t < 0 || t > 1 || math.IsNaN(t) {
			return o, fmt.Errorf("%w: trust %v of source %q not in [0, 1]", ErrOptions, t, id)
		}
	}
	return o, nil
}

// DistinctSources returns the distinct sources claim c appears in, in the
// order of its appearances: the fallback count of independent origins,
// which counts three outlets relaying one video three times.
func DistinctSources(_ graph.View, c claims.Claim) ([]string, error) {
	out := make([]string, 0, len(c.Appearances))
	for _, a := range c.Appearances {
		if !contains(out, a.Source) {
			out = append(out, a.Source)
		}
	}
	return out, nil
}

// independentOrigins returns an Origins function backed by one
// provenance index per view date, so that the derivation links of a source
// are loaded once for all the claims of a Compute call.
func independentOrigins() func(graph.View, claims.Claim) ([]string, error) {
	idx := make(map[claims.Date]*provenance.Index, 2)
	return func(v graph.View, c claims.Claim) ([]string, error) {
		x, ok := idx[v.Date()]
		if !ok {
			x = provenance.New(v)
			idx[v.Date()] = x
		}
		rep, err := x.Of(c) // c comes from v: no need to look it up again
		if err != nil {
			return nil, err
		}
		out := make([]string, len(rep.Groups))
		for i, g := range rep.Groups {
			out[i] = g.Origin.Source
		}
		return out, nil
	}
}

// contains reports whether s holds x; claims have few sources, so a linear
// scan beats a map.
func contains(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

// BaseScore is the default map from evidence to DF-QuAD base score,
// 1 − 0.5^evidence: no evidence gives 0, one origin 0.5 (as likely as
// not), two 0.75, three 0.875; each further origin halves the doubt.
// Negative evidence counts as none.
func BaseScore(evidence float64) float64 {
	if evidence <= 0 || math.IsNaN(evidence) {
		return 0
	}
	return 1 - math.Pow(0.5, evidence)
}

// The ratings of [DefaultRating], after ClaimReview's alternateName.
var (
	RatingTrue        = Rating{"True", 5}
	RatingMostlyTrue  = Rating{"Mostly true", 4}
	RatingMixed       = Rating{"Mixed", 3}
	RatingUnproven    = Rating{"Unproven", 3}
	RatingMostlyFalse = Rating{"Mostly false", 2}
	RatingFalse       = Rating{"False", 1}
	RatingOutdated    = Rating{"Outdated", 0}
	RatingNotYet      = Rating{"Not yet holding", 0}
)

// DefaultRating is the default map from label and strength to rating:
//
//	accepted,  strength ≥ 0.75  True (5)
//	accepted,  strength ≥ 0.5   Mostly true (4)
//	accepted,  strength < 0.5   Unproven (3): unopposed but thinly sourced
//	undecided                   Mixed (3): evidence on both sides, neither prevails
//	rejected,  strength > 0.25  Mostly false (2)
//	rejected,  strength ≤ 0.25  False (1)
//	not-holding                 Outdated (0: off the scale)
//	not-yet-holding             Not yet holding (0: off the scale)
func DefaultRating(l Label, strength float64) Rating {
	switch l {
	case Accepted:
		switch {
		case strength >= 0.75:
			return RatingTrue
		case strength >= 0.5:
			return RatingMostlyTrue
		}
		return RatingUnproven
	case Rejected:
		if strength > 0.25 {
			return RatingMostlyFalse
		}
		return RatingFalse
	case NotHolding:
		return RatingOutdated
	case NotYetHolding:
		return RatingNotYet
	}
	return RatingMixed
}
