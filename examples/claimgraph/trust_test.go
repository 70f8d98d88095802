package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// tinyTriples: A says x=x1, y=y1; B says x=x1 (twice: counted once);
// C says x=x2, y=y2.
const tinyTriples = "A\tx\tx1\nA\ty\ty1\nB\tx\tx1\nB\tx\tx1\nC\tx\tx2\nC\ty\ty2\n"

func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestTrustText(t *testing.T) {
	path := writeTemp(t, "tiny.tsv", tinyTriples)
	var out, errb bytes.Buffer
	code := run([]string{"trust", "--triples", path, "--algorithm", "voting"}, &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errb.String())
	}
	// By hand: votes x1 2, x2 1, y1 1, y2 1, so beliefs (shares of the
	// object's votes) 2/3, 1/3, 1/2, 1/2; y is a tie, said so, and names
	// y1, the fact seen first. Voting trust = share of a source's facts
	// that won: A 2/2, B 1/1, C 0/2; A and B tie at 1, said so, and are
	// ordered by name.
	want := "voting: converged in 1 iteration; 3 sources, 2 objects, 4 facts, 5 assertions\n" +
		"\n" +
		"TRUST   ASSERTIONS  SOURCE\n" +
		"1.0000  2           A (tie)\n" +
		"1.0000  1           B (tie)\n" +
		"0.0000  2           C\n" +
		"\n" +
		"OBJECT  BELIEF  FACTS  VALUE\n" +
		"x       0.6667  2      x1\n" +
		"y       0.5000  2      y1 (tie: y2)\n"
	if diff := cmp.Diff(want, out.String()); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
}

func TestTrustJSON(t *testing.T) {
	// The Book layout: source, isbn, title, authors; author lists grouped
	// by name tokens, so both spellings of Knuth are one value, and "Not
	// Available" asserts nothing.
	path := writeTemp(t, "books.txt",
		"s1\tb1\tTAOCP\tKnuth, Donald E.\n"+
			"s2\tb1\tTAOCP vol 1\tDonald Knuth\n"+
			"s3\tb1\tTAOCP\tNot Available\n"+
			"s3\tb2\tDM\tHan, Jiawei\n")
	var out, errb bytes.Buffer
	code := run([]string{"trust", "--triples", path, "--columns", "0,1,3", "--tokens",
		"--algorithm", "sums", "--json", "--top", "1"}, &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errb.String())
	}
	var got trustReport
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("bad JSON %q: %v", out.String(), err)
	}
	// Sums by hand, prior 0.5: it 1 T = (s1 .5, s2 .5, s3 .5) → all 1;
	// B = (b1 "donald knuth" 2, b2 "han jiawei" 1) → (1, 1/2). It 2:
	// T = (1, 1, 1/2) → change 0.5; B = (2, 1/2) → (1, 1/4). It 3: T =
	// (1, 1, 1/4), change 1/4 ... halving each time: iteration k gives s3
	// 2^{1−k} and a change of 2^{1−k}, first below 0.001 at k = 11
	// (2^−10 ≈ 0.00098), out of Sums' cap of 20. --top 1 keeps s1, in a
	// tie with s2 at 1 (ordered by name; the tie is said although s2 is
	// not listed), and object b1.
	value, belief := "donald knuth", 1.0
	want := trustReport{
		Algorithm: "sums", Iterations: 11, Cap: 20, Converged: true,
		Counts:  trustCounts{Sources: 3, Objects: 2, Facts: 2, Assertions: 3},
		Sources: []trustSource{{Source: "s1", Trust: 1, Assertions: 1, Tie: true}},
		Objects: []trustObject{{Object: "b1", Value: &value, Belief: &belief, Facts: 1, TiedWith: []string{}}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("report (-want +got):\n%s", diff)
	}
}

func TestTrustErrors(t *testing.T) {
	good := writeTemp(t, "tiny.tsv", tinyTriples)
	bad := writeTemp(t, "bad.tsv", "A\tx\n")
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string // substring of stderr
	}{
		{"claim graph file missing", []string{"trust", "graph.yaml"}, 1, "no such file"},
		{"unknown algorithm", []string{"trust", "--triples", good, "--algorithm", "pagerank"}, 2, "unknown algorithm"},
		{"bad columns", []string{"trust", "--triples", good, "--columns", "0,1"}, 2, "--columns"},
		{"same columns", []string{"trust", "--triples", good, "--columns", "0,0,1"}, 2, "must differ"},
		{"bad delimiter", []string{"trust", "--triples", good, "--delimiter", "ab"}, 2, "--delimiter"},
		// A quote cannot separate CSV fields: it was an error of the input (1).
		{"quote delimiter in CSV", []string{"trust", "--triples", writeTemp(t, "t.csv", "a,b,c\n"), "--delimiter", `"`}, 2, "--delimiter"},
		{"negative top", []string{"trust", "--triples", good, "--top", "-1"}, 2, "--top -1: want a number of rows, 0 or more"},
		{"stray argument", []string{"trust", "--triples", good, "extra"}, 2, "unexpected argument"},
		{"unknown flag", []string{"trust", "--nope"}, 2, "flag provided but not defined"},
		{"missing file", []string{"trust", "--triples", good + ".absent"}, 1, "no such file"},
		{"parse error", []string{"trust", "--triples", bad}, 1, "truth: " + bad + ":1:4: missing field"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := run(tt.args, &out, &errb); code != tt.wantCode {
				t.Errorf("exit %d, want %d; stderr %s", code, tt.wantCode, errb.String())
			}
			if !strings.Contains(errb.String(), tt.wantErr) {
				t.Errorf("stderr %q lacks %q", errb.String(), tt.wantErr)
			}
		})
	}
}
