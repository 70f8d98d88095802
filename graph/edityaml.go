package graph

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/sources"
	"go.yaml.in/yaml/v3"
)

// EditYAML applies b to the YAML graph file at path and saves it in
// place, keeping what people wrote: every comment, and the order and the
// form of every item b leaves alone. An item b removes (or merges away)
// loses its node; an item b changes (a replacement, or the item a merge
// folds into, or one whose references a merge renames) gets a new node
// written as [Graph.WriteYAML] would, keeping the comments around it;
// new items are appended to their section. The file is written
// atomically, and left exactly as it was on any error: a problem in the
// file, or in b, reported like [Graph.Apply]'s.
//
// It costs O(size of the file): the file is read, checked and applied
// as a graph, then its node tree is brought in line with the graph.
func EditYAML(path string, b Batch) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("graph: %w", err)
	}
	g, err := ReadYAML(bytes.NewReader(data), path)
	if err != nil {
		return err
	}
	if err := g.Apply(b); err != nil {
		return err
	}
	return rewriteYAML(path, data, g)
}

// EditYAMLWith is [EditYAML] with a batch file (see [Graph.ApplyYAML])
// read from r, named name in messages.
func EditYAMLWith(path string, r io.Reader, name string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("graph: %w", err)
	}
	g, err := ReadYAML(bytes.NewReader(data), path)
	if err != nil {
		return err
	}
	if err := g.ApplyYAML(r, name); err != nil {
		return err
	}
	return rewriteYAML(path, data, g)
}

// rewriteYAML saves to path the file data, whose graph g has since been
// changed, changing only the nodes of the items that changed.
func rewriteYAML(path string, data []byte, g *Graph) error {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return fmt.Errorf("graph: %s: %w", path, err)
	}
	root := doc.Content[0]
	d := newDecoder(path, data, ReadOptions{}.withDefaults())
	file := d.decode()
	v := g.Snapshot()
	errs := []error{
		syncSection(root, "entities", entityFields, file.Entities, collect(v.Entities()), entityID, entityID),
		syncSection(root, "sources", sourceFields, file.Sources, collect(v.Sources()), sourceID, sourceID),
		syncSection(root, "claims", claimFields, file.Claims, collect(v.Claims()), claimID, claimID),
		syncSection(root, "relations", relationFields, file.Relations, collect(v.Relations()), relationID,
			func(r *claims.Relation) string {
				x := *r
				if id, _ := v.Resolve(x.From); id != "" {
					x.From = id
				}
				if id, _ := v.Resolve(x.To); id != "" {
					x.To = id
				}
				return relationID(&x)
			}),
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return fmt.Errorf("graph: writing YAML: %w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("graph: writing YAML: %w", err)
	}
	return SaveWith(path, func(w io.Writer) error {
		_, err := w.Write(buf.Bytes())
		return err
	})
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

// patch changes the item node old into the content of n, the node the
// writer gives the item now, field by field: a field whose value is the
// same keeps its nodes and comments, a changed field keeps the comments
// of its key and value, a field gone is dropped, a new one added where n
// has it.
func patch(old, n *yaml.Node) {
	if old.Kind != yaml.MappingNode {
		n.HeadComment, n.LineComment, n.FootComment = old.HeadComment, old.LineComment, old.FootComment
		*old = *n
		return
	}
	value := map[string][2]*yaml.Node{}
	for i := 0; i+1 < len(old.Content); i += 2 {
		value[old.Content[i].Value] = [2]*yaml.Node{old.Content[i], old.Content[i+1]}
	}
	var content []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if was, ok := value[k.Value]; ok {
			if !sameNode(resolve(was[1]), v) {
				v.HeadComment, v.LineComment, v.FootComment = was[1].HeadComment, was[1].LineComment, was[1].FootComment
				if old.Style&yaml.FlowStyle == 0 {
					v.Style &^= yaml.FlowStyle
				}
				was[1] = v
			}
			content = append(content, was[0], was[1])
			continue
		}
		content = append(content, k, v)
	}
	old.Content = content
}

func collect[T any](seq func(func(T) bool)) []T {
	var out []T
	for x := range seq {
		out = append(out, x)
	}
	return out
}

// syncSection brings the list key of the top-level mapping root, whose
// items decoded to file, in line with now, the items of the graph: it
// drops the nodes of items gone, replaces those of items changed
// (keeping their comments) and appends the new ones.
//
// fileID gives the ID of an item of the file as the graph knows it now:
// a relation's ends resolved through merges, so that a relation moved by
// a merge keeps its node and comments.
func syncSection[T any](root *yaml.Node, key string, t *table[T], file, now []T, id, fileID func(*T) string) error {
	var seq *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == key {
			seq = root.Content[i+1]
		}
	}
	current := make(map[string]int, len(now))
	for i := range now {
		current[id(&now[i])] = i
	}
	seen := make(map[string]bool, len(file))
	if len(file) > 0 && (seq == nil || seq.Kind != yaml.SequenceNode || len(seq.Content) != len(file)) {
		return fmt.Errorf("graph: %s: the list does not match its items (anchors or merge keys?): cannot edit it in place", key)
	}
	if len(file) > 0 {
		kept := seq.Content[:0:0]
		for i := range file {
			k := fileID(&file[i])
			j, ok := current[k]
			if !ok || seen[k] {
				continue // removed or merged away
			}
			seen[k] = true
			old := seq.Content[i]
			if n := t.encode(&now[j]).n; !sameNode(t.encode(&file[i]).n, n) {
				patch(old, n)
			}
			kept = append(kept, old)
		}
		seq.Content = kept
	}
	var added []*yaml.Node
	for i := range now {
		if !seen[id(&now[i])] {
			added = append(added, t.encode(&now[i]).n)
		}
	}
	if len(added) == 0 {
		return nil
	}
	if seq == nil {
		seq = &yaml.Node{Kind: yaml.SequenceNode}
		root.Content = append(root.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, seq)
	}
	seq.Content = append(seq.Content, added...)
	return nil
}
