// Package verdict decides, for every claim of a claim graph, whether the
// evidence accepts it, rejects it or leaves it open, how strong it is, and
// why, as of any date.
//
// # From claims to arguments
//
// [Compute] takes a [graph.View] — the whole graph or the view of a date
// from [graph.Graph.At] — and makes each of its claims an argument of an
// abstract argumentation framework (package graph/af).
//
// A claim's evidence is the number of its independent origins, each
// weighted by its source's trust when [Options.Trust] is given (a map from
// source ID to a trust in [0, 1], such as package sources/truth computes;
// an origin missing from the map weighs [Options.UnknownTrust], 0.5 by
// default). Origins come from [Options.Origins]; by default they are the
// claim's independent origins from package graph/provenance, so three
// outlets relaying one video count once. [DistinctSources] is the cheaper
// count of distinct sources.
//
// A contradiction is symmetric, so it becomes an attack in each direction,
// resolved by preference: the attack of a claim with less evidence on one
// with more fails. Equal evidence (within 1e-9) leaves both attacks, and
// both claims open unless something else decides them. On the undated view
// every contradiction counts; ask a dated view to let time separate claims
// whose validities do not overlap.
//
// # Support
//
// Support edges transmit attacks as in the bipolar argumentation frameworks
// of Cayrol and Lagasquie-Schiex. The default reading, [Bipolar], derives
// their two complex attacks:
//
//   - supported attack: a supports b and b attacks c, so a attacks c;
//   - secondary attack: a supports b and c attacks a, so c attacks b.
//
// Neither pure reading of support gives exactly this pair. Under the
// deductive reading ("if a is accepted, b is") the supported attack is
// sound and its companion is the mediated attack (c attacks b, so c attacks
// a); under the necessary reading ("b cannot be accepted without a") the
// secondary attack is sound and its companion is the extended attack (a
// attacks c, so b attacks c). Support in a claim graph is evidential: the
// supporter is both a claim that carries the supported one (an instance
// implies the general claim: deductive) and part of the grounds the
// supported claim is believed on (if the instance is refuted, the general
// claim loses that ground: necessary). We therefore keep Cayrol and
// Lagasquie-Schiex's original pair as the default, and offer the pure
// readings as [Deductive] and [Necessary] through [Options.Support], and
// [NoComplexAttacks] for support that only lends strength.
//
// A derived attack is subject to the same preference as a direct one (a
// weaker claim does not defeat a stronger one through a supporter), and it
// is derived through exactly one support edge from a contradiction attack
// that succeeded: Compute never builds the closure of support. This costs
// O(Σ over supports (a, b) of the attack degrees of a and b), that is
// O(edges × degree), and keeps every derived attack explainable by one
// intermediate claim ([Reason].Via).
//
// # Labels and strength
//
// The labels are those of the grounded labelling, af.Grounded: a claim
// whose every attacker is rejected is [Accepted] (reinstatement included),
// a claim with an accepted attacker is [Rejected], and the rest are
// [Undecided]. The grounded labelling is unique and costs linear time.
//
// The strength is the DF-QuAD strength (af.DFQuAD) of the claim in the
// quantitative bipolar framework of the successful contradiction attacks
// and the support edges (derived attacks are left out: DF-QuAD propagates
// support itself). The base score is [Options.Base] of the evidence,
// by default [BaseScore], 1 − 0.5^evidence: one origin 0.5, two 0.75, three
// 0.875. Strength is exact when the framework is acyclic and otherwise the
// fixed point of the iteration; [Result] reports which, and the number of
// rounds.
//
// # Verdicts
//
// A [Verdict] gives a claim's label, strength, a [Rating] and a few
// [Reason] values, each naming another claim with its sources: for a
// rejected claim the accepted claims that defeat it, for an accepted claim
// its attackers with the accepted claim that defeats each and the
// contradicting claims whose attack failed for want of evidence, for an
// undecided claim its undecided attackers.
//
// The rating is a ClaimReview-style reviewRating — alternateName and
// ratingValue from 1 (False) to 5 (True) — given by [Options.Rate], by
// default [DefaultRating], which documents its thresholds.
//
// # Time
//
// On a dated view a claim whose validity has ended is not in the
// framework: it gets the label [NotHolding], with [Verdict].Since the date
// it stopped holding, and a claim whose validity has not begun gets
// [NotYetHolding] with the date it begins. Neither is undecided: time, not
// evidence, decides them. Compute finds them in the whole graph
// ([graph.View.Graph]), so [Result] has a verdict for every claim.
//
// # Cost
//
// Compute reads each claim and relation of the view once, then runs in
// O(claims + attacks) for the labels and the ordering of the attacks,
// and the same per DF-QuAD round. DF-QuAD works one strongly connected
// component at a time and, within one, updates only the arguments whose
// inputs moved (see [af.DFQuADIter]). The graph/synth graphs join most
// claims in one cycle of support and attack (835,000 of 1,000,000), and
// DF-QuAD needs 45 rounds over it to settle: that iteration is most of the
// cost. Timings are in the README's Performance table.
//
// [Options].Progress, when set, is told of the stages "evidence",
// "strengths" and "verdicts" as they go (see [graph.Progress]).
//
// Package graph/claimreview turns a [Result] into the ratings of
// schema.org ClaimReview markup with claimreview.FromVerdicts.
package verdict
