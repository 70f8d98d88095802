package diff_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph/diff"
	"github.com/google/go-cmp/cmp"
)

// bothWays compares old with new with both graphs at hand (Compare) and
// with old summarized (Summarize, Summary.Compare), wants the same
// report from both, and returns it.
func bothWays(t *testing.T, old, new string) *diff.Report {
	t.Helper()
	want, err := diff.Compare(readYAML(t, old), readYAML(t, new), diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := diff.Summarize(readYAML(t, old), diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Compare(readYAML(t, new))
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("the summary's report differs from Compare's (-want +got):\n%s", d)
	}
	return want
}

const ordered = `claimgraph: 1
entities:
  - {id: e1, name: E1, kind: person, aliases: [x, y]}
  - {id: e2, name: E2, kind: person}
sources:
  - {id: s1, title: One, kind: news-article}
  - {id: s2, title: Two, kind: news-article, derived_from: [{source: s1, kind: cites}, {source: s3, kind: quotes}]}
  - {id: s3, title: Three, kind: news-article}
claims:
  - {id: a, text: A., about: [e1, e2], appearances: [{source: s1}, {source: s2, speaker: e1}]}
  - {id: b, text: B., appearances: [{source: s3}]}
  - {id: c, text: C., appearances: [{source: s3}]}
relations:
  - {from: a, to: b, kind: contradicts, sources: [s1, s2]}
  - {from: c, to: a, kind: supports}
`

// reordered is ordered with every list whose order means nothing in
// another order.
var reordered = strings.NewReplacer(
	"aliases: [x, y]", "aliases: [y, x]",
	"[{source: s1, kind: cites}, {source: s3, kind: quotes}]", "[{source: s3, kind: quotes}, {source: s1, kind: cites}]",
	"about: [e1, e2]", "about: [e2, e1]",
	"[{source: s1}, {source: s2, speaker: e1}]", "[{source: s2, speaker: e1}, {source: s1}]",
	"sources: [s1, s2]", "sources: [s2, s1]",
).Replace(ordered)

// TestReorderedListsNoChange: a file whose lists are only reordered
// (aliases, derived_from, about, appearances, a relation's sources) has
// changed nothing (red team 6, finding 7).
func TestReorderedListsNoChange(t *testing.T) {
	if reordered == ordered {
		t.Fatal("the replacements changed nothing")
	}
	r := bothWays(t, ordered, reordered)
	if len(r.Verdicts)+len(r.Added)+len(r.Removed)+len(r.Changed)+len(r.Merged) != 0 {
		t.Errorf("reordering reported: %+v", r)
	}
	// A real change of one of those lists still shows.
	r = bothWays(t, ordered, strings.Replace(reordered, "sources: [s2, s1]", "sources: [s2, s3]", 1))
	if len(r.Changed) != 1 || r.Changed[0].ID != "a contradicts b" || !slices.Equal(r.Changed[0].Fields, []string{"sources"}) {
		t.Errorf("changed %+v, want the relation's sources", r.Changed)
	}
}

// TestReorderedNotCause: when a verdict moves, a list only reordered is
// not named among its causes.
func TestReorderedNotCause(t *testing.T) {
	// b gains two origins, so it now defeats a, whose appearances are
	// only reordered.
	new := strings.Replace(reordered, "{id: b, text: B., appearances: [{source: s3}]}",
		"{id: b, text: B., appearances: [{source: s3}, {source: s4}, {source: s5}]}", 1)
	new = strings.Replace(new, "  - {id: s3, title: Three, kind: news-article}\n",
		"  - {id: s3, title: Three, kind: news-article}\n  - {id: s4, kind: wire}\n  - {id: s5, kind: wire}\n", 1)
	r := bothWays(t, ordered, new)
	var found bool
	for _, v := range r.Verdicts {
		found = found || v.Claim == "a"
		if strings.Contains(v.Reason, "a changed") || strings.Contains(v.Reason, "e1 changed") || strings.Contains(v.Reason, "s2 changed") {
			t.Errorf("reason %q names a reordering", v.Reason)
		}
	}
	if !found {
		t.Errorf("verdicts %+v, want a's moved", r.Verdicts)
	}
}

// TestPublishedRatingChange: a published rating changed is a verdict
// line, old → new, though no computed verdict moved.
func TestPublishedRatingChange(t *testing.T) {
	const before = `claimgraph: 1
sources:
  - {id: s1, title: One, kind: news-article}
claims:
  - id: x
    text: X holds.
    review: {status: published, rating: Unproven}
    appearances: [{source: s1}]
  - {id: y, text: Y holds., appearances: [{source: s1}]}
`
	r := bothWays(t, before, strings.Replace(before, "rating: Unproven", `rating: "False"`, 1))
	if len(r.Verdicts) != 1 {
		t.Fatalf("verdicts %+v, want x's", r.Verdicts)
	}
	v := r.Verdicts[0]
	if v.Claim != "x" || v.Old.Published != "Unproven" || v.New.Published != "False" || !strings.Contains(v.Reason, "published rating Unproven → False") {
		t.Errorf("verdict change %+v, want x: published rating Unproven → False", v)
	}
	// A first publication says none → the rating; a review changed in
	// other ways is no verdict line.
	unpublished := strings.Replace(before, "status: published, rating: Unproven", "status: in-progress", 1)
	if r := bothWays(t, unpublished, before); len(r.Verdicts) != 1 || !strings.Contains(r.Verdicts[0].Reason, "published rating none → Unproven") {
		t.Errorf("first publication: %+v", r.Verdicts)
	}
	if r := bothWays(t, before, strings.Replace(before, "rating: Unproven}", "rating: Unproven, reviewer: Ann}", 1)); len(r.Verdicts) != 0 || len(r.Changed) != 1 {
		t.Errorf("reviewer added: verdicts %+v, changed %+v; want no verdict line, x changed", r.Verdicts, r.Changed)
	}
}

// unmerged and merged are one file before and after b is merged into a.
const (
	unmerged = `claimgraph: 1
sources:
  - {id: s1, title: One, kind: news-article}
  - {id: s2, title: Two, kind: news-article}
  - {id: s3, title: Three, kind: news-article}
claims:
  - {id: a, text: A., appearances: [{source: s1}]}
  - {id: b, text: B., appearances: [{source: s2}]}
  - {id: x, text: X., appearances: [{source: s3}]}
relations:
  - {from: x, to: b, kind: contradicts}
`
	merged = `claimgraph: 1
sources:
  - {id: s1, title: One, kind: news-article}
  - {id: s2, title: Two, kind: news-article}
  - {id: s3, title: Three, kind: news-article}
claims:
  - {id: a, text: A., appearances: [{source: s1}, {source: s2}], merged: [b]}
  - {id: x, text: X., appearances: [{source: s3}]}
relations:
  - {from: x, to: a, kind: contradicts}
`
)

// verdictsByClaim returns the verdict changes of r by claim.
func verdictsByClaim(r *diff.Report) map[string]diff.VerdictChange {
	byClaim := map[string]diff.VerdictChange{}
	for _, v := range r.Verdicts {
		byClaim[v.Claim] = v
	}
	return byClaim
}

// TestMergedAwayLine: a claim merged into another gets a verdict line,
// with the verdict of the claim it is now part of; that claim's reason
// names the merge.
func TestMergedAwayLine(t *testing.T) {
	byClaim := verdictsByClaim(bothWays(t, unmerged, merged))
	b, ok := byClaim["b"]
	if !ok || b.Into != "a" || !b.New.Present || b.Reason != "b: undecided → merged into a (accepted)" {
		t.Errorf("b's line %+v, want b: undecided → merged into a (accepted)", b)
	}
	if a := byClaim["a"]; !strings.Contains(a.Reason, "b merged into a") {
		t.Errorf("a's reason %q, want it to name b merged into a", a.Reason)
	}
}

// TestMergeUndoneLine: a claim the old graph had merged into another and
// the new one has on its own again (a merge undone) is no claim added
// from nothing: its line starts from the verdict look-ups by its ID gave,
// that of the claim it was part of, and its reason, and that claim's,
// say it was split off (red team 7, finding 7).
func TestMergeUndoneLine(t *testing.T) {
	byClaim := verdictsByClaim(bothWays(t, merged, unmerged))
	b, ok := byClaim["b"]
	if !ok || b.OldInto != "a" || b.Into != "" || !b.Old.Present {
		t.Fatalf("b's line %+v, want one from a's old verdict", b)
	}
	if want := "b: merged into a (accepted) → undecided: b split from a"; !strings.HasPrefix(b.Reason, want) {
		t.Errorf("b's reason %q, want it to start %q", b.Reason, want)
	}
	if a, ok := byClaim["a"]; !ok || !slices.Contains(a.Causes, "b split from a") {
		t.Errorf("a's line %+v, want it to name b split from a", a)
	}
	// The forward line is unchanged, and a claim new from nothing is
	// still absent before.
	if fw := bothWays(t, unmerged, merged); len(fw.Verdicts) == 0 || slices.ContainsFunc(fw.Verdicts, func(v diff.VerdictChange) bool { return v.OldInto != "" }) {
		t.Errorf("the forward diff %+v names a merge undone", fw.Verdicts)
	}
	added := strings.Replace(unmerged, "  - {id: x,", "  - {id: y, text: Y.}\n  - {id: x,", 1)
	if r := bothWays(t, unmerged, added); len(r.Verdicts) != 1 || r.Verdicts[0].OldInto != "" || r.Verdicts[0].Old.Present {
		t.Errorf("a claim added: %+v, want absent before", r.Verdicts)
	}
}
