// Package timeline answers the questions about time that a fact-checker
// asks of a claim graph: which contradictions are still open at a date
// and which were settled by time, which appearances repeat a claim after
// it stopped holding, and in what order the claims about an entity
// happened.
//
// # Date semantics
//
// Dates may be partial, and a partial date stands for every day it
// covers ([claims.Date]): the year 2024 runs from 1 January to 31
// December. A validity ([claims.Validity]) holds from its From date
// (inclusive) until its Until date (exclusive), either end open, or at a
// point in time, which is a whole interval when partial. So a claim valid
// until 2024-06-19 holds on 18 June and not on 19 June, and a claim valid
// from 2024-06-19 takes over on that very day: the two never hold
// together.
//
// A question about a partial date is answered honestly for every day of
// it, in the direction that does not overstate:
//
//   - [Conflicts] calls a contradiction live at a date when both claims
//     and the relation hold together on some day of it
//     ([claims.HoldTogether], the test by which the verdicts of package
//     graph/verdict weigh a contradiction or not). An event holds from
//     the day it occurred on. As of 2024, the
//     two claims above each hold, but never on the same day, so their
//     contradiction is [ResolvedByTime], not [Live]. This is stricter
//     than [graph.View.ContradictionPairs] of the dated view, which checks
//     each claim on its own.
//   - [Stale] calls an appearance stale only when every day of its date
//     is past the claim's end: an article dated "2024" may have been
//     written before 19 June.
//
// # Conflicts
//
// [Conflicts] takes a [graph.View]: the view of the whole graph
// embedded in every [graph.Graph], or a dated one from [graph.Graph.At].
// It returns every contradiction of the graph as a [Conflict] with a
// [Status]. A contradiction whose claims never hold together is
// [ResolvedByTime] whatever the date, with the [Conflict.Boundary] on
// which the earlier claim stops holding and the date [Conflict.LaterFrom]
// on which the later one starts: the same day for adjacent periods, two
// dates with a gap between them otherwise. A contradiction whose claims
// hold together on some days while its relation holds on none of them
// is [RelationLapsed], not resolved by time. [StatusOf] gives the status
// of one contradiction, and [Status.Words] the words in which every
// report says it ("relation lapsed (not valid while both hold)").
//
// # Stale appearances
//
// [Stale] finds appearances dated after their claim stopped holding
// ([Ended]), or after a contradicting claim stronger in evidence took over
// from it ([Superseded]). An end stands unless every rival that took over
// from the claim — started after it and holds on every day of the date,
// as the relation does — is rejected or has less evidence: a claim
// declared ended only by a weaker rival is not out of date, while one that
// ended with no rival is. A rival takes over when it starts after the
// claim and holds together with it on the appearance's date: their
// contradiction is live then, and the rival holds on every day of a
// partial date. So the later claim of a contradiction
// resolved by time supersedes nothing (the earlier one's appearances
// after its end are [Ended]), nor does a rival that was there before the
// claim, and an appearance dated before its claim begins is not stale.
// The verdicts that reject a rival (default [Options.Rejected]) and the
// strengths compared are the undated ones, weighing all time at once,
// not the verdicts as of the appearance's date, computed with
// [Options.Verdict] (its Trust weighs the origins). An appearance without a
// date takes its source's published date. Evidence strength is pluggable through
// [Options.Strength]; the default, [Evidence], is the one measure of
// package graph/evidence as the verdicts weigh it — independent origins,
// each counted once, with those a claim's supporters lend it, a
// supporter the verdicts reject lending nothing — so a rumour repeated by nine
// outlets from one anonymous official does not supersede a denial from
// two independent officials. [SourceCount], the number of distinct
// sources, is kept for comparison. A claim whose validity has no start
// never supersedes another: it gives no date from which on the
// repetition is out of date.
//
// Two kinds of appearance are never stale: one that speaks of the past
// (about_past: "before the treaty, China was the only..."), and any
// appearance of an event (occurred: DATE), which stays true of the past
// once it has happened.
//
// # Timelines
//
// [Of] lists the claims about an entity in the order their validities
// start, open starts first, for a report.
//
// # Cost
//
// [Conflicts] costs O(contradictions of the graph), [StatusOf] O(1), and [Stale]
// O(Σ (a + k) log (a + k)) over the claims, a a claim's appearances and
// k its contradictions (its rivals are weighed once for all the dates of
// its appearances), plus one
// evaluation of the strength function per claim compared (it is
// remembered); the default strength
// weighs the whole graph once (evidence.Of). [Of] costs O(k log k)
// for the k claims about the entity. None of them copies the graph.
package timeline
