package truth_test

import (
	"fmt"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/sources"
	"github.com/claimgraph/claimgraph/sources/truth"
)

// Two contradicting claims are one question with two answers: two
// sources carry the first, one the second. Sums believes the first and
// trusts its sources more.
func ExampleFromGraph() {
	g := graph.New()
	err := g.Apply(graph.Batch{
		Sources: []sources.Source{
			{ID: "wire", Kind: sources.Wire},
			{ID: "paper", Kind: sources.NewsArticle},
			{ID: "post", Kind: sources.SocialPost},
		},
		Claims: []claims.Claim{
			{ID: "signed", Text: "The treaty was signed.", Appearances: []claims.Appearance{{Source: "wire"}, {Source: "paper"}}},
			{ID: "not-signed", Text: "The treaty was not signed.", Appearances: []claims.Appearance{{Source: "post"}}},
		},
		Relations: []claims.Relation{{From: "signed", To: "not-signed", Kind: claims.Contradicts}},
	})
	if err != nil {
		panic(err)
	}
	d, m := truth.FromGraph(g.View)
	r, err := truth.Discover(d, truth.Sums, truth.Options{})
	if err != nil {
		panic(err)
	}
	for _, f := range r.Chosen {
		fmt.Println("chosen:", m.Claims[f])
	}
	trust := m.Trust(r)
	for _, id := range m.Sources {
		fmt.Printf("trust %s %.2f\n", id, trust[id])
	}
	// Output:
	// chosen: signed
	// trust wire 1.00
	// trust paper 1.00
	// trust post 0.00
}

// A claim in two questions must win both. "only-pact" and "two-pacts"
// come from one article, so their own question is a tie; "only-pact" also
// contradicts the treaty, which two independent sources report. Read one
// by one, the tie names "only-pact"; read together, it loses to the treaty
// and "two-pacts" is chosen.
func ExampleGraphMap_Joint() {
	g := graph.New()
	err := g.Apply(graph.Batch{
		Sources: []sources.Source{
			{ID: "article", Kind: sources.NewsArticle},
			{ID: "agency", Kind: sources.Wire},
			{ID: "ministry", Kind: sources.OfficialStatement},
		},
		Claims: []claims.Claim{
			{ID: "only-pact", Text: "China is the only treaty ally.", Appearances: []claims.Appearance{{Source: "article"}}},
			{ID: "treaty", Text: "Russia signed a defence treaty.", Appearances: []claims.Appearance{{Source: "agency"}, {Source: "ministry"}}},
			{ID: "two-pacts", Text: "There are two treaty allies.", Appearances: []claims.Appearance{{Source: "article"}}},
		},
		Relations: []claims.Relation{
			{From: "only-pact", To: "treaty", Kind: claims.Contradicts},
			{From: "only-pact", To: "two-pacts", Kind: claims.Contradicts},
		},
	})
	if err != nil {
		panic(err)
	}
	d, m := truth.FromGraph(g.View)
	r, err := truth.Discover(d, truth.Accu, truth.Options{})
	if err != nil {
		panic(err)
	}
	j := m.Joint(r)
	for o := range d.NumObjects() {
		fmt.Printf("%s: alone %s (tie %v), together %s (tie %v)\n", d.ObjectName(truth.ObjectID(o)),
			m.Claims[r.Chosen[o]], r.Tied[o], m.Claims[j.Chosen[o]], j.Tied[o])
	}
	// Output:
	// only-pact | treaty: alone treaty (tie false), together treaty (tie false)
	// only-pact | two-pacts: alone only-pact (tie true), together two-pacts (tie false)
}
