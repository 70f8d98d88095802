package match_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/match"
)

const seedPath = "../../testdata/kim-putin.yaml"

func TestSeedSuggestions(t *testing.T) {
	g, err := graph.Load(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	got, st := match.Find(g.View, match.Options{Top: 10})
	if testing.Verbose() {
		t.Logf("%+v", st)
		for _, s := range got {
			t.Logf("%.2f %s %s %s %q", s.Score, s.Kind, s.A, s.B, s.Reasons)
		}
	}
	i := slices.IndexFunc(got, func(s match.Suggestion) bool {
		return s.A == "china-only-defence-pact" && s.B == "dprk-only-china-defence-pact"
	})
	if i < 0 || i >= 5 {
		t.Fatalf("the two only-pact claims are not among the top 5 suggestions: at %d of %v", i, ids(got))
	}
	if len(got[i].Reasons) < 2 {
		t.Errorf("suggestion %+v gives fewer than two reasons", got[i])
	}

	// Once a person records that they are distinct, the pair is not
	// suggested again.
	if err := g.Apply(match.Decide([]match.Decision{{A: "dprk-only-china-defence-pact", B: "china-only-defence-pact", Kind: claims.DistinctFrom, By: "desk"}})); err != nil {
		t.Fatal(err)
	}
	again, st2 := match.Find(g.View, match.Options{})
	for _, s := range again {
		if s.A == "china-only-defence-pact" && s.B == "dprk-only-china-defence-pact" {
			t.Fatalf("pair suggested again after distinct_from: %+v", s)
		}
	}
	if st2.Decided <= st.Decided {
		t.Errorf("decided candidates %d after the decision, %d before: want more", st2.Decided, st.Decided)
	}
}

func ids(ss []match.Suggestion) []string {
	var out []string
	for _, s := range ss {
		out = append(out, fmt.Sprintf("%s~%s", s.A, s.B))
	}
	return out
}

// TestCJKNoSpaces: Chinese, Japanese and Korean wordings have no spaces
// between words, so each was one long "word" and similar found nothing.
// Character bigrams find two paraphrases in Chinese and two in Korean,
// and neither pairs with an unrelated claim in its language.
func TestCJKNoSpaces(t *testing.T) {
	cs := []claims.Claim{
		{ID: "zh-a", Text: "金正恩在北京与普京会面。"},           // Kim Jong Un met Putin in Beijing.
		{ID: "zh-b", Text: "普京和金正恩在北京会面了。"},          // Putin and Kim Jong Un met in Beijing.
		{ID: "zh-other", Text: "日本央行今天宣布上调利率。"},      // The Bank of Japan raised rates today.
		{ID: "ko-a", Text: "김정은은 베이징에서 푸틴과 만났다."},    // Kim Jong Un met Putin in Beijing.
		{ID: "ko-b", Text: "푸틴과 김정은이 베이징에서 만났다."},    // Putin and Kim Jong Un met in Beijing.
		{ID: "ko-other", Text: "일본은행이 오늘 금리를 인상했다."}, // The Bank of Japan raised rates today.
	}
	got, _ := match.FindClaims(cs, match.Options{})
	pairs := map[string]match.Kind{}
	for _, s := range got {
		pairs[s.A+"~"+s.B] = s.Kind
	}
	for _, want := range []string{"zh-a~zh-b", "ko-a~ko-b"} {
		if k, ok := pairs[want]; !ok || k != match.Same {
			t.Errorf("%s: not suggested as one claim; suggestions %v", want, ids(got))
		}
	}
	for p := range pairs {
		if strings.Contains(p, "other") {
			t.Errorf("unrelated pair %s suggested", p)
		}
	}
}

// TestFindOneCommonWord is the red team's repro: over 100 claims made of
// one word, which is then common, once panicked in signatureWords. The
// copies of one wording are paired with the first (TestDuplicateWordings),
// so the word is made common by 101 wordings that pair it with another.
func TestFindOneCommonWord(t *testing.T) {
	cs := make([]claims.Claim, 0, 203)
	for i := range 101 {
		cs = append(cs, claims.Claim{ID: fmt.Sprintf("c%d", i), Text: "Kremlin"})
	}
	for i := range 101 {
		cs = append(cs, claims.Claim{ID: fmt.Sprintf("d%d", i), Text: fmt.Sprintf("Kremlin x%dy", i)})
	}
	cs = append(cs, claims.Claim{ID: "two", Text: "Kremlin Pyongyang"})
	got, st := match.FindClaims(cs, match.Options{MaxBucket: 200})
	if st.Duplicates != 100 || st.Candidates < 100 {
		t.Errorf("%d duplicates, %d candidates; want 100 and the 100 pairs of the one-word claims at least", st.Duplicates, st.Candidates)
	}
	if len(got) < 100 {
		t.Errorf("%d suggestions among %d claims, 101 of one wording", len(got), len(cs))
	}
}

// TestDuplicateWordings: more copies of one wording than a bucket holds
// (one viral claim imported many times) were all skipped, with nothing
// suggested (red team 8, finding 5). Each copy is now suggested against
// the first, n − 1 pairs rather than n(n − 1)/2, and nothing is skipped;
// a near copy (other case and punctuation) joins the group.
func TestDuplicateWordings(t *testing.T) {
	const n = 120
	cs := make([]claims.Claim, n)
	for i := range cs {
		text := "Kim Jong Un's staff wiped the chair in Beijing after the talks."
		if i%2 == 1 {
			text = "kim jong un's staff wiped the chair in beijing after the talks"
		}
		cs[i] = claims.Claim{ID: fmt.Sprintf("c%d", i), Text: text}
	}
	got, st := match.FindClaims(cs, match.Options{})
	if len(got) != n-1 || st.Skipped != 0 || st.Duplicates != n-1 {
		t.Fatalf("%d suggestions, %d buckets skipped, %d duplicates; want %d, 0, %d", len(got), st.Skipped, st.Duplicates, n-1, n-1)
	}
	seen := map[string]bool{}
	for _, s := range got {
		if s.A != "c0" || s.Kind != match.Same || seen[s.B] {
			t.Fatalf("suggestion %s ~ %s (%s): want each copy once against c0, as the same claim", s.A, s.B, s.Kind)
		}
		seen[s.B] = true
	}
}

// TestSkippedBuckets: wordings that share most of their words, each with
// one of its own, fill the buckets of the bands where their shared words
// win; those buckets are skipped and counted.
func TestSkippedBuckets(t *testing.T) {
	cs := make([]claims.Claim, 100)
	for i := range cs {
		cs[i] = claims.Claim{ID: fmt.Sprintf("c%d", i), Text: fmt.Sprintf("Alpha bravo charlie delta echo foxtrot word%dx.", i)}
	}
	_, st := match.FindClaims(cs, match.Options{})
	if st.Skipped == 0 || st.Duplicates != 0 {
		t.Errorf("%d buckets skipped, %d duplicates; want some skipped and none duplicate", st.Skipped, st.Duplicates)
	}
}
