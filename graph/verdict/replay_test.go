package verdict

import (
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/af"
	"github.com/claimgraph/claimgraph/graph/synth"
	"github.com/claimgraph/claimgraph/sources"
)

// roundState is a claim's state in one round of Compute's labelling.
type roundState struct {
	ev     float64
	capped bool
	label  af.Label
}

// roundStates runs the rounds of Compute on g's graph as run does and
// returns the state of each claim, by ID, in each round.
func roundStates(t *testing.T, g *graph.Graph, opts Options) []map[string]roundState {
	t.Helper()
	o, err := opts.withDefaults()
	if err != nil {
		t.Fatal(err)
	}
	v := g.View.Snapshot()
	s := &state{opts: o, size: v.Counts()}
	if err := s.load(v); err != nil {
		t.Fatal(err)
	}
	var out []map[string]roundState
	for {
		s.contradictions(v)
		s.derive()
		s.label()
		m := make(map[string]roundState, len(s.ids))
		for i, id := range s.ids {
			m[id] = roundState{s.evidence[i], s.capped[i], s.labels[i]}
		}
		out = append(out, m)
		if len(out) == maxRounds || len(s.silence()) == 0 {
			return out
		}
		if err := s.reweigh(v); err != nil {
			t.Fatal(err)
		}
	}
}

// checkHistory fails t unless what tr keeps of the rounds of silencing
// (see replay.go) is the rounds Compute runs on g: as many, each claim's
// evidence, capping and label in each round as Tracker.at gives them,
// and the round whose labels silenced it, the first where it is
// rejected and supports another. The Tracker's replay rests on these.
func checkHistory(t *testing.T, when string, g *graph.Graph, opts Options, tr *Tracker) {
	t.Helper()
	rounds := roundStates(t, g, opts)
	if len(rounds) != tr.rounds {
		t.Fatalf("%s: %d rounds, Tracker %d", when, len(rounds), tr.rounds)
	}
	for i := range tr.c {
		n := &tr.c[i]
		if n.dead {
			continue
		}
		silR := int32(0)
		for k, m := range rounds {
			st, ok := m[n.id]
			if !ok {
				t.Fatalf("%s: claim %s is not in the graph", when, n.id)
			}
			p := tr.at(int32(i), int32(k+1))
			if math.Abs(st.ev-p.ev) > 1e-9 || st.capped != p.capped || st.label != p.label {
				t.Fatalf("%s: %s in round %d weighs %g (capped %v), %v; Tracker %g (%v), %v",
					when, n.id, k+1, st.ev, st.capped, st.label, p.ev, p.capped, p.label)
			}
			if silR == 0 && k+1 < len(rounds) && st.label == af.Out && len(n.sup) > 0 {
				silR = int32(k + 1)
			}
		}
		if silR != n.silR || (silR != 0) != n.silent {
			t.Fatalf("%s: %s silenced by round %d (silent %v), Compute's round %d", when, n.id, n.silR, n.silent, silR)
		}
	}
}

// TestTrackerRounds: on generated graphs where the rounds silence many
// claims, random changes — most of them a new claim that supports or
// contradicts another, added and later removed, as a desk adds a report,
// and the rest any change of TestTrackerRandom — keep the Tracker equal
// to Compute and what it keeps of the rounds true (checkHistory), and
// three in four at least are replayed without computing everything
// again, some of them changing which claims are silenced.
func TestTrackerRounds(t *testing.T) {
	defer func(s int) { fullShare = s }(fullShare)
	fullShare = 0
	seeds, steps := 6, 60
	if testing.Short() {
		seeds, steps = 2, 20
	}
	var all, incremental, resilenced int
	for seed := range uint64(seeds) {
		cfg := synth.Config{Claims: 150, Sources: 40, Seed: seed + 1}
		g, tr := tracked(t, synth.Generate(cfg))
		if tr.silent == nil {
			t.Fatalf("seed %d: no claim is silenced: the test tests nothing", seed+1)
		}
		checkHistory(t, "start", g, Options{}, tr)
		rng := rand.New(rand.NewPCG(seed, 11))
		ch := &changer{g: g, rng: rng, sources: cfg.Sources}
		var leaves []graph.Batch // to remove later
		for step := range steps {
			var b graph.Batch
			var what string
			switch r := rng.IntN(10); {
			case r < 4:
				b, what = ch.leaf()
				leaves = append(leaves, graph.Batch{Remove: []string{b.Claims[0].ID}, RemoveRelations: b.Relations})
			case r < 8 && len(leaves) > 0:
				k := rng.IntN(len(leaves))
				b, what = leaves[k], "remove leaf "+leaves[k].Remove[0]
				leaves = slices.Delete(leaves, k, k+1)
			default:
				b, what = ch.next()
			}
			if err := g.Apply(b); err != nil {
				continue
			}
			st, err := tr.Update(b)
			if err != nil {
				t.Fatalf("seed %d step %d (%s): %v", seed+1, step, what, err)
			}
			all++
			if !st.Full {
				incremental++
				if st.Silenced > 0 {
					resilenced++
				}
			} else if !tolerated(st.Why) {
				t.Fatalf("seed %d step %d (%s): recomputed everything: %v", seed+1, step, what, st.Why)
			}
			when := fmt.Sprintf("seed %d step %d (%s, %d verdicts again, full %v)", seed+1, step, what, st.Verdicts, st.Why)
			same(t, when, g, Options{}, tr)
			checkHistory(t, when, g, Options{}, tr)
		}
	}
	t.Logf("%d of %d changes replayed, %d of them changing which claims are silenced", incremental, all, resilenced)
	if incremental*4 < all*3 || resilenced == 0 {
		t.Errorf("%d of %d changes replayed, %d changing which claims are silenced: want three in four, and some", incremental, all, resilenced)
	}
}

// leaf returns a batch that adds a claim in one source that supports or
// contradicts a random claim of the graph.
func (c *changer) leaf() (graph.Batch, string) {
	c.n++
	id := fmt.Sprintf("leaf-%d", c.n)
	to, _ := c.claim()
	k := claims.Supports
	if c.rng.IntN(2) == 0 {
		k = claims.Contradicts
	}
	return graph.Batch{
		Claims:    []claims.Claim{{ID: id, Text: "A report.", Appearances: []claims.Appearance{{Source: c.source()}}}},
		Relations: []claims.Relation{{From: id, To: to, Kind: k}},
	}, fmt.Sprintf("add %s %s %s", id, k, to)
}

// TestTrackerEarlyAttack: an update that changes the label of a claim
// whose attack on another succeeds in an early round only changes what
// that round silences, though the last round does not solve the other
// again: the replay must find it. s (2
// sources) is rejected by k (3) and silenced, so x (1 source) weighs 3 in
// the first round and 1 in the last; t (2) supports u. While z (5)
// defeats x, t is accepted in every round. Without z's contradiction x
// defeats t in the first round, so t is silenced too and u loses what t
// lent it, though in the last round x's attack on t fails.
func TestTrackerEarlyAttack(t *testing.T) {
	var b graph.Batch
	for id, n := range map[string]int{"s": 2, "k": 3, "x": 1, "t": 2, "u": 1, "z": 5} {
		c := claims.Claim{ID: id, Text: "Claim " + id + "."}
		for i := range n {
			src := fmt.Sprintf("%s-s%d", id, i)
			b.Sources = append(b.Sources, sources.Source{ID: src, Title: src, Kind: sources.NewsArticle})
			c.Appearances = append(c.Appearances, claims.Appearance{Source: src})
		}
		b.Claims = append(b.Claims, c)
	}
	slices.SortFunc(b.Claims, func(a, b claims.Claim) int { return strings.Compare(a.ID, b.ID) })
	rel := func(from, to string, k claims.RelationKind) claims.Relation {
		return claims.Relation{From: from, To: to, Kind: k}
	}
	zx := rel("z", "x", claims.Contradicts)
	b.Relations = []claims.Relation{
		rel("k", "s", claims.Contradicts), rel("s", "x", claims.Supports),
		rel("x", "t", claims.Contradicts), rel("t", "u", claims.Supports), zx,
	}
	g, tr := tracked(t, b)
	if !tr.silent["s"] || tr.silent["t"] {
		t.Fatalf("silent %v, want s alone", tr.silent)
	}
	checkHistory(t, "start", g, Options{}, tr)
	remove := graph.Batch{RemoveRelations: []claims.Relation{zx}}
	if err := g.Apply(remove); err != nil {
		t.Fatal(err)
	}
	st, err := tr.Update(remove)
	if err != nil {
		t.Fatal(err)
	}
	if st.Full || st.Rounds != 2 {
		t.Errorf("the update: %+v, want the two rounds replayed", st)
	}
	same(t, "without z", g, Options{}, tr)
	checkHistory(t, "without z", g, Options{}, tr)
	if !tr.silent["t"] {
		t.Errorf("silent %v, want t too", tr.silent)
	}
}

// TestRunRoundsIsCompute: the Tracker's own run of the rounds, which
// keeps each claim's state in each round, silences the claims Compute
// does, in as many rounds, on generated graphs and with the rounds
// capped.
func TestRunRoundsIsCompute(t *testing.T) {
	defer func(n int) { maxRounds = n }(maxRounds)
	for _, limit := range []int{MaxRounds, 2} {
		maxRounds = limit
		for seed := range uint64(3) {
			g := graph.New()
			if err := g.Apply(synth.Generate(synth.Config{Claims: 300, Seed: seed + 1})); err != nil {
				t.Fatal(err)
			}
			o, _ := Options{}.withDefaults()
			want, wantRounds, err := silenced(g.View, o)
			if err != nil {
				t.Fatal(err)
			}
			got, rounds, _, err := (&Tracker{opts: o}).runRounds(g.View, nil, true)
			if err != nil {
				t.Fatal(err)
			}
			if rounds != wantRounds || !maps.Equal(got, want) {
				t.Errorf("seed %d, at most %d rounds: %d rounds, %d silenced; Compute %d rounds, %d silenced",
					seed+1, limit, rounds, len(got), wantRounds, len(want))
			}
		}
	}
}

// tolerated reports whether an update of the random tests may compute
// everything again for the reason why: where the replay of the rounds
// cannot show its result equal (a capped set whose origins moved in the
// order, MaxRounds), not for the size of the change (the tests set
// fullShare to 0).
func tolerated(why Fallback) bool {
	return why == FallbackRounds || why == FallbackOrder
}
