package diff_test

import (
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/diff"
)

// withoutTreaty returns the seed graph and a copy without the treaty
// claim and its relations.
func withoutTreaty(t *testing.T) (*graph.Graph, *graph.Graph) {
	t.Helper()
	old, err := graph.Load("../../testdata/kim-putin.yaml")
	if err != nil {
		t.Fatal(err)
	}
	new, err := graph.Load("../../testdata/kim-putin.yaml")
	if err != nil {
		t.Fatal(err)
	}
	const treaty = "russia-dprk-defence-treaty-2024"
	rels, err := new.RelationsOf(treaty)
	if err != nil {
		t.Fatal(err)
	}
	if err := new.Apply(graph.Batch{Remove: []string{treaty}, RemoveRelations: rels}); err != nil {
		t.Fatal(err)
	}
	return old, new
}

func TestSeedTreatyRemoved(t *testing.T) {
	old, new := withoutTreaty(t)
	r, err := diff.Compare(old, new, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, v := range r.Verdicts {
		t.Log(v.Reason)
		if v.Claim == "china-only-defence-pact" {
			found = true
			// Without the treaty, only-two-defence-treaty-partners still
			// contradicts it with as many origins: neither wins.
			want := "china-only-defence-pact: rejected → undecided: russia-dprk-defence-treaty-2024 removed, 1 independent origin"
			if v.Reason != want {
				t.Errorf("reason\n%s\nwant\n%s", v.Reason, want)
			}
		}
	}
	if !found {
		t.Error("china-only-defence-pact is not among the verdict changes")
	}
}
