package graph_test

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/sources"
)

// exampleGraph builds, in code, a small graph in the manner of the seed
// dataset: two contradicting claims about North Korea's defence pacts and
// a chain of support.
func exampleGraph() *graph.Graph {
	g := graph.New()
	err := g.Apply(graph.Batch{
		Entities: []claims.Entity{
			{ID: "north-korea", Name: "North Korea", Kind: claims.Country},
			{ID: "russia", Name: "Russia", Kind: claims.Country},
			{ID: "china", Name: "China", Kind: claims.Country},
			{ID: "michael-madden", Name: "Michael Madden", Kind: claims.Person},
		},
		Sources: []sources.Source{
			{ID: "article-2023", Publisher: "Daily Planet", Kind: sources.NewsArticle, Published: claims.MustDate(2023, 9, 13)},
			{ID: "article-2024", Publisher: "Evening Star", Kind: sources.NewsArticle, Published: claims.MustDate(2024, 6, 19)},
		},
		Claims: []claims.Claim{
			{ID: "only-pact", Text: "China is North Korea's only mutual defence partner.",
				About: []string{"china", "north-korea"}, Validity: claims.Validity{Until: claims.MustDate(2024, 6, 19)},
				Appearances: []claims.Appearance{{Source: "article-2023"}}},
			{ID: "treaty", Text: "Russia and North Korea signed a mutual defence treaty on 19 June 2024.",
				About: []string{"russia", "north-korea"}, Validity: claims.Validity{From: claims.MustDate(2024, 6, 19), Ongoing: true},
				Appearances: []claims.Appearance{{Source: "article-2024", Speaker: "michael-madden", Quote: "a treaty"}}},
			{ID: "summit", Text: "Kim and Putin met in Pyongyang in June 2024.",
				About: []string{"russia", "north-korea"}, Validity: claims.Validity{At: claims.MustDate(2024, 6, 0)},
				Appearances: []claims.Appearance{{Source: "article-2024"}}},
			{ID: "ties", Text: "Russia and North Korea have grown closer.",
				About:       []string{"russia", "north-korea"},
				Appearances: []claims.Appearance{{Source: "article-2024", Speaker: "michael-madden"}, {Source: "article-2023"}}},
		},
		Relations: []claims.Relation{
			{From: "treaty", To: "only-pact", Kind: claims.Contradicts, Sources: []string{"article-2024"}},
			{From: "summit", To: "treaty", Kind: claims.Supports},
			{From: "treaty", To: "ties", Kind: claims.Supports},
		},
	})
	if err != nil {
		panic(err)
	}
	return g
}

func ExampleNew() {
	g := graph.New()
	_ = g.AddEntity(claims.Entity{ID: "north-korea", Name: "North Korea", Kind: claims.Country})
	_ = g.AddSource(sources.Source{ID: "kcna", Kind: sources.OfficialStatement})
	err := g.AddClaim(claims.Claim{ID: "launch", Text: "North Korea launched a satellite.",
		About: []string{"north-korea"}, Appearances: []claims.Appearance{{Source: "kcna"}}})
	fmt.Println(err, g.Counts().Claims)
	// Output: <nil> 1
}

func ExampleGraph_Apply() {
	g := exampleGraph()
	// One bad item makes the whole batch fail; the graph is unchanged.
	err := g.Apply(graph.Batch{
		Claims: []claims.Claim{{ID: "new", Text: "A new claim.", About: []string{"mars"}}},
	})
	fmt.Println(err)
	fmt.Println(errors.Is(err, graph.ErrUnknownReference), g.Counts().Claims)
	// Output:
	// graph: claim "new": about[0]: unknown entity "mars"
	// true 4
}

func ExampleGraph_AddRelation() {
	g := exampleGraph()
	err := g.AddRelation(claims.Relation{From: "only-pact", To: "treaty", Kind: claims.Supports})
	fmt.Println(err)
	fmt.Println(errors.Is(err, graph.ErrConflictingRelation))
	// Output:
	// graph: relation "only-pact -> treaty": kind: "only-pact" both supports and contradicts "treaty"
	// true
}

func ExampleView_Claim() {
	g := exampleGraph()
	c, ok := g.Claim("treaty")
	fmt.Println(ok, c.Text)
	_, ok = g.Claim("no-such-claim")
	fmt.Println(ok)
	// Output:
	// true Russia and North Korea signed a mutual defence treaty on 19 June 2024.
	// false
}

// ExampleView_ClaimInfo reads a claim's text and validity without
// copying its lists, as code does that reads it once for each relation
// at it.
func ExampleView_ClaimInfo() {
	c, ok := exampleGraph().ClaimInfo("only-pact")
	fmt.Println(ok, c.Validity.Until, len(c.Appearances), len(c.About))
	// Output: true 2024-06-19 0 0
}

func ExampleView_Entity() {
	e, ok := exampleGraph().Entity("michael-madden")
	fmt.Println(ok, e.Name, e.Kind)
	// Output: true Michael Madden person
}

func ExampleView_Source() {
	s, ok := exampleGraph().Source("article-2024")
	fmt.Println(ok, s.Publisher, s.Published)
	// Output: true Evening Star 2024-06-19
}

// ExampleView_SourceInfo reads a source's publisher and date without
// copying its derivations, as code does that reads it once for each
// appearance naming it.
func ExampleView_SourceInfo() {
	s, ok := exampleGraph().SourceInfo("article-2024")
	fmt.Println(ok, s.Publisher, s.Published, s.DerivedFrom == nil)
	// Output: true Evening Star 2024-06-19 true
}

func ExampleView_KindOf() {
	k, ok := exampleGraph().KindOf("china")
	fmt.Println(k, ok)
	// Output: entity true
}

func ExampleView_Claims() {
	for c := range exampleGraph().Claims() {
		fmt.Println(c.ID)
	}
	// Output:
	// only-pact
	// treaty
	// summit
	// ties
}

func ExampleView_Entities() {
	for e := range exampleGraph().Entities() {
		fmt.Print(e.ID, " ")
	}
	fmt.Println()
	// Output: north-korea russia china michael-madden
}

func ExampleView_Sources() {
	for s := range exampleGraph().Sources() {
		fmt.Println(s.ID, s.Kind)
	}
	// Output:
	// article-2023 news-article
	// article-2024 news-article
}

func ExampleView_Relations() {
	for r := range exampleGraph().Relations() {
		fmt.Println(r.From, r.Kind, r.To)
	}
	// Output:
	// treaty contradicts only-pact
	// summit supports treaty
	// treaty supports ties
}

func ExampleView_Links() {
	g := exampleGraph()
	var ids []string
	for c := range g.Claims() {
		ids = append(ids, c.ID)
	}
	for l := range g.Links() {
		fmt.Println(l.From, l.Kind, l.To, "=", ids[l.From], l.Kind, ids[l.To])
	}
	// Output:
	// 1 contradicts 0 = treaty contradicts only-pact
	// 2 supports 1 = summit supports treaty
	// 1 supports 3 = treaty supports ties
}

func ExampleView_ContradictionPairs() {
	for r := range exampleGraph().ContradictionPairs() {
		fmt.Println(r.From, "<->", r.To, r.Sources)
	}
	// Output: treaty <-> only-pact [article-2024]
}

func ExampleView_Contradictions() {
	rels, err := exampleGraph().Contradictions("only-pact")
	for _, r := range rels {
		other, _ := r.Other("only-pact")
		fmt.Println(other)
	}
	fmt.Println(err)
	// Output:
	// treaty
	// <nil>
}

func ExampleView_Supporters() {
	rels, _ := exampleGraph().Supporters("treaty")
	for _, r := range rels {
		fmt.Println(r.From)
	}
	// Output: summit
}

func ExampleView_Supported() {
	rels, _ := exampleGraph().Supported("treaty")
	for _, r := range rels {
		fmt.Println(r.To)
	}
	// Output: ties
}

func ExampleView_SupportChains() {
	chains, _ := exampleGraph().SupportChains("ties", 0)
	for _, p := range chains {
		fmt.Println(p.Len(), p)
	}
	// Output:
	// 1 treaty -supports-> ties
	// 2 summit -supports-> treaty -supports-> ties
}

func ExampleView_ShortestPath() {
	p, err := exampleGraph().ShortestPath("summit", "only-pact")
	fmt.Println(p, err)
	_, err = exampleGraph().ShortestPath("summit", "article-2023")
	fmt.Println(err)
	// Output:
	// summit -supports-> treaty -contradicts- only-pact <nil>
	// graph: "article-2023" is a source, not a claim
}

func ExampleView_SourcesOf() {
	srcs, _ := exampleGraph().SourcesOf("ties")
	for _, s := range srcs {
		fmt.Println(s.ID, s.Publisher)
	}
	// Output:
	// article-2024 Evening Star
	// article-2023 Daily Planet
}

func ExampleView_Speakers() {
	people, _ := exampleGraph().Speakers("treaty")
	for _, e := range people {
		fmt.Println(e.Name)
	}
	// Output: Michael Madden
}

func ExampleView_ClaimsIn() {
	cs, _ := exampleGraph().ClaimsIn("article-2023")
	for _, c := range cs {
		fmt.Println(c.ID)
	}
	// Output:
	// only-pact
	// ties
}

func ExampleView_ClaimsAbout() {
	cs, _ := exampleGraph().ClaimsAbout("china")
	for _, c := range cs {
		fmt.Println(c.ID)
	}
	// Output: only-pact
}

func ExampleView_ClaimsBy() {
	cs, _ := exampleGraph().ClaimsBy("michael-madden")
	for _, c := range cs {
		fmt.Println(c.ID)
	}
	// Output:
	// treaty
	// ties
}

func ExampleView_DerivedBy() {
	g := graph.New()
	_ = g.Apply(graph.Batch{Sources: []sources.Source{
		{ID: "telegram-video", Kind: sources.Video},
		{ID: "wire", Kind: sources.Wire, DerivedFrom: []sources.Derivation{{Source: "telegram-video", Kind: sources.Quotes}}},
		{ID: "article", Kind: sources.NewsArticle, DerivedFrom: []sources.Derivation{{Source: "wire", Kind: sources.Cites}}},
	}})
	srcs, _ := g.DerivedBy("telegram-video")
	fmt.Println(srcs[0].ID)
	// Output: wire
}

func ExampleView_Neighbourhood() {
	sub, _ := exampleGraph().Neighbourhood("only-pact", 1)
	c := sub.Counts()
	fmt.Println(c.Claims, c.Contradictions, c.Supports)
	for cl := range sub.Claims() {
		fmt.Println(cl.ID)
	}
	// Output:
	// 2 1 0
	// only-pact
	// treaty
}

func ExampleView_Counts() {
	c := exampleGraph().Counts()
	fmt.Printf("%d claims, %d appearances, %d supports, %d contradictions\n", c.Claims, c.Appearances, c.Supports, c.Contradictions)
	// Output: 4 claims, 5 appearances, 2 supports, 1 contradictions
}

func ExampleGraph_At() {
	g := exampleGraph()
	for _, day := range []string{"2024-01-01", "2025-09-03"} {
		t, _ := claims.ParseDate(day)
		v := g.At(t)
		_, pact := v.Claim("only-pact")
		_, treaty := v.Claim("treaty")
		fmt.Println(day, "only-pact:", pact, "treaty:", treaty, "contradictions:", v.Counts().Contradictions)
	}
	// Output:
	// 2024-01-01 only-pact: true treaty: false contradictions: 0
	// 2025-09-03 only-pact: false treaty: true contradictions: 0
}

func ExampleReadYAML() {
	const doc = `claimgraph: 1
entities:
  - {id: china, name: China, kind: country}
claims:
  - id: c1
    text: A claim.
    about: [china, japan]
    colour: red
`
	_, err := graph.ReadYAML(strings.NewReader(doc), "doc.yaml")
	var list graph.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Printf("%s: %s\n", e.Position, e.Message())
		}
	}
	// Output:
	// doc.yaml:7:20: claim "c1": about[1]: unknown entity "japan"
	// doc.yaml:8:5: claim "c1": colour: unknown field "colour": want id, text, lang, about, statement, valid_from, valid_until, still_holds, valid_at, occurred, appearances, note, inferred, merged or review
}

func ExampleGraph_WriteYAML() {
	g := graph.New()
	_ = g.AddEntity(claims.Entity{ID: "china", Name: "China", Kind: claims.Country, Wikidata: "Q148"})
	_ = g.WriteYAML(os.Stdout)
	// Output:
	// claimgraph: 1
	// entities:
	//   - id: china
	//     name: China
	//     kind: country
	//     wikidata: Q148
}

// ReadOptions bounds what a read accepts. Here an alias bomb, a claim
// about a thousand entities (1,007 YAML nodes) listed two thousand times
// through an alias, is rejected at the hundredth alias, the one that
// crosses the limit, before anything is expanded.
func ExampleReadOptions_ReadYAML() {
	about := strings.TrimSuffix(strings.Repeat("e, ", 1000), ", ")
	bomb := "claimgraph: 1\nentities:\n  - {id: e, name: E, kind: person}\nclaims:\n" +
		"  - &c {id: c, text: T, about: [" + about + "]}\n" + strings.Repeat("  - *c\n", 2000)
	opts := graph.ReadOptions{MaxAliasNodes: 100_000}
	_, err := opts.ReadYAML(strings.NewReader(bomb), "bomb.yaml")
	fmt.Println(errors.Is(err, graph.ErrLimit))
	fmt.Println(err)
	// Output:
	// true
	// graph: bomb.yaml:105:5: limit exceeded: aliases expand to more than 100000 YAML nodes
}

// Read reads what a program opened itself, in the format the name it
// gives says, as Open reads a file of that name: here JSON Lines, then a
// name RDF's, which no reader of this package takes.
func ExampleReadOptions_Read() {
	var opts graph.ReadOptions
	lines := `{"claimgraph":1}
{"claim":{"id":"a","text":"A."}}
`
	g, err := opts.Read(strings.NewReader(lines), "desk.jsonl")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(g.Counts().Claims)
	_, err = opts.Read(strings.NewReader(lines), "desk.nq")
	fmt.Println(errors.Is(err, graph.ErrFileFormat))
	// Output:
	// 1
	// true
}
