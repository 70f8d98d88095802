// The import command: a claim graph from another tool's argument map or
// fact checks.
//
//	claimgraph import --from argdown|aif|factcheck|nquads|turtle IN [-o OUT] [--json]
//
// It reads IN (package graph/imports), checks the result as a graph and
// writes it to OUT (replaced atomically) in the format OUT's name says,
// as every command reads it (.json, .jsonl, .nq, .ttl, else YAML), or to
// standard output in YAML. A graph larger than the reader of that format
// accepts (16 MiB for YAML, 32 MiB for JSON and RDF, 512 MiB and 8 Mi
// items for JSON Lines, or --max-bytes and --max-items when given) is
// not written, exit 1, with a message saying so: the importers read up
// to 128 MiB, and every command would refuse the file. --from says what
// IN is:
//
//   - argdown: the JSON export of Argdown ("argdown json FILE.argdown");
//   - aif: AIF JSON as AIFdb exports it;
//   - factcheck: a Google Fact Check Tools claims:search response;
//   - nquads, turtle: RDF as "claimgraph export --format nquads|turtle"
//     writes it (package graph/rdf), read back loss-free.
//
// Errors in IN are printed as IN:LINE:COLUMN with the problem, exit 1.
// Each element of IN left out (an undercut, an AIF dialogue node, an
// unknown key: see graph/imports) is printed on standard error as
// "claimgraph import: IN:LINE:COLUMN: warning: what and why"; warnings
// do not change the exit status. Every problem of IN is printed, one a
// line, where the reader reports several (graph/imports.ErrorList). The
// fact checks' ratings, which the graph has no place for, are printed
// on standard error as notes, "claimgraph import: note: fc-1 rated
// "False" by PUBLISHER (URL): ...", one a rating. With --json (which
// needs -o) they are not, and it prints, after writing OUT:
//
//	{"output": "out.yaml", "from": "factcheck",
//	 "counts": {"entities": 1, "sources": 3, "claims": 2, "relations": 0},
//	 "ratings": {"fc-1": [{"source": "fc-1-review-1", "publisher": "...", "rating": "False", "url": "..."}]},
//	 "warnings": [{"file": "in.json", "line": 12, "column": 5, "message": "..."}]}
//
// where "ratings" holds the fact checks' textual ratings (factcheck only;
// the YAML format has no place for verdicts) and "warnings" the warnings
// ([] when none).

package main

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/imports"
	"github.com/claimgraph/claimgraph/graph/rdf"
)

// importReport is the --json output of import.
type importReport struct {
	Output   string                    `json:"output"`
	From     string                    `json:"from"`
	Counts   importCounts              `json:"counts"`
	Ratings  map[string][]importRating `json:"ratings,omitempty"`
	Warnings []importWarning           `json:"warnings"`
}

type importWarning struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

type importCounts struct {
	Entities  int `json:"entities"`
	Sources   int `json:"sources"`
	Claims    int `json:"claims"`
	Relations int `json:"relations"`
}

type importRating struct {
	Source    string `json:"source"`
	Publisher string `json:"publisher"`
	Rating    string `json:"rating"`
	URL       string `json:"url"`
}

func runImport(e *env, args []string) int {
	fs, asJSON := newFlags("import", e)
	from := fs.String("from", "", "format of IN: argdown, aif, factcheck, nquads or turtle")
	out := fs.String("o", "", "output file, in the format its name says: .json, .jsonl, .nq, .ttl, else YAML (default standard output, YAML)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) != 1 {
		return e.usageError("import", "want one IN file, got %d arguments", len(pos))
	}
	if *asJSON && *out == "" {
		return e.usageError("import", "--json needs -o: the graph cannot share standard output")
	}
	switch *from {
	case "argdown", "aif", "factcheck", "nquads", "turtle":
	case "":
		return e.usageError("import", "--from is required")
	default:
		return e.usageError("import", "unknown --from %q: want argdown, aif, factcheck, nquads or turtle", *from)
	}
	f, err := os.Open(pos[0])
	if err != nil {
		return e.fail("import", err)
	}
	defer f.Close()
	var res imports.Result
	var ratings map[string][]imports.Rating
	var g *graph.Graph // read already by the RDF readers, which place Apply's errors
	switch *from {
	case "argdown":
		res, err = imports.ReadArgdown(f, pos[0])
	case "aif":
		res, err = imports.ReadAIF(f, pos[0])
	case "factcheck":
		res.Batch, ratings, err = imports.ReadFactCheck(f, pos[0])
	case "nquads":
		g, err = rdf.Read(f, pos[0], rdf.NQuads, e.rdfLimits())
	case "turtle":
		g, err = rdf.Read(f, pos[0], rdf.Turtle, e.rdfLimits())
	}
	var list imports.ErrorList
	if errors.As(err, &list) {
		for _, p := range list { // every problem, one a line
			e.fail("import", p)
		}
		return 1
	}
	if err != nil {
		return e.failRead("import", err)
	}
	b := res.Batch
	for _, w := range res.Warnings {
		fmt.Fprintf(e.stderr, "claimgraph import: %v: warning: %s\n", w.Position, safe(w.Message))
	}
	if !*asJSON {
		// The graph has no place for them: said, not dropped.
		for _, c := range b.Claims {
			for _, r := range ratings[c.ID] {
				fmt.Fprintf(e.stderr, "claimgraph import: note: %s rated %q by %s (%s): not in the graph, which has no place for another's rating; --json lists them\n",
					c.ID, r.Text, safe(cmp.Or(r.Publisher, "an unnamed fact-checker")), safe(cmp.Or(r.URL, "no URL")))
			}
		}
	}
	if g == nil {
		g = graph.New()
		if err := g.Apply(b); err != nil {
			return e.fail("import", err)
		}
	}
	// Written no further than its reader reads (limitWriter): a graph the
	// readers would refuse is not written, nor held whole.
	if err := e.fitsItems(*out, g); err != nil {
		return e.fail("import", err)
	}
	lw := &limitWriter{max: e.readLimit(*out)}
	write := func(w io.Writer) error {
		lw.w = w
		return writeGraph(lw, g, *out)
	}
	var buf bytes.Buffer
	if *out == "" {
		err = write(&buf)
	} else {
		err = graph.SaveWith(*out, write)
	}
	if lw.over {
		err = fmt.Errorf("%s: nothing written: the graph takes more than the %d bytes its reader accepts in that format, so every command would refuse the file; "+
			"write JSON Lines (-o OUT.jsonl, read up to %d bytes), or give --max-bytes SIZE here and to every command that reads it",
			cmp.Or(*out, "standard output"), lw.max, graph.DefaultMaxBulkBytes)
	}
	if err != nil {
		return e.fail("import", err)
	}
	if *out == "" {
		if _, err := e.stdout.Write(buf.Bytes()); err != nil {
			return e.fail("import", err)
		}
		return 0
	}
	if *asJSON {
		rep := importReport{Output: *out, From: *from, Counts: importCounts{
			Entities: len(b.Entities), Sources: len(b.Sources), Claims: len(b.Claims), Relations: len(b.Relations)},
			Warnings: []importWarning{}}
		for _, w := range res.Warnings {
			rep.Warnings = append(rep.Warnings, importWarning{File: w.File, Line: w.Line, Column: w.Column, Message: w.Message})
		}
		for id, rs := range ratings {
			if rep.Ratings == nil {
				rep.Ratings = make(map[string][]importRating)
			}
			for _, r := range rs {
				rep.Ratings[id] = append(rep.Ratings[id], importRating{Source: r.Source, Publisher: r.Publisher, Rating: r.Text, URL: r.URL})
			}
		}
		return e.emit("import", true, rep, nil)
	}
	return 0
}

// fitsItems returns an error when graph g, written to the JSON Lines
// file out, has more items than its reader accepts under e's flags
// (--max-items, else graph.DefaultMaxItems); other formats have their
// limit in bytes (limitWriter).
func (e *env) fitsItems(out string, g *graph.Graph) error {
	n := g.Counts()
	items := int64(n.Entities + n.Sources + n.Claims + n.Supports + n.Contradictions + n.Decisions)
	maxItems := cmp.Or(int64(e.maxItems), graph.DefaultMaxItems)
	if strings.HasSuffix(out, ".jsonl") && items > maxItems {
		return fmt.Errorf("%s: nothing written: the graph has %d items, more than the %d the JSON Lines reader accepts; give --max-items N here and to every command that reads it",
			out, items, maxItems)
	}
	return nil
}

// limitWriter is a writer that fails once more than max bytes are
// written to it, and says so in over: import writes no file its readers
// refuse (the importers read up to imports.MaxBytes, 128 MiB, many times
// the YAML reader's 16 MiB, and one long claim text is enough), and
// stops encoding there.
type limitWriter struct {
	w    io.Writer
	n    int64
	max  int64
	over bool
}

// errOverLimit is what limitWriter's Write returns past the limit.
var errOverLimit = errors.New("over the size limit of the reader")

func (c *limitWriter) Write(p []byte) (int, error) {
	if c.n += int64(len(p)); c.n > c.max {
		c.over = true
		return 0, errOverLimit
	}
	return c.w.Write(p)
}
