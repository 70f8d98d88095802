package truth

import (
	"fmt"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// TestFromGraphImplicationsLinear: two hub claims, each contradicting n
// leaves (so each is a fact of n questions), joined by one support, give
// n implications, not n² (every fact of one paired with every fact of the
// other, as before: a 3000-leaf file took 9.5 s and 690 MB).
func TestFromGraphImplicationsLinear(t *testing.T) {
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
	if got := len(d.imps); got != n {
		t.Errorf("%d implications for one support between claims of %d facts each; want %d", got, n, n)
	}
	// Each fact of either hub takes part.
	from, to := map[FactID]bool{}, map[FactID]bool{}
	for _, im := range d.imps {
		from[im.from], to[im.to] = true, true
	}
	if len(from) != n || len(to) != n {
		t.Errorf("implications use %d facts of h1 and %d of h2, want %d each", len(from), len(to), n)
	}
}
