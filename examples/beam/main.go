// Command beam runs claimgraph's whole-data analyses as Apache Beam
// pipelines: truth discovery (which sources to trust, which values are
// true; package sources/truth) and the independent origins of every claim
// (package graph/provenance), over input sharded across files, on Beam's
// local Prism runner or on a cluster.
//
// Usage:
//
//	go run . --input 'shards/*.jsonl' --algorithm sums --output out.jsonl
//	go run . --input 'book/*.tsv' --columns 0,1,3 --tokens --algorithm investment --output out.jsonl
//	go run . --input 'shards/*.jsonl' --algorithm none --origins --output origins.jsonl
//
// Flags:
//
//	--input GLOB         the input shards, read in sorted order (required)
//	--format F           jsonl (the library's JSON Lines bulk format, each
//	                     shard starting with its header line) or triples
//	                     (source, object, value per line, as "claimgraph
//	                     trust --triples"); default: jsonl for *.jsonl
//	--algorithm NAMES    voting, sums, averagelog, investment,
//	                     pooledinvestment, truthfinder, accu, depen,
//	                     several joined by commas (one pipeline, the
//	                     input read once), or none (default sums)
//	--origins            also compute the independent origins of every
//	                     claim (jsonl only)
//	--output FILE        where to write the results as JSON Lines (required)
//	--columns S,O,V      triples: 0-based columns (default 0,1,2)
//	--delimiter C        triples: field delimiter (default tab, "," for *.csv)
//	--header             triples: skip each shard's first line
//	--tokens             triples: values are author lists compared as token
//	                     sets (truth.TokenSet), as for the Book data set
//	--max-iterations N   cap on iterations (default: the algorithm's, as in
//	                     the library: 20, 10 for pooledinvestment, 100 for
//	                     truthfinder)
//	--tolerance X        convergence tolerance (default 0.001)
//	--max-rounds N       jsonl: cap on the rounds that find the
//	                     components of contradictions and supports
//	                     (default 30)
//	--runner R           Beam's: prism (default, in this process), or
//	                     flink, spark, dataflow with their endpoint flags
//
// The output format is described in output.go. A claim graph maps onto
// truth discovery as truth.FromGraph maps it: every claim lends its
// votes, whatever the verdicts say of it (claimgraph trust weighs the
// verdicts' evidence with truth.FromGraphSilent, rejected claims lending
// none; the verdicts are not in the pipeline). The results equal those
// of the in-memory library (beam_test.go checks it).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"
	"github.com/claimgraph/claimgraph/sources/truth"
)

// Config is what one run computes, from what, to where.
type Config struct {
	Input     string
	Format    string // "jsonl" or "triples"; "" chooses by the input's extension
	Algorithm string // a truth.ParseAlgorithm name, or "none"
	Origins   bool
	Output    string

	Columns   [3]int // triples
	Delimiter rune
	Header    bool
	Tokens    bool

	MaxIterations int
	Tolerance     float64
	MaxRounds     int
}

func main() {
	var c Config
	var cols, delim string
	flag.StringVar(&c.Input, "input", "", "input shards (glob)")
	flag.StringVar(&c.Format, "format", "", "jsonl or triples (default: by extension)")
	flag.StringVar(&c.Algorithm, "algorithm", "sums", "truth-discovery algorithm, or none")
	flag.BoolVar(&c.Origins, "origins", false, "compute the independent origins of every claim")
	flag.StringVar(&c.Output, "output", "", "output file (JSON Lines)")
	flag.StringVar(&cols, "columns", "0,1,2", "triples: columns of source, object, value")
	flag.StringVar(&delim, "delimiter", "", "triples: field delimiter")
	flag.BoolVar(&c.Header, "header", false, "triples: skip each shard's first line")
	flag.BoolVar(&c.Tokens, "tokens", false, "triples: compare values as token sets")
	flag.IntVar(&c.MaxIterations, "max-iterations", 0, "cap on iterations (0: the algorithm's)")
	flag.Float64Var(&c.Tolerance, "tolerance", 0, "convergence tolerance (0: 0.001)")
	flag.IntVar(&c.MaxRounds, "max-rounds", 30, "cap on the rounds finding the components of contradictions and supports")
	flag.Parse()
	beam.Init()
	var err error
	if c.Columns, err = parseColumns(cols); err == nil {
		c.Delimiter, err = parseDelimiter(delim)
	}
	if err == nil {
		err = run(context.Background(), c)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "beam:", err)
		os.Exit(1)
	}
}

func parseColumns(s string) ([3]int, error) {
	var out [3]int
	parts := strings.Split(s, ",")
	if len(parts) != 3 {
		return out, fmt.Errorf("--columns %q: want three numbers, S,O,V", s)
	}
	for i, p := range parts {
		n, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil || n < 0 {
			return out, fmt.Errorf("--columns %q: %q is not a column number", s, p)
		}
		out[i] = n
	}
	return out, nil
}

func parseDelimiter(s string) (rune, error) {
	switch {
	case s == "":
		return 0, nil
	case s == `\t`:
		return '\t', nil
	case len([]rune(s)) == 1:
		return []rune(s)[0], nil
	}
	return 0, fmt.Errorf("--delimiter %q: want one character", s)
}

// run builds the pipeline of c and runs it on the runner of the --runner
// flag (Prism by default).
func run(ctx context.Context, c Config) error {
	p, err := build(ctx, c)
	if err != nil {
		return err
	}
	return beamx.Run(ctx, p)
}

// ErrUsage reports a configuration that cannot run.
var ErrUsage = errors.New("usage")

// build makes the pipeline of c. The input's shards are listed now, so
// that their order, which ranks facts, is fixed.
func build(ctx context.Context, c Config) (*beam.Pipeline, error) {
	if c.Input == "" || c.Output == "" {
		return nil, fmt.Errorf("%w: --input and --output are required", ErrUsage)
	}
	format := c.Format
	if format == "" {
		format = "triples"
		if strings.HasSuffix(c.Input, ".jsonl") {
			format = "jsonl"
		}
	}
	if format != "jsonl" && format != "triples" {
		return nil, fmt.Errorf("%w: --format %q: want jsonl or triples", ErrUsage, c.Format)
	}
	if c.Origins && format != "jsonl" {
		return nil, fmt.Errorf("%w: --origins needs a claim graph (jsonl)", ErrUsage)
	}
	var runs []Run
	if c.Algorithm != "none" {
		for _, name := range strings.Split(c.Algorithm, ",") {
			a, err := truth.ParseAlgorithm(strings.TrimSpace(name))
			if err != nil {
				return nil, err
			}
			o, err := truth.Options{MaxIterations: c.MaxIterations, Tolerance: c.Tolerance}.Resolve(a)
			if err != nil {
				return nil, err
			}
			runs = append(runs, Run{Alg: a, Opts: options(o)})
		}
	} else if !c.Origins {
		return nil, fmt.Errorf("%w: nothing to compute: --algorithm none without --origins", ErrUsage)
	}
	if c.MaxRounds <= 0 {
		c.MaxRounds = 30
	}
	shards, err := expand(ctx, c.Input)
	if err != nil {
		return nil, err
	}
	p, s := beam.NewPipelineWithRoot()
	in := beam.CreateList(s, shards)
	var lines []beam.PCollection
	if format == "triples" {
		fn := &readTriplesFn{Comma: c.Delimiter, Source: c.Columns[0], Object: c.Columns[1], Value: c.Columns[2], Header: c.Header, Tokens: c.Tokens}
		facts, names := triplesFacts(s, beam.ParDo(s, fn, in))
		t := numbered(s, facts, names)
		for _, r := range runs {
			o := discover(s, r, t)
			trusts, beliefs := label(s, o, t)
			lines = append(lines, truthLines(s, r, trusts, beliefs, o.Stats))
		}
	} else {
		cl, src, rel := readGraph(s, in)
		rows := origins(s, cl, src)
		if len(runs) > 0 {
			facts, names := graphFacts(s, cl, src, rel, rows, c.MaxRounds)
			t := numbered(s, facts, names)
			for _, r := range runs {
				o := discover(s, r, t)
				trusts, beliefs := label(s, o, t)
				lines = append(lines, truthLines(s, r, trusts, joint(s, beliefs), o.Stats))
			}
		}
		if c.Origins {
			lines = append(lines, beam.ParDo(s, originsLine, rows))
		}
	}
	write(s, c.Output, beam.Flatten(s, lines...))
	return p, nil
}

// triplesFacts groups the assertions of triples into facts (rank: the
// first assertion's) and returns them (Asserted) with the sources' names
// and places (Ranked).
func triplesFacts(s beam.Scope, as beam.PCollection) (facts, names beam.PCollection) {
	s = s.Scope("facts of triples")
	facts = beam.ParDo(s, tripleFact, beam.GroupByKey(s, beam.ParDo(s, byFact, as)))
	return facts, beam.ParDo(s, assertionSource, as)
}

func byFact(a Assertion) (string, Assertion) { return a.Fact, a }
func assertionSource(a Assertion) Ranked     { return Ranked{Name: a.Source, Rank: a.SrcRank} }

func tripleFact(key string, as func(*Assertion) bool) Asserted {
	f := Asserted{Key: key, Rank: -1}
	var a Assertion
	for as(&a) {
		if f.Rank < 0 || a.Rank < f.Rank {
			f.Rank = a.Rank
		}
		f.Object, f.Value = a.Object, a.Value
		f.Sources = append(f.Sources, a.Source)
	}
	slices.Sort(f.Sources)
	f.Sources = slices.Compact(f.Sources)
	return f
}
