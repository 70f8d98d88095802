package verdict

import (
	"fmt"
	"sync"

	"github.com/claimgraph/claimgraph/claims"
)

// Label is the outcome for one claim. The first three are the labels of
// the grounded semantics; the last two say that the claim is not in the
// dated view because of its validity.
type Label uint8

// The labels of a [Verdict].
const (
	Undecided     Label = iota // grounded UNDEC: left open by the evidence
	Accepted                   // grounded IN: every attacker is rejected
	Rejected                   // grounded OUT: an accepted claim defeats it
	NotHolding                 // its validity ended before the view's date
	NotYetHolding              // its validity begins after the view's date
)

var labelNames = [...]string{"undecided", "accepted", "rejected", "not-holding", "not-yet-holding"}

// String returns "undecided", "accepted", "rejected", "not-holding" or
// "not-yet-holding".
func (l Label) String() string { return name(labelNames[:], uint8(l), "Label") }

// MarshalText implements encoding.TextMarshaler with [Label.String].
func (l Label) MarshalText() ([]byte, error) { return text(labelNames[:], uint8(l), "label") }

// AttackKind says where an attack between two claims comes from.
type AttackKind uint8

// The kinds of attack. Contradiction is a contradiction edge of the graph;
// the others are the complex attacks of bipolar argumentation, derived
// through one support edge (see the package documentation).
const (
	Contradiction AttackKind = iota + 1 // the claims contradict each other
	Supported                           // the attacker supports a claim that attacks the target
	Secondary                           // the attacker attacks a claim that supports the target
	Mediated                            // the attacker attacks a claim the target supports
	Extended                            // the attacker is supported by a claim that attacks the target
)

var attackNames = [...]string{"", "contradiction", "supported", "secondary", "mediated", "extended"}

// String returns the kind's name, such as "supported".
func (k AttackKind) String() string { return name(attackNames[:], uint8(k), "AttackKind") }

// MarshalText implements encoding.TextMarshaler with [AttackKind.String].
func (k AttackKind) MarshalText() ([]byte, error) {
	return text(attackNames[:], uint8(k), "attack kind")
}

// name returns names[i], or "What(i)" for a value without a name.
func name(names []string, i uint8, what string) string {
	if int(i) < len(names) && names[i] != "" {
		return names[i]
	}
	return fmt.Sprintf("%s(%d)", what, i)
}

// text is MarshalText for an enumeration with the given names.
func text(names []string, i uint8, what string) ([]byte, error) {
	if int(i) >= len(names) || names[i] == "" {
		return nil, fmt.Errorf("verdict: invalid %s %d", what, i)
	}
	return []byte(names[i]), nil
}

// ReasonKind says how the claim of a [Reason] bears on the verdict.
type ReasonKind uint8

// The kinds of reason.
const (
	DefeatedBy ReasonKind = iota + 1 // an accepted claim whose attack rejects this one
	Attacker                         // a rejected attacker; By names an accepted claim that defeats it
	Weaker                           // a contradicting claim whose attack fails for want of evidence
	Open                             // an undecided attacker that keeps this claim open
)

var reasonNames = [...]string{"", "defeated-by", "attacker", "weaker", "open"}

// String returns the kind's name, such as "defeated-by".
func (k ReasonKind) String() string { return name(reasonNames[:], uint8(k), "ReasonKind") }

// MarshalText implements encoding.TextMarshaler with [ReasonKind.String].
func (k ReasonKind) MarshalText() ([]byte, error) {
	return text(reasonNames[:], uint8(k), "reason kind")
}

// Reason is one claim that explains a verdict, with its sources.
type Reason struct {
	Kind    ReasonKind
	Claim   string     // the other claim
	Attack  AttackKind // how Claim attacks (or, for Weaker, would attack) the verdict's claim
	Via     string     // for a complex attack, the claim of the support step
	Sources []string   // the distinct sources Claim appears in
	// Evidence is the weight of Claim's evidence ([Verdict].Evidence),
	// Capped whether that is a lower bound ([Verdict].Capped).
	Evidence float64
	Capped   bool
	// By, BySources and ByEvidence name, for an Attacker, an accepted claim that
	// defeats it (empty when none: an attacker rejected only by a claim
	// left out of MaxReasons never happens, as every rejected claim has
	// an accepted attacker).
	By         string
	BySources  []string
	ByEvidence float64
	ByCapped   bool
}

// Rating is a ClaimReview-style rating: Name is the reviewRating's
// alternateName ("Mostly true") and Value its ratingValue on the scale
// worstRating 1 to bestRating 5. Value 0 means the verdict is not placed
// on the scale (a claim that is not holding at the view's date).
type Rating struct {
	Name  string
	Value int
}

// Verdict is the outcome for one claim.
type Verdict struct {
	Claim string
	Label Label
	// Since is, for NotHolding, the date its validity ended (the first
	// date it no longer holds) and, for NotYetHolding, the date it
	// begins; zero otherwise.
	Since claims.Date
	// Evidence is the claim's evidence weight (package graph/evidence):
	// the sum of the trust of its independent origins and of those its
	// supporters lend it, each once (see [Options.Origins] and
	// [Options.Trust]).
	Evidence float64
	// Capped reports that the origins lent to the claim filled
	// evidence.MaxLent, so that Evidence and Lent are lower bounds: the
	// claim has at least that evidence (evidence.Evidence.Capped). Its
	// attacks on other claims then never fail for want of evidence.
	Capped bool
	// Origins are the claim's own independent origins; Lent is the
	// number of further origins its supporters lend it (not among
	// Origins), listed by [Result.Lent]; both count in Evidence.
	Origins []string
	Lent    int
	// Base is the DF-QuAD base score derived from Evidence, Strength the
	// final DF-QuAD strength in [0, 1]. Both are 0 for a claim not
	// holding at the view's date.
	Base, Strength float64
	// Primary is the highest trust that [Options.Trust] gives one of
	// the claim's own origins that is a primary source (a video, a
	// social post, an official statement, an interview, an informant:
	// sources.Kind.Primary) standing for itself, not for a cycle of
	// sources that draw on each other (circular reporting is first-hand
	// material of no one); 0 without Options.Trust, or when no such
	// origin is in it. A [RatingRule] may ask for it (MinPrimary).
	Primary float64
	Rating  Rating
	// Reasons explain the label, at most [Options.MaxReasons] of them,
	// strongest first; More counts those left out.
	Reasons []Reason
	More    int
}

// Independent returns the number of independent origins behind the
// verdict's claim, its own and lent: the corroboration a [RatingTable]
// asks for.
func (v Verdict) Independent() int { return len(v.Origins) + v.Lent }

// Result is the outcome of [Compute]: a verdict for every claim of the
// view's graph, and what the gradual computation reports.
type Result struct {
	// Date is the date of the view, zero for the whole graph.
	Date claims.Date
	// Verdicts holds one verdict per claim of the graph, in the order
	// the claims were added: the claims of the view, and on a dated view
	// also those left out of it by their validity.
	Verdicts []Verdict
	// Attacks is the number of attacks of the framework the labels come
	// from, after preference and with the derived attacks; Failed is the
	// number of contradiction attacks that failed for want of evidence.
	Attacks, Failed int
	// Acyclic, Converged and Iterations are those of the DF-QuAD run
	// (see [af.Strengths]): exact when Acyclic, a fixed point when
	// Converged, otherwise, on a cyclic component, the centre of the
	// bounds on its solutions after at most Iterations rounds (Bound
	// bounds the error).
	Acyclic, Converged bool
	Iterations         int
	// Bound bounds the error of every Strength: each strength DF-QuAD
	// admits for a claim, that is each fixed point of its equations, is
	// within Bound of the claim's Strength (af.Strengths.Bound). It is 0
	// when Acyclic and at most the tolerance when the strengths are
	// unique; a larger Bound says where they are not, as between claims
	// of equal evidence, base score 1, that contradict each other.
	Bound float64
	// Rounds is the number of times the labels were computed: after each
	// round the claims it rejects stop lending their evidence (Silent),
	// and the evidence and labels are computed again, until no rejected
	// claim lends, or [MaxRounds] rounds (see Unsettled). 1 when no
	// rejected claim supports another.
	Rounds int
	// Silent holds the claims that lend nothing: each was rejected in
	// some round, and stays silent afterwards, whatever its final label.
	// Nil when none. Pass it as evidence.Options.Silent to weigh evidence
	// as the verdicts did.
	Silent map[string]bool
	// Unsettled counts the rejected claims that still lend their evidence
	// because the rounds stopped at [MaxRounds]; 0 when they settled.
	Unsettled int

	once  sync.Once
	index map[string]int // position of each verdict by claim, built on first use

	// lent lists the lent origins of the i-th verdict; nil for none.
	lent func(i int) []string
}

// find returns the position of the verdict on claim id. The first call
// indexes the verdicts by claim, in O(verdicts).
func (r *Result) find(id string) (int, bool) {
	r.once.Do(func() {
		if r.index != nil {
			return
		}
		r.index = make(map[string]int, len(r.Verdicts))
		for i, v := range r.Verdicts {
			r.index[v.Claim] = i
		}
	})
	i, ok := r.index[id]
	return i, ok
}

// Verdict returns the verdict on claim id. The first call indexes the
// verdicts by claim, in O(verdicts); later calls cost a map look-up.
func (r *Result) Verdict(id string) (Verdict, bool) {
	i, ok := r.find(id)
	if !ok {
		return Verdict{}, false
	}
	return r.Verdicts[i], true
}

// Lent returns the origins claim id's supporters lend it, not among its
// own, in the order the view's claims first name them (as
// [evidence.Table.Lent] lists them): Verdict.Lent of them. It is nil for
// a claim without a verdict. The list is built on each call, in
// O(evidence.MaxLent) besides the look-up of [Result.Verdict], so that a
// Result does not hold the lent origins of every claim as strings (tens
// of millions of them for a million claims).
func (r *Result) Lent(id string) []string {
	i, ok := r.find(id)
	if !ok || r.lent == nil {
		return nil
	}
	return r.lent(i)
}
