package imports

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/sources"
)

// Rating is one fact-checker's verdict on an imported claim, as the Fact
// Check Tools API gives it.
type Rating struct {
	Source    string // ID of the review's source in the batch
	Publisher string // the fact-checker
	Text      string // the textual rating, e.g. "False" or "Mostly true"
	URL       string // the review
}

type fcClaim struct {
	Text        string `json:"text"`
	Claimant    string `json:"claimant"`
	ClaimDate   string `json:"claimDate"`
	ClaimReview []struct {
		Publisher struct {
			Name string `json:"name"`
			Site string `json:"site"`
		} `json:"publisher"`
		URL           string `json:"url"`
		Title         string `json:"title"`
		ReviewDate    string `json:"reviewDate"`
		TextualRating string `json:"textualRating"`
	} `json:"claimReview"`
}

// ReadFactCheck reads a response of the Google Fact Check Tools API's
// claims:search method ({"claims": [...], "nextPageToken": "..."}) and
// returns the claims as a batch for [graph.Graph.Apply], with the ratings
// of each claim by ID; name is the file name used in errors.
//
// The i-th claim (from 1) becomes the claim "fc-i" with its text. Its
// claimant becomes an entity of kind other (the API does not say whether
// it is a person), one per distinct name, with the ID "claimant-" and the
// name. The claimant's statement becomes a source "fc-i-claimant" of kind
// other, dated on the claim date, in which the claim appears, said by the
// claimant: the claim's one origin. Each review j
// becomes a source "fc-i-review-j" of kind other with the review's title,
// URL (with any space or other character a URL may not hold
// percent-encoded: [sources.EscapeURL]), publisher and date, which quotes the claimant's statement, and the
// claim appears in it, said by the claimant on the claim date. So however
// many fact-checkers review a claim, it has one independent origin: a
// review is not a corroboration (and a debunking least of all). The reviews' textual
// ratings are returned as [Rating] values, since the graph has no field
// for a verdict.
//
// A field other than "claims" and "nextPageToken" at the top is an error
// (the input is probably another format); {} is the valid answer of a
// search that matched nothing. Errors are [*ParseError] values pointing
// at the claim at fault; a date that does not parse (claimDate,
// reviewDate) does not stop the read, and every one is reported, with
// the problems of the batch as a graph, in an [ErrorList] when there
// are several.
func ReadFactCheck(r io.Reader, name string) (graph.Batch, map[string][]Rating, error) {
	in, err := newInput(r, name)
	if err != nil {
		return graph.Batch{}, nil, err
	}
	var b graph.Batch
	ratings := make(map[string][]Rating)
	claimant := make(map[string]string) // name -> entity ID
	var bad ErrorList                   // dates that do not parse, every one
	taken := make(map[string]bool)      // entity IDs given out
	perr := in.object("claims:search response", func(key string) (bool, *ParseError) {
		switch key {
		case "nextPageToken":
			return false, nil
		case "claims":
		default:
			return true, in.errAt(in.key, fmt.Errorf("%w: unknown field %q in a claims:search response", ErrFormat, key))
		}
		return true, list(in, "claims", func(fc fcClaim, off int64) *ParseError {
			c := claims.Claim{ID: "fc-" + strconv.Itoa(len(b.Claims)+1), Text: fc.Text}
			in.at[c.ID] = off
			var speaker string
			if fc.Claimant != "" {
				speaker = claimant[fc.Claimant]
				if speaker == "" {
					base := ID("claimant-", fc.Claimant)
					speaker = base
					for n := 2; taken[speaker] || speaker == "claimant"; n++ {
						// Two names, one slug: a number after it, kept
						// within the length limit that cut the slug.
						num := "-" + strconv.Itoa(n)
						speaker = strings.TrimRight(base[:min(len(base), 128-len(num))], "-") + num
					}
					claimant[fc.Claimant], taken[speaker] = speaker, true
					b.Entities = append(b.Entities, claims.Entity{ID: speaker, Name: fc.Claimant, Kind: claims.OtherEntity})
					in.at[speaker] = off
				}
			}
			var said claims.Date
			if fc.ClaimDate != "" {
				d, err := day(fc.ClaimDate)
				if err != nil {
					bad = append(bad, in.errAt(off, fmt.Errorf("%w: claim %d (%s): claimDate: %v", ErrFormat, len(b.Claims)+1, c.ID, err)))
				}
				said = d
			}
			// The claimant's statement is the one origin of the claim: the
			// reviews quote it to check it, and a debunking is no
			// corroboration, however many fact-checkers publish one.
			said0 := sources.Source{ID: c.ID + "-claimant", Kind: sources.Other, Published: said,
				Title: "The claim as the fact checks report it", Author: fc.Claimant,
				Note: "the statement under review; the API gives no address of its own"}
			if len(fc.ClaimReview) > 0 {
				b.Sources = append(b.Sources, said0)
				in.at[said0.ID] = off
				c.Appearances = append(c.Appearances, claims.Appearance{Source: said0.ID, Speaker: speaker, Date: said})
			}
			for j, rv := range fc.ClaimReview {
				s := sources.Source{ID: fmt.Sprintf("%s-review-%d", c.ID, j+1), Title: rv.Title, URL: sources.EscapeURL(rv.URL), Kind: sources.Other,
					Publisher: rv.Publisher.Name, Note: "fact check",
					DerivedFrom: []sources.Derivation{{Source: said0.ID, Kind: sources.Quotes}}}
				if s.Publisher == "" {
					s.Publisher = rv.Publisher.Site
				}
				if rv.ReviewDate != "" {
					d, err := day(rv.ReviewDate)
					if err != nil {
						bad = append(bad, in.errAt(off, fmt.Errorf("%w: claim %d (%s): claimReview[%d].reviewDate: %v", ErrFormat, len(b.Claims)+1, c.ID, j, err)))
					}
					s.Published = d
				}
				b.Sources = append(b.Sources, s)
				in.at[s.ID] = off
				c.Appearances = append(c.Appearances, claims.Appearance{Source: s.ID, Speaker: speaker, Date: said})
				if rv.TextualRating != "" {
					ratings[c.ID] = append(ratings[c.ID], Rating{Source: s.ID, Publisher: s.Publisher, Text: rv.TextualRating, URL: s.URL})
				}
			}
			b.Claims = append(b.Claims, c)
			return nil
		})
	})
	if perr == nil {
		perr = in.end()
	}
	if perr != nil {
		return graph.Batch{}, nil, perr
	}
	if err := bad.and(in.check(b)); err != nil {
		return graph.Batch{}, nil, err
	}
	return b, ratings, nil
}
