package match_test

import (
	"fmt"
	"slices"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/match"
)

func ExampleFind() {
	g, err := graph.Load("../../testdata/kim-putin.yaml")
	if err != nil {
		panic(err)
	}
	got, _ := match.Find(g.View, match.Options{Top: 5})
	i := slices.IndexFunc(got, func(s match.Suggestion) bool { return s.A == "china-only-defence-pact" })
	s := got[i]
	fmt.Printf("%s %.2f %s ~ %s\n", s.Kind, s.Score, s.A, s.B)
	for _, r := range s.Reasons {
		fmt.Println("-", r)
	}

	// A person decides they are different propositions; the pair is not
	// suggested again.
	err = g.Apply(match.Decide([]match.Decision{{A: s.A, B: s.B, Kind: claims.DistinctFrom, By: "desk"}}))
	fmt.Println(err)
	// Output:
	// same 0.68 china-only-defence-pact ~ dprk-only-china-defence-pact
	// - overlapping wording: 7 of 7 content words shared, 87% of letter groups
	// - both quote the same sentence of internewscast-kim-scrub-2025
	// - the same names in another order: who did what to whom may differ
	// - shared entities: china, north-korea
	// - shared speaker: edward-howell
	// <nil>
}

func ExampleFindClaims() {
	cs := []claims.Claim{
		{ID: "a", Text: "North Korea has sent about 15,000 soldiers to fight alongside Russia."},
		{ID: "b", Text: "According to South Korea, North Korea sent around 15,000 troops to fight for Russia."},
		{ID: "c", Text: "North Korea has sent about 12,000 soldiers to fight alongside Russia."},
		{ID: "d", Text: "Kim toured the Vostochny Cosmodrome."},
	}
	got, _ := match.FindClaims(cs, match.Options{})
	for _, s := range got {
		fmt.Printf("%s %s ~ %s: %s\n", s.Kind, s.A, s.B, s.Reasons[len(s.Reasons)-1])
	}
	// Output:
	// contradiction a ~ c: different numbers: 15000 against 12000
	// same a ~ b: the same number or date: 15000
}
