package graph_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
)

// union writes files a and b (YAML) and returns their union under
// prefer.
func union(t *testing.T, a, b string, prefer graph.Prefer) (*graph.Graph, []graph.Conflict, error) {
	t.Helper()
	dir := writeFiles(t, map[string]string{"a.yaml": a, "b.yaml": b})
	t.Chdir(dir)
	return graph.Union("a.yaml", "b.yaml", prefer)
}

const threeSources = "claimgraph: 1\nsources:\n  - {id: s1, kind: wire}\n  - {id: s2, kind: wire}\n  - {id: s3, kind: wire}\n"

// TestUnionFollowsMerges: desk A merged b into a; desk B still has b.
// The union merges B's b into a, as a merge in a change does: its
// appearances join a's, its relations name a, and b names a.
func TestUnionFollowsMerges(t *testing.T) {
	a := threeSources + `claims:
  - {id: a, text: A., appearances: [{source: s1}, {source: s2}], merged: [b]}
  - {id: c, text: C., appearances: [{source: s2}]}
relations:
  - {from: a, to: c, kind: contradicts}
`
	b := threeSources + `claims:
  - {id: b, text: B., appearances: [{source: s3}, {source: s1}]}
  - {id: c, text: C., appearances: [{source: s2}]}
  - {id: a, text: A., appearances: [{source: s2}, {source: s1}]}
  - {id: d, text: D., appearances: [{source: s3}]}
relations:
  - {from: c, to: a, kind: contradicts}
  - {from: d, to: b, kind: supports}
  - {from: b, to: c, kind: contradicts}
`
	for _, files := range [][2]string{{a, b}, {b, a}} {
		g, conflicts, err := union(t, files[0], files[1], graph.PreferNone)
		if err != nil || len(conflicts) != 0 {
			t.Fatalf("union: %v, conflicts %+v", err, conflicts)
		}
		var ids []string
		for c := range g.Claims() {
			ids = append(ids, c.ID)
		}
		if slices.Contains(ids, "b") {
			t.Errorf("claims %v: b is still a claim of its own", ids)
		}
		ca, ok := g.Claim("b")
		if !ok || ca.ID != "a" || !slices.Equal(ca.Merged, []string{"b"}) {
			t.Fatalf("b looks up %+v, want a, merged [b]", ca)
		}
		var srcs []string
		for _, ap := range ca.Appearances {
			srcs = append(srcs, ap.Source)
		}
		if slices.Sort(srcs); !slices.Equal(srcs, []string{"s1", "s2", "s3"}) {
			t.Errorf("a appears in %v, want s1, s2, s3 once each", srcs)
		}
		if sup, _ := g.Supporters("a"); len(sup) != 1 || sup[0].From != "d" {
			t.Errorf("supporters of a %v, want d (B's d supports b)", sup)
		}
		if con, _ := g.Contradictions("a"); len(con) != 1 {
			t.Errorf("contradictions of a %v, want the one a-c, collapsed", con)
		}
	}
}

// TestUnionSameWrittenOtherwise: a symmetric relation written the other
// way round and appearances in another order are the same.
func TestUnionSameWrittenOtherwise(t *testing.T) {
	a := threeSources + "claims:\n  - {id: a, text: A., appearances: [{source: s1}, {source: s2}]}\n  - {id: c, text: C.}\nrelations:\n  - {from: a, to: c, kind: contradicts}\n"
	b := threeSources + "claims:\n  - {id: a, text: A., appearances: [{source: s2}, {source: s1}]}\n  - {id: c, text: C.}\nrelations:\n  - {from: c, to: a, kind: contradicts}\n"
	g, conflicts, err := union(t, a, b, graph.PreferNone)
	if err != nil || len(conflicts) != 0 {
		t.Fatalf("union: %v, conflicts %+v", err, conflicts)
	}
	if n := g.Counts().Contradictions; n != 1 {
		t.Errorf("%d contradictions, want 1", n)
	}
	// Other appearances still differ.
	b = strings.Replace(b, "{source: s2}, {source: s1}", "{source: s3}, {source: s1}", 1)
	if _, conflicts, _ := union(t, a, b, graph.PreferNone); len(conflicts) != 1 || !slices.Equal(conflicts[0].Fields, []string{"appearances"}) {
		t.Errorf("conflicts %+v, want a's appearances", conflicts)
	}
}

// TestUnionRelationClash: a contradicts c in A, a supports c in B is a
// conflict at both relations, which --prefer resolves either way.
func TestUnionRelationClash(t *testing.T) {
	a := threeSources + "claims:\n  - {id: a, text: A.}\n  - {id: c, text: C.}\nrelations:\n  - {from: a, to: c, kind: contradicts}\n"
	b := strings.Replace(a, "contradicts", "supports", 1)
	_, conflicts, err := union(t, a, b, graph.PreferNone)
	if !errors.Is(err, graph.ErrConflict) || len(conflicts) != 1 {
		t.Fatalf("err %v, conflicts %+v", err, conflicts)
	}
	if c := conflicts[0]; c.A.File != "a.yaml" || c.A.Line != 10 || c.B.File != "b.yaml" || c.B.Line != 10 || c.ID != "a contradicts c" {
		t.Errorf("conflict %+v, want both relations' positions", c)
	}
	for prefer, want := range map[graph.Prefer]claims.RelationKind{graph.PreferA: claims.Contradicts, graph.PreferB: claims.Supports} {
		g, _, err := union(t, a, b, prefer)
		if err != nil {
			t.Fatalf("prefer %d: %v", prefer, err)
		}
		rels, _ := g.RelationsOf("a")
		if len(rels) != 1 || rels[0].Kind != want {
			t.Errorf("prefer %d: relations %v, want one %s", prefer, rels, want)
		}
	}
}

// TestUnionKindsBothPositions: x a claim in A and a source in B is a
// conflict at both, which no preference resolves.
func TestUnionKindsBothPositions(t *testing.T) {
	a := "claimgraph: 1\nsources:\n  - {id: s1, kind: wire}\nclaims:\n  - {id: x, text: X., appearances: [{source: s1}]}\n"
	b := "claimgraph: 1\nsources:\n  - {id: x, kind: wire}\nclaims:\n  - {id: y, text: Y., appearances: [{source: x}]}\n"
	for _, p := range []graph.Prefer{graph.PreferNone, graph.PreferB} {
		_, conflicts, err := union(t, a, b, p)
		if !errors.Is(err, graph.ErrConflict) || len(conflicts) != 1 {
			t.Fatalf("err %v, conflicts %+v", err, conflicts)
		}
		if c := conflicts[0]; c.Kind != "claim/source" || c.A.Line != 5 || c.B.Line != 3 {
			t.Errorf("conflict %+v, want x at a.yaml:5 and b.yaml:3", c)
		}
	}
}

// TestUnionMergeConflicts: one ID merged into different claims and two
// claims merged into each other, each resolved by a preference.
func TestUnionMergeConflicts(t *testing.T) {
	head := threeSources + "claims:\n"
	for _, tc := range []struct {
		name, a, b string
		note       string
		prefer     graph.Prefer
		check      func(g *graph.Graph) bool
	}{
		{"different claims",
			head + "  - {id: a, text: A., merged: [x]}\n  - {id: c, text: C.}\n",
			head + "  - {id: a, text: A.}\n  - {id: c, text: C., merged: [x]}\n",
			`a.yaml merges it into "a", b.yaml into "c"`, graph.PreferB,
			func(g *graph.Graph) bool { to, _ := g.Resolve("x"); return to == "c" }},
		{"each other",
			head + "  - {id: a, text: A., merged: [b]}\n",
			head + "  - {id: b, text: B., merged: [a]}\n",
			`merged into each other: a.yaml merges "b" into "a", b.yaml merges "a" into "b"`, graph.PreferA,
			func(g *graph.Graph) bool {
				to, _ := g.Resolve("b")
				_, ok := g.Claim("a")
				return to == "a" && ok && g.Counts().Claims == 1
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, conflicts, err := union(t, tc.a, tc.b, graph.PreferNone)
			if !errors.Is(err, graph.ErrConflict) || len(conflicts) != 1 || conflicts[0].Note != tc.note {
				t.Fatalf("err %v, conflicts %+v; want the note %q", err, conflicts, tc.note)
			}
			if c := conflicts[0]; c.A.File != "a.yaml" || c.B.File != "b.yaml" || c.A.Line == 0 || c.B.Line == 0 {
				t.Errorf("positions %v and %v, want one in each file", c.A, c.B)
			}
			g, _, err := union(t, tc.a, tc.b, tc.prefer)
			if err != nil || !tc.check(g) {
				t.Errorf("prefer %d: %v, or the union is not as the preference says", tc.prefer, err)
			}
		})
	}
}

// TestUnionChain: x merged into y by A, y into z by B: x and y name z.
func TestUnionChain(t *testing.T) {
	a := threeSources + "claims:\n  - {id: y, text: Y., appearances: [{source: s1}], merged: [x]}\n"
	b := threeSources + "claims:\n  - {id: z, text: Z., appearances: [{source: s2}], merged: [y]}\n  - {id: x, text: X., appearances: [{source: s3}]}\n"
	g, conflicts, err := union(t, a, b, graph.PreferNone)
	if err != nil || len(conflicts) != 0 {
		t.Fatalf("union: %v, %+v", err, conflicts)
	}
	z, _ := g.Claim("x")
	if g.Counts().Claims != 1 || z.ID != "z" || len(z.Appearances) != 3 {
		t.Errorf("x looks up %+v among %d claims, want z with 3 appearances, alone", z, g.Counts().Claims)
	}
}

// TestUnionComparesAsMerged: a claim that names a source under the ID
// one desk merged into another is the same claim as one naming that
// other source.
func TestUnionComparesAsMerged(t *testing.T) {
	a := "claimgraph: 1\nsources:\n  - {id: s2, kind: wire, merged: [s0]}\nclaims:\n  - {id: c, text: C., appearances: [{source: s2}]}\n"
	b := "claimgraph: 1\nsources:\n  - {id: s0, kind: wire}\n  - {id: s2, kind: wire}\nclaims:\n  - {id: c, text: C., appearances: [{source: s0}]}\n"
	g, conflicts, err := union(t, a, b, graph.PreferNone)
	if err != nil || len(conflicts) != 0 {
		t.Fatalf("union: %v, conflicts %+v", err, conflicts)
	}
	if c, _ := g.Claim("c"); len(c.Appearances) != 1 || c.Appearances[0].Source != "s2" || g.Counts().Sources != 1 {
		t.Errorf("c %+v among %d sources, want one appearance in s2, the one source", c, g.Counts().Sources)
	}
}

// TestUnionDropsReviewOnPreference: desk B merged b into a, each with a
// published review, and kept a's (drop_review); desk A still has b with
// its own. The union's merge would drop A's published rating of b: a
// conflict at A's claim and B's merged entry, which a preference settles
// as B's merge did (a's review stays). A review of the kept claim that
// differs is a conflict of that claim only. (This merge failed before
// merges could drop a review; a source B derives from the one A merged
// it into merges too, the derivation between the two dropped as in a
// batch.)
func TestUnionDropsReviewOnPreference(t *testing.T) {
	a := "claimgraph: 1\nclaims:\n  - {id: a, text: A., review: {status: published, rating: \"False\"}}\n  - {id: b, text: B., review: {status: published, rating: \"True\"}}\n"
	b := "claimgraph: 1\nclaims:\n  - {id: a, text: A., merged: [b], review: {status: published, rating: \"False\"}}\n"
	_, conflicts, err := union(t, a, b, graph.PreferNone)
	if !errors.Is(err, graph.ErrConflict) || !strings.Contains(err.Error(), `a.yaml:4:5: claim "b" differs from b.yaml:3:32 in review: b.yaml merges "b" into "a", whose review stays: "b"'s (published "True") goes`) {
		t.Errorf("got %v", err)
	}
	if len(conflicts) != 1 || !conflicts[0].Resolvable {
		t.Errorf("conflicts %+v, want b's review, resolvable", conflicts)
	}
	for _, p := range []graph.Prefer{graph.PreferA, graph.PreferB} {
		g, conflicts, err := union(t, a, b, p)
		if c, _ := g.Claim("b"); err != nil || len(conflicts) != 1 || c.ID != "a" || c.Review == nil || c.Review.Rating != "False" {
			t.Errorf("prefer %d: %v, conflicts %+v; b reads as %+v, want a with its review", p, err, conflicts, c)
		}
	}
	other := strings.Replace(b, `rating: "False"`, `rating: "Mostly false"`, 1)
	if _, conflicts, _ := union(t, a, other, graph.PreferNone); len(conflicts) != 1 || conflicts[0].ID != "a" {
		t.Errorf("conflicts %+v, want a's review only", conflicts)
	}
	a = "claimgraph: 1\nsources:\n  - {id: s2, kind: wire, merged: [s0]}\n"
	b = "claimgraph: 1\nsources:\n  - {id: s2, kind: wire}\n  - {id: s0, kind: wire, derived_from: [{source: s2, kind: cites}]}\n"
	g, conflicts, err := union(t, a, b, graph.PreferNone)
	if s0, _ := g.Source("s0"); err != nil || len(conflicts) != 0 || s0.ID != "s2" || len(s0.DerivedFrom) != 0 {
		t.Errorf("s0 merged into s2, which it cites: %v, conflicts %+v, s0 reads as %+v", err, conflicts, s0)
	}
}

// TestUnionFoldsBeforeComparing: desk B merged b into a (a has b's
// appearance and review), desk A did not: A's a is compared once A's b
// is folded into it, so there is no conflict, in either order, nor for a
// chain (A merged b into a, B a into c). What still differs after the
// fold is a conflict at a in both files.
func TestUnionFoldsBeforeComparing(t *testing.T) {
	a := threeSources + `claims:
  - {id: a, text: A., appearances: [{source: s1}]}
  - {id: b, text: B., appearances: [{source: s2}], review: {status: published, rating: "False"}}
  - {id: x, text: X., appearances: [{source: s3}]}
relations:
  - {from: x, to: b, kind: contradicts}
`
	b := threeSources + `claims:
  - {id: a, text: A., appearances: [{source: s1}, {source: s2}], merged: [b], review: {status: published, rating: "False"}}
  - {id: x, text: X., appearances: [{source: s3}]}
relations:
  - {from: x, to: a, kind: contradicts}
`
	chainA := threeSources + "claims:\n  - {id: a, text: A., appearances: [{source: s1}], merged: [b]}\n  - {id: c, text: C.}\n"
	chainB := threeSources + "claims:\n  - {id: c, text: C., appearances: [{source: s1}], merged: [a]}\n  - {id: d, text: D.}\nrelations:\n  - {from: d, to: c, kind: supports}\n"
	for _, files := range [][2]string{{a, b}, {b, a}, {chainA, chainB}, {chainB, chainA}} {
		g, conflicts, err := union(t, files[0], files[1], graph.PreferNone)
		if err != nil || len(conflicts) != 0 {
			t.Fatalf("union: %v, conflicts %+v", err, conflicts)
		}
		if _, ok := g.Claim("b"); !ok {
			t.Error("b does not look up")
		}
	}
	// A real difference is still one: B's a appears in s3 too.
	b3 := strings.Replace(b, "{source: s1}, {source: s2}]", "{source: s1}, {source: s2}, {source: s3}]", 1)
	_, conflicts, err := union(t, a, b3, graph.PreferNone)
	if !errors.Is(err, graph.ErrConflict) || len(conflicts) != 1 {
		t.Fatalf("err %v, conflicts %+v; want the one of a", err, conflicts)
	}
	if c := conflicts[0]; c.ID != "a" || !slices.Equal(c.Fields, []string{"appearances"}) || c.A.String() != "a.yaml:7:5" || c.B.String() != "b.yaml:7:5" {
		t.Errorf("conflict %+v, want a's appearances at a.yaml:7:5 and b.yaml:7:5", c)
	}
	// B published another rating: the review differs, not the
	// appearances, though the merge that would fold them fails.
	bTrue := strings.Replace(b, `rating: "False"`, `rating: "True"`, 1)
	for _, files := range [][2]string{{a, bTrue}, {bTrue, a}} {
		_, conflicts, _ = union(t, files[0], files[1], graph.PreferNone)
		if len(conflicts) != 1 || !slices.Equal(conflicts[0].Fields, []string{"review"}) {
			t.Errorf("conflicts %+v, want a's review only", conflicts)
		}
	}
}

// TestUnionSelfRelation: a relation the other desk's merge turns into
// one of a claim with itself is a conflict at both files that no
// preference resolves, whichever file is first: keeping the relation
// would undo the merge, keeping the merge would drop the relation, and
// "resolved in favour of" either would be untrue to the other.
func TestUnionSelfRelation(t *testing.T) {
	head := threeSources + "claims:\n"
	merged := head + "  - {id: a, text: A., appearances: [{source: s1}, {source: s2}], merged: [c]}\n  - {id: d, text: D.}\nrelations:\n  - {from: d, to: a, kind: supports}\n"
	related := head + "  - {id: a, text: A., appearances: [{source: s1}]}\n  - {id: c, text: C., appearances: [{source: s2}]}\n  - {id: d, text: D.}\n" +
		"relations:\n  - {from: a, to: c, kind: contradicts}\n  - {from: d, to: c, kind: supports}\n"
	const note = `merges "c" into "a": the relation would relate "a" to itself; no preference settles it: remove the relation or undo the merge`
	for _, files := range [][2]string{{related, merged}, {merged, related}} {
		for _, p := range []graph.Prefer{graph.PreferNone, graph.PreferA, graph.PreferB} {
			g, conflicts, err := union(t, files[0], files[1], p)
			if !errors.Is(err, graph.ErrConflict) || g != nil {
				t.Fatalf("prefer %d: err %v, want ErrConflict and no graph", p, err)
			}
			if len(conflicts) != 1 {
				t.Fatalf("prefer %d: conflicts %+v, want the one relation", p, conflicts)
			}
			c := conflicts[0]
			if c.ID != "a contradicts c" || c.Resolvable || !strings.HasSuffix(c.Note, note) ||
				c.A.File != "a.yaml" || c.B.File != "b.yaml" || c.A.Line == 0 || c.B.Line == 0 {
				t.Errorf("prefer %d: conflict %+v, want a contradicts c at both files, unresolvable", p, c)
			}
			if p != graph.PreferNone && !strings.Contains(err.Error(), "no preference settles it") {
				t.Errorf("prefer %d: %v, want the relation still an error", p, err)
			}
		}
	}
}
