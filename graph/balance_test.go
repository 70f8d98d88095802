package graph

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"testing"
)

// TestBalance: the cut between the halves decoded at once is a line
// start past the header that leaves the halves the same work to within
// a line, whichever half the middle of the bytes overloads, and the
// counts it returns are those of the halves it makes.
func TestBalance(t *testing.T) {
	var claimLines, relationLines strings.Builder
	for i := range 3000 {
		fmt.Fprintf(&claimLines, "{\"claim\":{\"id\":\"c%d\",\"text\":\"A claim of some length, about as long as a generated one.\"}}\n", i)
		fmt.Fprintf(&relationLines, "{\"relation\":{\"from\":\"c%d\",\"to\":\"c%d\",\"kind\":\"supports\"}}\n", i, (i+1)%3000)
	}
	header := "\n\n{\"claimgraph\":1}\n"
	for _, tt := range []struct{ name, data string }{
		{"claims, then relations", header + claimLines.String() + relationLines.String()},
		{"relations, then claims", header + relationLines.String() + claimLines.String()},
		{"claims only", header + claimLines.String()},
		{"no line break at the end", header + claimLines.String() + strings.TrimSuffix(relationLines.String(), "\n")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(tt.data)
			mid := splitPoint(data)
			if mid == 0 {
				t.Fatal("no middle")
			}
			to, n1, n2 := balance(data, mid)
			if to <= headerEnd(data) || to >= len(data) || data[to-1] != '\n' {
				t.Fatalf("cut at %d of %d, not at a line start past the header (%d)", to, len(data), headerEnd(data))
			}
			if want := counts(data[:to]); n1 != want {
				t.Errorf("first half's counts %v, want %v", n1, want)
			}
			if want := counts(data[to:]); n2 != want {
				t.Errorf("second half's counts %v, want %v", n2, want)
			}
			_, w1, _ := tally(data[:to], math.MaxInt)
			_, w2, _ := tally(data[to:], math.MaxInt)
			longest := 0
			for line := range bytes.Lines(data) {
				longest = max(longest, lineWork*len(line))
			}
			if d := w1 - w2; d > 2*longest || d < -2*longest {
				t.Errorf("work %d and %d, more than two lines (%d) apart", w1, w2, longest)
			}
			if strings.HasPrefix(tt.name, "claims, then") && to >= mid {
				t.Errorf("cut at %d, not before the middle %d, with the claims first", to, mid)
			}
			if strings.HasPrefix(tt.name, "relations, then") && to <= mid {
				t.Errorf("cut at %d, not after the middle %d, with the relations first", to, mid)
			}
		})
	}
}
