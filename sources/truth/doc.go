// Package truth implements truth discovery: given sources that assert
// conflicting values for the same questions, decide which sources deserve
// trust and which values are true.
//
// # Data model
//
// A [Dataset] holds sources, objects (the questions: "who wrote ISBN
// 0201853949?") and facts (the candidate answers: one value of one object).
// A source asserts facts. Facts of one object are mutually exclusive: at
// most one is true. A source asserting the same fact twice counts once.
// Optionally a fact implies another ([Dataset.SetImplication],
// [Dataset.ImplyBySimilarity]): TruthFinder's imp(f₁→f₂) in [−1, 1], so
// "Donald Knuth" can lend belief to "Donald E. Knuth".
//
// Build a Dataset with strings ([Dataset.Assert]), from a triples file
// ([ReadFile], [Dataset.ReadTriples], where [ReadOptions] chooses the
// columns, the delimiter and how raw values are grouped into facts, e.g.
// [TokenSet]) or with the numeric API for callers that already have dense
// IDs ([Dataset.AddSource], [Dataset.AddObject], [Dataset.AddFact],
// [Dataset.AssertID]). [Dataset.DeclareCopy] records known dependence
// between two sources for ACCU and DEPEN.
//
// [Discover] runs an [Algorithm] with [Options] and returns a [Result]:
// trust per source, belief per fact, the chosen fact per object (the
// highest belief; [Result.Tied] says when another fact has as much, and
// then the lowest [FactID] is named), the number of iterations and whether
// they converged. [Result.Known] tells which trusts rest on evidence: a
// source none of whose facts is contested (its object has two or more
// facts) or corroborated (another source, not a declared copy, asserts it
// too) was never put to the test. Results are deterministic: IDs follow
// insertion order and no map is iterated.
//
// # Claim graphs
//
// [FromGraph] maps a claim graph onto a Dataset. A question (an object) is
// a set of claims that cannot all hold: a clique of the contradiction
// graph, found greedily from each contradiction not yet inside one, not a
// whole connected component (in a chain a ⊥ b ⊥ c, a and c may both hold).
// A claim in several questions is a fact of each. A claim's votes are its
// evidence as package graph/evidence weighs it for verdicts, staleness and
// ratings: its independent origins and the origins its supporters lend
// it, each once. A source that only relays a claim does not vote for it,
// so relaying earns no trust: a source that only repeats another's claims
// is never trusted more than that other from them. Supports make no
// TruthFinder implications, which would count the lent evidence twice. A
// source with no tested vote (none contested,
// none corroborated) has no trust estimate: [GraphMap.Trust] leaves it
// out rather than report the prior. [GraphMap.Joint] reads the questions
// together: a claim's belief is its smallest over its questions, and a
// claim that loses one question is not chosen in another.
//
// # Algorithms
//
// Below, C_s is the set of facts source s asserts, S_f the sources asserting
// fact f, M_f the facts of f's object (f included), T trust and B belief.
// [ParseAlgorithm] accepts the names in parentheses.
//
// [Voting] ("voting"): B(f) = |S_f| / Σ_{d∈M_f} |S_d|, the fact's share of
// its object's votes. As a trust score, T(s) is the share of the tested
// facts of C_s (see [Result.Known]; all of C_s when none is) that won
// their object's vote: a fact alone in its object and asserted by s alone
// always wins, and says nothing of s. A fact tied for the top of its
// object neither won nor lost, so a source whose tested facts all tie
// has no trust estimate (trust 0, not Known).
//
// [Sums] ("sums"), Hubs and Authorities (Kleinberg, "Authoritative sources
// in a hyperlinked environment", JACM 1999) as adapted by Pasternack and
// Roth ("Knowing what to believe (when you already know something)", COLING
// 2010): T_i(s) = Σ_{f∈C_s} B_{i−1}(f), B_i(f) = Σ_{s∈S_f} T_i(s); prior
// belief 0.5.
//
// [AverageLog] ("averagelog", Pasternack and Roth 2010):
// T_i(s) = log|C_s| · Σ_{f∈C_s} B_{i−1}(f) / |C_s|, B_i(f) as in Sums; a
// source with one fact has trust 0.
//
// [Investment] ("investment", Pasternack and Roth 2010): sources invest
// their trust equally in their facts and are paid back in proportion to
// their stake: T_i(s) = Σ_{f∈C_s} B_{i−1}(f) · (T_{i−1}(s)/|C_s|) /
// Σ_{r∈S_f} T_{i−1}(r)/|C_r|, and B_i(f) = G(Σ_{s∈S_f} T_i(s)/|C_s|) with
// G(x) = x^g, g = 1.2. T₀ = 1; B₀(f) = |S_f| / Σ_{d∈M_f} |S_d| (vote share).
//
// [PooledInvestment] ("pooledinvestment", Pasternack and Roth 2010): trust as
// in Investment; with H_i(f) = Σ_{s∈S_f} T_i(s)/|C_s|, B_i(f) = H_i(f) ·
// G(H_i(f)) / Σ_{d∈M_f} G(H_i(d)), g = 1.4. The paper gives T₀ = 1 and no
// prior belief, so B₀ is the belief rule applied to T₀ (H₀(f) = Σ_{s∈S_f}
// 1/|C_s|): a uniform prior would hand a lone dissenter the whole prior
// belief of its facts and make it the most trusted source. At most 10
// iterations by default (as in the truthdiscovery library).
//
// [TruthFinder] ("truthfinder", Yin, Han and Yu, "Truth discovery with
// multiple conflicting information providers on the web", KDD 2007 and
// IEEE TKDE 20(6), 2008): t(w) = Σ_{f∈C_w} s(f) / |C_w|, τ(w) = −ln(1 −
// t(w)), σ(f) = Σ_{w∈S_f} τ(w), σ*(f) = σ(f) + ρ Σ_{f'} σ(f')·imp(f'→f), s(f)
// = 1 / (1 + e^{−γσ*(f)}). Defaults: t₀ = 0.9, γ (dampening) = 0.3, ρ
// (influence of implications) = 0.5; implications with base_sim = 0.5 via
// [Dataset.ImplyBySimilarity]. τ is capped at 30 should t round to 1.
//
// # Normalisation and convergence
//
// As in Pasternack and Roth, Sums, AverageLog, Investment and
// PooledInvestment divide trust and belief by their maxima after every
// iteration, so the most trusted source has trust 1. They stop when no
// normalised trust changed by [Options.Tolerance] (default 0.001) or more
// since the previous iteration, checked from the second iteration on (the
// first one only turns the prior beliefs into trust), or after
// [Options.MaxIterations] (20; 10 for PooledInvestment).
// Investment and PooledInvestment often oscillate and use the whole budget;
// [Result.Converged] tells. TruthFinder stops, as in the paper, when
// 1 − cos(t_i, t_{i−1}) of the trust vectors falls below the tolerance
// (0.001), at most 100 iterations; from a uniform t₀ this often takes only
// one or two iterations. ACCU and DEPEN stop when the chosen facts stayed
// the same and no source's accuracy moved by the tolerance, from the
// second iteration on, at most 20; they can oscillate between a few
// objects' values and then say so.
//
// # ACCU and DEPEN
//
// [Accu] ("accu") and [Depen] ("depen") are from Dong, Berti-Equille and
// Srivastava, "Integrating Conflicting Data: The Role of Source
// Dependence", PVLDB 2(1), 2009 (VLDB 2009); section numbers are the
// paper's. Each object has n false values besides its true one, equally
// likely (§2); n = [Options.FalseValues], 100.
//
// Votes (§3). A source S of accuracy A(S) gives each value it provides
// the vote A'(S) = ln(n·A(S)/(1 − A(S))). The vote count C(v) of a value
// sums the votes of its sources, each discounted by I(S), the probability
// that S provides v independently (below). The probability that v is true
// is e^{C(v)} / Σ_{v₀} e^{C(v₀)} over the object's n + 1 values, those no
// source gives counting C = 0: [Result.Belief], computed in log space.
// A(S) is the mean probability of S's values (clamped to [0.01, 0.99]):
// [Result.Trust]. Only its tested values ([Result.Known]) are averaged:
// a value only S gives, of an object with no other value, has
// probability A(S) itself, so it leaves the fixed point of the mean
// unchanged and only slowed the approach to it (a source with no tested
// value keeps the mean of all its values).
//
// Copy detection (§2, §3). For two sources S1, S2 that provide a
// common value, let kt be the objects where they give the same true value
// (the chosen one), kf the same false value and kd different values. With
// copy rate c ([Options.CopyRate], 0.8), a copier copies each value with
// probability c and otherwise provides it independently, so the
// observations have these probabilities under independence and under S1 →
// S2 (S1 copies S2):
//
//	same true value:  A1·A2            A2·c + A1·A2·(1−c)
//	same false value: (1−A1)(1−A2)/n   (1−A2)·c + (1−A1)(1−A2)(1−c)/n
//	different:        Pd               Pd·(1−c)
//
// with Pd = 1 − A1·A2 − (1−A1)(1−A2)/n. Bayes' rule with the prior α
// ([Options.CopyPrior], 0.2) of dependence, split evenly between the two
// directions, gives Pr(S1 ⊥ S2), Pr(S1 → S2) and Pr(S2 → S1). Sharing a
// false value is strong evidence of copying (n·c/(1−A) + 1 − c to 1),
// sharing a true one weak (c/A + 1 − c), and every disagreement counts
// 1 − c against it. The posterior odds are built from per-source
// likelihood ratios: as products while the counts are small (at most 8,
// where they cannot overflow), as sums of logarithms beyond. [Result.Dependence] lists the pairs whose probability
// of dependence is at least 1/2, with the likelier direction.
//
// Widely covered objects. Copy detection looks only at objects whose
// facts have at most [MaxCopySources] (256) distinct sources between
// them, and within a budget of pair incidences, [Options.MaxCopyPairs]
// (64 Mi), past which the objects with the most are left out too
// ([CopyChecks]). On an object left out every source of a value counts as
// independent (its vote whole), and the object is neither a shared value
// nor a difference for any pair; [Result.CopyUnchecked] lists such
// objects. A value so many sources provide is very likely true, and
// sharing a true value is weak evidence of copying; the bounds keep the
// pairs linear in the input and within the budget (see Complexity). No
// object of the Book data set (55 sources at most) or of the generated
// claim graphs (176 at 10k claims) reaches them.
//
// Discounted votes (§2). Given an order of the sources of a value,
//
//	I(S) = Π_{S₀ before S} (1 − c·Pr(S ~ S₀))
//
// where Pr(S ~ S₀) = Pr(S → S₀) + Pr(S₀ → S): whichever copied, a
// dependent pair provides a common value once plus the share 1 − c that a
// copier provides on its own. Trying every order is exponential, so, like
// the paper, this package orders greedily; its rule: first the source
// least dependent on the others, then each time the one least dependent on
// those already counted (the one whose vote is then the largest).
// A pair declared with [Dataset.DeclareCopy] has Pr = 1 and c = 1, so the
// copier adds nothing, and the original is counted first.
//
// Iteration (§2, §3). The first round takes every source as
// independent with accuracy [Options.InitialTrust] (0.8, the paper's ε =
// 0.2); each later round detects dependence from the previous round's
// chosen values and accuracies, then counts the votes again. DEPEN (§2)
// keeps every accuracy at 1 − ε, so its votes count independent sources;
// ACCU (§3) updates the accuracies each round.
// # Complexity
//
// [Dataset.Freeze] (called by [Discover]) sorts and de-duplicates the
// assertions by counting, O(A + S + F) for A assertions, and stores them
// as compressed sparse rows both ways: 8 bytes per assertion, beside the
// 8 of each assertion as added.
// One iteration of every algorithm is O(S + F + A) time for S sources and F
// facts (TruthFinder adds O(I) for I implications) and uses O(S + F) extra
// memory. [Dataset.ImplyBySimilarity] is quadratic in the facts per object.
// [Options].Progress, when set, is told of each iteration (see
// [graph.Progress]).
//
// ACCU and DEPEN look only at pairs of sources that assert a common fact:
// they list the sources of each fact, never all pairs of sources. They
// look for copying only on objects of at most [MaxCopySources] (256)
// distinct sources, within [Options.MaxCopyPairs] pair incidences in all
// ([CopyChecks]); the values of the other objects count every vote whole,
// and [Result.CopyUnchecked] lists those objects. With P = Σ_f
// |S_f|(|S_f|−1)/2 pair incidences (by fact) and P' = Σ_o |S_o|² (by
// object), both over the checked objects, the index costs O(P log d + P')
// time for d the pairs of one source and about 40 bytes per pair
// incidence in memory; each iteration costs O(P + A). With |S_o| ≤ 256,
// P ≤ 127.5·A and P' ≤ 256·A, and P ≤ MaxCopyPairs: linear in the
// assertions whatever the number of sources of an object (it was
// quadratic in it: a value of 8,000 sources made 32 million pairs), and
// at most about 2.7 GB at the default budget.
//
// # Input files
//
// [ReadFile] reads one assertion per line: tab-separated unless the file
// name ends in ".csv" or [ReadOptions.Comma] says otherwise. Format errors
// are [*ParseError] values with file, line and column.
package truth
