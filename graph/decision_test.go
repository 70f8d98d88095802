package graph_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
)

// The matching decisions same_as and distinct_from are relations like
// the others as far as storage and formats go, but bear on no verdict.
func TestDecisions(t *testing.T) {
	g, err := graph.Load(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	before := g.Counts()
	nLinks := len(slices.Collect(g.Links()))
	distinct := claims.Relation{From: "dprk-only-china-defence-pact", To: "china-only-defence-pact", Kind: claims.DistinctFrom, AssertedBy: "desk"}
	same := claims.Relation{From: "kim-chair-wiped", To: "kim-glass-removed", Kind: claims.SameAs}
	if err := g.Apply(graph.Batch{Relations: []claims.Relation{distinct, same}}); err != nil {
		t.Fatal(err)
	}
	after := g.Counts()
	if after.Decisions != before.Decisions+2 || after.Supports != before.Supports || after.Contradictions != before.Contradictions {
		t.Errorf("counts before %+v, after %+v: want two more decisions and nothing else", before, after)
	}
	if n := len(slices.Collect(g.Links())); n != nLinks {
		t.Errorf("Links yields %d relations after two decisions, want %d as before", n, nLinks)
	}
	for _, id := range []string{"china-only-defence-pact", "kim-chair-wiped"} {
		rs, err := g.Contradictions(id)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rs {
			if !r.Kind.Bearing() {
				t.Errorf("Contradictions(%s) yields decision %+v", id, r)
			}
		}
		sup, _ := g.Supported(id)
		for _, r := range sup {
			if !r.Kind.Bearing() {
				t.Errorf("Supported(%s) yields decision %+v", id, r)
			}
		}
	}

	// Each way round, a second decision on a decided pair is refused.
	for _, tc := range []struct {
		r    claims.Relation
		want error
	}{
		{claims.Relation{From: "china-only-defence-pact", To: "dprk-only-china-defence-pact", Kind: claims.DistinctFrom}, graph.ErrDuplicateRelation},
		{claims.Relation{From: "china-only-defence-pact", To: "dprk-only-china-defence-pact", Kind: claims.SameAs}, graph.ErrConflictingRelation},
		{claims.Relation{From: "kim-glass-removed", To: "kim-chair-wiped", Kind: claims.Contradicts}, graph.ErrConflictingRelation},
		{claims.Relation{From: "china-only-defence-pact", To: "russia-dprk-defence-treaty-2024", Kind: claims.SameAs}, graph.ErrConflictingRelation},
	} {
		if err := g.AddRelation(tc.r); !errors.Is(err, tc.want) {
			t.Errorf("AddRelation(%s %s %s) = %v, want %v", tc.r.From, tc.r.Kind, tc.r.To, err, tc.want)
		}
	}

	// Decisions survive every format.
	y := yamlText(t, g)
	for _, w := range []string{"kind: distinct_from", "kind: same_as"} {
		if !strings.Contains(y, w) {
			t.Errorf("YAML lacks %q", w)
		}
	}
	back, err := graph.ReadYAML(strings.NewReader(y), "decisions.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if got := back.Counts().Decisions; got != after.Decisions {
		t.Errorf("YAML round trip keeps %d decisions, want %d", got, after.Decisions)
	}
	roundTrip(t, g)
	l, err := graph.ReadJSONL(strings.NewReader(jsonlText(t, g)), "decisions.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if got := l.Counts().Decisions; got != after.Decisions {
		t.Errorf("JSONL round trip keeps %d decisions, want %d", got, after.Decisions)
	}
}

// Language tags of claims and quotes survive every format.
func TestLangRoundTrip(t *testing.T) {
	const in = `claimgraph: 1
sources:
  - id: s
    kind: news-article
claims:
  - id: c
    text: Kims Personal beseitigte alle Spuren.
    lang: de
    appearances:
      - source: s
        quote: Le personnel a effacé toutes les traces.
        lang: fr-CH
`
	g, err := graph.ReadYAML(strings.NewReader(in), "lang.yaml")
	if err != nil {
		t.Fatal(err)
	}
	c, ok := g.Claim("c")
	if !ok {
		t.Fatal("claim c not read")
	}
	if c.Lang != "de" || c.Appearances[0].Lang != "fr-CH" {
		t.Fatalf("read lang %q and %q", c.Lang, c.Appearances[0].Lang)
	}
	if y := yamlText(t, g); !strings.Contains(y, "lang: de\n") || !strings.Contains(y, "lang: fr-CH\n") {
		t.Errorf("YAML lacks the tags:\n%s", y)
	}
	roundTrip(t, g)
	l, err := graph.ReadJSONL(strings.NewReader(jsonlText(t, g)), "lang.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if diff := yamlText(t, l); diff != yamlText(t, g) {
		t.Errorf("JSONL round trip changed the graph:\n%s", diff)
	}
}
