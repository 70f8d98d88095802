package graph_test

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/sources"
)

// TestReadWarnsReviewURL: a review's URL that is not a web address
// ("javascript:alert(1)") loaded without a word, and no one could tell
// where it was. It still loads, and ReadOptions.Warn is told of it with
// its file, line, column, claim ID and field, in every format; a web
// address and an input that fails to load tell it nothing. In each
// input, § marks where the warning must point; it is removed before
// reading.
func TestReadWarnsReviewURL(t *testing.T) {
	const review = `{status: published, rating: "False", url: `
	tests := []struct {
		name, format, input string
		msg                 string // in the warning; "" for none
	}{
		{"javascript", "yaml", "claimgraph: 1\nclaims:\n  - id: a\n    text: A.\n    review: " + review + `§"javascript:alert(1)"}` + "\n",
			`claim "a": review.url: invalid URL "javascript:alert(1)": want an absolute http or https URL`},
		{"second claim, block style", "yaml", "claimgraph: 1\nclaims:\n  - {id: a, text: A.}\n  - id: b\n    text: B.\n    review:\n      status: in-progress\n      url: §data:text/html,x\n",
			`claim "b": review.url: invalid URL "data:text/html,x"`},
		{"relative", "yaml", "claimgraph: 1\nclaims:\n  - {id: a, text: A., review: {status: unreviewed, url: §/reviews/a}}\n",
			`invalid URL "/reviews/a"`},
		{"space", "yaml", "claimgraph: 1\nclaims:\n  - {id: a, text: A., review: {status: unreviewed, url: §\"https://desk.example/a b\"}}\n",
			`holds ' '`},
		{"web address", "yaml", "claimgraph: 1\nclaims:\n  - {id: a, text: A., review: {status: unreviewed, url: https://desk.example/a}}\n", ""},
		{"no URL", "yaml", "claimgraph: 1\nclaims:\n  - {id: a, text: A., review: {status: unreviewed}}\n", ""},
		{"refused input", "yaml", "claimgraph: 1\nclaims:\n  - {id: a, review: {status: unreviewed, url: \"javascript:x\"}}\n", ""},
		{"javascript", "json", `{"claimgraph": 1, "claims": [` + "\n" + `  {"id": "a", "text": "A.", "review": {"status": "published", "rating": "False", "url": §"javascript:alert(1)"}}]}`,
			`claim "a": review.url: invalid URL "javascript:alert(1)"`},
		{"javascript", "jsonl", `{"claimgraph":1}` + "\n" + `{"claim":{"id":"z","text":"Z."}}` + "\n" + `{"claim":{"id":"a","text":"A.","review":{"status":"published","rating":"False","url":§"javascript:alert(1)"}}}` + "\n",
			`claim "a": review.url: invalid URL "javascript:alert(1)"`},
	}
	for _, tt := range tests {
		t.Run(tt.format+" "+tt.name, func(t *testing.T) {
			input := strings.Replace(tt.input, "§", "", 1)
			var got []*graph.Error
			o := graph.ReadOptions{Warn: func(e *graph.Error) { got = append(got, e) }}
			_, err := reader(o, tt.format)(strings.NewReader(input), "in")
			if (err != nil) != (tt.name == "refused input") {
				t.Fatalf("read: %v", err)
			}
			if tt.msg == "" {
				if len(got) > 0 {
					t.Errorf("warnings %v, want none", got)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("warnings %v, want one", got)
			}
			e := got[0]
			atMark(t, e, tt.input)
			if !errors.Is(e, sources.ErrInvalidURL) || e.Field != "review.url" || e.ID == "" || !strings.Contains(e.Message(), tt.msg) {
				t.Errorf("warning %q (ID %q, field %q), want ErrInvalidURL at review.url with %q", e.Message(), e.ID, e.Field, tt.msg)
			}
		})
	}
}

// reader returns the read of o of format "yaml", "json" or "jsonl".
func reader(o graph.ReadOptions, format string) func(io.Reader, string) (*graph.Graph, error) {
	return map[string]func(io.Reader, string) (*graph.Graph, error){"yaml": o.ReadYAML, "json": o.ReadJSON, "jsonl": o.ReadJSONL}[format]
}

// atMark reports e unless it is at the § of input, in file "in".
func atMark(t *testing.T, e *graph.Error, input string) {
	t.Helper()
	if line, col := markedPosition(t, input); e.File != "in" || e.Line != line || e.Column != col {
		t.Errorf("%v at %s:%d:%d, want in:%d:%d", e, e.File, e.Line, e.Column, line, col)
	}
}

// TestReadMalformedDigest: a review's evidence digest not of the form
// package graph/evidence writes ("v2:-1a0s0c1o:0") loaded, and the
// review queue then listed the review as moved, with no place to fix.
// Every reader refuses it at the digest, naming the claim, as it does a
// malformed date (TestDecodeErrors has the YAML). § marks the place.
func TestReadMalformedDigest(t *testing.T) {
	for _, tt := range []struct{ format, input string }{
		{"json", `{"claimgraph": 1, "claims": [` + "\n" + `  {"id": "a", "text": "A.", "review": {"status": "published", "rating": "False", "evidence": §"v2:-1a0s0c1o:0"}}]}`},
		{"jsonl", `{"claimgraph":1}` + "\n" + `{"claim":{"id":"z","text":"Z."}}` + "\n" + `{"claim":{"id":"a","text":"A.","review":{"status":"unreviewed","evidence":§"v2:1a0s0c1o:0"}}}` + "\n"},
	} {
		t.Run(tt.format, func(t *testing.T) {
			_, err := reader(graph.ReadOptions{}, tt.format)(strings.NewReader(strings.Replace(tt.input, "§", "", 1)), "in")
			var list graph.ErrorList
			if !errors.As(err, &list) || len(list) != 1 {
				t.Fatalf("read: %v, want one problem", err)
			}
			e := list[0]
			atMark(t, e, tt.input)
			if !errors.Is(e, claims.ErrInvalidDigest) || e.ID != "a" || e.Field != "review.evidence" {
				t.Errorf("%v (ID %q, field %q), want ErrInvalidDigest of claim a at review.evidence", e, e.ID, e.Field)
			}
		})
	}
}
