package graph

import (
	"bytes"
	"fmt"
	"io"
	"strconv"

	"github.com/claimgraph/claimgraph/claims"
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
	// Not one encoder for the whole graph: yaml.v3's emitter keeps every
	// event it was given until the end (1.2 GB of them for a graph of
	// 7.5 MB, 100,000 entities). Each top-level entry, and each run of up
	// to 256 items of a block list, is a document of its own, holding them
	// where the graph does (so that lines are broken at the same columns),
	// of which the list's key ("claims:", the first line) is written once.
	var buf bytes.Buffer
	doc := func(k, v *yaml.Node, skipKey bool) error {
		buf.Reset()
		enc := yaml.NewEncoder(&buf)
		enc.SetIndent(2)
		if err := enc.Encode(&yaml.Node{Kind: yaml.MappingNode, Tag: root.Tag, Style: root.Style, Content: []*yaml.Node{k, v}}); err != nil {
			return err
		}
		if err := enc.Close(); err != nil {
			return err
		}
		out := buf.Bytes()
		if skipKey {
			out = out[bytes.IndexByte(out, '\n')+1:]
		}
		_, err := w.Write(out)
		return err
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		// A list is cut in runs when its key is written on one line of
		// its own: a block list, no comment on the key.
		runs := v.Kind == yaml.SequenceNode && v.Style&yaml.FlowStyle == 0 && len(v.Content) > 0 &&
			k.HeadComment == "" && k.LineComment == "" && k.FootComment == ""
		var err error
		if !runs {
			err = doc(k, v, false)
		}
		for j := 0; err == nil && runs && j < len(v.Content); j += 256 {
			run := *v
			run.Content = v.Content[j:min(j+256, len(v.Content))]
			err = doc(k, &run, j > 0)
		}
		if err != nil {
			return fmt.Errorf("graph: writing YAML: %w", err)
		}
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

func (s *store) yamlNode() *yaml.Node {
	root := newMap()
	root.node("claimgraph", scalar(strconv.Itoa(FormatVersion), "!!int"))
	for _, sec := range sections {
		var items []*yaml.Node
		sec.encode(s, func(n *yaml.Node) { items = append(items, n) })
		root.seq(sec.key, items)
	}
	return root.n
}
