package provenance_test

import (
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/provenance"
	"github.com/claimgraph/claimgraph/sources"
)

// TestRank: a cycle of sources stands, as an origin, for its member of
// least Index.Rank, then of smallest ID; without Rank, for the smallest
// ID. The report's Origin.Source, AppendOrigins and a fork's
// AppendOrigins agree, and the cycle's loop still starts at its smallest
// ID.
func TestRank(t *testing.T) {
	g := graph.New()
	if err := g.Apply(graph.Batch{
		Sources: []sources.Source{
			{ID: "a", Kind: sources.Video, DerivedFrom: []sources.Derivation{{Source: "b", Kind: sources.Cites}}},
			{ID: "b", Kind: sources.NewsArticle, DerivedFrom: []sources.Derivation{{Source: "c", Kind: sources.Cites}}},
			{ID: "c", Kind: sources.NewsArticle, DerivedFrom: []sources.Derivation{{Source: "a", Kind: sources.Quotes}}},
		},
		Claims: []claims.Claim{{ID: "x", Text: "X.", Appearances: []claims.Appearance{{Source: "a"}, {Source: "b"}, {Source: "c"}}}},
	}); err != nil {
		t.Fatal(err)
	}
	c, _ := g.Claim("x")
	for _, tt := range []struct {
		name string
		rank map[string]float64
		want string
	}{
		{"no rank", nil, "a"},
		{"least rank", map[string]float64{"a": 0.9, "b": 0.7, "c": 0.2}, "c"},
		{"tie, smallest ID", map[string]float64{"a": 0.9, "b": 0.2, "c": 0.2}, "b"},
	} {
		x := provenance.New(g.View)
		if tt.rank != nil {
			x.Rank = func(id string) float64 { return tt.rank[id] }
		}
		rep, err := x.Of(c)
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Groups) != 1 || rep.Groups[0].Origin.Source != tt.want || rep.Groups[0].Origin.Class != provenance.Circular {
			t.Fatalf("%s: groups %+v; want one circular origin %s", tt.name, rep.Groups, tt.want)
		}
		if kind, _ := g.Source(tt.want); rep.Groups[0].Origin.Kind != kind.Kind {
			t.Errorf("%s: origin kind %v; want %s's, %v", tt.name, rep.Groups[0].Origin.Kind, tt.want, kind.Kind)
		}
		if cy := rep.Groups[0].Origin.Cycle; cy.Loop[0] != "a" || cy.Loop[len(cy.Loop)-1] != "a" {
			t.Errorf("%s: loop %v; want it through a, the smallest ID", tt.name, cy.Loop)
		}
		for _, idx := range []*provenance.Index{x, x.Fork()} {
			got, err := idx.AppendOrigins(nil, c)
			if err != nil || len(got) != 1 || got[0] != tt.want {
				t.Errorf("%s: AppendOrigins %v, %v; want [%s]", tt.name, got, err, tt.want)
			}
		}
	}
}
