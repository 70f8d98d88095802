package imports

import (
	"errors"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// TestDuplicateKeys: a key given twice in an object of an AIF, Argdown
// or Fact Check document kept the last value silently (a node's text, a
// statement, a claim's text), where the graph's JSON reader and the
// command's side files refuse it. Each reader now refuses it at the
// second, naming the key and the first; AIF node and edge IDs given
// twice are refused the same way, with graph.ErrDuplicateID.
func TestDuplicateKeys(t *testing.T) {
	aif := func(in string) error { _, err := ReadAIF(strings.NewReader(in), "in"); return err }
	ad := func(in string) error { _, err := ReadArgdown(strings.NewReader(in), "in"); return err }
	fc := func(in string) error { _, _, err := ReadFactCheck(strings.NewReader(in), "in"); return err }
	for _, tt := range []struct {
		name      string
		read      func(string) error
		in        string
		line, col int
		msg       string
		dupID     bool
	}{
		{"aif node text", aif, "{\"nodes\": [{\"nodeID\": \"1\", \"type\": \"I\", \"text\": \"a\",\n  \"text\": \"b\"}]}", 2, 3,
			`key "text" given twice; first at in:1:41`, false},
		{"aif node ID", aif, "{\"nodes\": [{\"nodeID\": \"1\", \"type\": \"I\", \"text\": \"a\"},\n {\"nodeID\": 1, \"type\": \"I\", \"text\": \"b\"}]}", 2, 2,
			`node "1" given twice; first at in:1:12`, true},
		{"aif edge ID", aif, "{\"nodes\": [{\"nodeID\": \"1\", \"type\": \"I\", \"text\": \"a\"}, {\"nodeID\": \"2\", \"type\": \"RA\"}],\n" +
			"\"edges\": [{\"edgeID\": 7, \"fromID\": \"1\", \"toID\": \"2\"},\n  {\"edgeID\": \"7\", \"fromID\": \"2\", \"toID\": \"1\"}]}", 3, 3,
			`edge "7" given twice; first at in:2:11`, true},
		{"aif top level", aif, "{\"nodes\": [],\n \"nodes\": []}", 2, 2, `key "nodes" given twice; first at in:1:2`, false},
		{"argdown statement", ad, "{\"statements\": {\"A\": {\"members\": [{\"text\": \"a\"}]},\n  \"A\": {\"members\": [{\"text\": \"b\"}]}}}", 2, 3,
			`key "A" given twice; first at in:1:17`, false},
		{"argdown escaped", ad, "{\"statements\": {\"A\": {}, \"\\u0041\": {}}}", 1, 26, `key "A" given twice; first at in:1:17`, false},
		{"factcheck claim text", fc, "{\"claims\": [{\"text\": \"t\",\n \"text\": \"u\"}]}", 2, 2, `key "text" given twice; first at in:1:14`, false},
		// The earliest second key of the document, though an inner
		// object closes first.
		{"earliest", fc, "{\"claims\": [],\n \"claims\": [{\"text\": \"t\", \"text\": \"u\"}]}", 2, 2, `key "claims" given twice; first at in:1:2`, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.read(tt.in)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v (%T), want a *ParseError", err, err)
			}
			if pe.Line != tt.line || pe.Column != tt.col || !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("%v: want %d:%d, ErrFormat and %q", err, tt.line, tt.col, tt.msg)
			}
			if errors.Is(err, graph.ErrDuplicateID) != tt.dupID {
				t.Errorf("%v: errors.Is(graph.ErrDuplicateID) = %v, want %v", err, !tt.dupID, tt.dupID)
			}
		})
	}
	// Keys of different objects, and equal strings that are values, are
	// no duplicates; nor are a key and a value spelled alike.
	ok := "{\"nodes\": [{\"nodeID\": \"1\", \"type\": \"I\", \"text\": \"text\"}, {\"nodeID\": \"2\", \"type\": \"I\", \"text\": \"a,\\\"text\\\":{\"}],\n" +
		"\"edges\": [{\"edgeID\": 1, \"fromID\": \"1\", \"toID\": \"2\"}, {\"fromID\": \"2\", \"toID\": \"1\"}, {\"fromID\": \"2\", \"toID\": \"1\"}]}"
	if err := aif(ok); err != nil {
		t.Errorf("distinct keys: %v", err)
	}
}
