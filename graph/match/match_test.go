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
// one word, which is then common, once panicked in signatureWords.
func TestFindOneCommonWord(t *testing.T) {
	cs := make([]claims.Claim, 101)
	for i := range cs {
		cs[i] = claims.Claim{ID: fmt.Sprintf("c%d", i), Text: "Kremlin"}
	}
	cs = append(cs, claims.Claim{ID: "two", Text: "Kremlin Pyongyang"})
	got, st := match.FindClaims(cs, match.Options{MaxBucket: 200})
	if pairs := 101 * 100 / 2; st.Candidates < pairs {
		t.Errorf("%d candidates, want the %d pairs of the one-word claims at least", st.Candidates, pairs)
	}
	if len(got) == 0 {
		t.Errorf("no suggestion among %d claims of one wording", len(cs))
	}
}
