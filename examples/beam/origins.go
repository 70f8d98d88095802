package main

import (
	"fmt"
	"slices"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/provenance"
	"github.com/claimgraph/claimgraph/sources"
)

// origins builds the pipeline of independent origins: two joins bring
// each claim the sources that carry it (those it appears in and those its
// appearances were taken from) with their derivation links, and the
// library's provenance.Index finds the origins among them by the
// per-claim rule. A claim's work is O(its carriers + their links), as in
// the library; no claim needs another's. It returns the OriginsRow of
// every claim.
func origins(s beam.Scope, cl, src beam.PCollection) beam.PCollection {
	s = s.Scope("origins")
	refs := beam.ParDo(s, carrierRefs, cl)
	carried := beam.ParDo(s, sendCarrier, beam.CoGroupByKey(s, beam.ParDo(s, keySource, src), refs))
	return beam.ParDo(s, originsFn, beam.CoGroupByKey(s, beam.ParDo(s, keyClaim, cl), carried))
}

func keySource(x Source) (string, Source) { return x.ID, x }
func keyClaim(c Claim) (string, Claim)    { return c.ID, c }

// carriers returns the distinct sources that carry c, in the order of its
// appearances.
func carriers(c Claim) []string {
	var out []string
	for _, a := range c.Apps {
		for _, id := range [2]string{a.Source, a.Via} {
			if id != "" && !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
	}
	return out
}

// carrierRefs emits (source, claim) for every source that carries a claim.
func carrierRefs(c Claim, emit func(string, string)) {
	for _, id := range carriers(c) {
		emit(id, c.ID)
	}
}

// sendCarrier sends a source to every claim it carries.
func sendCarrier(id string, srcs func(*Source) bool, claimIDs func(*string) bool, emit func(string, Source)) {
	var x Source
	if !srcs(&x) {
		return // a dangling reference: the claim's join reports it
	}
	var c string
	for claimIDs(&c) {
		emit(c, x)
	}
}

// OriginsRow is the output line of one claim's origins.
type OriginsRow struct {
	Claim       string      `json:"claim"`
	Independent int         `json:"independent"`
	Origins     []OriginRow `json:"origins"`
}

// OriginRow is one origin: its source (for a cycle, its member with the
// smallest ID) and its class, "primary", "unresolved" or "circular".
type OriginRow struct {
	Source string `json:"source"`
	Class  string `json:"class"`
}

// originsFn builds the graph of one claim and its carriers and asks the
// library for the claim's origins. A carrier missing from the input is an
// error naming the claim and the source.
func originsFn(id string, cls func(*Claim) bool, srcs func(*Source) bool, emit func(OriginsRow)) error {
	var c Claim
	if !cls(&c) {
		return nil // sources carrying an unknown claim: not reached from a claim
	}
	carry := carriers(c)
	var b graph.Batch
	var x Source
	for srcs(&x) {
		s := sources.Source{ID: x.ID, Kind: sources.Kind(x.Kind)}
		for _, l := range x.Links {
			if slices.Contains(carry, l.Source) {
				s.DerivedFrom = append(s.DerivedFrom, sources.Derivation{Source: l.Source, Kind: sources.DerivationKind(l.Kind)})
			}
		}
		b.Sources = append(b.Sources, s)
	}
	if len(b.Sources) < len(carry) {
		for _, want := range carry {
			if !slices.ContainsFunc(b.Sources, func(s sources.Source) bool { return s.ID == want }) {
				return fmt.Errorf("claim %q: no source %q: %w", id, want, graph.ErrNotFound)
			}
		}
	}
	// Only source and via reach the pipeline, so two appearances that
	// differ in date, speaker or quote arrive alike: one of them stands
	// for both (the origins are the same), where the graph would refuse
	// the second as one utterance written twice.
	cc := claims.Claim{ID: c.ID, Text: c.ID, Appearances: make([]claims.Appearance, 0, len(c.Apps))}
	seen := make(map[[2]string]bool, len(c.Apps))
	for _, a := range c.Apps {
		if k := [2]string{a.Source, a.Via}; !seen[k] {
			seen[k] = true
			cc.Appearances = append(cc.Appearances, claims.Appearance{Source: a.Source, Via: a.Via})
		}
	}
	b.Claims = []claims.Claim{cc}
	g := graph.New()
	if err := g.Apply(b); err != nil {
		return fmt.Errorf("claim %q: %w", id, err)
	}
	rep, err := provenance.New(g.At(claims.Date{})).Of(cc)
	if err != nil {
		return fmt.Errorf("claim %q: %w", id, err)
	}
	row := OriginsRow{Claim: id, Independent: rep.Independent(), Origins: make([]OriginRow, len(rep.Groups))}
	for i, gr := range rep.Groups {
		row.Origins[i] = OriginRow{Source: gr.Origin.Source, Class: gr.Origin.Class.String()}
	}
	emit(row)
	return nil
}
