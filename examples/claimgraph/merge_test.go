package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// inMergeDir copies the merge fixtures into a new directory and makes it
// the working directory, so that the output names short, stable paths.
// It returns the package directory's path for the golden files.
func inMergeDir(t *testing.T) string {
	t.Helper()
	pkg, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range []string{"merge-a.yaml", "merge-b.yaml", "merge-commented-a.yaml", "merge-commented-b.yaml"} {
		data, err := os.ReadFile(filepath.Join("testdata", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	return pkg
}

func TestMergeConflictsWriteNothing(t *testing.T) {
	pkg := inMergeDir(t)
	// The problems go to stderr, stdout stays empty (red team 8, finding
	// 10d: they went to stdout).
	var out, errb bytes.Buffer
	if code := run([]string{"merge", "merge-a.yaml", "merge-b.yaml", "-o", "out.yaml"}, &out, &errb); code != 1 || out.Len() > 0 {
		t.Errorf("exit %d, stdout %q; want 1 and nothing", code, out.String())
	}
	golden(t, pkg, "merge-conflicts.golden", errb.String())
	if _, err := os.Stat("out.yaml"); !os.IsNotExist(err) {
		t.Errorf("out.yaml written despite the conflicts: %v", err)
	}
	golden(t, pkg, "merge-conflicts.json.golden", runCmd(t, 1, "merge", "merge-a.yaml", "merge-b.yaml", "-o", "out.yaml", "--json"))
}

func TestMergePrefer(t *testing.T) {
	pkg := inMergeDir(t)
	for _, p := range []string{"a", "b"} {
		golden(t, pkg, "merge-prefer-"+p+".golden", runCmd(t, 0, "merge", "merge-a.yaml", "merge-b.yaml", "-o", "out.yaml", "--prefer", p))
		data, err := os.ReadFile("out.yaml")
		if err != nil {
			t.Fatal(err)
		}
		golden(t, pkg, "merge-prefer-"+p+".yaml.golden", string(data))
		// The same files give the same bytes.
		runCmd(t, 0, "merge", "merge-a.yaml", "merge-b.yaml", "-o", "again.yaml", "--prefer", p)
		again, _ := os.ReadFile("again.yaml")
		if string(again) != string(data) {
			t.Error("two merges of the same files differ")
		}
	}
	golden(t, pkg, "merge-prefer-b.json.golden", runCmd(t, 0, "merge", "merge-a.yaml", "merge-b.yaml", "-o", "out.yaml", "--prefer", "b", "--json"))
	runCmd(t, 2, "merge", "merge-a.yaml", "merge-b.yaml")
	runCmd(t, 2, "merge", "merge-a.yaml", "merge-b.yaml", "-o", "x.yaml", "--prefer", "c")
}

// TestMergeStatusAndFormat: exit 1 for conflicts, 2 for trouble (an
// invalid input, a missing file); the output is written in the format
// its name ends with; a claim that one desk merged is no claim of its
// own in the union, and looking it up shows the claim it became.
func TestMergeStatusAndFormat(t *testing.T) {
	inMergeDir(t)
	const a = "claimgraph: 1\nsources:\n  - {id: s1, kind: wire}\nclaims:\n  - {id: a, text: A., appearances: [{source: s1}], merged: [b]}\n"
	const b = "claimgraph: 1\nsources:\n  - {id: s1, kind: wire}\n  - {id: s2, kind: wire}\nclaims:\n  - {id: b, text: B., appearances: [{source: s2}]}\n"
	for name, text := range map[string]string{"ma.yaml": a, "mb.yaml": b, "bad.yaml": "claimgraph: 1\nclaims:\n  - {id: a, text: A., merged: [a]}\n"} {
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	runCmd(t, 1, "merge", "merge-a.yaml", "merge-b.yaml", "-o", "out.yaml")
	runCmd(t, 2, "merge", "merge-a.yaml", "bad.yaml", "-o", "out.yaml")
	runCmd(t, 2, "merge", "merge-a.yaml", "missing.yaml", "-o", "out.yaml")
	runCmd(t, 0, "merge", "ma.yaml", "mb.yaml", "-o", "out.jsonl")
	data, err := os.ReadFile("out.jsonl")
	if err != nil || !strings.HasPrefix(string(data), `{"claimgraph":1}`+"\n") {
		t.Fatalf("out.jsonl is not JSON Lines: %v\n%s", err, data)
	}
	if strings.Contains(string(data), `"id":"b"`) {
		t.Errorf("b is still a claim of its own:\n%s", data)
	}
	out := runCmd(t, 0, "sources", "out.jsonl", "b", "--json")
	if !strings.Contains(out, `"id": "a"`) || !strings.Contains(out, `"id": "s2"`) {
		t.Errorf("sources of b:\n%s\nwant a, with b's appearance in s2", out)
	}
}

// TestMergeMissingDirectory: an output in a directory that does not
// exist fails with exit status 2 (trouble), naming the output, not the temporary
// file the save would have made.
func TestMergeMissingDirectory(t *testing.T) {
	inMergeDir(t)
	var stdout, errb bytes.Buffer
	code := run([]string{"merge", "merge-a.yaml", "merge-a.yaml", "-o", "missing/out.yaml"}, &stdout, &errb)
	if want := "graph: saving missing/out.yaml: missing: no such file or directory\nnothing written: 1 problem\n"; code != 2 || errb.String() != want || stdout.Len() > 0 {
		t.Errorf("exit %d, stderr %q, stdout %q; want 2, %q and nothing", code, errb.String(), stdout.String(), want)
	}
}

// TestMergeKeepsComments: the union of two commented YAML files is
// written on A's text: every comment, blank line, quoted value and flow
// item of A stays in A's order, the item B merged away (b) goes with its
// lines, the items the union changes (a, grown by the merge; the
// relation to b, now to a) change in place, and B's new items are
// appended with B's comments and style (a new section at the end). The
// same holds when OUT is A itself, and the result reads back.
func TestMergeKeepsComments(t *testing.T) {
	pkg := inMergeDir(t)
	const a, b = "merge-commented-a.yaml", "merge-commented-b.yaml"
	runCmd(t, 0, "merge", a, b, "-o", "out.yaml")
	got, err := os.ReadFile("out.yaml")
	if err != nil {
		t.Fatal(err)
	}
	golden(t, pkg, "merge-commented.yaml.golden", string(got))
	src, _ := os.ReadFile(a)
	for _, line := range strings.Split(string(src), "\n") {
		if i := strings.Index(line, "#"); i >= 0 && !strings.Contains(line, "folded this into a") && !strings.Contains(string(got), line[i:]) {
			t.Errorf("A's comment %q is lost", line[i:])
		}
	}
	for _, c := range []string{"# Added by desk B.", "# B's line comment", "# Desk B's new claim, about kim.", "# Desk B's only entity."} {
		if !strings.Contains(string(got), c) {
			t.Errorf("B's comment %q is lost", c)
		}
	}
	runCmd(t, 0, "check", "out.yaml")
	// In place: ours.yaml is A, merged with B into itself.
	if err := os.WriteFile("ours.yaml", src, 0o644); err != nil {
		t.Fatal(err)
	}
	runCmd(t, 0, "merge", "ours.yaml", b, "-o", "ours.yaml")
	if ours, _ := os.ReadFile("ours.yaml"); string(ours) != string(got) {
		t.Errorf("merged in place:\n%s\nwant the same text as out.yaml:\n%s", ours, got)
	}
}
