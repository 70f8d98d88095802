package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/claimgraph/claimgraph/sources/truth"
)

// writeTriples writes n assertions in k shards to dir, deterministically:
// n/10 sources of power-law size assert one of four values for n/5
// objects, the first value most often. It returns the glob.
func writeTriples(b testing.TB, dir string, n, k int) string {
	b.Helper()
	r := rand.New(rand.NewPCG(1, 2))
	nSrc, nObj := max(n/10, 1), max(n/5, 1)
	zipf := rand.NewZipf(r, 1.2, 1, uint64(nSrc-1))
	for part := range k {
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("t-%02d.tsv", part)))
		if err != nil {
			b.Fatal(err)
		}
		w := bufio.NewWriter(f)
		for i := n * part / k; i < n*(part+1)/k; i++ {
			v := 0
			if r.IntN(3) == 0 {
				v = 1 + r.IntN(3)
			}
			fmt.Fprintf(w, "s%d\to%d\tv%d\n", zipf.Uint64(), r.IntN(nObj), v)
		}
		if err := w.Flush(); err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
	return filepath.Join(dir, "*.tsv")
}

var benchAssertions = flag.Int("assertions", 1_000_000, "assertions for BenchmarkSums and TestWriteTriples")

var triplesDir = flag.String("write-triples", "", "TestWriteTriples: write -assertions generated assertions under `DIR`")

// TestWriteTriples writes the input of BenchmarkSums, -assertions
// assertions, under the directory of -write-triples in 1, 2 and 4 shards
// (DIR/shards-K/t-*.tsv) and in one file (DIR/all.tsv), so that the
// program and "claimgraph trust --triples" can be timed on it from
// outside (/usr/bin/time -v), each in a process of its own:
//
//	go test -run TestWriteTriples -write-triples /tmp/t -assertions 1000000
func TestWriteTriples(t *testing.T) {
	if *triplesDir == "" {
		t.Skip("writes timing input only when asked: -write-triples DIR")
	}
	for _, k := range []int{1, 2, 4} {
		dir := filepath.Join(*triplesDir, fmt.Sprintf("shards-%d", k))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		writeTriples(t, dir, *benchAssertions, k)
	}
	if err := os.Link(filepath.Join(*triplesDir, "shards-1", "t-00.tsv"), filepath.Join(*triplesDir, "all.tsv")); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkSums runs Sums over 1M assertions (-assertions) on Prism in 1,
// 2 and 4 shards, and the library on the same assertions read from the
// same files:
//
//	go test -run '^$' -bench Sums -benchtime 1x -timeout 3h
func BenchmarkSums(b *testing.B) {
	n := *benchAssertions
	for _, k := range []int{1, 2, 4} {
		dir := b.TempDir()
		glob := writeTriples(b, dir, n, k)
		b.Run(fmt.Sprintf("prism/shards=%d", k), func(b *testing.B) {
			out := filepath.Join(b.TempDir(), "out.jsonl")
			for b.Loop() {
				if err := run(context.Background(), Config{Input: glob, Algorithm: "sums", Output: out}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "assertions/s")
		})
		if k != 1 {
			continue
		}
		b.Run("library", func(b *testing.B) {
			for b.Loop() {
				files, _ := filepath.Glob(glob)
				d := truth.NewDataset()
				for _, name := range files {
					f, err := os.Open(name)
					if err != nil {
						b.Fatal(err)
					}
					err = d.ReadTriples(f, name, truth.ReadOptions{})
					f.Close()
					if err != nil {
						b.Fatal(err)
					}
				}
				if _, err := truth.Discover(d, truth.Sums, truth.Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "assertions/s")
		})
	}
}
