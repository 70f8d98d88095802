package graph_test

import (
	"fmt"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/internal/childtest"
	"github.com/claimgraph/claimgraph/sources"
)

// TestMergeChainOutOfMemory: in a chain of merges (c0 into c1, c1 into
// c2, …) each claim takes every appearance before it, and the editor
// kept the set of each claim's appearances after the claim was merged
// away, n² in all: a batch of 4,000 such merges (120 KB) held 2.6 GB.
// The sets of an item merged away go, and 1,500 fit in 256 MiB.
func TestMergeChainOutOfMemory(t *testing.T) {
	const n = 1500
	var b, m graph.Batch
	for i := range n {
		src := fmt.Sprintf("s%d", i)
		b.Sources = append(b.Sources, sources.Source{ID: src, Kind: sources.NewsArticle})
		b.Claims = append(b.Claims, claims.Claim{ID: fmt.Sprintf("c%d", i), Text: "T.", Appearances: []claims.Appearance{{Source: src}}})
		if i > 0 {
			m.Merges = append(m.Merges, graph.Merge{From: fmt.Sprintf("c%d", i-1), Into: fmt.Sprintf("c%d", i)})
		}
	}
	msg, rss := childtest.Run(t, 256<<20, func() error {
		g := graph.New()
		if err := g.Apply(b); err != nil {
			return err
		}
		if err := g.Apply(m); err != nil {
			return err
		}
		if c, _ := g.Claim("c0"); len(c.Appearances) != n {
			return fmt.Errorf("c0 reads as %s with %d appearances, want %d", c.ID, len(c.Appearances), n)
		}
		return nil
	})
	if msg != "" {
		t.Error(msg)
	}
	t.Logf("peak RSS %d MiB", rss>>20)
}
