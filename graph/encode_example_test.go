package graph_test

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/claimgraph/claimgraph/graph"
)

// Encode picks the format from the name the output will have, as Save
// does: JSON Lines for a .jsonl name (one item a line), and for an RDF
// name an ErrFileFormat and nothing written, never YAML under it.
func ExampleGraph_Encode() {
	g, err := graph.Load("../testdata/kim-putin.yaml")
	if err != nil {
		panic(err)
	}
	var buf bytes.Buffer
	if err := g.Encode(&buf, "desk.jsonl"); err != nil {
		panic(err)
	}
	fmt.Println(bytes.HasPrefix(buf.Bytes(), []byte("{")), bytes.Count(buf.Bytes(), []byte("\n")) > 69)
	buf.Reset()
	err = g.Encode(&buf, "desk.ttl")
	fmt.Println(errors.Is(err, graph.ErrFileFormat), buf.Len())
	// Output:
	// true true
	// true 0
}
