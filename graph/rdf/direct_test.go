package rdf

import (
	"errors"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
)

const directPrefix = `@prefix schema: <https://schema.org/> .
@prefix cg: <https://claimgraph.github.io/ns#> .
<urn:claimgraph:a> a schema:Claim ; schema:identifier "a" ; schema:text "A." .
<urn:claimgraph:b> a schema:Claim ; schema:identifier "b" ; schema:text "B." .
<urn:claimgraph:c> a schema:Claim ; schema:identifier "c" ; schema:text "C." .
`

// TestDirectRelationRead: a direct "a cg:contradicts b" with no relation
// node (added by a SPARQL update) was dropped without a word. It is read
// as a relation; one that repeats a node's relation, either way round
// for a symmetric one, is not read twice; and one that clashes with
// another is reported at its line.
func TestDirectRelationRead(t *testing.T) {
	in := directPrefix + `<urn:claimgraph:b> cg:supports <urn:claimgraph:a> .
_:r a cg:Support ; cg:from <urn:claimgraph:b> ; cg:to <urn:claimgraph:a> .
<urn:claimgraph:a> cg:contradicts <urn:claimgraph:c> .
<urn:claimgraph:c> cg:contradicts <urn:claimgraph:a> .
<urn:claimgraph:b> cg:sameAs <urn:claimgraph:c> .
`
	g, err := Read(strings.NewReader(in), "h.ttl", Turtle, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for r := range g.Relations() {
		got = append(got, r.From+" "+r.Kind.String()+" "+r.To)
	}
	want := "b supports a, a contradicts c, b same_as c"
	if strings.Join(got, ", ") != want {
		t.Errorf("relations %q, want %s", got, want)
	}

	clash := directPrefix + `_:r a cg:Support ; cg:from <urn:claimgraph:b> ; cg:to <urn:claimgraph:a> .
<urn:claimgraph:b> cg:contradicts <urn:claimgraph:a> .
`
	_, err = Read(strings.NewReader(clash), "h2.ttl", Turtle, Limits{})
	var list graph.ErrorList
	if !errors.As(err, &list) || len(list) != 1 || !errors.Is(err, graph.ErrConflictingRelation) ||
		list[0].Position != (claims.Position{File: "h2.ttl", Line: 7, Column: 35}) {
		t.Errorf("got %v, want a conflicting relation at h2.ttl:7:35", err)
	}
}

// TestItemWithoutIdentifier: a claim with no schema:identifier gave
// "graph: id: missing required field" with no file, line or IRI.
func TestItemWithoutIdentifier(t *testing.T) {
	for _, tt := range []struct{ item, want string }{
		{`<http://other.example/x> a schema:Claim ; schema:text "Other." .`, "h1.ttl:6:28: not a claim graph: <http://other.example/x>: a claim without schema:identifier"},
		{`<http://other.example/x> a schema:Person ; schema:name "X" .`, "h1.ttl:6:28: not a claim graph: <http://other.example/x>: an entity without schema:identifier"},
		{`<http://other.example/x> cg:sourceKind "wire" .`, "h1.ttl:6:40: not a claim graph: <http://other.example/x>: a source without schema:identifier"},
	} {
		_, err := Read(strings.NewReader(directPrefix+tt.item+"\n"), "h1.ttl", Turtle, Limits{})
		if !errors.Is(err, ErrMapping) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("got %v, want %q", err, tt.want)
		}
	}
}
