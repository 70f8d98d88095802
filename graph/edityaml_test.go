package graph_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/sources"
	"github.com/google/go-cmp/cmp"
)

// TestEditYAMLKeepsComments merges b into a and removes c with its
// relation in a commented file, and compares the result with a golden
// file: every comment is kept, and untouched items keep their form.
func TestEditYAMLKeepsComments(t *testing.T) {
	path, _ := copyTestdata(t, "edit-commented.yaml", "desk.yaml")
	err := graph.EditYAML(path, graph.Batch{
		Merges:          []graph.Merge{{Into: "a", From: "b"}},
		Remove:          []string{"c"},
		RemoveRelations: []claims.Relation{{From: "c", To: "d", Kind: claims.Contradicts}},
		Claims:          []claims.Claim{{ID: "e", Text: "E.", Appearances: []claims.Appearance{{Source: "s1"}}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	goldenFile(t, "testdata/edit-commented.golden", string(got))
	// The result reads back as the edited graph.
	g, err := graph.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if id, aliased := g.Resolve("b"); id != "a" || !aliased {
		t.Errorf("b resolves to %q", id)
	}
	// A failing edit leaves the file as it was.
	err = graph.EditYAML(path, graph.Batch{Remove: []string{"kim"}})
	if !errors.Is(err, graph.ErrReferenced) {
		t.Errorf("removing kim: %v", err)
	}
	after, _ := os.ReadFile(path)
	if string(after) != string(got) {
		t.Error("the failed edit changed the file")
	}
}

// goldenFile compares got with the file at path, or rewrites it when
// the environment has UPDATE_GOLDEN set.
func goldenFile(t *testing.T, path, got string) {
	t.Helper()
	if os.Getenv("UPDATE_GOLDEN") != "" {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with UPDATE_GOLDEN=1 to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", path, diff)
	}
}

// copyTestdata copies testdata/name to a file called as in a new
// temporary directory, for an edit to change, and returns its path and
// the bytes copied.
func copyTestdata(t *testing.T, name, as string) (string, []byte) {
	t.Helper()
	in, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), as)
	if err := os.WriteFile(path, in, 0o644); err != nil {
		t.Fatal(err)
	}
	return path, in
}

// editGolden copies testdata/NAME.yaml to a temporary file, applies b to
// it with EditYAML and compares the result with testdata/NAME.golden. It
// returns the path of the edited copy.
func editGolden(t *testing.T, name string, b graph.Batch) string {
	t.Helper()
	path, _ := copyTestdata(t, name+".yaml", name+".yaml")
	if err := graph.EditYAML(path, b); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	goldenFile(t, "testdata/"+name+".golden", string(got))
	return path
}

// TestEditYAMLNullSections: items added to a section written as null
// or left empty are written, as a block list, and the comment on the
// section's key stays.
func TestEditYAMLNullSections(t *testing.T) {
	path := editGolden(t, "edit-null", graph.Batch{
		Entities:  []claims.Entity{{ID: "e1", Name: "E", Kind: claims.Person}},
		Claims:    []claims.Claim{{ID: "b", Text: "B.", About: []string{"e1"}, Appearances: []claims.Appearance{{Source: "s1"}}}},
		Relations: []claims.Relation{{From: "a", To: "b", Kind: claims.Supports}},
	})
	g, err := graph.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if c := g.Counts(); c.Entities != 1 || c.Claims != 2 || c.Supports != 1 {
		t.Errorf("the edited file holds %+v", c)
	}
	// An empty list in flow style becomes a block list too, its comment
	// kept on the key's line.
	const empty = "claimgraph: 1\nsources: []  # none yet\n"
	if err := os.WriteFile(path, []byte(empty), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := graph.EditYAML(path, graph.Batch{Sources: []sources.Source{{ID: "s1", Kind: sources.Wire}}}); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	if want := "claimgraph: 1\nsources: # none yet\n  - id: s1\n    kind: wire\n"; string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestEditYAMLAnchors: removing the item that holds an anchor inlines
// the anchored value into the aliases left; anchors of untouched items
// stay as they are.
func TestEditYAMLAnchors(t *testing.T) {
	path := editGolden(t, "edit-anchors", graph.Batch{Remove: []string{"s1"}, Merges: []graph.Merge{{Into: "b", From: "a"}}})
	g, err := graph.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	s2, _ := g.Source("s2")
	d, _ := g.Claim("d")
	if s2.Kind != sources.Wire || len(d.Appearances) != 1 || d.Appearances[0].Source != "s4" {
		t.Errorf("after the edit s2 is %+v and d %+v", s2, d)
	}
}

// TestEditYAMLMergeKeepsComments: merging e2 into e1 rewrites e2's
// references in claim a one scalar at a time, so that every comment
// inside a's appearances stays, and so does the quoting of its quote and
// the folding of its note.
func TestEditYAMLMergeKeepsComments(t *testing.T) {
	editGolden(t, "edit-merge", graph.Batch{Merges: []graph.Merge{{Into: "e1", From: "e2"}}})
}

// onlyRemoved checks that out is in with whole lines removed and nothing
// else changed, and returns the lines removed.
func onlyRemoved(t *testing.T, in, out string) []string {
	t.Helper()
	a, b := strings.SplitAfter(in, "\n"), strings.SplitAfter(out, "\n")
	var removed []string
	j := 0
	for _, line := range a {
		if j < len(b) && b[j] == line {
			j++
			continue
		}
		removed = append(removed, line)
	}
	if j != len(b) {
		t.Errorf("the edit changed more than removing lines: line %d of the output, %q, is not in the input", j+1, b[j])
	}
	return removed
}

// TestEditYAMLKeepsLayout: removing items leaves every other byte as it
// was: folded and literal notes, flow lists, quoting, blank lines, the
// comment heading a group (it stays, heading the next item), a byte
// order mark and CRLF line ends.
func TestEditYAMLKeepsLayout(t *testing.T) {
	const file = `claimgraph: 1   # layout kept
sources:
  - id: s1
    kind: wire
    note: >-
      A long note that a person wrapped
      over two lines.
  - id: s2
    kind: 'wire'
    note: |
      literal
        kept

claims:
  # Defence pacts
  - {id: b, text: "B.", appearances: [{source: s2}]}
  - id: c
    text: "C, quoted."
    about: [ ]
    appearances: [ {source: s1},   {source: s2} ]
  - {id: d, text: D., appearances: [{source: s1}]}
relations:
  - {from: c, to: d, kind: supports}
  - {from: b, to: d, kind: supports}   # goes with b
`
	for _, tc := range []struct{ name, bom, nl string }{{"LF", "", "\n"}, {"CRLF", "", "\r\n"}, {"BOM", "\ufeff", "\n"}, {"BOM+CRLF", "\ufeff", "\r\n"}} {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.bom + strings.ReplaceAll(file, "\n", tc.nl)
			path := filepath.Join(t.TempDir(), "layout.yaml")
			if err := os.WriteFile(path, []byte(in), 0o644); err != nil {
				t.Fatal(err)
			}
			err := graph.EditYAML(path, graph.Batch{Remove: []string{"b"}, RemoveRelations: []claims.Relation{{From: "b", To: "d", Kind: claims.Supports}}})
			if err != nil {
				t.Fatal(err)
			}
			out, _ := os.ReadFile(path)
			removed := onlyRemoved(t, in, string(out))
			want := []string{`  - {id: b, text: "B.", appearances: [{source: s2}]}` + tc.nl, `  - {from: b, to: d, kind: supports}   # goes with b` + tc.nl}
			if diff := cmp.Diff(want, removed); diff != "" {
				t.Errorf("lines removed (-want +got):\n%s", diff)
			}
		})
	}
}

// TestEditYAMLSeed removes the treaty claim from a copy of the seed
// file with its relations: the file loses exactly the lines of the claim
// and of the relations, and reads back as the graph with them removed.
func TestEditYAMLSeed(t *testing.T) {
	in, err := os.ReadFile("../testdata/kim-putin.yaml")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "kim-putin.yaml")
	if err := os.WriteFile(path, in, 0o644); err != nil {
		t.Fatal(err)
	}
	const treaty = "russia-dprk-defence-treaty-2024"
	want, err := graph.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	rels, err := want.RelationsOf(treaty)
	if err != nil || len(rels) == 0 {
		t.Fatalf("relations of %s: %v %v", treaty, rels, err)
	}
	b := graph.Batch{Remove: []string{treaty}}
	for _, r := range rels {
		b.RemoveRelations = append(b.RemoveRelations, claims.Relation{From: r.From, To: r.To, Kind: r.Kind})
	}
	if err := graph.EditYAML(path, b); err != nil {
		t.Fatal(err)
	}
	out, _ := os.ReadFile(path)
	removed := strings.Join(onlyRemoved(t, string(in), string(out)), "")
	if got := strings.Count("\n"+removed, "\n  - "); got != 1+len(rels) || !strings.Contains(removed, "  - id: "+treaty+"\n") {
		t.Errorf("removed %d items, want the claim and its %d relations:\n%s", got, len(rels), removed)
	}
	if err := want.Apply(b); err != nil {
		t.Fatal(err)
	}
	got, err := graph.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	var w, g strings.Builder
	want.WriteYAML(&w)
	got.WriteYAML(&g)
	if w.String() != g.String() {
		t.Error("the edited file does not read back as the graph with the claim removed")
	}
}

// TestEditYAMLReferencePositions: a removal that items of the file
// still name fails, each problem pointing at the reference in the file
// (Ref) besides the entry of the batch, and the file is left as it was;
// c, removed too, no longer counts as naming s1.
func TestEditYAMLReferencePositions(t *testing.T) {
	path, in := copyTestdata(t, "edit-commented.yaml", "desk.yaml")
	err := graph.EditYAMLWith(path, strings.NewReader("claimgraph: 1\nremove: [s1, c]\n"), "change.yaml")
	var list graph.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("got %v, want an ErrorList", err)
	}
	var got []string
	for _, e := range list {
		got = append(got, e.Error())
	}
	want := []string{
		`graph: change.yaml:2:10: remove "s1": "s1" is still named by claim "a" (appearances[0].source) at ` + path + `:21:17`,
		`graph: change.yaml:2:14: remove "c": "c" is still related: c contradicts d at ` + path + `:32:5`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if now, _ := os.ReadFile(path); string(now) != string(in) {
		t.Error("the failed edit changed the file")
	}
}

// TestEditYAMLConcurrent: when the file changes on disk while an edit
// runs (another edit saved first), the edit is not saved, with
// ErrChanged, and the other change stays; EditYAMLTo saving to the same
// file by another name (relative against absolute, a symbolic link)
// checks alike.
func TestEditYAMLConcurrent(t *testing.T) {
	merge := graph.Batch{Merges: []graph.Merge{{Into: "a", From: "b"}}}
	for _, tc := range []struct {
		name  string
		files int // in the directory after
		edit  func(t *testing.T, path string) error
	}{
		{"EditYAML", 1, func(t *testing.T, path string) error { return graph.EditYAML(path, merge) }},
		{"relative and absolute", 1, func(t *testing.T, path string) error {
			t.Chdir(filepath.Dir(path))
			return graph.EditYAMLTo(filepath.Base(path), path, merge)
		}},
		{"a link to it", 2, func(t *testing.T, path string) error {
			link := filepath.Join(filepath.Dir(path), "link.yaml")
			if err := os.Symlink(path, link); err != nil {
				t.Skipf("no symbolic link: %v", err)
			}
			return graph.EditYAMLTo(path, link, merge)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path, in := copyTestdata(t, "edit-commented.yaml", "desk.yaml")
			other := strings.Replace(string(in), "text: D.", "text: D, edited by another desk.", 1)
			defer graph.SetBeforeEditSave(func(p string) {
				if err := os.WriteFile(p, []byte(other), 0o644); err != nil {
					t.Error(err)
				}
			})()
			err := tc.edit(t, path)
			if !errors.Is(err, graph.ErrChanged) || !strings.Contains(err.Error(), filepath.Base(path)) {
				t.Errorf("got %v, want ErrChanged naming %s", err, path)
			}
			if now, _ := os.ReadFile(path); string(now) != other {
				t.Errorf("the other desk's change was lost:\n%s", now)
			}
			if names, _ := os.ReadDir(filepath.Dir(path)); len(names) != tc.files {
				t.Errorf("files left: %v", names)
			}
		})
	}
}

// TestEditYAMLRefusesJSON: JSON and JSON Lines files have no comments to
// keep; EditYAML refuses them with ErrNotInPlace, leaving them as they
// were.
func TestEditYAMLRefusesJSON(t *testing.T) {
	for _, name := range []string{"g.json", "g.jsonl"} {
		path := filepath.Join(t.TempDir(), name)
		g := graph.New()
		if err := g.Apply(graph.Batch{Sources: []sources.Source{{ID: "s1", Kind: sources.Wire}}}); err != nil {
			t.Fatal(err)
		}
		if err := g.Save(path); err != nil {
			t.Fatal(err)
		}
		before, _ := os.ReadFile(path)
		err := graph.EditYAML(path, graph.Batch{Remove: []string{"s1"}})
		if !errors.Is(err, graph.ErrNotInPlace) {
			t.Errorf("%s: got %v, want ErrNotInPlace", name, err)
		}
		if after, _ := os.ReadFile(path); string(after) != string(before) {
			t.Errorf("%s changed", name)
		}
	}
}

// TestEditYAMLNewSections: items added to the last section come before
// the sections the edit adds, in a file that does not end with a line
// end.
func TestEditYAMLNewSections(t *testing.T) {
	path := editGolden(t, "edit-sections", graph.Batch{
		Entities:  []claims.Entity{{ID: "e1", Name: "E", Kind: claims.Person}},
		Claims:    []claims.Claim{{ID: "b", Text: "B.", About: []string{"e1"}, Appearances: []claims.Appearance{{Source: "s1"}}}},
		Relations: []claims.Relation{{From: "a", To: "b", Kind: claims.Supports}},
	})
	if _, err := graph.Load(path); err != nil {
		t.Fatal(err)
	}
}

// TestEditYAMLCollapsedRelation: when a merge makes two relations one,
// the relation of the item kept stays where it was written, with its
// comment, taking the moved one's note, and the moved one goes.
func TestEditYAMLCollapsedRelation(t *testing.T) {
	const in = `claimgraph: 1
sources:
  - {id: s1, kind: wire}
claims:
  - {id: a, text: A., appearances: [{source: s1}]}
  - {id: b, text: B., appearances: [{source: s1}]}
  - {id: c, text: C., appearances: [{source: s1}]}
relations:
  - {from: b, to: c, kind: supports, note: "b's"}
  - {from: a, to: c, kind: supports, note: "a's"}   # kept as written
`
	path := filepath.Join(t.TempDir(), "rel.yaml")
	if err := os.WriteFile(path, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := graph.EditYAML(path, graph.Batch{Merges: []graph.Merge{{Into: "a", From: "b"}}}); err != nil {
		t.Fatal(err)
	}
	out, _ := os.ReadFile(path)
	_, rels, _ := strings.Cut(string(out), "relations:\n")
	if want := "  - {from: a, to: c, kind: supports, note: \"a's; b's\"}   # kept as written\n"; rels != want {
		t.Errorf("relations:\n%s\nwant\n%s", rels, want)
	}
}

// TestEditYAMLSeedEveryItem removes each claim of the seed with its
// relations, and merges each entity, source and claim into the one
// before it, each on a fresh copy: every removal removes lines only, and
// no edit that the graph accepts fails to be made in the text. It edits
// the file about 200 times, so it runs without -short only.
func TestEditYAMLSeedEveryItem(t *testing.T) {
	if testing.Short() {
		t.Skip("about 200 edits of the seed file: run without -short")
	}
	in, err := os.ReadFile("../testdata/kim-putin.yaml")
	if err != nil {
		t.Fatal(err)
	}
	g, err := graph.Load("../testdata/kim-putin.yaml")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "kim-putin.yaml")
	edit := func(b graph.Batch) (string, error) {
		t.Helper()
		if err := os.WriteFile(path, in, 0o644); err != nil {
			t.Fatal(err)
		}
		err := graph.EditYAML(path, b)
		if errors.Is(err, graph.ErrNotInPlace) {
			t.Errorf("%+v: %v", b, err)
		}
		out, _ := os.ReadFile(path)
		return string(out), err
	}
	var ids [3][]string
	for c := range g.Claims() {
		ids[2] = append(ids[2], c.ID)
		b := graph.Batch{Remove: []string{c.ID}}
		rels, _ := g.RelationsOf(c.ID)
		for _, r := range rels {
			b.RemoveRelations = append(b.RemoveRelations, claims.Relation{From: r.From, To: r.To, Kind: r.Kind})
		}
		if out, err := edit(b); err == nil {
			onlyRemoved(t, string(in), out)
		}
	}
	for e := range g.Entities() {
		ids[0] = append(ids[0], e.ID)
	}
	for s := range g.Sources() {
		ids[1] = append(ids[1], s.ID)
	}
	for _, list := range ids {
		for i := 1; i < len(list); i++ {
			edit(graph.Batch{Merges: []graph.Merge{{Into: list[i-1], From: list[i]}}})
		}
	}
}

// TestEditYAMLLongLines: a value written anew stays on one line, however
// long, rather than folded at the encoder's 80 columns: a flow item, and
// a flow mapping in a block list, their quoting kept.
func TestEditYAMLLongLines(t *testing.T) {
	long := strings.Repeat("A long note, longer than a line of eighty columns. ", 3)
	in := `claimgraph: 1
entities:
  - {id: e1, name: E, kind: person}
  - {id: e2, name: F, kind: person}
sources:
  - {id: s1, kind: wire}
claims:
  - {id: a, text: A., about: [e2], appearances: [{source: s1}], note: "` + long + `"}   # flow
  - id: b
    text: B.
    appearances:
      - {source: s1, speaker: e2, note: '` + long + `'}
`
	path := filepath.Join(t.TempDir(), "long.yaml")
	if err := os.WriteFile(path, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := graph.EditYAML(path, graph.Batch{Merges: []graph.Merge{{Into: "e1", From: "e2"}}}); err != nil {
		t.Fatal(err)
	}
	out, _ := os.ReadFile(path)
	want := strings.NewReplacer("about: [e2]", "about: [e1]", "speaker: e2", "speaker: e1",
		"  - {id: e2, name: F, kind: person}\n", "", "kind: person}\n", "kind: person, aliases: [F], merged: [e2]}\n").Replace(in)
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

// TestEditYAMLTo: the edited text goes to another file, the comments
// kept, and the file read is left as it was; a JSON target is refused
// and not written.
func TestEditYAMLTo(t *testing.T) {
	path, in := copyTestdata(t, "edit-commented.yaml", "desk.yaml")
	b := graph.Batch{Claims: []claims.Claim{{ID: "e", Text: "E.", Appearances: []claims.Appearance{{Source: "s1"}}}}}
	out := filepath.Join(filepath.Dir(path), "out.yaml")
	if err := graph.EditYAMLTo(path, out, b); err != nil {
		t.Fatal(err)
	}
	if now, _ := os.ReadFile(path); string(now) != string(in) {
		t.Error("EditYAMLTo changed the file it read")
	}
	if err := graph.EditYAML(path, b); err != nil {
		t.Fatal(err)
	}
	want, _ := os.ReadFile(path)
	if got, _ := os.ReadFile(out); string(got) != string(want) {
		t.Errorf("EditYAMLTo wrote\n%s\nwhere EditYAML wrote\n%s", got, want)
	}
	js := filepath.Join(filepath.Dir(path), "out.json")
	if err := graph.EditYAMLTo(path, js, b); !errors.Is(err, graph.ErrNotInPlace) {
		t.Errorf("to %s: got %v, want ErrNotInPlace", js, err)
	}
	if _, err := os.Stat(js); err == nil {
		t.Errorf("%s written", js)
	}
}

// TestEditYAMLLimits: ReadOptions.EditYAML and EditYAMLTo read the file
// within the options' limits (EditYAML, within the default ones): a
// file over MaxBytes is refused with ErrTooLarge and left as it was,
// and edited under a larger limit.
func TestEditYAMLLimits(t *testing.T) {
	text := "claimgraph: 1\nclaims:\n  - {id: a, text: A}\n  - {id: b, text: B}\n"
	path := filepath.Join(t.TempDir(), "g.yaml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	b := graph.Batch{Remove: []string{"b"}}
	small := graph.ReadOptions{MaxBytes: 16}
	out := filepath.Join(t.TempDir(), "out.yaml")
	for name, err := range map[string]error{"EditYAML": small.EditYAML(path, b), "EditYAMLTo": small.EditYAMLTo(path, out, b)} {
		if !errors.Is(err, graph.ErrTooLarge) {
			t.Errorf("%s, MaxBytes 16: %v, want ErrTooLarge", name, err)
		}
	}
	if data, _ := os.ReadFile(path); string(data) != text {
		t.Fatalf("refused, yet the file changed: %q", data)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("refused, yet %s was written (%v)", out, err)
	}
	if err := (graph.ReadOptions{MaxBytes: 1 << 10}).EditYAML(path, b); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); strings.Contains(string(data), "id: b") {
		t.Errorf("b not removed: %q", data)
	}
}

// TestEditYAMLWithKeepsBatchComments: the items a batch file adds are
// written as the batch has them, with its comments, as merge writes the
// other desk's new items; they were written anew, dropping the desk's
// comments on what it added. The batch's remove section lends nothing,
// and the file's own comments stay.
func TestEditYAMLWithKeepsBatchComments(t *testing.T) {
	path, in := copyTestdata(t, "edit-commented.yaml", "desk.yaml")
	batch := `claimgraph: 1
claims:
  # added after the call with the embassy
  - id: z
    text: Z.
    appearances:
      - source: s1
        note: not confirmed  # ask again on Monday
remove_relations: []
`
	if err := graph.EditYAMLWith(path, strings.NewReader(batch), "change.yaml"); err != nil {
		t.Fatal(err)
	}
	out, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# added after the call with the embassy\n  - id: z\n", "note: not confirmed # ask again on Monday\n"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the edited file lacks %q:\n%s", want, out)
		}
	}
	if !strings.HasPrefix(string(out), string(in[:strings.Index(string(in), "claims:")])) {
		t.Errorf("the file's text before its claims changed:\n%s", out)
	}
}

// TestEditYAMLReadBackLimits: the edited text is read back within the
// limits the file was read within. It was read back within the default
// ones, so that a file that reads under a raised limit (a 17 MiB file
// under --max-bytes 64MiB, here one whose aliases add more text than the
// default 16 MiB) could not be edited at all: ErrNotInPlace, "would not
// read back", after the whole edit had run.
func TestEditYAMLReadBackLimits(t *testing.T) {
	var b strings.Builder
	b.WriteString("claimgraph: 1\nclaims:\n  - {id: c0, text: &t " + strings.Repeat("x", 64<<10) + "}\n")
	for i := 1; i <= 300; i++ { // 300 aliases of 64 KiB: 19 MiB of text
		fmt.Fprintf(&b, "  - {id: c%d, text: *t}\n", i)
	}
	path := filepath.Join(t.TempDir(), "g.yaml")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	raised := graph.ReadOptions{MaxBytes: 32 << 20}
	if _, err := raised.Load(path); err != nil {
		t.Fatalf("the file does not read under the raised limit: %v", err)
	}
	if err := raised.EditYAML(path, graph.Batch{Remove: []string{"c300"}}); err != nil {
		t.Fatalf("edit under the limit the file reads within: %v", err)
	}
	g, err := raised.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := g.Claim("c300"); ok || g.Counts().Claims != 300 {
		t.Errorf("c300 not removed: %+v", g.Counts())
	}
}
