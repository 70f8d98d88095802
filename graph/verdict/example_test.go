package verdict_test

import (
	"fmt"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/verdict"
	"github.com/claimgraph/claimgraph/sources"
)

// A claim from one source contradicts a claim from two, which held only
// until 2024: undated, the better-sourced claim wins; as of 2025 the loser
// is reported as no longer holding.
func ExampleCompute() {
	g := graph.New()
	b := graph.Batch{
		Sources: []sources.Source{
			{ID: "wire", Title: "Wire report", Kind: sources.NewsArticle},
			{ID: "paper", Title: "Newspaper", Kind: sources.NewsArticle},
			{ID: "blog", Title: "Blog post", Kind: sources.NewsArticle},
		},
		Claims: []claims.Claim{
			{ID: "open", Text: "The bridge is open.", Validity: claims.Validity{Until: claims.MustDate(2024, 1, 1)},
				Appearances: []claims.Appearance{{Source: "blog"}}},
			{ID: "closed", Text: "The bridge is closed.",
				Appearances: []claims.Appearance{{Source: "wire"}, {Source: "paper"}}},
		},
		Relations: []claims.Relation{{From: "open", To: "closed", Kind: claims.Contradicts}},
	}
	if err := g.Apply(b); err != nil {
		fmt.Println(err)
		return
	}
	for _, at := range []claims.Date{{}, claims.MustDate(2025, 0, 0)} {
		r, err := verdict.Compute(g.At(at), verdict.Options{})
		if err != nil {
			fmt.Println(err)
			return
		}
		for _, v := range r.Verdicts {
			fmt.Printf("%q %s: %s %s (%d/5) %.3f", at.String(), v.Claim, v.Label, v.Rating.Name, v.Rating.Value, v.Strength)
			if !v.Since.IsZero() {
				fmt.Printf(" since %s", v.Since)
			}
			for _, why := range v.Reasons {
				fmt.Printf("; %s %s %v", why.Kind, why.Claim, why.Sources)
			}
			fmt.Println()
		}
	}
	// Output:
	// "" open: rejected False (1/5) 0.125; defeated-by closed [wire paper]
	// "" closed: accepted True (5/5) 0.750; weaker open [blog]
	// "2025" open: not-holding Outdated (0/5) 0.000 since 2024-01-01
	// "2025" closed: accepted True (5/5) 0.750
}

// A Tracker follows a graph as it changes: a second report of the
// closure lends its origin to the claim it supports, which now defeats
// the claim that the bridge is open; only the claims the change reaches
// are weighed and labelled again.
func ExampleTracker() {
	g := graph.New()
	b := graph.Batch{
		Sources: []sources.Source{
			{ID: "wire", Title: "Wire report", Kind: sources.NewsArticle},
			{ID: "blog", Title: "Blog post", Kind: sources.NewsArticle},
		},
		Claims: []claims.Claim{
			{ID: "open", Text: "The bridge is open.", Appearances: []claims.Appearance{{Source: "blog"}}},
			{ID: "closed", Text: "The bridge is closed.", Appearances: []claims.Appearance{{Source: "wire"}}},
			{ID: "other", Text: "The ferry runs.", Appearances: []claims.Appearance{{Source: "blog"}}},
		},
		Relations: []claims.Relation{{From: "open", To: "closed", Kind: claims.Contradicts}},
	}
	if err := g.Apply(b); err != nil {
		fmt.Println(err)
		return
	}
	t, err := verdict.Track(g, verdict.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	show := func() {
		for _, id := range []string{"open", "closed"} {
			v, _ := t.Verdict(id)
			fmt.Printf("%s: %s, evidence %g\n", id, v.Label, v.Evidence)
		}
	}
	show()

	change := graph.Batch{
		Sources:   []sources.Source{{ID: "paper", Title: "Newspaper", Kind: sources.NewsArticle}},
		Claims:    []claims.Claim{{ID: "shut", Text: "The bridge was shut.", Appearances: []claims.Appearance{{Source: "paper"}}}},
		Relations: []claims.Relation{{From: "shut", To: "closed", Kind: claims.Supports}},
	}
	if err := g.Apply(change); err != nil {
		fmt.Println(err)
		return
	}
	st, err := t.Update(change)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("weighed %d claims again, labelled %d of %d\n", st.Evidence, st.Verdicts, len(t.Result().Verdicts))
	show()
	// Output:
	// open: undecided, evidence 1
	// closed: undecided, evidence 1
	// weighed 2 claims again, labelled 3 of 4
	// open: rejected, evidence 1
	// closed: accepted, evidence 2
}
