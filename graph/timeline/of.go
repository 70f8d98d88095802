package timeline

import (
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
)

// Of returns the claims of v about entity id as a timeline: ordered by the
// start of their validity ([claims.Validity.Start]), claims with an open
// start (including those valid at every date) first, then by
// [claims.Date.Compare], then by ID. On a dated view it holds only the
// claims valid then. It reports [graph.ErrNotFound] for an unknown entity.
//
// It costs O(k log k) for the k claims about the entity.
func Of(v graph.View, id string) ([]claims.Claim, error) {
	about, err := v.ClaimsAbout(id)
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(about, compareStart) // the caller's copy
	return about, nil
}

// compareStart orders claims by the start of their validity, then ID.
func compareStart(a, b claims.Claim) int {
	if c := a.Validity.Start().Compare(b.Validity.Start()); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}
