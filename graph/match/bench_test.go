package match_test

import (
	"fmt"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph/match"
)

// plantedRecall returns the share of planted pairs suggested as the same
// claim, and as a suggestion of either kind.
func plantedRecall(got []match.Suggestion, planted [][2]int) (same, any float64) {
	kinds := make(map[[2]string]match.Kind, len(got))
	for _, s := range got {
		kinds[[2]string{s.A, s.B}] = s.Kind
	}
	var ns, na int
	for _, p := range planted {
		k, ok := kinds[[2]string{fmt.Sprintf("g%07d", p[0]), fmt.Sprintf("g%07d", p[1])}]
		if ok {
			na++
		}
		if k == match.Same {
			ns++
		}
	}
	return float64(ns) / float64(len(planted)), float64(na) / float64(len(planted))
}

// joinedRecall returns the share of planted pairs whose two claims the
// suggestions of the same claim join, directly or through other claims
// (a ~ x and x ~ b): the pairs a desk that accepts every suggestion
// merges into one claim. Copies of one wording are paired with the
// first claim so worded, so a paraphrase of a copy is often suggested
// beside that first claim rather than beside the copy itself.
func joinedRecall(got []match.Suggestion, planted [][2]int) float64 {
	parent := map[string]string{}
	var find func(string) string
	find = func(x string) string {
		p, ok := parent[x]
		if !ok || p == x {
			return x
		}
		r := find(p)
		parent[x] = r
		return r
	}
	for _, s := range got {
		if s.Kind == match.Same {
			if a, b := find(s.A), find(s.B); a != b {
				parent[a] = b
			}
		}
	}
	n := 0
	for _, p := range planted {
		if find(fmt.Sprintf("g%07d", p[0])) == find(fmt.Sprintf("g%07d", p[1])) {
			n++
		}
	}
	return float64(n) / float64(len(planted))
}

// TestPlantedRecall checks on generated claims that the hashing and the
// default scorer find planted paraphrases.
func TestPlantedRecall(t *testing.T) {
	n := 20_000
	if testing.Short() {
		n = 5_000
	}
	cs, planted := generate(n, 1)
	got, st := match.FindClaims(cs, match.Options{})
	same, any := plantedRecall(got, planted)
	joined := joinedRecall(got, planted)
	t.Logf("%d claims, %d planted pairs: %+v; %d suggestions; recall %.3f as same, %.3f as either kind, %.3f joined", n, len(planted), st, len(got), same, any, joined)
	if same < 0.8 {
		t.Errorf("recall of planted paraphrases %.3f, want ≥ 0.8", same)
	}
	// Copies are paired with the first claim so worded, so that a
	// planted pair missed directly is mostly joined through that claim.
	if joined < 0.95 {
		t.Errorf("recall of planted paraphrases joined through suggestions %.3f, want ≥ 0.95", joined)
	}
}

// BenchmarkFind runs FindClaims on generated claims: 10,000 by default;
// set MATCH_BENCH_N (say to 1000000) for another size, which is how the
// README's 1M figures were measured, once.
func BenchmarkFind(b *testing.B) {
	n := 10_000
	if s := os.Getenv("MATCH_BENCH_N"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil {
			b.Fatal(err)
		}
		n = v
	}
	cs, planted := generate(n, 1)
	b.Run(fmt.Sprintf("claims=%d", n), func(b *testing.B) {
		b.ReportAllocs()
		var got []match.Suggestion
		var st match.Stats
		for b.Loop() {
			got, st = match.FindClaims(cs, match.Options{})
		}
		same, any := plantedRecall(got, planted)
		b.ReportMetric(same, "recall-same")
		b.ReportMetric(any, "recall-any")
		b.ReportMetric(joinedRecall(got, planted), "recall-joined")
		b.ReportMetric(float64(st.Candidates)/float64(n), "candidates/claim")
		b.ReportMetric(float64(len(got)), "suggestions")
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		b.ReportMetric(float64(ms.Sys)/(1<<20), "sys-MiB")
	})
}

// slow is the default scorer behind another type, so that FindClaims
// takes the general path: every pair scored exactly and explained.
type slow struct{ match.Lexical }

// TestFastPathAgrees checks that the default scorer's shortcuts (a bound
// that skips letter comparison, reasons only above the threshold) change
// no suggestion.
func TestFastPathAgrees(t *testing.T) {
	cs, _ := generate(3000, 2)
	fast, _ := match.FindClaims(cs, match.Options{})
	exact, _ := match.FindClaims(cs, match.Options{Scorer: slow{}})
	if len(fast) == 0 {
		t.Fatal("no suggestions to compare")
	}
	if diff := cmp.Diff(exact, fast, cmpopts.IgnoreUnexported(match.Suggestion{})); diff != "" {
		t.Errorf("suggestions differ (-exact +fast):\n%s", diff)
	}
}

// longText is a wording of n sentences, each naming two people and a
// number, with the names of the first sentence traded when swap is set.
func longText(n int, swap bool) string {
	var b strings.Builder
	for i := range n {
		x, y := fmt.Sprintf("Name%d", i), fmt.Sprintf("Other%d", i)
		if swap && i == 0 {
			x, y = y, x
		}
		fmt.Fprintf(&b, "%s asked %s about plan%d in %d. ", x, y, i, 1000+i)
	}
	return b.String()
}

// TestLongTextSwapped checks on long wordings what a short pair shows:
// the same names in another order lower the score, with the reason.
func TestLongTextSwapped(t *testing.T) {
	cs := []claims.Claim{{ID: "a", Text: longText(500, false)}, {ID: "b", Text: longText(500, true)}}
	got, _ := match.FindClaims(cs, match.Options{Threshold: 0.01})
	if len(got) != 1 || !slices.ContainsFunc(got[0].Reasons, func(r string) bool { return strings.Contains(r, "another order") }) {
		t.Fatalf("suggestions %+v, want a ~ b with names in another order", got)
	}
}

// BenchmarkLongText scores two long wordings of many names and numbers,
// a claim pasted as a whole article: the cost grows with their length,
// not its square (it did, through the names and numbers compared each
// with each).
func BenchmarkLongText(b *testing.B) {
	for _, n := range []int{1000, 4000} {
		cs := []claims.Claim{{ID: "a", Text: longText(n, false)}, {ID: "b", Text: longText(n, true)}}
		b.Run(fmt.Sprintf("sentences=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				match.FindClaims(cs, match.Options{})
			}
		})
	}
}
