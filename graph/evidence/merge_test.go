package evidence

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// randomSets returns count sorted sets of MaxLent numbers below limit,
// from a fixed seed.
func randomSets(count int, limit int32) [][]int32 {
	r := rand.New(rand.NewPCG(1, 2))
	sets := make([][]int32, count)
	for i := range sets {
		seen := map[int32]bool{}
		for len(sets[i]) < MaxLent {
			if k := r.Int32N(limit); !seen[k] {
				seen[k] = true
				sets[i] = append(sets[i], k)
			}
		}
		slices.Sort(sets[i])
	}
	return sets
}

// TestMergeInto checks mergeInto against sorting the union: the MaxLent
// smallest, each once, appended after what dst holds.
func TestMergeInto(t *testing.T) {
	sets := randomSets(200, 300)
	sets = append(sets, nil, []int32{5}, []int32{1, 2, 3})
	for i, a := range sets {
		b := sets[(i*7+3)%len(sets)]
		want := slices.Compact(slices.Sorted(slices.Values(slices.Concat(a, b))))
		want = append([]int32{-1}, want[:min(len(want), MaxLent)]...)
		if got := mergeInto([]int32{-1}, a, b); !slices.Equal(got, want) {
			t.Fatalf("mergeInto(%v, %v) = %v, want %v", a, b, got, want)
		}
	}
}

// BenchmarkMergeInto merges random sets of MaxLent origins of 300, the
// inner loop of lending.
func BenchmarkMergeInto(b *testing.B) {
	sets := randomSets(1000, 300)
	var dst []int32
	i := 0
	for b.Loop() {
		dst = mergeInto(dst[:0], sets[i%1000], sets[(i*7+3)%1000])
		i++
	}
}
