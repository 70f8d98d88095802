// Claimgraph is the command-line face of the claimgraph library: it loads
// a claim graph from YAML, JSON or JSON Lines and answers a fact-checker's
// questions about it, for people who do not write Go and for scripts.
//
// Usage:
//
//	claimgraph [COMMAND] [ARGS] [--json] [--quiet]
//
// With no command it prints the report of testdata/kim-putin.yaml. Run
// "claimgraph help" for the list of commands; the table of commands in
// main.go lists them all. Every command but serve, which serves a page
// until interrupted, accepts --json and then prints one JSON document
// whose shape is documented beside the command. The exit status is 0 on
// success, 1 when the input has problems (check) or a query fails, and 2
// on a usage error; diff and merge give 1 for a changed verdict or for
// conflicts between the files, and 2 for any trouble, an unreadable or
// invalid input included. An ID merged into another item (its merged
// list) names that item: every look-up by it answers for the item and
// says so on standard error.
//
// Every file a command writes with -o is written safely (graph.SaveWith):
// into a temporary file beside it, renamed over it once complete, so that
// a failure, a full disk or an interrupt leaves the old file as it was. A
// symbolic link is followed and the file it names replaced; a read-only
// file is refused, even for root.
//
// Every command reads its input within the limits of its reader (the
// README's table of limits), which --max-bytes SIZE raises for every
// format and --max-items N for the items of JSON Lines; a file over one
// is refused with a sentence that names the flag.
//
// A date flag (--at DATE of verdicts, queue, draw, diff and export,
// --date of export) takes YYYY, YYYY-MM or YYYY-MM-DD; left out, it means
// all time (no date). Given empty, as a script passing an unset $DATE
// does, it is a usage error naming the flag (exit 2), as an empty DATE
// of at is, never all time in silence (dateFlag in flags.go).
//
// --trust TRUST, taken by every command that weighs evidence (the
// verdicts and what shows them, stale, diff, the explorer, the jsonld
// export), weighs each origin by the trust of its source, from TRUST, a JSON
// object of source ID to trust in [0, 1] or the output of trust --json;
// every verdict of the run is weighed with it (trustfile.go).
//
// Commands that read or compute for more than about a second (loading a
// large file, verdicts, truth discovery, provenance, export) show their
// progress on standard error when it is a terminal: the stage, the bytes
// or items done, the rate and the time left. They are silent when standard
// error is not a terminal, and with --quiet.
package main
