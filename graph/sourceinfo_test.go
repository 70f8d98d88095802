package graph_test

import (
	"testing"

	"github.com/claimgraph/claimgraph/graph"
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
