// Package queue is a desk's review queue: the claims an editor should
// look at next, most pressing first.
//
// A claim is in the queue when
//
//   - it has a published review whose rating the computed verdict
//     disagrees with: the ratings' values differ (package graph/verdict;
//     "Mixed" and "Unproven" are both 3, and names match in any case);
//   - it has a published review whose evidence changed since the review:
//     its digest ([evidence.Digests]) moved from the one the review
//     recorded ([evidence.Digests.Moved]), with what moved (appearances,
//     supporters, contradictions, independent origins own and lent, or
//     "the same counts, other items"); a same_as or distinct_from
//     decision moves nothing, and a digest of version 1 (recorded before
//     origins were digested) is compared as it was made. The digest
//     counts what every supporter lends, over all time; where that is not
//     what the verdicts weigh (a supporter they reject lends nothing),
//     the reason says both: "origins 1 → 2 (counting every supporter, at
//     any date; the verdicts weigh 1)";
//   - it is contradicted by at least one claim and has no review, or
//     one still marked unreviewed: contested when a contradiction is
//     live, else last, saying why none is;
//   - it has a published rating on a scale of the desk's own ("Pants on
//     Fire", no rating of package graph/verdict): it is not compared, and
//     the queue says so rather than calling it a disagreement.
//
// Published reviews come first, those with both problems before those
// with one, disagreement before moved evidence. Then the contested
// claims with no review, by what is really open rather than by a count
// of contradicting claims (three rejected claims from one source
// contest nothing): first those the verdicts leave undecided; then
// those decided while a contradiction is still at stake (Item.Open: the
// contradicting claim is not rejected, and it did not defeat this one,
// accepted against this claim rejected; a rejected opponent contests
// nothing, so two claims that others reject leave nothing open between
// them); then those whose every live contradiction is settled, more
// open contradictions first, then more contradictions, then the order
// of claims. Last, in the order of
// claims, those contradicted with no contradiction live: the two claims
// never hold together (resolved by time), or the relation lapsed while
// both hold (package graph/timeline, [timeline.Status.Words] in the
// reason). A dated view holds the claims and relations that hold on some
// day of its date; two claims and a relation that each meet the date and
// each other share a day of it, so a contradiction among them is live
// there. The verdicts
// do not weigh those contradictions, and such a claim is not contested
// (Item.Contested), as package graph/claimreview selects the claims
// worth publishing. Published ratings on an
// unknown scale come at the very end.
//
// Each item carries the claim's evidence digest now (Item.Evidence),
// the value a review records. Digests are always of the whole graph,
// whatever the view's date: a review records one digest, and a queue as
// of a date neither reads it as moved nor offers a dated one. Computed verdicts are suggestions: the
// queue never changes a review.
package queue
