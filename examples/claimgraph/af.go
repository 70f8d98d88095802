// The af command: an ICCMA-style solver for abstract argumentation
// frameworks, on top of package graph/af.
//
//	claimgraph af -p PROBLEM -f FILE [-fo i23|apx|tgf] [-a ARG] [--json]
//	claimgraph af --formats
//	claimgraph af --problems
//
// PROBLEM is TASK-SEM with TASK one of SE (some extension), DC (credulous
// acceptance of -a ARG), DS (sceptical acceptance of -a ARG) or EE (every
// extension), and SEM one of CO, GR, PR, ST. The file format comes from -fo
// or from the extension of FILE (.i23 or .af, .apx, .tgf). ARG is an
// argument name, or its number for i23 files.
//
// Output follows ICCMA 2023: SE prints "w" and the names of the arguments
// of one extension ("w 1 4 7"), or "NO" when there is none (only possible
// under ST); DC and DS print YES or NO; EE prints the extensions as in ICCMA
// reference solutions, "[[a1,a7],[]]". --formats prints [i23,apx,tgf] and
// --problems the supported problems in the same notation. Exact search under
// CO, PR and ST is limited to af.MaxExact undecided arguments.
//
// With --json it prints one object:
//
//	{
//	  "problem": "SE-PR",
//	  "file": "ex.apx",
//	  "format": "apx",
//	  "arguments": 5,
//	  "attacks": 6,
//	  "argument": "a1",            // DC and DS only
//	  "accepted": true,            // DC and DS only
//	  "exists": true,              // SE only
//	  "extension": ["a2", "a5"],   // SE only, null when none exists
//	  "extensions": [["a2"], []]   // EE only
//	}
//
// and for --formats {"formats": ["i23", "apx", "tgf"]}, for --problems
// {"problems": ["DC-CO", ...]}.

package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/claimgraph/claimgraph/graph/af"
)

// afResult is the JSON output of a solved problem.
type afResult struct {
	Problem    string     `json:"problem"`
	File       string     `json:"file"`
	Format     string     `json:"format"`
	Arguments  int        `json:"arguments"`
	Attacks    int        `json:"attacks"`
	Argument   *string    `json:"argument,omitempty"`
	Accepted   *bool      `json:"accepted,omitempty"`
	Exists     *bool      `json:"exists,omitempty"`
	Extension  *[]string  `json:"extension,omitempty"`
	Extensions [][]string `json:"extensions,omitempty"`
}

func runAF(e *env, args []string) int {
	fs, asJSON := newFlags("af", e)
	problem := fs.String("p", "", "problem, e.g. SE-GR, DC-PR, DS-ST, EE-CO")
	file := fs.String("f", "", "framework file")
	formatName := fs.String("fo", "", "file format: i23, apx or tgf (default: from the file extension)")
	arg := fs.String("a", "", "argument queried by DC and DS problems")
	formats := fs.Bool("formats", false, "print the supported formats")
	problems := fs.Bool("problems", false, "print the supported problems")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) > 0 {
		return e.usageError("af", "unexpected argument %q", pos[0])
	}
	switch {
	case *formats:
		var names []string
		for _, f := range af.Formats() {
			names = append(names, f.String())
		}
		return e.emit("af", *asJSON, map[string][]string{"formats": names}, func(w io.Writer) error {
			_, err := fmt.Fprintf(w, "[%s]\n", strings.Join(names, ","))
			return err
		})
	case *problems:
		var names []string
		for _, p := range af.Problems() {
			names = append(names, p.String())
		}
		return e.emit("af", *asJSON, map[string][]string{"problems": names}, func(w io.Writer) error {
			_, err := fmt.Fprintf(w, "[%s]\n", strings.Join(names, ","))
			return err
		})
	}
	prob, err := af.ParseProblem(*problem)
	if err != nil {
		return e.usageError("af", "unknown problem %q (see --problems)", *problem)
	}
	if *file == "" {
		return e.usageError("af", "missing -f FILE")
	}
	if prob.Argument() != (*arg != "") {
		if prob.Argument() {
			return e.usageError("af", "%s needs -a ARG", *problem)
		}
		return e.usageError("af", "%s takes no -a", *problem)
	}
	var format af.Format
	if *formatName != "" {
		if format, err = af.ParseFormat(*formatName); err != nil {
			return e.usageError("af", "unknown format %q (see --formats)", *formatName)
		}
		// Any file reads as TGF (each line names an argument), so a
		// format that contradicts the file's extension is a mistake,
		// not a reading.
		if named, err := af.FormatOf(*file); err == nil && named != format {
			return e.usageError("af", "-fo %s, but %s is named as %s: give the format of the file", format, *file, named)
		}
	} else if format, err = af.FormatOf(*file); err != nil {
		return e.usageError("af", "cannot tell the format of %s: give -fo", *file)
	}
	f, err := af.ReadFile(*file, format)
	if err != nil {
		return e.fail("af", err)
	}
	res := afResult{Problem: *problem, File: *file, Format: format.String(), Arguments: f.Len(), Attacks: f.NumAttacks()}
	names := func(ext []int) []string {
		s := []string{}
		for _, i := range ext {
			s = append(s, f.Name(i))
		}
		return s
	}
	sem := prob.Semantics
	switch prob.Task {
	case af.SE:
		ext, ok, err := af.SomeExtension(f, sem)
		if err != nil {
			return e.fail("af", err)
		}
		res.Exists = &ok
		if ok {
			s := names(ext)
			res.Extension = &s
		}
	case af.EE:
		exts, err := af.Extensions(f, sem)
		if err != nil {
			return e.fail("af", err)
		}
		res.Extensions = [][]string{}
		for _, ext := range exts {
			res.Extensions = append(res.Extensions, names(ext))
		}
	default:
		a := f.Index(*arg)
		if a < 0 {
			return e.fail("af", fmt.Errorf("no argument %q in %s", *arg, *file))
		}
		query := af.Credulous
		if prob.Task == af.DS {
			query = af.Sceptical
		}
		ok, err := query(f, sem, a)
		if err != nil {
			return e.fail("af", err)
		}
		res.Argument, res.Accepted = arg, &ok
	}
	return e.emit("af", *asJSON, res, func(w io.Writer) error { return res.write(w, prob.Task) })
}

// write prints the result of a task in the ICCMA notation.
func (res afResult) write(w io.Writer, task af.Task) error {
	var err error
	switch task {
	case af.SE:
		if !*res.Exists {
			_, err = fmt.Fprintln(w, "NO")
			break
		}
		_, err = fmt.Fprintln(w, strings.TrimSpace("w "+strings.Join(quoteNames(*res.Extension), " ")))
	case af.EE:
		parts := make([]string, len(res.Extensions))
		for i, ext := range res.Extensions {
			parts[i] = "[" + strings.Join(quoteNames(ext), ",") + "]"
		}
		_, err = fmt.Fprintf(w, "[%s]\n", strings.Join(parts, ","))
	default:
		answer := "NO"
		if *res.Accepted {
			answer = "YES"
		}
		_, err = fmt.Fprintln(w, answer)
	}
	return err
}

// quoteNames returns the names as ICCMA answers print them: quoted when
// not plain (see [af.QuoteName]), so that "a b" is one name, not two.
func quoteNames(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = af.QuoteName(n)
	}
	return out
}
