// Command claimgraph is the command-line face of the claimgraph library: it
// loads a claim graph from YAML and answers a fact-checker's questions about
// it, for people who do not write Go and for scripts.
//
// Usage:
//
//	claimgraph [COMMAND] [ARGS] [--json]
//
// With no command it prints the report of testdata/kim-putin.yaml. Run
// "claimgraph help" for the list of commands. Every command accepts --json and
// then prints one JSON document whose shape is documented beside the command.
// The exit status is 0 on success, 1 when the input has problems (check) or a
// query fails, and 2 on a usage error.
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// command is one sub-command of the tool. Each lives in a file of its own
// and registers itself from an init function.
type command struct {
	name  string // as typed on the command line
	args  string // argument synopsis, e.g. "FILE CLAIM-ID"
	brief string // one line for the help text
	run   func(env *env, args []string) int
}

var commands = map[string]command{}

func register(c command) {
	if _, dup := commands[c.name]; dup {
		panic("claimgraph: command registered twice: " + c.name)
	}
	commands[c.name] = c
}

// env is what a command runs with: its output streams, so that tests can
// run commands in-process.
type env struct {
	stdout io.Writer
	stderr io.Writer
}

// usageError prints a usage problem for cmd and returns exit status 2.
func (e *env) usageError(cmd, format string, a ...any) int {
	fmt.Fprintf(e.stderr, "claimgraph %s: %s\n", cmd, fmt.Sprintf(format, a...))
	if c, ok := commands[cmd]; ok {
		fmt.Fprintf(e.stderr, "usage: claimgraph %s %s\n", c.name, c.args)
	}
	return 2
}

// fail prints an error for cmd and returns exit status 1.
func (e *env) fail(cmd string, err error) int {
	fmt.Fprintf(e.stderr, "claimgraph %s: %v\n", cmd, err)
	return 1
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes the command line args and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	e := &env{stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		return commands["report"].run(e, nil)
	}
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		printHelp(stdout)
		return 0
	}
	c, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "claimgraph: unknown command %q\n\n", name)
		printHelp(stderr)
		return 2
	}
	return c.run(e, args[1:])
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "usage: claimgraph [COMMAND] [ARGS] [--json]")
	fmt.Fprintln(w, "\nWith no command, prints the report of testdata/kim-putin.yaml.\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		c := commands[n]
		synopsis := strings.TrimSpace(c.name + " " + c.args)
		if len(synopsis) > 40 {
			fmt.Fprintf(w, "  %s\n  %-40s %s\n", synopsis, "", c.brief)
			continue
		}
		fmt.Fprintf(w, "  %-40s %s\n", synopsis, c.brief)
	}
}
