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

// TestPairIndex checks the overlap index by hand: only pairs of sources
// with a common fact are in it, with their objects of the same value and
// of different values.
//
//	o1: f1 by s0, s1, s2; f2 by s3
//	o2: g1 by s0, s3;     g2 by s1
//	o3: h1 by s4
//
// Pairs with a common fact: (0,1), (0,2), (1,2) through f1 and (0,3)
// through g1; s1 and s3 meet on o1 and o2 but never agree, and s4 meets no
// one. (0,1) agree on o1 and differ on o2; (0,3) agree on o2 and differ on
// o1; (0,2) and (1,2) only agree on o1.
func TestPairIndex(t *testing.T) {
	d := NewDataset()
	for _, a := range [][3]string{
		{"s0", "o1", "f1"}, {"s1", "o1", "f1"}, {"s2", "o1", "f1"}, {"s3", "o1", "f2"},
		{"s0", "o2", "g1"}, {"s3", "o2", "g1"}, {"s1", "o2", "g2"},
		{"s4", "o3", "h1"},
	} {
		d.Assert(a[0], a[1], a[2])
	}
	if err := d.DeclareCopy(3, 0); err != nil {
		t.Fatal(err)
	}
	pr := d.index().pairIndex(d.copies, DefaultMaxCopyPairs)
	type row struct {
		A, B, Same, Diff int32
		Declared         uint8
	}
	var got []row
	for p, k := range pr.key {
		got = append(got, row{int32(k >> 32), int32(uint32(k)), pr.same[p], pr.diff[p], pr.declared[p]})
	}
	want := []row{{0, 1, 1, 1, 0}, {0, 2, 1, 0, 0}, {0, 3, 1, 1, 2}, {1, 2, 1, 0, 0}}
	if len(got) != len(want) {
		t.Fatalf("pairs %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("pair %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	// f1 (fact 0) has the pairs 01, 02, 12 (ids 0, 1, 3); g1 (fact 2) 03.
	f1, _ := d.Fact(d.Object("o1"), "f1")
	g1, _ := d.Fact(d.Object("o2"), "g1")
	if tri := pr.tri[pr.triStart[f1]:pr.triStart[f1+1]]; len(tri) != 3 || tri[0] != 0 || tri[1] != 1 || tri[2] != 3 {
		t.Errorf("pairs of f1 = %v, want [0 1 3]", tri)
	}
	if tri := pr.tri[pr.triStart[g1]:pr.triStart[g1+1]]; len(tri) != 1 || tri[0] != 2 {
		t.Errorf("pairs of g1 = %v, want [2]", tri)
	}
}

// TestPairIndexBudget: with a budget of one pair incidence, o1 (three)
// is left out of copy detection and o2 (one) kept: (0,3) remain, agreeing
// on o2, and o1, where they differ, counts neither way.
func TestPairIndexBudget(t *testing.T) {
	d := NewDataset()
	for _, a := range [][3]string{
		{"s0", "o1", "f1"}, {"s1", "o1", "f1"}, {"s2", "o1", "f1"}, {"s3", "o1", "f2"},
		{"s0", "o2", "g1"}, {"s3", "o2", "g1"}, {"s1", "o2", "g2"},
	} {
		d.Assert(a[0], a[1], a[2])
	}
	pr := d.index().pairIndex(d.copies, 1)
	if len(pr.key) != 1 || pr.key[0] != 0<<32|3 || pr.same[0] != 1 || pr.diff[0] != 0 {
		t.Errorf("pairs %x same %v diff %v, want (0,3) sharing 1 and differing on none", pr.key, pr.same, pr.diff)
	}
	if o1 := d.Object("o1"); len(pr.unchecked) != 1 || pr.unchecked[0] != o1 {
		t.Errorf("unchecked %v, want [%d] (o1)", pr.unchecked, o1)
	}
	if n := pr.triStart[len(pr.triStart)-1]; n != 1 {
		t.Errorf("%d pair incidences, want 1", n)
	}
}
