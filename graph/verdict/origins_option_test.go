package verdict_test

import (
	"slices"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/evidence"
	"github.com/claimgraph/claimgraph/graph/verdict"
	"github.com/claimgraph/claimgraph/sources"
)

// TestTrackExplicitIndependent: Options.Origins set to
// evidence.Independent(), which nil means, follows a graph that changes
// as the default does. Its index was kept per date alone, so after the
// first update it read the graph as it was when tracking began: a new
// source was "not found", and a replaced one kept its old links.
func TestTrackExplicitIndependent(t *testing.T) {
	g := build(t, spec{Claims: map[string]int{"a": 1}, Order: []string{"a"}})
	tr, err := verdict.Track(g, verdict.Options{Origins: evidence.Independent()})
	if err != nil {
		t.Fatal(err)
	}
	news := func(id string, from ...string) sources.Source {
		s := sources.Source{ID: id, Kind: sources.NewsArticle}
		for _, f := range from {
			s.DerivedFrom = append(s.DerivedFrom, sources.Derivation{Source: f, Kind: sources.Republishes})
		}
		return s
	}
	steps := []graph.Batch{
		{ // b in two sources, independent: True
			Sources: []sources.Source{news("n1"), news("n2")},
			Claims:  []claims.Claim{{ID: "b", Text: "B.", Appearances: []claims.Appearance{{Source: "n1"}, {Source: "n2"}}}},
		},
		{ // n2 turns out to republish n1: one origin
			Remove:  []string{"n2"},
			Sources: []sources.Source{news("n2", "n1")},
		},
	}
	for i, b := range steps {
		if err := g.Apply(b); err != nil {
			t.Fatal(err)
		}
		if _, err := tr.Update(b); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		want, err := verdict.Compute(g.View, verdict.Options{})
		if err != nil {
			t.Fatal(err)
		}
		got, _ := tr.Verdict("b")
		w, _ := want.Verdict("b")
		if !slices.Equal(got.Origins, w.Origins) || got.Rating != w.Rating {
			t.Errorf("step %d: b has origins %v, rated %v; want %v, %v", i, got.Origins, got.Rating, w.Origins, w.Rating)
		}
	}
}
