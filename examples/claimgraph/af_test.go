package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
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
		{"DC-GR yes", []string{"-p", "DC-GR", "-f", apx, "-a", "a1"}, "YES\n"},
		{"DC-GR no", []string{"-p", "DC-GR", "-f", apx, "-a", "a3"}, "NO\n"},
		{"DC-PR yes", []string{"-p", "DC-PR", "-f", apx, "-a", "a3"}, "YES\n"},
		{"DS-PR no", []string{"-p", "DS-PR", "-f", apx, "-a", "a3"}, "NO\n"},
		{"DS-ST yes", []string{"-p", "DS-ST", "-f", i23, "-a", "1"}, "YES\n"},
		// No stable extension: every one (none) contains argument 1.
		{"DS-ST vacuous", []string{"-p", "DS-ST", "-f", odd, "-a", "1"}, "YES\n"},
		{"DC-ST none", []string{"-p", "DC-ST", "-f", odd, "-a", "1"}, "NO\n"},
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
		"attacks": 7.0, "argument": "a1", "accepted": true}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}

	out.Reset()
	if code := run([]string{"af", "-p", "SE-ST", "-f", writeTemp(t, "odd.i23", "p af 3\n1 2\n2 3\n3 1\n"), "--json"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errb.String())
	}
	var se struct {
		Exists    *bool     `json:"exists"`
		Extension *[]string `json:"extension"`
	}
	if err := json.Unmarshal(out.Bytes(), &se); err != nil {
		t.Fatal(err)
	}
	if se.Exists == nil || *se.Exists || se.Extension != nil {
		t.Errorf("SE-ST on an odd cycle: %s", out.String())
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
