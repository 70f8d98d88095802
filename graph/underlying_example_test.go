package graph_test

import (
	"fmt"

	dgraph "github.com/dominikbraun/graph"

	"github.com/claimgraph/claimgraph/graph"
)

// The dependency's algorithms run on the claim graph through Underlying.
// Here its ShortestPath traces a claim of the seed data back to the
// source it ultimately comes from, over the edges from a claim to the
// sources it appears in and from a source to the sources it draws on: the
// claim appears in a tweet, which credits a video.
func ExampleGraph_Underlying() {
	g, err := graph.Load("../testdata/kim-putin.yaml")
	if err != nil {
		panic(err)
	}
	u := g.Underlying()
	path, err := dgraph.ShortestPath(u, "trace-removal-denies-foreign-intelligence", "runews-video")
	if err != nil {
		panic(err)
	}
	for i, id := range path {
		v, _ := u.Vertex(id)
		if i > 0 {
			e, _ := u.Edge(path[i-1], id)
			fmt.Printf("  %s ->\n", kinds(e.Properties.Data.(graph.EdgeData).Kinds))
		}
		fmt.Println(v.Kind, id)
	}
	// Output:
	// claim trace-removal-denies-foreign-intelligence
	//   appears in, via ->
	// source tawqeer-hussain-tweet-2025-09-03
	//   derives from ->
	// source runews-video
}

// kinds names the relations an edge stands for.
func kinds(k graph.EdgeKinds) string {
	names := []string{"supports", "contradicts", "about", "said by", "appears in", "via", "derives from"}
	s := ""
	for i, name := range names {
		if k&(1<<i) != 0 {
			if s != "" {
				s += ", "
			}
			s += name
		}
	}
	return s
}
