package dot

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/timeline"
	"github.com/claimgraph/claimgraph/sources"
)

// DefaultWrap is the width, in characters, at which [Options.Wrap] wraps
// labels when it is zero.
const DefaultWrap = 30

// Options says what [Write] draws and how. The zero value draws every
// claim and the relations between them, without entities, sources or
// verdicts.
type Options struct {
	// Verdict returns the verdict label of a claim ("true", "false",
	// "undecided", ...) and whether it has one. Claims with a verdict
	// are filled with the colour of their label (see [Colour]) and
	// show the label under their text. Nil means no verdicts.
	Verdict func(claimID string) (label string, ok bool)

	// Entities draws the entities and the edges from claims to the
	// entities they are about ("about", dotted) or attributed to
	// ("said by").
	Entities bool

	// Sources draws the sources, the edges from claims to the sources
	// they appear in, and the derivation links between sources.
	Sources bool

	// Related leaves out the claims that take part in no support or
	// contradiction relation, so that a large graph shows its
	// argument and not a row of unrelated boxes.
	Related bool

	// Focus is the ID of a claim to draw with a heavy border, such as
	// the centre of a neighbourhood; "" for none.
	Focus string

	// Title is drawn as the graph's label; "" for none.
	Title string

	// Wrap is the line width of labels in characters; 0 means
	// [DefaultWrap] and a negative value does not wrap.
	Wrap int

	// IDs writes each claim's ID as the first line of its box; without
	// it the ID is only the box's tooltip.
	IDs bool

	// Origins returns the independent origins of a claim, as source
	// IDs (such as package graph/provenance finds). When set, the origin
	// sources are drawn, with a bold orange "origin" arrow from each
	// claim to each of its origins.
	Origins func(claimID string) []string

	// Legend draws a key beside the graph: the colour of each verdict
	// label in the drawing, the date the colours refer to (Date), and the
	// meaning of each kind of edge drawn.
	Legend bool

	// Date is the date the verdicts refer to, written in the legend; the
	// zero Date means verdicts of the undated graph ("all time"), or of
	// the date of the view drawn. A contradiction not live at that date
	// is drawn grey (see the package documentation).
	Date claims.Date
}

// VerdictMap adapts a map from claim ID to verdict label to
// [Options.Verdict].
func VerdictMap(m map[string]string) func(string) (string, bool) {
	return func(id string) (string, bool) {
		l, ok := m[id]
		return l, ok
	}
}

// Colour returns the fill colour of a claim with the given verdict label:
// green for a label that says the claim holds ("true", "accepted", "in",
// "supported", ...), red for one that says it does not ("false",
// "rejected", "out", "refuted", ...), yellow for one that says it is open
// ("undecided", "disputed", "unproven", "mixed", ...), grey for a claim
// that does not hold at the date of the verdicts ("not-holding",
// "not-yet-holding") and light blue for any other label. Matching ignores case, spaces and hyphens.
func Colour(label string) string {
	key := strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' || r == '_' {
			return -1
		}
		return unicode.ToLower(r)
	}, label)
	switch key {
	case "true", "accepted", "in", "supported", "correct", "mostlytrue", "holds":
		return "#c8e6c9"
	case "false", "rejected", "out", "refuted", "incorrect", "mostlyfalse", "pantsonfire", "fake":
		return "#ffcdd2"
	case "undecided", "disputed", "unproven", "mixed", "halftrue", "unknown", "undec", "misleading", "unverified":
		return "#fff9c4"
	case "notholding", "notyetholding":
		return notHoldingColour
	}
	return "#bbdefb"
}

// Colours and styles of the drawing, in one place.
const (
	supportColour     = "#2e7d32"
	contradictColour  = "#c62828"
	apartColour       = "#9e9e9e" // a contradiction time leaves not live
	sameColour        = "#1565c0"
	entityColour      = "#e1bee7"
	sourceColour      = "#eeeeee"
	linkColour        = "#9e9e9e"
	speakerColour     = "#6a1b9a"
	noVerdictColour   = "#ffffff"
	notHoldingColour  = "#e0e0e0"
	originColour      = "#ef6c00"
	graphFont         = "Helvetica"
	edgeFontSizeSmall = "9"
)

// Write draws the claims of v and the relations between them in the DOT
// language of Graphviz, with entities and sources when opts asks for
// them. The output is deterministic: items come in the order they were
// added to the graph and attributes in a fixed order.
//
// To draw the neighbourhood of a claim, pass the view of the graph that
// [graph.View.Neighbourhood] returns, and set [Options.Focus] to the
// claim.
//
// Write reports the first error of w.
//
// It reads one state of the graph, a [graph.View.Snapshot] of v.
func Write(w io.Writer, v graph.View, opts Options) error {
	v = v.Snapshot() // one state of the graph throughout
	// The dependency's drawing package (github.com/dominikbraun/graph/draw)
	// is not used: it writes every graph as "strict", which silently
	// merges parallel edges; it iterates Go maps, so its output changes
	// from run to run; and it writes labels between quotes without
	// escaping the quotes and backslashes inside them, so any claim text
	// with a quotation in it makes invalid DOT. Claim texts are full of
	// quotations, and golden tests need stable output, hence this writer.
	wr := &writer{w: bufio.NewWriter(w), opts: opts}
	if wr.opts.Wrap == 0 {
		wr.opts.Wrap = DefaultWrap
	}
	wr.graph(v)
	if wr.err == nil {
		wr.err = wr.w.Flush()
	}
	if wr.err != nil {
		return fmt.Errorf("dot: %w", wr.err)
	}
	return nil
}

type writer struct {
	w     *bufio.Writer
	opts  Options
	err   error
	apart bool // a contradiction not live was drawn
}

func (wr *writer) printf(format string, a ...any) {
	if wr.err == nil {
		_, wr.err = fmt.Fprintf(wr.w, format, a...)
	}
}

// attr is one attribute of a node, an edge or the graph; attributes are
// written in the order given.
type attr struct{ key, value string }

func (wr *writer) stmt(indent, head string, attrs []attr) {
	wr.printf("%s%s", indent, head)
	if len(attrs) > 0 {
		wr.printf(" [")
		for i, a := range attrs {
			if i > 0 {
				wr.printf(", ")
			}
			wr.printf("%s=%s", a.key, Quote(a.value))
		}
		wr.printf("]")
	}
	wr.printf(";\n")
}

func (wr *writer) graph(v graph.View) {
	related := make(map[string]bool)
	for r := range v.Relations() {
		if r.Kind != claims.DistinctFrom {
			related[r.From], related[r.To] = true, true
		}
	}
	var shown []claims.Claim
	for c := range v.Claims() {
		if !wr.opts.Related || related[c.ID] || c.ID == wr.opts.Focus {
			shown = append(shown, c)
		}
	}

	wr.printf("digraph claimgraph {\n")
	g := []attr{{"rankdir", "LR"}, {"fontname", graphFont}, {"newrank", "true"}, {"nodesep", "0.25"}, {"ranksep", "0.6"}}
	if wr.opts.Title != "" {
		g = append(g, attr{"label", wrap(wr.opts.Title, 0)}, attr{"labelloc", "t"}, attr{"fontsize", "18"})
	}
	wr.stmt("\t", "graph", g)
	wr.stmt("\t", "node", []attr{{"fontname", graphFont}, {"fontsize", "11"}})
	wr.stmt("\t", "edge", []attr{{"fontname", graphFont}, {"fontsize", edgeFontSizeSmall}})

	wr.printf("\n\t// Claims\n")
	for _, c := range shown {
		wr.claim(c)
	}
	usedEntities, usedSources := wr.uses(shown)
	origins := wr.origins(shown)
	drawn := make(map[string]bool) // the sources drawn
	for s := range v.Sources() {
		if wr.opts.Sources && usedSources[s.ID] || origins.sources[s.ID] {
			drawn[s.ID] = true
		}
	}
	if wr.opts.Entities {
		wr.printf("\n\t// Entities\n")
		for e := range v.Entities() {
			if usedEntities[e.ID] {
				wr.entity(e)
			}
		}
	}
	if len(drawn) > 0 {
		wr.printf("\n\t// Sources\n")
		for s := range v.Sources() {
			if drawn[s.ID] {
				wr.source(s)
			}
		}
	}

	wr.printf("\n\t// Relations\n")
	for r := range v.Relations() {
		wr.relation(v, r)
	}
	if wr.opts.Entities || wr.opts.Sources {
		wr.printf("\n\t// Links\n")
		for _, c := range shown {
			wr.links(c)
		}
	}
	if len(origins.edges) > 0 {
		wr.printf("\n\t// Origins\n")
		for _, e := range origins.edges {
			wr.stmt("\t", Quote(e[0])+" -> "+Quote(e[1]), []attr{
				{"label", "origin"}, {"color", originColour}, {"fontcolor", originColour}, {"style", "bold"}, {"arrowhead", "empty"},
			})
		}
	}
	if len(drawn) > 0 {
		for s := range v.Sources() {
			if !drawn[s.ID] {
				continue
			}
			for _, d := range s.DerivedFrom {
				if drawn[d.Source] {
					wr.stmt("\t", Quote(s.ID)+" -> "+Quote(d.Source), []attr{
						{"label", d.Kind.String()}, {"color", linkColour}, {"fontcolor", linkColour}, {"style", "dashed"},
					})
				}
			}
		}
	}
	if wr.opts.Legend {
		wr.legend(shown, len(drawn) > 0, len(origins.edges) > 0)
	}
	wr.printf("}\n")
}

// originSet is the origins of the claims drawn: the origin sources, and
// an edge [claim, origin] for each, in the order of the claims.
type originSet struct {
	sources map[string]bool
	edges   [][2]string
}

func (wr *writer) origins(shown []claims.Claim) originSet {
	o := originSet{sources: make(map[string]bool)}
	if wr.opts.Origins == nil {
		return o
	}
	for _, c := range shown {
		for _, src := range wr.opts.Origins(c.ID) {
			o.sources[src] = true
			o.edges = append(o.edges, [2]string{c.ID, src})
		}
	}
	return o
}

// legend draws the key of the drawing: one row per verdict label in use,
// in the order the claims first use them, then one per kind of edge drawn.
func (wr *writer) legend(shown []claims.Claim, sourcesDrawn, originsDrawn bool) {
	var rows []string
	swatch := func(colour, label string) {
		rows = append(rows, fmt.Sprintf(`<tr><td bgcolor="%s" border="1">&nbsp;&nbsp;&nbsp;&nbsp;</td><td align="left">%s</td></tr>`, colour, html(label)))
	}
	edge := func(colour, sample, meaning string) {
		rows = append(rows, fmt.Sprintf(`<tr><td><font color="%s">%s</font></td><td align="left">%s</td></tr>`, colour, html(sample), html(meaning)))
	}
	if wr.opts.Verdict != nil {
		seen := make(map[string]bool)
		for _, c := range shown {
			if l, ok := wr.opts.Verdict(c.ID); ok && !seen[l] {
				seen[l] = true
				swatch(Colour(l), l)
			}
		}
	}
	edge(supportColour, "——▶", "supports")
	edge(contradictColour, "┤‒ ‒├", "contradicts")
	if wr.apart {
		edge(apartColour, "┤· ·├", "contradicts, not live (not weighed)")
	}
	if wr.opts.Entities {
		edge(linkColour, "·····", "about")
		edge(speakerColour, "——▷", "said by")
	}
	if sourcesDrawn && wr.opts.Sources {
		edge(linkColour, "——▷", "appears in (dashed: via)")
	}
	if sourcesDrawn {
		edge(linkColour, "‒ ‒▶", "source draws on source")
	}
	if originsDrawn {
		edge(originColour, "━━▷", "independent origin")
	}
	title := "Key"
	if wr.opts.Verdict != nil {
		title = "Verdicts for all time"
		if !wr.opts.Date.IsZero() {
			title = "Verdicts as of " + wr.opts.Date.String()
		}
	}
	wr.printf("\n\t// Legend\n\tsubgraph cluster_legend {\n\t\tlabel=\"\";\n\t\tcolor=\"#bdbdbd\";\n")
	wr.printf("\t\t\"_legend\" [shape=plaintext, fontsize=\"10\", label=<<table border=\"0\" cellspacing=\"2\" cellpadding=\"2\"><tr><td colspan=\"2\"><b>%s</b></td></tr>%s</table>>];\n\t}\n",
		html(title), strings.Join(rows, ""))
}

// html escapes s for an HTML-like label of Graphviz. Such a label is
// XML, which may hold no control character and no invalid UTF-8: as in
// [Quote], tabs and line breaks become spaces and the others U+FFFD.
func html(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		case unicode.IsControl(r):
			return utf8.RuneError
		}
		return r
	}, s)
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

// uses returns the entities and sources that the claims shown refer to,
// so that only those are drawn.
func (wr *writer) uses(shown []claims.Claim) (ents, srcs map[string]bool) {
	ents, srcs = make(map[string]bool), make(map[string]bool)
	for _, c := range shown {
		for _, id := range c.About {
			ents[id] = true
		}
		for _, a := range c.Appearances {
			if a.Speaker != "" {
				ents[a.Speaker] = true
			}
			srcs[a.Source] = true
			if a.Via != "" {
				srcs[a.Via] = true
			}
		}
	}
	return ents, srcs
}

func (wr *writer) claim(c claims.Claim) {
	label := wrap(c.Text, wr.opts.Wrap)
	if wr.opts.IDs {
		label = c.ID + "\n" + label
	}
	fill := noVerdictColour
	if wr.opts.Verdict != nil {
		if verdict, ok := wr.opts.Verdict(c.ID); ok {
			fill = Colour(verdict)
			label += "\n[" + strings.ToUpper(verdict) + "]"
		}
	}
	attrs := []attr{{"label", label}, {"shape", "box"}, {"style", "rounded,filled"}, {"fillcolor", fill}, {"tooltip", c.ID}}
	if c.ID == wr.opts.Focus {
		attrs = append(attrs, attr{"penwidth", "3"})
	}
	wr.stmt("\t", Quote(c.ID), attrs)
}

func (wr *writer) entity(e claims.Entity) {
	wr.stmt("\t", Quote(e.ID), []attr{
		{"label", wrap(e.Name, wr.opts.Wrap)}, {"shape", "ellipse"}, {"style", "filled"},
		{"fillcolor", entityColour}, {"tooltip", e.ID + " (" + e.Kind.String() + ")"},
	})
}

func (wr *writer) source(s sources.Source) {
	label := s.Title
	if label == "" {
		label = s.ID
	}
	if s.Publisher != "" {
		label = s.Publisher + ": " + label
	}
	label = wrap(label, wr.opts.Wrap)
	if !s.Published.IsZero() {
		label += "\n" + s.Published.String()
	}
	attrs := []attr{{"label", label}, {"shape", "note"}, {"style", "filled"}, {"fillcolor", sourceColour}, {"fontsize", "9"}, {"tooltip", s.ID + " (" + s.Kind.String() + ")"}}
	if s.URL != "" {
		attrs = append(attrs, attr{"URL", s.URL})
	}
	wr.stmt("\t", Quote(s.ID), attrs)
}

// relation draws r, a relation of v. A contradiction that time leaves
// not live as of [Options.Date], else v's date ([timeline.StatusOf]; the
// verdicts of that date do not weigh it) is drawn grey and dotted rather
// than as an attack, its tooltip saying how ([timeline.Status.Words]:
// "resolved by time (never both holding)", "relation lapsed ...", "not
// live at the date ...").
func (wr *writer) relation(v graph.View, r claims.Relation) {
	head := Quote(r.From) + " -> " + Quote(r.To)
	switch r.Kind {
	case claims.DistinctFrom:
		return // a decision that two claims are not one: nothing to draw
	case claims.SameAs:
		wr.stmt("\t", head, []attr{
			{"color", sameColour}, {"style", "dotted"}, {"penwidth", "1.5"}, {"dir", "none"}, {"tooltip", "same as"},
		})
		return
	case claims.Contradicts:
		at := wr.opts.Date
		if at.IsZero() {
			at = v.Date()
		}
		if st := timeline.NotLive(v.At(at), r); st != 0 {
			wr.apart = true
			wr.stmt("\t", head, []attr{
				{"color", apartColour}, {"style", "dotted"}, {"penwidth", "1.5"},
				{"dir", "both"}, {"arrowhead", "tee"}, {"arrowtail", "tee"},
				{"tooltip", "contradicts, " + st.Words()},
			})
			return
		}
		wr.stmt("\t", head, []attr{
			{"color", contradictColour}, {"style", "dashed"}, {"penwidth", "1.5"},
			{"dir", "both"}, {"arrowhead", "tee"}, {"arrowtail", "tee"}, {"tooltip", "contradicts"},
		})
		return
	}
	wr.stmt("\t", head, []attr{
		{"color", supportColour}, {"style", "solid"}, {"penwidth", "1.5"}, {"arrowhead", "normal"}, {"tooltip", "supports"},
	})
}

// links draws the edges from claim c to its entities and sources, once
// per pair.
func (wr *writer) links(c claims.Claim) {
	seen := make(map[string]bool)
	edge := func(to string, attrs []attr) {
		key := to + "\x00" + attrs[0].value
		if seen[key] {
			return
		}
		seen[key] = true
		wr.stmt("\t", Quote(c.ID)+" -> "+Quote(to), attrs)
	}
	if wr.opts.Entities {
		for _, id := range c.About {
			edge(id, []attr{{"label", "about"}, {"color", linkColour}, {"fontcolor", linkColour}, {"style", "dotted"}, {"arrowhead", "none"}})
		}
		for _, a := range c.Appearances {
			if a.Speaker != "" {
				edge(a.Speaker, []attr{{"label", "said by"}, {"color", speakerColour}, {"fontcolor", speakerColour}, {"arrowhead", "open"}})
			}
		}
	}
	if wr.opts.Sources {
		for _, a := range c.Appearances {
			edge(a.Source, []attr{{"label", "in"}, {"color", linkColour}, {"fontcolor", linkColour}, {"arrowhead", "open"}})
			if a.Via != "" {
				edge(a.Via, []attr{{"label", "via"}, {"color", linkColour}, {"fontcolor", linkColour}, {"style", "dashed"}, {"arrowhead", "open"}})
			}
		}
	}
}

// Quote returns s as a DOT quoted string: between double quotes, with
// every double quote and backslash escaped, line breaks written as the
// escape \n (a centred line break in a label), and other control
// characters and invalid UTF-8 replaced by U+FFFD. Text outside ASCII is
// kept as UTF-8, the charset Graphviz reads by default.
func Quote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				continue // CRLF is one line break
			}
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteByte(' ')
		case r == utf8.RuneError && size == 1, unicode.IsControl(r):
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// wrap breaks s into lines of at most width characters at spaces (a
// longer word gets a line of its own, cut when it exceeds width), joined
// by newlines; width <= 0 leaves s as it is. Existing line breaks are
// kept.
func wrap(s string, width int) string {
	if width <= 0 {
		return s
	}
	var lines []string
	for _, para := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		var line []rune
		for _, word := range strings.Fields(para) {
			w := []rune(word)
			for len(w) > width {
				if len(line) > 0 {
					lines = append(lines, string(line))
					line = nil
				}
				lines = append(lines, string(w[:width]))
				w = w[width:]
			}
			switch {
			case len(line) == 0:
				line = slices.Clone(w)
			case len(line)+1+len(w) <= width:
				line = append(append(line, ' '), w...)
			default:
				lines = append(lines, string(line))
				line = slices.Clone(w)
			}
		}
		lines = append(lines, string(line))
	}
	return strings.Join(lines, "\n")
}
