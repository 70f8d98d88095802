package main

import (
	"path/filepath"
	"testing"
)

func TestQueueGolden(t *testing.T) {
	pkg := chdirRoot(t)
	f := filepath.Join(pkg, "testdata/queue.yaml")
	golden(t, pkg, "queue.golden", runOK(t, "queue", f))
	golden(t, pkg, "queue.json.golden", runOK(t, "queue", f, "--json"))
	runCmd(t, 2, "queue")
}

// TestExportPublishedReviews checks that the ClaimReview export gives
// the published reviews, with their own URL and date, and no other claim.
func TestExportPublishedReviews(t *testing.T) {
	pkg := chdirRoot(t)
	out := runOK(t, "export", filepath.Join(pkg, "testdata/queue.yaml"), "--format", "jsonld",
		"--review-url", "https://desk.example/claims/", "--author", "Desk", "--date", "2025-10-01")
	golden(t, pkg, "queue-claimreview.golden", out)
}
