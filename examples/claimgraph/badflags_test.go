package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// TestBadFlagValuesExitZero: --tolerance Inf and an -fo that contradicts
// the file exited 0, --tolerance NaN exited 1 with a dump of a Go
// struct; each now exits 2 with a sentence.
func TestBadFlagValuesExitZero(t *testing.T) {
	apx := writeTemp(t, "f.apx", "arg(a).\narg(b).\natt(a,b).\n")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"trust", miniFile, "--tolerance", "Inf"}, "--tolerance +Inf: want a finite number, 0 or more"},
		{[]string{"trust", miniFile, "--tolerance", "NaN"}, "--tolerance NaN: want a finite number, 0 or more"},
		{[]string{"trust", miniFile, "--tolerance", "-1"}, "--tolerance -1: want a finite number, 0 or more"},
		{[]string{"af", "-p", "SE-GR", "-f", apx, "-fo", "tgf"}, "-fo tgf, but " + apx + " is named as apx"},
	} {
		var out, errb bytes.Buffer
		code := run(tt.args, &out, &errb)
		if code != 2 || !strings.Contains(errb.String(), tt.want) || strings.Contains(errb.String(), "{") {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tt.args, code, errb.String(), tt.want)
		}
	}
	// The format of the file's own extension, given or not, reads it.
	if out := runOK(t, "af", "-p", "SE-GR", "-f", apx, "-fo", "apx"); out != "w a\n" {
		t.Errorf("-fo apx: %q", out)
	}
}

// TestBadFlagValues sweeps the numeric and enumerated flags of every
// command with values they cannot take: NaN, infinities, negative
// numbers, the empty string, unknown names and impossible dates. Each
// must exit 2 with a sentence naming the flag on standard error, not 0,
// 1 or a dump of a Go value.
func TestBadFlagValues(t *testing.T) {
	apx := writeTemp(t, "f.apx", "arg(a).\natt(a,a).\n")
	triples := writeTemp(t, "t.csv", "s,o,v\n")
	const id = "only-china"
	type tc struct {
		flag string   // as it must appear in the message
		args []string // the command line
	}
	var tests []tc
	add := func(flag string, prefix []string, values ...string) {
		for _, v := range values {
			tests = append(tests, tc{flag, append(append([]string{}, prefix...), flag, v)})
		}
	}
	numbers := []string{"NaN", "Inf", "-Inf", "-1", "", "x", "1e400"}
	counts := []string{"NaN", "-1", "", "x", "1.5", "99999999999999999999"}
	dates := []string{"", "June", "2025-02-30", "2025-13", "-1"}
	add("--threshold", []string{"similar", miniFile}, append(numbers, "0", "1.5")...)
	add("--top", []string{"similar", miniFile}, counts...)
	add("--tolerance", []string{"trust", miniFile}, numbers...)
	add("--max-iterations", []string{"trust", miniFile}, counts...)
	add("--top", []string{"trust", miniFile}, counts...)
	add("--algorithm", []string{"trust", miniFile}, "", "bogus")
	add("--columns", []string{"trust", "--triples", triples}, "", "a,b,c", "0,1", "0,0,1", "-1,1,2")
	add("--max-dates", []string{"html", miniFile}, "-2", "", "x", "NaN")
	// serve on a missing file: were --max-dates not checked first, it
	// fails on the file (exit 1) instead of serving.
	add("--max-dates", []string{"serve", filepath.Join(t.TempDir(), "none.yaml")}, "-2", "", "x")
	add("--addr", []string{"serve", miniFile}, "", "nonsense", "0.0.0.0:0")
	add("--depth", []string{"draw", miniFile, "--claim", id}, counts...)
	add("--depth", []string{"support", miniFile, id}, counts...)
	add("--depth", []string{"origins", miniFile, id}, counts...)
	add("--at", []string{"draw", miniFile}, dates...)
	add("--at", []string{"verdicts", miniFile}, dates...)
	add("--at", []string{"queue", miniFile}, dates...)
	add("--at", []string{"diff", miniFile, miniFile}, dates...)
	add("--support", []string{"verdicts", miniFile}, "", "bogus")
	add("--format", []string{"export", miniFile}, "", "bogus")
	add("--at", []string{"export", miniFile, "--format", "jsonld", "--review-url", "https://fc.example/", "--author", "FC"}, dates...)
	add("--date", []string{"export", miniFile, "--format", "jsonld", "--review-url", "https://fc.example/", "--author", "FC"}, dates...)
	add("--from", []string{"import", miniFile}, "", "bogus")
	add("--prefer", []string{"merge", miniFile, miniFile, "-o", filepath.Join(t.TempDir(), "m.yaml")}, "c", "A")
	add("-p", []string{"af", "-f", apx}, "", "bogus", "SE-XX", "XX-GR")
	add("-fo", []string{"af", "-p", "SE-GR", "-f", apx}, "bogus")
	for _, d := range dates[:4] {
		tests = append(tests, tc{"DATE", []string{"at", miniFile, d}})
	}
	for _, tt := range tests {
		var out, errb strings.Builder
		code := run(tt.args, &out, &errb)
		msg := errb.String()
		first, _, _ := strings.Cut(msg, "\n")
		name := strings.TrimLeft(tt.flag, "-")
		if code != 2 || !strings.Contains(first, name) || strings.ContainsAny(msg, "{}") || strings.Contains(msg, "goroutine") {
			t.Errorf("%q: exit %d, stderr %q; want 2 and a sentence naming %s", tt.args, code, msg, tt.flag)
		}
		if testing.Verbose() {
			t.Logf("%q: %s", tt.args[len(tt.args)-2:], first)
		}
	}
}

// TestBadFlagOneLine: a flag the command does not have, or a value its
// flag refuses, printed the flag package's sentence and then every flag
// of the command with its help, 16 lines for verdicts; a bad --trust
// file's problem was lost in them. It is now one line, as every usage
// error is, "claimgraph CMD: sentence", and the usage line of the
// command; -h still lists the flags.
func TestBadFlagOneLine(t *testing.T) {
	trust := writeTemp(t, "t.json", `{"x": "0.5"}`)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"verdicts", miniFile, "--bogus"}, "claimgraph verdicts: flag provided but not defined: -bogus"},
		{[]string{"verdicts", miniFile, "--max-bytes", "lots"}, `claimgraph verdicts: invalid value "lots" for flag -max-bytes: want a size in bytes`},
		{[]string{"verdicts", miniFile, "--trust", trust}, `claimgraph verdicts: invalid value "` + trust + `" for flag -trust: ` + trust + `:1:2: source "x": not a number in [0, 1]`},
		{[]string{"about", miniFile, "china", "--json=maybe"}, `claimgraph about: invalid boolean value "maybe" for -json`},
	} {
		var out, errb strings.Builder
		code := run(tt.args, &out, &errb)
		lines := strings.Split(strings.TrimSuffix(errb.String(), "\n"), "\n")
		if code != 2 || len(lines) != 2 || !strings.HasPrefix(lines[0], tt.want) || !strings.HasPrefix(lines[1], "usage: claimgraph "+tt.args[0]+" ") {
			t.Errorf("%q: exit %d, stderr %q; want 2, %q and the usage line", tt.args, code, errb.String(), tt.want)
		}
	}
	var out, errb strings.Builder
	if code := run([]string{"verdicts", "-h"}, &out, &errb); code != 2 || !strings.Contains(errb.String(), "-max-bytes SIZE") || !strings.HasPrefix(errb.String(), "usage: claimgraph verdicts FILE") {
		t.Errorf("verdicts -h: exit %d, stderr %q; want 2, the usage line and the flags", code, errb.String())
	}
}

// TestLongIDsCut: an ID of 100 KB on the command line, in a batch, a
// decisions file or a --trust file was quoted whole in the messages
// that it names nothing (twice for edit --remove: the flag and the
// problem), 100 KB to 300 KB of output. Each is now cut
// (claims.Quote, claims.Cut), as values of files are.
func TestLongIDsCut(t *testing.T) {
	long := strings.Repeat("a", 100_000)
	g := writeTemp(t, "g.yaml", drawYAML)
	apx := writeTemp(t, "f.apx", "arg(a).\n")
	batch := writeTemp(t, "b.yaml", "claimgraph: 1\nremove: ["+long+"]\nremove_relations: [{from: "+long+", to: b, kind: supports}]\nmerge: [{into: "+long+", from: a}]\n")
	decisions := writeTemp(t, "d.json", `{"suggestions": [{"a": "`+long+`", "b": "a", "decision": "same_as"}]}`)
	trust := writeTemp(t, "t.json", `{"`+long+`": 0.5}`)
	for _, args := range [][]string{
		{"contradictions", g, long}, {"support", g, long}, {"sources", g, long}, {"origins", g, long}, {"about", g, long},
		{"draw", g, "--claim", long},
		{"export", g, "--format", "jsonld", "--review-url", "https://fc.example/", "--author", "FC", "--claims", long},
		{"af", "-p", "DC-GR", "-f", apx, "-a", long},
		{"edit", g, "--remove", long}, {"edit", g, "--remove", long, "--with-relations"}, {"edit", g, "--merge", long + "=a"},
		{"edit", g, "--apply", batch},
		{"similar", g, "--apply", decisions},
		{"verdicts", g, "--trust", trust},
	} {
		// edit lists its problems on standard output, the others on
		// standard error.
		var out strings.Builder
		code := run(args, &out, &out)
		if code == 0 || out.Len() > 2000 || !strings.Contains(out.String(), "aaa") {
			t.Errorf("%s: exit %d, %d bytes of output: %.200s…; want a problem with the ID cut", args[0], code, out.Len(), out.String())
		}
	}
}

// TestEmptyDateFlag: --at "" (a script passing an unset $DATE) judged
// all time in silence on verdicts, draw, queue, diff and export, where
// `at FILE ""` is refused. Given empty, a date flag is now a usage error
// naming it; left out, it still means all time.
func TestEmptyDateFlag(t *testing.T) {
	out := filepath.Join(t.TempDir(), "g.dot")
	jsonld := []string{"export", miniFile, "--format", "jsonld", "--review-url", "https://fc.example/", "--author", "FC"}
	for _, tt := range []struct {
		flag string
		args []string
	}{
		{"--at", []string{"verdicts", miniFile}},
		{"--at", []string{"queue", miniFile}},
		{"--at", []string{"draw", miniFile, "-o", out}},
		{"--at", []string{"diff", miniFile, miniFile}},
		{"--at", jsonld},
		{"--date", jsonld},
	} {
		var o, errb strings.Builder
		if code := run(tt.args, &o, &errb); code != 0 {
			t.Errorf("%q without %s: exit %d, stderr %q; want 0", tt.args, tt.flag, code, errb.String())
		}
		o.Reset()
		errb.Reset()
		args := append(append([]string{}, tt.args...), tt.flag, "")
		code := run(args, &o, &errb)
		first, _, _ := strings.Cut(errb.String(), "\n")
		want := "flag -" + strings.TrimLeft(tt.flag, "-") + ": empty date"
		if code != 2 || o.Len() != 0 || !strings.Contains(first, want) {
			t.Errorf("%q: exit %d, stdout %d bytes, stderr %q; want 2, nothing and %q", args, code, o.Len(), errb.String(), want)
		}
	}
}
