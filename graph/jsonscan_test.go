package graph

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"testing"
	"unicode/utf8"
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
