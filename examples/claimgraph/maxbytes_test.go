package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestMaxBytes: a graph file over the reader's size limit is refused
// with a sentence that names --max-bytes, which raises the limit; a bad
// size is a usage error.
func TestMaxBytes(t *testing.T) {
	data, err := os.ReadFile(miniFile)
	if err != nil {
		t.Fatal(err)
	}
	path := writeTemp(t, "seed.yaml", string(data))
	var out, errb bytes.Buffer
	if code := run([]string{"report", path, "--max-bytes", "1KiB"}, &out, &errb); code != 1 ||
		!strings.Contains(errb.String(), "input too large: larger than 1024 bytes") || !strings.Contains(errb.String(), "--max-bytes SIZE raises the limit") {
		t.Errorf("--max-bytes 1KiB: exit %d, stderr %q", code, errb.String())
	}
	errb.Reset()
	if code := run([]string{"check", path, "--max-bytes", "1KiB"}, &out, &errb); code != 1 || !strings.Contains(errb.String(), "claimgraph check: --max-bytes SIZE raises the limit") {
		t.Errorf("check --max-bytes 1KiB: exit %d, stderr %q", code, errb.String())
	}
	if out := runOK(t, "check", path, "--max-bytes", "1MiB"); !strings.Contains(out, "ok") {
		t.Errorf("--max-bytes 1MiB: %q", out)
	}
	for _, bad := range []string{"-1", "1TB", "9999999999GiB", "x"} {
		errb.Reset()
		if code := run([]string{"check", path, "--max-bytes", bad}, &out, &errb); code != 2 || !strings.Contains(errb.String(), "want a size in bytes") {
			t.Errorf("--max-bytes %s: exit %d, stderr %q", bad, code, errb.String())
		}
	}
}
