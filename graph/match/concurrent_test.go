package match_test

import (
	"fmt"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/internal/busy"
	"github.com/claimgraph/claimgraph/graph/match"
	"github.com/claimgraph/claimgraph/sources"
)

// TestFindWhileDeciding runs Find on a graph while a desk adds pairs of
// claims in one wording each with its decision, distinct_from, in the
// same batch: Find must read one state of the graph, and so never
// suggest a pair whose decision came with it.
func TestFindWhileDeciding(t *testing.T) {
	// Claims enough that reading them takes a while: a batch may land
	// between Find's reading of the relations and of the claims.
	filler := graph.Batch{Sources: []sources.Source{{ID: "s", Kind: sources.NewsArticle}}}
	for k := range 3000 {
		filler.Claims = append(filler.Claims, claims.Claim{ID: fmt.Sprintf("f%d", k), Text: fmt.Sprintf("Filler %d.", k), Appearances: []claims.Appearance{{Source: "s"}}})
	}
	g := graph.New()
	if err := g.Apply(filler); err != nil {
		t.Fatal(err)
	}
	busy.Run(t, 1200, func(k int) error {
		a, b := fmt.Sprintf("a%d", k), fmt.Sprintf("b%d", k)
		text := fmt.Sprintf("The minister %d resigned over the harbour contract %d.", k, k)
		return g.Apply(graph.Batch{
			Claims: []claims.Claim{
				{ID: a, Text: text, Appearances: []claims.Appearance{{Source: "s"}}},
				{ID: b, Text: text, Appearances: []claims.Appearance{{Source: "s"}}},
			},
			Relations: []claims.Relation{{From: a, To: b, Kind: claims.DistinctFrom}},
		})
	}, func(run int) bool {
		got, _ := match.Find(g.View, match.Options{})
		for _, s := range got {
			if s.A[1:] == s.B[1:] {
				t.Errorf("run %d suggests %s and %s, decided distinct in the batch that added them", run, s.A, s.B)
				return false
			}
		}
		return true
	})
}
