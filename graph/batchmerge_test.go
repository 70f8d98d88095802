package graph_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/google/go-cmp/cmp"
)

// applyEach applies merges to a graph read from file: in one batch, or
// one batch per merge when each is set.
func applyEach(t *testing.T, file string, each bool, merges ...graph.Merge) (*graph.Graph, error) {
	t.Helper()
	g, err := graph.ReadYAML(strings.NewReader(file), "m.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !each {
		return g, g.Apply(graph.Batch{Merges: merges})
	}
	for _, m := range merges {
		if err := g.Apply(graph.Batch{Merges: []graph.Merge{m}}); err != nil {
			return g, err
		}
	}
	return g, nil
}

// TestMergesInOneBatchMeet: two claim merges of one batch whose moved
// relations meet (red team 7, finding 3: d1 and f2) do what the same
// merges do one after the other, and a problem the second one makes is
// named after it.
func TestMergesInOneBatchMeet(t *testing.T) {
	const d1 = `claimgraph: 1
sources:
  - {id: s1, kind: wire}
  - {id: s2, kind: wire}
  - {id: s3, kind: wire}
  - {id: s4, kind: wire}
claims:
  - {id: a, text: A., appearances: [{source: s1}]}
  - {id: b, text: B., appearances: [{source: s2}]}
  - {id: c, text: C., appearances: [{source: s3}]}
  - {id: d, text: D., appearances: [{source: s4}]}
relations:
  - {from: a, to: c, kind: contradicts}
  - {from: b, to: d, kind: contradicts, note: from b, sources: [s2]}
`
	const f2 = `claimgraph: 1
sources:
  - {id: s1, kind: wire}
  - {id: s2, kind: wire}
  - {id: s3, kind: wire}
claims:
  - {id: a, text: A., appearances: [{source: s1}]}
  - {id: b, text: B., appearances: [{source: s2}]}
  - {id: c, text: C., appearances: [{source: s3}]}
  - {id: x, text: X.}
relations:
  - {from: a, to: x, kind: supports, note: na}
  - {from: b, to: x, kind: supports, note: nb}
  - {from: c, to: x, kind: supports, note: nc}
`
	for _, tc := range []struct {
		name, file string
		merges     []graph.Merge
		want       string // the one relation left: its ends, kind, sources and note
	}{
		{"two pairs", d1, []graph.Merge{{Into: "a", From: "b"}, {Into: "c", From: "d"}}, "a contradicts c [s2] from b"},
		{"two pairs, the other way", d1, []graph.Merge{{Into: "c", From: "d"}, {Into: "a", From: "b"}}, "a contradicts c [s2] from b"},
		{"a chain", f2, []graph.Merge{{Into: "a", From: "b"}, {Into: "c", From: "a"}}, "c supports x [] nc; na; nb"},
		{"a source merge, then claim merges", d1, []graph.Merge{{Into: "s1", From: "s2"}, {Into: "a", From: "b"}, {Into: "c", From: "d"}}, "a contradicts c [s1] from b"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := applyEach(t, tc.file, false, tc.merges...)
			if err != nil {
				t.Fatalf("in one batch: %v", err)
			}
			one, err := applyEach(t, tc.file, true, tc.merges...)
			if err != nil {
				t.Fatalf("one at a time: %v", err)
			}
			got := yamlText(t, g)
			if diff := cmp.Diff(yamlText(t, one), got); diff != "" {
				t.Errorf("one batch and one merge at a time differ (-each +batch):\n%s", diff)
			}
			var rels []string
			for r := range g.Relations() {
				rels = append(rels, fmt.Sprintf("%s %s %s %v %s", r.From, r.Kind, r.To, r.Sources, r.Note))
			}
			if len(rels) != 1 || rels[0] != tc.want {
				t.Errorf("relations %q, want one: %q", rels, tc.want)
			}
		})
	}
	// Two relations that meet and differ are refused, as the second
	// merge, done alone, refuses them.
	_, err := applyEach(t, strings.Replace(d1, "kind: contradicts}", "kind: contradicts, valid_until: 2020}", 1), false,
		graph.Merge{Into: "a", From: "b"}, graph.Merge{Into: "c", From: "d"})
	var ge *graph.Error
	if !errors.Is(err, graph.ErrConflictingRelation) || !errors.As(err, &ge) || ge.ID != "d" || !strings.Contains(err.Error(), "differs in validity") {
		t.Errorf("error %v, want merge \"d\" refused: differs in validity", err)
	}
	// The self-relation a chain makes is the second merge's doing.
	const e1 = `claimgraph: 1
claims:
  - {id: a, text: A.}
  - {id: b, text: B.}
  - {id: c, text: C.}
relations:
  - {from: a, to: c, kind: contradicts}
  - {from: c, to: b, kind: contradicts}
`
	g, err := applyEach(t, e1, false, graph.Merge{Into: "a", From: "b"}, graph.Merge{Into: "c", From: "a"})
	if !errors.As(err, &ge) || ge.ID != "a" || !strings.Contains(err.Error(), `would relate "c" to itself`) {
		t.Errorf("error %v, want merge \"a\" relating c to itself", err)
	}
	if _, ok := g.Claim("b"); !ok {
		t.Error("the failed batch changed the graph")
	}
}

// TestMergeChainsOfEveryKind: a merge into an item merged away earlier in
// the batch merges into the item it went to, for entities and sources as
// for claims (red team 7, finding 8: ek.yaml), and a merge whose Into is
// missing is named by its From.
func TestMergeChainsOfEveryKind(t *testing.T) {
	const ek = `claimgraph: 1
entities:
  - {id: k1, name: Kim, kind: person}
  - {id: k2, name: Kim J., kind: person}
  - {id: k3, name: KJU, kind: person}
sources:
  - {id: s1, kind: wire}
  - {id: s2, kind: wire}
  - {id: s3, kind: wire}
claims:
  - {id: a, text: A., appearances: [{source: s1, speaker: k1, note: n1}, {source: s2, speaker: k2, note: n2}, {source: s3, speaker: k3, note: n3}]}
`
	g, err := applyEach(t, ek, false, graph.Merge{Into: "k1", From: "k2"}, graph.Merge{Into: "k2", From: "k3"},
		graph.Merge{Into: "s1", From: "s2"}, graph.Merge{Into: "s2", From: "s3"})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := g.Claim("a")
	if len(a.Appearances) != 1 || a.Appearances[0].Speaker != "k1" || a.Appearances[0].Note != "n1; n2; n3" {
		t.Errorf("a's appearances %+v, want one, by k1, noted n1; n2; n3", a.Appearances)
	}
	if k, ok := g.Entity("k3"); !ok || k.ID != "k1" {
		t.Errorf("k3 reads as %v, want k1", k.ID)
	}
	_, err = applyEach(t, ek, false, graph.Merge{Into: "zz", From: "k3"})
	var ge *graph.Error
	if !errors.As(err, &ge) || ge.ID != "k3" || !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("error %v, want merge \"k3\" not found", err)
	}
}

// TestMergeKeepsTheRelationThatSaysMore: a relation that only says less
// than the one it collapses into (no confidence, no asserter) is no
// conflict, and the one kept says what either said (red team 7, finding
// 5: c3, c5); two that both give a confidence and differ still conflict.
func TestMergeKeepsTheRelationThatSaysMore(t *testing.T) {
	file := func(a, b string) string {
		return `claimgraph: 1
claims:
  - {id: a, text: A.}
  - {id: b, text: B.}
  - {id: c, text: C.}
relations:
  - {from: a, to: c, kind: contradicts` + a + `}
  - {from: c, to: b, kind: contradicts` + b + `}
`
	}
	for _, tc := range []struct {
		name, a, b string
		want       string // the relation kept: confidence and asserter; "" for a conflict
	}{
		{"confidence on the kept one", ", confidence: 0.9", "", "0.9 ed"},
		{"confidence on the moved one", "", ", confidence: 0.9", "0.9 ed"},
		{"asserter on the kept one", ", asserted_by: ed", "", "0 ed"},
		{"asserter on the moved one", "", ", asserted_by: ed", "0 ed"},
		{"two confidences", ", confidence: 0.9", ", confidence: 0.5", ""},
		{"two asserters", ", asserted_by: ed", ", asserted_by: jo", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, b := tc.a, tc.b
			if !strings.Contains(a+b, "asserted_by") {
				b += ", asserted_by: ed"
			}
			g, err := applyEach(t, file(a, b), false, graph.Merge{Into: "a", From: "b"})
			if tc.want == "" {
				if !errors.Is(err, graph.ErrConflictingRelation) {
					t.Errorf("error %v, want a conflicting relation", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for r := range g.Relations() {
				got = append(got, fmt.Sprintf("%g %s", r.Confidence, r.AssertedBy))
			}
			if len(got) != 1 || got[0] != tc.want {
				t.Errorf("relations %q, want one: %q", got, tc.want)
			}
		})
	}
}

// TestSourceMergeDropsSelfVia: merging s2 into s1 leaves an appearance in
// s1 via s2 without a via, which would name its own source, and it then
// collapses with an appearance in s1 (red team 7, finding 8: vv).
func TestSourceMergeDropsSelfVia(t *testing.T) {
	const vv = `claimgraph: 1
sources:
  - {id: s1, kind: wire}
  - {id: s2, kind: wire}
  - {id: s3, kind: wire}
claims:
  - {id: a, text: A., appearances: [{source: s1, via: s2, note: via}, {source: s3, via: s2}]}
  - {id: b, text: B., appearances: [{source: s1, note: direct}, {source: s2, via: s1}]}
`
	g, err := applyEach(t, vv, false, graph.Merge{Into: "s1", From: "s2"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for c := range g.Claims() {
		for _, a := range c.Appearances {
			got = append(got, fmt.Sprintf("%s: %s via %q %s", c.ID, a.Source, a.Via, a.Note))
		}
	}
	want := []string{`a: s1 via "" via`, `a: s3 via "s1" `, `b: s1 via "" direct`}
	if !slices.Equal(got, want) {
		t.Errorf("appearances %q, want %q", got, want)
	}
}

// TestEditYAMLReviewIntoFlowItem: a review a merge moves, with comments
// above it or after it, into a claim written in flow style keeps them:
// the claim is written in block style, its own line comment on its first
// line (red team 7, finding 6: r6). Without comments it stays in flow
// style.
func TestEditYAMLReviewIntoFlowItem(t *testing.T) {
	for _, tc := range []struct{ name, review, kept, want string }{
		{"a comment above", "    # reviewed by bob\n    review: {status: published, rating: \"False\"}\n", "",
			"  - id: b\n    text: B.\n    appearances: [{source: s1}]\n    merged: [a]\n    # reviewed by bob\n    review: {status: published, rating: \"False\"}\n"},
		{"a comment after, and on the kept claim", "    review: {status: published, rating: \"False\"}  # bob's\n", "  # the kept one",
			"  - id: b # the kept one\n    text: B.\n    appearances: [{source: s1}]\n    merged: [a]\n    review: {status: published, rating: \"False\"} # bob's\n"},
		{"no comment", "    review: {status: published, rating: \"False\"}\n", "",
			"  - {id: b, text: B., appearances: [{source: s1}], merged: [a], review: {status: published, rating: \"False\"}}\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := "claimgraph: 1\nsources:\n  - {id: s1, kind: wire}\nclaims:\n  - id: a\n    text: A.\n" + tc.review +
				"    appearances: [{source: s1}]\n  - {id: b, text: B., appearances: [{source: s1}]}" + tc.kept + "\n  - {id: c, text: C.}\n"
			path := filepath.Join(t.TempDir(), "r6.yaml")
			if err := os.WriteFile(path, []byte(in), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := graph.EditYAML(path, graph.Batch{Merges: []graph.Merge{{Into: "b", From: "a"}}}); err != nil {
				t.Fatal(err)
			}
			out, _ := os.ReadFile(path)
			_, got, _ := strings.Cut(string(out), "claims:\n")
			if want := tc.want + "  - {id: c, text: C.}\n"; got != want {
				t.Errorf("claims:\n%s\nwant\n%s", got, want)
			}
		})
	}
}

// twoPublished is two wordings of one claim, each with a published
// fact-check of its own (red team 7, finding 7: pr.yaml).
const twoPublished = `claimgraph: 1
sources:
  - {id: s1, kind: wire}
  - {id: s2, kind: wire}
claims:
  - id: a
    text: A.
    review: {status: published, rating: "False", url: "https://fc.example/a"}
    appearances: [{source: s1}]
  - id: b
    text: B.
    review: {status: published, rating: "Mostly false", url: "https://fc.example/b"}
    appearances: [{source: s2}]
`

// TestMergeDropReview: two claims with published reviews that differ
// merge only when the merge says whose review goes (DropReview, in a
// batch file drop_review): Into's stays, From's goes. Without it the
// merge is refused, naming that route, and the graph is unchanged.
func TestMergeDropReview(t *testing.T) {
	g, err := applyEach(t, twoPublished, false, graph.Merge{Into: "a", From: "b"})
	if !errors.Is(err, graph.ErrConflictingReview) || !strings.Contains(err.Error(), `or merge with drop_review to keep "a"'s and drop "b"'s`) {
		t.Errorf("error %v, want conflicting reviews naming drop_review", err)
	}
	if b, _ := g.Claim("b"); b.ID != "b" {
		t.Error("the refused merge changed the graph")
	}
	for _, apply := range []func(g *graph.Graph) error{
		func(g *graph.Graph) error {
			return g.Apply(graph.Batch{Merges: []graph.Merge{{Into: "a", From: "b", DropReview: true}}})
		},
		func(g *graph.Graph) error {
			return g.ApplyYAML(strings.NewReader("claimgraph: 1\nmerge:\n  - {into: a, from: b, drop_review: true}\n"), "b.yaml")
		},
	} {
		g := readYAML(t, twoPublished)
		if err := apply(g); err != nil {
			t.Fatal(err)
		}
		b, _ := g.Claim("b")
		if b.ID != "a" || b.Review == nil || b.Review.Rating != "False" || len(b.Appearances) != 2 {
			t.Errorf("b reads as %+v, want a with its own review and both appearances", b)
		}
	}
	// It settles a conflict only: a published review still stays over
	// an unpublished one, whichever claim has it.
	unpublished := strings.Replace(twoPublished, `status: published, rating: "False"`, "status: in-progress", 1)
	g, err = applyEach(t, unpublished, false, graph.Merge{Into: "a", From: "b", DropReview: true})
	if a, _ := g.Claim("a"); err != nil || a.Review == nil || a.Review.Rating != "Mostly false" {
		t.Errorf("a's review %+v (%v), want b's published one", a.Review, err)
	}
	err = readYAML(t, twoPublished).ApplyYAML(strings.NewReader("claimgraph: 1\nmerge:\n  - {into: a, from: b, drop_review: \"yes\"}\n"), "b.yaml")
	if !errors.Is(err, graph.ErrSyntax) || !strings.Contains(err.Error(), "b.yaml:3:") {
		t.Errorf("drop_review \"yes\": %v, want a syntax error at its line", err)
	}
}

// TestMergeIntoClaimRenamedMeanwhile: a claim merge folded the
// appearances of From into Into's through a set of Into's appearances
// made on the first merge into it; a merge of sources between two such
// merges, making two of Into's appearances one, left the set naming
// places that had moved, so that the next merge absorbed an appearance
// into another one, or panicked with an index out of range. The set is
// made anew once a merge of sources or entities rewrites the claim.
func TestMergeIntoClaimRenamedMeanwhile(t *testing.T) {
	const file = `claimgraph: 1
sources:
  - {id: s1, kind: wire}
  - {id: s2, kind: wire}
  - {id: s3, kind: wire}
claims:
  - {id: c0, text: A., appearances: [{source: s1, note: n0a}, {source: s2, note: n0b}, {source: s3, note: n0c}]}
  - {id: c1, text: B., appearances: [%s]}
  - {id: c2, text: C., appearances: [{source: s3, note: n2}]}
`
	for _, tc := range []struct{ c1, want string }{ // want: source/quote/note|…
		// c1's appearance joins c0's first (panicked)
		{"{source: s1, note: n1}", "s2//n0a; n1; n0b|s3//n0c; n2"},
		// c1's appearance is one of its own (was given c2's note)
		{"{source: s3, quote: q}", "s2//n0a; n0b|s3//n0c; n2|s3/q/"},
	} {
		g, err := applyEach(t, fmt.Sprintf(file, tc.c1), false,
			graph.Merge{Into: "c0", From: "c1"}, graph.Merge{Into: "s2", From: "s1"}, graph.Merge{Into: "c0", From: "c2"})
		if err != nil {
			t.Fatalf("c1 %s: %v", tc.c1, err)
		}
		c, _ := g.Claim("c0")
		var got []string
		for _, a := range c.Appearances {
			got = append(got, strings.Join([]string{a.Source, a.Quote, a.Note}, "/"))
		}
		if want := strings.Split(tc.want, "|"); !slices.Equal(got, want) {
			t.Errorf("c1 %s: c0's appearances %q, want %q", tc.c1, got, want)
		}
	}
}
