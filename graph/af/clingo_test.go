package af

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// clingoGrounded runs clingo on the project's own grounded encoding
// (testdata/grounded.lp) and the framework in the APX file, and returns the
// indices of the arguments clingo puts in the grounded extension. Argument
// names must be the 1-based numbers that unnamed arguments have.
func clingoGrounded(tb testing.TB, clingo, apx string) []int {
	tb.Helper()
	cmd := exec.Command(clingo, "--verbose=0", "--outf=0", filepath.Join("testdata", "grounded.lp"), apx)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	// clingo exits 10 for satisfiable, 30 when all models were enumerated.
	if ee, ok := err.(*exec.ExitError); err != nil && (!ok || ee.ExitCode()&10 == 0) {
		tb.Fatalf("clingo: %v\n%s", err, stderr.Bytes())
	}
	ext := []int{}
	for _, tok := range strings.Fields(string(out)) {
		inner, ok := strings.CutPrefix(tok, "ground_in(")
		if !ok {
			continue
		}
		k, err := strconv.Atoi(strings.TrimSuffix(inner, ")"))
		if err != nil {
			tb.Fatalf("clingo output %q: %v", tok, err)
		}
		ext = append(ext, k-1)
	}
	if !strings.Contains(string(out), "SATISFIABLE") {
		tb.Fatalf("clingo found no model:\n%s", out)
	}
	slices.Sort(ext)
	return ext
}

// lookClingo returns the path of clingo or skips.
func lookClingo(tb testing.TB) string {
	tb.Helper()
	path, err := exec.LookPath("clingo")
	if err != nil {
		tb.Skipf("clingo not installed (Debian package gringo): %v", err)
	}
	return path
}

// writeAPXFile writes f to a temporary .apx file and returns its path.
func writeAPXFile(tb testing.TB, f *Framework) string {
	tb.Helper()
	name := filepath.Join(tb.TempDir(), "af.apx")
	fh, err := os.Create(name)
	if err != nil {
		tb.Fatal(err)
	}
	if err := WriteAPX(fh, f); err != nil {
		tb.Fatal(err)
	}
	if err := fh.Close(); err != nil {
		tb.Fatal(err)
	}
	return name
}

// TestGroundedClingo compares Grounded with clingo on random frameworks:
// sparse ones (as many attacks as arguments, large grounded parts) and
// dense ones (four attacks per argument, mostly undecided).
func TestGroundedClingo(t *testing.T) {
	clingo := lookClingo(t)
	rng := rand.New(rand.NewPCG(1, 1))
	sizes, budget := []int{10, 100, 1000, 10_000, 100_000}, 1000
	if testing.Short() {
		// Each framework is a clingo process; -short keeps a few of each
		// shape up to 1000 arguments. CI runs the full set without -short.
		sizes, budget = sizes[:3], 100
	}
	for _, n := range sizes {
		for _, density := range []int{1, 4} {
			reps := max(1, budget/n) // several small frameworks, one large
			for rep := range reps {
				f := randomFramework(rng, n, density*n)
				t.Run(fmt.Sprintf("n=%d/m=%d/%d", n, density*n, rep), func(t *testing.T) {
					want := clingoGrounded(t, clingo, writeAPXFile(t, f))
					if diff := cmp.Diff(want, Grounded(f).In()); diff != "" {
						t.Errorf("grounded extension (-clingo +Grounded):\n%s", diff)
					}
				})
			}
		}
	}
}
