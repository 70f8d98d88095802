package main

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestCommandTable: the table is sorted by name without duplicates, every
// entry is complete, and help lists them all in table order.
func TestCommandTable(t *testing.T) {
	var names []string
	for _, c := range commands {
		if c.name == "" || c.brief == "" || c.run == nil {
			t.Errorf("incomplete command %+v", c)
		}
		names = append(names, c.name)
	}
	if !slices.IsSorted(names) || len(slices.Compact(slices.Clone(names))) != len(names) {
		t.Errorf("commands not sorted or not unique: %v", names)
	}
	help := runOK(t, "help")
	at := 0
	for _, n := range names {
		i := strings.Index(help[at:], "\n  "+n+" ")
		if i < 0 {
			t.Fatalf("help does not list %s after position %d:\n%s", n, at, help)
		}
		at += i + 1
	}
}

func TestIsTerminal(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if isTerminal(f) {
		t.Errorf("a regular file is taken for a terminal")
	}
	var b strings.Builder
	if isTerminal(&b) {
		t.Errorf("a strings.Builder is taken for a terminal")
	}
}

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// TestOutputError: output is written at the end, and a failure to write
// it is an error even though the command itself succeeded.
func TestOutputError(t *testing.T) {
	var errb strings.Builder
	if code := run([]string{"report", miniFile}, failWriter{}, &errb); code != 1 || !strings.Contains(errb.String(), "disk full") {
		t.Errorf("exit %d, stderr %q; want 1 and the write error", code, errb.String())
	}
}

// TestOutputErrorIsTrouble: diff and merge give 1 for a changed verdict
// or conflicts, so output they fail to write is trouble, 2, whether or
// not a verdict changed: trouble never reads as "a verdict changed".
func TestOutputErrorIsTrouble(t *testing.T) {
	pkg := chdirRoot(t)
	old, new := filepath.Join(pkg, "testdata/diff-old.yaml"), filepath.Join(pkg, "testdata/diff-new.yaml")
	out := filepath.Join(t.TempDir(), "out.yaml")
	for _, args := range [][]string{
		{"diff", old, old},
		{"diff", old, new},
		{"diff", old, new, "--json"},
		{"merge", filepath.Join(pkg, "testdata/merge-a.yaml"), filepath.Join(pkg, "testdata/merge-b.yaml"), "-o", out, "--prefer", "a"},
	} {
		var errb strings.Builder
		if code := run(args, failWriter{}, &errb); code != 2 || !strings.Contains(errb.String(), "disk full") {
			t.Errorf("%v: exit %d, stderr %q; want 2 and the write error", args, code, errb.String())
		}
	}
}

// TestMain lets the test binary stand in for the tool: with
// CLAIMGRAPH_TEST_MAIN=1 in its environment it runs claimgraph on its
// arguments, so that scripts around the tool (iccma.sh) are tested without
// building it.
func TestMain(m *testing.M) {
	if os.Getenv("CLAIMGRAPH_TEST_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	flag.Parse()
	startChromiumEarly()
	code := m.Run()
	closeChromium()
	os.Exit(code)
}
