package graph

import (
	"fmt"
	"io"
	"strconv"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/sources"
	"go.yaml.in/yaml/v3"
)

// WriteYAML writes the whole graph to w in the YAML format that [Load]
// reads: deterministic (items in the order they were added, fields in a
// fixed order, empty fields left out), so that saving twice gives the
// same bytes and a diff shows only real changes.
func (g *Graph) WriteYAML(w io.Writer) error {
	g.mu.RLock()
	root := g.s.yamlNode()
	g.mu.RUnlock()
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return fmt.Errorf("graph: writing YAML: %w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("graph: writing YAML: %w", err)
	}
	return nil
}

// ymap builds a mapping node, leaving out empty values.
type ymap struct{ n *yaml.Node }

func newMap() ymap { return ymap{&yaml.Node{Kind: yaml.MappingNode}} }

func (m ymap) node(key string, v *yaml.Node) {
	if v == nil {
		return
	}
	m.n.Content = append(m.n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, v)
}

func (m ymap) str(key, v string) {
	if v != "" {
		m.node(key, scalar(v, "!!str"))
	}
}

func (m ymap) date(key string, d claims.Date) {
	if !d.IsZero() {
		// Plain style: a date reads as a date, not as a quoted string.
		m.node(key, &yaml.Node{Kind: yaml.ScalarNode, Value: d.String()})
	}
}

func (m ymap) list(key string, vs []string, flow bool) {
	if len(vs) == 0 {
		return
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode}
	if flow {
		seq.Style = yaml.FlowStyle
	}
	for _, v := range vs {
		seq.Content = append(seq.Content, scalar(v, "!!str"))
	}
	m.node(key, seq)
}

func (m ymap) seq(key string, items []*yaml.Node) {
	if len(items) > 0 {
		m.node(key, &yaml.Node{Kind: yaml.SequenceNode, Content: items})
	}
}

func scalar(v, tag string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: v} }

func (m ymap) validity(v claims.Validity) {
	m.date("valid_from", v.From)
	m.date("valid_until", v.Until)
	if v.Ongoing {
		m.node("still_holds", scalar("true", "!!bool"))
	}
	m.date("valid_at", v.At)
}

func (m ymap) inferred(list []claims.Inference) {
	var items []*yaml.Node
	for _, in := range list {
		im := newMap()
		im.str("field", in.Field)
		im.str("sentence", in.Sentence)
		im.str("source", in.Source)
		im.str("note", in.Note)
		items = append(items, im.n)
	}
	m.seq("inferred", items)
}

func (s *store) yamlNode() *yaml.Node {
	root := newMap()
	root.node("claimgraph", scalar(strconv.Itoa(FormatVersion), "!!int"))
	var ents, srcs, cls, rels []*yaml.Node
	for i := range s.entities {
		ents = append(ents, entityNode(&s.entities[i]))
	}
	for i := range s.sources {
		srcs = append(srcs, sourceNode(&s.sources[i]))
	}
	for i := range s.claims {
		cls = append(cls, claimNode(&s.claims[i]))
	}
	for i := range s.rels {
		r := s.relation(int32(i))
		rels = append(rels, relationNode(&r))
	}
	root.seq("entities", ents)
	root.seq("sources", srcs)
	root.seq("claims", cls)
	root.seq("relations", rels)
	return root.n
}

// entityNode, sourceNode, claimNode and relationNode build the tree of one
// item, shared by the YAML, JSON and JSON Lines writers.
func entityNode(e *claims.Entity) *yaml.Node {
	m := newMap()
	m.str("id", e.ID)
	m.str("name", e.Name)
	m.str("kind", e.Kind.String())
	m.list("aliases", e.Aliases, true)
	m.str("wikidata", e.Wikidata)
	m.str("note", e.Note)
	return m.n
}

func sourceNode(src *sources.Source) *yaml.Node {
	m := newMap()
	m.str("id", src.ID)
	m.str("title", src.Title)
	m.str("publisher", src.Publisher)
	m.str("url", src.URL)
	m.str("author", src.Author)
	m.date("published", src.Published)
	m.str("kind", src.Kind.String())
	var ders []*yaml.Node
	for _, d := range src.DerivedFrom {
		dm := newMap()
		dm.str("source", d.Source)
		dm.str("kind", d.Kind.String())
		dm.str("note", d.Note)
		ders = append(ders, dm.n)
	}
	m.seq("derived_from", ders)
	m.str("note", src.Note)
	m.inferred(src.Inferred)
	return m.n
}

func claimNode(c *claims.Claim) *yaml.Node {
	m := newMap()
	m.str("id", c.ID)
	m.str("text", c.Text)
	m.str("lang", c.Lang)
	m.list("about", c.About, true)
	if st := c.Statement; st != nil {
		sm := newMap()
		sm.str("subject", st.Subject)
		sm.str("predicate", st.Predicate)
		sm.str("object", st.Object)
		if len(sm.n.Content) == 0 {
			sm.n.Style = yaml.FlowStyle // an empty statement stays {}
		}
		m.node("statement", sm.n)
	}
	m.validity(c.Validity)
	var apps []*yaml.Node
	for _, a := range c.Appearances {
		am := newMap()
		am.str("source", a.Source)
		am.str("speaker", a.Speaker)
		am.date("date", a.Date)
		am.str("quote", a.Quote)
		am.str("lang", a.Lang)
		am.str("via", a.Via)
		am.str("note", a.Note)
		am.inferred(a.Inferred)
		apps = append(apps, am.n)
	}
	m.seq("appearances", apps)
	m.str("note", c.Note)
	m.inferred(c.Inferred)
	return m.n
}

func relationNode(r *claims.Relation) *yaml.Node {
	m := newMap()
	m.str("from", r.From)
	m.str("to", r.To)
	m.str("kind", r.Kind.String())
	m.list("sources", r.Sources, true)
	m.str("note", r.Note)
	if r.Confidence != 0 {
		m.node("confidence", scalar(strconv.FormatFloat(r.Confidence, 'g', -1, 64), "!!float"))
	}
	m.str("asserted_by", r.AssertedBy)
	m.validity(r.Validity)
	m.inferred(r.Inferred)
	return m.n
}
