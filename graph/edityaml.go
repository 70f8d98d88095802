package graph

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/sources"
	"go.yaml.in/yaml/v3"
)

// ErrNotInPlace: [EditYAML] cannot change the file in place and keep
// what people wrote: it is not YAML (JSON and JSON Lines have no
// comments to keep: load, change and [Graph.Save] them), its top level
// is written in flow style, or the result would not read back as the
// changed graph. The file is left unchanged.
var ErrNotInPlace = errors.New("cannot edit in place")

// ErrChanged: the file [EditYAML] edits changed on disk between its
// reading and its saving, as when two edits of one file run at once;
// the edit is not saved, so that the other change is not lost.
var ErrChanged = errors.New("changed on disk since it was read")

// EditYAML applies b to the YAML graph file at path and saves it in
// place, keeping what people wrote: the bytes of every item b leaves
// alone, comments, blank lines, quoting, folded notes, flow lists, line
// ends (CRLF stays CRLF) and a byte order mark included. The change is
// made in the text: an item b removes (or merges away) loses its lines,
// and the comment lines above it stay, heading the item that follows;
// in an item b changes (a replacement, the item a merge folds into, one
// whose references a merge renames) only the fields whose values change
// are written anew, keeping their line comments and quoting, and a
// field or list entry added goes after the last one; new items are
// appended to their section, and a section that is empty (null, [] or
// nothing) becomes a block list, keeping the comment on its key. What a
// merge moves from an item it removes (an appearance, a review) is
// written as it was there, with its comments; an item in flow style
// that takes a field with comments is written in block style, which
// has room for them. A
// value written in flow style ([a, b] or {…}) is written anew whole
// when it changes, in flow style. An alias whose anchor goes with a
// removed or rewritten item is replaced by the anchored value.
//
// The file is written atomically, and left exactly as it was on any
// error: a problem in the file, or in b, reported like [Graph.Apply]'s,
// with the position in the file of each reference that stops a
// removal; [ErrNotInPlace] for a file it cannot edit in place (a JSON
// or JSON Lines file, a YAML file in flow style) and [ErrChanged] when
// the file changed on disk while the edit ran. The result is read back
// and compared with the changed graph before it is saved.
//
// It costs O(size of the file), about four readings of it: the file is
// read as a graph, changed, and parsed again for the positions of its
// nodes; its text is changed where the graph changed, and the result is
// read once more to check it.
//
// It reads the file within the default limits of [ReadOptions];
// [ReadOptions.EditYAML] takes others.
func EditYAML(path string, b Batch) error { return ReadOptions{}.EditYAML(path, b) }

// EditYAMLWith is [EditYAML] with a batch file (see [Graph.ApplyYAML])
// read from r, named name in messages.
func EditYAMLWith(path string, r io.Reader, name string) error {
	return ReadOptions{}.EditYAMLWith(path, r, name)
}

// EditYAMLTo is [EditYAML] that saves the changed text to the YAML file
// out, atomically, and leaves the file at path as it is; with out the
// file at path, by any name (relative or absolute, through a link), it
// is EditYAML. Out must name a YAML file too ([ErrNotInPlace]).
func EditYAMLTo(path, out string, b Batch) error { return ReadOptions{}.EditYAMLTo(path, out, b) }

// EditYAML is [EditYAML] reading the file within o's limits (MaxBytes,
// MaxNodes, MaxDepth), as [ReadOptions.Load] reads one, and the edited
// text back within them.
func (o ReadOptions) EditYAML(path string, b Batch) error {
	return o.editYAML(path, path, func(g *Graph) error { return g.Apply(b) }, nil)
}

// EditYAMLWith is [EditYAMLWith] reading the file within o's limits.
// The batch file is read within the default ones, as
// [Graph.ApplyYAML] reads it.
// The items the batch adds are written as the batch file has them, with
// its comments and style, where the graph holds them as they are there
// (see spliceYAML).
func (o ReadOptions) EditYAMLWith(path string, r io.Reader, name string) error {
	var text bytes.Buffer // the batch as ApplyYAML read it, within its limits
	return o.editYAML(path, path, func(g *Graph) error { return g.ApplyYAML(io.TeeReader(r, &text), name) }, &text)
}

// EditYAMLTo is [EditYAMLTo] reading the file within o's limits.
func (o ReadOptions) EditYAMLTo(path, out string, b Batch) error {
	return o.editYAML(path, out, func(g *Graph) error { return g.Apply(b) }, nil)
}

// editYAML reads the file at path within o's limits, changes its graph
// with change, and saves the file changed likewise in its text to out.
// Batch, when not nil, holds the text of the batch file change applied
// once it has run, which lends the items it adds (spliceYAML).
func (o ReadOptions) editYAML(path, to string, change func(*Graph) error, batch *bytes.Buffer) error {
	for _, p := range []string{path, to} {
		switch formatOf(p) {
		case yamlFormat:
		case rdfFormat:
			return fmt.Errorf("graph: %s: %w: edit takes YAML files, keeping their comments; an RDF file (%w) has none: import it (claimgraph import --from nquads|turtle), edit the YAML and export it", p, ErrNotInPlace, ErrFileFormat)
		default:
			return fmt.Errorf("graph: %s: %w: edit keeps the comments of YAML files; a JSON or JSON Lines file has none: load it, change it and save it", p, ErrNotInPlace)
		}
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("graph: %w", err)
	}
	// Within o's limit, as ReadYAML reads: a file too large is refused
	// from its size, not read whole first.
	o = o.withDefaults()
	data, err := o.read(f, path, false)
	fi, statErr := f.Stat()
	f.Close()
	if err != nil {
		return err
	}
	o.Progress = nil // the file is read: the rest is quick
	g, err := o.ReadYAML(bytes.NewReader(data), path)
	if err != nil {
		return err
	}
	if err := change(g); err != nil {
		referencesInFile(err, path, data, o)
		return err
	}
	var other []byte
	if batch != nil {
		other = batch.Bytes()
	}
	out, err := spliceYAML(path, data, g, other, o)
	if err != nil {
		return err
	}
	return saveEdited(path, to, fi, statErr, data, out)
}

// saveEdited saves out, the text of the file at path changed, to the
// file to, atomically; when to is the file at path (fi and statErr its
// Stat when data was read from it), only if it still holds data (see
// saveIfUnchanged).
func saveEdited(path, to string, fi os.FileInfo, statErr error, data, out []byte) error {
	if beforeEditSave != nil {
		beforeEditSave(path)
	}
	if filepath.Clean(to) != filepath.Clean(path) && !sameFile(fi, statErr, to) {
		return SaveWith(to, func(w io.Writer) error { _, err := w.Write(out); return err })
	}
	return saveIfUnchanged(path, data, out)
}

// sameFile reports whether the file at path is the one fi describes
// (statErr nil): under another name, relative or absolute, or through
// a link. A missing file at path is another file.
func sameFile(fi os.FileInfo, statErr error, path string) bool {
	if statErr != nil {
		return false
	}
	other, err := os.Stat(path)
	return err == nil && os.SameFile(fi, other)
}

// beforeEditSave, when set (by tests), is called between an edit's
// reading and its saving.
var beforeEditSave func(path string)

// saveIfUnchanged saves out to path, unless the file no longer holds
// data, what the edit read: compared byte for byte, after the temporary
// file is written and just before it is renamed, so that of two edits
// of one file run at once the second to save fails rather than undo the
// first. (A change between that comparison and the rename, a window of
// one small step, is not seen: files have no lock that every editor
// honours.)
func saveIfUnchanged(path string, data, out []byte) error {
	return SaveWith(path, func(w io.Writer) error {
		// The check comes as late as it can: the temporary file is made,
		// and only the rename follows.
		// One byte more than data is enough to tell a longer file.
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		now, err := io.ReadAll(io.LimitReader(f, int64(len(data))+1))
		f.Close()
		if err != nil {
			return err
		}
		if !bytes.Equal(now, data) {
			return fmt.Errorf("%w: not saved, so that the other change is not lost; run the edit again", ErrChanged)
		}
		_, err = w.Write(out)
		return err
	})
}

// referencesInFile points each problem of err that a reference in the
// file data (at path) causes, such as the claim that still names a
// source being removed, at that reference in the file: a graph just
// read from one file holds its items in the file's order. o holds the
// limits the file was read within.
func referencesInFile(err error, path string, data []byte, o ReadOptions) {
	var list ErrorList
	if !errors.As(err, &list) {
		return
	}
	var d *decoder
	for _, e := range list {
		if e.ref.kind == "" {
			continue
		}
		if d == nil {
			d = newDecoder(path, data, o.withDefaults())
			d.decode()
		}
		at := &Error{loc: e.ref}
		d.locate(at)
		e.Ref, e.ref = at.Position, location{}
	}
}

// spliceYAML returns the text of the file data (at path), whose graph g
// has since been changed, with the text of the items that changed
// changed likewise, checked to read back as g. Other, when not nil, is
// the text of another YAML graph file: an item added that it holds as
// it is (the same fields in the same order) is written as it is there,
// with its comments and style (see splicer.lend). o holds the limits
// the file was read within.
func spliceYAML(path string, data []byte, g *Graph, other []byte, o ReadOptions) ([]byte, error) {
	// The file's items, then what other lends, before the file's tree:
	// one document's tree at a time.
	file := newDecoder(path, data, o.withDefaults()).decode()
	lent := lend(other, &file)
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("graph: %s: %w", path, err)
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode || doc.Content[0].Style&yaml.FlowStyle != 0 {
		return nil, fmt.Errorf("graph: %s: %w: its top level is not a block mapping (JSON, or YAML in flow style)", path, ErrNotInPlace)
	}
	v := g.Snapshot()
	sp := newSplicer(data, doc.Content[0])
	sp.lent = lent
	syncSection(sp, "entities", entityFields, file.Entities, collect(v.Entities()), entityID, entityID)
	syncSection(sp, "sources", sourceFields, file.Sources, collect(v.Sources()), sourceID, sourceID)
	syncSection(sp, "claims", claimFields, file.Claims, collect(v.Claims()), claimID, claimID)
	syncSection(sp, "relations", relationFields, file.Relations, collect(v.Relations()), relationID,
		func(r *claims.Relation) string {
			x := *r
			if id, _ := v.Resolve(x.From); id != "" {
				x.From = id
			}
			if id, _ := v.Resolve(x.To); id != "" {
				x.To = id
			}
			return relationID(&x)
		})
	if sp.err != nil {
		return nil, fmt.Errorf("graph: %s: %w: %v", path, ErrNotInPlace, sp.err)
	}
	sp.inlineAliases(&doc)
	out := sp.result()
	// Read back within the limits the file was read within, so that a
	// file read under raised ones can be edited; warnings were given
	// when the file was read.
	o.Progress, o.Warn = nil, nil
	back, err := o.ReadYAML(bytes.NewReader(out), path)
	if err == nil {
		err = sameGraph(back.Snapshot(), v)
	}
	if err != nil {
		return nil, fmt.Errorf("graph: %s: %w: the edited text would not read back as the changed graph (%v)", path, ErrNotInPlace, err)
	}
	return out, nil
}

// sameGraph reports the first difference between the items of a and b,
// nil when they hold the same items, in any order.
func sameGraph(a, b View) error {
	return errors.Join(
		sameItems("entity", entityFields, collect(a.Entities()), collect(b.Entities()), entityID),
		sameItems("source", sourceFields, collect(a.Sources()), collect(b.Sources()), sourceID),
		sameItems("claim", claimFields, collect(a.Claims()), collect(b.Claims()), claimID),
		sameItems("relation", relationFields, collect(a.Relations()), collect(b.Relations()), relationID))
}

// sameItems reports the first difference between items a and b of a
// kind, in any order. It encodes them a pair at a time, not all of b at
// once: the read back is a merge's and an edit's peak of memory.
func sameItems[T any](kind string, t *table[T], a, b []T, id func(*T) string) error {
	if len(a) != len(b) {
		return fmt.Errorf("%d %s items, want %d", len(a), kind, len(b))
	}
	byID := make(map[string]int, len(b))
	for i := range b {
		byID[id(&b[i])] = i
	}
	for i := range a {
		if j, ok := byID[id(&a[i])]; !ok || !sameNode(t.encode(&a[i]).n, t.encode(&b[j]).n) {
			return fmt.Errorf("%s %s differs", kind, claims.Quote(id(&a[i])))
		}
	}
	return nil
}

func entityID(e *claims.Entity) string  { return e.ID }
func sourceID(s *sources.Source) string { return s.ID }
func claimID(c *claims.Claim) string    { return c.ID }

// relationID names a relation by its kind and ends, in order for a
// symmetric kind.
func relationID(r *claims.Relation) string {
	k := relKeyOf(r)
	return k.from + " " + r.Kind.String() + " " + k.to
}

func collect[T any](seq func(func(T) bool)) []T {
	var out []T
	for x := range seq {
		out = append(out, x)
	}
	return out
}

// syncSection brings the list key of the top level, whose items decoded
// to file, in line with now, the items of the graph: it drops the lines
// of items gone, changes those of items changed and appends the new
// ones.
//
// fileID gives the ID of an item of the file as the graph knows it now:
// a relation's ends resolved through merges, so that a relation moved by
// a merge keeps its lines and comments.
func syncSection[T any](sp *splicer, key string, t *table[T], file, now []T, id, fileID func(*T) string) {
	if sp.err != nil {
		return
	}
	k, seq := sp.section(key)
	current := make(map[string]int, len(now))
	for i := range now {
		current[id(&now[i])] = i
	}
	// owner[k] is the item of the file that keeps the item k of the
	// graph: the one with that ID as written, else the first that
	// resolves to it (a relation a merge moves), the others going (the
	// duplicates the merge collapses).
	owner := make(map[string]int, len(file))
	keys := make([]string, len(file))
	for i := range file {
		keys[i] = fileID(&file[i])
		if _, ok := current[keys[i]]; ok && keys[i] == id(&file[i]) {
			owner[keys[i]] = i
		}
	}
	for i, k := range keys {
		if _, ok := owner[k]; !ok {
			owner[k] = i
		}
	}
	seen := make(map[string]bool, len(file))
	// kept[i] is the new node of item i of the file, nil when it goes.
	kept := make([]*yaml.Node, len(file))
	changed := false
	for i := range file {
		k := keys[i]
		j, ok := current[k]
		if !ok || owner[k] != i {
			changed = true
			continue // removed or merged away
		}
		seen[k] = true
		kept[i] = t.encode(&now[j]).n
		if sameNode(t.encode(&file[i]).n, kept[i]) {
			kept[i] = &yaml.Node{} // unchanged: a marker
		} else {
			changed = true
		}
	}
	var added []*yaml.Node
	for i := range now {
		if !seen[id(&now[i])] {
			added = append(added, t.encode(&now[i]).n)
		}
	}
	if !changed && len(added) == 0 {
		return
	}
	if len(file) > 0 && (seq == nil || seq.Kind != yaml.SequenceNode || len(seq.Content) != len(file)) {
		sp.err = fmt.Errorf("the list %s does not match its items (anchors or merge keys?)", key)
		return
	}
	for i, n := range kept {
		if n == nil {
			sp.donate(seq.Content[i])
		}
	}
	if seq != nil && seq.Kind == yaml.SequenceNode && seq.Style&yaml.FlowStyle == 0 && len(seq.Content) > 0 {
		sp.blockItems(seq, kept, added, sp.pairEnd(k))
		return
	}
	if k == nil {
		sp.appendSection(key, added)
		return
	}
	// An empty section (null, [] or nothing) or a list in flow style: the
	// pair is written anew, its comments kept.
	list := &yaml.Node{Kind: yaml.SequenceNode}
	if seq != nil && seq.Kind == yaml.SequenceNode && len(seq.Content) > 0 {
		list.Style = seq.Style
	}
	for i, n := range kept {
		switch {
		case n == nil:
		case n.Kind == 0:
			list.Content = append(list.Content, seq.Content[i])
		default:
			list.Content = append(list.Content, sp.patch(seq.Content[i], n))
		}
	}
	list.Content = append(list.Content, added...)
	// The old value, for its comments and style: without its items, which
	// list holds already, so that they are not matched again by place.
	old := &yaml.Node{Kind: seq.Kind, Style: list.Style, Tag: seq.Tag, Value: seq.Value, LineComment: seq.LineComment}
	sp.replacePair(k, old, list, sp.pairEnd(k))
}

// splicer changes the text of a YAML file: it collects edits, each a
// range of bytes and its new text, found through the file's node tree,
// and applies them at the end, so that what no edit covers keeps its
// bytes.
type splicer struct {
	src   []byte
	start []int // start[l]: offset of line l (1-based); start[len-1] = len(src)
	nl    string
	root  *yaml.Node
	end   int // the line after the root mapping's last (a "..." or "---" line, or past the end)
	edits []textEdit
	err   error
	// sections holds the sections appendSection adds, for result.
	sections string
	// donors holds the lists and mappings inside the items removed, by
	// nodeKey (see donate); donorKeys the key of each that is the value
	// of a pair, whose comments are the pair's.
	donors    map[string]*yaml.Node
	donorKeys map[*yaml.Node]*yaml.Node
	// lent holds the items of another file, by nodeKey (see lend).
	lent map[string]*yaml.Node
}

type textEdit struct {
	from, to int
	text     string
}

func newSplicer(src []byte, root *yaml.Node) *splicer {
	sp := &splicer{src: src, root: root, nl: "\n", start: []int{0, 0}}
	if bytes.HasPrefix(src, []byte("\ufeff")) {
		sp.start[1] = 3 // yaml counts columns after a byte order mark
	}
	for i, c := range src {
		if c == '\n' {
			sp.start = append(sp.start, i+1)
		}
	}
	if i := bytes.IndexByte(src, '\n'); i > 0 && src[i-1] == '\r' {
		sp.nl = "\r\n"
	}
	if len(src) > 0 && src[len(src)-1] != '\n' {
		sp.start = append(sp.start, len(src))
	}
	sp.end = sp.lines() + 1
	if n := len(root.Content); n > 0 {
		for l := root.Content[n-2].Line + 1; l <= sp.lines(); l++ {
			if line := sp.line(l); sp.indent(l) == 0 && (bytes.HasPrefix(line, []byte("...")) || bytes.HasPrefix(line, []byte("---"))) {
				sp.end = l
				break
			}
		}
	}
	return sp
}

// lines is the number of lines.
func (sp *splicer) lines() int { return len(sp.start) - 2 }

// line returns line l without its line end.
func (sp *splicer) line(l int) []byte {
	return sp.src[sp.start[l]:sp.lineEnd(l)]
}

// lineEnd returns the offset of the end of line l's text, before its
// line end.
func (sp *splicer) lineEnd(l int) int {
	e := sp.start[l+1]
	if e > sp.start[l] && sp.src[e-1] == '\n' {
		e--
		if e > sp.start[l] && sp.src[e-1] == '\r' {
			e--
		}
	}
	return e
}

// off returns the offset of line l, column c (1-based, in characters).
func (sp *splicer) off(l, c int) int {
	o := sp.start[l]
	for ; c > 1 && o < len(sp.src); c-- {
		_, n := utf8.DecodeRune(sp.src[o:])
		o += n
	}
	return o
}

func (sp *splicer) nodeOff(n *yaml.Node) int { return sp.off(n.Line, n.Column) }

// indent returns the number of spaces line l starts with.
func (sp *splicer) indent(l int) int {
	line := sp.line(l)
	return len(line) - len(bytes.TrimLeft(line, " "))
}

// trivial reports whether line l is blank, or a comment indented by at
// most max spaces: a line that heads or follows items rather than being
// part of one.
func (sp *splicer) trivial(l, max int) bool {
	t := bytes.TrimLeft(sp.line(l), " \t")
	return len(bytes.TrimSpace(t)) == 0 || t[0] == '#' && sp.indent(l) <= max
}

// last returns the last line of the text from line from up to line to
// (excluded) that is not trivial at max, from itself at least.
func (sp *splicer) last(from, to, max int) int {
	for l := min(to, sp.end) - 1; l > from; l-- {
		if !sp.trivial(l, max) {
			return l
		}
	}
	return from
}

// section returns the key and value nodes of section key of the top
// level, nil when it has none.
func (sp *splicer) section(key string) (k, v *yaml.Node) {
	for i := 0; i+1 < len(sp.root.Content); i += 2 {
		if sp.root.Content[i].Value == key {
			return sp.root.Content[i], sp.root.Content[i+1]
		}
	}
	return nil, nil
}

// pairEnd returns the line where the text of the top-level pair with
// key k ends: the next key's line, or the end of the root mapping.
func (sp *splicer) pairEnd(k *yaml.Node) int {
	c := sp.root.Content
	for i := 0; i+2 < len(c); i += 2 {
		if c[i] == k {
			return c[i+2].Line
		}
	}
	return sp.end
}

func (sp *splicer) edit(from, to int, text string) {
	sp.edits = append(sp.edits, textEdit{from, to, text})
}

// result returns the text with every edit made.
func (sp *splicer) result() []byte {
	if sp.sections != "" {
		// After every other edit at the end of the top level: the items
		// appended to its last section come before.
		c := sp.root.Content
		sp.insertAfter(sp.last(c[len(c)-2].Line, sp.end, 0), sp.sections)
		sp.sections = ""
	}
	slices.SortStableFunc(sp.edits, func(a, b textEdit) int {
		if a.from != b.from {
			return a.from - b.from
		}
		return a.to - b.to
	})
	var out bytes.Buffer
	at := 0
	for _, e := range sp.edits {
		out.Write(sp.src[at:e.from])
		out.WriteString(e.text)
		at = e.to
	}
	out.Write(sp.src[at:])
	return out.Bytes()
}

// dash returns the line of the "-" that starts item n of a block list,
// and its offset; ok is false when something else comes between.
func (sp *splicer) dash(n *yaml.Node) (line, off int, ok bool) {
	o := sp.nodeOff(n)
	for o > 0 {
		o--
		switch sp.src[o] {
		case ' ', '\t', '\r', '\n':
			continue
		case '-':
			l, _ := slices.BinarySearch(sp.start, o+1)
			l--
			if len(bytes.TrimLeft(sp.src[sp.start[l]:o], " ")) != 0 {
				return 0, 0, false // "- - x": not the line's first
			}
			return l, o, true
		}
		return 0, 0, false
	}
	return 0, 0, false
}

// blockItems changes the items of the block list seq, whose text ends
// before line end: item i goes when kept[i] is nil, stays as it is when
// kept[i] is an empty node, and is changed into kept[i] otherwise; added
// items are appended after the last.
func (sp *splicer) blockItems(seq *yaml.Node, kept []*yaml.Node, added []*yaml.Node, end int) {
	type item struct{ line, last int }
	items := make([]item, len(seq.Content))
	for i, n := range seq.Content {
		l, _, ok := sp.dash(n)
		if !ok {
			sp.err = fmt.Errorf("line %d: cannot find the start of the list item", n.Line)
			return
		}
		items[i].line = l
	}
	max := seq.Content[0].Column - 1
	for i := range items {
		next := end
		if i+1 < len(items) {
			next = items[i+1].line
		}
		items[i].last = sp.last(items[i].line, next, max)
	}
	for i, n := range kept {
		switch {
		case n == nil:
			sp.edit(sp.start[items[i].line], sp.start[items[i].last+1], "")
		case n.Kind != 0:
			sp.node(seq.Content[i], n, items[i].last)
		}
	}
	if len(added) > 0 {
		first := seq.Content[0]
		_, dashOff, _ := sp.dash(first)
		dashCol := dashOff - sp.start[items[0].line]
		gap := max - dashCol - 1
		if gap < 1 {
			gap = 1
		}
		var b strings.Builder
		for _, n := range added {
			sp.item(&b, n, dashCol, gap, max)
		}
		at := sp.start[items[len(items)-1].last+1]
		if at == len(sp.src) && len(sp.src) > 0 && sp.src[at-1] != '\n' {
			sp.edit(at, at, sp.nl+strings.TrimSuffix(b.String(), sp.nl))
			return
		}
		sp.edit(at, at, b.String())
	}
}

// node changes the text of old, whose text ends on line last, into that
// of n: a block
// mapping or list is changed part by part; any other node, or one whose
// parts cannot be told apart, is written anew.
func (sp *splicer) node(old, n *yaml.Node, last int) {
	if sameNode(resolve(old), n) {
		return
	}
	mark := len(sp.edits)
	if old.Kind == n.Kind && old.Style&yaml.FlowStyle == 0 && old.Anchor == "" {
		switch {
		case old.Kind == yaml.MappingNode && sp.mapping(old, n, last):
			return
		case old.Kind == yaml.SequenceNode && len(old.Content) > 0 && sp.list(old, n, last):
			return
		}
	}
	sp.edits = sp.edits[:mark]
	if sp.scalar(old, n) {
		return
	}
	from := sp.nodeOff(old)
	to := sp.lineEnd(last)
	if old.Kind == yaml.AliasNode {
		to = from + 1 + len(old.Value)
	}
	p := sp.patch(old, n)
	p.HeadComment, p.FootComment = "", ""
	if text, ok := sp.oneLine(p); ok {
		if at, ok := sp.beforeComment(last, p.LineComment); ok && old.Kind != yaml.AliasNode {
			sp.edit(from, at, text) // the spaces and the comment after stay
			return
		}
		sp.edit(from, to, text+comment(p.LineComment))
		return
	}
	sp.edit(from, to, sp.encode(p, old.Column-1))
}

// mapping changes the block mapping old, whose text ends on line last,
// pair by pair into n, and reports whether it could.
func (sp *splicer) mapping(old, n *yaml.Node, last int) bool {
	want := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		want[n.Content[i].Value] = n.Content[i+1]
	}
	have := map[string]bool{}
	max := old.Content[0].Column - 1
	for i := 0; i+1 < len(old.Content); i += 2 {
		k, v := old.Content[i], old.Content[i+1]
		if k.Kind != yaml.ScalarNode || k.Value == "<<" {
			return false
		}
		have[k.Value] = true
		end := last + 1
		if i+2 < len(old.Content) {
			end = old.Content[i+2].Line
		}
		pl := sp.last(k.Line, end, max)
		nv, ok := want[k.Value]
		switch {
		case !ok: // the field goes
			if len(bytes.TrimLeft(sp.src[sp.start[k.Line]:sp.nodeOff(k)], " ")) != 0 {
				return false
			}
			sp.edit(sp.start[k.Line], sp.start[pl+1], "")
		case sameNode(resolve(v), nv):
		case v.Kind == nv.Kind && v.Style&yaml.FlowStyle == 0 && v.Line > k.Line && v.Anchor == "" &&
			(v.Kind == yaml.MappingNode || v.Kind == yaml.SequenceNode):
			sp.node(v, nv, pl)
		default:
			sp.replacePair(k, v, nv, end)
		}
	}
	var b strings.Builder
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; !have[k.Value] {
			v := n.Content[i+1]
			if d := sp.donor(v); d != nil {
				// A field a merge moves from an item removed (a review):
				// its comments, on its key and above it, come with it.
				v = bare(d)
				if dk := sp.donorKeys[d]; dk != nil {
					sp.headLines(&b, dk.HeadComment, max)
					kc := *k
					kc.LineComment = dk.LineComment
					k = &kc
				}
			}
			b.WriteString(strings.Repeat(" ", max))
			b.WriteString(sp.encode(&yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{k, v}}, max))
			b.WriteString(sp.nl)
		}
	}
	if b.Len() > 0 {
		sp.insertAfter(last, b.String())
	}
	return true
}

// insertAfter inserts text, whole lines, after line l.
func (sp *splicer) insertAfter(l int, text string) {
	at := sp.start[l+1]
	if at == len(sp.src) && len(sp.src) > 0 && sp.src[at-1] != '\n' {
		text = sp.nl + strings.TrimSuffix(text, sp.nl)
	}
	sp.edit(at, at, text)
}

// list changes the block list old, whose text ends on line last, item
// by item into n (items matched by their place), and reports whether
// it could.
func (sp *splicer) list(old, n *yaml.Node, last int) bool {
	kept := make([]*yaml.Node, len(old.Content))
	for i := range kept {
		switch {
		case i >= len(n.Content):
		case sameNode(resolve(old.Content[i]), n.Content[i]):
			kept[i] = &yaml.Node{}
		default:
			kept[i] = n.Content[i]
		}
	}
	var added []*yaml.Node
	if len(n.Content) > len(old.Content) {
		added = n.Content[len(old.Content):]
	}
	if len(kept) > 0 && len(added) == 0 && len(n.Content) == 0 {
		return false // the field should go, not its items
	}
	sp.blockItems(old, kept, added, last+1)
	return sp.err == nil
}

// replacePair writes the pair of key k and value v (or nothing) anew,
// with the value n, keeping the key's and the value's line comments and
// the value's style; the pair's text ends before line end.
func (sp *splicer) replacePair(k, v, n *yaml.Node, end int) {
	if sp.scalar(v, n) {
		return
	}
	max := k.Column - 1
	last := sp.last(k.Line, end, max)
	key := *k
	key.HeadComment, key.FootComment = "", ""
	val := n
	if v != nil {
		if d := sp.donor(n); d != nil {
			// The value of an item removed, moved here by a merge:
			// written as it was there, with the comments of its key
			// when this key has none.
			x := *d
			if x.LineComment == "" {
				x.LineComment = v.LineComment
			}
			v = &x
			if dk := sp.donorKeys[d]; dk != nil && k.HeadComment == "" && k.LineComment == "" {
				key.LineComment = dk.LineComment
				var hc strings.Builder
				sp.headLines(&hc, dk.HeadComment, max)
				if hc.Len() > 0 && len(bytes.TrimLeft(sp.src[sp.start[k.Line]:sp.nodeOff(k)], " ")) == 0 {
					sp.edit(sp.start[k.Line], sp.start[k.Line], hc.String())
				}
			}
		}
		val = sp.patch(v, n)
		if (resolve(v).Kind != n.Kind || val.Kind != yaml.ScalarNode && val.Style&yaml.FlowStyle == 0) && key.LineComment == "" {
			// "relations: ~  # none yet": the comment stays on the key's
			// line, where a block list cannot hold it.
			key.LineComment, val.LineComment = v.LineComment, ""
		}
		val.HeadComment, val.FootComment = "", ""
	}
	if text, ok := sp.oneLine(val); ok {
		kt, _ := sp.oneLine(&yaml.Node{Kind: yaml.ScalarNode, Value: key.Value})
		c := key.LineComment + val.LineComment // one of them at most
		if at, ok := sp.beforeComment(last, c); ok {
			sp.edit(sp.nodeOff(k), at, kt+": "+text)
			return
		}
		sp.edit(sp.nodeOff(k), sp.lineEnd(last), kt+": "+text+comment(c))
		return
	}
	pair := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{&key, val}}
	sp.edit(sp.nodeOff(k), sp.lineEnd(last), sp.encode(pair, max))
}

// beforeComment returns the offset where the spaces before the line
// comment c at the end of line l start, when line l ends with c.
func (sp *splicer) beforeComment(l int, c string) (int, bool) {
	line := sp.line(l)
	if c == "" || !strings.HasPrefix(c, "#") || !bytes.HasSuffix(line, []byte(c)) {
		return 0, false
	}
	at := len(line) - len(c)
	if at == 0 || line[at-1] != ' ' && line[at-1] != '\t' {
		return 0, false
	}
	for at > 0 && (line[at-1] == ' ' || line[at-1] == '\t') {
		at--
	}
	return sp.start[l] + at, true
}

// comment returns the line comment c, if any, to follow a value.
func comment(c string) string {
	if c == "" {
		return ""
	}
	return " " + c
}

// oneLine returns n written on one line, however long, when n is written
// in flow style or is a scalar of one line, and reports whether it is:
// the encoder folds lines at 80 columns, which would turn a long line
// the file had into several. Comments inside are dropped; the caller
// writes n's line comment.
func (sp *splicer) oneLine(n *yaml.Node) (string, bool) {
	switch n.Kind {
	case yaml.ScalarNode:
		if strings.Contains(n.Value, "\n") || n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
			return "", false
		}
		x := *n
		x.HeadComment, x.LineComment, x.FootComment = "", "", ""
		// In a flow list, so that it is quoted as flow context needs.
		text := sp.encode(&yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle, Content: []*yaml.Node{&x}}, 0)
		if !strings.Contains(text, "\n") {
			return text[1 : len(text)-1], true
		}
		// Too long for the encoder's line: a JSON string is a YAML
		// double-quoted scalar.
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		if enc.Encode(n.Value) != nil {
			return "", false
		}
		return strings.TrimSuffix(b.String(), "\n"), true
	case yaml.AliasNode:
		return "*" + n.Value, true
	case yaml.MappingNode, yaml.SequenceNode:
		if n.Style&yaml.FlowStyle == 0 {
			return "", false
		}
		open, end, step := "[", "]", 1
		if n.Kind == yaml.MappingNode {
			open, end, step = "{", "}", 2
		}
		parts := make([]string, 0, len(n.Content)/step)
		for i := 0; i+step-1 < len(n.Content); i += step {
			var part string
			for j := range step {
				c := n.Content[i+j]
				if c.Kind != yaml.ScalarNode && c.Kind != yaml.AliasNode {
					x := *c
					x.Style |= yaml.FlowStyle
					c = &x
				}
				t, ok := sp.oneLine(c)
				if !ok {
					return "", false
				}
				if j == 1 {
					part += ": "
				}
				part += t
			}
			parts = append(parts, part)
		}
		return open + strings.Join(parts, ", ") + end, true
	}
	return "", false
}

// scalar changes the plain scalar old, written on one line, into the
// scalar n when n too is written on one line, keeping the rest of the
// line as it is, and reports whether it could.
func (sp *splicer) scalar(old, n *yaml.Node) bool {
	if old == nil || old.Kind != yaml.ScalarNode || n.Kind != yaml.ScalarNode || old.Style != 0 || old.Anchor != "" ||
		old.Tag == "!!null" || old.Value == "" || strings.ContainsAny(old.Value, "\r\n") {
		return false
	}
	o := sp.nodeOff(old)
	if !bytes.HasPrefix(sp.src[o:], []byte(old.Value)) {
		return false
	}
	x := *n
	x.HeadComment, x.LineComment, x.FootComment = "", "", ""
	text := sp.encode(&x, 0)
	if strings.Contains(text, "\n") {
		return false
	}
	sp.edit(o, o+len(old.Value), text)
	return true
}

// donate records the nodes inside item n, which the edit removes, so
// that a value a merge moves from it keeps its comments and quoting
// where it goes (see donor).
func (sp *splicer) donate(n *yaml.Node) {
	if sp.donors == nil {
		sp.donors, sp.donorKeys = map[string]*yaml.Node{}, map[*yaml.Node]*yaml.Node{}
	}
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		if n.Kind != yaml.MappingNode && n.Kind != yaml.SequenceNode || depth > 4 {
			return
		}
		if k := nodeKey(n); sp.donors[k] == nil {
			sp.donors[k] = n
		}
		for i, c := range n.Content {
			if n.Kind == yaml.MappingNode && i%2 == 1 {
				sp.donorKeys[c] = n.Content[i-1] // its key keeps the pair's comments
			}
			walk(c, depth+1)
		}
	}
	walk(n, 0)
}

// donor returns the node of a removed item that holds the value n, nil
// when there is none.
func (sp *splicer) donor(n *yaml.Node) *yaml.Node {
	if sp.donors == nil || n.Kind != yaml.MappingNode && n.Kind != yaml.SequenceNode {
		return nil
	}
	return sp.donors[nodeKey(n)]
}

// nodeKey returns a string that two nodes share when sameNode holds.
func nodeKey(n *yaml.Node) string {
	var b strings.Builder
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		n = resolve(n)
		if n == nil {
			b.WriteString("nil;")
			return
		}
		fmt.Fprintf(&b, "%d:%d:%s:%d[", n.Kind, len(n.Value), n.Value, len(n.Content))
		for _, c := range n.Content {
			walk(c)
		}
		b.WriteByte(']')
	}
	walk(n)
	return b.String()
}

// appendSection adds the section key, a block list of items, at the end
// of the top level.
func (sp *splicer) appendSection(key string, items []*yaml.Node) {
	var b strings.Builder
	b.WriteString(key + ":" + sp.nl)
	for _, n := range items {
		sp.item(&b, n, 2, 1, 4)
	}
	sp.sections += b.String()
}

// item writes n, an item added to a block list, to b: its dash at
// column dashCol (0-based), gap spaces after it, its lines after the
// first indented by indent. An item a merge moves
// from an item removed (see donor), or one another file holds as it is
// (see lend), is written as it was there, its comments above its dash.
func (sp *splicer) item(b *strings.Builder, n *yaml.Node, dashCol, gap, indent int) {
	d := sp.donor(n)
	if d == nil && sp.lent != nil {
		d = sp.lent[nodeKey(n)]
	}
	if d != nil {
		sp.headLines(b, d.HeadComment, dashCol)
		n = bare(d)
	}
	b.WriteString(strings.Repeat(" ", dashCol) + "-" + strings.Repeat(" ", gap))
	b.WriteString(sp.encode(n, indent))
	b.WriteString(sp.nl)
}

// headLines writes the lines of head comment c to b, each indented by
// col spaces: the comments above an item or a field a merge moves,
// written above it where it goes.
func (sp *splicer) headLines(b *strings.Builder, c string, col int) {
	for _, line := range strings.Split(c, "\n") {
		if line != "" {
			b.WriteString(strings.Repeat(" ", col) + line + sp.nl)
		}
	}
}

// bare returns a copy of n, a node a merge moves, without the comments
// above and below it, which headLines writes where it goes.
func bare(n *yaml.Node) *yaml.Node {
	x := *n
	x.HeadComment, x.FootComment = "", ""
	return &x
}

// lend returns the items of the sections of other, the text of another
// YAML graph file (nil for none), by nodeKey, so that an item added that
// other holds as it is keeps its comments and style (see splicer.item).
// Only the items whose ID file, the items of the file spliced, lacks
// are kept, since only those can be added: the rest of other's tree is
// let go, so a merge of two files that share most items holds little of
// the second. An item with an anchor or an alias in it is left out, as
// its text does not stand on its own; so is a file that does not parse.
// It costs O(size of other).
func lend(other []byte, file *Batch) map[string]*yaml.Node {
	var doc yaml.Node
	if other == nil || yaml.Unmarshal(other, &doc) != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	has := map[string]map[string]bool{
		"entities":  idSet(file.Entities, entityID),
		"sources":   idSet(file.Sources, sourceID),
		"claims":    idSet(file.Claims, claimID),
		"relations": idSet(file.Relations, relationID),
	}
	lent := map[string]*yaml.Node{}
	top := doc.Content[0]
	for i := 0; i+1 < len(top.Content); i += 2 {
		if top.Content[i+1].Kind != yaml.SequenceNode {
			continue
		}
		section := top.Content[i].Value
		if has[section] == nil {
			continue // a batch's remove, remove_relations and merge lend nothing
		}
		for _, n := range top.Content[i+1].Content {
			if id, ok := nodeID(n, section); ok && has[section][id] {
				continue
			}
			if k := nodeKey(n); lent[k] == nil && standsAlone(n) {
				lent[k] = n
			}
		}
	}
	return lent
}

func idSet[T any](items []T, id func(*T) string) map[string]bool {
	set := make(map[string]bool, len(items))
	for i := range items {
		set[id(&items[i])] = true
	}
	return set
}

// nodeID returns the ID of n, an item of section of a file as written
// (a relation's as relationID names it), when its fields say it plainly.
func nodeID(n *yaml.Node, section string) (string, bool) {
	if n.Kind != yaml.MappingNode {
		return "", false
	}
	field := func(key string) (string, bool) {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k, v := n.Content[i], n.Content[i+1]; k.Value == key && k.Kind == yaml.ScalarNode && v.Kind == yaml.ScalarNode {
				return v.Value, true
			}
		}
		return "", false
	}
	if section != "relations" {
		return field("id")
	}
	from, ok1 := field("from")
	to, ok2 := field("to")
	kind, ok3 := field("kind")
	k, err := claims.ParseRelationKind(kind)
	if !ok1 || !ok2 || !ok3 || err != nil {
		return "", false
	}
	return relationID(&claims.Relation{From: from, To: to, Kind: k}), true
}

// standsAlone reports whether n has no anchor or alias in it.
func standsAlone(n *yaml.Node) bool {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		return false
	}
	for _, c := range n.Content {
		if !standsAlone(c) {
			return false
		}
	}
	return true
}

// encode writes n as YAML, its lines after the first indented by indent
// spaces, without a final line end.
func (sp *splicer) encode(n *yaml.Node, indent int) string {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil && sp.err == nil {
		sp.err = err
	}
	enc.Close()
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	for i := 1; i < len(lines); i++ {
		if lines[i] != "" {
			lines[i] = strings.Repeat(" ", indent) + lines[i]
		}
	}
	return strings.Join(lines, sp.nl)
}

// patch returns n, the node the writer gives a value now, with the
// comments and the style of old, the value's node in the file, and,
// inside a mapping or a list, the nodes of old for the parts whose value
// is the same, so that what is written anew keeps what it can. A value
// that changed into one that a removed item held (a review a merge
// moves) takes that item's node instead of old (see donate).
func (sp *splicer) patch(old, n *yaml.Node) *yaml.Node {
	if d := sp.donor(n); d != nil && !sameNode(resolve(old), n) {
		old = d
	}
	o := resolve(old)
	if o == nil || o.Kind != n.Kind {
		return n
	}
	x := *n
	x.HeadComment, x.LineComment, x.FootComment = o.HeadComment, o.LineComment, o.FootComment
	if old.Kind == yaml.AliasNode {
		x.LineComment = old.LineComment
	}
	switch o.Kind {
	case yaml.ScalarNode:
		if o.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
			x.Style = o.Style
		}
	case yaml.MappingNode:
		x.Style = o.Style & yaml.FlowStyle
		was := map[string]int{}
		for i := 0; i+1 < len(o.Content); i += 2 {
			was[o.Content[i].Value] = i
		}
		x.Content = slices.Clone(n.Content)
		for i := 0; i+1 < len(x.Content); i += 2 {
			if j, ok := was[x.Content[i].Value]; ok {
				// The key keeps its comments ("# review by bob",
				// "review:  # published one"), the value its own.
				k, ok := *x.Content[i], o.Content[j]
				k.HeadComment, k.LineComment, k.FootComment = ok.HeadComment, ok.LineComment, ok.FootComment
				x.Content[i] = &k
				x.Content[i+1] = sp.patch(o.Content[j+1], x.Content[i+1])
			} else if d := sp.donor(x.Content[i+1]); d != nil {
				x.Content[i+1] = bare(d)
				if dk := sp.donorKeys[d]; dk != nil && (dk.HeadComment != "" || dk.LineComment != "" || d.LineComment != "") {
					// A field a merge moves with comments ("# reviewed
					// by bob" above it, "# bob's" after it): they come
					// with it, and a mapping in flow style, which has no
					// room for them, is written in block style.
					k := *x.Content[i]
					k.HeadComment, k.LineComment = dk.HeadComment, dk.LineComment
					x.Content[i] = &k
					x.Style = 0
				}
			}
		}
		if x.Style != o.Style&yaml.FlowStyle && x.LineComment != "" && len(x.Content) > 0 && x.Content[0].LineComment == "" {
			// The comment after the flow mapping goes after its first
			// line ("- id: b  # the kept one").
			k := *x.Content[0]
			k.LineComment, x.LineComment = x.LineComment, ""
			x.Content[0] = &k
		}
	case yaml.SequenceNode:
		x.Style = o.Style & yaml.FlowStyle
		x.Content = slices.Clone(n.Content)
		for i := range x.Content {
			if i < len(o.Content) {
				x.Content[i] = sp.patch(o.Content[i], x.Content[i])
			} else if x.Style != 0 && x.Content[i].Kind != yaml.ScalarNode {
				c := *x.Content[i]
				c.Style |= yaml.FlowStyle
				x.Content[i] = &c
			}
		}
	}
	return &x
}

// inlineAliases replaces each alias left in the text whose anchor goes
// with the text of an edit by the value it stands for.
func (sp *splicer) inlineAliases(doc *yaml.Node) {
	if len(sp.edits) == 0 {
		return
	}
	edits := slices.Clone(sp.edits)
	slices.SortFunc(edits, func(a, b textEdit) int { return a.from - b.from })
	inEdit := func(o int) bool { // edits do not overlap
		i, _ := slices.BinarySearchFunc(edits, o+1, func(e textEdit, o int) int { return e.from - o })
		return i > 0 && o < edits[i-1].to
	}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.AliasNode {
			if o := sp.nodeOff(n); !inEdit(o) && n.Alias != nil && inEdit(sp.nodeOff(n.Alias)) {
				v := *n.Alias
				v.Anchor, v.HeadComment, v.LineComment, v.FootComment = "", "", "", ""
				flowAll(&v)
				sp.edit(o, o+1+len(n.Value), sp.encode(&v, 0))
			}
			return
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(doc)
}

// flowAll sets the flow style on n and every collection in it, so that
// it is written on one line.
func flowAll(n *yaml.Node) {
	if n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode {
		n.Style |= yaml.FlowStyle
		for i, c := range n.Content {
			x := *c
			x.HeadComment, x.LineComment, x.FootComment = "", "", ""
			flowAll(&x)
			n.Content[i] = &x
		}
	}
}
