package truth_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/sources"
	"github.com/claimgraph/claimgraph/sources/truth"
)

// smallGraph: a (in s1, s2) contradicts b (in s3), which contradicts e
// (in s3); c (in s1) stands alone; d (in s2) supports a. s4 carries nothing.
func smallGraph(t *testing.T) *graph.Graph {
	t.Helper()
	var b graph.Batch
	for _, id := range []string{"s1", "s2", "s3", "s4"} {
		b.Sources = append(b.Sources, sources.Source{ID: id, Title: id, Kind: sources.NewsArticle})
	}
	claim := func(id string, srcs ...string) claims.Claim {
		c := claims.Claim{ID: id, Text: "Claim " + id + "."}
		for _, s := range srcs {
			c.Appearances = append(c.Appearances, claims.Appearance{Source: s})
		}
		return c
	}
	b.Claims = []claims.Claim{claim("a", "s1", "s2"), claim("b", "s3"), claim("c", "s1"), claim("d", "s2"), claim("e", "s3", "s3")}
	b.Relations = []claims.Relation{
		{From: "a", To: "b", Kind: claims.Contradicts},
		{From: "b", To: "e", Kind: claims.Contradicts},
		{From: "d", To: "a", Kind: claims.Supports},
	}
	g := graph.New()
	if err := g.Apply(b); err != nil {
		t.Fatal(err)
	}
	return g
}

func TestFromGraph(t *testing.T) {
	d, m := truth.FromGraph(smallGraph(t).View)
	// Objects by hand: {a, b, e} (named a), {c}, {d}. Assertions: s1:a,c;
	// s2:a,d; s3:b,e (e's second appearance in s3 counts once).
	objects := map[string][]string{}
	for o := range d.NumObjects() {
		for _, f := range d.Facts(truth.ObjectID(o)) {
			objects[d.ObjectName(truth.ObjectID(o))] = append(objects[d.ObjectName(truth.ObjectID(o))], d.Value(f))
		}
	}
	if diff := cmp.Diff(map[string][]string{"a": {"a", "b", "e"}, "c": {"c"}, "d": {"d"}}, objects); diff != "" {
		t.Errorf("objects (-want +got):\n%s", diff)
	}
	if got := d.NumAssertions(); got != 6 {
		t.Errorf("NumAssertions = %d, want 6", got)
	}
	if diff := cmp.Diff([]string{"s1", "s2", "s3", "s4"}, m.Sources); diff != "" {
		t.Errorf("sources (-want +got):\n%s", diff)
	}
	for _, id := range []string{"a", "b", "c", "d", "e"} {
		f, ok := m.Fact(id)
		if !ok || m.Claims[f] != id || d.Value(f) != id {
			t.Errorf("Fact(%q) = %d, %v", id, f, ok)
		}
	}

	// Voting: a has two sources against one each for b and e.
	r, err := truth.Discover(d, truth.Voting, truth.Options{})
	if err != nil {
		t.Fatal(err)
	}
	fa, _ := m.Fact("a")
	if obj := d.FactObject(fa); r.Chosen[obj] != fa {
		t.Errorf("voting chose %q, want a", d.Value(r.Chosen[obj]))
	}
	trust := m.Trust(r)
	// Voting trust is the share of a source's facts that won: s1 and s2
	// won both of theirs, s3 neither, s4 has none.
	if diff := cmp.Diff(map[string]float64{"s1": 1, "s2": 1, "s3": 0, "s4": 0}, trust); diff != "" {
		t.Errorf("trust (-want +got):\n%s", diff)
	}
	if got := m.Belief(r)["a"]; got != 2 {
		t.Errorf("belief in a = %v, want 2 votes", got)
	}
}

func TestFromGraphImplication(t *testing.T) {
	// d's support must raise TruthFinder's belief in a over a run that
	// ignores implications; everything else being equal.
	d, m := truth.FromGraph(smallGraph(t).View)
	with, err := truth.Discover(d, truth.TruthFinder, truth.Options{MaxIterations: 1})
	if err != nil {
		t.Fatal(err)
	}
	without, err := truth.Discover(d, truth.TruthFinder, truth.Options{MaxIterations: 1, NoImplications: true})
	if err != nil {
		t.Fatal(err)
	}
	if a, b := m.Belief(with)["a"], m.Belief(without)["a"]; !(a > b) {
		t.Errorf("belief in a with support %v, without %v: want more with", a, b)
	}
}

func TestFromGraphSeed(t *testing.T) {
	path := filepath.Join("..", "..", "testdata", "kim-putin.yaml")
	if _, err := os.Stat(path); err != nil {
		t.Skip("seed dataset not present: ", err)
	}
	g, err := graph.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, alg := range truth.Algorithms() {
		t.Run(alg.String(), func(t *testing.T) {
			var runs [2]map[string]float64
			for k := range runs {
				d, m := truth.FromGraph(g.View)
				if d.NumFacts() != g.Counts().Claims || d.NumSources() != g.Counts().Sources {
					t.Fatalf("%d facts, %d sources for %+v", d.NumFacts(), d.NumSources(), g.Counts())
				}
				r, err := truth.Discover(d, alg, truth.Options{})
				if err != nil {
					t.Fatal(err)
				}
				runs[k] = m.Trust(r)
			}
			if diff := cmp.Diff(runs[0], runs[1]); diff != "" {
				t.Errorf("two runs differ (-first +second):\n%s", diff)
			}
		})
	}
}
