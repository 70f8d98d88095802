package timeline_test

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/sources"
)

// d parses a date of a test table, failing the test on a typo.
func d(t testing.TB, s string) claims.Date {
	t.Helper()
	date, err := claims.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return date
}

// period is a validity written as in the YAML format: "FROM..UNTIL",
// "FROM..", "..UNTIL", "@AT", "^OCCURRED", or "" for always; "FROM..!" still holds.
func period(t testing.TB, s string) claims.Validity {
	t.Helper()
	var v claims.Validity
	switch {
	case s == "":
	case s[0] == '@':
		v.At = d(t, s[1:])
	case s[0] == '^': // an event
		v.Occurred = d(t, s[1:])
	default:
		from, until, ok := strings.Cut(s, "..")
		if !ok {
			t.Fatalf("bad period %q", s)
		}
		if until == "!" {
			v.Ongoing, until = true, ""
		}
		v.From, v.Until = d(t, from), d(t, until)
	}
	if err := v.Check(); err != nil {
		t.Fatal(err)
	}
	return v
}

// build makes a graph: one source per entry of published (ID -> date),
// claims with the validities given and one appearance in each of the
// sources listed, and the relations given.
type claimSpec struct {
	id, valid string
	in        []string // source IDs, one appearance each
	dates     []string // optional appearance dates, parallel to in
}

func build(t testing.TB, published map[string]string, cs []claimSpec, rels ...claims.Relation) *graph.Graph {
	t.Helper()
	var b graph.Batch
	b.Entities = append(b.Entities, claims.Entity{ID: "e", Name: "E", Kind: claims.Country})
	for _, id := range slices.Sorted(maps.Keys(published)) {
		b.Sources = append(b.Sources, sources.Source{ID: id, Kind: sources.NewsArticle, Published: d(t, published[id])})
	}
	for _, c := range cs {
		cl := claims.Claim{ID: c.id, Text: "claim " + c.id, About: []string{"e"}, Validity: period(t, c.valid)}
		for i, s := range c.in {
			a := claims.Appearance{Source: s}
			if i < len(c.dates) {
				a.Date = d(t, c.dates[i])
			}
			cl.Appearances = append(cl.Appearances, a)
		}
		b.Claims = append(b.Claims, cl)
	}
	b.Relations = rels
	g := graph.New()
	if err := g.Apply(b); err != nil {
		t.Fatal(err)
	}
	return g
}

func contra(a, b string) claims.Relation {
	return claims.Relation{From: a, To: b, Kind: claims.Contradicts}
}

// seed loads a dataset of the repository's testdata directory, skipping
// the test when it is not there yet.
func seed(t *testing.T, name string) *graph.Graph {
	t.Helper()
	path := filepath.Join("..", "..", "testdata", name)
	if _, err := os.Stat(path); err != nil {
		t.Skipf("seed dataset %s not present: %v", path, err)
	}
	g, err := graph.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// applied returns a graph holding b.
func applied(t testing.TB, b graph.Batch) *graph.Graph {
	t.Helper()
	g := graph.New()
	if err := g.Apply(b); err != nil {
		t.Fatal(err)
	}
	return g
}
