package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestHubSource: a wire story H that republishes n videos, each published
// after it (so that check warns of each), and one claim that appears n
// times in H, with n quotes. sources, stale, check and the ClaimReview
// export copied H's n derivations for each appearance (or derivation)
// that names it, quadratic: at 16,000 sources took 16 s, stale and
// export --format jsonld 7.6 s each. They now read the source without
// its lists (graph.View.SourceInfo). Here, at 12,000, the four took some
// 20 s in all; the test allows 10 s for what takes about 1.5.
func TestHubSource(t *testing.T) {
	if testing.Short() {
		t.Skip("a guard against a quadratic cost, at a size that tells it: runs without -short")
	}
	const n = 12_000
	items := func(format string) string { // n items, numbered, comma-separated
		var b strings.Builder
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, format, i)
		}
		return b.String()
	}
	doc := "{\"claimgraph\":1}\n" +
		strings.ReplaceAll(items(`{"source":{"id":"o%d","kind":"video","published":"2024-02-01"}}`), "}},", "}}\n") + "\n" +
		`{"source":{"id":"H","kind":"wire","published":"2024-01-01","derived_from":[` + items(`{"source":"o%d","kind":"republishes"}`) + "]}}\n" +
		`{"claim":{"id":"c","text":"T.","valid_until":"2023-01-01","appearances":[` + items(`{"source":"H","quote":"q%d"}`) + "]}}\n"
	dir := t.TempDir()
	path := filepath.Join(dir, "hub.jsonl")
	if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	runWithin(t, 10*time.Second, "sources, stale, check and export on a claim of 12,000 appearances in a source of 12,000 derivations",
		[]string{"sources", path, "c"},
		[]string{"stale", path},
		[]string{"check", path},
		[]string{"export", path, "--format", "jsonld", "--review-url", "https://x.example/r/", "--author", "A", "-o", filepath.Join(dir, "out.jsonld")})
}

// runWithin runs the commands cmds, each with --quiet, one after the
// other, and fails t when one exits other than 0 (stale: 0 or 1) or when
// they have not all finished within d (what names them). The commands
// run on in the background after a failure, until the test binary exits.
// A guard against a cost coming back, not a measure of it: it skips under
// -short (and so in the race detector's run, which is -short), as
// childtest.Within does.
func runWithin(t *testing.T, d time.Duration, what string, cmds ...[]string) {
	t.Helper()
	if testing.Short() {
		t.Skipf("%s: a long case, run without -short", what)
	}
	done := make(chan string, 1)
	go func() {
		for _, args := range cmds {
			var out, errb bytes.Buffer
			if code := run(append(args, "--quiet"), &out, &errb); code != 0 && (args[0] != "stale" || code != 1) {
				done <- fmt.Sprintf("%v: exit %d; stderr %.300s", args[:1], code, errb.String())
				return
			}
		}
		done <- ""
	}()
	select {
	case msg := <-done:
		if msg != "" {
			t.Fatal(msg)
		}
	case <-time.After(d):
		t.Fatalf("%s take more than %v", what, d)
	}
}
