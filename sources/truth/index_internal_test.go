package truth

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestIndexAssertions checks the counting sort of the assertions against
// a plain sort: random assertions, repeats among them, added in two
// stages with a Freeze between, give each source its facts in order and
// once, and each fact its sources likewise.
func TestIndexAssertions(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		d := NewDataset()
		nS, nF := 1+r.IntN(8), 1+r.IntN(12)
		for s := range nS {
			d.AddSource(string(rune('A' + s)))
		}
		o := d.AddObject("o")
		for f := range nF {
			if _, err := d.AddFact(o, string(rune('a'+f))); err != nil {
				t.Fatal(err)
			}
		}
		var want [][2]int32
		for stage := range 2 {
			if stage == 1 {
				d.Freeze() // then more assertions, some repeating the first
			}
			for range r.IntN(40) {
				s, f := r.IntN(nS), r.IntN(nF)
				if err := d.AssertID(SourceID(s), FactID(f)); err != nil {
					t.Fatal(err)
				}
				want = append(want, [2]int32{int32(s), int32(f)})
			}
		}
		slices.SortFunc(want, func(a, b [2]int32) int {
			if a[0] != b[0] {
				return int(a[0] - b[0])
			}
			return int(a[1] - b[1])
		})
		want = slices.Compact(want)
		ix := d.index()
		var got [][2]int32
		for s := range nS {
			for _, f := range ix.srcFacts[ix.srcStart[s]:ix.srcStart[s+1]] {
				got = append(got, [2]int32{int32(s), f})
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: by source %v, want %v", round, got, want)
		}
		got = got[:0]
		for f := range nF {
			for _, s := range ix.factSources[ix.factStart[f]:ix.factStart[f+1]] {
				got = append(got, [2]int32{s, int32(f)})
			}
		}
		slices.SortFunc(got, func(a, b [2]int32) int {
			if a[0] != b[0] {
				return int(a[0] - b[0])
			}
			return int(a[1] - b[1])
		})
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: by fact %v, want %v", round, got, want)
		}
		for f := range nF {
			if row := ix.factSources[ix.factStart[f]:ix.factStart[f+1]]; !slices.IsSorted(row) {
				t.Fatalf("round %d: sources of fact %d %v not in order", round, f, row)
			}
		}
	}
}
