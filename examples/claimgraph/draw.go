// The draw command: a picture of a claim graph, or of the neighbourhood of
// one claim, through Graphviz.
//
//	claimgraph draw FILE [--claim ID [--depth N]] [--entities] [--sources] [--origins]
//	                [--all] [--ids] [--at DATE] [--legend=false] [--verdicts FILE]
//	                [--trust TRUST] [-o OUT.svg|OUT.png|OUT.pdf|OUT.dot] [--force] [--json]
//
// It writes the graph in the DOT language of Graphviz (package graph/dot):
// claims as rounded boxes, supports as green arrows, contradictions as red
// dashed lines with a bar at both ends, grey dotted ones when time leaves
// them not live (for all time, or as of --at DATE: the verdicts do not
// weigh them; the tooltip says how). By default it draws the claims
// that take part in a relation (--all draws every claim) and leaves out
// entities and sources (--entities, --sources add them). --claim draws
// only the claims within --depth relations of one claim (default 1), with
// that claim outlined; --depth without --claim is a usage error (exit 2).
// --verdicts reads a JSON object mapping claim IDs to
// verdict labels ({"claim-id": "false"}; a problem of the file, an ID
// given twice or one that names no claim of FILE among them, is
// reported at its FILE:LINE:COL, exit 1: sidejson.go)
// and colours the claims by them;
// without it the claims are coloured by the verdicts of package
// graph/verdict, of the whole graph or, with --at DATE (YYYY, YYYY-MM or
// YYYY-MM-DD), as of that date: claims not holding then are grey;
// --trust TRUST weighs their evidence by the trust of the sources
// (trustfile.go; not with --verdicts, exit 2). A legend
// gives the colour of each verdict drawn, the date they refer to and the
// meaning of each kind of edge (--legend=false leaves it out). --ids
// writes each claim's ID above its text; --origins draws each claim's
// independent origins (package graph/provenance) as sources, with an
// orange arrow from the claim.
//
// Without -o it prints DOT to standard output. With -o (written safely, see
// the package documentation; Graphviz renders into the temporary file) it writes DOT for a
// .dot or .gv file, and otherwise renders through the "dot" program with
// the output format given by the extension (svg, png, pdf...). When dot is
// not installed it writes the DOT beside OUT (OUT with the extension
// .dot), says so, and exits with status 1.
//
// A drawing of more than 500 claims and relations together (maxDrawn) is
// more than Graphviz lays out in seconds: draw then refuses to render it,
// exit status 1, unless --force is given, and suggests drawing a claim's
// neighbourhood with --claim ID --depth N; it still writes DOT, with a
// warning on standard error.
//
// With --json it prints, after writing the picture to -o (required then):
//
//	{"output": "out.svg", "format": "svg", "dot": "out.svg", "claims": 12, "relations": 9}
//
// where "dot" is the file that holds the DOT text (the same as "output"
// for a .dot file, "" when the picture was rendered directly).

package main

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/dot"
	"github.com/claimgraph/claimgraph/graph/provenance"
)

// drawReport is the --json output of draw.
type drawReport struct {
	Output    string `json:"output"`
	Format    string `json:"format"`
	DOT       string `json:"dot"`
	Claims    int    `json:"claims"`
	Relations int    `json:"relations"`
}

// lookDot finds the Graphviz dot program; tests replace it.
var lookDot = func() (string, error) { return exec.LookPath("dot") }

func runDraw(e *env, args []string) int {
	fs, asJSON := newFlags("draw", e)
	claim := fs.String("claim", "", "draw only the neighbourhood of this claim")
	depth := fs.Int("depth", 1, "with --claim: how many relations away to go")
	entities := fs.Bool("entities", false, "draw entities and the claims' links to them")
	srcs := fs.Bool("sources", false, "draw sources and the claims' links to them")
	all := fs.Bool("all", false, "draw claims that take part in no relation too")
	verdicts := fs.String("verdicts", "", "JSON file mapping claim IDs to verdict labels")
	at := addDate(fs, "at", "colour the claims by their verdicts as of `DATE` (YYYY, YYYY-MM or YYYY-MM-DD)")
	ids := fs.Bool("ids", false, "write each claim's ID above its text")
	origins := fs.Bool("origins", false, "draw each claim's independent origins")
	legend := fs.Bool("legend", true, "draw a legend of colours, date and edges")
	out := fs.String("o", "", "output file: .dot/.gv for DOT, else rendered by dot (.svg, .png, .pdf ...)")
	force := fs.Bool("force", false, "render a drawing bigger than Graphviz lays out in seconds")
	addTrust(fs, e)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) != 1 {
		return e.usageError("draw", "want one FILE, got %d arguments", len(pos))
	}
	if *depth < 0 {
		return e.usageError("draw", "--depth must be at least 0")
	}
	if *claim == "" && given(fs, "depth") {
		return e.usageError("draw", "--depth counts relations away from the claim of --claim ID; without --claim the whole graph is drawn, so give --claim or leave out --depth")
	}
	if *asJSON && *out == "" {
		return e.usageError("draw", "--json needs -o: the picture cannot share standard output")
	}
	if msg := outProblem("draw", pos[0], *out, "draw writes a drawing", ".svg", ".png", ".dot", ".gv", ".json"); msg != "" {
		return e.usageError("draw", "%s", msg)
	}
	date := at.date
	if at.text != "" && *verdicts != "" {
		return e.usageError("draw", "--at and --verdicts exclude each other: the verdicts of a file have no date")
	}
	if given(fs, "trust") && *verdicts != "" {
		return e.usageError("draw", "--trust and --verdicts exclude each other: the verdicts of a file are already weighed")
	}
	g, err := e.open(pos[0])
	if err != nil {
		return e.fail("draw", err)
	}
	if code := e.useTrust("draw", g.View); code != 0 {
		return code
	}
	opts := dot.Options{Entities: *entities, Sources: *srcs, Related: !*all, IDs: *ids, Legend: *legend, Date: date}
	view := g.View
	if *claim != "" {
		*claim = e.resolve("draw", g.View, *claim)
		sub, err := g.Neighbourhood(*claim, *depth)
		if err != nil {
			return e.fail("draw", err)
		}
		view = sub.View
		opts.Focus, opts.Related = *claim, false
	}
	if *origins {
		opts.Origins = originsOf(view)
	}
	judged := g.View // verdicts of the whole graph, also for a neighbourhood
	if !date.IsZero() {
		judged = g.At(date)
	}
	var labels map[string]string
	if *verdicts != "" {
		labels, err = readVerdicts(*verdicts, g.View)
	} else {
		labels, err = computedLabels(e, judged)
	}
	if err != nil {
		return e.fail("draw", err)
	}
	opts.Verdict = dot.VerdictMap(labels)
	var buf bytes.Buffer
	if err := dot.Write(&buf, view, opts); err != nil {
		return e.fail("draw", err)
	}
	counts := view.Counts()
	rep := drawReport{Output: *out, Claims: counts.Claims, Relations: counts.Supports + counts.Contradictions}
	if opts.Related {
		rep.Claims = countRelated(view)
	}
	size := rep.Claims + rep.Relations
	big := size > maxDrawn
	tooBig := fmt.Sprintf("the drawing has %d claims and relations, more than the %d Graphviz lays out in seconds "+
		"(it can take minutes); draw a claim's neighbourhood with --claim ID --depth N", size, maxDrawn)
	if *out == "" {
		if big {
			fmt.Fprintf(e.stderr, "claimgraph draw: warning: %s\n", tooBig)
		}
		if _, err := e.stdout.Write(buf.Bytes()); err != nil {
			return e.fail("draw", err)
		}
		return 0
	}
	format := strings.TrimPrefix(strings.ToLower(filepath.Ext(*out)), ".")
	rep.Format = format
	switch format {
	case "dot", "gv":
		if big {
			fmt.Fprintf(e.stderr, "claimgraph draw: warning: %s\n", tooBig)
		}
		rep.Format, rep.DOT = "dot", *out
		if err := writeFile(*out, buf.Bytes()); err != nil {
			return e.fail("draw", err)
		}
	case "":
		return e.usageError("draw", "-o %s: no extension to choose the format from", *out)
	default:
		if big && !*force {
			return e.fail("draw", errors.New(tooBig+", or give --force"))
		}
		prog, err := lookDot()
		if err != nil {
			dotFile := strings.TrimSuffix(*out, filepath.Ext(*out)) + ".dot"
			if werr := writeFile(dotFile, buf.Bytes()); werr != nil {
				return e.fail("draw", werr)
			}
			return e.fail("draw", fmt.Errorf("cannot render %s: Graphviz dot not installed (%v); wrote DOT to %s", *out, err, dotFile))
		}
		// Graphviz renders into the temporary file of the save, which
		// then replaces OUT: a failed or killed dot leaves OUT as it was.
		err = graph.SaveFile(*out, func(f *os.File) error {
			cmd := exec.Command(prog, "-T"+format, "-o", f.Name())
			cmd.Stdin = &buf
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Run(); err != nil {
				return fmt.Errorf("dot -T%s: %v: %s", format, err, strings.TrimSpace(stderr.String()))
			}
			return nil
		})
		if err != nil {
			return e.fail("draw", err)
		}
	}
	return e.emit("draw", *asJSON, rep, nil)
}

// maxDrawn is the most claims and relations together that draw renders
// without --force. Graphviz's layout grows much faster than the drawing:
// on generated graphs (examples/synth, draw --all) it took 0.5 s for 100
// claims with 385 relations, 8.4 s for 150 with 592 and 13 s for 200 with
// 752, and more than 60 s for 400.
const maxDrawn = 500

// originsOf returns the independent origins of a claim of v, for
// dot.Options.Origins; a claim whose origins cannot be found has none.
func originsOf(v graph.View) func(string) []string {
	x := provenance.New(v)
	return func(id string) []string {
		rep, err := x.Claim(id)
		if err != nil {
			return nil
		}
		out := make([]string, len(rep.Groups))
		for i, grp := range rep.Groups {
			out[i] = grp.Origin.Source
		}
		return out
	}
}

// countRelated counts the claims of v that take part in a relation.
func countRelated(v graph.View) int {
	seen := make(map[string]bool)
	for r := range v.Relations() {
		if r.Kind != claims.DistinctFrom {
			seen[r.From], seen[r.To] = true, true
		}
	}
	return len(seen)
}

// readVerdicts reads a JSON object of claim ID to verdict label, each
// ID a claim of v.
func readVerdicts(path string, v graph.View) (map[string]string, error) {
	var m map[string]string
	s, err := readSideJSON(path)
	if err == nil {
		err = s.decode(&m)
	}
	if err == nil {
		err = s.claimKeys(v, maps.Keys(m))
	}
	return m, err
}
