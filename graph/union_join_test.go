package graph_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
)

// twoApart is desk A's file: a and b apart, each with a relation to c;
// what the relation of c and b says follows.
const twoApart = "claimgraph: 1\nsources:\n  - {id: s1, kind: wire}\n  - {id: s2, kind: wire}\n" + `claims:
  - {id: a, text: A., appearances: [{source: s1}]}
  - {id: b, text: B., appearances: [{source: s2}]}
  - {id: c, text: C.}
relations:
  - {from: a, to: c, kind: contradicts, note: na}
  - {from: c, to: b, kind: contradicts`

// bIntoA is desk B's file: b merged into a, with the relations joined
// as "claimgraph edit --merge b=a" joins them; what a contradicts c
// says follows.
const bIntoA = "claimgraph: 1\nsources:\n  - {id: s1, kind: wire}\n  - {id: s2, kind: wire}\n" + `claims:
  - {id: a, text: A., appearances: [{source: s1}, {source: s2}], merged: [b]}
  - {id: c, text: C.}
relations:
  - {from: a, to: c, kind: contradicts`

// TestUnionJoinsCollapsedRelations: when the other desk's merge makes
// two relations of one file one, the union joins them as a merge in a
// change does (sources and notes), so that a desk whose merge joined
// them agrees with one that has them apart, in either order, and
// nothing either relation says is lost.
func TestUnionJoinsCollapsedRelations(t *testing.T) {
	for _, tc := range []struct{ name, a, b string }{
		{"sources", twoApart + ", sources: [s2]}\n", bIntoA + ", note: na, sources: [s2]}\n"},
		{"note", twoApart + ", note: nb}\n", bIntoA + ", note: na; nb}\n"},
		{"note joined the other way", twoApart + ", note: nb}\n", bIntoA + ", note: nb; na}\n"},
		{"the other desk's merge only", twoApart + ", note: nb, sources: [s2]}\n", strings.Replace(bIntoA, "relations:\n  - {from: a, to: c, kind: contradicts", "", 1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, files := range [][2]string{{tc.a, tc.b}, {tc.b, tc.a}} {
				g, conflicts, err := union(t, files[0], files[1], graph.PreferNone)
				if err != nil || len(conflicts) != 0 {
					t.Fatalf("union: %v, conflicts %+v", err, conflicts)
				}
				var rels []claims.Relation
				for r := range g.Relations() {
					rels = append(rels, r)
				}
				if len(rels) != 1 {
					t.Fatalf("relations %+v, want a contradicts c once", rels)
				}
				r := rels[0]
				if want := strings.Contains(tc.a, "sources: [s2]"); want != slices.Equal(r.Sources, []string{"s2"}) {
					t.Errorf("sources %v, want [s2] %v", r.Sources, want)
				}
				if want := strings.Contains(tc.a, "nb"); !strings.Contains(r.Note, "na") || want != strings.Contains(r.Note, "nb") {
					t.Errorf("note %q, want na, and nb %v, joined", r.Note, want)
				}
			}
		})
	}
}

// TestUnionCollapsedRelationsDiffer: when the other desk's merge makes
// two relations of one file one and they differ in validity, confidence
// or asserter, the union refuses as a merge in a change does, whatever
// the preference: dropping either would lose a live relation.
func TestUnionCollapsedRelationsDiffer(t *testing.T) {
	merged := strings.Replace(bIntoA, "relations:\n  - {from: a, to: c, kind: contradicts", "", 1)
	for _, tc := range []struct{ name, ac, cb, field string }{
		{"validity", "valid_until: 2020", "valid_from: 2023", "valid_until"},
		{"confidence", "confidence: 0.9", "confidence: 0.6", "confidence"},
		{"asserted_by", "asserted_by: jo", "asserted_by: ed, sources: [s2]", "asserted_by"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := strings.Replace(twoApart, "note: na}", "note: na, "+tc.ac+"}", 1) + ", " + tc.cb + "}\n"
			for _, files := range [][2]string{{a, merged}, {merged, a}} {
				for _, p := range []graph.Prefer{graph.PreferNone, graph.PreferA, graph.PreferB} {
					g, conflicts, err := union(t, files[0], files[1], p)
					if g != nil || !errors.Is(err, graph.ErrConflict) {
						t.Fatalf("prefer %d: union %v, want a conflict no preference settles", p, err)
					}
					if len(conflicts) != 1 || conflicts[0].Resolvable || !slices.Contains(conflicts[0].Fields, tc.field) ||
						slices.Contains(conflicts[0].Fields, "note") || !strings.Contains(conflicts[0].Note, `merges "b" into "a"`) {
						t.Errorf("prefer %d: conflicts %+v, want one in %s naming the merge", p, conflicts, tc.field)
					}
				}
			}
		})
	}
}

// TestUnionFoldsAppearances: desk B merged source s2 into s1, which
// made a's two appearances one with their notes joined; desk A has them
// apart. That is no conflict, in either order.
func TestUnionFoldsAppearances(t *testing.T) {
	a := "claimgraph: 1\nsources:\n  - {id: s1, kind: wire}\n  - {id: s2, kind: wire}\n" + `claims:
  - id: a
    text: A.
    appearances:
      - {source: s1, note: first}
      - {source: s2, note: second}
`
	b := "claimgraph: 1\nsources:\n  - {id: s1, kind: wire, merged: [s2]}\n" + `claims:
  - {id: a, text: A., appearances: [{source: s1, note: first; second}]}
`
	for _, files := range [][2]string{{a, b}, {b, a}} {
		g, conflicts, err := union(t, files[0], files[1], graph.PreferNone)
		if err != nil || len(conflicts) != 0 {
			t.Fatalf("union: %v, conflicts %+v", err, conflicts)
		}
		if c, _ := g.Claim("a"); len(c.Appearances) != 1 || c.Appearances[0].Note != "first; second" {
			t.Errorf("a's appearances %+v, want one, noted first; second", c.Appearances)
		}
	}
	// What still differs after the fold is a conflict.
	b = strings.Replace(b, "first; second", "first; third", 1)
	if _, conflicts, err := union(t, a, b, graph.PreferNone); !errors.Is(err, graph.ErrConflict) || len(conflicts) != 1 {
		t.Errorf("union %v, conflicts %+v, want one in appearances", err, conflicts)
	}
}

// TestUnionJoinsAsMerge: the relation the union joins is the one a
// merge in a change makes, whatever order the file has them in: the
// relation moved from b joins a's.
func TestUnionJoinsAsMerge(t *testing.T) {
	a := "claimgraph: 1\nsources:\n  - {id: s1, kind: wire}\n  - {id: s2, kind: wire}\n" + `claims:
  - {id: a, text: A., appearances: [{source: s1}]}
  - {id: b, text: B., appearances: [{source: s2}]}
  - {id: c, text: C.}
relations:
  - {from: c, to: b, kind: contradicts, note: nb, sources: [s2]}
  - {from: a, to: c, kind: contradicts, note: na}
`
	b := strings.Replace(bIntoA, "relations:\n  - {from: a, to: c, kind: contradicts", "", 1)
	want, err := graph.ReadYAML(strings.NewReader(a), "a.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := want.Apply(graph.Batch{Merges: []graph.Merge{{From: "b", Into: "a"}}}); err != nil {
		t.Fatal(err)
	}
	g, conflicts, err := union(t, a, b, graph.PreferNone)
	if err != nil || len(conflicts) != 0 {
		t.Fatalf("union: %v, conflicts %+v", err, conflicts)
	}
	var got, merged []claims.Relation
	for r := range g.Relations() {
		got = append(got, r)
	}
	for r := range want.Relations() {
		merged = append(merged, r)
	}
	if len(got) != 1 || len(merged) != 1 || got[0].Note != merged[0].Note || !slices.Equal(got[0].Sources, merged[0].Sources) {
		t.Errorf("union's relations %+v, want the merge's %+v", got, merged)
	}
}
