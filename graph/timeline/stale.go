package timeline

import (
	"encoding"
	"fmt"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/evidence"
	"github.com/claimgraph/claimgraph/graph/verdict"
)

// Options tunes [Stale].
type Options struct {
	// Strength is the evidence strength of a claim, compared between
	// contradicting claims as the verdicts compare evidence: a claim is
	// superseded only by one stronger by more than evidence.Tolerance,
	// and an end stands against a rival as strong within it. Nil means the weight of its evidence as the undated
	// verdicts weigh it, the one measure of package graph/evidence for
	// every analysis: independent origins, each once, with those its
	// supporters lend, a supporter the verdicts reject lending nothing
	// ([Evidence]).
	Strength func(claimID string) float64
	// Rejected reports the claims that supersede nothing: a claim the
	// verdicts reject is no reason to call another claim's appearance
	// stale. Nil means the claims the undated verdicts of package
	// graph/verdict reject, weighing the same evidence as Strength's
	// default.
	Rejected func(claimID string) bool
	// Verdict is passed to verdict.Compute for the defaults of Strength
	// and Rejected, which it computes once, undated: its Trust weighs
	// the evidence they compare (so that stale weighs a claim as the
	// verdicts of the same trust do), and the zero value weighs every
	// origin 1. Unused when both are given.
	Verdict verdict.Options
}

// Evidence returns the default evidence strength of [Options]: the weight
// of claim id's evidence in g as the undated verdicts of package
// graph/verdict weigh it, with their default options (evidence.Of with
// the claims they reject silent, so that a rejected supporter lends
// nothing), on a snapshot of g; 0 for an unknown claim. It computes the
// verdicts of the whole graph once, when called.
func Evidence(g *graph.Graph) func(id string) float64 {
	v := g.Snapshot()
	r, err := verdict.Compute(v, verdict.Options{})
	if err != nil {
		return sourceCount(v)
	}
	return weighed(r)
}

// weighed returns the evidence weight of each claim of r, 0 for an
// unknown claim.
func weighed(r *verdict.Result) func(id string) float64 {
	return func(id string) float64 {
		vd, _ := r.Verdict(id)
		return vd.Evidence
	}
}

// SourceCount returns an evidence strength for [Options]: the number of
// distinct sources claim id appears in within g, 0 for an unknown claim.
// It counts repetitions of one story by several outlets as several
// sources, so nine outlets relaying one anonymous official outweigh two
// independent officials; [Evidence], the default, does not. It reads g
// as it is at each call, not the snapshot [Stale] reads: where batches
// are applied while Stale runs, a claim's count may be of a later state
// than the claims Stale lists. The default, Strength nil, weighs Stale's
// own snapshot.
func SourceCount(g *graph.Graph) func(id string) float64 { return sourceCount(g.View) }

// sourceCount is [SourceCount] in view v.
func sourceCount(v graph.View) func(id string) float64 {
	return func(id string) float64 {
		s, err := v.SourcesOf(id)
		if err != nil {
			return 0
		}
		return float64(len(s))
	}
}

// Reason says why an appearance is stale.
type Reason uint8

// The reasons of a [StaleItem].
const (
	// Ended: the claim had stopped holding by the appearance's date.
	Ended Reason = iota + 1
	// Superseded: a contradicting claim stronger in evidence had taken
	// over from the claim by the appearance's date (see [Stale]).
	Superseded
)

var reasonNames = [...]string{"invalid", "ended", "superseded"}

// String returns "ended" or "superseded".
func (r Reason) String() string {
	if int(r) < len(reasonNames) {
		return reasonNames[r]
	}
	return fmt.Sprintf("invalid(%d)", r)
}

// MarshalText implements [encoding.TextMarshaler] with [Reason.String].
func (r Reason) MarshalText() ([]byte, error) {
	if r == 0 || int(r) >= len(reasonNames) {
		return nil, fmt.Errorf("timeline: invalid reason %d", r)
	}
	return []byte(r.String()), nil
}

var _ encoding.TextMarshaler = Reason(0)

// StaleItem is one stale appearance: a claim repeated after it stopped
// holding or after it was superseded.
type StaleItem struct {
	Claim      string      // the claim repeated
	Appearance int         // index of the appearance in the claim's Appearances
	Source     string      // where it appeared
	Date       claims.Date // the appearance's date, else its source's published date
	Reason     Reason

	// For Ended: the date on which the claim stopped holding
	// ([claims.Validity.End]).
	Stopped claims.Date

	// For Superseded: the stronger contradicting claim, the date it
	// started holding, and the strengths compared.
	By                   string
	Since                claims.Date
	Strength, ByStrength float64
}

// Stale returns the appearances of claims in g that are stale at their
// own date: the appearance's date, or when it has none the published date
// of its source; undated appearances are never stale, nor are appearances
// that speak of the past ([claims.Appearance].AboutPast) and appearances
// of events ([claims.Validity].Occurred: what happened stays true of the
// past). An appearance is stale when
//
//   - its claim had stopped holding by every day of that date
//     ([claims.Validity.Ended]), unless on some day of that date a
//     contradicting claim had taken over from it — started after the
//     claim did and holds that day, as the relation does — and every one
//     that had is rejected or has less evidence (weaker by more than evidence.Tolerance, its
//     evidence not capped): reason [Ended]; a claim that ended with no
//     rival taking over is stale after its end whatever its evidence; or
//     otherwise
//   - a claim that contradicts it takes over from it: the rival has a
//     dated start strictly after the claim's own (an open start is the
//     earliest), holds on every day of that date, as the relation does,
//     the claim had begun by its first day, and both hold together with
//     the relation on a day of that date ([claims.HoldTogether]: their
//     contradiction is live then, not resolved by time); and the rival is
//     stronger in evidence, by more than evidence.Tolerance ([Options.Strength]) and not rejected by the
//     verdicts ([Options.Rejected]): reason [Superseded], naming the
//     rival with the earliest start (then the first ID). A stronger rival
//     that was there first contests the claim but does not supersede it.
//     With the default Strength, a claim whose evidence is capped (a
//     lower bound, verdict.Verdict.Capped) is never shown weaker, as in
//     the verdicts.
//
// A partial date counts only when every day of it qualifies: an article
// dated "2024" is not stale for a claim that ended on 2024-06-19, as it
// may have been written before. Items come in the order of the claims,
// then of their appearances.
//
// It costs O(Σ (a + k) log (a + k)) over the claims, a a claim's
// appearances and k its contradictions, strength evaluations aside: the
// rivals of a claim are weighed once, for all the dates of its
// appearances at once (spared, superseders), not at each appearance.
//
// It reads one state of the graph, a [graph.View.Snapshot] of g. It
// fails only where the defaults of Strength or Rejected are wanted and
// verdict.Compute refuses opts.Verdict (a trust outside [0, 1], say).
func Stale(g *graph.Graph, opts Options) ([]StaleItem, error) {
	v := g.Snapshot() // one state of the graph throughout
	strength, rejected := opts.Strength, opts.Rejected
	// capped reports a claim whose evidence, as the verdicts weigh it, is
	// only a lower bound (verdict.Verdict.Capped): no rival can be shown
	// stronger, as no rival's attack on it fails for want of evidence.
	capped := func(string) bool { return false }
	// One computation of the verdicts gives both defaults: the claims
	// they reject, and the evidence they weigh, in which a rejected
	// supporter lends nothing. Where they cannot be computed (opts.Verdict
	// is invalid: a trust outside [0, 1], say), Stale fails rather than
	// weigh something else, distinct sources counting copies.
	var r *verdict.Result
	if rejected == nil || strength == nil {
		var err error
		if r, err = verdict.Compute(v, opts.Verdict); err != nil {
			return nil, fmt.Errorf("timeline: stale: %w", err)
		}
	}
	if rejected == nil {
		rejected = func(string) bool { return false }
		if r != nil {
			rejected = func(id string) bool {
				vd, ok := r.Verdict(id)
				return ok && vd.Label == verdict.Rejected
			}
		}
	}
	if strength == nil {
		strength = sourceCount(v)
		if r != nil {
			strength = weighed(r)
			capped = func(id string) bool {
				vd, _ := r.Verdict(id)
				return vd.Capped
			}
		}
	}
	memo := map[string]float64{}
	strengthOf := func(id string) float64 {
		s, ok := memo[id]
		if !ok {
			s = strength(id)
			memo[id] = s
		}
		return s
	}
	// A rival that is rejected defeats nothing; otherwise evidence is
	// compared as the verdicts compare it: within evidence.Tolerance it
	// is equal, and a capped claim's is a lower bound, never shown less.
	stronger := func(o, c string) bool { return !rejected(o) && strengthOf(o) > strengthOf(c)+evidence.Tolerance }
	notWeaker := func(o, c string) bool {
		return !rejected(o) && (capped(o) || strengthOf(o)+evidence.Tolerance >= strengthOf(c))
	}
	var out []StaleItem
	for c := range v.Claims() {
		if !c.Validity.Occurred.IsZero() {
			continue // an event: reporting it later is not repeating it as current
		}
		rels, _ := v.Contradictions(c.ID)
		rivals := after(v, c, rels)
		// The rivals are weighed once per claim, for all its dates:
		// spared and superseders (takeover.go), each made on first use.
		var spare []days
		spareDone := false
		endStands := func(d claims.Date) bool {
			if !spareDone {
				spare, spareDone = spared(c, rivals, notWeaker), true
			}
			return !meets(spare, daysIn(d))
		}
		var taken map[claims.Date]claims.Claim
		takenBy := func(d claims.Date) claims.Claim { // with no ID when none
			if taken == nil && len(rivals) > 0 {
				var strong []rival
				for _, o := range rivals {
					if stronger(o.ID, c.ID) {
						strong = append(strong, o)
					}
				}
				var dates []claims.Date
				for _, a := range c.Appearances {
					if d, ok := appearanceDate(v, a); ok {
						dates = append(dates, d)
					}
				}
				taken = superseders(c, strong, dates)
			}
			return taken[d]
		}
		for i, a := range c.Appearances {
			d, ok := appearanceDate(v, a)
			if !ok {
				continue
			}
			it := StaleItem{Claim: c.ID, Appearance: i, Source: a.Source, Date: d}
			if c.Validity.Ended(d) {
				if !endStands(d) {
					continue // the claims that took over have less evidence
				}
				it.Reason, it.Stopped = Ended, c.Validity.End()
				out = append(out, it)
				continue
			}
			if capped(c.ID) {
				continue
			}
			if by := takenBy(d); by.ID != "" {
				it.Reason, it.By, it.Since = Superseded, by.ID, by.Validity.Start()
				it.Strength, it.ByStrength = strengthOf(c.ID), strengthOf(by.ID)
				out = append(out, it)
			}
		}
	}
	return out, nil
}

// appearanceDate returns the date a of a claim is weighed at: its own,
// else its source's; false for one about the past, and for one with
// neither date.
func appearanceDate(v graph.View, a claims.Appearance) (claims.Date, bool) {
	if a.AboutPast {
		return claims.Date{}, false
	}
	d := a.Date
	if d.IsZero() {
		if s, ok := v.SourceInfo(a.Source); ok {
			d = s.Published
		}
	}
	return d, !d.IsZero()
}

// rival is a claim that contradicts another and came after it (see
// after), with the validity of their relation.
type rival struct {
	claims.Claim
	rel claims.Validity
}

// after returns the claims of c's contradictions rels that came after c:
// each started holding strictly after c started (c's open start is the
// earliest; a rival with an open start was there first). They are read
// once a claim, for all its appearances.
func after(v graph.View, c claims.Claim, rels []claims.Relation) []rival {
	var out []rival
	cStart := c.Validity.Start()
	for _, r := range rels {
		other, _ := r.Other(c.ID)
		o, ok := v.ClaimInfo(other) // its ID and validity: not its appearances
		start := o.Validity.Start()
		if !ok || start.IsZero() || !cStart.IsZero() && start.First().Compare(cStart.First()) <= 0 {
			continue
		}
		out = append(out, rival{o, r.Validity})
	}
	return out
}
