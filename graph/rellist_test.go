package graph

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unsafe"
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

// TestDecodeJSONLRelations checks that DecodeJSONL returns every
// relation whole, in file order, plain lines (kept compact while read)
// and others alike, each group of relations from one claim sharing one
// string for it (IDs of more than one byte: the runtime shares those of
// one byte anyway).
func TestDecodeJSONLRelations(t *testing.T) {
	in := `{"claimgraph":1}
{"relation":{"from":"claim-a","to":"claim-b","kind":"supports"}}
{"relation":{"from":"claim-a","to":"claim-c","kind":"contradicts"}}
{"relation":{"from":"claim-a","to":"claim-d","kind":"supports","note":"n"}}
{"relation":{"from":"claim-a","to":"claim-e","kind":"same_as"}}
{"relation":{"from":"claim-a","to":"claim-f","kind":"supports"}}
{"relation":{"to":"claim-a","from":"claim-b","kind":"distinct_from"}}
{"relation":{"from":"claim-c","to":"claim-a","kind":"supports"}}
`
	b, err := ReadOptions{}.DecodeJSONL(strings.NewReader(in), "r.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range b.Relations {
		got = append(got, fmt.Sprintf("%s %s %s %q", r.From, r.Kind, r.To, r.Note))
	}
	want := []string{`claim-a supports claim-b ""`, `claim-a contradicts claim-c ""`, `claim-a supports claim-d "n"`, `claim-a same_as claim-e ""`, `claim-a supports claim-f ""`,
		`claim-b distinct_from claim-a ""`, `claim-c supports claim-a ""`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("relations:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(b.Relations) == len(want) {
		if unsafe.StringData(b.Relations[0].From) != unsafe.StringData(b.Relations[1].From) ||
			unsafe.StringData(b.Relations[3].From) != unsafe.StringData(b.Relations[4].From) {
			t.Errorf("a group of plain relations from one claim does not share its string")
		}
	}
}
