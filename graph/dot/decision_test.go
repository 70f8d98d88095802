package dot_test

import (
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/dot"
)

// A same_as decision is drawn as an undirected dotted line, a
// distinct_from decision not at all, and neither as a support.
func TestDecisionsDrawn(t *testing.T) {
	g, err := graph.Load("../../testdata/decisions.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := dot.Write(&b, g.View, dot.Options{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.Contains(out, `"a" -> "b" [`) || !strings.Contains(out, `tooltip="same as"`) {
		t.Errorf("same_as not drawn:\n%s", out)
	}
	if strings.Contains(out, `"a" -> "c"`) || strings.Contains(out, `tooltip="supports"`) {
		t.Errorf("distinct_from drawn, or a decision drawn as support:\n%s", out)
	}
}
