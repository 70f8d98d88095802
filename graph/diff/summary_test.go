package diff_test

import (
	"fmt"
	"iter"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/diff"
	"github.com/claimgraph/claimgraph/graph/synth"
	"github.com/claimgraph/claimgraph/sources"
	"github.com/google/go-cmp/cmp"
)

// TestSummaryMatchesCompare compares generated graphs with copies
// changed at random — fields of every kind of item changed, items
// removed, added, merged and moved, dated claims and relations — both
// ways, with both graphs at hand (Compare) and with the old one
// summarized (Summarize, then Summary.Compare), and wants the same
// report from both, as of no date and as of a date.
func TestSummaryMatchesCompare(t *testing.T) {
	seeds, size := uint64(20), 500
	if testing.Short() {
		seeds, size = 2, 200
	}
	for seed := range seeds {
		rng := rand.New(rand.NewPCG(seed, 16))
		b := synth.Generate(synth.Config{Claims: size, Seed: seed + 1})
		dated(rng, &b)
		old := build(t, b)
		mergeSome(t, rng, old, 3)
		nb := changed(rng, b)
		new := build(t, nb)
		mergeSome(t, rng, new, 8)
		for _, at := range []claims.Date{{}, mustDate(t, 2021, 6)} {
			opts := diff.Options{At: at}
			want, err := diff.Compare(old, new, opts)
			if err != nil {
				t.Fatal(err)
			}
			s, err := diff.Summarize(old, opts)
			if err != nil {
				t.Fatal(err)
			}
			got, err := s.Compare(new)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("seed %d, at %s: the summary's report differs from Compare's (-want +got):\n%s", seed, at, d)
			}
			if seed == 0 && at.IsZero() {
				// The changes must show, or the test compares nothing.
				for what, n := range map[string]int{"verdicts": len(want.Verdicts), "added": len(want.Added), "removed": len(want.Removed), "changed": len(want.Changed), "merged": len(want.Merged)} {
					if n == 0 {
						t.Errorf("seed %d: no items %s", seed, what)
					}
				}
				kinds := map[string]bool{}
				for _, it := range want.Changed {
					kinds[it.Kind] = true
				}
				if len(kinds) != 4 {
					t.Errorf("seed %d: changed items of kinds %v, want all four", seed, kinds)
				}
			}
		}
	}
}

func mustDate(t *testing.T, y, m int) claims.Date {
	t.Helper()
	d, err := claims.NewDate(y, m, 0)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// dated gives one claim in ten of b a validity, half of them ending
// before mid-2021, adds ten matching decisions (same_as, distinct_from),
// and gives one relation in twenty a note, a confidence or a validity.
func dated(rng *rand.Rand, b *graph.Batch) {
	for i := range b.Claims {
		if rng.IntN(10) == 0 {
			from, _ := claims.NewDate(2017+rng.IntN(3), 1, 0)
			until, _ := claims.NewDate(2020+rng.IntN(3), 1, 0)
			b.Claims[i].Validity = claims.Validity{From: from, Until: until}
		}
	}
	// Matching decisions, which the verdicts ignore, between claims far
	// apart (the generator relates claims within their cluster).
	related := map[[2]string]bool{}
	for _, r := range b.Relations {
		related[[2]string{r.From, r.To}], related[[2]string{r.To, r.From}] = true, true
	}
	for i := range 10 {
		kind := claims.SameAs
		if i%2 == 0 {
			kind = claims.DistinctFrom
		}
		from, to := b.Claims[i*7].ID, b.Claims[len(b.Claims)-1-i*5].ID
		if !related[[2]string{from, to}] {
			b.Relations = append(b.Relations, claims.Relation{From: from, To: to, Kind: kind})
		}
	}
	for i := range b.Relations {
		switch rng.IntN(60) {
		case 0:
			b.Relations[i].Note = "a note"
		case 1:
			b.Relations[i].Confidence = 0.5
		case 2:
			until, _ := claims.NewDate(2020+rng.IntN(3), 1, 0)
			b.Relations[i].Validity = claims.Validity{Until: until}
		}
	}
}

// changed returns a copy of b changed at random: fields of entities,
// sources, claims and relations; claims removed with their relations and
// added with a relation each; stretches of items moved.
func changed(rng *rand.Rand, b graph.Batch) graph.Batch {
	n := graph.Batch{
		Entities:  slices.Clone(b.Entities),
		Sources:   slices.Clone(b.Sources),
		Claims:    make([]claims.Claim, 0, len(b.Claims)),
		Relations: make([]claims.Relation, 0, len(b.Relations)),
	}
	for i := range n.Entities {
		if rng.IntN(20) == 0 {
			n.Entities[i].Name += " (renamed)"
		}
	}
	for i := range n.Sources {
		if rng.IntN(20) == 0 {
			n.Sources[i].Title = "Retitled"
		}
	}
	gone := map[string]bool{}
	for _, c := range b.Claims {
		c = c.Clone()
		switch rng.IntN(40) {
		case 0:
			gone[c.ID] = true
			continue
		case 1:
			c.Text += " (corrected)"
		case 2:
			c.Note = "checked"
		case 3:
			if len(c.Appearances) > 1 {
				c.Appearances = c.Appearances[1:]
			}
		case 4:
			c.Validity = claims.Validity{}
		case 5:
			c.Appearances[0].Quote = "in so many words"
		}
		n.Claims = append(n.Claims, c)
	}
	for _, r := range b.Relations {
		if gone[r.From] || gone[r.To] {
			continue
		}
		r = r.Clone()
		switch rng.IntN(40) {
		case 0:
			continue
		case 1:
			r.Note = "reconsidered"
		case 2:
			r.Note, r.Confidence, r.Validity = "", 0, claims.Validity{}
		}
		n.Relations = append(n.Relations, r)
	}
	for i := range 10 {
		to := n.Claims[rng.IntN(len(n.Claims))]
		id := fmt.Sprintf("added-%d", i)
		n.Claims = append(n.Claims, claims.Claim{ID: id, Text: "An added claim.", Appearances: []claims.Appearance{{Source: n.Sources[0].ID}}})
		kind := claims.Supports
		if i%2 == 0 {
			kind = claims.Contradicts
		}
		n.Relations = append(n.Relations, claims.Relation{From: id, To: to.ID, Kind: kind})
	}
	move(rng, n.Entities)
	move(rng, n.Sources)
	move(rng, n.Claims)
	move(rng, n.Relations)
	return n
}

// move moves a stretch of s elsewhere in it.
func move[T any](rng *rand.Rand, s []T) {
	if len(s) < 10 {
		return
	}
	i := rng.IntN(len(s) - 5)
	chunk := slices.Clone(s[i : i+5])
	rest := slices.Delete(slices.Clone(s), i, i+5)
	j := rng.IntN(len(rest))
	copy(s, slices.Insert(rest, j, chunk...))
}

// mergeSome merges k pairs of claims of g, and one pair each of
// entities and sources, skipping a pair the graph refuses to merge.
func mergeSome(t *testing.T, rng *rand.Rand, g *graph.Graph, k int) {
	t.Helper()
	claimIDs := idsOf(g.Claims(), func(c claims.Claim) string { return c.ID })
	entityIDs := idsOf(g.Entities(), func(e claims.Entity) string { return e.ID })
	sourceIDs := idsOf(g.Sources(), func(s sources.Source) string { return s.ID })
	try := func(list []string) {
		for range 20 {
			a, b := list[rng.IntN(len(list))], list[rng.IntN(len(list))]
			if a != b && g.Apply(graph.Batch{Merges: []graph.Merge{{Into: a, From: b}}}) == nil {
				return
			}
		}
	}
	for range k {
		try(claimIDs)
	}
	try(entityIDs)
	try(sourceIDs)
}

func idsOf[T any](items iter.Seq[T], id func(T) string) []string {
	var out []string
	for x := range items {
		out = append(out, id(x))
	}
	return out
}

// TestExplainInParts checks that the verdict changes explained by
// several goroutines, each a part of them, are those one goroutine
// explains, in the same order, from the summary and from both graphs.
func TestExplainInParts(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 16))
	b := synth.Generate(synth.Config{Claims: 300, Seed: 7})
	old := build(t, b)
	new := build(t, changed(rng, b))
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4)) // parts even on one processor
	report := func(min int) (*diff.Report, *diff.Report) {
		defer diff.SetMinExplain(min)()
		both, err := diff.Compare(old, new, diff.Options{})
		if err != nil {
			t.Fatal(err)
		}
		s, err := diff.Summarize(old, diff.Options{})
		if err != nil {
			t.Fatal(err)
		}
		summed, err := s.Compare(new)
		if err != nil {
			t.Fatal(err)
		}
		return both, summed
	}
	want, _ := report(1 << 30)
	if len(want.Verdicts) < 8 {
		t.Fatalf("%d verdict changes, want at least 8 to split", len(want.Verdicts))
	}
	both, summed := report(1)
	if d := cmp.Diff(want, both); d != "" {
		t.Errorf("Compare, in parts (-one +parts):\n%s", d)
	}
	if d := cmp.Diff(want, summed); d != "" {
		t.Errorf("Summary.Compare, in parts (-one +parts):\n%s", d)
	}
}
