package graph_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/sources"
)

// The red team's repros (red team 6: findings 1, 5, 8a, 8c, 8e), each a
// small hand-made file.

func readYAML(t *testing.T, text string) *graph.Graph {
	t.Helper()
	g, err := graph.ReadYAML(strings.NewReader(text), "desk.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestMergeCollapsesAppearances: merging two sources, or two entities,
// that one claim appears in makes its two appearances one, which
// collapse as in a merge of claims, their notes joined (finding 1).
// Before, the merge was refused with a duplicate appearance.
func TestMergeCollapsesAppearances(t *testing.T) {
	const desk = `claimgraph: 1
entities:
  - {id: kim, name: Kim Jong Un, kind: person}
  - {id: kju, name: KJU, kind: person}
sources:
  - {id: s1, title: One, kind: news-article, url: "https://news.example/x"}
  - {id: s2, title: One, kind: news-article, url: "http://www.news.example/x"}
claims:
  - id: a
    text: A.
    appearances:
      - {source: s1, note: first}
      - {source: s2, note: second}
  - id: b
    text: B.
    appearances:
      - {source: s1, speaker: kim}
      - {source: s1, speaker: kju}
`
	for _, m := range []graph.Merge{{Into: "s1", From: "s2"}, {Into: "kim", From: "kju"}} {
		g := readYAML(t, desk)
		if err := g.Apply(graph.Batch{Merges: []graph.Merge{m}}); err != nil {
			t.Fatalf("merge %s into %s: %v", m.From, m.Into, err)
		}
		claim := "a"
		if m.Into == "kim" {
			claim = "b"
		}
		c, _ := g.Claim(claim)
		if len(c.Appearances) != 1 {
			t.Errorf("merge %s into %s: %s has appearances %+v, want one", m.From, m.Into, claim, c.Appearances)
		}
		if claim == "a" && c.Appearances[0].Note != "first; second" {
			t.Errorf("merge %s into %s: note %q, want both joined", m.From, m.Into, c.Appearances[0].Note)
		}
	}
	// The file, edited in place, says the same.
	path := filepath.Join(t.TempDir(), "desk.yaml")
	if err := os.WriteFile(path, []byte(desk), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := graph.EditYAML(path, graph.Batch{Merges: []graph.Merge{{Into: "kim", From: "kju"}}}); err != nil {
		t.Fatal(err)
	}
	if out, _ := os.ReadFile(path); strings.Contains(string(out), "kju}") {
		t.Errorf("kju still named:\n%s", out)
	}
}

// TestMergeKeepsRelations: a claim merge collapses a relation only into
// one that it says nothing against, joining its sources, note and
// inferences; relations of the same ends and kind with another period,
// or another confidence or asserter both give, are reported and the graph is left as it was
// (finding 5). A source merge keeps a derivation of another kind.
func TestMergeKeepsRelations(t *testing.T) {
	const desk = `claimgraph: 1
sources:
  - {id: s1, title: One, kind: news-article}
  - {id: s2, title: Two, kind: news-article}
  - {id: s3, title: Three, kind: news-article, derived_from: [{source: s1, kind: cites}, {source: s2, kind: quotes}]}
claims:
  - {id: a, text: A., appearances: [{source: s1}]}
  - {id: b, text: B., appearances: [{source: s2}]}
  - {id: c, text: C.}
  - {id: d, text: D.}
relations:
  - {from: a, to: c, kind: contradicts, valid_until: 2020, confidence: 0.9}
  - {from: c, to: b, kind: contradicts, sources: [s2], note: "from b's desk", confidence: 0.6, valid_from: 2023}
  - {from: a, to: d, kind: supports, sources: [s1], note: "a's"}
  - {from: b, to: d, kind: supports, sources: [s2], note: "b's"}
`
	g := readYAML(t, desk)
	before := yamlText(t, g)
	err := g.Apply(graph.Batch{Merges: []graph.Merge{{Into: "a", From: "b"}}})
	if !errors.Is(err, graph.ErrConflictingRelation) || !strings.Contains(err.Error(), "differs in validity, confidence") {
		t.Errorf("merging b into a: %v, want a conflicting relation naming validity and confidence", err)
	}
	if yamlText(t, g) != before {
		t.Error("the refused merge changed the graph")
	}
	// Without the contradiction from another period, the merge is made,
	// and b's support of d joins a's.
	g = readYAML(t, strings.Replace(desk, "valid_from: 2023", "valid_until: 2020", 1))
	err = g.Apply(graph.Batch{Merges: []graph.Merge{{Into: "a", From: "b"}}})
	if !errors.Is(err, graph.ErrConflictingRelation) || !strings.Contains(err.Error(), "differs in confidence") {
		t.Errorf("merging b into a: %v, want a conflicting relation naming confidence", err)
	}
	g = readYAML(t, strings.Replace(desk, ", confidence: 0.6, valid_from: 2023", ", valid_until: 2020", 1))
	if err := g.Apply(graph.Batch{Merges: []graph.Merge{{Into: "a", From: "b"}}}); err != nil {
		t.Fatal(err)
	}
	sup, _ := g.Supported("a")
	if len(sup) != 1 || !slices.Equal(sup[0].Sources, []string{"s1", "s2"}) || sup[0].Note != "a's; b's" {
		t.Errorf("a supports %+v, want one relation with both sources and notes", sup)
	}
	con, _ := g.Contradictions("a")
	if len(con) != 1 || !slices.Equal(con[0].Sources, []string{"s2"}) || con[0].Note != "from b's desk" {
		t.Errorf("a's contradictions %+v, want one with b's sources and note", con)
	}
	// Sources: s3 cites s1 and quotes s2; once s2 is s1, both stay.
	g = readYAML(t, desk)
	if err := g.Apply(graph.Batch{Merges: []graph.Merge{{Into: "s1", From: "s2"}}}); err != nil {
		t.Fatal(err)
	}
	s3, _ := g.Source("s3")
	want := []sources.Derivation{{Source: "s1", Kind: sources.Cites}, {Source: "s1", Kind: sources.Quotes}}
	if !slices.Equal(s3.DerivedFrom, want) {
		t.Errorf("s3 derives from %+v, want %+v", s3.DerivedFrom, want)
	}
}

// TestBatchReportsEveryPhase: a batch with a bad merge or removal also
// reports the problems of what it adds (finding 8a).
func TestBatchReportsEveryPhase(t *testing.T) {
	g := desk(t)
	before := yamlText(t, g)
	const batch = `claimgraph: 1
remove: [nothing-here]
merge:
  - {into: a, from: nope}
claims:
  - {id: z, text: Z., about: [nobody], appearances: [{source: nope2}]}
relations:
  - {from: z, to: zz, kind: supports}
`
	err := g.ApplyYAML(strings.NewReader(batch), "change.yaml")
	var list graph.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("got %v", err)
	}
	var got []string
	for _, e := range list {
		got = append(got, e.Error())
	}
	for _, want := range []string{`remove "nothing-here"`, `merge "nope"`, `unknown entity "nobody"`, `unknown source "nope2"`, `unknown claim "zz"`} {
		if !slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, want) }) {
			t.Errorf("no problem with %s in\n%s", want, strings.Join(got, "\n"))
		}
	}
	if yamlText(t, g) != before {
		t.Error("the failed batch changed the graph")
	}
}

// TestUnknownSpeakerIsNoDuplicate: an appearance with an unknown
// speaker is not "the same" as one with no speaker (finding 8c).
func TestUnknownSpeakerIsNoDuplicate(t *testing.T) {
	for _, apps := range []string{"[{source: s1}, {source: s1, speaker: k}]", "[{source: s1, speaker: k}, {source: s1}]"} {
		text := "claimgraph: 1\nsources:\n  - {id: s1, kind: wire}\nclaims:\n  - {id: a, text: A., appearances: " + apps + "}\n"
		_, err := graph.ReadYAML(strings.NewReader(text), "xc.yaml")
		var list graph.ErrorList
		if !errors.As(err, &list) || len(list) != 1 || !errors.Is(list[0], graph.ErrUnknownReference) {
			t.Errorf("%s: %v, want only the unknown entity", apps, err)
		}
	}
}

// TestEditYAMLMovedReviewKeepsComments: a review a merge moves keeps
// the comments on its key and inside it, whether the claim kept had a
// review or not (finding 8e).
func TestEditYAMLMovedReviewKeepsComments(t *testing.T) {
	const desk = `claimgraph: 1
sources:
  - {id: s1, kind: wire}
  - {id: s2, kind: wire}
claims:
  - id: a
    text: A.
    appearances:
      - source: s1
  - id: b
    text: B.
    appearances:
      - source: s2
    # review by bob
    review:   # published one
      # status line
      status: published
      rating: 'Mostly true'   # agreed 3-1
`
	for _, own := range []string{"", "    review: {status: in-progress, reviewer: ann}\n"} {
		path := filepath.Join(t.TempDir(), "desk.yaml")
		text := strings.Replace(desk, "      - source: s1\n", "      - source: s1\n"+own, 1)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := graph.EditYAML(path, graph.Batch{Merges: []graph.Merge{{Into: "a", From: "b"}}}); err != nil {
			t.Fatal(err)
		}
		out, _ := os.ReadFile(path)
		for _, c := range []string{"# review by bob", "# published one", "# status line", "# agreed 3-1"} {
			if !strings.Contains(string(out), c) {
				t.Errorf("a's own review %q: comment %q lost:\n%s", own, c, out)
			}
		}
		if g, err := graph.Load(path); err != nil {
			t.Error(err)
		} else if c, _ := g.Claim("a"); c.Review == nil || c.Review.Rating != "Mostly true" {
			t.Errorf("a's review %+v", c.Review)
		}
	}
}

// TestMergeChainSelfDerivation: merging s0 into s3 and then s1, which
// derives from s0, into s3 makes the three one source: s1's derivation
// from s0 is between two of them, and goes, as it does when a source is
// merged into the one it derives from; the file written loads (it did
// not before the red team's random batches; red team 7, finding 8).
func TestMergeChainSelfDerivation(t *testing.T) {
	g := readYAML(t, `claimgraph: 1
sources:
  - {id: s0, kind: wire}
  - {id: s1, kind: wire, derived_from: [{source: s0, kind: cites}]}
  - {id: s3, kind: wire}
`)
	if err := g.Apply(graph.Batch{Merges: []graph.Merge{{Into: "s3", From: "s0"}, {Into: "s3", From: "s1"}}}); err != nil {
		t.Fatal(err)
	}
	if s3, _ := g.Source("s1"); s3.ID != "s3" || len(s3.DerivedFrom) != 0 {
		t.Errorf("s1 reads as %+v, want s3 deriving from nothing", s3)
	}
	if _, err := graph.ReadYAML(strings.NewReader(yamlText(t, g)), "out.yaml"); err != nil {
		t.Errorf("the graph written does not load: %v", err)
	}
}

// TestJoinNotesWholeParts: a note is already in another only as one of
// its parts; "true" is not in "untrue claim" (review of the session's
// change).
func TestJoinNotesWholeParts(t *testing.T) {
	for _, c := range []struct{ a, b, want string }{
		{"untrue claim", "true", "untrue claim; true"},
		{"a; b", "b", "a; b"},
		{"", "b", "b"},
		{"a", "", "a"},
		// § Notes join part by part: a note joined before adds only
		// the parts the other lacks.
		{"x; y", "y; x", "x; y"},
		{"x", "x; y", "x; y"},
		{"x; y", "z; x; w", "x; y; z; w"},
	} {
		if got := graph.JoinNotes(c.a, c.b); got != c.want {
			t.Errorf("joinNotes(%q, %q) = %q, want %q", c.a, c.b, got, c.want)
		}
	}
}

// TestMergeNotesInOrder: the notes and inferences of appearances that
// merges make one are joined as merging one claim at a time joins them,
// each part once, whatever the shape of the merges. A chain of 2,000
// merges whose appearances repeat one another took 7.5 s when each merge
// joined the whole of the notes and inferences gathered so far (each
// inference looked up among those kept, one by one); they are joined
// once, when the batch's lists are written. And merging c into b, then
// b into a, with notes "x; y" on a, "x" on b and "y" on c, gave
// "x; y; x; y": a note was looked up among a's parts whole.
func TestMergeNotesInOrder(t *testing.T) {
	apply := func(t *testing.T, notes []string, merges []graph.Merge) claims.Appearance {
		t.Helper()
		b := graph.Batch{Sources: []sources.Source{{ID: "s", Kind: sources.NewsArticle}}}
		for i, n := range notes {
			b.Claims = append(b.Claims, claims.Claim{ID: fmt.Sprintf("c%d", i), Text: "T.", Appearances: []claims.Appearance{{Source: "s", Note: n,
				Inferred: []claims.Inference{{Field: "note", Sentence: "S " + n}}}}})
		}
		g := graph.New()
		if err := g.Apply(b); err != nil {
			t.Fatal(err)
		}
		if err := g.Apply(graph.Batch{Merges: merges}); err != nil {
			t.Fatal(err)
		}
		if g.Counts().Claims != 1 {
			t.Fatalf("%d claims left, want 1", g.Counts().Claims)
		}
		for c := range g.Claims() {
			if len(c.Appearances) != 1 {
				t.Fatalf("%s has %d appearances, want 1", c.ID, len(c.Appearances))
			}
			return c.Appearances[0]
		}
		return claims.Appearance{}
	}
	sentences := func(a claims.Appearance) string {
		var out []string
		for _, inf := range a.Inferred {
			out = append(out, strings.TrimPrefix(inf.Sentence, "S "))
		}
		return strings.Join(out, "; ")
	}
	t.Run("parts", func(t *testing.T) {
		a := apply(t, []string{"x; y", "x", "y"}, []graph.Merge{{From: "c2", Into: "c1"}, {From: "c1", Into: "c0"}})
		if a.Note != "x; y" {
			t.Errorf("note %q, want %q", a.Note, "x; y")
		}
	})
	t.Run("tree", func(t *testing.T) {
		// c2 into c1, c1 into c0, c3 into c0: c0's own, then c1's
		// (its own, then c2's), then c3's.
		a := apply(t, []string{"n0", "n1", "n2", "n3"}, []graph.Merge{{From: "c2", Into: "c1"}, {From: "c1", Into: "c0"}, {From: "c3", Into: "c0"}})
		if want := "n0; n1; n2; n3"; a.Note != want || sentences(a) != want {
			t.Errorf("note %q, inferences %q; want %q for both", a.Note, sentences(a), want)
		}
	})
	t.Run("chain", func(t *testing.T) {
		const n = 2000
		notes := make([]string, n)
		var merges []graph.Merge
		var want []string
		for i := range n {
			notes[i] = fmt.Sprintf("note %d", i)
			want = append(want, fmt.Sprintf("note %d", n-1-i))
			if i > 0 {
				merges = append(merges, graph.Merge{From: fmt.Sprintf("c%d", i-1), Into: fmt.Sprintf("c%d", i)})
			}
		}
		a := apply(t, notes, merges)
		if w := strings.Join(want, "; "); a.Note != w || sentences(a) != w {
			t.Errorf("note %.60q…, inferences %.60q…; want %.60q… for both", a.Note, sentences(a), w)
		}
	})
}

// TestMergeDerivationsMeet: merges of one batch whose sources meet in
// a derivation of a third source give it what merging one batch at a
// time gives (red team of the batch merges). s3 deriving from s0 and
// s1, with s0 merged into s2 and s2 into s1, kept two equal
// derivations from s1, where one merge at a time collapses them; and
// s2 deriving from s3, with s3 merged into s1, s1 into s0 and s2 into
// s0, failed with "s0 derives from itself", where the derivation
// between two sources merged into one goes.
func TestMergeDerivationsMeet(t *testing.T) {
	src := func(id string, from ...string) sources.Source {
		s := sources.Source{ID: id, Kind: sources.Wire}
		for _, f := range from {
			s.DerivedFrom = append(s.DerivedFrom, sources.Derivation{Source: f, Kind: sources.Cites})
		}
		return s
	}
	for _, tt := range []struct {
		name   string
		srcs   []sources.Source
		merges []graph.Merge
		id     string // the source to read after
		want   []string
	}{
		{"duplicates collapse", []sources.Source{src("s0"), src("s1"), src("s2"), src("s3", "s0", "s1")},
			[]graph.Merge{{From: "s0", Into: "s2"}, {From: "s2", Into: "s1"}}, "s3", []string{"s1"}},
		{"a derivation within goes", []sources.Source{src("s0"), src("s1"), src("s2", "s3"), src("s3")},
			[]graph.Merge{{From: "s3", Into: "s1"}, {From: "s1", Into: "s0"}, {From: "s2", Into: "s0"}}, "s0", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			checkDerivations(t, graph.Batch{Sources: tt.srcs}, graph.Batch{Merges: tt.merges}, tt.id, tt.want)
		})
	}
}

// checkDerivations applies b to the graph base makes, in one batch and
// one step at a time (steps), and wants source id to derive, both ways,
// from the sources want lists, in order.
func checkDerivations(t *testing.T, base, b graph.Batch, id string, want []string) {
	t.Helper()
	for _, whole := range []bool{true, false} {
		g := graph.New()
		if err := g.Apply(base); err != nil {
			t.Fatal(err)
		}
		batches := []graph.Batch{b}
		if !whole {
			batches = steps(b)
		}
		for _, x := range batches {
			if err := g.Apply(x); err != nil {
				t.Fatalf("one batch %v: %v", whole, err)
			}
		}
		s, _ := g.Source(id)
		var got []string
		for _, d := range s.DerivedFrom {
			got = append(got, d.Source)
		}
		if !slices.Equal(got, want) {
			t.Errorf("one batch %v: %s derives from %v, want %v", whole, id, got, want)
		}
	}
}

// TestMergeDerivationsWrittenAlike: a batch that replaces a source and
// merges gives it the derivations its steps give (the replacement, then
// each merge), whatever the source it replaces derived from. A
// replacement deriving twice from s5, in a batch merging s1 into s0,
// kept both when the source it replaced derived from nothing and kept
// one when that source derived from s1: each merge rescanned the
// sources deriving from its From in the graph, the replacement's own
// derivations with them.
//
// The rule, for a source of the graph as for one the batch replaces, is
// that of inferences: a source merge drops a derivation that it makes
// repeat another of the same list, and keeps two written alike. A merge
// renaming one derivation of a source, or merging another into it,
// collapsed two others written alike, and one merging it into another
// collapsed its own two: whether two written alike stayed hung on
// merges that had nothing to do with them.
func TestMergeDerivationsWrittenAlike(t *testing.T) {
	ds := func(from ...string) []sources.Derivation {
		var out []sources.Derivation
		for _, f := range from {
			out = append(out, sources.Derivation{Source: f, Kind: sources.Cites})
		}
		return out
	}
	// base: s0..s5 and r, with the derivations of derive, each a list of
	// derivations by source ID.
	base := func(derive map[string][]string) graph.Batch {
		var b graph.Batch
		for _, id := range []string{"s0", "s1", "s2", "s3", "s4", "s5", "r"} {
			b.Sources = append(b.Sources, sources.Source{ID: id, Kind: sources.Wire, DerivedFrom: ds(derive[id]...)})
		}
		return b
	}
	replace := func(from ...string) []sources.Source {
		return []sources.Source{{ID: "r", Kind: sources.Wire, DerivedFrom: ds(from...)}}
	}
	merges := func(ms ...string) []graph.Merge { // "from>into"
		var out []graph.Merge
		for _, m := range ms {
			from, into, _ := strings.Cut(m, ">")
			out = append(out, graph.Merge{From: from, Into: into})
		}
		return out
	}
	for _, tt := range []struct {
		name   string
		derive map[string][]string
		b      graph.Batch
		id     string   // the source to read after
		want   []string // what it derives from
	}{
		{"replaced, the old source deriving from the merged", map[string][]string{"r": {"s1"}},
			graph.Batch{Remove: []string{"r"}, Sources: replace("s5", "s5"), Merges: merges("s1>s0")}, "r", []string{"s5", "s5"}},
		{"replaced, the old source deriving from none", nil,
			graph.Batch{Remove: []string{"r"}, Sources: replace("s5", "s5"), Merges: merges("s1>s0")}, "r", []string{"s5", "s5"}},
		{"replaced, renamed beside two written alike", map[string][]string{"r": {"s1"}},
			graph.Batch{Remove: []string{"r"}, Sources: replace("s5", "s1", "s5"), Merges: merges("s1>s0")}, "r", []string{"s5", "s0", "s5"}},
		{"replaced, two written alike renamed", nil,
			graph.Batch{Remove: []string{"r"}, Sources: replace("s1", "s1", "s2"), Merges: merges("s1>s0", "s2>s0")}, "r", []string{"s0", "s0"}},
		{"replaced, made to repeat", map[string][]string{"r": {"s1"}},
			graph.Batch{Remove: []string{"r"}, Sources: replace("s0", "s1", "s2"), Merges: merges("s2>s1", "s1>s0")}, "r", []string{"s0"}},
		{"the graph's, renamed beside two written alike", map[string][]string{"r": {"s5", "s1", "s5"}},
			graph.Batch{Merges: merges("s1>s0")}, "r", []string{"s5", "s0", "s5"}},
		{"merged into a source deriving twice alike", map[string][]string{"r": {"s5", "s5"}, "s1": {"s5", "s4"}},
			graph.Batch{Merges: merges("s1>r")}, "r", []string{"s5", "s5", "s4"}},
		{"a source deriving twice alike merged", map[string][]string{"s1": {"s5", "s5"}},
			graph.Batch{Merges: merges("s1>s0")}, "s0", []string{"s5", "s5"}},
		{"a source deriving twice alike merged into one deriving once", map[string][]string{"s1": {"s5", "s5"}, "s0": {"s5"}},
			graph.Batch{Merges: merges("s1>s2", "s2>s0")}, "s0", []string{"s5"}},
		{"two sources deriving twice alike merged, then into one deriving once", map[string][]string{"s1": {"s5", "s5", "s3"}, "s2": {"s4", "s4"}, "s0": {"s5"}},
			graph.Batch{Merges: merges("s1>s2", "s2>s0")}, "s0", []string{"s5", "s4", "s4", "s3"}},
		{"one derivation each, merged", map[string][]string{"s1": {"s5"}, "s2": {"s5"}},
			graph.Batch{Merges: merges("s1>s0", "s2>s0")}, "s0", []string{"s5"}},
	} {
		t.Run(tt.name, func(t *testing.T) { checkDerivations(t, base(tt.derive), tt.b, tt.id, tt.want) })
	}
}

// TestMergeReplacedDerivesFromItself: a replacement deriving from
// itself, in a batch merging s1 into s0, is reported as what it is, at
// the replacement, whatever the source it replaces derived from. When
// that source derived from s1, each merge rescanned the replacement and
// reported its merge instead: merging "s1" into "s0" would derive "s0"
// from itself, which it would not.
func TestMergeReplacedDerivesFromItself(t *testing.T) {
	cites := func(id string) []sources.Derivation { return []sources.Derivation{{Source: id, Kind: sources.Cites}} }
	for _, old := range []string{"s1", "s0"} {
		g := graph.New()
		if err := g.Apply(graph.Batch{Sources: []sources.Source{{ID: "s0", Kind: sources.Wire}, {ID: "s1", Kind: sources.Wire},
			{ID: "r", Kind: sources.Wire, DerivedFrom: cites(old)}}}); err != nil {
			t.Fatal(err)
		}
		err := g.Apply(graph.Batch{Remove: []string{"r"}, Sources: []sources.Source{{ID: "r", Kind: sources.Wire, DerivedFrom: cites("r")}},
			Merges: []graph.Merge{{From: "s1", Into: "s0"}}})
		var e *graph.Error
		if !errors.As(err, &e) || e.ID != "r" || !errors.Is(err, graph.ErrConflictingRelation) || strings.Contains(err.Error(), "merg") {
			t.Errorf("r deriving from %s, replaced by r deriving from itself: %v, want problems of source r alone, naming no merge", old, err)
		}
	}
}
