package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
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

// TestSideFileLimitStream: what is not a regular file, whose size says
// nothing, is refused once more than the limit has come (a FIFO here, a
// small limit so that the test writes little).
func TestSideFileLimitStream(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skipf("no FIFO on this system: %v", err)
	}
	for _, size := range []int{1024, 1025} {
		done := make(chan error, 1)
		go func() {
			w, err := os.OpenFile(path, os.O_WRONLY, 0)
			if err == nil {
				_, err = w.Write(make([]byte, size))
				w.Close()
			}
			done <- err
		}()
		data, err := readLimited(path, 1024)
		if werr := <-done; werr != nil && size == 1024 {
			t.Fatal(werr)
		}
		switch {
		case size == 1024 && (err != nil || len(data) != 1024):
			t.Errorf("%d bytes with a limit of 1024: %d bytes, %v", size, len(data), err)
		case size == 1025 && (err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "larger than 1024 bytes")):
			t.Errorf("%d bytes with a limit of 1024: %v", size, err)
		}
	}
}
