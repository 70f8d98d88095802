package verdict_test

import (
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/synth"
	"github.com/claimgraph/claimgraph/graph/verdict"
	"github.com/claimgraph/claimgraph/sources"
)

var readings = []verdict.SupportReading{verdict.Lending, verdict.Bipolar, verdict.Deductive, verdict.Necessary}

// TestNoRejectedReason: over generated graphs and in every support
// reading, no reason of an undecided or rejected verdict is a claim the
// same run rejects, nor goes through one (the Via of a supported or
// extended attack).
func TestNoRejectedReason(t *testing.T) {
	rounds := 12
	if testing.Short() {
		rounds = 3
	}
	for seed := range uint64(rounds) {
		b := synth.Generate(synth.Config{Claims: 300, Sources: 40, Seed: seed + 1, Contradict: 0.4})
		g := graph.New()
		if err := g.Apply(b); err != nil {
			t.Fatal(err)
		}
		for _, rd := range readings {
			r, err := verdict.Compute(g.View, verdict.Options{Support: rd, MaxReasons: -1})
			if err != nil {
				t.Fatal(err)
			}
			rejected := func(id string) bool {
				v, _ := r.Verdict(id)
				return v.Label == verdict.Rejected
			}
			undecided, derived := 0, 0
			for _, v := range r.Verdicts {
				if v.Label != verdict.Rejected && v.Label != verdict.Undecided {
					continue
				}
				if v.Label == verdict.Undecided {
					undecided++
				}
				for _, why := range v.Reasons {
					if why.Attack != verdict.Contradiction {
						derived++
					}
					if rejected(why.Claim) {
						t.Errorf("seed %d, %v: %s (%v) has reason %s, which the run rejects", seed+1, rd, v.Claim, v.Label, why.Claim)
					}
					if (why.Attack == verdict.Supported || why.Attack == verdict.Extended) && rejected(why.Via) {
						t.Errorf("seed %d, %v: %s (%v) is attacked by %s through %s, which the run rejects", seed+1, rd, v.Claim, v.Label, why.Claim, why.Via)
					}
				}
			}
			if seed == 0 {
				t.Logf("%v: %d undecided, %d reasons by derived attacks", rd, undecided, derived)
			}
		}
	}
}

// TestCircularSupport: three claims without appearances support each
// other in a loop fed by one social post. In no reading are they stronger
// or better rated than the post: the loop adds nothing to the evidence
// entering it.
func TestCircularSupport(t *testing.T) {
	b := graph.Batch{
		Sources: []sources.Source{{ID: "post", Title: "A post", Kind: sources.SocialPost}},
		Claims: []claims.Claim{
			{ID: "p", Text: "P.", Appearances: []claims.Appearance{{Source: "post"}}},
			{ID: "x", Text: "X."}, {ID: "y", Text: "Y."}, {ID: "z", Text: "Z."},
		},
		Relations: []claims.Relation{
			{From: "p", To: "x", Kind: claims.Supports}, {From: "x", To: "y", Kind: claims.Supports},
			{From: "y", To: "z", Kind: claims.Supports}, {From: "z", To: "x", Kind: claims.Supports},
		},
	}
	g := graph.New()
	if err := g.Apply(b); err != nil {
		t.Fatal(err)
	}
	for _, rd := range readings {
		r, err := verdict.Compute(g.View, verdict.Options{Support: rd})
		if err != nil {
			t.Fatal(err)
		}
		post, _ := r.Verdict("p")
		if post.Rating != verdict.RatingUnproven || post.Strength != 0.5 {
			t.Errorf("%v: the post is %v at %v, want Unproven at 0.5 (one origin)", rd, post.Rating, post.Strength)
		}
		for _, id := range []string{"x", "y", "z"} {
			v, _ := r.Verdict(id)
			if v.Strength > post.Strength || v.Rating.Value > post.Rating.Value || v.Evidence != post.Evidence {
				t.Errorf("%v: %s is %v at %v with evidence %v, above the post's %v at %v with %v",
					rd, id, v.Rating, v.Strength, v.Evidence, post.Rating, post.Strength, post.Evidence)
			}
		}
	}
}
