package csr

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestOffsets places random items with Offsets and checks each row against
// a plain filter of the input: the same items, in input order.
func TestOffsets(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var start, next []int32
	for round := range 50 {
		n := 1 + r.IntN(20)
		rows := make([]int32, r.IntN(100))
		for i := range rows {
			rows[i] = int32(r.IntN(n))
		}
		start, next = Offsets(start, next, n, rows)
		if len(start) != n+1 || len(next) != n || start[n] != int32(len(rows)) {
			t.Fatalf("round %d: len(start) %d, len(next) %d, start[n] %d; want %d, %d, %d", round, len(start), len(next), start[n], n+1, n, len(rows))
		}
		items := make([]int32, len(rows))
		for i, row := range rows {
			items[next[row]] = int32(i)
			next[row]++
		}
		for row := range int32(n) {
			var want []int32
			for i, x := range rows {
				if x == row {
					want = append(want, int32(i))
				}
			}
			if got := items[start[row]:start[row+1]]; !slices.Equal(got, want) {
				t.Errorf("round %d: row %d = %v, want %v", round, row, got, want)
			}
			if next[row] != start[row+1] {
				t.Errorf("round %d: row %d filled to %d, want %d", round, row, next[row], start[row+1])
			}
		}
	}
}

func TestStarts(t *testing.T) {
	s := []int32{0, 2, 0, 3}
	next := Starts(s)
	if want := []int32{0, 2, 2, 5}; !slices.Equal(s, want) {
		t.Errorf("starts %v, want %v", s, want)
	}
	if want := []int32{0, 2, 2}; !slices.Equal(next, want) {
		t.Errorf("next %v, want %v", next, want)
	}
	next[0] = 9
	if s[0] != 0 {
		t.Error("next shares storage with the starts")
	}
}

// TestGroup groups random items and checks each group against a plain
// filter of the input: the items of that group, in input order.
func TestGroup(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for round := range 50 {
		n := 1 + r.IntN(20)
		group := make([]int32, r.IntN(100))
		for i := range group {
			group[i] = int32(r.IntN(n))
		}
		start, members := Group(n, group)
		for k := range int32(n) {
			var want []int32
			for i, g := range group {
				if g == k {
					want = append(want, int32(i))
				}
			}
			if got := members[start[k]:start[k+1]]; !slices.Equal(got, want) {
				t.Fatalf("round %d, group %d: %v, want %v", round, k, got, want)
			}
		}
	}
}

// TestSort sorts random items by row and checks each row against a plain
// filter of the input: the items of that row, in input order (the items
// are told apart by their position, which each carries).
func TestSort(t *testing.T) {
	type item struct{ row, at int32 }
	r := rand.New(rand.NewPCG(5, 6))
	for round := range 50 {
		n := 1 + r.IntN(20)
		xs := make([]item, r.IntN(100))
		for i := range xs {
			xs[i] = item{int32(r.IntN(n)), int32(i)}
		}
		start, out := Sort(n, xs, func(x item) int32 { return x.row })
		if len(start) != n+1 || len(out) != len(xs) {
			t.Fatalf("round %d: %d starts and %d items, want %d and %d", round, len(start), len(out), n+1, len(xs))
		}
		for row := range int32(n) {
			var want []item
			for _, x := range xs {
				if x.row == row {
					want = append(want, x)
				}
			}
			if got := out[start[row]:start[row+1]]; !slices.Equal(got, want) {
				t.Fatalf("round %d, row %d: %v, want %v", round, row, got, want)
			}
		}
	}
}
