package verdict

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/synth"
)

// periods are the validities dated tests draw from: open, adjacent
// (until and from 2024-06-19), disjoint and overlapping periods, points
// in time and events, with full and partial dates.
var periods = func() []claims.Validity {
	d := func(s string) claims.Date {
		x, err := claims.ParseDate(s)
		if err != nil {
			panic(err)
		}
		return x
	}
	return []claims.Validity{
		{}, {},
		{Until: d("2024-06-19")}, {From: d("2024-06-19")}, {From: d("2024-06-19"), Ongoing: true},
		{Until: d("2024")}, {From: d("2024-07")},
		{At: d("2023")}, {At: d("2024-06-19")}, {At: d("2024-06")}, {At: d("2025")},
		{From: d("2020"), Until: d("2025")},
		{Occurred: d("2023-09-13")}, {Occurred: d("2024")},
	}
}()

// randomValidity returns one of periods.
func randomValidity(rng *rand.Rand) claims.Validity { return periods[rng.IntN(len(periods))] }

// dated gives the claims of b validities from periods, and one relation
// in four a validity too.
func dated(rng *rand.Rand, b *graph.Batch) {
	for i := range b.Claims {
		b.Claims[i].Validity = randomValidity(rng)
	}
	for i := range b.Relations {
		if rng.IntN(4) == 0 {
			b.Relations[i].Validity = randomValidity(rng)
		}
	}
}

// TestComputeTime: on generated graphs with validities, at every date
// asked about (none, a year, a month, a day), the verdicts are those of
// the same graph without the contradictions whose claims and relation
// hold on no common day of the date: a contradiction that time resolves
// attacks nothing, and is named in no reason.
func TestComputeTime(t *testing.T) {
	dates := []claims.Date{{}, claims.MustDate(2024, 0, 0), claims.MustDate(2024, 6, 0), claims.MustDate(2024, 6, 19), claims.MustDate(2023, 0, 0)}
	seeds, readings := 3, []SupportReading{Lending, Bipolar}
	if testing.Short() {
		seeds, readings = 1, readings[:1]
	}
	for seed := range uint64(seeds) {
		rng := rand.New(rand.NewPCG(seed, 3))
		b := synth.Generate(synth.Config{Claims: 120, Sources: 20, Seed: seed + 1, Contradict: 0.4})
		dated(rng, &b)
		g := graph.New()
		if err := g.Apply(b); err != nil {
			t.Fatal(err)
		}
		for _, at := range dates {
			t.Run(fmt.Sprintf("seed=%d/at=%v", seed+1, at), func(t *testing.T) {
				// The reference: the graph without the contradictions
				// time resolves at this date, found from the batch.
				valid := map[string]claims.Validity{}
				for _, c := range b.Claims {
					valid[c.ID] = c.Validity
				}
				live := b
				live.Relations = nil
				dropped := 0
				for _, r := range b.Relations {
					if r.Kind == claims.Contradicts && !claims.HoldTogether(at, valid[r.From], valid[r.To], r.Validity) {
						dropped++
						continue
					}
					live.Relations = append(live.Relations, r)
				}
				ref := graph.New()
				if err := ref.Apply(live); err != nil {
					t.Fatal(err)
				}
				for _, rd := range readings {
					got, err := Compute(g.At(at), Options{Support: rd, MaxReasons: -1})
					if err != nil {
						t.Fatal(err)
					}
					want, err := Compute(ref.At(at), Options{Support: rd, MaxReasons: -1})
					if err != nil {
						t.Fatal(err)
					}
					if diff := cmp.Diff(want.Verdicts, got.Verdicts, cmp.Comparer(func(x, y claims.Date) bool { return x == y })); diff != "" {
						t.Errorf("%v: verdicts differ from those without the %d contradictions time resolves (-without +with):\n%s", rd, dropped, diff)
					}
					if want.Attacks != got.Attacks || want.Failed != got.Failed {
						t.Errorf("%v: %d attacks, %d failed; without the resolved contradictions %d, %d", rd, got.Attacks, got.Failed, want.Attacks, want.Failed)
					}
				}
				if dropped == 0 {
					t.Error("no contradiction is resolved by time: the case tests nothing")
				}
			})
		}
	}
}
