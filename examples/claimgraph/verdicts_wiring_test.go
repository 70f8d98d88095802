package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestComputedVerdictsReachExports: without a --verdicts file, the
// ClaimReview export rates claims by the computed verdicts and the
// drawing colours them.
func TestComputedVerdictsReachExports(t *testing.T) {
	chdirRoot(t)
	needKimPutin(t)
	out := runOK(t, "export", defaultFile, "--format", "jsonld", "--review-url", "https://example.org/review/", "--author", "Example Desk", "--date", "2025-09-04")
	var doc any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("jsonld is not JSON: %v", err)
	}
	// Peskov's "not against anyone" is rejected: its review must rate it
	// 1 (False).
	i := strings.Index(out, "https://example.org/review/talks-not-against-anyone")
	if i < 0 {
		t.Fatalf("no review of talks-not-against-anyone:\n%s", out)
	}
	if !strings.Contains(out[i:], `"ratingValue": 1`) {
		t.Errorf("the review of talks-not-against-anyone is not rated 1")
	}
	// The "only pact" claim held until the treaty: time resolves their
	// contradiction, so it is contested by nothing and not reviewed.
	if strings.Contains(out, "https://example.org/review/china-only-defence-pact") {
		t.Errorf("china-only-defence-pact, whose contradictions time resolves, is reviewed:\n%s", out)
	}
	dot := runOK(t, "draw", defaultFile)
	if !strings.Contains(dot, "[REJECTED]") || !strings.Contains(dot, "[ACCEPTED]") {
		t.Errorf("the drawing shows no computed verdicts")
	}
}
