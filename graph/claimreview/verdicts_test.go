package claimreview_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/claimreview"
	"github.com/claimgraph/claimgraph/graph/internal/childtest"
	"github.com/claimgraph/claimgraph/graph/verdict"
	"github.com/claimgraph/claimgraph/sources"
)

// pact is a graph of two contradicting claims, one carried by two
// independent sources and one by a single source, and a third claim
// that stopped holding in 2024.
func pact() *graph.Graph {
	g := graph.New()
	err := g.Apply(graph.Batch{
		Sources: []sources.Source{
			{ID: "agency", Kind: sources.NewsArticle, Published: claims.MustDate(2024, 6, 19)},
			{ID: "paper", Kind: sources.NewsArticle, Published: claims.MustDate(2024, 6, 20)},
			{ID: "post", Kind: sources.SocialPost, Published: claims.MustDate(2025, 9, 3)},
		},
		Claims: []claims.Claim{
			{ID: "treaty", Text: "Russia and North Korea signed a defence treaty.",
				Appearances: []claims.Appearance{{Source: "agency"}, {Source: "paper"}}},
			{ID: "only-china", Text: "North Korea's only defence pact is with China.",
				Appearances: []claims.Appearance{{Source: "post"}}},
			{ID: "old", Text: "North Korea has no defence pact with Russia.",
				Appearances: []claims.Appearance{{Source: "agency"}},
				Validity:    claims.Validity{Until: claims.MustDate(2024, 6, 19)}},
		},
		Relations: []claims.Relation{{From: "treaty", To: "only-china", Kind: claims.Contradicts}},
	})
	if err != nil {
		panic(err)
	}
	return g
}

func TestFromVerdicts(t *testing.T) {
	g := pact()
	// Each verdict is dated by its newest evidence: its own appearances
	// and those of the claim on the other side of the contradiction,
	// leaving out, as of 2025-01-01, the post of 2025-09-03.
	dates := map[string]claims.Date{
		"treaty": claims.MustDate(2025, 9, 3), "only-china": claims.MustDate(2025, 9, 3), "old": claims.MustDate(2024, 6, 19),
		"2025-01-01 treaty": claims.MustDate(2024, 6, 20), "2025-01-01 only-china": claims.MustDate(2024, 6, 20),
	}
	for _, v := range []graph.View{g.View, g.At(claims.MustDate(2025, 1, 1))} {
		r, err := verdict.Compute(v, verdict.Options{})
		if err != nil {
			t.Fatal(err)
		}
		m := claimreview.FromVerdicts(v, r)
		rated := 0
		for _, vd := range r.Verdicts {
			got, ok := m[vd.Claim]
			if vd.Rating.Value == 0 {
				if ok {
					t.Errorf("%s at %v: off the scale but rated %+v", vd.Claim, v.Date(), got)
				}
				continue
			}
			rated++
			key := vd.Claim
			if !v.Date().IsZero() {
				key = v.Date().String() + " " + key
			}
			want := claimreview.Verdict{Name: vd.Rating.Name, Value: vd.Rating.Value, AlternateName: vd.Rating.Name, Date: dates[key]}
			if got != want {
				t.Errorf("%s at %v: %+v, want %+v", vd.Claim, v.Date(), got, want)
			}
		}
		if len(m) != rated {
			t.Errorf("at %v: %d verdicts for %d rated claims", v.Date(), len(m), rated)
		}
	}
	// The dated view leaves "old" off the scale: the case above is run.
	r, _ := verdict.Compute(g.At(claims.MustDate(2025, 1, 1)), verdict.Options{})
	if vd, ok := r.Verdict("old"); !ok || vd.Rating.Value != 0 {
		t.Fatalf("old as of 2025: %+v, want a verdict off the scale", vd)
	}
}

// FromVerdicts turns the verdicts computed over a graph into the ratings
// of its ClaimReview markup, ready for [claimreview.Write]. "old" has one
// independent origin and nothing against it: Unproven. As of 2025 the
// claim "old" no longer holds: off the rating scale, it gets no review.
func ExampleFromVerdicts() {
	g := pact()
	for _, v := range []graph.View{g.View, g.At(claims.MustDate(2025, 1, 1))} {
		r, err := verdict.Compute(v, verdict.Options{})
		if err != nil {
			panic(err)
		}
		m := claimreview.FromVerdicts(v, r)
		ids := make([]string, 0, len(m))
		for id := range m {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		fmt.Printf("as of %q:", v.Date())
		for _, id := range ids {
			fmt.Printf(" %s %d (%s);", id, m[id].Value, m[id].Name)
		}
		fmt.Println()
	}
	// Output:
	// as of "": old 3 (Unproven); only-china 1 (False); treaty 5 (True);
	// as of "2025-01-01": only-china 1 (False); treaty 5 (True);
}

// TestFromVerdictsHub: the verdicts of k claims that contradict one claim
// of 2,000 appearances read its appearances about once, not once per
// verdict: FromVerdicts allocates little more than one copy of them.
// Each verdict read them again, O(k × m); export --format jsonld on a
// claim in 6,000 sources that 6,000 claims contradict took 6 s.
func TestFromVerdictsHub(t *testing.T) {
	const m, k = 2000, 200
	var b graph.Batch
	h := claims.Claim{ID: "h", Text: "H."}
	for i := range m {
		id := fmt.Sprint("s", i)
		b.Sources = append(b.Sources, sources.Source{ID: id, Kind: sources.NewsArticle, Published: claims.MustDate(2024, 1, 1+i%28)})
		h.Appearances = append(h.Appearances, claims.Appearance{Source: id})
	}
	b.Claims = append(b.Claims, h)
	for i := range k {
		id := fmt.Sprint("l", i)
		b.Sources = append(b.Sources, sources.Source{ID: "t" + id, Kind: sources.NewsArticle})
		b.Claims = append(b.Claims, claims.Claim{ID: id, Text: "L.", Appearances: []claims.Appearance{{Source: "t" + id}}})
		b.Relations = append(b.Relations, claims.Relation{From: id, To: "h", Kind: claims.Contradicts})
	}
	g := graph.New()
	if err := g.Apply(b); err != nil {
		t.Fatal(err)
	}
	r, err := verdict.Compute(g.View, verdict.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]claimreview.Verdict
	bytes := childtest.Allocated(func() { got = claimreview.FromVerdicts(g.View, r) })
	one := childtest.Allocated(func() { g.Claim("h") })
	if want := claims.MustDate(2024, 1, 28); len(got) != k+1 || got["l0"].Date != want {
		t.Fatalf("%d verdicts, l0's %+v; want %d, dated %v by h's evidence", len(got), got["l0"], k+1, want)
	}
	if bytes > 4*one {
		t.Errorf("FromVerdicts allocates %d bytes for %d verdicts against h; one copy of h takes %d", bytes, k, one)
	}
}
