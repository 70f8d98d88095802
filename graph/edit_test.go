package graph_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/evidence"
	"github.com/claimgraph/claimgraph/sources"
	"github.com/google/go-cmp/cmp"
)

// deskYAML is a small desk: two wordings of one claim (a and b), a claim
// both support (x), one b contradicts (y), and a decision that a and b
// are the same.
const deskYAML = `claimgraph: 1
entities:
  - {id: kim, name: Kim Jong Un, kind: person}
  - {id: kim-2, name: Kim, kind: person, aliases: [KJU]}
sources:
  - {id: s1, kind: news-article}
  - {id: s2, kind: news-article, derived_from: [{source: s1, kind: quotes}]}
  - {id: s3, kind: news-article, derived_from: [{source: s2, kind: cites}]}
claims:
  - id: a
    text: A.
    about: [kim]
    appearances: [{source: s1, speaker: kim}]
  - id: b
    text: B.
    about: [kim-2]
    appearances: [{source: s1, speaker: kim}, {source: s2, speaker: kim-2}]
  - {id: x, text: X., appearances: [{source: s3}]}
  - {id: y, text: Y., appearances: [{source: s2}]}
relations:
  - {from: a, to: x, kind: supports}
  - {from: b, to: x, kind: supports}
  - {from: b, to: y, kind: contradicts}
  - {from: a, to: b, kind: same_as}
  - {from: y, to: x, kind: supports, sources: [s2, s3]}
`

func desk(t *testing.T) *graph.Graph {
	t.Helper()
	g, err := graph.ReadYAML(strings.NewReader(deskYAML), "desk.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func relStrings(rels []claims.Relation) []string {
	var out []string
	for _, r := range rels {
		out = append(out, r.From+" "+r.Kind.String()+" "+r.To)
	}
	return out
}

func TestRemoveWithRelations(t *testing.T) {
	g := desk(t)
	snap := g.Snapshot()
	err := g.Apply(graph.Batch{Remove: []string{"b"}, RemoveRelations: []claims.Relation{
		{From: "b", To: "x", Kind: claims.Supports},
		{From: "y", To: "b", Kind: claims.Contradicts}, // either way round for a symmetric kind
		{From: "a", To: "b", Kind: claims.SameAs},
	}})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := g.Claim("b"); ok {
		t.Error("b is still there")
	}
	c := g.Counts()
	if c.Claims != 3 || c.Supports != 2 || c.Contradictions != 0 || c.Decisions != 0 || c.Appearances != 3 {
		t.Errorf("counts after removal: %+v", c)
	}
	sup, _ := g.Supporters("x")
	if got, want := relStrings(sup), []string{"a supports x", "y supports x"}; !slices.Equal(got, want) {
		t.Errorf("supporters of x: %v, want %v", got, want)
	}
	in, _ := g.ClaimsIn("s1")
	if len(in) != 1 || in[0].ID != "a" {
		t.Errorf("claims in s1: %v", in)
	}
	by, _ := g.ClaimsBy("kim-2")
	if len(by) != 0 {
		t.Errorf("claims by kim-2 after removing b: %v", by)
	}
	// The snapshot taken before still has b, its relations and counts.
	if sc := snap.Counts(); sc.Claims != 4 || sc.Supports != 3 {
		t.Errorf("snapshot counts changed: %+v", sc)
	}
	n := 0
	for range snap.Relations() {
		n++
	}
	if n != 5 {
		t.Errorf("snapshot has %d relations, want 5", n)
	}
	// Written and read back, the graph is the same.
	back, err := graph.ReadYAML(strings.NewReader(yamlText(t, g)), "back.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(yamlText(t, g), yamlText(t, back)); diff != "" {
		t.Error(diff)
	}
	if strings.Contains(yamlText(t, g), "id: b\n") {
		t.Error("b is written")
	}
	// An ID removed can be used again.
	if err := g.AddClaim(claims.Claim{ID: "b", Text: "New B."}); err != nil {
		t.Fatal(err)
	}
}

func TestRemoveReferencedNamesEveryReference(t *testing.T) {
	g := desk(t)
	before := yamlText(t, g)
	err := g.Apply(graph.Batch{Remove: []string{"kim", "s2", "b"}})
	var list graph.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("got %v, want an ErrorList", err)
	}
	var msgs []string
	for _, e := range list {
		if !errors.Is(e, graph.ErrReferenced) {
			t.Errorf("%v is not ErrReferenced", e)
		}
		msgs = append(msgs, e.Error())
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{
		`remove "kim": "kim" is still named by claim "a"`,
		`source "s3" (derived_from[0].source)`,
		`claim "y" (appearances[0].source)`,
		`cited by the relation y supports x`,
		`"b" is still related: b supports x`,
		`"b" is still related: a same_as b`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("no problem says %q in:\n%s", want, all)
		}
	}
	// b names kim, but b goes too: no problem for that reference; a
	// still names kim.
	if strings.Contains(all, `named by claim "b"`) {
		t.Errorf("a reference from a removed claim reported:\n%s", all)
	}
	if diff := cmp.Diff(before, yamlText(t, g)); diff != "" {
		t.Errorf("the failed removal changed the graph:\n%s", diff)
	}
}

func TestReplaceInPlace(t *testing.T) {
	g := desk(t)
	err := g.Apply(graph.Batch{Remove: []string{"b"}, Claims: []claims.Claim{
		{ID: "b", Text: "B, reworded.", Appearances: []claims.Appearance{{Source: "s3"}}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for c := range g.Claims() {
		order = append(order, c.ID)
	}
	if want := []string{"a", "b", "x", "y"}; !slices.Equal(order, want) {
		t.Errorf("order %v, want %v", order, want)
	}
	c, _ := g.Claim("b")
	if c.Text != "B, reworded." {
		t.Errorf("text %q", c.Text)
	}
	srcs, _ := g.SourcesOf("b")
	if len(srcs) != 1 || srcs[0].ID != "s3" {
		t.Errorf("sources of b: %v", srcs)
	}
	in, _ := g.ClaimsIn("s2")
	if len(in) != 1 || in[0].ID != "y" {
		t.Errorf("claims in s2 still list the old b: %v", in)
	}
	about, _ := g.ClaimsAbout("kim-2")
	if len(about) != 0 {
		t.Errorf("claims about kim-2: %v", about)
	}
	contra, _ := g.Contradictions("b")
	if len(contra) != 1 {
		t.Errorf("the replaced claim lost its relations: %v", contra)
	}
	if got := g.Counts().Appearances; got != 4 {
		t.Errorf("appearances %d, want 4", got)
	}
	// A replacement of another kind is refused.
	err = g.Apply(graph.Batch{Remove: []string{"x"}, Entities: []claims.Entity{{ID: "x", Name: "X", Kind: claims.Person}}})
	if !errors.Is(err, graph.ErrWrongKind) {
		t.Errorf("replacing a claim by an entity: %v", err)
	}
}

func TestMergeClaims(t *testing.T) {
	g := desk(t)
	if err := g.Apply(graph.Batch{Merges: []graph.Merge{{Into: "a", From: "b"}}}); err != nil {
		t.Fatal(err)
	}
	a, ok := g.Claim("b")
	if !ok || a.ID != "a" {
		t.Fatalf("Claim(b) = %q, %v, want a", a.ID, ok)
	}
	if id, aliased := g.Resolve("b"); id != "a" || !aliased {
		t.Errorf("Resolve(b) = %q, %v", id, aliased)
	}
	if id, aliased := g.Resolve("a"); id != "a" || aliased {
		t.Errorf("Resolve(a) = %q, %v", id, aliased)
	}
	if !slices.Equal(a.Merged, []string{"b"}) {
		t.Errorf("merged %v", a.Merged)
	}
	if !slices.Equal(a.About, []string{"kim", "kim-2"}) {
		t.Errorf("about %v", a.About)
	}
	// The duplicate appearance (s1, kim) collapses.
	if len(a.Appearances) != 2 || a.Appearances[1].Source != "s2" {
		t.Errorf("appearances %+v", a.Appearances)
	}
	// b's support of x collapses into a's; its contradiction moves; the
	// same_as decision between them goes.
	sup, _ := g.Supported("a")
	if got := relStrings(sup); !slices.Equal(got, []string{"a supports x"}) {
		t.Errorf("a supports %v", got)
	}
	contra, err := g.Contradictions("b") // through the alias
	if err != nil || !slices.Equal(relStrings(contra), []string{"a contradicts y"}) {
		t.Errorf("contradictions of b: %v, %v", relStrings(contra), err)
	}
	if c := g.Counts(); c.Claims != 3 || c.Decisions != 0 || c.Supports != 2 || c.Contradictions != 1 {
		t.Errorf("counts %+v", c)
	}
	// The alias survives a save.
	back, err := graph.ReadYAML(strings.NewReader(yamlText(t, g)), "back.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if id, aliased := back.Resolve("b"); id != "a" || !aliased {
		t.Errorf("after a round trip, Resolve(b) = %q, %v", id, aliased)
	}
	// The alias cannot be taken by a new item.
	if err := g.AddClaim(claims.Claim{ID: "b", Text: "T"}); !errors.Is(err, graph.ErrDuplicateID) {
		t.Errorf("adding a claim with the alias's ID: %v", err)
	}
	// y supports x: merging them would relate x to itself.
	if err := g.Apply(graph.Batch{Merges: []graph.Merge{{Into: "x", From: "y"}}}); !errors.Is(err, graph.ErrConflictingRelation) {
		t.Errorf("merging y into x, which y supports: %v", err)
	}
}

func TestMergeSelfRelationLeavesGraphUnchanged(t *testing.T) {
	g := desk(t)
	before := yamlText(t, g)
	err := g.Apply(graph.Batch{Merges: []graph.Merge{{Into: "x", From: "a"}}})
	if !errors.Is(err, graph.ErrConflictingRelation) || !strings.Contains(err.Error(), `would relate "x" to itself: supports`) {
		t.Fatalf("got %v", err)
	}
	if diff := cmp.Diff(before, yamlText(t, g)); diff != "" {
		t.Errorf("the failed merge changed the graph:\n%s", diff)
	}
}

func TestMergeEntitiesAndSources(t *testing.T) {
	g := desk(t)
	if err := g.Apply(graph.Batch{Merges: []graph.Merge{{Into: "kim", From: "kim-2"}, {Into: "s1", From: "s3"}}}); err != nil {
		t.Fatal(err)
	}
	kim, ok := g.Entity("kim-2")
	if !ok || kim.ID != "kim" || !slices.Equal(kim.Aliases, []string{"Kim", "KJU"}) {
		t.Errorf("Entity(kim-2) = %+v", kim)
	}
	about, _ := g.ClaimsAbout("kim")
	by, _ := g.ClaimsBy("kim")
	if len(about) != 2 || len(by) != 2 {
		t.Errorf("about kim %d, by kim %d, want 2 and 2", len(about), len(by))
	}
	b, _ := g.Claim("b")
	if !slices.Equal(b.About, []string{"kim"}) || b.Appearances[1].Speaker != "kim" {
		t.Errorf("b after merging kim-2: %+v", b)
	}
	in, _ := g.ClaimsIn("s1")
	if len(in) != 3 {
		t.Errorf("claims in s1 (a, b, and x from s3): %d", len(in))
	}
	src, _ := g.Source("s3")
	if src.ID != "s1" || len(src.DerivedFrom) != 1 || src.DerivedFrom[0].Source != "s2" {
		t.Errorf("Source(s3) = %+v", src)
	}
	for r := range g.Relations() {
		if len(r.Sources) > 0 && !slices.Equal(r.Sources, []string{"s2", "s1"}) {
			t.Errorf("a relation cites %v, want s2 and s1", r.Sources)
		}
	}
	if _, ok := g.Entity("kim-2"); !ok {
		t.Error("kim-2 no longer resolves")
	}
}

// TestMergeSourceIntoItsOrigin: merging a source into one it derives
// from, or one that derives from it, drops the derivation between the
// two, which the merge makes one source, as a same_as between two claims
// merged is dropped (red team 7, finding 8: sm4.yaml); the other
// derivations move. A derivation the batch writes itself, replacing
// Into by a source derived from From, still derives Into from itself,
// and is refused.
func TestMergeSourceIntoItsOrigin(t *testing.T) {
	for _, tc := range []struct {
		from, into string
		want       []sources.Derivation // Into's derivations after
	}{
		{"s2", "s3", []sources.Derivation{{Source: "s1", Kind: sources.Quotes}}}, // s3 cites s2, which quotes s1
		{"s2", "s1", nil}, // s2 quotes s1; s3, which cites s2, now cites s1
	} {
		g := desk(t)
		if err := g.Apply(graph.Batch{Merges: []graph.Merge{{Into: tc.into, From: tc.from}}}); err != nil {
			t.Fatalf("merging %s into %s: %v", tc.from, tc.into, err)
		}
		src, _ := g.Source(tc.from)
		if src.ID != tc.into || !slices.Equal(src.DerivedFrom, tc.want) {
			t.Errorf("merging %s into %s: Source(%s) = %+v, want %s deriving from %v", tc.from, tc.into, tc.from, src, tc.into, tc.want)
		}
		if s3, _ := g.Source("s3"); tc.into == "s1" && (len(s3.DerivedFrom) != 1 || s3.DerivedFrom[0].Source != "s1") {
			t.Errorf("s3 after merging s2 into s1: %+v, want it citing s1", s3)
		}
	}
	g := desk(t)
	before := yamlText(t, g)
	err := g.Apply(graph.Batch{Remove: []string{"s1"}, Merges: []graph.Merge{{Into: "s1", From: "s2"}},
		Sources: []sources.Source{{ID: "s1", Kind: sources.NewsArticle, DerivedFrom: []sources.Derivation{{Source: "s2", Kind: sources.Cites}}}}})
	if !errors.Is(err, graph.ErrConflictingRelation) || !strings.Contains(err.Error(), `derive "s1" from itself`) {
		t.Errorf("a replacement of s1 deriving from s2, merged into it: %v, want it refused", err)
	}
	if yamlText(t, g) != before {
		t.Error("the refused batch changed the graph")
	}
	// A derivation an earlier merge moved into the replacement is no
	// derivation the batch writes: s3 cites s2, both merged into s1.
	err = g.Apply(graph.Batch{Remove: []string{"s1"}, Merges: []graph.Merge{{Into: "s1", From: "s3"}, {Into: "s1", From: "s2"}},
		Sources: []sources.Source{{ID: "s1", Kind: sources.NewsArticle}}})
	if s1, _ := g.Source("s3"); err != nil || s1.ID != "s1" || len(s1.DerivedFrom) != 0 {
		t.Errorf("s3 and s2 merged into a replaced s1: %v; s3 reads as %+v, want s1 deriving from nothing", err, s1)
	}
}

func TestMergeChainKeepsAliasesFlat(t *testing.T) {
	g := graph.New()
	for _, id := range []string{"p", "q", "r"} {
		if err := g.AddClaim(claims.Claim{ID: id, Text: id}); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range []graph.Merge{{Into: "p", From: "q"}, {Into: "r", From: "p"}} {
		if err := g.Apply(graph.Batch{Merges: []graph.Merge{m}}); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range []string{"p", "q"} {
		if got, aliased := g.Resolve(id); got != "r" || !aliased {
			t.Errorf("Resolve(%s) = %q, %v, want r", id, got, aliased)
		}
	}
	r, _ := g.Claim("r")
	if !slices.Equal(r.Merged, []string{"p", "q"}) {
		t.Errorf("r merged %v", r.Merged)
	}
	// Removing r forgets its aliases.
	if err := g.Apply(graph.Batch{Remove: []string{"r"}}); err != nil {
		t.Fatal(err)
	}
	if got, _ := g.Resolve("q"); got != "" {
		t.Errorf("Resolve(q) after removing r = %q", got)
	}
}

func TestApplyYAMLBatchFile(t *testing.T) {
	g := desk(t)
	before := yamlText(t, g)
	bad := `claimgraph: 1
remove:
  - kim
  - nothing-here
merge:
  - {into: x, from: a}
`
	err := g.ApplyYAML(strings.NewReader(bad), "change.yaml")
	var list graph.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("got %v", err)
	}
	var got []string
	for _, e := range list {
		got = append(got, e.Error())
	}
	want := []string{
		`graph: change.yaml:3:5: remove "kim": "kim" is still named by claim "b" (appearances[0].speaker)`,
		`graph: change.yaml:4:5: remove "nothing-here": not found: nothing to remove with ID "nothing-here"`,
		`graph: change.yaml:6:5: merge "a": conflicting relation: merging "a" into "x" would relate "x" to itself: supports`,
		// The problems of what the batch writes are reported beside
		// those of what it removes and merges (red team 6, 8a).
		`graph: change.yaml:6:5: merge "a": the relation x same_as b as the merge leaves it: kind: "x" and "b" are already related by supports, so not by same_as`,
		`graph: change.yaml:6:5: merge "a": claim "x" as the merge leaves it: about[0]: unknown entity "kim"`,
		`graph: change.yaml:6:5: merge "a": claim "x" as the merge leaves it: appearances[1].speaker: unknown entity "kim"`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(before, yamlText(t, g)); diff != "" {
		t.Errorf("the failed batch file changed the graph:\n%s", diff)
	}
	good := `claimgraph: 1
remove: [b]
remove_relations:
  - {from: a, to: b, kind: same_as}
merge:
  - {into: a, from: y}
claims:
  - {id: b, text: B again., appearances: [{source: s3}]}
`
	if err := g.ApplyYAML(strings.NewReader(good), "change.yaml"); err != nil {
		t.Fatal(err)
	}
	if id, _ := g.Resolve("y"); id != "a" {
		t.Errorf("y resolves to %q", id)
	}
	if sup, _ := g.Supported("a"); len(sup) != 1 {
		t.Errorf("a supports %v: y's support of x should collapse into a's", relStrings(sup))
	}
	if c, _ := g.Claim("b"); c.Text != "B again." {
		t.Errorf("b is %q", c.Text)
	}
	if err := g.ApplyYAML(strings.NewReader("claimgraph: 1\nremov: [a]\n"), "typo.yaml"); !errors.Is(err, graph.ErrUnknownField) {
		t.Errorf("a misspelt section: %v", err)
	}
}

func TestEvidenceAndReviewsInMerges(t *testing.T) {
	g := desk(t)
	before, err := evidence.Digest(g.View, "a")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(before, "v2:1a0s0c1o:") {
		t.Errorf("digest of a: %s, want 1 appearance, 0 supporters (a supports x, which lends a nothing; same_as does not count), 0 contradictions, 1 origin", before)
	}
	// b carries a published review; merged into a, which has none, the
	// review moves with it, and a's evidence grows.
	b, _ := g.Claim("b")
	recorded, err := evidence.Digest(g.View, "b")
	if err != nil {
		t.Fatal(err)
	}
	b.Review = &claims.Review{Status: claims.Published, Rating: "False", Evidence: recorded}
	if err := g.Apply(graph.Batch{Remove: []string{"b"}, Claims: []claims.Claim{b}}); err != nil {
		t.Fatal(err)
	}
	if err := g.Apply(graph.Batch{Merges: []graph.Merge{{Into: "a", From: "b"}}}); err != nil {
		t.Fatal(err)
	}
	a, _ := g.Claim("a")
	if a.Review == nil || a.Review.Rating != "False" {
		t.Errorf("a's review after the merge: %+v", a.Review)
	}
	after, _ := evidence.Digest(g.View, "a")
	if !strings.HasPrefix(after, "v2:2a0s1c1o:") || after == before {
		t.Errorf("digest after the merge: %s (before %s)", after, before)
	}
	// The digest does not depend on the order of the file.
	again, _ := evidence.Digest(g.View, "a")
	if again != after {
		t.Errorf("digest not stable: %s, %s", after, again)
	}
	if _, err := evidence.Digest(g.View, "nothing"); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("digest of an unknown claim: %v", err)
	}
}

// TestMergeReviews: merging two claims never drops a published review
// silently: a published review stays over an unpublished one, whichever
// side it is on, and two reviews that differ otherwise are a conflict
// that leaves the graph unchanged.
func TestMergeReviews(t *testing.T) {
	published := &claims.Review{Status: claims.Published, Rating: "False", URL: "https://desk.example/b"}
	other := &claims.Review{Status: claims.Published, Rating: "True", URL: "https://desk.example/a"}
	working := &claims.Review{Status: claims.InProgress, Reviewer: "Ann"}
	for _, tc := range []struct {
		name       string
		into, from *claims.Review
		want       *claims.Review // nil: a conflict
	}{
		{"into has none", nil, published, published},
		{"from has none", working, nil, working},
		{"published from wins", working, published, published},
		{"published into stays", published, working, published},
		{"the same review", published, published, published},
		{"two published", other, published, nil},
		{"two unpublished", working, &claims.Review{Status: claims.InProgress, Reviewer: "Bob"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := graph.New()
			b := graph.Batch{
				Sources: []sources.Source{{ID: "s1", Kind: sources.Wire}, {ID: "s2", Kind: sources.Wire}},
				Claims: []claims.Claim{
					{ID: "a", Text: "A.", Appearances: []claims.Appearance{{Source: "s1"}}, Review: tc.into},
					{ID: "b", Text: "A, reworded.", Appearances: []claims.Appearance{{Source: "s2"}}, Review: tc.from},
				},
			}
			if err := g.Apply(b); err != nil {
				t.Fatal(err)
			}
			err := g.Apply(graph.Batch{Merges: []graph.Merge{{Into: "a", From: "b"}}})
			a, _ := g.Claim("a")
			if tc.want == nil {
				if !errors.Is(err, graph.ErrConflictingReview) {
					t.Fatalf("merge: %v, want a conflicting review", err)
				}
				if !strings.Contains(err.Error(), `"b" (`) || !strings.Contains(err.Error(), `"a" (`) {
					t.Errorf("the conflict does not name both claims: %v", err)
				}
				if _, ok := g.Claim("b"); !ok {
					t.Error("the failed merge removed b")
				}
				if *a.Review != *tc.into {
					t.Errorf("a's review after the failed merge: %+v", a.Review)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if a.Review == nil || *a.Review != *tc.want {
				t.Errorf("a's review: %+v, want %+v", a.Review, tc.want)
			}
		})
	}
}

// TestInferredSources: the source an inference names is a reference
// like any other: an unknown one is refused, removing it while an
// inference names it fails naming the inference, and merging it renames
// the inferences of claims, appearances, sources and relations.
func TestInferredSources(t *testing.T) {
	const file = `claimgraph: 1
sources:
  - {id: s1, kind: wire}
  - {id: s2, kind: wire}
  - id: s3
    kind: wire
    inferred: [{field: published, sentence: "x", source: s9}]
  - {id: s9, kind: wire}
claims:
  - id: a
    text: A.
    appearances: [{source: s1, inferred: [{field: date, sentence: "z", source: s9}]}]
    inferred: [{field: valid_from, sentence: "y", source: s9}]
  - {id: b, text: B., appearances: [{source: s2}]}
relations:
  - {from: a, to: b, kind: supports, inferred: [{field: confidence, sentence: "w", source: s9}]}
`
	g, err := graph.ReadYAML(strings.NewReader(file), "inf.yaml")
	if err != nil {
		t.Fatal(err)
	}
	bad := graph.Batch{Claims: []claims.Claim{{ID: "c", Text: "C.", Appearances: []claims.Appearance{{Source: "s1"}},
		Inferred: []claims.Inference{{Field: "valid_from", Sentence: "v", Source: "nowhere"}}}}}
	if err := g.Apply(bad); !errors.Is(err, graph.ErrUnknownReference) || !strings.Contains(err.Error(), "inferred[0].source") {
		t.Errorf("an inference naming an unknown source: %v", err)
	}
	before := yamlText(t, g)
	err = g.Apply(graph.Batch{Remove: []string{"s9"}})
	var list graph.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("removing s9: %v", err)
	}
	var msgs []string
	for _, e := range list {
		msgs = append(msgs, e.Err.Error())
	}
	want := []string{
		`"s9" is still named by source "s3" (inferred[0].source)`,
		`"s9" is still named by claim "a" (inferred[0].source)`,
		`"s9" is still named by claim "a" (appearances[0].inferred[0].source)`,
		`"s9" is still named by the relation a supports b (inferred[0].source)`,
	}
	if diff := cmp.Diff(want, msgs); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(before, yamlText(t, g)); diff != "" {
		t.Errorf("the failed removal changed the graph:\n%s", diff)
	}
	if err := g.Apply(graph.Batch{Merges: []graph.Merge{{Into: "s2", From: "s9"}}}); err != nil {
		t.Fatal(err)
	}
	after := yamlText(t, g)
	// s9 is left only in s2's merged list; four inferences and b's
	// appearance name s2.
	if strings.Count(after, "s9") != 1 || strings.Count(after, "source: s2\n") != 5 {
		t.Errorf("after merging s9 into s2:\n%s", after)
	}
}

// TestMergesInOneBatch: merging two claims and, in the same batch, the
// sources of their appearances gives one claim with one appearance,
// whichever merge comes first.
func TestMergesInOneBatch(t *testing.T) {
	const file = `claimgraph: 1
sources:
  - {id: s1, kind: wire}
  - {id: s2, kind: wire}
claims:
  - {id: a, text: A., appearances: [{source: s1}]}
  - {id: b, text: B., appearances: [{source: s2}]}
`
	var want string
	for _, merges := range [][]graph.Merge{{{Into: "a", From: "b"}, {Into: "s1", From: "s2"}}, {{Into: "s1", From: "s2"}, {Into: "a", From: "b"}}} {
		g, err := graph.ReadYAML(strings.NewReader(file), "m.yaml")
		if err != nil {
			t.Fatal(err)
		}
		if err := g.Apply(graph.Batch{Merges: merges}); err != nil {
			t.Fatalf("%v: %v", merges, err)
		}
		a, _ := g.Claim("a")
		if len(a.Appearances) != 1 || a.Appearances[0].Source != "s1" {
			t.Errorf("%v: a's appearances %+v, want one in s1", merges, a.Appearances)
		}
		got := yamlText(t, g)
		if want == "" {
			want = got
		} else if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("the order of the merges matters:\n%s", diff)
		}
	}
}

// TestBatchNamesWhatItMerges: a batch that merges an item may name the
// merged-away ID in what it adds and in what it replaces, and it reads as
// the item it merges into everywhere (red team 5's b2, b4 and b5): the
// graph names the item; what the renaming makes a duplicate is reported
// naming the relation as written, and appearances it makes one are kept
// once, as a merge keeps them.
func TestBatchNamesWhatItMerges(t *testing.T) {
	const base = `claimgraph: 1
sources:
  - {id: s1, kind: news-article}
  - {id: s2, kind: news-article}
  - {id: s3, kind: news-article}
claims:
  - {id: x, text: X holds., appearances: [{source: s2}]}
  - {id: w, text: W holds., appearances: [{source: s3}]}
  - {id: z, text: Z holds., appearances: [{source: s3}]}
  - {id: y, text: Y holds., appearances: [{source: s3}]}
relations:
  - {from: z, to: x, kind: supports}
`
	for _, tc := range []struct {
		name, batch string
		err         string            // the problem expected, "" for none
		is          error             // the sentinel err wraps
		claims      map[string]string // claim -> its sources, after
		rels        []string
	}{
		{name: "b4: an added claim's appearance", batch: "merge:\n  - {into: s2, from: s1}\nclaims:\n  - {id: v, text: V holds., appearances: [{source: s1, quote: q}, {source: s3}]}\n",
			claims: map[string]string{"v": "s2 s3"}, rels: []string{"z supports x"}},
		{name: "b4: an appearance the merge makes one", batch: "merge:\n  - {into: s2, from: s1}\nclaims:\n  - {id: v, text: V holds., appearances: [{source: s1}, {source: s2}]}\n",
			claims: map[string]string{"v": "s2"}, rels: []string{"z supports x"}},
		{name: "b5: a replaced claim's appearance", batch: "merge:\n  - {into: s2, from: s1}\nremove: [x]\nclaims:\n  - {id: x, text: X reworded., appearances: [{source: s1, quote: new}]}\n",
			claims: map[string]string{"x": "s2"}, rels: []string{"z supports x"}},
		{name: "an added relation and its sources", batch: "merge:\n  - {into: z, from: w}\n  - {into: s2, from: s1}\nrelations:\n  - {from: w, to: y, kind: contradicts, sources: [s1]}\n",
			rels: []string{"z supports x", "z contradicts y"}},
		{name: "an added source's derivation", batch: "merge:\n  - {into: s2, from: s1}\nsources:\n  - {id: s4, kind: wire, derived_from: [{source: s1, kind: quotes}]}\n",
			rels: []string{"z supports x"}},
		{name: "b2: a relation the merge makes a duplicate", batch: "merge:\n  - {into: z, from: w}\nrelations:\n  - {from: w, to: x, kind: supports}\n",
			err: `b.yaml:5:28: relation "w -> x": kind: duplicate relation: "z" already supports "x" ("w" is merged into "z" by the same change)`, is: graph.ErrDuplicateRelation},
		// Refused without a merge: a merge of two unrelated claims in
		// the same batch must not drop the repeat unseen.
		{name: "an appearance written twice beside a merge", batch: "merge:\n  - {into: z, from: w}\nclaims:\n  - {id: v, text: V holds., appearances: [{source: s1}, {source: s1}]}\n",
			err: `claim "v": appearances[1]: duplicate appearance: appearances[1] repeats appearances[0]`, is: graph.ErrDuplicateAppearance},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := graph.ReadYAML(strings.NewReader(base), "base.yaml")
			if err != nil {
				t.Fatal(err)
			}
			err = g.ApplyYAML(strings.NewReader("claimgraph: 1\n"+tc.batch), "b.yaml")
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want %s", err, tc.err)
				}
				if !errors.Is(err, tc.is) {
					t.Errorf("error %v is not %v", err, tc.is)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for id, want := range tc.claims {
				c, ok := g.Claim(id)
				if !ok {
					t.Fatalf("no claim %s", id)
				}
				var got []string
				for _, a := range c.Appearances {
					got = append(got, a.Source)
				}
				if strings.Join(got, " ") != want {
					t.Errorf("%s appears in %v, want %s", id, got, want)
				}
			}
			if got := relStrings(slices.Collect(g.Relations())); !slices.Equal(got, tc.rels) {
				t.Errorf("relations %v, want %v", got, tc.rels)
			}
			for r := range g.Relations() {
				if slices.Contains(r.Sources, "s1") {
					t.Errorf("relation %v still cites s1", r)
				}
			}
			if s, ok := g.Source("s4"); ok && s.DerivedFrom[0].Source != "s2" {
				t.Errorf("s4 derives from %s, want s2", s.DerivedFrom[0].Source)
			}
			// What the graph holds reads back.
			if _, err := graph.ReadYAML(strings.NewReader(yamlText(t, g)), "out.yaml"); err != nil {
				t.Errorf("written back: %v", err)
			}
		})
	}
}

// TestReplacedClaimDuplicateAppearance: a claim a batch replaces is
// checked as a claim it adds: an appearance written twice is refused.
func TestReplacedClaimDuplicateAppearance(t *testing.T) {
	g := desk(t)
	err := g.ApplyYAML(strings.NewReader("claimgraph: 1\nremove: [x]\nclaims:\n  - {id: x, text: X., appearances: [{source: s3}, {source: s3}]}\n"), "r.yaml")
	if !errors.Is(err, graph.ErrDuplicateAppearance) || !strings.Contains(err.Error(), `r.yaml:4:51: claim "x": appearances[1]: duplicate appearance`) {
		t.Errorf("error %v, want a duplicate appearance at r.yaml:4:51", err)
	}
}

// TestBatchUnchangedByItsMerges: applying a batch whose merges rename
// what it adds and replaces leaves the caller's batch as it was.
func TestBatchUnchangedByItsMerges(t *testing.T) {
	g := desk(t)
	if err := g.Apply(graph.Batch{Sources: []sources.Source{{ID: "s4", Kind: sources.Wire}}}); err != nil {
		t.Fatal(err)
	}
	b := graph.Batch{
		Remove: []string{"x"},
		Merges: []graph.Merge{{Into: "s3", From: "s4"}, {Into: "kim", From: "kim-2"}},
		Claims: []claims.Claim{
			{ID: "x", Text: "X again.", About: []string{"kim-2"}, Appearances: []claims.Appearance{{Source: "s4"}, {Source: "s1"}, {Source: "s3"}}},
			{ID: "v", Text: "V.", About: []string{"kim-2", "kim"}, Appearances: []claims.Appearance{{Source: "s4", Speaker: "kim-2"}, {Source: "s3", Speaker: "kim"}}},
		},
		Relations: []claims.Relation{{From: "v", To: "y", Kind: claims.Supports, Sources: []string{"s4", "s3"}}},
	}
	before := graph.Batch{Remove: slices.Clone(b.Remove), Merges: slices.Clone(b.Merges),
		Claims: []claims.Claim{b.Claims[0].Clone(), b.Claims[1].Clone()}, Relations: []claims.Relation{b.Relations[0].Clone()}}
	if err := g.Apply(b); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(before, b); diff != "" {
		t.Errorf("the batch changed (-before +after):\n%s", diff)
	}
	v, _ := g.Claim("v")
	if len(v.Appearances) != 1 || v.Appearances[0].Source != "s3" || v.Appearances[0].Speaker != "kim" || !slices.Equal(v.About, []string{"kim"}) {
		t.Errorf("v is %+v, want about kim, one appearance in s3 by kim", v)
	}
}

// TestLongIDsCutInMessages: an ID given to a look-up or to a change that
// names nothing (no file holds one longer than 128 characters, but a
// command line, a batch's remove and merge lists and a relation to
// remove are not files) was quoted whole in the message: a 100 KB ID
// made 100 KB of "not found", three times over for a batch of three.
// Values in messages are cut to their first characters (claims.Quote).
func TestLongIDsCutInMessages(t *testing.T) {
	long := strings.Repeat("a", 100_000)
	g := desk(t)
	var errs []error
	for _, q := range []func() error{
		func() error { _, err := g.Contradictions(long); return err },
		func() error { _, err := g.ClaimsAbout(long); return err },
		func() error { _, err := g.ShortestPath(long, "a"); return err },
		func() error { _, err := g.At(claims.MustDate(2024, 1, 1)).Supporters(long); return err },
	} {
		errs = append(errs, q())
	}
	err := g.Apply(graph.Batch{Remove: []string{long}, Merges: []graph.Merge{{Into: long, From: "a"}, {Into: "a", From: long}},
		RemoveRelations: []claims.Relation{{From: long, To: long, Kind: claims.Supports}}})
	var list graph.ErrorList
	if !errors.As(err, &list) || len(list) != 4 {
		t.Fatalf("Apply: %v, want 4 problems", err)
	}
	for _, e := range list {
		errs = append(errs, e)
	}
	for _, err := range errs {
		if !errors.Is(err, graph.ErrNotFound) || len(err.Error()) > 1000 || !strings.Contains(err.Error(), "(100000 bytes)") {
			t.Errorf("%d bytes, %.300s…; want ErrNotFound, the ID cut", len(err.Error()), err)
		}
	}
}

// TestRemoveRelationFields: an entry of remove_relations that left out
// a field said "a relation to remove needs from, to and kind" whatever
// it lacked, and said it again beside the problem of a field it had:
// after "want a mapping" for a scalar, after "unknown relation kind"
// for a kind misspelt. Each field left out (or null) is now reported by
// name, as the relations of a file report theirs, and a field given is
// reported once, by its own problem.
func TestRemoveRelationFields(t *testing.T) {
	for _, tt := range []struct {
		entry string
		want  []string
	}{
		{"x", []string{`2:20: syntax error: want a mapping, found "x"`}},
		{"{from: a, to: x}", []string{`2:20: remove_relation "a -> x": kind: missing required field "kind"`}},
		{"{from: a, kind: supports}", []string{`2:20: remove_relation "a -> ": to: missing required field "to"`}},
		{"{from: a, to: x, kind: }", []string{`2:20: remove_relation "a -> x": kind: missing required field "kind"`}},
		{"{from: a, to: x, kind: banana}", []string{`2:43: kind: invalid kind: unknown relation kind "banana"`}},
	} {
		batch := "claimgraph: 1\nremove_relations: [" + tt.entry + "]\n"
		err := desk(t).ApplyYAML(strings.NewReader(batch), "b.yaml")
		var list graph.ErrorList
		if !errors.As(err, &list) || len(list) != len(tt.want) {
			t.Errorf("%s: %v; want %d problems", tt.entry, err, len(tt.want))
			continue
		}
		for i, w := range tt.want {
			if !strings.Contains(list[i].Error(), "b.yaml:"+w) {
				t.Errorf("%s: problem %d is %q; want %q", tt.entry, i, list[i].Error(), w)
			}
		}
	}
}

// TestRemoveTwiceReportsOnce: a batch removing one ID twice repeated
// every "still related" (and "still cited") problem of the ID for each
// removal. The repeated removal is refused at its place, and the
// references are reported once, at the first.
func TestRemoveTwiceReportsOnce(t *testing.T) {
	g := desk(t)
	before := yamlText(t, g)
	err := g.Apply(graph.Batch{Remove: []string{"x", "s3", "x", "s3"}})
	var list graph.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("got %v, want an ErrorList", err)
	}
	var msgs []string
	for _, e := range list {
		msgs = append(msgs, e.Error())
	}
	all := strings.Join(msgs, "\n")
	for _, tt := range []struct {
		want string
		n    int
	}{
		{`"x" is still related`, 3},  // a, b and y support x
		{`"s3" is still cited`, 1},   // y's support of x cites it
		{`"x" is removed twice`, 1},  // the third removal
		{`"s3" is removed twice`, 1}, // the fourth
		{`remove "x"`, 3 + 1},        // at the first removal, but the repeat
		{`remove "s3"`, 1 + 1},
	} {
		if n := strings.Count(all, tt.want); n != tt.n {
			t.Errorf("%q %d times, want %d, in:\n%s", tt.want, n, tt.n, all)
		}
	}
	for _, e := range list {
		if strings.Contains(e.Error(), "removed twice") != errors.Is(e, graph.ErrDuplicateID) {
			t.Errorf("%v: removed twice and ErrDuplicateID disagree", e)
		}
	}
	if got := yamlText(t, g); got != before {
		t.Error("the failed batch changed the graph")
	}
}
