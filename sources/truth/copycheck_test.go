package truth_test

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"testing"

	"github.com/claimgraph/claimgraph/sources/truth"
)

// wideObject builds an object "wide" of n distinct sources: s0, s1 and s2
// say x, s3 and s4 say y, every other source a value of its own. On five
// other objects s0, s1 and s2 share a false value w against t, which s3
// to s6 give: so the three look like copiers wherever they are judged.
func wideObject(t *testing.T, n int) *truth.Dataset {
	t.Helper()
	d := truth.NewDataset()
	for i := range n {
		v := fmt.Sprint("own", i)
		switch {
		case i < 3:
			v = "x"
		case i < 5:
			v = "y"
		}
		d.Assert(fmt.Sprint("s", i), "wide", v)
	}
	for o := range 5 {
		obj := fmt.Sprint("other", o)
		for i := range 7 {
			v := "t"
			if i < 3 {
				v = "w"
			}
			d.Assert(fmt.Sprint("s", i), obj, v)
		}
	}
	return d
}

// TestCopyWideObject: an object of more than MaxCopySources sources is left
// out of copy detection, and its values count every vote whole; one of
// MaxCopySources is judged as before.
func TestCopyWideObject(t *testing.T) {
	// DEPEN keeps every accuracy at 0.8, so every vote is ln(100·0.8/0.2).
	v := math.Log(400)
	for _, n := range []int{truth.MaxCopySources, truth.MaxCopySources + 1} {
		d := wideObject(t, n)
		r, err := truth.Discover(d, truth.Depen, truth.Options{})
		if err != nil {
			t.Fatal(err)
		}
		wide := d.Object("wide")
		x, err := d.Fact(wide, "x")
		if err != nil {
			t.Fatal(err)
		}
		// x, y and n − 5 values of one source each: no unseen value is
		// left of the 101 of the model.
		indep := math.Exp(3*v) / (math.Exp(3*v) + math.Exp(2*v) + float64(n-5)*math.Exp(v))
		if _, ok := dependenceOf(d, r, "s0", "s1"); !ok {
			t.Errorf("n=%d: s0 and s1, which share five false values, not found dependent: %+v", n, r.Dependence)
		}
		if n <= truth.MaxCopySources {
			if r.CopyUnchecked != nil {
				t.Errorf("n=%d: CopyUnchecked = %v, want none", n, r.CopyUnchecked)
			}
			// Judged: the copiers of x are discounted.
			if !(r.Belief[x] < indep*0.99) {
				t.Errorf("n=%d: belief of x %v, want the copies discounted below %v", n, r.Belief[x], indep)
			}
			continue
		}
		if !slices.Equal(r.CopyUnchecked, []truth.ObjectID{wide}) {
			t.Errorf("n=%d: CopyUnchecked = %v, want [%d] (wide)", n, r.CopyUnchecked, wide)
		}
		if math.Abs(r.Belief[x]-indep) > 1e-12 {
			t.Errorf("n=%d: belief of x %v, want %v: three votes whole", n, r.Belief[x], indep)
		}
	}
}

// TestCopyChecks: the rule, on its own. Objects of more than
// MaxCopySources sources are left out; past the budget, those with the
// most pairs, the higher ID first among equals, until the rest fit.
func TestCopyChecks(t *testing.T) {
	m := truth.MaxCopySources
	tests := []struct {
		sources []int
		pairs   []int64
		budget  int64
		want    []bool
	}{
		{[]int{m, m + 1, 2}, []int64{5, 0, 1}, 100, []bool{true, false, true}},
		// 10 + 7 + 7 + 1 = 25 over 14: 10 goes, then the 7 of the
		// higher ID; 7 + 1 fit.
		{[]int{5, 4, 4, 2, 1}, []int64{10, 7, 7, 1, 0}, 14, []bool{false, true, false, true, true}},
		// Over 15 only the 10 goes.
		{[]int{5, 4, 4, 2, 1}, []int64{10, 7, 7, 1, 0}, 15, []bool{false, true, true, true, true}},
		// An object of too many sources does not count against the budget.
		{[]int{m + 1, 3}, []int64{1000, 3}, 3, []bool{false, true}},
		// Budget 0 (as a resolved option never is): only pairless objects.
		{[]int{2, 1}, []int64{1, 0}, 0, []bool{false, true}},
	}
	for _, tt := range tests {
		if got := truth.CopyChecks(tt.sources, tt.pairs, tt.budget); !slices.Equal(got, tt.want) {
			t.Errorf("CopyChecks(%v, %v, %d) = %v, want %v", tt.sources, tt.pairs, tt.budget, got, tt.want)
		}
	}
}

// TestCopyBudget: with MaxCopyPairs below the pairs of the data, the
// object with the most is left out, and the run equals one where that
// object is out for want of sources: the same votes, counted whole.
func TestCopyBudget(t *testing.T) {
	d := wideObject(t, 40) // wide: 3 + 1 pairs; other0..4: 3 + 6 each
	full, err := truth.Discover(d, truth.Depen, truth.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if full.CopyUnchecked != nil {
		t.Fatalf("unchecked %v with the default budget", full.CopyUnchecked)
	}
	// 5·9 + 4 = 49 incidences; a budget of 48 drops one of other0..4,
	// the highest ID: other4.
	r, err := truth.Discover(d, truth.Depen, truth.Options{MaxCopyPairs: 48})
	if err != nil {
		t.Fatal(err)
	}
	other4 := d.Object("other4")
	if !slices.Equal(r.CopyUnchecked, []truth.ObjectID{other4}) {
		t.Fatalf("unchecked %v, want [%d] (other4)", r.CopyUnchecked, other4)
	}
	w, err := d.Fact(other4, "w")
	if err != nil {
		t.Fatal(err)
	}
	// other4: w by 3 sources, t by 4, votes whole: e^{3v}/(e^{3v} + e^{4v} + 99).
	v := math.Log(400)
	want := math.Exp(3*v) / (math.Exp(3*v) + math.Exp(4*v) + 99)
	if math.Abs(r.Belief[w]-want) > 1e-12 || truth.Same(full.Belief[w], want) {
		t.Errorf("belief of w on other4: %v over budget (want %v, votes whole), %v within it (want discounted)", r.Belief[w], want, full.Belief[w])
	}
	if _, err := truth.Discover(d, truth.Accu, truth.Options{MaxCopyPairs: -1}); !errors.Is(err, truth.ErrOptions) {
		t.Errorf("MaxCopyPairs -1: error %v, want ErrOptions", err)
	}
}

// star is one object whose two values are given by n sources, the even
// ones and the odd ones: a viral claim and its denial.
func star(n int) *truth.Dataset {
	d := truth.NewDataset()
	for i := range n {
		d.Assert(fmt.Sprint("s", i), "o", fmt.Sprint("v", i%2))
	}
	d.Freeze()
	return d
}

// maxStarBytes is the ceiling of TestCopyStarMemory per assertion: ACCU
// on a star allocates about 105 bytes an assertion (per-source arrays,
// the index and the object's distinct sources), where the pairs of every
// two sources of a value took 253 KB an assertion (2.0 GB) at 8,000
// sources.
const maxStarBytes = 1024

// TestCopyStarMemory: ACCU and DEPEN on one object of 8,000 sources
// allocate within maxStarBytes an assertion (1.26 GB for a claim graph of
// this shape once, out of memory under a 3 GB limit).
func TestCopyStarMemory(t *testing.T) {
	const n = 8000
	d := star(n)
	for _, alg := range []truth.Algorithm{truth.Accu, truth.Depen} {
		var a, b runtime.MemStats
		runtime.ReadMemStats(&a)
		r, err := truth.Discover(d, alg, truth.Options{})
		runtime.ReadMemStats(&b)
		if err != nil {
			t.Fatal(err)
		}
		got := b.TotalAlloc - a.TotalAlloc
		t.Logf("%v: %d bytes allocated, %d an assertion", alg, got, got/n)
		if got > maxStarBytes*n {
			t.Errorf("%v: %d bytes allocated for %d assertions, want at most %d", alg, got, n, maxStarBytes*n)
		}
		if len(r.CopyUnchecked) != 1 || len(r.Dependence) != 0 {
			t.Errorf("%v: unchecked %v, %d dependent pairs: want the object unchecked and no pair", alg, r.CopyUnchecked, len(r.Dependence))
		}
	}
}

// BenchmarkCopyStar: ACCU on one object of N sources (the even ones give
// one value, the odd ones another; no randomness). Time and bytes an
// operation grow linearly with N: past MaxCopySources the object is left
// out of copy detection, where its N²/4 pairs were indexed before.
func BenchmarkCopyStar(b *testing.B) {
	for _, n := range []int{1000, 2000, 4000, 8000, 16000} {
		d := star(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := truth.Discover(d, truth.Accu, truth.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
