package timeline_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/timeline"
	"github.com/claimgraph/claimgraph/graph/verdict"
)

// stale returns timeline.Stale of g under o, failing t on an error.
func stale(t testing.TB, g *graph.Graph, o timeline.Options) []timeline.StaleItem {
	t.Helper()
	items, err := timeline.Stale(g, o)
	if err != nil {
		t.Fatal(err)
	}
	return items
}

// TestStaleRefusesBadVerdictOptions: Stale weighs evidence as the
// verdicts of opts.Verdict do; where they cannot be computed (a trust
// past 1), it fails. It weighed each claim's distinct sources instead,
// copies counted, and said nothing. Given both Strength and Rejected it
// computes no verdicts, so the same options are no error there.
func TestStaleRefusesBadVerdictOptions(t *testing.T) {
	g := staleGraph(t)
	bad := timeline.Options{Verdict: verdict.Options{Trust: map[string]float64{"x": 1.5}}}
	if items, err := timeline.Stale(g, bad); err == nil {
		t.Errorf("Stale with trust 1.5: %d items and no error", len(items))
	}
	bad.Strength = func(string) float64 { return 1 }
	bad.Rejected = func(string) bool { return false }
	if _, err := timeline.Stale(g, bad); err != nil {
		t.Errorf("Stale with its own Strength and Rejected: %v", err)
	}
}

// staleGraph: "pact" holds until 2024-06-19 and "treaty" from then on;
// "old" holds always and "new" from March 2024, and they contradict.
// Source IDs say their published dates.
func staleGraph(t *testing.T) *graph.Graph {
	return build(t, map[string]string{
		"s2023": "2023", "s0618": "2024-06-18", "s0619": "2024-06-19",
		"s2024": "2024", "s2025": "2025-01", "undated": "",
	}, []claimSpec{
		// The appearance in s2023 carries its own date, 2024-07.
		{id: "pact", valid: "..2024-06-19", in: []string{"s0618", "s0619", "s2024", "s2025", "s2023", "undated"}, dates: []string{"", "", "", "", "2024-07"}},
		{id: "treaty", valid: "2024-06-19..!", in: []string{"s2025"}},
		{id: "old", valid: "", in: []string{"s2023", "s2025"}},
		{id: "new", valid: "2024-03..", in: []string{"s0618", "s0619", "s2024"}},
	}, contra("pact", "treaty"), contra("new", "old"))
}

func TestStale(t *testing.T) {
	g := staleGraph(t)
	ended := func(app int, src, date string) timeline.StaleItem {
		return timeline.StaleItem{Claim: "pact", Appearance: app, Source: src, Date: d(t, date), Reason: timeline.Ended, Stopped: d(t, "2024-06-19")}
	}
	tests := []struct {
		name string
		opts timeline.Options
		want []timeline.StaleItem
	}{
		{
			// pact: 18 June is before its end; 19 June is the first day it
			// no longer holds; "2024" is partly before the end, so not
			// stale; January 2025 and the appearance's own July 2024 are
			// after; the undated one cannot be judged. But treaty,
			// which took over from pact, has one origin and pact six: a
			// claim ended only by a rival with less evidence is not
			// stale, so none of pact's appearances is. new (3 sources)
			// beats old (2) from March 2024: old's 2025 appearance is
			// stale, its 2023 one is not.
			name: "default strength",
			want: []timeline.StaleItem{
				{Claim: "old", Appearance: 1, Source: "s2025", Date: d(t, "2025-01"), Reason: timeline.Superseded,
					By: "new", Since: d(t, "2024-03"), Strength: 2, ByStrength: 3},
			},
		},
		{
			// With old stronger, nothing supersedes it; treaty is as
			// strong as pact, so pact's end stands.
			name: "custom strength",
			opts: timeline.Options{Strength: func(id string) float64 {
				if id == "old" {
					return 10
				}
				return 1
			}},
			want: []timeline.StaleItem{
				ended(1, "s0619", "2024-06-19"),
				ended(3, "s2025", "2025-01"),
				ended(4, "s2023", "2024-07"),
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := stale(t, g, tt.opts)
			if diff := cmp.Diff(tt.want, got, dateEq); diff != "" {
				t.Errorf("Stale (-want +got):\n%s", diff)
			}
		})
	}
}

// TestStaleEndedRivals: an appearance after its claim's end is stale
// unless every rival that took over from the claim (started after it,
// holds on every day of the appearance's date, as the relation does) is
// rejected or has less evidence. The claim c ends on 2024-06-19 and
// appears in January 2025; the strengths are given.
func TestStaleEndedRivals(t *testing.T) {
	pub := map[string]string{"s1": "2020", "s2": "2025-01"}
	tests := []struct {
		name     string
		rivals   []claimSpec
		rel      string             // the validity of every contradiction, as period takes it
		strength map[string]float64 // c weighs 2
		rejected []string
		stale    bool
	}{
		{name: "no rival", stale: true},
		{name: "weaker rival", rivals: []claimSpec{{id: "a", valid: "2024-06-19.."}}, strength: map[string]float64{"a": 1}},
		{name: "rival as strong", rivals: []claimSpec{{id: "a", valid: "2024-06-19.."}}, strength: map[string]float64{"a": 2}, stale: true},
		{name: "stronger rival", rivals: []claimSpec{{id: "a", valid: "2024-06-19.."}}, strength: map[string]float64{"a": 3}, stale: true},
		{name: "stronger rival rejected", rivals: []claimSpec{{id: "a", valid: "2024-06-19.."}}, strength: map[string]float64{"a": 3}, rejected: []string{"a"}},
		{
			name:     "one weaker, one as strong",
			rivals:   []claimSpec{{id: "a", valid: "2024-06-19.."}, {id: "b", valid: "2024-09.."}},
			strength: map[string]float64{"a": 1, "b": 2},
			stale:    true,
		},
		{
			// b was there before c: it took over from nothing, so a,
			// weaker, is the only rival that took over.
			name:     "stronger rival there first",
			rivals:   []claimSpec{{id: "a", valid: "2024-06-19.."}, {id: "b", valid: "2010.."}},
			strength: map[string]float64{"a": 1, "b": 5},
		},
		{
			// The stronger rival no longer holds in January 2025: it
			// is no rival then, and c's end stands alone.
			name:     "stronger rival ended",
			rivals:   []claimSpec{{id: "a", valid: "2024-06-19..2024-12"}},
			strength: map[string]float64{"a": 5},
			stale:    true,
		},
		{
			// A rival whose relation with c has lapsed by then is no
			// rival at the date either.
			name:     "relation lapsed",
			rivals:   []claimSpec{{id: "a", valid: "2024-06-19.."}},
			rel:      "..2024-12",
			strength: map[string]float64{"a": 1},
			stale:    true,
		},
		// The appearance in s2 is dated January 2025: it is stale only
		// when it is on every day of the month, so a weaker rival that
		// takes over, or lapses, within the month spares it.
		{
			name:     "weaker rival from mid-month",
			rivals:   []claimSpec{{id: "a", valid: "2025-01-15.."}},
			strength: map[string]float64{"a": 1},
		},
		{
			name:     "weaker rival until mid-month",
			rivals:   []claimSpec{{id: "a", valid: "2024-06-19..2025-01-15"}},
			strength: map[string]float64{"a": 1},
		},
		{
			name:     "relation from mid-month",
			rivals:   []claimSpec{{id: "a", valid: "2024-06-19.."}},
			rel:      "2025-01-15..",
			strength: map[string]float64{"a": 1},
		},
		{
			name:     "stronger rival from mid-month",
			rivals:   []claimSpec{{id: "a", valid: "2025-01-15.."}},
			strength: map[string]float64{"a": 3},
			stale:    true,
		},
		{
			name:     "stronger rival throughout, weaker from mid-month",
			rivals:   []claimSpec{{id: "a", valid: "2024-06-19.."}, {id: "b", valid: "2025-01-15.."}},
			strength: map[string]float64{"a": 3, "b": 1},
			stale:    true,
		},
		{
			name:     "weaker rival throughout, stronger until mid-month",
			rivals:   []claimSpec{{id: "a", valid: "2024-06-19.."}, {id: "b", valid: "2024-09..2025-01-15"}},
			strength: map[string]float64{"a": 1, "b": 3},
		},
		{
			name:     "weaker rival in the year 2025",
			rivals:   []claimSpec{{id: "a", valid: "2025.."}},
			strength: map[string]float64{"a": 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs := append([]claimSpec{{id: "c", valid: "2015..2024-06-19", in: []string{"s1", "s2"}}}, tt.rivals...)
			var rels []claims.Relation
			for i := range tt.rivals {
				cs[i+1].in = []string{"s1"}
				r := contra("c", tt.rivals[i].id)
				r.Validity = period(t, tt.rel)
				rels = append(rels, r)
			}
			g := build(t, pub, cs, rels...)
			opts := timeline.Options{
				Strength: func(id string) float64 {
					if id == "c" {
						return 2
					}
					return tt.strength[id]
				},
				Rejected: func(id string) bool { return slices.Contains(tt.rejected, id) },
			}
			got := stale(t, g, opts)
			stale := len(got) == 1 && got[0].Claim == "c" && got[0].Source == "s2" && got[0].Reason == timeline.Ended
			if stale != tt.stale || len(got) > 1 {
				t.Errorf("Stale = %+v, want c's appearance in s2 stale: %v", got, tt.stale)
			}
		})
	}
}

func TestStaleEqualStrength(t *testing.T) {
	// Equal strength leaves both open: no superseding.
	g := build(t, map[string]string{"s1": "2020", "s2": "2030"}, []claimSpec{
		{id: "a", valid: "", in: []string{"s2"}},
		{id: "b", valid: "2025..", in: []string{"s1"}},
	}, contra("a", "b"))
	if got := stale(t, g, timeline.Options{}); len(got) != 0 {
		t.Errorf("Stale = %+v, want none", got)
	}
}

func TestReasonText(t *testing.T) {
	for r, want := range map[timeline.Reason]string{timeline.Ended: "ended", timeline.Superseded: "superseded"} {
		b, err := r.MarshalText()
		if err != nil || string(b) != want || r.String() != want {
			t.Errorf("%d: MarshalText = %q, %v; String = %q; want %q", r, b, err, r, want)
		}
	}
	if _, err := timeline.Reason(0).MarshalText(); err == nil {
		t.Error("Reason(0).MarshalText: no error")
	}
}

func TestOf(t *testing.T) {
	g := build(t, map[string]string{"s": "2020"}, []claimSpec{
		{id: "x", valid: "2024..", in: []string{"s"}},
		{id: "y", valid: "", in: []string{"s"}},
		{id: "z", valid: "2023-06..", in: []string{"s"}},
		{id: "w", valid: "@2023", in: []string{"s"}},
		{id: "v", valid: "2023-06-01..", in: []string{"s"}},
		{id: "u", valid: "..2020", in: []string{"s"}},
	})
	tests := []struct {
		at   string
		want []string
	}{
		// Open starts first (u, y by ID), then 2023, then 2023-06-01
		// before 2023-06 (same first day, the more precise first), then 2024.
		{"", []string{"u", "y", "w", "v", "z", "x"}},
		// In 2022 only y (always) holds: u ended at the start of 2020.
		{"2022", []string{"y"}},
		// In June 2023: y, w (the year 2023), v and z; x starts in 2024.
		{"2023-06", []string{"y", "w", "v", "z"}},
	}
	for _, tt := range tests {
		t.Run("at "+tt.at, func(t *testing.T) {
			got, err := timeline.Of(g.At(d(t, tt.at)), "e")
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, c := range got {
				ids = append(ids, c.ID)
			}
			if diff := cmp.Diff(tt.want, ids); diff != "" {
				t.Errorf("Of (-want +got):\n%s", diff)
			}
		})
	}
	if _, err := timeline.Of(g.View, "nobody"); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("Of(unknown) error = %v, want ErrNotFound", err)
	}
	// Of must not reorder the graph's own slice.
	about, _ := g.ClaimsAbout("e")
	if about[0].ID != "x" {
		t.Errorf("ClaimsAbout reordered: first is %q", about[0].ID)
	}
}

// TestStaleTakesOver: a superseder takes over from the claim — it starts
// after the claim starts and holds together with it on the appearance's
// date. A stronger rival that was there first, or one whose contradiction
// with the claim is resolved by time, supersedes nothing (red team 5,
// finding 2).
func TestStaleTakesOver(t *testing.T) {
	pub := map[string]string{"s1": "2021-01-01", "s2": "2021-02-01", "s3": "2024-06-01", "s4": "2023"}
	tests := []struct {
		name string
		cs   []claimSpec
		rel  string   // the contradiction's validity, as period takes it
		want []string // claim:by of each stale item
	}{{
		// super.yaml: c holds from 2025, repeated in 2024 while the
		// stronger o still holds; o ends when c begins: resolved by time.
		name: "resolved by time",
		cs: []claimSpec{
			{id: "o", valid: "2020..2025", in: []string{"s1", "s2"}},
			{id: "c", valid: "2025..", in: []string{"s3"}},
		},
	}, {
		// c is newer than the stronger o: c is contested, not out of date.
		name: "rival there first",
		cs: []claimSpec{
			{id: "o", valid: "2020..", in: []string{"s1", "s2"}},
			{id: "c", valid: "2022..", in: []string{"s4"}},
		},
	}, {
		// The control: o starts after c and both hold in 2024.
		name: "rival takes over",
		cs: []claimSpec{
			{id: "o", valid: "2023..", in: []string{"s1", "s2"}},
			{id: "c", valid: "2020..", in: []string{"s3"}},
		},
		want: []string{"c:o"},
	}, {
		// o holds on 1-14 June 2024 only: an article dated June 2024
		// may be of 20 June, when c holds and o no longer does, and a
		// partial date counts only when every day of it qualifies.
		name: "rival ends within the date",
		cs: []claimSpec{
			{id: "o", valid: "2024-06-01..2024-06-15", in: []string{"s1", "s2"}},
			{id: "c", valid: "2020..", in: []string{"s3", "s3"}, dates: []string{"2024-06", "2024-06-10"}},
		},
		want: []string{"c:o"}, // the appearance of 10 June alone
	}, {
		// The same with the relation ending within the date.
		name: "relation ends within the date",
		cs: []claimSpec{
			{id: "o", valid: "2024-06-01..", in: []string{"s1", "s2"}},
			{id: "c", valid: "2020..", in: []string{"s3", "s3"}, dates: []string{"2024-06", "2024-06-10"}},
		},
		rel:  "2024-06-01..2024-06-15",
		want: []string{"c:o"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := contra("c", "o")
			r.Validity = period(t, tt.rel)
			g := build(t, pub, tt.cs, r)
			var got []string
			for _, it := range stale(t, g, timeline.Options{}) {
				got = append(got, it.Claim+":"+it.By)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Stale (-want +got):\n%s", diff)
			}
		})
	}
}

// TestStaleEndedDays checks the end rule against its definition, day by
// day, on random rivals (fixed seed): an appearance after its claim's
// end, at a partial date, is stale when on every day of the date either
// no rival that came after the claim holds with its relation, or one that
// is not rejected and not weaker does.
func TestStaleEndedDays(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	day := func() time.Time { return time.Date(2024, 6, 19, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(600)) }
	str := func(tm time.Time) string { return tm.Format("2006-01-02") }
	for i := range 300 {
		var rivals []claimSpec
		var rels []claims.Relation
		strength := map[string]float64{"c": 2}
		rejected := map[string]bool{}
		for k := range 1 + rng.IntN(4) {
			id := fmt.Sprintf("r%d", k)
			from := day()
			valid := str(from) + ".."
			if rng.IntN(2) == 0 {
				valid += str(from.AddDate(0, 0, 1+rng.IntN(200)))
			}
			rivals = append(rivals, claimSpec{id: id, valid: valid, in: []string{"s1"}})
			r := contra("c", id)
			if rng.IntN(3) == 0 {
				lo := day()
				r.Validity = period(t, str(lo)+".."+str(lo.AddDate(0, 0, 1+rng.IntN(200))))
			}
			rels = append(rels, r)
			strength[id] = float64(1 + rng.IntN(3))
			rejected[id] = rng.IntN(5) == 0
		}
		var at string
		switch m := 1 + rng.IntN(12); rng.IntN(3) {
		case 0:
			at = "2025"
		case 1:
			at = fmt.Sprintf("2025-%02d", m)
		default:
			at = fmt.Sprintf("2025-%02d-%02d", m, 1+rng.IntN(28))
		}
		cs := append([]claimSpec{{id: "c", valid: "2015..2024-06-19", in: []string{"s1", "s2"}, dates: []string{"", at}}}, rivals...)
		g := build(t, map[string]string{"s1": "2020", "s2": ""}, cs, rels...)
		got := stale(t, g, timeline.Options{
			Strength: func(id string) float64 { return strength[id] },
			Rejected: func(id string) bool { return rejected[id] },
		})
		date := d(t, at)
		want := true
		for x := date.First().Time(); !x.After(date.Last().Time()); x = x.AddDate(0, 0, 1) {
			weak, strong := false, false
			for k, r := range rivals {
				if claims.HoldTogether(claims.DateOf(x), period(t, r.valid), rels[k].Validity, claims.Validity{}) {
					s := !rejected[r.id] && strength[r.id] >= 2
					weak, strong = weak || !s, strong || s
				}
			}
			if weak && !strong {
				want = false
				break
			}
		}
		if stale := len(got) == 1; stale != want || len(got) > 1 {
			t.Fatalf("case %d at %s, rivals %+v, relations %+v, strengths %v, rejected %v: stale items %+v, want stale %v",
				i, at, rivals, rels, strength, rejected, got, want)
		}
	}
}

// TestStaleTolerance: strengths are compared as the verdicts compare
// evidence, equal within evidence.Tolerance: a rival weighing 0.1 + 0.2
// against 0.3 neither supersedes the claim nor is weaker than it.
func TestStaleTolerance(t *testing.T) {
	strength := func(id string) float64 {
		if id == "o" {
			return 0.1 + 0.2 // 0.30000000000000004
		}
		return 0.3
	}
	pub := map[string]string{"s1": "2021", "s2": "2025-01"}
	for _, tt := range []struct {
		name, c string
		want    int
	}{
		{"not superseded", "2020..", 0},    // live rival as strong: contests, does not supersede
		{"end stands", "2015..2023-06", 1}, // ended, the rival that took over as strong
	} {
		g := build(t, pub, []claimSpec{
			{id: "c", valid: tt.c, in: []string{"s1", "s2"}},
			{id: "o", valid: "2023-06..", in: []string{"s1"}},
		}, contra("c", "o"))
		if got := stale(t, g, timeline.Options{Strength: strength}); len(got) != tt.want {
			t.Errorf("%s: %+v, want %d item", tt.name, got, tt.want)
		}
	}
}
