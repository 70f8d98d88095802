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

// regionClaim is a claim with a field the format does not have, as if
// claims.Claim had gained it.
type regionClaim struct {
	claims.Claim
	Region string
}

// lift makes a field of claims.Claim a field of regionClaim.
func lift(f field[claims.Claim]) field[regionClaim] {
	return field[regionClaim]{
		Field:  f.Field,
		decode: func(d *decoder, x *regionClaim, v *yaml.Node, loc location) { f.decode(d, &x.Claim, v, loc) },
		encode: func(m ymap, x *regionClaim) { f.encode(m, &x.Claim) },
	}
}

// TestNewField shows that a new field of claims is one entry in the
// claim table: with it, and nothing else changed, the field is read
// from YAML and JSON, written in its place, listed by the unknown-field
// message and described. The entry is the one line marked below; lift
// only stands in for the Region field claims.Claim does not have.
func TestNewField(t *testing.T) {
	var fields []field[regionClaim]
	for _, f := range claimFields.fields {
		fields = append(fields, lift(f))
		if f.Key == "text" {
			// The one change:
			fields = append(fields, text("region", "The region the claim concerns.", func(c *regionClaim) *string { return &c.Region }))
		}
	}
	table := newTable("claim", fields)

	want := regionClaim{Claim: claims.Claim{ID: "c", Text: "T", About: []string{"e"}, Appearances: []claims.Appearance{{Source: "s"}}}, Region: "ko"}
	const wantYAML = "id: c\ntext: T\nregion: ko\nabout: [e]\nappearances:\n  - source: s\n"
	const wantJSON = `{"id":"c","text":"T","region":"ko","about":["e"],"appearances":[{"source":"s"}]}`

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
	read := func(name string, n *yaml.Node) (regionClaim, ErrorList) {
		d := newDecoder(name, nil, ReadOptions{}.withDefaults())
		var got regionClaim
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
	if err := yaml.Unmarshal([]byte("id: c\ntext: T\nregoin: ko\n"), &doc); err != nil {
		t.Fatal(err)
	}
	_, errs := read("typo", doc.Content[0])
	if len(errs) != 1 || !errors.Is(errs[0], ErrUnknownField) || !strings.Contains(errs[0].Error(), "text, region, lang, about") {
		t.Errorf("misspelt key: got %v, want an unknown field listing region", errs)
	}

	// And it is described.
	if i := slices.IndexFunc(table.describe(), func(f Field) bool { return f.Key == "region" }); i != 2 {
		t.Errorf("region described at %d, want 2", i)
	}
}
