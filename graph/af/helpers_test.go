package af

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// sharedDir returns the shared data directory for argumentation, found as
// ../shared beside the module root (the directory holding go.mod), or skips
// the test when it is absent.
func sharedDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("../shared not present: no go.mod above the test directory")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared", "data", "argumentation")
	if _, err := os.Stat(shared); err != nil {
		t.Skipf("../shared not present: %v", err)
	}
	return shared
}

// names maps extensions of indices to sorted lists of names, and sorts the
// list, so that sets of sets compare with cmp.Diff.
func names(f *Framework, exts [][]int) [][]string {
	out := [][]string{}
	for _, e := range exts {
		s := []string{}
		for _, i := range e {
			s = append(s, f.Name(i))
		}
		slices.Sort(s)
		out = append(out, s)
	}
	return sortSets(out)
}

// sortSets sorts each set and the list of sets.
func sortSets(sets [][]string) [][]string {
	for _, s := range sets {
		slices.Sort(s)
	}
	slices.SortFunc(sets, func(a, b []string) int {
		return strings.Compare(strings.Join(a, ","), strings.Join(b, ","))
	})
	return sets
}

// randomFramework returns a framework of n unnamed arguments and m random
// attacks (self-attacks and repeats possible) drawn from rng.
func randomFramework(rng *rand.Rand, n, m int) *Framework {
	f := New(n)
	for range m {
		if err := f.Attack(rng.IntN(n), rng.IntN(n)); err != nil {
			panic(err)
		}
	}
	return f
}

// build returns a framework of n unnamed arguments with the given attacks.
func build(t testing.TB, n int, attacks [][2]int) *Framework {
	t.Helper()
	f := New(n)
	for _, a := range attacks {
		if err := f.Attack(a[0], a[1]); err != nil {
			t.Fatal(err)
		}
	}
	return f
}
