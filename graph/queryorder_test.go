package graph_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/sources"
)

// queryLists returns, for every ID of g, what the query helpers that
// list items say of it, in their order.
func queryLists(g *graph.Graph) string {
	var b strings.Builder
	var ids []string
	for e := range g.Entities() {
		ids = append(ids, e.ID)
	}
	for s := range g.Sources() {
		ids = append(ids, s.ID)
	}
	for c := range g.Claims() {
		ids = append(ids, c.ID)
	}
	claimIDs := func(cs []claims.Claim, _ error) (out []string) {
		for _, c := range cs {
			out = append(out, c.ID)
		}
		return out
	}
	rels := func(rs []claims.Relation, _ error) (out []string) {
		for _, r := range rs {
			out = append(out, r.From+" "+r.Kind.String()+" "+r.To)
		}
		return out
	}
	for _, id := range ids {
		fmt.Fprintf(&b, "%s: about %v, by %v, in %v", id, claimIDs(g.ClaimsAbout(id)), claimIDs(g.ClaimsBy(id)), claimIDs(g.ClaimsIn(id)))
		ds, _ := g.DerivedBy(id)
		for _, s := range ds {
			fmt.Fprintf(&b, " derived by %s", s.ID)
		}
		fmt.Fprintf(&b, ", supporters %v, supported %v, contradictions %v\n", rels(g.Supporters(id)), rels(g.Supported(id)), rels(g.Contradictions(id)))
	}
	return b.String()
}

// TestQueryOrderAfterEdits: the helpers that list the claims about an
// entity, by a speaker or in a source, the sources deriving from one
// and a claim's relations list them in the order of the graph's tables,
// which a replacement or a merge keeps (Claims, Relations and a saved
// file give a replaced item its old place). They listed them in the
// order their links were made: a claim replaced, or one a merge gave a
// link, came last, so that a graph changed by Apply answered in another
// order than the same graph saved and read back, and its problems were
// listed in another order too.
func TestQueryOrderAfterEdits(t *testing.T) {
	g, err := graph.ReadYAML(strings.NewReader(`claimgraph: 1
entities:
  - {id: k, name: K, kind: person}
  - {id: k2, name: K2, kind: person}
sources:
  - {id: s1, kind: news-article}
  - {id: s2, kind: news-article, derived_from: [{source: s1, kind: quotes}]}
  - {id: s3, kind: news-article, derived_from: [{source: s1, kind: cites}]}
  - {id: s4, kind: news-article}
claims:
  - {id: a, text: A., about: [k], appearances: [{source: s1, speaker: k}]}
  - {id: b, text: B., about: [k], appearances: [{source: s1, speaker: k}]}
  - {id: c, text: C., about: [k2], appearances: [{source: s4, speaker: k2}]}
  - {id: d, text: D., about: [k], appearances: [{source: s1}]}
  - {id: z, text: Z.}
relations:
  - {from: a, to: z, kind: supports}
  - {from: c, to: z, kind: supports}
  - {from: b, to: z, kind: supports}
  - {from: a, to: d, kind: contradicts}
  - {from: b, to: d, kind: contradicts}
`), "g.yaml")
	if err != nil {
		t.Fatal(err)
	}
	replaced := claims.Claim{ID: "a", Text: "A again.", About: []string{"k"}, Appearances: []claims.Appearance{{Source: "s1", Speaker: "k"}}}
	for _, b := range []graph.Batch{
		{Remove: []string{"a"}, Claims: []claims.Claim{replaced}},
		{Remove: []string{"s2"}, Sources: []sources.Source{{ID: "s2", Kind: sources.NewsArticle, DerivedFrom: []sources.Derivation{{Source: "s1", Kind: sources.Quotes}}}}},
		{Merges: []graph.Merge{{Into: "k", From: "k2"}}},
		{Merges: []graph.Merge{{Into: "s1", From: "s4"}}},
		{Merges: []graph.Merge{{Into: "a", From: "c"}}},
	} {
		if err := g.Apply(b); err != nil {
			t.Fatalf("%+v: %v", b, err)
		}
		back, err := graph.ReadJSONL(strings.NewReader(jsonlText(t, g)), "g.jsonl")
		if err != nil {
			t.Fatal(err)
		}
		if got, want := queryLists(g), queryLists(back); got != want {
			t.Errorf("after %+v, the graph answers\n%s\nand saved and read back\n%s", b, got, want)
		}
	}
}
