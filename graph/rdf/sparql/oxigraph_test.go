package sparql

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

// oxigraph returns node and the directory that holds the npm package
// oxigraph, or skips the test.
func oxigraph(t *testing.T) (node, modules string) {
	if testing.Short() {
		t.Skip("-short: starting Oxigraph under node takes seconds; the test runs without -short, as in CI")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed: ", err)
	}
	var tried []string
	if dir := os.Getenv("NODE_PATH"); dir != "" {
		tried = append(tried, dir)
	}
	if out, err := exec.Command("npm", "root", "-g").Output(); err == nil {
		tried = append(tried, strings.TrimSpace(string(out)))
	}
	for _, dir := range tried {
		if _, err := os.Stat(filepath.Join(dir, "oxigraph", "package.json")); err == nil {
			return node, dir
		}
	}
	t.Skipf("npm package oxigraph not installed (npm install -g oxigraph); looked in %v", tried)
	return "", ""
}

// runOxigraph loads the N-Quads file into an Oxigraph store in node and
// runs the queries of cs, returning the ?id values of each and the
// times.
func runOxigraph(t *testing.T, nq string, cs []testCase) (got [][]string, durs []time.Duration, load time.Duration, size int) {
	node, modules := oxigraph(t)
	var in bytes.Buffer
	type query struct {
		Query string `json:"query"`
	}
	qs := make([]query, len(cs))
	for i, c := range cs {
		qs[i].Query = c.query
	}
	if err := json.NewEncoder(&in).Encode(qs); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, filepath.Join("testdata", "oxigraph.js"), nq)
	cmd.Env = append(os.Environ(), "NODE_PATH="+modules)
	cmd.Stdin = &in
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node oxigraph.js: %v\n%s", err, stderr.String())
	}
	var res struct {
		LoadMs  float64 `json:"loadMs"`
		Size    int     `json:"size"`
		Results []struct {
			IDs []string `json:"ids"`
			Ms  float64  `json:"ms"`
		} `json:"results"`
	}
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("output of oxigraph.js: %v", err)
	}
	if len(res.Results) != len(cs) {
		t.Fatalf("%d results for %d queries", len(res.Results), len(cs))
	}
	for _, r := range res.Results {
		got = append(got, r.IDs)
		durs = append(durs, time.Duration(r.Ms*float64(time.Millisecond)))
	}
	return got, durs, time.Duration(res.LoadMs * float64(time.Millisecond)), res.Size
}

// TestOxigraph runs every query in Oxigraph on the seed data set (every
// item) and on a generated graph of 20,000 claims (a sample of items),
// and compares the answers
// with the Go helpers'.
func TestOxigraph(t *testing.T) {
	oxigraph(t)
	t.Run("seed", func(t *testing.T) {
		g, err := graph.Load(filepath.Join("..", "..", "..", "testdata", "kim-putin.yaml"))
		if err != nil {
			t.Skip("seed data set not loaded: ", err)
		}
		cs := cases(t, g, 1000, filePeriod)
		got, durs, _, _ := runOxigraph(t, writeNQuads(t, g, t.TempDir()), cs)
		compare(t, "oxigraph", cs, got, durs)
	})
	t.Run("synth", func(t *testing.T) {
		// 20,000 claims: Oxigraph in node (WebAssembly, in memory) loads
		// 100,000 claims' 3.9 million triples too slowly for CI.
		g := testGraph(t, 20_000)
		nq := writeNQuads(t, g, t.TempDir())
		cs := cases(t, g, 20, synthPeriod)
		got, durs, load, size := runOxigraph(t, nq, cs)
		t.Logf("oxigraph: %d claims, %d triples loaded in %v", g.Counts().Claims, size, load.Round(time.Millisecond))
		compare(t, "oxigraph", cs, got, durs)
	})
}
