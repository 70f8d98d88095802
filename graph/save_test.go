//go:build unix

package graph_test

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// The save tests that need a process to die or to hit a limit run the
// test binary again as a child: saveChild (below) does what the variable
// GRAPH_SAVE_CHILD names, on the file GRAPH_SAVE_PATH.

const oldContent = "claimgraph: 1\n# the old file, which a failed save must leave\n"

// writeOld writes the old content at dir/name and returns its path.
func writeOld(t *testing.T, dir, name string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(oldContent), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// dirNames lists the names in dir.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

// child starts the test binary as a child doing what, saving to path.
func child(t *testing.T, what, path string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestSaveChild$", "-test.v")
	cmd.Env = append(os.Environ(), "GRAPH_SAVE_CHILD="+what, "GRAPH_SAVE_PATH="+path)
	return cmd
}

// TestSaveChild is the child's side of the tests below; run alone it does
// nothing.
func TestSaveChild(t *testing.T) {
	what, path := os.Getenv("GRAPH_SAVE_CHILD"), os.Getenv("GRAPH_SAVE_PATH")
	if what == "" {
		t.Skip("only run as a child of the save tests")
	}
	big := bytes.Repeat([]byte("x"), 1<<20) // past the save's buffer
	switch what {
	case "hang", "hang-handled":
		if what == "hang-handled" {
			// What a program's signal handler does (see AbortSaves).
			c := make(chan os.Signal, 1)
			signal.Notify(c, syscall.SIGINT, syscall.SIGTERM)
			go func() { <-c; graph.AbortSaves(); os.Exit(3) }()
		}
		graph.SaveWith(path, func(w io.Writer) error {
			w.Write(big)
			os.Stdout.WriteString("\nwriting\n")
			select {} // killed here, mid-write
		})
	case "abort":
		graph.AbortSaves()
		if err := graph.SaveWith(path, func(io.Writer) error { return nil }); err == nil {
			t.Error("a save after AbortSaves succeeded")
		}
	case "fsize":
		// A file-size limit of 64 KiB; the Go runtime ignores SIGXFSZ, so
		// the write fails with EFBIG instead of killing the process.
		lim := syscall.Rlimit{Cur: 64 << 10, Max: 64 << 10}
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
			t.Fatal(err)
		}
		err := graph.SaveWith(path, func(w io.Writer) error { _, err := w.Write(big); return err })
		if err == nil {
			t.Fatal("a save past the file-size limit succeeded")
		}
		os.Stdout.WriteString("\nerror: " + err.Error() + "\n")
		if !errors.Is(err, syscall.EFBIG) {
			t.Errorf("error %v is not EFBIG", err)
		}
	}
}

// killMidWrite starts a child that hangs in the middle of saving over an
// old file, sends it sig once its temporary file holds data, and returns
// the directory's names after it died.
func killMidWrite(t *testing.T, what string, sig syscall.Signal) (dir string, names []string) {
	dir = t.TempDir()
	path := writeOld(t, dir, "g.yaml")
	cmd := child(t, what, path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	for sc.Scan() && sc.Text() != "writing" {
	}
	if n := len(dirNames(t, dir)); n != 2 {
		t.Errorf("mid-write: %d files, want the old one and a temporary one", n)
	}
	cmd.Process.Signal(sig)
	io.Copy(io.Discard, out)
	cmd.Wait()
	got, err := os.ReadFile(path)
	if err != nil || string(got) != oldContent {
		t.Errorf("after %v mid-write the old file holds %q (%v)", sig, got, err)
	}
	return dir, dirNames(t, dir)
}

// TestSaveKilledMidWriteKeepsOldFile: a writer killed outright (SIGKILL,
// which nothing can catch) leaves the old file intact; only its temporary
// file can remain.
func TestSaveKilledMidWriteKeepsOldFile(t *testing.T) {
	killMidWrite(t, "hang", syscall.SIGKILL)
}

// TestSaveSignalRemovesTemp: a writer stopped by SIGTERM or SIGINT whose
// handler calls AbortSaves leaves the old file and no temporary file.
func TestSaveSignalRemovesTemp(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		if _, names := killMidWrite(t, "hang-handled", sig); len(names) != 1 {
			t.Errorf("after %v: files %v, want g.yaml alone", sig, names)
		}
	}
}

// TestSaveFileSizeLimit: a save that fills the file-size limit (ulimit
// -f) fails with an error that names the target, not the temporary file,
// and leaves the old file and no temporary file.
func TestSaveFileSizeLimit(t *testing.T) {
	dir := t.TempDir()
	path := writeOld(t, dir, "g.yaml")
	out, err := child(t, "fsize", path).CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	msg := ""
	for line := range strings.Lines(string(out)) {
		if m, ok := strings.CutPrefix(line, "error: "); ok {
			msg = strings.TrimSpace(m)
		}
	}
	if !strings.Contains(msg, path) || strings.Contains(msg, ".tmp-") {
		t.Errorf("error %q: want it to name %s and no temporary file", msg, path)
	}
	if got, _ := os.ReadFile(path); string(got) != oldContent {
		t.Errorf("the old file holds %q", got)
	}
	if names := dirNames(t, dir); len(names) != 1 {
		t.Errorf("files %v, want g.yaml alone", names)
	}
}

// TestSaveFollowsSymlink: saving to a symbolic link replaces the file it
// points to (through two links, and a dangling one creates it); the links
// stay links.
func TestSaveFollowsSymlink(t *testing.T) {
	dir := t.TempDir()
	target := writeOld(t, dir, "real.yaml")
	os.Symlink("real.yaml", filepath.Join(dir, "link1"))
	os.Symlink(filepath.Join(dir, "link1"), filepath.Join(dir, "link2"))
	os.Symlink("sub/new.yaml", filepath.Join(dir, "dangling"))
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	for _, c := range []struct{ link, target string }{
		{"link2", target},
		{"dangling", filepath.Join(dir, "sub", "new.yaml")},
	} {
		link := filepath.Join(dir, c.link)
		if err := graph.SaveWith(link, func(w io.Writer) error { _, err := io.WriteString(w, "new\n"); return err }); err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(c.target); string(got) != "new\n" {
			t.Errorf("%s: target holds %q, want the new content", c.link, got)
		}
		if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Errorf("%s is no longer a symbolic link", c.link)
		}
	}
	if names := dirNames(t, filepath.Join(dir, "sub")); len(names) != 1 {
		t.Errorf("sub: files %v, want new.yaml alone", names)
	}
}

// TestSaveRefusesReadOnly: a read-only file (mode 0444) is refused with
// ErrNotWritable, even for root, and left as it was; a writable file is
// replaced and keeps its mode.
func TestSaveRefusesReadOnly(t *testing.T) {
	dir := t.TempDir()
	path := writeOld(t, dir, "g.yaml")
	write := func(w io.Writer) error { _, err := io.WriteString(w, "new\n"); return err }
	os.Chmod(path, 0o444)
	err := graph.SaveWith(path, write)
	if !errors.Is(err, graph.ErrNotWritable) || !strings.Contains(err.Error(), path) {
		t.Errorf("saving over a read-only file: %v, want ErrNotWritable naming %s", err, path)
	}
	if got, _ := os.ReadFile(path); string(got) != oldContent {
		t.Errorf("the read-only file holds %q", got)
	}
	os.Chmod(path, 0o640)
	if err := graph.SaveWith(path, write); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v after saving, want 0640 kept", fi.Mode().Perm())
	}
	if names := dirNames(t, dir); len(names) != 1 {
		t.Errorf("files %v, want g.yaml alone", names)
	}
}

// TestSaveAfterAbortFails: once AbortSaves ran (in a child: it cannot
// be undone), no save starts.
func TestSaveAfterAbortFails(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.yaml")
	if out, err := child(t, "abort", path).CombinedOutput(); err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a save after AbortSaves wrote %s (%v)", path, err)
	}
}

// TestSaveToNamedPipe: a target that is not a regular file (here a named
// pipe; /dev/stdout is another) is written directly, and stays what it is.
func TestSaveToNamedPipe(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("no named pipe: %v", err)
	}
	got := make(chan string)
	go func() {
		b, _ := os.ReadFile(path)
		got <- string(b)
	}()
	if err := graph.SaveWith(path, func(w io.Writer) error { _, err := io.WriteString(w, "through\n"); return err }); err != nil {
		t.Fatalf("saving to a named pipe: %v", err)
	}
	if fi, err := os.Lstat(path); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Fatalf("%s is no longer a named pipe", path)
	}
	if s := <-got; s != "through\n" {
		t.Errorf("the reader got %q", s)
	}
}

// TestSaveKeepsFormat: Save writes the format the name gives, so that a
// file opened and saved under its name keeps its format (a JSON file
// saved as YAML would no longer open).
func TestSaveKeepsFormat(t *testing.T) {
	g, err := graph.Open(seedPath)
	if err != nil {
		t.Skipf("seed dataset not read: %v", err)
	}
	dir := t.TempDir()
	for _, tt := range []struct {
		name  string
		write func(io.Writer) error
	}{{"g.yaml", g.WriteYAML}, {"g.json", g.WriteJSON}, {"g.jsonl", g.WriteJSONL}, {"g.txt", g.WriteYAML}} {
		path := filepath.Join(dir, tt.name)
		if err := g.Save(path); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := tt.write(&want); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%s: Save did not write the format its name gives", tt.name)
		}
		if _, err := graph.Open(path); err != nil {
			t.Errorf("%s: saved file does not open: %v", tt.name, err)
		}
	}
}

// TestSaveMissingDirectory: saving into a directory that does not exist
// fails naming the target and the directory, never the temporary file.
func TestSaveMissingDirectory(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing", "x.yaml")
	err := graph.SaveWith(path, func(w io.Writer) error { return nil })
	if !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("got %v, want a missing directory", err)
	}
	want := "graph: saving " + path + ": " + filepath.Dir(path) + ": no such file or directory"
	if err.Error() != want {
		t.Errorf("got %q, want %q", err, want)
	}
}
