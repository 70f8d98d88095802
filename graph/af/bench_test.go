package af

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/claimgraph/claimgraph/graph/internal/cputime"
)

// benchSizes are the generated frameworks of the benchmarks: n arguments
// and 4n random attacks from a fixed seed.
var benchSizes = []int{100_000, 1_000_000}

// sizes returns benchSizes, or with -short (CI's one pass over every
// benchmark) the smallest alone.
func sizes() []int {
	if testing.Short() {
		return benchSizes[:1]
	}
	return benchSizes
}

func benchFramework(n int) *Framework {
	return randomFramework(rand.New(rand.NewPCG(1, 1)), n, 4*n)
}

// BenchmarkGrounded measures Grounded on a framework whose adjacency
// arrays are already built, and with building them ("build+grounded"), as
// on the first query after reading a file.
func BenchmarkGrounded(b *testing.B) {
	for _, n := range sizes() {
		f := benchFramework(n)
		b.Run(fmt.Sprintf("n=%d/m=%d", n, 4*n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Grounded(f)
			}
		})
		b.Run(fmt.Sprintf("n=%d/m=%d/build+grounded", n, 4*n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				fresh := &Framework{n: f.n, from: f.from, to: f.to}
				Grounded(fresh)
			}
		})
	}
}

// BenchmarkClingoGrounded runs clingo with testdata/grounded.lp on the
// frameworks of BenchmarkGrounded, written as APX, for the ratio of the two
// (clingo's time includes reading and grounding the file).
func BenchmarkClingoGrounded(b *testing.B) {
	clingo := lookClingo(b)
	for _, n := range sizes() {
		f := benchFramework(n)
		apx := writeAPXFile(b, f)
		want := Grounded(f).In()
		b.Run(fmt.Sprintf("n=%d/m=%d", n, 4*n), func(b *testing.B) {
			for b.Loop() {
				if got := clingoGrounded(b, clingo, apx); len(got) != len(want) {
					b.Fatalf("clingo: %d arguments in, Grounded: %d", len(got), len(want))
				}
			}
		})
	}
}

// BenchmarkReadAPX measures reading the 100,000-argument framework as APX.
func BenchmarkReadAPX(b *testing.B) {
	var buf bytes.Buffer
	if err := WriteAPX(&buf, benchFramework(benchSizes[0])); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadAPX(bytes.NewReader(buf.Bytes())); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDFQuAD measures DF-QuAD on a random acyclic bipolar framework
// of 100,000 arguments (edges go from higher to lower index) and on one
// with cycles.
func BenchmarkDFQuAD(b *testing.B) {
	n := 100_000
	if testing.Short() {
		n = 10_000 // the cyclic case takes seconds a round at 100,000
	}
	for _, acyclic := range []bool{true, false} {
		rng := rand.New(rand.NewPCG(1, 1))
		q := NewBipolar(n)
		for i := range n {
			if err := q.SetBase(i, rng.Float64()); err != nil {
				b.Fatal(err)
			}
		}
		for range 4 * n {
			from, to := rng.IntN(n), rng.IntN(n)
			if acyclic && from <= to {
				from, to = to+1, from
				if from == n {
					continue
				}
			}
			add := q.Attack
			if rng.IntN(2) == 0 {
				add = q.Support
			}
			if err := add(from, to); err != nil {
				b.Fatal(err)
			}
		}
		b.Run(fmt.Sprintf("n=%d/acyclic=%v", n, acyclic), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				DFQuAD(q)
			}
		})
	}
}

// BenchmarkDFQuADDefeats measures DF-QuAD on a framework shaped like the
// defeats verdict.Compute gives it on the generated graphs (graph/synth):
// attacks only, base scores 1 − 0.5^evidence, two in five claims with
// evidence enough to round that to 1, and 1.6 contradictions a claim, each
// a defeat from the claim of more evidence, both ways between equals. The
// claims of base 1 then form one giant cyclic component, and claims of
// equal evidence near 1 mutual-attack pairs, as in the 100k graph (30,085
// and some 2,900 pairs there). It reports the rounds of the result, and
// the CPU time of the process per op, which says more than the wall time
// on a shared machine.
func BenchmarkDFQuADDefeats(b *testing.B) {
	n := 1_000_000
	if testing.Short() {
		n = 10_000
	}
	for _, n := range []int{n / 10, n} {
		q := defeats(n)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			var s Strengths
			before := cputime.Process()
			for b.Loop() {
				s = DFQuAD(q)
			}
			if before >= 0 {
				b.ReportMetric(float64((cputime.Process()-before).Milliseconds())/float64(b.N), "cpu-ms/op")
			}
			b.ReportMetric(float64(s.Iterations), "rounds")
		})
	}
}

// defeats returns the framework of BenchmarkDFQuADDefeats.
func defeats(n int) *Bipolar {
	rng := rand.New(rand.NewPCG(1, 1))
	q := NewBipolar(n)
	w := make([]int, n)
	for i := range n {
		switch r := rng.IntN(10); {
		case r < 5:
			w[i] = 1 + rng.IntN(8)
		case r < 6:
			w[i] = 9 + rng.IntN(55)
		default:
			w[i] = 64 // 1 − 0.5^64 rounds to 1
		}
		_ = q.SetBase(i, 1-math.Ldexp(1, -w[i]))
	}
	// Half the contradictions are between claims of the same class of
	// evidence (few, some, capped), as lent evidence clusters.
	var classes [3][]int
	for i, e := range w {
		c := min(e/9, 1)
		if e == 64 {
			c = 2
		}
		classes[c] = append(classes[c], i)
	}
	for range n * 8 / 5 {
		x, y := rng.IntN(n), rng.IntN(n)
		if rng.IntN(2) == 0 {
			c := min(w[x]/9, 1)
			if w[x] == 64 {
				c = 2
			}
			y = classes[c][rng.IntN(len(classes[c]))]
		}
		if x == y {
			continue
		}
		if w[x] >= w[y] {
			_ = q.Attack(x, y)
		}
		if w[y] >= w[x] {
			_ = q.Attack(y, x)
		}
	}
	return q
}
