// Package sparql holds a SPARQL 1.1 query beside each query helper of
// the library, for the RDF that package rdf exports, so that a graph
// loaded into a triple store answers the same questions as the Go API.
//
// # Queries
//
// Each query is a file of this directory, NAME.rq, with a comment that
// says which Go helper it matches and what it takes; [Query] returns it
// by name and [Names] lists them. A query's parameter is its first line,
// BIND (<IRI> AS ?claim) (or ?entity, ?source), set to an item of the seed
// data set so that the file runs as it is; [Bind] puts another item's IRI
// there. BIND, not VALUES: Virtuoso does not join a VALUES row with a
// property path, and answers for every start instead
// (openlink/virtuoso-opensource#234). Every query selects ?id, the
// identifiers of the answers, ordered.
//
//	contradictions     graph.View.Contradictions: the claims that contradict ?claim
//	supporters         graph.View.Supporters: the claims that directly support ?claim
//	supported          graph.View.Supported: the claims ?claim directly supports
//	support-chains     graph.View.SupportChains: every claim that supports ?claim, at any depth
//	sources            graph.View.SourcesOf: the sources ?claim appears in
//	speakers           graph.View.Speakers: the entities ?claim is attributed to
//	about              graph.View.ClaimsAbout: the claims about ?entity
//	by-speaker         graph.View.ClaimsBy: the claims attributed to ?entity
//	claims-in          graph.View.ClaimsIn: the claims that appear in ?source
//	derived-by         graph.View.DerivedBy: the sources that draw on ?source
//	source-origins     provenance.SourceOrigins: the sources ?source ultimately rests on
//	origins            provenance.Origins: the independent origins of ?claim
//	published-between  the claims that appeared between ?from and ?until, at any date precision
//
// The two origin queries follow derivation with property paths and
// FILTER NOT EXISTS; they agree with the Go helpers except inside a
// derivation cycle, which the Go helpers count as one circular origin and
// a path query cannot single out.
//
// # Variants for one engine
//
// Virtuoso evaluates a property path like cg:supports+ path by path, not
// node by node as SPARQL 1.1 defines it, so where support relations form
// many paths between two claims (a cluster of claims that support each
// other) support-chains fails with "Exceeded 1000000000 bytes in
// transitive temp memory" (openlink/virtuoso-opensource#397).
// NAME.virtuoso.rq is then the same query in Virtuoso's own syntax,
// OPTION (TRANSITIVE, T_DISTINCT, ...), which other engines do not parse.
// [Query] returns a variant by its full name ("support-chains.virtuoso");
// [Names] lists only the portable queries.
//
// # Tests
//
// The tests export a graph as N-Quads, load it into Oxigraph (the npm
// package oxigraph, run with node, in memory) and into Virtuoso Open
// Source (the Debian package virtuoso-opensource, started by the test as
// a server on loopback with its own database and bulk-loaded), run every
// query for every item of the seed data set (Oxigraph) and for a sample
// of items of a generated graph (20,000 claims for Oxigraph, 100,000 for
// Virtuoso; 2,000 with -short), and compare the answers with the Go
// helper's. They skip with a message when a tool is absent. With -v they
// log the load time and the mean time of each query beside the Go
// helper's.
package sparql

import (
	"embed"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

//go:embed *.rq
var files embed.FS

// Names returns the names of the queries, sorted.
func Names() []string {
	entries, _ := files.ReadDir(".")
	var names []string
	for _, e := range entries {
		if name := strings.TrimSuffix(e.Name(), ".rq"); !strings.Contains(name, ".") {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}

// ErrNotFound is returned by [Query] for a name that no query has.
var ErrNotFound = errors.New("sparql: no such query")

// Query returns the text of the query called name ("contradictions").
func Query(name string) (string, error) {
	b, err := files.ReadFile(name + ".rq")
	if err != nil {
		return "", fmt.Errorf("%w: %q", ErrNotFound, name)
	}
	return string(b), nil
}

// parameter is a BIND of an IRI to a variable.
var parameter = regexp.MustCompile(`BIND \(<[^>]*> AS \?\w+\)`)

// Bind returns query with the IRI of its parameter (its first BIND
// (<IRI> AS ?var)) replaced by iri, which must be absolute. It reports an
// error for a query with no such clause, like published-between, whose
// parameters are the VALUES row of two dates.
func Bind(query, iri string) (string, error) {
	loc := parameter.FindStringIndex(query)
	if loc == nil {
		return "", errors.New("sparql: the query has no parameter BIND (<IRI> AS ?var)")
	}
	if iri == "" || strings.ContainsAny(iri, "<>\"{}|^`\\ \t\n") {
		return "", fmt.Errorf("sparql: %q is not an IRI to bind", iri)
	}
	clause := query[loc[0]:loc[1]]
	end := strings.IndexByte(clause, '>')
	return query[:loc[0]] + "BIND (<" + iri + clause[end:] + query[loc[1]:], nil
}
