package graph_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/internal/childtest"
)

// The tests of issue 15 (hostile input, round two) for the graph
// readers: each is named after a finding and failed before the fix.

// flowSequence is a YAML document within the size and node limits whose
// one flow sequence of n plain scalars took the parser 105 bytes of
// memory per byte of input.
func flowSequence(n int) []byte {
	var b bytes.Buffer
	b.WriteString("claimgraph: 1\nclaims: [")
	b.WriteString(strings.Repeat("a,", n))
	b.WriteString("a]\n")
	return b.Bytes()
}

// TestYAMLFlowSequenceOutOfMemory: a 20 MB flow sequence took 2.1 GB
// and 16 s to report one problem; under a 512 MiB limit it must be
// refused before the parser builds its tree (with MaxBytes raised past
// its size: the default refuses it unread).
func TestYAMLFlowSequenceOutOfMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("a child parsing a 20 MB flow sequence under a 512 MiB limit takes seconds; runs without -short (CI's go test ./...)")
	}
	data := flowSequence(10_000_000)
	msg, rss := childtest.Run(t, 512<<20, func() error {
		_, err := graph.ReadOptions{MaxBytes: 64 << 20}.ReadYAML(bytes.NewReader(data), "flow.yaml")
		return err
	})
	if !strings.Contains(msg, "flow.yaml:2:") || !strings.Contains(msg, "limit exceeded: more than") {
		t.Errorf("got %q, want the node budget at line 2", msg)
	}
	t.Logf("%d MB: %s; peak RSS %d MiB", len(data)>>20, msg, rss>>20)
}

// TestJSONDenseArrayOutOfMemory: the JSON reader made a node of 160
// bytes for every 2 bytes of "[1,1,…]", 850 MB for these 10 MB; the node
// budget stops it at one node per 4 bytes, half that.
func TestJSONDenseArrayOutOfMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("a child reading a 10 MB dense array under a 700 MiB limit takes a second; runs without -short (CI's go test ./...)")
	}
	data := []byte(`{"claimgraph": 1, "claims": [` + strings.Repeat("1,", 5_000_000) + "1]}\n")
	msg, rss := childtest.Run(t, 700<<20, func() error {
		_, err := graph.ReadJSON(bytes.NewReader(data), "dense.json")
		return err
	})
	if !strings.Contains(msg, "dense.json:1:") || !strings.Contains(msg, "JSON values") {
		t.Errorf("got %q, want the node budget", msg)
	}
	t.Logf("%d MB: %s; peak RSS %d MiB", len(data)>>20, msg, rss>>20)
}

// TestOversizeFileReadFirst: a file larger than MaxBytes was read (256
// MiB of it) before it was refused; its size now refuses it unread, in
// a process that could not hold it.
func TestOversizeFileReadFirst(t *testing.T) {
	for _, ext := range []string{".yaml", ".json", ".jsonl"} {
		t.Run(ext, func(t *testing.T) {
			// A sparse file: 270 MB that take no room on disk. The code
			// before Run runs in the child too, which makes its own.
			path := filepath.Join(t.TempDir(), "big"+ext)
			f, err := os.Create(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := errors.Join(f.Truncate(270<<20), f.Close()); err != nil {
				t.Fatal(err)
			}
			msg, rss := childtest.Run(t, 200<<20, func() error {
				_, err := graph.ReadOptions{MaxBytes: 100 << 20}.Open(path)
				return err
			})
			if !strings.Contains(msg, "input too large: larger than 104857600 bytes (283115520 bytes); ReadOptions.MaxBytes raises the limit") {
				t.Errorf("got %q, want the size refused", msg)
			}
			t.Logf("%s; peak RSS %d MiB", msg, rss>>20)
		})
	}
}

// readErr reads in as YAML, or as JSON when name ends with ".json", and
// returns the error's text.
func readErr(t *testing.T, name, in string) string {
	t.Helper()
	read := graph.ReadYAML
	if strings.HasSuffix(name, ".json") {
		read = graph.ReadJSON
	}
	_, err := read(strings.NewReader(in), name)
	if err == nil {
		t.Fatalf("%s: read without error:\n%s", name, in)
	}
	return err.Error()
}

// TestJSONNumbersAndBooleansTurnedIntoText: "id": 2024 loaded as the
// ID "2024", and a boolean as text; JSON's types are now kept.
func TestJSONNumbersAndBooleansTurnedIntoText(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`{"claimgraph": 1, "entities": [{"id": 2024, "name": "N", "kind": "person"}]}`, `t.json:1:39: id: syntax error: id: want text, found 2024`},
		{`{"claimgraph": 1, "entities": [{"id": "e", "name": true, "kind": "person"}]}`, `t.json:1:52: entity "e": name: syntax error: name: want text, found true`},
		{"{\"claimgraph\": 1, \"claims\": [{\"id\": \"c\", \"text\": \"T\", \"still_holds\": \"true\"}]}", `t.json:1:70: claim "c": still_holds: syntax error: still_holds: want true or false, found the text "true"`},
		{"{\"claimgraph\": 1, \"claims\": [{\"id\": \"a\", \"text\": \"T\"}, {\"id\": \"b\", \"text\": \"T\"}],\n\"relations\": [{\"from\": \"a\", \"to\": \"b\", \"kind\": \"supports\", \"confidence\": \"0.5\"}]}", `t.json:2:74: relation "a -> b": confidence: syntax error: confidence: want a number, found the text "0.5"`},
	} {
		if got := readErr(t, "t.json", tt.in); !strings.Contains(got, tt.want) {
			t.Errorf("got  %s\nwant %s", got, tt.want)
		}
	}
	// YAML has no such types: an unquoted 2024 is the text "2024".
	if _, err := graph.ReadYAML(strings.NewReader("claimgraph: 1\nentities:\n  - {id: 2024, name: N, kind: person}\n"), "t.yaml"); err != nil {
		t.Errorf("YAML: %v", err)
	}
}

// TestJSONInvalidUTF8Replaced: JSON turned invalid UTF-8 into U+FFFD
// where YAML rejected it; both reject it now, at its position.
func TestJSONInvalidUTF8Replaced(t *testing.T) {
	in := "{\"claimgraph\": 1,\n \"claims\": [{\"id\": \"c\", \"text\": \"caf\xe9\"}]}"
	if got, want := readErr(t, "t.json", in), "t.json:2:37: syntax error: invalid UTF-8 (byte 0xe9) in string literal"; !strings.Contains(got, want) {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestBOMInFirstName: a byte-order mark (Excel and Notepad write one)
// is skipped by every reader, not read as part of the first value.
func TestBOMInFirstName(t *testing.T) {
	g, err := graph.ReadJSON(strings.NewReader("\uFEFF{\"claimgraph\": 1, \"entities\": [{\"id\": \"e\", \"name\": \"N\", \"kind\": \"person\"}]}"), "bom.json")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := g.Entity("e"); !ok {
		t.Error(`no entity "e": the mark went into its ID`)
	}
	if _, err := graph.ReadJSONL(strings.NewReader("\uFEFF{\"claimgraph\":1}\n"), "bom.jsonl"); err != nil {
		t.Error(err)
	}
	if _, err := graph.ReadYAML(strings.NewReader("\uFEFFclaimgraph: 1\n"), "bom.yaml"); err != nil {
		t.Error(err)
	}
}

// TestPositionsAtOneOne: NUL bytes, invalid UTF-8 and undefined aliases
// were reported at 1:1, a tab in an indentation one line early.
func TestPositionsAtOneOne(t *testing.T) {
	head := "claimgraph: 1\nclaims:\n  - id: a\n"
	for _, tt := range []struct{ name, in, want string }{
		{"NUL", head + "    text: x\x00y\n", "p.yaml:4:12: syntax error: control character U+0000 not allowed"},
		{"invalid UTF-8", head + "    text: x\xffy\n", "p.yaml:4:12: syntax error: invalid UTF-8 (byte 0xff)"},
		{"undefined alias", head + "    text: *nope\n", "p.yaml:4:11: syntax error: unknown anchor 'nope' referenced"},
		{"tab", head + "\ttext: x\n", "p.yaml:4:1: syntax error: found a tab character"},
		{"tab after spaces", head + "    text: x\n    \tabout: [b]\n", "p.yaml:5:5: syntax error: found a tab character"},
	} {
		if got := readErr(t, "p.yaml", tt.in); !strings.Contains(got, tt.want) {
			t.Errorf("%s: got  %s\nwant %s", tt.name, got, tt.want)
		}
	}
}

// TestLongValueEchoed: a 10 MB bad ID was quoted in full in the message.
func TestLongValueEchoed(t *testing.T) {
	long := strings.Repeat("é", 64<<10)
	for _, in := range []string{
		"claimgraph: 1\nclaims:\n  - id: " + long + "\n    text: T\n",
		"{\"claimgraph\": 1, \"claims\": [{\"id\": \"c\", \"text\": \"T\", \"" + long + "\": 1}]}",
		"claimgraph: 1\nentities:\n  - id: e\n    name: N\n    kind: " + long + "\n",
		"{\"claimgraph\": 1, \"entities\": [{\"id\": \"e\", \"name\": \"N\", \"kind\": \"person\", \"aliases\": " + `"` + long + `"` + "}]}",
	} {
		name := "long.yaml"
		if in[0] == '{' {
			name = "long.json"
		}
		got := readErr(t, name, in)
		if utf8.RuneCountInString(got) > 400 || !strings.Contains(got, "…") {
			t.Errorf("%d bytes of message: %.300s", len(got), got)
		}
	}
}

// TestMillionErrorLines: every problem was listed, 1M lines for a 13 MB
// file; a read lists MaxErrors and counts the rest.
func TestMillionErrorLines(t *testing.T) {
	var b strings.Builder
	b.WriteString("claimgraph: 1\nclaims:\n")
	for i := range 5000 {
		fmt.Fprintf(&b, "  - {id: c%d, text: T, colour: red}\n", i)
	}
	_, err := graph.ReadYAML(strings.NewReader(b.String()), "many.yaml")
	var list graph.ErrorList
	if !errors.As(err, &list) || len(list) != graph.DefaultMaxErrors+1 {
		t.Fatalf("got %d problems, want %d and a count", len(list), graph.DefaultMaxErrors+1)
	}
	last := list[len(list)-1]
	if got, want := last.Error(), "graph: many.yaml: 4900 more problems not listed"; got != want || !errors.Is(last, graph.ErrLimit) {
		t.Errorf("last problem %q, want %q matching ErrLimit", got, want)
	}
	if got := err.Error(); !strings.HasSuffix(got, "(and 4999 more problems)") {
		t.Errorf("summary %q", got)
	}
	_, err = graph.ReadOptions{MaxErrors: 5000}.ReadYAML(strings.NewReader(b.String()), "many.yaml")
	if !errors.As(err, &list) || len(list) != 5000 {
		t.Errorf("MaxErrors 5000: got %d problems", len(list))
	}
}

// fill returns head, then item repeated, then tail, n bytes in all (the
// last item cut short where it must be: items are padded with spaces).
func fill(n int, head, item, tail string) []byte {
	b := make([]byte, 0, n)
	b = append(b, head...)
	for len(b)+len(item)+len(tail) <= n {
		b = append(b, item...)
	}
	for len(b)+len(tail) < n {
		b = append(b, ' ')
	}
	return append(b, tail...)
}

// TestDefaultLimitsOutOfMemory: at the former default of 256 MiB the
// densest YAML and JSON documents took about 30 GB at peak, 120 times
// their size, and a list of empty items 260 times: an out-of-memory on a
// 24 GiB machine for a file inside the documented limits. At the
// defaults, DefaultMaxBytes (YAML) and DefaultMaxJSONBytes, the densest
// documents, the longest lists of empty items and the files of the most
// (smallest) claims each read, in a child process limited to the
// documented bound of 4 GiB, to a clean error or a graph. It reads six
// documents of 16 and 32 MiB at up to 2 GB each, so it does not run
// with -short.
func TestDefaultLimitsOutOfMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("reads six documents at the default limits, at up to 2 GB of memory each; runs without -short")
	}
	const bound = 4 << 30
	smallest := func(n int, head, format, tail string) []byte {
		b := []byte(head)
		for i := 0; len(b)+len(tail)+len(format)+8 <= n; i++ {
			b = fmt.Appendf(b, format, i)
		}
		return append(b, tail...)
	}
	y, j := graph.DefaultMaxBytes, graph.DefaultMaxJSONBytes
	const empty = "{},             " // 16 bytes: the most items the budget allows
	for _, tt := range []struct {
		name string
		data []byte
		want string // in the error; "" for none
	}{
		{"dense.yaml", fill(y, "claimgraph: 1\nclaims: [", "aaa,", "a]\n"), "want a mapping"},
		{"empty.yaml", fill(y, "claimgraph: 1\nclaims: [", empty, "{}]\n"), `missing required field "id"`},
		{"smallest.yaml", smallest(y, "claimgraph: 1\nclaims:\n", "- {id: c%d, text: t}\n", ""), ""},
		{"dense.json", fill(j, `{"claimgraph": 1, "claims": [`, "1,  ", "1]}\n"), "want a mapping"},
		{"empty.json", fill(j, `{"claimgraph": 1, "claims": [`, empty, "{}]}\n"), `missing required field "id"`},
		{"smallest.json", smallest(j, `{"claimgraph": 1, "claims": [`, `{"id":"c%d","text":"t"},`, `{"id":"z","text":"t"}]}`), ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			msg, rss := childtest.Run(t, bound, func() error {
				_, err := graph.ReadOptions{}.Open(writeTemp(t, tt.name, tt.data))
				return err
			})
			first, _, _ := strings.Cut(msg, "\n")
			if tt.want == "" && msg != "" || !strings.Contains(msg, tt.want) {
				t.Errorf("%s: got %q, want %q", tt.name, first, tt.want)
			}
			if rss > bound {
				t.Errorf("%s: peak %d MiB, over the bound of %d MiB", tt.name, rss>>20, bound>>20)
			}
			t.Logf("%s, %.1f MiB: peak %d MiB (%.0f×); %.100s", tt.name, float64(len(tt.data))/(1<<20), rss>>20, float64(rss)/float64(len(tt.data)), first)
		})
	}
}

// writeTemp writes data to a file named name in a directory of its own.
func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// FuzzReadLimits reads any input as YAML, JSON and JSON Lines under
// small limits: an input over MaxBytes fails with ErrTooLarge and one
// within it never does (but as too many items of JSON Lines); every other failure is an ErrorList of
// positioned problems, at most MaxErrors of them (YAML and JSON) and
// then one that counts the rest, matching ErrLimit; a graph accepted
// holds fewer items than MaxNodes, each item being at least one node,
// and, from JSON Lines, no more than MaxItems; JSON Lines is refused as
// over MaxItems only when a line past the limit is not blank (holds
// anything but JSON's white space).
func FuzzReadLimits(f *testing.F) {
	f.Add("claimgraph: 1\nclaims: [a, b, c]\n", uint8(0))
	f.Add("claimgraph: 1\nx: &a [*a, *a, *a]\ny: [*a, *a, *a, *a]\n", uint8(0))
	f.Add("claimgraph: 1\nclaims:\n  - {id: a, text: T, c: 1}\n  - {id: b, text: T, c: 1}\n  - {id: c, text: T, c: 1}\n  - {id: d, text: T, c: 1}\n", uint8(0))
	f.Add(`{"claimgraph": 1, "claims": [[[[[1]]]]]}`, uint8(1))
	f.Add(`{"claimgraph": 1, "claims": [{"id": "a", "text": "T"}]}`, uint8(1))
	f.Add("{\"claimgraph\":1}\n{\"claim\":{\"id\":\"a\",\"text\":\"T\"}}\n", uint8(2))
	// Only JSON's white space makes a line blank: a line of a vertical
	// tab past the limit is one item too many (CI's fuzzing found it).
	f.Add("{\"claimgraph\":1}\n\n\n\n\n\v", uint8(2))
	f.Add("{\"claimgraph\":1}\n"+strings.Repeat("{\"entity\":{\"id\":\"e\",\"name\":\"n\",\"kind\":\"person\"}}\n", 5), uint8(2))
	f.Fuzz(func(t *testing.T, in string, format uint8) {
		o := graph.ReadOptions{MaxBytes: 256, MaxNodes: 40, MaxDepth: 4, MaxErrors: 3, MaxAliasNodes: 8, MaxItems: 4}
		name, read := "f.yaml", o.ReadYAML
		switch format % 3 {
		case 1:
			name, read = "f.json", o.ReadJSON
		case 2:
			name, read = "f.jsonl", o.ReadJSONL
		}
		g, err := read(strings.NewReader(in), name)
		switch tooLarge := errors.Is(err, graph.ErrTooLarge) && !errors.Is(err, graph.ErrTooManyItems); {
		case len(in) > 256 && !tooLarge:
			t.Fatalf("%d bytes over a limit of 256: %v", len(in), err)
		case len(in) <= 256 && tooLarge:
			t.Fatalf("%d bytes refused as over a limit of 256: %v", len(in), err)
		}
		if errors.Is(err, graph.ErrTooManyItems) && (format%3 != 2 || strings.Count(strings.TrimRight(in, " \t\r\n"), "\n") <= o.MaxItems) {
			t.Fatalf("refused as over %d items: %v", o.MaxItems, err)
		}
		if err != nil {
			var list graph.ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			if format%3 != 2 && len(list) > o.MaxErrors+1 {
				t.Fatalf("%d problems over MaxErrors %d", len(list), o.MaxErrors)
			}
			for i, e := range list {
				count := i == len(list)-1 && len(list) > o.MaxErrors && errors.Is(e, graph.ErrLimit)
				if !count && (e.Line < 1 || e.Column < 1 || e.File != name) {
					t.Fatalf("problem without a position: %#v", e)
				}
			}
			return
		}
		c := g.Counts()
		n := c.Entities + c.Sources + c.Claims + c.Supports + c.Contradictions + c.Decisions
		if n >= o.MaxNodes {
			t.Fatalf("%d items read under a limit of %d nodes", n, o.MaxNodes)
		}
		if format%3 == 2 && n > o.MaxItems {
			t.Fatalf("%d items of JSON Lines read under a limit of %d", n, o.MaxItems)
		}
	})
}

// TestJSONLLongLineOutOfMemory: the node budget of a JSON Lines file
// applied to each line was that of the whole input, so that one long
// line of a file within the 4 GiB default could hold 50 million values,
// 8 GB; a 64 MiB line of numbers took 2.7 GB. A line now holds at most
// DefaultMaxLineNodes values: under a 1 GiB limit it is refused.
func TestJSONLLongLineOutOfMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("a 64 MiB line read by a child under a 1 GiB limit takes seconds; runs without -short (CI's go test ./...)")
	}
	data := fill(64<<20, "{\"claimgraph\":1}\n{\"claim\":{\"id\":\"c\",\"text\":\"t\",\"about\":[", "1,  ", "1]}}\n")
	msg, rss := childtest.Run(t, 1<<30, func() error {
		_, err := graph.ReadJSONL(bytes.NewReader(data), "long.jsonl")
		return err
	})
	if !strings.Contains(msg, "long.jsonl:2:") || !strings.Contains(msg, fmt.Sprintf("more than %d JSON values", graph.DefaultMaxLineNodes)) {
		t.Errorf("got %.200q, want the line's node limit", msg)
	}
	t.Logf("%.200s; peak RSS %d MiB", msg, rss>>20)
}

// TestEmptyItemsOutOfMemory: a list of empty items ("[{}, {}, …]", 4
// bytes each) made an item of some 200 bytes and its problems for each,
// 260 times the input at peak; with room reserved for every element of a
// list, a list of scalars made as many. A document now holds at most
// 64 Ki items plus one per 16 bytes, and reserves room for mappings
// only: 4 MiB of empty items, which took 1 GB, are refused under a limit
// of 512 MiB.
func TestEmptyItemsOutOfMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("two children each reading a million empty items take seconds; runs without -short (CI's go test ./...)")
	}
	for _, tt := range []struct{ name, head, tail string }{
		{"empty.yaml", "claimgraph: 1\nclaims: [", "{}]\n"},
		{"empty.json", `{"claimgraph": 1, "claims": [`, "{}]}\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			data := fill(4<<20, tt.head, "{}, ", tt.tail)
			msg, rss := childtest.Run(t, 512<<20, func() error {
				_, err := graph.ReadOptions{}.Open(writeTemp(t, tt.name, data))
				return err
			})
			if !strings.Contains(msg, "limit exceeded: more than 327680 items in 4194304 bytes") {
				t.Errorf("got %.200q, want the item budget", msg)
			}
			t.Logf("%.200s; peak RSS %d MiB", msg, rss>>20)
		})
	}
}

// TestJSONItemLimits: the JSON reader holds one item of the top level at
// a time, so an item may hold at most 1 Mi values, and the top level at
// most 1024 keys: else one item, or the keys, would hold as much as the
// whole document did.
func TestJSONItemLimits(t *testing.T) {
	one := fill(5<<20, `{"claimgraph": 1, "claims": [{"id": "c", "text": "t", "about": [`, `"", `, `""]}]}`)
	if got := readErr(t, "one.json", string(one)); !strings.Contains(got, "one.json:1:4194341: limit exceeded: more than 1048576 JSON values in one item of the top level") {
		t.Errorf("one item of 1.3 Mi values: %.200s", got)
	}
	var keys strings.Builder
	keys.WriteString(`{"claimgraph": 1`)
	for i := range 1100 {
		fmt.Fprintf(&keys, `, "k%d": [1]`, i)
	}
	keys.WriteString("}")
	if got := readErr(t, "keys.json", keys.String()); !strings.Contains(got, "limit exceeded: more than 1024 keys at the top level") {
		t.Errorf("1100 keys: %.200s", got)
	}
}

// TestJSONLItems: MaxItems bounds the lines of items after the header;
// blank lines count, but trailing blank lines do not refuse a file; the
// error names the file, the first line past the limit, the limit and
// how to raise it.
func TestJSONLItems(t *testing.T) {
	head := "{\"claimgraph\":1}\n"
	item := func(i int) string { return fmt.Sprintf("{\"claim\":{\"id\":\"c%d\",\"text\":\"t\"}}\n", i) }
	o := graph.ReadOptions{MaxItems: 3}
	for _, tt := range []struct {
		name, in string
		want     string // in the error; "" for none
	}{
		{"at the limit", head + item(1) + item(2) + item(3), ""},
		{"at the limit, no final newline", head + item(1) + item(2) + strings.TrimSuffix(item(3), "\n"), ""},
		{"trailing blank lines", head + item(1) + item(2) + item(3) + "\n  \n\n", ""},
		{"one past", head + item(1) + item(2) + item(3) + item(4), "f.jsonl:5:1: limit exceeded: input too large: too many items: more than 3, one a line after the header; ReadOptions.MaxItems raises the limit"},
		{"blank lines count", head + item(1) + "\n\n" + item(2), "f.jsonl:5:1:"},
		{"past blank lines", head + item(1) + item(2) + item(3) + "\n \n" + item(4), "f.jsonl:7:1:"},
	} {
		_, err := o.ReadJSONL(strings.NewReader(tt.in), "f.jsonl")
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: got %v, want %q", tt.name, err, tt.want)
		case tt.want != "" && (!errors.Is(err, graph.ErrTooManyItems) || !errors.Is(err, graph.ErrTooLarge) || !errors.Is(err, graph.ErrLimit)):
			t.Errorf("%s: %v matches not ErrTooManyItems, ErrTooLarge and ErrLimit", tt.name, err)
		}
	}
	// The default.
	if _, err := graph.ReadJSONL(strings.NewReader(head+strings.Repeat("\n", graph.DefaultMaxItems)+item(1)), "d.jsonl"); err == nil ||
		!strings.Contains(err.Error(), fmt.Sprintf("d.jsonl:%d:1:", graph.DefaultMaxItems+2)) {
		t.Errorf("past DefaultMaxItems: %v", err)
	}
}

// TestJSONLItemsOutOfMemory: JSON Lines had a default of 4 GiB and no
// bound on its items, so a file of the smallest claims within it built
// a graph of some 1 KB an item, 26 times its size: 100 GB at the limit.
// Past DefaultMaxItems a file is now refused before an item is decoded:
// 8 Mi smallest claims and one more (320 MB, which took 8 GB to read)
// under a limit of 1 GiB. It writes the file, so not with -short.
func TestJSONLItemsOutOfMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a file of 320 MB; runs without -short")
	}
	path := filepath.Join(os.TempDir(), "claimgraph-items.jsonl")
	if !childtest.Child(t) {
		b := make([]byte, 0, 40*(graph.DefaultMaxItems+2))
		b = append(b, "{\"claimgraph\":1}\n"...)
		for i := range graph.DefaultMaxItems + 1 {
			b = fmt.Appendf(b, "{\"claim\":{\"id\":\"c%d\",\"text\":\"t\"}}\n", i)
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Remove(path) })
	}
	msg, rss := childtest.Run(t, 1<<30, func() error {
		_, err := graph.ReadOptions{}.Open(path)
		return err
	})
	if want := fmt.Sprintf("claimgraph-items.jsonl:%d:1: limit exceeded: input too large: too many items: more than %d", graph.DefaultMaxItems+2, graph.DefaultMaxItems); !strings.Contains(msg, want) {
		t.Errorf("got %.200q, want %q", msg, want)
	}
	t.Logf("%.200s; peak RSS %d MiB", msg, rss>>20)
}
