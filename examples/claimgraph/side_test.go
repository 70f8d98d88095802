package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSideFileLimit: a side file (verdicts, decisions, batch) larger than
// maxSideFile is refused by name before it is read whole, as /dev/zero
// would otherwise take all memory.
func TestSideFileLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(maxSideFile + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, err := readSide(path); err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("readSide of a file past the limit: %v", err)
	}
	var errb strings.Builder
	args := []string{"export", seedFile, "--format", "jsonld", "--verdicts", path,
		"--review-url", "https://x.example/r/", "--author", "Desk"}
	if code := run(args, &strings.Builder{}, &errb); code != 1 || !strings.Contains(errb.String(), "larger than") {
		t.Errorf("export --verdicts with a file past the limit: exit %d, %q", code, errb.String())
	}
}
