package graph_test

import (
	"fmt"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/internal/childtest"
	"github.com/claimgraph/claimgraph/sources"
)

// TestSourceInfo: SourceInfo is Source without the lists, for an ID and
// for an ID merged into the source alike.
func TestSourceInfo(t *testing.T) {
	g := graph.New()
	b := graph.Batch{Sources: []sources.Source{
		{ID: "v", Kind: sources.Video},
		{ID: "w", Kind: sources.Wire, Title: "T", Publisher: "P", Merged: []string{"old"},
			DerivedFrom: []sources.Derivation{{Source: "v", Kind: sources.Republishes}}},
	}}
	if err := g.Apply(b); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"w", "old"} {
		full, ok := g.Source(id)
		info, ok2 := g.SourceInfo(id)
		if !ok || !ok2 || info.ID != "w" || info.Title != "T" || info.Publisher != "P" || info.Kind != sources.Wire {
			t.Errorf("SourceInfo(%q) = %+v, %v; want w's fields", id, info, ok2)
		}
		if len(full.DerivedFrom) != 1 || info.DerivedFrom != nil || info.Merged != nil || info.Inferred != nil {
			t.Errorf("SourceInfo(%q) lists %+v, Source's %+v: want none", id, info, full)
		}
	}
	if _, ok := g.SourceInfo("nothing"); ok {
		t.Error("SourceInfo found an ID the graph does not hold")
	}
}

// TestClaimInfo: ClaimInfo is Claim without the lists, for an ID and for
// an ID merged into the claim alike, and hidden by a date as Claim is;
// it allocates as many bytes whatever the number of appearances.
func TestClaimInfo(t *testing.T) {
	g := graph.New()
	c := claims.Claim{ID: "c", Text: "T.", About: []string{"e"}, Merged: []string{"old"},
		Statement: &claims.Statement{Subject: "s"}, Review: &claims.Review{Status: claims.Unreviewed},
		Validity: claims.Validity{Until: claims.MustDate(2020, 1, 1)}}
	b := graph.Batch{Entities: []claims.Entity{{ID: "e", Name: "E", Kind: claims.Person}}}
	for i := range 1000 {
		id := fmt.Sprint("s", i)
		b.Sources = append(b.Sources, sources.Source{ID: id, Kind: sources.Video})
		c.Appearances = append(c.Appearances, claims.Appearance{Source: id})
	}
	d := c
	d.ID, d.Merged, d.Appearances = "d", nil, c.Appearances[:1]
	b.Claims = []claims.Claim{c, d}
	if err := g.Apply(b); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"c", "old"} {
		full, ok := g.Claim(id)
		info, ok2 := g.ClaimInfo(id)
		if !ok || !ok2 || info.ID != "c" || info.Text != "T." || info.Validity != full.Validity ||
			*info.Statement != *full.Statement || *info.Review != *full.Review {
			t.Errorf("ClaimInfo(%q) = %+v, %v; want c's fields", id, info, ok2)
		}
		if len(full.Appearances) != 1000 || info.Appearances != nil || info.About != nil || info.Merged != nil || info.Inferred != nil {
			t.Errorf("ClaimInfo(%q) lists %+v: want none", id, info)
		}
		info.Statement.Subject, info.Review.Rating = "x", "x"
		if again, _ := g.ClaimInfo(id); again.Statement.Subject != "s" || again.Review.Rating != "" {
			t.Errorf("ClaimInfo(%q) shares its Statement or Review with the graph", id)
		}
	}
	if _, ok := g.At(claims.MustDate(2021, 1, 1)).ClaimInfo("c"); ok {
		t.Error("ClaimInfo found a claim its view's date hides")
	}
	if _, ok := g.ClaimInfo("e"); ok {
		t.Error("ClaimInfo found an entity")
	}
	many := childtest.Allocated(func() { g.ClaimInfo("c") })
	one := childtest.Allocated(func() { g.ClaimInfo("d") })
	if many > one {
		t.Errorf("ClaimInfo allocates %d bytes for a claim of 1,000 appearances, %d for one of 1", many, one)
	}
}
