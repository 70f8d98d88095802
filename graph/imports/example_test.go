package imports_test

import (
	"fmt"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/imports"
)

func ExampleReadAIF() {
	in := `{
  "nodes": [
    {"nodeID": "1", "type": "I", "text": "The staff wiped the chair."},
    {"nodeID": "2", "type": "RA", "text": "Default Inference"},
    {"nodeID": "3", "type": "I", "text": "The staff cleaned the room."},
    {"nodeID": "4", "text": "A node without a type."}
  ],
  "edges": [{"fromID": "1", "toID": "2"}, {"fromID": "2", "toID": "3"}]
}`
	res, err := imports.ReadAIF(strings.NewReader(in), "map.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, w := range res.Warnings {
		fmt.Println("warning:", w)
	}
	g := graph.New()
	if err := g.Apply(res.Batch); err != nil {
		fmt.Println(err)
		return
	}
	for r := range g.Relations() {
		fmt.Println(r.From, r.Kind, r.To)
	}
	_, err = imports.ReadAIF(strings.NewReader(`{"nodes": [{"nodeID": "1"}],`+"\n"+`"edges": [{"fromID": "1", "toID": "9"}]}`), "bad.json")
	fmt.Println(err)
	// Output:
	// warning: map.json:6:5: node "4" has no type: left out
	// aif-1 supports aif-3
	// imports: bad.json:2:11: not the expected format: edge names node "9", which is not in "nodes"
}
