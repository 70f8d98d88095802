package timeline_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/timeline"
)

const (
	onlyPact = "china-only-defence-pact"         // valid_until 2024-06-19
	treaty   = "russia-dprk-defence-treaty-2024" // valid_from 2024-06-19
)

// TestSeedViewAt checks that every query helper of graph.View answers
// as of the date of a dated view, on the canonical dataset: before the
// treaty the "only pact" claim holds and the treaty claim does not, and
// after it the reverse.
func TestSeedViewAt(t *testing.T) {
	g := seed(t, "kim-putin.yaml")
	tests := []struct {
		at          string
		holds, gone string
	}{
		{"2024-01-01", onlyPact, treaty},
		{"2024-06-18", onlyPact, treaty}, // the last day of the pact
		{"2024-06-19", treaty, onlyPact}, // valid_until is exclusive
		{"2025-09-03", treaty, onlyPact},
	}
	for _, tt := range tests {
		t.Run(tt.at, func(t *testing.T) {
			v := g.At(d(t, tt.at))
			if v.Date() != d(t, tt.at) {
				t.Errorf("Date() = %s", v.Date())
			}
			if _, ok := v.Claim(tt.holds); !ok {
				t.Errorf("Claim(%s): not found, want it to hold", tt.holds)
			}
			if _, ok := v.Claim(tt.gone); ok {
				t.Errorf("Claim(%s): found, want it hidden", tt.gone)
			}
			// Every per-claim query reports the hidden claim as not found.
			queries := map[string]func(string) error{
				"SourcesOf":      func(id string) error { _, err := v.SourcesOf(id); return err },
				"Speakers":       func(id string) error { _, err := v.Speakers(id); return err },
				"Supporters":     func(id string) error { _, err := v.Supporters(id); return err },
				"Supported":      func(id string) error { _, err := v.Supported(id); return err },
				"Contradictions": func(id string) error { _, err := v.Contradictions(id); return err },
				"SupportChains":  func(id string) error { _, err := v.SupportChains(id, 0); return err },
				"Neighbourhood":  func(id string) error { _, err := v.Neighbourhood(id, 1); return err },
			}
			for name, q := range queries {
				if err := q(tt.gone); !errors.Is(err, graph.ErrNotFound) {
					t.Errorf("%s(%s) error = %v, want ErrNotFound", name, tt.gone, err)
				}
				if err := q(tt.holds); err != nil {
					t.Errorf("%s(%s): %v", name, tt.holds, err)
				}
			}
			if _, err := v.ShortestPath(onlyPact, treaty); err == nil {
				t.Error("ShortestPath between the pact and the treaty found a path through a hidden claim")
			}
			// The claims holding, counted independently from validities.
			var want []string
			appearances := 0
			for c := range g.Claims() {
				if c.Validity.Holds(v.Date()) {
					want = append(want, c.ID)
					appearances += len(c.Appearances)
				}
			}
			var got []string
			for c := range v.Claims() {
				got = append(got, c.ID)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Claims (-want +got):\n%s", diff)
			}
			if n := v.Counts(); n.Claims != len(want) || n.Appearances != appearances {
				t.Errorf("Counts = %d claims, %d appearances; want %d, %d", n.Claims, n.Appearances, len(want), appearances)
			}
			// Every relation, contradiction and claim about an entity or in
			// a source that the view yields is between visible claims.
			visible := func(id string) bool { return slices.Contains(want, id) }
			for r := range v.Relations() {
				if !visible(r.From) || !visible(r.To) || !r.Validity.Holds(v.Date()) {
					t.Errorf("Relations yields %s - %s", r.From, r.To)
				}
			}
			for r := range v.ContradictionPairs() {
				if !visible(r.From) || !visible(r.To) {
					t.Errorf("ContradictionPairs yields %s - %s", r.From, r.To)
				}
			}
			for _, list := range []func(string) ([]claims.Claim, error){v.ClaimsAbout, v.ClaimsBy} {
				for e := range v.Entities() {
					cs, err := list(e.ID)
					if err != nil {
						t.Fatal(err)
					}
					for _, c := range cs {
						if !visible(c.ID) {
							t.Errorf("claims of entity %s include hidden %s", e.ID, c.ID)
						}
					}
				}
			}
			about, err := v.ClaimsAbout("north-korea")
			if err != nil {
				t.Fatal(err)
			}
			ids := make([]string, len(about))
			for i, c := range about {
				ids[i] = c.ID
			}
			if !slices.Contains(ids, tt.holds) || slices.Contains(ids, tt.gone) {
				t.Errorf("ClaimsAbout(north-korea) = %v: want %s and not %s", ids, tt.holds, tt.gone)
			}
			for s := range v.Sources() {
				cs, err := v.ClaimsIn(s.ID)
				if err != nil {
					t.Fatal(err)
				}
				for _, c := range cs {
					if !visible(c.ID) {
						t.Errorf("ClaimsIn(%s) includes hidden %s", s.ID, c.ID)
					}
				}
			}
		})
	}
}

// TestSeedConflicts: the contradiction between the "only pact" and the
// treaty is resolved by time at 2024-06-19, on the whole graph and as of
// any date.
func TestSeedConflicts(t *testing.T) {
	for _, file := range []string{"kim-putin.yaml", "stale.yaml"} {
		g := seed(t, file)
		for _, at := range []string{"", "2024", "2024-01-01", "2025-09-03"} {
			t.Run(file+" at "+at, func(t *testing.T) {
				var found bool
				for _, c := range timeline.Conflicts(g.At(d(t, at))) {
					if !(c.Relation.From == onlyPact && c.Relation.To == treaty) && !(c.Relation.From == treaty && c.Relation.To == onlyPact) {
						continue
					}
					found = true
					want := timeline.Conflict{
						Relation: c.Relation, Status: timeline.ResolvedByTime,
						Earlier: onlyPact, Later: treaty,
						Boundary: d(t, "2024-06-19"), LaterFrom: d(t, "2024-06-19"),
					}
					if diff := cmp.Diff(want, c, dateEq); diff != "" {
						t.Errorf("conflict (-want +got):\n%s", diff)
					}
					if !c.Adjacent() {
						t.Error("not adjacent")
					}
				}
				if !found {
					t.Errorf("no conflict between %s and %s", onlyPact, treaty)
				}
			})
		}
	}
}

// TestSeedStale: the fixture's 2025 article repeats the "only pact" claim
// after it ended; its 2023 and 2024-06-18 articles do not (see the
// comment at the top of testdata/stale.yaml).
func TestSeedStale(t *testing.T) {
	g := seed(t, "stale.yaml")
	want := []timeline.StaleItem{{
		Claim: onlyPact, Appearance: 2, Source: "fixture-article-2025", Date: d(t, "2025-03-01"),
		Reason: timeline.Ended, Stopped: d(t, "2024-06-19"),
	}}
	if diff := cmp.Diff(want, stale(t, g, timeline.Options{}), dateEq); diff != "" {
		t.Errorf("Stale (-want +got):\n%s", diff)
	}
}

// TestSeedStaleCanonical checks properties of every stale item of the
// canonical dataset, whatever the dataset holds: the date is the
// appearance's or its source's, and the reason is true of it.
func TestSeedStaleCanonical(t *testing.T) {
	g := seed(t, "kim-putin.yaml")
	for _, it := range stale(t, g, timeline.Options{}) {
		// Howell's 2025 remark speaks of the time before the treaty
		// (about_past): not a stale repetition of the "only pact" claim.
		if it.Claim == onlyPact && it.Source == "internewscast-kim-scrub-2025" {
			t.Errorf("%+v: the 2025 remark about the pre-treaty pact is flagged stale", it)
		}
		c, _ := g.Claim(it.Claim)
		a := c.Appearances[it.Appearance]
		s, _ := g.Source(a.Source)
		if date := a.Date; it.Date != date && !(date.IsZero() && it.Date == s.Published) {
			t.Errorf("%+v: date is neither the appearance's %s nor the source's %s", it, a.Date, s.Published)
		}
		switch it.Reason {
		case timeline.Ended:
			if !c.Validity.Ended(it.Date) || it.Stopped != c.Validity.End() {
				t.Errorf("%+v: claim valid %s has not ended", it, c.Validity)
			}
		case timeline.Superseded:
			o, _ := g.Claim(it.By)
			if !o.Validity.Began(it.Date) || it.ByStrength <= it.Strength {
				t.Errorf("%+v: %s (valid %s) does not supersede", it, it.By, o.Validity)
			}
		default:
			t.Errorf("%+v: reason %v", it, it.Reason)
		}
	}
}
