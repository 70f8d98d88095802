//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

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
