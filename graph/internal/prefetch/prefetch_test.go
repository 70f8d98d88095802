package prefetch

import "testing"

// TestRowPastEnd: a row asked for at the last element of a slice, whose
// RowBytes run past the end of what was allocated, and at the last
// element of a large one, neither faults nor changes what it reads.
func TestRowPastEnd(t *testing.T) {
	for _, n := range []int{1, 17, 1 << 20} {
		s := make([]int32, n)
		for i := range s {
			s[i] = int32(i)
		}
		for _, i := range []int{0, n / 2, n - 1} {
			Row(&s[i])
		}
		for i, x := range s {
			if x != int32(i) {
				t.Fatalf("n %d: s[%d] = %d after Row", n, i, x)
			}
		}
	}
}
