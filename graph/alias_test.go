package graph

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
)

// TestAliasesChecked: the IDs of merged lists are checked like IDs, on
// load: their syntax, that no item has one as its ID (of any kind, here
// or later in the file), and that each is merged into one item only.
func TestAliasesChecked(t *testing.T) {
	const head = "claimgraph: 1\nentities:\n  - {id: e1, name: E, kind: person}\nsources:\n  - {id: s1, kind: wire}\nclaims:\n"
	for _, tc := range []struct {
		name, claims string
		want         []string // "LINE:COL: text" of each problem
		is           error
	}{
		{"live claim", "  - {id: a, text: A., appearances: [{source: s1}], merged: [b]}\n  - {id: b, text: B., appearances: [{source: s1}]}\n",
			[]string{`7:61: claim "a": merged[0]: duplicate ID "b": merged into "a" but still a claim`}, ErrDuplicateID},
		{"entity and source", "  - {id: a, text: A., appearances: [{source: s1}], merged: [e1, s1]}\n",
			[]string{`7:61: claim "a": merged[0]: duplicate ID "e1": merged into "a" but still an entity`,
				`7:65: claim "a": merged[1]: duplicate ID "s1": merged into "a" but still a source`}, ErrDuplicateID},
		{"two items", "  - {id: a, text: A., appearances: [{source: s1}], merged: [x]}\n  - {id: c, text: C., appearances: [{source: s1}], merged: [x]}\n",
			[]string{`8:61: claim "c": merged[0]: duplicate ID "x": already merged into "a"`}, ErrDuplicateID},
		{"mutual", "  - {id: a, text: A., appearances: [{source: s1}], merged: [b]}\n  - {id: b, text: B., appearances: [{source: s1}], merged: [a]}\n",
			[]string{`7:61: claim "a": merged[0]: duplicate ID "b": merged into "a" but still a claim`,
				`8:61: claim "b": merged[0]: duplicate ID "a": merged into "b" but still a claim`}, ErrDuplicateID},
		{"itself", "  - {id: a, text: A., appearances: [{source: s1}], merged: [a]}\n",
			[]string{`7:61: claim "a": merged[0]: duplicate ID "a": an item is not merged into itself`}, ErrDuplicateID},
		{"twice", "  - {id: a, text: A., appearances: [{source: s1}], merged: [x, x]}\n",
			[]string{`7:64: claim "a": merged[1]: duplicate ID "x": listed twice in merged`}, ErrDuplicateID},
		{"syntax", "  - {id: a, text: A., appearances: [{source: s1}], merged: [\"not an id!\"]}\n",
			[]string{`7:61: claim "a": merged[0]: invalid ID "not an id!"`}, claims.ErrInvalidID},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadYAML(strings.NewReader(head+tc.claims), "al.yaml")
			wantProblems(t, err, "al.yaml", tc.want, tc.is)
		})
	}
}

// wantProblems checks that err, from reading file, is an ErrorList of
// the problems want ("LINE:COL: text", each a prefix of its message),
// in that order, each matching is; want nil means no problem.
func wantProblems(t *testing.T, err error, file string, want []string, is error) {
	t.Helper()
	if want == nil {
		if err != nil {
			t.Fatal(err)
		}
		return
	}
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("err %v, want an ErrorList", err)
	}
	if len(list) != len(want) {
		t.Fatalf("%d problems, want %d: %v", len(list), len(want), err)
	}
	for i, e := range list {
		if got := e.Error(); !strings.HasPrefix(got, "graph: "+file+":"+want[i]) {
			t.Errorf("problem %d:\n got %s\nwant %s:%s", i, got, file, want[i])
		}
		if !errors.Is(e, is) {
			t.Errorf("problem %d does not match %v", i, is)
		}
	}
}

// TestAliasesAgainstTheGraph: a change may not list as merged an ID the
// graph holds as an alias of a kept item, nor add an item with that ID;
// it may once the item holding the alias is removed.
func TestAliasesAgainstTheGraph(t *testing.T) {
	g := aliasGraph(t)
	err := g.Apply(Batch{Claims: []claims.Claim{{ID: "n", Text: "N.", Appearances: []claims.Appearance{{Source: "s1"}}, Merged: []string{"b"}}}})
	if !errors.Is(err, ErrDuplicateID) || !strings.Contains(err.Error(), `"b": already merged into "a"`) {
		t.Fatalf("err %v, want b already merged into a", err)
	}
	err = g.Apply(Batch{Remove: []string{"a"}, RemoveRelations: []claims.Relation{{From: "a", To: "c", Kind: claims.Supports}},
		Claims: []claims.Claim{{ID: "n", Text: "N.", Appearances: []claims.Appearance{{Source: "s1"}}, Merged: []string{"b"}}}})
	if err != nil {
		t.Fatalf("removing a frees its alias b: %v", err)
	}
	if to, aliased := g.Resolve("b"); to != "n" || !aliased {
		t.Errorf("b resolves to %q, %v; want n", to, aliased)
	}
}

// TestReplacedMergedChecked: the merged list of an item an edit
// replaces is checked by the one check of a load, in its words: an
// entry that is still an item names the item's kind, one that is
// another item's alias names that item, and the replaced item keeps its
// own alias.
func TestReplacedMergedChecked(t *testing.T) {
	for _, tc := range []struct {
		merged []string
		want   string // "" for no problem
		is     error  // the sentinel of want; ErrDuplicateID when nil
	}{
		{merged: []string{"c"}, want: `claim "a": merged[0]: duplicate ID "c": merged into "a" but still a claim`},
		{merged: []string{"b", "s1"}, want: `claim "a": merged[1]: duplicate ID "s1": merged into "a" but still a source`},
		{merged: []string{"s0"}, want: `claim "a": merged[0]: duplicate ID "s0": already merged into "s2"`},
		{merged: []string{"b"}},
		// As a load checks a merged list: each a valid ID, listed once.
		{merged: []string{"b", "b"}, want: `claim "a": merged[1]: duplicate ID "b": listed twice in merged`},
		{merged: []string{"x", "x"}, want: `claim "a": merged[1]: duplicate ID "x": listed twice in merged`},
		{merged: []string{"not an id!"}, want: `claim "a": merged[0]: invalid ID "not an id!": use letters, digits and . _ : - starting with a letter or digit`, is: claims.ErrInvalidID},
	} {
		if tc.is == nil {
			tc.is = ErrDuplicateID
		}
		g := aliasGraph(t)
		err := g.Apply(Batch{Remove: []string{"a"},
			Claims: []claims.Claim{{ID: "a", Text: "A.", Appearances: []claims.Appearance{{Source: "s1"}}, Merged: tc.merged}}})
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("merged %v: %v, want no problem", tc.merged, err)
		case tc.want != "" && (!errors.Is(err, tc.is) || err.Error() != "graph: "+tc.want):
			t.Errorf("merged %v: %v\nwant graph: %s", tc.merged, err, tc.want)
		}
	}
}

// aliasGraph holds a, into which b was merged, and c, with a relation
// written in the file as b supports c.
func aliasGraph(t *testing.T) *Graph {
	t.Helper()
	g, err := ReadYAML(strings.NewReader(`claimgraph: 1
sources:
  - {id: s1, kind: wire}
  - {id: s2, kind: wire, merged: [s0]}
claims:
  - {id: a, text: A., appearances: [{source: s1}], merged: [b]}
  - {id: c, text: C., appearances: [{source: s0}]}
relations:
  - {from: b, to: c, kind: supports}
`), "alref.yaml")
	if err != nil {
		t.Fatalf("a relation naming an alias is read as naming its item: %v", err)
	}
	return g
}

// TestReferencesFollowAliases: a reference to an ID merged into another
// item, in the file or a later change, names that item, and the graph
// writes the item's own ID.
func TestReferencesFollowAliases(t *testing.T) {
	g := aliasGraph(t)
	if sup, err := g.Supporters("c"); err != nil || len(sup) != 1 || sup[0].From != "a" {
		t.Fatalf("supporters of c %v, %v; want a", sup, err)
	}
	if c, _ := g.Claim("c"); c.Appearances[0].Source != "s2" {
		t.Errorf("c appears in %q, want s2, into which s0 was merged", c.Appearances[0].Source)
	}
	err := g.Apply(Batch{
		Claims:    []claims.Claim{{ID: "n", Text: "N.", Appearances: []claims.Appearance{{Source: "s0"}}}},
		Relations: []claims.Relation{{From: "n", To: "b", Kind: claims.Contradicts, Note: "kept whole"}},
	})
	if err != nil {
		t.Fatalf("a batch naming an alias: %v", err)
	}
	if con, _ := g.Contradictions("a"); len(con) != 1 || con[0].To != "a" {
		t.Errorf("contradictions of a %v, want n contradicts a", con)
	}
	var buf bytes.Buffer
	if err := g.WriteYAML(&buf); err != nil {
		t.Fatal(err)
	}
	if out := buf.String(); strings.Contains(out, "from: b") || strings.Contains(out, "to: b") || strings.Contains(out, "source: s0") {
		t.Errorf("the written file still names an alias:\n%s", out)
	}
	// A relation's sources are kept as written: an alias there is unknown.
	err = g.Apply(Batch{Relations: []claims.Relation{{From: "c", To: "n", Kind: claims.Supports, Sources: []string{"s0"}}}})
	if !errors.Is(err, ErrUnknownReference) {
		t.Errorf("relation citing alias s0: %v, want ErrUnknownReference", err)
	}
}

// TestChangesSayMerged: removing or merging an ID that was merged into
// another item says so, with a sentinel that matches ErrNotFound too.
func TestChangesSayMerged(t *testing.T) {
	g := aliasGraph(t)
	for _, b := range []Batch{{Remove: []string{"b"}}, {Merges: []Merge{{From: "b", Into: "c"}}}, {Merges: []Merge{{From: "c", Into: "b"}}}} {
		err := g.Apply(b)
		if !errors.Is(err, ErrMerged) || !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), `"b" is already merged into "a"`) {
			t.Errorf("%+v: %v, want b is already merged into a", b, err)
		}
	}
	if err := g.Apply(Batch{Remove: []string{"zz"}}); errors.Is(err, ErrMerged) || !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown ID: %v, want ErrNotFound only", err)
	}
}

// TestSelfRelationThroughAlias: a relation between an item and an ID
// merged into it relates the item to itself.
func TestSelfRelationThroughAlias(t *testing.T) {
	_, err := ReadYAML(strings.NewReader(`claimgraph: 1
sources:
  - {id: s1, kind: wire}
claims:
  - {id: a, text: A., appearances: [{source: s1}], merged: [b]}
relations:
  - {from: b, to: a, kind: supports}
`), "self.yaml")
	if !errors.Is(err, claims.ErrSelfRelation) || !strings.Contains(err.Error(), `self.yaml:7:19: relation "b -> a": to: self-relation: relates claim "a" to itself: "b" was merged into it`) {
		t.Errorf("got %v", err)
	}
}

// TestDuplicatesThroughAliases: a relation or an appearance written once
// with an item's ID and once with an alias of it is refused, at the
// second, as it would count twice (support lists, evidence digests,
// RDF); so is an appearance written twice alike, one rule with or
// without an alias; a support each way, and appearances that differ in
// a field weighing or staleness reads (about_past, date, speaker,
// quote), are not.
func TestDuplicatesThroughAliases(t *testing.T) {
	const head = "claimgraph: 1\nentities:\n  - {id: e, name: E, kind: person}\nsources:\n  - {id: s, kind: wire, merged: [t]}\n  - {id: u, kind: wire}\n" +
		"claims:\n  - {id: x, text: X, merged: [y], appearances: [{source: s}]}\n  - {id: z, text: Z, merged: [w], appearances: [{source: u}]}\n"
	for _, tc := range []struct {
		name, rest string
		want       []string // "LINE:COL: text" of each problem
		is         error
	}{
		{"from through an alias", "relations:\n  - {from: w, to: x, kind: supports}\n  - {from: z, to: x, kind: supports}\n",
			[]string{`12:28: relation "z -> x": kind: duplicate relation: "z" already supports "x": "w -> x" names the same claims, through an alias`}, ErrDuplicateRelation},
		{"both ends through aliases", "relations:\n  - {from: z, to: x, kind: supports}\n  - {from: w, to: y, kind: supports}\n",
			[]string{`12:28: relation "w -> y": kind: duplicate relation: "w" already supports "y": "z -> x" names the same claims, through an alias`}, ErrDuplicateRelation},
		{"appearance in a source and its alias", "  - {id: q, text: Q, appearances: [{source: s}, {source: t}]}\n",
			[]string{`10:49: claim "q": appearances[1]: duplicate appearance: appearances[1] repeats appearances[0]: "t" and "s" are one item, through an alias`}, ErrDuplicateAppearance},
		{"support each way", "relations:\n  - {from: w, to: x, kind: supports}\n  - {from: y, to: z, kind: supports}\n", nil, nil},
		{"appearances written alike", "  - {id: q, text: Q, appearances: [{source: s}, {source: s}]}\n",
			[]string{`10:49: claim "q": appearances[1]: duplicate appearance: appearances[1] repeats appearances[0]`}, ErrDuplicateAppearance},
		{"appearances written alike but for the note", "  - {id: q, text: Q, appearances: [{source: s, date: 2025-01-01, note: a}, {source: s, note: b, date: 2025-01-01}]}\n",
			[]string{`10:76: claim "q": appearances[1]: duplicate appearance: appearances[1] repeats appearances[0] (only their notes differ: keep one appearance with both notes)`}, ErrDuplicateAppearance},
		{"alias but for the note", "  - {id: q, text: Q, appearances: [{source: s, note: a}, {source: t, note: b}]}\n",
			[]string{`10:58: claim "q": appearances[1]: duplicate appearance: appearances[1] repeats appearances[0]: "t" and "s" are one item, through an alias (only their notes differ`}, ErrDuplicateAppearance},
		{"third of three written alike", "  - {id: q, text: Q, appearances: [{source: s, speaker: e}, {source: u}, {source: s, speaker: e}]}\n",
			[]string{`10:74: claim "q": appearances[2]: duplicate appearance: appearances[2] repeats appearances[0]`}, ErrDuplicateAppearance},
		// One speaks of the past, the other repeats it as current: two
		// utterances, which stale tells apart (red team 5's ap2.yaml and
		// ap3.yaml), with or without an alias.
		{"about_past differs, through an alias", "  - {id: q, text: Q, appearances: [{source: s, date: 2025-01-01, about_past: true}, {source: t, date: 2025-01-01}]}\n", nil, nil},
		{"about_past differs, written alike", "  - {id: q, text: Q, appearances: [{source: s, date: 2025-01-01, about_past: true}, {source: s, date: 2025-01-01}]}\n", nil, nil},
		{"appearances with other dates", "  - {id: q, text: Q, appearances: [{source: s, date: 2024-01-01}, {source: s, date: 2025-01-01}]}\n", nil, nil},
		{"appearances with other speakers", "  - {id: q, text: Q, appearances: [{source: s}, {source: s, speaker: e}]}\n", nil, nil},
		{"appearances with other quotes", "  - {id: q, text: Q, appearances: [{source: s, quote: a}, {source: t, quote: b}]}\n", nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadYAML(strings.NewReader(head+tc.rest), "al.yaml")
			wantProblems(t, err, "al.yaml", tc.want, tc.is)
		})
	}
}

// TestSelfDerivation: a source that derives from itself, by its ID or
// an alias, is refused at the derivation, as a merge that would make one
// is.
func TestSelfDerivation(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"claimgraph: 1\nsources:\n  - {id: s1, kind: wire, derived_from: [{source: s1, kind: cites}]}\n",
			`al.yaml:3:50: source "s1": derived_from[0].source: conflicting relation: "s1" derives from itself`},
		{"claimgraph: 1\nsources:\n  - {id: s1, kind: wire, merged: [t], derived_from: [{source: t, kind: cites}]}\n",
			`al.yaml:3:63: source "s1": derived_from[0].source: conflicting relation: "s1" derives from itself ("t" is merged into it)`},
	} {
		_, err := ReadYAML(strings.NewReader(tc.in), "al.yaml")
		if !errors.Is(err, ErrConflictingRelation) || !strings.Contains(fmt.Sprint(err), tc.want) {
			t.Errorf("error %v, want %s", err, tc.want)
		}
	}
	// Deriving from another source is fine.
	if _, err := ReadYAML(strings.NewReader("claimgraph: 1\nsources:\n  - {id: s1, kind: wire, derived_from: [{source: s2, kind: cites}]}\n  - {id: s2, kind: wire}\n"), "ok.yaml"); err != nil {
		t.Error(err)
	}
}
