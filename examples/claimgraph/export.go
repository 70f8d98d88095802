// The export command: a claim graph in an interchange format.
//
//	claimgraph export FILE --format json|jsonl|jsonld|nquads|turtle|dot [-o OUT] [--json]
//	                  [--base IRI] [--graph IRI]                       (nquads, turtle)
//	                  [--review-url URL --author NAME [--verdicts FILE]
//	                   [--claims ID,...] [--at DATE] [--trust TRUST]
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
//   - jsonld: schema.org ClaimReview (package graph/claimreview) of the
//     claims rated by, first that applies: --verdicts FILE, a JSON object
//     mapping claim IDs to {"name": "False", "value": 1, "alternateName":
//     "False"} (value 1 = false to 5 = true), all of them published (a
//     problem of the file, a key given twice or one that names no claim
//     of FILE among them, is reported at its FILE:LINE:COL: sidejson.go);
//     the
//     claims' published reviews (the review field), with their rating,
//     URL and date; else the verdicts of package graph/verdict, computed
//     as of --at DATE when given, for the contested claims (in a
//     contradiction). --claims ID,... narrows any of these to the claims
//     named (exit 1 when one is not rated); --at with --verdicts is a
//     usage error (exit 2), as the file's verdicts are not computed as of
//     any date. --trust TRUST weighs the computed verdicts by the trust
//     of the sources (trustfile.go); with another format, or with
//     --verdicts, it is a usage error (exit 2); when the file's published
//     reviews rate the claims it weighs nothing, nor does --at date
//     them, and a note on standard error says so for each. --review-url is the absolute http(s) prefix of each
//     review's address (the claim ID is appended), which a published
//     review's own URL replaces only when it is an absolute http(s) URL
//     too (never "javascript:…"; check warns of one that is not), --author the
//     publishing organisation, --date the reviews' date; without --date
//     a review takes its published review's date, else, for computed
//     verdicts, the date of the newest evidence it rests on
//     (claimreview.FromVerdicts), else has no datePublished (schema.org
//     and Google's markup do not require one): never the day of the run,
//     so that one file always gives the same bytes;
//   - dot: the drawing of "claimgraph draw" as DOT text, every claim.
//
// The output goes to standard output, or to OUT with -o, written safely
// (see the package documentation). OUT may be neither FILE nor named for
// another kind of file than the format writes (outname.go): json writes
// .json, jsonl .jsonl, jsonld .jsonld or .json, nquads .nq, turtle .ttl,
// dot .dot or .gv; a name of no kind the commands know (out.txt) takes
// any format. With --json (which
// needs -o) it then prints:
//
//	{"output": "out.ttl", "format": "turtle", "bytes": 20480}

package main

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/claimreview"
	"github.com/claimgraph/claimgraph/graph/dot"
	"github.com/claimgraph/claimgraph/graph/rdf"
	"github.com/claimgraph/claimgraph/sources"
)

// exportReport is the --json output of export.
type exportReport struct {
	Output string `json:"output"`
	Format string `json:"format"`
	Bytes  int    `json:"bytes"`
}

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
	date := addDate(fs, "date", "jsonld: date of the reviews, YYYY-MM-DD (default: each review's own date, else its evidence's)")
	named := fs.String("claims", "", "jsonld: review only the claims `ID,...` (default: the contested claims, or all those of --verdicts or with a published review)")
	at := addDate(fs, "at", "jsonld: rate the claims as of `DATE` (YYYY, YYYY-MM or YYYY-MM-DD); not with --verdicts")
	addTrust(fs, e)
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
	if ok := exportEndings[*format]; ok != nil && len(pos) == 1 {
		if msg := outProblem("export", pos[0], *out, "--format "+*format+" writes "+fileKinds[ok[0]], ok...); msg != "" {
			return e.usageError("export", "%s", msg)
		}
	}
	if given(fs, "trust") && (*format != "jsonld" || *verdicts != "") {
		return e.usageError("export", "--trust weighs the verdicts that rate the claims of --format jsonld; without --verdicts, whose ratings are given")
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
		if sources.CheckURL(*reviewURL) != nil {
			return e.usageError("export", "--review-url %q is not an absolute http or https address; reviews are published at it followed by the claim ID", *reviewURL)
		}
		t := at.date
		var ids []string
		if *named != "" {
			ids = strings.Split(*named, ",")
		}
		if *verdicts != "" && at.text != "" {
			return e.usageError("export", "--at dates the verdicts computed from the graph; those of --verdicts %s are already decided, so --at has nothing to date", *verdicts)
		}
		opts := claimreview.Options{URL: *reviewURL, Author: *author, AuthorURL: *authorURL}
		opts.Published = date.date
		var given map[string]claimreview.Verdict // --verdicts, nil without
		var side sideJSON                        // its file
		if *verdicts != "" {
			if given, side, err = readReviewVerdicts(*verdicts); err != nil {
				return e.fail("export", err)
			}
		}
		write = func(g *graph.Graph, buf io.Writer) error {
			if given != nil {
				if err := side.claimKeys(g.View, maps.Keys(given)); err != nil {
					return err
				}
			}
			v := g.At(t)
			m, computed := given, false
			if m == nil { // the published reviews, else the computed verdicts
				if m = claimreview.FromReviews(v); len(m) == 0 {
					r, err := e.verdicts(v)
					if err != nil {
						return err
					}
					m, computed = claimreview.FromVerdicts(v, r), true
				} else if e.trust.values != nil {
					// What a person published is what gets published:
					// trust weighs no rating of it, and says so rather
					// than seem to.
					fmt.Fprintf(e.stderr, "claimgraph export: --trust %s weighs no rating: the file's published reviews rate the claims (%s), and are exported as published\n",
						e.trust.path, plural(len(m), "review"))
				}
				if m != nil && !computed && at.text != "" {
					// Nor does --at date them: a published review
					// says what it said on its own date.
					fmt.Fprintf(e.stderr, "claimgraph export: --at %s dates no rating: the file's published reviews rate the claims (%s), and are exported as published\n",
						at, plural(len(m), "review"))
				}
			}
			// --claims narrows every kind of verdict; without it the
			// computed ones are narrowed to the contested claims.
			if len(ids) > 0 || computed {
				var err error
				if m, err = claimreview.Select(v, m, ids); err != nil {
					return err
				}
			}
			opts.Verdicts = m
			return claimreview.Write(buf, v, opts)
		}
	case "":
		return e.usageError("export", "--format is required")
	default:
		return e.usageError("export", "unknown --format %q: want json, jsonl, jsonld, nquads, turtle or dot", *format)
	}
	g, err := e.open(pos[0])
	if err != nil {
		return e.fail("export", err)
	}
	if code := e.useTrust("export", g.View); code != 0 {
		return code
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

// readReviewVerdicts reads the --verdicts file of jsonld, and returns
// it with its verdicts, for the positions of their claims.
func readReviewVerdicts(path string) (map[string]claimreview.Verdict, sideJSON, error) {
	var m map[string]reviewVerdict
	s, err := readSideJSON(path)
	if err == nil {
		err = s.decode(&m)
	}
	if err != nil {
		return nil, s, err
	}
	out := make(map[string]claimreview.Verdict, len(m))
	for id, v := range m {
		out[id] = claimreview.Verdict{Name: v.Name, Value: v.Value, AlternateName: v.AlternateName}
	}
	return out, s, nil
}
