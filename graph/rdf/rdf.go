package rdf

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/sources"
)

// Namespaces of the vocabularies used.
const (
	Schema = "https://schema.org/"
	PROV   = "http://www.w3.org/ns/prov#"
	CG     = "https://claimgraph.github.io/ns#"
	RDF    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	RDFS   = "http://www.w3.org/2000/01/rdf-schema#"
	XSD    = "http://www.w3.org/2001/XMLSchema#"
)

// DefaultBase is the IRI prefix of items when [Options.Base] is empty:
// an item's IRI is the base followed by its ID.
const DefaultBase = "urn:claimgraph:"

// Options says how items are named.
type Options struct {
	// Base is prefixed to every ID to make the item's IRI; "" means
	// [DefaultBase]. IDs hold only characters that are safe in IRIs.
	Base string
	// Graph is the IRI of the named graph that N-Quads output puts every
	// statement in; "" means the default graph. Turtle ignores it.
	Graph string
}

// ErrOption is wrapped by the error of [Options.Check] for a base or graph
// name that is not an absolute IRI.
var ErrOption = errors.New("rdf: invalid option")

// base returns the IRI prefix of items.
func (o Options) base() string {
	if o.Base == "" {
		return DefaultBase
	}
	return o.Base
}

// Check reports whether the base and graph names are absolute IRIs
// (a scheme, a colon, then no space, control or <>"{}|^`\ character),
// which N-Quads and Turtle require. A graph name like "_:g" is refused:
// it would be a blank node, which this writer does not name graphs with.
// The error wraps [ErrOption].
func (o Options) Check() error {
	for _, f := range []struct{ name, value string }{{"base", o.Base}, {"graph", o.Graph}} {
		if f.value == "" {
			continue
		}
		if err := checkIRI(f.value); err != nil {
			return fmt.Errorf("%w: %s %q: %v", ErrOption, f.name, f.value, err)
		}
	}
	return nil
}

// checkIRI reports whether s is an absolute IRI as the N-Triples IRIREF
// production accepts it without escapes.
func checkIRI(s string) error {
	scheme, _, ok := strings.Cut(s, ":")
	if scheme == "_" {
		return errors.New("a blank node label, not an IRI")
	}
	if !ok || scheme == "" {
		return errors.New("not an absolute IRI: want a scheme, such as https or urn, and a colon")
	}
	for i, r := range scheme {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || i > 0 && ('0' <= r && r <= '9' || strings.ContainsRune("+-.", r))) {
			return fmt.Errorf("scheme %q: want a letter followed by letters, digits, plus, minus or dot", scheme)
		}
	}
	for _, r := range s {
		if r <= 0x20 || r == 0x7f || strings.ContainsRune("<>\"{}|^`\\", r) || r == utf8.RuneError {
			return fmt.Errorf("holds %q, which an IRI may not", r)
		}
	}
	return nil
}

// Term is an RDF term: an IRI, a blank node or a literal.
type Term struct {
	Kind     TermKind
	Value    string // the IRI, the blank node label or the literal's text
	Datatype string // a literal's datatype IRI; "" for xsd:string
}

// TermKind says what a [Term] is.
type TermKind uint8

// The kinds of term.
const (
	IRI TermKind = iota + 1
	Blank
	Literal
)

// Triple is one statement.
type Triple struct{ S, P, O Term }

func iri(s string) Term             { return Term{Kind: IRI, Value: s} }
func blank(s string) Term           { return Term{Kind: Blank, Value: s} }
func lit(s string) Term             { return Term{Kind: Literal, Value: s} }
func typed(s, datatype string) Term { return Term{Kind: Literal, Value: s, Datatype: datatype} }

// date returns a partial date as a literal of the XSD type of its
// precision: xsd:gYear, xsd:gYearMonth or xsd:date.
func date(d claims.Date) Term {
	switch d.Precision() {
	case claims.YearOnly:
		return typed(d.String(), XSD+"gYear")
	case claims.MonthOnly:
		return typed(d.String(), XSD+"gYearMonth")
	}
	return typed(d.String(), XSD+"date")
}

var entityClass = map[claims.EntityKind]string{
	claims.Person: "Person", claims.Organisation: "Organization", claims.Country: "Country",
	claims.Place: "Place", claims.Event: "Event", claims.Document: "CreativeWork", claims.OtherEntity: "Thing",
}

var sourceClass = map[sources.Kind]string{
	sources.NewsArticle: "NewsArticle", sources.Wire: "NewsArticle", sources.Broadcast: "CreativeWork",
	sources.SocialPost: "SocialMediaPosting", sources.Video: "VideoObject", sources.OfficialStatement: "CreativeWork",
	sources.Report: "Report", sources.Interview: "CreativeWork", sources.Informant: "CreativeWork", sources.Other: "CreativeWork",
}

// Triples returns the statements that describe v, in a fixed order:
// entities, sources, claims, relations, each in the order they were
// added, and the statements of an item in a fixed order. See the package
// documentation for the mapping.
//
// It reads one state of the graph, a [graph.View.Snapshot] of v.
func Triples(v graph.View, opts Options) []Triple {
	v = v.Snapshot() // one state of the graph throughout
	base := opts.base()
	item := func(id string) Term { return iri(base + id) }
	// ref is an item's IRI when id names an entity, else the text.
	ref := func(id string) Term {
		if k, ok := v.KindOf(id); ok && k == graph.EntityVertex {
			return item(id)
		}
		return lit(id)
	}
	var out []Triple
	add := func(s Term, p string, o Term) { out = append(out, Triple{s, iri(p), o}) }
	str := func(s Term, p, value string) {
		if value != "" {
			add(s, p, lit(value))
		}
	}
	validity := func(s Term, val claims.Validity) {
		if !val.From.IsZero() {
			add(s, CG+"validFrom", date(val.From))
		}
		if !val.Until.IsZero() {
			add(s, CG+"validUntil", date(val.Until))
		}
		if val.Ongoing {
			add(s, CG+"stillHolds", typed("true", XSD+"boolean"))
		}
		if !val.At.IsZero() {
			add(s, CG+"validAt", date(val.At))
		}
		if !val.Occurred.IsZero() {
			add(s, CG+"occurred", date(val.Occurred))
		}
	}
	// merged writes the IDs merged into an item, which still name it.
	merged := func(s Term, ids []string) {
		for _, id := range ids {
			add(s, CG+"mergedId", lit(id))
		}
	}
	for e := range v.Entities() {
		s := item(e.ID)
		add(s, RDF+"type", iri(Schema+entityClass[e.Kind]))
		add(s, Schema+"identifier", lit(e.ID))
		merged(s, e.Merged)
		str(s, Schema+"name", e.Name)
		for _, a := range e.Aliases {
			str(s, Schema+"alternateName", a)
		}
		if e.Wikidata != "" {
			add(s, Schema+"sameAs", iri("http://www.wikidata.org/entity/"+e.Wikidata))
		}
		str(s, RDFS+"comment", e.Note)
	}
	published := func(s Term, d claims.Date) {
		if d.IsZero() {
			return
		}
		add(s, Schema+"datePublished", date(d))
		add(s, CG+"earliest", typed(d.First().String(), XSD+"date"))
		add(s, CG+"latest", typed(d.Last().String(), XSD+"date"))
	}
	for src := range v.Sources() {
		s := item(src.ID)
		add(s, RDF+"type", iri(Schema+sourceClass[src.Kind]))
		add(s, RDF+"type", iri(PROV+"Entity"))
		add(s, Schema+"identifier", lit(src.ID))
		merged(s, src.Merged)
		add(s, CG+"sourceKind", lit(src.Kind.String()))
		str(s, Schema+"name", src.Title)
		str(s, Schema+"publisher", src.Publisher)
		if src.URL != "" {
			add(s, Schema+"url", iri(src.URL))
		}
		var author Term
		if src.Author != "" {
			author = blank(src.ID + ".author")
			add(s, Schema+"author", author)
		}
		published(s, src.Published)
		for _, d := range src.DerivedFrom {
			add(s, PROV+"wasDerivedFrom", item(d.Source))
			switch d.Kind {
			case sources.Quotes:
				add(s, PROV+"wasQuotedFrom", item(d.Source))
			case sources.Cites:
				add(s, CG+"cites", item(d.Source))
			case sources.Republishes:
				add(s, CG+"republishes", item(d.Source))
			case sources.Translates:
				add(s, CG+"translates", item(d.Source))
			}
		}
		str(s, RDFS+"comment", src.Note)
		if src.Author != "" {
			add(author, Schema+"name", lit(src.Author))
		}
	}
	for c := range v.Claims() {
		s := item(c.ID)
		add(s, RDF+"type", iri(Schema+"Claim"))
		add(s, Schema+"identifier", lit(c.ID))
		merged(s, c.Merged)
		str(s, Schema+"text", c.Text)
		str(s, Schema+"inLanguage", c.Lang)
		for _, id := range c.About {
			add(s, Schema+"about", item(id))
		}
		if st := c.Statement; st != nil {
			if st.Subject != "" {
				add(s, CG+"subject", ref(st.Subject))
			}
			str(s, CG+"predicate", st.Predicate)
			if st.Object != "" {
				add(s, CG+"object", ref(st.Object))
			}
		}
		validity(s, c.Validity)
		str(s, RDFS+"comment", c.Note)
		seenSource, seenSpeaker := map[string]bool{}, map[string]bool{}
		for _, a := range c.Appearances {
			if !seenSource[a.Source] {
				seenSource[a.Source] = true
				add(s, Schema+"appearance", item(a.Source))
			}
			if a.Speaker != "" && !seenSpeaker[a.Speaker] {
				seenSpeaker[a.Speaker] = true
				add(s, Schema+"author", item(a.Speaker))
			}
		}
		for i, a := range c.Appearances {
			n := blank(fmt.Sprintf("%s.appearance.%d", c.ID, i+1))
			add(s, CG+"hasAppearance", n)
			add(n, RDF+"type", iri(CG+"Appearance"))
			add(n, RDF+"type", iri(PROV+"Entity"))
			add(n, Schema+"isPartOf", item(a.Source))
			if a.Speaker != "" {
				add(n, PROV+"wasAttributedTo", item(a.Speaker))
			}
			published(n, a.Date)
			str(n, CG+"quote", a.Quote)
			str(n, Schema+"inLanguage", a.Lang)
			if a.AboutPast {
				add(n, CG+"aboutPast", typed("true", XSD+"boolean"))
			}
			if a.Via != "" {
				add(n, PROV+"wasDerivedFrom", item(a.Via))
			}
			str(n, RDFS+"comment", a.Note)
		}
	}
	i := 0
	for r := range v.Relations() {
		i++
		prop, class := "supports", "Support"
		switch r.Kind {
		case claims.Contradicts:
			prop, class = "contradicts", "Contradiction"
		case claims.SameAs:
			prop, class = "sameAs", "SameAs"
		case claims.DistinctFrom:
			prop, class = "distinctFrom", "Distinction"
		}
		add(item(r.From), CG+prop, item(r.To))
		if r.Kind.Symmetric() {
			add(item(r.To), CG+prop, item(r.From))
		}
		n := blank(fmt.Sprintf("relation.%d", i))
		add(n, RDF+"type", iri(CG+class))
		add(n, CG+"from", item(r.From))
		add(n, CG+"to", item(r.To))
		for _, id := range r.Sources {
			add(n, PROV+"wasDerivedFrom", item(id))
		}
		if r.Confidence != 0 {
			add(n, CG+"confidence", typed(strconv.FormatFloat(r.Confidence, 'g', -1, 64), XSD+"decimal"))
		}
		str(n, CG+"assertedBy", r.AssertedBy)
		validity(n, r.Validity)
		str(n, RDFS+"comment", r.Note)
	}
	return out
}

// WriteNQuads writes the statements of v as N-Quads, one per line, in
// the named graph [Options.Graph] or the default graph. Output in the
// default graph is also valid N-Triples.
func WriteNQuads(w io.Writer, v graph.View, opts Options) error {
	if err := opts.Check(); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	suffix := " .\n"
	if opts.Graph != "" {
		suffix = " " + term(iri(opts.Graph)) + " .\n"
	}
	for _, t := range Triples(v, opts) {
		bw.WriteString(term(t.S) + " " + term(t.P) + " " + term(t.O) + suffix)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("rdf: %w", err)
	}
	return nil
}

// prefixes are the Turtle prefixes, in the order written.
var prefixes = []struct{ name, ns string }{
	{"schema", Schema}, {"prov", PROV}, {"cg", CG}, {"rdfs", RDFS}, {"xsd", XSD},
}

// WriteTurtle writes the statements of v as Turtle: the same triples as
// [WriteNQuads], grouped by subject, with prefixed names for the
// vocabularies and "a" for rdf:type.
func WriteTurtle(w io.Writer, v graph.View, opts Options) error {
	if err := opts.Check(); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	for _, p := range prefixes {
		fmt.Fprintf(bw, "@prefix %s: <%s> .\n", p.name, p.ns)
	}
	ts := Triples(v, opts)
	for i, t := range ts {
		newSubject := i == 0 || ts[i-1].S != t.S
		samePredicate := !newSubject && ts[i-1].P == t.P
		switch {
		case newSubject:
			bw.WriteString("\n" + turtleTerm(t.S) + "\n    ")
		case samePredicate:
			bw.WriteString(" ,\n        ")
		default:
			bw.WriteString(" ;\n    ")
		}
		switch {
		case samePredicate:
		case t.P.Value == RDF+"type":
			bw.WriteString("a ")
		default:
			bw.WriteString(turtleTerm(t.P) + " ")
		}
		bw.WriteString(turtleTerm(t.O))
		if i == len(ts)-1 || ts[i+1].S != t.S {
			bw.WriteString(" .\n")
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("rdf: %w", err)
	}
	return nil
}

// turtleTerm writes t with a prefixed name when its IRI is in one of the
// vocabularies and its local part is a plain word.
func turtleTerm(t Term) string {
	if t.Kind == IRI {
		for _, p := range prefixes {
			if local, ok := strings.CutPrefix(t.Value, p.ns); ok && plainLocal(local) {
				return p.name + ":" + local
			}
		}
	}
	if t.Kind == Literal && t.Datatype != "" {
		return quote(t.Value) + "^^" + turtleTerm(iri(t.Datatype))
	}
	return term(t)
}

func plainLocal(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') {
			return false
		}
	}
	return true
}

// term writes t in N-Triples syntax.
func term(t Term) string {
	switch t.Kind {
	case IRI:
		return "<" + escapeIRI(t.Value) + ">"
	case Blank:
		return "_:" + blankLabel(t.Value)
	}
	if t.Datatype != "" {
		return quote(t.Value) + "^^<" + escapeIRI(t.Datatype) + ">"
	}
	return quote(t.Value)
}

// quote writes a string literal per the N-Triples grammar: ECHAR escapes
// for quote, backslash and the line and tab controls, \u escapes for the
// other control characters, U+FFFD for invalid UTF-8, and everything else
// as UTF-8.
func quote(s string) string {
	var b strings.Builder
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
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// escapeIRI writes the characters that an IRIREF may not hold (controls,
// space and <>"{}|^`\) as \u escapes, which the grammar allows.
func escapeIRI(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r <= 0x20 || strings.ContainsRune("<>\"{}|^`\\", r) || r == utf8.RuneError {
			fmt.Fprintf(&b, `\u%04X`, r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// blankLabel makes a blank node label of s: IDs may hold ':' which a
// label may not, so every character outside [A-Za-z0-9_.-] becomes '_'
// followed by its hex code; a label may not end in '.', so a final '.'
// is escaped the same way.
func blankLabel(s string) string {
	var b strings.Builder
	for i, r := range s {
		ok := 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '-' || r == '.'
		if r == '.' && (i == len(s)-1 || i == 0) || r == '-' && i == 0 {
			ok = false
		}
		if ok {
			b.WriteRune(r)
		} else {
			fmt.Fprintf(&b, "_%X", r)
		}
	}
	return b.String()
}
