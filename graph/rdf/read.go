package rdf

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/sources"
)

// Read reads a claim graph from the N-Quads or Turtle that [WriteNQuads]
// and [WriteTurtle] write, whatever the base and graph name: an item's
// ID is its schema:identifier, and its IRI is what other statements
// refer to it by. Everything the mapping holds comes back (the
// cg:earliest and cg:latest bounds are derived, and skipped); inference
// records and the notes of derivations between sources are not written,
// so do not come back. The order of items, appearances, derivations and
// relations is the order of the input.
//
// A direct statement between claims (A cg:supports B, cg:contradicts,
// cg:sameAs, cg:distinctFrom) repeats a relation node of that kind
// between the two, and is skipped; one that no relation node matches (a
// statement added by hand or by a SPARQL update) is read as a relation
// of its kind from A to B, after the relations of the nodes, so that
// nothing the input says is dropped. An item without a
// schema:identifier, which gives its ID, is an [ErrMapping] error at its
// first statement.
//
// Statements the mapping does not write — another class, a property not
// of its item, a second value where one is allowed — are errors wrapping
// [ErrMapping], with the position of the statement; so are syntax errors
// ([ErrSyntax]) and input outside the subset read ([ErrUnsupported]),
// all as a [*ParseError]. A graph that fails validation returns the
// [graph.ErrorList] of [graph.Graph.Apply], with each problem's position
// set to the first statement about the item. Memory is linear in the
// input; lim bounds it.
func Read(r io.Reader, file string, syntax Syntax, lim Limits) (*graph.Graph, error) {
	d, b, err := decode(r, file, syntax, lim)
	if err != nil {
		return nil, err
	}
	g := graph.New()
	if err := g.Apply(b); err != nil {
		var list graph.ErrorList
		if errors.As(err, &list) {
			for _, e := range list {
				if pos, ok := d.pos[e.ID]; ok && !e.IsValid() {
					e.Position = pos
				}
			}
		}
		return nil, err
	}
	return g, nil
}

// ReadBatch reads like [Read] but returns the items as a batch, not yet
// checked as a graph, to add to a graph of the caller's with
// [graph.Graph.Apply].
func ReadBatch(r io.Reader, file string, syntax Syntax, lim Limits) (graph.Batch, error) {
	_, b, err := decode(r, file, syntax, lim)
	return b, err
}

func decode(r io.Reader, file string, syntax Syntax, lim Limits) (*decoder, graph.Batch, error) {
	d := &decoder{nodes: map[Term]*node{}}
	err := Parse(r, file, syntax, lim, func(t Triple, pos claims.Position) error {
		n := d.nodes[t.S]
		if n == nil {
			n = &node{term: t.S, pos: pos}
			d.nodes[t.S] = n
			d.order = append(d.order, n)
		}
		n.props = append(n.props, prop{p: t.P.Value, o: t.O, pos: pos})
		return nil
	})
	if err != nil {
		return nil, graph.Batch{}, err
	}
	b, err := d.batch()
	return d, b, err
}

type prop struct {
	p   string
	o   Term
	pos claims.Position
}

type node struct {
	term  Term
	pos   claims.Position
	props []prop
}

type decoder struct {
	nodes  map[Term]*node
	order  []*node
	ids    map[string]string // item IRI -> ID
	pos    map[string]claims.Position
	direct []direct // direct statements between claims, in the order read
}

// direct is a statement FROM cg:supports TO (or another relation's
// property) on a claim, at pos.
type direct struct {
	r   claims.Relation
	pos claims.Position
}

// relationKey is the key of a relation's pair and kind, the same for a
// symmetric relation either way round.
func relationKey(r claims.Relation) [3]string {
	from, to := r.From, r.To
	if r.Kind.Symmetric() && to < from {
		from, to = to, from
	}
	return [3]string{from, to, r.Kind.String()}
}

// directRelations returns the direct statements that no relation of rs
// (the relation nodes read) matches, each as a relation, once, with its
// position recorded under the ID that graph errors give a relation.
func (d *decoder) directRelations(rs []claims.Relation) []claims.Relation {
	seen := make(map[[3]string]bool, len(rs))
	for _, r := range rs {
		seen[relationKey(r)] = true
	}
	var out []claims.Relation
	for _, x := range d.direct {
		if k := relationKey(x.r); !seen[k] {
			seen[k] = true
			out = append(out, x.r)
			d.pos[x.r.From+" -> "+x.r.To] = x.pos
		}
	}
	return out
}

// directKind is the kind of relation each direct statement between
// claims states.
var directKind = map[string]claims.RelationKind{
	CG + "supports": claims.Supports, CG + "contradicts": claims.Contradicts,
	CG + "sameAs": claims.SameAs, CG + "distinctFrom": claims.DistinctFrom,
}

func mappingError(pos claims.Position, format string, a ...any) error {
	return &ParseError{Position: pos, Err: fmt.Errorf("%w: %s", ErrMapping, fmt.Sprintf(format, a...))}
}

var entityKindOf = func() map[string]claims.EntityKind {
	m := map[string]claims.EntityKind{}
	for k, class := range entityClass {
		m[Schema+class] = k
	}
	return m
}()

// item returns the ID of the item o names.
func (d *decoder) item(pr prop) (string, error) {
	if pr.o.Kind == IRI {
		if id, ok := d.ids[pr.o.Value]; ok {
			return id, nil
		}
	}
	return "", mappingError(pr.pos, "%s: %s names no item (no schema:identifier)", short(pr.p), term(pr.o))
}

// short writes a property with the prefix the Turtle writer uses.
func short(p string) string { return turtleTerm(iri(p)) }

func (d *decoder) batch() (graph.Batch, error) {
	d.ids, d.pos = map[string]string{}, map[string]claims.Position{}
	for _, n := range d.order {
		for _, pr := range n.props {
			if pr.p != Schema+"identifier" {
				continue
			}
			if n.term.Kind != IRI || pr.o.Kind != Literal || !strings.HasSuffix(n.term.Value, pr.o.Value) {
				return graph.Batch{}, mappingError(pr.pos, "schema:identifier %s of %s: want an IRI that ends with the identifier", term(pr.o), term(n.term))
			}
			d.ids[n.term.Value] = pr.o.Value
			d.pos[pr.o.Value] = n.pos
		}
	}
	var b graph.Batch
	done := map[*node]bool{} // nodes read as part of another
	for _, n := range d.order {
		var types []string
		for _, pr := range n.props {
			if pr.p == RDF+"type" {
				types = append(types, pr.o.Value)
			}
		}
		var err error
		if kind := itemKind(n, types); kind != "" && d.ids[n.term.Value] == "" {
			return graph.Batch{}, mappingError(n.pos, "%s: %s without schema:identifier, which gives its ID", term(n.term), kind)
		}
		switch {
		case has(types, Schema+"Claim"):
			var c claims.Claim
			c, err = d.claim(n, done)
			b.Claims = append(b.Claims, c)
		case n.has(CG + "sourceKind"):
			var s sources.Source
			s, err = d.source(n, done)
			b.Sources = append(b.Sources, s)
		case len(types) == 1 && relationKindOf[types[0]] != 0:
			var r claims.Relation
			r, err = d.relation(n, relationKindOf[types[0]])
			b.Relations = append(b.Relations, r)
		case len(types) == 1 && entityKindOf[types[0]] != 0:
			var e claims.Entity
			e, err = d.entity(n, entityKindOf[types[0]])
			b.Entities = append(b.Entities, e)
		case has(types, CG+"Appearance") || len(types) == 0:
			continue // read with their claim or source, checked below
		default:
			err = mappingError(n.pos, "%s: no item of the mapping has the classes %s", term(n.term), strings.Join(types, ", "))
		}
		if err != nil {
			return graph.Batch{}, err
		}
		done[n] = true
	}
	for _, n := range d.order {
		if !done[n] {
			return graph.Batch{}, mappingError(n.pos, "%s: a node that is no item of the mapping, nor part of one", term(n.term))
		}
	}
	b.Relations = append(b.Relations, d.directRelations(b.Relations)...)
	return b, nil
}

// itemKind names the item with an ID that n with the classes types is
// ("a claim", "a source", "an entity"), or "" for a relation or a part.
func itemKind(n *node, types []string) string {
	switch {
	case has(types, Schema+"Claim"):
		return "a claim"
	case n.has(CG + "sourceKind"):
		return "a source"
	case len(types) == 1 && entityKindOf[types[0]] != 0:
		return "an entity"
	}
	return ""
}

func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (n *node) has(p string) bool {
	for _, pr := range n.props {
		if pr.p == p {
			return true
		}
	}
	return false
}

// text returns a plain string literal, and sets *dst once.
func text(pr prop, dst *string) error {
	if pr.o.Kind != Literal || pr.o.Datatype != "" {
		return mappingError(pr.pos, "%s: want a string, got %s", short(pr.p), term(pr.o))
	}
	if *dst != "" {
		return mappingError(pr.pos, "%s: a second value", short(pr.p))
	}
	*dst = pr.o.Value
	return nil
}

// mergedID appends to dst the ID merged into an item that pr gives, a
// string; the graph checks it as it checks a merged list of YAML.
func mergedID(pr prop, dst *[]string) error {
	var id string
	if err := text(pr, &id); err != nil {
		return err
	}
	if id == "" {
		return mappingError(pr.pos, "cg:mergedId: empty; want the ID merged into the item")
	}
	*dst = append(*dst, id)
	return nil
}

// dateOf reads a date literal of the type of its precision.
func dateOf(pr prop, dst *claims.Date) error {
	d, err := claims.ParseDate(pr.o.Value)
	if err != nil || pr.o.Kind != Literal || pr.o != date(d) {
		return mappingError(pr.pos, "%s: want an xsd:gYear, xsd:gYearMonth or xsd:date, got %s", short(pr.p), term(pr.o))
	}
	if !dst.IsZero() {
		return mappingError(pr.pos, "%s: a second value", short(pr.p))
	}
	*dst = d
	return nil
}

// skip reports the properties every item has that are read elsewhere
// (type, identifier) or derived (the date bounds).
func skip(p string) bool {
	switch p {
	case RDF + "type", Schema + "identifier", CG + "earliest", CG + "latest":
		return true
	}
	return false
}

func unknown(pr prop, what string) error {
	return mappingError(pr.pos, "%s: not a property of %s in the mapping", short(pr.p), what)
}

func (d *decoder) entity(n *node, kind claims.EntityKind) (claims.Entity, error) {
	e := claims.Entity{ID: d.ids[n.term.Value], Kind: kind}
	for _, pr := range n.props {
		var err error
		switch {
		case skip(pr.p):
		case pr.p == Schema+"name":
			err = text(pr, &e.Name)
		case pr.p == Schema+"alternateName":
			var a string
			if err = text(pr, &a); err == nil && a == "" {
				err = mappingError(pr.pos, "schema:alternateName: empty; an alias is a name")
			}
			e.Aliases = append(e.Aliases, a)
		case pr.p == Schema+"sameAs":
			q, ok := strings.CutPrefix(pr.o.Value, "http://www.wikidata.org/entity/")
			if pr.o.Kind != IRI || !ok || e.Wikidata != "" {
				err = mappingError(pr.pos, "schema:sameAs: want one Wikidata entity IRI, got %s", term(pr.o))
			}
			e.Wikidata = q
		case pr.p == RDFS+"comment":
			err = text(pr, &e.Note)
		case pr.p == CG+"mergedId":
			err = mergedID(pr, &e.Merged)
		default:
			err = unknown(pr, "an entity")
		}
		if err != nil {
			return e, err
		}
	}
	return e, nil
}

var derivationOf = map[string]sources.DerivationKind{
	PROV + "wasQuotedFrom": sources.Quotes, CG + "cites": sources.Cites,
	CG + "republishes": sources.Republishes, CG + "translates": sources.Translates,
}

func (d *decoder) source(n *node, done map[*node]bool) (sources.Source, error) {
	s := sources.Source{ID: d.ids[n.term.Value]}
	var open map[string][]int // derivations of each source without a kind yet, by index
	for _, pr := range n.props {
		var err error
		switch {
		case skip(pr.p):
		case pr.p == CG+"sourceKind":
			var k string
			if err = text(pr, &k); err == nil {
				if s.Kind, err = sources.ParseKind(k); err != nil {
					err = mappingError(pr.pos, "cg:sourceKind: %v", err)
				}
			}
		case pr.p == Schema+"name":
			err = text(pr, &s.Title)
		case pr.p == Schema+"publisher":
			err = text(pr, &s.Publisher)
		case pr.p == Schema+"url":
			if pr.o.Kind != IRI || s.URL != "" {
				err = mappingError(pr.pos, "schema:url: want one IRI, got %s", term(pr.o))
			}
			s.URL = pr.o.Value
		case pr.p == Schema+"author":
			a := d.nodes[pr.o]
			if pr.o.Kind != Blank || a == nil || len(a.props) != 1 || a.props[0].p != Schema+"name" {
				return s, mappingError(pr.pos, "schema:author: want a node with a schema:name and nothing else")
			}
			done[a] = true
			err = text(a.props[0], &s.Author)
		case pr.p == Schema+"datePublished":
			err = dateOf(pr, &s.Published)
		case pr.p == PROV+"wasDerivedFrom":
			var id string
			if id, err = d.item(pr); err == nil {
				if open == nil {
					open = map[string][]int{}
				}
				open[id] = append(open[id], len(s.DerivedFrom))
				s.DerivedFrom = append(s.DerivedFrom, sources.Derivation{Source: id})
			}
		case derivationOf[pr.p] != 0:
			id, err := d.item(pr)
			if err != nil {
				return s, err
			}
			// The last derivation from id without a kind; found by a
			// search back, n kinds after n derivations took n² steps.
			is := open[id]
			if len(is) == 0 {
				return s, mappingError(pr.pos, "%s %s without prov:wasDerivedFrom before it", short(pr.p), id)
			}
			s.DerivedFrom[is[len(is)-1]].Kind = derivationOf[pr.p]
			open[id] = is[:len(is)-1]
		case pr.p == RDFS+"comment":
			err = text(pr, &s.Note)
		case pr.p == CG+"mergedId":
			err = mergedID(pr, &s.Merged)
		default:
			err = unknown(pr, "a source")
		}
		if err != nil {
			return s, err
		}
	}
	return s, nil
}

// statementPart reads cg:subject or cg:object: an entity's IRI or text.
func (d *decoder) statementPart(pr prop, dst *string) error {
	if pr.o.Kind == IRI {
		id, err := d.item(pr)
		if err == nil && *dst != "" {
			err = mappingError(pr.pos, "%s: a second value", short(pr.p))
		}
		*dst = id
		return err
	}
	return text(pr, dst)
}

func statementOf(c *claims.Claim) *claims.Statement {
	if c.Statement == nil {
		c.Statement = &claims.Statement{}
	}
	return c.Statement
}

func (d *decoder) validity(pr prop, v *claims.Validity) (bool, error) {
	switch pr.p {
	case CG + "validFrom":
		return true, dateOf(pr, &v.From)
	case CG + "validUntil":
		return true, dateOf(pr, &v.Until)
	case CG + "validAt":
		return true, dateOf(pr, &v.At)
	case CG + "occurred":
		return true, dateOf(pr, &v.Occurred)
	case CG + "stillHolds":
		if pr.o != typed("true", XSD+"boolean") {
			return true, mappingError(pr.pos, "cg:stillHolds: want true, got %s", term(pr.o))
		}
		v.Ongoing = true
		return true, nil
	}
	return false, nil
}

func (d *decoder) claim(n *node, done map[*node]bool) (claims.Claim, error) {
	c := claims.Claim{ID: d.ids[n.term.Value]}
	for _, pr := range n.props {
		if ok, err := d.validity(pr, &c.Validity); ok {
			if err != nil {
				return c, err
			}
			continue
		}
		var err error
		switch pr.p {
		case RDF + "type", Schema + "identifier":
		case Schema + "appearance", Schema + "author":
			// Derived from the appearances.
		case CG + "supports", CG + "contradicts", CG + "sameAs", CG + "distinctFrom":
			// Derived from a relation node, unless none matches.
			var to string
			if to, err = d.item(pr); err == nil {
				d.direct = append(d.direct, direct{claims.Relation{From: c.ID, To: to, Kind: directKind[pr.p]}, pr.pos})
			}
		case Schema + "text":
			err = text(pr, &c.Text)
		case Schema + "inLanguage":
			err = text(pr, &c.Lang)
		case Schema + "about":
			var id string
			id, err = d.item(pr)
			c.About = append(c.About, id)
		case CG + "subject":
			err = d.statementPart(pr, &statementOf(&c).Subject)
		case CG + "predicate":
			err = text(pr, &statementOf(&c).Predicate)
		case CG + "object":
			err = d.statementPart(pr, &statementOf(&c).Object)
		case RDFS + "comment":
			err = text(pr, &c.Note)
		case CG + "mergedId":
			err = mergedID(pr, &c.Merged)
		case CG + "hasAppearance":
			a := d.nodes[pr.o]
			if pr.o.Kind != Blank || a == nil || done[a] {
				return c, mappingError(pr.pos, "cg:hasAppearance: want a node of its own, described, got %s", term(pr.o))
			}
			done[a] = true
			var ap claims.Appearance
			ap, err = d.appearance(a)
			c.Appearances = append(c.Appearances, ap)
		default:
			err = unknown(pr, "a claim")
		}
		if err != nil {
			return c, err
		}
	}
	return c, nil
}

func (d *decoder) appearance(n *node) (claims.Appearance, error) {
	var a claims.Appearance
	for _, pr := range n.props {
		var err error
		switch {
		case pr.p == RDF+"type":
			if pr.o != iri(CG+"Appearance") && pr.o != iri(PROV+"Entity") {
				err = mappingError(pr.pos, "an appearance of class %s", term(pr.o))
			}
		case skip(pr.p):
		case pr.p == Schema+"isPartOf":
			a.Source, err = d.item(pr)
		case pr.p == PROV+"wasAttributedTo":
			a.Speaker, err = d.item(pr)
		case pr.p == Schema+"datePublished":
			err = dateOf(pr, &a.Date)
		case pr.p == CG+"quote":
			err = text(pr, &a.Quote)
		case pr.p == Schema+"inLanguage":
			err = text(pr, &a.Lang)
		case pr.p == CG+"aboutPast":
			if pr.o != typed("true", XSD+"boolean") || a.AboutPast {
				err = mappingError(pr.pos, "cg:aboutPast: want one true, got %s", term(pr.o))
			}
			a.AboutPast = true
		case pr.p == PROV+"wasDerivedFrom":
			a.Via, err = d.item(pr)
		case pr.p == RDFS+"comment":
			err = text(pr, &a.Note)
		default:
			err = unknown(pr, "an appearance")
		}
		if err != nil {
			return a, err
		}
	}
	return a, nil
}

var relationKindOf = map[string]claims.RelationKind{
	CG + "Support": claims.Supports, CG + "Contradiction": claims.Contradicts,
	CG + "SameAs": claims.SameAs, CG + "Distinction": claims.DistinctFrom,
}

func (d *decoder) relation(n *node, kind claims.RelationKind) (claims.Relation, error) {
	r := claims.Relation{Kind: kind}
	for _, pr := range n.props {
		if ok, err := d.validity(pr, &r.Validity); ok {
			if err != nil {
				return r, err
			}
			continue
		}
		var err error
		switch pr.p {
		case RDF + "type":
		case CG + "from":
			r.From, err = d.item(pr)
		case CG + "to":
			r.To, err = d.item(pr)
		case PROV + "wasDerivedFrom":
			var id string
			id, err = d.item(pr)
			r.Sources = append(r.Sources, id)
		case CG + "confidence":
			if pr.o.Kind != Literal || pr.o.Datatype != XSD+"decimal" || r.Confidence != 0 {
				return r, mappingError(pr.pos, "cg:confidence: want one xsd:decimal, got %s", term(pr.o))
			}
			if r.Confidence, err = strconv.ParseFloat(pr.o.Value, 64); err != nil {
				err = mappingError(pr.pos, "cg:confidence: %v", err)
			}
		case CG + "assertedBy":
			err = text(pr, &r.AssertedBy)
		case RDFS + "comment":
			err = text(pr, &r.Note)
		default:
			err = unknown(pr, "a relation")
		}
		if err != nil {
			return r, err
		}
	}
	if r.From == "" || r.To == "" {
		return r, mappingError(n.pos, "%s: a relation without cg:from or cg:to", term(n.term))
	}
	if k := r.From + " -> " + r.To; d.pos[k] == (claims.Position{}) {
		d.pos[k] = n.pos // the ID that graph errors give a relation
	}
	return r, nil
}
