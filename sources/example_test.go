package sources_test

import (
	"fmt"

	"github.com/claimgraph/claimgraph/sources"
)

// A URL copied from elsewhere may hold characters no IRI may: EscapeURL
// percent-encodes them, leaving an address already encoded as it is, so
// that Check accepts the result and the RDF export round-trips it.
func ExampleEscapeURL() {
	fmt.Println(sources.EscapeURL("https://example.org/fact check?q={kim}"))
	fmt.Println(sources.EscapeURL("https://example.org/a%20b"))
	// Output:
	// https://example.org/fact%20check?q=%7Bkim%7D
	// https://example.org/a%20b
}
