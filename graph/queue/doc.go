// Package queue is a desk's review queue: the claims an editor should
// look at next, most pressing first.
//
// A claim is in the queue when
//
//   - it has a published review whose rating the computed verdict
//     disagrees with (the rating of package graph/verdict differs);
//   - it has a published review whose evidence changed since the review:
//     its digest ([graph.View.Evidence]) differs from the one the review
//     recorded, with what moved (appearances, supports, contradictions);
//   - it is contested (contradicted by at least one claim) and has no
//     review, or one still marked unreviewed.
//
// Published reviews come first, those with both problems before those
// with one, disagreement before moved evidence; then the contested claims
// with no review, most contradicted first; ties in the order of claims.
// Computed verdicts are suggestions: the queue never changes a review.
package queue
