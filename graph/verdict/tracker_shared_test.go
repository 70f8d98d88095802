package verdict_test

import (
	stdmaps "maps"
	"sync"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/verdict"
)

// TestTrackerResultSilentKept: a Result taken before an update keeps
// its Silent, the claims that lent nothing then, while the Tracker's
// owner updates it, as [verdict.Tracker.Result] promises ("later updates
// do not change it"); and another goroutine may read that Result
// meanwhile (under -race: no race with Update).
func TestTrackerResultSilentKept(t *testing.T) {
	// a, with one source, supports b and is rejected by x, with three:
	// a is silent until the contradiction goes.
	g := build(t, spec{Claims: map[string]int{"a": 1, "b": 1, "x": 3}, Order: []string{"a", "b", "x"}, Rels: []string{"a>b", "x-a"}})
	tr, err := verdict.Track(g, verdict.Options{})
	if err != nil {
		t.Fatal(err)
	}
	before := tr.Result()
	if !before.Silent["a"] {
		t.Fatalf("a is not silent to begin with: %v", before.Silent)
	}
	was := stdmaps.Clone(before.Silent)
	var wg sync.WaitGroup
	wg.Go(func() { // a server's reader of the published result
		for range 200 {
			for id := range before.Silent {
				if _, ok := before.Verdict(id); !ok {
					t.Errorf("silent %s has no verdict", id)
					return
				}
			}
		}
	})
	gone := claims.Relation{From: "x", To: "a", Kind: claims.Contradicts}
	for _, b := range []graph.Batch{{RemoveRelations: []claims.Relation{gone}}, {Relations: []claims.Relation{gone}}} {
		if err := g.Apply(b); err != nil {
			t.Fatal(err)
		}
		if _, err := tr.Update(b); err != nil {
			t.Fatal(err)
		}
	}
	wg.Wait()
	if !stdmaps.Equal(before.Silent, was) {
		t.Errorf("the Result taken before the updates has Silent %v, had %v", before.Silent, was)
	}
	// The updates did change the Tracker's silence on the way: without
	// the contradiction, a lends.
	b := graph.Batch{RemoveRelations: []claims.Relation{gone}}
	if err := g.Apply(b); err != nil {
		t.Fatal(err)
	}
	if _, err := tr.Update(b); err != nil {
		t.Fatal(err)
	}
	if now := tr.Result().Silent; now["a"] {
		t.Errorf("a is still silent without its contradiction: %v", now)
	}
	if !stdmaps.Equal(before.Silent, was) {
		t.Errorf("the Result taken before the updates has Silent %v, had %v", before.Silent, was)
	}
}
