package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestImportRatingsSaid: in text mode import dropped the fact checks'
// ratings without a word (only --json had them); each is a note on
// standard error now, and --json, which lists them, prints none.
func TestImportRatingsSaid(t *testing.T) {
	out := filepath.Join(t.TempDir(), "g.yaml")
	code, _, stderr := runInterchange(t, "import", "--from", "factcheck", importsTestdata("factcheck.json"), "-o", out)
	if code != 0 || !strings.Contains(stderr, "claimgraph import: note: fc-1 rated ") || !strings.Contains(stderr, "--json lists them") {
		t.Errorf("exit %d, stderr %q: want a note per rating", code, stderr)
	}
	code, _, stderr = runInterchange(t, "import", "--from", "factcheck", importsTestdata("factcheck.json"), "-o", out, "--json")
	if code != 0 || strings.Contains(stderr, "note:") {
		t.Errorf("--json: exit %d, stderr %q: want no notes", code, stderr)
	}
}

// TestImportEveryProblemPrinted: the problems of an imports.ErrorList
// are printed one a line, not the first with a count.
func TestImportEveryProblemPrinted(t *testing.T) {
	in := writeTemp(t, "fc.json", `{"claims": [
 {"text": "T.", "claimDate": "2025-13-45"},
 {"text": "U.", "claimDate": "2025-02-30"}
]}`)
	code, stdout, stderr := runInterchange(t, "import", "--from", "factcheck", in)
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if code != 1 || stdout != "" || len(lines) != 2 || !strings.Contains(lines[0], "fc.json:2:2:") || !strings.Contains(lines[1], "fc.json:3:2:") {
		t.Errorf("exit %d, stdout %q, stderr %q: want the two dates, one a line", code, stdout, stderr)
	}
}
