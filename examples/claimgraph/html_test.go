package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/explore"
	"github.com/claimgraph/claimgraph/graph/rdf"
)

// writeExplorer runs "html FILE -o DIR/explorer.html" and returns the
// path of the page.
func writeExplorer(t testing.TB, file string, extra ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "explorer.html")
	var stdout, stderr bytes.Buffer
	if code := run(append([]string{"html", file, "-o", out}, extra...), &stdout, &stderr); code != 0 {
		t.Fatalf("html exited %d: %s", code, stderr.String())
	}
	return out
}

// pageModel returns the model embedded in the page at path.
func pageModel(t *testing.T, page []byte) explore.Model {
	t.Helper()
	const open = `<script id="model" type="application/json">`
	_, rest, ok := bytes.Cut(page, []byte(open))
	if !ok {
		t.Fatal("no model in the page")
	}
	var m explore.Model
	if err := json.NewDecoder(bytes.NewReader(rest)).Decode(&m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestHTMLWritesSelfContainedPage(t *testing.T) {
	out := writeExplorer(t, seedFile)
	page, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	m := pageModel(t, page)
	g, err := graph.Open(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(m.Claims), g.Counts().Claims; got != want {
		t.Errorf("%d claims in the page, %d in the file", got, want)
	}
	// Nothing is loaded from elsewhere: no src or href to another address.
	for _, bad := range []string{"http://", "https://", `src="`, "@import"} {
		rest := string(page)
		// URLs of sources are data, inside the JSON; look only at the markup around it.
		head, _, _ := strings.Cut(rest, `<script id="model"`)
		if strings.Contains(head, bad) {
			t.Errorf("page head refers to %q", bad)
		}
	}
	// No temporary file is left beside the page.
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("directory holds %d files, want only the page", len(entries))
	}
}

// TestHTMLBadInput checks that a file that fails check gives the same
// problems as check and writes no page, not even a partial one.
func TestHTMLBadInput(t *testing.T) {
	chdirRoot(t)
	files, _ := filepath.Glob("testdata/invalid/*.yaml")
	if len(files) == 0 {
		t.Skip("testdata/invalid has no fixtures")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			var checkOut, checkErr bytes.Buffer
			if code := run([]string{"check", file}, &checkOut, &checkErr); code != 1 {
				t.Fatalf("check exited %d", code)
			}
			dir := t.TempDir()
			out := filepath.Join(dir, "explorer.html")
			var stdout, stderr bytes.Buffer
			if code := run([]string{"html", file, "-o", out}, &stdout, &stderr); code != 1 {
				t.Errorf("html exited %d, want 1", code)
			}
			if !strings.HasPrefix(stderr.String(), checkOut.String()) {
				t.Errorf("html's errors:\n%s\ndo not start with check's:\n%s", stderr.String(), checkOut.String())
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 0 {
				t.Errorf("html left %d files in the output directory", len(entries))
			}
		})
	}
}

func TestHTMLJSONAndUsage(t *testing.T) {
	out := filepath.Join(t.TempDir(), "x.html")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"html", seedFile, "-o", out, "--json"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var rep htmlReport
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Bytes != fi.Size() || rep.Output != out || rep.States != rep.Dates+2 {
		t.Errorf("report %+v, file of %d bytes", rep, fi.Size())
	}
	stdout.Reset()
	if code := run([]string{"html", seedFile, "--json"}, &stdout, &stderr); code != 2 {
		t.Errorf("--json without -o: exit %d, want 2", code)
	}
	if code := run([]string{"html"}, &stdout, &stderr); code != 2 {
		t.Errorf("no FILE: exit %d, want 2", code)
	}
}

func TestLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": true, "localhost:0": true, "[::1]:80": true, "127.1.2.3:9": true,
		":8080": false, "0.0.0.0:8080": false, "192.0.2.1:80": false, "example.org:80": false, "[::]:80": false,
	} {
		got, err := loopback(addr)
		if err != nil || got != want {
			t.Errorf("loopback(%q) = %v, %v; want %v", addr, got, err, want)
		}
	}
	if _, err := loopback("no-port"); err == nil {
		t.Error("loopback accepted an address without a port")
	}
}

func TestServeRefusesNonLoopback(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", ":0", "192.0.2.1:0"} {
		var stdout, stderr bytes.Buffer
		e := &env{stdout: &stdout, stderr: &stderr}
		code := serveFile(context.Background(), e, serveConfig{file: seedFile, addr: addr}, func(string) {
			t.Errorf("%s: the server started", addr)
		})
		if code != 2 || !strings.Contains(stderr.String(), "--public") {
			t.Errorf("%s: exit %d, stderr %q; want 2 and a word about --public", addr, code, stderr.String())
		}
	}
}

// startServer serves file on a free loopback port until the test ends and
// returns the page's URL.
func startServer(t testing.TB, file string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	urls := make(chan string, 1)
	done := make(chan int, 1)
	var stdout, stderr bytes.Buffer
	go func() {
		done <- serveFile(ctx, &env{stdout: &stdout, stderr: &stderr}, serveConfig{file: file, addr: "127.0.0.1:0"}, func(u string) { urls <- u })
	}()
	var url string
	select {
	case url = <-urls:
	case code := <-done:
		cancel()
		t.Fatalf("serve exited %d: %s", code, stderr.String())
	}
	t.Cleanup(func() {
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("serve exited %d after interrupt: %s", code, stderr.String())
		}
		if !strings.Contains(stdout.String(), "stopped") {
			t.Errorf("serve did not say it stopped: %q", stdout.String())
		}
	})
	return url
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

// copySeed copies the seed data to a temporary file that a test may edit.
func copySeed(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "graph.yaml")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// rewrite replaces old with new in the file at path and moves its
// modification time on, so that a change within the clock's resolution is
// seen too.
func rewrite(t testing.TB, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%s does not contain %q", path, old)
	}
	data = bytes.Replace(data, []byte(old), []byte(new), 1)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	later := fi.ModTime().Add(2 * time.Second)
	if err := os.Chtimes(path, later, later); err != nil {
		t.Fatal(err)
	}
}

const (
	chinaOnlyText = "China was the only country with which North Korea had a mutual defence pact."
	editedText    = "EDITED, China was the only country."
)

func TestServeReloadsOnChange(t *testing.T) {
	file := copySeed(t)
	url := startServer(t, file)
	code, v1 := get(t, url+"version")
	if code != 200 || v1 == "" {
		t.Fatalf("version: %d %q", code, v1)
	}
	if _, page := get(t, url); !strings.Contains(page, chinaOnlyText) {
		t.Fatal("the page lacks the claim's text")
	}
	if _, again := get(t, url+"version"); again != v1 {
		t.Errorf("version changed from %q to %q with no change to the file", v1, again)
	}

	rewrite(t, file, chinaOnlyText, editedText)
	_, v2 := get(t, url+"version")
	if v2 == v1 {
		t.Fatalf("version %q unchanged after the file changed", v2)
	}
	_, page := get(t, url)
	if !strings.Contains(page, editedText) || strings.Contains(page, chinaOnlyText) {
		t.Error("the page was not rebuilt from the changed file")
	}

	// A broken file shows check's problems; fixing it brings the graph back.
	rewrite(t, file, "- id: china-only-defence-pact", "- id: China only!")
	_, v3 := get(t, url+"version")
	_, page = get(t, url)
	if v3 == v2 || !strings.Contains(page, `id="problems"`) || !strings.Contains(page, "China only!") {
		t.Errorf("broken file: version %q, page without its problem:\n%.500s", v3, page)
	}
	rewrite(t, file, "- id: China only!", "- id: china-only-defence-pact")
	if _, page = get(t, url); !strings.Contains(page, editedText) {
		t.Error("the fixed file was not served again")
	}

	// Read-only.
	resp, err := http.Post(url, "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d, want 405", resp.StatusCode)
	}
	if code, body := get(t, url+"vocab.ttl"); code != http.StatusOK || body != rdf.Vocabulary {
		t.Errorf("GET /vocab.ttl: %d, %d bytes, want 200 and the vocabulary of package rdf", code, len(body))
	}
	if code, _ := get(t, url+"elsewhere"); code != http.StatusNotFound {
		t.Errorf("GET /elsewhere: %d, want 404", code)
	}
}

func TestServeBadFileAtStart(t *testing.T) {
	file := copySeed(t)
	rewrite(t, file, "- id: china-only-defence-pact", "- id: China only!")
	var checkOut, stdout, stderr bytes.Buffer
	run([]string{"check", file}, &checkOut, io.Discard)
	code := serveFile(context.Background(), &env{stdout: &stdout, stderr: &stderr}, serveConfig{file: file, addr: "127.0.0.1:0"}, func(string) {
		t.Error("served a file with problems")
	})
	if code != 1 || !strings.HasPrefix(stderr.String(), checkOut.String()) {
		t.Errorf("exit %d, stderr:\n%s\nwant 1 and check's problems:\n%s", code, stderr.String(), checkOut.String())
	}
}

// TestServePublic checks that --public lets serve listen on every
// interface.
func TestServePublic(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr bytes.Buffer
	served := false
	code := serveFile(ctx, &env{stdout: &stdout, stderr: &stderr}, serveConfig{file: seedFile, addr: "0.0.0.0:0", public: true}, func(url string) {
		defer cancel()
		_, port, err := net.SplitHostPort(strings.TrimPrefix(strings.TrimSuffix(url, "/"), "http://"))
		if err != nil {
			t.Error(err)
		}
		status, body := get(t, "http://127.0.0.1:"+port+"/version")
		served = status == http.StatusOK && body != ""
	})
	if code != 0 || !served {
		t.Errorf("--public on 0.0.0.0: exit %d, served %v: %s", code, served, stderr.String())
	}
}

// TestServeSaysAtOnce: serve runs until interrupted, so its address is
// written out while it serves, not held in run's buffers until it stops.
func TestServeSaysAtOnce(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var raw syncBuffer
	e := &env{stdout: bufio.NewWriter(&raw), stderr: bufio.NewWriter(&raw)}
	seen := make(chan string, 1)
	done := make(chan int, 1)
	go func() {
		done <- serveFile(ctx, e, serveConfig{file: seedFile, addr: "127.0.0.1:0"}, func(string) { seen <- raw.String() })
	}()
	select {
	case got := <-seen:
		if !strings.Contains(got, "serving ") {
			t.Errorf("while serving, the output so far is %q; want the address", got)
		}
	case code := <-done:
		t.Fatalf("serve exited %d: %s", code, raw.String())
	}
	cancel()
	<-done
}

// syncBuffer is a bytes.Buffer safe for one writer and one reader.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestServeNoHostCheck: serve answered whatever the Host header named,
// so a site whose name is rebound to 127.0.0.1 (DNS rebinding) could
// read the graph from a browser. Bound to loopback it now answers only
// Host names of loopback with its port (421 otherwise); --public, which
// leaves the port unset, answers all.
func TestServeNoHostCheck(t *testing.T) {
	s := &server{cfg: serveConfig{file: seedFile}, log: io.Discard, port: "8080"}
	for host, want := range map[string]int{
		"127.0.0.1:8080": http.StatusOK, "localhost:8080": http.StatusOK, "LOCALHOST:8080": http.StatusOK,
		"[::1]:8080": http.StatusOK, "127.0.0.2:8080": http.StatusOK,
		"evil.example:8080": http.StatusMisdirectedRequest, "evil.example": http.StatusMisdirectedRequest,
		"127.0.0.1:9999": http.StatusMisdirectedRequest, "localhost": http.StatusMisdirectedRequest,
		"127.0.0.1.evil.example:8080": http.StatusMisdirectedRequest, "": http.StatusMisdirectedRequest,
		"0.0.0.0:8080": http.StatusMisdirectedRequest,
	} {
		req := httptest.NewRequest(http.MethodGet, "/version", nil)
		req.Host = host
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != want {
			t.Errorf("Host %q: %d, want %d", host, rec.Code, want)
		}
		if want != http.StatusOK && !strings.Contains(rec.Body.String(), "--public") {
			t.Errorf("Host %q: body %q, want a word about --public", host, rec.Body.String())
		}
	}
	status := func(port, host string) int {
		s.port = port
		req := httptest.NewRequest(http.MethodGet, "/version", nil)
		req.Host = host
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		return rec.Code
	}
	// On port 80 a Host without a port names it.
	if code := status("80", "localhost"); code != http.StatusOK {
		t.Errorf("Host localhost on port 80: %d, want 200", code)
	}
	// --public: any Host.
	if code := status("", "evil.example:8080"); code != http.StatusOK {
		t.Errorf("--public, Host evil.example: %d, want 200", code)
	}
}

// TestServeChecksHost: a real server on loopback refuses a request whose
// Host is not a loopback name.
func TestServeChecksHost(t *testing.T) {
	url := startServer(t, copySeed(t))
	req, err := http.NewRequest(http.MethodGet, url+"version", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Host = "rebound.example"
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMisdirectedRequest {
		t.Errorf("Host rebound.example: %d, want 421", resp.StatusCode)
	}
	if code, _ := get(t, url+"version"); code != http.StatusOK {
		t.Errorf("Host of the server's own address: %d, want 200", code)
	}
}

// TestHTMLAllDatesSaysSo: --max-dates -1 computes the verdicts at every
// date, one run each, which was accepted silently (red team 8, finding
// 10f); past the default it says how many on standard error.
func TestHTMLAllDatesSaysSo(t *testing.T) {
	var y strings.Builder
	y.WriteString("claimgraph: 1\nclaims:\n")
	for i := range 70 {
		fmt.Fprintf(&y, "  - {id: c%d, text: C%d., valid_from: %d}\n", i, i, 1900+i)
	}
	file := writeTemp(t, "dates.yaml", y.String())
	out := filepath.Join(t.TempDir(), "page.html")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"html", file, "--max-dates", "-1", "-o", out, "--json"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var rep htmlReport
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("verdicts computed for all %d dated states", rep.States-1); rep.States-1 <= 64 || !strings.Contains(stderr.String(), want) {
		t.Errorf("%d states, stderr %q; want more than 65 and %q", rep.States, stderr.String(), want)
	}
	stderr.Reset()
	if code := run([]string{"html", file, "-o", out}, &stdout, &stderr); code != 0 || stderr.Len() > 0 {
		t.Errorf("default --max-dates: exit %d, stderr %q; want 0 and nothing", code, stderr.String())
	}
}
