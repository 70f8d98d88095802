package provenance

import (
	"fmt"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/internal/childtest"
)

// relayLine returns a graph of n+1 sources s0..sn where s(i) quotes
// s(i+1), and a claim "line" that appears in every one: n chains of n/2
// links on average, with the origin sn.
func relayLine(t testing.TB, n int) *graph.Graph {
	t.Helper()
	srcs := make([]string, n+1)
	apps := make([]string, n+1)
	for i := range n + 1 {
		srcs[i] = fmt.Sprintf("s%d news-article", i)
		if i < n {
			srcs[i] += fmt.Sprintf(" quotes:s%d", i+1)
		}
		apps[i] = fmt.Sprintf("s%d", i)
	}
	return build(t, srcs, "line "+strings.Join(apps, " "))
}

// TestOriginsRelayLineLinear: on a line of relays the report of origins
// allocates in proportion to the line (twice the line, about twice the
// bytes), its tree holding each source once, and the chains it writes out
// are the right ones.
func TestOriginsRelayLineLinear(t *testing.T) {
	const n = 4000
	small, big := relayLine(t, n), relayLine(t, 2*n)
	a := childtest.Allocated(func() { Origins(small.View, "line") })
	b := childtest.Allocated(func() { Origins(big.View, "line") })
	if ratio := float64(b) / float64(a); ratio > 2.6 {
		t.Errorf("%d bytes at %d links, %d at %d: ratio %.2f, want about 2", a, n, b, 2*n, ratio)
	}
	r, err := Origins(small.View, "line")
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Groups) != 1 || r.Groups[0].Origin.Source != fmt.Sprintf("s%d", n) {
		t.Fatalf("groups %+v, want one, origin s%d", r.Groups, n)
	}
	gr := r.Groups[0]
	if len(gr.Steps) != n+1 {
		t.Errorf("%d steps, want %d: each source once", len(gr.Steps), n+1)
	}
	for _, i := range []int{0, n / 2, n} {
		if c := gr.Chain(i); c.Len() != n-i || c.Sources[0] != fmt.Sprintf("s%d", i) {
			t.Errorf("chain %d: %d links from %s, want %d from s%d", i, c.Len(), c.Sources[0], n-i, i)
		}
	}
}

// BenchmarkOriginsRelayLine: the origins of a claim carried by a line of
// 20,000 relays.
func BenchmarkOriginsRelayLine(b *testing.B) {
	g := relayLine(b, 20000)
	x := New(g.View)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := x.Claim("line"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFalseCorroborationRelayLine: false corroboration of a claim
// carried by a line of 20,000 relays (its distinct sources were counted
// by searching a list, the square of the appearances).
func BenchmarkFalseCorroborationRelayLine(b *testing.B) {
	g := relayLine(b, 20000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := FalseCorroboration(g.View); err != nil {
			b.Fatal(err)
		}
	}
}
