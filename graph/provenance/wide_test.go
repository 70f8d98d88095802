package provenance

import (
	"fmt"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/internal/childtest"
	"github.com/claimgraph/claimgraph/sources"
)

// TestWideClaimOrigins: a claim in n sources that draw on nothing, each
// its own origin. Of searched towards each origin after clearing the
// marks of every source, n² in all: claimgraph origins on a claim of
// 64,000 sources (7 MB of JSON) took 21 s, 1.4 s at 16,000. A search
// now clears what the one before it reached. Here 100,000 sources took
// some 30 s; the test allows 10 s for what takes well under one.
func TestWideClaimOrigins(t *testing.T) {
	if testing.Short() {
		t.Skip("a guard against a quadratic cost, at a size that tells it: runs without -short")
	}
	const n = 100_000
	c := claims.Claim{ID: "wide", Text: "T.", Appearances: make([]claims.Appearance, n)}
	var b graph.Batch
	for i := range n {
		id := fmt.Sprintf("s%d", i)
		b.Sources = append(b.Sources, sources.Source{ID: id, Kind: sources.NewsArticle})
		c.Appearances[i] = claims.Appearance{Source: id}
	}
	b.Claims = []claims.Claim{c}
	g := graph.New()
	if err := g.Apply(b); err != nil {
		t.Fatal(err)
	}
	childtest.Within(t, 10*time.Second, "the provenance of one claim in 100,000 sources", func() error {
		r, err := New(g.View).Claim("wide")
		if err == nil && len(r.Groups) != n {
			return fmt.Errorf("%d origins, want %d", len(r.Groups), n)
		}
		for i, gr := range r.Groups {
			if len(gr.Steps) != 1 || len(gr.Starts) != 1 || gr.Starts[0] != 0 || gr.Steps[0].Source != gr.Origin.Source {
				return fmt.Errorf("origin %d (%s): steps %v, starts %v; want the origin alone", i, gr.Origin.Source, gr.Steps, gr.Starts)
			}
		}
		return err
	})
}
