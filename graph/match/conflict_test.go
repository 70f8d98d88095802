package match_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/match"
)

// TestConflicts: decisions that contradict each other, or the graph,
// through same_as are found, each once (red team 8, finding 10a): the
// graph refuses a pair both supported and contradicted, but did not see
// it through a same_as.
func TestConflicts(t *testing.T) {
	g := graph.New()
	var b graph.Batch
	for _, id := range []string{"a", "b", "c", "d", "e"} {
		b.Claims = append(b.Claims, claims.Claim{ID: id, Text: strings.ToUpper(id) + "."})
	}
	b.Relations = []claims.Relation{{From: "d", To: "e", Kind: claims.Contradicts}}
	if err := g.Apply(b); err != nil {
		t.Fatal(err)
	}
	dec := func(a, b string, k claims.RelationKind) match.Decision { return match.Decision{A: a, B: b, Kind: k} }
	for _, tt := range []struct {
		name string
		ds   []match.Decision
		want []int // the conflicting decisions: every one a conflict involves
	}{
		{"supports and contradicts through same_as", []match.Decision{
			dec("a", "b", claims.SameAs), dec("b", "c", claims.Contradicts), dec("a", "c", claims.Supports)}, []int{1, 2}},
		{"the graph's contradiction", []match.Decision{dec("d", "a", claims.SameAs), dec("a", "e", claims.Supports)}, []int{1}},
		{"same_as across the graph's contradiction", []match.Decision{dec("d", "a", claims.SameAs), dec("a", "e", claims.SameAs)}, []int{0, 1}},
		{"contradicts the same claim", []match.Decision{dec("a", "b", claims.SameAs), dec("b", "c", claims.SameAs), dec("c", "a", claims.Contradicts)}, []int{0, 1, 2}},
		{"distinct from the same claim", []match.Decision{dec("a", "b", claims.SameAs), dec("b", "a", claims.DistinctFrom)}, []int{0, 1}},
		{"consistent", []match.Decision{dec("a", "b", claims.SameAs), dec("a", "c", claims.Supports), dec("b", "c", claims.Supports), dec("c", "d", 0)}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got []int
			for _, c := range match.Conflicts(g.View, tt.ds) {
				got = append(got, c.Decision)
				if !strings.Contains(c.Error(), "same") && !strings.Contains(c.Error(), "joins") {
					t.Errorf("conflict %q does not say why", c)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("conflicting decisions %v, want %v", got, tt.want)
			}
		})
	}
}
