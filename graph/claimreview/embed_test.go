package claimreview

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/sources"
)

// TestWriteSafeInHTML: Write turned HTML escaping off, so a claim text,
// headline or URL holding "</script>" closed the <script
// type="application/ld+json"> the document is pasted into, and the page
// ran what followed. No <, > or & (nor U+2028, U+2029) is written as
// such now, and the document still reads back to the same text.
func TestWriteSafeInHTML(t *testing.T) {
	const text = "</script><script>alert(6)</script> & <!-- \u2028\u2029 and more"
	g := graph.New()
	err := g.Apply(graph.Batch{
		Sources: []sources.Source{{ID: "s", Kind: sources.NewsArticle, Title: "</SCRIPT><svg onload=alert(3)>",
			URL: "https://ex.org/a?x=</script><script>alert(4)</script>&y=1"}},
		Claims: []claims.Claim{{ID: "a", Text: text, Appearances: []claims.Appearance{{Source: "s", Quote: "<b>&amp;</b>"}}}},
	})
	if err == nil {
		t.Fatal("a URL holding < and > was accepted") // sources.Source.Check
	}
	g = graph.New()
	err = g.Apply(graph.Batch{
		Sources: []sources.Source{{ID: "s", Kind: sources.NewsArticle, Title: "</SCRIPT><svg onload=alert(3)>",
			URL: "https://ex.org/a?x=%3C/script%3E&y=1"}},
		Claims: []claims.Claim{{ID: "a", Text: text, Appearances: []claims.Appearance{{Source: "s", Quote: "<b>&amp;</b>"}}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	opts := Options{Verdicts: map[string]Verdict{"a": {Value: 1, AlternateName: "False"}}, URL: "https://x.example/r/?a=1&b=", Author: "<Desk & Co>"}
	if err := Write(&buf, g.View, opts); err != nil {
		t.Fatal(err)
	}
	if i := strings.IndexAny(buf.String(), "<>&\u2028\u2029"); i >= 0 {
		t.Errorf("unescaped %q in the document:\n%s", buf.String()[i:i+1], buf.String())
	}
	var doc struct {
		Graph []struct {
			ClaimReviewed string `json:"claimReviewed"`
			URL           string `json:"url"`
		} `json:"@graph"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil || len(doc.Graph) != 1 {
		t.Fatalf("%v: %s", err, buf.String())
	}
	if doc.Graph[0].ClaimReviewed != text || doc.Graph[0].URL != "https://x.example/r/?a=1&b=a" {
		t.Errorf("read back %q, %q", doc.Graph[0].ClaimReviewed, doc.Graph[0].URL)
	}
}
