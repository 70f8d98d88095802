package borrow_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/internal/borrow"
	"github.com/claimgraph/claimgraph/sources"
)

// TestClaims checks that the claims read as stored are those
// graph.View.Claims copies, in its order, on the whole graph and on a
// dated view that hides some, and more than one chunk of them.
func TestClaims(t *testing.T) {
	var b graph.Batch
	b.Sources = []sources.Source{{ID: "s1", Kind: sources.NewsArticle}, {ID: "s2", Kind: sources.NewsArticle}}
	for i := range 600 {
		c := claims.Claim{ID: fmt.Sprintf("c%d", i), Text: "C.", About: []string{}}
		c.Appearances = []claims.Appearance{{Source: "s1"}, {Source: fmt.Sprintf("s%d", 1+i%2), Date: claims.MustDate(2020+i%2, 1, 1)}}
		if i%3 == 0 {
			c.Validity.From = claims.MustDate(2020, 1, 1)
		}
		b.Claims = append(b.Claims, c)
	}
	g := graph.New()
	if err := g.Apply(b); err != nil {
		t.Fatal(err)
	}
	for _, v := range []graph.View{g.View, g.At(claims.MustDate(2010, 1, 1))} {
		want := slices.Collect(v.Claims())
		got := slices.Collect(borrow.Claims(v))
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("shared claims differ from the copies (-want +got):\n%s", diff)
		}
	}
	if all, dated := len(slices.Collect(borrow.Claims(g.View))), len(slices.Collect(borrow.Claims(g.At(claims.MustDate(2010, 1, 1))))); all != 600 || dated != 400 {
		t.Errorf("read %d claims of the graph and %d of the dated view, want 600 and 400", all, dated)
	}
}
