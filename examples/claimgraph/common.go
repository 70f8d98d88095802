// Helpers shared by the report, check and query commands: finding the
// default data file, loading a graph, wrapping text to the page width and
// the JSON values of claims, sources, entities and relations that every
// command prints the same way.
//
// JSON values shared by the commands (field names are stable; optional
// strings are present and empty when the data has no value):
//
//	claim:    {"id": "...", "text": "...", "sources": [source, ...], "columns": {"key": "value"},
//	           "column_values": {"independent_origins": 1, "verdict": {"label": "accepted",
//	             "rating": {"name": "Unproven", "value": 3}, "since": "", "lent": 0, "capped": false,
//	             "evidence": 1}}}
//	source:   {"id": "...", "publisher": "...", "title": "...", "kind": "news-article",
//	           "published": "2024-06-19", "url": "..."}
//	entity:   {"id": "...", "name": "...", "kind": "person"}
//	relation: {"from": "...", "to": "...", "kind": "supports", "sources": ["source-id", ...],
//	           "note": "...", "confidence": 0.9, "asserted_by": "..."}
//
// A claim's "sources" are the distinct sources it appears in, in the order
// of its appearances; "columns" holds the values of the claim columns
// (claimColumns in report.go) as the text prints them, and is left out
// when there are none; "column_values" holds the same values typed, a
// number as a number and the verdict as an object whose label and rating
// are those of the verdicts command ("columns" stays as it was, text, for
// the programs that read it). A
// relation's "confidence" is 0 when not given.

package main

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/af"
	"github.com/claimgraph/claimgraph/graph/rdf"
	"github.com/claimgraph/claimgraph/graph/timeline"
	"github.com/claimgraph/claimgraph/sources"
	"github.com/claimgraph/claimgraph/sources/truth"
)

// modulePath is the module whose root holds the default data file.
const modulePath = "github.com/claimgraph/claimgraph"

// defaultFile is the data file of the report when none is given, relative
// to the module root.
const defaultFile = "testdata/kim-putin.yaml"

// pageWidth is the width text output is wrapped to.
const pageWidth = 100

// errNoModuleRoot reports that no enclosing directory holds the go.mod of
// modulePath.
var errNoModuleRoot = errors.New("no go.mod of module " + modulePath + " in this directory or above")

// moduleRoot returns the nearest directory at or above dir whose go.mod
// declares modulePath.
func moduleRoot(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		if data, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil && goModPath(data) == modulePath {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errNoModuleRoot
		}
		dir = parent
	}
}

// goModPath returns the module path declared by the go.mod contents data,
// or "" when there is none.
func goModPath(data []byte) string {
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) >= 2 && f[0] == "module" {
			return strings.Trim(f[1], `"`)
		}
	}
	return ""
}

// defaultPath returns the path of defaultFile under the module root found
// from the current directory.
func defaultPath() (string, error) {
	root, err := moduleRoot(".")
	if err != nil {
		return "", err
	}
	return filepath.Join(root, filepath.FromSlash(defaultFile)), nil
}

// loadGraph loads the graph at path for command cmd, in the format its
// name says (graph.Open), showing progress on a terminal. On failure it
// prints the error to e.stderr and returns nil and exit status 1.
func loadGraph(e *env, cmd, path string) (*graph.Graph, int) {
	g, err := e.open(path)
	if err != nil {
		code := e.failRead(cmd, err)
		return nil, code
	}
	return g, 0
}

// failRead reports err, the failure of a reader of command cmd, with
// the hint of sizeHint, and returns exit status 1.
func (e *env) failRead(cmd string, err error) int {
	code := e.fail(cmd, err)
	e.sizeHint(cmd, err)
	return code
}

// sizeHint tells how to raise the limit when err is a file over the size
// limit of a reader that --max-bytes sets (graph, rdf, af, truth), or
// JSON Lines over its items: one hint, in one place, for every reader.
// The readers of package graph/imports have a fixed limit
// (imports.MaxBytes) that no flag raises, so they get no hint.
func (e *env) sizeHint(cmd string, err error) {
	switch {
	case errors.Is(err, graph.ErrTooManyItems):
		fmt.Fprintf(e.stderr, "claimgraph %s: --max-items N raises the limit (such as --max-items 16777216)\n", cmd)
	case errors.Is(err, graph.ErrTooLarge), errors.Is(err, rdf.ErrTooLarge), errors.Is(err, af.ErrInputTooLarge),
		errors.Is(err, truth.ErrTooLarge):
		fmt.Fprintf(e.stderr, "claimgraph %s: --max-bytes SIZE raises the limit (such as --max-bytes 256MiB)\n", cmd)
	}
}

// open reads the graph at path like graph.Open, showing progress on a
// terminal.
func (e *env) open(path string) (*graph.Graph, error) { return e.openWarn(path, nil) }

// openWarn is open, telling warn, when not nil, of what the read
// accepts but warns of, with its place (graph.ReadOptions.Warn); an RDF
// file, which holds no reviews, has no such warning.
func (e *env) openWarn(path string, warn func(*graph.Error)) (*graph.Graph, error) {
	if syntax, ok := rdfSyntax[filepath.Ext(path)]; ok {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return rdf.Read(f, path, syntax, e.rdfLimits())
	}
	o := e.readOptions()
	o.Warn = warn
	return o.Open(path)
}

// readOptions returns the limits of the graph readers that --max-bytes
// and --max-items set, with progress on a terminal.
func (e *env) readOptions() graph.ReadOptions {
	return graph.ReadOptions{MaxBytes: int64(e.maxBytes), MaxItems: int(e.maxItems), Progress: e.onProgress()}
}

// rdfLimits returns the limits of the RDF readers that --max-bytes sets.
func (e *env) rdfLimits() rdf.Limits { return rdf.Limits{MaxBytes: int64(e.maxBytes)} }

// rdfSyntax maps the extensions of RDF files, which every command reads
// as the export wrote them (package graph/rdf), to their syntax; graph.Open
// cannot, since package rdf imports package graph.
var rdfSyntax = map[string]rdf.Syntax{".nq": rdf.NQuads, ".ttl": rdf.Turtle}

// writeGraph writes g to w in the format of the graph file path, as
// e.open reads it: RDF for .nq and .ttl, as export writes it (the
// default base and graph: a file written with export --base or --graph
// gets the default IRIs back, the same items), else what
// graph.Graph.Save writes (JSON, JSON Lines, YAML, the last for "" too:
// standard output).
func writeGraph(w io.Writer, g *graph.Graph, path string) error {
	switch syntax, ok := rdfSyntax[filepath.Ext(path)]; {
	case ok && syntax == rdf.NQuads:
		return rdf.WriteNQuads(w, g.View, rdf.Options{})
	case ok:
		return rdf.WriteTurtle(w, g.View, rdf.Options{})
	}
	return g.Encode(w, path)
}

// saveGraph writes g to the file at path safely (graph.SaveWith), in the
// format its name says (writeGraph): every command that writes a graph
// file writes it so, and never YAML into a file named for another
// format.
func saveGraph(g *graph.Graph, path string) error {
	return graph.SaveWith(path, func(w io.Writer) error { return writeGraph(w, g, path) })
}

// readLimit returns the size limit that the reader of the graph file
// path applies under e's flags: --max-bytes when given, else the
// default of the reader of its format (YAML for "", standard output).
func (e *env) readLimit(path string) int64 {
	switch _, isRDF := rdfSyntax[filepath.Ext(path)]; {
	case e.maxBytes > 0:
		return int64(e.maxBytes)
	case isRDF:
		return rdf.DefaultMaxBytes
	case strings.HasSuffix(path, ".jsonl"):
		return graph.DefaultMaxBulkBytes
	case strings.HasSuffix(path, ".json"):
		return graph.DefaultMaxJSONBytes
	}
	return graph.DefaultMaxBytes
}

// loadArgs parses the arguments of a query command that takes "FILE ID"
// and loads the graph; flags add the command's own flags to the flag set
// before parsing. It returns the graph, the ID, whether --json was given,
// and an exit status that is nonzero when the command must stop.
func loadArgs(e *env, cmd string, args []string, flags ...func(*flag.FlagSet)) (g *graph.Graph, id string, asJSON bool, code int) {
	fs, jsonFlag := newFlags(cmd, e)
	for _, f := range flags {
		f(fs)
	}
	pos, err := parseArgs(fs, args)
	if err != nil {
		return nil, "", false, 2
	}
	if len(pos) != 2 {
		return nil, "", false, e.usageError(cmd, "want 2 arguments, FILE and an ID; got %d", len(pos))
	}
	g, code = loadGraph(e, cmd, pos[0])
	if g == nil {
		return nil, "", false, code
	}
	if code := e.useTrust(cmd, g.View); code != 0 {
		return nil, "", false, code
	}
	return g, e.resolve(cmd, g.View, pos[1]), *jsonFlag, code
}

// resolve returns the ID of the item that id names in v: id itself, or,
// for an ID merged into another item, that item's, saying so on
// standard error ("claimgraph support: x was merged into z; showing z"),
// so that a look-up by an old ID answers for the item it became.
func (e *env) resolve(cmd string, v graph.View, id string) string {
	canon, aliased := v.Resolve(id)
	if !aliased {
		return id
	}
	fmt.Fprintf(e.stderr, "claimgraph %s: %s was merged into %s; showing %s\n", cmd, safe(id), canon, canon)
	return canon
}

// wrap writes text to w in lines of at most pageWidth characters: the
// first line starts with first, the others with rest (both usually
// spaces, narrower than the page). It breaks at spaces, and inside a word
// only when the word alone is wider than a line. Empty text writes first
// alone.
func wrap(w io.Writer, first, rest, text string) {
	prefix := first
	var line []string // the words of the current line
	n := 0            // its width without the prefix
	emit := func() {
		fmt.Fprintln(w, strings.TrimRight(prefix+strings.Join(line, " "), " "))
		prefix, line, n = rest, nil, 0
	}
	room := func() int { return max(pageWidth-utf8.RuneCountInString(prefix), 1) }
	for _, word := range strings.Fields(safe(text)) {
		r := []rune(word)
		for len(r) > room() {
			if len(line) > 0 {
				emit()
			}
			k := room()
			line = []string{string(r[:k])}
			r = r[k:]
			emit()
		}
		if len(r) == 0 {
			continue
		}
		if len(line) > 0 && n+1+len(r) > room() {
			emit()
		}
		if len(line) > 0 {
			n++
		}
		line = append(line, string(r))
		n += len(r)
	}
	if len(line) > 0 || prefix == first {
		emit()
	}
}

// plural returns n and noun, the noun in the plural unless n is 1: "1
// claim", "2 claims", "0 entities". noun is singular; its last word takes
// the plural ("2 independent origins"), -es after s, x, z, ch and sh,
// -ies for a y after a consonant, else -s. Every count in text output is
// printed with it, so that none reads "1 claims".
func plural(n int, noun string) string {
	if n != 1 {
		switch last := noun[strings.LastIndexByte(noun, ' ')+1:]; {
		case strings.HasSuffix(last, "y") && len(last) > 1 && !strings.ContainsRune("aeiou", rune(last[len(last)-2])):
			noun = noun[:len(noun)-1] + "ies"
		case strings.HasSuffix(last, "s"), strings.HasSuffix(last, "x"), strings.HasSuffix(last, "z"),
			strings.HasSuffix(last, "ch"), strings.HasSuffix(last, "sh"):
			noun += "es"
		default:
			noun += "s"
		}
	}
	return fmt.Sprintf("%d %s", n, noun)
}

// jsonClaim is the JSON value of a claim, with the sources it appears in.
type jsonClaim struct {
	ID           string            `json:"id"`
	Text         string            `json:"text"`
	Sources      []jsonSource      `json:"sources"`
	Columns      map[string]string `json:"columns,omitempty"`
	ColumnValues map[string]any    `json:"column_values,omitempty"`
}

// jsonSource is the JSON value of a source.
type jsonSource struct {
	ID        string `json:"id"`
	Publisher string `json:"publisher"`
	Title     string `json:"title"`
	Kind      string `json:"kind"`
	Published string `json:"published"`
	URL       string `json:"url"`
}

// jsonEntity is the JSON value of an entity.
type jsonEntity struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Kind string `json:"kind"`
}

// jsonRelation is the JSON value of a relation between claims.
type jsonRelation struct {
	From       string   `json:"from"`
	To         string   `json:"to"`
	Kind       string   `json:"kind"`
	Sources    []string `json:"sources"`
	Note       string   `json:"note"`
	Confidence float64  `json:"confidence"`
	AssertedBy string   `json:"asserted_by"`
}

// claimInfo is a claim with what the commands print beside it: the
// sources it appears in and the values of the claim columns.
type claimInfo struct {
	claims.Claim
	Sources []sources.Source
	Columns []columnValue
}

// columnValue is the value of one claim column for one claim, as text
// and typed.
type columnValue struct {
	Key, Value string
	Typed      any
}

// describeClaim looks up claim id in v with its sources and column values.
func (e *env) describeClaim(v graph.View, id string) (claimInfo, error) {
	c, ok := v.Claim(id)
	if !ok {
		// Ask a query for the error, so that it says why (unknown ID,
		// wrong kind or hidden by the view's date).
		_, err := v.SourcesOf(id)
		return claimInfo{}, cmp.Or(err, fmt.Errorf("graph: %w: no claim %s", graph.ErrNotFound, claims.Quote(id)))
	}
	srcs, err := v.SourcesOf(id)
	if err != nil {
		return claimInfo{}, err
	}
	return claimInfo{Claim: c, Sources: srcs, Columns: e.columnValues(v, id)}, nil
}

// json returns the JSON value of ci.
func (ci claimInfo) json() jsonClaim {
	j := jsonClaim{ID: ci.ID, Text: ci.Text, Sources: make([]jsonSource, 0, len(ci.Sources))}
	for _, s := range ci.Sources {
		j.Sources = append(j.Sources, sourceJSON(s))
	}
	if len(ci.Columns) > 0 {
		j.Columns = make(map[string]string, len(ci.Columns))
		j.ColumnValues = make(map[string]any, len(ci.Columns))
		for _, c := range ci.Columns {
			j.Columns[c.Key], j.ColumnValues[c.Key] = c.Value, c.Typed
		}
	}
	return j
}

// write prints ci as text: first and the ID on one line, then the text,
// the column values and the sources on lines starting with indent.
func (ci claimInfo) write(w io.Writer, first, indent string) {
	ci.head(w, first, indent)
	writeSources(w, indent, ci.Sources)
}

// head prints ci as write does, without the sources.
func (ci claimInfo) head(w io.Writer, first, indent string) {
	wrap(w, first, indent, ci.ID)
	wrap(w, indent, indent, ci.Text)
	if len(ci.Columns) > 0 {
		parts := make([]string, len(ci.Columns))
		for i, c := range ci.Columns {
			parts[i] = c.Key + ": " + c.Value
		}
		wrap(w, indent+"[", indent+" ", strings.Join(parts, "; ")+"]")
	}
}

// writeSources prints srcs as a "sources:" list at the given indentation.
func writeSources(w io.Writer, indent string, srcs []sources.Source) {
	if len(srcs) == 0 {
		wrap(w, indent, indent, "sources: none")
		return
	}
	wrap(w, indent, indent, "sources:")
	for _, s := range srcs {
		wrap(w, indent+"- ", indent+"  ", sourceLabel(s))
	}
}

// sourceLabel describes s in one line: publisher, quoted title, date and
// ID, leaving out what s does not have, and its kind when it has neither
// publisher nor title.
func sourceLabel(s sources.Source) string {
	var parts []string
	if s.Publisher == "" && s.Title == "" {
		parts = append(parts, s.Kind.String())
	}
	if s.Publisher != "" {
		parts = append(parts, safe(s.Publisher))
	}
	if s.Title != "" {
		parts = append(parts, fmt.Sprintf("%q", s.Title))
	}
	if !s.Published.IsZero() {
		parts = append(parts, s.Published.String())
	}
	return strings.Join(parts, ", ") + " [" + s.ID + "]"
}

// sourceJSON returns the JSON value of s.
func sourceJSON(s sources.Source) jsonSource {
	return jsonSource{
		ID: s.ID, Publisher: s.Publisher, Title: s.Title, Kind: s.Kind.String(),
		Published: s.Published.String(), URL: s.URL,
	}
}

// entityJSON returns the JSON value of e.
func entityJSON(e claims.Entity) jsonEntity {
	return jsonEntity{ID: e.ID, Name: e.Name, Kind: e.Kind.String()}
}

// relationJSON returns the JSON value of r.
func relationJSON(r claims.Relation) jsonRelation {
	return jsonRelation{
		From: r.From, To: r.To, Kind: r.Kind.String(), Sources: append([]string{}, r.Sources...),
		Note: r.Note, Confidence: r.Confidence, AssertedBy: r.AssertedBy,
	}
}

// apart returns the status of the contradiction r in v when time leaves
// it not live (graph.View.Resolved: the verdicts do not weigh it), 0 when
// it is live: resolved by time, the relation lapsed, or not at v's date
// (timeline.StatusOf). The lists of contradictions mark it with the
// status's words, the queue's (timeline.Status.Words).
func apart(v graph.View, r claims.Relation) timeline.Status {
	return timeline.NotLive(v, r)
}

// apartText returns the JSON value of a status from apart: "" when live.
func apartText(s timeline.Status) string {
	if s == 0 {
		return ""
	}
	return s.String()
}

// relationLine describes the provenance of r in one line ("stated by
// paper-2; confidence 0.8; note: ..."), or "" when it has none.
func relationLine(r claims.Relation) string {
	var parts []string
	if len(r.Sources) > 0 {
		parts = append(parts, "stated by "+strings.Join(r.Sources, ", "))
	}
	if r.AssertedBy != "" {
		parts = append(parts, "asserted by "+safe(r.AssertedBy))
	}
	if r.Confidence != 0 {
		parts = append(parts, fmt.Sprintf("confidence %g", r.Confidence))
	}
	if !r.Validity.IsZero() {
		parts = append(parts, "valid "+r.Validity.String())
	}
	if r.Note != "" {
		parts = append(parts, "note: "+safe(r.Note))
	}
	return strings.Join(parts, "; ")
}
