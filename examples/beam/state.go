package main

import (
	"bufio"
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
)

// The state between two pipelines of a run (see [run]) is kept in a
// work directory as shards of gob-encoded elements, one file per shard:
// DIR/NAME-00000.gob. gob keeps float64 exactly (and Inf and NaN, which
// JSON does not), so a run cut into blocks computes what one unbroken
// pipeline would. The files go through Beam's file systems, so that the
// workers of a cluster share them (a gs:// work directory on Dataflow).

// stateShards is how many files each state is written in.
const stateShards = 4

// IDName is a source's number and name, as the state keeps them.
type IDName struct {
	ID   int64
	Name string
}

// IDFact is a fact's number and names, as the state keeps them.
type IDFact struct {
	ID int64
	FactName
}

// save writes the elements of col as the state NAME in dir.
func save(s beam.Scope, dir, name string, col beam.PCollection) {
	s = s.Scope("save " + name)
	keyed := beam.ParDo(s, &shardKey{N: stateShards}, col)
	beam.ParDo0(s, &writeShard{Dir: dir, Name: name}, beam.GroupByKey(s, keyed))
}

// shardKey spreads elements over N shards, in turn.
type shardKey struct {
	N int
	i int
}

func (fn *shardKey) ProcessElement(x beam.T) (int, beam.T) {
	fn.i++
	return fn.i % fn.N, x
}

// writeShard writes one shard of a state.
type writeShard struct{ Dir, Name string }

func (fn *writeShard) ProcessElement(ctx context.Context, k int, iter func(*beam.T) bool) error {
	name := shardPath(fn.Dir, fn.Name, k)
	if !strings.Contains(name, "://") {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return err
		}
	}
	// Encoded straight into the file, through a buffer, not held whole.
	return writeFile(ctx, name, func(w io.Writer) error {
		bw := bufio.NewWriter(w)
		enc := gob.NewEncoder(bw)
		var x beam.T
		for iter(&x) {
			if err := enc.Encode(x); err != nil {
				return fmt.Errorf("state %s: %w", fn.Name, err)
			}
		}
		return bw.Flush()
	})
}

func shardPath(dir, name string, k int) string {
	return fmt.Sprintf("%s/%s-%05d.gob", strings.TrimSuffix(dir, "/"), name, k)
}

// writeFile writes the file name with write through Beam's file systems;
// a local file is written to a temporary file beside it and renamed into
// place, so that a failed run leaves no half file (a remote one is
// written in place: Beam's file systems have no rename).
func writeFile(ctx context.Context, name string, write func(io.Writer) error) error {
	if !strings.Contains(name, "://") {
		return writeLocal(name, write)
	}
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return err
	}
	defer fs.Close()
	w, err := fs.OpenWrite(ctx, name)
	if err != nil {
		return err
	}
	if err := write(w); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

// stateFiles lists the shards of the state NAME in dir, sorted; none if
// the state is empty.
func stateFiles(ctx context.Context, dir, name string) ([]string, error) {
	return listSorted(ctx, strings.TrimSuffix(dir, "/")+"/"+name+"-*.gob")
}

// loader loads states into the pipeline of scope s, keeping the first
// error.
type loader struct {
	ctx context.Context
	s   beam.Scope
	err error
}

// load reads the state NAME of dir with the DoFn read, which decodes one
// shard (see [readGob]). The shards are listed now, while the pipeline
// is built. After an error it reads no shard: the pipeline is built to
// its end, not run.
func (ld *loader) load(dir, name string, read any) beam.PCollection {
	var files []string
	if ld.err == nil {
		files, ld.err = stateFiles(ld.ctx, dir, name)
	}
	s := ld.s.Scope("load " + name)
	if ld.err != nil || files == nil {
		files = []string{}
	}
	return beam.ParDo(s, read, beam.CreateList(s, files))
}

// readGob decodes the elements of the shard name, one T at a time.
func readGob[T any](ctx context.Context, name string, emit func(T)) error {
	r, err := open(ctx, name)
	if err != nil {
		return err
	}
	defer r.Close()
	dec := gob.NewDecoder(r)
	for {
		var x T
		err := dec.Decode(&x)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		emit(x)
	}
}

// readAll decodes every shard of the state NAME of dir in this process:
// the driver reads the statistics of a block so.
func readAll[T any](ctx context.Context, dir, name string) ([]T, error) {
	files, err := stateFiles(ctx, dir, name)
	if err != nil {
		return nil, err
	}
	var out []T
	for _, f := range files {
		if err := readGob(ctx, f, func(x T) { out = append(out, x) }); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// The readers of the states, one per element type.

func readSrcs(ctx context.Context, name string, emit func(int64, Src)) error {
	return readGob(ctx, name, func(x Src) { emit(x.ID, x) })
}

func readFacts(ctx context.Context, name string, emit func(Fact)) error {
	return readGob(ctx, name, emit)
}

func readObjs(ctx context.Context, name string, emit func(int64, Obj)) error {
	return readGob(ctx, name, func(o Obj) { emit(o.ID, o) })
}

func readPairs(ctx context.Context, name string, emit func(int64, Pairs)) error {
	return readGob(ctx, name, func(p Pairs) { emit(srcBucket(p.A), p) })
}

func readSrcNames(ctx context.Context, name string, emit func(int64, string)) error {
	return readGob(ctx, name, func(x IDName) { emit(x.ID, x.Name) })
}

func readFactNames(ctx context.Context, name string, emit func(int64, FactName)) error {
	return readGob(ctx, name, func(x IDFact) { emit(x.ID, x.FactName) })
}

func readOrigins(ctx context.Context, name string, emit func(OriginsRow)) error {
	return readGob(ctx, name, emit)
}

func srcName(id int64, name string) IDName { return IDName{ID: id, Name: name} }
func factName(id int64, n FactName) IDFact { return IDFact{ID: id, FactName: n} }
func objValue(_ int64, o Obj) Obj          { return o }
func pairsValue(_ int64, p Pairs) Pairs    { return p }
