package diff_test

import (
	"slices"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/diff"
	"github.com/claimgraph/claimgraph/graph/synth"
)

func build(t *testing.T, b graph.Batch) *graph.Graph {
	t.Helper()
	g := graph.New()
	if err := g.Apply(b); err != nil {
		t.Fatal(err)
	}
	return g
}

// TestReorderedIsSame compares a generated graph with the same graph
// built with its items and relations in reverse order: the walk side by
// side parts at every item, and every item must still find its pair.
func TestReorderedIsSame(t *testing.T) {
	b := synth.Generate(synth.Config{Claims: 500})
	old := build(t, b)
	slices.Reverse(b.Entities)
	slices.Reverse(b.Claims)
	slices.Reverse(b.Relations)
	for i, r := range b.Relations { // a symmetric relation written the other way round is the same
		if r.Kind.Symmetric() && i%2 == 0 {
			b.Relations[i].From, b.Relations[i].To = r.To, r.From
		}
	}
	r, err := diff.Compare(old, build(t, b), diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(r.Added) + len(r.Removed) + len(r.Changed) + len(r.Merged); n != 0 {
		t.Errorf("%d differences between a graph and itself reordered: %+v", n, r)
	}
	// DF-QuAD's strengths where its equations have many solutions depend
	// on the order (see the README's "DF-QuAD's bounds"); the labels and
	// origins do not.
	for _, v := range r.Verdicts {
		if v.Old.Label != v.New.Label || v.Old.Origins != v.New.Origins {
			t.Errorf("reordering changed a verdict: %s", v.Reason)
		}
	}
}

// TestOnePercent checks the comparison of the benchmark's pair of
// graphs against the changes made.
func TestOnePercent(t *testing.T) {
	b := synth.Generate(synth.Config{Claims: 4000})
	old := build(t, b)
	ch := changeOnePercent(&b)
	new := build(t, b)
	r, err := diff.Compare(old, new, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	count := func(items []diff.Item, kind string) int {
		n := 0
		for _, it := range items {
			if it.Kind == kind {
				n++
			}
		}
		return n
	}
	var gone int // relations at a removed claim
	for x := range old.Relations() {
		if _, ok := new.Claim(x.From); !ok {
			gone++
		} else if _, ok := new.Claim(x.To); !ok {
			gone++
		}
	}
	for _, c := range []struct {
		what      string
		got, want int
	}{
		{"claims changed", count(r.Changed, "claim"), ch.texts},
		{"claims removed", count(r.Removed, "claim"), ch.removed},
		{"claims added", count(r.Added, "claim"), ch.added},
		{"relations added", count(r.Added, "relation"), ch.added + ch.contradictions},
		{"relations removed", count(r.Removed, "relation"), gone},
		{"relations changed", count(r.Changed, "relation"), 0},
	} {
		if c.got != c.want {
			t.Errorf("%s: %d, want %d", c.what, c.got, c.want)
		}
	}
	if ch.contradictions == 0 || len(r.Verdicts) == 0 {
		t.Errorf("%d new contradictions, %d verdict changes: the changes should move verdicts", ch.contradictions, len(r.Verdicts))
	}
}
