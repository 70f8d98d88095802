// The "independent_origins" claim column of the report and the query
// commands: the number of independent origins of each claim (package
// graph/provenance), shown as "independent_origins: 1" under a claim in
// text, in the "columns" object of its JSON value as text and in its
// "column_values" object as a number.

package main

import (
	"strconv"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/provenance"
)

// independentOrigins returns the number of independent origins of claim
// id, as text and as a number, or "" when it cannot be computed. It costs the size of the claim's
// own provenance, not a walk of the graph.
func independentOrigins(_ *env, v graph.View, id string) (string, any) {
	c, ok := v.Claim(id)
	if !ok {
		return "", nil
	}
	n, err := provenance.New(v).Count(c)
	if err != nil {
		return "", nil
	}
	return strconv.Itoa(n), n
}
