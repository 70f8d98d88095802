package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDiffGolden(t *testing.T) {
	pkg := chdirRoot(t)
	old, new := filepath.Join(pkg, "testdata/diff-old.yaml"), filepath.Join(pkg, "testdata/diff-new.yaml")
	golden(t, pkg, "diff.golden", runCmd(t, 1, "diff", old, new))
	golden(t, pkg, "diff.json.golden", runCmd(t, 1, "diff", old, new, "--json"))
	// The other way round, b is no longer merged: a merge undone, b's
	// line starting from a's old verdict, which look-ups by b gave
	// ("b: merged into a (accepted) → accepted"; red team 7, finding 7).
	golden(t, pkg, "diff-back.golden", runCmd(t, 1, "diff", new, old))
	golden(t, pkg, "diff-back.json.golden", runCmd(t, 1, "diff", new, old, "--json"))
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

// TestREADMEDeskExample runs the commands of the README's desk example
// (the seed data without the treaty claim, which moves no other verdict
// as time resolves its contradictions, then without the US officials'
// claim too, which turns Peskov's from rejected to accepted) in a
// directory of its own and checks that each prints what the README
// shows, so that the README cannot drift. The diffs must also show the
// rule the README explains: the "only pact" claim never appears among
// the verdicts that changed, and Peskov's claim goes from rejected to
// accepted with its reason.
func TestREADMEDeskExample(t *testing.T) {
	chdirRoot(t)
	needKimPutin(t)
	root, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	const marker = "<!-- desk example: checked by TestREADMEDeskExample -->\n```\n"
	_, block, ok := strings.Cut(string(readme), marker)
	if !ok {
		t.Fatalf("README.md lacks %q", marker)
	}
	block, _, _ = strings.Cut(block, "```\n")
	seed, err := os.ReadFile(defaultFile)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.MkdirAll(filepath.Dir(defaultFile), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(defaultFile, seed, 0o644); err != nil {
		t.Fatal(err)
	}
	steps := strings.Split(strings.TrimPrefix(block, "$ "), "\n$ ")
	if len(steps) < 5 {
		t.Fatalf("the example has %d commands, want at least 5 (cp, edit, diff, edit, diff)", len(steps))
	}
	var now strings.Builder // the block as the commands print it, for -update
	for _, step := range steps {
		line, want, _ := strings.Cut(step, "\n")
		now.WriteString("$ " + line + "\n")
		if want != "" && !strings.HasSuffix(want, "\n") {
			want += "\n" // the newline the split took
		}
		args := strings.Fields(line)
		switch args[0] {
		case "cp":
			data, err := os.ReadFile(args[1])
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(args[2], data, 0o644); err != nil {
				t.Fatal(err)
			}
		case "claimgraph":
			var out, errb bytes.Buffer
			code := run(args[1:], &out, &errb)
			if code != 0 && !(args[1] == "diff" && code == 1) {
				t.Fatalf("%s: exit %d: %s", line, code, errb.String())
			}
			now.WriteString(out.String())
			if d := cmp.Diff(want, out.String()); d != "" && !*updateGolden {
				t.Errorf("README's output of %s differs (-README +got); if the change is right, run with -update:\n%s", line, d)
			}
		default:
			t.Fatalf("README example: unknown command %q", line)
		}
	}
	for _, want := range []string{"talks-not-against-anyone: rejected → accepted: weapons-sale-on-agenda removed; nothing contradicts it"} {
		if !strings.Contains(now.String(), want) {
			t.Errorf("the desk example lacks %q", want)
		}
	}
	if strings.Contains(now.String(), "  china-only-defence-pact:") {
		t.Error("the desk example shows china-only-defence-pact's verdict changing; time resolves its contradictions")
	}
	if *updateGolden && now.String() != block {
		t.Chdir(root)
		updated := strings.Replace(string(readme), marker+block, marker+now.String(), 1)
		if err := os.WriteFile("README.md", []byte(updated), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestDiffTroubleIsNotAChange: a file that cannot be read must not exit
// 1, which CI reads as "a verdict changed" (red team: diff of a missing
// file exited 1).
func TestDiffTroubleIsNotAChange(t *testing.T) {
	for _, args := range [][]string{
		{"diff", "testdata/mini.yaml", filepath.Join(t.TempDir(), "missing.yaml")},
		{"diff", "../../testdata/invalid/bad-id.yaml", "testdata/mini.yaml"},
	} {
		code, _, stderr := runInterchange(t, args...)
		if code != 2 || stderr == "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 and a message", args, code, stderr)
		}
	}
	if code, _, _ := runInterchange(t, "diff", "testdata/mini.yaml", "testdata/mini.yaml"); code != 0 {
		t.Errorf("a file against itself: exit %d, want 0", code)
	}
}

// TestWarm: reading ahead reads the whole file and then stops on its
// own, stop returns at once however far it got, and a missing file
// only ends it.
func TestWarm(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.jsonl")
	data := bytes.Repeat([]byte("0123456789abcde\n"), 200_000) // 3.2 MB, four reads
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	w := warm(path)
	<-w.done
	if got := w.read.Load(); got != int64(len(data)) {
		t.Errorf("read %d bytes of %d", got, len(data))
	}
	w.stop()
	w = warm(path)
	w.stop() // at any point
	if got := w.read.Load(); got > int64(len(data)) {
		t.Errorf("read %d bytes of %d", got, len(data))
	}
	w = warm(filepath.Join(t.TempDir(), "missing.jsonl"))
	<-w.done
	if got := w.read.Load(); got != 0 {
		t.Errorf("read %d bytes of a missing file", got)
	}
	w.stop()
}

// TestWarmPipe: NEW given as a pipe is not read ahead, which would eat
// the bytes the real read needs.
func TestWarmPipe(t *testing.T) {
	r, wr, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	go func() {
		wr.Write([]byte("claimgraph: 1\n"))
		wr.Close()
	}()
	w := warm(fmt.Sprintf("/dev/fd/%d", r.Fd()))
	<-w.done
	w.stop()
	if got := w.read.Load(); got != 0 {
		t.Errorf("read %d bytes ahead of a pipe", got)
	}
	rest, err := io.ReadAll(r)
	if err != nil || string(rest) != "claimgraph: 1\n" {
		t.Errorf("the pipe kept %q (%v), want all of it", rest, err)
	}
}
