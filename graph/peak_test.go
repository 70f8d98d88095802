package graph_test

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/imports"
	"github.com/claimgraph/claimgraph/graph/internal/childtest"
	"github.com/claimgraph/claimgraph/graph/rdf"
	"github.com/claimgraph/claimgraph/graph/synth"
	"github.com/claimgraph/claimgraph/sources/truth"
)

// TestPeakMemory measures the peak resident memory of each graph reader
// on the densest input its limits accept and on a generated graph, in a
// child process, for the table in the README ("How errors are
// reported"). It writes large files and takes minutes, so it runs only
// when asked:
//
//	CLAIMGRAPH_PEAK=64 go test -run TestPeakMemory -v ./graph
//
// with the input size in MiB.
func TestPeakMemory(t *testing.T) {
	mib := 0
	fmt.Sscan(os.Getenv("CLAIMGRAPH_PEAK"), &mib)
	if mib <= 0 {
		t.Skip("set CLAIMGRAPH_PEAK to the input size in MiB to measure")
	}
	size := mib << 20
	dir := filepath.Join(os.TempDir(), "claimgraph-peak")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	// repeat writes head, then item until size, then tail.
	repeat := func(name, head, item, tail string) string {
		path := filepath.Join(dir, name)
		if childtest.Child(t) {
			return path
		}
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		w := bufio.NewWriter(f)
		w.WriteString(head)
		for n := len(head) + len(tail); item != "" && n+len(item) <= size; n += len(item) {
			w.WriteString(item)
		}
		w.WriteString(tail)
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		f.Close()
		return path
	}
	// lines writes the lines next gives up to size, then tail.
	lines := func(name string, next func() string, tail ...string) string {
		path := filepath.Join(dir, name)
		if childtest.Child(t) {
			return path
		}
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		w := bufio.NewWriter(f)
		for n := 0; n < size; {
			k, _ := w.WriteString(next())
			n += k
		}
		for _, s := range tail {
			w.WriteString(s)
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		f.Close()
		return path
	}
	generated := func(name string, claims int) string {
		path := filepath.Join(dir, name)
		if childtest.Child(t) {
			return path
		}
		g := graph.New()
		if err := g.Apply(synth.Generate(synth.Config{Claims: claims})); err != nil {
			t.Fatal(err)
		}
		write := g.WriteYAML
		switch filepath.Ext(path) {
		case ".json":
			write = g.WriteJSON
		case ".jsonl":
			write = g.WriteJSONL
		}
		if err := graph.SaveWith(path, write); err != nil {
			t.Fatal(err)
		}
		return path
	}
	opts := graph.ReadOptions{MaxBytes: 1 << 40}
	open := func(path string) error { _, err := opts.Open(path); return err }
	triples := func(path string) error { _, err := truth.ReadFile(path, truth.ReadOptions{}); return err }
	aif := func(path string) error {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = imports.ReadAIF(f, path)
		return err
	}
	nquads := func(path string) error {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = rdf.Read(f, path, rdf.NQuads, rdf.Limits{MaxBytes: 1 << 40})
		return err
	}
	turtle := func(path string) error {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = rdf.Read(f, path, rdf.Turtle, rdf.Limits{MaxBytes: 1 << 40})
		return err
	}
	i, j, k, ra := 0, 0, -1, 0 // the lines of the triples and of the AIF files
	// counter returns a maker of lines: head, then format with the
	// line's number.
	counter := func(head, format string) func() string {
		k := 0
		return func() string {
			k++
			if k == 1 {
				return head
			}
			return fmt.Sprintf(format, k)
		}
	}
	minYAML := counter("claimgraph: 1\nclaims:\n", "- {id: c%d, text: t}\n")
	minJSON := counter(`{"claimgraph": 1, "claims": [`, `{"id":"c%d","text":"t"},`)
	minJSONL := counter("{\"claimgraph\":1}\n", "{\"claim\":{\"id\":\"c%d\",\"text\":\"t\"}}\n")
	minNQ := counter("", "<urn:claimgraph:c%[1]d> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Claim> .\n"+
		"<urn:claimgraph:c%[1]d> <https://schema.org/identifier> \"c%[1]d\" .\n<urn:claimgraph:c%[1]d> <https://schema.org/text> \"t\" .\n")
	minTTL := counter("@prefix s: <https://schema.org/> .\n", "<urn:c:%[1]d> a s:Claim; s:identifier \"%[1]d\"; s:text \"t\" .\n")
	cases := []struct {
		name, path string
		read       func(string) error
	}{
		{"empty YAML (baseline)", repeat("empty.yaml", "claimgraph: 1\n", "", ""), open},
		{"YAML flow sequence at the node budget", repeat("dense.yaml", "claimgraph: 1\nclaims: [", "aaa,", "a]\n"), open},
		{"JSON array at the node budget", repeat("dense.json", `{"claimgraph": 1, "claims": [`, "1,  ", "1]}\n"), open},
		{"JSON Lines, one value a line at the budget", repeat("dense.jsonl", "{\"claimgraph\":1}\n", "{\"claim\":[1,  1,  1,  1,  1,  1,  1,  1,  1,  1]}\n", ""), open},
		{"YAML flow sequence of empty mappings", repeat("empty-maps.yaml", "claimgraph: 1\nclaims: [", "{}, ", "{}]\n"), open},
		{"JSON array of empty objects", repeat("empty-maps.json", `{"claimgraph": 1, "claims": [`, "{}, ", "{}]}\n"), open},
		{"YAML, empty mappings at the item budget", repeat("empty-maps16.yaml", "claimgraph: 1\nclaims: [", "{},             ", "{}]\n"), open},
		{"JSON, empty objects at the item budget", repeat("empty-maps16.json", `{"claimgraph": 1, "claims": [`, "{},             ", "{}]}\n"), open},
		{"JSON, one claim of many values", repeat("one-item.json", `{"claimgraph": 1, "claims": [{"id": "c", "text": "t", "about": [`, `"", `, `""]}]}`+"\n"), open},
		{"YAML, smallest claims", lines("min.yaml", minYAML), open},
		{"JSON, smallest claims", lines("min.json", minJSON, `{"id":"z","text":"t"}]}`), open},
		{"JSON Lines, smallest claims", lines("min.jsonl", minJSONL), open},
		{"N-Quads, smallest claims", lines("min.nq", minNQ), nquads},
		{"Turtle, smallest claims", lines("min.ttl", minTTL), turtle},
		{"Turtle, one object a name of 4 bytes", repeat("dense.ttl", "@prefix p: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\np:s p:p p:o", ",p:o", " .\n"), turtle},
		{"generated graph, YAML", generated("gen.yaml", size/450), open},
		{"generated graph, JSON", generated("gen.json", size/520), open},
		{"generated graph, JSON Lines", generated("gen.jsonl", size/420), open},
		{"triples (TSV), all distinct", lines("dense.tsv", func() string { i++; return fmt.Sprintf("s%d\to%d\tv%d\n", i%1000, i/3, i) }), triples},
		{"triples (TSV), shortest distinct", lines("short.tsv", func() string { k++; n := base62(k); return n + "\t" + n + "\t" + n + "\n" }), triples},
		{"AIF, one node and edge a line", lines("dense.aif.json", func() string {
			j++
			switch {
			case j == 1:
				return `{"nodes": [`
			case j < size/120:
				return fmt.Sprintf(`{"nodeID": "%d", "text": "claim %d", "type": "I"},`+"\n", j, j)
			case j == size/120:
				return `{"nodeID": "0", "text": "last", "type": "I"}], "edges": [`
			}
			return fmt.Sprintf(`{"edgeID": "e%d", "fromID": "%d", "toID": "%d"},`+"\n", j, j%(size/120-2)+2, (j+1)%(size/120-2)+2)
		}, `{"edgeID": "last", "fromID": "2", "toID": "3"}]}`), aif},
		// The most relations AIF makes from its bytes: one RA-node, a
		// premise a node and an edge, each a relation (a node of several
		// conclusions, which made one for each pair, is left out).
		{"AIF, one RA-node with a premise a line", lines("ra.aif.json", func() string {
			ra++
			half := size / 80 // node lines, then edge lines, fewer (wrapped if not)
			switch {
			case ra == 1:
				return `{"nodes": [{"nodeID": "ra", "type": "RA"}, {"nodeID": "c", "text": "c", "type": "I"},` + "\n"
			case ra < half:
				return fmt.Sprintf(`{"nodeID": "%d", "text": "c", "type": "I"},`+"\n", ra)
			case ra == half:
				return `{"nodeID": "0", "text": "c", "type": "I"}], "edges": [{"fromID": "ra", "toID": "c"},` + "\n"
			}
			return fmt.Sprintf(`{"fromID": "%d", "toID": "ra"},`+"\n", (ra-half-1)%(half-2)+2)
		}, `{"fromID": "0", "toID": "ra"}]}`), aif},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			msg, rss := childtest.Run(t, 16<<30, func() error { return c.read(c.path) })
			info, err := os.Stat(c.path)
			if err != nil {
				t.Fatal(err)
			}
			first, _, _ := strings.Cut(msg, "\n")
			t.Logf("| %s | %.1f MiB | %d MiB | %.1f× | %.80s", c.name, float64(info.Size())/(1<<20), rss>>20, float64(rss)/float64(info.Size()), first)
		})
	}
}

// TestBulkPeakMemory measures the peak resident memory of the JSON
// Lines reader by the shape of its items, in a child process, for the
// README's table of limits: n items of the smallest kinds (claims,
// entities, sources, relations between 4,096 claims), where memory
// goes with the items; n claims of 64 bytes about three entities, where
// it goes with both; and n × 64 bytes of lines of many appearances
// and of many entities a claim is about, where it goes with the bytes.
// It writes files of up to some 100 bytes an item and takes minutes, so
// it runs only when asked, with the number of items:
//
//	CLAIMGRAPH_BULK_PEAK=1048576 go test -run TestBulkPeakMemory -v ./graph
//
// At n = DefaultMaxItems the files are at the defaults.
func TestBulkPeakMemory(t *testing.T) {
	n := 0
	fmt.Sscan(os.Getenv("CLAIMGRAPH_BULK_PEAK"), &n)
	if n <= 0 {
		t.Skip("set CLAIMGRAPH_BULK_PEAK to the number of items to measure")
	}
	dir := filepath.Join(os.TempDir(), "claimgraph-bulk-peak")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	// write writes the header, then line(i) for i in [0, n).
	write := func(name string, n int, line func(i int) string) string {
		path := filepath.Join(dir, name)
		if childtest.Child(t) {
			return path
		}
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		w := bufio.NewWriter(f)
		w.WriteString("{\"claimgraph\":1}\n")
		for i := range n {
			w.WriteString(line(i))
		}
		if err := errors.Join(w.Flush(), f.Close()); err != nil {
			t.Fatal(err)
		}
		return path
	}
	const k = 4096 // claims between which the relations run
	// Lines of many values fill n × 64 bytes, the ratio of the defaults
	// (DefaultMaxBulkBytes / DefaultMaxItems).
	long := func(size int) int { return n * 64 / size }
	many := func(item string, m int) string { return strings.TrimSuffix(strings.Repeat(item+",", m), ",") }
	var about strings.Builder
	for j := range 400 {
		if j > 0 {
			about.WriteByte(',')
		}
		fmt.Fprintf(&about, "\"%c%c\"", 'a'+j/26, 'a'+j%26)
	}
	cases := []struct {
		name string
		path func() string
	}{
		{"smallest claims", func() string {
			return write("claims.jsonl", n, func(i int) string { return fmt.Sprintf("{\"claim\":{\"id\":\"c%d\",\"text\":\"t\"}}\n", i) })
		}},
		{"smallest entities", func() string {
			return write("entities.jsonl", n, func(i int) string {
				return fmt.Sprintf("{\"entity\":{\"id\":\"e%d\",\"name\":\"n\",\"kind\":\"person\"}}\n", i)
			})
		}},
		{"smallest sources", func() string {
			return write("sources.jsonl", n, func(i int) string { return fmt.Sprintf("{\"source\":{\"id\":\"s%d\",\"kind\":\"video\"}}\n", i) })
		}},
		{"relations between 4,096 claims", func() string {
			return write("relations.jsonl", n, func(i int) string {
				if i < k {
					return fmt.Sprintf("{\"claim\":{\"id\":\"c%d\",\"text\":\"t\"}}\n", i)
				}
				return fmt.Sprintf("{\"relation\":{\"from\":\"c%d\",\"to\":\"c%d\",\"kind\":\"supports\"}}\n", i%k, (i/k+i)%k)
			})
		}},
		{"claims of 64 bytes about 3 entities", func() string {
			return write("mixed.jsonl", n, func(i int) string {
				if i < 3 {
					return fmt.Sprintf("{\"entity\":{\"id\":\"e%d\",\"name\":\"n\",\"kind\":\"person\"}}\n", i)
				}
				return fmt.Sprintf("{\"claim\":{\"id\":\"c%07d\",\"text\":\"t\",\"about\":[\"e0\",\"e1\",\"e2\"]}}\n", i)
			})
		}},
		{"claims of 100 appearances, n × 64 bytes", func() string {
			return write("appearances.jsonl", long(1540), func(i int) string {
				if i == 0 {
					return "{\"source\":{\"id\":\"s\",\"kind\":\"video\"}}\n"
				}
				return fmt.Sprintf("{\"claim\":{\"id\":\"c%d\",\"text\":\"t\",\"appearances\":[%s]}}\n", i, many(`{"source":"s"}`, 100))
			})
		}},
		{"claims about 400 entities, n × 64 bytes", func() string {
			return write("about.jsonl", long(2040), func(i int) string {
				if i < 400 {
					return fmt.Sprintf("{\"entity\":{\"id\":\"%c%c\",\"name\":\"n\",\"kind\":\"person\"}}\n", 'a'+i/26, 'a'+i%26)
				}
				return fmt.Sprintf("{\"claim\":{\"id\":\"c%d\",\"text\":\"t\",\"about\":[%s]}}\n", i, about.String())
			})
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := c.path()
			defer func() {
				if !childtest.Child(t) {
					os.Remove(path)
				}
			}()
			msg, rss := childtest.Run(t, 32<<30, func() error {
				_, err := graph.ReadOptions{MaxBytes: 1 << 40, MaxItems: 1 << 30}.Open(path)
				return err
			})
			info, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			first, _, _ := strings.Cut(msg, "\n")
			t.Logf("| %s | %.1f MiB | %d MiB | %.1f× | %.80s", c.name, float64(info.Size())/(1<<20), rss>>20,
				float64(rss)/float64(info.Size()), first)
		})
	}
}

// base62 writes n in base 62 (0-9, a-z, A-Z): the shortest distinct
// names a triples file can hold.
func base62(n int) string {
	const digits = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	b := []byte{digits[n%62]}
	for n /= 62; n > 0; n /= 62 {
		b = append(b, digits[n%62])
	}
	return string(b)
}
