package imports

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/claimgraph/claimgraph/claims"
)

// keySpan is a key of an object: the offsets of its text between the
// quotes, the end's top bit set when it holds an escape (escBit). Inputs
// are at most MaxBytes, so 31 bits hold an offset.
type keySpan struct{ off, end uint32 }

// escBit marks the end of a key that holds an escape.
const escBit = 1 << 31

// dupKeys reports the first key (by the position of its second
// occurrence) that an object of the input gives twice, at that second
// occurrence, naming the first: encoding/json would keep the last value
// silently (a statement's members, a node's text), where the graph's own
// readers and the command's side files refuse it. Keys are compared as
// JSON strings ("a" and "\u0061" are one key). Malformed JSON is left to
// the decoder, which reports it at its position.
//
// It costs O(n log n) in the keys of an object and 8 bytes for every key
// of the objects open at a point (the keys of a node, of the document),
// not a map per object: one pass over the bytes.
func (in *input) dupKeys() *ParseError {
	data := in.data
	type frame struct {
		obj  bool
		base int // where its keys start in keys
	}
	var (
		stack     []frame
		keys      []keySpan
		expectKey bool
		first     keySpan // the first occurrence of the key found, and
		second    = -1    // the offset of its second, the earliest of any object
	)
	text := func(k keySpan) []byte {
		raw := data[k.off : k.end&^escBit]
		if k.end&escBit == 0 {
			return raw
		}
		var s string // escaped: compared as the string it stands for
		if json.Unmarshal(data[k.off-1:k.end&^escBit+1], &s) != nil {
			return raw // malformed; the decoder says so
		}
		return []byte(s)
	}
	closeObj := func(f frame) {
		ks := keys[f.base:]
		if len(ks) > 1 {
			slices.SortFunc(ks, func(a, b keySpan) int {
				return cmp.Or(bytes.Compare(text(a), text(b)), cmp.Compare(a.off, b.off))
			})
			for i := 1; i < len(ks); i++ {
				if off := int(ks[i].off); (second < 0 || off < second) && bytes.Equal(text(ks[i-1]), text(ks[i])) {
					j := i - 1 // the first of the run of equal keys
					for j > 0 && bytes.Equal(text(ks[j-1]), text(ks[i])) {
						j--
					}
					first, second = ks[j], off
				}
			}
		}
		keys = keys[:f.base]
	}
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '"':
			start, esc := i+1, uint32(0)
			for i++; i < len(data) && data[i] != '"'; i++ {
				if data[i] == '\\' {
					i++
					esc = escBit
				}
			}
			if i >= len(data) {
				return nil // unterminated: the decoder's to report
			}
			if expectKey {
				keys = append(keys, keySpan{uint32(start), uint32(i) | esc})
				expectKey = false
			}
		case '{':
			stack = append(stack, frame{obj: true, base: len(keys)})
			expectKey = true
		case '[':
			stack = append(stack, frame{base: len(keys)})
			expectKey = false
		case ',':
			expectKey = len(stack) > 0 && stack[len(stack)-1].obj
		case '}', ']':
			if len(stack) == 0 {
				return nil // unbalanced: the decoder's to report
			}
			f := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if f.obj {
				closeObj(f)
			}
			expectKey = false
		}
	}
	if second < 0 {
		return nil
	}
	at := claims.PositionAt(in.name, data, int(first.off)-1)
	return in.errAt(int64(second-1), fmt.Errorf("%w: key %s given twice; first at %s", ErrFormat, claims.Quote(string(text(first))), at))
}
