package queue_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/claimreview"
	"github.com/claimgraph/claimgraph/graph/evidence"
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

// items returns the queue of g.
func items(t *testing.T, g *graph.Graph) []queue.Item {
	t.Helper()
	q, _ := itemsAnd(t, g)
	return q
}

// itemsAnd returns the queue of g and the verdicts it was made from.
func itemsAnd(t *testing.T, g *graph.Graph) ([]queue.Item, *verdict.Result) {
	t.Helper()
	r, err := verdict.Compute(g.View, verdict.Options{})
	if err != nil {
		t.Fatal(err)
	}
	q, err := queue.Items(g.View, r)
	if err != nil {
		t.Fatal(err)
	}
	return q, r
}

func TestQueue(t *testing.T) {
	g, err := graph.ReadYAML(strings.NewReader(deskYAML), "desk.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// A review that matches the evidence and the verdict: a is not due.
	digest, _ := evidence.Digest(g.View, "a")
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

func load(t *testing.T, yaml string) *graph.Graph {
	t.Helper()
	g, err := graph.ReadYAML(strings.NewReader(yaml), "q.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func claimsOf(q []queue.Item) []string {
	var ids []string
	for _, it := range q {
		ids = append(ids, it.Claim)
	}
	return ids
}

// TestQueueOpenFirst: x is contradicted by three claims from one source,
// all rejected, so the evidence settled it; y and z, which it leaves
// open, come first.
func TestQueueOpenFirst(t *testing.T) {
	g := load(t, `claimgraph: 1
sources:
  - {id: s1, kind: wire}
  - {id: s2, kind: wire}
  - {id: s3, kind: wire}
  - {id: s4, kind: wire}
  - {id: s5, kind: wire}
  - {id: s6, kind: wire}
claims:
  - {id: x, text: X., appearances: [{source: s1}, {source: s2}, {source: s3}]}
  - {id: j1, text: J1., appearances: [{source: s4}]}
  - {id: j2, text: J2., appearances: [{source: s4}]}
  - {id: j3, text: J3., appearances: [{source: s4}]}
  - {id: y, text: Y., appearances: [{source: s5}]}
  - {id: z, text: Z., appearances: [{source: s6}]}
relations:
  - {from: j1, to: x, kind: contradicts}
  - {from: j2, to: x, kind: contradicts}
  - {from: j3, to: x, kind: contradicts}
  - {from: y, to: z, kind: contradicts}
`)
	q := items(t, g)
	if got := strings.Join(claimsOf(q), " "); got != "y z x j1 j2 j3" {
		t.Errorf("queue %s, want y z (open) before x j1 j2 j3 (settled)", got)
	}
	if !strings.Contains(q[0].Reasons[0], "left open by the evidence") || !strings.Contains(q[2].Reasons[0], "settled by the evidence (accepted)") {
		t.Errorf("reasons %q and %q", q[0].Reasons, q[2].Reasons)
	}
	if q[2].Open != 0 || q[0].Open != 1 {
		t.Errorf("open contradictions: x %d, y %d; want 0 and 1", q[2].Open, q[0].Open)
	}
	for _, it := range q {
		if d, _ := evidence.Digest(g.View, it.Claim); it.Evidence != d || d == "" {
			t.Errorf("%s: evidence %q, want the digest %q", it.Claim, it.Evidence, d)
		}
	}
}

// TestQueueResolvedByTime: a contradiction between claims that never
// hold together is resolved by time, which the undated verdicts do not
// weigh: its claims come after those open, and say so.
func TestQueueResolvedByTime(t *testing.T) {
	g := load(t, `claimgraph: 1
sources:
  - {id: s1, kind: wire}
  - {id: s2, kind: wire}
claims:
  - {id: old, text: Old., appearances: [{source: s1}], valid_until: 2024-06-19}
  - {id: new, text: New., appearances: [{source: s2}], valid_from: 2024-06-19}
  - {id: y, text: Y., appearances: [{source: s1}]}
  - {id: z, text: Z., appearances: [{source: s2}]}
relations:
  - {from: old, to: new, kind: contradicts}
  - {from: y, to: z, kind: contradicts}
`)
	q := items(t, g)
	if got := strings.Join(claimsOf(q), " "); got != "y z old new" {
		t.Errorf("queue %s, want y z, then old new", got)
	}
	if it := q[2]; !it.ResolvedByTime || !strings.Contains(it.Reasons[0], "resolved by time") {
		t.Errorf("old: %+v, want resolved by time", it)
	}
}

// TestQueueNotLive: claims whose only contradictions are not live — the
// claims never hold together, or (lapse.yaml) they hold together but the
// relation lapsed — are not contested, as claimreview.Select agrees, and
// their reasons say which (red team 5, finding 8c).
func TestQueueNotLive(t *testing.T) {
	g := load(t, `claimgraph: 1
sources:
  - {id: s1, kind: wire}
  - {id: s2, kind: wire}
  - {id: s3, kind: wire}
claims:
  - {id: a, text: A., valid_from: 2020, valid_until: 2022, appearances: [{source: s1}, {source: s2}]}
  - {id: b, text: B., valid_from: 2020, valid_until: 2022, appearances: [{source: s3}]}
  - {id: old, text: Old., appearances: [{source: s1}], valid_until: 2020}
  - {id: y, text: Y., appearances: [{source: s1}]}
  - {id: z, text: Z., appearances: [{source: s2}]}
relations:
  - {from: a, to: b, kind: contradicts, valid_from: 2023}
  - {from: old, to: b, kind: contradicts}
  - {from: y, to: z, kind: contradicts}
`)
	q, r := itemsAnd(t, g)
	sel, err := claimreview.Select(g.View, claimreview.FromVerdicts(g.View, r), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{ // claim -> words its reason must hold
		"a":   "1 claim, none live: relation lapsed",
		"b":   "2 claims, none live: 1 relation lapsed (not valid while both hold), 1 resolved by time",
		"old": "1 claim, none live: resolved by time (never both holding)",
	}
	for _, it := range q {
		_, selected := sel[it.Claim]
		if it.Contested != selected {
			t.Errorf("%s: contested %v, claimreview.Select %v", it.Claim, it.Contested, selected)
		}
		if w, ok := want[it.Claim]; ok && (!it.ResolvedByTime || !strings.Contains(it.Reasons[0], w)) {
			t.Errorf("%s: %+v, want not live, the reason saying %q", it.Claim, it, w)
		}
	}
	if got := strings.Join(claimsOf(q), " "); got != "y z a b old" {
		t.Errorf("queue %s, want y z (live) first", got)
	}
}

// TestQueueScale: a published rating is compared with the suggestion by
// value (Mixed and Unproven are both 3); one on a desk's own scale is
// not compared, and comes last, saying so.
func TestQueueScale(t *testing.T) {
	g := load(t, `claimgraph: 1
sources:
  - {id: s1, kind: wire}
claims:
  - {id: same, text: S., appearances: [{source: s1}], review: {status: published, rating: MIXED}}
  - {id: own, text: O., appearances: [{source: s1}], review: {status: published, rating: Pants on Fire}}
  - {id: off, text: F., appearances: [{source: s1}], review: {status: published, rating: Mostly true}}
`)
	q := items(t, g)
	if got := strings.Join(claimsOf(q), " "); got != "off own" {
		t.Fatalf("queue %s, want off (disagrees) then own (unknown scale)", got)
	}
	if !q[0].Disagrees || q[1].Disagrees || !q[1].UnknownScale || !strings.Contains(q[1].Reasons[0], "no scale the verdicts know") {
		t.Errorf("queue %+v", q)
	}
}

// TestQueueUnknownScaleNotLive: a rating on a desk's own scale whose only
// contradiction time resolves has nothing else to look at, so it comes
// after the unreviewed claims whose contradictions are not live either,
// though it comes first in the file.
func TestQueueUnknownScaleNotLive(t *testing.T) {
	g := load(t, `claimgraph: 1
sources:
  - {id: s1, kind: wire}
  - {id: s2, kind: wire}
claims:
  - {id: u, text: U., valid_until: 2020, appearances: [{source: s1}], review: {status: published, rating: Pants on Fire}}
  - {id: v, text: V., valid_from: 2021, appearances: [{source: s2}]}
  - {id: w, text: W., valid_until: 2020, appearances: [{source: s2}]}
  - {id: x, text: X., valid_from: 2021, appearances: [{source: s1}]}
relations:
  - {from: u, to: v, kind: contradicts}
  - {from: w, to: x, kind: contradicts}
`)
	q := items(t, g)
	if got := strings.Join(claimsOf(q), " "); got != "v w x u" {
		t.Errorf("queue %s, want the rating on an unknown scale (u) last", got)
	}
}

// TestQueueRejectedOpponentNotOpen: x and y contradict each other and
// are each rejected by a stronger claim (w, z). A rejected opponent
// contests nothing, so neither counts the other as open, and all four
// are settled, none "not settled" (red team 6, finding 8f).
func TestQueueRejectedOpponentNotOpen(t *testing.T) {
	g := load(t, `claimgraph: 1
sources:
  - {id: s1, kind: wire}
  - {id: s2, kind: wire}
  - {id: s3, kind: wire}
  - {id: s4, kind: wire}
  - {id: s5, kind: wire}
  - {id: s6, kind: wire}
claims:
  - {id: x, text: X., appearances: [{source: s1}]}
  - {id: y, text: Y., appearances: [{source: s2}]}
  - {id: z, text: Z., appearances: [{source: s3}, {source: s4}]}
  - {id: w, text: W., appearances: [{source: s5}, {source: s6}]}
relations:
  - {from: x, to: y, kind: contradicts}
  - {from: z, to: y, kind: contradicts}
  - {from: w, to: x, kind: contradicts}
`)
	q := items(t, g)
	if len(q) != 4 {
		t.Fatalf("queue %v, want 4 claims", claimsOf(q))
	}
	for _, it := range q {
		if it.Open != 0 {
			t.Errorf("%s: open %d, want 0 (every live contradiction is settled)", it.Claim, it.Open)
		}
		if len(it.Reasons) != 1 || !strings.Contains(it.Reasons[0], "settled by the evidence") {
			t.Errorf("%s: reasons %q, want settled by the evidence", it.Claim, it.Reasons)
		}
	}
}

// TestQueueDigestUndated: x's review recorded its digest over all time;
// y contradicts it from 2023. Queued as of 2021, the review is not read
// as moved, and the digest offered is the undated one, which the undated
// queue accepts (red team 6, finding 6c). A derivation declared since
// between two of x's sources moves it (finding 6a).
func TestQueueDigestUndated(t *testing.T) {
	const text = `claimgraph: 1
sources:
  - {id: s1, kind: news-article}
  - {id: s2, kind: news-article}
  - {id: s3, kind: news-article}
claims:
  - id: x
    text: X holds.
    valid_from: 2020
    review: {status: published, rating: Unproven, evidence: DIGEST}
    appearances: [{source: s1}, {source: s2}]
  - {id: y, text: Y holds., valid_from: 2023, appearances: [{source: s3}]}
relations:
  - {from: y, to: x, kind: contradicts}
`
	// DIGEST stands for x's digest, which a file must give in its form.
	digest, err := evidence.Digest(load(t, strings.Replace(text, "DIGEST", "v2:0a0s0c0o:000000000000", 1)).View, "x")
	if err != nil {
		t.Fatal(err)
	}
	g := load(t, strings.Replace(text, "DIGEST", digest, 1))
	at, _ := claims.ParseDate("2021")
	for _, v := range []graph.View{g.View, g.At(at)} {
		r, err := verdict.Compute(v, verdict.Options{})
		if err != nil {
			t.Fatal(err)
		}
		q, err := queue.Items(v, r)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range q {
			if it.EvidenceChanged {
				t.Errorf("at %q: %s: %q, want the evidence unmoved", v.Date(), it.Claim, it.Reasons)
			}
			if d, _ := evidence.Digest(g.View, it.Claim); it.Evidence != d {
				t.Errorf("at %q: %s offers %s, want the undated %s", v.Date(), it.Claim, it.Evidence, d)
			}
		}
	}
	copied := load(t, strings.Replace(strings.Replace(text, "DIGEST", digest, 1),
		"{id: s2, kind: news-article}", "{id: s2, kind: news-article, derived_from: [{source: s1, kind: republishes}]}", 1))
	q := items(t, copied)
	if len(q) == 0 || q[0].Claim != "x" || !q[0].EvidenceChanged || !strings.Contains(strings.Join(q[0].Reasons, "; "), "origins 2 → 1") {
		t.Errorf("after s2 republishes s1: queue %+v, want x first, its evidence moved: origins 2 → 1", q)
	}
}

// TestMovedCountsApartFromVerdicts: a review of e records one origin; a
// supporter a comes, which the verdicts reject (c defeats it), so that
// it lends nothing. The digest, which does not move with the verdicts,
// counts a's origin: the reason said "origins 1 → 2" where the verdicts
// weigh e's evidence 1. It now says what the digest counts and what the
// verdicts weigh; a supporter that lends leaves the reason as it was.
func TestMovedCountsApartFromVerdicts(t *testing.T) {
	const base = `claimgraph: 1
sources:
  - {id: s1, kind: news-article}
  - {id: s3, kind: news-article}
  - {id: s4, kind: news-article}
  - {id: s7, kind: news-article}
claims:
  - {id: a, text: A., appearances: [{source: s1}]}
  - {id: c, text: C., appearances: [{source: s3}, {source: s4}]}
  - {id: e, text: E., appearances: [{source: s7}], review: {status: published, rating: Unproven, date: 2025-02-01, evidence: "v2:1a0s0c1o:717e1d357630"}}
relations:
  - {from: a, to: e, kind: supports}
`
	for _, tt := range []struct {
		name, rel, want string
	}{
		{"rejected supporter", "  - {from: c, to: a, kind: contradicts}\n",
			"evidence changed since the review: supporters 0 → 1, origins 1 → 2 (counting every supporter, at any date; the verdicts weigh 1)"},
		{"lending supporter", "",
			"evidence changed since the review: supporters 0 → 1, origins 1 → 2"},
	} {
		q := items(t, load(t, base+tt.rel))
		var got []string
		for _, it := range q {
			if it.Claim == "e" {
				got = it.Reasons
			}
		}
		if !slices.Contains(got, tt.want) {
			t.Errorf("%s: e's reasons %q; want %q", tt.name, got, tt.want)
		}
	}
}
