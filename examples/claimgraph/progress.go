// Progress of long work on standard error, when it is a terminal.

package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

// isTerminal reports whether w is a terminal (a character device); tests
// replace it.
var isTerminal = func(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// Timing of the meter; tests replace them.
var (
	meterDelay = time.Second            // nothing shows before a run is this old
	meterEvery = 200 * time.Millisecond // at most one line per this interval
	clock      = time.Now
)

// onProgress returns the progress callback for the library's long work,
// or nil (which costs the library nothing) when no progress is to be
// shown: standard error is not a terminal, or --quiet was given.
func (e *env) onProgress() func(graph.Progress) {
	if e.progress == nil || e.quiet {
		return nil
	}
	name := ""
	if e.cmd != nil {
		name = e.cmd.name
	}
	return func(p graph.Progress) { e.progress.update(name, p) }
}

// counting returns w, or when progress shows, a writer to w that reports
// the bytes written through it as stage "write".
func (e *env) counting(w io.Writer) io.Writer {
	f := e.onProgress()
	if f == nil {
		return w
	}
	return &countingWriter{w: w, f: f}
}

// countingWriter reports the bytes written through it.
type countingWriter struct {
	w    io.Writer
	done int64
	f    func(graph.Progress)
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.done += int64(n)
	c.f(graph.Progress{Stage: "write", Done: c.done})
	return n, err
}

// meter draws progress on one terminal line that it rewrites: the stage,
// what is done of the total, the rate and the time left.
type meter struct {
	w     io.Writer
	begin time.Time // when the run began

	stage     string    // the stage being shown
	start     time.Time // when it began
	startDone int64     // its Done then
	last      time.Time // when the line was last drawn
	shown     bool      // whether a line is on screen
}

func newMeter(w io.Writer) *meter { return &meter{w: w, begin: clock()} }

// update shows p, the progress of command cmd, unless the run is younger
// than meterDelay or the line was drawn less than meterEvery ago.
func (m *meter) update(cmd string, p graph.Progress) {
	t := clock()
	if p.Stage != m.stage {
		m.stage, m.start, m.startDone = p.Stage, t, p.Done
	}
	if t.Sub(m.begin) < meterDelay || m.shown && t.Sub(m.last) < meterEvery && p.Done != p.Total {
		return
	}
	m.last, m.shown = t, true
	fmt.Fprintf(m.w, "\rclaimgraph %s: %s\x1b[K", cmd, m.line(p, t))
}

// line describes p at time t: "read 12.0 MB of 80.0 MB (15%), 40.0 MB/s,
// 2s left", or with counts of items for the stages other than "read".
func (m *meter) line(p graph.Progress, t time.Time) string {
	amount := func(n float64) string { return fmt.Sprintf("%.0f", n) }
	if p.Stage == graph.StageRead || p.Stage == "write" {
		amount = func(n float64) string { return fmt.Sprintf("%.1f MB", n/1e6) }
	}
	s := p.Stage + " " + amount(float64(p.Done))
	if p.Total > 0 {
		s += fmt.Sprintf(" of %s (%d%%)", amount(float64(p.Total)), p.Done*100/p.Total)
	}
	secs := t.Sub(m.start).Seconds()
	if secs <= 0 || p.Done <= m.startDone {
		return s
	}
	rate := float64(p.Done-m.startDone) / secs
	s += ", " + amount(rate) + "/s"
	if p.Total > 0 && p.Done < p.Total {
		left := time.Duration(float64(p.Total-p.Done) / rate * float64(time.Second))
		s += ", " + left.Round(time.Second).String() + " left"
	}
	return s
}

// clear erases the line of m, if it drew one; m may be nil.
func (m *meter) clear() {
	if m != nil && m.shown {
		fmt.Fprint(m.w, "\r\x1b[K")
		m.shown = false
	}
}
