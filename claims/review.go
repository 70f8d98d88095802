package claims

import "fmt"

// Review is a desk's own review of a claim: where it stands, and once
// published, the rating the desk gave, who gave it, when, where it is
// published and the evidence it was based on. It is the desk's decision;
// computed verdicts (package graph/verdict) are suggestions beside it,
// never a replacement.
type Review struct {
	Status   ReviewStatus
	Rating   string // the published rating, such as "False" or "Mostly true"
	Reviewer string // who reviewed it, free text
	Date     Date   // the date of publication
	URL      string // where the review is published
	// Evidence is the digest of the claim's evidence at review time (see
	// evidence.Digests in package graph/evidence: its appearances,
	// supporters, contradictions and independent origins, own and lent,
	// over all time), so that a later change of the evidence shows.
	Evidence string
}

// ReviewStatus is where a [Review] stands.
type ReviewStatus uint8

// The review statuses.
const (
	Unreviewed ReviewStatus = iota + 1
	InProgress
	Published
)

var reviewStatuses = Enum{Names: []string{"", "unreviewed", "in-progress", "published"}, What: "review status"}

// String returns the YAML name of s ("unreviewed", "in-progress",
// "published").
func (s ReviewStatus) String() string { return reviewStatuses.Name(int(s)) }

// ParseReviewStatus parses the YAML name of a review status.
func ParseReviewStatus(s string) (ReviewStatus, error) {
	i, err := reviewStatuses.Parse(s)
	return ReviewStatus(i), err
}

// MarshalText implements [encoding.TextMarshaler].
func (s ReviewStatus) MarshalText() ([]byte, error) { return reviewStatuses.Marshal(int(s)) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (s *ReviewStatus) UnmarshalText(b []byte) error {
	v, err := ParseReviewStatus(string(b))
	*s = v
	return err
}

// check validates a review: a known status, and a rating once published.
func (r *Review) check(p *problems) {
	if r.Status == 0 {
		p.add("review.status", fmt.Errorf("%w %q", ErrMissingField, "status"))
	} else if _, err := r.Status.MarshalText(); err != nil {
		p.add("review.status", err)
	}
	if r.Status == Published && r.Rating == "" {
		p.add("review.rating", fmt.Errorf("%w %q: a published review has a rating", ErrMissingField, "rating"))
	}
}
