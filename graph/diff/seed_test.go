package diff_test

import (
	"regexp"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/diff"
	"github.com/claimgraph/claimgraph/graph/verdict"
)

// without returns the seed graph and a copy without claims ids and
// their relations.
func without(t *testing.T, ids ...string) (*graph.Graph, *graph.Graph) {
	t.Helper()
	old, err := graph.Load("../../testdata/kim-putin.yaml")
	if err != nil {
		t.Fatal(err)
	}
	new, err := graph.Load("../../testdata/kim-putin.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var b graph.Batch
	seen := map[string]bool{}
	for _, id := range ids {
		rels, err := new.RelationsOf(id)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rels {
			if k := r.From + " " + r.Kind.String() + " " + r.To; !seen[k] {
				seen[k] = true
				b.RemoveRelations = append(b.RemoveRelations, r)
			}
		}
	}
	b.Remove = ids
	if err := new.Apply(b); err != nil {
		t.Fatal(err)
	}
	return old, new
}

const (
	treaty  = "russia-dprk-defence-treaty-2024"
	onlyTwo = "only-two-defence-treaty-partners" // the same article's other statement of the treaty
	pact    = "china-only-defence-pact"
)

// TestSeedTreatyRemoved removes the treaty claim, then also the other
// statement of the treaty's existence, and checks the "only pact"
// claim's verdict change and its reason in each case.
func TestSeedTreatyRemoved(t *testing.T) {
	for _, tc := range []struct {
		remove []string
		want   string
	}{
		// only-two-defence-treaty-partners still contradicts it with as
		// many origins: neither wins.
		{[]string{treaty}, pact + ": rejected → undecided: " + treaty + " removed; left open by " + onlyTwo +
			", which contradicts it with as much evidence; 1 independent origin (1 own)"},
		{[]string{treaty, onlyTwo}, pact + ": rejected → accepted: " + treaty + " removed, " + onlyTwo +
			" removed; nothing contradicts it; 1 independent origin (1 own)"},
	} {
		old, new := without(t, tc.remove...)
		r, err := diff.Compare(old, new, diff.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var found bool
		for _, v := range r.Verdicts {
			if v.Claim == pact {
				found = true
				if v.Reason != tc.want {
					t.Errorf("without %v, reason\n%s\nwant\n%s", tc.remove, v.Reason, tc.want)
				}
			}
		}
		if !found {
			t.Errorf("without %v, %s is not among the verdict changes", tc.remove, pact)
		}
		signable(t, r, new)
	}
}

// signable checks that no reason of r names a claim the new graph
// rejects: every claim named is either gone from it or not rejected.
func signable(t *testing.T, r *diff.Report, new *graph.Graph) {
	t.Helper()
	res, err := verdict.Compute(new.Snapshot(), verdict.Options{})
	if err != nil {
		t.Fatal(err)
	}
	word := regexp.MustCompile(`[a-z0-9]+(-[a-z0-9]+)+`)
	for _, ch := range r.Verdicts {
		for _, id := range word.FindAllString(ch.Reason, -1) {
			if v, ok := res.Verdict(id); ok && v.Label == verdict.Rejected && id != ch.Claim {
				t.Errorf("reason names %s, which the new graph rejects: %s", id, ch.Reason)
			}
		}
	}
}
