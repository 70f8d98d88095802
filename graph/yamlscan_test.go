package graph_test

import (
	"bytes"
	"math"
	"os"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/synth"
	"go.yaml.in/yaml/v3"
)

func yamlNodes(n *yaml.Node) int {
	c := 1
	for _, k := range n.Content {
		c += yamlNodes(k)
	}
	return c
}

// TestCountYAMLClose holds the scanner's count to the parser's: within
// a factor of two either way on the canonical file, a generated graph
// and hand-made shapes, so that the node budget means what it says.
func TestCountYAMLClose(t *testing.T) {
	g := graph.New()
	if err := g.Apply(synth.Generate(synth.Config{Claims: 300})); err != nil {
		t.Fatal(err)
	}
	var gen bytes.Buffer
	if err := g.WriteYAML(&gen); err != nil {
		t.Fatal(err)
	}
	canon, err := os.ReadFile("../testdata/kim-putin.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"kim-putin.yaml": canon,
		"generated":      gen.Bytes(),
		"flow sequence":  []byte("[a, b, 'c, d', \"e\\\" f\", [g], {h: i}]\n"),
		"flow mapping":   []byte("{a, b, c: d, e: [f, g]}\n"),
		"block":          []byte("a:\nb:\n- \n- x\n- y: z\n  w: |\n    not: counted\n    - nor\n  v: >\n    this\nq: # comment: no\n  - &x r\n  - *x\n"),
	} {
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want := yamlNodes(&doc) - 1 // the document node is not in the input
		got, off := graph.CountYAML(data, math.MaxInt)
		if off >= 0 || float64(got) < float64(want)/2 || float64(got) > 2*float64(want) {
			t.Errorf("%s: counted %d nodes (stopped at %d), the parser made %d", name, got, off, want)
		} else {
			t.Logf("%s: counted %d nodes, the parser made %d, %.1f bytes per node", name, got, want, float64(len(data))/float64(want))
		}
	}
}

// FuzzYAMLNodeCount holds the byte scanner's count to the parser's on
// any document the parser accepts: the parser never makes more than
// twice the nodes counted, plus a few, so that refusing a document over
// the node budget bounds the parser's memory as documented.
func FuzzYAMLNodeCount(f *testing.F) {
	for _, s := range []string{
		"claimgraph: 1\nclaims:\n  - {id: c, text: T, about: [a, b]}\n",
		"[a, 'b, c', \"d\\\" e\", [f], {g: h}, {i, j}]\n",
		"a:\nb:\n- \n- x\n- y: z\n  w: |\n    not: counted\n  v: >\n    this\nq: # c\n  - &x r\n  - *x\n",
		"? complex\n: key\n--- \n...\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			return
		}
		parsed := yamlNodes(&doc) - 1
		counted, off := graph.CountYAML(data, math.MaxInt)
		if off >= 0 {
			t.Fatalf("stopped at %d with no budget", off)
		}
		if parsed > 2*counted+8 {
			t.Fatalf("the parser made %d nodes, the scanner counted %d:\n%q", parsed, counted, data)
		}
	})
}
