package claims

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

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
	// over all time), so that a later change of the evidence shows. It
	// has the form [CheckDigest] accepts, or is empty.
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

// check validates a review: a known status, a rating once published,
// and an evidence digest of its form.
func (r *Review) check(p *problems) {
	if r.Status == 0 {
		p.add("review.status", fmt.Errorf("%w %q", ErrMissingField, "status"))
	} else if _, err := r.Status.MarshalText(); err != nil {
		p.add("review.status", err)
	}
	if r.Status == Published && r.Rating == "" {
		p.add("review.rating", fmt.Errorf("%w %q: a published review has a rating", ErrMissingField, "rating"))
	}
	if r.Evidence != "" {
		if err := CheckDigest(r.Evidence); err != nil {
			p.add("review.evidence", err)
		}
	}
}

// CheckDigest reports whether s has the form of an evidence digest as
// package graph/evidence writes it (evidence.Digests), which a review
// records (Review.Evidence): "v2:" and the counts of the claim's
// appearances, supporters, contradictions and origins, each followed by
// its letter, then ":" and 12 lower-case hexadecimal digits
// ("v2:2a1s0c3o:176e1a42f5a7"); or a digest of version 1, from before
// origins were digested, without the prefix and the origins
// ("1a0s0c:2925dd2b080e"). A count is written in decimal, without a sign
// or a leading zero. It checks the form only: whether the evidence has
// moved since is for the review queue to say. The error wraps
// [ErrInvalidDigest].
func CheckDigest(s string) error {
	if _, ok := parseDigest(s); !ok {
		return fmt.Errorf("%w %s: want a digest as claimgraph queue shows it, such as \"v2:2a1s0c3o:176e1a42f5a7\": "+
			"the counts of appearances, supporters, contradictions and origins, then 12 hex digits", ErrInvalidDigest, Quote(s))
	}
	return nil
}

// DigestCounts returns the counts of the digest s, of the form
// [CheckDigest] accepts: of the claim's appearances, supporters and
// contradictions, and in version 2 its origins. The error wraps
// [ErrInvalidDigest]: s is not of a digest's form, or a count of it does
// not fit an int.
func DigestCounts(s string) ([]int, error) {
	counts, ok := parseDigest(s)
	if !ok {
		return nil, CheckDigest(s)
	}
	if slices.Contains(counts, -1) {
		return nil, fmt.Errorf("%w %s: a count too large", ErrInvalidDigest, Quote(s))
	}
	return counts, nil
}

// parseDigest reads the digest s: its counts, -1 for one that does not
// fit an int, and whether s has a digest's form (see CheckDigest).
func parseDigest(s string) (counts []int, ok bool) {
	rest, v2 := strings.CutPrefix(s, "v2:")
	letters := "asc"
	if v2 {
		letters = "asco"
	}
	ok = true
	for i := 0; i < len(letters) && ok; i++ {
		n := 0
		for n < len(rest) && '0' <= rest[n] && rest[n] <= '9' {
			n++
		}
		ok = n > 0 && (n == 1 || rest[0] != '0') && n < len(rest) && rest[n] == letters[i]
		if ok {
			c, err := strconv.Atoi(rest[:n])
			if err != nil {
				c = -1 // of the form, past int
			}
			counts = append(counts, c)
		}
		rest = rest[min(n+1, len(rest)):]
	}
	hash, colon := strings.CutPrefix(rest, ":")
	return counts, ok && colon && len(hash) == 12 && strings.Trim(hash, "0123456789abcdef") == ""
}
