package sources

import "errors"

// Sentinel errors of this package, matched with [errors.Is]. Problems
// common to every item (IDs, kinds, missing fields) use the sentinels of
// package claims.
// ErrInvalidURL: a URL that is not an absolute http or https URL.
var ErrInvalidURL = errors.New("invalid URL")
