package verdict_test

import (
	"fmt"
	stdmaps "maps"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/synth"
	"github.com/claimgraph/claimgraph/graph/verdict"
	"github.com/claimgraph/claimgraph/sources"
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
				_ = before.Lent("b")
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

// TestTrackerResultsWhileUpdating: the owner of a Tracker applies
// batches and publishes each new Result, which a server's goroutines
// read (verdicts, lent origins) while the next update runs.
func TestTrackerResultsWhileUpdating(t *testing.T) {
	g := graph.New()
	if err := g.Apply(synth.Generate(synth.Config{Claims: 300, Seed: 4})); err != nil {
		t.Fatal(err)
	}
	tr, err := verdict.Track(g, verdict.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var pub atomic.Pointer[verdict.Result]
	pub.Store(tr.Result())
	updates := 40
	if testing.Short() {
		updates = 10
	}
	var wg sync.WaitGroup
	var done atomic.Bool
	for range 2 {
		wg.Go(func() {
			for !done.Load() {
				r := pub.Load()
				for _, v := range r.Verdicts {
					if got, ok := r.Verdict(v.Claim); !ok || got.Claim != v.Claim {
						t.Errorf("verdict on %s not found by its ID", v.Claim)
						return
					}
					if len(r.Lent(v.Claim)) != v.Lent {
						t.Errorf("%s: Lent lists %d, Verdict.Lent %d", v.Claim, len(r.Lent(v.Claim)), v.Lent)
						return
					}
				}
			}
		})
	}
	for k := range updates {
		s, c := fmt.Sprintf("upd-s%d", k), fmt.Sprintf("upd-c%d", k)
		b := graph.Batch{
			Sources:   []sources.Source{{ID: s, Title: s, Kind: sources.NewsArticle}},
			Claims:    []claims.Claim{{ID: c, Text: "New.", Appearances: []claims.Appearance{{Source: s}}}},
			Relations: []claims.Relation{{From: c, To: synth.ClaimID(k * 7 % 300), Kind: claims.Supports}},
		}
		if k%3 == 2 {
			b = graph.Batch{Remove: []string{fmt.Sprintf("upd-c%d", k-1), fmt.Sprintf("upd-s%d", k-1)},
				RemoveRelations: []claims.Relation{{From: fmt.Sprintf("upd-c%d", k-1), To: synth.ClaimID((k - 1) * 7 % 300), Kind: claims.Supports}}}
		}
		if err := g.Apply(b); err != nil {
			t.Fatal(err)
		}
		if _, err := tr.Update(b); err != nil {
			t.Fatal(err)
		}
		pub.Store(tr.Result())
	}
	done.Store(true)
	wg.Wait()
}
