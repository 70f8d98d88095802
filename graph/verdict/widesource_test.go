package verdict_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/evidence"
	"github.com/claimgraph/claimgraph/graph/internal/childtest"
	"github.com/claimgraph/claimgraph/graph/verdict"
	"github.com/claimgraph/claimgraph/sources"
)

// TestWideClaim: a claim that appears in n distinct sources. Compute
// noted each claim's distinct sources by comparing every source with
// those noted before it, quadratic in the sources of one claim:
// claimgraph verdicts on one claim of 64,000 sources (7 MB of JSON) took
// 25 s, 2.3 s at 16,000. It now keeps a set beyond a few sources and
// takes 1 s, most of it reading the file. Here 100,000 sources took
// some 20 s; the test allows 10 s for what takes 0.3 s.
func TestWideClaim(t *testing.T) {
	if testing.Short() {
		t.Skip("a guard against a quadratic cost, at a size that tells it: runs without -short")
	}
	const n = 100_000
	c := claims.Claim{ID: "wide", Text: "T.", Appearances: make([]claims.Appearance, 0, n+1)}
	var b graph.Batch
	for i := range n {
		id := fmt.Sprintf("s%d", i)
		b.Sources = append(b.Sources, sources.Source{ID: id, Kind: sources.NewsArticle})
		c.Appearances = append(c.Appearances, claims.Appearance{Source: id})
	}
	c.Appearances = append(c.Appearances, claims.Appearance{Source: "s0", Quote: "T"}) // counted once
	b.Claims = []claims.Claim{c}
	g := graph.New()
	if err := g.Apply(b); err != nil {
		t.Fatal(err)
	}
	childtest.Within(t, 10*time.Second, "Compute and DistinctSources on one claim of 100,000 sources", func() error {
		if got, _ := evidence.DistinctSources(g.View, c); len(got) != n || got[0] != "s0" || got[n-1] != fmt.Sprintf("s%d", n-1) {
			return fmt.Errorf("DistinctSources: %d sources, want %d in order", len(got), n)
		}
		_, err := verdict.Compute(g.View, verdict.Options{Origins: verdict.DistinctSources})
		return err
	})
}
