package graph_test

import (
	"path/filepath"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// TestUnionUnorderedLists: two desks' copies of one file that differ
// only in the order of lists whose order means nothing (appearances,
// about, aliases, derived_from, a relation's sources) merge with no
// conflict (red team 6, finding 7: a relation's sources reordered was
// one).
func TestUnionUnorderedLists(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.yaml": `claimgraph: 1
entities:
  - {id: e1, name: E1, kind: person, aliases: [x, y]}
sources:
  - {id: s1, title: One, kind: news-article}
  - {id: s2, title: Two, kind: news-article, derived_from: [{source: s1, kind: cites}, {source: s3, kind: quotes}]}
  - {id: s3, title: Three, kind: news-article}
claims:
  - {id: a, text: A., about: [e1], appearances: [{source: s1}, {source: s2, speaker: e1}]}
  - {id: b, text: B., appearances: [{source: s3}]}
relations:
  - {from: a, to: b, kind: contradicts, sources: [s1, s2]}
`,
		"b.json": `{"claimgraph": 1,
 "relations": [{"from": "b", "to": "a", "kind": "contradicts", "sources": ["s2", "s1"]}],
 "claims": [{"id": "b", "text": "B.", "appearances": [{"source": "s3"}]},
  {"id": "a", "text": "A.", "about": ["e1"], "appearances": [{"source": "s2", "speaker": "e1"}, {"source": "s1"}]}],
 "sources": [{"id": "s3", "title": "Three", "kind": "news-article"},
  {"id": "s2", "title": "Two", "kind": "news-article", "derived_from": [{"source": "s3", "kind": "quotes"}, {"source": "s1", "kind": "cites"}]},
  {"id": "s1", "title": "One", "kind": "news-article"}],
 "entities": [{"id": "e1", "name": "E1", "kind": "person", "aliases": ["y", "x"]}]}`,
	})
	_, conflicts, err := graph.Union(filepath.Join(dir, "a.yaml"), filepath.Join(dir, "b.json"), graph.PreferNone)
	if err != nil || len(conflicts) != 0 {
		t.Errorf("union of one file reordered: %v, conflicts %+v", err, conflicts)
	}
	// Another source is a conflict still.
	dir = writeFiles(t, map[string]string{
		"a.yaml": "claimgraph: 1\nsources:\n  - {id: s1, kind: wire}\n  - {id: s2, kind: wire}\nclaims:\n  - {id: a, text: A.}\n  - {id: b, text: B.}\nrelations:\n  - {from: a, to: b, kind: contradicts, sources: [s1]}\n",
		"b.yaml": "claimgraph: 1\nsources:\n  - {id: s1, kind: wire}\n  - {id: s2, kind: wire}\nclaims:\n  - {id: a, text: A.}\n  - {id: b, text: B.}\nrelations:\n  - {from: a, to: b, kind: contradicts, sources: [s2]}\n",
	})
	if _, _, err := graph.Union(filepath.Join(dir, "a.yaml"), filepath.Join(dir, "b.yaml"), graph.PreferNone); err == nil {
		t.Error("relations with other sources merged with no conflict")
	}
}
