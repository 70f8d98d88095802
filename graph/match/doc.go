// Package match finds claims that may be one claim in other words, and
// claims that may contradict each other, for a person to decide.
//
// Two wordings of one proposition split its evidence in half: origins,
// verdicts and trust all count per claim. Matching suggests the pairs; a
// person records the decision in the graph as a relation of kind
// [claims.SameAs] or [claims.DistinctFrom] (see [Decide]), and a pair
// decided either way is never suggested again.
//
// # What is compared
//
// Every claim brings its text and each distinct quote of its
// appearances: a quote is a wording of its claim. Each wording is
// normalised: lower-cased, Latin diacritics folded ([Fold]), split into
// words ([Words]), stop words of its language dropped, English words
// stemmed. The language is the BCP 47 tag of the wording
// ([claims.Claim.Lang] for its text, [claims.Appearance.Lang] for a
// quote), else [Options.Lang], else guessed per wording from the stop
// words of the languages the package knows: English, German, French and
// Spanish. Chinese, Japanese and Korean, which are not written in words
// separated by spaces, are split into overlapping character bigrams
// instead ([Words]), which two wordings of one claim share as wordings in
// English share words. Matching across languages
// is out of scope unless a translation is stored as a quote.
//
// # Finding candidates
//
// Comparing every pair would cost the square of the number of claims, so
// [Find] compares only the candidates that MinHash with locality-sensitive
// hashing brings together: each wording's set of content words gets a
// signature of Bands × Rows minimum hashes, and two claims are candidates
// when some band of their signatures agrees. Two wordings with Jaccard
// similarity J of their words become candidates with probability
// 1 − (1 − J^Rows)^Bands: with the defaults (20 bands of 3) 0.42 at
// J = 0.3, 0.73 at J = 0.4, 0.93 at J = 0.5 and 0.99 at J = 0.6.
// Words found in more than a small share of all wordings
// ([Options.Common]) are left out of the signatures unless a wording has
// fewer than three rarer words, and buckets larger than
// [Options.MaxBucket] are skipped, so that common words do not make
// everything a candidate ([Stats].Skipped counts them).
//
// Wordings with the same content words, in the same order, are found
// before the hashing, in one pass: the commonest duplicate, one viral
// claim imported many times, would otherwise fill a bucket and be
// skipped. Each such wording is a candidate with the claim of the first
// wording so written, and is left out of the hashing (and of the count
// of how common a word is); other claims meet the group through its
// first. So n copies of one wording make n − 1 candidates, all
// suggested, not n(n − 1)/2 ([Stats].Duplicates counts the copies).
//
// # Scoring
//
// A [Scorer] judges each candidate pair, giving a value in [0, 1], a
// [Kind] (the [Same] claim or a likely [Contradiction]) and its reasons in
// words: shared entities, shared speaker, overlapping wording, the same
// number or date, a negation or an "only"/"first" on one side. The
// default, [Lexical], needs no network and no model files; a program can
// supply its own, for example one comparing sentence embeddings.
//
// # Cost
//
// For W wordings (claims' texts and distinct quotes) of at most L
// characters each, B bands of R rows and buckets of at most M wordings:
// normalising costs O(W·L log L) (the letter shingles are sorted once),
// counting how common each word is O(W·L), signatures O(W·L·B·R), and
// bucketing O(B·W log W), one band at a time. There are at most
// C ≤ B·W·(M−1)/2 candidate pairs, in practice a few per claim (about 10
// per claim on a million generated claims); keeping them distinct costs
// O(C log C), scoring O(C·L) with [Lexical], and sorting the S
// suggestions O(S log S). Memory is O(W·L + C + S), a few hundred bytes
// per wording. No step is quadratic in the number of claims.
//
// # Measured
//
// On the 120 hand-labelled pairs of testdata/pairs.yaml (sentences of
// the seed articles and rewordings of them: one claim as two sources
// word it, and different claims about the same events) the default scorer at [DefaultThreshold]
// reaches precision 1.00 at recall 0.64, and TestLabelledPairs asserts
// precision ≥ 0.9 at recall ≥ 0.6. The weights and the threshold were
// chosen on that set; on 30 pairs written afterwards
// (testdata/heldout.yaml) precision is 0.88 and recall 0.83. The
// project's README gives the figures at scale.
package match
