package graph_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// depthQueries are every query of View that takes a depth, each run for
// its error only.
var depthQueries = []struct {
	name string
	run  func(v graph.View, id string, depth int) error
}{
	{"SupportTree", func(v graph.View, id string, d int) error { _, err := v.SupportTree(id, d); return err }},
	{"SupportTreeExcept", func(v graph.View, id string, d int) error {
		_, err := v.SupportTreeExcept(id, d, map[string]bool{"summit": true})
		return err
	}},
	{"SupportChains", func(v graph.View, id string, d int) error { _, err := v.SupportChains(id, d); return err }},
	{"Neighbourhood", func(v graph.View, id string, d int) error { _, err := v.Neighbourhood(id, d); return err }},
}

// TestNegativeDepth checks that every depth-taking query refuses a depth
// below 0 alike, with an *Error that names the claim and matches
// ErrNegativeDepth, and answers a depth of 0 or more.
func TestNegativeDepth(t *testing.T) {
	v := exampleGraph().View
	for _, q := range depthQueries {
		for _, tc := range []struct {
			id    string
			depth int
			want  error // nil: answered
		}{
			{"ties", -1, graph.ErrNegativeDepth},
			{"ties", math.MinInt, graph.ErrNegativeDepth},
			{"no-such-claim", -1, graph.ErrNegativeDepth}, // the depth is checked first
			{"ties", 0, nil},
			{"ties", 1, nil},
			{"ties", math.MaxInt, nil},
			{"no-such-claim", 0, graph.ErrNotFound},
		} {
			err := q.run(v, tc.id, tc.depth)
			switch {
			case tc.want == nil && err != nil:
				t.Errorf("%s(%q, %d) = %v, want no error", q.name, tc.id, tc.depth, err)
			case tc.want != nil && !errors.Is(err, tc.want):
				t.Errorf("%s(%q, %d) = %v, want %v", q.name, tc.id, tc.depth, err, tc.want)
			case tc.want == graph.ErrNegativeDepth:
				var e *graph.Error
				if !errors.As(err, &e) || e.ID != tc.id {
					t.Errorf("%s(%q, %d) = %#v, want a *graph.Error with ID %q", q.name, tc.id, tc.depth, err, tc.id)
				}
				if msg := err.Error(); !strings.Contains(msg, `"`+tc.id+`"`) || !strings.Contains(msg, "depth") {
					t.Errorf("%s(%q, %d): message %q names neither the claim nor the depth", q.name, tc.id, tc.depth, msg)
				}
			}
		}
	}
}

// TestNeighbourhoodDepth checks the depths Neighbourhood answers: 0 is
// the claim alone, each more reaches one relation further.
func TestNeighbourhoodDepth(t *testing.T) {
	g := exampleGraph()
	for depth, want := range map[int]int{0: 1, 1: 2, 2: 4, 3: 4} {
		sub, err := g.Neighbourhood("only-pact", depth)
		if err != nil {
			t.Fatal(err)
		}
		if n := sub.Counts().Claims; n != want {
			t.Errorf("depth %d: %d claims, want %d", depth, n, want)
		}
	}
}
