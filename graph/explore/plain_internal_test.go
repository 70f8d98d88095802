package explore

import (
	"fmt"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph/internal/childtest"
	"github.com/claimgraph/claimgraph/graph/provenance"
	"github.com/claimgraph/claimgraph/sources"
)

// TestPlainWide: plain counted, for each origin, the claim's appearances
// in its source, O(origins × appearances): claimgraph html on a claim in
// 12,000 sources, each its own origin, spent most of its 1.9 s there.
// 200,000 here took minutes; the test allows 10 s for what takes
// milliseconds, and checks that a group short of an appearance is not
// plain.
func TestPlainWide(t *testing.T) {
	if testing.Short() {
		t.Skip("a guard against a quadratic cost, at a size that tells it: runs without -short")
	}
	const n = 200_000
	c := claims.Claim{ID: "wide", Appearances: make([]claims.Appearance, n)}
	rep := provenance.Report{Claim: "wide", Appearances: n}
	for i := range n {
		src := fmt.Sprintf("s%d", i)
		c.Appearances[i] = claims.Appearance{Source: src}
		rep.Sources = append(rep.Sources, src)
		rep.Groups = append(rep.Groups, provenance.Group{
			Origin:      provenance.Origin{Source: src, Kind: sources.NewsArticle, Class: provenance.Unresolved},
			Appearances: []int{i}, Starts: []int{0}, Steps: []provenance.Step{{Source: src, Next: -1}},
		})
	}
	childtest.Within(t, 10*time.Second, "plain on a claim of 200,000 origins", func() error {
		if !plain(c, rep) {
			return fmt.Errorf("a claim of %d sources, each its own origin, is not plain", n)
		}
		c.Appearances = append(c.Appearances, claims.Appearance{Source: "s0", Quote: "again"}) // in no group
		if plain(c, rep) {
			return fmt.Errorf("plain with an appearance in no group")
		}
		return nil
	})
}
