package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/sources/truth"
)

// viralYAML is a viral claim x and its denial y, carried by n outlets of
// their own: x by the even ones, y by the odd ones. The one question has
// n sources.
func viralYAML(n int) string {
	var b strings.Builder
	b.WriteString("claimgraph: 1\nsources:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {id: s%d, kind: news-article}\n", i)
	}
	b.WriteString("claims:\n")
	for c, name := range []string{"x", "y"} {
		fmt.Fprintf(&b, "  - id: %s\n    text: %s.\n    appearances:\n", name, name)
		for i := c; i < n; i += 2 {
			fmt.Fprintf(&b, "      - {source: s%d}\n", i)
		}
	}
	b.WriteString("relations:\n  - {from: x, to: y, kind: contradicts}\n")
	return b.String()
}

// TestTrustViralLinear: trust and report on a question of n sources, past
// truth.MaxCopySources, allocate about twice as much for twice the
// sources, and say that copy detection skipped the question; the pairs
// of every two outlets of a claim once took 1.26 GB at 8,000.
func TestTrustViralLinear(t *testing.T) {
	small, big := lineFiles(t, 400, viralYAML)
	for _, cmd := range []string{"trust", "report"} {
		checkLinear(t, small, big, func(f string) []string { return []string{cmd, f} })
	}
	want := fmt.Sprintf("copy detection skipped for 1 object of more than %d sources", truth.MaxCopySources)
	if out := runOK(t, "trust", small); !strings.Contains(out, want) {
		t.Errorf("trust does not say %q:\n%.300s", want, out)
	}
	if out := runOK(t, "report", small); !strings.Contains(out, strings.Replace(want, "object", "question", 1)) {
		t.Errorf("report does not say copy detection skipped the question")
	}
	var trust struct {
		Skipped *copySkipped `json:"copy_skipped"`
	}
	var report struct {
		Trust struct {
			Skipped *copySkipped `json:"copy_skipped"`
		} `json:"trust"`
	}
	json.Unmarshal([]byte(runOK(t, "trust", small, "--json")), &trust)
	json.Unmarshal([]byte(runOK(t, "report", small, "--json")), &report)
	for name, got := range map[string]*copySkipped{"trust": trust.Skipped, "report": report.Trust.Skipped} {
		if got == nil || *got != (copySkipped{1, truth.MaxCopySources, truth.DefaultMaxCopyPairs}) {
			t.Errorf("%s --json: copy_skipped %+v, want one object and the bound", name, got)
		}
	}
	// Below the bound nothing is skipped, and nothing said.
	few := writeTemp(t, "few.yaml", viralYAML(10))
	if out := runOK(t, "trust", few); strings.Contains(out, "copy detection") {
		t.Errorf("trust on 10 sources mentions copy detection:\n%s", out)
	}
	if out := runOK(t, "trust", few, "--json"); strings.Contains(out, "copy_skipped") {
		t.Errorf("trust --json on 10 sources has copy_skipped")
	}
}
