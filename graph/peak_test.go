package graph_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/internal/childtest"
	"github.com/claimgraph/claimgraph/graph/synth"
)

// TestPeakMemory measures the peak resident memory of each graph reader
// on the densest input its limits accept and on a generated graph, in a
// child process, for the table in the README ("How errors are
// reported"). It writes large files and takes minutes, so it runs only
// when asked:
//
//	CLAIMGRAPH_PEAK=64 go test -run TestPeakMemory -v ./graph
//
// with the input size in MiB.
func TestPeakMemory(t *testing.T) {
	mib := 0
	fmt.Sscan(os.Getenv("CLAIMGRAPH_PEAK"), &mib)
	if mib <= 0 {
		t.Skip("set CLAIMGRAPH_PEAK to the input size in MiB to measure")
	}
	size := mib << 20
	dir := filepath.Join(os.TempDir(), "claimgraph-peak")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	// repeat writes head, then item until size, then tail.
	repeat := func(name, head, item, tail string) string {
		path := filepath.Join(dir, name)
		if childtest.Child(t) {
			return path
		}
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		w := bufio.NewWriter(f)
		w.WriteString(head)
		for n := len(head) + len(tail); item != "" && n+len(item) <= size; n += len(item) {
			w.WriteString(item)
		}
		w.WriteString(tail)
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		f.Close()
		return path
	}
	generated := func(name string, claims int) string {
		path := filepath.Join(dir, name)
		if childtest.Child(t) {
			return path
		}
		g := graph.New()
		if err := g.Apply(synth.Generate(synth.Config{Claims: claims})); err != nil {
			t.Fatal(err)
		}
		write := g.WriteYAML
		switch filepath.Ext(path) {
		case ".json":
			write = g.WriteJSON
		case ".jsonl":
			write = g.WriteJSONL
		}
		if err := graph.SaveWith(path, write); err != nil {
			t.Fatal(err)
		}
		return path
	}
	opts := graph.ReadOptions{MaxBytes: 1 << 40}
	cases := []struct{ name, path string }{
		{"empty YAML (baseline)", repeat("empty.yaml", "claimgraph: 1\n", "", "")},
		{"YAML flow sequence at the node budget", repeat("dense.yaml", "claimgraph: 1\nclaims: [", "aaa,", "a]\n")},
		{"JSON array at the node budget", repeat("dense.json", `{"claimgraph": 1, "claims": [`, "1,  ", "1]}\n")},
		{"JSON Lines, one value a line at the budget", repeat("dense.jsonl", "{\"claimgraph\":1}\n", "{\"claim\":[1,  1,  1,  1,  1,  1,  1,  1,  1,  1]}\n", "")},
		{"generated graph, YAML", generated("gen.yaml", size/450)},
		{"generated graph, JSON", generated("gen.json", size/520)},
		{"generated graph, JSON Lines", generated("gen.jsonl", size/420)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			msg, rss := childtest.Run(t, 16<<30, func() error {
				_, err := opts.Open(c.path)
				return err
			})
			info, err := os.Stat(c.path)
			if err != nil {
				t.Fatal(err)
			}
			first, _, _ := strings.Cut(msg, "\n")
			t.Logf("| %s | %.1f MiB | %d MiB | %.1f× | %.80s", c.name, float64(info.Size())/(1<<20), rss>>20, float64(rss)/float64(info.Size()), first)
		})
	}
}
