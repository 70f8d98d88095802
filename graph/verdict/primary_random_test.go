package verdict_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/evidence"
	"github.com/claimgraph/claimgraph/graph/provenance"
	"github.com/claimgraph/claimgraph/graph/verdict"
	"github.com/claimgraph/claimgraph/sources"
)

// TestPrimaryAgreesWithProvenance: on random graphs of derivation
// (cycles, Vias), a verdict's Primary is the highest trust of its own
// origins that are primary sources standing for themselves, where
// package provenance, ranked by trust as the evidence is
// (evidence.TrustRank), decides which origins are cycles (Circular).
// The verdicts tell a cycle's stand-in from a source apart by a rule of
// their own (primaryOf): this holds them to provenance's, for Compute
// and the Tracker alike.
func TestPrimaryAgreesWithProvenance(t *testing.T) {
	kinds := []sources.Kind{sources.Video, sources.OfficialStatement, sources.NewsArticle, sources.Wire}
	trusts := []float64{0.2, 0.9, 0.95, 1}
	graphs := 400
	if testing.Short() {
		graphs = 100
	}
	checked := 0
	for seed := range graphs {
		rng := rand.New(rand.NewPCG(uint64(seed), 7))
		n := 2 + rng.IntN(7)
		var bt graph.Batch
		trust := map[string]float64{}
		for i := range n {
			s := sources.Source{ID: fmt.Sprintf("s%d", i), Kind: kinds[rng.IntN(len(kinds))]}
			seen := map[int]bool{i: true}
			for range rng.IntN(3) {
				if to := rng.IntN(n); !seen[to] {
					seen[to] = true
					s.DerivedFrom = append(s.DerivedFrom, sources.Derivation{Source: fmt.Sprintf("s%d", to), Kind: sources.Cites})
				}
			}
			if rng.IntN(4) > 0 {
				trust[s.ID] = trusts[rng.IntN(len(trusts))]
			}
			bt.Sources = append(bt.Sources, s)
		}
		for j := range 4 {
			c := claims.Claim{ID: fmt.Sprintf("c%d", j), Text: fmt.Sprintf("C%d.", j)}
			seen := map[[2]string]bool{}
			for range 1 + rng.IntN(4) {
				a := claims.Appearance{Source: fmt.Sprintf("s%d", rng.IntN(n))}
				if rng.IntN(4) == 0 {
					a.Via = fmt.Sprintf("s%d", rng.IntN(n))
				}
				if k := [2]string{a.Source, a.Via}; !seen[k] {
					seen[k] = true
					c.Appearances = append(c.Appearances, a)
				}
			}
			bt.Claims = append(bt.Claims, c)
		}
		g := graph.New()
		if err := g.Apply(bt); err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		opts := verdict.Options{Trust: trust}
		r, err := verdict.Compute(g.View, opts)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		tr, err := verdict.Track(g, opts)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		x := provenance.New(g.View)
		x.Rank = evidence.TrustRank(trust, 0)
		for _, c := range bt.Claims {
			c, _ := g.Claim(c.ID)
			rep, err := x.Of(c)
			if err != nil {
				t.Fatalf("seed %d: %v", seed, err)
			}
			want := 0.0
			for _, gr := range rep.Groups {
				o := gr.Origin
				if tv, ok := trust[o.Source]; ok && o.Class != provenance.Circular && o.Kind.Primary() {
					want = max(want, tv)
				}
			}
			for name, vd := range map[string]verdict.Verdict{"Compute": mustVerdict(t, r, c.ID), "Tracker": mustVerdict(t, tr.Result(), c.ID)} {
				if vd.Primary != want {
					t.Errorf("seed %d, %s: claim %s (appearances %+v): Primary %v; provenance's origins %+v give %v", seed, name, c.ID, c.Appearances, vd.Primary, rep.Groups, want)
				}
			}
			if want > 0 {
				checked++
			}
		}
	}
	if checked < graphs/4 {
		t.Errorf("only %d claims with a primary origin of trust in %d graphs: the generator tests little", checked, graphs)
	}
}

// mustVerdict returns the verdict on claim id in r.
func mustVerdict(t *testing.T, r *verdict.Result, id string) verdict.Verdict {
	t.Helper()
	vd, ok := r.Verdict(id)
	if !ok {
		t.Fatalf("no verdict on %s", id)
	}
	return vd
}
