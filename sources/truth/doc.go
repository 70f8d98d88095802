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
// [Dataset.AssertID]). A claim graph maps onto it as: claims → facts,
// contradiction-connected components → objects, support edges → positive
// implications (which may join facts of different objects).
//
// [Discover] runs an [Algorithm] with [Options] and returns a [Result]:
// trust per source, belief per fact, and the chosen fact per object (the
// highest belief, ties to the lowest [FactID]). Results are deterministic:
// IDs follow insertion order and no map is iterated.
//
// # Algorithms
//
// Below, C_s is the set of facts source s asserts, S_f the sources asserting
// fact f, M_f the facts of f's object (f included), T trust and B belief.
// [ParseAlgorithm] accepts the names in parentheses.
//
// [Voting] ("voting"): B(f) = |S_f|. As a trust score, T(s) is the share of
// C_s that won its object's vote.
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
// one or two iterations.
//
// # Complexity
//
// [Dataset.Freeze] (called by [Discover]) sorts and de-duplicates the
// assertions, O(A log A) for A assertions, and stores them as compressed
// sparse rows both ways: 16 bytes per assertion plus 8 while building.
// One iteration of every algorithm is O(S + F + A) time for S sources and F
// facts (TruthFinder adds O(I) for I implications) and uses O(S + F) extra
// memory. [Dataset.ImplyBySimilarity] is quadratic in the facts per object.
// On a two-core machine, 5 million assertions take tens of milliseconds per
// iteration.
//
// # Input files
//
// [ReadFile] reads one assertion per line: tab-separated unless the file
// name ends in ".csv" or [ReadOptions.Comma] says otherwise. Format errors
// are [*ParseError] values with file, line and column.
package truth
