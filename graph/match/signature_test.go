package match

import (
	"slices"
	"testing"
)

// TestSignatureWordsShort covers wordings with fewer than minRare words,
// at least one of them common: the signature is all of them, never a
// slice past their end (a panic without spare capacity, zeroed words
// with it).
func TestSignatureWordsShort(t *testing.T) {
	df := map[uint64]int32{1: 500, 2: 500, 3: 1, 4: 1}
	for _, tc := range []struct {
		name  string
		words []uint64
		want  []uint64
	}{
		{"one common", []uint64{1}, []uint64{1}},
		{"two common", []uint64{1, 2}, []uint64{1, 2}},
		{"common and rare", []uint64{1, 3}, []uint64{3, 1}},
		{"two common one rare", []uint64{1, 2, 3}, []uint64{3, 1, 2}},
		{"rare only", []uint64{3, 4}, []uint64{3, 4}},
		{"none", nil, nil},
	} {
		for _, spare := range []int{0, 8} {
			prefix := []uint64{99}
			dst := make([]uint64, len(prefix), len(prefix)+spare)
			copy(dst, prefix)
			got := signatureWords(dst, tc.words, df, 100)
			if !slices.Equal(got[:len(prefix)], prefix) {
				t.Errorf("%s (spare %d): changed what dst held: %v", tc.name, spare, got)
			}
			if g := got[len(prefix):]; !slices.Equal(g, tc.want) {
				t.Errorf("%s (spare %d): signature %v, want %v", tc.name, spare, g, tc.want)
			}
		}
	}
}
