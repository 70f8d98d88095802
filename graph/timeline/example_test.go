package timeline_test

import (
	"fmt"
	"strings"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/timeline"
)

// exampleYAML: one claim that ends when another, as well evidenced,
// begins, and an article of 2025 that repeats the first as current.
const exampleYAML = `claimgraph: 1
entities:
  - {id: north-korea, name: North Korea, kind: country}
sources:
  - {id: paper-2023, kind: news-article, published: 2023-05-10}
  - {id: paper-2024, kind: news-article, published: 2024-06-19}
  - {id: wire-2024, kind: news-article, published: 2024-06-19}
  - {id: paper-2025, kind: news-article, published: 2025-03}
claims:
  - id: only-pact
    text: China is North Korea's only defence pact partner.
    about: [north-korea]
    valid_until: 2024-06-19
    appearances: [{source: paper-2023}, {source: paper-2025}]
  - id: treaty
    text: Russia and North Korea have a defence treaty.
    about: [north-korea]
    valid_from: 2024-06-19
    still_holds: true
    appearances: [{source: paper-2024}, {source: wire-2024}]
relations:
  - {from: only-pact, to: treaty, kind: contradicts}
`

func exampleGraph() *graph.Graph {
	g, err := graph.ReadYAML(strings.NewReader(exampleYAML), "example.yaml")
	if err != nil {
		panic(err)
	}
	return g
}

func ExampleConflicts() {
	g := exampleGraph()
	for _, c := range timeline.Conflicts(g.At(claims.MustDate(2024, 1, 1))) {
		fmt.Printf("%s - %s: %s\n", c.Relation.From, c.Relation.To, c.Status)
		fmt.Printf("%s until %s, then %s from %s (adjacent: %v)\n", c.Earlier, c.Boundary, c.Later, c.LaterFrom, c.Adjacent())
	}
	// Output:
	// only-pact - treaty: resolved-by-time
	// only-pact until 2024-06-19, then treaty from 2024-06-19 (adjacent: true)
}

func ExampleStale() {
	g := exampleGraph()
	items, err := timeline.Stale(g, timeline.Options{})
	if err != nil {
		panic(err)
	}
	for _, it := range items {
		fmt.Printf("%s in %s (%s): %s on %s\n", it.Claim, it.Source, it.Date, it.Reason, it.Stopped)
	}
	// Output:
	// only-pact in paper-2025 (2025-03): ended on 2024-06-19
}

func ExampleOf() {
	g := exampleGraph()
	cs, err := timeline.Of(g.View, "north-korea")
	if err != nil {
		panic(err)
	}
	for _, c := range cs {
		fmt.Printf("%-10s %s\n", c.ID, c.Validity)
	}
	// Output:
	// only-pact  until 2024-06-19
	// treaty     from 2024-06-19, still holds
}

func ExampleNotLive() {
	g := exampleGraph()
	rels, _ := g.Contradictions("treaty")
	for _, r := range rels {
		fmt.Printf("%s - %s: %s\n", r.From, r.To, timeline.NotLive(g.View, r).Words())
	}
	// Output:
	// only-pact - treaty: resolved by time (never both holding)
}
