package graph_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/sources"
	"github.com/google/go-cmp/cmp"
)

// removeB removes claim b of the desk, its relations and kim-2, which
// only b names.
var removeB = graph.Batch{Remove: []string{"b", "kim-2"}, RemoveRelations: []claims.Relation{
	{From: "b", To: "x", Kind: claims.Supports},
	{From: "b", To: "y", Kind: claims.Contradicts},
	{From: "a", To: "b", Kind: claims.SameAs},
}}

// snapshotTests change the desk (see deskYAML) after a snapshot of it;
// Before is applied to the desk before the snapshot is taken.
var snapshotTests = []struct {
	Name   string
	Before []graph.Batch
	After  []graph.Batch
}{{
	Name:  "MergeEntities",
	After: []graph.Batch{{Merges: []graph.Merge{{Into: "kim", From: "kim-2"}}}},
}, {
	Name:  "MergeSources",
	After: []graph.Batch{{Merges: []graph.Merge{{Into: "s1", From: "s2"}}}},
}, {
	Name:  "MergeClaims",
	After: []graph.Batch{{Merges: []graph.Merge{{Into: "a", From: "b"}}}},
}, {
	// The snapshot's alias s3 names s2; the graph's names s1.
	Name:   "MergeMerged",
	Before: []graph.Batch{{Merges: []graph.Merge{{Into: "s2", From: "s3"}}}},
	After:  []graph.Batch{{Merges: []graph.Merge{{Into: "s1", From: "s2"}}}},
}, {
	Name:  "Remove",
	After: []graph.Batch{removeB},
}, {
	// kim-2 comes back as another vertex, with another name.
	Name: "RemoveAndAddAgain",
	After: []graph.Batch{removeB, {
		Entities: []claims.Entity{{ID: "kim-2", Name: "Kim Yo Jong", Kind: claims.Person}},
		Claims:   []claims.Claim{{ID: "b", Text: "Another B.", Appearances: []claims.Appearance{{Source: "s3", Speaker: "kim-2"}}}},
	}},
}, {
	// The replaced b names s3 and no speaker; kj becomes an alias.
	Name: "Replace",
	After: []graph.Batch{{
		Remove:   []string{"b", "kim-2"},
		Entities: []claims.Entity{{ID: "kim-2", Name: "Kim", Kind: claims.Person, Merged: []string{"kj"}}},
		Claims:   []claims.Claim{{ID: "b", Text: "B.", Appearances: []claims.Appearance{{Source: "s3"}}}},
	}},
}, {
	Name: "Add",
	After: []graph.Batch{{
		Entities:  []claims.Entity{{ID: "moon", Name: "Moon Jae-in", Kind: claims.Person, Merged: []string{"mji"}}},
		Sources:   []sources.Source{{ID: "s4", Kind: sources.NewsArticle, DerivedFrom: []sources.Derivation{{Source: "s2", Kind: sources.Quotes}}}},
		Claims:    []claims.Claim{{ID: "z", Text: "Z.", About: []string{"kim-2"}, Appearances: []claims.Appearance{{Source: "s4", Speaker: "moon"}}}},
		Relations: []claims.Relation{{From: "z", To: "b", Kind: claims.Supports}},
	}},
}}

// TestSnapshotAfterEdits checks every query by ID on a snapshot, after
// the graph has changed, against the same queries on a copy of the graph
// as it was when the snapshot was taken, for every ID that either graph
// names, aliases included.
func TestSnapshotAfterEdits(t *testing.T) {
	for _, tt := range snapshotTests {
		t.Run(tt.Name, func(t *testing.T) {
			g, was := desk(t), desk(t)
			for _, b := range tt.Before {
				if err := g.Apply(b); err != nil {
					t.Fatal(err)
				}
				if err := was.Apply(b); err != nil {
					t.Fatal(err)
				}
			}
			snap := g.Snapshot()
			for _, b := range tt.After {
				if err := g.Apply(b); err != nil {
					t.Fatal(err)
				}
			}
			ids := append(namedIDs(was.View), namedIDs(g.View)...)
			want := answers(t, was.View, ids)
			if diff := cmp.Diff(want, answers(t, snap, ids)); diff != "" {
				t.Errorf("the snapshot answers otherwise than the graph it was taken of (-was +snapshot):\n%s", diff)
			}
			if answers(t, g.View, ids) == want {
				t.Error("the change changes no answer")
			}
		})
	}
}

// namedIDs returns the IDs of the items of v and those merged into them.
func namedIDs(v graph.View) []string {
	var ids []string
	for e := range v.Entities() {
		ids = append(append(ids, e.ID), e.Merged...)
	}
	for s := range v.Sources() {
		ids = append(append(ids, s.ID), s.Merged...)
	}
	for c := range v.Claims() {
		ids = append(append(ids, c.ID), c.Merged...)
	}
	return ids
}

// answers writes what every query by ID of v answers for each of ids.
func answers(t *testing.T, v graph.View, ids []string) string {
	t.Helper()
	var b strings.Builder
	for _, id := range ids {
		to, aliased := v.Resolve(id)
		k, ok := v.KindOf(id)
		fmt.Fprintf(&b, "%s: resolves to %q %v, kind %v %v\n", id, to, aliased, k, ok)
		answer := func(name string) func(any, error) {
			return func(result any, err error) {
				if err != nil {
					fmt.Fprintf(&b, "\t%s: %v\n", name, err)
					return
				}
				js, err := json.Marshal(result)
				if err != nil {
					t.Fatal(err)
				}
				fmt.Fprintf(&b, "\t%s %s\n", name, js)
			}
		}
		c, ok := v.Claim(id)
		answer("claim")(c, found(ok))
		e, ok := v.Entity(id)
		answer("entity")(e, found(ok))
		s, ok := v.Source(id)
		answer("source")(s, found(ok))
		answer("speakers")(v.Speakers(id))
		answer("sources of")(v.SourcesOf(id))
		answer("relations")(v.RelationsOf(id))
		answer("support tree")(v.SupportTree(id, 0))
		answer("path to x")(v.ShortestPath(id, "x"))
		answer("claims about")(v.ClaimsAbout(id))
		answer("claims by")(v.ClaimsBy(id))
		answer("claims in")(v.ClaimsIn(id))
		answer("derived by")(v.DerivedBy(id))
		if n, err := v.Neighbourhood(id, 1); err != nil {
			answer("neighbourhood")(nil, err)
		} else {
			fmt.Fprintf(&b, "\tneighbourhood\n%s", yamlText(t, n))
		}
	}
	return b.String()
}

// found returns nil when ok is set, an error otherwise.
func found(ok bool) error {
	if ok {
		return nil
	}
	return errors.New("not found")
}

// TestSnapshotWhileEdited queries a snapshot while the graph changes
// under it, by additions first, which grow the ID index the two share,
// then by merges, and once more after the last change: it answers as
// the graph did when it was taken throughout. Under the race detector it
// also checks that the snapshot reads the index it shares under the
// lock.
func TestSnapshotWhileEdited(t *testing.T) {
	g := desk(t)
	ids := namedIDs(g.View)
	want := answers(t, g.View, ids)
	snap := g.Snapshot()
	var edits []graph.Batch
	for i := range 20 {
		e := fmt.Sprintf("e%d", i)
		edits = append(edits, graph.Batch{
			Entities:  []claims.Entity{{ID: e, Name: e, Kind: claims.Person, Merged: []string{e + "-alias"}}},
			Claims:    []claims.Claim{{ID: "c" + e, Text: e, About: []string{"kim-2"}, Appearances: []claims.Appearance{{Source: "s2", Speaker: e}}}},
			Relations: []claims.Relation{{From: "c" + e, To: "b", Kind: claims.Supports}},
		})
	}
	for _, m := range []graph.Merge{{Into: "kim", From: "kim-2"}, {Into: "s1", From: "s2"}, {Into: "a", From: "b"}} {
		edits = append(edits, graph.Batch{Merges: []graph.Merge{m}})
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for _, b := range edits {
			if err := g.Apply(b); err != nil {
				t.Error(err)
				return
			}
			runtime.Gosched()
		}
	}()
	defer func() { <-done }()
	for running := true; running; {
		select {
		case <-done:
			running = false // one more round, after the last change
		default:
		}
		if diff := cmp.Diff(want, answers(t, snap, ids)); diff != "" {
			t.Fatalf("the snapshot answers otherwise than the graph it was taken of (-was +snapshot):\n%s", diff)
		}
	}
	if answers(t, g.View, ids) == want {
		t.Error("the changes change no answer")
	}
}
