package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// afExample is probo's ex2 by hand: a1 is unattacked and defeats a2;
// a3 and a5 attack each other, a3 attacks a4, a5 attacks a6 and a6
// attacks a2. Grounded: {a1}. Preferred = stable: {a1,a3,a6} and
// {a1,a4,a5}. Complete adds the grounded {a1}.
const afExample = "arg(a1). arg(a2). arg(a3). arg(a4). arg(a5). arg(a6).\n" +
	"att(a1,a2). att(a2,a3). att(a3,a4). att(a3,a5). att(a5,a3). att(a5,a6). att(a6,a2).\n"

// afExampleI23 is the same framework numbered: ai is i.
const afExampleI23 = "p af 6\n# ex2\n1 2\n2 3\n3 4\n3 5\n5 3\n5 6\n6 2\n"

func TestAFText(t *testing.T) {
	apx := writeTemp(t, "ex2.apx", afExample)
	i23 := writeTemp(t, "ex2.af", afExampleI23)
	// An odd cycle of length 3 has no stable extension.
	odd := writeTemp(t, "odd.i23", "p af 3\n1 2\n2 3\n3 1\n")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"SE-GR apx", []string{"-p", "SE-GR", "-f", apx}, "w a1\n"},
		{"SE-GR i23 numbers", []string{"-p", "SE-GR", "-f", i23}, "w 1\n"},
		// The first preferred extension in index order is {a1,a3,a6}.
		{"SE-PR", []string{"-p", "SE-PR", "-f", i23}, "w 1 3 6\n"},
		{"SE-ST none", []string{"-p", "SE-ST", "-f", odd}, "NO\n"},
		{"SE-GR empty", []string{"-p", "SE-GR", "-f", odd}, "w\n"},
		// DC YES and DS NO carry the certificate ICCMA 2023 asks for on
		// the next line; DC NO and DS YES stand alone.
		{"DC-GR yes", []string{"-p", "DC-GR", "-f", apx, "-a", "a1"}, "YES\nw a1\n"},
		{"DC-GR no", []string{"-p", "DC-GR", "-f", apx, "-a", "a3"}, "NO\n"},
		{"DC-CO yes undecided", []string{"-p", "DC-CO", "-f", apx, "-a", "a4"}, "YES\nw a1 a4 a5\n"},
		{"DC-PR yes", []string{"-p", "DC-PR", "-f", apx, "-a", "a3"}, "YES\nw a1 a3 a6\n"},
		// a1 is grounded: any preferred extension proves it.
		{"DC-PR yes grounded", []string{"-p", "DC-PR", "-f", apx, "-a", "a1"}, "YES\nw a1 a3 a6\n"},
		{"DS-PR no", []string{"-p", "DS-PR", "-f", apx, "-a", "a3"}, "NO\nw a1 a4 a5\n"},
		// a2 is out of the grounded extension, so of every one.
		{"DS-PR no grounded out", []string{"-p", "DS-PR", "-f", apx, "-a", "a2"}, "NO\nw a1 a3 a6\n"},
		{"DS-PR yes", []string{"-p", "DS-PR", "-f", apx, "-a", "a1"}, "YES\n"},
		{"DS-CO no", []string{"-p", "DS-CO", "-f", apx, "-a", "a5"}, "NO\nw a1\n"},
		{"DS-ST yes", []string{"-p", "DS-ST", "-f", i23, "-a", "1"}, "YES\n"},
		{"DS-ST no", []string{"-p", "DS-ST", "-f", i23, "-a", "6"}, "NO\nw 1 4 5\n"},
		// No stable extension: every one (none) contains argument 1.
		{"DS-ST vacuous", []string{"-p", "DS-ST", "-f", odd, "-a", "1"}, "YES\n"},
		{"DC-ST none", []string{"-p", "DC-ST", "-f", odd, "-a", "1"}, "NO\n"},
		// The empty grounded extension is the certificate: a bare "w".
		{"DS-GR no empty", []string{"-p", "DS-GR", "-f", odd, "-a", "1"}, "NO\nw\n"},
		{"EE-CO", []string{"-p", "EE-CO", "-f", apx}, "[[a1],[a1,a3,a6],[a1,a4,a5]]\n"},
		{"format flag overrides", []string{"-p", "SE-GR", "-f", writeTemp(t, "x.txt", afExampleI23), "-fo", "i23"}, "w 1\n"},
		{"formats", []string{"--formats"}, "[i23,apx,tgf]\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := run(append([]string{"af"}, tt.args...), &out, &errb); code != 0 {
				t.Fatalf("exit %d, stderr %s", code, errb.String())
			}
			if diff := cmp.Diff(tt.want, out.String()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestAFProblems(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"af", "--problems"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errb.String())
	}
	// Four tasks times four semantics, each answered below.
	got := strings.Split(strings.Trim(strings.TrimSpace(out.String()), "[]"), ",")
	if len(got) != 16 {
		t.Fatalf("problems %q: want 16", got)
	}
	apx := writeTemp(t, "ex2.apx", afExample)
	for _, p := range got {
		args := []string{"af", "-p", p, "-f", apx}
		if strings.HasPrefix(p, "D") {
			args = append(args, "-a", "a1")
		}
		var out, errb bytes.Buffer
		if code := run(args, &out, &errb); code != 0 {
			t.Errorf("%s: exit %d, stderr %s", p, code, errb.String())
		}
	}
}

func TestAFJSON(t *testing.T) {
	apx := writeTemp(t, "ex2.apx", afExample)
	var out, errb bytes.Buffer
	if code := run([]string{"af", "-p", "DC-GR", "-f", apx, "-a", "a1", "--json"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errb.String())
	}
	var got map[string]any
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	// Six arguments and seven attacks in afExample.
	want := map[string]any{"problem": "DC-GR", "file": apx, "format": "apx", "arguments": 6.0,
		"attacks": 7.0, "argument": "a1", "accepted": true, "certificate": []any{"a1"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}

	// Every key the documentation promises for a task is there, null when
	// there is nothing to give.
	odd := writeTemp(t, "odd.i23", "p af 3\n1 2\n2 3\n3 1\n")
	for _, tt := range []struct {
		args []string
		want map[string]any
	}{
		{[]string{"-p", "SE-ST", "-f", odd}, map[string]any{"exists": false, "extension": nil}},
		{[]string{"-p", "SE-GR", "-f", odd}, map[string]any{"exists": true, "extension": []any{}}},
		{[]string{"-p", "DC-ST", "-f", odd, "-a", "1"}, map[string]any{"argument": "1", "accepted": false, "certificate": nil}},
		{[]string{"-p", "DS-GR", "-f", odd, "-a", "1"}, map[string]any{"argument": "1", "accepted": false, "certificate": []any{}}},
		{[]string{"-p", "EE-ST", "-f", odd}, map[string]any{"extensions": []any{}}},
	} {
		out.Reset()
		if code := run(append([]string{"af", "--json"}, tt.args...), &out, &errb); code != 0 {
			t.Fatalf("%v: exit %d, stderr %s", tt.args, code, errb.String())
		}
		got := map[string]any{}
		if err := json.Unmarshal(out.Bytes(), &got); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"problem", "file", "format", "arguments", "attacks"} {
			if _, ok := got[k]; !ok {
				t.Errorf("%v: no %q in %s", tt.args, k, out.String())
			}
			delete(got, k)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%v (-want +got):\n%s", tt.args, diff)
		}
	}
}

// TestAFVersion checks the line an ICCMA harness reads from a solver
// called with no arguments: its name and a version.
func TestAFVersion(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"af"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errb.String())
	}
	if got := out.String(); !regexp.MustCompile(`^claimgraph (devel|v\S+)\n$`).MatchString(got) {
		t.Errorf("af with no arguments printed %q; want \"claimgraph VERSION\\n\"", got)
	}
	out.Reset()
	if code := run([]string{"af", "--json"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errb.String())
	}
	var v map[string]string
	if err := json.Unmarshal(out.Bytes(), &v); err != nil || v["name"] != "claimgraph" || v["version"] == "" {
		t.Errorf("af --json printed %s (%v)", out.String(), err)
	}
}

// TestICCMAScript runs iccma.sh as an ICCMA 2023 harness would, with this
// test binary standing in for claimgraph (see TestMain): a bare call, the
// capabilities, and problems on an i23 file named .af as ICCMA names them.
func TestICCMAScript(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh to run iccma.sh with")
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	af := writeTemp(t, "ex2.af", afExampleI23)
	// The harness's file may have any name; the script reads it as i23.
	odd := writeTemp(t, "odd.txt", "p af 3\n1 2\n2 3\n3 1\n")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{nil, "claimgraph devel\n"},
		{[]string{"--formats"}, "[i23,apx,tgf]\n"},
		{[]string{"-p", "DC-PR", "-f", af, "-a", "4"}, "YES\nw 1 4 5\n"},
		{[]string{"-p", "DS-PR", "-f", af, "-a", "4"}, "NO\nw 1 3 6\n"},
		{[]string{"-p", "SE-ST", "-f", odd}, "NO\n"},
	} {
		cmd := exec.Command(sh, append([]string{"iccma.sh"}, tt.args...)...)
		cmd.Env = append(os.Environ(), "CLAIMGRAPH="+self, "CLAIMGRAPH_TEST_MAIN=1")
		var errb bytes.Buffer
		cmd.Stderr = &errb
		out, err := cmd.Output()
		if err != nil {
			t.Errorf("iccma.sh %v: %v; stderr %s", tt.args, err, errb.String())
			continue
		}
		if diff := cmp.Diff(tt.want, string(out)); diff != "" {
			t.Errorf("iccma.sh %v (-want +got):\n%s", tt.args, diff)
		}
	}
}

func TestAFErrors(t *testing.T) {
	apx := writeTemp(t, "ex2.apx", afExample)
	bad := writeTemp(t, "bad.apx", "arg(a).\natt(a,b).\n")
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"unknown problem", []string{"-p", "XX-GR", "-f", apx}, 2, "unknown problem"},
		{"unknown semantics", []string{"-p", "SE-ZZ", "-f", apx}, 2, "unknown problem"},
		{"missing file flag", []string{"-p", "SE-GR"}, 2, "missing -f"},
		{"DC without -a", []string{"-p", "DC-GR", "-f", apx}, 2, "needs -a"},
		{"SE with -a", []string{"-p", "SE-GR", "-f", apx, "-a", "a1"}, 2, "takes no -a"},
		{"unknown format", []string{"-p", "SE-GR", "-f", apx, "-fo", "cnf"}, 2, "unknown format"},
		{"no extension", []string{"-p", "SE-GR", "-f", "x.txt"}, 2, "cannot tell the format"},
		{"unknown argument", []string{"-p", "DC-GR", "-f", apx, "-a", "zz"}, 1, `no argument "zz"`},
		// b is undeclared: line 2, column 7 of bad.apx.
		{"parse error", []string{"-p", "SE-GR", "-f", bad}, 1, bad + ":2:7: unknown argument"},
		{"missing file", []string{"-p", "SE-GR", "-f", filepath.Join(t.TempDir(), "none.apx")}, 1, "no such file"},
		{"positional", []string{"-p", "SE-GR", "-f", apx, "extra"}, 2, "unexpected argument"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := run(append([]string{"af"}, tt.args...), &out, &errb); code != tt.code {
				t.Fatalf("exit %d, want %d; stderr %s", code, tt.code, errb.String())
			}
			if !strings.Contains(errb.String(), tt.stderr) {
				t.Errorf("stderr %q lacks %q", errb.String(), tt.stderr)
			}
		})
	}
}
