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
// Output follows the ICCMA 2023 solver interface
// (https://iccma2023.github.io/rules.html, main track):
//
//   - SE prints "w" and the names of the arguments of one extension
//     ("w 1 4 7"), or "NO" when there is none (only possible under ST).
//   - DC prints "YES" and, on the next line, a certificate: an extension
//     that contains the queried argument ("w 1 2 5"); or just "NO".
//   - DS prints "YES"; or "NO" and, on the next line, a certificate: an
//     extension that does not contain the queried argument ("w 2 4").
//   - EE prints the extensions as in ICCMA reference solutions,
//     "[[a1,a7],[]]".
//
// With no arguments at all it prints the solver's name and version,
// "claimgraph VERSION" (the module version, or "devel" for a build from a
// working tree), as ICCMA harnesses expect of a solver called bare.
// --formats prints [i23,apx,tgf] and --problems the supported problems in
// the same notation. Exact search under CO, PR and ST is limited to
// af.MaxExact undecided arguments. The script iccma.sh beside this file
// runs the command as an ICCMA 2023 solver (i23 files, whatever their
// extension).
//
// With --json it prints one object; the keys of its task are always there,
// null when there is nothing to give:
//
//	{
//	  "problem": "DC-PR",
//	  "file": "ex.apx",
//	  "format": "apx",
//	  "arguments": 5,
//	  "attacks": 6,
//	  "argument": "a1",            // DC and DS only
//	  "accepted": true,            // DC and DS only
//	  "certificate": ["a1", "a3"], // DC and DS only: the extension printed
//	                               // after YES (DC) or NO (DS), else null
//	  "exists": true,              // SE only
//	  "extension": ["a2", "a5"],   // SE only, null when none exists
//	  "extensions": [["a2"], []]   // EE only
//	}
//
// for --formats {"formats": ["i23", "apx", "tgf"]}, for --problems
// {"problems": ["DC-CO", ...]}, and with --json alone
// {"name": "claimgraph", "version": "devel"}.

package main

import (
	"encoding/json"
	"fmt"
	"github.com/claimgraph/claimgraph/claims"
	"io"
	"runtime/debug"
	"strings"

	"github.com/claimgraph/claimgraph/graph/af"
)

// afResult is the result of a solved problem.
type afResult struct {
	task       af.Task
	head       afHead
	argument   string     // DC, DS: the queried argument
	accepted   bool       // DC, DS
	exists     bool       // SE
	extension  []string   // SE: the extension; DC, DS: the certificate or nil
	extensions [][]string // EE
}

// afHead is what the JSON output says of every problem.
type afHead struct {
	Problem   string `json:"problem"`
	File      string `json:"file"`
	Format    string `json:"format"`
	Arguments int    `json:"arguments"`
	Attacks   int    `json:"attacks"`
}

// MarshalJSON writes the head and the keys of the task, all of them even
// when null, as the command's documentation promises.
func (r afResult) MarshalJSON() ([]byte, error) {
	switch r.task {
	case af.SE:
		return json.Marshal(struct {
			afHead
			Exists    bool     `json:"exists"`
			Extension []string `json:"extension"`
		}{r.head, r.exists, r.extension})
	case af.EE:
		return json.Marshal(struct {
			afHead
			Extensions [][]string `json:"extensions"`
		}{r.head, r.extensions})
	}
	return json.Marshal(struct {
		afHead
		Argument    string   `json:"argument"`
		Accepted    bool     `json:"accepted"`
		Certificate []string `json:"certificate"`
	}{r.head, r.argument, r.accepted, r.extension})
}

func runAF(e *env, args []string) int {
	if len(args) == 0 {
		// ICCMA harnesses call a solver bare to learn its name and version.
		_, err := fmt.Fprintf(e.stdout, "claimgraph %s\n", afVersion())
		if err != nil {
			return e.fail("af", err)
		}
		return 0
	}
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
	case *asJSON && *problem == "" && *file == "" && *arg == "" && *formatName == "":
		return e.emit("af", true, map[string]string{"name": "claimgraph", "version": afVersion()}, nil)
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
	f, err := af.ReadOptions{MaxBytes: int64(e.maxBytes)}.ReadFile(*file, format)
	if err != nil {
		return e.failRead("af", err)
	}
	res := afResult{task: prob.Task, head: afHead{Problem: *problem, File: *file, Format: format.String(),
		Arguments: f.Len(), Attacks: f.NumAttacks()}}
	// names keeps nil (no certificate) apart from empty (the empty set).
	names := func(ext []int) []string {
		if ext == nil {
			return nil
		}
		s := []string{}
		for _, i := range ext {
			s = append(s, f.Name(i))
		}
		return s
	}
	switch prob.Task {
	case af.SE:
		ext, ok, err := af.SomeExtension(f, prob.Semantics)
		if err != nil {
			return e.fail("af", err)
		}
		res.exists = ok
		if ok {
			res.extension = names(ext)
		}
	case af.EE:
		exts, err := af.Extensions(f, prob.Semantics)
		if err != nil {
			return e.fail("af", err)
		}
		res.extensions = [][]string{}
		for _, ext := range exts {
			res.extensions = append(res.extensions, names(ext))
		}
	default:
		a := f.Index(*arg)
		if a < 0 {
			return e.fail("af", fmt.Errorf("no argument %s in %s", claims.Quote(*arg), *file))
		}
		ok, cert, err := af.Decide(f, prob, a)
		if err != nil {
			return e.fail("af", err)
		}
		res.argument, res.accepted, res.extension = *arg, ok, names(cert)
	}
	return e.emit("af", *asJSON, res, res.write)
}

// afVersion returns the version of the module the tool was built from, or
// "devel" for a build from a working tree.
func afVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

// write prints the result in the ICCMA 2023 notation.
func (r afResult) write(w io.Writer) error {
	var lines []string
	switch r.task {
	case af.SE:
		if !r.exists {
			lines = []string{"NO"}
			break
		}
		lines = []string{witness(r.extension)}
	case af.EE:
		parts := make([]string, len(r.extensions))
		for i, ext := range r.extensions {
			parts[i] = "[" + strings.Join(quoteNames(ext), ",") + "]"
		}
		lines = []string{"[" + strings.Join(parts, ",") + "]"}
	default:
		lines = []string{"NO"}
		if r.accepted {
			lines[0] = "YES"
		}
		if r.extension != nil {
			lines = append(lines, witness(r.extension))
		}
	}
	_, err := fmt.Fprintln(w, strings.Join(lines, "\n"))
	return err
}

// witness returns the ICCMA line of an extension, "w 1 4 7", or "w" for
// the empty one.
func witness(ext []string) string {
	return strings.TrimSpace("w " + strings.Join(quoteNames(ext), " "))
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
