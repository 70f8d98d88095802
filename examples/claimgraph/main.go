package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/verdict"
)

// command is one sub-command of the tool.
type command struct {
	name  string // as typed on the command line
	args  string // argument synopsis, e.g. "FILE CLAIM-ID"
	brief string // one line for the help text
	run   func(e *env, args []string) int
}

// commands lists every command, sorted by name; help prints them in this
// order. A new command is one more line here and a file of its own with
// its run function and the documentation of its output.
var commands = []command{
	{"about", "FILE ENTITY-ID [--trust TRUST]", "the claims about an entity", runAbout},
	{"af", "-p PROBLEM -f FILE [-fo i23|apx|tgf] [-a ARG] | --formats | --problems",
		"ICCMA-style argumentation solver: extensions and acceptance (SE/DC/DS/EE-CO/GR/PR/ST)", runAF},
	{"at", "FILE DATE", "the graph as of a date: claims holding, live conflicts, conflicts resolved by time, lapsed relations", runAt},
	{"check", "FILE", "validate a claim graph file; print every problem as FILE:LINE:COL: message", runCheck},
	{"circular", "FILE", "derivation cycles among sources and claims, and false corroboration", runCircular},
	{"contradictions", "FILE CLAIM-ID [--trust TRUST]", "the claims that contradict a claim, with the sources of both", runContradictions},
	{"diff", "OLD NEW [--at DATE] [--trust TRUST]", "what changed between two files: verdicts first, with reasons; exit 1 when one changed, 2 on trouble", runDiff},
	{"draw", "FILE [--claim ID --depth N] [--at DATE] [--ids] [--entities] [--sources] [--origins] [--all] [--force] [--trust TRUST] [-o OUT.svg|.png|.dot]",
		"draw the graph or a claim's neighbourhood with Graphviz", runDraw},
	{"edit", "FILE [--remove ID]... [--with-relations] [--merge FROM=INTO]... | --apply BATCH.yaml [--drop-published]",
		"change a YAML file in place, keeping its comments and layout: remove, merge, apply a batch file", runEdit},
	{"export", "FILE --format json|jsonl|nquads|turtle|dot [-o OUT] | FILE --format jsonld --review-url URL --author NAME [--trust TRUST] [-o OUT]",
		"write the graph as JSON, RDF, ClaimReview JSON-LD or DOT", runExport},
	{"html", "FILE [-o OUT.html] [--title TEXT] [--max-dates N] [--trust TRUST]",
		"write the explorer: one self-contained HTML page of the graph", runHTML},
	{"import", "--from argdown|aif|factcheck|nquads|turtle IN [-o OUT]",
		"make a claim graph from Argdown, AIF or Fact Check Tools JSON (OUT .yaml, .json, .jsonl, .nq or .ttl)", runImport},
	{"merge", "A B -o OUT [--prefer a|b]", "the union of two YAML or JSON files (OUT .yaml, .json, .jsonl, .nq or .ttl); every conflict is reported: exit 1, 2 on trouble", runMerge},
	{"origins", "FILE CLAIM-ID [--depth N]", "the independent origins of a claim, with the chain from each appearance", runOrigins},
	{"queue", "FILE [--at DATE] [--trust TRUST]", "the review queue: published reviews the evidence moved from, then contested claims, open ones first", runQueue},
	{"report", "[FILE] [--trust TRUST]", "readable report: counts, contradictions, support chains, claims per speaker", runReport},
	{"serve", "FILE [--addr 127.0.0.1:8080] [--public] [--trust TRUST]", "serve the explorer live, reloading when FILE changes", runServe},
	{"similar", "FILE [--threshold X] [--top N] [--apply DECISIONS.json [-o OUT] [--by NAME]]",
		"pairs of claims that may be one claim in other words, or contradict; apply decisions", runSimilar},
	{"sources", "FILE CLAIM-ID [--trust TRUST]", "the sources a claim appears in, with speaker, date and quote; its evidence digest", runSources},
	{"stale", "FILE [--trust TRUST]", "appearances dated after their claim stopped holding or was superseded", runStale},
	{"support", "FILE CLAIM-ID [--depth N] [--trust TRUST]", "the direct supporters of a claim and its support chains", runSupport},
	{"trust", "FILE [--trust TRUST] | --triples FILE [--algorithm NAME] [--columns S,O,V] [--top N]",
		"which sources to trust and which values are true (truth discovery)", runTrust},
	{"verdicts", "FILE [--at DATE] [--support MODE] [--trust TRUST]", "accept, reject or leave open every claim, with rating, strength and reasons", runVerdicts},
}

// env is what a command runs with: its output streams, so that tests can
// run commands in-process, and what one run computes once and shares.
type env struct {
	stdout io.Writer // buffered; run flushes it
	stderr io.Writer // buffered; run flushes it after stdout

	cmd      *command  // the command running
	quiet    bool      // --quiet: no progress
	maxBytes sizeFlag  // --max-bytes: the size limit of the input, 0 for the reader's
	maxItems countFlag // --max-items: the item limit of JSON Lines input, 0 for the reader's
	progress *meter    // progress on a terminal, nil when stderr is none
	trust    trustFlag // --trust: the trust of sources, for every verdict of the run (trustfile.go)

	// verdict is the verdict computation of the run, made on first use
	// for the view it names (see env.verdicts).
	verdict struct {
		done    bool
		v       graph.View
		support verdict.SupportReading // set by verdicts --support
		r       *verdict.Result
		err     error
	}
}

// trouble returns the exit status of trouble, such as output that could
// not be written: 2 for diff and merge, whose 1 says a verdict changed or
// the files conflict, 1 for the other commands.
func (e *env) trouble() int {
	if e.cmd != nil && (e.cmd.name == "diff" || e.cmd.name == "merge") {
		return 2
	}
	return 1
}

// usageError prints a usage problem for cmd and returns exit status 2.
func (e *env) usageError(cmd, format string, a ...any) int {
	fmt.Fprintf(e.stderr, "claimgraph %s: %s\n", cmd, fmt.Sprintf(format, a...))
	if e.cmd != nil && e.cmd.name == cmd {
		fmt.Fprintf(e.stderr, "usage: claimgraph %s %s\n", e.cmd.name, e.cmd.args)
	}
	return 2
}

// fail prints an error for cmd and returns exit status 1.
func (e *env) fail(cmd string, err error) int {
	fmt.Fprintf(e.stderr, "claimgraph %s: %s\n", cmd, safe(err.Error()))
	return 1
}

// emit prints the result of cmd: doc as one JSON document with asJSON,
// else the text that text writes (nothing when text is nil). It returns
// the exit status.
func (e *env) emit(cmd string, asJSON bool, doc any, text func(w io.Writer) error) int {
	if f := e.onProgress(); f != nil {
		f(graph.Progress{Stage: "output"})
	}
	var err error
	switch {
	case asJSON:
		err = writeJSON(e.stdout, doc)
	case text != nil:
		err = text(e.stdout)
	}
	if err != nil {
		return e.fail(cmd, err)
	}
	return 0
}

// verdicts returns the verdicts of v, computed once per run: the verdict
// claim column asks claim by claim, and draw and export want them all.
func (e *env) verdicts(v graph.View) (*verdict.Result, error) {
	if !e.verdict.done || e.verdict.v != v {
		e.verdict.done, e.verdict.v = true, v
		o := e.verdictOptions()
		o.Progress = e.onProgress()
		e.verdict.r, e.verdict.err = verdict.Compute(v, o)
	}
	return e.verdict.r, e.verdict.err
}

func main() {
	graph.HandleSignals() // an interrupt leaves no partial -o file
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes the command line args and returns the exit status. Output
// is buffered and written when the command ends.
func run(args []string, stdout, stderr io.Writer) int {
	out, errw := bufio.NewWriter(stdout), bufio.NewWriter(stderr)
	e := &env{stdout: out, stderr: errw}
	if isTerminal(stderr) {
		e.progress = newMeter(stderr)
	}
	code := dispatch(e, args)
	e.progress.clear()
	if err := out.Flush(); err != nil {
		fmt.Fprintf(errw, "claimgraph: writing output: %v\n", err)
		code = max(code, e.trouble())
	}
	errw.Flush()
	return code
}

// dispatch runs the command named by args[0].
func dispatch(e *env, args []string) int {
	name := "report"
	if len(args) > 0 {
		name, args = args[0], args[1:]
	}
	switch name {
	case "help", "-h", "-help", "--help":
		printHelp(e.stdout)
		return 0
	}
	for i := range commands {
		if commands[i].name == name {
			e.cmd = &commands[i]
			return e.cmd.run(e, args)
		}
	}
	fmt.Fprintf(e.stderr, "claimgraph: unknown command %q\n\n", name)
	printHelp(e.stderr)
	return 2
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "usage: claimgraph [COMMAND] [ARGS] [--json] [--quiet]")
	fmt.Fprintln(w, "\nWith no command, prints the report of testdata/kim-putin.yaml.\n\nCommands:")
	for _, c := range commands {
		synopsis := strings.TrimSpace(c.name + " " + c.args)
		if len(synopsis) > 40 {
			fmt.Fprintf(w, "  %s\n  %-40s %s\n", synopsis, "", c.brief)
			continue
		}
		fmt.Fprintf(w, "  %-40s %s\n", synopsis, c.brief)
	}
	fmt.Fprintln(w, "\n--trust TRUST weighs each origin by the trust of its source, in every verdict of the run:")
	fmt.Fprintln(w, `TRUST is JSON, {"source-id": 0.9, ...} or what trust FILE --json prints; a source not in it`)
	fmt.Fprintln(w, "weighs 0.5, and a primary source trusted 0.9 or more rates the claims it backs True.")
	fmt.Fprintln(w, "\nAn ID merged into another item (its merged list) names that item: every look-up answers for it")
	fmt.Fprintln(w, "and says so on standard error, and references to it in files and batches read as the item.")
	fmt.Fprintln(w, "Exit status: 0 done, 1 problems in the input or a failed query (diff: a verdict changed;")
	fmt.Fprintln(w, "merge: conflicts), 2 usage errors (diff, merge: also unreadable or invalid input).")
}
