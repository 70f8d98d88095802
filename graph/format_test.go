package graph_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"
)

// The README's list of fields lies between these lines.
const (
	readmePath  = "../README.md"
	fieldsBegin = "<!-- fields: generated from graph.FormatFields by TestFormatREADME; do not edit -->\n"
	fieldsEnd   = "<!-- end of fields -->\n"
)

// fieldsMarkdown renders the format's fields as the README's table.
func fieldsMarkdown(items []graph.ItemFields) string {
	var b strings.Builder
	b.WriteString("| Item | Key | Value | Required | Meaning |\n|---|---|---|---|---|\n")
	for _, it := range items {
		for i, f := range it.Fields {
			item := ""
			if i == 0 {
				item = it.Item
			}
			value := f.Type
			switch {
			case f.Ref != "" && f.Type == "ID":
				value = f.Ref + " ID"
			case f.Ref != "":
				value = "list of " + f.Ref + " IDs"
			case len(f.Values) > 0:
				value = strings.Join(f.Values, ", ")
			case f.Type == "mapping":
				value = "`" + f.Item + "` mapping"
			case f.Type == "list of mappings":
				value = "list of `" + f.Item + "`"
			}
			required := ""
			if f.Required {
				required = "yes"
			}
			fmt.Fprintf(&b, "| %s | `%s` | %s | %s | %s |\n", item, f.Key, value, required, f.Doc)
		}
	}
	return b.String()
}

// TestFormatREADME checks that the README lists the fields of the
// format as the tables describe them; -update rewrites the list.
func TestFormatREADME(t *testing.T) {
	readme, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	before, rest, ok := strings.Cut(string(readme), fieldsBegin)
	list, after, ok2 := strings.Cut(rest, fieldsEnd)
	if !ok || !ok2 {
		t.Fatalf("%s has no %q ... %q block", readmePath, fieldsBegin, fieldsEnd)
	}
	want := fieldsMarkdown(graph.FormatFields())
	if *update {
		if err := os.WriteFile(readmePath, []byte(before+fieldsBegin+want+fieldsEnd+after), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if diff := cmp.Diff(want, list); diff != "" {
		t.Errorf("README's fields differ from graph.FormatFields (-want +got); run go test ./graph -run TestFormatREADME -update:\n%s", diff)
	}
}

// itemsByName indexes the format's items by name.
func itemsByName() map[string][]graph.Field {
	m := map[string][]graph.Field{}
	for _, it := range graph.FormatFields() {
		m[it.Item] = it.Fields
	}
	return m
}

// TestFormatFullYAML checks that fullYAML, which the round-trip tests of
// every format read and write, uses every key of the format, so that a
// new field cannot go untested.
func TestFormatFullYAML(t *testing.T) {
	items := itemsByName()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(fullYAML), &doc); err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{} // "claim.text"
	var walk func(item string, n *yaml.Node)
	walk = func(item string, n *yaml.Node) {
		if n.Kind != yaml.MappingNode {
			t.Fatalf("%s: not a mapping", item)
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, v := n.Content[i].Value, n.Content[i+1]
			used[item+"."+key] = true
			for _, f := range items[item] {
				if f.Key != key || f.Item == "" {
					continue
				}
				if f.Type == "mapping" {
					walk(f.Item, v)
					continue
				}
				for _, c := range v.Content {
					walk(f.Item, c)
				}
			}
		}
	}
	walk("claimgraph", doc.Content[0])
	for item, fields := range items {
		for _, f := range fields {
			if !used[item+"."+f.Key] {
				t.Errorf("fullYAML has no %s with %q", item, f.Key)
			}
		}
	}
}

// refsYAML has one item of every kind, each at the path formatPaths
// gives, and is valid.
const refsYAML = `claimgraph: 1
entities:
  - {id: e1, name: E, kind: person}
sources:
  - id: s1
    kind: wire
    derived_from: [{source: s2, kind: cites}]
    inferred: [{field: published, sentence: S., source: s2}]
  - {id: s2, kind: wire}
claims:
  - id: c1
    text: T
    about: [e1]
    statement: {subject: e1}
    appearances: [{source: s1, speaker: e1, via: s2, inferred: [{field: date, sentence: S.}]}]
    review: {status: in-progress}
  - {id: c2, text: U}
relations:
  - {from: c1, to: c2, kind: supports, sources: [s1], inferred: [{field: note, sentence: S.}]}
`

// formatPaths says where refsYAML has an item of each kind: the section
// and index of its top-level item, and the field path inside it.
var formatPaths = map[string]struct {
	section string
	inner   []string // keys and list indexes down to the item, as a path
	prefix  string   // the field path of the item, as errors give it
}{
	"entity":     {"entities", nil, ""},
	"source":     {"sources", nil, ""},
	"derivation": {"sources", []string{"derived_from", "0"}, "derived_from[0]."},
	"inference":  {"sources", []string{"inferred", "0"}, "inferred[0]."},
	"claim":      {"claims", nil, ""},
	"statement":  {"claims", []string{"statement"}, "statement."},
	"review":     {"claims", []string{"review"}, "review."},
	"appearance": {"claims", []string{"appearances", "0"}, "appearances[0]."},
	"relation":   {"relations", nil, ""},
}

// TestFormatRequiredAndRefs checks the Required and Ref of every field
// against what reading enforces: leaving out a required field, or
// naming an item that does not exist in a field with a Ref, is an error
// at that field, and leaving out any other field, or any value in an ID
// field without a Ref, is not. A new field that names items therefore
// needs its check (claims' Check methods, the graph's check) before this
// passes.
func TestFormatRequiredAndRefs(t *testing.T) {
	if _, err := graph.ReadYAML(strings.NewReader(refsYAML), "refs.yaml"); err != nil {
		t.Fatalf("refsYAML is invalid: %v", err)
	}
	for item, fields := range itemsByName() {
		if item == "claimgraph" {
			continue
		}
		at, ok := formatPaths[item]
		if !ok {
			t.Errorf("refsYAML has no %s: add one and its path to formatPaths", item)
			continue
		}
		for _, f := range fields {
			t.Run(item+"."+f.Key, func(t *testing.T) {
				// Without the field.
				errs := readEdited(t, at.section, at.inner, func(m *yaml.Node) { deleteKey(m, f.Key) })
				switch found := errorAt(errs, at.prefix+f.Key); {
				case f.Required && !found:
					t.Errorf("without required %q: no error at %s%s; got %v", f.Key, at.prefix, f.Key, errs)
				case !f.Required && len(errs) > 0:
					t.Errorf("without optional %q: %v", f.Key, errs)
				}
				if f.Type != "ID" && f.Type != "list of IDs" {
					return
				}
				// Naming nothing.
				value := &yaml.Node{Kind: yaml.ScalarNode, Value: "nowhere"}
				field := at.prefix + f.Key
				if f.Type == "list of IDs" {
					value = &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{value}}
					field += "[0]"
				}
				errs = readEdited(t, at.section, at.inner, func(m *yaml.Node) { deleteKey(m, f.Key); addKey(m, f.Key, value) })
				unknown := false
				for _, e := range errs {
					unknown = unknown || e.Field == field && errors.Is(e, graph.ErrUnknownReference) &&
						strings.Contains(e.Error(), fmt.Sprintf("unknown %s %q", f.Ref, "nowhere"))
				}
				switch {
				case f.Ref != "" && !unknown:
					t.Errorf("%q naming nothing: no unknown %s at %s; got %v", f.Key, f.Ref, field, errs)
				case f.Ref == "" && f.Key != "id" && len(errs) > 0:
					t.Errorf("%q without a Ref naming nothing: %v", f.Key, errs)
				}
			})
		}
	}
}

// readEdited reads refsYAML after edit has changed the mapping of the
// first item of section, or the one at path inner inside it, and returns
// the problems.
func readEdited(t *testing.T, section string, inner []string, edit func(*yaml.Node)) graph.ErrorList {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(refsYAML), &doc); err != nil {
		t.Fatal(err)
	}
	n := valueOf(doc.Content[0], section).Content[0]
	for _, step := range inner {
		if n.Kind == yaml.SequenceNode {
			n = n.Content[0] // the paths use index 0 only
			continue
		}
		n = valueOf(n, step)
	}
	edit(n)
	var buf bytes.Buffer
	if err := yaml.NewEncoder(&buf).Encode(&doc); err != nil {
		t.Fatal(err)
	}
	_, err := graph.ReadYAML(&buf, "refs.yaml")
	var list graph.ErrorList
	if err != nil && !errors.As(err, &list) {
		t.Fatalf("error %T, want graph.ErrorList", err)
	}
	return list
}

func valueOf(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func deleteKey(m *yaml.Node, key string) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content = append(m.Content[:i], m.Content[i+2:]...)
			return
		}
	}
}

func addKey(m *yaml.Node, key string, v *yaml.Node) {
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, v)
}

func errorAt(errs graph.ErrorList, field string) bool {
	for _, e := range errs {
		if e.Field == field {
			return true
		}
	}
	return false
}
