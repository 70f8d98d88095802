package main

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/explore"
	"github.com/claimgraph/claimgraph/graph/synth"
)

// BenchmarkExplorerBrowser measures the explorer on a generated graph of
// 100,000 claims (10,000 with -short) in headless Chromium: one iteration
// opens the page from file:// until its script is ready (load-ms), searches
// for one claim ID until the result is listed (search-ms), and clicks it
// until its neighbourhood is drawn and its panel shown (open-ms). The
// page must load and respond within 2 s at 100,000 claims. It also reports
// the size of the page (MB).
func BenchmarkExplorerBrowser(b *testing.B) {
	n := 100_000
	if testing.Short() {
		n = 10_000
	}
	br := newBrowser(b)
	g := graph.New()
	if err := g.Apply(synth.Generate(synth.Config{Claims: n, Seed: 1})); err != nil {
		b.Fatal(err)
	}
	page := filepath.Join(b.TempDir(), "big.html")
	f, err := os.Create(page)
	if err != nil {
		b.Fatal(err)
	}
	if err := explore.Write(f, g, explore.Options{File: "synthetic"}); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	fi, _ := os.Stat(page)
	target := synth.ClaimID(n / 2)
	// The times are taken in the page (performance.now), from the start
	// of navigation and of each action until the page has drawn the result:
	// chromedp's own queries would add the cost of mirroring the page's
	// DOM, whose script holds the whole graph, in Go.
	var load, search, open float64
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		br.do(b, "leave", chromedp.Navigate("about:blank"))
		br.do(b, "open", chromedp.Navigate("file://"+page))
		br.waitFor(b, "the page to be ready", `document.body && document.body.dataset.ready === "1"`)
		ms, err := chromedp.Run(br.ctx, chromedp.Evaluate[[]float64](`(async () => {
			const target = `+strconv.Quote(target)+`;
			const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
			const found = () => Array.from(document.querySelectorAll('#results li .id')).find(e => e.textContent === target);
			const t0 = performance.now();
			const q = document.getElementById('q');
			q.value = target;
			q.dispatchEvent(new Event('input'));
			while (!found()) await frame();
			const t1 = performance.now();
			found().closest('li').click();
			while (!document.querySelector('#nodes g[data-id="' + target + '"]') || !document.getElementById('contradictions')) await frame();
			await frame();
			return [+document.body.dataset.readyMs, t1 - t0, performance.now() - t1];
		})()`, chromedp.EvalAwaitPromise))
		if err != nil {
			b.Fatal(err)
		}
		load, search, open = load+ms[0], search+ms[1], open+ms[2]
	}
	k := float64(b.N)
	b.ReportMetric(load/k, "load-ms")
	b.ReportMetric(search/k, "search-ms")
	b.ReportMetric(open/k, "open-ms")
	b.ReportMetric(float64(fi.Size())/1e6, "MB")
	br.noErrors(b)
}
