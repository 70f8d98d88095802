package graph_test

import (
	"fmt"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/synth"
	"github.com/claimgraph/claimgraph/sources"
)

// editSize is the graph the edit benchmarks change: 1M claims (4
// relations and 3 appearances each on average), 10k under -short.
func editSize() int {
	if testing.Short() {
		return 10_000
	}
	return 1_000_000
}

// editRounds is how many batches the edit benchmarks prepare: each
// iteration applies a new one, as a batch cannot be applied twice. Run
// them with -benchtime=Nx, N at most editRounds.
const editRounds = 10

type relKey struct {
	from, to string
	kind     claims.RelationKind
}

// relationsOf returns the relations of claim id that are not in taken,
// marking them taken.
func relationsOf(b *testing.B, g *graph.Graph, id string, taken map[relKey]bool) []claims.Relation {
	var out []claims.Relation
	for _, q := range []func(string) ([]claims.Relation, error){g.Supporters, g.Supported, g.Contradictions} {
		rels, err := q(id)
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range rels {
			key := relKey{r.From, r.To, r.Kind}
			if !taken[key] {
				taken[key] = true
				out = append(out, claims.Relation{From: r.From, To: r.To, Kind: r.Kind})
			}
		}
	}
	return out
}

// BenchmarkRemove removes 1,000 claims spread over an editSize graph,
// with all their relations, in one batch per iteration; preparing the
// batches is outside the timed loop.
func BenchmarkRemove(b *testing.B) {
	n := editSize()
	g := graph.New()
	if err := g.Apply(synth.Generate(synth.Config{Claims: n})); err != nil {
		b.Fatal(err)
	}
	stride := n / (1000 * editRounds)
	taken := map[relKey]bool{}
	batches := make([]graph.Batch, editRounds)
	for k := range batches {
		for j := range 1000 {
			id := synth.ClaimID((j*editRounds + k) * stride)
			batches[k].Remove = append(batches[k].Remove, id)
			batches[k].RemoveRelations = append(batches[k].RemoveRelations, relationsOf(b, g, id, taken)...)
		}
	}
	b.Run(fmt.Sprintf("claims=%d/remove=1000", n), func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if i == len(batches) {
				b.Fatalf("more than %d iterations: use -benchtime=%dx", editRounds, editRounds)
			}
			if err := g.Apply(batches[i]); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
}

// BenchmarkMerge merges 1,000 pairs (50 under -short) of claims of an editSize graph, each
// pair two claims with no relation and no neighbour in common, in one
// batch per iteration.
func BenchmarkMerge(b *testing.B) {
	n := editSize()
	g := graph.New()
	if err := g.Apply(synth.Generate(synth.Config{Claims: n})); err != nil {
		b.Fatal(err)
	}
	neighbours := func(id string) map[string]bool {
		out := map[string]bool{}
		for _, r := range relationsOf(b, g, id, map[relKey]bool{}) {
			other, _ := r.Other(id)
			out[other] = true
		}
		return out
	}
	used := map[string]bool{}
	batches := make([]graph.Batch, editRounds)
	per := min(1000, n/(20*editRounds)) // 50 under -short
	next := 0
	for k := range batches {
		for len(batches[k].Merges) < per {
			if next >= n/2 {
				b.Fatal("not enough pairs of claims to merge")
			}
			a, c := synth.ClaimID(next), synth.ClaimID(n/2+next)
			next++
			na, nc := neighbours(a), neighbours(c)
			ok := !na[c] && !used[a] && !used[c]
			for x := range na {
				if nc[x] || used[x] {
					ok = false
				}
			}
			if !ok {
				continue
			}
			used[a], used[c] = true, true
			for x := range nc {
				used[x] = true // a relation moving to a cannot meet another merge's
			}
			batches[k].Merges = append(batches[k].Merges, graph.Merge{Into: a, From: c})
		}
	}
	b.Run(fmt.Sprintf("claims=%d/merge=%d", n, per), func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if i == len(batches) {
				b.Fatalf("more than %d iterations: use -benchtime=%dx", editRounds, editRounds)
			}
			if err := g.Apply(batches[i]); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
}

// BenchmarkMergeAppearances merges two claims of 20,000 appearances each
// (2,000 under -short), half of them the same, into one: the appearances
// are matched through a set, O(n), where a scan per appearance took 7.8 s.
func BenchmarkMergeAppearances(b *testing.B) {
	n := 20_000
	if testing.Short() {
		n = 2_000
	}
	base := graph.Batch{Sources: []sources.Source{{ID: "s", Kind: sources.Wire}}}
	for _, id := range []string{"a", "b"} {
		c := claims.Claim{ID: id, Text: "Claim " + id + "."}
		for j := range n {
			q := fmt.Sprintf("%s%d", id, j)
			if j%2 == 0 {
				q = fmt.Sprint(j) // shared by a and b
			}
			c.Appearances = append(c.Appearances, claims.Appearance{Source: "s", Quote: q})
		}
		base.Claims = append(base.Claims, c)
	}
	b.Run(fmt.Sprintf("appearances=%d+%d", n, n), func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			b.StopTimer()
			g := graph.New()
			if err := g.Apply(base); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			if err := g.Apply(graph.Batch{Merges: []graph.Merge{{Into: "a", From: "b"}}}); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			if a, _ := g.Claim("a"); len(a.Appearances) != n+n/2 {
				b.Fatalf("a has %d appearances, want %d", len(a.Appearances), n+n/2)
			}
			b.StartTimer()
		}
	})
}
