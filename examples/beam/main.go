package main

import (
	"context"
	"crypto/rand"
	"encoding/json"
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

	Silent string // file of the claims that lend nothing (claimgraph verdicts --json)

	Block int    // iterations per pipeline (0: defaultBlock)
	Work  string // directory of the state between pipelines ("": a temporary one)
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
	flag.StringVar(&c.Silent, "silent", "", "jsonl: the claims that lend nothing, as claimgraph verdicts --json lists them")
	flag.IntVar(&c.Block, "block", defaultBlock, "iterations per pipeline")
	flag.StringVar(&c.Work, "work", "", "directory of the state between pipelines (default: a temporary one)")
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

// ErrUsage reports a configuration that cannot run.
var ErrUsage = errors.New("usage")

// plan is what a configuration resolves to: the input's format and
// shards, and the runs of truth discovery.
type plan struct {
	format string
	shards []Shard
	runs   []Run
	silent []string // the claims that lend nothing (--silent)
}

// resolve checks c and resolves its plan. The input's shards are listed
// now, so that their order, which ranks facts, is fixed.
func resolve(ctx context.Context, c *Config) (plan, error) {
	var pl plan
	if c.Input == "" || c.Output == "" {
		return pl, fmt.Errorf("%w: --input and --output are required", ErrUsage)
	}
	pl.format = c.Format
	if pl.format == "" {
		pl.format = "triples"
		if strings.HasSuffix(c.Input, ".jsonl") {
			pl.format = "jsonl"
		}
	}
	if pl.format != "jsonl" && pl.format != "triples" {
		return pl, fmt.Errorf("%w: --format %q: want jsonl or triples", ErrUsage, c.Format)
	}
	if c.Origins && pl.format != "jsonl" {
		return pl, fmt.Errorf("%w: --origins needs a claim graph (jsonl)", ErrUsage)
	}
	if c.Algorithm != "none" {
		for _, name := range strings.Split(c.Algorithm, ",") {
			a, err := truth.ParseAlgorithm(strings.TrimSpace(name))
			if err != nil {
				return pl, err
			}
			o, err := truth.Options{MaxIterations: c.MaxIterations, Tolerance: c.Tolerance}.Resolve(a)
			if err != nil {
				return pl, err
			}
			pl.runs = append(pl.runs, Run{Alg: a, Opts: options(o)})
		}
	} else if !c.Origins {
		return pl, fmt.Errorf("%w: nothing to compute: --algorithm none without --origins", ErrUsage)
	}
	if c.MaxRounds <= 0 {
		c.MaxRounds = 30
	}
	if c.Block <= 0 {
		c.Block = defaultBlock
	}
	if c.Silent != "" {
		if pl.format != "jsonl" {
			return pl, fmt.Errorf("%w: --silent needs a claim graph (jsonl)", ErrUsage)
		}
		var err error
		if pl.silent, err = readSilent(ctx, c.Silent); err != nil {
			return pl, err
		}
	}
	var err error
	pl.shards, err = expand(ctx, c.Input)
	return pl, err
}

// readSilent reads the claims that lend nothing from the file name, the
// JSON that "claimgraph verdicts --json" writes: its list "silent".
func readSilent(ctx context.Context, name string) ([]string, error) {
	r, err := open(ctx, name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	var rep struct {
		Silent *[]string `json:"silent"`
	}
	if err := json.NewDecoder(r).Decode(&rep); err != nil {
		return nil, fmt.Errorf("--silent %s: %w", name, err)
	}
	if rep.Silent == nil {
		return nil, fmt.Errorf("--silent %s: no list \"silent\": want the JSON of claimgraph verdicts --json", name)
	}
	if *rep.Silent == nil {
		return []string{}, nil
	}
	return *rep.Silent, nil
}

// defaultBlock is how many iterations one pipeline runs by default.
const defaultBlock = 5

// run computes c as a sequence of pipelines, each run to its end on the
// runner of the --runner flag (Prism by default) before the next is
// built, their state kept in files of the work directory (see [save]):
//
//  1. one reads the input and writes the numbered facts and sources, their
//     names, and the origins of every claim;
//  2. for each algorithm, blocks of at most c.Block iterations each read
//     the state the block before wrote and write theirs; after each, the
//     driver reads the block's statistics and stops by the library's
//     rule (truth.Converged) or at the cap on iterations;
//  3. one reads the names, the final states and origins, and writes the
//     output.
//
// This is how an iterative computation runs on Beam, whose pipelines are
// acyclic, on any runner: a runner holds the data of the pipeline it is
// running (Prism in memory), so each pipeline holds at most a block of
// one algorithm, where one pipeline of every iteration of every
// algorithm, unrolled, held them all at once.
func run(ctx context.Context, c Config) error {
	pl, err := resolve(ctx, &c)
	if err != nil {
		return err
	}
	// A directory of this run's own, so that no shard of an earlier run
	// is read as this one's: a local one is removed after.
	var work string
	if strings.Contains(c.Work, "://") {
		var b [8]byte
		rand.Read(b[:])
		work = fmt.Sprintf("%s/claimgraph-beam-%x", strings.TrimSuffix(c.Work, "/"), b)
	} else {
		if work, err = os.MkdirTemp(c.Work, "claimgraph-beam-*"); err != nil {
			return err
		}
		defer os.RemoveAll(work)
	}
	tables := work + "/tables"
	if err := prepare(ctx, c, pl, work, tables); err != nil {
		return err
	}
	finals := make([]final, len(pl.runs))
	for i, r := range pl.runs {
		if finals[i], err = iterate(ctx, r, c.Block, tables, fmt.Sprintf("%s/run-%d-%v", work, i, r.Alg)); err != nil {
			return err
		}
	}
	return report(ctx, c, pl, work, tables, finals)
}

// prepare runs the first pipeline: the input read, its facts and sources
// numbered and saved in tables, the origins of every claim in work.
func prepare(ctx context.Context, c Config, pl plan, work, tables string) error {
	p, s := beam.NewPipelineWithRoot()
	in := beam.CreateList(s, pl.shards)
	var t Tables
	if pl.format == "triples" {
		fn := &readTriplesFn{Comma: c.Delimiter, Source: c.Columns[0], Object: c.Columns[1], Value: c.Columns[2], Header: c.Header, Tokens: c.Tokens}
		facts, names := triplesFacts(s, beam.ParDo(s, fn, in))
		t = numbered(s, facts, names)
	} else {
		cl, src, rel := readGraph(s, in)
		rows := origins(s, cl, src)
		if c.Origins {
			save(s, work, "origins", rows)
		}
		if len(pl.runs) == 0 {
			return beamx.Run(ctx, p)
		}
		facts, names := graphFacts(s, cl, src, rel, rows, pl.silent, c.MaxRounds)
		t = numbered(s, facts, names)
	}
	save(s, tables, "facts", t.Facts)
	save(s, tables, "srcs", beam.ParDo(s, dropSrcKey, t.Srcs))
	save(s, tables, "srcnames", beam.ParDo(s, srcName, t.SrcNames))
	save(s, tables, "factnames", beam.ParDo(s, factName, t.FactNames))
	return beamx.Run(ctx, p)
}

// final is where a run's final state is, and the statistics of the
// iterations it ran.
type final struct {
	dir   string
	stats []Stat
}

// iterate runs r in blocks of block iterations from the state in
// tables, each block's state in a directory of dir, until the library's
// rule stops it.
func iterate(ctx context.Context, r Run, block int, tables, dir string) (final, error) {
	in, last := tables, Stat{Iter: 0, N: 1}
	var stats []Stat
	copies := r.Alg == truth.Accu || r.Alg == truth.Depen
	for from := 1; ; {
		b := Block{From: from, To: min(from+block-1, r.Opts.MaxIterations), Last: last}
		if r.Alg == truth.Voting {
			b.To = 1
		}
		out := fmt.Sprintf("%s/%03d", dir, b.To)
		p, s := beam.NewPipelineWithRoot()
		ld := loader{ctx: ctx, s: s}
		st := State{Srcs: ld.load(in, "srcs", readSrcs)}
		if copies && from > 1 {
			st.Objs, st.Pairs = ld.load(in, "facts", readObjs), ld.load(dir, "pairs", readPairs)
		} else {
			st.Facts = ld.load(in, "facts", readFacts)
		}
		if ld.err != nil {
			return final{}, ld.err
		}
		o := discover(s, r, b, st)
		save(s, out, "srcs", o.Srcs)
		save(s, out, "facts", o.Facts)
		save(s, out, "stats", o.Stats)
		if o.Pairs.IsValid() {
			save(s, dir, "pairs", o.Pairs)
		}
		if err := beamx.Run(ctx, p); err != nil {
			return final{}, err
		}
		got, err := readAll[Stat](ctx, out, "stats")
		if err != nil {
			return final{}, err
		}
		slices.SortFunc(got, func(a, b Stat) int { return a.Iter - b.Iter })
		stats = append(stats, got...)
		in = out
		if b.To >= r.Opts.MaxIterations || r.Alg == truth.Voting || len(got) < b.To-b.From+1 ||
			slices.ContainsFunc(got, func(st Stat) bool { return r.stopped(st, true) }) {
			return final{dir: out, stats: stats}, nil
		}
		last, from = got[len(got)-1], b.To+1
	}
}

// report runs the last pipeline: the final states named and written as
// the output, with the origins.
func report(ctx context.Context, c Config, pl plan, work, tables string, finals []final) error {
	p, s := beam.NewPipelineWithRoot()
	var lines []beam.PCollection
	ld := loader{ctx: ctx, s: s}
	t := Tables{SrcNames: ld.load(tables, "srcnames", readSrcNames), FactNames: ld.load(tables, "factnames", readFactNames)}
	for i, r := range pl.runs {
		o := Outcome{Stats: beam.CreateList(s, finals[i].stats), Srcs: beam.ParDo(s, dropSrcKey, ld.load(finals[i].dir, "srcs", readSrcs))}
		if r.Alg == truth.Accu || r.Alg == truth.Depen {
			o.Facts = beam.ParDo(s, objFacts, beam.ParDo(s, objValue, ld.load(finals[i].dir, "facts", readObjs)))
		} else {
			o.Facts = ld.load(finals[i].dir, "facts", readFacts)
		}
		trusts, beliefs := label(s, o, t)
		if pl.format == "jsonl" {
			beliefs = joint(s, beliefs)
		}
		lines = append(lines, truthLines(s, r, trusts, beliefs, o.Stats))
	}
	if c.Origins {
		lines = append(lines, beam.ParDo(s, originsLine, ld.load(work, "origins", readOrigins)))
	}
	if ld.err != nil {
		return ld.err
	}
	write(s, c.Output, beam.Flatten(s, lines...))
	return beamx.Run(ctx, p)
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
