package graph

import (
	"bytes"
	"fmt"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/sources"
)

// TestWriteYAMLRuns: WriteYAML encodes a section a run of 256 items at a
// time (yaml.v3 keeps every event of a document until its end), and
// writes what one encoder of the whole graph writes, byte for byte, for
// sections shorter than a run, of one, and of several.
func TestWriteYAMLRuns(t *testing.T) {
	for _, n := range []int{0, 1, 256, 257, 520} {
		var b Batch
		for i := range n {
			b.Entities = append(b.Entities, claims.Entity{ID: fmt.Sprintf("e%d", i), Name: fmt.Sprintf("Entity %d", i), Kind: claims.Person})
			b.Sources = append(b.Sources, sources.Source{ID: fmt.Sprintf("s%d", i), Kind: sources.NewsArticle})
			b.Claims = append(b.Claims, claims.Claim{ID: fmt.Sprintf("c%d", i), Text: fmt.Sprintf("Claim %d, long enough to be folded by the writer at its width of eighty columns or so.", i),
				About: []string{fmt.Sprintf("e%d", i)}, Appearances: []claims.Appearance{{Source: fmt.Sprintf("s%d", i)}}})
			if i > 0 {
				b.Relations = append(b.Relations, claims.Relation{From: fmt.Sprintf("c%d", i), To: fmt.Sprintf("c%d", i-1), Kind: claims.Supports})
			}
		}
		g := New()
		if err := g.Apply(b); err != nil {
			t.Fatal(err)
		}
		var got, want bytes.Buffer
		if err := g.WriteYAML(&got); err != nil {
			t.Fatal(err)
		}
		enc := yaml.NewEncoder(&want)
		enc.SetIndent(2)
		if err := enc.Encode(g.s.yamlNode()); err != nil {
			t.Fatal(err)
		}
		if err := enc.Close(); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%d items a section: WriteYAML differs from one encoder (%d bytes against %d)", n, got.Len(), want.Len())
		}
	}
}
