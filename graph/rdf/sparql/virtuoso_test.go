package sparql

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/graph/rdf"
)

// virtuosoINI is the configuration of the test's server: its own
// database in DIR, SQL and HTTP ports on loopback, loading allowed from
// DIR only, and memory for a few million triples.
const virtuosoINI = `[Database]
DatabaseFile = {{DIR}}/virtuoso.db
ErrorLogFile = {{DIR}}/virtuoso.log
LockFile = {{DIR}}/virtuoso.lck
TransactionFile = {{DIR}}/virtuoso.trx
xa_persistent_file = {{DIR}}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {{DIR}}/virtuoso-temp.db
TransactionFile = {{DIR}}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{{SQL}}
ServerThreads = 10
CheckpointInterval = 0
NumberOfBuffers = 170000
MaxDirtyBuffers = 130000
DirsAllowed = {{DIR}}

[HTTPServer]
ServerPort = 127.0.0.1:{{HTTP}}
ServerThreads = 4

[SPARQL]
ResultSetMaxRows = 10000000
MaxQueryExecutionTime = 600
MaxQueryCostEstimationTime = 0
`

// freePort returns a port on 127.0.0.1 that was free a moment ago.
func freePort(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	return port
}

// virtuoso is a server started by a test.
type virtuoso struct {
	isql     string
	sqlAddr  string
	endpoint string
	dir      string
}

// startVirtuoso starts virtuoso-t with a new database in a temporary
// directory and stops it when the test ends; it skips the test when
// Virtuoso is not installed.
func startVirtuoso(t *testing.T) *virtuoso {
	if testing.Short() {
		t.Skip("-short: starting a Virtuoso server takes seconds; the test runs without -short, as in CI")
	}
	server, err := exec.LookPath("virtuoso-t")
	if err != nil {
		t.Skip("Virtuoso not installed (Debian package virtuoso-opensource): ", err)
	}
	isql, err := exec.LookPath("isql-vt")
	if err != nil {
		t.Skip("isql-vt not installed (Debian package virtuoso-opensource): ", err)
	}
	dir := t.TempDir()
	sqlPort, httpPort := freePort(t), freePort(t)
	ini := strings.NewReplacer("{{DIR}}", dir, "{{SQL}}", sqlPort, "{{HTTP}}", httpPort).Replace(virtuosoINI)
	if err := os.WriteFile(filepath.Join(dir, "virtuoso.ini"), []byte(ini), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, server, "+foreground", "+configfile", filepath.Join(dir, "virtuoso.ini"))
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		cancel()
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		cancel() // kills the server; its database is in dir, removed after
		<-exited
	})
	v := &virtuoso{isql: isql, sqlAddr: "127.0.0.1:" + sqlPort, endpoint: "http://127.0.0.1:" + httpPort + "/sparql", dir: dir}
	deadline := time.Now().Add(2 * time.Minute)
	for {
		select {
		case <-exited:
			t.Fatalf("virtuoso-t exited at start:\n%s", out.String())
		default:
		}
		if _, err := v.sql("status();"); err == nil {
			if resp, err := client.Get(v.endpoint + "?query=ASK%7B%7D"); err == nil {
				resp.Body.Close()
				if resp.StatusCode == http.StatusOK {
					return v
				}
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("virtuoso-t not ready after 2 minutes:\n%s", out.String())
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// sql runs statements with isql-vt as the database administrator.
func (v *virtuoso) sql(stmts string) (string, error) {
	out, err := exec.Command(v.isql, v.sqlAddr, "dba", "dba", "exec="+stmts).CombinedOutput()
	if err != nil {
		return string(out), fmt.Errorf("isql-vt: %v\n%s", err, out)
	}
	if strings.Contains(string(out), "*** Error") {
		return string(out), fmt.Errorf("isql-vt:\n%s", out)
	}
	return string(out), nil
}

// load bulk-loads an N-Quads file of the server's directory with
// Virtuoso's loader (ld_dir, rdf_loader_run) into graph name.
func (v *virtuoso) load(t *testing.T, nq, name string) {
	if _, err := v.sql(fmt.Sprintf("ld_dir('%s', '%s', '%s'); rdf_loader_run(); checkpoint;", filepath.Dir(nq), filepath.Base(nq), name)); err != nil {
		t.Fatal(err)
	}
	out, err := v.sql("select count(*) from DB.DBA.load_list where ll_state <> 2 or ll_error is not null;")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "\n0\n") {
		t.Fatalf("the loader reports files not loaded or in error:\n%s", out)
	}
}

// client talks to the server a connection per request: a connection kept
// alive through the minutes of a bulk load is closed by the server, and
// a POST on it is not retried.
var client = &http.Client{Timeout: 5 * time.Minute, Transport: &http.Transport{DisableKeepAlives: true}}

// query runs a SELECT over the SPARQL protocol and returns the values of
// ?id.
func (v *virtuoso) query(q string) ([]string, error) {
	form := url.Values{"query": {q}, "format": {"application/sparql-results+json"}}
	resp, err := client.PostForm(v.endpoint, form)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var res struct {
		Results struct {
			Bindings []map[string]struct {
				Value string `json:"value"`
			} `json:"bindings"`
		} `json:"results"`
	}
	if resp.StatusCode != http.StatusOK {
		var b bytes.Buffer
		b.ReadFrom(resp.Body)
		return nil, fmt.Errorf("%s: %s", resp.Status, b.String())
	}
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(res.Results.Bindings))
	for _, b := range res.Results.Bindings {
		ids = append(ids, b["id"].Value)
	}
	return ids, nil
}

// TestVirtuoso starts Virtuoso on loopback, bulk-loads the N-Quads
// export of a generated graph of 100,000 claims (2,000 with -short),
// runs every query for a sample of items and compares the answers with
// the Go helpers'.
func TestVirtuoso(t *testing.T) {
	v := startVirtuoso(t)
	g := testGraph(t, 100_000)
	nq := writeNQuads(t, g, v.dir)
	info, err := os.Stat(nq)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	v.load(t, nq, "urn:claimgraph:test")
	load := time.Since(start)
	n, err := v.query("SELECT (COUNT(*) AS ?id) WHERE { GRAPH <urn:claimgraph:test> { ?s ?p ?o } }")
	if err != nil || len(n) != 1 {
		t.Fatalf("counting the triples loaded: %v %v", n, err)
	}
	t.Logf("virtuoso: %d claims, %s triples (%d MB of N-Quads) bulk-loaded in %v", g.Counts().Claims, n[0], info.Size()>>20, load.Round(time.Millisecond))
	cs := cases(t, g, 20, synthPeriod)
	got := make([][]string, len(cs))
	durs := make([]time.Duration, len(cs))
	for i, c := range cs {
		q := c.query
		if variant, err := Query(c.name + ".virtuoso"); err == nil {
			if q, err = Bind(variant, rdf.DefaultBase+c.item); err != nil {
				t.Fatal(err)
			}
		}
		start := time.Now()
		ids, err := v.query(q)
		durs[i] = time.Since(start)
		if err != nil {
			t.Errorf("%s for %s: %v", c.name, c.item, err)
		}
		got[i] = ids
	}
	compare(t, "virtuoso", cs, got, durs)
}
