package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/claimgraph/claimgraph/graph"
)

// TestQueryGolden runs every query on testdata/kim-putin.yaml, in text and
// JSON, against golden files.
func TestQueryGolden(t *testing.T) {
	pkg := chdirRoot(t)
	needKimPutin(t)
	tests := []struct{ cmd, id string }{
		{"contradictions", "china-only-defence-pact"},
		{"support", "trace-removal-standard-protocol"},
		{"about", "kim-jong-un"},
		{"sources", "kim-staff-wiped-traces"},
	}
	for _, tt := range tests {
		t.Run(tt.cmd, func(t *testing.T) {
			text := runOK(t, tt.cmd, defaultFile, tt.id)
			checkWidth(t, text)
			golden(t, pkg, tt.cmd+".golden", text)
			golden(t, pkg, tt.cmd+".json.golden", runOK(t, tt.cmd, defaultFile, tt.id, "--json"))
		})
	}
}

// contradictionsDoc is the JSON document of the contradictions command.
type contradictionsDoc struct {
	Claim          jsonClaim `json:"claim"`
	Contradictions []struct {
		Claim    jsonClaim    `json:"claim"`
		Relation jsonRelation `json:"relation"`
	} `json:"contradictions"`
}

// TestContradictionsTreaty checks that the claim that China was North
// Korea's only pact partner is contradicted by the 2024 treaty with
// Russia, and that the sources of both claims are those of their
// appearances, read here from the graph library directly.
func TestContradictionsTreaty(t *testing.T) {
	chdirRoot(t)
	needKimPutin(t)
	const only, treaty = "china-only-defence-pact", "russia-dprk-defence-treaty-2024"
	g, err := graph.Load(defaultFile)
	if err != nil {
		t.Fatal(err)
	}
	// The expected sources: those of each claim's appearances, first
	// appearance first, each once.
	sourcesOf := func(id string) string {
		c, ok := g.Claim(id)
		if !ok {
			t.Fatalf("%s: no such claim in %s", id, defaultFile)
		}
		var ids []string
		seen := map[string]bool{}
		for _, a := range c.Appearances {
			if !seen[a.Source] {
				seen[a.Source] = true
				ids = append(ids, a.Source)
			}
		}
		return strings.Join(ids, ",")
	}

	var doc contradictionsDoc
	if err := json.Unmarshal([]byte(runOK(t, "contradictions", defaultFile, only, "--json")), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Claim.ID != only || sourceIDs(doc.Claim) != sourcesOf(only) {
		t.Errorf("claim %s with sources %s; want %s with %s", doc.Claim.ID, sourceIDs(doc.Claim), only, sourcesOf(only))
	}
	found := false
	for _, c := range doc.Contradictions {
		if c.Claim.ID != treaty {
			continue
		}
		found = true
		if got, want := sourceIDs(c.Claim), sourcesOf(treaty); got != want {
			t.Errorf("sources of %s: %s, want %s", treaty, got, want)
		}
		if c.Claim.Text == "" || len(c.Claim.Sources) == 0 {
			t.Errorf("%s without text or sources: %+v", treaty, c.Claim)
		}
	}
	if !found {
		t.Errorf("%s not among the contradictions of %s: %+v", treaty, only, doc.Contradictions)
	}

	// The text lists the treaty claim and the sources of both by ID.
	text := runOK(t, "contradictions", defaultFile, only)
	for _, s := range append([]string{treaty}, strings.Split(sourcesOf(only)+","+sourcesOf(treaty), ",")...) {
		if !strings.Contains(text, s) {
			t.Errorf("text output lacks %q:\n%s", s, text)
		}
	}
}

// TestQueriesMini checks each query on the hand-written fixture, with the
// answers worked out by reading testdata/mini.yaml.
func TestQueriesMini(t *testing.T) {
	t.Run("contradictions", func(t *testing.T) {
		// only-china is contradicted by new-treaty alone, a relation
		// stated by paper-2 and written from new-treaty.
		var doc contradictionsDoc
		if err := json.Unmarshal([]byte(runOK(t, "contradictions", miniFile, "only-china", "--json")), &doc); err != nil {
			t.Fatal(err)
		}
		if len(doc.Contradictions) != 1 {
			t.Fatalf("%d contradictions, want 1", len(doc.Contradictions))
		}
		c := doc.Contradictions[0]
		got := []string{c.Claim.ID, sourceIDs(c.Claim), c.Relation.From, c.Relation.To, strings.Join(c.Relation.Sources, ",")}
		if diff := cmp.Diff([]string{"new-treaty", "wire-1,paper-2", "new-treaty", "only-china", "paper-2"}, got); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
	t.Run("support", func(t *testing.T) {
		// summit-held supports new-treaty directly; motorcade-seen
		// supports it through summit-held, at depth 2.
		var doc struct {
			Supporters []struct {
				Claim jsonClaim `json:"claim"`
			} `json:"supporters"`
			Chains []jsonChainNode `json:"chains"`
		}
		if err := json.Unmarshal([]byte(runOK(t, "support", miniFile, "new-treaty", "--json")), &doc); err != nil {
			t.Fatal(err)
		}
		if len(doc.Supporters) != 1 || doc.Supporters[0].Claim.ID != "summit-held" {
			t.Errorf("supporters %+v, want summit-held", doc.Supporters)
		}
		want := []jsonChainNode{
			{Supporter: "summit-held", Depth: 1, Supports: "new-treaty", Next: -1},
			{Supporter: "motorcade-seen", Depth: 2, Supports: "summit-held", Next: 0},
		}
		if diff := cmp.Diff(want, doc.Chains); diff != "" {
			t.Errorf("chains (-want +got):\n%s", diff)
		}
		text := runOK(t, "support", miniFile, "new-treaty")
		if !strings.Contains(text, "depth 2: motorcade-seen -supports-> summit-held\n") {
			t.Errorf("text lacks the depth-2 chain:\n%s", text)
		}
	})
	t.Run("about", func(t *testing.T) {
		// north-korea is in the about lists of three claims.
		var doc struct {
			Entity jsonEntity  `json:"entity"`
			Claims []jsonClaim `json:"claims"`
		}
		if err := json.Unmarshal([]byte(runOK(t, "about", miniFile, "north-korea", "--json")), &doc); err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, c := range doc.Claims {
			ids = append(ids, c.ID)
		}
		if diff := cmp.Diff([]string{"only-china", "new-treaty", "summit-held"}, ids); diff != "" {
			t.Errorf("claims (-want +got):\n%s", diff)
		}
		if doc.Entity != (jsonEntity{ID: "north-korea", Name: "North Korea", Kind: "country"}) {
			t.Errorf("entity %+v", doc.Entity)
		}
	})
	t.Run("sources", func(t *testing.T) {
		// new-treaty appears in wire-1 without a date (so the wire's
		// 2024-06-19) and in paper-2 dated 2024-06-19, said by
		// official-b, taken via wire-1.
		var doc struct {
			Appearances []jsonAppearance `json:"appearances"`
		}
		if err := json.Unmarshal([]byte(runOK(t, "sources", miniFile, "new-treaty", "--json")), &doc); err != nil {
			t.Fatal(err)
		}
		type row struct{ Source, Speaker, Date, Via string }
		var got []row
		for i, a := range doc.Appearances {
			r := row{Source: a.Source.ID, Date: a.Date, Via: a.Via}
			if a.Speaker != nil {
				r.Speaker = a.Speaker.ID
			}
			got = append(got, r)
			if a.DateFromSource != (i == 0) {
				t.Errorf("appearance %d: date_from_source %v", i, a.DateFromSource)
			}
		}
		want := []row{{"wire-1", "", "2024-06-19", ""}, {"paper-2", "official-b", "2024-06-19", "wire-1"}}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("appearances (-want +got):\n%s", diff)
		}
		// only-china has a quote.
		text := runOK(t, "sources", miniFile, "only-china")
		if !strings.Contains(text, `quote: "China was, until now, its only treaty ally."`) {
			t.Errorf("text lacks the quote:\n%s", text)
		}
	})
}

func TestQueryErrors(t *testing.T) {
	testErrors(t, []errCase{
		{"unknown claim", []string{"contradictions", miniFile, "nope"}, 1, `no claim "nope"`},
		{"unknown claim support", []string{"support", miniFile, "nope"}, 1, `"nope"`},
		{"unknown claim sources", []string{"sources", miniFile, "nope"}, 1, `"nope"`},
		{"unknown entity", []string{"about", miniFile, "atlantis"}, 1, `"atlantis"`},
		{"claim for entity", []string{"about", miniFile, "new-treaty"}, 1, `not an entity`},
		{"entity for claim", []string{"support", miniFile, "china"}, 1, `"china"`},
		{"source for claim", []string{"sources", miniFile, "wire-1"}, 1, `"wire-1"`},
		{"missing file", []string{"about", "testdata/absent.yaml", "x"}, 1, "absent.yaml"},
		{"one argument", []string{"support", miniFile}, 2, "usage: claimgraph support FILE CLAIM-ID"},
		{"three arguments", []string{"sources", miniFile, "a", "b"}, 2, "want 2 arguments"},
	})
}
