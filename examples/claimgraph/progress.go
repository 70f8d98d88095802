// Progress of long work on standard error, when it is a terminal.

package main

import (
	"fmt"
	"io"
	"os"
	"sync"
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

// countingWriter counts the bytes written through it in n and, when f is
// set, reports them as stage "write".
type countingWriter struct {
	w io.Writer
	n int64
	f func(graph.Progress)
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	if c.f != nil {
		c.f(graph.Progress{Stage: "write", Done: c.n})
	}
	return n, err
}

// meter draws progress on one terminal line that it rewrites: the stage,
// what is done of the total, the rate and the time left. The work's
// callbacks draw it as they come; between them, as while a stage that
// reports only its start (decoding) runs, a goroutine redraws it every
// meterRedraw so that the time elapsed shows.
type meter struct {
	w     io.Writer
	begin time.Time     // when the run began
	stop  chan struct{} // closed by clear to end the redrawing
	ended chan struct{} // closed when it has ended

	mu        sync.Mutex
	cmd       string         // the command running
	p         graph.Progress // the latest progress
	have      bool           // whether there is one
	at        time.Time      // when it came
	start     time.Time      // when its stage began
	startDone int64          // the stage's Done then
	last      time.Time      // when the line was last drawn
	shown     bool           // whether a line is on screen
}

// meterRedraw is how often the line is redrawn between callbacks.
const meterRedraw = 500 * time.Millisecond

func newMeter(w io.Writer) *meter {
	m := &meter{w: w, begin: clock(), stop: make(chan struct{}), ended: make(chan struct{})}
	go m.redraw()
	return m
}

// redraw draws the line every meterRedraw until clear is called.
func (m *meter) redraw() {
	defer close(m.ended)
	tick := time.NewTicker(meterRedraw)
	defer tick.Stop()
	for {
		select {
		case <-m.stop:
			return
		case <-tick.C:
			m.mu.Lock()
			if m.have {
				m.draw(clock(), false)
			}
			m.mu.Unlock()
		}
	}
}

// update records p, the progress of command cmd, and draws it.
func (m *meter) update(cmd string, p graph.Progress) {
	t := clock()
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.have || p.Stage != m.p.Stage {
		m.start, m.startDone = t, p.Done
	}
	m.cmd, m.p, m.at, m.have = cmd, p, t, true
	m.draw(t, p.Done == p.Total)
}

// draw shows the latest progress at time t, unless the run is younger
// than meterDelay, or the line was drawn less than meterEvery ago and
// the stage is not done (unless always).
func (m *meter) draw(t time.Time, always bool) {
	if t.Sub(m.begin) < meterDelay || m.shown && t.Sub(m.last) < meterEvery && !always {
		return
	}
	m.last, m.shown = t, true
	fmt.Fprintf(m.w, "\rclaimgraph %s: %s\x1b[K", m.cmd, m.line(t))
}

// line describes the latest progress at time t: "read 12.0 MB of 80.0 MB
// (15%), 40.0 MB/s, 2s left", with counts of items for the stages other
// than reading and writing. The rate and the time left are those when
// the progress came; while no rate is known, the line shows the time
// elapsed in the stage instead.
func (m *meter) line(t time.Time) string {
	p := m.p
	amount := func(n float64) string { return fmt.Sprintf("%.0f", n) }
	if p.Stage == graph.StageRead || p.Stage == "write" {
		amount = func(n float64) string { return fmt.Sprintf("%.1f MB", n/1e6) }
	}
	s := p.Stage
	if p.Done > 0 || p.Total > 0 {
		s += " " + amount(float64(p.Done))
	}
	if p.Total > 0 {
		s += fmt.Sprintf(" of %s (%d%%)", amount(float64(p.Total)), p.Done*100/p.Total)
	}
	secs := m.at.Sub(m.start).Seconds()
	if secs <= 0 || p.Done <= m.startDone {
		if elapsed := t.Sub(m.start); elapsed >= time.Second {
			s += ", " + elapsed.Round(time.Second).String()
		}
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

// clear stops m and erases its line, if it drew one; m may be nil.
func (m *meter) clear() {
	if m == nil {
		return
	}
	close(m.stop)
	<-m.ended
	if m.shown {
		fmt.Fprint(m.w, "\r\x1b[K")
		m.shown = false
	}
}
