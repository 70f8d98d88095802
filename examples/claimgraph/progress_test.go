package main

import (
	"bytes"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

// fakeTerminal makes the commands take any stderr for a terminal and
// show progress at once.
func fakeTerminal(t *testing.T) {
	isTerm, delay, every := isTerminal, meterDelay, meterEvery
	t.Cleanup(func() { isTerminal, meterDelay, meterEvery = isTerm, delay, every })
	isTerminal = func(io.Writer) bool { return true }
	meterDelay, meterEvery = 0, 0
}

// TestProgressShown: on a terminal, the commands that load and compute
// show their stages on stderr, erase the line at the end, and print the
// same output as without a terminal; with --quiet they show nothing.
func TestProgressShown(t *testing.T) {
	cases := [][]string{
		{"verdicts", miniFile},
		{"report", miniFile},
		{"trust", miniFile},
		{"circular", miniFile},
		{"export", miniFile, "--format", "turtle"},
	}
	want := map[string]string{}
	for _, args := range cases {
		want[args[0]] = runOK(t, args...) // not a terminal: runOK checks stderr is empty
	}
	fakeTerminal(t)
	stages := map[string][]string{
		"verdicts": {"read", "decode", "evidence", "strengths", "verdicts", "output"},
		"report":   {"read", "evidence", "iterations", "output"},
		"trust":    {"read", "iterations", "output"},
		"circular": {"read", "cycles", "corroboration", "output"},
		"export":   {"read", "write"},
	}
	for _, args := range cases {
		var out, errb bytes.Buffer
		if code := run(args, &out, &errb); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errb.String())
		}
		if out.String() != want[args[0]] {
			t.Errorf("%v: output differs on a terminal", args)
		}
		shown := errb.String()
		for _, s := range stages[args[0]] {
			if !regexp.MustCompile(`\rclaimgraph ` + args[0] + `: ` + s + `[ ,\x1b]`).MatchString(shown) {
				t.Errorf("%v: stage %s not shown in %q", args, s, shown)
			}
		}
		// The verdicts are computed once per run, however many claims
		// show the verdict column.
		if n := strings.Count(shown, ": evidence 0 of "); n > 1 {
			t.Errorf("%v: verdicts computed %d times", args, n)
		}
		if !strings.HasSuffix(shown, "\r\x1b[K") {
			t.Errorf("%v: progress line not erased: %q", args, shown)
		}
		errb.Reset()
		if code := run(append(args, "--quiet"), &out, &errb); code != 0 || errb.Len() > 0 {
			t.Errorf("%v --quiet: exit %d, stderr %q", args, code, errb.String())
		}
	}
}

// TestProgressDelay: work shorter than meterDelay shows nothing.
func TestProgressDelay(t *testing.T) {
	fakeTerminal(t)
	meterDelay = time.Hour
	var out, errb bytes.Buffer
	if code := run([]string{"verdicts", miniFile}, &out, &errb); code != 0 || errb.Len() > 0 {
		t.Errorf("exit %d, stderr %q", code, errb.String())
	}
}

func TestMeterLine(t *testing.T) {
	t0 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	m := &meter{}
	tests := []struct {
		at   time.Duration
		p    graph.Progress
		want string
	}{
		{0, graph.Progress{Stage: "decode"}, "decode"},
		{12 * time.Second, graph.Progress{Stage: "decode"}, "decode, 12s"},
		{0, graph.Progress{Stage: "read", Total: 80e6}, "read 0.0 MB of 80.0 MB (0%)"},
		{2 * time.Second, graph.Progress{Stage: "read", Done: 20e6, Total: 80e6}, "read 20.0 MB of 80.0 MB (25%), 10.0 MB/s, 6s left"},
		{0, graph.Progress{Stage: "write", Done: 1e6}, "write 1.0 MB"},
		{time.Second, graph.Progress{Stage: "write", Done: 4e6}, "write 4.0 MB, 3.0 MB/s"},
		{0, graph.Progress{Stage: "evidence", Total: 1000}, "evidence 0 of 1000 (0%)"},
		{4 * time.Second, graph.Progress{Stage: "evidence", Done: 200, Total: 1000}, "evidence 200 of 1000 (20%), 50/s, 16s left"},
		{5 * time.Second, graph.Progress{Stage: "evidence", Done: 1000, Total: 1000}, "evidence 1000 of 1000 (100%), 200/s"},
	}
	start := t0
	for _, tt := range tests {
		if tt.at == 0 { // a new stage starts now
			start = start.Add(time.Minute)
			m.start, m.startDone = start, tt.p.Done
		}
		m.p, m.at = tt.p, start.Add(tt.at)
		if got := m.line(m.at); got != tt.want {
			t.Errorf("at %v, %+v: %q, want %q", tt.at, tt.p, got, tt.want)
		}
		// Redrawn later, a line with a rate keeps the rate of the update.
		if later := m.line(m.at.Add(time.Minute)); strings.Contains(tt.want, "/s") && later != tt.want {
			t.Errorf("a minute after %+v: %q, want %q", tt.p, later, tt.want)
		}
	}
}
