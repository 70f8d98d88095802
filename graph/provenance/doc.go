// Package provenance finds where claims come from: the origins of each
// claim through the derivation links between sources, how many of them are
// independent, and where reporting goes round in circles.
//
// # Origins of a source
//
// Sources draw on each other (sources.Derivation: cites, quotes,
// republishes, translates). Following those links from a source leads to
// the sources it ultimately rests on, the ends of its trails: sources that
// draw on nothing. [SourceOrigins] (or [Index.Source]) returns them, each as
// a [Trail] with a shortest [Chain] to it. This ignores what the sources
// say; the origins of a claim are stricter.
//
// # Origins of a claim: the per-claim rule
//
// Origins are per claim. A source carries a claim when the claim has an
// appearance in it, or when it is the Via of an appearance of the claim (the
// source the appearance was taken from): a video that articles only name as
// Via carries the claim, so that it can be its origin. Within a claim, a Via
// is a derivation link from the appearance's source to the Via source, of
// kind [Via].
//
// From a source that carries the claim we follow only the links to sources
// that also carry it. A source is an origin of the claim when it carries the
// claim and none of the sources it draws on (for this claim) does. So an
// article that debunks a hoax, citing the hoax's own sources, does not
// derive from the hoax as far as the debunking claim goes: it is an origin
// of the debunking.
//
// [Origins] (or [Index.Claim]) returns a [Report]: for each distinct
// origin a [Group] of the appearances that collapse onto it, with the chain
// from each appearance's source to the origin ([Group.Chain]), so that
// every answer can be
// explained. An appearance whose source draws on two origins is in both
// groups. Each [Origin] is classed as [Primary] (first-hand material by
// nature, sources.Kind.Primary) or [Unresolved] (reporting that draws on
// nothing known to carry the claim: the trail ends there).
//
// # Independence
//
// The number of independent origins of a claim ([Report.Independent]) is
// the number of its distinct origins: three outlets relaying one video count
// once. [Independent] gives it for every claim at once, and
// [FalseCorroboration] lists the claims that appear in several sources but
// rest on fewer independent origins than that.
//
// [Tally] keeps those counts up to date as the graph changes: after a
// batch that only adds it counts the batch's claims alone, since such a
// batch cannot change what the claims already there rest on; after one
// that removes, replaces or merges, also the claims carried by a source
// it replaces or merges another into, found in a reverse index.
//
// # Circular reporting
//
// A cycle of derivation is circular reporting: outlets citing each other,
// or a source citing itself. [Cycles] returns every cycle among the sources
// (strongly connected components of the derivation links, each with one
// shortest loop as a witness), and [Report.Cycles] those among the sources
// that carry one claim, Via links included. A cycle with no exit has no
// origin by the rule above, since each of its sources draws on another
// that carries the claim; it is then counted as one origin of class
// [Circular], whose [Origin.Cycle] lists its sources. It is named after
// its source of smallest ID, or, with [Index.Rank], after its source of
// least rank: package graph/evidence ranks by trust, so that under trust
// circular reporting weighs what its least trusted source weighs.
//
// # Order
//
// Answers are deterministic: groups come in the order of the first
// appearance that leads to them, then by origin ID; trails and cycles by
// ID; a cycle's loop starts at its smallest ID; chains are shortest trails,
// ties broken by the order of the derivation links in the data.
//
// # Costs
//
// An [Index] loads a source's kind and links from the view once, the first
// time a query needs them, and keeps them; [Index.Independent] and
// [Index.Fork] load every source at once first, and the forks of an index
// share them, so that several goroutines can query one view. The origins of one claim cost
// O(k + l), where k is the number of sources that carry it and l their
// derivation links: the search never leaves those sources, so it never
// walks the whole graph, and the strongly connected components are found
// once per claim by an iterative Tarjan whose origin sets are memoised per
// component. The chains cost as much again per origin: they are kept as a
// tree ([Group.Steps]) with each source on them once, since written out
// ([Group.Chain]) the chains of n sources relaying each other in a line
// take n²/2 links. All claims together
// ([Index.Independent]) cost the sum of that over the claims, linear in
// the appearances for bounded derivation degree. [Index.Cycles] costs
// O(sources + links), and [Index.Source] the size of the source's closure.
// [Index].Progress, when set, is told how the whole-view queries advance,
// counted in claims (see [graph.Progress]).
package provenance
