package main

import (
	"path/filepath"
	"strings"
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

// TestExportOwnScale: a published rating on the desk's own scale is
// exported in words, beside the others, not a failure of the export;
// check accepts the file, and export agrees.
func TestExportOwnScale(t *testing.T) {
	path := writeTemp(t, "own.yaml", `claimgraph: 1
sources:
  - {id: s1, kind: wire}
claims:
  - {id: p, text: P., appearances: [{source: s1}], review: {status: published, rating: Pants on Fire}}
  - {id: q, text: Q., appearances: [{source: s1}], review: {status: published, rating: "False"}}
`)
	runOK(t, "check", path)
	out := runOK(t, "export", path, "--format", "jsonld", "--review-url", "https://desk.example/", "--author", "Desk")
	if !strings.Contains(out, `"alternateName": "Pants on Fire"`) || !strings.Contains(out, `"ratingValue": 1`) {
		t.Errorf("export:\n%s\nwant Pants on Fire in words and False rated 1", out)
	}
}
