//go:build unix

package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
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

// TestServeFIFOAfterStat: a FIFO put in the file's place after serve
// looked the file up and before it opened it made the open wait for a
// writer, holding the lock of the page's build: that request hung, and
// no page was built again. serve now opens without waiting and looks at
// what it opened: the page lists the problem, and the file put back is
// read again.
func TestServeFIFOAfterStat(t *testing.T) {
	file := copySeed(t)
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	s := &server{cfg: serveConfig{file: file}, log: io.Discard}
	if _, page := serveGet(t, s, "/"); !strings.Contains(page, chinaOnlyText) {
		t.Fatalf("the first page lacks the graph:\n%.500s", page)
	}
	// A change the server sees (its size), then a FIFO in its place
	// once it has looked.
	edited := bytes.Replace(data, []byte(chinaOnlyText), []byte(editedText), 1)
	if err := os.WriteFile(file, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	swapped := false
	s.beforeOpen = func() {
		if swapped {
			return
		}
		swapped = true
		if err := os.Remove(file); err != nil {
			t.Error(err)
		}
		if err := syscall.Mkfifo(file, 0o644); err != nil {
			t.Errorf("cannot make a FIFO: %v", err)
		}
	}
	done := make(chan string, 1)
	go func() {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
		done <- rec.Body.String()
	}()
	select {
	case page := <-done:
		if !strings.Contains(page, "is not a regular file (a FIFO)") {
			t.Errorf("a FIFO put in place after the look-up: page without the problem:\n%.500s", page)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a FIFO put in place after the look-up: no page after 10 s (the open waits for a writer)")
	}
	if !swapped {
		t.Fatal("the page was not built again after the file changed")
	}

	if err := os.Remove(file); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, page := serveGet(t, s, "/"); !strings.Contains(page, editedText) || strings.Contains(page, "a FIFO") {
		t.Errorf("the file put back: want its graph and no problem:\n%.500s", page)
	}
}
