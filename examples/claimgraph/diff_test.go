package main

import (
	"path/filepath"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

func TestDiffGolden(t *testing.T) {
	pkg := chdirRoot(t)
	old, new := filepath.Join(pkg, "testdata/diff-old.yaml"), filepath.Join(pkg, "testdata/diff-new.yaml")
	golden(t, pkg, "diff.golden", runCmd(t, 1, "diff", old, new))
	golden(t, pkg, "diff.json.golden", runCmd(t, 1, "diff", old, new, "--json"))
	// The other way round, b is no longer merged: a claim b is added.
	golden(t, pkg, "diff-back.golden", runCmd(t, 1, "diff", new, old))
}

func TestDiffSameFileExitsZero(t *testing.T) {
	pkg := chdirRoot(t)
	f := filepath.Join(pkg, "testdata/diff-old.yaml")
	if got, want := runCmd(t, 0, "diff", f, f), "0 verdicts changed\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	runCmd(t, 2, "diff", f)
	runCmd(t, 2, "diff", f, f, "--at", "June")
}

// TestDiffSeedTreaty is the README's example: the seed data without the
// treaty claim.
func TestDiffSeedTreaty(t *testing.T) {
	pkg := chdirRoot(t)
	needKimPutin(t)
	g, err := graph.Load(defaultFile)
	if err != nil {
		t.Fatal(err)
	}
	const treaty = "russia-dprk-defence-treaty-2024"
	rels, err := g.RelationsOf(treaty)
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Apply(graph.Batch{Remove: []string{treaty}, RemoveRelations: rels}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "no-treaty.yaml")
	if err := g.Save(out); err != nil {
		t.Fatal(err)
	}
	golden(t, pkg, "diff-seed.golden", runCmd(t, 1, "diff", defaultFile, out))
}
