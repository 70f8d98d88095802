package main

import (
	"bytes"
	"encoding/json"
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
			if code := run([]string{"verdicts", seedFile, "--json", "--at", tt.at, "--support", tt.support}, &out, &errb); code != 0 {
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

// TestReasonWithoutSources: a reason naming a claim with no appearance of
// its own printed "[; evidence 3]" (red team).
func TestReasonWithoutSources(t *testing.T) {
	got := reasonLine(verdictsReason{Kind: "attacker", Claim: "c3", Attack: "contradiction", Evidence: 3})
	if strings.Contains(got, "[;") || !strings.Contains(got, "[no appearance of its own; evidence 3]") {
		t.Errorf("reason %q: want the bracket to say the claim has no appearance of its own", got)
	}
}
