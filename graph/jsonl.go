package graph

import (
	"bufio"
	"bytes"
	"cmp"
	"fmt"
	"io"
	"math"
	"runtime"
	"slices"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/sources"
	"go.yaml.in/yaml/v3"
)

// The JSON Lines format is the bulk format, for graphs too large to load
// from YAML in reasonable time. Each line is one JSON object: first the
// header {"claimgraph":1}, then one item per line, wrapped in an object
// whose one key says its section:
//
//	{"claimgraph":1}
//	{"entity":{"id":"kim-jong-un","name":"Kim Jong Un","kind":"person"}}
//	{"source":{"id":"yunashev-telegram-video","kind":"video"}}
//	{"claim":{"id":"kim-staff-wiped-traces","text":"…","appearances":[{"source":"yunashev-telegram-video"}]}}
//	{"relation":{"from":"a","to":"b","kind":"supports"}}
//
// An item has the fields of the JSON and YAML formats. Items may come in
// any order, and blank lines are skipped.

// DefaultMaxBulkBytes is the default of [ReadOptions.MaxBytes] for
// [ReadOptions.ReadJSONL]: 512 MiB, room for the generated graph of a
// million claims (465 MiB). The reader holds the input and the graph it
// builds, one line's tree at a time, so its peak is the graph's own
// size, which grows with the items ([DefaultMaxItems] bounds them) and
// with what they hold: about 8 times the input on generated graphs, up
// to 20 times for lines of many short values (a claim about 400
// entities). With [DefaultMaxItems] this keeps the peak under 10.1 GiB
// whatever the input (measured at the defaults: the README's table of
// limits); raise both for a larger graph.
const DefaultMaxBulkBytes = 512 << 20

// DefaultMaxLineNodes is the default of [ReadOptions.MaxNodes] for
// [ReadOptions.ReadJSONL], per line: a line is one item, and 1 Mi JSON
// values (a claim with a quarter of a million appearances) is far more
// than any holds. The reader holds one line's values at a time, about
// 160 bytes each, so a single long line of a hostile file stops at some
// 170 MB of them, where the budget of [DefaultMaxNodes] let one line of
// the 4 GiB input take 8 GB (16 GB at peak).
const DefaultMaxLineNodes = 1 << 20

// maxBulkProblems caps the problems a bulk read reports: past it, a file
// that is wrong throughout is not worth listing line by line.
const maxBulkProblems = 1000

// WriteJSONL writes the whole graph to w in the JSON Lines bulk format
// that [ReadJSONL] reads: deterministic, one item per line, in the order
// of the YAML format. It writes a [View.Snapshot] of g, holding no lock
// while it writes, so that a slow w delays no change and no query of
// g, and w may itself query or change g. Like any snapshot, it makes the
// first change after it copy what it shares (see [View.Snapshot]).
func (g *Graph) WriteJSONL(w io.Writer) error {
	s := g.Snapshot().snap
	bw := bufio.NewWriterSize(w, 1<<16)
	fmt.Fprintf(bw, "{\"claimgraph\":%d}\n", FormatVersion)
	line := func(key string, n *yaml.Node) {
		bw.WriteString(`{"` + key + `":`)
		writeJSON(bw, n, "", false)
		bw.WriteString("}\n")
	}
	for _, sec := range sections {
		sec.encode(s, func(n *yaml.Node) { line(sec.item, n) })
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("graph: writing JSON Lines: %w", err)
	}
	return nil
}

// ReadJSONL reads a graph in the JSON Lines bulk format from r with
// default limits; name is the file name used in errors. Like [ReadYAML]
// it is strict, checks the whole graph before building it, and reports an
// [ErrorList] with the line and column of every problem (at most 1000).
func ReadJSONL(r io.Reader, name string) (*Graph, error) {
	return ReadOptions{}.ReadJSONL(r, name)
}

// ReadJSONL reads the JSON Lines bulk format from r within the limits of
// o. MaxBytes bounds the whole input, with a default of
// [DefaultMaxBulkBytes] rather than [DefaultMaxBytes]; MaxItems its
// items, one a line, counted before any is decoded; MaxNodes and
// MaxDepth apply to each line, MaxNodes with a default of
// [DefaultMaxLineNodes] rather than [DefaultMaxNodes].
//
// It keeps only the graph and the input's bytes while reading: the
// positions of fields are recovered, by reading the line again, only for
// the items a problem is found in.
func (o ReadOptions) ReadJSONL(r io.Reader, name string) (*Graph, error) {
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBulkBytes
	}
	if o.MaxNodes <= 0 {
		o.MaxNodes = DefaultMaxLineNodes
	}
	o = o.withDefaults()
	// Reading stops after the line that reaches maxBulkProblems; room
	// for that line's problems and some of the check's.
	o.MaxErrors = 2 * maxBulkProblems
	data, err := o.read(r, name, true)
	if err != nil {
		return nil, err
	}
	if o.MaxItems <= 0 {
		o.MaxItems = DefaultMaxItems
	}
	if err := checkItems(data, name, o.MaxItems); err != nil {
		return nil, err
	}
	bulk := newBulkReader(name, data, o)
	d := bulk.d
	b := bulk.read()
	d.relocate = bulk.locate
	d.rels = bulk.relations(&b)
	return d.build(b)
}

// relations returns the relations of b, which the reader read, as it
// keeps them.
func (br *bulkReader) relations(b *Batch) *relList {
	return &relList{list: b.Relations, bulk: br.rels, data: br.d.data}
}

// bulkReader walks the lines of a JSON Lines input.
type bulkReader struct {
	d  *decoder
	sc *jsonScanner
	// at is the scanner locate reads an item's line again with: one for
	// every problem, so that a thousand problems do not each make one.
	at    *jsonScanner
	lines [][]lineAt // the line of each item, by section in the order of sections

	// fast tells whether lines of plain relations are decoded on their
	// own (see plainRelationLine): when the limits are wide enough that the
	// general way would pass them too.
	fast bool
	// rels is the batch's relations, compact (see bulkRel): those not
	// plain are in the batch's Relations.
	rels []bulkRel
}

// newBulkReader returns a reader of the JSON Lines in data, named name in
// errors. Its decoder keeps no field positions: locate recovers them.
func newBulkReader(name string, data []byte, o ReadOptions) *bulkReader {
	return &bulkReader{
		d:     &decoder{file: name, data: data, opts: o, json: true, reported: make(map[location]bool)},
		lines: make([][]lineAt, len(sections)),
		fast:  o.MaxNodes >= plainNodes && o.MaxDepth >= plainDepth,
	}
}

// lineAt is where a line starts: its byte offset and its number.
type lineAt struct{ off, line int }

// parallelBulkBytes is the input size from which a bulk read decodes
// its two halves at once.
const parallelBulkBytes = 1 << 20

// read decodes every line. A large input is cut in two at a line break
// after the header, where the halves take about as long to decode (see
// balance), and its halves are decoded at once, each by a reader of its
// own; the second's items and problems are then renumbered after the
// first's, so the result is the same as reading line by line.
func (br *bulkReader) read() Batch {
	data := br.d.data
	split := 0
	if len(data) >= parallelBulkBytes && runtime.GOMAXPROCS(0) > 1 {
		split = splitPoint(data)
	}
	if split == 0 {
		n := counts(data)
		for k := range br.lines {
			br.lines[k] = make([]lineAt, 0, n[k])
		}
		b := presize(n)
		br.rels = make([]bulkRel, 0, n[relationSection])
		br.readLines(&b, 0, len(data), 0, false)
		return b
	}
	d := br.d
	second := newBulkReader(d.file, data, d.opts)
	// One array per list holds both halves, the second's items in a
	// window after room for the first's, so that joining them copies
	// nothing when the counts were right (see joinHalves).
	split, n1, n2 := balance(data, split)
	all := presize(addCounts(n1, n2))
	b, b2 := window(all, n1, 0), window(all, n1, 1)
	allLines := make([][]lineAt, len(sections))
	for k := range allLines {
		allLines[k] = make([]lineAt, 0, n1[k]+n2[k])
		br.lines[k], second.lines[k] = windowOf(allLines[k], n1[k], 0), windowOf(allLines[k], n1[k], 1)
	}
	r1 := n1[relationSection]
	allRels := make([]bulkRel, 0, r1+n2[relationSection])
	br.rels, second.rels = windowOf(allRels, r1, 0), windowOf(allRels, r1, 1)
	done := make(chan struct{})
	go func() {
		defer close(done)
		second.readLines(&b2, split, len(data), bytes.Count(data[:split], []byte{'\n'}), true)
	}()
	br.readLines(&b, 0, split, 0, false)
	<-done
	if len(d.errs) >= maxBulkProblems {
		return b // reading line by line would have stopped in the first half
	}

	// The second half's problems, line by line, until the cap: reading
	// line by line stops after the line that reaches it.
	shift := map[string]int{"entity": len(b.Entities), "source": len(b.Sources), "claim": len(b.Claims), "relation": len(br.rels)}
	last := -1 // the last line of the second half to keep; -1 for all
	for k, e := range second.d.errs {
		if len(d.errs) >= maxBulkProblems && e.Line != second.d.errs[k-1].Line {
			last = second.d.errs[k-1].Line
			break
		}
		if e.loc.kind != "" {
			e.loc.index += shift[e.loc.kind]
		}
		d.errs = append(d.errs, e)
	}
	if last < 0 && len(d.errs) >= maxBulkProblems {
		last = d.errs[len(d.errs)-1].Line
	}
	kept := map[string]int{}
	for k, lines := range second.lines {
		n := len(lines)
		if last >= 0 {
			n, _ = slices.BinarySearchFunc(lines, last+1, func(l lineAt, line int) int { return cmp.Compare(l.line, line) })
		}
		kept[sections[k].item] = n
		br.lines[k] = joinHalves(allLines[k], n1[k], br.lines[k], lines[:n])
	}
	for loc := range second.d.reported {
		if loc.index < kept[loc.kind] {
			loc.index += shift[loc.kind]
			d.reported[loc] = true
		}
	}
	d.semantic = d.semantic && second.d.semantic
	b.Entities = joinHalves(all.Entities, n1[0], b.Entities, b2.Entities[:kept["entity"]])
	b.Sources = joinHalves(all.Sources, n1[1], b.Sources, b2.Sources[:kept["source"]])
	b.Claims = joinHalves(all.Claims, n1[2], b.Claims, b2.Claims[:kept["claim"]])
	// The second half's relations that are not plain follow the
	// first's: their places in the batch's Relations move by as many.
	rels2 := second.rels[:kept["relation"]]
	for i := range rels2 {
		if r := &rels2[i]; r.whole != 0 {
			b.Relations = append(b.Relations, b2.Relations[r.whole-1])
			r.whole = int32(len(b.Relations))
		}
	}
	br.rels = joinHalves(allRels, r1, br.rels, rels2)
	return b
}

// window returns the half of the lists of all that a half of the input
// decodes into: for half 0 the first n items of each list, for half 1
// the rest, each empty with the window as its room.
func window(all Batch, n [4]int, half int) Batch {
	return Batch{
		Entities: windowOf(all.Entities, n[0], half),
		Sources:  windowOf(all.Sources, n[1], half),
		Claims:   windowOf(all.Claims, n[2], half),
	}
}

func windowOf[T any](all []T, n, half int) []T {
	if half == 0 {
		return all[:0:n]
	}
	return all[n:n]
}

// joinHalves returns the items of first then second, which were decoded
// into the windows of all that window gave them, first's of room n. A
// list that stayed in its window was not moved by append, so the second
// is joined to the first in place: moved down over the room the first
// did not fill, if any, and not copied at all when the counts were
// right. Otherwise it is appended as usual.
func joinHalves[T any](all []T, n int, first, second []T) []T {
	if len(first) > n || len(second) > cap(all)-n {
		return append(first, second...)
	}
	if len(first) < n {
		copy(all[len(first):cap(all)], all[n:n+len(second)])
	}
	return all[:len(first)+len(second)]
}

// splitPoint returns the start of the first line past the middle of data
// that comes after the header (the first line that is not blank), or 0
// when there is none.
func splitPoint(data []byte) int {
	at := headerEnd(data)
	if at < 0 {
		return 0
	}
	mid := max(at, len(data)/2)
	end := bytes.IndexByte(data[mid:], '\n')
	if end < 0 || mid+end+1 >= len(data) {
		return 0
	}
	return mid + end + 1
}

// isItem reports whether n, a line of JSON Lines, is an item: an object
// of one key that names a section (entity, source, claim, relation).
func isItem(n *yaml.Node) bool {
	return n.Kind == yaml.MappingNode && len(n.Content) == 2 && sectionIndex(n.Content[0].Value) >= 0
}

// headerEnd returns the start of the line after the header (the first
// line that is not blank) of data, or -1 when there is none.
func headerEnd(data []byte) int {
	at := 0
	for at < len(data) {
		end := bytes.IndexByte(data[at:], '\n')
		if end < 0 {
			return -1
		}
		blank := isBlank(data[at : at+end])
		at += end + 1
		if !blank {
			return at
		}
	}
	return -1
}

// isBlank reports whether line holds only JSON's white space (a line
// feed ends it): a line of another space or a control character is not
// blank, but an error where the scanner finds it.
func isBlank(line []byte) bool {
	for _, c := range line {
		if c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}

// The work of decoding a line, for balance, per byte: tally weighs
// every relation line at a quarter of another line of its size, as a
// plain relation (see plainRelationLine), most of them, decodes; a
// relation with notes or sources weighs more than tally counts it. Cut
// in the middle of its bytes instead, a file laid out as the writer
// lays one out (entities, sources and claims, then the relations) would
// leave most of the work to its first half and the second half's
// thread mostly idle.
const relationLineWork, lineWork = 1, 4

// balance returns where to cut data in two for decoding the halves at
// once (a line start past the header), and the counts of each half (see
// counts): split, the middle of its bytes (splitPoint), moved to where
// the halves' work is about the same (see lineWork). The halves are
// counted at once; then the heavier is walked again up to that point.
func balance(data []byte, split int) (int, [4]int, [4]int) {
	var n2 [4]int
	var w2 int
	counted := make(chan struct{})
	go func() {
		defer close(counted)
		n2, w2, _ = tally(data[split:], math.MaxInt)
	}()
	n1, w1, _ := tally(data[:split], math.MaxInt)
	<-counted
	half, to, m1, m2 := (w1+w2)/2, split, n1, n2
	switch {
	case w1 > half: // the first half is cut short
		var m [4]int
		m, _, to = tally(data[:split], half)
		m1, m2 = m, addCounts(n2, subCounts(n1, m))
	case w1 < half: // the second half gives lines to the first
		m, _, end := tally(data[split:], half-w1)
		to, m1, m2 = split+end, addCounts(n1, m), subCounts(n2, m)
	}
	if to <= headerEnd(data) || to >= len(data) {
		to, m1, m2 = split, n1, n2
	}
	return to, capCounts(m1, to), capCounts(m2, len(data)-to)
}

// readLines decodes the lines of data[from:to] into b; the line at from
// is numbered after lineNo. header tells whether the header has been
// read already.
func (br *bulkReader) readLines(b *Batch, from, to, lineNo int, header bool) {
	d := br.d
	data := d.data[:to]
	cut := false // a line was cut short by the node limit
	for off := from; off < len(data) && len(d.errs) < maxBulkProblems; {
		end := bytes.IndexByte(data[off:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += off
		}
		start := off
		line := data[start:end]
		off = end + 1
		lineNo++
		if isBlank(line) {
			continue
		}
		if header && br.fast {
			if r, ok := plainRelationLine(line, start); ok {
				// What the general way below does with such a line.
				cut = cut || d.stop
				d.nodes, d.stop = 0, false
				br.lines[relationSection] = append(br.lines[relationSection], lineAt{start, lineNo})
				if d.more == 0 {
					br.rels = append(br.rels, r)
				}
				continue
			}
		}
		n := br.parse(line, lineNo)
		if n == nil {
			header = true // a broken first line must not also count as a missing header
			continue
		}
		cut = cut || d.stop
		d.nodes, d.stop = 0, false // the node limit applies per line
		if !header {
			header = true
			if !isItem(n) {
				d.root(nil, n, jsonVersion, fmt.Sprintf(`{"claimgraph":%d} as the first line`, FormatVersion))
				continue
			}
			// An item where the header should be: the header is left
			// out, and the line is read as the item it is, not as a
			// header whose key is unknown.
			d.errAt(n, location{}, "", fmt.Errorf(`%w: missing {"claimgraph":%d}: the first line must be it, not an item`, ErrVersion, FormatVersion))
		}
		if n.Kind != yaml.MappingNode || len(n.Content) != 2 {
			d.errAt(n, location{}, "", fmt.Errorf("%w: want an object with one key: %s", ErrSyntax, itemKeys))
			continue
		}
		key, v := n.Content[0], n.Content[1]
		k := sectionIndex(key.Value)
		if k < 0 {
			d.errAt(key, location{}, "", fmt.Errorf("%w %s: want %s", ErrUnknownField, claims.Quote(key.Value), itemKeys))
			continue
		}
		i := len(br.lines[k])
		br.lines[k] = append(br.lines[k], lineAt{start, lineNo})
		had := len(b.Relations)
		sections[k].decode(d, b, i, v)
		if len(b.Relations) > had {
			br.rels = append(br.rels, bulkRel{whole: int32(len(b.Relations))})
		}
	}
	if !header {
		d.errAt(nil, location{}, "", fmt.Errorf("%w: empty document, want {\"claimgraph\":%d} as the first line", ErrSyntax, FormatVersion))
	}
	// Checking the meaning of items cut short would only report what the
	// walk did not reach.
	d.semantic = !(cut || d.stop)
}

// counts returns the numbers of entities, sources, claims and relations
// in data, counted by the first key of each line as the writer lays
// lines out. The counts only size the lists (see presize), so lines laid
// out otherwise cost no more than growing them; and each is capped at
// one item per 64 bytes of input, less than real lines take, so that a
// file of bare line openings cannot make it reserve many times its own
// size.
func counts(data []byte) [4]int {
	n, _, _ := tally(data, math.MaxInt)
	return capCounts(n, len(data))
}

// tally walks the lines of data until their work (see lineWork) reaches
// limit, or to the end, and returns the numbers of entities, sources,
// claims and relations among them (uncapped, see counts), their work,
// and the offset past the last line walked.
func tally(data []byte, limit int) (n [4]int, work, off int) {
	// n is by section: entity, source, claim, relation.
	for off < len(data) && work < limit {
		rest := data[off:]
		k := -1
		if len(rest) > 2 && rest[0] == '{' && rest[1] == '"' {
			for j, p := range linePrefixes {
				if bytes.HasPrefix(rest, p) {
					n[j]++
					k = j
					break
				}
			}
		}
		size := len(rest)
		if end := bytes.IndexByte(rest, '\n'); end >= 0 {
			size = end + 1
		}
		if k == relationSection {
			work += relationLineWork * size
		} else {
			work += lineWork * size
		}
		off += size
	}
	return n, work, off
}

// capCounts caps the counts n of size bytes of input at one item per 64
// bytes (see counts).
func capCounts(n [4]int, size int) [4]int {
	for k := range n {
		n[k] = min(n[k], size/64)
	}
	return n
}

// linePrefixes are the openings of the lines of each section as the
// writer writes them, `{"entity":` first, in the order of sections.
var linePrefixes = func() (p [4][]byte) {
	for k, s := range sections {
		p[k] = []byte(`{"` + s.item + `":`)
	}
	return p
}()

// addCounts returns the sums of the counts of a and b.
func addCounts(a, b [4]int) [4]int {
	for k := range a {
		a[k] += b[k]
	}
	return a
}

// subCounts returns the differences of the counts of a and b.
func subCounts(a, b [4]int) [4]int {
	for k := range a {
		a[k] -= b[k]
	}
	return a
}

// presize returns a batch with room for n[0] entities, n[1] sources and
// n[2] claims (see counts). The relations are kept compact (see
// bulkReader.rels), the batch's Relations holding only those that are
// not plain, few or none: they grow as they come.
func presize(n [4]int) Batch {
	return Batch{
		Entities: make([]claims.Entity, 0, n[0]),
		Sources:  make([]sources.Source, 0, n[1]),
		Claims:   make([]claims.Claim, 0, n[2]),
	}
}

// relationSection is the index of relations in sections.
var relationSection = sectionIndex("relation")

// plainNodes and plainDepth are limits that a line of a plain relation
// is well within: it is 9 values at most 2 levels deep.
const plainNodes, plainDepth = 16, 4

// plainRelationLine decodes line when it is a relation with only its ends
// and kind, laid out as the writer lays one out, its IDs of printable
// ASCII without escapes and shorter than 256 bytes, and its kind a valid
// one:
//
//	{"relation":{"from":"a","to":"b","kind":"supports"}}
//
// Such a line, most of a large file, decodes to the same relation as
// through the scanner and the relation's table, with no problem; ok is
// false for any other line, which must take that way. The relation is
// kept compact (see bulkRel), its IDs where they are in the line, the
// line being at offset start of the input.
func plainRelationLine(line []byte, start int) (r bulkRel, ok bool) {
	const fromAt = len(`{"relation":{"from":"`)
	rest, ok := bytes.CutPrefix(line, []byte(`{"relation":{"from":"`))
	if !ok {
		return r, false
	}
	from, rest, ok := plainString(rest)
	if !ok {
		return r, false
	}
	if rest, ok = bytes.CutPrefix(rest, []byte(toSep[1:])); !ok { // the quote closing from is read
		return r, false
	}
	to, rest, ok := plainString(rest)
	if !ok {
		return r, false
	}
	if rest, ok = bytes.CutPrefix(rest, []byte(`,"kind":"`)); !ok {
		return r, false
	}
	kind, rest, ok := plainString(rest)
	if !ok || string(rest) != "}}" || len(from) > math.MaxUint8 || len(to) > math.MaxUint8 {
		return r, false
	}
	word, ok := common.get(kind) // every valid kind is a word of the format
	if !ok {
		return r, false
	}
	k, err := claims.ParseRelationKind(word)
	if err != nil {
		return r, false
	}
	return bulkRel{at: start + fromAt, flen: uint8(len(from)), tlen: uint8(len(to)), kind: k}, true
}

// plainString returns the bytes of data up to a closing quote, and the
// rest after it, when they are printable ASCII with no backslash: a JSON
// string that means its own bytes.
func plainString(data []byte) (s, rest []byte, ok bool) {
	for i, c := range data {
		switch {
		case c == '"':
			return data[:i], data[i+1:], true
		case c < 0x20 || c >= utf8.RuneSelf || c == '\\':
			return nil, nil, false
		}
	}
	return nil, nil, false
}

// parse scans one line, numbered lineNo, reporting a syntax error. The
// nodes it returns are reused by the next call.
func (br *bulkReader) parse(line []byte, lineNo int) *yaml.Node {
	if br.sc == nil {
		br.sc = newJSONScanner(nil, br.d.opts)
	}
	sc := br.sc
	sc.reset(line, lineNo)
	n, err := sc.document()
	if err != nil {
		l, c := sc.errorAt(err.offset)
		br.d.errs = append(br.d.errs, &Error{Position: claims.Position{File: br.d.file, Line: lineNo + l - 1, Column: c}, Err: err.err})
		return nil
	}
	return n
}

// locate finds the position of a problem found by the batch check: it
// reads the item's line again and walks it with positions on.
func (br *bulkReader) locate(e *Error) bool {
	k := sectionIndex(e.loc.kind)
	if k < 0 {
		return false
	}
	lines := br.lines[k]
	if e.loc.index < 0 || e.loc.index >= len(lines) {
		return false
	}
	at := lines[e.loc.index]
	end := bytes.IndexByte(br.d.data[at.off:], '\n')
	if end < 0 {
		end = len(br.d.data) - at.off
	}
	if br.at == nil {
		br.at = newJSONScanner(nil, br.d.opts)
	}
	sc := br.at
	sc.reset(br.d.data[at.off:at.off+end], at.line)
	n, err := sc.document()
	if err != nil || n.Kind != yaml.MappingNode || len(n.Content) != 2 {
		return false // it parsed the first time
	}
	walk := &decoder{file: br.d.file, opts: br.d.opts, json: true, pos: make(map[location]nodePos), reported: make(map[location]bool)}
	sectionByItem(e.loc.kind).decode(walk, &Batch{}, e.loc.index, n.Content[1])
	walk.locate(e)
	return true
}
