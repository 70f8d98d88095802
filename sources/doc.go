// Package sources describes where claims appear — articles, wire
// reports, broadcasts, social posts, videos, official statements,
// informants — and how sources draw on one another.
//
// # Sources
//
// A [Source] has an ID, a title, a publisher (the outlet), a URL, an
// author, a publication date (possibly partial, a [claims.Date]) and a
// [Kind]. Anonymous people that reports rely on ("a US official with
// direct knowledge") are worth modelling as sources of kind [Informant],
// so that two outlets quoting one informant are seen to share an origin.
//
// # Derivation
//
// A [Derivation] links a source to one it draws on: it [Cites], [Quotes],
// [Republishes] or [Translates] it. Provenance analysis follows these
// links to find how many independent origins stand behind a claim.
//
// # Errors
//
// [Source.Check] returns every problem of a source as a
// [claims.FieldError]; problems shared with other items use the sentinels
// of package claims, and [ErrInvalidURL] is this package's own.
package sources
