package claimreview

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/sources"
	"github.com/google/go-cmp/cmp"
)

// small: claim a appears in a 9News article on 2025-09-04, said by Kim,
// and in a video of 2025-09-03 (earlier, so its first appearance); claim
// b has no verdict.
func small(t *testing.T) *graph.Graph {
	t.Helper()
	g := graph.New()
	err := g.Apply(graph.Batch{
		Entities: []claims.Entity{{ID: "kim", Name: "Kim Jong Un", Kind: claims.Person}},
		Sources: []sources.Source{
			{ID: "paper", Title: `Staff "scrub" room`, Publisher: "9News", URL: "https://news.example/a", Published: claims.MustDate(2025, 9, 4), Kind: sources.NewsArticle},
			{ID: "video", URL: "https://video.example/v", Published: claims.MustDate(2025, 9, 3), Kind: sources.Video},
		},
		Claims: []claims.Claim{
			{ID: "a", Text: `Kim's staff "wiped" the chair.`, Appearances: []claims.Appearance{{Source: "paper", Speaker: "kim"}, {Source: "video"}}},
			{ID: "b", Text: "B"},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

var smallOpts = Options{
	Verdicts:  map[string]Verdict{"a": {Name: "False", Value: 1, AlternateName: "False"}},
	URL:       "https://factcheck.example/claims/",
	Author:    "Example Fact Check",
	AuthorURL: "https://factcheck.example/",
	Published: claims.MustDate(2025, 9, 10),
}

func TestReviews(t *testing.T) {
	got, err := Reviews(small(t).View, smallOpts)
	if err != nil {
		t.Fatal(err)
	}
	paper := Work{Type: "NewsArticle", URL: "https://news.example/a", Headline: `Staff "scrub" room`,
		Publisher: &Thing{Type: "Organization", Name: "9News"}, DatePublished: "2025-09-04"}
	video := Work{Type: "VideoObject", URL: "https://video.example/v", DatePublished: "2025-09-03"}
	want := []Review{{
		Type: "ClaimReview", URL: "https://factcheck.example/claims/a", ClaimReviewed: `Kim's staff "wiped" the chair.`,
		Author:        Thing{Type: "Organization", Name: "Example Fact Check", URL: "https://factcheck.example/"},
		DatePublished: "2025-09-10",
		ReviewRating:  Rating{Type: "Rating", Name: "False", RatingValue: 1, BestRating: 5, WorstRating: 1, AlternateName: "False"},
		ItemReviewed: Claim{Type: "Claim", Author: &Thing{Type: "Person", Name: "Kim Jong Un"},
			DatePublished: "2025-09-03", Appearance: []Work{paper, video}, FirstAppearance: &video},
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("reviews (-want +got):\n%s", diff)
	}
}

func TestFirstAppearance(t *testing.T) {
	g := graph.New()
	err := g.Apply(graph.Batch{
		Sources: []sources.Source{{ID: "undated", Kind: sources.Other}, {ID: "year", Kind: sources.Other, Published: claims.MustDate(2024, 0, 0)}},
		Claims: []claims.Claim{
			{ID: "none", Text: "No dates", Appearances: []claims.Appearance{{Source: "undated"}, {Source: "undated", Quote: "No dates"}}},
			{ID: "own", Text: "Own date wins over source", Appearances: []claims.Appearance{{Source: "year"}, {Source: "undated", Date: claims.MustDate(2023, 12, 31)}}},
			{ID: "noapp", Text: "No appearance"},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	opts := smallOpts
	opts.Verdicts = map[string]Verdict{"none": {Value: 3}, "own": {Value: 3}, "noapp": {Value: 3}}
	reviews, err := Reviews(g.View, opts)
	if err != nil {
		t.Fatal(err)
	}
	type first struct{ Date, FirstType string }
	var got []first
	for _, r := range reviews {
		f := first{Date: r.ItemReviewed.DatePublished}
		if r.ItemReviewed.FirstAppearance != nil {
			f.FirstType = r.ItemReviewed.FirstAppearance.DatePublished + " " + r.ItemReviewed.FirstAppearance.Type
		}
		got = append(got, f)
	}
	// none: no date anywhere, so the first appearance in order, undated;
	// own: 2023-12-31 is before the year 2024; noapp: nothing.
	want := []first{{"", " CreativeWork"}, {"2023-12-31", "2023-12-31 CreativeWork"}, {"", ""}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("first appearances (-want +got):\n%s", diff)
	}
}

func TestErrors(t *testing.T) {
	g := small(t)
	tests := []struct {
		name   string
		change func(*Options)
		want   error
	}{
		{"no URL", func(o *Options) { o.URL = "" }, ErrMissing},
		{"no author", func(o *Options) { o.Author = "" }, ErrMissing},
		{"unknown claim", func(o *Options) { o.Verdicts = map[string]Verdict{"zzz": {Value: 1}} }, ErrUnknownClaim},
		{"rating 0, no name", func(o *Options) { o.Verdicts = map[string]Verdict{"a": {Value: 0}} }, ErrRating},
		{"rating -1", func(o *Options) { o.Verdicts = map[string]Verdict{"a": {Name: "Bad", Value: -1}} }, ErrRating},
		{"rating 6", func(o *Options) { o.Verdicts = map[string]Verdict{"a": {Value: 6}} }, ErrRating},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := smallOpts
			tt.change(&opts)
			err := Write(&bytes.Buffer{}, g.View, opts)
			if !errors.Is(err, tt.want) || !strings.HasPrefix(err.Error(), "claimreview: ") {
				t.Errorf("error %v, want claimreview: ... %v", err, tt.want)
			}
		})
	}
}

func TestWriteEmpty(t *testing.T) {
	opts := smallOpts
	opts.Verdicts = nil
	var buf bytes.Buffer
	if err := Write(&buf, small(t).View, opts); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if g, ok := doc["@graph"].([]any); !ok || len(g) != 0 {
		t.Errorf(`"@graph" = %v, want []`, doc["@graph"])
	}
}

// python finds a Python 3 that has rdflib: the one on PATH, else the
// system's (a version manager's python3 may lack Debian's packages).
func python(t *testing.T) string {
	t.Helper()
	var tried []string
	candidates := []string{"/usr/bin/python3"}
	if p, err := exec.LookPath("python3"); err == nil {
		candidates = append([]string{p}, candidates...)
	}
	for _, p := range candidates {
		if err := exec.Command(p, "-c", "import rdflib.plugins.parsers.jsonld").Run(); err == nil {
			return p
		}
		tried = append(tried, p)
	}
	t.Skipf("no python3 with rdflib (Debian package python3-rdflib); tried %v", tried)
	return ""
}

// TestRDFLib reads the output as JSON-LD with rdflib, offline, and checks
// the triples it finds.
func TestRDFLib(t *testing.T) {
	if testing.Short() {
		t.Skip("rdflib's cross-check runs without -short: starting Python with rdflib takes most of a second")
	}
	py := python(t)
	var buf bytes.Buffer
	if err := Write(&buf, small(t).View, smallOpts); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "reviews.jsonld")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(py, filepath.Join("testdata", "triples.py"), path)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("triples.py: %v\n%s", err, stderr.String())
	}
	// Triples by hand: the review 7 (type, url, claimReviewed, author,
	// datePublished, reviewRating, itemReviewed); its author 3 (type,
	// name, url); the rating 6 (type, name, ratingValue, bestRating,
	// worstRating, alternateName); the claim 6 (type, author,
	// datePublished, 2 appearances, firstAppearance); Kim 2; the paper 5
	// (type, url, headline, publisher, datePublished) and 9News 2; the
	// video 3; the first appearance, a copy of the video, 3. Total 37.
	want := strings.Join([]string{
		"triples\t37",
		"alternateName\tFalse",
		"appearance\thttps://news.example/a",
		"appearance\thttps://video.example/v",
		"bestRating\t5",
		"claimReviewed\tKim's staff \"wiped\" the chair.",
		"first appearance\thttps://video.example/v",
		"item author\tKim Jong Un",
		"item date\t2025-09-03",
		"item type\thttps://schema.org/Claim",
		"ratingValue\t1",
		"worstRating\t1",
	}, "\n") + "\n"
	if diff := cmp.Diff(want, string(out)); diff != "" {
		t.Errorf("rdflib's reading (-want +got):\n%s", diff)
	}
}

// TestFirstAppearanceInterval: a source dated only 2025 is not known to
// precede one dated 2025-09-03, so the latter is the first appearance,
// and the claim's author is its speaker, not that of the first listed.
func TestFirstAppearanceInterval(t *testing.T) {
	g := graph.New()
	err := g.Apply(graph.Batch{
		Entities: []claims.Entity{{ID: "kim", Name: "Kim Jong Un", Kind: claims.Person}, {ID: "howell", Name: "Edward Howell", Kind: claims.Person}},
		Sources: []sources.Source{
			{ID: "y2025", Kind: sources.NewsArticle, Published: claims.MustDate(2025, 0, 0)},
			{ID: "photo", Kind: sources.Wire, Published: claims.MustDate(2025, 9, 3)},
		},
		Claims: []claims.Claim{{ID: "met", Text: "They met.", Appearances: []claims.Appearance{
			{Source: "y2025", Speaker: "howell"}, {Source: "photo", Speaker: "kim"},
		}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	opts := smallOpts
	opts.Verdicts = map[string]Verdict{"met": {Name: "Unproven", Value: 3}}
	reviews, err := Reviews(g.View, opts)
	if err != nil {
		t.Fatal(err)
	}
	it := reviews[0].ItemReviewed
	if it.DatePublished != "2025-09-03" || it.FirstAppearance == nil || it.FirstAppearance.DatePublished != "2025-09-03" {
		t.Errorf("first appearance %+v dated %q, want the one of 2025-09-03", it.FirstAppearance, it.DatePublished)
	}
	if it.Author == nil || it.Author.Name != "Kim Jong Un" {
		t.Errorf("author %+v, want Kim Jong Un, the speaker of the first appearance", it.Author)
	}
	// alternateName is written even when the verdict gives only a name.
	if r := reviews[0].ReviewRating; r.AlternateName != "Unproven" {
		t.Errorf("alternateName %q, want the name, Unproven", r.AlternateName)
	}
	var buf bytes.Buffer
	opts.Verdicts = map[string]Verdict{"met": {Value: 3}}
	if err := Write(&buf, g.View, opts); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"alternateName": ""`) {
		t.Errorf("no alternateName key in:\n%s", buf.String())
	}
}

func TestSelect(t *testing.T) {
	g := graph.New()
	err := g.Apply(graph.Batch{
		Sources: []sources.Source{{ID: "s", Kind: sources.NewsArticle}},
		Claims: []claims.Claim{
			{ID: "a", Text: "A.", Appearances: []claims.Appearance{{Source: "s"}}},
			{ID: "b", Text: "B.", Appearances: []claims.Appearance{{Source: "s"}}},
			{ID: "alone", Text: "Uncontested.", Appearances: []claims.Appearance{{Source: "s"}}, Merged: []string{"lone"}},
			// Contradicts "after", which takes over on the day it ends:
			// time resolves their contradiction, which contests neither.
			{ID: "before", Text: "Before.", Appearances: []claims.Appearance{{Source: "s"}}, Validity: claims.Validity{Until: claims.MustDate(2024, 6, 19)}},
			{ID: "after", Text: "After.", Appearances: []claims.Appearance{{Source: "s"}}, Validity: claims.Validity{From: claims.MustDate(2024, 6, 19)}},
		},
		Relations: []claims.Relation{{From: "a", To: "b", Kind: claims.Contradicts}, {From: "before", To: "after", Kind: claims.Contradicts}},
	})
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]Verdict{"a": {Value: 3}, "b": {Value: 3}, "alone": {Value: 3}, "before": {Value: 3}, "after": {Value: 3}}
	got, err := Select(g.View, m, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := got["a"]; !ok || len(got) != 2 {
		t.Errorf("contested: %v, want a and b", got)
	}
	if got, err = Select(g.View, m, []string{"alone"}); err != nil || len(got) != 1 {
		t.Errorf("named alone: %v, %v", got, err)
	}
	if got, err = Select(g.View, m, []string{"lone"}); err != nil || len(got) != 1 || got["alone"].Value != 3 {
		t.Errorf("named by the ID merged into it: %v, %v; want alone", got, err)
	}
	if _, err := Select(g.View, m, []string{"nope"}); !errors.Is(err, ErrUnknownClaim) {
		t.Errorf("unknown claim: %v, want ErrUnknownClaim", err)
	}
	delete(m, "alone")
	if _, err := Select(g.View, m, []string{"alone"}); !errors.Is(err, ErrNotRated) {
		t.Errorf("unrated claim: %v, want ErrNotRated", err)
	}
}

// TestDatePublishedToday: the command line dated reviews by the day of
// the run, so one file gave different bytes on different days. Without
// Options.Published a review takes its verdict's Date, and without one
// has no datePublished (schema.org and Google's markup do not require it).
func TestDatePublishedToday(t *testing.T) {
	g := small(t)
	opts := smallOpts
	opts.Published = claims.Date{}
	opts.Verdicts = map[string]Verdict{"a": {Value: 1, Date: claims.MustDate(2025, 9, 4)}, "b": {Value: 3}}
	reviews, err := Reviews(g.View, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(reviews) != 2 || reviews[0].DatePublished != "2025-09-04" || reviews[1].DatePublished != "" {
		t.Fatalf("reviews %+v, want a dated 2025-09-04 and b undated", reviews)
	}
	var buf bytes.Buffer
	if err := Write(&buf, g.View, opts); err != nil {
		t.Fatal(err)
	}
	// One datePublished for a's review, one for each of a's two
	// appearances, one for the claim a and one for its firstAppearance;
	// none for b's review.
	if n := strings.Count(buf.String(), `"datePublished"`); n != 5 {
		t.Errorf("%d datePublished keys, want 5:\n%s", n, buf.String())
	}
	// Options.Published, when given, dates every review.
	opts.Published = claims.MustDate(2025, 9, 10)
	if reviews, _ = Reviews(g.View, opts); reviews[0].DatePublished != "2025-09-10" || reviews[1].DatePublished != "2025-09-10" {
		t.Errorf("with Published: %q, %q; want 2025-09-10 twice", reviews[0].DatePublished, reviews[1].DatePublished)
	}
}

// TestRatingInWords: a published rating on no scale this package knows
// (a desk's own "Pants on Fire") is exported in words alone, beside the
// reviews rated on the scale, instead of failing the whole export.
func TestRatingInWords(t *testing.T) {
	g := graph.New()
	err := g.Apply(graph.Batch{
		Sources: []sources.Source{{ID: "s1", Kind: sources.Wire}},
		Claims: []claims.Claim{
			{ID: "p", Text: "P.", Appearances: []claims.Appearance{{Source: "s1"}},
				Review: &claims.Review{Status: claims.Published, Rating: "Pants on Fire"}},
			{ID: "q", Text: "Q.", Appearances: []claims.Appearance{{Source: "s1"}},
				Review: &claims.Review{Status: claims.Published, Rating: "mostly FALSE"}},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, g.View, Options{Verdicts: FromReviews(g.View), URL: "https://x.example/", Author: "Desk"}); err != nil {
		t.Fatalf("export: %v", err)
	}
	var doc struct {
		Graph []struct {
			ReviewRating map[string]any `json:"reviewRating"`
		} `json:"@graph"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil || len(doc.Graph) != 2 {
		t.Fatalf("%v: %s", err, buf.String())
	}
	words, scale := doc.Graph[0].ReviewRating, doc.Graph[1].ReviewRating
	if words["alternateName"] != "Pants on Fire" || words["ratingValue"] != nil || words["bestRating"] != nil {
		t.Errorf("p's rating %v, want Pants on Fire in words alone", words)
	}
	if scale["ratingValue"] != 2.0 || scale["bestRating"] != 5.0 {
		t.Errorf("q's rating %v, want 2 of 5", scale)
	}
	if r, ok := RatingNamed("pants on fire"); ok {
		t.Errorf("RatingNamed(pants on fire) = %v, want none", r)
	}
	if r, ok := RatingNamed("UNPROVEN"); !ok || r.Value != 3 {
		t.Errorf("RatingNamed(UNPROVEN) = %v, %v; want Unproven, 3", r, ok)
	}
}

// TestReviewURLNotWeb: a published review's URL is free text, and
// "javascript:alert(1)" went as it was into the url of the markup that
// review pages embed. A URL that is not an absolute http or https URL is
// left out: the review is given Options.URL and the claim's ID, as one
// without a URL is; a web address is kept.
func TestReviewURLNotWeb(t *testing.T) {
	const fallback = "https://x.example/c"
	for _, tc := range []struct{ url, want string }{
		{"https://desk.example/r/c", "https://desk.example/r/c"},
		{"HTTP://Desk.example/r", "HTTP://Desk.example/r"},
		{"", fallback},
		{"javascript:alert(1)", fallback},
		{"JavaScript:alert(document.cookie)", fallback},
		{"data:text/html,<script>alert(1)</script>", fallback},
		{"ftp://desk.example/r", fallback},
		{"/r/c", fallback},
		{"desk.example/r/c", fallback},
		{"https://desk.example/r c", fallback},
	} {
		g := graph.New()
		err := g.Apply(graph.Batch{
			Sources: []sources.Source{{ID: "s1", Kind: sources.Wire}},
			Claims: []claims.Claim{{ID: "c", Text: "C.", Appearances: []claims.Appearance{{Source: "s1"}},
				Review: &claims.Review{Status: claims.Published, Rating: "False", URL: tc.url}}},
		})
		if err != nil {
			t.Fatalf("%q: %v", tc.url, err)
		}
		got, err := Reviews(g.View, Options{Verdicts: FromReviews(g.View), URL: "https://x.example/", Author: "Desk"})
		if err != nil || len(got) != 1 {
			t.Fatalf("review URL %q: %d reviews (%v), want 1", tc.url, len(got), err)
		}
		if got[0].URL != tc.want {
			t.Errorf("review URL %q: url %q, want %q", tc.url, got[0].URL, tc.want)
		}
	}
}
