package rdf

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
)

// TestVocabulary reads vocab.ttl with this package's Turtle reader and
// checks that every cg: term the exporter writes for the test graphs, as
// a property or a class, is defined there with a label and a comment,
// that cg:contradicts is symmetric, and that rapper reads the file too
// when it is installed.
func TestVocabulary(t *testing.T) {
	defined := map[string]map[string][]Term{} // term -> property -> values
	err := Parse(strings.NewReader(Vocabulary), "vocab.ttl", Turtle, Limits{}, func(tr Triple, _ claims.Position) error {
		if defined[tr.S.Value] == nil {
			defined[tr.S.Value] = map[string][]Term{}
		}
		defined[tr.S.Value][tr.P.Value] = append(defined[tr.S.Value][tr.P.Value], tr.O)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for _, g := range testGraphs(t) {
		for _, tr := range Triples(g.View, Options{}) {
			used[tr.P.Value] = true
			if tr.P.Value == RDF+"type" {
				used[tr.O.Value] = true
			}
		}
	}
	// Terms the test graphs may not exercise, as the writer names them.
	src, err := os.ReadFile("rdf.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile(`CG\s*\+\s*"(\w+)"`).FindAllStringSubmatch(string(src), -1) {
		used[CG+m[1]] = true
	}
	n := 0
	for term := range used {
		if !strings.HasPrefix(term, CG) {
			continue
		}
		n++
		d := defined[term]
		if d == nil {
			t.Errorf("%s is written but not defined in vocab.ttl", term)
			continue
		}
		for _, p := range []string{RDF + "type", RDFS + "label", RDFS + "comment"} {
			if len(d[p]) == 0 {
				t.Errorf("%s has no %s in vocab.ttl", term, p)
			}
		}
	}
	if n < 20 {
		t.Errorf("only %d cg: terms written by the test graphs; want them all exercised", n)
	}
	symmetric := false
	for _, o := range defined[CG+"contradicts"][RDF+"type"] {
		symmetric = symmetric || o.Value == "http://www.w3.org/2002/07/owl#SymmetricProperty"
	}
	if !symmetric {
		t.Error("cg:contradicts is not declared an owl:SymmetricProperty")
	}

	prog, err := exec.LookPath("rapper")
	if err != nil {
		t.Log("rapper not installed (Debian package raptor2-utils): vocab.ttl checked by this package's reader only")
		return
	}
	path := filepath.Join(t.TempDir(), "vocab.ttl")
	if err := os.WriteFile(path, []byte(Vocabulary), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(prog, "-i", "turtle", "-c", path).CombinedOutput()
	if err != nil || strings.Contains(string(out), "Error") || strings.Contains(string(out), "Warning") {
		t.Errorf("rapper on vocab.ttl: %v\n%s", err, out)
	}
}
