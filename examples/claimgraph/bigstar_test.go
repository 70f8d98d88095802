package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

// bigStarJSONL is the big star in JSON Lines: claim c0 appears in n
// sources s0, s1, ..., and n claims l0, l1, ..., each in a source of
// its own, contradict it (odd i) or support it (even i).
func bigStarJSONL(n int) string {
	var b strings.Builder
	b.WriteString("{\"claimgraph\":1}\n")
	for i := range n {
		fmt.Fprintf(&b, "{\"source\":{\"id\":\"s%d\",\"kind\":\"news-article\",\"published\":\"2024-01-%02d\"}}\n", i, 1+i%28)
		fmt.Fprintf(&b, "{\"source\":{\"id\":\"t%d\",\"kind\":\"news-article\",\"published\":\"2024-02-%02d\"}}\n", i, 1+i%28)
	}
	b.WriteString(`{"claim":{"id":"c0","text":"C.","valid_from":"2020-01-01","valid_until":"2024-01-15","appearances":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"source":"s%d"}`, i)
	}
	b.WriteString("]}}\n")
	for i := range n {
		kind := "supports"
		if i%2 == 1 {
			kind = "contradicts"
		}
		fmt.Fprintf(&b, "{\"claim\":{\"id\":\"l%d\",\"text\":\"L.\",\"appearances\":[{\"source\":\"t%d\"}]}}\n", i, i)
		fmt.Fprintf(&b, "{\"relation\":{\"from\":\"l%d\",\"to\":\"c0\",\"kind\":\"%s\"}}\n", i, kind)
	}
	return b.String()
}

// TestReportPairsShareClaims: the report's contradictions describe a
// claim that n claims contradict once, not once per contradiction: pairs
// allocates a few times what one description of it takes (the other
// claims' own, small, add up to about two), not 200 times. It copied the claim,
// its sources and its provenance for each pair: on the big star of 1,500
// the report took 658 MB, 2.56 GB at 3,000. (Its JSON still shows the
// claim's sources under every pair: the output is that large.)
func TestReportPairsShareClaims(t *testing.T) {
	g, err := graph.ReadJSONL(strings.NewReader(bigStarJSONL(400)), "star.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	e := &env{}
	if _, err := e.verdicts(g.View); err != nil { // computed once per run
		t.Fatal(err)
	}
	var ps []contradictionPair
	all := allocatedBy(func() { ps, err = pairs(e, g.View) })
	one := allocatedBy(func() { e.describeClaim(g.View, "c0") })
	if err != nil || len(ps) != 200 || len(ps[0].b.Sources) != 400 {
		t.Fatalf("%d pairs, %v; want 200, c0 in 400 sources", len(ps), err)
	}
	if all > 10*one {
		t.Errorf("pairs allocates %d bytes for 200 contradictions of c0; describing c0 once takes %d", all, one)
	}
}

// TestReportListsLongSourcesOnce: the report's text lists the sources
// of a claim it shows in many contradictions once, and refers back to
// them after: it printed c0's n sources under each of its n/2
// contradictions, 50 MB of text for a graph of 1,500. A claim of a few
// sources (the l's, and the seed's in its golden) is shown whole each
// time.
func TestReportListsLongSourcesOnce(t *testing.T) {
	path := writeTemp(t, "star.jsonl", bigStarJSONL(60))
	var out, errb bytes.Buffer
	if code := run([]string{"report", path, "--quiet"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	text := out.String()
	_, text, _ = strings.Cut(text, "Contradictions (30)")
	text, _, ok := strings.Cut(text, "Most-supported claims")
	if !ok {
		t.Fatalf("no contradictions section followed by the most-supported claims:\n%s", out.String())
	}
	if n := strings.Count(text, "[s7]"); n != 1 {
		t.Errorf("c0's source s7 listed %d times, want once", n)
	}
	if n := strings.Count(text, "sources: 60, listed under 1 above"); n != 29 {
		t.Errorf("%d references back to c0's sources, want 29 (30 contradictions, the first lists them)", n)
	}
	if n := strings.Count(text, "[t1]"); n != 1 {
		t.Errorf("l1's source t1 listed %d times, want 1 (its one contradiction)", n)
	}
}

// allocatedBy returns the bytes fn allocates.
func allocatedBy(fn func()) uint64 {
	var a, b runtime.MemStats
	runtime.ReadMemStats(&a)
	fn()
	runtime.ReadMemStats(&b)
	return b.TotalAlloc - a.TotalAlloc
}

// TestBigStar: the commands that mark a contradiction time leaves not
// live, or date a verdict by its evidence, on the big star of 12,000.
// Each looked c0 up with its 12,000 appearances once per relation at it:
// from 1,500 to 6,000, 0.2 s to 2.7-2.9 s each (export --format jsonld
// 0.4 s to 6.4 s), some 90 s for these at 12,000. Now about 0.5 s each.
func TestBigStar(t *testing.T) {
	if testing.Short() {
		t.Skip("a guard against a quadratic cost, at a size that tells it: runs without -short")
	}
	dir := t.TempDir()
	path := writeTemp(t, "star.jsonl", bigStarJSONL(12_000))
	out := func(name string) string { return filepath.Join(dir, name) }
	runWithin(t, 20*time.Second, "contradictions, at, stale, queue, draw, html and export on the big star of 12,000",
		[]string{"contradictions", path, "c0"},
		[]string{"at", path, "2024-02-01"},
		[]string{"stale", path},
		[]string{"queue", path},
		[]string{"draw", path, "--force", "-o", out("x.dot")},
		[]string{"html", path, "-o", out("x.html")},
		[]string{"export", path, "--format", "dot", "-o", out("x.gv")},
		[]string{"export", path, "--format", "jsonld", "--review-url", "https://x.example/r/", "--author", "A", "-o", out("x.jsonld")})
}

// writeSizes records the bytes written and the largest single write.
type writeSizes struct {
	bytes.Buffer
	largest int
}

func (w *writeSizes) Write(p []byte) (int, error) {
	w.largest = max(w.largest, len(p))
	return w.Buffer.Write(p)
}

// TestReportJSONStreams: report --json writes its contradictions one at
// a time, each showing both claims with their sources, and the text is
// that of the whole document encoded at once. It encoded the whole
// document in memory: on the big star of 3,000, 915 MB of JSON took
// 4.5 GB (what a claim in n sources that n claims contradict prints
// grows with n², and so did the memory).
func TestReportJSONStreams(t *testing.T) {
	path := writeTemp(t, "star.jsonl", bigStarJSONL(60))
	var out writeSizes
	var errb bytes.Buffer
	if code := run([]string{"report", path, "--json", "--quiet"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	g, err := graph.ReadOptions{}.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	e := &env{}
	doc := map[string]any{"file": path}
	for _, s := range reportSections {
		if doc[s.key], err = s.json(e, g.View); err != nil {
			t.Fatal(err)
		}
	}
	var whole bytes.Buffer
	if err := writeJSON(&whole, doc); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out.Bytes(), whole.Bytes()) {
		t.Errorf("report --json differs from the document encoded whole (%d bytes, %d)", out.Len(), whole.Len())
	}
	if out.largest*20 > out.Len() {
		t.Errorf("report --json wrote %d of its %d bytes at once: want one contradiction at a time", out.largest, out.Len())
	}
}
