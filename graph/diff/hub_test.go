package diff_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph/diff"
)

// hubYAML is a claim h and n claims of their own sources related to it,
// rel(i) giving the relation of claim i, in the order order gives.
func hubYAML(n int, rel func(i int) string, order func(i, n int) int) string {
	var b strings.Builder
	b.WriteString("claimgraph: 1\nsources:\n")
	for i := range n + 1 {
		fmt.Fprintf(&b, "  - {id: s%d, kind: news-article}\n", i)
	}
	fmt.Fprintf(&b, "claims:\n  - {id: h, text: H., appearances: [{source: s%d}]}\n", n)
	for i := range n {
		fmt.Fprintf(&b, "  - {id: c%d, text: C%d., appearances: [{source: s%d}]}\n", i, i, i)
	}
	b.WriteString("relations:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - %s\n", rel(order(i, n)))
	}
	return b.String()
}

func inOrder(i, n int) int  { return i }
func reversed(i, n int) int { return n - 1 - i }

// hubCase is a pair of hub files of n claims each and a check of
// their report.
type hubCase struct {
	name     string
	old, new func(n int) string
	check    func(t testing.TB, n int, r *diff.Report)
	n        int // the size the test runs (a fifth under -short); the benchmark runs n and 3n
}

// hubCases are the hub files of TestHubChanges and TestHubReordered.
func hubCases() []hubCase {
	to := func(kind string) func(i int) string {
		return func(i int) string { return fmt.Sprintf("{from: c%d, to: h, kind: %s}", i, kind) }
	}
	cases := []hubCase{{"changes",
		func(n int) string { return hubYAML(n, to("supports"), inOrder) },
		func(n int) string { return hubYAML(n, to("contradicts"), inOrder) },
		func(t testing.TB, n int, r *diff.Report) {
			if len(r.Removed) != n || len(r.Added) != n {
				t.Fatalf("%d removed, %d added, want %d each", len(r.Removed), len(r.Added), n)
			}
		}, 5000}}
	for _, kind := range []string{"supports", "contradicts"} {
		from := func(i int) string { return fmt.Sprintf("{from: h, to: c%d, kind: %s}", i, kind) }
		cases = append(cases, hubCase{"reordered " + kind,
			func(n int) string { return hubYAML(n, from, inOrder) },
			func(n int) string { return hubYAML(n, from, reversed) },
			func(t testing.TB, n int, r *diff.Report) {
				if len(r.Verdicts)+len(r.Added)+len(r.Removed)+len(r.Changed) != 0 {
					t.Fatalf("a reordered file differs: %+v", r)
				}
			}, 2000})
	}
	return cases
}

// size is the size the tests run tc at: tc.n, a fifth of it under -short
// (the quadratic cost they guard against shows at tc.n, not the answers
// they check).
func (tc hubCase) size() int {
	if testing.Short() {
		return tc.n / 5
	}
	return tc.n
}

// compare returns the report of tc's files at size n.
func (tc hubCase) compare(tb testing.TB, n int) *diff.Report {
	r, err := diff.Compare(readYAML(tb, tc.old(n)), readYAML(tb, tc.new(n)), diff.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

// TestHubChanges: when every relation of a hub changes, each claim
// around it took the hub's changes as causes, passing over all of them
// (its relations' changes, which it leaves out) for each claim: n² (15 s
// for 20,000 supports turned contradictions; BenchmarkHub).
func TestHubChanges(t *testing.T) {
	tc := hubCases()[0]
	tc.check(t, tc.size(), tc.compare(t, tc.size()))
}

// TestHubReordered: a hub's relations in another order (h supports c0,
// …, c(n-1), then the other way round) are no change, but each was
// looked up among all of the hub's relations in the other graph: n², 10
// s for 5,000 and 8 minutes for 20,000 (BenchmarkHub).
func TestHubReordered(t *testing.T) {
	for _, tc := range hubCases()[1:] {
		t.Run(tc.name, func(t *testing.T) { tc.check(t, tc.size(), tc.compare(t, tc.size())) })
	}
}

// BenchmarkHub compares the files of TestHubChanges and TestHubReordered
// at n and 3n: three times n takes about three times as long, where it
// took 9 times or more before the changes were listed by claim and a
// hub's relations looked up in a set.
func BenchmarkHub(b *testing.B) {
	for _, tc := range hubCases() {
		for _, n := range []int{tc.n, 3 * tc.n} {
			b.Run(fmt.Sprintf("%s/n=%d", tc.name, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					b.StopTimer()
					old, nw := readYAML(b, tc.old(n)), readYAML(b, tc.new(n))
					b.StartTimer()
					r, err := diff.Compare(old, nw, diff.Options{})
					if err != nil {
						b.Fatal(err)
					}
					b.StopTimer()
					tc.check(b, n, r)
					b.StartTimer()
				}
			})
		}
	}
}
