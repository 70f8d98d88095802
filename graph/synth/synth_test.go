package synth_test

import (
	"fmt"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/synth"
	"github.com/google/go-cmp/cmp"
)

func TestGenerateIsValidAndDeterministic(t *testing.T) {
	sizes := []int{10, 1000, 20000}
	if testing.Short() {
		sizes = sizes[:2] // comparing two 20k-claim batches takes seconds
	}
	for _, n := range sizes {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			b := synth.Generate(synth.Config{Claims: n})
			g := graph.New()
			if err := g.Apply(b); err != nil {
				t.Fatal(err)
			}
			c := g.Counts()
			if c.Claims != n {
				t.Errorf("%d claims, want %d", c.Claims, n)
			}
			if n >= 1000 {
				perClaim := float64(c.Supports+c.Contradictions) / float64(n)
				apps := float64(c.Appearances) / float64(n)
				if perClaim < 3 || perClaim > 5 || apps < 2.5 || apps > 3.5 {
					t.Errorf("%.2f relations and %.2f appearances per claim, want about 4 and 3", perClaim, apps)
				}
			}
			if diff := cmp.Diff(b, synth.Generate(synth.Config{Claims: n})); diff != "" {
				t.Errorf("second generation differs:\n%s", diff)
			}
		})
	}
}

func ExampleGenerate() {
	g := graph.New()
	if err := g.Apply(synth.Generate(synth.Config{Claims: 100, Seed: 7})); err != nil {
		panic(err)
	}
	fmt.Println(g.Counts().Claims, g.Counts().Entities, g.Counts().Sources)
	// Output: 100 5 10
}
