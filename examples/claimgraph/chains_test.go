package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// The commands that print chains on long lines: a line of n supports
// (c(i) supports c(i-1)) and a line of n relays (s(i) quotes s(i+1)).
// Their output and memory must grow with n, not with n², as when every
// chain was printed in full.

// supportLineYAML is a graph of claims c0..cn where c(i) supports c(i-1).
func supportLineYAML(n int) string {
	var b strings.Builder
	b.WriteString("claimgraph: 1\nclaims:\n")
	for i := range n + 1 {
		fmt.Fprintf(&b, "  - {id: c%d, text: claim %d}\n", i, i)
	}
	b.WriteString("relations:\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "  - {from: c%d, to: c%d, kind: supports}\n", i, i-1)
	}
	return b.String()
}

// relayLineYAML is a graph of sources s0..sn where s(i) quotes s(i+1),
// and a claim "line" that appears in the first k of them.
func relayLineYAML(n, k int) string {
	var b strings.Builder
	b.WriteString("claimgraph: 1\nsources:\n")
	for i := range n + 1 {
		fmt.Fprintf(&b, "  - {id: s%d, kind: news-article", i)
		if i < n {
			fmt.Fprintf(&b, ", derived_from: [{source: s%d, kind: quotes}]", i+1)
		}
		b.WriteString("}\n")
	}
	b.WriteString("claims:\n  - id: line\n    text: relayed\n    appearances:\n")
	for i := range k {
		fmt.Fprintf(&b, "      - {source: s%d}\n", i)
	}
	return b.String()
}

// measure runs the command line args and returns the size of its output
// and the bytes it allocated.
func measure(t testing.TB, args ...string) (out int, alloc uint64) {
	t.Helper()
	var buf, errb bytes.Buffer
	var code int
	runtime.GC()
	alloc = allocatedBy(func() { code = run(args, &buf, &errb) })
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errb.String())
	}
	return buf.Len(), alloc
}

// checkLinear runs args on the files for n and 2n links, with and without
// --json, and fails t unless the output and the memory allocated about
// double (at most 2.6 times: the square would make 4).
func checkLinear(t *testing.T, small, big string, args func(file string) []string) {
	t.Helper()
	for _, asJSON := range []bool{false, true} {
		extra := []string{"--quiet"}
		if asJSON {
			extra = append(extra, "--json")
		}
		o1, a1 := measure(t, append(args(small), extra...)...)
		o2, a2 := measure(t, append(args(big), extra...)...)
		if r := float64(o2) / float64(o1); r > 2.6 {
			t.Errorf("json=%v: output %d bytes, then %d for a line twice as long: ratio %.2f", asJSON, o1, o2, r)
		}
		if r := float64(a2) / float64(a1); r > 2.6 {
			t.Errorf("json=%v: allocated %d bytes, then %d for a line twice as long: ratio %.2f", asJSON, a1, a2, r)
		}
	}
}

// lineFiles writes the files of gen for n and 2n links.
func lineFiles(t *testing.T, n int, gen func(n int) string) (small, big string) {
	dir := t.TempDir()
	small, big = filepath.Join(dir, "small.yaml"), filepath.Join(dir, "big.yaml")
	os.WriteFile(small, []byte(gen(n)), 0o644)
	os.WriteFile(big, []byte(gen(2*n)), 0o644)
	return small, big
}

// TestReportLongSupportLineLinear: the report of a line of supports, whose
// top claims each have nearly n supporters, grows with n (it used to build
// every chain of every claim, n³/6 steps, before keeping five).
func TestReportLongSupportLineLinear(t *testing.T) {
	small, big := lineFiles(t, 1000, supportLineYAML)
	checkLinear(t, small, big, func(f string) []string { return []string{"report", f} })
}

// TestSupportLongLineLinear: support on the end of a line of supports.
func TestSupportLongLineLinear(t *testing.T) {
	small, big := lineFiles(t, 1000, supportLineYAML)
	checkLinear(t, small, big, func(f string) []string { return []string{"support", f, "c0"} })
}

// TestOriginsLongRelayLineLinear: origins of a claim carried by every
// source of a line of relays.
func TestOriginsLongRelayLineLinear(t *testing.T) {
	small, big := lineFiles(t, 1000, func(n int) string { return relayLineYAML(n, n+1) })
	checkLinear(t, small, big, func(f string) []string { return []string{"origins", f, "line"} })
}

// TestSupportDepth: --depth N keeps the chains of at most N links.
func TestSupportDepth(t *testing.T) {
	file := writeTemp(t, "line.yaml", supportLineYAML(10))
	var doc struct {
		Chains []jsonChainNode `json:"chains"`
	}
	if err := json.Unmarshal([]byte(runOK(t, "support", file, "c0", "--depth", "2", "--json")), &doc); err != nil {
		t.Fatal(err)
	}
	want := []jsonChainNode{{"c1", 1, "c0", -1}, {"c2", 2, "c1", 0}}
	if fmt.Sprint(doc.Chains) != fmt.Sprint(want) {
		t.Errorf("chains %v, want %v", doc.Chains, want)
	}
	text := runOK(t, "support", file, "c0")
	if !strings.Contains(text, "depth 10: c10 -supports-> c9\n") || strings.Count(text, "-supports->") != 10 {
		t.Errorf("text without --depth does not give each of the 10 links once:\n%s", text)
	}
	for _, bad := range []string{"-1", "x"} {
		if code, _, _ := runInterchange(t, "support", file, "c0", "--depth", bad); code != 2 {
			t.Errorf("--depth %s: exit %d, want 2", bad, code)
		}
	}
}

// TestOriginsDepth: --depth N keeps the steps within N links of the
// origin, and says how many appearances are farther.
func TestOriginsDepth(t *testing.T) {
	file := writeTemp(t, "relay.yaml", relayLineYAML(10, 11)) // in s0..s10; origin s10
	var doc jsonOrigins
	if err := json.Unmarshal([]byte(runOK(t, "origins", file, "line", "--depth", "2", "--json")), &doc); err != nil {
		t.Fatal(err)
	}
	o := doc.Origins[0]
	want := []jsonStep{{"s10", "", "", -1}, {"s9", "quotes", "s10", 0}, {"s8", "quotes", "s9", 1}}
	if fmt.Sprint(o.Steps) != fmt.Sprint(want) {
		t.Errorf("steps %v, want %v", o.Steps, want)
	}
	if fmt.Sprint(o.Starts) != "[-1 -1 -1 -1 -1 -1 -1 -1 2 1 0]" {
		t.Errorf("starts %v, want the last three appearances only", o.Starts)
	}
	text := runOK(t, "origins", file, "line", "--depth", "2")
	if !strings.Contains(text, "s8 -quotes-> s9\n") || strings.Contains(text, "s7 -quotes->") ||
		!strings.Contains(text, "(and 8 appearances more than --depth 2 links from the origin)") {
		t.Errorf("text does not stop 2 links from the origin:\n%s", text)
	}
	full := runOK(t, "origins", file, "line")
	if !strings.Contains(full, "s0 -quotes-> s1\n") || strings.Count(full, "-quotes->") != 10 || strings.Contains(full, "more than") {
		t.Errorf("text without --depth does not give each of the 10 links once:\n%s", full)
	}
}

// benchLine runs args on a line of 20,000 links written by gen.
func benchLine(b *testing.B, gen string, args ...string) {
	file := filepath.Join(b.TempDir(), "line.yaml")
	os.WriteFile(file, []byte(gen), 0o644)
	for i, a := range args {
		if a == "FILE" {
			args[i] = file
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if code := run(args, io.Discard, io.Discard); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
}

// BenchmarkReportLongLine: report on a line of 20,000 supports, loading
// included.
func BenchmarkReportLongLine(b *testing.B) {
	benchLine(b, supportLineYAML(20000), "report", "FILE", "--json", "--quiet")
}

// BenchmarkSupportLongLine: support on the end of a line of 20,000
// supports, loading included.
func BenchmarkSupportLongLine(b *testing.B) {
	benchLine(b, supportLineYAML(20000), "support", "FILE", "c0", "--json", "--quiet")
}

// BenchmarkOriginsLongLine: origins of a claim carried by a line of
// 20,000 relays, loading included.
func BenchmarkOriginsLongLine(b *testing.B) {
	benchLine(b, relayLineYAML(20000, 20001), "origins", "FILE", "line", "--json", "--quiet")
}
