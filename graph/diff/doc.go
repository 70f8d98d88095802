// Package diff compares two claim graphs — two versions of one desk's
// file — and says what changed: first, what an editor reads first, every
// claim whose verdict, rating, strength or number of independent origins
// changed, each with its reason in one line; then the entities, sources,
// claims and relations added, removed, changed and merged.
//
// # Verdicts
//
// The verdicts of both graphs are computed by package graph/verdict with
// the same options, at the same date (Options.At; none for the verdicts
// of all time), while the items are compared over all time: a validity
// moved is a field changed, never a relation removed when it is in both
// files. A claim is listed when its label or
// rating differs, when its strength differs by at least [StrengthStep],
// or when its number of independent origins or the weight of its evidence
// ([State].Evidence, beyond evidence.Tolerance: under trust it can move
// while the count stands) differs; when the rating of
// the desk's published review changed ([State].Published: "x: accepted,
// published rating Unproven → False"); and when it was merged into
// another claim ([VerdictChange].Into: "b: undecided → merged into a
// (accepted)", New being a's verdict, which look-ups by b now give) or,
// a merge undone, is in the new graph on its own where the old one had
// merged it into another ([VerdictChange].OldInto: "b: merged into a
// (accepted) → accepted: b split from a, …", Old being a's old verdict,
// which look-ups by b gave; the claim is listed as added, and its
// reason and a's say "b split from a"); and when, an ID the old graph
// had merged into a claim, the new graph merges it into another claim,
// or into none, while that claim stays (Into and OldInto both: "b:
// merged into a (accepted) → merged into c (undecided): b moved from a
// to c", listed as merged into c; or "b: merged into a (accepted) →
// absent: b no longer merged into a"), as look-ups by b give another
// verdict. The reason names what changed around it: the claim itself and the claims
// merged into it, the claims related to it in either graph and the
// claims its verdicts give as reasons, each as added, removed, merged or
// changed, the sources carrying any of those claims changed (a
// derivation declared moves their origins), and the relations at it
// added or removed (for a claim
// removed from the new graph, only its own removal); then, when its label changed, what holds the new label (the
// accepted claims that reject it, the undecided ones that leave it open,
// or, when nothing attacks it, why its contradictions are not weighed —
// "p1 not holding at 2024", "contradiction with p1 resolved by time
// (never both holding)", in the words of package graph/timeline — or
// that nothing contradicts it; never a claim the new graph rejects);
// then the number of independent origins ([verdict.Verdict.Independent],
// the corroboration the rating asks for): the claim's own and those its
// supporters lend, with how many are which ("2 independent origins (1
// own, 1 lent)"; "independent origins 1 (1 own) → 2 (1 own, 1 lent)"
// when they changed); and when Options.Verdict weighs each origin by
// the trust of its source, the weight of the evidence, which the count
// no longer says, as verdicts prints it ("…, evidence 0.2 → 1.4"):
//
//	talks-not-against-anyone: rejected → accepted: weapons-sale-on-agenda removed; nothing contradicts it; 1 independent origin (1 own)
//
// # Items
//
// Items are matched by ID. An item of the old graph whose ID the new
// graph resolves to another item ([graph.View.Resolve]) was merged into
// it, not removed; one of the new graph whose ID the old graph resolved
// to another item (a merge undone) is added, and the reasons say it was
// split from that item ("b split from a"). A relation is matched by its kind and its ends, the
// old ends resolved in the new graph, so that a relation moved by a
// merge is not reported removed and added. A changed item lists its
// changed fields by their key in the file format. A list whose order
// means nothing — a claim's appearances and about, an entity's aliases, a
// source's derived_from, a relation's sources, every merged list — is
// compared as a multiset, as graph.Union compares them: a file only
// reordered has changed nothing, and a reordering is never a cause.
//
// # Order and cost
//
// Everything comes in a stable order: verdict changes with a changed
// label first, then by claim ID; items in the order of the graph they are
// from (the new one for added and changed, the old one for removed and
// merged), relations in the order of addition. The two graphs are
// walked side by side in their order, with no look-up while they agree
// (two versions of one file mostly keep the order of their items), and
// one look-up where they part: an item out of place waits in a map for
// its pair. The old graph's verdicts are kept as a summary (each claim's
// state and the claims its reasons name) while the new graph's are
// computed, so the two results are never held at once; only a changed
// claim's reason is put into words. A comparison costs one verdict
// computation per graph and O(size of both graphs) besides; the new
// graph's verdicts are computed while the items are compared.
//
// # One graph at a time
//
// [Compare] takes both graphs. [Summarize] keeps what a comparison needs
// of the old graph without the graph — the summary of its verdicts, its
// IDs and aliases, a 64-bit hash of each field of each item, and its
// relations by number, about a third of the graph's size at a million
// claims — and [Summary.Compare] compares it with the new graph, giving
// the report [Compare] gives. So the old graph can go before the new one
// is read, and a comparison of two files holds one graph at a time, as
// claimgraph diff does. The two ways agree on generated graphs changed at
// random (TestSummaryMatchesCompare); a field is reported changed when
// its hashes differ, so a change of a field can be missed only by a
// collision of 64-bit hashes.
package diff
