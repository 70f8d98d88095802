package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// graphFile writes a claim graph with the given sources (each
// "ID" or "ID<ORIGIN", a source that republishes ORIGIN), claims
// ("ID:SRC,SRC", an appearance in a derived source coming via its
// origin) and contradictions ("A-B") to a temporary file.
func graphFile(t *testing.T, srcs, cls, contra []string) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("claimgraph: 1\nsources:\n")
	origin := map[string]string{}
	for _, s := range srcs {
		id, orig, ok := strings.Cut(s, "<")
		fmt.Fprintf(&b, "  - id: %s\n    kind: news-article\n", id)
		if ok {
			origin[id] = orig
			fmt.Fprintf(&b, "    derived_from:\n      - source: %s\n        kind: republishes\n", orig)
		}
	}
	b.WriteString("claims:\n")
	for _, c := range cls {
		id, in, _ := strings.Cut(c, ":")
		fmt.Fprintf(&b, "  - id: %s\n    text: Claim %s.\n    appearances:\n", id, id)
		for _, s := range strings.Split(in, ",") {
			fmt.Fprintf(&b, "      - source: %s\n", s)
			if o, ok := origin[s]; ok {
				fmt.Fprintf(&b, "        via: %s\n", o)
			}
		}
	}
	if len(contra) > 0 {
		b.WriteString("relations:\n")
	}
	for _, r := range contra {
		x, y, _ := strings.Cut(r, "-")
		fmt.Fprintf(&b, "  - {from: %s, to: %s, kind: contradicts}\n", x, y)
	}
	file := filepath.Join(t.TempDir(), "g.yaml")
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// runText runs the command args and returns its standard output.
func runText(t *testing.T, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	if code := run(args, &out, &errb); code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errb.String())
	}
	return out.String()
}

// TestTrustPlainTie is the red team's plain tie: a in s, b in t, a
// contradicts b. ACCU converges, says the question is a tie, and gives
// neither source a trust: both are listed with no evidence, "only ties",
// not at 0.05.
func TestTrustPlainTie(t *testing.T) {
	file := graphFile(t, []string{"s", "t"}, []string{"a:s", "b:t"}, []string{"a-b"})
	var rep trustReport
	runJSON(t, &rep, "trust", file)
	if !rep.Converged || len(rep.Sources) != 0 {
		t.Errorf("converged %v in %d iterations, sources %+v; want converged, no source with a trust", rep.Converged, rep.Iterations, rep.Sources)
	}
	if len(rep.NoEvidence) != 2 || rep.NoEvidence[0].Reason != "only ties" || rep.NoEvidence[1].Reason != "only ties" {
		t.Errorf("no evidence %+v; want s and t, only ties", rep.NoEvidence)
	}
	if len(rep.Objects) != 1 || !rep.Objects[0].Tie {
		t.Errorf("objects %+v; want one tie", rep.Objects)
	}
	text := runText(t, "trust", file)
	for _, want := range []string{"converged in", "(tie: b)", "s (no evidence: only ties)"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
}

// TestTrustVerdictsDiffer: w (in r1) and wneg (in i1) contradict, one
// origin each, so the verdicts leave both undecided; i1 earned accuracy
// elsewhere (x, corroborated by k, against y), so trust picks wneg. The
// output says the verdicts differ, and a lone claim is "uncontested"
// rather than a belief.
func TestTrustVerdictsDiffer(t *testing.T) {
	file := graphFile(t, []string{"r1", "i1", "k", "z"},
		[]string{"w:r1", "wneg:i1", "x:i1,k", "y:z", "lone:r1"}, []string{"w-wneg", "x-y"})
	var rep trustReport
	runJSON(t, &rep, "trust", file)
	byName := map[string]trustObject{}
	for _, o := range rep.Objects {
		byName[o.Object] = o
	}
	if o := byName["w | wneg"]; o.Value == nil || *o.Value != "wneg" || o.Verdict != "undecided" || o.Tie {
		t.Errorf("w | wneg: %+v; want wneg, not a tie, verdict undecided", o)
	}
	if o := byName["x | y"]; o.Value == nil || *o.Value != "x" || o.Verdict != "accepted" {
		t.Errorf("x | y: %+v; want x, verdict accepted", o)
	}
	if o := byName["lone"]; !o.Uncontested || byName["w | wneg"].Uncontested {
		t.Errorf("lone %+v: want uncontested, and w | wneg not", o)
	}
	text := runText(t, "trust", file)
	for _, want := range []string{"wneg (verdicts: undecided)", "uncontested"} {
		if !strings.Contains(text, want) {
			t.Errorf("trust text lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "x (verdicts") {
		t.Errorf("trust marks x, which the verdicts accept:\n%s", text)
	}
	report := runText(t, "report", file)
	if !strings.Contains(report, "trust's choice, verdicts: undecided: wneg\n    over w") {
		t.Errorf("report lacks the choice the verdicts leave undecided:\n%s", report)
	}
}

// TestTrustRelays: outlet republishes wire and carries its claim h, which
// d contradicts. The outlet's vote is the wire's, so it has no estimate:
// the output lists it as a relay of wire (the header counts it among the
// sources) instead of saying it had no claim contested.
func TestTrustRelays(t *testing.T) {
	file := graphFile(t, []string{"wire", "outlet<wire", "den", "other"},
		[]string{"h:wire,outlet", "d:den", "e:other,den"}, []string{"h-d", "h-e"})
	var rep trustReport
	runJSON(t, &rep, "trust", file)
	if got := len(rep.Sources) + len(rep.NoEvidence); got != rep.Counts.Sources {
		t.Errorf("%d sources listed with a trust or none, of %d", got, rep.Counts.Sources)
	}
	i := slices.IndexFunc(rep.NoEvidence, func(u trustUnknown) bool { return u.Source == "outlet" })
	if i < 0 || rep.NoEvidence[i].Reason != "relay of wire" || !slices.Equal(rep.NoEvidence[i].Relays, []string{"wire"}) {
		t.Fatalf("no evidence %+v; want outlet, relay of wire", rep.NoEvidence)
	}
	for _, args := range [][]string{{"trust", file}, {"report", file}} {
		text := runText(t, args...)
		if !strings.Contains(text, "outlet (no evidence: relay of wire)") || strings.Contains(text, "not listed") {
			t.Errorf("%s: want outlet shown as a relay of wire:\n%s", args[0], text)
		}
	}
}

// TestTrustCliqueAbbreviated: on a clique of 30 mutually contradicting
// claims the text names the question by its first two claims and the
// count, and the tie by its count; --json keeps every claim.
func TestTrustCliqueAbbreviated(t *testing.T) {
	const n = 30
	var srcs, cls, contra []string
	for i := range n {
		srcs = append(srcs, fmt.Sprintf("s%d", i))
		cls = append(cls, fmt.Sprintf("c%d:s%d", i, i))
		for j := i + 1; j < n; j++ {
			contra = append(contra, fmt.Sprintf("c%d-c%d", i, j))
		}
	}
	file := graphFile(t, srcs, cls, contra)
	text := runText(t, "trust", file)
	for _, want := range []string{"c0 | c1 | … (30 claims)", "(tie with 29 others)"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	for _, line := range strings.Split(text, "\n") {
		if len(line) > 200 {
			t.Errorf("a line of %d characters: %.80s…", len(line), line)
		}
	}
	var rep trustReport
	runJSON(t, &rep, "trust", file)
	if len(rep.Objects) != 1 || strings.Count(rep.Objects[0].Object, " | ") != n-1 || len(rep.Objects[0].TiedWith) != n-1 {
		t.Errorf("json objects %+v; want one of %d claims, tied with %d", rep.Objects, n, n-1)
	}
}
