package provenance

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
)

// TestFork: forks of one index, queried at once, find for every claim
// of random graphs the origins, the reports and the errors that an index
// of its own finds, by number as by ID, on graphs with merged sources
// and a claim naming a source that is not there.
func TestFork(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 7))
	merged := 0
	for round := range 20 {
		g := randomGraph(t, rng, 12, 30)
		for range 3 {
			from, into := fmt.Sprintf("s%02d", rng.IntN(12)), fmt.Sprintf("s%02d", rng.IntN(12))
			if g.Apply(graph.Batch{Merges: []graph.Merge{{Into: into, From: from}}}) == nil {
				merged++
				// A claim that names the source by its old ID.
				c := claim(fmt.Sprintf("m%d-%d %s %s/%s", round, merged, from, into, from))
				if err := g.Apply(graph.Batch{Claims: []claims.Claim{c}}); err != nil {
					t.Fatal(err)
				}
			}
		}
		var cls []claims.Claim
		for c := range g.Claims() {
			cls = append(cls, c)
		}
		cls = append(cls, claim("ghost s00 nowhere")) // a missing source
		root := New(g.View)
		forks := []*Index{root.Fork(), root.Fork(), root.Fork()}
		var wg sync.WaitGroup
		for k, f := range forks {
			wg.Go(func() {
				own := New(g.View)
				for i, c := range cls {
					if i%len(forks) != k && i != len(cls)-1 {
						continue
					}
					want, werr := own.AppendOrigins(nil, c)
					got, gerr := f.AppendOrigins(nil, c)
					if fmt.Sprint(werr) != fmt.Sprint(gerr) || !slices.Equal(want, got) {
						t.Errorf("round %d, %s: fork finds %q (%v), own index %q (%v)", round, c.ID, got, gerr, want, werr)
					}
					nums, _ := f.AppendOriginNumbers(nil, c.Appearances)
					var ids []string
					for _, n := range nums {
						ids = append(ids, root.SourceID(n))
					}
					if !slices.Equal(ids, want) {
						t.Errorf("round %d, %s: fork numbers name %q, want %q", round, c.ID, ids, want)
					}
					wr, werr := own.Of(c)
					gr, gerr := f.Of(c)
					if fmt.Sprint(werr) != fmt.Sprint(gerr) || !cmp.Equal(wr, gr) {
						t.Errorf("round %d, %s: fork reports %+v (%v), own index %+v (%v)", round, c.ID, gr, gerr, wr, werr)
					}
				}
			})
		}
		wg.Wait()
	}
	if merged < 10 {
		t.Errorf("%d merges: too few to test", merged)
	}
}
