package main

import (
	"bufio"
	"context"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// rawRequest sends req as is on a new connection to the server at url and
// returns the connection, its reader and the response, or the error of
// reading one before a generous deadline (only against a hang).
func rawRequest(t *testing.T, url, req string) (net.Conn, *http.Response, error) {
	t.Helper()
	addr := strings.TrimSuffix(strings.TrimPrefix(url, "http://"), "/")
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	c.SetDeadline(time.Now().Add(20 * time.Second))
	if _, err := c.Write([]byte(strings.ReplaceAll(req, "ADDR", addr))); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	return c, resp, err
}

// TestServeBodyNeverSent: a GET whose Content-Length announced a body it
// never sent got no answer, as the server read the body before answering
// with no deadline; the connection was held for ever and an interrupt
// waited 5 s for it and exited 1, "context deadline exceeded". serve reads
// no body: it answers at once and closes such a connection.
func TestServeBodyNeverSent(t *testing.T) {
	url := startServer(t, copySeed(t)) // its clean-up wants exit 0 and "stopped"
	_, resp, err := rawRequest(t, url, "GET /version HTTP/1.1\r\nHost: ADDR\r\nContent-Length: 10\r\n\r\nx")
	if err != nil {
		t.Fatalf("GET with a body never sent: no answer: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !resp.Close {
		t.Errorf("GET with a body never sent: %d, close %v; want 200 and the connection closed", resp.StatusCode, resp.Close)
	}
}

// TestServeStopsWithStuckClient: a client that asks for the page and
// stops reading it held its connection for ever (no write deadline), and
// an interrupt waited for it 5 s, then exited 1, "context deadline
// exceeded", leaving it open. serve now closes what is still open after
// the grace period and stops as on any interrupt.
func TestServeStopsWithStuckClient(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	urls := make(chan string, 1)
	done := make(chan int, 1)
	var stdout, stderr syncBuffer
	// A page larger than the sockets' buffers, so that its write waits
	// for the client.
	cfg := serveConfig{file: seedFile, addr: "127.0.0.1:0", grace: time.Millisecond}
	cfg.opts.Title = strings.Repeat("x", 32<<20)
	go func() {
		done <- serveFile(ctx, &env{stdout: &stdout, stderr: &stderr}, cfg, func(u string) { urls <- u })
	}()
	var url string
	select {
	case url = <-urls:
	case code := <-done:
		t.Fatalf("serve exited %d: %s", code, stderr.String())
	}
	_, resp, err := rawRequest(t, url, "GET / HTTP/1.1\r\nHost: ADDR\r\n\r\n")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := resp.Body.Read(make([]byte, 1)); err != nil { // the write has begun; read no more
		t.Fatal(err)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 || !strings.Contains(stdout.String(), "stopped") {
			t.Errorf("interrupt with a client not reading: exit %d, stdout %q, stderr %q; want 0 and stopped", code, stdout.String(), stderr.String())
		}
	case <-time.After(time.Minute):
		t.Fatal("serve did not stop")
	}
}
