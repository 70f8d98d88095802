package main

import (
	"bufio"
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
