package af

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSharedInstances checks every framework under the shared data against
// the reference solutions beside it: the grounded extension everywhere, and
// for probo also the complete, preferred and stable extensions, compared as
// sets of sets. The probo .tgf copies must give the same answers.
func TestSharedInstances(t *testing.T) {
	root := sharedDir(t)
	files, err := filepath.Glob(filepath.Join(root, "*", "solutions", "*.apx.EE-*"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Skipf("../shared not present: no reference solutions under %s", root)
	}
	for _, sol := range files {
		dir := filepath.Dir(filepath.Dir(sol))
		base := filepath.Base(sol)
		dot := strings.LastIndex(base, ".EE-")
		inst, sem := base[:dot], base[dot+len(".EE-"):]
		s, err := ParseSemantics(sem)
		if err != nil {
			t.Fatalf("%s: %v", sol, err)
		}
		inputs := []string{filepath.Join(dir, inst)}
		tgf := strings.TrimSuffix(inputs[0], ".apx") + ".tgf"
		if _, err := os.Stat(tgf); err == nil {
			inputs = append(inputs, tgf)
		}
		for _, in := range inputs {
			t.Run(filepath.Base(dir)+"/"+filepath.Base(in)+"/"+sem, func(t *testing.T) {
				want := readSolution(t, sol)
				f, err := ReadFile(in, 0)
				if err != nil {
					t.Fatal(err)
				}
				exts, err := Extensions(f, s)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(want, names(f, exts)); diff != "" {
					t.Errorf("%s extensions (-want +got):\n%s", sem, diff)
				}
			})
		}
	}
}

func readSolution(t *testing.T, name string) [][]string {
	t.Helper()
	fh, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	exts, err := ReadExtensions(fh)
	if err != nil {
		t.Fatal(err)
	}
	return sortSets(exts)
}
