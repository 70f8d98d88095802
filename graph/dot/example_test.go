package dot_test

import (
	"os"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/dot"
)

func Example() {
	g := graph.New()
	err := g.Apply(graph.Batch{
		Claims: []claims.Claim{
			{ID: "met", Text: "Kim and Putin met in Beijing."},
			{ID: "cleaned", Text: `Staff "wiped" the chair.`},
		},
		Relations: []claims.Relation{{From: "met", To: "cleaned", Kind: claims.Supports}},
	})
	if err != nil {
		panic(err)
	}
	verdicts := dot.VerdictMap(map[string]string{"met": "true"})
	if err := dot.Write(os.Stdout, g.View, dot.Options{Verdict: verdicts}); err != nil {
		panic(err)
	}
	// Output:
	// digraph claimgraph {
	// 	graph [rankdir="LR", fontname="Helvetica", newrank="true", nodesep="0.25", ranksep="0.6"];
	// 	node [fontname="Helvetica", fontsize="11"];
	// 	edge [fontname="Helvetica", fontsize="9"];
	//
	// 	// Claims
	// 	"met" [label="Kim and Putin met in Beijing.\n[TRUE]", shape="box", style="rounded,filled", fillcolor="#c8e6c9", tooltip="met"];
	// 	"cleaned" [label="Staff \"wiped\" the chair.", shape="box", style="rounded,filled", fillcolor="#ffffff", tooltip="cleaned"];
	//
	// 	// Relations
	// 	"met" -> "cleaned" [color="#2e7d32", style="solid", penwidth="1.5", arrowhead="normal", tooltip="supports"];
	// }
}

func ExampleQuote() {
	println := func(s string) { os.Stdout.WriteString(s + "\n") }
	println(dot.Quote(`He said "no" \ twice`))
	println(dot.Quote("line one\nline two"))
	println(dot.Quote("Ким Чен Ын"))
	// Output:
	// "He said \"no\" \\ twice"
	// "line one\nline two"
	// "Ким Чен Ын"
}
