package graph_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/google/go-cmp/cmp"
)

// TestEditYAMLKeepsComments merges b into a and removes c with its
// relation in a commented file, and compares the result with a golden
// file: every comment is kept, and untouched items keep their form.
func TestEditYAMLKeepsComments(t *testing.T) {
	in, err := os.ReadFile("testdata/edit-commented.yaml")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "desk.yaml")
	if err := os.WriteFile(path, in, 0o644); err != nil {
		t.Fatal(err)
	}
	err = graph.EditYAML(path, graph.Batch{
		Merges:          []graph.Merge{{Into: "a", From: "b"}},
		Remove:          []string{"c"},
		RemoveRelations: []claims.Relation{{From: "c", To: "d", Kind: claims.Contradicts}},
		Claims:          []claims.Claim{{ID: "e", Text: "E.", Appearances: []claims.Appearance{{Source: "s1"}}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	goldenFile(t, "testdata/edit-commented.golden", string(got))
	// The result reads back as the edited graph.
	g, err := graph.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if id, aliased := g.Resolve("b"); id != "a" || !aliased {
		t.Errorf("b resolves to %q", id)
	}
	// A failing edit leaves the file as it was.
	err = graph.EditYAML(path, graph.Batch{Remove: []string{"kim"}})
	if !errors.Is(err, graph.ErrReferenced) {
		t.Errorf("removing kim: %v", err)
	}
	after, _ := os.ReadFile(path)
	if string(after) != string(got) {
		t.Error("the failed edit changed the file")
	}
}

// goldenFile compares got with the file at path, or rewrites it when
// the environment has UPDATE_GOLDEN set.
func goldenFile(t *testing.T, path, got string) {
	t.Helper()
	if os.Getenv("UPDATE_GOLDEN") != "" {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with UPDATE_GOLDEN=1 to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", path, diff)
	}
}
