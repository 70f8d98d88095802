package verdict_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/evidence"
	"github.com/claimgraph/claimgraph/graph/synth"
	"github.com/claimgraph/claimgraph/graph/verdict"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// computeAndTrack returns Compute's result on g, after checking that a
// Tracker gives the same labels, evidence and lent origins.
func computeAndTrack(t *testing.T, g *graph.Graph, opts verdict.Options) *verdict.Result {
	t.Helper()
	r, err := verdict.Compute(g.View, opts)
	if err != nil {
		t.Fatal(err)
	}
	tr, err := verdict.Track(g, opts)
	if err != nil {
		t.Fatal(err)
	}
	got := tr.Result()
	if d := cmp.Diff(r.Verdicts, got.Verdicts, cmpopts.EquateApprox(0, 1e-9)); d != "" {
		t.Errorf("Tracker differs from Compute (-Compute +Tracker):\n%s", d)
	}
	for _, v := range r.Verdicts {
		if d := cmp.Diff(r.Lent(v.Claim), got.Lent(v.Claim), cmpopts.EquateEmpty()); d != "" {
			t.Errorf("lent to %s (-Compute +Tracker):\n%s", v.Claim, d)
		}
	}
	if r.Rounds != got.Rounds || !maps(r.Silent, got.Silent) {
		t.Errorf("rounds %d, silent %v; Tracker %d, %v", r.Rounds, r.Silent, got.Rounds, got.Silent)
	}
	return r
}

func maps(a, b map[string]bool) bool { return cmp.Equal(a, b, cmpopts.EquateEmpty()) }

// TestRejectedLendsNothing: h, with one origin, is defeated by k, with
// three; h supports t, which appears in one social post. The red team
// found t accepted as True with h's origin lent to it. A rejected claim
// lends nothing: t has its own origin alone, and is Unproven.
func TestRejectedLendsNothing(t *testing.T) {
	g := build(t, spec{
		Claims: map[string]int{"h": 1, "k": 3, "t": 1},
		Order:  []string{"h", "k", "t"},
		Rels:   []string{"h-k", "h>t"},
	})
	r := computeAndTrack(t, g, verdict.Options{})
	h, _ := r.Verdict("h")
	tv, _ := r.Verdict("t")
	if h.Label != verdict.Rejected {
		t.Fatalf("h %v, want rejected", h.Label)
	}
	if tv.Label != verdict.Accepted || tv.Evidence != 1 || tv.Lent != 0 || tv.Independent() != 1 {
		t.Errorf("t %v, evidence %v, lent %v; want accepted on its own origin alone", tv.Label, tv.Evidence, r.Lent("t"))
	}
	if tv.Rating.Value >= 4 {
		t.Errorf("t rated %v on one origin", tv.Rating)
	}
	if r.Rounds != 2 || !maps(r.Silent, map[string]bool{"h": true}) {
		t.Errorf("rounds %d, silent %v; want 2 and h", r.Rounds, r.Silent)
	}
	// evidence.Of with the verdicts' silent claims weighs what they did.
	ev, err := evidence.Of(g.View, evidence.Options{Silent: r.Silent})
	if err != nil {
		t.Fatal(err)
	}
	if e, _ := ev.Claim("t"); e.Weight != tv.Evidence {
		t.Errorf("evidence.Of with Silent: t weighs %v, the verdicts %v", e.Weight, tv.Evidence)
	}

	// Nor does a rejected claim hold another open: s, rejected by k,
	// would lend x the origin that ties it with y (2 each, both open);
	// lending nothing, it leaves x rejected by y.
	g = build(t, spec{
		Claims: map[string]int{"s": 1, "k": 2, "x": 1, "y": 2},
		Order:  []string{"s", "k", "x", "y"},
		Rels:   []string{"s-k", "s>x", "x-y"},
	})
	r = computeAndTrack(t, g, verdict.Options{})
	x, _ := r.Verdict("x")
	y, _ := r.Verdict("y")
	if x.Label != verdict.Rejected || y.Label != verdict.Accepted || x.Evidence != 1 {
		t.Errorf("x %v (evidence %v), y %v; want x rejected on its own origin, y accepted", x.Label, x.Evidence, y.Label)
	}
}

// TestCapNeverFlips: top has one origin and 100 supporters of one origin
// each, 101 in all, past evidence.MaxLent; neg, with 70, contradicts it.
// The red team found top rejected, its evidence cut to 65. A capped
// evidence is a lower bound: neg's attack stands, and so does top's, both
// undecided, each verdict saying top's evidence is capped. Against 30,
// the lower bound already wins.
func TestCapNeverFlips(t *testing.T) {
	for _, tc := range []struct {
		neg      int
		top, opp verdict.Label
	}{
		{70, verdict.Undecided, verdict.Undecided},
		{30, verdict.Accepted, verdict.Rejected},
		{evidence.MaxLent + 1, verdict.Undecided, verdict.Undecided},
	} {
		t.Run(fmt.Sprint(tc.neg), func(t *testing.T) {
			s := spec{Claims: map[string]int{"top": 1, "neg": tc.neg}, Order: []string{"top", "neg"}, Rels: []string{"neg-top"}}
			for i := range 100 {
				c := fmt.Sprintf("c%d", i)
				s.Claims[c] = 1
				s.Order = append(s.Order, c)
				s.Rels = append(s.Rels, c+">top")
			}
			r := computeAndTrack(t, build(t, s), verdict.Options{MaxReasons: -1})
			top, _ := r.Verdict("top")
			neg, _ := r.Verdict("neg")
			if !top.Capped || neg.Capped {
				t.Errorf("capped: top %v, neg %v; want top alone", top.Capped, neg.Capped)
			}
			if top.Evidence < evidence.MaxLent || top.Evidence > 101 {
				t.Errorf("top's evidence %v, want a lower bound of 101 of at least MaxLent", top.Evidence)
			}
			if top.Label != tc.top || neg.Label != tc.opp {
				t.Errorf("top %v, neg %v; want %v, %v", top.Label, neg.Label, tc.top, tc.opp)
			}
			if top.Label == verdict.Rejected {
				t.Errorf("top, with 101 independent origins, rejected by %d", tc.neg)
			}
			for _, why := range neg.Reasons {
				if why.Claim == "top" && !why.Capped {
					t.Errorf("neg's reason %+v does not say top's evidence is capped", why)
				}
			}
		})
	}
}

// TestNoRejectedLending: over generated graphs, every origin lent to an
// accepted claim comes from a claim that is not rejected, along supports
// through claims that are not rejected either.
func TestNoRejectedLending(t *testing.T) {
	rounds := 10
	if testing.Short() {
		rounds = 3
	}
	for seed := range uint64(rounds) {
		b := synth.Generate(synth.Config{Claims: 300, Sources: 200, Appearances: 3, Relations: 4, Seed: seed + 1, Contradict: 0.3})
		g := graph.New()
		if err := g.Apply(b); err != nil {
			t.Fatal(err)
		}
		r, err := verdict.Compute(g.View, verdict.Options{})
		if err != nil {
			t.Fatal(err)
		}
		supBy := map[string][]string{}
		for l := range g.View.Links() { // positions are those of r.Verdicts, the undated view's
			if l.Kind == claims.Supports && l.From != l.To {
				to, from := r.Verdicts[l.To].Claim, r.Verdicts[l.From].Claim
				supBy[to] = append(supBy[to], from)
			}
		}
		lent, checked := 0, 0
		for _, v := range r.Verdicts {
			if v.Label != verdict.Accepted || v.Lent == 0 {
				continue
			}
			// The origins of the claims that reach v through claims not
			// rejected.
			can := map[string]bool{}
			seen := map[string]bool{v.Claim: true}
			queue := []string{v.Claim}
			for len(queue) > 0 {
				c := queue[0]
				queue = queue[1:]
				for _, p := range supBy[c] {
					if pv, _ := r.Verdict(p); !seen[p] && pv.Label != verdict.Rejected {
						seen[p] = true
						queue = append(queue, p)
						for _, o := range pv.Origins {
							can[o] = true
						}
					}
				}
			}
			for _, o := range r.Lent(v.Claim) {
				if !can[o] {
					t.Errorf("seed %d: accepted %s is lent %s, which only rejected claims can lend", seed+1, v.Claim, o)
				}
			}
			lent += v.Lent
			checked++
		}
		if checked == 0 {
			t.Errorf("seed %d: no accepted claim is lent anything: the test checks nothing", seed+1)
		}
		if seed == 0 {
			t.Logf("%d accepted claims lent %d origins; %d rounds, %d silent", checked, lent, r.Rounds, len(r.Silent))
		}
		if r.Rounds < 1 || slices.ContainsFunc(r.Verdicts, func(v verdict.Verdict) bool {
			return v.Label == verdict.Rejected && !r.Silent[v.Claim] && len(supBy) > 0 && supports(supBy, v.Claim)
		}) {
			t.Errorf("seed %d: a rejected claim that supports another is not silent", seed+1)
		}
	}
}

// supports reports whether claim c supports another in supBy.
func supports(supBy map[string][]string, c string) bool {
	for _, from := range supBy {
		if slices.Contains(from, c) {
			return true
		}
	}
	return false
}
