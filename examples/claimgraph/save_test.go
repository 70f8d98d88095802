//go:build unix

package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

// The tests of -o outputs: every command writes through graph.SaveWith, so
// that a failure, a limit or a signal leaves the old file. Those that need
// a process to die or a limit run the test binary again as a child:
// TestOutputChild does what CLAIMGRAPH_CHILD names.

const oldOutput = "the old output, which a failed command must leave\n"

// outputDir makes a directory with the graph g.yaml and an old output file
// named out, and returns the paths of both.
func outputDir(t *testing.T, out string) (graphFile, outFile string) {
	t.Helper()
	dir := t.TempDir()
	graphFile = filepath.Join(dir, "g.yaml")
	outFile = filepath.Join(dir, out)
	if err := os.WriteFile(graphFile, []byte(drawYAML), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(outFile, []byte(oldOutput), 0o644); err != nil {
		t.Fatal(err)
	}
	return graphFile, outFile
}

// checkOld fails t unless path holds the old output and its directory
// nothing but path and the files named in also.
func checkOld(t *testing.T, path string, also ...string) {
	t.Helper()
	if got, err := os.ReadFile(path); err != nil || string(got) != oldOutput {
		t.Errorf("%s now holds %q (%v), want the old output", filepath.Base(path), got, err)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	for _, e := range entries {
		if n := e.Name(); n != filepath.Base(path) && n != "g.yaml" && !strings.Contains(strings.Join(also, " "), n) {
			t.Errorf("left behind: %s", n)
		}
	}
}

// fakeDot writes a shell script standing for Graphviz dot that runs body
// with $3 the file of -o, and makes lookDot find it for this test.
func fakeDot(t *testing.T, body string) string {
	t.Helper()
	prog := filepath.Join(t.TempDir(), "dot")
	if err := os.WriteFile(prog, []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	old := lookDot
	lookDot = func() (string, error) { return prog, nil }
	t.Cleanup(func() { lookDot = old })
	return prog
}

// TestDrawGraphvizFailureKeepsOldFile: dot writes part of the picture and
// fails; the old picture stays, no temporary file remains, and the error
// names the picture, not the temporary file.
func TestDrawGraphvizFailureKeepsOldFile(t *testing.T) {
	g, out := outputDir(t, "g.svg")
	fakeDot(t, `echo partial > "$3"; echo "cannot write $3" >&2; exit 1`)
	code, _, errs := runInterchange(t, "draw", g, "-o", out)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(errs, out) || strings.Contains(errs, ".tmp-") {
		t.Errorf("error %q: want it to name %s and no temporary file", errs, out)
	}
	checkOld(t, out)
}

// TestDrawRendersIntoTemporaryFile: a dot that succeeds replaces the old
// picture with what it wrote.
func TestDrawRendersIntoTemporaryFile(t *testing.T) {
	g, out := outputDir(t, "g.svg")
	fakeDot(t, `echo '<svg/>' > "$3"`)
	if code, _, errs := runInterchange(t, "draw", g, "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if got, _ := os.ReadFile(out); string(got) != "<svg/>\n" {
		t.Errorf("picture holds %q", got)
	}
}

// TestOutputChild is the child's side of the tests below; run alone it
// does nothing.
func TestOutputChild(t *testing.T) {
	what := os.Getenv("CLAIMGRAPH_CHILD")
	if what == "" {
		t.Skip("only run as a child of the output tests")
	}
	args := strings.Fields(os.Getenv("CLAIMGRAPH_ARGS"))
	switch what {
	case "main": // main, with the fake dot of CLAIMGRAPH_DOT
		lookDot = func() (string, error) { return os.Getenv("CLAIMGRAPH_DOT"), nil }
		os.Args = append([]string{"claimgraph"}, args...)
		main()
	case "fsize": // run under a file-size limit of 64 bytes; the Go runtime ignores SIGXFSZ
		lim := syscall.Rlimit{Cur: 64, Max: 64}
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
			t.Fatal(err)
		}
		os.Exit(run(args, os.Stdout, os.Stderr))
	}
}

// outputChild returns the command running the test binary as a child
// doing what with the command line args.
func outputChild(what string, args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestOutputChild$")
	cmd.Env = append(os.Environ(), "CLAIMGRAPH_CHILD="+what, "CLAIMGRAPH_ARGS="+strings.Join(args, " "))
	return cmd
}

// TestDrawInterruptedKeepsOldFile: draw stopped by SIGTERM or an
// interrupt while Graphviz renders leaves the old picture and no
// temporary file (main's handler removes it).
func TestDrawInterruptedKeepsOldFile(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		g, out := outputDir(t, "g.svg")
		mark := filepath.Join(t.TempDir(), "rendering")
		prog := fakeDot(t, `echo partial > "$3"; touch `+mark+`; exec sleep 30`)
		cmd := outputChild("main", "draw", g, "-o", out)
		cmd.Env = append(cmd.Env, "CLAIMGRAPH_DOT="+prog)
		cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // to end the fake dot too
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		for _, err := os.Stat(mark); err != nil; _, err = os.Stat(mark) {
			time.Sleep(5 * time.Millisecond)
		}
		cmd.Process.Signal(sig)
		err := cmd.Wait()
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 128+int(sig) {
			t.Errorf("%v: child ended with %v, want exit status %d", sig, err, 128+int(sig))
		}
		checkOld(t, out)
	}
}

// TestExportFileSizeLimit: export -o that fills the file-size limit
// (ulimit -f) exits 1 naming the output and leaves the old file.
func TestExportFileSizeLimit(t *testing.T) {
	g, out := outputDir(t, "g.json")
	b, err := outputChild("fsize", "export", g, "--format", "json", "-o", out).CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Fatalf("child: %v, want exit status 1\n%s", err, b)
	}
	if msg := string(b); !strings.Contains(msg, out+": write") || strings.Contains(msg, ".tmp-") {
		t.Errorf("error %q: want a write error naming %s and no temporary file", msg, out)
	}
	checkOld(t, out)
}

// TestOutputSymlinkAndReadOnly: every command's -o follows a symbolic
// link and writes the file it names, and refuses a read-only file.
func TestOutputSymlinkAndReadOnly(t *testing.T) {
	for _, c := range []struct{ ext, cmd string }{{"json", "export"}, {"dot", "draw"}, {"html", "html"}} {
		g, out := outputDir(t, "real."+c.ext)
		link := filepath.Join(filepath.Dir(out), "link."+c.ext)
		os.Symlink(filepath.Base(out), link)
		args := []string{c.cmd, g, "-o", link}
		if c.cmd == "export" {
			args = append(args, "--format", "json")
		}
		if code, _, errs := runInterchange(t, args...); code != 0 {
			t.Fatalf("%s -o link: exit %d: %s", c.cmd, code, errs)
		}
		if got, _ := os.ReadFile(out); string(got) == oldOutput || len(got) == 0 {
			t.Errorf("%s -o link: the linked file was not written", c.cmd)
		}
		if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Errorf("%s -o link: the link was replaced", c.cmd)
		}
		os.WriteFile(out, []byte(oldOutput), 0o444)
		os.Chmod(out, 0o444)
		code, _, errs := runInterchange(t, args...)
		if code != 1 || !strings.Contains(errs, graph.ErrNotWritable.Error()) {
			t.Errorf("%s -o read-only: exit %d, %q; want 1 and the refusal", c.cmd, code, errs)
		}
		checkOld(t, out, "link."+c.ext)
	}
}

// TestImportOutputReadOnly: import -o (graph.Save) refuses a read-only
// file like the others.
func TestImportOutputReadOnly(t *testing.T) {
	in := importsTestdata("cleaning.argdown.json")
	out := filepath.Join(t.TempDir(), "out.yaml")
	os.WriteFile(out, []byte(oldOutput), 0o444)
	code, _, errs := runInterchange(t, "import", "--from", "argdown", in, "-o", out)
	if code != 1 || !strings.Contains(errs, graph.ErrNotWritable.Error()) {
		t.Errorf("exit %d, %q; want 1 and the refusal", code, errs)
	}
	if got, _ := os.ReadFile(out); string(got) != oldOutput {
		t.Errorf("read-only output now holds %q", got)
	}
}
