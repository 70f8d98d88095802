package timeline_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/timeline"
	"github.com/claimgraph/claimgraph/graph/verdict"
	"github.com/claimgraph/claimgraph/sources"
)

// TestStaleCountsOrigins: a rumour relayed by nine outlets from one
// anonymous official, from 2024, against a denial by two independent
// officials that holds always. Counting sources, the rumour (9) would
// supersede the denial (2) in 2025; counting origins it (1) does not.
func TestStaleCountsOrigins(t *testing.T) {
	b := graph.Batch{Sources: []sources.Source{
		{ID: "official", Kind: sources.Informant},
		{ID: "off1", Kind: sources.OfficialStatement}, {ID: "off2", Kind: sources.OfficialStatement},
		{ID: "late", Kind: sources.NewsArticle, Published: d(t, "2025-02")},
	}}
	rumour := claims.Claim{ID: "rumour", Text: "R.", Validity: claims.Validity{From: d(t, "2024")}}
	for i := range 9 {
		id := fmt.Sprintf("outlet%d", i)
		b.Sources = append(b.Sources, sources.Source{ID: id, Kind: sources.NewsArticle, Published: d(t, "2024-05"),
			DerivedFrom: []sources.Derivation{{Source: "official", Kind: sources.Quotes}}})
		rumour.Appearances = append(rumour.Appearances, claims.Appearance{Source: id, Via: "official"})
	}
	denial := claims.Claim{ID: "denial", Text: "D.", Appearances: []claims.Appearance{{Source: "off1"}, {Source: "off2"}, {Source: "late"}}}
	b.Claims = []claims.Claim{rumour, denial}
	b.Relations = []claims.Relation{contra("rumour", "denial")}
	g := applied(t, b)
	if got := stale(t, g, timeline.Options{}); len(got) != 0 {
		t.Errorf("counting origins: %d stale items, want none: %+v", len(got), got)
	}
	// The contrast: counting sources, and with no verdicts to reject the
	// rumour (which the denial's two origins defeat).
	none := func(string) bool { return false }
	got := stale(t, g, timeline.Options{Strength: timeline.SourceCount(g), Rejected: none})
	if len(got) != 1 || got[0].Claim != "denial" || got[0].Source != "late" || got[0].By != "rumour" {
		t.Errorf("counting sources: %+v, want the denial's 2025 appearance superseded by the rumour", got)
	}
}

// TestStaleWeighsTrust: the graph of TestStaleCountsOrigins with
// Options.Verdict.Trust trusting the anonymous official fully and the
// two officials little: the rumour (1) now outweighs the denial (0.1 +
// 0.1 + 0.5 for the late article of unknown trust), the verdicts of
// that trust accept it, and it supersedes the denial's 2025 appearance.
func TestStaleWeighsTrust(t *testing.T) {
	b := graph.Batch{Sources: []sources.Source{
		{ID: "official", Kind: sources.Informant},
		{ID: "off1", Kind: sources.OfficialStatement}, {ID: "off2", Kind: sources.OfficialStatement},
		{ID: "late", Kind: sources.NewsArticle, Published: d(t, "2025-02")},
	}, Claims: []claims.Claim{
		{ID: "rumour", Text: "R.", Validity: claims.Validity{From: d(t, "2024")}, Appearances: []claims.Appearance{{Source: "official"}}},
		{ID: "denial", Text: "D.", Appearances: []claims.Appearance{{Source: "off1"}, {Source: "off2"}, {Source: "late"}}},
	}, Relations: []claims.Relation{contra("rumour", "denial")}}
	g := applied(t, b)
	if got := stale(t, g, timeline.Options{}); len(got) != 0 {
		t.Fatalf("without trust: %+v, want none", got)
	}
	trust := map[string]float64{"official": 1, "off1": 0.1, "off2": 0.1}
	got := stale(t, g, timeline.Options{Verdict: verdict.Options{Trust: trust}})
	if len(got) != 1 || got[0].Claim != "denial" || got[0].By != "rumour" || got[0].ByStrength != 1 || math.Abs(got[0].Strength-0.7) > 1e-9 {
		t.Errorf("with trust: %+v, want the denial's 2025 appearance superseded by the rumour, 1 against 0.7", got)
	}
}

// TestStaleEventsAndPast: an event reported long after it happened, and
// a remark about the time before a claim ended, are not stale; the same
// remark without about_past is.
func TestStaleEventsAndPast(t *testing.T) {
	b := graph.Batch{
		Sources: []sources.Source{
			{ID: "agency", Kind: sources.NewsArticle, Published: d(t, "2025-09-04")},
			{ID: "later", Kind: sources.NewsArticle, Published: d(t, "2026")},
		},
		Claims: []claims.Claim{
			{ID: "met", Text: "They met.", Validity: claims.Validity{Occurred: d(t, "2025-09-03")},
				Appearances: []claims.Appearance{{Source: "agency"}, {Source: "later"}}},
			{ID: "only", Text: "It was the only pact.", Validity: claims.Validity{Until: d(t, "2024-06-19")},
				Appearances: []claims.Appearance{{Source: "later", AboutPast: true}, {Source: "agency"}}},
		},
	}
	g := applied(t, b)
	got := stale(t, g, timeline.Options{})
	if len(got) != 1 || got[0].Claim != "only" || got[0].Appearance != 1 || got[0].Reason != timeline.Ended {
		t.Errorf("stale: %+v, want only the agency's appearance of \"only\", ended", got)
	}
	// The event holds from the day it happened on, and never ends.
	v := claims.Validity{Occurred: d(t, "2025-09-03")}
	if v.Holds(d(t, "2025-09-02")) || !v.Holds(d(t, "2030")) || v.Ended(d(t, "2030")) {
		t.Errorf("occurred 2025-09-03: holds on 09-02 %v, in 2030 %v, ended by 2030 %v", v.Holds(d(t, "2025-09-02")), v.Holds(d(t, "2030")), v.Ended(d(t, "2030")))
	}
}

// TestStaleSupersededByRejected: a claim the verdicts reject supersedes
// nothing (red team: "a superseded by b (evidence 2 > 1)" while b was
// rejected by k, three independent officials denying it).
func TestStaleSupersededByRejected(t *testing.T) {
	b := graph.Batch{Sources: []sources.Source{
		{ID: "s1", Kind: sources.NewsArticle},
		{ID: "b1", Kind: sources.NewsArticle}, {ID: "b2", Kind: sources.NewsArticle},
		{ID: "k1", Kind: sources.OfficialStatement}, {ID: "k2", Kind: sources.OfficialStatement},
		{ID: "k3", Kind: sources.OfficialStatement},
	}}
	b.Claims = []claims.Claim{
		{ID: "a", Text: "Smith is CEO.", Validity: claims.Validity{From: d(t, "2020")},
			Appearances: []claims.Appearance{{Source: "s1", Date: d(t, "2025-03-01")}}},
		{ID: "b", Text: "Jones has been CEO since 2024.", Validity: claims.Validity{From: d(t, "2024")},
			Appearances: []claims.Appearance{{Source: "b1"}, {Source: "b2"}}},
		{ID: "k", Text: "Jones never became CEO.",
			Appearances: []claims.Appearance{{Source: "k1"}, {Source: "k2"}, {Source: "k3"}}},
	}
	b.Relations = []claims.Relation{contra("b", "a"), contra("k", "b")}
	g := applied(t, b)
	if got := stale(t, g, timeline.Options{}); len(got) != 0 {
		t.Errorf("stale items %+v, want none: b, the only rival, is rejected", got)
	}
	// Without the verdicts, b (2 origins) would supersede a (1).
	none := func(string) bool { return false }
	if got := stale(t, g, timeline.Options{Rejected: none}); len(got) != 1 || got[0].By != "b" {
		t.Errorf("with nothing rejected: %+v, want a's appearance superseded by b", got)
	}
}

// TestStaleCappedNotSuperseded: a claim whose lent evidence fills the cap
// (a lower bound: 70 supporters with an origin each, counted as at least
// 65) is not superseded by a rival of 66 origins, which the verdicts leave
// open against it rather than prefer; without the cap, the same rival
// would supersede a claim of fewer origins.
func TestStaleCappedNotSuperseded(t *testing.T) {
	var b graph.Batch
	source := func(id string) string {
		b.Sources = append(b.Sources, sources.Source{ID: id, Kind: sources.NewsArticle})
		return id
	}
	hub := claims.Claim{ID: "hub", Text: "Smith is CEO.", Validity: claims.Validity{From: d(t, "2020")},
		Appearances: []claims.Appearance{{Source: source("h"), Date: d(t, "2025-03-01")}}}
	rival := claims.Claim{ID: "rival", Text: "Jones has been CEO since 2024.", Validity: claims.Validity{From: d(t, "2024")}}
	for i := range 66 {
		rival.Appearances = append(rival.Appearances, claims.Appearance{Source: source(fmt.Sprintf("r%d", i))})
	}
	b.Claims = append(b.Claims, hub, rival)
	for i := range 70 {
		id := fmt.Sprintf("p%d", i)
		b.Claims = append(b.Claims, claims.Claim{ID: id, Text: "Support " + id + ".", Appearances: []claims.Appearance{{Source: source("s" + id)}}})
		b.Relations = append(b.Relations, claims.Relation{From: id, To: "hub", Kind: claims.Supports})
	}
	b.Relations = append(b.Relations, contra("rival", "hub"))
	g := applied(t, b)
	if got := stale(t, g, timeline.Options{}); len(got) != 0 {
		t.Errorf("stale items %+v, want none: hub's evidence is capped, at least 65, not shown weaker than 66", got)
	}
}

// TestStrengthSilencesRejected: the evidence staleness compares is the
// verdicts' (a rejected supporter lends nothing), whichever way Strength
// comes to its default. r (3 origins) is rejected by k (4) and supports
// new; so new weighs 1, as old does, and old's 2024 appearance is not
// superseded. (timeline.Evidence, and the default beside a Rejected
// given, weighed new 4 before: lent by a claim the same run rejects.)
func TestStrengthSilencesRejected(t *testing.T) {
	var b graph.Batch
	claim := func(id string, srcs ...string) claims.Claim {
		c := claims.Claim{ID: id, Text: "Claim " + id + "."}
		for _, s := range srcs {
			b.Sources = append(b.Sources, sources.Source{ID: s, Title: s, Kind: sources.NewsArticle})
			c.Appearances = append(c.Appearances, claims.Appearance{Source: s})
		}
		return c
	}
	old, nw := claim("old", "o1"), claim("new", "n1")
	old.Validity.From, old.Appearances[0].Date = d(t, "2020"), d(t, "2024-05-01")
	nw.Validity.From = d(t, "2023")
	b.Claims = []claims.Claim{claim("k", "k1", "k2", "k3", "k4"), claim("r", "r1", "r2", "r3"), old, nw}
	b.Relations = []claims.Relation{contra("k", "r"), {From: "r", To: "new", Kind: claims.Supports}, contra("old", "new")}
	g := applied(t, b)
	r, err := verdict.Compute(g.Snapshot(), verdict.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if vd, _ := r.Verdict("new"); vd.Evidence != 1 || !r.Silent["r"] {
		t.Fatalf("verdicts: new weighs %v, silent %v; want 1, r silent", vd.Evidence, r.Silent)
	}
	strength := timeline.Evidence(g)
	if got := strength("new"); got != 1 {
		t.Errorf("timeline.Evidence(new) = %v, the verdicts weigh 1", got)
	}
	rejected := func(id string) bool { vd, _ := r.Verdict(id); return vd.Label == verdict.Rejected }
	for name, o := range map[string]timeline.Options{
		"default":            {},
		"Strength: Evidence": {Strength: strength},
		"Rejected given":     {Rejected: rejected},
	} {
		if got := stale(t, g, o); len(got) != 0 {
			t.Errorf("%s: %+v; want none (old and new weigh 1 each)", name, got)
		}
	}
}
