package verdict_test

import (
	"fmt"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/verdict"
	"github.com/claimgraph/claimgraph/sources"
)

// A claim that a wire report and a newspaper make supports a claim that
// only a blog makes: the supported claim is lent their two origins,
// which Verdict.Lent counts and Result.Lent lists.
func ExampleResult_Lent() {
	g := graph.New()
	b := graph.Batch{
		Sources: []sources.Source{
			{ID: "wire", Title: "Wire report", Kind: sources.NewsArticle},
			{ID: "paper", Title: "Newspaper", Kind: sources.NewsArticle},
			{ID: "blog", Title: "Blog post", Kind: sources.NewsArticle},
		},
		Claims: []claims.Claim{
			{ID: "closed", Text: "The bridge is closed.",
				Appearances: []claims.Appearance{{Source: "wire"}, {Source: "paper"}}},
			{ID: "detour", Text: "Traffic takes the detour.",
				Appearances: []claims.Appearance{{Source: "blog"}}},
		},
		Relations: []claims.Relation{{From: "closed", To: "detour", Kind: claims.Supports}},
	}
	if err := g.Apply(b); err != nil {
		fmt.Println(err)
		return
	}
	r, err := verdict.Compute(g.View, verdict.Options{Support: verdict.Lending})
	if err != nil {
		fmt.Println(err)
		return
	}
	v, _ := r.Verdict("detour")
	fmt.Println(v.Origins, v.Lent, r.Lent("detour"))
	// Output:
	// [blog] 2 [wire paper]
}
