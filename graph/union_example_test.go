package graph_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/claimgraph/claimgraph/graph"
)

// Two desks' files: the second has merged claim b into a. UnionTo folds
// that merge before comparing, so the two agree, and writes the union on
// the first file's text, its comment kept.
func ExampleUnionTo() {
	dir, err := os.MkdirTemp("", "union")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			panic(err)
		}
		return p
	}
	a := write("a.yaml", `claimgraph: 1
sources:
  - {id: s1, kind: wire}
  - {id: s2, kind: wire}
claims:
  # the desk's first claim
  - {id: a, text: A., appearances: [{source: s1}]}
  - {id: b, text: B., appearances: [{source: s2}]}
`)
	b := write("b.yaml", `claimgraph: 1
sources:
  - {id: s1, kind: wire}
  - {id: s2, kind: wire}
claims:
  - {id: a, text: A., appearances: [{source: s1}, {source: s2}], merged: [b]}
`)
	out := filepath.Join(dir, "out.yaml")
	g, conflicts, err := graph.UnionTo(a, b, out, graph.PreferNone)
	if err != nil {
		panic(err)
	}
	c, _ := g.Claim("b")
	fmt.Println(len(conflicts), "conflicts; b is now", c.ID)
	text, err := os.ReadFile(out)
	if err != nil {
		panic(err)
	}
	fmt.Print(string(text))
	// Output:
	// 0 conflicts; b is now a
	// claimgraph: 1
	// sources:
	//   - {id: s1, kind: wire}
	//   - {id: s2, kind: wire}
	// claims:
	//   # the desk's first claim
	//   - {id: a, text: A., appearances: [{source: s1}, {source: s2}], merged: [b]}
}
