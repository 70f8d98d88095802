// The export command: a claim graph in an interchange format.
//
//	claimgraph export FILE --format json|jsonl|jsonld|nquads|turtle|dot [-o OUT] [--json]
//	                  [--base IRI] [--graph IRI]                       (nquads, turtle)
//	                  [--review-url URL --author NAME [--verdicts FILE]
//	                   [--author-url URL] [--date YYYY-MM-DD]]          (jsonld)
//
// Formats:
//
//   - json: the whole graph in the JSON form of the YAML format
//     (graph.Graph.WriteJSON), loss-free;
//   - nquads, turtle: RDF with schema.org and PROV-O (package graph/rdf);
//     --base sets the IRI prefix of items (default urn:claimgraph:),
//     --graph the named graph of N-Quads;
//   - jsonld: schema.org ClaimReview of the rated claims (package
//     graph/claimreview): by default the claims with a published review
//     (the review field), with its rating, URL and date; when the file
//     has no published review, every claim rated by the verdicts of
//     package graph/verdict; or, when --verdicts gives a JSON object mapping claim IDs to
//     {"name": "False", "value": 1, "alternateName": "False"} (value 1 =
//     false to 5 = true); --review-url is the prefix of each review's
//     address (the claim ID is appended), --author the publishing
//     organisation, --date the reviews' date (default today);
//   - dot: the drawing of "claimgraph draw" as DOT text, every claim.
//
// The output goes to standard output, or to OUT with -o. With --json (which
// needs -o) it then prints:
//
//	{"output": "out.ttl", "format": "turtle", "bytes": 20480}

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/claimreview"
	"github.com/claimgraph/claimgraph/graph/dot"
	"github.com/claimgraph/claimgraph/graph/rdf"
)

// exportReport is the --json output of export.
type exportReport struct {
	Output string `json:"output"`
	Format string `json:"format"`
	Bytes  int    `json:"bytes"`
}

// today is the default date of reviews; tests replace it.
var today = func() claims.Date { return claims.DateOf(time.Now()) }

func runExport(e *env, args []string) int {
	fs, asJSON := newFlags("export", e)
	format := fs.String("format", "", "json, jsonl, jsonld, nquads, turtle or dot")
	out := fs.String("o", "", "output file (default standard output)")
	base := fs.String("base", "", "nquads/turtle: IRI prefix of items (default "+rdf.DefaultBase+")")
	named := fs.String("graph", "", "nquads: IRI of the named graph (default the default graph)")
	verdicts := fs.String("verdicts", "", "jsonld: JSON file of claim ID -> {name, value, alternateName}")
	reviewURL := fs.String("review-url", "", "jsonld: prefix of the review pages' addresses")
	author := fs.String("author", "", "jsonld: the organisation publishing the reviews")
	authorURL := fs.String("author-url", "", "jsonld: its home page")
	date := fs.String("date", "", "jsonld: date of the reviews, YYYY-MM-DD (default today)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) != 1 {
		return e.usageError("export", "want one FILE, got %d arguments", len(pos))
	}
	if *asJSON && *out == "" {
		return e.usageError("export", "--json needs -o: the export cannot share standard output")
	}
	var write func(g *graph.Graph, buf io.Writer) error
	switch *format {
	case "json":
		write = func(g *graph.Graph, buf io.Writer) error { return g.WriteJSON(buf) }
	case "jsonl":
		write = func(g *graph.Graph, buf io.Writer) error { return g.WriteJSONL(buf) }
	case "nquads":
		write = func(g *graph.Graph, buf io.Writer) error {
			return rdf.WriteNQuads(buf, g.View, rdf.Options{Base: *base, Graph: *named})
		}
	case "turtle":
		write = func(g *graph.Graph, buf io.Writer) error {
			return rdf.WriteTurtle(buf, g.View, rdf.Options{Base: *base})
		}
	case "dot":
		write = func(g *graph.Graph, buf io.Writer) error { return dot.Write(buf, g.View, dot.Options{}) }
	case "jsonld":
		if *reviewURL == "" || *author == "" {
			return e.usageError("export", "--format jsonld needs --review-url and --author")
		}
		opts := claimreview.Options{URL: *reviewURL, Author: *author, AuthorURL: *authorURL, Published: today()}
		if *date != "" {
			d, err := claims.ParseDate(*date)
			if err != nil {
				return e.usageError("export", "--date: %v", err)
			}
			opts.Published = d
		}
		if *verdicts != "" {
			m, err := readReviewVerdicts(*verdicts)
			if err != nil {
				return e.fail("export", err)
			}
			opts.Verdicts = m
		}
		write = func(g *graph.Graph, buf io.Writer) error {
			if opts.Verdicts == nil { // the published reviews, else the computed verdicts
				if opts.Verdicts = claimreview.FromReviews(g.View); len(opts.Verdicts) > 0 {
					return claimreview.Write(buf, g.View, opts)
				}
				r, err := e.verdicts(g.View)
				if err != nil {
					return err
				}
				opts.Verdicts = claimreview.FromVerdicts(r)
			}
			return claimreview.Write(buf, g.View, opts)
		}
	case "":
		return e.usageError("export", "--format is required")
	default:
		return e.usageError("export", "unknown --format %q: want json, jsonld, nquads, turtle or dot", *format)
	}
	g, err := e.open(pos[0])
	if err != nil {
		return e.fail("export", err)
	}
	var buf bytes.Buffer
	if err := write(g, e.counting(&buf)); err != nil {
		return e.fail("export", err)
	}
	if *out == "" {
		if _, err := e.stdout.Write(buf.Bytes()); err != nil {
			return e.fail("export", err)
		}
		return 0
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return e.fail("export", err)
	}
	return e.emit("export", *asJSON, exportReport{Output: *out, Format: *format, Bytes: buf.Len()}, nil)
}

// reviewVerdict is one entry of the --verdicts file of jsonld.
type reviewVerdict struct {
	Name          string `json:"name"`
	Value         int    `json:"value"`
	AlternateName string `json:"alternateName"`
}

func readReviewVerdicts(path string) (map[string]claimreview.Verdict, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var m map[string]reviewVerdict
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	out := make(map[string]claimreview.Verdict, len(m))
	for id, v := range m {
		out[id] = claimreview.Verdict(v)
	}
	return out, nil
}
