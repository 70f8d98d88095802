package match_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/match"
)

const seedPath = "../../testdata/kim-putin.yaml"

func TestSeedSuggestions(t *testing.T) {
	g, err := graph.Load(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	got, st := match.Find(g.View, match.Options{Top: 10})
	if testing.Verbose() {
		t.Logf("%+v", st)
		for _, s := range got {
			t.Logf("%.2f %s %s %s %q", s.Score, s.Kind, s.A, s.B, s.Reasons)
		}
	}
	i := slices.IndexFunc(got, func(s match.Suggestion) bool {
		return s.A == "china-only-defence-pact" && s.B == "dprk-only-china-defence-pact"
	})
	if i < 0 || i >= 5 {
		t.Fatalf("the two only-pact claims are not among the top 5 suggestions: at %d of %v", i, ids(got))
	}
	if len(got[i].Reasons) < 2 {
		t.Errorf("suggestion %+v gives fewer than two reasons", got[i])
	}

	// Once a person records that they are distinct, the pair is not
	// suggested again.
	if err := g.Apply(match.Decide([]match.Decision{{A: "dprk-only-china-defence-pact", B: "china-only-defence-pact", Kind: claims.DistinctFrom, By: "desk"}})); err != nil {
		t.Fatal(err)
	}
	again, st2 := match.Find(g.View, match.Options{})
	for _, s := range again {
		if s.A == "china-only-defence-pact" && s.B == "dprk-only-china-defence-pact" {
			t.Fatalf("pair suggested again after distinct_from: %+v", s)
		}
	}
	if st2.Decided <= st.Decided {
		t.Errorf("decided candidates %d after the decision, %d before: want more", st2.Decided, st.Decided)
	}
}

func ids(ss []match.Suggestion) []string {
	var out []string
	for _, s := range ss {
		out = append(out, fmt.Sprintf("%s~%s", s.A, s.B))
	}
	return out
}
