package graph_test

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/synth"
)

// progressLog records the calls of a progress callback and checks, per
// stage, that Done never decreases and never passes a known Total.
type progressLog struct {
	t     testing.TB
	calls []graph.Progress
}

func (l *progressLog) f(p graph.Progress) {
	l.t.Helper()
	if n := len(l.calls); n > 0 && l.calls[n-1].Stage == p.Stage && p.Done < l.calls[n-1].Done {
		l.t.Errorf("stage %s: Done went back from %d to %d", p.Stage, l.calls[n-1].Done, p.Done)
	}
	if p.Total > 0 && p.Done > p.Total || p.Done < 0 {
		l.t.Errorf("stage %s: Done %d of Total %d", p.Stage, p.Done, p.Total)
	}
	l.calls = append(l.calls, p)
}

// stage returns the calls of stage s, in order.
func (l *progressLog) stage(s string) []graph.Progress {
	var out []graph.Progress
	for _, p := range l.calls {
		if p.Stage == s {
			out = append(out, p)
		}
	}
	return out
}

// writeSynth writes a synthetic graph of n claims to dir in the three
// formats and returns the file names.
func writeSynth(t testing.TB, dir string, n int) []string {
	g := graph.New()
	if err := g.Apply(synth.Generate(synth.Config{Claims: n})); err != nil {
		t.Fatal(err)
	}
	var names []string
	for ext, write := range map[string]func(*bytes.Buffer) error{
		".yaml":  func(b *bytes.Buffer) error { return g.WriteYAML(b) },
		".json":  func(b *bytes.Buffer) error { return g.WriteJSON(b) },
		".jsonl": func(b *bytes.Buffer) error { return g.WriteJSONL(b) },
	} {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			t.Fatal(err)
		}
		name := filepath.Join(dir, "g"+ext)
		if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	return names
}

func TestOpenProgress(t *testing.T) {
	const n = 1000 // 400 to 700 kB: the read reports more than once
	for _, name := range writeSynth(t, t.TempDir(), n) {
		t.Run(filepath.Ext(name), func(t *testing.T) {
			info, err := os.Stat(name)
			if err != nil {
				t.Fatal(err)
			}
			log := &progressLog{t: t}
			g, err := graph.ReadOptions{Progress: log.f}.Open(name)
			if err != nil {
				t.Fatal(err)
			}
			if c := g.Counts().Claims; c != n {
				t.Errorf("read %d claims, want %d", c, n)
			}
			read := log.stage(graph.StageRead)
			if len(read) < 2 {
				t.Fatalf("read of %d bytes reported %d times", info.Size(), len(read))
			}
			for _, p := range read {
				if p.Total != info.Size() {
					t.Errorf("read: Total %d, want the file's size %d", p.Total, info.Size())
				}
			}
			if last := read[len(read)-1]; last.Done != info.Size() {
				t.Errorf("read ends at %d of %d bytes", last.Done, info.Size())
			}
			if last := log.calls[len(log.calls)-1]; last.Stage != graph.StageDecode {
				t.Errorf("last call %+v, want the decode stage", last)
			}
		})
	}
}

// A reader that is not a file has no size: Total stays 0 until the end.
func TestReadProgressUnknownSize(t *testing.T) {
	data := []byte("claimgraph: 1\nentities:\n  - {id: e, name: E, kind: person}\n")
	log := &progressLog{t: t}
	if _, err := (graph.ReadOptions{Progress: log.f}).ReadYAML(bytes.NewReader(data), "x.yaml"); err != nil {
		t.Fatal(err)
	}
	read := log.stage(graph.StageRead)
	for _, p := range read[:len(read)-1] {
		if p.Total != 0 {
			t.Errorf("Total %d before the end of an input of unknown size", p.Total)
		}
	}
	if last := read[len(read)-1]; last.Done != int64(len(data)) || last.Total != last.Done {
		t.Errorf("last read progress %+v, want Done == Total == %d", last, len(data))
	}
}

func TestOpen(t *testing.T) {
	dir := t.TempDir()
	names := writeSynth(t, dir, 50)
	for _, name := range names {
		g, err := graph.Open(name)
		if err != nil || g.Counts().Claims != 50 {
			t.Errorf("Open(%s): %v", name, err)
		}
		// Read picks the reader by the name alone, as Open does.
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		g, err = graph.ReadOptions{}.Read(bytes.NewReader(data), name)
		if err != nil || g.Counts().Claims != 50 {
			t.Errorf("Read(%s): %v", name, err)
		}
	}
	// The extension chooses the reader: JSON Lines read as YAML is
	// malformed, so a misnamed file is an error with its position.
	misnamed := filepath.Join(dir, "jsonl-as.yaml")
	data, err := os.ReadFile(filepath.Join(dir, "g.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(misnamed, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var list graph.ErrorList
	if _, err := graph.Open(misnamed); !errors.As(err, &list) || list[0].File != misnamed {
		t.Errorf("Open(JSON Lines named .yaml) = %v, want an ErrorList naming the file", err)
	}
	if _, err := (graph.ReadOptions{}).Read(bytes.NewReader(data), misnamed); !errors.As(err, &list) || list[0].File != misnamed {
		t.Errorf("Read(JSON Lines named .yaml) = %v, want an ErrorList naming the file", err)
	}
	if _, err := graph.Open(filepath.Join(dir, "none.json")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Open(missing file) = %v, want fs.ErrNotExist", err)
	}
}

func TestTicker(t *testing.T) {
	for _, total := range []int{0, 1, 255, 256, 1000, 100_000} {
		log := &progressLog{t: t}
		tick := graph.NewTicker(log.f, "items", total)
		for range total {
			tick.Tick()
		}
		tick.Finish()
		calls := log.stage("items")
		if len(calls) > 258 {
			t.Errorf("total %d: %d calls, want at most 258", total, len(calls))
		}
		if calls[0].Done != 0 {
			t.Errorf("total %d: first call %+v, want Done 0", total, calls[0])
		}
		if last := calls[len(calls)-1]; last.Done != int64(total) || last.Total != int64(total) {
			t.Errorf("total %d: last call %+v, want Done == Total", total, last)
		}
	}
	tick := graph.NewTicker(nil, "items", 10) // a nil callback is allowed
	tick.Tick()
	tick.Finish()
}

// Open reads a file in the format its name says: here JSON written by
// WriteJSON, and the same graph in YAML.
func ExampleOpen() {
	dir, err := os.MkdirTemp("", "example")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	yaml := "claimgraph: 1\nsources:\n  - {id: s, kind: news-article}\nclaims:\n  - {id: c, text: It rained., appearances: [{source: s}]}\n"
	g, err := graph.ReadYAML(bytes.NewReader([]byte(yaml)), "in.yaml")
	if err != nil {
		panic(err)
	}
	var buf bytes.Buffer
	if err := g.WriteJSON(&buf); err != nil {
		panic(err)
	}
	name := filepath.Join(dir, "g.json")
	if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
		panic(err)
	}
	h, err := graph.Open(name)
	if err != nil {
		panic(err)
	}
	fmt.Println(h.Counts().Claims, h.Counts().Sources)
	// Output: 1 1
}

// ReadOptions.Progress is told how far a read has got, here of a file
// of a few hundred kilobytes, and that decoding has begun.
func ExampleReadOptions_Open() {
	dir, err := os.MkdirTemp("", "example")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	g := graph.New()
	if err := g.Apply(synth.Generate(synth.Config{Claims: 1000})); err != nil {
		panic(err)
	}
	name := filepath.Join(dir, "g.jsonl")
	f, err := os.Create(name)
	if err != nil {
		panic(err)
	}
	if err := g.WriteJSONL(f); err != nil {
		panic(err)
	}
	f.Close()

	var last graph.Progress
	opts := graph.ReadOptions{Progress: func(p graph.Progress) {
		if p.Stage != last.Stage {
			fmt.Println("stage", p.Stage)
		}
		last = p
		if p.Stage == graph.StageRead && p.Done == p.Total {
			fmt.Println("read the whole file")
		}
	}}
	if _, err := opts.Open(name); err != nil {
		panic(err)
	}
	// Output:
	// stage read
	// read the whole file
	// stage decode
}

// BenchmarkReadProgress reads a JSON Lines graph of benchSize claims
// from memory without and with a progress callback, whose cost must not
// show.
func BenchmarkReadProgress(b *testing.B) {
	g := benchGraph(b, benchSize())
	var buf bytes.Buffer
	if err := g.WriteJSONL(&buf); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	calls := 0
	for _, bc := range []struct {
		name string
		opts graph.ReadOptions
	}{
		{"none", graph.ReadOptions{}},
		{"callback", graph.ReadOptions{Progress: func(graph.Progress) { calls++ }}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := bc.opts.ReadJSONL(bytes.NewReader(data), "bench.jsonl"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
