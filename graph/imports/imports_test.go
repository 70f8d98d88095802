package imports

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/sources"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func open(t *testing.T, name string) *os.File {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func sup(from, to string) claims.Relation {
	return claims.Relation{From: from, To: to, Kind: claims.Supports}
}

func con(from, to string) claims.Relation {
	return claims.Relation{From: from, To: to, Kind: claims.Contradicts}
}

var cmpBatch = cmpopts.EquateEmpty()

func TestReadAIF(t *testing.T) {
	got, err := ReadAIF(open(t, "aif.json"), "aif.json")
	if err != nil {
		t.Fatal(err)
	}
	// By hand from testdata/aif.json: I-nodes 101, 102, 104 (a numeric
	// ID), 106 are the claims. RA 103 has premises 101 and 106 and
	// conclusion 102; CA 105 runs from 104 to 102; RA 107 repeats
	// 101 -> 102 and is merged; CA 110 attacks the scheme 103 (an
	// undercutter) and is left out, as are the L and YA nodes.
	want := graph.Batch{
		Claims: []claims.Claim{
			{ID: "aif-101", Text: "Kim Jong Un's staff wiped down the chair he had sat in."},
			{ID: "aif-102", Text: "After the meeting, his staff cleaned the room."},
			{ID: "aif-104", Text: "The video was staged."},
			{ID: "aif-106", Text: "Two staff members cleaned the room."},
		},
		Relations: []claims.Relation{sup("aif-101", "aif-102"), sup("aif-106", "aif-102"), con("aif-104", "aif-102")},
	}
	if diff := cmp.Diff(want, got, cmpBatch); diff != "" {
		t.Errorf("batch (-want +got):\n%s", diff)
	}
}

func TestReadArgdown(t *testing.T) {
	got, err := ReadArgdown(open(t, "cleaning.argdown.json"), "cleaning.argdown.json")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(wantCleaning, got, cmpBatch); diff != "" {
		t.Errorf("batch (-want +got):\n%s", diff)
	}
}

// wantCleaning is testdata/cleaning.argdown read by hand: seven
// statements (two untitled premises of the argument <Video>), in the
// order Argdown lists them; the argument's premises support its
// conclusion [Cleaned] (arguments come first in the JSON); then the
// relations: Wiped + Cleaned, Staged - Cleaned, Cleaned + Protocol,
// Staged >< Genuine.
var wantCleaning = graph.Batch{
	Claims: []claims.Claim{
		{ID: "ad-cleaned", Text: "After Kim Jong Un's meeting with Vladimir Putin in Beijing, his staff cleaned the room."},
		{ID: "ad-wiped", Text: "Kim Jong Un's staff wiped down the chair he had sat in."},
		{ID: "ad-staged", Text: "The video was staged."},
		{ID: "ad-protocol", Text: "Removing traces of Kim Jong Un's presence is standard North Korean security procedure."},
		{ID: "ad-genuine", Text: "The video is genuine footage of the Beijing meeting room."},
		{ID: "ad-untitled-1", Text: "A video shows two staff members cleaning the room."},
		{ID: "ad-untitled-2", Text: "Videos of this kind show what happened."},
	},
	Relations: []claims.Relation{
		sup("ad-untitled-1", "ad-cleaned"), sup("ad-untitled-2", "ad-cleaned"),
		sup("ad-wiped", "ad-cleaned"), con("ad-staged", "ad-cleaned"),
		sup("ad-cleaned", "ad-protocol"), con("ad-staged", "ad-genuine"),
	},
}

// TestArgdownCLI runs the real Argdown on the committed .argdown file and
// reads what it writes, so that a change of Argdown's JSON shows up.
func TestArgdownCLI(t *testing.T) {
	prog, err := exec.LookPath("argdown")
	if err != nil {
		t.Skip("argdown not installed (npm install -g @argdown/cli): ", err)
	}
	dir := t.TempDir()
	cmd := exec.Command(prog, "json", filepath.Join("testdata", "cleaning.argdown"), dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("argdown json: %v\n%s", err, out)
	}
	f, err := os.Open(filepath.Join(dir, "cleaning.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := ReadArgdown(f, "cleaning.json")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(wantCleaning, got, cmpBatch); diff != "" {
		t.Errorf("batch from argdown's output (-want +got):\n%s", diff)
	}
}

func TestReadFactCheck(t *testing.T) {
	got, ratings, err := ReadFactCheck(open(t, "factcheck.json"), "factcheck.json")
	if err != nil {
		t.Fatal(err)
	}
	// By hand from testdata/factcheck.json: one claimant for both claims;
	// a source per review, its publisher's name or else its site, its
	// date cut from the timestamp; the claim date on each appearance.
	yunashev := "claimant-alexander-yunashev"
	said := claims.MustDate(2025, 9, 3)
	want := graph.Batch{
		Entities: []claims.Entity{{ID: yunashev, Name: "Alexander Yunashev", Kind: claims.OtherEntity}},
		Sources: []sources.Source{
			{ID: "fc-1-review-1", Title: `Did Kim's staff "scrub" the room?`, URL: "https://checks.example/kim-room", Publisher: "Example Checks",
				Published: claims.MustDate(2025, 9, 5), Kind: sources.Other, Note: "fact check"},
			{ID: "fc-1-review-2", URL: "https://other.example/r/1", Publisher: "other.example", Kind: sources.Other, Note: "fact check"},
			{ID: "fc-2-review-1", URL: "https://checks.example/toilet", Publisher: "Example Checks", Kind: sources.Other, Note: "fact check"},
		},
		Claims: []claims.Claim{
			{ID: "fc-1", Text: "Kim Jong Un's staff scrubbed the room after he met Putin.", Appearances: []claims.Appearance{
				{Source: "fc-1-review-1", Speaker: yunashev, Date: said}, {Source: "fc-1-review-2", Speaker: yunashev, Date: said}}},
			{ID: "fc-2", Text: "Kim Jong Un took his own toilet to Beijing.", Appearances: []claims.Appearance{{Source: "fc-2-review-1", Speaker: yunashev}}},
		},
	}
	if diff := cmp.Diff(want, got, cmpBatch, cmp.Comparer(func(a, b claims.Date) bool { return a == b })); diff != "" {
		t.Errorf("batch (-want +got):\n%s", diff)
	}
	wantRatings := map[string][]Rating{"fc-1": {
		{Source: "fc-1-review-1", Publisher: "Example Checks", Text: "True", URL: "https://checks.example/kim-room"},
		{Source: "fc-1-review-2", Publisher: "other.example", Text: "Mostly true", URL: "https://other.example/r/1"},
	}}
	if diff := cmp.Diff(wantRatings, ratings); diff != "" {
		t.Errorf("ratings (-want +got):\n%s", diff)
	}
}

// TestMalformed: every reader reports bad input as a *ParseError at the
// item at fault, never a panic. Positions counted by hand.
func TestMalformed(t *testing.T) {
	aif := func(in string) error { _, err := ReadAIF(strings.NewReader(in), "in"); return err }
	ad := func(in string) error { _, err := ReadArgdown(strings.NewReader(in), "in"); return err }
	fc := func(in string) error { _, _, err := ReadFactCheck(strings.NewReader(in), "in"); return err }
	tests := []struct {
		name      string
		read      func(string) error
		in        string
		line, col int
		want      error
	}{
		{"aif empty", aif, "", 1, 1, ErrSyntax},
		{"aif not an object", aif, `[]`, 1, 1, ErrFormat},
		{"aif bad character", aif, "{\"nodes\": [\n  {\"nodeID\": x}]}", 2, 3, ErrSyntax},
		{"aif nodes not a list", aif, `{"nodes": {}}`, 1, 11, ErrFormat},
		{"aif text not a string", aif, "{\"nodes\": [\n  {\"nodeID\": \"1\", \"text\": 5}]}", 2, 3, ErrFormat},
		{"aif ID not a string", aif, `{"nodes": [{"nodeID": true}]}`, 1, 12, ErrFormat},
		{"aif no nodeID", aif, `{"nodes": [{"type": "I"}]}`, 1, 12, ErrFormat},
		{"aif duplicate node", aif, `{"nodes": [{"nodeID": "1"}, {"nodeID": 1}]}`, 1, 29, ErrFormat},
		{"aif edge to nowhere", aif, "{\"nodes\": [],\n \"edges\": [{\"fromID\": \"1\", \"toID\": \"2\"}]}", 2, 12, ErrFormat},
		{"aif empty text", aif, "{\"nodes\": [\n {\"nodeID\": \"1\", \"type\": \"I\", \"text\": \"\"}]}", 2, 2, claims.ErrMissingField},
		{"aif trailing", aif, `{"nodes": []} {}`, 1, 15, ErrSyntax},
		{"aif truncated", aif, `{"nodes": [`, 1, 12, ErrSyntax},
		{"argdown unknown relation", ad, "{\"statements\": {\"A\": {\"members\": [{\"text\": \"a\"}]}},\n \"relations\": [{\"relationType\": \"hug\", \"from\": \"A\", \"to\": \"A\"}]}", 2, 16, ErrFormat},
		{"argdown unknown statement", ad, "{\"statements\": {},\n \"relations\": [{\"relationType\": \"support\", \"from\": \"A\", \"to\": \"B\"}]}", 2, 16, ErrFormat},
		{"argdown unknown argument", ad, "{\"statements\": {\"A\": {}},\n \"relations\": [{\"relationType\": \"support\", \"from\": \"X\", \"fromType\": \"argument\", \"to\": \"A\"}]}", 2, 16, ErrFormat},
		{"argdown members not a list", ad, `{"statements": {"A": {"members": 1}}}`, 1, 22, ErrFormat},
		{"argdown support and attack", ad, "{\"statements\": {\"A\": {}, \"B\": {}},\n \"relations\": [{\"relationType\": \"support\", \"from\": \"A\", \"to\": \"B\"},\n  {\"relationType\": \"attack\", \"from\": \"B\", \"to\": \"A\"}]}", 3, 3, graph.ErrConflictingRelation},
		{"aif without nodes", aif, "\n  {\"edges\": []}", 2, 3, ErrFormat},
		{"argdown without statements", ad, `{"arguments": {}}`, 1, 1, ErrFormat},
		{"factcheck unknown field", fc, `{"claims": [], "nodes": []}`, 1, 16, ErrFormat},
		{"factcheck claims not a list", fc, `{"claims": 3}`, 1, 12, ErrFormat},
		{"factcheck bad date", fc, "{\"claims\": [\n  {\"text\": \"t\", \"claimDate\": \"yesterday\"}]}", 2, 3, ErrFormat},
		{"factcheck no text", fc, "{\"claims\": [{\"text\": \"t\"},\n  {\"claimant\": \"x\"}]}", 2, 3, claims.ErrMissingField},
		{"factcheck bad URL", fc, "{\"claims\": [\n {\"text\": \"t\", \"claimReview\": [{\"url\": \"ftp://x\"}]}]}", 2, 2, sources.ErrInvalidURL},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.read(tt.in)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v (%T), want a *ParseError", err, err)
			}
			if pe.Line != tt.line || pe.Column != tt.col || !errors.Is(err, tt.want) {
				t.Errorf("%v: want %d:%d and %v", err, tt.line, tt.col, tt.want)
			}
			if !strings.HasPrefix(err.Error(), "imports: in:") {
				t.Errorf("message %q lacks the prefix and file", err)
			}
			if strings.Count(err.Error(), "imports: ") != 1 || strings.Contains(err.Error(), "graph: ") {
				t.Errorf("message %q: want one package prefix", err)
			}
		})
	}
}

// TestParseErrorMessage: with or without a file name, and wrapping a
// problem the graph found, a message names the package once and gives
// the position as claims.Position prints it.
func TestParseErrorMessage(t *testing.T) {
	in := "{\"statements\": {\"A\": {}, \"B\": {}},\n \"relations\": [{\"relationType\": \"support\", \"from\": \"A\", \"to\": \"B\"},\n  {\"relationType\": \"attack\", \"from\": \"B\", \"to\": \"A\"}]}"
	const msg = `relation "ad-b -> ad-a": kind: "ad-b" both supports and contradicts "ad-a"`
	for name, want := range map[string]string{"in.json": "imports: in.json:3:3: " + msg, "": "imports: 3:3: " + msg} {
		_, err := ReadArgdown(strings.NewReader(in), name)
		if err == nil || err.Error() != want {
			t.Errorf("name %q: error %v, want %q", name, err, want)
		}
	}
}

// TestEmptyFactCheck: the API answers {} when nothing matches.
func TestEmptyFactCheck(t *testing.T) {
	b, ratings, err := ReadFactCheck(strings.NewReader(`{}`), "empty.json")
	if err != nil || len(b.Claims) != 0 || len(ratings) != 0 {
		t.Errorf("got %d claims, %d ratings, error %v; want nothing and no error", len(b.Claims), len(ratings), err)
	}
}

func TestID(t *testing.T) {
	tests := []struct{ prefix, name, want string }{
		{"ad-", "Untitled 1", "ad-untitled-1"},
		{"ad-", "  Kim's  clean-up!  ", "ad-kim-s-clean-up"},
		{"aif-", "123", "aif-123"},
		{"c-", "Ким", "c"},
		{"x-", strings.Repeat("a", 200), "x-" + strings.Repeat("a", 126)},
	}
	for _, tt := range tests {
		got := ID(tt.prefix, tt.name)
		if got != tt.want {
			t.Errorf("ID(%q, %q) = %q, want %q", tt.prefix, tt.name, got, tt.want)
		}
		if err := claims.CheckID(got); err != nil {
			t.Errorf("ID(%q, %q) = %q: %v", tt.prefix, tt.name, got, err)
		}
	}
}

// fuzzReader checks an importer: no panic; every error a *ParseError with
// a position; every batch it accepts valid for an empty graph, and that
// graph the same after a YAML save and load.
func fuzzReader(f *testing.F, read func(string) (graph.Batch, error), seeds ...string) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		b, err := read(in)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Line < 1 || pe.Column < 1 {
				t.Fatalf("error %v (%T) without a position", err, err)
			}
			return
		}
		g := graph.New()
		if err := g.Apply(b); err != nil {
			t.Fatalf("the importer accepted input whose batch is invalid: %v", err)
		}
		var first, second bytes.Buffer
		if err := g.WriteYAML(&first); err != nil {
			t.Fatal(err)
		}
		back, err := graph.ReadYAML(bytes.NewReader(first.Bytes()), "saved.yaml")
		if err != nil {
			t.Fatalf("saved import does not load: %v", err)
		}
		if err := back.WriteYAML(&second); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(first.String(), second.String()); diff != "" {
			t.Fatalf("round trip (-first +second):\n%s", diff)
		}
	})
}

func FuzzReadAIF(f *testing.F) {
	data, _ := os.ReadFile(filepath.Join("testdata", "aif.json"))
	fuzzReader(f, func(in string) (graph.Batch, error) { return ReadAIF(strings.NewReader(in), "f") },
		string(data), `{"nodes": [{"nodeID": 1, "type": "I", "text": "a"}]}`)
}

func FuzzReadArgdown(f *testing.F) {
	data, _ := os.ReadFile(filepath.Join("testdata", "cleaning.argdown.json"))
	fuzzReader(f, func(in string) (graph.Batch, error) { return ReadArgdown(strings.NewReader(in), "f") },
		string(data), `{"statements": {"A": {}}, "relations": []}`)
}

func FuzzReadFactCheck(f *testing.F) {
	data, _ := os.ReadFile(filepath.Join("testdata", "factcheck.json"))
	fuzzReader(f, func(in string) (graph.Batch, error) {
		b, _, err := ReadFactCheck(strings.NewReader(in), "f")
		return b, err
	},
		string(data), `{"claims": [{"text": "a", "claimant": "b"}]}`)
}
