// The export command: a claim graph in an interchange format.
//
//	claimgraph export FILE --format json|jsonl|jsonld|nquads|turtle|dot [-o OUT] [--json]
//	                  [--base IRI] [--graph IRI]                       (nquads, turtle)
//	                  [--review-url URL --author NAME [--verdicts FILE]
//	                   [--claims ID,...] [--at DATE]
//	                   [--author-url URL] [--date YYYY-MM-DD]]          (jsonld)
//
// Formats:
//
//   - json: the whole graph in the JSON form of the YAML format
//     (graph.Graph.WriteJSON), loss-free;
//   - nquads, turtle: RDF with schema.org, PROV-O and the cg: vocabulary
//     (package graph/rdf); --base sets the IRI prefix of items (default
//     urn:claimgraph:), --graph the named graph of N-Quads; both must be
//     absolute IRIs (not "kp", "_:g" or one with a space), else exit 2
//     with a message and no output; "import --from nquads|turtle" reads
//     it back;
//   - jsonld: schema.org ClaimReview (package graph/claimreview): by
//     default the claims with a published review (the review field), with
//     its rating, URL and date; when the file has none, the claims that
//     are contested (in a contradiction), or with --claims the claims
//     named, rated by the verdicts of package graph/verdict
//     (as of --at DATE when given) unless --verdicts gives a JSON object
//     mapping claim IDs to {"name": "False", "value": 1, "alternateName":
//     "False"} (value 1 = false to 5 = true), which are all published;
//     --review-url is the absolute http(s) prefix of each review's
//     address (the claim ID is appended), --author the publishing
//     organisation, --date the reviews' date (default today);
//   - dot: the drawing of "claimgraph draw" as DOT text, every claim.
//
// The output goes to standard output, or to OUT with -o, written safely
// (see the package documentation). With --json (which
// needs -o) it then prints:
//
//	{"output": "out.ttl", "format": "turtle", "bytes": 20480}

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strings"
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
	namedGraph := fs.String("graph", "", "nquads: IRI of the named graph (default the default graph)")
	verdicts := fs.String("verdicts", "", "jsonld: JSON file of claim ID -> {name, value, alternateName}")
	reviewURL := fs.String("review-url", "", "jsonld: prefix of the review pages' addresses")
	author := fs.String("author", "", "jsonld: the organisation publishing the reviews")
	authorURL := fs.String("author-url", "", "jsonld: its home page")
	date := fs.String("date", "", "jsonld: date of the reviews, YYYY-MM-DD (default today)")
	named := fs.String("claims", "", "jsonld: review the claims `ID,...` (default: the contested claims)")
	at := fs.String("at", "", "jsonld: rate the claims as of `DATE` (YYYY, YYYY-MM or YYYY-MM-DD)")
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
	case "nquads", "turtle":
		opts := rdf.Options{Base: *base, Graph: *namedGraph}
		if err := opts.Check(); err != nil {
			return e.usageError("export", "%v", err)
		}
		write = func(g *graph.Graph, buf io.Writer) error { return rdf.WriteNQuads(buf, g.View, opts) }
		if *format == "turtle" {
			write = func(g *graph.Graph, buf io.Writer) error { return rdf.WriteTurtle(buf, g.View, opts) }
		}
	case "dot":
		write = func(g *graph.Graph, buf io.Writer) error { return dot.Write(buf, g.View, dot.Options{}) }
	case "jsonld":
		if *reviewURL == "" || *author == "" {
			return e.usageError("export", "--format jsonld needs --review-url and --author")
		}
		if u, err := url.Parse(*reviewURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return e.usageError("export", "--review-url %q is not an absolute http or https address; reviews are published at it followed by the claim ID", *reviewURL)
		}
		t, err := claims.ParseDate(*at)
		if err != nil {
			return e.usageError("export", "--at: %v", err)
		}
		var ids []string
		if *named != "" {
			ids = strings.Split(*named, ",")
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
			v := g.At(t)
			if opts.Verdicts == nil { // the published reviews, else the computed verdicts
				if opts.Verdicts = claimreview.FromReviews(v); len(opts.Verdicts) > 0 {
					return claimreview.Write(buf, v, opts)
				}
				r, err := e.verdicts(v)
				if err != nil {
					return err
				}
				if opts.Verdicts, err = claimreview.Select(v, claimreview.FromVerdicts(r), ids); err != nil {
					return err
				}
			}
			return claimreview.Write(buf, v, opts)
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
	if err := writeFile(*out, buf.Bytes()); err != nil {
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
	data, err := readSide(path)
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
