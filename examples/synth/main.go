package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/synth"
)

func main() {
	graph.HandleSignals()
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("synth", flag.ContinueOnError)
	var cfg synth.Config
	fs.IntVar(&cfg.Claims, "claims", 1000, "number of claims")
	fs.IntVar(&cfg.Sources, "sources", 0, "number of sources (default claims/10)")
	fs.IntVar(&cfg.Entities, "entities", 0, "number of entities (default claims/20)")
	fs.Float64Var(&cfg.Relations, "relations", 0, "mean relations per claim (default 4)")
	fs.Float64Var(&cfg.Appearances, "appearances", 0, "mean appearances per claim (default 3)")
	fs.Uint64Var(&cfg.Seed, "seed", 1, "random seed")
	out := fs.String("o", "", "output file: .jsonl, .json or YAML (default: YAML to standard output)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if cfg.Claims < 1 {
		return fmt.Errorf("-claims %d: want at least 1", cfg.Claims)
	}
	g := graph.New()
	if err := g.Apply(synth.Generate(cfg)); err != nil {
		return err
	}
	// The format the name says, as graph.Save writes it (RDF refused).
	write := func(w io.Writer) error { return g.Encode(w, *out) }
	if *out == "" {
		return write(stdout)
	}
	return graph.SaveWith(*out, write)
}
