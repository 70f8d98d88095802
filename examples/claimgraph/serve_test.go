package main

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
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

// TestServeSecurityHeaders: serve's answers had no Content-Security-Policy,
// so any site could frame the live page (clickjacking) and the page ran
// with no bound on what it loads. Every answer, refusals included, now
// forbids framing and everything but the page's own inline script and
// style, its data: icon and its polls of /version.
func TestServeSecurityHeaders(t *testing.T) {
	s := &server{cfg: serveConfig{file: seedFile}, log: io.Discard, port: "8080"}
	for _, c := range []struct{ method, path, host string }{
		{"GET", "/", "127.0.0.1:8080"}, {"HEAD", "/", "127.0.0.1:8080"}, {"GET", "/version", "127.0.0.1:8080"},
		{"GET", "/vocab.ttl", "127.0.0.1:8080"}, {"GET", "/nowhere", "127.0.0.1:8080"},
		{"POST", "/", "127.0.0.1:8080"}, {"GET", "/", "rebound.example:8080"},
	} {
		req := httptest.NewRequest(c.method, c.path, nil)
		req.Host = c.host
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		h := rec.Result().Header
		csp := h.Get("Content-Security-Policy")
		if !strings.Contains(csp, "frame-ancestors 'none'") || !strings.Contains(csp, "default-src 'none'") ||
			h.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s %s (Host %s): %d, CSP %q, nosniff %q", c.method, c.path, c.host, rec.Code, csp, h.Get("X-Content-Type-Options"))
		}
	}
}
