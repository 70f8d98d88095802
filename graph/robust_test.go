package graph_test

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/synth"
	dgraph "github.com/dominikbraun/graph"
)

func TestSaveIsAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "g.yaml")
	g := exampleGraph()
	if err := g.Save(path); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// The saved file loads back to the same graph.
	g2, err := graph.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if yamlOf(t, g) != yamlOf(t, g2) {
		t.Error("saved graph differs after loading")
	}

	t.Run("read-only directory", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("running as root: a read-only directory does not stop root from writing")
		}
		if err := os.Chmod(dir, 0o555); err != nil {
			t.Fatal(err)
		}
		defer os.Chmod(dir, 0o755)
		_ = g.AddEntity(claims.Entity{ID: "late", Name: "Late", Kind: claims.Person})
		if err := g.Save(path); err == nil {
			t.Fatal("Save into a read-only directory succeeded")
		}
		assertUnchanged(t, path, before)
	})
	t.Run("target is a directory", func(t *testing.T) {
		sub := filepath.Join(dir, "sub")
		if err := os.Mkdir(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := g.Save(sub); err == nil {
			t.Fatal("Save over a directory succeeded")
		}
		assertNoTemp(t, dir)
	})
	t.Run("missing directory", func(t *testing.T) {
		if err := g.Save(filepath.Join(dir, "no", "such", "g.yaml")); err == nil {
			t.Fatal("Save into a missing directory succeeded")
		}
	})
}

func TestSaveFailingWriterLeavesFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "g.yaml")
	if err := exampleGraph().Save(path); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	// A write that fails part-way, after some bytes reached the temporary
	// file: the target must stay as it was and no temporary file remain.
	err := graph.SaveWith(path, func(w io.Writer) error {
		if _, err := io.WriteString(w, "claimgraph: 1\nentities:\n  - id: half"); err != nil {
			return err
		}
		return errors.New("disk full")
	})
	if err == nil {
		t.Fatal("SaveWith with a failing writer succeeded")
	}
	assertUnchanged(t, path, before)
	assertNoTemp(t, dir)
}

func assertUnchanged(t *testing.T, path string, before []byte) {
	t.Helper()
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(after) != string(before) {
		t.Errorf("%s changed by a failed save", path)
	}
}

func assertNoTemp(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if filepath.Ext(e.Name()) != ".yaml" && e.Name() != "sub" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// TestConcurrentReadersOneWriter runs queries, dated views and
// iterations while batches are applied; under -race it checks the
// locking, and every reader checks that it never sees half a batch.
func TestConcurrentReadersOneWriter(t *testing.T) {
	g := graph.New()
	if err := g.Apply(synth.Generate(synth.Config{Claims: 2000})); err != nil {
		t.Fatal(err)
	}
	const batches = 50
	var wg sync.WaitGroup
	stop := make(chan struct{})
	wg.Add(1)
	go func() { // the writer: each batch adds a pair of claims and their contradiction
		defer wg.Done()
		defer close(stop)
		for i := range batches {
			a, b := fmt.Sprintf("w%da", i), fmt.Sprintf("w%db", i)
			err := g.Apply(graph.Batch{
				Claims:    []claims.Claim{{ID: a, Text: "A."}, {ID: b, Text: "B."}},
				Relations: []claims.Relation{{From: a, To: b, Kind: claims.Contradicts}},
			})
			if err != nil {
				t.Error(err)
				return
			}
			// A failing batch in between must leave no trace.
			if err := g.Apply(graph.Batch{Claims: []claims.Claim{{ID: a + "x", Text: "X", About: []string{"none"}}}}); err == nil {
				t.Error("bad batch accepted")
			}
		}
	}()
	for r := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				c := g.Counts()
				// Claims come in pairs with their contradiction.
				if extra := c.Claims - 2000; extra%2 != 0 {
					t.Errorf("reader %d saw %d claims: half a batch", r, c.Claims)
					return
				}
				if _, err := g.Contradictions(synth.ClaimID(i % 2000)); err != nil {
					t.Error(err)
					return
				}
				if _, err := g.At(claims.MustDate(2024, 1, 1)).SupportChains(synth.ClaimID(i%2000), 2); err != nil {
					t.Error(err)
					return
				}
				for cl := range g.Claims() {
					if _, ok := g.Claim(cl.ID); !ok { // a query inside the loop body
						t.Errorf("claim %s vanished", cl.ID)
					}
					break
				}
				if _, err := g.Underlying().Edge(synth.ClaimID(1), synth.ClaimID(0)); err != nil && !errors.Is(err, dgraph.ErrEdgeNotFound) {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	if got := g.Counts().Claims; got != 2000+2*batches {
		t.Errorf("%d claims at the end, want %d", got, 2000+2*batches)
	}
}
