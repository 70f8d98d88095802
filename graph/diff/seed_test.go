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
	sale    = "weapons-sale-on-agenda"   // the US officials' claim, two origins
	peskov  = "talks-not-against-anyone" // Peskov's, one origin, which it contradicts
)

// TestSeedTreatyRemoved removes claims from the seed and checks the
// verdict change of another claim, and its reason. The "only pact" claim
// holds until the treaty and only-two-defence-treaty-partners: time
// resolves its contradictions, so removing them changes nothing for it.
// Peskov's claim is defeated by a claim that holds on the same day:
// removing that one accepts it.
func TestSeedTreatyRemoved(t *testing.T) {
	for _, tc := range []struct {
		remove []string
		claim  string
		want   string // the reason of its change; "" for none
	}{
		{[]string{treaty}, pact, ""},
		{[]string{treaty, onlyTwo}, pact, ""},
		{[]string{sale}, peskov, peskov + ": rejected → accepted: " + sale + " removed; nothing contradicts it; 1 independent origin (1 own)"},
		{[]string{treaty, sale}, peskov, peskov + ": rejected → accepted: " + sale + " removed; nothing contradicts it; 1 independent origin (1 own)"},
	} {
		old, new := without(t, tc.remove...)
		r, err := diff.Compare(old, new, diff.Options{})
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, v := range r.Verdicts {
			if v.Claim == tc.claim {
				got = v.Reason
			}
		}
		if got != tc.want {
			t.Errorf("without %v, the change of %s:\n%q\nwant\n%q", tc.remove, tc.claim, got, tc.want)
		}
		if len(r.Verdicts) != len(tc.remove)+min(len(tc.want), 1) {
			t.Errorf("without %v: %d verdicts changed, want the %d removed and %d more", tc.remove, len(r.Verdicts), len(tc.remove), min(len(tc.want), 1))
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
