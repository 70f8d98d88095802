package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/claimgraph/claimgraph/sources/truth"
)

// The output is JSON Lines, one object per line whose one key says what
// the line is, as in the library's bulk format:
//
//	{"run":{"algorithm":"sums","iterations":7,"converged":true,"sources":3,"objects":2,"facts":4}}
//	{"source":{"algorithm":"sums","source":"A1Books","trust":1,"assertions":171}}
//	{"object":{"algorithm":"sums","object":"0201853949","value":"donald knuth","belief":1,"facts":3}}
//	{"fact":{"algorithm":"sums","object":"0201853949","value":"donald knuth","belief":1}}
//	{"origins":{"claim":"c1","independent":1,"origins":[{"source":"s1","class":"primary"}]}}
//
// One run may compute several algorithms: each has its run line and its
// rows. The rows of "source" and "object" are those of "claimgraph trust
// --json", with the algorithm; the row of "origins" has the fields of "claimgraph origins
// --json" that the pipeline computes (no chains). Lines are sorted, so
// the same input gives the same file.

// RunRow describes a truth-discovery run.
type RunRow struct {
	Algorithm  string `json:"algorithm"`
	Iterations int    `json:"iterations"`
	Converged  bool   `json:"converged"`
}

// SourceRow is a source's trust under an algorithm.
type SourceRow struct {
	Algorithm  string  `json:"algorithm"`
	Source     string  `json:"source"`
	Trust      float64 `json:"trust"`
	Assertions int     `json:"assertions"`
}

// ObjectRow is an object's chosen value; Value is null for an object
// without facts.
type ObjectRow struct {
	Algorithm string  `json:"algorithm"`
	Object    string  `json:"object"`
	Value     *string `json:"value"`
	Belief    float64 `json:"belief"`
	Facts     int     `json:"facts"`
}

// FactRow is a fact's belief under an algorithm.
type FactRow struct {
	Algorithm string  `json:"algorithm"`
	Object    string  `json:"object"`
	Value     string  `json:"value"`
	Belief    float64 `json:"belief"`
}

// Line is one output line: exactly one field is set.
type Line struct {
	Run     *RunRow     `json:"run,omitempty"`
	Source  *SourceRow  `json:"source,omitempty"`
	Object  *ObjectRow  `json:"object,omitempty"`
	Fact    *FactRow    `json:"fact,omitempty"`
	Origins *OriginsRow `json:"origins,omitempty"`
}

func marshal(l Line) (string, error) {
	b, err := json.Marshal(l)
	return string(b), err
}

// Belief is a fact's final belief, with its names.
type Belief struct {
	Object, Value string
	Rank          int64
	Belief        float64
}

// Trust is a source's final trust, with its name.
type Trust struct {
	Source     string
	Trust      float64
	Assertions int
}

// label joins the names back into the outcome o of a run on t.
func label(s beam.Scope, o Outcome, t Tables) (trusts, beliefs beam.PCollection) {
	s = s.Scope("label")
	trusts = beam.ParDo(s, nameSrc, beam.CoGroupByKey(s, t.SrcNames, beam.ParDo(s, trustOf, o.Srcs)))
	beliefs = beam.ParDo(s, nameFact, beam.CoGroupByKey(s, t.FactNames, beam.ParDo(s, beliefOf, o.Facts)))
	return trusts, beliefs
}

func trustOf(x Src) (int64, Trust) { return x.ID, Trust{Trust: x.Trust, Assertions: len(x.Facts)} }
func beliefOf(f Fact) (int64, Belief) {
	return f.ID, Belief{Rank: f.Rank, Belief: f.Belief}
}

func nameSrc(_ int64, names func(*string) bool, ts func(*Trust) bool, emit func(Trust)) {
	var name string
	var t Trust
	if names(&name) && ts(&t) {
		t.Source = name
		emit(t)
	}
}

func nameFact(_ int64, names func(*FactName) bool, bs func(*Belief) bool, emit func(Belief)) {
	var n FactName
	var b Belief
	if names(&n) && bs(&b) {
		b.Object, b.Value = n.Object, n.Value
		emit(b)
	}
}

// truthLines turns the outcome of a run, named, into output lines.
func truthLines(s beam.Scope, r Run, trusts, beliefs, stats beam.PCollection) beam.PCollection {
	s = s.Scope("truth output")
	alg := r.Alg.String()
	srcs := beam.ParDo(s, &sourceLine{Alg: alg}, trusts)
	objs := beam.ParDo(s, &objectLines{Alg: alg}, beam.GroupByKey(s, beam.ParDo(s, beliefByObject, beliefs)))
	run := beam.ParDo(s, &runLine{Run: r}, beam.GroupByKey(s, beam.AddFixedKey(s, stats)))
	return beam.Flatten(s, srcs, objs, run)
}

type sourceLine struct{ Alg string }

func (fn *sourceLine) ProcessElement(x Trust) (string, error) {
	return marshal(Line{Source: &SourceRow{Algorithm: fn.Alg, Source: x.Source, Trust: x.Trust, Assertions: x.Assertions}})
}

func beliefByObject(b Belief) (string, Belief) { return b.Object, b }
func beliefRank(b *Belief) int64               { return b.Rank }

// objectLines writes an object's line and the lines of its facts.
type objectLines struct{ Alg string }

func (fn *objectLines) ProcessElement(obj string, iter func(*Belief) bool, emit func(string)) error {
	fs := collect(iter, beliefRank)
	row := ObjectRow{Algorithm: fn.Alg, Object: obj, Facts: len(fs)}
	if best := chosen(len(fs), func(i int) float64 { return fs[i].Belief }); best >= 0 {
		row.Value, row.Belief = &fs[best].Value, fs[best].Belief
	}
	l, err := marshal(Line{Object: &row})
	if err != nil {
		return err
	}
	emit(l)
	for _, f := range fs {
		l, err := marshal(Line{Fact: &FactRow{Algorithm: fn.Alg, Object: obj, Value: f.Value, Belief: f.Belief}})
		if err != nil {
			return err
		}
		emit(l)
	}
	return nil
}

// runLine writes the run's line from the statistics of its iterations:
// it ran until the first that converged, or through all.
type runLine struct{ Run Run }

func (fn *runLine) ProcessElement(_ int, stats func(*Stat) bool) (string, error) {
	row := RunRow{Algorithm: fn.Run.Alg.String()}
	var all []Stat
	var st Stat
	for stats(&st) {
		all = append(all, st)
	}
	slices.SortFunc(all, func(a, b Stat) int { return a.Iter - b.Iter })
	for _, st := range all {
		row.Iterations = st.Iter
		if fn.Run.Alg == truth.Voting || fn.Run.converged(st) {
			row.Converged = true
			break
		}
	}
	return marshal(Line{Run: &row})
}

func originsLine(r OriginsRow) (string, error) { return marshal(Line{Origins: &r}) }

// write writes the lines, sorted, to the file name through Beam's file
// systems; a local file is written to a temporary file beside it and
// renamed into place, so that a failed run leaves no half file.
func write(s beam.Scope, name string, lines beam.PCollection) {
	s = s.Scope("write")
	filesystem.ValidateScheme(name)
	beam.ParDo0(s, &writeFn{Name: name}, beam.GroupByKey(s, beam.AddFixedKey(s, lines)))
}

type writeFn struct{ Name string }

func (fn *writeFn) ProcessElement(ctx context.Context, _ int, iter func(*string) bool) error {
	var lines []string
	var l string
	for iter(&l) {
		lines = append(lines, l)
	}
	slices.Sort(lines)
	return writeFile(ctx, fn.Name, func(w io.Writer) error { return writeLines(w, lines) })
}

// writeLines writes lines to w, each ended by a newline, through a buffer.
func writeLines(w io.Writer, lines []string) error {
	bw := bufio.NewWriter(w)
	for _, l := range lines {
		bw.WriteString(l)
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// writeLocal writes the local file name with write, to a temporary file
// beside it renamed into place.
func writeLocal(name string, write func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return err
	}
	err = write(f)
	if err == nil {
		err = f.Chmod(0o644) // as os.Create would make it
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return nil
}
