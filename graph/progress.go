package graph

import "io"

// Progress is how far a long operation has got, passed to the optional
// Progress callbacks of [ReadOptions] and of the whole-graph analyses
// (packages graph/verdict, graph/provenance and sources/truth): Done of
// Total units of the named stage. Within a stage Done never decreases,
// and the last call of a stage that finishes has Done == Total.
//
// A callback is called on the goroutine doing the work, often (up to a
// few hundred times per stage), so it must be quick; a nil callback costs
// nothing.
type Progress struct {
	Stage string // what is being done: StageRead, or an analysis's own name
	Done  int64  // units done: bytes for StageRead, else items
	Total int64  // units in all; 0 when not known in advance
}

// StageRead is the stage of reading the input of a [ReadOptions] read;
// its units are bytes, and its Total is the size of the input when it is
// a file, else 0.
const StageRead = "read"

// StageDecode is the stage of decoding and checking the input that has
// been read; it is reported once, with Done and Total 0, when it begins.
const StageDecode = "decode"

// progressReader counts the bytes read through it and reports them, at
// most progressChunk (256 KiB) at a time so that a large file read into a buffer
// of its size still reports as it goes.
type progressReader struct {
	r     io.Reader
	done  int64
	total int64 // 0 when unknown
	f     func(Progress)
}

const progressChunk = 256 << 10

func (p *progressReader) Read(b []byte) (int, error) {
	if len(b) > progressChunk {
		b = b[:progressChunk]
	}
	n, err := p.r.Read(b)
	if n > 0 {
		p.done += int64(n)
		total := p.total
		if total < p.done {
			total = 0 // the file grew, or its size was not known
		}
		p.f(Progress{Stage: StageRead, Done: p.done, Total: total})
	}
	return n, err
}

// finish reports the read done, Done == Total, unless the last Read did.
func (p *progressReader) finish() {
	if p.total != p.done || p.done == 0 {
		p.f(Progress{Stage: StageRead, Done: p.done, Total: p.done})
	}
}

// Ticker reports the progress of a loop over total items to f at most
// about 256 times, whatever total is: call Tick once per item and
// Finish at the end. A Ticker with a nil f does nothing, at the cost of
// an increment and a comparison per item. Packages with long analyses share it.
type Ticker struct {
	f           func(Progress)
	stage       string
	done, total int64
	every, next int64
}

// NewTicker returns a ticker for total items of stage, reporting to f
// (which may be nil). It reports Done 0 at once.
func NewTicker(f func(Progress), stage string, total int) Ticker {
	t := Ticker{f: f, stage: stage, total: int64(total), every: max((int64(total)+255)/256, 1)}
	t.next = t.every
	if f != nil {
		f(Progress{Stage: stage, Total: t.total})
	}
	return t
}

// Tick counts one item done.
func (t *Ticker) Tick() {
	t.done++
	if t.f != nil && t.done >= t.next {
		t.next += t.every
		t.f(Progress{Stage: t.stage, Done: t.done, Total: max(t.total, t.done)})
	}
}

// Finish reports the stage done: Done == Total.
func (t *Ticker) Finish() {
	if t.f != nil {
		t.done = max(t.done, t.total)
		t.f(Progress{Stage: t.stage, Done: t.done, Total: t.done})
	}
}
