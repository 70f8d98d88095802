package sources

import "errors"

// ErrInvalidURL reports a URL that is not an absolute http or https URL.
// Problems common to every item (IDs, kinds, missing fields) use the
// sentinels of package claims.
var ErrInvalidURL = errors.New("invalid URL")
