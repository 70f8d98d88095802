package dot_test

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/dot"
)

func TestQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{`plain`, `"plain"`},
		{`say "no"`, `"say \"no\""`},
		{`back\slash`, `"back\\slash"`},
		{"two\nlines", `"two\nlines"`},
		{"Russia–North Korea", `"Russia–North Korea"`},
		{"bell\a", "\"bell\uFFFD\""},
		{"bad \xff byte", "\"bad \uFFFD byte\""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := dot.Quote(tt.in); got != tt.want {
				t.Errorf("Quote(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func tricky(t *testing.T) *graph.Graph {
	t.Helper()
	g := graph.New()
	err := g.Apply(graph.Batch{
		Claims: []claims.Claim{
			{ID: "a", Text: `He said "it's over" \ done` + "\nNext line, Ünïcödé."},
			{ID: "b", Text: "B."},
			{ID: "c", Text: "C."},
		},
		Relations: []claims.Relation{
			{From: "a", To: "b", Kind: claims.Supports},
			{From: "c", To: "b", Kind: claims.Contradicts},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestWriteIsDeterministicAndValid(t *testing.T) {
	g := tricky(t)
	opts := dot.Options{Verdict: dot.VerdictMap(map[string]string{"b": "accepted", "c": "rejected"})}
	var first, second bytes.Buffer
	if err := dot.Write(&first, g.View, opts); err != nil {
		t.Fatal(err)
	}
	if err := dot.Write(&second, g.View, opts); err != nil {
		t.Fatal(err)
	}
	if first.String() != second.String() {
		t.Fatal("two writes of the same graph differ")
	}
	out := first.String()
	if strings.HasPrefix(out, "strict") {
		t.Error("output is a strict graph")
	}
	if !strings.Contains(out, `\"it's over\" \\ done`) {
		t.Errorf("quotes and backslashes not escaped:\n%s", out)
	}
	path, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("graphviz dot not installed: cannot check that Graphviz accepts the output")
	}
	cmd := exec.Command(path, "-Tsvg")
	cmd.Stdin = strings.NewReader(out)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	svg, err := cmd.Output()
	if err != nil {
		t.Fatalf("dot rejected the output: %v\n%s\n%s", err, stderr.String(), out)
	}
	for _, want := range []string{"<svg", "Ünïcödé"} {
		if !bytes.Contains(svg, []byte(want)) {
			t.Errorf("SVG lacks %q", want)
		}
	}
}
