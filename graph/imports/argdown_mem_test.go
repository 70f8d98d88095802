package imports

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"
)

// argdownDoc returns an Argdown JSON export of n statements, each about
// k tags of n (each tag at least once), two of them written in its text;
// n/2 arguments, one in two with a premise-conclusion structure and the
// others a gist with tags; a support between statements for each
// statement and an attack from each gist.
func argdownDoc(n, k int) []byte {
	tag := func(i int) string { return fmt.Sprintf("topic %d", i%n) }
	statements := map[string]argdownStatement{}
	for i := range n {
		ts := make([]string, k)
		for j := range ts {
			ts[j] = tag(i + j*7919)
		}
		text := fmt.Sprintf("Statement %d says #(%s) met the others. #(%s)", i, ts[0], ts[k-1])
		statements[fmt.Sprintf("S%d", i)] = argdownStatement{Members: []argdownMember{{Text: text, Tags: ts}}, Tags: ts}
	}
	arguments := map[string]argdownArgument{}
	var rels []argdownRelation
	for i := range n / 2 {
		title := fmt.Sprintf("A%d", i)
		if i%2 == 0 {
			arguments[title] = argdownArgument{PCS: []argdownPCS{{fmt.Sprintf("S%d", i), "premise"}, {fmt.Sprintf("S%d", i+1), "premise"}, {fmt.Sprintf("S%d", i+2), "main-conclusion"}}}
			continue
		}
		ts := []string{tag(i), tag(i + 1)}
		arguments[title] = argdownArgument{Members: []argdownMember{{Text: fmt.Sprintf("Gist %d. #(%s)", i, ts[0]), Tags: ts}}, Tags: ts}
		rels = append(rels, argdownRelation{RelationType: "attack", From: title, FromType: "argument", To: fmt.Sprintf("S%d", n-1-i), ToType: "statement"})
	}
	for i := range n {
		rels = append(rels, argdownRelation{RelationType: "support", From: fmt.Sprintf("S%d", i), FromType: "statement", To: fmt.Sprintf("S%d", (i+n/2+1)%n), ToType: "statement"})
	}
	data, err := json.Marshal(map[string]any{"statements": statements, "arguments": arguments, "relations": rels})
	if err != nil {
		panic(err)
	}
	return data
}

// BenchmarkArgdown reads Argdown exports of 10,000 and 40,000
// statements, 3 tags each (see argdownDoc).
func BenchmarkArgdown(b *testing.B) {
	for _, n := range []int{10000, 40000} {
		doc := argdownDoc(n, 3)
		b.Run(fmt.Sprintf("statements=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ReadArgdown(bytes.NewReader(doc), "x.json"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
