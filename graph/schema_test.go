package graph_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/synth"
	"github.com/claimgraph/claimgraph/sources"
	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"
)

// This file generates schema.json, the JSON Schema (draft-07) of the file
// format, from graph.FormatFields, and checks files against it with a
// validator of the part of JSON Schema it uses, and with Python's
// jsonschema when it is installed. The YAML and JSON formats share the
// schema: a YAML file is checked as a YAML language server sees it
// (YAML 1.2: 2025-09-03 is a string, 2025 an integer).

const schemaPath = "schema.json"

// buildSchema returns the JSON Schema of the format described by items.
func buildSchema(items []graph.ItemFields) (map[string]any, error) {
	defs := map[string]any{}
	var root map[string]any
	for _, it := range items {
		obj, err := schemaObject(it.Fields)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", it.Item, err)
		}
		if it.Item == "claimgraph" {
			root = obj
		} else {
			defs[it.Item] = obj
		}
	}
	root["$schema"] = "http://json-schema.org/draft-07/schema#"
	root["title"] = "claimgraph file"
	root["description"] = "A claim graph in the YAML or JSON format of github.com/claimgraph/claimgraph. " +
		"Generated from graph.FormatFields by go test ./graph -run TestSchema -update; do not edit. " +
		"Dates are checked by pattern alone, which cannot know the length of a month: a day that does not exist, " +
		"such as 2025-02-30, matches it, and the reader rejects it at its line and column."
	root["definitions"] = defs
	return root, nil
}

// schemaObject returns the schema of a mapping with fields.
func schemaObject(fields []graph.Field) (map[string]any, error) {
	props := map[string]any{}
	required := []any{}
	for _, f := range fields {
		v, err := schemaValue(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Key, err)
		}
		v["description"] = f.Doc
		props[f.Key] = v
		if f.Required {
			required = append(required, f.Key)
		}
	}
	obj := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		obj["required"] = required
	}
	return obj, nil
}

// interval reads the bounds of a "number in (0, 1]" type.
var interval = regexp.MustCompile(`^number in ([(\[])(-?[0-9.]+), (-?[0-9.]+)([)\]])$`)

// schemaValue returns the schema of the value of field f. A type it does
// not know is an error, so that a new kind of field cannot go without
// its schema.
func schemaValue(f graph.Field) (map[string]any, error) {
	str := func() map[string]any {
		m := map[string]any{"type": "string"}
		if f.Pattern != "" {
			m["pattern"] = f.Pattern
		}
		return m
	}
	switch f.Type {
	case "text", "ID":
		return str(), nil
	case "list of text", "list of IDs":
		items := str()
		items["minLength"] = 1 // the reader refuses an empty entry
		return map[string]any{"type": "array", "items": items}, nil
	case "date":
		// A year alone is an integer in YAML (its digits, which the
		// reader reads, may start with 0: 0800).
		m := str()
		m["type"] = []any{"string", "integer"}
		m["minimum"], m["maximum"] = 1, 9999
		return m, nil
	case "word":
		values := []any{}
		for _, v := range f.Values {
			values = append(values, v)
		}
		return map[string]any{"type": "string", "enum": values}, nil
	case "true or false":
		return map[string]any{"type": "boolean"}, nil
	case "mapping":
		return map[string]any{"$ref": "#/definitions/" + f.Item}, nil
	case "list of mappings":
		return map[string]any{"type": "array", "items": map[string]any{"$ref": "#/definitions/" + f.Item}}, nil
	case "number":
		if f.Key == "claimgraph" {
			return map[string]any{"type": "integer", "enum": []any{graph.FormatVersion}}, nil
		}
	}
	if m := interval.FindStringSubmatch(f.Type); m != nil {
		lo, err1 := strconv.ParseFloat(m[2], 64)
		hi, err2 := strconv.ParseFloat(m[3], 64)
		if err1 == nil && err2 == nil {
			v := map[string]any{"type": "number"}
			if m[1] == "(" {
				v["exclusiveMinimum"] = lo
			} else {
				v["minimum"] = lo
			}
			if m[4] == ")" {
				v["exclusiveMaximum"] = hi
			} else {
				v["maximum"] = hi
			}
			return v, nil
		}
	}
	return nil, fmt.Errorf("no schema for type %q", f.Type)
}

// schemaJSON returns the schema as schema.json holds it.
func schemaJSON(t *testing.T) []byte {
	t.Helper()
	s, err := buildSchema(graph.FormatFields())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestSchema checks that schema.json is what graph.FormatFields gives.
func TestSchema(t *testing.T) {
	want := schemaJSON(t)
	if *update {
		if err := os.WriteFile(schemaPath, want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs from graph.FormatFields (-want +got); run go test ./graph -run TestSchema -update:\n%s", schemaPath, diff)
	}
}

// validate checks instance v against schema s (root holds the
// definitions) and returns the problems, each with its JSON path. It
// knows the keywords schema.json uses: type, properties, required,
// additionalProperties, enum, pattern, items, $ref, minimum, maximum,
// exclusiveMinimum and exclusiveMaximum.
func validate(root, s map[string]any, v any, path string) []string {
	if ref, ok := s["$ref"].(string); ok {
		name, found := strings.CutPrefix(ref, "#/definitions/")
		def, ok := root["definitions"].(map[string]any)[name].(map[string]any)
		if !found || !ok {
			return []string{path + ": unknown $ref " + ref}
		}
		return validate(root, def, v, path)
	}
	for k := range s {
		switch k {
		case "type", "properties", "required", "additionalProperties", "enum", "pattern", "minLength", "items",
			"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "description", "title", "$schema", "definitions":
		default:
			return []string{path + ": the validator does not know the keyword " + k}
		}
	}
	if t, ok := s["type"]; ok && !hasType(t, v) {
		return []string{fmt.Sprintf("%s: %v is not of type %v", path, v, t)}
	}
	var errs []string
	if enum, ok := s["enum"].([]any); ok && !slices.ContainsFunc(enum, func(e any) bool { return jsonEqual(e, v) }) {
		errs = append(errs, fmt.Sprintf("%s: %v is not one of %v", path, v, enum))
	}
	switch v := v.(type) {
	case string:
		if p, ok := s["pattern"].(string); ok && !compiled(p).MatchString(v) {
			errs = append(errs, fmt.Sprintf("%s: %q does not match %s", path, v, p))
		}
		if n, ok := number(s["minLength"]); ok && float64(utf8.RuneCountInString(v)) < n {
			errs = append(errs, fmt.Sprintf("%s: %q is shorter than minLength %v", path, v, n))
		}
	case float64:
		bound := func(key string, bad func(x, b float64) bool) {
			if b, ok := number(s[key]); ok && bad(v, b) {
				errs = append(errs, fmt.Sprintf("%s: %v breaks %s %v", path, v, key, b))
			}
		}
		bound("minimum", func(x, b float64) bool { return x < b })
		bound("maximum", func(x, b float64) bool { return x > b })
		bound("exclusiveMinimum", func(x, b float64) bool { return x <= b })
		bound("exclusiveMaximum", func(x, b float64) bool { return x >= b })
	case []any:
		if items, ok := s["items"].(map[string]any); ok {
			for i, x := range v {
				errs = append(errs, validate(root, items, x, fmt.Sprintf("%s[%d]", path, i))...)
			}
		}
	case map[string]any:
		props, _ := s["properties"].(map[string]any)
		for _, r := range asList(s["required"]) {
			if _, ok := v[r.(string)]; !ok {
				errs = append(errs, fmt.Sprintf("%s: missing required %q", path, r))
			}
		}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			if ps, ok := props[k].(map[string]any); ok {
				errs = append(errs, validate(root, ps, v[k], path+"."+k)...)
			} else if s["additionalProperties"] == false {
				errs = append(errs, fmt.Sprintf("%s: unknown key %q", path, k))
			}
		}
	}
	return errs
}

// patterns caches the compiled patterns of the schema.
var patterns sync.Map

func compiled(p string) *regexp.Regexp {
	if re, ok := patterns.Load(p); ok {
		return re.(*regexp.Regexp)
	}
	re := regexp.MustCompile(p)
	patterns.Store(p, re)
	return re
}

func asList(v any) []any { l, _ := v.([]any); return l }

// number returns a bound of the schema as a float64: a Go int when the
// schema is built, a float64 when it is read back.
func number(v any) (float64, bool) {
	switch n := v.(type) {
	case int:
		return float64(n), true
	case float64:
		return n, true
	}
	return 0, false
}

// hasType reports whether v is of the JSON Schema type t (a name or a
// list of names).
func hasType(t, v any) bool {
	if l, ok := t.([]any); ok {
		return slices.ContainsFunc(l, func(t any) bool { return hasType(t, v) })
	}
	switch t {
	case "string":
		_, ok := v.(string)
		return ok
	case "integer":
		f, ok := v.(float64)
		return ok && f == math.Trunc(f)
	case "number":
		_, ok := v.(float64)
		return ok
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "array":
		_, ok := v.([]any)
		return ok
	case "object":
		_, ok := v.(map[string]any)
		return ok
	case "null":
		return v == nil
	}
	return false
}

func jsonEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

// yamlValue converts a YAML document to the JSON value a YAML 1.2
// language server validates: plain scalars resolved by the core schema,
// so that a timestamp-like 2025-09-03 is a string.
func yamlValue(n *yaml.Node) (any, error) {
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return yamlValue(n.Content[0])
	case yaml.AliasNode:
		return yamlValue(n.Alias)
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := yamlValue(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			m[n.Content[i].Value] = v
		}
		return m, nil
	case yaml.SequenceNode:
		l := []any{}
		for _, c := range n.Content {
			v, err := yamlValue(c)
			if err != nil {
				return nil, err
			}
			l = append(l, v)
		}
		return l, nil
	}
	switch n.ShortTag() {
	case "!!null":
		return nil, nil
	case "!!bool":
		return n.Value == "true", nil
	case "!!int", "!!float":
		f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
		if err != nil {
			return nil, fmt.Errorf("line %d: %q: %v", n.Line, n.Value, err)
		}
		return f, nil
	}
	return n.Value, nil
}

// instance reads a YAML or JSON file as a JSON value.
func instance(t *testing.T, name string, data []byte) (any, error) {
	t.Helper()
	if strings.HasSuffix(name, ".json") {
		var v any
		return v, json.Unmarshal(data, &v)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	return yamlValue(&doc)
}

// schemaFiles returns the files the schema must accept: the seed data,
// the example program's data, the saved seed, fullYAML (every key of the
// format), the JSON export of the seed, and generated graphs in YAML and
// JSON.
func schemaFiles(t *testing.T) map[string][]byte {
	t.Helper()
	files := map[string][]byte{"fullYAML.yaml": []byte(fullYAML)}
	paths, _ := filepath.Glob(filepath.Join("..", "testdata", "*.yaml"))
	paths = append(paths, filepath.Join("..", "examples", "claimgraph", "testdata", "mini.yaml"),
		filepath.Join("testdata", "kim-putin.saved.yaml"))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files[p] = data
	}
	if len(paths) < 4 {
		t.Fatalf("found %d data files, want the seed and more", len(paths))
	}
	g, err := graph.Load(filepath.Join("..", "testdata", "kim-putin.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	add := func(name string, g *graph.Graph) {
		var y, j bytes.Buffer
		if err := g.WriteYAML(&y); err != nil {
			t.Fatal(err)
		}
		if err := g.WriteJSON(&j); err != nil {
			t.Fatal(err)
		}
		files[name+".yaml"], files[name+".json"] = y.Bytes(), j.Bytes()
	}
	add("kim-putin-written", g)
	n := 300
	if testing.Short() {
		n = 100
	}
	for _, seed := range []uint64{1, 2} {
		gen := graph.New()
		if err := gen.Apply(synth.Generate(synth.Config{Claims: n, Seed: seed})); err != nil {
			t.Fatal(err)
		}
		add(fmt.Sprintf("synth-%d", seed), gen)
	}
	return files
}

// Fixtures of testdata/invalid that break the schema, and those whose
// fault only the graph sees: references to items, uniqueness of IDs
// across the file, relations between a pair of claims, the order of two
// dates, a day that does not exist in its month (2025-02-30, which the
// date pattern cannot tell from 2025-01-30). JSON Schema cannot express
// these, so the schema accepts them. A confidence of 0 breaks both the
// schema and the reader.
var (
	schemaInvalid = []string{
		"about-past-not-bool.yaml", "bad-confidence.yaml", "bad-date.yaml", "bad-id.yaml", "bad-kind.yaml", "bad-lang.yaml",
		"malformed.yaml", "missing-required.yaml", "multiple-problems.yaml", "unknown-field.yaml",
		"wrong-version.yaml", "zero-confidence.yaml", "empty-alias.yaml", "quoted-confidence.yaml", "bad-digest.yaml",
	}
	semanticOnly = []string{
		"duplicate-id.yaml", "self-relation.yaml", "supports-and-contradicts.yaml",
		"unknown-claim-in-relation.yaml", "unknown-entity.yaml", "unknown-source.yaml",
		"until-before-from.yaml", "occurred-with-validity.yaml", "impossible-date.yaml",
	}
)

// TestSchemaData checks the schema against the data: every valid file
// passes, every schema-level invalid fixture fails, and every fixture is
// classified.
func TestSchemaData(t *testing.T) {
	var root map[string]any
	if err := json.Unmarshal(schemaJSON(t), &root); err != nil {
		t.Fatal(err)
	}
	for name, data := range schemaFiles(t) {
		v, err := instance(t, name, data)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if errs := validate(root, root, v, "$"); len(errs) > 0 {
			t.Errorf("%s: the schema rejects valid data:\n%s", name, strings.Join(errs, "\n"))
		}
	}
	fixtures, _ := filepath.Glob(filepath.Join("..", "testdata", "invalid", "*.yaml"))
	var names []string
	for _, p := range fixtures {
		names = append(names, filepath.Base(p))
	}
	if diff := cmp.Diff(names, slices.Sorted(slices.Values(append(slices.Clone(schemaInvalid), semanticOnly...)))); diff != "" {
		t.Errorf("classify every fixture of testdata/invalid as schemaInvalid or semanticOnly (-have +classified):\n%s", diff)
	}
	for _, name := range append(slices.Clone(schemaInvalid), semanticOnly...) {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "invalid", name))
		if err != nil {
			t.Fatal(err)
		}
		v, err := instance(t, name, data)
		var errs []string
		if err != nil {
			errs = []string{err.Error()} // not YAML: no schema can accept it
		} else {
			errs = validate(root, root, v, "$")
		}
		if slices.Contains(schemaInvalid, name) && len(errs) == 0 {
			t.Errorf("%s: the schema accepts it", name)
		}
		if slices.Contains(semanticOnly, name) && len(errs) > 0 {
			t.Errorf("%s: listed as semantic only, but the schema rejects it: %s", name, strings.Join(errs, "; "))
		}
	}
}

// pythonCheck is the outside validator: Python's jsonschema checks the
// schema itself against the draft-07 meta-schema, then each instance
// (JSON files named on the command line), printing "ok" or the first
// error for each.
const pythonCheck = `
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft7Validator.check_schema(schema)
v = jsonschema.Draft7Validator(schema)
for name in sys.argv[2:]:
    errs = sorted(v.iter_errors(json.load(open(name))), key=lambda e: list(e.path))
    print("ok" if not errs else "error: " + errs[0].message.replace("\n", " "))
`

// TestSchemaJSONSchema runs the same checks as TestSchemaData with
// Python's jsonschema (Debian python3-jsonschema), on schema.json as
// committed.
func TestSchemaJSONSchema(t *testing.T) {
	if testing.Short() {
		t.Skip("Python's jsonschema runs without -short: starting it takes most of a second; TestSchemaData checks the schema against the data under -short")
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed: ", err)
	}
	dir := t.TempDir()
	type check struct {
		name  string
		valid bool
	}
	var checks []check
	args := []string{"-c", pythonCheck, schemaPath}
	add := func(name string, data []byte, valid bool) {
		v, err := instance(t, name, data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		j, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, fmt.Sprintf("%d.json", len(checks)))
		if err := os.WriteFile(p, j, 0o644); err != nil {
			t.Fatal(err)
		}
		checks, args = append(checks, check{name, valid}), append(args, p)
	}
	for name, data := range schemaFiles(t) {
		add(name, data, true)
	}
	for _, name := range append(slices.Clone(schemaInvalid), semanticOnly...) {
		if name == "malformed.yaml" {
			continue // not YAML: nothing to hand to a validator
		}
		data, err := os.ReadFile(filepath.Join("..", "testdata", "invalid", name))
		if err != nil {
			t.Fatal(err)
		}
		add(name, data, slices.Contains(semanticOnly, name))
	}
	var stderr bytes.Buffer
	cmd := exec.Command(py, args...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil && strings.Contains(stderr.String(), "No module named 'jsonschema'") {
		// Asked here rather than by a python3 of its own beforehand:
		// starting Python takes most of a second on a slow machine.
		lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
		t.Skipf("python3 has no jsonschema (apt-get install python3-jsonschema): %s", lines[len(lines)-1])
	}
	if err != nil {
		t.Fatalf("python3 jsonschema: %v\n%s", err, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != len(checks) {
		t.Fatalf("python3 printed %d lines for %d files:\n%s", len(lines), len(checks), out)
	}
	for i, c := range checks {
		if ok := lines[i] == "ok"; ok != c.valid {
			t.Errorf("%s: jsonschema says %q, want valid %v", c.name, lines[i], c.valid)
		}
	}
}

// TestSchemaPatterns holds the patterns of the format to the checks they
// stand for: a value the check accepts matches, and for IDs, language
// tags and QIDs, whose checks are syntax alone, a value it rejects does
// not.
func TestSchemaPatterns(t *testing.T) {
	pattern := func(item, key string) *regexp.Regexp {
		for _, f := range itemsByName()[item] {
			if f.Key == key {
				return regexp.MustCompile(f.Pattern)
			}
		}
		t.Fatalf("no field %s.%s", item, key)
		return nil
	}
	tests := []struct {
		item, key string
		check     func(string) bool
		exact     bool
		values    []string
	}{
		{"entity", "id", func(s string) bool { return claims.CheckID(s) == nil }, true,
			[]string{"a", "north-korea", "Q1:x.y_z", "-a", ".a", "a b", "", "é", strings.Repeat("a", 128), strings.Repeat("a", 129)}},
		{"claim", "lang", func(s string) bool { return claims.CheckLang(s) == nil }, true,
			[]string{"en", "de-CH", "zh-Hant-TW", "x-private", "i-klingon", "e", "engl", "en-", "en--x", "123", "en-abcdefghi", "abcde"}},
		{"entity", "wikidata", func(s string) bool {
			return graph.New().Apply(graph.Batch{Entities: []claims.Entity{{ID: "e", Name: "E", Kind: claims.Person, Wikidata: s}}}) == nil
		}, true, []string{"Q1", "Q423", "Q0", "Q01", "q1", "Q", "Q1a", "P31"}},
		{"source", "published", func(s string) bool { _, err := claims.ParseDate(s); return err == nil }, false,
			[]string{"2025", "2025-09", "2025-09-03", "0800", "2024-02-29", "2025-13", "2025-00", "2025-9-3", "25", "2025-09-32", "0000"}},
		{"source", "url", func(s string) bool {
			return graph.New().Apply(graph.Batch{Sources: []sources.Source{{ID: "s", Kind: sources.Other, URL: s}}}) == nil
		}, false, []string{"https://example.org/a", "HTTP://EXAMPLE.ORG", "http://x", "ftp://x", "http://", "http:///a", "example.org", "https:x"}},
		{"review", "evidence", func(s string) bool { return claims.CheckDigest(s) == nil }, true,
			[]string{"v2:2a1s0c3o:176e1a42f5a7", "1a0s0c:2925dd2b080e", "v2:0a0s0c0o:000000000000", "v2:-1a0s0c1o:0", "v2:01a0s0c1o:176e1a42f5a7",
				"v2:1a0s0c1o:176E1A42F5A7", "v2:1a0s0c:176e1a42f5a7", "1a0s0c1o:176e1a42f5a7", "v2:1a0s0c1o:176e1a42f5a7\n", "checked by Ann"}},
	}
	for _, tt := range tests {
		re := pattern(tt.item, tt.key)
		for _, v := range tt.values {
			ok, match := tt.check(v), re.MatchString(v)
			if ok && !match || tt.exact && match != ok {
				t.Errorf("%s.%s %q: check accepts %v, pattern %s matches %v", tt.item, tt.key, v, ok, re, match)
			}
		}
	}
}
