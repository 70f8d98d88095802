package evidence

import (
	"crypto/sha256"
	"fmt"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
)

// DigestPrefix begins every evidence digest of the current format,
// version 2. A digest without it is of version 1 (see [Digests.Moved]).
const DigestPrefix = "v2:"

// Digests gives the evidence digest of each claim of a view: what a
// review records (claims.Review.Evidence) so that a later change of the
// evidence shows (package graph/queue).
//
// The digest of a claim is "v2:NaNsNcNo:HASH": the numbers of its
// appearances, of the claims that support it, of the claims it
// contradicts or that contradict it, and of its independent origins,
// own and lent ([Evidence.Independent]), then 12 hex digits of a SHA-256
// over all of them in a canonical order: each appearance (its source,
// speaker, date, quote and via), each of those relations (its ends and
// kind; the ends of a contradiction, which is symmetric, in order, so
// that writing it the other way round moves nothing, as package graph/diff
// sees no change), and the source ID of each origin, own or lent, with a mark when
// the lent origins filled [MaxLent]. So it changes when an appearance,
// a supporter or a contradiction comes or goes, and when the claim's
// origins change without either: a derivation declared between two of
// its sources (a discovered copy), a supporter that gains or loses an
// origin. It does not change when the file is only reordered, nor for a
// relation that bears on no evidence: a same_as or distinct_from
// decision, or a support the claim gives another (which lends the other
// evidence, not the claim).
//
// A merge of sources or entities renames the appearances of the claims
// in or by the item merged away, so it moves their digests ("the same
// counts, other items") though the evidence is the same: the queue lists
// their reviews once, and recording the digest anew settles them.
//
// The evidence is that of [Of] with the default options: independent
// origins, every supporter lending, no claim silenced. So the digest
// does not move with the verdicts (a supporter rejected since still
// counts) nor with source trust: the queue compares those apart, and
// says so where the origins it counts are not those the verdicts
// weigh. And it is always of the whole graph, whatever the view's date:
// a review records one digest, which a dated queue must not read as
// moved.
type Digests struct {
	v graph.View // the snapshot, over all time
	t *Table
}

// DigestsOf returns the digests of the claims of v, over all time: v's
// snapshot at no date. It costs what [Of] costs; each digest then costs
// O(the claim's degree and origins).
func DigestsOf(v graph.View) (*Digests, error) {
	v = v.Snapshot().At(claims.Date{})
	t, err := Of(v, Options{})
	if err != nil {
		return nil, err
	}
	return &Digests{v: v, t: t}, nil
}

// Digest returns the evidence digest of claim id of v (see [Digests]).
// It weighs the evidence of every claim of v: to digest several claims,
// use [DigestsOf] once.
func Digest(v graph.View, id string) (string, error) {
	d, err := DigestsOf(v)
	if err != nil {
		return "", err
	}
	return d.Of(id)
}

// Of returns the digest of claim id, or of the claim id was merged into;
// an error wrapping [graph.ErrNotFound] when there is none.
func (d *Digests) Of(id string) (string, error) { return d.of(id, symmetricLine) }

// of returns the digest of claim id, with line for the line of each
// relation.
func (d *Digests) of(id string, line func(claims.Relation) string) (string, error) {
	c, rels, err := d.lookup(id)
	if err != nil {
		return "", err
	}
	ev, ok := d.t.Claim(c.ID)
	if !ok {
		return "", fmt.Errorf("evidence: %w: no claim %s", graph.ErrNotFound, claims.Quote(id))
	}
	// Its supporters and contradictions; a support it gives another
	// lends the other evidence, not the claim.
	lines, sup, con := evidenceLines(c, rels, func(r claims.Relation) bool {
		return r.Kind == claims.Supports && r.To == c.ID || r.Kind == claims.Contradicts
	}, line)
	for _, o := range ev.Origins {
		lines = append(lines, "o\x00"+o)
	}
	for _, o := range d.t.Lent(c.ID) {
		lines = append(lines, "o\x00"+o)
	}
	if ev.Capped {
		lines = append(lines, "capped")
	}
	return fmt.Sprintf("%s%da%ds%dc%do:%s", DigestPrefix, len(c.Appearances), sup, con, ev.Independent(), hash(lines)), nil
}

// lookup returns claim id of the view, or the claim id was merged into,
// and its relations; an error wrapping [graph.ErrNotFound] when there is
// none.
func (d *Digests) lookup(id string) (claims.Claim, []claims.Relation, error) {
	c, ok := d.v.Claim(id)
	if !ok {
		return claims.Claim{}, nil, fmt.Errorf("evidence: %w: no claim %s", graph.ErrNotFound, claims.Quote(id))
	}
	rels, err := d.v.RelationsOf(c.ID)
	return c, rels, err
}

// evidenceLines returns the lines a digest hashes for claim c: one for
// each of its appearances and, written by line, for each of rels that
// counts says to count; and the numbers of supports and contradictions
// among those counted.
func evidenceLines(c claims.Claim, rels []claims.Relation, counts func(claims.Relation) bool, line func(claims.Relation) string) (lines []string, sup, con int) {
	lines = appearanceLines(c)
	for _, r := range rels {
		if !counts(r) {
			continue
		}
		switch r.Kind {
		case claims.Supports:
			sup++
		case claims.Contradicts:
			con++
		}
		lines = append(lines, line(r))
	}
	return lines, sup, con
}

// Moved compares digest recorded, as a review recorded it, with the
// digest of claim id now, and says what moved: "" when nothing did,
// else the counts that differ ("appearances 1 → 2, origins 3 → 2"), or
// "the same counts, other items".
//
// A digest of version 1 (no [DigestPrefix]: "NaNsNc:HASH", from before
// origins were digested) is compared as that version digested: the
// claim's appearances and every relation at it, of any kind. It cannot
// see origins, so a change of origins alone leaves it unmoved; a
// same_as or distinct_from decision added since it was recorded does
// not move it (it matches whether or not the decisions now at the claim
// are counted), though one it counted that is gone does. When it moved,
// the words say it was of version 1. Record the current digest at the
// next review. A digest of version 2 recorded before the ends of a
// contradiction were put in order is unmoved as long as the relation is
// written as it was then. Anything else recorded is not a digest: it has moved,
// and the words give both. A graph holds no such review, as its readers
// and [graph.Graph.Apply] refuse it (claims.CheckDigest, which accepts
// every digest of either version that this package writes).
func (d *Digests) Moved(recorded, id string) (string, error) {
	now, err := d.Of(id)
	if err != nil {
		return "", err
	}
	if strings.HasPrefix(recorded, DigestPrefix) {
		if recorded == now {
			return "", nil
		}
		if written, err := d.of(id, relationLine); err == nil && recorded == written {
			return "", nil // recorded over the ends as written
		}
		names := []string{"appearances", "supporters", "contradictions", "origins"}
		if moved, ok := counts(recorded, now, names); ok {
			return moved, nil
		}
		return "digest " + recorded + " → " + now, nil
	}
	all, withoutDecisions, err := d.version1(id)
	if err != nil {
		return "", err
	}
	if recorded == all || recorded == withoutDecisions {
		return "", nil
	}
	if moved, ok := counts(recorded, all, []string{"appearances", "supports", "contradictions"}); ok {
		return moved + " (a version 1 digest, which does not cover origins)", nil
	}
	return "digest " + recorded + " → " + now, nil
}

// version1 returns the version 1 digest of claim id, "NaNsNc:HASH" over
// its appearances and every relation at it, and the same leaving out
// the same_as and distinct_from decisions.
func (d *Digests) version1(id string) (all, withoutDecisions string, err error) {
	c, rels, err := d.lookup(id)
	if err != nil {
		return "", "", err
	}
	digest := func(decisions bool) string {
		lines, sup, con := evidenceLines(c, rels, func(r claims.Relation) bool {
			return decisions || r.Kind == claims.Supports || r.Kind == claims.Contradicts
		}, relationLine)
		return fmt.Sprintf("%da%ds%dc:%s", len(c.Appearances), sup, con, hash(lines))
	}
	return digest(true), digest(false), nil
}

// appearanceLines returns a line for each appearance of c.
func appearanceLines(c claims.Claim) []string {
	lines := make([]string, 0, len(c.Appearances)+8)
	for _, a := range c.Appearances {
		lines = append(lines, strings.Join([]string{"a", a.Source, a.Speaker, a.Date.String(), a.Quote, a.Via}, "\x00"))
	}
	return lines
}

// relationLine returns the line of relation r: its ends, as written,
// and kind (version 1).
func relationLine(r claims.Relation) string {
	return strings.Join([]string{"r", r.From, r.Kind.String(), r.To}, "\x00")
}

// symmetricLine returns the line of relation r as relationLine does,
// with the ends of a symmetric kind in order (version 2).
func symmetricLine(r claims.Relation) string {
	if r.Kind.Symmetric() && r.To < r.From {
		r.From, r.To = r.To, r.From
	}
	return relationLine(r)
}

// hash returns 12 hex digits of a SHA-256 over lines, sorted.
func hash(lines []string) string {
	slices.Sort(lines)
	h := sha256.New()
	for _, l := range lines {
		h.Write([]byte(l))
		h.Write([]byte{'\n'})
	}
	return fmt.Sprintf("%x", h.Sum(nil)[:6])
}

// counts says which of the counts of two digests of one version, read
// as claims.DigestCounts reads them, differ: "appearances 1 → 2"; "the
// same counts, other items" when none does. It reports false when either
// does not parse.
func counts(was, now string, names []string) (string, bool) {
	w, err := claims.DigestCounts(was)
	if err != nil || len(w) != len(names) {
		return "", false
	}
	n, err := claims.DigestCounts(now)
	if err != nil || len(n) != len(names) {
		return "", false
	}
	var parts []string
	for i, name := range names {
		if w[i] != n[i] {
			parts = append(parts, fmt.Sprintf("%s %d → %d", name, w[i], n[i]))
		}
	}
	if len(parts) == 0 {
		return "the same counts, other items", true
	}
	return strings.Join(parts, ", "), true
}
