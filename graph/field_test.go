package graph

import (
	"bufio"
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"
)

// langClaim is a claim with a field the format does not have, as if
// claims.Claim had gained it.
type langClaim struct {
	claims.Claim
	Language string
}

// lift makes a field of claims.Claim a field of langClaim.
func lift(f field[claims.Claim]) field[langClaim] {
	return field[langClaim]{
		Field:  f.Field,
		decode: func(d *decoder, x *langClaim, v *yaml.Node, loc location) { f.decode(d, &x.Claim, v, loc) },
		encode: func(m ymap, x *langClaim) { f.encode(m, &x.Claim) },
	}
}

// TestNewField shows that a new field of claims is one entry in the
// claim table: with it, and nothing else changed, the field is read
// from YAML and JSON, written in its place, listed by the unknown-field
// message and described. The entry is the one line marked below; lift
// only stands in for the Language field claims.Claim does not have.
func TestNewField(t *testing.T) {
	var fields []field[langClaim]
	for _, f := range claimFields.fields {
		fields = append(fields, lift(f))
		if f.Key == "text" {
			// The one change:
			fields = append(fields, text("language", "The language of the text.", func(c *langClaim) *string { return &c.Language }))
		}
	}
	table := newTable("claim", fields)

	want := langClaim{Claim: claims.Claim{ID: "c", Text: "T", About: []string{"e"}, Appearances: []claims.Appearance{{Source: "s"}}}, Language: "ko"}
	const wantYAML = "id: c\ntext: T\nlanguage: ko\nabout: [e]\nappearances:\n  - source: s\n"
	const wantJSON = `{"id":"c","text":"T","language":"ko","about":["e"],"appearances":[{"source":"s"}]}`

	// Writing: in its place, in both formats.
	var yb bytes.Buffer
	enc := yaml.NewEncoder(&yb)
	enc.SetIndent(2)
	if err := enc.Encode(table.encode(&want).n); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(wantYAML, yb.String()); diff != "" {
		t.Errorf("YAML (-want +got):\n%s", diff)
	}
	var jb bytes.Buffer
	w := bufio.NewWriter(&jb)
	writeJSON(w, table.encode(&want).n, "", false)
	w.Flush()
	if diff := cmp.Diff(wantJSON, jb.String()); diff != "" {
		t.Errorf("JSON (-want +got):\n%s", diff)
	}

	// Reading: both formats give the claim back.
	read := func(name string, n *yaml.Node) (langClaim, ErrorList) {
		d := newDecoder(name, nil, ReadOptions{}.withDefaults())
		var got langClaim
		table.decode(d, &got, n, location{"claim", 0, ""})
		return got, d.errs
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(wantYAML), &doc); err != nil {
		t.Fatal(err)
	}
	jn, perr := newJSONScanner([]byte(wantJSON), ReadOptions{MaxDepth: 10}.withDefaults()).document()
	if perr != nil {
		t.Fatal(perr.err)
	}
	for name, n := range map[string]*yaml.Node{"YAML": doc.Content[0], "JSON": jn} {
		got, errs := read(name, n)
		if len(errs) > 0 {
			t.Errorf("%s: %v", name, errs)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s read back (-want +got):\n%s", name, diff)
		}
	}

	// An unknown key is reported with the new key among those allowed.
	if err := yaml.Unmarshal([]byte("id: c\ntext: T\nlang: ko\n"), &doc); err != nil {
		t.Fatal(err)
	}
	_, errs := read("typo", doc.Content[0])
	if len(errs) != 1 || !errors.Is(errs[0], ErrUnknownField) || !strings.Contains(errs[0].Error(), "text, language, about") {
		t.Errorf("misspelt key: got %v, want an unknown field listing language", errs)
	}

	// And it is described.
	if i := slices.IndexFunc(table.describe(), func(f Field) bool { return f.Key == "language" }); i != 2 {
		t.Errorf("language described at %d, want 2", i)
	}
}
