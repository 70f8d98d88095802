package truth

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestShortPaths: the vote count of a value with two or three sources, in
// short, equals the general greedy order's, ties and declared copies
// included.
func TestShortPaths(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 3))
	levels := []float32{0.2, 0.5, 0.77, 1} // repeats make ties
	ss := []int32{0, 1, 2}
	tri := []int32{0, 1, 2}
	declared := make([]uint8, 3)
	var sc scratch
	for range 2000 {
		disc := make([]float32, 3)
		for i := range disc {
			disc[i] = levels[rng.IntN(len(levels))]
		}
		vote := []float64{rng.Float64() * 5, rng.Float64() * 5, rng.Float64() * 5}
		discount(3, tri, disc, declared, &sc)
		want := 0.0
		for i, s := range sc.order {
			want += vote[ss[s]] * sc.indep[i]
		}
		if got := vote3(ss, tri, vote, disc); math.Abs(got-want) > 1e-12 {
			t.Fatalf("factors %v, votes %v: vote3 %v, discount %v (order %v)", disc, vote, got, want, sc.order)
		}
		for d := range uint8(3) {
			declared[0] = d
			f := disc[:1]
			if d != 0 {
				f = []float32{0}
			}
			discount(2, tri[:1], f, declared, &sc)
			want := 0.0
			for i, s := range sc.order {
				want += vote[ss[s]] * sc.indep[i]
			}
			if got := vote2(ss[:2], tri[:1], vote, f, declared); math.Abs(got-want) > 1e-12 {
				t.Fatalf("factor %v, declared %d, votes %v: vote2 %v, discount %v", f, d, vote, got, want)
			}
		}
		declared[0] = 0
	}
}
