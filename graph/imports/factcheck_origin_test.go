package imports

import (
	"os"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/provenance"
	"github.com/claimgraph/claimgraph/graph/verdict"
)

// TestFactCheckReviewsAreNoCorroboration: a claim reviewed by two
// fact-checkers has one independent origin, the claimant's statement, so
// its verdict is not rated true on the strength of its debunkings (the
// reviews once were separate appearances, two origins and "True").
func TestFactCheckReviewsAreNoCorroboration(t *testing.T) {
	f, err := os.Open("testdata/factcheck.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, _, err := ReadFactCheck(f, "factcheck.json")
	if err != nil {
		t.Fatal(err)
	}
	g := graph.New()
	if err := g.Apply(b); err != nil {
		t.Fatal(err)
	}
	n, err := provenance.Independent(g.View)
	if err != nil {
		t.Fatal(err)
	}
	if n["fc-1"] != 1 {
		t.Errorf("fc-1, reviewed twice, has %d independent origins; want 1, the claimant's statement", n["fc-1"])
	}
	r, err := verdict.Compute(g.View, verdict.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range r.Verdicts {
		if v.Claim == "fc-1" && v.Rating.Value >= 4 {
			t.Errorf("fc-1 is rated %v on its reviews alone", v.Rating)
		}
	}
}
