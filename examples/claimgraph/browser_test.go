package main

// Tests of the explorer in a real browser: headless Chromium driven
// through the DevTools protocol (github.com/chromedp/chromedp). They skip
// when no Chromium is installed (Debian: apt-get install chromium).

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/google/go-cmp/cmp"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/explore"
	"github.com/claimgraph/claimgraph/graph/provenance"
	"github.com/claimgraph/claimgraph/graph/synth"
	"github.com/claimgraph/claimgraph/graph/verdict"
)

// browser is a headless Chromium tab and the errors its pages reported.
type browser struct {
	ctx    context.Context
	mu     sync.Mutex
	errors []string
}

// longBrowserTest skips t under -short: the browser tests take seconds
// together, even in one shared Chromium, so -short keeps
// TestExplorerInBrowser alone and CI's plain run takes them all.
func longBrowserTest(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: one browser test (TestExplorerInBrowser) runs; this one runs without -short")
	}
}

// chromium is the one headless Chromium that the tests of the package
// share: starting it takes more than a second, and opening a tab most of
// one, so a test takes an idle tab, which it leaves on about:blank when
// it ends for the next test to take. The tabs share one profile, which
// starts fresh in a temporary directory; the pages the tests open keep
// nothing in it. closeChromium, from TestMain, stops it.
var chromium struct {
	once   sync.Once
	err    error
	first  context.Context // the tab Chromium opens; closing it stops Chromium
	cancel func()
	mu     sync.Mutex
	idle   []context.Context // tabs no test is using
}

// startChromium starts the shared Chromium from the program at path.
func startChromium(path string) {
	dir, err := os.MkdirTemp("", "claimgraph-chromium-")
	if err != nil {
		chromium.err = err
		return
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.Flag("disable-dev-shm-usage", true), // containers give /dev/shm little room
		chromedp.UserDataDir(dir),
		chromedp.WindowSize(1400, 900),
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	chromium.first = ctx
	chromium.cancel = func() { cancelCtx(); cancelAlloc(); os.RemoveAll(dir) }
	if chromium.err = chromedp.Do(ctx); chromium.err == nil {
		chromium.idle = []context.Context{ctx}
	}
}

// closeChromium stops the shared Chromium, if it was started, after
// waiting for a start under way (startChromiumEarly).
func closeChromium() {
	chromium.once.Do(func() {})
	if chromium.cancel != nil {
		chromium.cancel()
	}
}

// tab returns an idle tab of the shared Chromium, or a new one, and the
// function that gives it back: it leaves the tab on about:blank, or
// closes it if it cannot.
func tab() (context.Context, func(), error) {
	chromium.mu.Lock()
	var ctx context.Context
	if n := len(chromium.idle); n > 0 {
		ctx, chromium.idle = chromium.idle[n-1], chromium.idle[:n-1]
	}
	chromium.mu.Unlock()
	closeTab := func() {}
	if ctx == nil {
		var cancel context.CancelFunc
		ctx, cancel = chromedp.NewContext(chromium.first)
		if err := chromedp.Do(ctx); err != nil {
			cancel()
			return nil, nil, err
		}
		closeTab = cancel
	}
	release := func() {
		blank, cancel := context.WithTimeout(ctx, 10*time.Second)
		err := chromedp.Do(blank, chromedp.Navigate("about:blank"))
		cancel()
		if err != nil {
			closeTab() // not the first tab, whose closing would stop Chromium
			return
		}
		chromium.mu.Lock()
		chromium.idle = append(chromium.idle, ctx)
		chromium.mu.Unlock()
	}
	return ctx, release, nil
}

// chromiumPath returns the path of the Chromium to drive, or "".
func chromiumPath() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// startChromiumEarly starts the shared Chromium beside the tests that
// come before the browser tests when the whole package runs (no -run,
// -skip or -list): starting it takes more than a second, which the first
// browser test otherwise waits for. That test still checks that it
// started.
func startChromiumEarly() {
	for _, f := range []string{"test.run", "test.skip", "test.list"} {
		if fl := flag.Lookup(f); fl == nil || fl.Value.String() != "" {
			return
		}
	}
	if path := chromiumPath(); path != "" {
		go chromium.once.Do(func() { startChromium(path) })
	}
}

// newBrowser gives the test a tab of the shared headless Chromium,
// starting it if need be, or skips the test when there is none.
func newBrowser(t testing.TB) *browser {
	t.Helper()
	path := chromiumPath()
	if path == "" {
		t.Skip("no Chromium to drive (apt-get install chromium): the explorer is not tested in a browser")
	}
	chromium.once.Do(func() { startChromium(path) })
	if chromium.err != nil {
		t.Skipf("cannot start Chromium at %s: %v", path, chromium.err)
	}
	tabCtx, release, err := tab()
	if err != nil {
		t.Fatalf("cannot open a tab in Chromium at %s: %v", path, err)
	}
	// The test's own deadline; its end also ends the reading of the
	// console below, before the tab goes back.
	ctx, cancelTime := context.WithTimeout(tabCtx, 3*time.Minute)
	t.Cleanup(func() { cancelTime(); release() })
	b := &browser{ctx: ctx}
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException {
				b.mu.Lock()
				b.errors = append(b.errors, m.String())
				b.mu.Unlock()
			}
		}
	}()
	return b
}

// do runs actions, failing the test on an error.
func (b *browser) do(t testing.TB, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// get runs one action that returns a value, failing the test on an error.
func value[T any](t testing.TB, b *browser, what string, action chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(b.ctx, action)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// noErrors fails the test if a page reported an error.
func (b *browser) noErrors(t testing.TB) {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, e := range b.errors {
		t.Errorf("the page reported an error: %s", e)
	}
}

// waitFor evaluates the JavaScript expression cond every 100 ms until it
// is true, for at most 20 s. Unlike chromedp.Poll it survives the page
// navigating away (reloading) in the meantime.
func (b *browser) waitFor(t testing.TB, what, cond string) {
	t.Helper()
	var err error
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		var ok bool
		if ok, err = chromedp.Run(b.ctx, chromedp.Evaluate[bool](cond)); err == nil && ok {
			return
		}
	}
	t.Fatalf("waited 20 s for %s (last error: %v)", what, err)
}

// ready waits for the explorer's script to finish starting.
var ready = chromedp.WaitVisible(chromedp.CSS(`body[data-ready="1"]`))

// resultXPath finds the search result of a claim.
func resultXPath(id string) string {
	return fmt.Sprintf(`//ol[@id="results"]/li[span[@class="id" and text()=%q]]`, id)
}

// nodeOf returns the JavaScript that finds the drawn node of a claim.
func nodeOf(id string) string {
	return fmt.Sprintf(`document.querySelector('#nodes g[data-id=%q]')`, id)
}

// labelAt returns the label verdict.Compute gives claim id as of date t
// (the zero Date for all time).
func labelAt(t *testing.T, g *graph.Graph, id string, at claims.Date) string {
	t.Helper()
	v := g.View
	if !at.IsZero() {
		v = g.At(at)
	}
	r, err := verdict.Compute(v, verdict.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, vd := range r.Verdicts {
		if vd.Claim == id {
			return vd.Label.String()
		}
	}
	t.Fatalf("no verdict for %s", id)
	return ""
}

const (
	chinaOnly = "china-only-defence-pact"
	// dateTried is after the treaty, when china-only-defence-pact no
	// longer holds: the node changes colour. (For all time it is
	// accepted: the treaty, from the day it stopped holding, contradicts
	// it, but time resolves that contradiction.)
	dateTried = "2025-09-03"
)

// TestExplorerInBrowser opens the page that html writes from the seed
// data in Chromium and uses it as an editor would: search, click, change
// the date. It writes a screenshot to a temporary directory, and to the
// file named by $CLAIMGRAPH_SCREENSHOT when set (that is how
// examples/claimgraph/explorer.png is made).
func TestExplorerInBrowser(t *testing.T) {
	b := newBrowser(t)
	g, err := graph.Open(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	page := writeExplorer(t, seedFile)
	b.do(t, "open the page", chromedp.Navigate("file://"+page), ready)
	// Self-contained: the page fetched nothing besides itself.
	if fetched := value(t, b, "resources", chromedp.Evaluate[[]string](`performance.getEntriesByType('resource').map(e => e.name)`)); len(fetched) > 0 {
		t.Errorf("the page fetched %v", fetched)
	}
	testExplorer(t, b, g)

	// Two relations deep, with sources: the sources of the claim are drawn.
	b.do(t, "show more", chromedp.Click(chromedp.CSS(`#more`)), chromedp.Click(chromedp.CSS(`#showsrc`)))
	drawn := value(t, b, "source nodes", chromedp.Evaluate[[]string](`(() => {
		const m = JSON.parse(document.getElementById('model').textContent);
		return Array.from(document.querySelectorAll('#nodes g[data-source]')).map(g => m.sources[+g.dataset.source].id);
	})()`))
	srcs, _ := g.SourcesOf(chinaOnly)
	for _, s := range srcs {
		if !slices.Contains(drawn, s.ID) {
			t.Errorf("source %s of %s not drawn; drawn: %v", s.ID, chinaOnly, drawn)
		}
	}

	png := filepath.Join(t.TempDir(), "explorer.png")
	shot := value(t, b, "screenshot", chromedp.CaptureScreenshot())
	if len(shot) < 1000 || string(shot[1:4]) != "PNG" {
		t.Fatalf("screenshot of %d bytes is no PNG", len(shot))
	}
	if err := os.WriteFile(png, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", png)
	if keep := os.Getenv("CLAIMGRAPH_SCREENSHOT"); keep != "" {
		if err := os.WriteFile(keep, shot, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// A claim whose appearances quote one video: its panel shows the
	// chain from each appearance to the origin.
	const wiped = "kim-staff-wiped-traces"
	b.do(t, "search "+wiped,
		chromedp.Evaluate[chromedp.Void](`document.getElementById('q').value = '', undefined`),
		chromedp.SendKeys(chromedp.CSS(`#q`), wiped))
	b.waitFor(t, "the results of "+wiped, `document.getElementById('results').dataset.query === '`+wiped+`'`)
	b.do(t, "open "+wiped,
		chromedp.Click(resultXPath(wiped)),
		chromedp.WaitVisible(chromedp.CSS(`#origins`)),
	)
	text := value(t, b, "origins", chromedp.Text(chromedp.CSS(`#origins`)))
	rep, err := provenance.New(g.View).Claim(wiped)
	if err != nil {
		t.Fatal(err)
	}
	for _, grp := range rep.Groups {
		if !strings.Contains(text, grp.Origin.Source+" "+grp.Origin.Class.String()) {
			t.Errorf("origins panel lacks %s (%s):\n%s", grp.Origin.Source, grp.Origin.Class, text)
		}
		for _, want := range chainLines(grp) {
			if !strings.Contains(text, want) {
				t.Errorf("origins panel lacks the chain %q:\n%s", want, text)
			}
		}
	}
	b.noErrors(t)
}

// chainLines returns the lines the panel writes for the chains of grp,
// one per appearance: each link is written once, and a chain that joins
// one already written stops at the step they share, "… as above".
func chainLines(grp provenance.Group) []string {
	var lines []string
	shown := make([]bool, len(grp.Steps))
	for j, app := range grp.Appearances {
		k := grp.Starts[j]
		line := fmt.Sprintf("appearance %d: %s", app+1, grp.Steps[k].Source)
		for ; grp.Steps[k].Next >= 0 && !shown[k]; k = grp.Steps[k].Next {
			shown[k] = true
			line += fmt.Sprintf(" —%s→ %s", grp.Steps[k].Link, grp.Steps[grp.Steps[k].Next].Source)
		}
		if grp.Steps[k].Next >= 0 {
			line += " … as above"
		}
		lines = append(lines, line)
	}
	return lines
}

// TestExplorerRelayChain opens the panel of a claim relayed along a line
// of sources, each quoting the one before: the page writes each link
// once, where it wrote every chain to the origin in full.
func TestExplorerRelayChain(t *testing.T) {
	longBrowserTest(t)
	const n = 40
	var y strings.Builder
	y.WriteString("claimgraph: 1\nsources:\n")
	for i := range n {
		fmt.Fprintf(&y, "  - id: s%d\n    kind: news-article\n", i)
		if i > 0 {
			fmt.Fprintf(&y, "    derived_from: [{source: s%d, kind: quotes}]\n", i-1)
		}
	}
	y.WriteString("claims:\n  - id: relayed\n    text: Relayed along a line.\n    appearances:\n")
	for i := range n {
		fmt.Fprintf(&y, "      - source: s%d\n", i)
	}
	file := writeTemp(t, "relays.yaml", y.String())
	g, err := graph.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := provenance.New(g.View).Claim("relayed")
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Groups) != 1 {
		t.Fatalf("%d origins, want 1", len(rep.Groups))
	}
	b := newBrowser(t)
	b.do(t, "open the page", chromedp.Navigate("file://"+writeExplorer(t, file)), ready)
	b.do(t, "search relayed", chromedp.SendKeys(chromedp.CSS(`#q`), "relayed"))
	b.waitFor(t, "the results of relayed", `document.getElementById('results').dataset.query === 'relayed'`)
	b.do(t, "open relayed", chromedp.Click(resultXPath("relayed")), chromedp.WaitVisible(chromedp.CSS(`#origins`)))
	got := value(t, b, "chains", chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('#origins li.chain')).map(li => li.textContent)`))
	want := chainLines(rep.Groups[0])
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("chains (-want +got):\n%s", diff)
	}
	if len(want) != n || !strings.HasSuffix(want[n-1], "s38 … as above") {
		t.Errorf("the test covers too little: %q", want)
	}
	b.noErrors(t)
}

// testExplorer searches for "only", clicks china-only-defence-pact and
// checks the side panel and the node's colour before and after the date
// (dateTried) is set. The expected contradictions, sources and labels come from the
// library, not from the page.
func testExplorer(t *testing.T, b *browser, g *graph.Graph) {
	t.Helper()
	b.do(t, "search", chromedp.SendKeys(chromedp.CSS(`#q`), "only"))
	// Each key searches; wait for the list of the whole word.
	b.waitFor(t, "the results of \"only\"", `document.getElementById('results').dataset.query === 'only'`)
	ids := value(t, b, "read the results", chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('#results li .id')).map(e => e.textContent)`))
	found := false
	for _, id := range ids {
		found = found || id == chinaOnly
		c, ok := g.Claim(id)
		if !ok || !strings.Contains(strings.ToLower(id+" "+c.Text), "only") {
			t.Errorf("search result %q does not match \"only\"", id)
		}
	}
	if !found {
		t.Fatalf("searching \"only\" found %v, not %s", ids, chinaOnly)
	}

	b.do(t, "click the result",
		chromedp.Click(resultXPath(chinaOnly)),
		chromedp.WaitVisible(chromedp.CSS(`#contradictions`)),
	)
	contra := value(t, b, "contradictions", chromedp.Text(chromedp.CSS(`#contradictions`)))
	apps := value(t, b, "appearances", chromedp.Text(chromedp.CSS(`#appearances`)))
	before := value(t, b, "label", chromedp.Evaluate[string](nodeOf(chinaOnly)+`.getAttribute('data-label')`))
	beforeFill := value(t, b, "fill", chromedp.Evaluate[string](`getComputedStyle(`+nodeOf(chinaOnly)+`.querySelector('rect:not(.under)')).fill`))
	rels, err := g.Contradictions(chinaOnly)
	if err != nil || len(rels) == 0 {
		t.Fatalf("the seed has no contradiction of %s: %v", chinaOnly, err)
	}
	for _, r := range rels {
		other, _ := r.Other(chinaOnly)
		if !strings.Contains(contra, other) {
			t.Errorf("contradictions panel lacks %s:\n%s", other, contra)
		}
	}
	if !strings.Contains(contra, "russia-dprk-defence-treaty-2024") {
		t.Errorf("the treaty claim is not among the contradictions:\n%s", contra)
	}
	// Time resolves them all, and the panel says so of each.
	resolved := 0
	for _, r := range rels {
		if g.Resolved(r) {
			resolved++
		}
	}
	if n := strings.Count(contra, "resolved by time (never both holding)"); n != resolved || n == 0 {
		t.Errorf("contradictions panel marks %d resolved by time, the library %d:\n%s", n, resolved, contra)
	}
	srcs, _ := g.SourcesOf(chinaOnly)
	for _, s := range srcs {
		if !strings.Contains(apps, s.ID) {
			t.Errorf("appearances panel lacks source %s:\n%s", s.ID, apps)
		}
	}
	// The reasons of the verdict, each naming the other claim.
	panel := value(t, b, "panel", chromedp.Text(chromedp.CSS(`#panel`)))
	r, err := verdict.Compute(g.View, verdict.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, vd := range r.Verdicts {
		if vd.Claim != chinaOnly {
			continue
		}
		if vd.Label == verdict.Accepted && strings.Contains(panel, "defeated by") {
			t.Errorf("%s is accepted; the panel shows a defeat:\n%s", chinaOnly, panel)
		}
		for _, why := range vd.Reasons {
			if why.Kind == verdict.DefeatedBy && !strings.Contains(panel, "defeated by "+why.Claim) {
				t.Errorf("panel lacks the reason %q:\n%s", "defeated by "+why.Claim, panel)
			}
		}
		if !strings.Contains(panel, vd.Rating.Name) {
			t.Errorf("panel lacks the rating %q", vd.Rating.Name)
		}
	}
	if want := labelAt(t, g, chinaOnly, claims.Date{}); before != want {
		t.Errorf("all time: node labelled %q, verdict.Compute says %q", before, want)
	}

	b.do(t, "set the date",
		chromedp.SetValue(chromedp.CSS(`#date`), dateTried),
		chromedp.Evaluate[chromedp.Void](`document.getElementById('date').dispatchEvent(new Event('change')), undefined`),
	)
	after := value(t, b, "label", chromedp.Evaluate[string](nodeOf(chinaOnly)+`.getAttribute('data-label')`))
	afterFill := value(t, b, "fill", chromedp.Evaluate[string](`getComputedStyle(`+nodeOf(chinaOnly)+`.querySelector('rect:not(.under)')).fill`))
	acceptedFill := value(t, b, "legend", chromedp.Evaluate[string](`getComputedStyle(document.querySelector('#legend .sw')).backgroundColor`))
	verdictText := value(t, b, "verdict", chromedp.Text(chromedp.CSS(`#verdict`)))
	at, _ := claims.ParseDate(dateTried)
	want := labelAt(t, g, chinaOnly, at)
	if after != want || want != "not-holding" {
		t.Errorf("as of %s: node labelled %q, verdict.Compute says %q (want not-holding)", dateTried, after, want)
	}
	if beforeFill != acceptedFill || afterFill == beforeFill {
		t.Errorf("fill %s before, %s as of %s; the legend's accepted is %s", beforeFill, afterFill, dateTried, acceptedFill)
	}
	if !strings.Contains(verdictText, want) {
		t.Errorf("panel's verdict as of %s: %q, want %s", dateTried, verdictText, want)
	}
}

// TestServeInBrowser serves a copy of the seed data, opens it in Chromium,
// runs the same checks, then edits the file and waits for the open page to
// reload by itself and show the change.
func TestServeInBrowser(t *testing.T) {
	longBrowserTest(t)
	b := newBrowser(t)
	file := copySeed(t)
	g, err := graph.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	url := startServer(t, file)
	b.do(t, "open the page", chromedp.Navigate(url), ready)
	testExplorer(t, b, g)

	rewrite(t, file, chinaOnlyText, editedText)
	b.waitFor(t, "the page to reload with the change", `document.body.dataset.ready === "1" && document.querySelector('#panel').textContent.includes(`+fmt.Sprintf("%q", editedText)+`)`)
	b.do(t, "reloaded", ready)
	text := value(t, b, "date", chromedp.Value(chromedp.CSS(`#date`)))
	if text != dateTried {
		t.Errorf("after the reload the date is %q, want %s kept", text, dateTried)
	}
	b.noErrors(t)
}

// TestExplorerFiltersAndDates lists the claims by each filter and steps
// through the dates of change, checking against the library.
func TestExplorerFiltersAndDates(t *testing.T) {
	longBrowserTest(t)
	b := newBrowser(t)
	g, err := graph.Open(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	b.do(t, "open the page", chromedp.Navigate("file://"+writeExplorer(t, seedFile)), ready)
	listed := func(fent, fspk, fsrc, fver string) []string {
		t.Helper()
		set := fmt.Sprintf(`(() => {
			const f = {fent: %q, fspk: %q, fsrc: %q, fver: %q};
			for (const id in f) { const e = document.getElementById(id); e.value = f[id]; e.dispatchEvent(new Event('change')); }
		})()`, fent, fspk, fsrc, fver)
		b.do(t, "filter", chromedp.Evaluate[chromedp.Void](set+", undefined"))
		b.waitFor(t, "the filtered list", `document.getElementById('results').dataset.filters === `+strconv.Quote(fent+"|"+fspk+"|"+fsrc+"|"+fver))
		return value(t, b, "list", chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('#results li .id')).map(e => e.textContent)`))
	}
	ids := func(cs []claims.Claim) []string {
		var out []string
		for _, c := range cs {
			out = append(out, c.ID)
		}
		return out
	}
	r, err := verdict.Compute(g.View, verdict.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var rejected []string
	for _, v := range r.Verdicts {
		if v.Label == verdict.Rejected {
			rejected = append(rejected, v.Claim)
		}
	}
	about, _ := g.ClaimsAbout("china")
	by, _ := g.ClaimsBy("edward-howell")
	in, _ := g.ClaimsIn("internewscast-kim-scrub-2025")
	for _, tt := range []struct {
		name                   string
		fent, fspk, fsrc, fver string
		want                   []string
	}{
		{"rejected", "", "", "", "rejected", rejected},
		{"about china", "china", "", "", "", ids(about)},
		{"said by edward-howell", "", "edward-howell", "", "", ids(by)},
		{"in internewscast-kim-scrub-2025", "", "", "internewscast-kim-scrub-2025", "", ids(in)},
	} {
		if len(tt.want) == 0 {
			t.Errorf("%s: the seed has no such claim, no test", tt.name)
		}
		if got := listed(tt.fent, tt.fspk, tt.fsrc, tt.fver); !slices.Equal(got, tt.want) {
			t.Errorf("%s: listed %v, want %v", tt.name, got, tt.want)
		}
	}

	m, err := explore.Build(g, explore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	date := func() string { return value(t, b, "date", chromedp.Value(chromedp.CSS(`#date`))) }
	b.do(t, "next", chromedp.Click(chromedp.CSS(`#next`)))
	if d := date(); d != m.Dates[0] {
		t.Errorf("next from all time: %q, want the first date of change %s", d, m.Dates[0])
	}
	b.do(t, "next", chromedp.Click(chromedp.CSS(`#next`)))
	if d := date(); d != m.Dates[1] {
		t.Errorf("next again: %q, want %s", d, m.Dates[1])
	}
	b.do(t, "prev", chromedp.Click(chromedp.CSS(`#prev`)), chromedp.Click(chromedp.CSS(`#prev`)))
	legend := value(t, b, "legend", chromedp.Text(chromedp.CSS(`#legend`)))
	if d := date(); d != "" || !strings.Contains(legend, "all time") {
		t.Errorf("back before the first date: %q, legend %q; want all time", d, legend)
	}
	b.noErrors(t)
}

// TestExplorerZoomAndExpand zooms with the buttons and expands a claim of
// a neighbourhood by double-clicking it.
func TestExplorerZoomAndExpand(t *testing.T) {
	longBrowserTest(t)
	b := newBrowser(t)
	g, err := graph.Open(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	const treaty = "russia-dprk-defence-treaty-2024"
	page := writeExplorer(t, seedFile)
	b.do(t, "open a neighbourhood", chromedp.Navigate("file://"+page+"#claim="+chinaOnly+"&focus="+chinaOnly), ready)
	drawn := func() []string {
		ids := value(t, b, "drawn claims", chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('#nodes g[data-id]')).map(g => g.dataset.id)`))
		slices.Sort(ids)
		return ids
	}
	neighbours := func(id string) []string {
		out := []string{id}
		for _, rels := range []func(string) ([]claims.Relation, error){g.Contradictions, g.Supporters, g.Supported} {
			list, err := rels(id)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range list {
				other, _ := r.Other(id)
				out = append(out, other)
			}
		}
		return out
	}
	want := neighbours(chinaOnly)
	slices.Sort(want)
	want = slices.Compact(want)
	if got := drawn(); !slices.Equal(got, want) {
		t.Errorf("neighbourhood of %s: drew %v, want %v", chinaOnly, got, want)
	}
	b.do(t, "expand", chromedp.DoubleClick(chromedp.CSS(`#nodes g[data-id="`+treaty+`"]`)))
	want = append(want, neighbours(treaty)...)
	slices.Sort(want)
	want = slices.Compact(want)
	if got := drawn(); !slices.Equal(got, want) {
		t.Errorf("after expanding %s: drew %v, want %v", treaty, got, want)
	}

	scale := func() float64 {
		return value(t, b, "scale", chromedp.Evaluate[float64](`+/scale\(([^)]+)\)/.exec(document.getElementById('viewport').getAttribute('transform'))[1]`))
	}
	before := scale()
	b.do(t, "zoom in", chromedp.Click(chromedp.CSS(`#zin`)))
	if after := scale(); after <= before {
		t.Errorf("zoom in: scale %g, was %g", after, before)
	}
	b.noErrors(t)
}

// TestExplorerBigGraph opens a graph too big to draw whole: the page draws
// nothing until a claim is opened, then that claim's neighbourhood.
func TestExplorerBigGraph(t *testing.T) {
	longBrowserTest(t)
	b := newBrowser(t)
	g := graph.New()
	if err := g.Apply(synth.Generate(synth.Config{Claims: 2000, Seed: 3})); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(t.TempDir(), "big.html")
	if err := graph.SaveWith(page, func(w io.Writer) error { return explore.Write(w, g, explore.Options{}) }); err != nil {
		t.Fatal(err)
	}
	count := chromedp.Evaluate[int](`document.querySelectorAll('#nodes g').length`)
	b.do(t, "open", chromedp.Navigate("file://"+page), ready)
	if n := value(t, b, "nodes", count); n != 0 {
		t.Errorf("%d nodes drawn before a claim is opened", n)
	}
	if msg := value(t, b, "message", chromedp.Text(chromedp.CSS(`#message`))); !strings.Contains(msg, "too many") {
		t.Errorf("message %q", msg)
	}
	id := synth.ClaimID(1000)
	b.do(t, "open "+id, chromedp.Navigate("about:blank"), chromedp.Navigate("file://"+page+"#claim="+id), ready)
	want := map[string]bool{id: true}
	for r := range g.Relations() {
		if other, ok := r.Other(id); ok {
			want[other] = true
		}
	}
	if n := value(t, b, "nodes", count); n != len(want) {
		t.Errorf("%d nodes drawn around %s, want it and its %d neighbours", n, id, len(want)-1)
	}
	b.noErrors(t)
}

// TestExplorerReasonOrigins: a reason in the panel names the origins its
// claim's evidence counts, not the sources it appears in (red team 8,
// finding 9): a appears in s1 and in s2, which republishes s1, and keeps
// c open; and a derived attack says the step it stands on (finding 4).
// It gives the claim's evidence as the verdicts weigh it, lent origins
// included: e, of one own origin and one lent by f, defeats d, of one,
// and the reason said "[origins s6]", one origin defeating one.
func TestExplorerReasonOrigins(t *testing.T) {
	longBrowserTest(t)
	file := writeTemp(t, "relay.yaml", `claimgraph: 1
sources:
  - {id: s1, title: One, kind: news-article}
  - {id: s2, title: Two, kind: news-article, derived_from: [{source: s1, kind: republishes}]}
  - {id: s3, title: Three, kind: news-article}
  - {id: s5, kind: news-article}
  - {id: s6, kind: news-article}
  - {id: s7, kind: news-article}
claims:
  - {id: a, text: Alpha., appearances: [{source: s1}, {source: s2}]}
  - {id: c, text: Gamma., appearances: [{source: s3}]}
  - {id: d, text: Delta., appearances: [{source: s5}]}
  - {id: e, text: Epsilon., appearances: [{source: s6}]}
  - {id: f, text: Phi., appearances: [{source: s7}]}
relations:
  - {from: a, to: c, kind: contradicts}
  - {from: d, to: e, kind: contradicts}
  - {from: f, to: e, kind: supports}
`)
	b := newBrowser(t)
	b.do(t, "open the page", chromedp.Navigate("file://"+writeExplorer(t, file)), ready)
	b.do(t, "search gamma", chromedp.SendKeys(chromedp.CSS(`#q`), "gamma"))
	b.waitFor(t, "the results of gamma", `document.getElementById('results').dataset.query === 'gamma'`)
	b.do(t, "open c", chromedp.Click(resultXPath("c")), chromedp.WaitVisible(chromedp.CSS(`#origins`)))
	panel := value(t, b, "panel", chromedp.Text(chromedp.CSS(`#verdict + ul`)))
	if want := "left open by a (contradiction) [origins s1; evidence 1]"; !strings.Contains(panel, want) || strings.Contains(panel, "s2") {
		t.Errorf("reasons %q: want %q, without the relay s2", panel, want)
	}
	b.do(t, "search delta", chromedp.Evaluate[chromedp.Void](`document.getElementById('q').value = '', undefined`), chromedp.SendKeys(chromedp.CSS(`#q`), "delta"))
	b.waitFor(t, "the results of delta", `document.getElementById('results').dataset.query === 'delta'`)
	b.do(t, "open d", chromedp.Click(resultXPath("d")), chromedp.WaitVisible(chromedp.CSS(`#origins`)))
	panel = value(t, b, "panel", chromedp.Text(chromedp.CSS(`#verdict + ul`)))
	if want := "defeated by e (contradiction) [origins s6; 1 origin lent by supporters; evidence 2]"; !strings.Contains(panel, want) {
		t.Errorf("reasons %q: want %q", panel, want)
	}
	if verdict := value(t, b, "verdict", chromedp.Text(chromedp.CSS(`#verdict`))); !strings.Contains(verdict, "evidence 1") {
		t.Errorf("verdict %q: want d's evidence 1", verdict)
	}
	b.noErrors(t)
}

// TestExplorerOddAddresses opens the page at addresses that name items
// oddly. An entity's ID was looked up in the same table as the other
// entities' names, so entity "china" opened the entity named "China";
// and a name the tables' prototype has (#claim=constructor) or a bad
// escape (%E0) stopped the page's script before it was ready.
func TestExplorerOddAddresses(t *testing.T) {
	longBrowserTest(t)
	b := newBrowser(t)
	file := writeTemp(t, "odd.yaml", `claimgraph: 1
entities:
  - {id: china, name: China, kind: country}
  - {id: prc, name: china, kind: country}
  - {id: toString, name: constructor, kind: other}
sources: [{id: s, kind: video}]
claims:
  - {id: a, text: About China., about: [china], appearances: [{source: s}]}
  - {id: b, text: About the PRC., about: [prc], appearances: [{source: s}]}
relations: [{from: a, to: b, kind: supports}]
`)
	page := "file://" + writeExplorer(t, file)
	for _, tt := range []struct{ hash, panel string }{
		{"entity=china", "china"},
		{"entity=prc", "prc"},
		{"entity=toString", "toString"},
		{"claim=constructor", ""},
		{"claim=__proto__", ""},
		{"entity=hasOwnProperty", ""},
		{"claim=%E0", ""},
	} {
		b.do(t, "open #"+tt.hash, chromedp.Navigate("about:blank"), chromedp.Navigate(page+"#"+tt.hash), ready)
		got := value(t, b, "panel", chromedp.Evaluate[string](`(document.querySelector('#panel h2') || {}).textContent || ""`))
		if got != tt.panel {
			t.Errorf("#%s: the panel shows %q, want %q", tt.hash, got, tt.panel)
		}
	}
	b.noErrors(t)
}

// TestExplorerShowsPublished: the panel of a claim with a published
// review shows it beside the computed verdict, a link only for an http
// or https address; a review in progress is not shown. The explorer
// showed the computed verdict alone, as if it were what the desk said.
func TestExplorerShowsPublished(t *testing.T) {
	longBrowserTest(t)
	file := writeTemp(t, "rev.yaml", `claimgraph: 1
sources:
  - {id: s1, kind: wire}
  - {id: s2, kind: wire}
claims:
  - {id: a, text: Alpha., appearances: [{source: s1}], review: {status: published, rating: False, reviewer: Desk, date: 2025-02-01, url: "https://x.example/a"}}
  - {id: b, text: Beta., appearances: [{source: s2}], review: {status: in-progress}}
`)
	b := newBrowser(t)
	b.do(t, "open the page", chromedp.Navigate("file://"+writeExplorer(t, file)), ready)
	b.do(t, "search alpha", chromedp.SendKeys(chromedp.CSS(`#q`), "alpha"))
	b.waitFor(t, "the results of alpha", `document.getElementById('results').dataset.query === 'alpha'`)
	b.do(t, "open a", chromedp.Click(resultXPath("a")), chromedp.WaitVisible(chromedp.CSS(`#origins`)))
	if got := value(t, b, "published", chromedp.Evaluate[string](`(document.getElementById('published') || {}).textContent || ''`)); got != "Published: False, by Desk, 2025-02-01, https://x.example/a" {
		t.Errorf("a's published review %q", got)
	}
	if href := value(t, b, "link", chromedp.Evaluate[string](`(document.querySelector('#published a') || {getAttribute: () => ''}).getAttribute('href')`)); href != "https://x.example/a" {
		t.Errorf("link %q", href)
	}
	b.do(t, "search beta", chromedp.Evaluate[chromedp.Void](`document.getElementById('q').value = '', undefined`), chromedp.SendKeys(chromedp.CSS(`#q`), "beta"))
	b.waitFor(t, "the results of beta", `document.getElementById('results').dataset.query === 'beta'`)
	b.do(t, "open b", chromedp.Click(resultXPath("b")), chromedp.WaitVisible(chromedp.CSS(`#origins`)))
	if n := value(t, b, "published", chromedp.Evaluate[int](`document.querySelectorAll('#published').length`)); n != 0 {
		t.Errorf("b, in progress, shows %d published reviews", n)
	}
	b.noErrors(t)
}
