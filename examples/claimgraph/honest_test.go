package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// lentByRejected is the red team's first finding: h, defeated by k,
// supports t, which appears in one social post.
const lentByRejected = `claimgraph: 1
sources:
  - {id: post, kind: social-post}
  - {id: o1, kind: news-article}
  - {id: d1, kind: news-article}
  - {id: d2, kind: news-article}
  - {id: d3, kind: news-article}
claims:
  - {id: h, text: H., appearances: [{source: o1}]}
  - {id: k, text: not H., appearances: [{source: d1}, {source: d2}, {source: d3}]}
  - {id: t, text: T., appearances: [{source: post}]}
relations:
  - {from: h, to: k, kind: contradicts}
  - {from: h, to: t, kind: supports}
`

// capped is the second: top, in x, is supported by 100 claims in a source
// each; neg, in 70 sources, contradicts it.
func capped() string {
	var b strings.Builder
	b.WriteString("claimgraph: 1\nsources:\n  - {id: x, kind: news-article}\n")
	for i := range 100 {
		fmt.Fprintf(&b, "  - {id: s%d, kind: news-article}\n", i)
	}
	for i := range 70 {
		fmt.Fprintf(&b, "  - {id: n%d, kind: news-article}\n", i)
	}
	b.WriteString("claims:\n  - {id: top, text: Top., appearances: [{source: x}]}\n")
	for i := range 100 {
		fmt.Fprintf(&b, "  - {id: c%d, text: C%d., appearances: [{source: s%d}]}\n", i, i, i)
	}
	b.WriteString("  - {id: neg, text: Neg., appearances: [")
	for i := range 70 {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "{source: n%d}", i)
	}
	b.WriteString("]}\nrelations:\n  - {from: neg, to: top, kind: contradicts}\n")
	for i := range 100 {
		fmt.Fprintf(&b, "  - {from: c%d, to: top, kind: supports}\n", i)
	}
	return b.String()
}

// verdictsOf runs verdicts --json on file.
func verdictsOf(t *testing.T, file string) verdictsReport {
	t.Helper()
	var out, errb bytes.Buffer
	if code := run([]string{"verdicts", file, "--json"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var rep verdictsReport
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	return rep
}

func claimOf(t *testing.T, rep verdictsReport, id string) verdictsClaim {
	t.Helper()
	for _, c := range rep.Verdicts {
		if c.Claim == id {
			return c
		}
	}
	t.Fatalf("no verdict on %s", id)
	return verdictsClaim{}
}

// TestRejectedLendsNothingCLI: t is not True on one origin, in verdicts,
// their text and the ClaimReview export.
func TestRejectedLendsNothingCLI(t *testing.T) {
	file := writeTemp(t, "g.yaml", lentByRejected)
	rep := verdictsOf(t, file)
	tv := claimOf(t, rep, "t")
	if tv.Label != "accepted" || tv.Evidence != 1 || len(tv.Lent) != 0 || tv.Rating.Value >= 4 {
		t.Errorf("t: %s, %s, evidence %v, lent %v; want accepted on its own origin, below Mostly true", tv.Label, tv.Rating.Name, tv.Evidence, tv.Lent)
	}
	if rep.Rounds != 2 || len(rep.Silent) != 1 || rep.Silent[0] != "h" {
		t.Errorf("rounds %d, silent %v; want 2, [h]", rep.Rounds, rep.Silent)
	}
	code, out, errs := runInterchange(t, "verdicts", file)
	if code != 0 || !strings.Contains(out, "labels after 2 rounds; rejected in a round, these lend nothing: h") {
		t.Errorf("exit %d, %s; text lacks the rounds:\n%s", code, errs, out)
	}
	// Adding h's support changes nothing of t: diff finds no verdict
	// changed ("1 → 2 independent origins" before).
	before := writeTemp(t, "before.yaml", strings.Replace(lentByRejected, "  - {from: h, to: t, kind: supports}\n", "", 1))
	code, out, errs = runInterchange(t, "diff", before, file)
	if code != 0 || strings.Contains(out, "t:") {
		t.Errorf("diff: exit %d, %s; want no verdict changed:\n%s", code, errs, out)
	}
	code, out, errs = runInterchange(t, "export", file, "--format", "jsonld", "--review-url", "https://fc.example/", "--author", "a", "--claims", "t")
	if code != 0 {
		t.Fatalf("export: exit %d: %s", code, errs)
	}
	if strings.Contains(out, `"True"`) || !strings.Contains(out, tv.Rating.Name) {
		t.Errorf("ClaimReview of t is not rated %s:\n%s", tv.Rating.Name, out)
	}
}

// TestCapNeverFlipsCLI: top, with 101 origins counted to 65, is not
// rejected by neg's 70; both are open, and every output says top's
// evidence is a lower bound.
func TestCapNeverFlipsCLI(t *testing.T) {
	file := writeTemp(t, "g.yaml", capped())
	rep := verdictsOf(t, file)
	top, neg := claimOf(t, rep, "top"), claimOf(t, rep, "neg")
	if top.Label != "undecided" || neg.Label != "undecided" || !top.Capped || neg.Capped {
		t.Errorf("top %s (capped %v), neg %s (capped %v); want both undecided, top capped", top.Label, top.Capped, neg.Label, neg.Capped)
	}
	if len(neg.Reasons) != 1 || neg.Reasons[0].Claim != "top" || !neg.Reasons[0].Capped {
		t.Errorf("neg's reasons %+v: want top, capped", neg.Reasons)
	}
	code, out, errs := runInterchange(t, "verdicts", file)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, w := range []string{">=65  top", "evidence at least 65 (capped)", "[origins x; lent s0, s1, s2, s3, s4 and 59 more;", "least 65 (capped)]"} {
		if !strings.Contains(out, w) {
			t.Errorf("text lacks %q:\n%s", w, out)
		}
	}
	code, out, errs = runInterchange(t, "export", file, "--format", "jsonld", "--review-url", "https://fc.example/", "--author", "a", "--claims", "top")
	if code != 0 {
		t.Fatalf("export: exit %d: %s", code, errs)
	}
	if strings.Contains(out, `"True"`) {
		t.Errorf("ClaimReview rates top True while it is open:\n%s", out)
	}
}
