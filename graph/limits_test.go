package graph_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/internal/childtest"
)

// The tests of issue 15 (hostile input, round two) for the graph
// readers: each is named after a finding and failed before the fix.

// flowSequence is a YAML document within the size and node limits whose
// one flow sequence of n plain scalars took the parser 105 bytes of
// memory per byte of input.
func flowSequence(n int) []byte {
	var b bytes.Buffer
	b.WriteString("claimgraph: 1\nclaims: [")
	b.WriteString(strings.Repeat("a,", n))
	b.WriteString("a]\n")
	return b.Bytes()
}

// TestYAMLFlowSequenceOutOfMemory: a 20 MB flow sequence took 2.1 GB
// and 16 s to report one problem; under a 512 MiB limit it must be
// refused before the parser builds its tree.
func TestYAMLFlowSequenceOutOfMemory(t *testing.T) {
	data := flowSequence(10_000_000)
	msg, rss := childtest.Run(t, 512<<20, func() error {
		_, err := graph.ReadYAML(bytes.NewReader(data), "flow.yaml")
		return err
	})
	if !strings.Contains(msg, "flow.yaml:2:") || !strings.Contains(msg, "limit exceeded: more than") {
		t.Errorf("got %q, want the node budget at line 2", msg)
	}
	t.Logf("%d MB: %s; peak RSS %d MiB", len(data)>>20, msg, rss>>20)
}

// TestJSONDenseArrayOutOfMemory: the JSON reader made a node of 160
// bytes for every 2 bytes of "[1,1,…]", 850 MB for these 10 MB; the node
// budget stops it at one node per 4 bytes, half that.
func TestJSONDenseArrayOutOfMemory(t *testing.T) {
	data := []byte(`{"claimgraph": 1, "claims": [` + strings.Repeat("1,", 5_000_000) + "1]}\n")
	msg, rss := childtest.Run(t, 700<<20, func() error {
		_, err := graph.ReadJSON(bytes.NewReader(data), "dense.json")
		return err
	})
	if !strings.Contains(msg, "dense.json:1:") || !strings.Contains(msg, "JSON values") {
		t.Errorf("got %q, want the node budget", msg)
	}
	t.Logf("%d MB: %s; peak RSS %d MiB", len(data)>>20, msg, rss>>20)
}

// TestOversizeFileReadFirst: a file larger than MaxBytes was read (256
// MiB of it) before it was refused; its size now refuses it unread, in
// a process that could not hold it.
func TestOversizeFileReadFirst(t *testing.T) {
	for _, ext := range []string{".yaml", ".json", ".jsonl"} {
		t.Run(ext, func(t *testing.T) {
			// A sparse file: 270 MB that take no room on disk. The code
			// before Run runs in the child too, which makes its own.
			path := filepath.Join(t.TempDir(), "big"+ext)
			f, err := os.Create(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := errors.Join(f.Truncate(270<<20), f.Close()); err != nil {
				t.Fatal(err)
			}
			msg, rss := childtest.Run(t, 200<<20, func() error {
				_, err := graph.ReadOptions{MaxBytes: 100 << 20}.Open(path)
				return err
			})
			if !strings.Contains(msg, "input larger than 104857600 bytes (283115520 bytes)") {
				t.Errorf("got %q, want the size refused", msg)
			}
			t.Logf("%s; peak RSS %d MiB", msg, rss>>20)
		})
	}
}
