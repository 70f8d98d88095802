package graph_test

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/sources"
	"github.com/google/go-cmp/cmp"
)

func yamlOf(t *testing.T, g *graph.Graph) string {
	t.Helper()
	var b bytes.Buffer
	if err := g.WriteYAML(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// problems returns every problem of err, which must be an ErrorList,
// one per line.
func problems(t *testing.T, err error) string {
	t.Helper()
	var list graph.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("error %v (%T), want an ErrorList", err, err)
	}
	var all []string
	for _, e := range list {
		all = append(all, e.Error())
	}
	return strings.Join(all, "\n")
}

func TestApplyRejects(t *testing.T) {
	day := claims.MustDate
	tests := []struct {
		name  string
		batch graph.Batch
		want  []error // sentinels every one of which the error must match
	}{
		{"duplicate ID across kinds", graph.Batch{Entities: []claims.Entity{{ID: "treaty", Name: "T", Kind: claims.Document}}}, []error{graph.ErrDuplicateID}},
		{"duplicate ID within batch", graph.Batch{Sources: []sources.Source{{ID: "s", Kind: sources.Wire}, {ID: "s", Kind: sources.Wire}}}, []error{graph.ErrDuplicateID}},
		{"unknown entity", graph.Batch{Claims: []claims.Claim{{ID: "c", Text: "x", About: []string{"mars"}}}}, []error{graph.ErrUnknownReference}},
		{"entity where a source belongs", graph.Batch{Claims: []claims.Claim{{ID: "c", Text: "x", Appearances: []claims.Appearance{{Source: "china"}}}}}, []error{graph.ErrWrongKind}},
		{"unknown source in derivation", graph.Batch{Sources: []sources.Source{{ID: "s", Kind: sources.Wire, DerivedFrom: []sources.Derivation{{Source: "nope", Kind: sources.Cites}}}}}, []error{graph.ErrUnknownReference}},
		{"unknown claim in relation", graph.Batch{Relations: []claims.Relation{{From: "treaty", To: "nope", Kind: claims.Supports}}}, []error{graph.ErrUnknownReference}},
		{"self relation", graph.Batch{Relations: []claims.Relation{{From: "treaty", To: "treaty", Kind: claims.Supports}}}, []error{claims.ErrSelfRelation}},
		{"supports and contradicts", graph.Batch{Relations: []claims.Relation{{From: "only-pact", To: "treaty", Kind: claims.Supports}}}, []error{graph.ErrConflictingRelation}},
		{"contradiction again, reversed", graph.Batch{Relations: []claims.Relation{{From: "only-pact", To: "treaty", Kind: claims.Contradicts}}}, []error{graph.ErrDuplicateRelation}},
		{"support again", graph.Batch{Relations: []claims.Relation{{From: "summit", To: "treaty", Kind: claims.Supports}}}, []error{graph.ErrDuplicateRelation}},
		{"conflict inside the batch", graph.Batch{Relations: []claims.Relation{
			{From: "summit", To: "ties", Kind: claims.Supports}, {From: "ties", To: "summit", Kind: claims.Contradicts}}}, []error{graph.ErrConflictingRelation}},
		{"bad confidence", graph.Batch{Relations: []claims.Relation{{From: "summit", To: "ties", Kind: claims.Supports, Confidence: 1.5}}}, []error{claims.ErrInvalidConfidence}},
		{"missing text and kind", graph.Batch{Claims: []claims.Claim{{ID: "c"}}, Entities: []claims.Entity{{ID: "e", Name: "E"}}}, []error{claims.ErrMissingField}},
		{"bad ID", graph.Batch{Entities: []claims.Entity{{ID: "has space", Name: "E", Kind: claims.Person}}}, []error{claims.ErrInvalidID}},
		{"until before from", graph.Batch{Claims: []claims.Claim{{ID: "c", Text: "x", Validity: claims.Validity{From: day(2024, 1, 1), Until: day(2023, 1, 1)}}}}, []error{claims.ErrInvalidValidity}},
		{"bad URL", graph.Batch{Sources: []sources.Source{{ID: "s", Kind: sources.Wire, URL: "ftp://x"}}}, []error{sources.ErrInvalidURL}},
		{"good items do not save a bad batch", graph.Batch{
			Entities: []claims.Entity{{ID: "fine", Name: "Fine", Kind: claims.Person}},
			Claims:   []claims.Claim{{ID: "c", Text: "x", About: []string{"fine", "mars"}}}}, []error{graph.ErrUnknownReference}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := exampleGraph()
			before := yamlOf(t, g)
			err := g.Apply(tt.batch)
			if err == nil {
				t.Fatal("Apply succeeded, want an error")
			}
			for _, want := range tt.want {
				if !errors.Is(err, want) {
					t.Errorf("error %q does not match %v", err, want)
				}
			}
			var e *graph.Error
			if !errors.As(err, &e) || e.ID == "" {
				t.Errorf("error %q: want a *graph.Error naming the offending ID", err)
			}
			if diff := cmp.Diff(before, yamlOf(t, g)); diff != "" {
				t.Errorf("graph changed by a failed Apply (-before +after):\n%s", diff)
			}
		})
	}
}

func TestApplyAcceptsForwardReferences(t *testing.T) {
	g := graph.New()
	// The claim comes before the entity and source it names, and the
	// relation before its claims: a batch is checked as a whole.
	err := g.Apply(graph.Batch{
		Relations: []claims.Relation{{From: "a", To: "b", Kind: claims.Supports}, {From: "b", To: "a", Kind: claims.Supports}},
		Claims: []claims.Claim{
			{ID: "a", Text: "A.", About: []string{"e"}, Appearances: []claims.Appearance{{Source: "s", Speaker: "e"}}},
			{ID: "b", Text: "B."},
		},
		Sources:  []sources.Source{{ID: "s", Kind: sources.Report, DerivedFrom: []sources.Derivation{{Source: "t", Kind: sources.Cites}}}, {ID: "t", Kind: sources.Report}},
		Entities: []claims.Entity{{ID: "e", Name: "E", Kind: claims.Person}},
	})
	if err != nil {
		t.Fatal(err)
	}
	// Mutual support is two relations; the about and said-by links to e
	// are one edge of the underlying graph with two kinds.
	if c := g.Counts(); c.Supports != 2 || c.Claims != 2 || c.Derivations != 1 {
		t.Errorf("counts = %+v", c)
	}
	e, err := g.Underlying().Edge("a", "e")
	if err != nil {
		t.Fatal(err)
	}
	d := e.Properties.Data.(graph.EdgeData)
	if d.Kinds != graph.AboutEdge|graph.SaidByEdge {
		t.Errorf("edge a->e kinds = %b, want about|said-by", d.Kinds)
	}
}

// TestApplySharesIDs: the references a stored item makes point at the
// bytes of the ID the graph already holds, not at copies, so that a
// million appearances of a hundred sources keep a hundred strings. A
// batch given to Apply is left as it was; a reader's batch is the
// graph's own.
func TestApplySharesIDs(t *testing.T) {
	// Every reference a string of its own, as a decoder would make them.
	batch := func() graph.Batch {
		return graph.Batch{
			Entities: []claims.Entity{{ID: "e", Name: "E", Kind: claims.Person}},
			Sources: []sources.Source{
				{ID: "s", Kind: sources.Report, DerivedFrom: []sources.Derivation{{Source: strings.Clone("t"), Kind: sources.Cites}}},
				{ID: "t", Kind: sources.Report}, // named above before it is added
			},
			Claims: []claims.Claim{
				{ID: "c", Text: "C.", About: []string{strings.Clone("e")},
					Appearances: []claims.Appearance{{Source: strings.Clone("s"), Speaker: strings.Clone("e"), Via: strings.Clone("t")}}},
				{ID: "d", Text: "D."},
			},
			Relations: []claims.Relation{{From: strings.Clone("c"), To: strings.Clone("d"), Kind: claims.Supports, Note: "kept whole"}},
		}
	}
	given := batch()
	about, from := unsafe.StringData(given.Claims[0].About[0]), unsafe.StringData(given.Relations[0].From)
	applied := graph.New()
	if err := applied.Apply(given); err != nil {
		t.Fatal(err)
	}
	var yml bytes.Buffer
	if err := applied.WriteYAML(&yml); err != nil {
		t.Fatal(err)
	}
	read, err := graph.ReadYAML(&yml, "shared.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		g    *graph.Graph
	}{{"Apply", applied}, {"ReadYAML", read}} {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := tt.g.Claim("c")
			d, _ := tt.g.Claim("d")
			src, _ := tt.g.Source("s")
			tsrc, _ := tt.g.Source("t")
			e, _ := tt.g.Entity("e")
			r := slices.Collect(tt.g.Relations())[0]
			a := c.Appearances[0]
			for _, ref := range []struct{ name, got, want string }{
				{"about", c.About[0], e.ID},
				{"source", a.Source, src.ID},
				{"speaker", a.Speaker, e.ID},
				{"via", a.Via, tsrc.ID},
				{"derived from", src.DerivedFrom[0].Source, tsrc.ID},
				{"relation from", r.From, c.ID},
				{"relation to", r.To, d.ID},
			} {
				if unsafe.StringData(ref.got) != unsafe.StringData(ref.want) {
					t.Errorf("%s %q is a copy, not the graph's ID", ref.name, ref.got)
				}
			}
		})
	}
	// The caller's batch still holds its own strings.
	if unsafe.StringData(given.Claims[0].About[0]) != about || unsafe.StringData(given.Relations[0].From) != from {
		t.Error("Apply rewrote the references of the caller's batch")
	}
}

func TestQueriesReportUnknownIDs(t *testing.T) {
	g := exampleGraph()
	if _, err := g.Supporters("nope"); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("Supporters(nope) = %v, want ErrNotFound", err)
	}
	if _, err := g.ClaimsAbout("treaty"); !errors.Is(err, graph.ErrWrongKind) {
		t.Errorf("ClaimsAbout(a claim) = %v, want ErrWrongKind", err)
	}
	// A dated view hides claims that do not hold then.
	if _, err := g.At(claims.MustDate(2023, 0, 0)).Contradictions("treaty"); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("Contradictions as of 2023 = %v, want ErrNotFound", err)
	}
	if _, err := g.ShortestPath("only-pact", "ties"); err != nil {
		t.Errorf("ShortestPath: %v", err)
	}
	if err := g.AddClaim(claims.Claim{ID: "island", Text: "Alone."}); err != nil {
		t.Fatal(err)
	}
	if _, err := g.ShortestPath("island", "ties"); !errors.Is(err, graph.ErrNoPath) {
		t.Errorf("ShortestPath to an unconnected claim = %v, want ErrNoPath", err)
	}
}

func TestSupportChainsDepth(t *testing.T) {
	g := exampleGraph()
	for depth, want := range map[int]int{1: 1, 2: 2, 0: 2} {
		chains, err := g.SupportChains("ties", depth)
		if err != nil {
			t.Fatal(err)
		}
		if len(chains) != want {
			t.Errorf("depth %d: %d chains, want %d", depth, len(chains), want)
		}
	}
}

func TestUnderlyingIsReadOnly(t *testing.T) {
	g := exampleGraph()
	u := g.Underlying()
	if err := u.AddVertex(graph.Vertex{ID: "x", Kind: graph.ClaimVertex}); !errors.Is(err, graph.ErrReadOnly) {
		t.Errorf("AddVertex through Underlying = %v, want ErrReadOnly", err)
	}
	n, err := u.Order()
	if err != nil || n != 10 {
		t.Errorf("Order = %d, %v; want 10 vertices (4 entities, 2 sources, 4 claims)", n, err)
	}
}

// TestSourcesOfOrder: the sources of a claim come once each, in the order
// of their first appearance as a source, even when a source was first
// named as the intermediary ("via") of an earlier appearance.
func TestSourcesOfOrder(t *testing.T) {
	g := graph.New()
	err := g.Apply(graph.Batch{
		Sources: []sources.Source{{ID: "a", Kind: sources.Wire}, {ID: "b", Kind: sources.Wire}, {ID: "c", Kind: sources.Wire}},
		Claims: []claims.Claim{{ID: "x", Text: "X", Appearances: []claims.Appearance{
			{Source: "a", Via: "b"}, {Source: "c"}, {Source: "b"}, {Source: "a"},
		}}, {ID: "y", Text: "Y"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string][]string{"x": {"a", "c", "b"}, "y": nil} {
		srcs, err := g.SourcesOf(id)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, s := range srcs {
			got = append(got, s.ID)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("SourcesOf(%s) (-want +got):\n%s", id, diff)
		}
	}
}

// TestLinks: Links gives the relations of every view, in order, by the
// positions of their claims in that view's order of claims.
func TestLinks(t *testing.T) {
	g, err := graph.Load(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, at := range []string{"", "2023-09", "2024-01-01", "2024-06-19", "2025-09-03"} {
		t.Run("at="+at, func(t *testing.T) {
			v := g.View
			if at != "" {
				v = g.At(mustDate(t, at))
			}
			pos := map[string]int{}
			for c := range v.Claims() {
				pos[c.ID] = len(pos)
			}
			var want []graph.Link
			resolved := 0
			for r := range v.Relations() {
				// Resolved: the claims and the relation hold on no common
				// day of the view's date (all time when undated).
				a, _ := v.Claim(r.From)
				b, _ := v.Claim(r.To)
				res := r.Kind == claims.Contradicts && !claims.HoldTogether(v.Date(), a.Validity, b.Validity, r.Validity)
				if res {
					resolved++
				}
				if v.Resolved(r) != res {
					t.Errorf("Resolved(%s %s %s) = %v, want %v", r.From, r.Kind, r.To, !res, res)
				}
				want = append(want, graph.Link{From: pos[r.From], To: pos[r.To], Kind: r.Kind, Confidence: r.Confidence, Resolved: res})
			}
			got := slices.Collect(v.Links())
			if len(want) == 0 {
				t.Fatal("the view has no relations to compare")
			}
			if at == "" && resolved == 0 {
				t.Error("the seed has contradictions resolved by time; none is")
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Links (-want +got):\n%s", diff)
			}
		})
	}
}
