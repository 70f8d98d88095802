//go:build unix

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

const oldOutput = "the old graph, which a failed run must leave\n"

// TestSynthChild runs synth with the arguments of SYNTH_ARGS under a
// file-size limit of 4 KiB (the Go runtime ignores SIGXFSZ), as the child
// of TestSynthFileSizeLimitKeepsOldFile; run alone it does nothing.
func TestSynthChild(t *testing.T) {
	args := os.Getenv("SYNTH_ARGS")
	if args == "" {
		t.Skip("only run as a child of TestSynthFileSizeLimitKeepsOldFile")
	}
	lim := syscall.Rlimit{Cur: 4 << 10, Max: 4 << 10}
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		t.Fatal(err)
	}
	if err := run(strings.Fields(args), nil); err != nil {
		os.Stdout.WriteString("\nerror: " + err.Error() + "\n")
		os.Exit(1)
	}
}

// TestSynthFileSizeLimitKeepsOldFile: synth -o stopped by a full disk (a
// file-size limit) fails naming the output, and leaves the old file, where
// it used to truncate it first and leave a partial (or, killed early, an
// empty) file.
func TestSynthFileSizeLimitKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "g.yaml")
	os.WriteFile(out, []byte(oldOutput), 0o644)
	cmd := exec.Command(os.Args[0], "-test.run=^TestSynthChild$")
	cmd.Env = append(os.Environ(), "SYNTH_ARGS=-claims 200 -o "+out)
	b, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("synth past the file-size limit succeeded:\n%s", b)
	}
	if msg := string(b); !strings.Contains(msg, "error: graph: saving "+out) || strings.Contains(msg, ".tmp-") {
		t.Errorf("output %q: want an error naming %s and no temporary file", msg, out)
	}
	if got, _ := os.ReadFile(out); string(got) != oldOutput {
		t.Errorf("%s holds %d bytes, want the old file", out, len(got))
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files left, want g.yaml alone", len(entries))
	}
}
