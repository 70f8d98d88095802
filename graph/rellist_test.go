package graph

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestBulkRelations checks that relations kept compact by a bulk read
// (bulkRel), and resolved from the input's bytes, give what the general
// way gives: the same problems, at the same positions with the same IDs,
// in the same order, or the same graph. The files mix plain relation
// lines and others (a note, keys in another order), and name unknown
// IDs, an entity, an empty or invalid ID, a claim twice, a claim and
// its own alias, and the same pair again.
func TestBulkRelations(t *testing.T) {
	ids := []string{"c0", "c1", "c2", "c3", "c4", "c5", "m5", "e0", "", "zz", "a b", "s0"}
	kinds := []string{"supports", "contradicts", "same_as", "distinct_from"}
	read := func(data []byte, plain bool) string {
		o := ReadOptions{MaxBytes: DefaultMaxBulkBytes, MaxNodes: DefaultMaxLineNodes}.withDefaults()
		o.MaxErrors = 2 * maxBulkProblems
		br := newBulkReader("r.jsonl", data, o)
		br.fast = plain
		b := br.read()
		br.d.relocate = br.locate
		br.d.rels = br.relations(&b)
		g, err := br.d.build(b)
		if err != nil {
			return err.Error()
		}
		var out bytes.Buffer
		if err := g.WriteJSONL(&out); err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
	valid, failed := 0, 0
	for seed := range 200 {
		r := rand.New(rand.NewPCG(uint64(seed), 7))
		var in strings.Builder
		in.WriteString(`{"claimgraph":1}` + "\n")
		in.WriteString(`{"entity":{"id":"e0","name":"E","kind":"person"}}` + "\n")
		in.WriteString(`{"source":{"id":"s0","kind":"video"}}` + "\n")
		for i := range 6 {
			merged := ""
			if i == 5 {
				merged = `,"merged":["m5"]`
			}
			fmt.Fprintf(&in, `{"claim":{"id":"c%d","text":"Claim %d.","appearances":[{"source":"s0"}]%s}}`+"\n", i, i, merged)
		}
		for range 1 + r.IntN(8) {
			from, to, kind := ids[r.IntN(len(ids))], ids[r.IntN(len(ids))], kinds[r.IntN(len(kinds))]
			if seed%2 == 0 { // half the files with valid ends only
				from, to = ids[r.IntN(6)], ids[r.IntN(6)]
			}
			switch r.IntN(6) {
			case 0:
				fmt.Fprintf(&in, `{"relation":{"from":%q,"to":%q,"kind":%q,"note":"n"}}`+"\n", from, to, kind)
			case 1:
				fmt.Fprintf(&in, `{"relation":{"to":%q,"from":%q,"kind":%q}}`+"\n", to, from, kind)
			default:
				fmt.Fprintf(&in, `{"relation":{"from":%q,"to":%q,"kind":%q}}`+"\n", from, to, kind)
			}
		}
		data := []byte(in.String())
		general, compact := read(bytes.Clone(data), false), read(data, true)
		if general != compact {
			t.Errorf("seed %d: the general way and the compact one differ:\n%s\n----\n%s\n----\n%s", seed, data, general, compact)
		}
		if strings.HasPrefix(general, `{"claimgraph":1}`) {
			valid++
		} else {
			failed++
		}
	}
	if valid < 20 || failed < 20 {
		t.Errorf("%d valid files and %d with problems: want both kinds tested", valid, failed)
	}
}
