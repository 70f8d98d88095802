//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDrawRefusesBigWithoutForce: a drawing of more than maxDrawn claims
// and relations is not handed to Graphviz without --force, with a message
// that suggests a neighbourhood; DOT is still written, with a warning; a
// neighbourhood of the same graph renders.
func TestDrawRefusesBigWithoutForce(t *testing.T) {
	file := writeTemp(t, "line.yaml", supportLineYAML(maxDrawn/2+1)) // maxDrawn/2+2 claims, maxDrawn/2+1 relations
	mark := filepath.Join(t.TempDir(), "ran")
	fakeDot(t, `touch `+mark+`; echo '<svg/>' > "$3"`)
	out := filepath.Join(t.TempDir(), "g.svg")

	code, _, errs := runInterchange(t, "draw", file, "-o", out)
	if code != 1 || !strings.Contains(errs, "--claim ID --depth N") || !strings.Contains(errs, "--force") {
		t.Errorf("big drawing: exit %d, %q; want 1 and the suggestion", code, errs)
	}
	if _, err := os.Stat(mark); err == nil {
		t.Error("Graphviz ran on a drawing too big")
	}
	if code, _, errs := runInterchange(t, "draw", file, "-o", out, "--force"); code != 0 {
		t.Errorf("--force: exit %d: %s", code, errs)
	}
	if _, err := os.Stat(mark); err != nil {
		t.Error("Graphviz did not run with --force")
	}
	code, dotText, errs := runInterchange(t, "draw", file)
	if code != 0 || !strings.HasPrefix(dotText, "digraph") || !strings.Contains(errs, "warning:") {
		t.Errorf("DOT of a big drawing: exit %d, stderr %q", code, errs)
	}
	if code, _, errs := runInterchange(t, "draw", file, "--claim", "c5", "--depth", "2", "-o", out); code != 0 || errs != "" {
		t.Errorf("neighbourhood: exit %d, %q", code, errs)
	}
}
