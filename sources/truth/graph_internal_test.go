package truth

import (
	"fmt"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// TestFromGraphHubsLinear: two hub claims, each contradicting n leaves
// (so each is a fact of n questions), joined by one support, give 4n
// facts and 4n assertions, and no implications: the support lends h1's
// origins to h2's votes instead (once each: here the one source is
// already h2's). Pairing every fact of one hub with every fact of the
// other, as implications once did, made a 3000-leaf file take 9.5 s and
// 690 MB.
func TestFromGraphHubsLinear(t *testing.T) {
	const n = 200
	var b strings.Builder
	b.WriteString("claimgraph: 1\nsources:\n  - {id: s, kind: other}\nclaims:\n")
	claim := func(id string) { fmt.Fprintf(&b, "  - {id: %s, text: %s, appearances: [{source: s}]}\n", id, id) }
	claim("h1")
	claim("h2")
	for i := range n {
		claim(fmt.Sprintf("a%d", i))
		claim(fmt.Sprintf("b%d", i))
	}
	b.WriteString("relations:\n  - {from: h1, to: h2, kind: supports}\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {from: h1, to: a%d, kind: contradicts}\n  - {from: h2, to: b%d, kind: contradicts}\n", i, i)
	}
	g, err := graph.ReadYAML(strings.NewReader(b.String()), "hubs.yaml")
	if err != nil {
		t.Fatal(err)
	}
	d, m := FromGraph(g.View)
	if got := len(m.Facts("h1")); got != n {
		t.Fatalf("h1 is a fact of %d questions, want %d", got, n)
	}
	if got := len(d.imps); got != 0 {
		t.Errorf("%d implications for one support; want none", got)
	}
	if f, a := d.NumFacts(), d.NumAssertions(); f != 4*n || a != 4*n {
		t.Errorf("%d facts and %d assertions, want %d of each", f, a, 4*n)
	}
}
