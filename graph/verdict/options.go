package verdict

import (
	"errors"
	"fmt"
	"math"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/evidence"
)

// ErrOptions reports an invalid [Options] value.
var ErrOptions = errors.New("verdict: invalid options")

// SupportReading says what a support edge does besides lending its
// evidence (see the package documentation).
type SupportReading uint8

// The readings of support. See the package documentation.
const (
	// Lending is the default: support lends the supporter's evidence to
	// the supported claim and derives no attack, so a claim is rejected
	// or held open only by claims that contradict it directly.
	Lending SupportReading = iota
	// Bipolar also derives supported and secondary attacks, the complex
	// attacks of Cayrol and Lagasquie-Schiex's bipolar frameworks.
	Bipolar
	// Deductive reads "a supports b" as "a accepted makes b accepted" and
	// also derives supported and mediated attacks.
	Deductive
	// Necessary reads "a supports b" as "b cannot be accepted without a"
	// and also derives secondary and extended attacks.
	Necessary
)

var supportNames = [...]string{"lending", "bipolar", "deductive", "necessary"}

// String returns "lending", "bipolar", "deductive" or "necessary".
func (r SupportReading) String() string { return name(supportNames[:], uint8(r), "SupportReading") }

// MarshalText implements encoding.TextMarshaler with [SupportReading.String].
func (r SupportReading) MarshalText() ([]byte, error) {
	return text(supportNames[:], uint8(r), "support reading")
}

// ParseSupport returns the reading named s, as [SupportReading.String]
// spells it.
func ParseSupport(s string) (SupportReading, error) {
	for i, n := range supportNames {
		if n == s {
			return SupportReading(i), nil
		}
	}
	return 0, fmt.Errorf("%w: unknown support reading %q (want lending, bipolar, deductive or necessary)", ErrOptions, s)
}

// Default values of [Options].
const (
	DefaultUnknownTrust = evidence.DefaultUnknownTrust
	DefaultMaxReasons   = 5
)

// Options tunes [Compute]. The zero value gives the documented defaults.
type Options struct {
	// Origins returns the independent origins of claim c in view v: the
	// source IDs whose number (weighted by trust) is the claim's evidence.
	// Nil means evidence.Independent, the independent origins of package
	// graph/provenance (with Trust, evidence.IndependentWeighed: a cycle
	// of sources weighs as its least trusted source, and is no primary
	// source); evidence.DistinctSources is the cheaper count of distinct
	// sources.
	Origins func(v graph.View, c claims.Claim) ([]string, error)
	// Trust weighs each origin by the trust of its source, a value in
	// [0, 1] (for instance from package sources/truth). Nil weighs every
	// origin 1, so evidence is the number of origins. With a map, an
	// origin missing from it weighs UnknownTrust.
	Trust map[string]float64
	// UnknownTrust is the weight of an origin missing from Trust; 0 means
	// DefaultUnknownTrust (0.5, neither trusted nor distrusted).
	UnknownTrust float64
	// Evidence, when not nil, is the evidence of the view's claims
	// already weighed by evidence.Of; Origins, Trust and UnknownTrust are
	// then unused.
	Evidence *evidence.Table
	// Base maps evidence to the DF-QuAD base score in [0, 1]. Nil means
	// [BaseScore], 1 − 0.5^evidence.
	Base func(evidence float64) float64
	// Ratings maps a label and the evidence to a rating, first matching
	// rule first. Nil means [DefaultRatings].
	Ratings RatingTable
	// Support chooses what support edges do besides lending evidence;
	// the zero value is Lending.
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
	if o.Base == nil {
		o.Base = BaseScore
	}
	if o.Ratings == nil {
		o.Ratings = DefaultRatings
	}
	if o.MaxReasons == 0 {
		o.MaxReasons = DefaultMaxReasons
	}
	if o.Support > Necessary {
		return o, fmt.Errorf("%w: unknown support reading %d", ErrOptions, o.Support)
	}
	if !(o.Tolerance >= 0) || o.MaxIterations < 0 {
		return o, fmt.Errorf("%w: Tolerance negative or NaN, or MaxIterations negative", ErrOptions)
	}
	return o, nil
}

// DistinctSources returns the distinct sources claim c appears in:
// evidence.DistinctSources, for [Options.Origins].
func DistinctSources(v graph.View, c claims.Claim) ([]string, error) {
	return evidence.DistinctSources(v, c)
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

// The ratings of [DefaultRatings], after ClaimReview's alternateName.
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

// RatingRule is one row of a [RatingTable]: a verdict with this Label,
// evidence of at least MinEvidence ([Verdict].Evidence: its independent
// origins, own and lent, each weighted by its source's trust when
// [Options.Trust] is given, so without trust their number) and a
// strength of at least MinStrength gets Rating. A rating weighs a claim
// as its verdict does: two origins of distrusted sources are not the
// corroboration two trusted ones are.
//
// MinPrimary, when above 0, makes the rule match only a verdict whose
// claim has among its own origins a primary source (a video, a social
// post, an official statement, an interview, an informant:
// sources.Kind.Primary) that [Options.Trust] trusts at least that much
// ([Verdict].Primary): a primary source of established trust, which
// backs a claim without corroboration. Without Options.Trust no source
// has established trust, and such a rule matches nothing.
type RatingRule struct {
	Label       Label
	MinEvidence float64
	MinStrength float64
	MinPrimary  float64
	Rating      Rating
}

// RatingTable maps a verdict's label and evidence to its rating: the
// first rule that matches wins, and a verdict no rule matches is rated
// Unproven.
type RatingTable []RatingRule

// DefaultRatings is the default rating table:
//
//	label            evidence  strength  primary  rating
//	accepted                             ≥ 0.9    True (5): a primary source of established trust
//	accepted         ≥ 1.8     ≥ 0.75             True (5)
//	accepted         ≥ 1.8                        Mostly true (4)
//	accepted         < 1.8                        Unproven (3): unopposed but not corroborated
//	undecided                                     Mixed (3): evidence on both sides, neither prevails
//	rejected                   ≥ 0.25             Mostly false (2)
//	rejected                   < 0.25             False (1)
//	not-holding                                   Outdated (0: off the scale)
//	not-yet-holding                               Not yet holding (0: off the scale)
//
// So an uncontested claim with one independent origin is Unproven however
// many outlets repeat it, and True needs independent corroboration
// ([Corroboration]: two origins without trust, and with it the weight of
// two of established trust) or a primary source of established trust:
// one of the claim's own origins a primary source that Options.Trust
// trusts at [EstablishedTrust] or more.
var DefaultRatings = RatingTable{
	{Label: Accepted, MinPrimary: EstablishedTrust, Rating: RatingTrue},
	{Label: Accepted, MinEvidence: Corroboration, MinStrength: 0.75, Rating: RatingTrue},
	{Label: Accepted, MinEvidence: Corroboration, Rating: RatingMostlyTrue},
	{Label: Accepted, Rating: RatingUnproven},
	{Label: Undecided, Rating: RatingMixed},
	{Label: Rejected, MinStrength: 0.25, Rating: RatingMostlyFalse},
	{Label: Rejected, Rating: RatingFalse},
	{Label: NotHolding, Rating: RatingOutdated},
	{Label: NotYetHolding, Rating: RatingNotYet},
}

// EstablishedTrust is the trust from which [DefaultRatings] takes a
// primary source as one of established trust (the project's domain
// notes, ../shared/DOMAIN.md beside the repository: "true needs
// independent corroboration or a primary source of established trust").
const EstablishedTrust = 0.9

// Corroboration is the evidence from which [DefaultRatings] takes a claim
// as independently corroborated: the weight of two independent origins
// of established trust. Without Options.Trust an origin weighs 1, and it
// asks for two origins, as 2 would; with trust, two independent origins
// that Options.Trust trusts at EstablishedTrust corroborate a claim as
// one primary source at that trust backs it, where 2 would have asked
// for two sources trusted fully (two at 0.999998 weighed 1.999997, and
// left the claim Unproven).
const Corroboration = 2 * EstablishedTrust

// Rate returns the rating of the first rule of t that matches v, a
// verdict with its Label, Evidence, Strength and Primary; Unproven when
// none does. Evidence within [evidence.Tolerance] of a rule's
// MinEvidence meets it, as two weights that equal compare in the
// verdicts.
func (t RatingTable) Rate(v Verdict) Rating { return t.rate(&v) }

// rate is Rate, reading v in place: judge rates every verdict of a
// Compute, and a Verdict is too large to copy for each.
func (t RatingTable) rate(v *Verdict) Rating {
	for _, r := range t {
		if r.Label == v.Label && v.Evidence+eps >= r.MinEvidence && v.Strength >= r.MinStrength &&
			(r.MinPrimary <= 0 || v.Primary >= r.MinPrimary) {
			return r.Rating
		}
	}
	return RatingUnproven
}
