package graph_test

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files")

// seedPath is the canonical dataset, relative to this package.
const seedPath = "../testdata/kim-putin.yaml"

// TestRoundTripSeed: Load -> Save -> Load loses nothing, and saving is
// deterministic. The golden file shows what the saved form looks like.
func TestRoundTripSeed(t *testing.T) {
	g, err := graph.Load(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	first := yamlOf(t, g)
	golden := filepath.Join("testdata", "kim-putin.saved.yaml")
	if *update {
		if err := os.WriteFile(golden, []byte(first), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), first); diff != "" {
		t.Errorf("saved form differs from %s (-want +got):\n%s", golden, diff)
	}
	g2, err := graph.ReadYAML(strings.NewReader(first), "saved")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(first, yamlOf(t, g2)); diff != "" {
		t.Errorf("second save differs (-first +second):\n%s", diff)
	}
	// Every item survives with every field.
	for c := range g.Claims() {
		c2, ok := g2.Claim(c.ID)
		if !ok {
			t.Fatalf("claim %s lost", c.ID)
		}
		if diff := cmp.Diff(c, c2, cmp.Comparer(func(a, b claims.Date) bool { return a == b })); diff != "" {
			t.Errorf("claim %s changed (-loaded +reloaded):\n%s", c.ID, diff)
		}
	}
	if diff := cmp.Diff(g.Counts(), g2.Counts()); diff != "" {
		t.Errorf("counts changed (-loaded +reloaded):\n%s", diff)
	}
}

// TestDecodeErrors checks the position and message of each kind of
// problem. In each input, § marks where the error must point; it is
// removed before reading.
func TestDecodeErrors(t *testing.T) {
	const head = "claimgraph: 1\nentities:\n  - {id: china, name: China, kind: country}\nsources:\n  - {id: s1, kind: wire}\n"
	tests := []struct {
		name, input string
		want        error
		msg         string
	}{
		{"unknown top-level field", "claimgraph: 1\n§colour: red\n", graph.ErrUnknownField, `unknown field "colour"`},
		{"unknown field in entity", "claimgraph: 1\nentities:\n  - id: e\n    name: E\n    kind: person\n    §publsher: x\n", graph.ErrUnknownField, `unknown field "publsher"`},
		{"bad entity kind", "claimgraph: 1\nentities:\n  - {id: e, name: E, kind: §planet}\n", claims.ErrInvalidKind, `unknown entity kind "planet"`},
		{"bad date", head + "claims:\n  - id: c\n    text: T\n    valid_from: §2024-13-45\n", claims.ErrInvalidDate, `invalid date "2024-13-45"`},
		{"until before from", head + "claims:\n  - id: c\n    text: T\n    valid_from: 2024\n    valid_until: §2023\n", claims.ErrInvalidValidity, "not after valid_from"},
		{"unknown entity", head + "claims:\n  - id: c\n    text: T\n    about: [china, §mars]\n", graph.ErrUnknownReference, `unknown entity "mars"`},
		{"unknown source", head + "claims:\n  - id: c\n    text: T\n    appearances:\n      - source: §nope\n", graph.ErrUnknownReference, `unknown source "nope"`},
		{"duplicate ID", head + "claims:\n  - id: c\n    text: T\n  - id: §c\n    text: U\n", graph.ErrDuplicateID, `duplicate ID "c"`},
		{"missing text", head + "claims:\n  - §id: c\n    about: [china]\n", claims.ErrMissingField, `missing required field "text"`},
		{"duplicate key", head + "claims:\n  - id: c\n    text: T\n    §text: U\n", graph.ErrSyntax, `duplicate key "text"`},
		{"bad confidence", head + "claims:\n  - {id: a, text: A}\n  - {id: b, text: B}\nrelations:\n  - {from: a, to: b, kind: supports, confidence: §1.5}\n", claims.ErrInvalidConfidence, "confidence"},
		{"hex confidence", head + "claims:\n  - {id: a, text: A}\n  - {id: b, text: B}\nrelations:\n  - {from: a, to: b, kind: supports, confidence: §0x1p-2}\n", claims.ErrInvalidConfidence, "confidence"},
		{"confidence with _", head + "claims:\n  - {id: a, text: A}\n  - {id: b, text: B}\nrelations:\n  - {from: a, to: b, kind: supports, confidence: §0.2_5}\n", claims.ErrInvalidConfidence, "confidence"},
		{"self relation", head + "claims:\n  - {id: a, text: A}\nrelations:\n  - {from: a, to: §a, kind: supports}\n", claims.ErrSelfRelation, `relates claim "a" to itself`},
		{"malformed digest", head + "claims:\n  - id: c\n    text: T\n    review: {status: published, rating: \"False\", evidence: §v2:-1a0s0c1o:0}\n",
			claims.ErrInvalidDigest, `claim "c": review.evidence: invalid evidence digest "v2:-1a0s0c1o:0"`},
		{"digest in block style", head + "claims:\n  - id: c\n    text: T\n    review:\n      status: in-progress\n      evidence: §\"checked by Ann\"\n",
			claims.ErrInvalidDigest, `claim "c": review.evidence: invalid evidence digest "checked by Ann"`},
		{"wrong version", "claimgraph: §2\n", graph.ErrVersion, "version"},
		// As in JSON, and as the schema says: the version is a number.
		{"version as text", "claimgraph: §\"1\"\n", graph.ErrVersion, `"1"`},
		{"missing version", "§entities: []\n", graph.ErrVersion, "claimgraph: 1"},
		{"not a mapping", "§- a\n- b\n", graph.ErrSyntax, "want a mapping"},
		{"list expected", "claimgraph: 1\nclaims: §{a: b}\n", graph.ErrSyntax, "want a list"},
		{"malformed YAML", "claimgraph: 1\nclaims:\n  §- id: \"c\n", graph.ErrSyntax, "unexpected end"},
		{"two documents", "claimgraph: 1\n§---\nclaimgraph: 1\n", graph.ErrSyntax, "more than one YAML document"},
		// Problems of yaml.v3's parser, which it reports at the line
		// before the collection they are in (here the list of claims):
		// at the key or entry out of place instead.
		{"key indented too little", head + "claims:\n  - id: c\n    text: T\n  - id: d\n   §text: U\n", graph.ErrSyntax, "did not find expected '-' indicator"},
		{"key indented too little, far down", head + "claims:\n" + strings.Repeat("  - id: c\n    text: T\n", 50) + "  - id: d\n   §text: U\n  - id: e\n    text: V\n", graph.ErrSyntax, "did not find expected '-' indicator"},
		{"entry indented too little", head + "claims:\n  - id: c\n    text: T\n    appearances:\n      - source: s1\n     §- source: s1\n", graph.ErrSyntax, "did not find expected key"},
		{"line of a folded text indented too little", head + "claims:\n  - id: c\n    text: >-\n      One line,\n     §two lines\n      and three.\n", graph.ErrSyntax, "did not find expected key"},
		{"entry indented too much", head + "claims:\n- id: c\n  text: T\n §- id: d\n  text: U\n", graph.ErrSyntax, "did not find expected key"},
		{"in a second document", "claimgraph: 1\n---\nclaims:\n  - id: c\n §text: T\n", graph.ErrSyntax, "did not find expected"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			line, col := markedPosition(t, tt.input)
			input := strings.Replace(tt.input, "§", "", 1)
			_, err := graph.ReadYAML(strings.NewReader(input), "in.yaml")
			if !errors.Is(err, tt.want) {
				t.Fatalf("error %v, want %v", err, tt.want)
			}
			var list graph.ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("error %T, want graph.ErrorList", err)
			}
			var found bool
			for _, e := range list {
				if errors.Is(e, tt.want) && strings.Contains(e.Error(), tt.msg) {
					found = true
					if e.File != "in.yaml" || e.Line != line || e.Column != col {
						t.Errorf("%v at %s:%d:%d, want in.yaml:%d:%d", e, e.File, e.Line, e.Column, line, col)
					}
				}
			}
			if !found {
				t.Errorf("no problem mentions %q in %v", tt.msg, err)
			}
		})
	}
}

// markedPosition returns the 1-based line and column of § in s.
func markedPosition(t *testing.T, s string) (line, col int) {
	t.Helper()
	i := strings.Index(s, "§")
	if i < 0 {
		t.Fatal("input has no § marker")
	}
	before := s[:i]
	line = strings.Count(before, "\n") + 1
	col = i - strings.LastIndex(before, "\n")
	return line, col
}

// TestListEntryProblems: an entry of a list of IDs that is not text is
// one problem, not two (a JSON number was also "empty text"), an alias
// of empty text is one at the alias, and the entries after a bad one
// keep their index: the unknown "mars" after an empty entry was
// reported at the entry before it, or not at all. Each § marks where a
// problem must point, in order; they are removed before reading.
func TestListEntryProblems(t *testing.T) {
	const yhead = "claimgraph: 1\nentities:\n  - {id: e, name: E, kind: person}\nclaims:\n"
	const jhead = `{"claimgraph": 1, "entities": [{"id": "e", "name": "E", "kind": "person"}], "claims": [`
	for _, tt := range []struct {
		name, file, in string
		want           []string // the problems' messages, in order
	}{
		{"JSON number", "in.json", jhead + `{"id": "a", "text": "T", "about": [§1]}]}`, []string{
			`claim "a": about[0]: syntax error: about[0]: want text, found 1`}},
		{"JSON boolean and null", "in.json", jhead + `{"id": "a", "text": "T", "about": [§true, §null]}]}`, []string{
			`claim "a": about[0]: syntax error: about[0]: want text, found true`,
			`claim "a": about[1]: syntax error: empty text in a list`}},
		{"entry after an empty one", "in.yaml", yhead + "  - {id: a, text: T, about: [§'', §mars]}\n", []string{
			`claim "a": about[0]: syntax error: empty text in a list`,
			`claim "a": about[1]: unknown entity "mars"`}},
		{"entry after an empty one and a good one", "in.yaml", yhead + "  - {id: a, text: T, about: [§'', e, §mars]}\n", []string{
			`claim "a": about[0]: syntax error: empty text in a list`,
			`claim "a": about[2]: unknown entity "mars"`}},
		{"entry after a number", "in.json", jhead + `{"id": "a", "text": "T", "about": [§1, §"mars"]}]}`, []string{
			`claim "a": about[0]: syntax error: about[0]: want text, found 1`,
			`claim "a": about[1]: unknown entity "mars"`}},
		{"alias of empty text", "in.yaml", yhead + "  - {id: a, text: T, about: [e, §&x '']}\n  - {id: b, text: U, about: [e, §*x]}\n", []string{
			`claim "a": about[1]: syntax error: empty text in a list`,
			`claim "b": about[1]: syntax error: empty text in a list`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var want []string
			in := tt.in
			for _, msg := range tt.want {
				line, col := markedPosition(t, in)
				in = strings.Replace(in, "§", "", 1)
				want = append(want, fmt.Sprintf("%d:%d: %s", line, col, msg))
			}
			read := graph.ReadYAML
			if strings.HasSuffix(tt.file, ".json") {
				read = graph.ReadJSON
			}
			_, err := read(strings.NewReader(in), tt.file)
			var list graph.ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("error %v, want a graph.ErrorList", err)
			}
			var got []string
			for _, e := range list {
				got = append(got, fmt.Sprintf("%d:%d: %s", e.Line, e.Column, e.Message()))
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDecodeReportsEveryProblem(t *testing.T) {
	const in = `claimgraph: 1
entities:
  - {id: e, name: E, kind: planet}
claims:
  - {id: c, text: T, about: [mars]}
  - {id: c, text: U}
`
	_, err := graph.ReadYAML(strings.NewReader(in), "in.yaml")
	var list graph.ErrorList
	if !errors.As(err, &list) || len(list) != 3 {
		t.Fatalf("got %v, want 3 problems", err)
	}
	for i, want := range []int{3, 5, 6} {
		if list[i].Line != want {
			t.Errorf("problem %d on line %d, want %d: %v", i, list[i].Line, want, list[i])
		}
	}
}

// TestHostileYAML: input built to exhaust the reader is rejected with a
// positioned error, within the limits of [graph.ReadOptions]. § marks
// where the error must point; it is removed before reading. Each case
// runs in milliseconds with the default limits, because the limits are
// checked in one pass over the parsed nodes before anything is expanded.
func TestHostileYAML(t *testing.T) {
	const head = "claimgraph: 1\nentities:\n  - {id: e, name: E, kind: person}\n"
	// A claim about ten thousand entities (10,007 nodes), listed ten
	// thousand times through an alias: 10^8 nodes from 100 kB of text.
	// The hundredth alias crosses a million.
	about := strings.TrimSuffix(strings.Repeat("e, ", 10_000), ", ")
	bomb := head + "claims:\n  - &c {id: c, text: T, about: [" + about + "]}\n" +
		strings.Repeat("  - *c\n", 99) + "  - §*c\n" + strings.Repeat("  - *c\n", 10_000)
	// The classic billion laughs: nine levels of nine, 387 million nodes,
	// under a field the reader does not even walk.
	laughs := "claimgraph: 1\nlol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
	for i := 1; i < 9; i++ {
		laughs += fmt.Sprintf("lol%d: &l%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*l%d, ", i-1), 9), ", "))
	}
	laughs = strings.Replace(laughs, "lol6: &l6 [", "lol6: &l6 [§", 1)
	huge := head + "claims:\n  - id: c\n    text: " + strings.Repeat("x", 1<<20) + "\n"
	huge = huge[:512<<10] + "§" + huge[512<<10:]
	// The red team's text bomb, shrunk: a text of 1 MiB anchored once
	// and reused, its own aliases adding no more than 1 MiB each (the
	// nodes stay few). The seventeenth alias passes 16 MiB, the default
	// size limit.
	longText := strings.Repeat("q", 1<<20)
	textBomb := "claimgraph: 1\nclaims:\n  - {id: c0, text: &q " + longText + "}\n"
	for i := 1; i <= 20; i++ {
		mark := ""
		if i == 17 {
			mark = "§"
		}
		textBomb += fmt.Sprintf("  - {id: c%d, text: %s*q}\n", i, mark)
	}
	deep := "claimgraph: 1\nentities: " + strings.Repeat("[", 100) + "§" + strings.Repeat("[", 100) + strings.Repeat("]", 200) + "\n"
	tests := []struct {
		name  string
		opts  graph.ReadOptions
		input string
		want  error
		msg   string
	}{
		{"alias bomb, default limits", graph.ReadOptions{}, bomb, graph.ErrLimit, "aliases expand to more than 1000000 YAML nodes"},
		{"billion laughs, default limits", graph.ReadOptions{}, laughs, graph.ErrLimit, "aliases expand to more than 1000000"},
		{"alias bomb, lower node limit", graph.ReadOptions{MaxNodes: 1000, MaxAliasNodes: 1 << 30}, head + "claims:\n  - &c {id: c, text: T, about: [" + strings.TrimSuffix(strings.Repeat("e, ", 100), ", ") + "]}\n  - *c\n  - *c\n  - *c\n  - *c\n  - *c\n  - *c\n  - *c\n  - *c\n  - §*c\n", graph.ErrLimit, "more than 1000 YAML nodes (aliases expanded)"},
		{"long text reused, default limits", graph.ReadOptions{}, textBomb, graph.ErrTooLarge, "aliases expand to more than 16777216 bytes of text"},
		{"long text reused, size limit raised", graph.ReadOptions{MaxBytes: 18 << 20}, strings.Replace(strings.Replace(textBomb, "§", "", 1), "c19, text: *q", "c19, text: §*q", 1), graph.ErrTooLarge, "aliases expand to more than 18874368 bytes of text"},
		{"long text reused, lower alias limit", graph.ReadOptions{MaxAliasBytes: 3 << 20}, head + "claims:\n  - {id: c, text: &q " + longText[:1<<20-1] + "}\n  - {id: d, text: *q}\n  - {id: d, text: *q}\n  - {id: d, text: *q}\n  - {id: d, text: §*q}\n", graph.ErrTooLarge, "more than 3145728 bytes"},
		{"alias inside its own target", graph.ReadOptions{}, head + "claims:\n  - &c {id: c, text: T, about: [e, §*c]}\n", graph.ErrSyntax, "alias *c refers to a node that contains it"},
		{"huge scalar", graph.ReadOptions{MaxBytes: 512 << 10}, huge, graph.ErrLimit, "input too large: larger than 524288 bytes"},
		// The limit falls on the second byte of "é": the column is the
		// character's.
		{"size limit inside a character", graph.ReadOptions{MaxBytes: 17}, "claimgraph: 1\n# §é\n", graph.ErrLimit, "input too large: larger than 17 bytes"},
		{"deep nesting, default limits", graph.ReadOptions{}, deep, graph.ErrLimit, "nested deeper than 100 levels"},
		// Deeper than yaml.v3 parses: its own error used to come through,
		// ErrSyntax at the start of the line.
		{"deeper than the parser goes", graph.ReadOptions{}, strings.Replace(deep, "[§", "[§"+strings.Repeat("[", 10_000), 1), graph.ErrLimit, "nested deeper than 100 levels"},
		{"deeper than the parser goes, flow at the top", graph.ReadOptions{}, "{claimgraph: 1, entities: " + strings.Repeat("[", 100) + "§" + strings.Repeat("[", 10_000), graph.ErrLimit, "nested deeper than 100 levels"},
		{"deeper than the parser goes, lower limit", graph.ReadOptions{MaxDepth: 3}, "claimgraph: 1\nentities: [[[§" + strings.Repeat("{a: ", 10_001), graph.ErrLimit, "nested deeper than 3 levels"},
		{"deep nesting, lower limit", graph.ReadOptions{MaxDepth: 3}, head + "claims:\n  - id: c\n    text: T\n    about: [§[e]]\n", graph.ErrLimit, "nested deeper than 3 levels"},
		{"duplicate key", graph.ReadOptions{}, head + "claims:\n  - {id: c, text: T, §id: d}\n", graph.ErrSyntax, `duplicate key "id"`},
		{"duplicate section", graph.ReadOptions{}, head + "claims: []\n§claims: []\n", graph.ErrSyntax, `duplicate key "claims"`},
		{"two documents", graph.ReadOptions{}, head + "§---\n" + head, graph.ErrSyntax, "more than one YAML document"},
		{"empty second document", graph.ReadOptions{}, head + "§---\n", graph.ErrSyntax, "more than one YAML document"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			line, col := markedPosition(t, tt.input)
			input := strings.Replace(tt.input, "§", "", 1)
			_, err := tt.opts.ReadYAML(strings.NewReader(input), "in.yaml")
			if !errors.Is(err, tt.want) {
				t.Fatalf("error %v, want %v", err, tt.want)
			}
			var list graph.ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("error %T, want graph.ErrorList", err)
			}
			// A limit stops the read: it is the one problem reported.
			if tt.want == graph.ErrLimit && len(list) != 1 {
				t.Errorf("%d problems, want only the limit: %v", len(list), err)
			}
			e := list[0]
			if !strings.Contains(e.Error(), tt.msg) {
				t.Errorf("error %q, want it to mention %q", e, tt.msg)
			}
			if e.File != "in.yaml" || e.Line != line || e.Column != col {
				t.Errorf("%v at %s:%d:%d, want in.yaml:%d:%d", e, e.File, e.Line, e.Column, line, col)
			}
		})
	}
}

func FuzzReadYAML(f *testing.F) {
	seed, err := os.ReadFile(seedPath)
	if err == nil {
		f.Add(seed)
	}
	f.Add([]byte("claimgraph: 1\nentities:\n  - {id: e, name: E, kind: person}\n"))
	f.Add([]byte("claimgraph: 1\nclaims:\n  - id: c\n    text: T\n    valid_at: 2024\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := graph.ReadOptions{MaxNodes: 200_000}.ReadYAML(bytes.NewReader(data), "fuzz.yaml")
		if err != nil {
			wantPositioned(t, err, "fuzz.yaml")
			return
		}
		// Anything accepted round-trips unchanged.
		var b1, b2 bytes.Buffer
		if err := g.WriteYAML(&b1); err != nil {
			t.Fatal(err)
		}
		g2, err := graph.ReadYAML(bytes.NewReader(b1.Bytes()), "saved")
		if err != nil {
			t.Fatalf("saved form does not load: %v\n%s", err, b1.String())
		}
		if err := g2.WriteYAML(&b2); err != nil {
			t.Fatal(err)
		}
		if b1.String() != b2.String() {
			t.Fatalf("round trip changed the graph:\n%s", cmp.Diff(b1.String(), b2.String()))
		}
	})
}

// TestUnknownKindListsKinds: an unknown word names the words to choose
// from (red team: "unknown source kind \"tweet\"" left the user guessing).
func TestUnknownKindListsKinds(t *testing.T) {
	in := "claimgraph: 1\nsources: [{id: a, kind: tweet}]\n"
	_, err := graph.ReadYAML(strings.NewReader(in), "in.yaml")
	if err == nil || !strings.Contains(err.Error(), "want one of: news-article, wire,") {
		t.Errorf("error %v: want the list of source kinds", err)
	}
}
