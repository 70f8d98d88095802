// The merge command: the union of two claim graph files, from two desks.
//
//	claimgraph merge A B -o OUT [--prefer a|b] [--json]
//
// OUT holds every item of A in A's order, then every item of B that A
// lacks in B's order (see graph.Union), written atomically in the format
// OUT's name ends with, as every command reads it: .json for JSON,
// .jsonl for JSON Lines, .nq and .ttl for RDF (as export writes it),
// anything else YAML. A and B may be YAML or JSON (an RDF file is
// refused with a message: import it first).
// When A and OUT are YAML, OUT is A's text changed into the union, as
// "claimgraph edit" changes a file (see graph.UnionTo): A's comments,
// blank lines, quoting, flow style and order stay, an item the union
// changes has only its changed fields written anew, an item merged away
// loses its lines, and B's new items are appended to their sections as
// B writes them, with B's comments, when B is YAML and holds them as the
// union does. So "merge ours.yaml theirs.yaml -o ours.yaml" changes only
// what theirs.yaml brings (and is not saved if ours.yaml changed while
// it ran). A JSON A, a JSON or JSON Lines OUT, or a YAML A whose text
// edit cannot change in place (flow style at the top, merge keys) is
// written as the writer writes the union.
//
// Items with one ID must agree, and so must the relations of a pair of
// claims: otherwise every conflict is reported as "A-FILE:LINE:COL: KIND
// "ID" differs from B-FILE:LINE:COL in FIELDS" (or ": WHAT", when no
// field says it), nothing is written and the exit status is 1; --prefer
// a or b keeps that file's side and lists the conflicts it resolved.
// What is not a conflict: the order of a claim's appearances and about,
// of an entity's aliases, of a source's derived_from and of a relation's
// sources (the same items in another order are equal), merged lists (joined), and a symmetric
// relation written the other way round (a contradicts c, c contradicts
// a). A relation that clashes with the other file's (a contradicts c in
// A, a supports c in B) is a conflict that --prefer resolves. Items of
// different kinds under one ID are a conflict no --prefer resolves, and
// so is a relation that the other desk's merge would turn into one of a
// claim with itself (a contradicts c in A, c merged into a in B): the
// desks disagree on whether a and c are one claim, and neither side can
// be kept whole (undoing B's merge leaves on a what B moved there from
// c; keeping it drops a relation A asserts), so an editor settles it in
// one file, removing the relation or undoing the merge. A same_as
// decision between the two is what the merge carries out: dropped.
//
// An ID that one desk merged into a claim (its merged list) names that
// claim in the union: the other desk's item of that ID is merged into it
// as "claimgraph edit --merge" merges (appearances, relations and review
// move, duplicates collapse), and its relations name the claim. Items
// are compared once those merges are done in both files, so a desk that
// merged b into a agrees with one that has a and b apart, and only what
// still differs is a conflict. What the merges join counts as joined: a
// claim's appearances that a source or entity merge made one (notes
// joined), and two relations of one file that the union makes one (c
// contradicts b and a contradicts c, with b merged into a), whose
// sources and notes are joined into the first, as "edit --merge" joins
// them. Two such relations that differ in validity, confidence or
// asserted_by are a conflict no --prefer resolves, as "edit --merge"
// refuses them: keeping one would drop what the other says. A desk that
// merged b into a keeping a's review over b's published one ("edit
// --merge b=a --drop-published") conflicts with the other desk's b, whose
// published rating the union would drop; --prefer either way settles it
// as the merge did (a's review stays). Two desks that merged one ID into
// different claims, or two claims into each other, conflict.
//
// The exit status is 0 when OUT was written, 1 for conflicts (nothing
// written), 2 for trouble: an unreadable or invalid input, a usage
// error, a failed write. When nothing is written, the problems and
// "nothing written: N problems" go to stderr; with --json the report
// goes to stdout whatever happened.
//
// With --json it prints one object:
//
//	{
//	  "written": "out.yaml",
//	  "prefer": "b",
//	  "counts": {"entities": 1, "sources": 2, "claims": 3, "relations": 2},
//	  "conflicts": [{"kind": "claim", "id": "c", "fields": ["text", "appearances"], "note": "",
//	                 "a": "a.yaml:8:5", "b": "b.yaml:9:5"}],
//	  "problems": []
//	}
//
// "written" is "" when nothing was written; "note" says what disagrees
// when no field does ("a.yaml merges it into "a", b.yaml into "c""), ""
// otherwise; "problems" holds every problem as "FILE:LINE:COL: message"
// (the conflicts, when no --prefer resolves them). Lists are arrays,
// never null.

package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

type mergeConflict struct {
	Kind   string   `json:"kind"`
	ID     string   `json:"id"`
	Fields []string `json:"fields"`
	Note   string   `json:"note"`
	A      string   `json:"a"`
	B      string   `json:"b"`
}

type mergeCounts struct {
	Entities  int `json:"entities"`
	Sources   int `json:"sources"`
	Claims    int `json:"claims"`
	Relations int `json:"relations"`
}

type mergeReport struct {
	Written   string          `json:"written"`
	Prefer    string          `json:"prefer"`
	Counts    mergeCounts     `json:"counts"`
	Conflicts []mergeConflict `json:"conflicts"`
	Problems  []string        `json:"problems"`
}

// problemLines lists err as lines for a report: each problem, as check
// prints it ("FILE:LINE:COL: message", "FILE: message" where it has a
// file and no position), or its message alone where it has neither.
func problemLines(err error) []string {
	ps := problems("", err)
	out := make([]string, 0, len(ps))
	for _, p := range ps {
		if p.Line > 0 || p.File != "" {
			out = append(out, problemLine(p))
		} else {
			out = append(out, safe(p.Message))
		}
	}
	return out
}

func runMerge(e *env, args []string) int {
	fs, asJSON := newFlags("merge", e)
	out := fs.String("o", "", "write the union to `OUT` (.yaml, .json, .jsonl, .nq or .ttl)")
	prefer := fs.String("prefer", "", "on a conflict keep the item of file `a` or b")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) != 2 {
		return e.usageError("merge", "want 2 arguments, A and B; got %d", len(pos))
	}
	if *out == "" {
		return e.usageError("merge", "-o OUT is required")
	}
	p := map[string]graph.Prefer{"": graph.PreferNone, "a": graph.PreferA, "b": graph.PreferB}
	pref, ok := p[*prefer]
	if !ok {
		return e.usageError("merge", "--prefer: want a or b, got %q", *prefer)
	}
	rep := mergeReport{Prefer: *prefer, Conflicts: []mergeConflict{}, Problems: []string{}}
	var g *graph.Graph
	var conflicts []graph.Conflict
	if _, isRDF := rdfSyntax[filepath.Ext(*out)]; isRDF {
		// graph.UnionTo writes no RDF: the union is written as export
		// writes it.
		if g, conflicts, err = e.readOptions().Union(pos[0], pos[1], pref); err == nil {
			err = saveGraph(g, *out)
		}
	} else {
		g, conflicts, err = e.readOptions().UnionTo(pos[0], pos[1], *out, pref)
	}
	for _, c := range conflicts {
		rep.Conflicts = append(rep.Conflicts, mergeConflict{Kind: c.Kind, ID: c.ID, Fields: orEmpty(c.Fields), Note: c.Note, A: c.A.String(), B: c.B.String()})
	}
	if err != nil {
		rep.Problems = problemLines(err)
	} else {
		rep.Written = *out
		c := g.Counts()
		rep.Counts = mergeCounts{c.Entities, c.Sources, c.Claims, c.Supports + c.Contradictions + c.Decisions}
	}
	text := rep.write
	if rep.Written == "" { // the problems, and that nothing was written, are errors: to stderr
		text = func(io.Writer) error { return rep.write(e.stderr) }
	}
	if code := e.emit("merge", *asJSON, rep, text); code != 0 {
		return e.trouble()
	}
	if rep.Written == "" {
		e.sizeHint("merge", err)
		if onlyConflicts(err) {
			return 1
		}
		return 2
	}
	return 0
}

// onlyConflicts reports whether every problem of err is a conflict
// between the two files (graph.ErrConflict), rather than trouble with
// one of them or with the output.
func onlyConflicts(err error) bool {
	var list graph.ErrorList
	if !errors.As(err, &list) || len(list) == 0 {
		return false
	}
	for _, e := range list {
		if !errors.Is(e, graph.ErrConflict) {
			return false
		}
	}
	return true
}

// write prints the report as text.
func (r mergeReport) write(w io.Writer) error {
	for _, p := range r.Problems {
		fmt.Fprintln(w, p)
	}
	if r.Written == "" {
		fmt.Fprintf(w, "nothing written: %s\n", plural(len(r.Problems), "problem"))
		return nil
	}
	c := r.Counts
	fmt.Fprintf(w, "wrote %s: %s, %s, %s, %s\n", r.Written, plural(c.Entities, "entity"), plural(c.Sources, "source"),
		plural(c.Claims, "claim"), plural(c.Relations, "relation"))
	if len(r.Conflicts) > 0 {
		fmt.Fprintf(w, "%s resolved in favour of %s:\n", plural(len(r.Conflicts), "conflict"), r.Prefer)
		for _, k := range r.Conflicts {
			fmt.Fprintf(w, "  %s %s: %s and %s", k.Kind, k.ID, k.A, k.B)
			if len(k.Fields) > 0 {
				fmt.Fprintf(w, " (%s)", strings.Join(k.Fields, ", "))
			}
			if k.Note != "" {
				fmt.Fprintf(w, " (%s)", safe(k.Note))
			}
			fmt.Fprintln(w)
		}
	}
	return nil
}
