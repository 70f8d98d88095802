package graph_test

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/synth"
	"github.com/google/go-cmp/cmp"
)

func jsonlText(t *testing.T, g *graph.Graph) string { t.Helper(); return written(t, g.WriteJSONL) }

// TestJSONLRoundTrip: every field of the format, and the seed dataset,
// survive YAML -> JSON Lines -> graph unchanged, and writing twice gives
// the same bytes.
func TestJSONLRoundTrip(t *testing.T) {
	inputs := map[string]string{"full": fullYAML}
	if seed, err := os.ReadFile(seedPath); err == nil {
		inputs["seed"] = string(seed)
	} else {
		t.Logf("seed dataset not read (%v); checking the full-format sample only", err)
	}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			g, err := graph.ReadYAML(strings.NewReader(in), name+".yaml")
			if err != nil {
				t.Fatal(err)
			}
			jl := jsonlText(t, g)
			back, err := graph.ReadJSONL(strings.NewReader(jl), name+".jsonl")
			if err != nil {
				t.Fatalf("reading our own JSON Lines: %v\n%s", err, jl)
			}
			if diff := cmp.Diff(yamlText(t, g), yamlText(t, back)); diff != "" {
				t.Errorf("YAML after a JSON Lines round trip (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(jl, jsonlText(t, back)); diff != "" {
				t.Errorf("JSON Lines written twice (-want +got):\n%s", diff)
			}
			if lines := strings.Count(jl, "\n"); lines != 1+countItems(g) {
				t.Errorf("%d lines, want a header and one per item (%d)", lines, 1+countItems(g))
			}
		})
	}
}

func countItems(g *graph.Graph) int {
	c := g.Counts()
	return c.Entities + c.Sources + c.Claims + c.Supports + c.Contradictions
}

// TestJSONLErrors: each problem is reported at its line and column, the
// column of the field even when the problem is found only by the check
// of the whole graph (an unknown reference, a duplicate ID).
func TestJSONLErrors(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		line, col int
		want      error
		msg       string
	}{
		{"empty", "\n\n", 1, 1, graph.ErrSyntax, "empty document"},
		{"no header", `{"claim":{"id":"a","text":"T"}}`, 1, 1, graph.ErrVersion, "missing"},
		{"bad version", `{"claimgraph":2}`, 1, 15, graph.ErrVersion, "version"},
		{"syntax", "{\"claimgraph\":1}\n{\"claim\":{\"id\":\"a\",\"text\":x}}", 2, 27, graph.ErrSyntax, "invalid character 'x'"},
		{"truncated", "{\"claimgraph\":1}\n{\"claim\":{\"id\":\"a\"", 2, 19, graph.ErrSyntax, "unexpected end"},
		{"two keys", "{\"claimgraph\":1}\n{\"claim\":{},\"source\":{}}", 2, 1, graph.ErrSyntax, "one key"},
		{"unknown section", "{\"claimgraph\":1}\n\n{\"claims\":{}}", 3, 2, graph.ErrUnknownField, `"claims"`},
		// Blank is JSON's white space: a line of other space or a control
		// character is not skipped.
		{"form feed line", "{\"claimgraph\":1}\n\f\n", 2, 1, graph.ErrSyntax, "invalid character"},
		{"no-break space line", "{\"claimgraph\":1}\n \u00a0\n", 2, 2, graph.ErrSyntax, "invalid character"},
		{"form feed before the header", "\f\n{\"claimgraph\":1}\n", 1, 1, graph.ErrSyntax, "invalid character"},
		// A section in the header was read and dropped without a word.
		{"section in the header", "{\"claimgraph\":1,\"claims\":[{\"id\":\"a\",\"text\":\"T\"}]}", 1, 17, graph.ErrUnknownField, `"claims": want claimgraph`},
		{"unknown field", "{\"claimgraph\":1}\n{\"claim\":{\"id\":\"a\",\"text\":\"T\",\"txt\":1}}", 2, 31, graph.ErrUnknownField, `"txt"`},
		{"missing text", "{\"claimgraph\":1}\n{\"claim\":{\"id\":\"a\"}}", 2, 10, claims.ErrMissingField, "text"},
		// Found by the whole-graph check, located by reading line 3 again.
		{"unknown source", "{\"claimgraph\":1}\n{\"source\":{\"id\":\"s\",\"kind\":\"video\"}}\n{\"claim\":{\"id\":\"a\",\"text\":\"T\",\"appearances\":[{\"source\":\"s\"},{\"source\":\"nope\"}]}}",
			3, 71, graph.ErrUnknownReference, `unknown source "nope"`},
		{"duplicate id", "{\"claimgraph\":1}\n{\"claim\":{\"id\":\"a\",\"text\":\"T\"}}\n{\"claim\":{\"id\":\"a\",\"text\":\"U\"}}", 3, 16, graph.ErrDuplicateID, `"a"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := graph.ReadJSONL(strings.NewReader(tt.in), "bulk.jsonl")
			var list graph.ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error %v, want an ErrorList", err)
			}
			e := list[0]
			if e.File != "bulk.jsonl" || e.Line != tt.line || e.Column != tt.col || !errors.Is(e, tt.want) || !strings.Contains(e.Error(), tt.msg) {
				t.Errorf("got %v (line %d, column %d), want %v at %d:%d containing %q", e, e.Line, e.Column, tt.want, tt.line, tt.col, tt.msg)
			}
		})
	}
}

// TestJSONLLimits: the size limit bounds the whole input, node and depth
// limits each line, and a file wrong on every line stops at 1000 problems.
func TestJSONLLimits(t *testing.T) {
	in := "{\"claimgraph\":1}\n{\"claim\":{\"id\":\"a\",\"text\":\"T\",\"about\":[[[[1]]]]}}\n"
	if _, err := (graph.ReadOptions{MaxBytes: 10}).ReadJSONL(strings.NewReader(in), "x"); !errors.Is(err, graph.ErrLimit) {
		t.Errorf("MaxBytes 10: %v, want ErrLimit", err)
	}
	if _, err := (graph.ReadOptions{MaxDepth: 4}).ReadJSONL(strings.NewReader(in), "x"); !errors.Is(err, graph.ErrLimit) {
		t.Errorf("MaxDepth 4: %v, want ErrLimit", err)
	}
	// A line cut short by the node limit reports the limit and nothing
	// that the cut made up, such as missing fields.
	entity := "{\"claimgraph\":1}\n{\"entity\":{\"id\":\"e1\",\"name\":\"E\",\"kind\":\"person\",\"note\":\"n\"}}\n"
	_, err := (graph.ReadOptions{MaxNodes: 3}).ReadJSONL(strings.NewReader(entity), "x")
	if got := problems(t, err); strings.Count(got, "\n") != 0 || !errors.Is(err, graph.ErrLimit) {
		t.Errorf("MaxNodes 3: %s\nwant only the limit", got)
	}
	var many bytes.Buffer
	many.WriteString("{\"claimgraph\":1}\n")
	for i := range 5000 {
		fmt.Fprintf(&many, "{\"claim\":{\"id\":\"c%d\"}}\n", i)
	}
	_, err = graph.ReadJSONL(&many, "x")
	var list graph.ErrorList
	if !errors.As(err, &list) || len(list) < 1000 || len(list) > 5000 {
		t.Errorf("got %d problems, want the first 1000 or so", len(list))
	}
}

func FuzzReadJSONL(f *testing.F) {
	f.Add("{\"claimgraph\":1}\n{\"claim\":{\"id\":\"a\",\"text\":\"T\"}}\n")
	f.Add("{\"claimgraph\":1}\n{\"source\":{\"id\":\"s\",\"kind\":\"video\"}}\n{\"claim\":{\"id\":\"a\",\"text\":\"T\",\"appearances\":[{\"source\":\"s\"}]}}\n{\"relation\":{\"from\":\"a\",\"to\":\"a\",\"kind\":\"supports\"}}")
	f.Add("{\"claimgraph\":1}\n{\"entity\":{\"id\":\"k\",\"name\":\"K\\u00e9\",\"kind\":\"person\"}}")
	f.Fuzz(func(t *testing.T, in string) {
		g, err := graph.ReadJSONL(strings.NewReader(in), "fuzz.jsonl")
		if err != nil {
			wantPositioned(t, err, "fuzz.jsonl")
			return
		}
		jl := jsonlText(t, g)
		back, err := graph.ReadJSONL(strings.NewReader(jl), "again.jsonl")
		if err != nil {
			t.Fatalf("reading what was written: %v\n%s", err, jl)
		}
		if diff := cmp.Diff(jl, jsonlText(t, back)); diff != "" {
			t.Fatalf("round trip (-first +second):\n%s", diff)
		}
	})
}

func ExampleGraph_WriteJSONL() {
	g := graph.New()
	_ = g.AddClaim(claims.Claim{ID: "met", Text: "Kim and Putin met in Beijing."})
	_ = g.WriteJSONL(os.Stdout)
	back, err := graph.ReadJSONL(strings.NewReader(`{"claimgraph":1}
{"claim":{"id":"met","text":"Kim and Putin met in Beijing."}}
{"claim":{"id":"wiped","text":"Kim's staff wiped the chair.","appearances":[{"source":"nope"}]}}
`), "bulk.jsonl")
	fmt.Println(back, err)
	// Output:
	// {"claimgraph":1}
	// {"claim":{"id":"met","text":"Kim and Putin met in Beijing."}}
	// <nil> graph: bulk.jsonl:3:87: claim "wiped": appearances[0].source: unknown source "nope"
}

// badLines adds to edits count lines from line first on, each an entity
// with problems unknown fields.
func badLines(first, count, problems int, edits map[int]string) map[int]string {
	if edits == nil {
		edits = map[int]string{}
	}
	for i := range count {
		fields := ""
		for k := range problems {
			fields += fmt.Sprintf(",\"z%d\":1", k)
		}
		edits[first+i] = fmt.Sprintf("{\"entity\":{\"id\":\"bad%d-%d\",\"name\":\"N\",\"kind\":\"person\"%s}}\n", first, i, fields)
	}
	return edits
}

// TestJSONLHalves: an input large enough to be decoded in two halves at
// once gives the same graph, and the same problems at the same lines, as
// reading it line by line on one core.
func TestJSONLHalves(t *testing.T) {
	g := graph.New()
	if err := g.Apply(synth.Generate(synth.Config{Claims: 2600})); err != nil {
		t.Fatal(err)
	}
	valid := jsonlText(t, g)
	if len(valid) < 1<<20 {
		t.Fatalf("input of %d bytes is too small to be split", len(valid))
	}
	lines := strings.SplitAfter(valid, "\n")
	spoil := func(edits map[int]string) string {
		out := slices.Clone(lines)
		for i, s := range edits {
			out[i] = s
		}
		return strings.Join(out, "")
	}
	n := len(lines)
	first, last := lines[1], lines[n-2] // an entity, a relation
	tests := []struct {
		name, input string
		long        bool // skipped under -short
	}{
		{"valid", valid, false},
		{"problems in both halves", spoil(map[int]string{
			3:         "{\"claim\":{\"id\":\"x\"}}\n",         // no text
			n/2 + 10:  "{\"claim\":{\"id\":\"y\",\"text\":\n", // broken line
			n/2 + 20:  first,                                  // duplicate of the first half's entity
			n - 3:     "{\"relation\":{\"from\":\"nope\",\"to\":\"nope2\",\"kind\":\"supports\"}}\n",
			n/2 + 100: "{\"colour\":{}}\n",
			n/2 + 200: "{\"claim\":{\"id\":\"z\",\"text\":\"T\",\"valid_from\":\"2024-13-45\"}}\n",
			n/2 + 300: "{\"claim\":{\"id\":\"w\",\"text\":5,\"hue\":1}}\n",
		}), false},
		{"duplicate across the halves", spoil(map[int]string{n / 4: last}), false},
		// Broken item lines in the first half leave it fewer items than
		// its lines promised: the second half's are moved down to join
		// it, and a wrong move would change the problems found.
		{"first half short of its count", spoil(map[int]string{
			n / 8:     "{\"claim\":{\"id\":\"q\",\"text\":\n",
			n / 8 * 2: "{\"relation\":{\"from\":\n",
			n - 3:     "{\"relation\":{\"from\":\"nope\",\"to\":\"nope2\",\"kind\":\"supports\"}}\n",
		}), false},
		// At 1000 problems reading stops after the line that reaches
		// them; the halves must stop at the same line. Locating the 1000
		// problems takes half a second: under -short the cap is reached
		// in the first half only.
		{"problem cap in the first half", spoil(badLines(1, 1001, 1, map[int]string{
			n/2 + 5: "{\"claim\":{\"id\":\"ghostly\",\"text\":\"T\",\"about\":[\"ghost\"]}}\n",
		})), false},
		{"problem cap across the halves", spoil(badLines(1, 999, 1, badLines(n/2+3, 50, 3, nil))), true},
		{"header after blank lines", strings.Repeat("\n", 3<<20) + valid, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.long && testing.Short() {
				t.Skip("the cap reached across the halves locates 1000 problems, half a second: runs without -short; the cap in the first half runs under -short")
			}
			read := func(procs int) string {
				defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
				g, err := graph.ReadJSONL(strings.NewReader(tt.input), "big.jsonl")
				if err != nil {
					return problems(t, err)
				}
				return jsonlText(t, g)
			}
			one, two := read(1), read(2)
			if one != two {
				t.Errorf("one core and two differ:\n%.2000s\n----\n%.2000s", one, two)
			}
			if tt.name == "valid" || tt.name == "header after blank lines" {
				if one != valid {
					t.Errorf("the input does not round-trip")
				}
			} else if !strings.HasPrefix(one, "graph: big.jsonl:") {
				t.Errorf("want problems, got %.300s", one)
			}
		})
	}
}

// TestJSONLHalvesRandomProblems: a generated file, whole and spoiled at
// random lines (broken lines, unknown sections, missing and mistyped fields,
// duplicates, dangling references, lines removed or blanked) gives the
// same problems in the same order, or the same graph, read on one core
// (line by line, checked and linked in one part) as on two (two halves
// decoded at once, checked in parts, linked at once).
func TestJSONLHalvesRandomProblems(t *testing.T) {
	g := graph.New()
	if err := g.Apply(synth.Generate(synth.Config{Claims: 2500})); err != nil {
		t.Fatal(err)
	}
	valid := jsonlText(t, g)
	if len(valid) < 1<<20 {
		t.Fatalf("input of %d bytes is too small to be split", len(valid))
	}
	lines := strings.SplitAfter(valid, "\n")
	seeds := 9
	if testing.Short() {
		seeds = 2 // the valid file and one spoiled
	}
	for seed := range seeds {
		r := rand.New(rand.NewPCG(uint64(seed), 16))
		out := slices.Clone(lines)
		edits := 1 + r.IntN(40)
		if seed == 0 {
			edits = 0 // the valid file, linked at once
		}
		for k := range edits {
			i := 1 + r.IntN(len(lines)-2)
			switch r.IntN(8) {
			case 0:
				out[i] = out[i][:len(out[i])/2] + "\n"
			case 1:
				out[i] = "{\"colour\":{}}\n"
			case 2:
				out[i] = fmt.Sprintf("{\"claim\":{\"id\":\"untold-%d\"}}\n", k)
			case 3:
				out[i] = lines[1+r.IntN(len(lines)-2)]
			case 4:
				out[i] = fmt.Sprintf("{\"relation\":{\"from\":%q,\"to\":\"nowhere-%d\",\"kind\":\"supports\"}}\n", synth.ClaimID(r.IntN(2500)), k)
			case 5:
				out[i] = fmt.Sprintf("{\"claim\":{\"id\":\"typed-%d\",\"text\":5}}\n", k)
			case 6:
				out[i] = "\n"
			default:
				out[i] = ""
			}
		}
		input := strings.Join(out, "")
		read := func(procs, part int) string {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
			defer graph.SetPartSize(part)()
			g, err := graph.ReadJSONL(strings.NewReader(input), "big.jsonl")
			if err != nil {
				return problems(t, err)
			}
			return jsonlText(t, g)
		}
		one, two := read(1, 1<<30), read(2, 300)
		if one != two {
			t.Errorf("seed %d: one core and two differ:\n%.2000s\n----\n%.2000s", seed, one, two)
		}
		if (one == valid) != (seed == 0) {
			t.Errorf("seed %d, %d edits: read as the valid input %v", seed, edits, one == valid)
		}
	}
}

// TestJSONLGarbageIsCheap: a file of bare line openings is rejected
// without reserving many times its size for the items it seems to hold.
func TestJSONLGarbageIsCheap(t *testing.T) {
	if raceEnabled {
		t.Skip("skipped under -race: the race detector changes what a read allocates; the bound is checked without it")
	}
	in := append([]byte("{\"claimgraph\":1}\n"), bytes.Repeat([]byte("{\"relation\":\n"), 1<<20)...)
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := graph.ReadJSONL(bytes.NewReader(in), "x.jsonl")
	runtime.ReadMemStats(&after)
	if !errors.Is(err, graph.ErrSyntax) {
		t.Fatalf("error %v, want ErrSyntax", err)
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > 8*uint64(len(in)) {
		t.Errorf("allocated %d MiB for %d MiB of input, want at most 8 times the input", got>>20, len(in)>>20)
	}
}

// TestJSONLNoHeader: a JSON Lines file that begins with an item, its
// header left out, had two problems for one, the second wrong: the
// header missing "at the top", and the item's own key read as a field
// of the header ("claim": unknown field, want claimgraph), so that the
// item itself went unread. The missing header is now the one problem
// of that line, and the line is read as the item it is, its own
// problems found at their places.
func TestJSONLNoHeader(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		want     []string
	}{
		{"items", "{\"claim\":{\"id\":\"a\",\"text\":\"T\"}}\n{\"claim\":{\"id\":\"b\",\"text\":\"U\"}}\n",
			[]string{`bulk.jsonl:1:1: unsupported format version: missing {"claimgraph":1}: the first line must be it, not an item`}},
		{"an item with a problem", "{\"claim\":{\"id\":\"a\"}}\n",
			[]string{`bulk.jsonl:1:1: unsupported format version: missing {"claimgraph":1}`, `bulk.jsonl:1:10: claim "a": text: missing required field "text"`}},
	} {
		_, err := graph.ReadJSONL(strings.NewReader(tt.in), "bulk.jsonl")
		var list graph.ErrorList
		if !errors.As(err, &list) || len(list) != len(tt.want) || !errors.Is(list[0], graph.ErrVersion) {
			t.Errorf("%s: %v; want %d problems, the first ErrVersion", tt.name, err, len(tt.want))
			continue
		}
		for i, w := range tt.want {
			if !strings.Contains(list[i].Error(), w) {
				t.Errorf("%s: problem %d is %q; want %q", tt.name, i, list[i].Error(), w)
			}
		}
	}
}
