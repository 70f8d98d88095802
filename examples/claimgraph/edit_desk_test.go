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
