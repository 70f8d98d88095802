package main

import (
	"os"
	"path/filepath"
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
	for _, f := range []string{"merge-a.yaml", "merge-b.yaml"} {
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
	golden(t, pkg, "merge-conflicts.golden", runCmd(t, 1, "merge", "merge-a.yaml", "merge-b.yaml", "-o", "out.yaml"))
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

// TestMergeMissingDirectory: an output in a directory that does not
// exist fails with exit status 1, naming the output, not the temporary
// file the save would have made.
func TestMergeMissingDirectory(t *testing.T) {
	inMergeDir(t)
	out := runCmd(t, 1, "merge", "merge-a.yaml", "merge-a.yaml", "-o", "missing/out.yaml")
	if want := "graph: saving missing/out.yaml: missing: no such file or directory\nnothing written: 1 problem\n"; out != want {
		t.Errorf("output %q, want %q", out, want)
	}
}
