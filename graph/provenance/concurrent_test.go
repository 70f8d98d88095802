package provenance_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/internal/busy"
	"github.com/claimgraph/claimgraph/graph/provenance"
	"github.com/claimgraph/claimgraph/sources"
)

// TestForksWhileChanged queries forks of one index on several
// goroutines while the graph gains sources that draw on the seed's and
// claims in them: the forks answer from the sources frozen when the
// first was made (a claim in a source added since has that source
// missing, an error), with no race between them.
func TestForksWhileChanged(t *testing.T) {
	g, err := graph.Load("../../testdata/kim-putin.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var first string
	for s := range g.Sources() {
		first = s.ID
		break
	}
	x := provenance.New(g.View)
	forks := []*provenance.Index{x.Fork(), x.Fork(), x.Fork()}
	busy.Run(t, 80, func(k int) error {
		s := fmt.Sprintf("busy-s%d", k)
		return g.Apply(graph.Batch{
			Sources: []sources.Source{{ID: s, Kind: sources.NewsArticle, DerivedFrom: []sources.Derivation{{Source: first, Kind: sources.Cites}}}},
			Claims:  []claims.Claim{{ID: fmt.Sprintf("busy-c%d", k), Text: "busy", Appearances: []claims.Appearance{{Source: s}, {Source: first}}}},
		})
	}, func(int) bool {
		var wg sync.WaitGroup
		for _, f := range forks {
			wg.Go(func() {
				for c := range g.Claims() {
					rep, err := f.Of(c)
					if err == nil && rep.Independent() == 0 {
						t.Errorf("%s has no origin", c.ID)
					}
					if _, err := f.Claim(c.ID); err != nil && c.ID[:4] != "busy" {
						t.Errorf("claim %s: %v", c.ID, err)
					}
				}
			})
		}
		wg.Wait()
		return !t.Failed()
	})
}

// TestProgressChangesGraph: a Progress callback may change the graph
// (a server that records progress in it, say) without deadlock, and
// the analysis reports the state it pinned: the claims added meanwhile
// are not counted.
func TestProgressChangesGraph(t *testing.T) {
	g, err := graph.Load("../../testdata/kim-putin.yaml")
	if err != nil {
		t.Fatal(err)
	}
	before := g.Counts().Claims
	x := provenance.New(g.View)
	calls := 0
	x.Progress = func(graph.Progress) {
		calls++
		c := claims.Claim{ID: fmt.Sprintf("during-%d", calls), Text: "during", Appearances: []claims.Appearance{{Source: "internewscast-kim-scrub-2025"}}}
		if err := g.AddClaim(c); err != nil {
			t.Error(err)
		}
	}
	got, err := x.Independent()
	if err != nil {
		t.Fatal(err)
	}
	if calls == 0 {
		t.Fatal("no progress reported")
	}
	if len(got) != before {
		t.Errorf("%d claims counted, %d in the graph when it began (%d added meanwhile)", len(got), before, calls)
	}
}
