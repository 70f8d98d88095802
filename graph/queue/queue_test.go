package queue_test

import (
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/queue"
	"github.com/claimgraph/claimgraph/graph/verdict"
)

const deskYAML = `claimgraph: 1
sources:
  - {id: s1, kind: news-article}
  - {id: s2, kind: video}
claims:
  - {id: a, text: A., appearances: [{source: s1}, {source: s2}]}
  - {id: c, text: C., appearances: [{source: s1}]}
  - {id: d, text: D., appearances: [{source: s2}]}
relations:
  - {from: c, to: d, kind: contradicts}
`

func items(t *testing.T, g *graph.Graph) []queue.Item {
	t.Helper()
	r, err := verdict.Compute(g.View, verdict.Options{})
	if err != nil {
		t.Fatal(err)
	}
	q, err := queue.Items(g.View, r)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

func TestQueue(t *testing.T) {
	g, err := graph.ReadYAML(strings.NewReader(deskYAML), "desk.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// A review that matches the evidence and the verdict: a is not due.
	digest, _ := g.Evidence("a")
	r, _ := verdict.Compute(g.View, verdict.Options{})
	vd, _ := r.Verdict("a")
	a, _ := g.Claim("a")
	a.Review = &claims.Review{Status: claims.Published, Rating: vd.Rating.Name, Evidence: digest}
	if err := g.Apply(graph.Batch{Remove: []string{"a"}, Claims: []claims.Claim{a}}); err != nil {
		t.Fatal(err)
	}
	q := items(t, g)
	if len(q) != 2 || q[0].Claim != "c" || q[1].Claim != "d" || !q[0].Contested {
		t.Fatalf("queue %+v, want c and d, contested", q)
	}
	// A new contradiction of a moves its evidence and its verdict: a comes
	// first, with both reasons.
	if err := g.Apply(graph.Batch{
		Claims:    []claims.Claim{{ID: "e", Text: "E.", Appearances: []claims.Appearance{{Source: "s1"}, {Source: "s2"}}}},
		Relations: []claims.Relation{{From: "e", To: "a", Kind: claims.Contradicts}},
	}); err != nil {
		t.Fatal(err)
	}
	q = items(t, g)
	if q[0].Claim != "a" || !q[0].EvidenceChanged || !q[0].Disagrees {
		t.Fatalf("first of the queue %+v, want a with moved evidence and a disagreeing verdict", q[0])
	}
	if got := strings.Join(q[0].Reasons, "; "); !strings.Contains(got, "contradictions 0 → 1") {
		t.Errorf("reasons %q do not say a contradiction came", got)
	}
}
