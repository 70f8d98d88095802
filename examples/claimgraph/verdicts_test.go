package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seedFile is the seed dataset relative to this directory.
var seedFile = filepath.Join("..", "..", "testdata", "kim-putin.yaml")

func TestVerdicts(t *testing.T) {
	tests := []struct {
		args []string
		want []string // lines that must appear in the output
	}{
		// The seed's one live contradiction: two independent origins
		// against Peskov's one.
		{[]string{"verdicts", seedFile}, []string{
			"rejected", "talks-not-against-anyone",
			"defeated by weapons-sale-on-agenda (contradiction)",
			"support lending:",
		}},
		// It stays the reason in every reading of support.
		{[]string{"verdicts", seedFile, "--support", "bipolar"}, []string{
			"support bipolar:", "defeated by weapons-sale-on-agenda (contradiction)",
		}},
		{[]string{"verdicts", seedFile, "--at", "2025-09-03"}, []string{
			"Verdicts as of 2025-09-03, support lending:", "no longer holding since 2024-06-19",
		}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args[2:], " "), func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := run(tt.args, &out, &errb); code != 0 {
				t.Fatalf("exit %d: %s", code, errb.String())
			}
			for _, w := range tt.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out.String())
				}
			}
		})
	}
}

// TestVerdictsJSON: the verdict on china-only-defence-pact, which holds
// until 2024-06-19 and contradicts the treaty, which holds from then on:
// time resolves their contradiction, so the claim is accepted undated, as
// of the year both touch and before the treaty, and no longer holds
// after it.
func TestVerdictsJSON(t *testing.T) {
	for _, tt := range []struct{ at, support, label, since string }{
		{"", "lending", "accepted", ""},
		{"", "necessary", "accepted", ""},
		{"2024", "lending", "accepted", ""},
		{"2024-01-01", "lending", "accepted", ""},
		{"2024-06-18", "lending", "accepted", ""},
		{"2024-06-19", "lending", "not-holding", "2024-06-19"},
		{"2025-09-03", "deductive", "not-holding", "2024-06-19"},
	} {
		t.Run(tt.at+" "+tt.support, func(t *testing.T) {
			var out, errb bytes.Buffer
			args := []string{"verdicts", seedFile, "--json", "--support", tt.support}
			if tt.at != "" { // all time: the flag left out (given empty, it is refused)
				args = append(args, "--at", tt.at)
			}
			if code := run(args, &out, &errb); code != 0 {
				t.Fatalf("exit %d: %s", code, errb.String())
			}
			var rep verdictsReport
			if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
				t.Fatal(err)
			}
			if rep.Support != tt.support {
				t.Errorf("support %q, want %q", rep.Support, tt.support)
			}
			for _, v := range rep.Verdicts {
				if v.Claim == "china-only-defence-pact" {
					if v.Label != tt.label || v.Since != tt.since {
						t.Errorf("label %q since %q, want %q %q", v.Label, v.Since, tt.label, tt.since)
					}
					return
				}
			}
			t.Error("no verdict on china-only-defence-pact")
		})
	}
}

func TestVerdictsUsage(t *testing.T) {
	for _, args := range [][]string{{"verdicts"}, {"verdicts", seedFile, "--at", "June"}, {"verdicts", seedFile, "--support", "circular"}} {
		var out, errb bytes.Buffer
		if code := run(args, &out, &errb); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

// TestReasonWithoutSources: a reason naming a claim with no origin of
// its own printed "[; evidence 3]" (red team); with none lent either it
// says "no origin".
func TestReasonWithoutSources(t *testing.T) {
	got := reasonLine("c", verdictsReason{Kind: "attacker", Claim: "c3", Attack: "contradiction", Evidence: 3, Lent: []string{"s1", "s2", "s3"}})
	if strings.Contains(got, "[;") || !strings.Contains(got, "[lent s1, s2, s3; evidence 3]") {
		t.Errorf("reason %q: want the bracket to name the lent origins alone", got)
	}
	got = reasonLine("c", verdictsReason{Kind: "attacker", Claim: "c3", Attack: "contradiction"})
	if !strings.Contains(got, "[no origin; evidence 0]") {
		t.Errorf("reason %q: want the bracket to say the claim has no origin", got)
	}
}

// verdictsText runs "verdicts" on the YAML text yml with the extra
// arguments and returns what it prints.
func verdictsText(t *testing.T, yml string, extra ...string) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "g.yaml")
	if err := os.WriteFile(file, []byte(yml), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := run(append([]string{"verdicts", file}, extra...), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	return out.String()
}

// TestReasonOrigins: a reason's bracket names what the evidence counts,
// the independent origins and the lent ones, not the sources the claim
// appears in (red team 8, finding 9): a appears in s1 and in s2, which
// republishes s1, and d (in s3) lends it a second origin.
func TestReasonOrigins(t *testing.T) {
	got := verdictsText(t, `claimgraph: 1
sources:
  - {id: s1, title: One, kind: news-article}
  - {id: s2, title: Two, kind: news-article, derived_from: [{source: s1, kind: republishes}]}
  - {id: s3, title: Three, kind: news-article}
  - {id: s4, title: Four, kind: news-article}
  - {id: s5, title: Five, kind: news-article}
claims:
  - {id: a, text: A., appearances: [{source: s1}, {source: s2}]}
  - {id: c, text: C., appearances: [{source: s4}, {source: s5}]}
  - {id: d, text: D., appearances: [{source: s3}]}
relations:
  - {from: a, to: c, kind: contradicts}
  - {from: d, to: a, kind: supports}
`)
	if want := "left open by a (contradiction) [origins s1; lent s3; evidence 2]"; !strings.Contains(got, want) {
		t.Errorf("output lacks %q:\n%s", want, got)
	}
	if strings.Contains(got, "s1, s2") {
		t.Errorf("a reason lists the relay s2 beside its origin:\n%s", got)
	}
}

// TestReasonDerivedWords: the secondary and mediated attacks reach a
// claim through the claim their attacker defeats, which is therefore
// rejected in the same run; the reason says so in words an editor can
// sign (red team 8, finding 4), rather than "secondary via a".
func TestReasonDerivedWords(t *testing.T) {
	const yml = `claimgraph: 1
sources:
  - {id: s1, title: One, kind: news-article}
  - {id: s2, title: Two, kind: news-article}
  - {id: s3, title: Three, kind: news-article}
  - {id: s4, title: Four, kind: news-article}
  - {id: s5, title: Five, kind: news-article}
claims:
  - {id: a, text: A., appearances: [{source: s1}]}
  - {id: b, text: B., appearances: [{source: s2}]}
  - {id: c, text: C., appearances: [{source: s3}, {source: s4}, {source: s5}]}
relations:
  - {from: a, to: b, kind: supports}
  - {from: c, to: %s, kind: contradicts}
`
	for _, tt := range []struct{ target, support, want string }{
		{"a", "necessary", "defeated by c (secondary attack: c defeats a, on which b depends) [origins s3, s4, s5;"},
		{"a", "bipolar", "defeated by c (secondary attack: c defeats a, on which b depends)"},
		{"b", "deductive", "defeated by c (mediated attack: c defeats b, which a implies)"},
	} {
		got := verdictsText(t, fmt.Sprintf(yml, tt.target), "--support", tt.support)
		if !strings.Contains(got, tt.want) {
			t.Errorf("--support %s: output lacks %q:\n%s", tt.support, tt.want, got)
		}
	}
}

// TestVerdictsShowPublished: a claim's published review is shown beside
// its computed verdict, in the text and in --json; a review in progress
// is not, nor is one of another claim. The verdict is a suggestion; what
// the desk published was shown only by queue, diff and export.
func TestVerdictsShowPublished(t *testing.T) {
	path := writeTemp(t, "rev.yaml", `claimgraph: 1
sources:
  - {id: s1, kind: wire}
  - {id: s2, kind: wire}
claims:
  - {id: a, text: A., appearances: [{source: s1}], review: {status: published, rating: False, reviewer: Desk, date: 2025-02-01, url: "https://x.example/a"}}
  - {id: b, text: B., appearances: [{source: s2}], review: {status: in-progress}}
  - {id: c, text: C., appearances: [{source: s2}]}
`)
	var out, errb bytes.Buffer
	if code := run([]string{"verdicts", path}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if got := strings.Count(out.String(), "published:"); got != 1 || !strings.Contains(out.String(), "    published: False, by Desk, 2025-02-01, https://x.example/a\n") {
		t.Errorf("text: %d published lines, want a's alone:\n%s", got, out.String())
	}
	out.Reset()
	if code := run([]string{"verdicts", path, "--json"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var rep struct {
		Verdicts []struct {
			Claim     string
			Published *struct{ Rating, Date, Reviewer, URL string }
		}
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	for _, v := range rep.Verdicts {
		want := v.Claim == "a"
		if (v.Published != nil) != want || want && (v.Published.Rating != "False" || v.Published.Date != "2025-02-01" || v.Published.Reviewer != "Desk" || v.Published.URL != "https://x.example/a") {
			t.Errorf("--json: %s published %+v", v.Claim, v.Published)
		}
	}
}
