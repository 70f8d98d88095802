// The check command: validate a claim graph file.
//
//	claimgraph check FILE [--json]
//
// It loads FILE with graph.Load and prints every problem found as
// "FILE:LINE:COL: message", in the order of the file, or "FILE: message"
// for a problem without a position (a file that cannot be read). The exit
// status is 1 when there is any problem. A valid file prints
// "FILE: ok (N entities, N sources, N claims, N relations)" and exits 0.
//
// With --json it prints one object:
//
//	{
//	  "file": "testdata/x.yaml",
//	  "ok": false,
//	  "counts": null,
//	  "problems": [{"file": "testdata/x.yaml", "line": 3, "column": 7, "id": "kim",
//	                "field": "kind", "message": "entity \"kim\": kind: ..."}, ...],
//	  "warnings": ["claim \"a\": review.url: invalid URL ...", ...],
//	  "warnings_at": [{"file": "testdata/x.yaml", "line": 9, "column": 52, "id": "a",
//	                   "field": "review.url", "message": "claim \"a\": review.url: invalid URL ..."}]
//	}
//
// where "counts" is the value of the report's counts section (see
// report.go) when the file is valid and null otherwise, "problems" is empty
// (never null) for a valid file, and "line" and "column" are 0 for a problem
// without a position.
//
// A valid file may have warnings, which do not fail it: two source
// records with one URL are likely one source, which the verdicts would
// count as two independent origins; merge them (edit --merge) or tell
// them apart. URLs compare with the scheme and host in any case, http
// and https alike, a leading "www." and a final "/" left out, and the
// fragment kept (two posts of a live blog are two sources); sources that
// derive from one another are not warned about. An appearance whose via
// is its own source says nothing by it: drop the via. A claim's about
// that names one entity twice (written twice, or once through an alias)
// names it once too many.
// A source derived from (republishing, quoting, citing, translating) a
// source published wholly after it has a wrong date or derivation. A
// review's url that is not an absolute http or https URL
// ("javascript:alert(1)", "/reviews/a"; sources.CheckURL) loads, but the
// ClaimReview export leaves it out: write the page's web address. Each
// is printed on standard error as "claimgraph check: FILE: warning: …",
// or "claimgraph check: FILE:LINE:COL: warning: …" for one with a place
// in the file (the review's URL, given first, in the order of the file),
// and listed in the JSON's "warnings" (never null); those with a place
// are listed again in "warnings_at" (never null) as problems are, with
// the claim's ID and the field.

package main

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
)

// jsonProblem is the JSON value of one problem of a checked file.
type jsonProblem struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	ID      string `json:"id"`
	Field   string `json:"field"`
	Message string `json:"message"`
}

// jsonCheck is the JSON document of the check command.
type jsonCheck struct {
	File     string        `json:"file"`
	OK       bool          `json:"ok"`
	Counts   any           `json:"counts"`
	Problems []jsonProblem `json:"problems"`
	Warnings []string      `json:"warnings"`
	// WarningsAt is each warning that has a place in the file.
	WarningsAt []jsonProblem `json:"warnings_at"`
}

// sharedURLs returns a warning for each URL that more than one source of
// v gives, naming them in the order of the graph, in the order of their
// first source, unless every one of them derives from another of them
// (an informant and the article that quotes it may give the article's
// URL): the verdicts count such sources as one origin already. The
// warning counts the origins they may make: the groups of sources that
// derive from one another directly. O(sources + derivations).
func sharedURLs(v graph.View) []string {
	var keys []string
	by := make(map[string][]string)
	for s := range v.Sources() {
		if s.URL == "" {
			continue
		}
		k := urlKey(s.URL)
		if len(by[k]) == 0 {
			keys = append(keys, k)
		}
		by[k] = append(by[k], s.ID)
	}
	var out []string
	for _, k := range keys {
		ids := by[k]
		if len(ids) < 2 {
			continue
		}
		if n := origins(v, ids); n > 1 {
			out = append(out, fmt.Sprintf("sources %s share the URL %s: likely one source, which the verdicts may count as %d independent origins; merge them (edit --merge) or tell them apart",
				quoteList(ids), claims.Quote(k), n))
		}
	}
	return out
}

// selfVias returns a warning for each appearance whose via is its own
// source ({source: s1, via: s1}), in the order of the graph.
// O(appearances).
func selfVias(v graph.View) []string {
	var out []string
	for c := range v.Claims() {
		for j, a := range c.Appearances {
			if a.Via != "" && a.Via == a.Source {
				out = append(out, fmt.Sprintf("claim %s: appearances[%d]: via %s is its own source: drop the via",
					claims.Quote(c.ID), j, claims.Quote(a.Via)))
			}
		}
	}
	return out
}

// twiceAbout returns a warning for each claim whose about names one
// entity twice, once for each such entity, in the order of the graph:
// written twice, or once through an alias (about: [eold, e], with eold
// merged into e). The graph holds the entity an alias names, so the
// warning cannot tell which. O(claims × about).
func twiceAbout(v graph.View) []string {
	var out []string
	for c := range v.Claims() {
		if len(c.About) < 2 {
			continue
		}
		seen := make(map[string]int, len(c.About))
		for _, id := range c.About {
			e := id // the graph holds the entity an alias names; resolve it all the same
			if r, _ := v.Resolve(id); r != "" {
				e = r // not v.Entity(id).ID, which copies the entity's aliases for each claim
			}
			if seen[e]++; seen[e] == 2 {
				out = append(out, fmt.Sprintf("claim %s: about names entity %s twice (perhaps once through an ID merged into it): drop one",
					claims.Quote(c.ID), claims.Quote(e)))
			}
		}
	}
	return out
}

// lateOrigins returns a warning for each derivation of a source from a
// source published wholly after it (a republication older than what it
// republishes), in the order of the graph: one of the dates, or the
// derivation, is wrong, and the origins the verdicts count rest on it.
// Partial dates compare as intervals (claims.Date.Before). O(sources +
// derivations).
func lateOrigins(v graph.View) []string {
	var out []string
	for s := range v.Sources() {
		if s.Published.IsZero() {
			continue
		}
		for _, d := range s.DerivedFrom {
			o, ok := v.SourceInfo(d.Source)
			if !ok || o.ID == s.ID || !s.Published.Before(o.Published) {
				continue
			}
			kind, _ := d.Kind.MarshalText()
			out = append(out, fmt.Sprintf("source %s, published %s, %s %s, published %s, after it: a date or the derivation is wrong",
				claims.Quote(s.ID), s.Published, kind, claims.Quote(o.ID), o.Published))
		}
	}
	return out
}

// origins returns the number of groups of the sources ids whose members
// derive from one another directly (quote, cite, republish or translate
// one another), a union-find over their derivations.
func origins(v graph.View, ids []string) int {
	up := make(map[string]string, len(ids))
	for _, id := range ids {
		up[id] = id
	}
	root := func(id string) string {
		for up[id] != id {
			up[id] = up[up[id]]
			id = up[id]
		}
		return id
	}
	n := len(ids)
	for _, id := range ids {
		s, _ := v.Source(id)
		for _, d := range s.DerivedFrom {
			if _, ok := up[d.Source]; !ok {
				continue
			}
			if a, b := root(id), root(d.Source); a != b {
				up[a] = b
				n--
			}
		}
	}
	return n
}

// urlKey is what two URLs of one page share: the URL with its scheme and
// host in lower case, http as https, without a leading "www." and its
// path without a final "/". The fragment stays: two posts of a live blog, page#post-1
// and page#post-2, are two sources.
func urlKey(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	u.Scheme, u.Host = strings.ToLower(u.Scheme), strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	if u.Scheme == "http" {
		u.Scheme = "https"
	}
	u.Path, u.RawPath = strings.TrimSuffix(u.Path, "/"), strings.TrimSuffix(u.RawPath, "/")
	return u.String()
}

// quoteList quotes each of ids and joins them with commas and "and".
func quoteList(ids []string) string {
	q := make([]string, len(ids))
	for i, id := range ids {
		q[i] = strconv.Quote(id)
	}
	return andList(q)
}

// errorList returns the problems of err, an error of graph.Load: its
// graph.ErrorList, or its one *graph.Error; nil for an error of neither
// kind.
func errorList(err error) graph.ErrorList {
	var list graph.ErrorList
	if !errors.As(err, &list) {
		var one *graph.Error
		if errors.As(err, &one) {
			list = graph.ErrorList{one}
		}
	}
	return list
}

// problems turns the error of graph.Load on file into a list of problems.
func problems(file string, err error) []jsonProblem {
	list := errorList(err)
	if len(list) == 0 {
		return []jsonProblem{{File: file, Message: err.Error()}}
	}
	out := make([]jsonProblem, 0, len(list))
	for _, e := range list {
		p := jsonProblem{File: e.File, Line: e.Line, Column: e.Column, ID: e.ID, Field: e.Field, Message: e.Message()}
		if p.File == "" {
			p.File = file
		}
		out = append(out, p)
	}
	return out
}

// problemLine formats p as check prints it: "FILE:LINE:COL: message", or
// "FILE: message" without a position, the position as
// [claims.Position.String] writes it.
func problemLine(p jsonProblem) string {
	return p.at().String() + ": " + safe(p.Message)
}

// at returns the position of p.
func (p jsonProblem) at() claims.Position {
	return claims.Position{File: p.File, Line: p.Line, Column: p.Column}
}

// printProblems prints each problem on a line of its own.
func printProblems(w io.Writer, ps []jsonProblem) {
	for _, p := range ps {
		fmt.Fprintln(w, problemLine(p))
	}
}

// runCheck runs "claimgraph check FILE".
func runCheck(e *env, args []string) int {
	fs, asJSON := newFlags("check", e)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) != 1 {
		return e.usageError("check", "want 1 argument, FILE; got %d", len(pos))
	}
	file := pos[0]
	doc := jsonCheck{File: file, Problems: []jsonProblem{}, Warnings: []string{}, WarningsAt: []jsonProblem{}}
	g, err := e.openWarn(file, func(w *graph.Error) {
		doc.WarningsAt = append(doc.WarningsAt, problems(file, w)...)
	})
	if err != nil {
		doc.Problems = problems(file, err)
		e.sizeHint("check", err)
	} else {
		doc.OK = true
		doc.Counts, _ = countsJSON(e, g.View)
		for _, p := range doc.WarningsAt {
			doc.Warnings = append(doc.Warnings, p.Message)
		}
		doc.Warnings = append(doc.Warnings, slices.Concat(sharedURLs(g.View), selfVias(g.View), twiceAbout(g.View), lateOrigins(g.View))...)
		for i, w := range doc.Warnings {
			where := file
			if i < len(doc.WarningsAt) {
				where = doc.WarningsAt[i].at().String()
			}
			fmt.Fprintf(e.stderr, "claimgraph check: %s: warning: %s\n", safe(where), safe(w))
		}
	}
	code := e.emit("check", *asJSON, doc, func(w io.Writer) error {
		if doc.OK {
			c := g.Counts()
			fmt.Fprintf(w, "%s: ok (%s, %s, %s, %s)\n", file, plural(c.Entities, "entity"), plural(c.Sources, "source"),
				plural(c.Claims, "claim"), plural(c.Supports+c.Contradictions+c.Decisions, "relation"))
			return nil
		}
		printProblems(w, doc.Problems)
		return nil
	})
	if !doc.OK {
		return 1
	}
	return code
}
