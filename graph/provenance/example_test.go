package provenance_test

import (
	"fmt"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/provenance"
	"github.com/claimgraph/claimgraph/sources"
)

// exampleGraph: two articles take a claim from a Telegram video that they
// name only as the appearances' Via; a third republishes the first.
func exampleGraph() *graph.Graph {
	g := graph.New()
	err := g.Apply(graph.Batch{
		Sources: []sources.Source{
			{ID: "telegram-video", Kind: sources.Video},
			{ID: "paper-a", Kind: sources.NewsArticle},
			{ID: "paper-b", Kind: sources.NewsArticle},
			{ID: "paper-c", Kind: sources.NewsArticle, DerivedFrom: []sources.Derivation{{Source: "paper-a", Kind: sources.Republishes}}},
		},
		Claims: []claims.Claim{{ID: "scrubbed", Text: "The staff scrubbed the room.", Appearances: []claims.Appearance{
			{Source: "paper-a", Via: "telegram-video"},
			{Source: "paper-b", Via: "telegram-video"},
			{Source: "paper-c"},
		}}},
	})
	if err != nil {
		panic(err)
	}
	return g
}

func ExampleOrigins() {
	g := exampleGraph()
	r, err := provenance.Origins(g.View, "scrubbed")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d appearances, %d independent origin(s)\n", r.Appearances, r.Independent())
	for _, gr := range r.Groups {
		fmt.Println(gr.Origin.Source, gr.Origin.Class)
		for i := range gr.Appearances {
			fmt.Println("  ", gr.Chain(i))
		}
	}
	// Output:
	// 3 appearances, 1 independent origin(s)
	// telegram-video primary
	//    paper-a -via-> telegram-video
	//    paper-b -via-> telegram-video
	//    paper-c -republishes-> paper-a -via-> telegram-video
}

func ExampleCycles() {
	g := graph.New()
	err := g.Apply(graph.Batch{Sources: []sources.Source{
		{ID: "daily", Kind: sources.NewsArticle, DerivedFrom: []sources.Derivation{{Source: "weekly", Kind: sources.Cites}}},
		{ID: "weekly", Kind: sources.NewsArticle, DerivedFrom: []sources.Derivation{{Source: "daily", Kind: sources.Cites}}},
	}})
	if err != nil {
		panic(err)
	}
	for _, c := range provenance.Cycles(g.View) {
		fmt.Println(c.Sources, c.Loop)
	}
	// Output:
	// [daily weekly] [daily weekly daily]
}

func ExampleIndex_Independent() {
	x := provenance.New(exampleGraph().View)
	n, err := x.Independent()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(n["scrubbed"])
	// Output:
	// 1
}

// Forks of one index find origins on several goroutines at once, sharing
// the sources it loaded; origins come back as source numbers, which every
// fork gives alike.
func ExampleIndex_Fork() {
	g := exampleGraph()
	x := provenance.New(g.View)
	c, _ := g.Claim("scrubbed")
	nums := make(chan []int32)
	for range 2 {
		f := x.Fork()
		go func() {
			n, err := f.AppendOriginNumbers(nil, c.Appearances)
			if err != nil {
				panic(err)
			}
			nums <- n
		}()
	}
	a, b := <-nums, <-nums
	fmt.Println(len(a), a[0] == b[0], x.SourceID(a[0]))
	// Output:
	// 1 true telegram-video
}
