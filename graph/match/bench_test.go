package match_test

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

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
	t.Logf("%d claims, %d planted pairs: %+v; %d suggestions; recall %.3f as same, %.3f as either kind", n, len(planted), st, len(got), same, any)
	if same < 0.8 {
		t.Errorf("recall of planted paraphrases %.3f, want ≥ 0.8", same)
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
