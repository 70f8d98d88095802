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
// A claim's evidence is that of package graph/evidence, the one measure
// every analysis uses: its independent origins, each weighted by its
// source's trust when [Options.Trust] is given (an origin missing from the
// map weighs [Options.UnknownTrust], 0.5 by default), together with the
// origins its supporters lend it, each origin counted once. Origins come
// from [Options.Origins]; by default they are the claim's independent
// origins from package graph/provenance, so three outlets relaying one
// video count once. [DistinctSources] is the cheaper count of distinct
// sources. [Options.Evidence] takes evidence already weighed.
//
// A contradiction is symmetric, so it becomes an attack in each direction,
// resolved by preference: the attack of a claim with less evidence on one
// with more fails. Equal evidence (within 1e-9) leaves both attacks, and
// both claims open unless something else decides them. Only a live
// contradiction attacks: one that time resolves does not (see Time).
//
// A claim whose lent origins filled evidence.MaxLent has an evidence
// that is a lower bound ([Verdict].Capped, "at least N (capped)"): its
// attacks never fail for want of evidence, so that the cap never flips a
// verdict. Where its lower bound beats its opponent it wins; otherwise
// both attacks stand and both claims are open.
//
// # Support
//
// By default ([Lending]) a support edge lends the supporter's evidence to
// the supported claim and does nothing else: a claim is rejected or held
// open only by claims that contradict it directly, and a cycle of support
// adds nothing beyond the evidence entering it (see graph/evidence).
//
// A claim the run rejects lends nothing, in every reading. Compute labels
// the claims; the rejected ones that support another stop lending
// (evidence.Options.Silent); it weighs the evidence and labels the claims
// again, and repeats until no rejected claim lends. A claim once rejected
// in a round lends nothing afterwards, even if a later round accepts it:
// the set of silent claims only grows, so the rounds end, after at most
// one more than the claims that support another, and corroboration is
// never over-counted. Under [Lending] a round after the first redoes only
// what the claims it silences change (see Cost); in the other readings
// each round costs what the first does, linear in the claims and
// relations (the origins are found once). [Result].Rounds
// says how many there were and [Result].Silent which claims lend nothing:
// on the seed data 1 round (no rejected claim supports another); on the
// generated graphs of TestDigests 6 to 10 at 10k claims, 13 (synth) and
// 7 (generate) at 100k, about a fifth of the claims silent. Every reader of the verdicts'
// evidence — Evidence, Lent and ratings, package graph/diff, ClaimReview,
// and the votes of truth.FromGraphSilent given Result.Silent — weighs the
// same thing. A precomputed [Options].Evidence is taken as it is: no
// rounds.
//
// [Options.Support] can also derive the complex attacks of the bipolar
// argumentation frameworks of Cayrol and Lagasquie-Schiex. [Bipolar]
// derives their two:
//
//   - supported attack: a supports b and b attacks c, so a attacks c;
//   - secondary attack: a supports b and c attacks a, so c attacks b.
//
// Neither pure reading of support gives exactly this pair. Under the
// deductive reading ("if a is accepted, b is", [Deductive]) the supported
// attack is sound and its companion is the mediated attack (c attacks b,
// so c attacks a); under the necessary reading ("b cannot be accepted
// without a", [Necessary]) the secondary attack is sound and its
// companion is the extended attack (a attacks c, so b attacks c).
//
// A derived attack is subject to the same preference as a direct one (a
// weaker claim does not defeat a stronger one through a supporter), and it
// is derived through exactly one support edge from a contradiction attack
// that succeeded: Compute never builds the closure of support. This costs
// O(Σ over supports (a, b) of the attack degrees of a and b), that is
// O(edges × degree), and keeps every derived attack explainable by one
// intermediate claim ([Reason].Via). A supported or extended attack is
// made by way of that claim (the attacker lends it support, or borrows
// its attack); when the labelling rejects it, the attack is dropped and
// the labels computed again, so that no supported or extended attack
// names a Via the same run rejects. A secondary or mediated attack is
// the other way round: it reaches its target through the claim its
// attacker contradicts, and that rejection is its point — c defeats a,
// on which b depends (secondary), or c defeats b, which a implies
// (mediated) — so when its attacker is accepted its Via is rejected in
// the same run, by definition, and the reason says so ("defeated by c,
// which defeats a, on which b depends"). In every reading no reason of
// an undecided or rejected verdict names as its Claim a claim the same
// run rejects.
//
// # Labels and strength
//
// The labels are those of the grounded labelling, af.Grounded: a claim
// whose every attacker is rejected is [Accepted] (reinstatement included),
// a claim with an accepted attacker is [Rejected], and the rest are
// [Undecided]. The grounded labelling is unique and costs linear time.
//
// The strength is the DF-QuAD strength (af.DFQuAD) of the claim in the
// framework of the successful contradiction attacks. Support is not an
// edge there: it has lent its evidence to the base score already, and the
// DF-QuAD fixed point of a support cycle is 1 whatever enters it. The
// base score is [Options.Base] of the evidence,
// by default [BaseScore], 1 − 0.5^evidence: one origin 0.5, two 0.75, three
// 0.875. Strength is exact when the framework is acyclic. On a cycle of
// attack DF-QuAD's equations may have several solutions: two claims of
// equal evidence that contradict each other, with base score 1 (evidence
// past about 53 origins rounds 1 − 0.5^evidence to 1), admit any pair
// (s, 1 − s). af.DFQuADIter first narrows, for each claim, an interval
// that holds every solution (closing it by interval Newton steps on
// small components), and the strength is the centre of that interval;
// [Result].Bound is the proven bound on the error that follows: every
// solution is within Bound of each Strength. It is 0 on an acyclic
// framework and at most the tolerance, with rounding, where the solution
// is unique. [Result] also says whether every strength is a fixed point
// and in how many rounds the bounds settled.
//
// # Verdicts
//
// A [Verdict] gives a claim's label, strength, a [Rating] and a few
// [Reason] values, each naming another claim with its sources and
// evidence: for a
// rejected claim the accepted claims that defeat it, for an accepted claim
// its attackers with the accepted claim that defeats each and the
// contradicting claims whose attack failed for want of evidence, for an
// undecided claim its undecided attackers.
//
// The rating is a ClaimReview-style reviewRating — alternateName and
// ratingValue from 1 (False) to 5 (True) — looked up in a [RatingTable]
// from the label, the evidence (the claim's independent origins, own and
// lent, weighted by trust when [Options.Trust] is given, as the verdict
// weighs them; without trust their number), the strength and, with
// trust, the most trusted primary source among the claim's own origins
// ([Verdict].Primary): [Options.Ratings], by default [DefaultRatings],
// which documents its rows. An uncontested claim with one independent
// origin is Unproven, however many outlets repeat it; True needs
// corroboration, or a primary source of established trust (a video, an
// official statement... that Options.Trust trusts at [EstablishedTrust]
// or more).
//
// # Time
//
// On a dated view a claim whose validity has ended is not in the
// framework: it gets the label [NotHolding], with [Verdict].Since the date
// it stopped holding, and a claim whose validity has not begun gets
// [NotYetHolding] with the date it begins. Neither is undecided: time, not
// evidence, decides them. Compute finds them in the whole graph
// ([graph.View.Graph]), so [Result] has a verdict for every claim; their
// evidence is weighed in the whole graph, a claim the run rejects lending
// nothing there either.
//
// A contradiction between claims whose validities never overlap is
// resolved by time, not open. So a contradiction attacks only when it is
// live as of the view's date: both claims and the relation hold together
// on some day of it, and on the undated view on some day at all
// ([claims.HoldTogether], the test package graph/timeline uses to call a
// conflict live, and which [graph.Link.Resolved] carries). Otherwise it is
// no attack either way: it defeats nothing, is named in no reason and
// leaves nothing open. "China was North Korea's only treaty ally" (until
// 19 June 2024) and "Russia and North Korea have a defence treaty" (from
// that day) contradict each other and are both accepted, undated and as
// of 2024 alike: as of a partial date each may hold, but a contradiction
// is live only if they hold on the same day. The [Tracker] follows the
// same rule, and recomputes everything ([FallbackTime]) when a batch
// replaces a claim with a validity that changes which of its
// contradictions are live.
//
// The undated view weighs all time at once, not each day: a supporter
// lends its evidence even if it never holds while a contradiction of the
// claim it supports is live, and the derived attacks of [Bipolar],
// [Deductive] and [Necessary] support ignore time. With a (2020–2021, two
// independent origins) supporting b (undated, one) and c (from 2023, two)
// contradicting b, the undated verdicts accept b, with three origins, two
// lent by a, and reject c; as of any date from 2023, a no longer holds
// and lends nothing, and c is accepted, b rejected. Package
// graph/timeline's stale appearances judge superseders by the undated
// verdicts too. For a judgement at a date, compute on the view of that
// date ([graph.Graph.At]; --at DATE on the command line).
//
// # Cost
//
// Compute weighs the evidence of the view (evidence.Of: O(claims +
// supports × evidence.MaxLent)), reads each relation once, then runs in
// O(claims + attacks) for the labels and the ordering of the attacks,
// once more per round that drops a derived attack through a rejected
// claim (none under Lending). In the readings that derive attacks, all
// of that is done again in each round of silencing (above), the origins
// excepted. Under Lending, the default, a round after the first costs
// O(Σ (1 + supports) × evidence.MaxLent) over the claims whose lent
// origins it weighs again — those below the claims it silences, down to
// where the origins reaching a claim are unchanged, or change only past
// the MaxLent smallest that a full set keeps (evidence.Silencer) —
// plus O(Σ contradictions) over the claims whose evidence moved and over
// those it labels again: the claims whose attackers changed, the
// accepted and rejected claims downstream whose justification fell with
// them, and the undecided claims one of whose attackers it decides. The
// grounded labelling is kept with a rank for each accepted and rejected
// claim, so that a claim attacked by an accepted claim the change does
// not reach stays rejected (the pruning of Alfano, Greco and Parisi,
// IJCAI 2017, made exact for the grounded labelling), and the next claims
// to silence are looked for among those labelled again: no round after
// the first makes a pass over the graph. On the 100k claims of graph/synth the 12
// rounds after the first weigh 255k claims again in all (78k after the
// first), and the last rounds label tens of claims again: the rounds take
// 0.9 s of CPU, against 2.9 s with each round computed afresh
// (BenchmarkRounds). Then O(claims + defeats) per DF-QuAD round, at most
// [Options].MaxIterations rounds of the bounds, Newton steps included.
// DF-QuAD works one strongly connected component of the defeats at a time
// and, within one, updates only the arguments whose inputs moved (see
// [af.DFQuADIter]). Writing the verdicts costs O(claims + reasons), in a
// few allocations: the distinct sources and reasons of all verdicts are
// cut from shared arrays, each piece with its capacity clipped, so that
// an append to one copies it rather than overwrite its neighbour. A
// verdict counts its lent origins ([Verdict].Lent) and [Result.Lent]
// lists them on demand, in O(evidence.MaxLent) a claim: listed for every
// claim they would be tens of millions of strings at a million claims.
// Memory is linear in the same terms.
//
// On more than one processor Compute uses them where the work splits:
// the default origins are found by one goroutine per processor, the
// lent origins are passed down the levels of support with each wide
// level split between up to one goroutine per processor, in the first
// round and in each round of silencing (evidence.Silenced, whose
// Silencer lends through the supports in the first round as in the
// others, and orders the claims by level beside the origins), and the
// claims are weighed on all; the relations
// are read beside the evidence, DF-QuAD runs beside the grounded
// labelling when there is one round, and on a large view the verdicts
// are written in two halves. The labels of the rounds and DF-QuAD run
// on one goroutine. The result is the same as on one processor, in
// every order. Under Lending most of the time goes to weighing the
// evidence (provenance and lent origins), not to DF-QuAD. Timings are
// in the README's Performance table.
//
// # After a change
//
// [Track] computes the verdicts of a whole graph once and returns a
// [Tracker]; after each batch applied to the graph, [Tracker.Update]
// recomputes only what the batch can reach: the evidence of the claims
// below the changed ones along supports, and the labels, strengths and
// verdicts of the claims downstream of those whose attacks changed, with
// their strongly connected components, the rest being fixed inputs. Its
// result is Compute's (see Update for what "equal" means for the
// iteration's figures). It follows the default reading of support only.
// Track finds the origins and the labels, strengths and verdicts with
// Compute's code; it weighs the evidence itself, as Update does. It keeps
// the rounds of silencing as deltas (the round that silenced each claim,
// and each claim's state in the rounds where it differs from the last),
// and Update replays them over what the batch reaches, round by round,
// so that the claims silenced are those Compute's rounds would silence
// on the changed graph (see Update).
//
// [Options].Progress, when set, is told of the stages "evidence",
// "strengths" and "verdicts" as they go (see [graph.Progress]).
//
// Package graph/claimreview turns a [Result] into the ratings of
// schema.org ClaimReview markup with claimreview.FromVerdicts.
package verdict
