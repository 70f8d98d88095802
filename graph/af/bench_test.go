package af

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"
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
