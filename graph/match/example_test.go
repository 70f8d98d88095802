package match_test

import (
	"fmt"
	"math"
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

// embeddings is a Scorer that compares sentence embeddings computed
// elsewhere and stored by claim ID, falling back to the lexical scorer's
// reasons.
type embeddings map[string][]float64

func (e embeddings) Score(a, b *match.Item) match.Score {
	va, vb := e[a.Claim.ID], e[b.Claim.ID]
	var dot, na, nb float64
	for i := range va {
		dot, na, nb = dot+va[i]*vb[i], na+va[i]*va[i], nb+vb[i]*vb[i]
	}
	if na == 0 || nb == 0 {
		return match.Score{}
	}
	s := match.Lexical{}.Score(a, b)
	s.Value = dot / math.Sqrt(na*nb)
	s.Reasons = append([]string{fmt.Sprintf("embeddings %.2f alike", s.Value)}, s.Reasons...)
	return s
}

func ExampleScorer() {
	cs := []claims.Claim{
		{ID: "a", Text: "Kim's staff wiped the chair he sat on."},
		{ID: "b", Text: "Kim's aides wiped down the chair after he sat on it."},
	}
	vectors := embeddings{"a": {0.9, 0.1, 0.3}, "b": {0.8, 0.2, 0.3}}
	got, _ := match.FindClaims(cs, match.Options{Scorer: vectors, Threshold: 0.9})
	for _, s := range got {
		fmt.Printf("%s ~ %s %.2f: %s\n", s.A, s.B, s.Score, s.Reasons[0])
	}
	// Output:
	// a ~ b 0.99: embeddings 0.99 alike
}
