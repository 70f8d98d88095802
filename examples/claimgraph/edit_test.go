package main

import (
	"bytes"
	"encoding/json"
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

func TestEditKeepsCommentsAndFailsCleanly(t *testing.T) {
	src, err := os.ReadFile("../../graph/testdata/edit-commented.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile("desk.yaml", src, 0o644); err != nil {
		t.Fatal(err)
	}
	// c still contradicts d: nothing is written.
	out := runCmd(t, 1, "edit", "desk.yaml", "--remove", "c")
	// The problem is where the file names c, not in the batch the flags
	// make.
	if want := `desk.yaml:32:5: remove "c": "c" is still related: c contradicts d` + "\n"; !strings.Contains(out, want) {
		t.Errorf("output %q lacks %q", out, want)
	}
	if now, _ := os.ReadFile("desk.yaml"); string(now) != string(src) {
		t.Error("the failed edit changed the file")
	}
	batch := "claimgraph: 1\nremove: [c]\nremove_relations:\n  - {from: c, to: d, kind: contradicts}\n"
	if err := os.WriteFile(filepath.Join(dir, "change.yaml"), []byte(batch), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := runCmd(t, 0, "edit", "desk.yaml", "--apply", "change.yaml", "--json"); !strings.Contains(got, `"written": true`) {
		t.Errorf("--json output %s", got)
	}
	runCmd(t, 0, "edit", "desk.yaml", "--merge", "b:a")
	now, _ := os.ReadFile("desk.yaml")
	for _, comment := range []string{"# The desk's file", "# as the agency spells it", "# the original wording", "# b backs d", "# untouched", "# end of file"} {
		if !strings.Contains(string(now), comment) {
			t.Errorf("comment %q lost:\n%s", comment, now)
		}
	}
	if strings.Contains(string(now), "id: c,") {
		t.Error("c is still in the file")
	}
	runCmd(t, 2, "edit", "desk.yaml")
	runCmd(t, 2, "edit", "desk.yaml", "--merge", "b")
}

// TestEditRefusesJSON: edit keeps the comments of YAML files; a JSON
// Lines file is refused, saying so, and left as it was.
func TestEditRefusesJSON(t *testing.T) {
	t.Chdir(t.TempDir())
	const jsonl = `{"claimgraph": 1}` + "\n" + `{"source": {"id": "s1", "kind": "wire"}}` + "\n"
	if err := os.WriteFile("g.jsonl", []byte(jsonl), 0o644); err != nil {
		t.Fatal(err)
	}
	out := runCmd(t, 1, "edit", "g.jsonl", "--remove", "s1")
	if !strings.Contains(out, "cannot edit in place: edit keeps the comments of YAML files") {
		t.Errorf("output %q", out)
	}
	if now, _ := os.ReadFile("g.jsonl"); string(now) != jsonl {
		t.Error("the refused edit changed the file")
	}
}

// TestEditMergeReviewNote: merging a claim with a published review into
// one with a review in progress keeps the published one and says which
// review was dropped.
func TestEditMergeReviewNote(t *testing.T) {
	t.Chdir(t.TempDir())
	const desk = `claimgraph: 1
sources:
  - {id: s1, kind: wire}
claims:
  - {id: a, text: A., appearances: [{source: s1}], review: {status: in-progress, reviewer: Ann}}
  - {id: b, text: B., appearances: [{source: s1}], review: {status: published, rating: "False", url: "https://desk.example/b"}}
`
	if err := os.WriteFile("desk.yaml", []byte(desk), 0o644); err != nil {
		t.Fatal(err)
	}
	out := runCmd(t, 0, "edit", "desk.yaml", "--merge", "b:a")
	if want := "note: merging b into a keeps the published review of b; the in-progress review of a is dropped\nedited desk.yaml\n"; out != want {
		t.Errorf("output %q, want %q", out, want)
	}
	now, _ := os.ReadFile("desk.yaml")
	if !strings.Contains(string(now), `review: {status: published, rating: "False", url: "https://desk.example/b"}`) {
		t.Errorf("the published review is not a's:\n%s", now)
	}
}

// hubGraph is a claim "hub" that n claims support, all in one source.
func hubGraph(tb testing.TB, n int) *graph.Graph {
	b := graph.Batch{Sources: []sources.Source{{ID: "s", Kind: sources.NewsArticle}},
		Claims: []claims.Claim{{ID: "hub", Text: "Hub.", Appearances: []claims.Appearance{{Source: "s"}}}}}
	for i := range n {
		id := fmt.Sprintf("c%d", i)
		b.Claims = append(b.Claims, claims.Claim{ID: id, Text: "C.", Appearances: []claims.Appearance{{Source: "s"}}})
		b.Relations = append(b.Relations, claims.Relation{From: id, To: "hub", Kind: claims.Supports})
	}
	g := graph.New()
	if err := g.Apply(b); err != nil {
		tb.Fatal(err)
	}
	return g
}

// TestWithRelationsLines: edit --remove HUB --with-relations writes one
// batch line a relation of HUB, each named by the flag that made it at
// its line number, which the batch keeps count of as it writes
// (flagBatch.lines). It found the number of each line by counting the
// lines of the batch written so far: n² in the relations, 0.9 s of 14
// for a hub of 40,000 supporters. BenchmarkWithRelations measures the
// growth (it was a timed test here, which a loaded machine failed).
func TestWithRelationsLines(t *testing.T) {
	const n = 1000
	g := hubGraph(t, n)
	b := flagBatch{at: map[int]string{}}
	b.relationsOf(g, []string{"hub"})
	lines := strings.Split(b.String(), "\n")
	if b.lines != strings.Count(b.String(), "\n") || len(b.at) != n {
		t.Fatalf("%d lines counted, %d written; %d named by a flag, want %d", b.lines, strings.Count(b.String(), "\n"), len(b.at), n)
	}
	for at, flag := range b.at {
		if flag != "--with-relations (--remove hub)" || !strings.HasPrefix(lines[at-1], "  - {from: ") {
			t.Fatalf("line %d %q named by %q", at, lines[at-1], flag)
		}
	}
}

// BenchmarkWithRelations writes the batch of edit --remove HUB
// --with-relations for a hub of 10,000 and 40,000 supporters: the bytes
// and allocations grow 4 times (8.0 and 32.7 MB), the time 4 to 8 times
// (caches and the collector), where counting the lines written so far
// made it 16.
func BenchmarkWithRelations(b *testing.B) {
	for _, n := range []int{10_000, 40_000} {
		g := hubGraph(b, n)
		b.Run(fmt.Sprintf("relations=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				fb := flagBatch{at: map[int]string{}}
				fb.relationsOf(g, []string{"hub"})
			}
		})
	}
}

// TestEditWithRelationsNeedsRemove: --with-relations acts on the items
// --remove names; beside --apply (whose batch lists its relations in
// remove_relations) or --merge alone it was silently ignored, the edit
// then failing on the relations left, or succeeding without the removal
// the flag promised. It is a usage error, and the file is not touched.
func TestEditWithRelationsNeedsRemove(t *testing.T) {
	path := copySeed(t)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	batch := writeTemp(t, "rm.yaml", "claimgraph: 1\nremove: [kim-chair-wiped]\n")
	for _, args := range [][]string{
		{"edit", path, "--apply", batch, "--with-relations"},
		{"edit", path, "--merge", "kim-putin-talks-over-two-hours=kim-putin-met-beijing", "--with-relations"},
	} {
		var out, errb bytes.Buffer
		if code := run(args, &out, &errb); code != 2 || !strings.Contains(errb.String(), "--with-relations removes the relations of the items --remove names") {
			t.Errorf("%v: exit %d, stderr %q; want 2 and a message saying --with-relations needs --remove", args, code, errb.String())
		}
		if now, err := os.ReadFile(path); err != nil || !bytes.Equal(now, before) {
			t.Errorf("%v: the file changed (%v)", args, err)
		}
	}
}

// TestEditMergeNotesClaimFields: a claim merge keeps the kept claim's
// own note, validity and inferences, and the merged-away claim's went
// without a word (a valid_from that bounded when it held among them).
// edit notes them, with --merge and with --apply alike; a merge that
// drops nothing of the kind has no such note.
func TestEditMergeNotesClaimFields(t *testing.T) {
	const file = `claimgraph: 1
sources:
  - {id: s, kind: video}
claims:
  - {id: a, text: A., appearances: [{source: s}]}
  - id: b
    text: B.
    note: Only the desk's phone call says so.
    valid_from: 2024-01-01
    appearances: [{source: s, quote: q}]
    inferred:
      - {field: valid_from, sentence: "Since 2024.", source: s}
  - {id: c, text: C., appearances: [{source: s, quote: r}]}
`
	const want = "merging claim b into a drops b's note, validity and 1 inference; a keeps its own"
	batch := writeTemp(t, "m.yaml", "claimgraph: 1\nmerge:\n  - {from: b, into: a}\n")
	for _, flags := range [][]string{{"--merge", "b=a"}, {"--apply", batch}} {
		path := writeTemp(t, "g.yaml", file)
		var rep editReport
		if err := json.Unmarshal([]byte(runCmd(t, 0, append([]string{"edit", path, "--json"}, flags...)...)), &rep); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(rep.Notes, []string{want}) {
			t.Errorf("%v: notes %q, want %q", flags, rep.Notes, want)
		}
	}
	path := writeTemp(t, "g.yaml", file)
	if out := runCmd(t, 0, "edit", path, "--merge", "c=a"); strings.Contains(out, "drops") {
		t.Errorf("--merge c=a, which drops nothing of c's own: %q", out)
	}
}
