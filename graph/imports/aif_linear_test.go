package imports

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// schemeFan is an AIF document of one scheme node of type kind with n
// claims as premises and m claims as conclusions.
func schemeFan(t *testing.T, kind string, n, m int) string {
	t.Helper()
	type node struct{ NodeID, Text, Type string }
	type edge struct{ FromID, ToID string }
	var doc struct {
		Nodes []node `json:"nodes"`
		Edges []edge `json:"edges"`
	}
	doc.Nodes = append(doc.Nodes, node{"s", "Default", kind})
	for i := range n + m {
		id := fmt.Sprint(i)
		doc.Nodes = append(doc.Nodes, node{id, "Claim " + id + ".", "I"})
		if i < n {
			doc.Edges = append(doc.Edges, edge{id, "s"})
		} else {
			doc.Edges = append(doc.Edges, edge{"s", id})
		}
	}
	data, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return strings.NewReplacer(`"NodeID"`, `"nodeID"`, `"Text"`, `"text"`, `"Type"`, `"type"`,
		`"FromID"`, `"fromID"`, `"ToID"`, `"toID"`).Replace(string(data))
}

// TestAIFSchemeFanIsLinear: a CA- or RA-node with N premises and N
// conclusions made N² relations (1,000,000 from 227 KB, 9.7 GB). AIF
// gives it one conclusion: it is left out with one warning naming it,
// and the relations never outnumber the edges.
func TestAIFSchemeFanIsLinear(t *testing.T) {
	for _, kind := range []string{"CA", "RA"} {
		res, err := ReadAIF(strings.NewReader(schemeFan(t, kind, 200, 200)), "fan.json")
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Relations) != 0 || len(res.Claims) != 400 {
			t.Errorf("%s: %d relations, %d claims; want 0 and 400", kind, len(res.Relations), len(res.Claims))
		}
		want := fmt.Sprintf(`fan.json:1:11: %s-node "s" has 200 claims (I-nodes "200", "201", "202" and 197 more) as conclusions`, kind)
		if len(res.Warnings) != 1 || !strings.HasPrefix(res.Warnings[0].String(), want) {
			t.Errorf("%s: warnings %v, want one starting %q", kind, res.Warnings, want)
		}
	}
	// Many premises and one conclusion is AIF: one relation a premise.
	res, err := ReadAIF(strings.NewReader(schemeFan(t, "RA", 200, 1)), "fan.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Relations) != 200 || len(res.Warnings) != 0 {
		t.Errorf("RA with 200 premises: %d relations, warnings %v; want 200 and none", len(res.Relations), res.Warnings)
	}
}

// TestAIFSelfRelationWarned: a scheme node whose conclusion is also one
// of its premises relates a claim to itself, which a claim graph cannot
// hold. It failed the whole import (a self-relation error); like the
// other things AIF says that a claim graph has no place for, and like
// Argdown's statement attacking itself, it is left out with a warning,
// and the node's other premises still give their relations.
func TestAIFSelfRelationWarned(t *testing.T) {
	for _, kind := range []string{"CA", "RA"} {
		doc := `{"nodes":[{"nodeID":"1","text":"X","type":"I"},{"nodeID":"2","text":"Y","type":"I"},{"nodeID":"3","text":"","type":"` + kind + `"}],
 "edges":[{"fromID":"1","toID":"3"},{"fromID":"3","toID":"1"},{"fromID":"2","toID":"3"}]}`
		res, err := ReadAIF(strings.NewReader(doc), "self.json")
		if err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		if rs := res.Batch.Relations; len(rs) != 1 || rs[0].From != "aif-2" || rs[0].To != "aif-1" {
			t.Errorf("%s: relations %+v, want aif-2 to aif-1 alone", kind, rs)
		}
		found := false
		for _, w := range res.Warnings {
			found = found || strings.Contains(w.Message, `I-node "1" as premise and conclusion`) && w.Line > 0
		}
		if !found {
			t.Errorf("%s: warnings %+v, want one at node 3 for I-node 1", kind, res.Warnings)
		}
	}
}

// untyped is an AIF document of n nodes without a type, each warned
// about, on one line or one a line; the text "é" makes bytes and
// characters differ.
func untyped(n int, sep string) string {
	var b strings.Builder
	b.WriteString(`{"nodes":[`)
	for i := range n {
		if i > 0 {
			b.WriteString("," + sep)
		}
		fmt.Fprintf(&b, `{"nodeID":"%d","text":"é"}`, i)
	}
	b.WriteString(`],"edges":[]}`)
	return b.String()
}

// TestAIFWarningPositions: each warning counted its position from the
// start of the input, so that n warnings on one line (AIFdb writes a
// document on one line) took time in n² (3 MB: 75 s). They are found in
// one pass now, at the same places.
func TestAIFWarningPositions(t *testing.T) {
	for _, sep := range []string{"", "\n"} {
		doc := untyped(300, sep)
		res, err := ReadAIF(strings.NewReader(doc), "u.json")
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Warnings) != 300 {
			t.Fatalf("%d warnings, want 300", len(res.Warnings))
		}
		for i, w := range res.Warnings {
			off := strings.Index(doc, fmt.Sprintf(`{"nodeID":"%d"`, i))
			before := doc[:off]
			line := 1 + strings.Count(before, "\n")
			col := 1 + len([]rune(before[strings.LastIndexByte(before, '\n')+1:]))
			if w.Line != line || w.Column != col || !strings.Contains(w.Message, fmt.Sprintf(`"%d"`, i)) {
				t.Fatalf("sep %q: warning %d at %d:%d %q, want %d:%d", sep, i, w.Line, w.Column, w.Message, line, col)
			}
		}
	}
}

// BenchmarkAIFWarnings reads n untyped nodes on one line: time per node
// should not grow with n.
func BenchmarkAIFWarnings(b *testing.B) {
	for _, n := range []int{5000, 20000} {
		doc := untyped(n, "")
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ReadAIF(strings.NewReader(doc), "u.json"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
