package explore_test

import (
	"fmt"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/explore"
	"github.com/claimgraph/claimgraph/graph/internal/busy"
	"github.com/claimgraph/claimgraph/sources"
)

// TestBuildWhileChanged builds models of a graph while another goroutine
// adds sources, dated claims and relations to it: each model must be of
// one state of the graph, with every verdict, relation, appearance and
// derivation naming an item of the model and a verdict for every claim.
// Before Build read a snapshot, it panicked: the verdicts of one date
// came from a state with more claims than those of the date before.
func TestBuildWhileChanged(t *testing.T) {
	g, err := graph.Load(seed)
	if err != nil {
		t.Fatal(err)
	}
	busy.Run(t, 60, func(k int) error {
		s, c := fmt.Sprintf("busy-s%d", k), fmt.Sprintf("busy-c%d", k)
		d := claims.MustDate(2000+k%20, 1+k%12, 1)
		b := graph.Batch{
			Sources: []sources.Source{{ID: s, Kind: sources.NewsArticle, DerivedFrom: []sources.Derivation{{Source: "internewscast-kim-scrub-2025", Kind: sources.Cites}}}},
			Claims:  []claims.Claim{{ID: c, Text: "busy", Validity: claims.Validity{From: d}, Appearances: []claims.Appearance{{Source: s}}}},
		}
		if k > 0 {
			b.Relations = []claims.Relation{{From: c, To: fmt.Sprintf("busy-c%d", k-1), Kind: claims.Supports}}
		}
		return g.Apply(b)
	}, func(int) bool {
		m, err := explore.Build(g, explore.Options{})
		if err != nil {
			t.Error(err)
			return false
		}
		if err := consistent(m); err != nil {
			t.Error(err)
			return false
		}
		return true
	})
}

// consistent checks that every verdict, relation and appearance of m
// names an item of m, and that every claim has an undated verdict.
func consistent(m *explore.Model) error {
	if len(m.States) == 0 || len(m.States[0]) != len(m.Claims) {
		return fmt.Errorf("%d claims, %d states", len(m.Claims), len(m.States))
	}
	for _, st := range m.States {
		for _, v := range st {
			if v.C < 0 || v.C >= len(m.Claims) {
				return fmt.Errorf("a verdict on claim %d of %d", v.C, len(m.Claims))
			}
		}
	}
	for _, r := range m.Rels {
		if r.From < 0 || r.To < 0 {
			return fmt.Errorf("a relation from %d to %d, outside the model's claims", r.From, r.To)
		}
	}
	for _, c := range m.Claims {
		for _, a := range c.Apps {
			if a.Source < 0 {
				return fmt.Errorf("claim %s appears in a source outside the model", c.ID)
			}
		}
	}
	return nil
}
