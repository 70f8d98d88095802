package graph

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"testing"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// FuzzJSONScanner checks our scanner against encoding/json: it accepts
// exactly the documents json.Valid accepts (within its depth limit) that
// are valid UTF-8, after a byte-order mark it skips, every
// string it reads is the one json.Unmarshal reads, and writing that string
// back gives what encoding/json writes.
func FuzzJSONScanner(f *testing.F) {
	for _, s := range []string{`{"a": [1, -2.5e3, true, null, "x\u00e9\ud83d\ude00\n"]}`, `"\ud800"`, "\"\xff\"", `[1,]`, `{"a" 1}`, `01`, `"\u2028<>&"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sc := newJSONScanner(data, ReadOptions{MaxDepth: 10_000}.withDefaults())
		n, err := sc.document()
		if err != nil && errors.Is(err.err, ErrLimit) {
			return // the node budget, tested elsewhere
		}
		data = bytes.TrimPrefix(data, []byte("\uFEFF"))
		valid := json.Valid(data) && utf8.Valid(data)
		if (err == nil) != valid {
			t.Fatalf("scanner error %v, json.Valid %v", err, valid)
		}
		if err != nil {
			if !errors.Is(err.err, ErrSyntax) {
				t.Fatalf("error %v is not ErrSyntax", err.err)
			}
			return
		}
		if n.Tag != "!!str" {
			return
		}
		var want string
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatal(err)
		}
		if n.Value != want {
			t.Fatalf("scanned %q, encoding/json %q", n.Value, want)
		}
		var ours bytes.Buffer
		w := bufio.NewWriter(&ours)
		writeJSONString(w, want)
		w.Flush()
		var theirs bytes.Buffer
		enc := json.NewEncoder(&theirs)
		enc.SetEscapeHTML(false)
		_ = enc.Encode(want)
		if got := ours.String() + "\n"; got != theirs.String() {
			t.Fatalf("wrote %q, encoding/json %q", got, theirs.String())
		}
	})
}

// FuzzJSONStreamed checks that decoding the items of a JSON document as
// they are scanned, reusing their nodes, reads what decoding the whole
// tree reads: the same graph, or the same problems at the same
// positions. Past MaxErrors problems which are listed depends on the
// order they are found in, so such inputs are only read.
func FuzzJSONStreamed(f *testing.F) {
	f.Add(`{"claimgraph": 1, "claims": [{"id": "a", "text": "T"}, {"id": "b", "text": "U", "about": ["x"]}]}`)
	f.Add(`{"claims": [{"id": "a", "text": "T"}], "claimgraph": 1, "claims": [1], "x": {"y": [2]}}`)
	f.Add(`{"claimgraph": 1, "entities": [{"id": "k", "name": "K", "kind": "person"}, 2, [3], {"id": 4}], "relations": {}}`)
	f.Add(`{"claimgraph": [1], "sources": [{"id": "s", "kind": "video", "derived_from": [{"source": "t", "kind": "quotes"}]}]}`)
	f.Add(`{"claimgraph": 1, "claims": [{"id": "a", "text": "T"}, {"id": "a", "text": "T"}]`)
	f.Fuzz(func(t *testing.T, in string) {
		read := func(whole bool) (string, error) {
			o := ReadOptions{MaxBytes: DefaultMaxJSONBytes}.withDefaults()
			d := newDecoder("f.json", []byte(in), o)
			d.whole = whole
			b, err := d.jsonDocument([]byte(in))
			if err != nil {
				return "", err
			}
			g, err := d.build(b)
			if err != nil {
				return "", err
			}
			var buf bytes.Buffer
			if err := g.WriteYAML(&buf); err != nil {
				t.Fatal(err)
			}
			return buf.String(), nil
		}
		streamed, err1 := read(false)
		whole, err2 := read(true)
		var list ErrorList
		if errors.As(err2, &list) && len(list) >= DefaultMaxErrors {
			return
		}
		if fmt.Sprint(err1) != fmt.Sprint(err2) || streamed != whole {
			t.Fatalf("streamed: %v\n%s\nwhole: %v\n%s", err1, streamed, err2, whole)
		}
	})
}

// TestCommonWords checks that the scanner finds every key and word of
// the format's tables in its set of common strings, as the tables' own
// strings, and nothing else.
func TestCommonWords(t *testing.T) {
	n := 0
	for _, it := range FormatFields() {
		for _, f := range it.Fields {
			for _, w := range append([]string{it.Item, f.Key}, f.Values...) {
				got, ok := common.get([]byte(w))
				if !ok || got != w {
					t.Errorf("common.get(%q) = %q, %v", w, got, ok)
				}
				n++
			}
		}
	}
	if n == 0 {
		t.Fatal("no words")
	}
	for _, w := range []string{"c0000001", "ids", "claimsx", "Claim", "a", "supports ", "e000000"} {
		if got, ok := common.get([]byte(w)); ok {
			t.Errorf("common.get(%q) = %q, want none", w, got)
		}
	}
}

// TestPlainRelationLine: a line the bulk reader decodes on its own gives
// the relation the scanner and the relation's table give, without a
// problem; the writer's plain relations take that way, and anything
// else is left to the general one.
func TestPlainRelationLine(t *testing.T) {
	tests := []struct {
		line string
		fast bool
	}{
		{`{"relation":{"from":"c1","to":"c2","kind":"supports"}}`, true},
		{`{"relation":{"from":"c1","to":"c2","kind":"contradicts"}}`, true},
		{`{"relation":{"from":"c1","to":"c2","kind":"same_as"}}`, true},
		{`{"relation":{"from":"c1","to":"c2","kind":"distinct_from"}}`, true},
		{`{"relation":{"from":"c1","to":"c1","kind":"supports"}}`, true}, // refused by the check, like any way
		{`{"relation":{"from":"","to":"c2","kind":"supports"}}`, true},
		{`{"relation":{"from":"a b~","to":"x/y","kind":"supports"}}`, true},
		{`{"relation":{"from":"relation","to":"kind","kind":"supports"}}`, true},
		{`{"relation":{"from":"c\u0031","to":"c2","kind":"supports"}}`, false},
		{`{"relation":{"from":"c\"1","to":"c2","kind":"supports"}}`, false},
		{"{\"relation\":{\"from\":\"c\xc3\xa91\",\"to\":\"c2\",\"kind\":\"supports\"}}", false},
		{"{\"relation\":{\"from\":\"c\t1\",\"to\":\"c2\",\"kind\":\"supports\"}}", false},
		{`{"relation":{"from":"c1","to":"c2","kind":"bogus"}}`, false},
		{`{"relation":{"from":"c1","to":"c2","kind":"Supports"}}`, false},
		{`{"relation":{"from":"c1","to":"c2","kind":""}}`, false},
		{`{"relation":{"from":"c1","to":"c2","kind":"claim"}}`, false},
		{`{"relation":{"from":"c1","to":"c2","kind":"supports","note":"n"}}`, false},
		{`{"relation":{"to":"c2","from":"c1","kind":"supports"}}`, false},
		{`{"relation":{"from":"c1","to":"c2","kind":"supports"}} `, false},
		{"{\"relation\":{\"from\":\"c1\",\"to\":\"c2\",\"kind\":\"supports\"}}\r", false},
		{`{"relation":{"from":"c1","to":"c2","kind":"supports"}}}`, false},
		{`{"relation":{"from":"c1","to":"c2","kind":"supports"}`, false},
		{`{"relation":{"from":"c1","to":"c2","kind":"supports`, false},
		{`{"relation": {"from":"c1","to":"c2","kind":"supports"}}`, false},
		{`{"claim":{"from":"c1","to":"c2","kind":"supports"}}`, false},
	}
	o := ReadOptions{MaxNodes: DefaultMaxLineNodes}.withDefaults()
	for _, tt := range tests {
		br, fast := plainRelationLine([]byte(tt.line), 0)
		if fast != tt.fast {
			t.Errorf("%s: decoded on its own %v, want %v", tt.line, fast, tt.fast)
		}
		if !fast {
			continue
		}
		r := *(&relList{bulk: []bulkRel{br}, data: []byte(tt.line)}).at(0)
		bulk := newBulkReader("x.jsonl", nil, o)
		n := bulk.parse([]byte(tt.line), 2)
		if n == nil || n.Kind != yaml.MappingNode || len(n.Content) != 2 {
			t.Errorf("%s: decoded on its own, but the scanner refuses it: %v", tt.line, bulk.d.errs)
			continue
		}
		var b Batch
		sections[relationSection].decode(bulk.d, &b, 0, n.Content[1])
		if len(bulk.d.errs) > 0 || len(b.Relations) != 1 {
			t.Errorf("%s: decoded on its own, but the general way finds %v", tt.line, bulk.d.errs)
			continue
		}
		if !reflect.DeepEqual(r, b.Relations[0]) {
			t.Errorf("%s: decoded on its own to %+v, the general way to %+v", tt.line, r, b.Relations[0])
		}
	}
	if !newBulkReader("x.jsonl", nil, o).fast || newBulkReader("x.jsonl", nil, ReadOptions{MaxNodes: plainNodes - 1}.withDefaults()).fast {
		t.Errorf("plain relations are decoded on their own under the wrong limits")
	}
}
