// Package claimreview publishes fact-checkers' verdicts on the claims of
// a graph as schema.org ClaimReview in JSON-LD, the markup search engines
// read to show fact checks.
//
// # Reviews
//
// [Reviews] makes one [Review] for each claim that [Options.Verdicts]
// rates, and [Write] writes them as one JSON-LD [Document]. A review has
// the fields search engines require, claimReviewed (the claim's text),
// reviewRating (a [Rating] from [WorstRating] to [BestRating] with the
// verdict's alternateName) and url (the review page, [Options.URL] plus
// the claim's ID), and those they recommend: author (the publishing
// organisation), datePublished when a date is known (see [Reviews]; never
// the day of the run, so that one graph gives one document), and
// itemReviewed: the schema.org [Claim] with its author (the first
// speaker), its datePublished and firstAppearance (its earliest dated
// appearance) and every appearance as a [Work].
//
// # Verdicts
//
// A [Verdict] is a rating value from 1 (false) to 5 (true), an optional
// name and the alternateName readers see ("Mostly false"). Verdicts come
// from the caller, or from the verdicts package graph/verdict computes
// over the graph: [FromVerdicts] rates every claim its result places on
// the 1–5 scale.
//
// # Context
//
// The document's @context is given inline ([Context]: schema.org as the
// vocabulary) instead of as the address of schema.org's context file, so
// that JSON-LD processors expand it offline, without fetching anything.
//
// # Embedding
//
// The document is meant to be pasted into the review page as
// <script type="application/ld+json">, and its text comes from claims,
// quotes, headlines and URLs that are often untrusted (imports, social
// posts). [Write] escapes <, > and & (\u003c, \u003e, \u0026) and
// U+2028 and U+2029 in every string, so that no text can close the
// script element ("</script>") or open a comment ("<!--") and the page
// runs nothing from it; JSON-LD processors read the escapes as the
// characters. Escaping cannot make an address safe to follow: the url
// of a review is the review's own only when it is a web address (see
// [Reviews]), and the URLs of appearances are those of sources, which a
// graph holds only as web addresses.
//
// # Errors
//
// Missing required options are [ErrMissing]; verdicts for claims that are
// not in the graph are [ErrUnknownClaim]; ratings outside 1 to 5 are
// [ErrRating]. All are matched with [errors.Is].
package claimreview
