// The JSON side files: --trust, the decisions of similar --apply and the
// --verdicts of draw and export, read as the graph readers read theirs.

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
)

// sideJSON is a JSON side file: its name and its text, without a
// byte-order mark, for the positions of its problems.
type sideJSON struct {
	path string
	data []byte
}

// readSideJSON reads the JSON side file at path (readSide), held to its
// bytes as the graph readers hold theirs: a UTF-8 byte-order mark at the
// start is skipped, positions counting from after it, and invalid UTF-8
// is an error at its line and column, where encoding/json would turn it
// into U+FFFD, in an ID as anywhere.
func readSideJSON(path string) (sideJSON, error) {
	data, err := readSide(path)
	if err != nil {
		return sideJSON{}, err
	}
	s := sideJSON{path, bytes.TrimPrefix(data, []byte("\uFEFF"))}
	for i := 0; i < len(s.data); {
		r, n := utf8.DecodeRune(s.data[i:])
		if r == utf8.RuneError && n == 1 {
			return s, s.at(i, "invalid UTF-8 (byte %#02x)", s.data[i])
		}
		i += n
	}
	return s, nil
}

// at returns the problem of the file at byte offset off.
func (s sideJSON) at(off int, format string, a ...any) error {
	return fmt.Errorf("%s: %s", claims.PositionAt(s.path, s.data, off), fmt.Sprintf(format, a...))
}

// decode decodes the file into v, strictly: a key v has no field for, a
// key an object gives twice (encoding/json would keep the last one
// silently: a decision, a claim's verdict) and anything after the
// document are problems, as are malformed JSON and a value of the wrong
// type. It returns the first problem at its line and column, in words
// of JSON. It costs O(size of the file).
func (s sideJSON) decode(v any) error {
	dec := json.NewDecoder(bytes.NewReader(s.data))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil {
		off := int(dec.InputOffset())
		if _, end := dec.Token(); end != io.EOF {
			return s.at(off+len(s.data[off:])-len(bytes.TrimLeft(s.data[off:], " \t\r\n")), "more after the document")
		}
		return s.walk(nil)
	}
	var te *json.UnmarshalTypeError
	switch off, msg, ok := syntaxAt(err); {
	case ok:
		return s.at(off, "%s", msg)
	case err == io.EOF:
		return s.at(0, "no document: the file is empty")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return s.at(len(s.data), "the document ends early")
	case errors.As(err, &te):
		found := s.walk(func(path string, start, end, _ int) error {
			if end != int(te.Offset) {
				return nil
			}
			if path != "" {
				path += ": "
			}
			return s.at(start, "%swant %s, not %s", path, jsonType(te.Type), jsonValue(te.Value))
		})
		if found != nil {
			return found
		}
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		key, _ := strconv.Unquote(strings.TrimPrefix(err.Error(), "json: unknown field "))
		// The first key of that name: encoding/json does not say where.
		found := s.walk(func(path string, start, _, depth int) error {
			if depth > 0 && (path == key || strings.HasSuffix(path, "."+key)) {
				return s.at(start, "unknown field %q", key)
			}
			return nil
		})
		if found != nil {
			return found
		}
	}
	return s.at(0, "%s", strings.TrimPrefix(err.Error(), "json: "))
}

// walk calls fn, when not nil, with each key and value of the file,
// valid JSON, in order: the path of the value ("suggestions[0].a", ""
// for the document; a key has the path of its value), the offset where
// it starts and the one where encoding/json's errors place it (past a
// scalar or a key, past the opening bracket of an object or array), and
// for a key its depth (1 for a key of the document's object), 0 for a
// value. It returns fn's first problem, else the problem of the first
// key an object gives twice, at the second.
func (s sideJSON) walk(fn func(path string, start, end, key int) error) error {
	type frame struct {
		path    string
		keys    map[string]int // the offsets of an object's keys; nil in an array
		key     string         // the key of the value to come, when haveKey
		haveKey bool
		n       int // values seen in an array
	}
	// join returns the path of a member of the value at path; only fn
	// reads paths, so without it none is made.
	join := func(path, member string, index bool) string {
		switch {
		case fn == nil:
			return ""
		case index:
			return path + "[" + member + "]"
		case path == "":
			return member
		}
		return path + "." + member
	}
	dec := json.NewDecoder(bytes.NewReader(s.data))
	var stack []frame
	for {
		start := int(dec.InputOffset())
		tok, err := dec.Token()
		if err != nil {
			return nil // the end: the JSON was decoded, so valid
		}
		for start < len(s.data) && strings.IndexByte(" \t\r\n,:", s.data[start]) >= 0 {
			start++
		}
		end := int(dec.InputOffset())
		var top *frame
		if len(stack) > 0 {
			top = &stack[len(stack)-1]
		}
		if d, ok := tok.(json.Delim); ok && (d == '}' || d == ']') {
			stack = stack[:len(stack)-1]
			continue
		}
		path := ""
		if top != nil && top.keys != nil {
			if k, ok := tok.(string); ok && !top.haveKey {
				if fn != nil {
					if err := fn(join(top.path, k, false), start, end, len(stack)); err != nil {
						return err
					}
				}
				if first, twice := top.keys[k]; twice {
					return s.at(start, "key %s given twice; first at %s", strconv.Quote(k), claims.PositionAt(s.path, s.data, first))
				}
				top.keys[k], top.key, top.haveKey = start, k, true
				continue
			}
			path = join(top.path, top.key, false)
			top.haveKey = false
		} else if top != nil {
			if fn != nil {
				path = join(top.path, strconv.Itoa(top.n), true)
			}
			top.n++
		}
		if fn != nil {
			if err := fn(path, start, end, 0); err != nil {
				return err
			}
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, frame{path: path, keys: map[string]int{}})
		case json.Delim('['):
			stack = append(stack, frame{path: path})
		}
	}
}

// jsonType names the JSON type that Go type t decodes from.
func jsonType(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "an array"
	}
	return "an object"
}

// jsonValue names the value of an encoding/json type error ("number",
// "number 1.5", "array").
func jsonValue(v string) string {
	switch {
	case strings.HasPrefix(v, "number "):
		return strings.TrimPrefix(v, "number ")
	case v == "array", v == "object":
		return "an " + v
	case v == "bool":
		return "true or false"
	}
	return "a " + v
}

// claimKeys returns the problem of the first key of the file's object,
// in the file's order, that names no claim of v, at its line and
// column, counting the others; nil when every key names a claim. An ID
// merged into a claim is one: the file is to give the claim's own ID,
// as the file of --trust gives sources' (trustfile.go). keys are the
// keys of the object as decoded. It costs O(keys) look-ups, and a walk
// of the file up to the first such key when there is one.
func (s sideJSON) claimKeys(v graph.View, keys iter.Seq[string]) error {
	bad := 0
	for id := range keys {
		if notClaim(v, id) != "" {
			bad++
		}
	}
	if bad == 0 {
		return nil
	}
	var first error
	s.walk(func(id string, start, _, depth int) error {
		if why := notClaim(v, id); depth == 1 && why != "" {
			first = s.at(start, "claim %s: %s", claims.Quote(id), why)
			return first // the walk stops at it
		}
		return nil
	})
	if bad > 1 {
		return fmt.Errorf("%w (and %s naming no claim)", first, plural(bad-1, "other key"))
	}
	return first
}

// notClaim says why id names no claim of v: "no such claim", the kind
// of item it names, or the claim it was merged into; "" when it names a
// claim by its own ID.
func notClaim(v graph.View, id string) string {
	if canon, merged := v.Resolve(id); merged {
		return "merged into " + canon + ": give the verdict of " + canon
	}
	switch k, ok := v.KindOf(id); {
	case !ok:
		return "no such claim"
	case k == graph.EntityVertex:
		return "the ID of an entity, not of a claim"
	case k != graph.ClaimVertex:
		return "the ID of a " + k.String() + ", not of a claim"
	}
	return ""
}
