//go:build unix

package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServeFIFO: a FIFO put in place of the file hung every request, as
// the page was rebuilt under the mutex and opening a FIFO waits for a
// writer (red team 8, finding 10e). It is a problem, shown on the page,
// and a FIFO given at the start is refused.
func TestServeFIFO(t *testing.T) {
	file := copySeed(t)
	url := startServer(t, file)
	if err := os.Remove(file); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(file, 0o644); err != nil {
		t.Skipf("cannot make a FIFO: %v", err)
	}
	client := &http.Client{Timeout: 10 * time.Second}
	resp, err := client.Get(url)
	if err != nil {
		t.Fatalf("GET with a FIFO in place of the file: %v", err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "is not a regular file (a FIFO)") {
		t.Errorf("GET: %d, page without the problem:\n%.500s", resp.StatusCode, body)
	}

	var stdout, stderr bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	code := serveFile(ctx, &env{stdout: &stdout, stderr: &stderr}, serveConfig{file: file, addr: "127.0.0.1:0"}, func(string) {
		t.Error("served a FIFO")
	})
	if code != 1 || !strings.Contains(stderr.String(), "not a regular file") {
		t.Errorf("serve FIFO: exit %d, stderr %q; want 1 and the problem", code, stderr.String())
	}
}
