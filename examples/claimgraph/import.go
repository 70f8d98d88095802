// The import command: a claim graph from another tool's argument map or
// fact checks.
//
//	claimgraph import --from argdown|aif|factcheck|nquads|turtle IN [-o OUT.yaml] [--json]
//
// It reads IN (package graph/imports), checks the result as a graph and
// writes it in the YAML format, to OUT (replaced atomically) or to
// standard output. --from says what IN is:
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
// do not change the exit status. With --json (which needs -o) it prints,
// after writing OUT:
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
	"fmt"
	"os"

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
	out := fs.String("o", "", "output YAML file (default standard output)")
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
	switch *from {
	case "argdown":
		res, err = imports.ReadArgdown(f, pos[0])
	case "aif":
		res, err = imports.ReadAIF(f, pos[0])
	case "factcheck":
		res.Batch, ratings, err = imports.ReadFactCheck(f, pos[0])
	case "nquads":
		res.Batch, err = rdf.ReadBatch(f, pos[0], rdf.NQuads, e.rdfLimits())
	case "turtle":
		res.Batch, err = rdf.ReadBatch(f, pos[0], rdf.Turtle, e.rdfLimits())
	}
	if err != nil {
		return e.failRead("import", err)
	}
	b := res.Batch
	for _, w := range res.Warnings {
		fmt.Fprintf(e.stderr, "claimgraph import: %v: warning: %s\n", w.Position, w.Message)
	}
	g := graph.New()
	if err := g.Apply(b); err != nil {
		return e.fail("import", err) // the RDF readers leave the checks to Apply
	}
	if *out == "" {
		var buf bytes.Buffer
		if err := g.WriteYAML(&buf); err != nil {
			return e.fail("import", err)
		}
		if _, err := e.stdout.Write(buf.Bytes()); err != nil {
			return e.fail("import", err)
		}
		return 0
	}
	if err := g.Save(*out); err != nil {
		return e.fail("import", err)
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
