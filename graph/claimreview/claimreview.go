package claimreview

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/sources"
)

// Sentinel errors, matched with [errors.Is].
var (
	// ErrMissing: an option that search engines require is not set.
	ErrMissing = errors.New("missing required option")
	// ErrUnknownClaim: a verdict names a claim the graph does not hold.
	ErrUnknownClaim = errors.New("verdict for an unknown claim")
	// ErrRating: a rating value outside 1 to 5 (0 excepted: a rating
	// in words alone), or a rating with neither value nor name.
	ErrRating = errors.New("rating value outside 1 to 5")
	// ErrNotRated: a claim named for review has no rating on the scale.
	ErrNotRated = errors.New("claim not rated on the 1 to 5 scale")
)

// Best and worst rating values: reviews rate claims from 1 (false) to 5
// (true).
const (
	WorstRating = 1
	BestRating  = 5
)

// Verdict is a fact-checker's rating of one claim.
type Verdict struct {
	Name string // the rating's name, e.g. "False"; optional
	// Value is from WorstRating (false) to BestRating (true), or 0 for a
	// rating on no numeric scale (a desk's own "Pants on Fire"), which
	// is written in words alone: alternateName without ratingValue.
	Value         int
	AlternateName string // the verdict as shown to readers, e.g. "Mostly false"
	// Date is the date the verdict rests on: the review's own date, or
	// that of the newest evidence behind it (see [FromVerdicts]). A
	// review takes it when [Options.Published] is zero; zero for none.
	Date claims.Date
}

// Options describes the reviews' publisher and the verdicts to publish.
type Options struct {
	// Verdicts maps claim IDs to their verdicts. Only the claims with a
	// verdict are written.
	Verdicts map[string]Verdict
	// URL is the address of the review page of each claim: URL followed
	// by the claim's ID (say "https://factcheck.example/claims/").
	// Required.
	URL string
	// Author is the name of the organisation that publishes the
	// reviews, and AuthorURL its home page (optional). Author is
	// required.
	Author, AuthorURL string
	// Published is the date of the reviews. When zero, each review is
	// dated by its verdict's Date, and without one has no datePublished:
	// schema.org requires no property, and Google's fact-check markup
	// recommends datePublished without requiring it (claimReviewed,
	// reviewRating and url are required). Nothing defaults to the day
	// of the run, so that one graph always gives the same document.
	Published claims.Date
}

// Context is the inline JSON-LD context of the output: schema.org as the
// default vocabulary. It is given inline rather than as the address of
// schema.org's context so that the document expands without a network.
var Context = map[string]string{"@vocab": "https://schema.org/"}

// Document is the JSON-LD document that [Write] writes.
type Document struct {
	Context map[string]string `json:"@context"`
	Graph   []Review          `json:"@graph"`
}

// Review is one schema.org ClaimReview.
type Review struct {
	Type          string `json:"@type"` // "ClaimReview"
	URL           string `json:"url"`
	ClaimReviewed string `json:"claimReviewed"`
	Author        Thing  `json:"author"`
	DatePublished string `json:"datePublished,omitempty"`
	ReviewRating  Rating `json:"reviewRating"`
	ItemReviewed  Claim  `json:"itemReviewed"`
}

// Rating is a schema.org Rating. A rating in words alone has no
// ratingValue, bestRating or worstRating (all 0, left out).
type Rating struct {
	Type          string `json:"@type"` // "Rating"
	Name          string `json:"name,omitempty"`
	RatingValue   int    `json:"ratingValue,omitempty"`
	BestRating    int    `json:"bestRating,omitempty"`
	WorstRating   int    `json:"worstRating,omitempty"`
	AlternateName string `json:"alternateName"`
}

// Claim is a schema.org Claim: what was reviewed, who said it and where.
type Claim struct {
	Type            string `json:"@type"` // "Claim"
	Author          *Thing `json:"author,omitempty"`
	DatePublished   string `json:"datePublished,omitempty"`
	Appearance      []Work `json:"appearance,omitempty"`
	FirstAppearance *Work  `json:"firstAppearance,omitempty"`
}

// Thing is a person or organisation, by name.
type Thing struct {
	Type string `json:"@type"`
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

// Work is a schema.org CreativeWork (or one of its kinds) in which a
// claim appeared.
type Work struct {
	Type          string `json:"@type"`
	URL           string `json:"url,omitempty"`
	Headline      string `json:"headline,omitempty"`
	Author        *Thing `json:"author,omitempty"`
	Publisher     *Thing `json:"publisher,omitempty"`
	DatePublished string `json:"datePublished,omitempty"`
}

var workType = map[sources.Kind]string{
	sources.NewsArticle: "NewsArticle", sources.Wire: "NewsArticle", sources.SocialPost: "SocialMediaPosting",
	sources.Video: "VideoObject", sources.Report: "Report",
}

var entityType = map[claims.EntityKind]string{
	claims.Person: "Person", claims.Organisation: "Organization", claims.Country: "Country",
}

// Reviews returns a ClaimReview for each claim of v that has a verdict,
// in the order the claims were added. A claim with a published review
// (claims.Review) is given the review's URL and date when it has them.
// A review's URL is free text in a graph file, and review pages embed
// the markup: one that is not a web address ([sources.CheckURL]: an
// absolute http or https URL, so never "javascript:…") is left out, and
// the review is given [Options.URL] and the claim's ID, as one without a
// URL is. Reviews has no warnings to give: it leaves such a URL out
// without a word, and a reader learns of it when the file is read
// (graph.ReadOptions.Warn, which claimgraph check prints).
// [FromReviews] gives the verdicts of the published reviews. It reports ErrMissing when a
// required option is not set, and ErrUnknownClaim or ErrRating for a bad
// verdict. A verdict of value 0 with a name is a rating in words alone
// (a desk's own scale, Outdated): written with its alternateName and no
// ratingValue, as ClaimReview allows, never an error.
//
// A review's datePublished is the date of the claim's published review,
// else [Options.Published], else the verdict's Date; it is left out when
// all three are zero.
//
// The reviewed claim's firstAppearance and date are those of the
// appearance known to come first, by the rule the format states for
// partial dates (a partial date stands for every day it covers): the
// appearance whose date (its own, else its source's) ends first, the
// first listed among equals; an item dated only "2025" is not known to
// precede one dated 2025-09-03, so the latter is first. Undated
// appearances come last, and when none is dated the first listed is
// first. The claim's author is the speaker of that appearance, else of
// the first appearance that has one. alternateName is always written:
// a verdict without one takes its Name.
//
// It reads one state of the graph, a [graph.View.Snapshot] of v.
func Reviews(v graph.View, opts Options) ([]Review, error) {
	switch {
	case opts.URL == "":
		return nil, fmt.Errorf("claimreview: %w: URL", ErrMissing)
	case opts.Author == "":
		return nil, fmt.Errorf("claimreview: %w: Author", ErrMissing)
	}
	v = v.Snapshot() // one state of the graph throughout
	ids := make([]string, 0, len(opts.Verdicts))
	for id := range opts.Verdicts {
		ids = append(ids, id)
	}
	slices.Sort(ids) // report problems in a stable order
	var errs []error
	for _, id := range ids {
		if _, ok := v.Claim(id); !ok {
			errs = append(errs, fmt.Errorf("claimreview: %w %s", ErrUnknownClaim, claims.Quote(id)))
		}
		switch vd := opts.Verdicts[id]; {
		case vd.Value == 0 && vd.Name == "" && vd.AlternateName == "":
			errs = append(errs, fmt.Errorf("claimreview: claim %q: %w: neither a value nor a name", id, ErrRating))
		case vd.Value != 0 && (vd.Value < WorstRating || vd.Value > BestRating):
			errs = append(errs, fmt.Errorf("claimreview: claim %q: %w: %d", id, ErrRating, vd.Value))
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	author := Thing{Type: "Organization", Name: opts.Author, URL: opts.AuthorURL}
	var out []Review
	for c := range v.Claims() {
		verdict, ok := opts.Verdicts[c.ID]
		if !ok {
			continue
		}
		if verdict.AlternateName == "" {
			verdict.AlternateName = verdict.Name
		}
		url, date := opts.URL+c.ID, cmp.Or(opts.Published, verdict.Date)
		if r := c.Review; r != nil && r.Status == claims.Published {
			// A published review says where and when itself; where
			// only as a web address (see above).
			if r.URL != "" && sources.CheckURL(r.URL) == nil {
				url = r.URL
			}
			date = cmp.Or(r.Date, date)
		}
		out = append(out, Review{
			Type: "ClaimReview", URL: url, ClaimReviewed: c.Text,
			Author: author, DatePublished: date.String(),
			ReviewRating: rating(verdict),
			ItemReviewed: item(v, c),
		})
	}
	return out, nil
}

// rating returns the schema.org rating of vd: on the 1–5 scale, or in
// words alone for value 0.
func rating(vd Verdict) Rating {
	r := Rating{Type: "Rating", Name: vd.Name, AlternateName: vd.AlternateName}
	if vd.Value != 0 {
		r.RatingValue, r.BestRating, r.WorstRating = vd.Value, BestRating, WorstRating
	}
	return r
}

// item describes claim c as schema.org sees it.
func item(v graph.View, c claims.Claim) Claim {
	out := Claim{Type: "Claim"}
	first, firstDate := -1, claims.Date{}
	var author *Thing
	for i, a := range c.Appearances {
		src, _ := v.SourceInfo(a.Source)
		d := a.Date
		if d.IsZero() {
			d = src.Published
		}
		if author == nil {
			author = speaker(v, a)
		}
		w := work(src)
		if !d.IsZero() {
			w.DatePublished = d.String()
		}
		out.Appearance = append(out.Appearance, w)
		if first < 0 || endsFirst(d, firstDate) {
			first, firstDate = i, d
		}
	}
	if first >= 0 {
		w := out.Appearance[first]
		out.FirstAppearance = &w
		out.DatePublished = firstDate.String()
		if a := speaker(v, c.Appearances[first]); a != nil {
			author = a
		}
	}
	out.Author = author
	return out
}

// endsFirst reports whether date d ends before date e: its last day is
// earlier. A zero date ends after every other.
func endsFirst(d, e claims.Date) bool {
	switch {
	case d.IsZero():
		return false
	case e.IsZero():
		return true
	}
	return d.Last().Compare(e.Last()) < 0
}

// speaker is the entity appearance a is attributed to, nil when none.
func speaker(v graph.View, a claims.Appearance) *Thing {
	if a.Speaker == "" {
		return nil
	}
	e, ok := v.Entity(a.Speaker)
	if !ok {
		return nil
	}
	t := entityType[e.Kind]
	if t == "" {
		t = "Thing"
	}
	return &Thing{Type: t, Name: e.Name}
}

func work(s sources.Source) Work {
	t := workType[s.Kind]
	if t == "" {
		t = "CreativeWork"
	}
	w := Work{Type: t, URL: s.URL, Headline: s.Title}
	if s.Author != "" {
		w.Author = &Thing{Type: "Person", Name: s.Author}
	}
	if s.Publisher != "" {
		w.Publisher = &Thing{Type: "Organization", Name: s.Publisher}
	}
	return w
}

// Write writes the reviews of [Reviews] to w as one JSON-LD document
// with the inline [Context], indented and safe to embed in HTML as it
// is (see the package documentation, "Embedding"): every <, > and & is
// written \u003c, \u003e and \u0026, and U+2028 and U+2029 as
// \u2028 and \u2029, as encoding/json does by default.
func Write(w io.Writer, v graph.View, opts Options) error {
	reviews, err := Reviews(v, opts)
	if err != nil {
		return err
	}
	if reviews == nil {
		reviews = []Review{} // "@graph": [], not null
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ") // HTML-escaped: encoding/json's default
	if err := enc.Encode(Document{Context: Context, Graph: reviews}); err != nil {
		return fmt.Errorf("claimreview: %w", err)
	}
	return nil
}
