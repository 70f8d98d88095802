// Package evidence weighs the evidence for each claim of a claim graph:
// the one measure that staleness (graph/timeline), verdict preference and
// strength (graph/verdict), ratings (graph/verdict, graph/claimreview) and
// the votes of truth discovery (sources/truth) all use.
//
// # The measure
//
// A claim's evidence is the set of its independent origins — the
// original sources its appearances go back to through declared
// derivations (package graph/provenance), each counted once, so that
// three outlets relaying one video count once — together with the
// origins its supporters lend it: a claim that supports another lends it
// its own origins and those lent to it, transitively, each origin still
// counted once. Its weight is the sum, over that set, of each origin's
// source trust ([Options.Trust], for instance from sources/truth), an
// origin of unknown trust weighing [Options.UnknownTrust] (0.5), and
// every origin 1 when no trust is given. An origin that is a cycle of
// sources (circular reporting: sources carrying the claim that draw on
// each other, none first) weighs what its least trusted source weighs,
// and is named after it ([IndependentWeighed]), whatever the IDs.
//
// Because lent origins form a set, support can only pass on evidence
// that entered it: a cycle of support adds nothing beyond the evidence
// entering it, and three claims without appearances that support each
// other in a loop fed by one social post each weigh exactly what the post
// weighs.
//
// [Evidence.Independent] counts the distinct origins, own and lent: the
// corroboration a rating asks for ("True" needs at least two).
//
// # Cost
//
// [Of] finds each claim's origins (one provenance index for the view,
// [provenance.Index.AppendOriginNumbers]), then walks the strongly connected
// components of the support edges in topological order: the set of
// origins reaching a component is the union of the sets its supporters
// pass on, built once per component and stored once, shared by its
// members, each of whom is lent it less its own. A set is capped at
// [MaxLent] origins, so the walk costs O(claims + supports × MaxLent)
// time and O(claims + components × MaxLent) memory, in a few
// allocations; a claim lent more than MaxLent origins is weighed with the
// first MaxLent of them (in the order the view's claims first name them).
//
// The walk goes a level at a time: a component's level is the length of
// the longest chain of components supporting it, so that the components
// of one level never support each other and are weighed at once, split
// between up to one goroutine per processor when a level holds 128 or
// more ([Of] finds the origins on one goroutine per
// processor too, and weighs the claims on all). The [Silencer] passes a
// change down the same levels. Every result is the one of a single
// goroutine, in the same order.
//
// # The cap is a lower bound
//
// A claim whose lent origins filled MaxLent is [Evidence].Capped: its
// Weight and Lent are lower bounds, for more may have been cut, and
// [Text] writes its evidence "at least N (capped)". Package graph/verdict
// never lets the cap decide a comparison: a capped claim's attack on
// another never fails for want of evidence, so that where its lower bound
// already beats its opponent it wins, and otherwise the comparison is
// unknown and both attacks stand (both claims open). A claim with 101
// independent origins is never rejected by one with 70 because 64 of
// them were counted.
//
// # Silent claims
//
// [Options.Silent] names claims that lend nothing: their supports are
// left out, so that neither their origins nor those lent to them pass on.
// Package graph/verdict silences the claims it rejects
// (verdict.Result.Silent), and every reader of evidence that should weigh
// what the verdicts weighed passes that set (sources/truth does,
// truth.FromGraphSilent).
// [Table.Lent] and [Table.AppendLent] list a claim's lent origins in
// O(MaxLent + its own origins).
//
// # Digests
//
// [Digests] gives each claim's evidence digest, the value a review
// records (claims.Review.Evidence) so that a later change shows: its
// appearances, supporters, contradictions and independent origins, own
// and lent, over all time, as "v2:NaNsNcNo:HASH". [Digests.Moved] says
// what moved since a recorded digest, reading digests of version 1 too.
//
// A [Silencer] silences claims of a table a few at a time, as
// graph/verdict does after each of its rounds, and weighs again only the
// claims below them along supports, down to where the origins reaching a
// claim are unchanged (or change only past the MaxLent smallest that
// it keeps), with the table Of would give with every claim silenced so
// far in Options.Silent. [Silenced] gives a table and its Silencer for
// less than Of and [Table.Silencer] after it: the Silencer lends through
// the supports itself, its order of the claims worked out beside the
// origins.
package evidence
