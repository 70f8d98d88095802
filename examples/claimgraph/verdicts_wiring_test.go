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
	// The "only pact" claim is rejected: its review must rate it 1 (False).
	i := strings.Index(out, "https://example.org/review/china-only-defence-pact")
	if i < 0 {
		t.Fatalf("no review of china-only-defence-pact:\n%s", out)
	}
	if !strings.Contains(out[i:], `"ratingValue": 1`) {
		t.Errorf("the review of china-only-defence-pact is not rated 1")
	}
	dot := runOK(t, "draw", defaultFile)
	if !strings.Contains(dot, "[REJECTED]") || !strings.Contains(dot, "[ACCEPTED]") {
		t.Errorf("the drawing shows no computed verdicts")
	}
}
