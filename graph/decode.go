package graph

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph/internal/input"
	"github.com/claimgraph/claimgraph/sources"
	"go.yaml.in/yaml/v3"
)

// FormatVersion is the version of the YAML format this package reads and
// writes, given at the top of every file as "claimgraph: 1".
const FormatVersion = 1

// ReadOptions bounds what a read accepts, so that hostile input is
// rejected quickly with [ErrLimit], and can report how far a read has
// got. The zero value of a field means its default.
//
// Memory is bounded by the input: a file larger than MaxBytes is refused
// from its size before it is read, and a YAML or JSON document may hold
// at most MaxNodes nodes, and at most 65,536 plus one per 4 bytes of
// input, counted by a scan of the bytes before any node is built, and
// at most 65,536 items plus one per 16 bytes. YAML's parser builds the
// whole document's tree (some 250 bytes a node) before it is decoded, so
// a YAML document takes up to 95 times its size at peak (the smallest
// claims; a dense list 65, a generated graph 45): [DefaultMaxBytes],
// 16 MiB, keeps the peak near 1.5 GiB, under 4 GiB, whatever the input.
// Aliases may add at most MaxAliasNodes nodes and MaxAliasBytes bytes of
// text, so that the graph read stays proportional to the input too.
// The JSON reader holds one item's tree at a time, and has a default of
// its own ([DefaultMaxJSONBytes]); larger graphs belong in JSON Lines.
// The README's table of limits has the measurements.
type ReadOptions struct {
	MaxBytes int64 // size of the input; default 16 MiB (JSON: DefaultMaxJSONBytes, JSON Lines: DefaultMaxBulkBytes)
	MaxNodes int   // YAML nodes visited, aliases expanded; default 50 million
	MaxDepth int   // nesting of YAML collections; default 100

	// MaxItems bounds the items of a JSON Lines input, one a line after
	// the header: a line that is not blank and is numbered past
	// MaxItems+1 (blank lines count) refuses the input with
	// [ErrTooManyItems] before any item is decoded. Default
	// [DefaultMaxItems]. YAML and JSON documents have a budget of items
	// by their size instead (see above).
	MaxItems int

	// MaxErrors bounds the problems a read reports: past it they are
	// counted, and the [ErrorList] ends with one problem that says how
	// many more there were (it matches ErrLimit). When the problems of
	// syntax alone pass it, the meaning (references, duplicates) is not
	// checked. Default 100; the
	// JSON Lines reader stops reading at 1000 problems and reports at
	// most 2000.
	MaxErrors int

	// MaxAliasNodes bounds the nodes that aliases add: each alias counts
	// the whole subtree it stands for, with the aliases inside expanded.
	// Default 1 million. YAML input only; JSON has no aliases.
	MaxAliasNodes int

	// MaxAliasBytes bounds the bytes of text (scalars, keys included)
	// that aliases add, counted like MaxAliasNodes, so that a long text
	// anchored once and reused cannot make the graph, and every output
	// written from it, many times the input: one alias of a 1 MB text
	// adds 1 MB. Past it the read fails with [ErrTooLarge] at the alias.
	// Default MaxBytes (after its own default), so that the text a
	// document stands for is at most twice the size limit. YAML only.
	MaxAliasBytes int64

	// Progress, when not nil, is told how many bytes of the input have
	// been read ([StageRead], with the file's size as Total when the
	// input is a file), then once that decoding begins ([StageDecode]).
	Progress func(Progress)

	// Warn, when not nil, is told of each problem that does not refuse
	// the input, once the read has succeeded, in the order of the input:
	// an [*Error] with its position, ID and field, as a problem has. The
	// one such problem is a review's URL that is not a web address
	// (sources.CheckURL; the error wraps sources.ErrInvalidURL, as
	// "javascript:alert(1)" does): files holding one load as they always
	// have, and the writers of reviews leave it out (package
	// graph/claimreview). A read that fails tells Warn nothing.
	Warn func(*Error)
}

// Default limits of [ReadOptions].
const (
	DefaultMaxBytes      = 16 << 20
	DefaultMaxNodes      = 50_000_000
	DefaultMaxDepth      = 100
	DefaultMaxAliasNodes = 1_000_000
	DefaultMaxErrors     = 100
)

func (o ReadOptions) withDefaults() ReadOptions {
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MaxNodes <= 0 {
		o.MaxNodes = DefaultMaxNodes
	}
	if o.MaxDepth <= 0 {
		o.MaxDepth = DefaultMaxDepth
	}
	if o.MaxAliasNodes <= 0 {
		o.MaxAliasNodes = DefaultMaxAliasNodes
	}
	if o.MaxAliasBytes <= 0 {
		o.MaxAliasBytes = o.MaxBytes
	}
	if o.MaxErrors <= 0 {
		o.MaxErrors = DefaultMaxErrors
	}
	return o
}

// Load reads a graph from the YAML file at path with default limits. On
// error it returns an [ErrorList] of every problem found, each with the
// file, line and column.
func Load(path string) (*Graph, error) { return ReadOptions{}.Load(path) }

// Load reads a graph from the YAML file at path within the limits of o.
func (o ReadOptions) Load(path string) (*Graph, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("graph: %w", err)
	}
	defer f.Close()
	return o.ReadYAML(f, path)
}

// ReadYAML reads a graph in the YAML format from r, with default limits;
// name is the file name used in errors.
func ReadYAML(r io.Reader, name string) (*Graph, error) { return ReadOptions{}.ReadYAML(r, name) }

// ReadYAML reads a graph in the YAML format from r within the limits of o.
func (o ReadOptions) ReadYAML(r io.Reader, name string) (*Graph, error) {
	o = o.withDefaults()
	data, err := o.read(r, name, false)
	if err != nil {
		return nil, err
	}
	d := newDecoder(name, data, o)
	return d.build(d.decode())
}

// Decode reads the YAML format from r into a [Batch] and checks it as
// [Graph.Apply] would on an empty graph, without building the graph. It
// returns an [ErrorList] of every problem, sorted by position.
func (o ReadOptions) Decode(r io.Reader, name string) (Batch, error) {
	o = o.withDefaults()
	data, err := o.read(r, name, false)
	if err != nil {
		return Batch{}, err
	}
	d := newDecoder(name, data, o)
	b, _, err := d.finish(d.decode())
	return b, err
}

// newDecoder returns a decoder of data, named name in errors, that
// records the position of every field.
func newDecoder(name string, data []byte, o ReadOptions) *decoder {
	return &decoder{file: name, data: data, opts: o, pos: make(map[location]nodePos), reported: make(map[location]bool)}
}

// build finishes a read of b and builds the graph, handing it b's slices.
func (d *decoder) build(b Batch) (*Graph, error) {
	b, p, err := d.finish(b)
	if err != nil {
		return nil, err
	}
	// The input, the positions of its fields and what finds them serve
	// only to report problems: none is left, so let them go before the
	// graph is built, the read's peak of memory (for a bulk read, the
	// input's bytes and the line of every item).
	d.data, d.pos, d.relocate, d.rels = nil, nil, nil, nil
	g := New()
	g.s.apply(&b, p, true)
	return g, nil
}

// read reads all of r, up to the size limit: a file larger than the
// limit is refused from its size, before it is read, and a stream is
// read no further than the first byte past the limit. The error says
// how to raise the limit and, unless bulk (the input is JSON Lines
// already), suggests JSON Lines for a large graph.
func (o ReadOptions) read(r io.Reader, name string, bulk bool) ([]byte, error) {
	var pr *progressReader
	var wrap func(io.Reader, int64) io.Reader
	if o.Progress != nil {
		wrap = func(r io.Reader, size int64) io.Reader {
			pr = &progressReader{r: r, total: size, f: o.Progress}
			return pr
		}
	}
	data, err := input.ReadAll(r, o.MaxBytes, wrap)
	var big *input.TooLarge
	switch {
	case errors.As(err, &big):
		hint := "; ReadOptions.MaxBytes raises the limit"
		if !bulk {
			hint += ", and JSON Lines (.jsonl) is the format for large graphs"
		}
		e := &Error{Position: claims.Position{File: name}, Err: fmt.Errorf("%w: %v%s", ErrTooLarge, big, hint)}
		if big.Data != nil {
			// Point at the first byte past the limit.
			e.Line, e.Column = offsetPosition(big.Data, int(o.MaxBytes))
		}
		return nil, ErrorList{e}
	case err != nil:
		return nil, fmt.Errorf("graph: reading %s: %w", name, err)
	}
	if pr != nil {
		pr.finish()
		o.Progress(Progress{Stage: StageDecode})
	}
	return data, nil
}

// finish completes a read of any format: it names the item of each
// problem found while walking, checks the meaning of the batch (except
// where a value was already reported as malformed), locates every
// problem and sorts them by position. With no problem it returns the
// plan for applying b to an empty graph.
func (d *decoder) finish(b Batch) (Batch, *plan, error) {
	rels := relsOf(&b)
	if d.rels != nil {
		rels = *d.rels
	}
	for _, e := range d.errs {
		if e.ID == "" {
			e.ID = b.itemID(e.loc, &rels)
		}
	}
	var p *plan
	// Past MaxErrors problems of syntax the meaning is not checked: the
	// check would find a problem in most of millions of broken items.
	if len(d.errs) == 0 || d.semantic && d.more == 0 {
		var errs ErrorList
		s := newStore()
		p, errs = s.checkWith(&checker{s: s, rels: d.rels}, &b)
		for _, e := range errs {
			if d.reported[e.loc] {
				continue
			}
			d.locate(e)
			d.add(e)
		}
	}
	if len(d.errs) > 0 {
		return Batch{}, nil, d.sorted()
	}
	if d.opts.Warn != nil {
		d.warn(&b)
	}
	return b, p, nil
}

// warn tells ReadOptions.Warn of each review URL of b that is not a web
// address, located as a problem is, in the order of the input.
func (d *decoder) warn(b *Batch) {
	for i := range b.Claims {
		c := &b.Claims[i]
		if c.Review == nil || c.Review.URL == "" {
			continue
		}
		if err := sources.CheckURL(c.Review.URL); err != nil {
			e := &Error{ID: c.ID, Field: "review.url", Err: err, loc: location{"claim", i, "review.url"}}
			d.locate(e)
			d.opts.Warn(e)
		}
	}
}

// decoder walks the YAML node tree, building a batch and recording the
// position of every field so that problems found later can be located.
type decoder struct {
	file  string
	data  []byte
	opts  ReadOptions
	nodes int
	items int // items of the top level decoded
	// itemBudget bounds items (see countItem); 0 for none, as in the bulk
	// format, whose lines are items.
	itemBudget int
	errs       ErrorList
	more       int // problems found past MaxErrors, counted only
	pos        map[location]nodePos
	reported   map[location]bool
	json       bool // the input is JSON: values have types (see jsonType)
	semantic   bool // the document was well-formed enough to check its meaning
	stop       bool // a limit was hit: give up
	batch      bool // a batch file: the top level may remove and merge (see ApplyYAML)
	whole      bool // JSON: decode the whole tree once scanned, not item by item (for tests to compare the two)

	// relocate, when set, locates a problem of the batch check instead
	// of the position map, reporting whether it could.
	relocate func(*Error) bool
	// rels, when set, is the batch's relations as a bulk read keeps them
	// (see bulkRel), in place of its Relations.
	rels *relList

	paths paths
}

// paths remembers the field paths of recent items ("appearances[1]",
// "appearances[1].source"), which every item of a kind repeats: the walk
// names the field of every value it decodes, and would otherwise build
// most of its strings for them. Each slot holds the last path hashed to
// it; a path is built only when its slot holds another.
type paths struct {
	slots [256]pathSlot
}

type pathSlot struct {
	prefix, key string // the parts joined, key "" for an element
	i           int    // the element's index
	path        string
}

// index returns index(field, i), remembered.
func (p *paths) index(field string, i int) string {
	s := &p.slots[(len(field)*7+i*31+int(lastByte(field)))&(len(p.slots)-1)]
	if s.key != "" || s.i != i || s.prefix != field || s.path == "" {
		*s = pathSlot{prefix: field, i: i, path: index(field, i)}
	}
	return s.path
}

// at returns at(loc, field), the path remembered.
func (p *paths) at(loc location, field string) location {
	if loc.field == "" {
		return location{loc.kind, loc.index, field}
	}
	s := &p.slots[(len(loc.field)*7+len(field)*131+int(lastByte(loc.field))+int(lastByte(field))*17)&(len(p.slots)-1)]
	if s.key != field || s.prefix != loc.field || s.path == "" {
		*s = pathSlot{prefix: loc.field, key: field, path: join(loc.field, field)}
	}
	return location{loc.kind, loc.index, s.path}
}

func lastByte(s string) byte {
	if s == "" {
		return 0
	}
	return s[len(s)-1]
}

// parserDepth is the deepest nesting yaml.v3 parses.
const parserDepth = 10_000

var yamlLine = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

func (d *decoder) decode() Batch {
	var b Batch
	if off, err := checkChars(d.data); off >= 0 {
		d.errAtOffset(off, err)
		return b
	}
	budget := nodeBudget(len(d.data), d.opts.MaxNodes)
	if _, off, _ := countYAML(d.data, budget, d.opts.MaxDepth); off >= 0 {
		d.errAtOffset(off, overBudget("YAML nodes", len(d.data), budget, d.opts.MaxNodes))
		return b
	}
	d.itemBudget = itemBudget(len(d.data))
	dec := yaml.NewDecoder(bytes.NewReader(d.data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			d.errAt(nil, location{}, "", fmt.Errorf("%w: empty document, want a mapping with \"claimgraph: %d\"", ErrSyntax, FormatVersion))
			return b
		}
		d.syntaxError(err)
		return b
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		d.errAt(&extra, location{}, "", fmt.Errorf("%w: more than one YAML document", ErrSyntax))
		return b
	} else if !errors.Is(err, io.EOF) {
		d.syntaxError(err)
		return b
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if !d.shape(root) {
		return b
	}
	d.root(&b, root, func(v *yaml.Node) error {
		if n, err := strconv.Atoi(v.Value); v.Kind != yaml.ScalarNode || v.Tag != "!!int" || err != nil || n != FormatVersion {
			return fmt.Errorf("%w %s: this package reads version %d", ErrVersion, claims.Quote(v.Value), FormatVersion)
		}
		return nil
	}, fmt.Sprintf(`"claimgraph: %d"`, FormatVersion))
	return b
}

// root walks the top-level mapping of a document of either format into
// b. version checks the value of the "claimgraph" field; missing is how
// the format writes that field, for the error when it is absent. A nil
// b is the header of JSON Lines, which holds the version alone.
func (d *decoder) root(b *Batch, root *yaml.Node, version func(v *yaml.Node) error, missing string) {
	d.semantic = true
	seen := false
	allowed := topKeys
	switch {
	case b == nil:
		allowed = "claimgraph"
	case d.batch:
		allowed = batchKeys
	}
	d.mapping(root, location{}, allowed, func(key string, _, v *yaml.Node) bool {
		if d.batch && d.edits(b, key, v) {
			return true
		}
		if key == "claimgraph" {
			seen = true
			if err := version(v); err != nil {
				d.errAt(v, location{}, "", err)
			}
			return true
		}
		sec := sectionByKey(key)
		if sec == nil || b == nil {
			return false
		}
		if r := resolve(v); r != nil && r.Kind == yaml.SequenceNode {
			sec.reserve(b, mappings(r.Content)) // one slice of the right size, not doubling
		}
		d.sequence(v, key, func(i int, n *yaml.Node) { sec.decode(d, b, i, n) })
		return true
	})
	if !seen && !d.stop && root.Kind == yaml.MappingNode { // a read cut short may not have reached it
		d.errAt(root, location{}, "", fmt.Errorf("%w: missing %s at the top", ErrVersion, missing))
	}
}

// shape checks the limits of the document before any other walk, so
// that no later recursion can go deep and no alias bomb is expanded: it
// rejects a document nested deeper than MaxDepth, and one whose aliases
// would make the walk visit more than MaxNodes nodes, or add more than
// MaxAliasNodes nodes or MaxAliasBytes bytes of text, in time
// proportional to the parsed nodes. It reports whether the document is
// within the limits.
func (d *decoder) shape(root *yaml.Node) bool {
	sh := shaper{d: d, size: make(map[*yaml.Node]expanded)}
	return sh.walk(root, 0)
}

// expanded is the size of a node with the aliases inside it expanded.
type expanded struct {
	nodes int   // -1 while the node is walked
	bytes int64 // of its scalars
}

// shaper walks a document in order. YAML defines an anchor before any
// alias to it, so each alias finds the expanded size of its target
// already known, unless the alias lies inside its own target.
type shaper struct {
	d                 *decoder
	size              map[*yaml.Node]expanded // of each anchored node
	total, aliased    int                     // nodes the walk will visit, and those added by aliases
	text, aliasedText int64                   // bytes of the scalars the walk will visit, and those added by aliases
}

func (sh *shaper) walk(n *yaml.Node, level int) bool {
	d := sh.d
	if n.Kind == yaml.AliasNode {
		size, ok := sh.size[n.Alias]
		if n.Alias == nil || !ok || size.nodes < 0 {
			d.errAt(n, location{}, "", fmt.Errorf("%w: alias *%s refers to a node that contains it", ErrSyntax, n.Value))
			return false
		}
		sh.total += size.nodes
		sh.aliased += size.nodes
		sh.text += size.bytes
		sh.aliasedText += size.bytes
		switch {
		case sh.aliased > d.opts.MaxAliasNodes:
			d.errAt(n, location{}, "", fmt.Errorf("%w: aliases expand to more than %d YAML nodes", ErrLimit, d.opts.MaxAliasNodes))
			return false
		case sh.aliasedText > d.opts.MaxAliasBytes:
			d.errAt(n, location{}, "", fmt.Errorf("%w: aliases expand to more than %d bytes of text; ReadOptions.MaxAliasBytes raises the limit (by default MaxBytes, the size limit)", ErrTooLarge, d.opts.MaxAliasBytes))
			return false
		case sh.total > d.opts.MaxNodes:
			d.errAt(n, location{}, "", fmt.Errorf("%w: more than %d YAML nodes (aliases expanded)", ErrLimit, d.opts.MaxNodes))
			return false
		}
		return true
	}
	if level > d.opts.MaxDepth {
		d.errAt(n, location{}, "", fmt.Errorf("%w: nested deeper than %d levels", ErrLimit, d.opts.MaxDepth))
		return false
	}
	start, startText := sh.total, sh.text
	sh.total++
	if n.Kind == yaml.ScalarNode {
		sh.text += int64(len(n.Value))
	}
	if n.Anchor != "" {
		sh.size[n] = expanded{nodes: -1}
	}
	for _, c := range n.Content {
		if !sh.walk(c, level+1) {
			return false
		}
	}
	if n.Anchor != "" {
		// Sizes stay below the parsed nodes and bytes plus the alias
		// limits, so they cannot overflow.
		sh.size[n] = expanded{sh.total - start, sh.text - startText}
	}
	return true
}

func (d *decoder) syntaxError(err error) {
	msg := err.Error()
	full := msg
	line := 0
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	err = fmt.Errorf("%w: %s", ErrSyntax, msg)
	// Where the parser's position is missing or off, the problem is
	// found in the input: an undefined alias, which the parser reports
	// without a line, a tab in an indentation, which it reports at
	// the line before, and the problems of the parser proper, which it
	// reports before the collection they are in (findParserProblem).
	off := -1
	if parserProblems[msg] {
		off = findParserProblem(d.data, full)
	} else if name, ok := strings.CutPrefix(msg, "unknown anchor '"); ok {
		off = findAlias(d.data, strings.TrimSuffix(name, "' referenced"))
	} else if strings.Contains(msg, "tab character") {
		off = findTab(d.data, line)
	} else if strings.HasPrefix(msg, "exceeded max depth") {
		// Nested deeper than the parser goes (10,000 levels), so past
		// MaxDepth too: the limit, at the flow collection the scanner
		// finds past it, else at the line the parser gives.
		limit := min(d.opts.MaxDepth, parserDepth)
		err = fmt.Errorf("%w: nested deeper than %d levels", ErrLimit, limit)
		_, _, off = countYAML(d.data, math.MaxInt, limit)
	}
	if off >= 0 {
		d.errAtOffset(off, err)
		return
	}
	e := &Error{Position: claims.Position{File: d.file, Line: line, Column: 1}, Err: err}
	if line > 0 {
		// The parser gives only the line; point at its first character.
		lines := bytes.Split(d.data, []byte("\n"))
		if line <= len(lines) {
			e.Column = 1 + len(lines[line-1]) - len(bytes.TrimLeft(lines[line-1], " \t"))
		}
	} else {
		e.Line = 1
	}
	d.add(e)
}

// findAlias returns the offset of the first alias *name in data, or -1.
func findAlias(data []byte, name string) int {
	alias := []byte("*" + name)
	for at := 0; ; {
		i := bytes.Index(data[at:], alias)
		if i < 0 {
			return -1
		}
		i += at
		end := i + len(alias)
		before := i == 0 || bytes.IndexByte([]byte(" \t\n[{,:-"), data[i-1]) >= 0
		after := end == len(data) || bytes.IndexByte([]byte(" \t\r\n]},"), data[end]) >= 0
		if before && after {
			return i
		}
		at = i + 1
	}
}

// findTab returns the offset of the first tab in the indentation of a
// line from line (1-based; 0 for the start) on, or -1.
func findTab(data []byte, line int) int {
	off := 0
	for l := 1; l < line && off < len(data); l++ {
		i := bytes.IndexByte(data[off:], '\n')
		if i < 0 {
			return -1
		}
		off += i + 1
	}
	for start := off; start < len(data); {
		i := start
		for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '-') {
			if data[i] == '\t' {
				return i
			}
			i++
		}
		next := bytes.IndexByte(data[i:], '\n')
		if next < 0 {
			return -1
		}
		start = i + next + 1
	}
	return -1
}

// errAt records a problem at node n (the document start when nil).
func (d *decoder) errAt(n *yaml.Node, loc location, id string, err error) {
	if len(d.errs) >= d.opts.MaxErrors {
		// Not even allocated: a read may find millions. The meaning
		// will not be checked, so nothing needs to know it was reported.
		d.more++
		return
	}
	if loc.kind != "" {
		d.reported[loc] = true
	}
	e := &Error{Position: claims.Position{File: d.file, Line: 1, Column: 1}, ID: id, Field: loc.field, Err: err, loc: loc}
	if n != nil && n.Line > 0 {
		e.Line, e.Column = n.Line, n.Column
	}
	d.add(e)
}

// errAtOffset records a problem at byte offset off of the input.
func (d *decoder) errAtOffset(off int, err error) {
	line, col := offsetPosition(d.data, off)
	d.add(&Error{Position: claims.Position{File: d.file, Line: line, Column: col}, Err: err})
}

// add records a problem, or only counts it past the first MaxErrors.
func (d *decoder) add(e *Error) {
	if len(d.errs) >= d.opts.MaxErrors {
		d.more++
		return
	}
	d.errs = append(d.errs, e)
}

// locate sets the position of a problem found by the batch check: the
// field's node, else the nearest enclosing field's, else the item's.
func (d *decoder) locate(e *Error) {
	e.File = d.file
	if d.relocate != nil && d.relocate(e) {
		return
	}
	loc := e.loc
	for {
		if p, ok := d.pos[loc]; ok {
			e.Line, e.Column = p.line, p.col
			return
		}
		if loc.field == "" {
			break
		}
		if i := strings.LastIndexAny(loc.field, ".["); i >= 0 {
			loc.field = loc.field[:i]
		} else {
			loc.field = ""
		}
	}
	e.Line, e.Column = 1, 1
}

// count charges one visited node against the limit; aliases make the
// same node count again, which is what stops alias-expansion bombs.
func (d *decoder) count(n *yaml.Node) bool {
	d.nodes++
	if d.nodes > d.opts.MaxNodes {
		if !d.stop {
			d.errAt(n, location{}, "", fmt.Errorf("%w: more than %d YAML nodes (aliases expanded)", ErrLimit, d.opts.MaxNodes))
		}
		// The batch is cut short: checking its meaning would only report
		// what the walk did not reach.
		d.stop, d.semantic = true, false
	}
	return !d.stop
}

// countItem charges one item of the top level against the item budget
// of a YAML or JSON document (itemBudget), and reports whether it is
// within it; past it the read stops, its meaning unchecked.
func (d *decoder) countItem(n *yaml.Node) bool {
	if d.itemBudget == 0 || d.stop {
		return !d.stop
	}
	if d.items++; d.items > d.itemBudget {
		d.errAt(n, location{}, "", fmt.Errorf("%w: more than %d items in %d bytes (the limit is %d and one more per %d bytes)",
			ErrLimit, d.itemBudget, len(d.data), freeNodes, bytesPerItem))
		d.stop, d.semantic = true, false
	}
	return !d.stop
}

// mark records the node of loc, for locating problems found later; a
// decoder without a position map (the bulk format's) skips it, and so
// does one past MaxErrors problems, whose meaning will not be checked.
func (d *decoder) mark(loc location, n *yaml.Node) {
	if d.pos != nil && d.more == 0 { // past MaxErrors no check will ask
		d.pos[loc] = nodePos{n.Line, n.Column}
	}
}

// nodePos is the position of a node, kept rather than the node: the JSON
// reader reuses the nodes of each item once it is decoded.
type nodePos struct{ line, col int }

func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 100; i++ {
		n = n.Alias
	}
	return n
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return claims.Quote(n.Value)
	}
	return "something else"
}

// mapping walks the pairs of mapping n, calling field for each; field
// returns false for a key it does not know, and the error then lists
// allowed, the keys it knows. Duplicate keys are errors.
func (d *decoder) mapping(n *yaml.Node, loc location, allowed string, field func(key string, k, v *yaml.Node) bool) {
	n = resolve(n)
	if n == nil || !d.count(n) {
		return
	}
	if n.Kind != yaml.MappingNode {
		d.errAt(n, loc, "", fmt.Errorf("%w: want a mapping, found %s", ErrSyntax, kindName(n)))
		return
	}
	var seen map[string]bool // for long mappings; short ones are scanned
	if len(n.Content) > 32 {
		seen = make(map[string]bool, len(n.Content)/2)
	}
	for i := 0; i+1 < len(n.Content) && !d.stop; i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := k.Value
		dup := seen[key]
		if seen == nil {
			for j := 0; j < i && !dup; j += 2 {
				dup = n.Content[j].Value == key
			}
		}
		if dup {
			d.errAt(k, location{loc.kind, loc.index, join(loc.field, key)}, "", fmt.Errorf("%w: duplicate key %s", ErrSyntax, claims.Quote(key)))
			continue
		}
		if seen != nil {
			seen[key] = true
		}
		if !field(key, k, v) {
			d.errAt(k, location{loc.kind, loc.index, join(loc.field, key)}, "", fmt.Errorf("%w %s: want %s", ErrUnknownField, claims.Quote(key), allowed))
		}
	}
}

// index names element i of list field: "about[1]", in one allocation
// where Sprintf takes two.
func index(field string, i int) string { return field + "[" + strconv.Itoa(i) + "]" }

func join(prefix, field string) string {
	if prefix == "" {
		return field
	}
	return prefix + "." + field
}

// sequence walks list n of the given section.
func (d *decoder) sequence(n *yaml.Node, section string, item func(i int, n *yaml.Node)) {
	n = resolve(n)
	if n == nil || !d.count(n) || isNull(n) {
		return
	}
	if n.Kind != yaml.SequenceNode {
		d.errAt(n, location{}, "", fmt.Errorf("%w: %s: want a list, found %s", ErrSyntax, section, kindName(n)))
		return
	}
	for i, c := range n.Content {
		if d.stop {
			return
		}
		item(i, c)
	}
}

// mappings counts the mappings among list, the items it can hold: a
// list of a million scalars reserves room for none, not for a million
// items of some 200 bytes each.
func mappings(list []*yaml.Node) int {
	n := 0
	for _, c := range list {
		if r := resolve(c); r != nil && r.Kind == yaml.MappingNode {
			n++
		}
	}
	return n
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// str returns scalar n as a string, recording its position at loc.
func (d *decoder) str(n *yaml.Node, loc location) string { return d.scalar(n, loc, jsonText) }

// jsonType is the type a field's value has in JSON, where, unlike in
// YAML, a value's type is part of its syntax: "id": 2024 is a number,
// not the text "2024".
type jsonType uint8

const (
	jsonText jsonType = iota
	jsonNumber
	jsonBool
)

var jsonTypeNames = [...]string{jsonText: "text", jsonNumber: "a number", jsonBool: "true or false"}

// jsonTypeOf returns the type of scalar n read from JSON, and whether
// it is one (null is none).
func jsonTypeOf(n *yaml.Node) (jsonType, bool) {
	switch n.Tag {
	case "!!str":
		return jsonText, true
	case "!!int", "!!float":
		return jsonNumber, true
	case "!!bool":
		return jsonBool, true
	}
	return 0, false
}

// scalar returns scalar n as a string, recording its position at loc.
// Read from JSON, a value of another type than want is an error; read
// from YAML, so is a quoted value where a number or a boolean is wanted.
func (d *decoder) scalar(n *yaml.Node, loc location, want jsonType) string {
	n = resolve(n)
	if n == nil || !d.count(n) {
		return ""
	}
	d.mark(loc, n)
	if n.Kind != yaml.ScalarNode {
		d.errAt(n, loc, "", fmt.Errorf("%w: %s: want %s, found %s", ErrSyntax, loc.field, jsonTypeNames[want], kindName(n)))
		return ""
	}
	if isNull(n) {
		return ""
	}
	got, ok := jsonTypeOf(n)
	// In YAML a quoted number or boolean ("0.5") is text, which the
	// schema refuses: the reader refuses it too.
	quoted := n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0
	if ok && got != want && (d.json || (quoted && want != jsonText)) {
		found := "the text " + claims.Quote(n.Value)
		if got != jsonText {
			found = n.Value
		}
		d.errAt(n, loc, "", fmt.Errorf("%w: %s: want %s, found %s", ErrSyntax, loc.field, jsonTypeNames[want], found))
		return ""
	}
	return n.Value
}

// list returns the elements of list n, recording its position at loc,
// and whether n is a list: null is none, anything else an error.
func (d *decoder) list(n *yaml.Node, loc location) ([]*yaml.Node, bool) {
	n = resolve(n)
	if n == nil || !d.count(n) {
		return nil, false
	}
	d.mark(loc, n)
	if isNull(n) {
		return nil, false
	}
	if n.Kind != yaml.SequenceNode {
		d.errAt(n, loc, "", fmt.Errorf("%w: %s: want a list, found %s", ErrSyntax, loc.field, kindName(n)))
		return nil, false
	}
	return n.Content, true
}

// strs returns list n of scalars, recording each position.
func (d *decoder) strs(n *yaml.Node, loc location) []string {
	items, ok := d.list(n, loc)
	if !ok {
		return nil
	}
	out := make([]string, 0, len(items))
	for i, c := range items {
		l := location{loc.kind, loc.index, d.paths.index(loc.field, i)}
		s := d.str(c, l)
		if r := resolve(c); s == "" && !d.stop && r != nil && r.Kind == yaml.ScalarNode && (isNull(r) || r.Value == "") {
			// Written out, an empty entry would vanish: lists hold
			// no empty text. (An entry that is not text was
			// reported by str.)
			d.errAt(c, l, "", fmt.Errorf("%w: empty text in a list", ErrSyntax))
		}
		// Kept even when empty, reported already: the entries after
		// it keep their index, by which the check of the meaning
		// names and places them.
		out = append(out, s)
	}
	return out
}

// parsed decodes scalar n, of type typ in JSON, with parse, reporting
// its error at n.
func parsed[T any](d *decoder, n *yaml.Node, loc location, typ jsonType, parse func(string) (T, error)) T {
	s := d.scalar(n, loc, typ)
	var zero T
	if s == "" {
		return zero
	}
	v, err := parse(s)
	if err != nil {
		d.errAt(resolve(n), loc, "", err)
		return zero
	}
	return v
}

func parseBool(s string) (bool, error) {
	switch s {
	case "true":
		return true, nil
	case "false":
		return false, nil
	}
	return false, fmt.Errorf("%w %s: want true or false", ErrSyntax, claims.Quote(s))
}

// parseConfidence reads a relation's confidence, a number in (0, 1] as
// the format and its schema say. 0 is refused here although the Go value
// 0 means "not given" (claims.Relation.Confidence): a file says that by
// leaving the key out, and a written 0 is a mistake the schema rejects
// too. The number is written in decimal, as in JSON: Go's hexadecimal
// floats and digits parted by _, which strconv takes, are refused.
func parseConfidence(s string) (float64, error) {
	f, err := strconv.ParseFloat(s, 64)
	if strings.ContainsAny(s, "xX_") {
		err = strconv.ErrSyntax
	}
	switch {
	case err == nil && f == 0:
		return 0, fmt.Errorf("%w %s: want a number in (0, 1]; leave confidence out when it is not known", claims.ErrInvalidConfidence, claims.Quote(s))
	case err != nil || !(f > 0 && f <= 1):
		return 0, fmt.Errorf("%w %s: want a number in (0, 1]", claims.ErrInvalidConfidence, claims.Quote(s))
	}
	return f, nil
}

// item starts an item of a section: it records the item's position and
// returns the location to use for its fields.
func (d *decoder) item(kind string, i int, n *yaml.Node) location {
	loc := location{kind, i, ""}
	if r := resolve(n); r != nil {
		d.mark(loc, r)
	}
	return loc
}

func at(loc location, field string) location {
	return location{loc.kind, loc.index, join(loc.field, field)}
}

// itemID returns the ID of the item at loc, "" when there is none; a
// relation is one of rels, b's relations.
func (b *Batch) itemID(loc location, rels *relList) string {
	switch i := loc.index; {
	case loc.kind == "entity" && i < len(b.Entities):
		return b.Entities[i].ID
	case loc.kind == "source" && i < len(b.Sources):
		return b.Sources[i].ID
	case loc.kind == "claim" && i < len(b.Claims):
		return b.Claims[i].ID
	case loc.kind == "relation":
		return rels.id(i)
	}
	return ""
}
