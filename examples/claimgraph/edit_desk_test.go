package main

import (
	"os"
	"strings"
	"testing"
)

// TestEditFlagProblemsNameTheFlag: a problem of an --remove or --merge
// names the flag, not a position in the batch the flags make (red team
// 6, finding 8b); one a reference causes stays at the reference in FILE.
func TestEditFlagProblemsNameTheFlag(t *testing.T) {
	t.Chdir(t.TempDir())
	const desk = `claimgraph: 1
sources:
  - {id: s1, kind: wire}
claims:
  - {id: a, text: A., appearances: [{source: s1}]}
  - {id: b, text: B., appearances: [{source: s1}]}
relations:
  - {from: a, to: b, kind: supports}
`
	if err := os.WriteFile("desk.yaml", []byte(desk), 0o644); err != nil {
		t.Fatal(err)
	}
	out := runCmd(t, 1, "edit", "desk.yaml", "--merge", "zz:a", "--remove", "nope", "--remove", "b")
	for _, want := range []string{
		"--merge zz:a: merge \"zz\": from: not found",
		"--remove nope: remove \"nope\": not found",
		"desk.yaml:8:5: remove \"b\": \"b\" is still related: a supports b",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "command line") {
		t.Errorf("a position in the flags' batch:\n%s", out)
	}
}

// TestEditRemovePublishedReview: removing a claim with a published
// review is refused without --drop-published, naming the review, and
// the file is left as it was; with the flag it is removed, with a note
// (finding 8d).
func TestEditRemovePublishedReview(t *testing.T) {
	t.Chdir(t.TempDir())
	const desk = `claimgraph: 1
sources:
  - {id: s1, kind: wire}
claims:
  - {id: a, text: A., appearances: [{source: s1}], review: {status: in-progress, reviewer: ann}}
  - {id: b, text: B., appearances: [{source: s1}], review: {status: published, rating: "False", url: "https://desk.example/b"}}
`
	if err := os.WriteFile("desk.yaml", []byte(desk), 0o644); err != nil {
		t.Fatal(err)
	}
	out := runCmd(t, 1, "edit", "desk.yaml", "--remove", "b")
	if want := `removing claim b drops its review (published "False" at https://desk.example/b): give --drop-published`; !strings.Contains(out, want) {
		t.Errorf("output lacks %q:\n%s", want, out)
	}
	if now, _ := os.ReadFile("desk.yaml"); string(now) != desk {
		t.Error("the refused edit changed the file")
	}
	// An unpublished review needs no flag.
	runCmd(t, 0, "edit", "desk.yaml", "--remove", "a")
	// A batch file that replaces b without its review is refused too.
	if err := os.WriteFile("change.yaml", []byte("claimgraph: 1\nremove: [b]\nclaims:\n  - {id: b, text: B again., appearances: [{source: s1}]}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := runCmd(t, 1, "edit", "desk.yaml", "--apply", "change.yaml"); !strings.Contains(out, "replacing claim b drops its review") {
		t.Errorf("replacing b: %s", out)
	}
	out = runCmd(t, 0, "edit", "desk.yaml", "--remove", "b", "--drop-published")
	if want := "note: removing claim b drops its review (published \"False\" at https://desk.example/b)\nedited desk.yaml\n"; out != want {
		t.Errorf("output %q, want %q", out, want)
	}
}

// TestEditJSONNotesEmpty: --json prints "notes": [] as documented, not
// null, when an edit has nothing to note.
func TestEditJSONNotesEmpty(t *testing.T) {
	t.Chdir(t.TempDir())
	const desk = "claimgraph: 1\nsources:\n  - {id: s1, kind: wire}\n  - {id: s2, kind: wire}\n"
	if err := os.WriteFile("desk.yaml", []byte(desk), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := runCmd(t, 0, "edit", "desk.yaml", "--merge", "s2:s1", "--json"); !strings.Contains(out, `"notes": []`) {
		t.Errorf("output %s", out)
	}
}

// TestEditMergeTwoPublished: two duplicate claims that each carry a
// published review (two fact-checks of two wordings) merge with
// --drop-published: the kept claim's review stays, the other's goes,
// with a note. Without the flag the merge is refused, naming that route,
// and the file is left as it was; a batch file says it with drop_review,
// and still needs the flag to drop a published rating (red team 7,
// finding 7).
func TestEditMergeTwoPublished(t *testing.T) {
	t.Chdir(t.TempDir())
	const desk = `claimgraph: 1
sources:
  - {id: s1, kind: wire}
  - {id: s2, kind: wire}
claims:
  - id: a
    text: A.
    # the desk's first check
    review: {status: published, rating: "False", url: "https://fc.example/a"}
    appearances: [{source: s1}]
  - id: b
    text: B.
    review: {status: published, rating: "Mostly false", url: "https://fc.example/b"}
    appearances: [{source: s2}]
`
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("desk.yaml", desk)
	out := runCmd(t, 1, "edit", "desk.yaml", "--merge", "b=a")
	if want := `--merge b=a: merge "b": conflicting reviews:`; !strings.Contains(out, want) || !strings.Contains(out, "give --drop-published") {
		t.Errorf("output lacks %q and the route:\n%s", want, out)
	}
	write("merge.yaml", "claimgraph: 1\nmerge:\n  - {into: a, from: b, drop_review: true}\n")
	out = runCmd(t, 1, "edit", "desk.yaml", "--apply", "merge.yaml")
	if want := `merging claim b into a drops its review (published "Mostly false" at https://fc.example/b); a's stays: give --drop-published`; !strings.Contains(out, want) {
		t.Errorf("output lacks %q:\n%s", want, out)
	}
	if now, _ := os.ReadFile("desk.yaml"); string(now) != desk {
		t.Error("a refused edit changed the file")
	}
	for _, args := range [][]string{{"--merge", "b=a"}, {"--apply", "merge.yaml"}} {
		write("desk.yaml", desk)
		out = runCmd(t, 0, append([]string{"edit", "desk.yaml", "--drop-published"}, args...)...)
		if want := "note: merging claim b into a drops its review (published \"Mostly false\" at https://fc.example/b); a's stays\nedited desk.yaml\n"; out != want {
			t.Errorf("%v: output %q, want %q", args, out, want)
		}
		now, _ := os.ReadFile("desk.yaml")
		if !strings.Contains(string(now), "# the desk's first check\n    review: {status: published, rating: \"False\"") || strings.Contains(string(now), "Mostly false") {
			t.Errorf("%v: the file kept the wrong review, or lost its comment:\n%s", args, now)
		}
	}
	// Two unpublished reviews: --drop-published keeps a's too, and says
	// which one went.
	write("desk.yaml", strings.NewReplacer(`status: published, rating: "False"`, "status: in-progress", `status: published, rating: "Mostly false"`, "status: in-progress, reviewer: bob").Replace(desk))
	runCmd(t, 1, "edit", "desk.yaml", "--merge", "b=a")
	if out := runCmd(t, 0, "edit", "desk.yaml", "--merge", "b=a", "--drop-published"); !strings.Contains(out, "note: merging b into a keeps the in-progress review of a; the in-progress review of b is dropped") {
		t.Errorf("two unpublished reviews: %s", out)
	}
}

// TestEditMergeSourceIntoItsOrigin: merging a source into the one it
// republishes drops the derivation between the two, with a note (red
// team 7, finding 8: sm4.yaml).
func TestEditMergeSourceIntoItsOrigin(t *testing.T) {
	t.Chdir(t.TempDir())
	const desk = `claimgraph: 1
sources:
  - {id: s1, kind: news-article, url: "https://news.example/x"}
  - {id: s2, kind: news-article, url: "http://www.news.example/x", derived_from: [{source: s1, kind: republishes}]}
claims:
  - {id: a, text: A., appearances: [{source: s1}, {source: s2}]}
`
	if err := os.WriteFile("desk.yaml", []byte(desk), 0o644); err != nil {
		t.Fatal(err)
	}
	out := runCmd(t, 0, "edit", "desk.yaml", "--merge", "s2=s1")
	if want := "note: the derivation s2 republishes s1 is dropped: the merge makes the two one source, s1\nedited desk.yaml\n"; out != want {
		t.Errorf("output %q, want %q", out, want)
	}
	if now, _ := os.ReadFile("desk.yaml"); strings.Contains(string(now), "derived_from") {
		t.Errorf("the derivation is still there:\n%s", now)
	}
}
