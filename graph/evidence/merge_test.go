package evidence

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// randomSets returns count sorted sets of MaxLent numbers below limit
// (all of them when there are fewer), from a fixed seed.
func randomSets(count int, limit int32) [][]int32 {
	r := rand.New(rand.NewPCG(1, 2))
	sets := make([][]int32, count)
	for i := range sets {
		seen := map[int32]bool{}
		for len(sets[i]) < min(MaxLent, int(limit)) {
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
// smallest, each once, appended after what dst holds; on sets of 64 and
// of every size a merge puts in place (insertInto) or around it, either
// side, over few values (many shared) and many.
func TestMergeInto(t *testing.T) {
	sets := randomSets(200, 300)
	sets = append(sets, nil, []int32{5}, []int32{1, 2, 3})
	r := rand.New(rand.NewPCG(3, 4))
	for _, limit := range []int32{12, 80, 300, 100_000} {
		base := randomSets(1, limit)[0]
		for _, size := range []int{0, 1, 2, 3, fewOwn - 1, fewOwn, fewOwn + 1, 20, MaxLent - 1, MaxLent} {
			for range 20 {
				set := slices.Clone(base)
				r.Shuffle(len(set), func(i, j int) { set[i], set[j] = set[j], set[i] })
				set = set[:min(size, len(set))]
				slices.Sort(set)
				sets = append(sets, set)
			}
		}
	}
	for i, a := range sets {
		for _, b := range [][]int32{sets[(i*7+3)%len(sets)], sets[r.IntN(len(sets))]} {
			want := slices.Compact(slices.Sorted(slices.Values(slices.Concat(a, b))))
			want = append([]int32{-1}, want[:min(len(want), MaxLent)]...)
			if got := mergeInto([]int32{-1}, a, b); !slices.Equal(got, want) {
				t.Fatalf("mergeInto(%v, %v) = %v, want %v", a, b, got, want)
			}
		}
	}
}

// BenchmarkMergeInto merges random sets of MaxLent origins of 300, the
// inner loop of lending, and such sets with sets of 3 (a claim's own
// origins), of 300 and of 100,000 (most then past the set of 64).
func BenchmarkMergeInto(b *testing.B) {
	sets := randomSets(1000, 300)
	bench := func(few [][]int32) func(b *testing.B) {
		return func(b *testing.B) {
			var dst []int32
			i := 0
			for b.Loop() {
				dst = mergeInto(dst[:0], sets[i%1000], few[(i*7+3)%1000])
				i++
			}
		}
	}
	b.Run("64+64", bench(sets))
	for _, limit := range []int32{300, 100_000} {
		few := randomSets(1000, limit)
		for i := range few {
			few[i] = slices.Sorted(slices.Values(few[i][:3]))
		}
		b.Run(fmt.Sprintf("64+3/of=%d", limit), bench(few))
	}
}
