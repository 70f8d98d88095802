package evidence_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/evidence"
	"github.com/claimgraph/claimgraph/graph/synth"
)

// digestBase: x appears in s1, s2 and s3 (3 independent origins),
// contradicted by y from 2023; w supports x, and x supports v.
const digestBase = `claimgraph: 1
sources:
  - {id: s1, title: One, kind: news-article}
  - {id: s2, title: Two, kind: news-article}
  - {id: s3, title: Three, kind: news-article}
  - {id: s4, title: Four, kind: news-article}
claims:
  - id: x
    text: X holds.
    appearances:
      - {source: s1}
      - {source: s2}
      - {source: s3}
  - {id: y, text: Y holds., valid_from: 2023, appearances: [{source: s4}]}
  - {id: w, text: W holds., appearances: [{source: s1}]}
  - {id: v, text: V holds., appearances: [{source: s4}]}
relations:
  - {from: y, to: x, kind: contradicts}
  - {from: w, to: x, kind: supports}
  - {from: x, to: v, kind: supports}
`

func readDigestGraph(t *testing.T, text string) *graph.Graph {
	t.Helper()
	g, err := graph.ReadYAML(strings.NewReader(text), "desk.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func digestOf(t *testing.T, text, id string) string {
	t.Helper()
	d, err := evidence.Digest(readDigestGraph(t, text).View, id)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// moved is what moved between the digest of claim x in was and in now.
func moved(t *testing.T, was, now string) string {
	t.Helper()
	d, err := evidence.DigestsOf(readDigestGraph(t, now).View)
	if err != nil {
		t.Fatal(err)
	}
	m, err := d.Moved(digestOf(t, was, "x"), "x")
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestDigestOrigins: the digest covers the claim's origins, own and lent
// (red team 6, finding 6a): a derivation declared between two of its
// sources, or a new origin of a supporter, moves it though no appearance
// or relation at the claim changed.
func TestDigestOrigins(t *testing.T) {
	base := digestOf(t, digestBase, "x")
	if !strings.HasPrefix(base, "v2:3a1s1c3o:") {
		t.Errorf("digest %s, want v2: 3 appearances, 1 supporter, 1 contradiction, 3 origins (w's s1 is x's own)", base)
	}
	copied := strings.Replace(digestBase, "{id: s3, title: Three, kind: news-article}",
		"{id: s3, title: Three, kind: news-article, derived_from: [{source: s1, kind: republishes}]}", 1)
	if got := moved(t, digestBase, copied); got != "origins 3 → 2" {
		t.Errorf("s3 republishes s1: moved %q, want origins 3 → 2", got)
	}
	lent := strings.Replace(digestBase, "{id: w, text: W holds., appearances: [{source: s1}]}",
		"{id: w, text: W holds., appearances: [{source: s1}, {source: s4}]}", 1)
	if got := moved(t, digestBase, lent); got != "origins 3 → 4" {
		t.Errorf("w gains s4, which it lends x: moved %q, want origins 3 → 4", got)
	}
	// Another origin in place of one: the counts stay, the digest moves.
	swapped := strings.Replace(digestBase, "{id: s2, title: Two, kind: news-article}",
		"{id: s2, title: Two, kind: news-article, derived_from: [{source: s1, kind: republishes}]}", 1)
	if got := moved(t, copied, swapped); got != "the same counts, other items" {
		t.Errorf("origins s1, s2 → s1, s3: moved %q, want the same counts, other items", got)
	}
	if got := moved(t, digestBase, digestBase); got != "" {
		t.Errorf("nothing changed: moved %q", got)
	}
}

// TestDigestIgnores: decisions (same_as, distinct_from), a support the
// claim gives, the verdicts' date and the order of the file leave the
// digest as it is (red team 6, findings 6b and 6c).
func TestDigestIgnores(t *testing.T) {
	base := digestOf(t, digestBase, "x")
	decided := strings.Replace(digestBase, "{id: v, text: V holds., appearances: [{source: s4}]}",
		"{id: v, text: V holds., appearances: [{source: s4}]}\n  - {id: u, text: U holds., appearances: [{source: s4}]}", 1) +
		"  - {from: x, to: u, kind: distinct_from}\n"
	if got := digestOf(t, decided, "x"); got != base {
		t.Errorf("distinct_from decisions moved the digest: %s → %s", base, got)
	}
	same := strings.Replace(digestBase, "{id: v, text: V holds., appearances: [{source: s4}]}",
		"{id: v, text: V holds., appearances: [{source: s4}]}\n  - {id: x2, text: X is so.}", 1) + "  - {from: x, to: x2, kind: same_as}\n"
	if got := digestOf(t, same, "x"); got != base {
		t.Errorf("a same_as decision moved the digest: %s → %s", base, got)
	}
	gives := strings.Replace(digestBase, "  - {from: x, to: v, kind: supports}\n", "", 1)
	if got := digestOf(t, gives, "x"); got != base {
		t.Errorf("a support x gives moved x's digest: %s → %s", base, got)
	}
	reordered := strings.Replace(digestBase, "      - {source: s1}\n      - {source: s2}\n      - {source: s3}",
		"      - {source: s3}\n      - {source: s1}\n      - {source: s2}", 1)
	if got := digestOf(t, reordered, "x"); got != base {
		t.Errorf("reordered appearances moved the digest: %s → %s", base, got)
	}
	// A contradiction written the other way round (red team 7, finding
	// 4: g1, g2) is the same evidence, as diff and merge read it.
	swapped := strings.Replace(digestBase, "{from: y, to: x, kind: contradicts}", "{from: x, to: y, kind: contradicts}", 1)
	if got := digestOf(t, swapped, "x"); got != base {
		t.Errorf("a contradiction written the other way round moved the digest: %s → %s", base, got)
	}
	// A version 2 digest recorded over the ends as written, y before x,
	// is unmoved while they stay so.
	d, err := evidence.DigestsOf(readDigestGraph(t, digestBase).View)
	if err != nil {
		t.Fatal(err)
	}
	written, _ := d.WrittenDigest("x")
	if written == base {
		t.Fatalf("the ends as written give the digest in order, %s: the test tests nothing", base)
	}
	if got, err := d.Moved(written, "x"); err != nil || got != "" {
		t.Errorf("a digest over the ends as written: moved %q, %v", got, err)
	}
	g := readDigestGraph(t, digestBase)
	for _, at := range []string{"2021", "2024"} {
		date, _ := claims.ParseDate(at)
		if got, err := evidence.Digest(g.At(date), "x"); err != nil || got != base {
			t.Errorf("at %s: %s, %v; want the undated %s", at, got, err, base)
		}
	}
	if _, err := evidence.Digest(g.View, "nobody"); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("an unknown claim: %v, want ErrNotFound", err)
	}
}

// TestDigestVersion1: a digest recorded before origins were digested
// ("NaNsNc:HASH", no prefix) still reads: it is compared as it was made,
// over the appearances and every relation at the claim, a decision
// added since aside; what moved says it was of version 1.
func TestDigestVersion1(t *testing.T) {
	const sa = `claimgraph: 1
sources:
  - {id: s1, title: One, kind: news-article}
  - {id: s2, title: Two, kind: news-article}
claims:
  - {id: x, text: X holds., appearances: [{source: s1}]}
  - {id: x2, text: X is the case., appearances: [{source: s2}]}
`
	const recorded = "1a0s0c:2925dd2b080e" // graph.View.Evidence of x in sa, as recorded before
	for _, c := range []struct{ name, text, want string }{
		{"unchanged", sa, ""},
		{"distinct_from added", sa + "relations:\n  - {from: x, to: x2, kind: distinct_from}\n", ""},
		{"s2 derives from s1", strings.Replace(sa, "{id: s2, title: Two, kind: news-article}", "{id: s2, title: Two, kind: news-article, derived_from: [{source: s1, kind: cites}]}", 1), ""},
		{"appearance added", strings.Replace(sa, "appearances: [{source: s1}]}", "appearances: [{source: s1}, {source: s2}]}", 1),
			"appearances 1 → 2 (a version 1 digest, which does not cover origins)"},
		{"contradiction added", sa + "relations:\n  - {from: x2, to: x, kind: contradicts}\n",
			"contradictions 0 → 1 (a version 1 digest, which does not cover origins)"},
	} {
		d, err := evidence.DigestsOf(readDigestGraph(t, c.text).View)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := d.Moved(recorded, "x"); err != nil || got != c.want {
			t.Errorf("%s: moved %q, %v; want %q", c.name, got, err, c.want)
		}
	}
	d, _ := evidence.DigestsOf(readDigestGraph(t, sa).View)
	now, _ := d.Of("x")
	if got, _ := d.Moved("checked by Ann", "x"); got != "digest checked by Ann → "+now {
		t.Errorf("not a digest: moved %q", got)
	}
}

// TestDigestsHaveTheirForm: the reader now refuses a review's evidence
// that is not of a digest's form (claims.CheckDigest), so every digest
// this package writes, of either version, must have it: each claim of a
// generated graph gets its digest recorded in a review, and the graph
// is written and read back, every review unmoved.
func TestDigestsHaveTheirForm(t *testing.T) {
	b := synth.Generate(synth.Config{Claims: 400, Seed: 5})
	g := graph.New()
	if err := g.Apply(b); err != nil {
		t.Fatal(err)
	}
	d, err := evidence.DigestsOf(g.View)
	if err != nil {
		t.Fatal(err)
	}
	for i := range b.Claims {
		id := b.Claims[i].ID
		now, err1 := d.Of(id)
		written, err2 := d.WrittenDigest(id)
		all, without, err3 := d.Version1(id)
		if err := errors.Join(err1, err2, err3); err != nil {
			t.Fatal(err)
		}
		for _, s := range []string{now, written, all, without} {
			if err := claims.CheckDigest(s); err != nil {
				t.Errorf("claim %s: %v", id, err)
			}
		}
		b.Claims[i].Review = &claims.Review{Status: claims.InProgress, Evidence: now}
	}
	reviewed := graph.New()
	if err := reviewed.Apply(b); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := reviewed.WriteYAML(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := graph.ReadYAML(&buf, "reviewed.yaml")
	if err != nil {
		t.Fatal(err)
	}
	d, err = evidence.DigestsOf(back.View)
	if err != nil {
		t.Fatal(err)
	}
	for c := range back.Claims() {
		if m, err := d.Moved(c.Review.Evidence, c.ID); err != nil || m != "" {
			t.Errorf("claim %s read back: moved %q, %v", c.ID, m, err)
		}
	}
}
