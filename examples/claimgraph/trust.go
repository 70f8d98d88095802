// The trust command: truth discovery over (source, object, value) triples.
//
//	claimgraph trust --triples FILE [--algorithm NAME] [--columns S,O,V]
//	                 [--delimiter C] [--header] [--tokens] [--imply]
//	                 [--max-iterations N] [--tolerance X] [--top N] [--json]
//
// It reads one assertion per line (tab-separated, or CSV for *.csv), runs a
// truth-discovery algorithm of package sources/truth, and prints the sources
// by trust (descending, then by name) and the chosen value of each object
// (by object name). --top N limits both lists to their first N rows.
// For the Book data set: --columns 0,1,3 --tokens.
//
// With --json it prints one object:
//
//	{
//	  "algorithm": "pooledinvestment",
//	  "iterations": 10,
//	  "converged": false,
//	  "counts": {"sources": 877, "objects": 1263, "facts": 4639, "assertions": 24847},
//	  "sources": [{"source": "A1Books", "trust": 1, "assertions": 171}, ...],
//	  "objects": [{"object": "0201853949", "value": "donald knuth", "belief": 1, "facts": 3}, ...]
//	}
//
// where "facts" counts the candidate values of the object and "value" is
// null for an object without facts.
//
// The claim-graph mode,
//
//	claimgraph trust FILE [--algorithm NAME] [--max-iterations N] [--tolerance X] [--top N] [--json]
//
// maps the claim graph in FILE onto a truth-discovery data set with
// truth.FromGraph — a question (object) is a set of claims that contradict
// each other pairwise, named after its claims joined by " | "; a claim's
// votes are its independent origins, not every source it appears in;
// supports are TruthFinder implications — and prints the same report, and
// with --json the same JSON object: "sources" are source IDs, "value" is
// the ID of the chosen claim. A source that asserts no contested claim has
// no trust estimate and is left out of "sources" (counts.sources still
// counts it).

package main

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/claimgraph/claimgraph/sources/truth"
)

// trustSource and trustObject are rows of the JSON output.
type trustSource struct {
	Source     string  `json:"source"`
	Trust      float64 `json:"trust"`
	Assertions int     `json:"assertions"`
}

type trustObject struct {
	Object string   `json:"object"`
	Value  *string  `json:"value"`
	Belief *float64 `json:"belief"`
	Facts  int      `json:"facts"`
}

type trustCounts struct {
	Sources    int `json:"sources"`
	Objects    int `json:"objects"`
	Facts      int `json:"facts"`
	Assertions int `json:"assertions"`
}

type trustReport struct {
	Algorithm  string        `json:"algorithm"`
	Iterations int           `json:"iterations"`
	Converged  bool          `json:"converged"`
	Counts     trustCounts   `json:"counts"`
	Sources    []trustSource `json:"sources"`
	Objects    []trustObject `json:"objects"`
}

func runTrust(e *env, args []string) int {
	fs, asJSON := newFlags("trust", e)
	triples := fs.String("triples", "", "read (source, object, value) triples from `FILE`")
	algName := fs.String("algorithm", "pooledinvestment",
		"`NAME`: voting, sums, averagelog, investment, pooledinvestment, truthfinder, accu or depen")
	columns := fs.String("columns", "0,1,2", "0-based columns of source, object and value, as `S,O,V`")
	delim := fs.String("delimiter", "", "field delimiter `C` (default: tab, or comma for *.csv; \"tab\" allowed)")
	header := fs.Bool("header", false, "skip the first line")
	tokens := fs.Bool("tokens", false, "group values as sets of lower-cased name tokens (author lists)")
	imply := fs.Bool("imply", false, "truthfinder: implication between values of an object = Jaccard of tokens − 0.5")
	maxIter := fs.Int("max-iterations", 0, "iteration cap `N` (0: the algorithm's default)")
	tol := fs.Float64("tolerance", 0, "convergence tolerance `X` (0: the algorithm's default)")
	top := fs.Int("top", 0, "print only the first `N` sources and objects (0: all)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return 2
	}
	alg, err := truth.ParseAlgorithm(*algName)
	if err != nil {
		return e.usageError("trust", "%v", err)
	}
	if *top < 0 || *maxIter < 0 || !(*tol >= 0 && *tol <= math.MaxFloat64) {
		return e.usageError("trust", "--top, --max-iterations and --tolerance must be finite numbers, not negative")
	}
	opts := truth.Options{MaxIterations: *maxIter, Tolerance: *tol, Progress: e.onProgress()}

	if *triples == "" {
		// Claim-graph mode: "claimgraph trust FILE".
		if len(pos) == 1 {
			return runTrustGraph(e, pos[0], alg, opts, *asJSON, *top)
		}
		return e.usageError("trust", "give a claim graph FILE, or --triples FILE")
	}
	if len(pos) > 0 {
		return e.usageError("trust", "unexpected argument %q with --triples", pos[0])
	}
	ro := truth.ReadOptions{Header: *header, MaxBytes: int64(e.maxBytes)}
	if ro.SourceColumn, ro.ObjectColumn, ro.ValueColumn, err = parseColumns(*columns); err != nil {
		return e.usageError("trust", "--columns: %v", err)
	}
	if ro.Comma, err = parseDelimiter(*delim); err != nil {
		return e.usageError("trust", "--delimiter: %v", err)
	}
	if *tokens {
		ro.Normalize = truth.TokenSet
	}
	d, err := truth.ReadFile(*triples, ro)
	if err != nil {
		return e.fail("trust", err)
	}
	if *imply {
		d.ImplyBySimilarity(truth.Jaccard, 0.5)
	}
	r, err := truth.Discover(d, alg, opts)
	if err != nil {
		return e.fail("trust", err)
	}
	return emitTrust(e, d, r, nil, *top, *asJSON)
}

// emitTrust prints the result of truth discovery on d, as text or JSON;
// both modes of the command end here. With known set, sources it marks
// false have no trust estimate and are left out of the list.
func emitTrust(e *env, d *truth.Dataset, r *truth.Result, known []bool, top int, asJSON bool) int {
	rep := trustReportOf(d, r, known, top)
	return e.emit("trust", asJSON, rep, rep.write)
}

// parseColumns parses "S,O,V", three distinct non-negative integers.
func parseColumns(s string) (src, obj, val int, err error) {
	parts := strings.Split(s, ",")
	if len(parts) != 3 {
		return 0, 0, 0, fmt.Errorf("want three columns S,O,V, got %q", s)
	}
	var c [3]int
	for i, p := range parts {
		if c[i], err = strconv.Atoi(strings.TrimSpace(p)); err != nil || c[i] < 0 {
			return 0, 0, 0, fmt.Errorf("bad column %q", p)
		}
	}
	if c[0] == c[1] || c[0] == c[2] || c[1] == c[2] {
		return 0, 0, 0, fmt.Errorf("columns must differ, got %q", s)
	}
	return c[0], c[1], c[2], nil
}

// parseDelimiter accepts "" (by extension), "tab", `\t` or one character.
func parseDelimiter(s string) (rune, error) {
	switch s {
	case "":
		return 0, nil
	case "tab", `\t`:
		return '\t', nil
	}
	r := []rune(s)
	if len(r) != 1 || r[0] == '\n' || r[0] == '\r' {
		return 0, fmt.Errorf("want one character or \"tab\", got %q", s)
	}
	return r[0], nil
}

// trustReportOf orders the result for printing: sources by trust
// descending then name (then ID, for equal names), objects by name then ID.
// With known set, only the sources it marks true are listed.
func trustReportOf(d *truth.Dataset, r *truth.Result, known []bool, top int) trustReport {
	rep := trustReport{
		Algorithm: r.Algorithm.String(), Iterations: r.Iterations, Converged: r.Converged,
		Counts: trustCounts{d.NumSources(), d.NumObjects(), d.NumFacts(), d.NumAssertions()},
	}
	srcs := make([]truth.SourceID, 0, d.NumSources())
	for s := range d.NumSources() {
		if known == nil || known[s] {
			srcs = append(srcs, truth.SourceID(s))
		}
	}
	slices.SortStableFunc(srcs, func(a, b truth.SourceID) int {
		return cmp.Or(cmp.Compare(r.Trust[b], r.Trust[a]), strings.Compare(d.SourceName(a), d.SourceName(b)))
	})
	objs := make([]truth.ObjectID, d.NumObjects())
	for o := range objs {
		objs[o] = truth.ObjectID(o)
	}
	slices.SortStableFunc(objs, func(a, b truth.ObjectID) int {
		return strings.Compare(d.ObjectName(a), d.ObjectName(b))
	})
	if top > 0 {
		srcs = srcs[:min(top, len(srcs))]
		objs = objs[:min(top, len(objs))]
	}
	rep.Sources = make([]trustSource, 0, len(srcs))
	for _, s := range srcs {
		rep.Sources = append(rep.Sources, trustSource{d.SourceName(s), r.Trust[s], len(d.Asserted(s))})
	}
	rep.Objects = make([]trustObject, 0, len(objs))
	for _, o := range objs {
		row := trustObject{Object: d.ObjectName(o), Facts: len(d.Facts(o))}
		if f := r.Chosen[o]; f != truth.NoFact {
			v, b := d.Value(f), r.Belief[f]
			row.Value, row.Belief = &v, &b
		}
		rep.Objects = append(rep.Objects, row)
	}
	return rep
}

// write prints rep as text.
func (rep trustReport) write(w io.Writer) error {
	c := rep.Counts
	fmt.Fprintf(w, "%s: %d iterations, converged %v; %d sources, %d objects, %d facts, %d assertions\n\n",
		rep.Algorithm, rep.Iterations, rep.Converged, c.Sources, c.Objects, c.Facts, c.Assertions)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "TRUST\tASSERTIONS\tSOURCE")
	for _, s := range rep.Sources {
		fmt.Fprintf(tw, "%.4f\t%d\t%s\n", s.Trust, s.Assertions, s.Source)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	fmt.Fprintln(tw, "OBJECT\tBELIEF\tFACTS\tVALUE")
	for _, o := range rep.Objects {
		if o.Value == nil {
			fmt.Fprintf(tw, "%s\t-\t%d\t-\n", o.Object, o.Facts)
			continue
		}
		fmt.Fprintf(tw, "%s\t%.4f\t%d\t%s\n", o.Object, *o.Belief, o.Facts, *o.Value)
	}
	return tw.Flush()
}

// runTrustGraph runs the claim-graph mode, "claimgraph trust FILE".
func runTrustGraph(e *env, file string, alg truth.Algorithm, opts truth.Options, asJSON bool, top int) int {
	g, code := loadGraph(e, "trust", file)
	if code != 0 {
		return code
	}
	d, _ := truth.FromGraph(g.View)
	r, err := truth.Discover(d, alg, opts)
	if err != nil {
		return e.fail("trust", err)
	}
	return emitTrust(e, d, r, r.Known, top, asJSON)
}
