package graph_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/internal/childtest"
	"github.com/claimgraph/claimgraph/graph/synth"
)

// unionPair writes two files to merge into dir, A and B of format ext,
// from a generated graph of n claims (seed 1), and returns their paths.
// As halves, A holds claims [0, 3n/5) and B claims [2n/5, n), each with
// the relations between its own claims and every entity and source; as
// a variant, A is the whole graph and B the same graph with n/100 of
// its claims merged into others, so that the union folds merges.
func unionPair(tb testing.TB, dir string, n int, ext string, variant bool) (string, string) {
	tb.Helper()
	all := synth.Generate(synth.Config{Claims: n, Seed: 1})
	half := func(lo, hi int) graph.Batch {
		b := graph.Batch{Entities: all.Entities, Sources: all.Sources, Claims: all.Claims[lo:hi]}
		in := map[string]bool{}
		for _, c := range b.Claims {
			in[c.ID] = true
		}
		for _, r := range all.Relations {
			if in[r.From] && in[r.To] {
				b.Relations = append(b.Relations, r)
			}
		}
		return b
	}
	batches := [][]graph.Batch{{half(0, 3*n/5)}, {half(2*n/5, n)}}
	if variant {
		var merges []graph.Batch
		for i := 0; i+n/2 < n; i += 50 {
			merges = append(merges, graph.Batch{Merges: []graph.Merge{{From: synth.ClaimID(i + n/2), Into: synth.ClaimID(i)}}})
		}
		batches = [][]graph.Batch{{all}, append([]graph.Batch{all}, merges...)}
	}
	var paths [2]string
	for i, bs := range batches {
		g := graph.New()
		if err := g.Apply(bs[0]); err != nil {
			tb.Fatal(err)
		}
		for _, m := range bs[1:] {
			g.Apply(m) // a merge of two related claims is refused: left out
		}
		paths[i] = filepath.Join(dir, fmt.Sprintf("%c.%s", 'a'+i, ext))
		if err := g.Save(paths[i]); err != nil {
			tb.Fatal(err)
		}
	}
	return paths[0], paths[1]
}

// TestUnionToMemory bounds the peak of a merge of two YAML files of
// 4,000 generated claims each into YAML, the second with merges that
// the union folds, in a child process: 265 MiB when the union kept both
// files' decoders (with the position of every field) through the
// splice of A's text, and the whole tree of B beside A's to lend B's
// items, where only the items A lacks can be added; 147–197 MiB since.
// The limit, 240 MiB, leaves room for the collector's timing: the old
// code runs out of memory under it (247 MB in use when it failed).
func TestUnionToMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("a child merging two files of 4,000 claims takes seconds; runs without -short (CI's go test ./...)")
	}
	if !childtest.Child(t) {
		a, b := unionPair(t, t.TempDir(), 4000, "yaml", true)
		t.Setenv("CLAIMGRAPH_UNION_A", a)
		t.Setenv("CLAIMGRAPH_UNION_B", b)
	}
	msg, rss := childtest.Run(t, 240<<20, func() error {
		a, b := os.Getenv("CLAIMGRAPH_UNION_A"), os.Getenv("CLAIMGRAPH_UNION_B")
		_, _, err := graph.UnionTo(a, b, filepath.Join(filepath.Dir(a), "out.yaml"), graph.PreferNone)
		return err
	})
	if msg != "" {
		t.Error(msg)
	}
	t.Logf("peak RSS %d MiB", rss>>20)
}

// BenchmarkUnionTo merges two files of generated claims (seed 1) into a
// file of their format: the halves of a graph, and a graph and a
// variant of it with merges (see unionPair).
func BenchmarkUnionTo(b *testing.B) {
	sizes := []int{2000, 8000}
	if testing.Short() {
		sizes = sizes[:1]
	}
	for _, ext := range []string{"yaml", "json"} {
		for _, variant := range []bool{false, true} {
			for _, n := range sizes {
				dir := b.TempDir()
				pa, pb := unionPair(b, dir, n, ext, variant)
				out := filepath.Join(dir, "out."+ext)
				name := map[bool]string{false: "halves", true: "variant"}[variant]
				b.Run(fmt.Sprintf("%s/%s/claims=%d", ext, name, n), func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						if _, _, err := graph.UnionTo(pa, pb, out, graph.PreferNone); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		}
	}
}
