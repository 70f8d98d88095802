package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"html"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/graph"
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

// serveGet answers GET path from s, as a request for any Host, and
// returns the status and the body.
func serveGet(t *testing.T, s *server, path string) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	return rec.Code, rec.Body.String()
}

// TestServeFileGone: a FILE deleted while served was served as the last
// good page with its version unchanged and no word that FILE was gone.
// The page keeps the graph last read and lists, where it lists problems,
// that FILE is gone and since when; when FILE is back it is read again
// and the notice goes.
func TestServeFileGone(t *testing.T) {
	file := copySeed(t)
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	s := &server{cfg: serveConfig{file: file}, log: io.Discard}
	s.now = func() time.Time { return time.Date(2024, 5, 1, 14, 3, 12, 0, time.FixedZone("", 2*60*60)) }
	_, v1 := serveGet(t, s, "/version")
	if _, page := serveGet(t, s, "/"); !strings.Contains(page, chinaOnlyText) || strings.Contains(page, `id="problems"`) {
		t.Fatalf("the first page lacks the graph or lists problems:\n%.500s", page)
	}

	if err := os.Remove(file); err != nil {
		t.Fatal(err)
	}
	code, v2 := serveGet(t, s, "/version")
	if code != http.StatusOK || v2 == v1 {
		t.Errorf("FILE gone: /version %d %q, was %q; want 200 and a new version, so that the page reloads", code, v2, v1)
	}
	code, page := serveGet(t, s, "/")
	notice := html.EscapeString(file) + ": gone since 2024-05-01 14:03:12 +0200 (removed or renamed); the graph shown is the one last read from it"
	if code != http.StatusOK || !strings.Contains(page, chinaOnlyText) || !strings.Contains(page, `id="problems"`) || !strings.Contains(page, notice) {
		t.Errorf("FILE gone: %d, want the last graph and the problem %q:\n%.500s", code, notice, page)
	}
	if _, again := serveGet(t, s, "/version"); again != v2 {
		t.Errorf("FILE still gone: version %q, then %q; want it unchanged", v2, again)
	}

	if err := os.WriteFile(file, bytes.Replace(data, []byte(chinaOnlyText), []byte(editedText), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	_, v3 := serveGet(t, s, "/version")
	_, page = serveGet(t, s, "/")
	if v3 == v2 || !strings.Contains(page, editedText) || strings.Contains(page, `id="problems"`) {
		t.Errorf("FILE back: version %q (gone: %q), want the new graph and no problem:\n%.500s", v3, v2, page)
	}
}

// TestServeFileGoneNeverLoaded: a file gone that never loaded has no
// graph to keep; its page lists that it is gone.
func TestServeFileGoneNeverLoaded(t *testing.T) {
	file := writeTemp(t, "bad.yaml", "claimgraph: 1\nentities: [\n")
	s := &server{cfg: serveConfig{file: file}, log: io.Discard}
	serveGet(t, s, "/")
	if err := os.Remove(file); err != nil {
		t.Fatal(err)
	}
	if code, page := serveGet(t, s, "/"); code != http.StatusOK || !strings.Contains(page, ": gone since ") {
		t.Errorf("a file gone that never loaded: %d, want its problem:\n%.500s", code, page)
	}
}

// TestGoneProblem: the problem of a file gone says why when it is not
// that it does not exist, without repeating the file's name.
func TestGoneProblem(t *testing.T) {
	since := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	for err, want := range map[error]string{
		&fs.PathError{Op: "stat", Path: "g.yaml", Err: fs.ErrNotExist}:   "g.yaml: gone since 2024-05-01 00:00:00 +0000 (removed or renamed)",
		&fs.PathError{Op: "stat", Path: "g.yaml", Err: fs.ErrPermission}: "g.yaml: gone since 2024-05-01 00:00:00 +0000 (permission denied)",
		errors.New("odd"): "g.yaml: gone since 2024-05-01 00:00:00 +0000 (odd)",
	} {
		if got := problemLine(goneProblem("g.yaml", since, err)); got != want {
			t.Errorf("%v: %q, want %q", err, got, want)
		}
	}
}

// TestServePublicQuotesNothing: with --public, the page of a FILE that
// fails to load quoted what the readers' messages quote of the input:
// FILE swapped for a symlink to a secret file (ln -sf) showed its first
// characters, an unknown key, a bad ID or version, an offending byte to
// anyone who could reach the server. Served publicly, each problem gives
// the file, line, column and kind of problem only; on loopback the page
// shows what check prints, as before.
func TestServePublicQuotesNothing(t *testing.T) {
	for _, c := range []struct {
		name, secret, leak, want string // want: a line of the public page, after the file's name
	}{
		{"graph.yaml", "API_KEY=s3cr3t-token\n", "s3cr3t-token", ":1:1: syntax error"},
		{"graph.yaml", "claimgraph: 1\nsk_live_s3cr3t: x\n", "sk_live_s3cr3t", ":2:1: unknown field"},
		{"graph.yaml", "claimgraph: s3cr3t\n", "s3cr3t", ":1:13: unsupported format version"},
		{"graph.yaml", "claimgraph: 1\nentities:\n- {id: s3cr3t!, name: x, kind: person}\n", "s3cr3t", ":3:8: invalid ID"},
		{"graph.yaml", "claimgraph: 1\nx: \xfe\n", "0xfe", ":2:4: syntax error"},
		{"graph.json", "Secret\n", "'S'", ":1:1: syntax error"},
		{"graph.jsonl", "{\"claimgraph\":1}\n{\"s3cr3t\":{}}\n", "s3cr3t", ":2:2: unknown field"},
	} {
		dir := t.TempDir()
		secret := filepath.Join(dir, "secret")
		file := filepath.Join(dir, c.name)
		if err := os.WriteFile(secret, []byte(c.secret), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(secret, file); err != nil {
			t.Skipf("cannot make a symlink: %v", err)
		}
		for _, public := range []bool{false, true} {
			s := &server{cfg: serveConfig{file: file, public: public}, log: io.Discard}
			code, page := serveGet(t, s, "/")
			if code != http.StatusOK || !strings.Contains(page, `id="problems"`) {
				t.Errorf("%s %q, public %v: %d, want a page of problems:\n%.500s", c.name, c.secret, public, code, page)
				continue
			}
			switch {
			case !public && !strings.Contains(page, html.EscapeString(c.leak)):
				t.Errorf("%s %q on loopback: the page lacks %q, which check prints:\n%s", c.name, c.secret, c.leak, page)
			case public && strings.Contains(page, html.EscapeString(c.leak)):
				t.Errorf("%s %q, --public: the page quotes %q:\n%s", c.name, c.secret, c.leak, page)
			case public && !strings.Contains(page, html.EscapeString(file+c.want)+"\n"):
				t.Errorf("%s %q, --public: the page lacks the line %q:\n%s", c.name, c.secret, file+c.want, page)
			}
		}
	}
}

// TestProblemKinds: every problem of the invalid files of testdata has a
// kind of its own on a page served with --public, not the one of a
// problem no sentinel names.
func TestProblemKinds(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "invalid", "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no invalid files: %v", err)
	}
	for _, file := range files {
		_, err := graph.Open(file)
		if err == nil {
			t.Errorf("%s loaded", file)
			continue
		}
		for _, line := range publicLines(file, err) {
			if strings.HasSuffix(line, ": "+unknownKind) {
				t.Errorf("%s: %s, of the problem %v", file, line, err)
			}
		}
	}
}
