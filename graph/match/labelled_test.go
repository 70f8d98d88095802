package match_test

import (
	"fmt"
	"os"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph/match"
)

// pair is one hand-labelled pair of testdata/pairs.yaml.
type pair struct {
	A, B string
	Same bool
	Why  string
}

func loadPairs(t testing.TB) []pair { return readPairs(t, "testdata/pairs.yaml") }

func readPairs(t testing.TB, path string) []pair {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var ps []pair
	if err := yaml.Unmarshal(data, &ps); err != nil {
		t.Fatal(err)
	}
	return ps
}

// measure runs FindClaims over every wording of the labelled pairs, each
// a claim of its own, and counts a pair as predicted the same when a Same
// suggestion joins its two claims: the hashing that picks candidates is
// measured along with the scorer.
func measure(t testing.TB, ps []pair, threshold float64) (precision, recall float64, wrong []string) {
	var cs []claims.Claim
	for i, p := range ps {
		cs = append(cs, claims.Claim{ID: fmt.Sprintf("p%d-a", i), Text: p.A}, claims.Claim{ID: fmt.Sprintf("p%d-b", i), Text: p.B})
	}
	got, _ := match.FindClaims(cs, match.Options{Threshold: threshold})
	same := map[[2]string]match.Suggestion{}
	for _, s := range got {
		if s.Kind == match.Same {
			same[[2]string{s.A, s.B}] = s
		}
	}
	var tp, fp, fn int
	for i, p := range ps {
		s, predicted := same[[2]string{fmt.Sprintf("p%d-a", i), fmt.Sprintf("p%d-b", i)}]
		switch {
		case predicted && p.Same:
			tp++
		case predicted:
			fp++
			wrong = append(wrong, fmt.Sprintf("false positive %.2f %q ~ %q (%s)", s.Score, p.A, p.B, p.Why))
		case p.Same:
			fn++
			wrong = append(wrong, fmt.Sprintf("missed %q ~ %q (%s)", p.A, p.B, p.Why))
		}
	}
	return float64(tp) / float64(max(tp+fp, 1)), float64(tp) / float64(max(tp+fn, 1)), wrong
}

// TestLabelledPairs asserts the target: precision at least 0.9 at recall
// at least 0.6 at the default threshold.
func TestLabelledPairs(t *testing.T) {
	ps := loadPairs(t)
	if len(ps) < 100 {
		t.Fatalf("%d labelled pairs, want at least 100", len(ps))
	}
	p, r, wrong := measure(t, ps, 0)
	t.Logf("%d pairs at threshold %.2f: precision %.3f, recall %.3f", len(ps), match.DefaultThreshold, p, r)
	if testing.Verbose() {
		for _, w := range wrong {
			t.Log(w)
		}
	}
	if p < 0.9 || r < 0.6 {
		t.Errorf("precision %.3f, recall %.3f: want precision ≥ 0.9 at recall ≥ 0.6", p, r)
	}
}

// TestHeldOutPairs measures the pairs of testdata/heldout.yaml, written
// after the scorer and threshold were fixed: the estimate not fitted to
// its own data.
func TestHeldOutPairs(t *testing.T) {
	ps := readPairs(t, "testdata/heldout.yaml")
	p, r, wrong := measure(t, ps, 0)
	t.Logf("%d held-out pairs at threshold %.2f: precision %.3f, recall %.3f", len(ps), match.DefaultThreshold, p, r)
	if testing.Verbose() {
		for _, w := range wrong {
			t.Log(w)
		}
	}
}

func TestSweep(t *testing.T) {
	if os.Getenv("MATCH_SWEEP") == "" {
		t.Skip("set MATCH_SWEEP=1 to print precision and recall by threshold")
	}
	ps := loadPairs(t)
	for th := 0.30; th < 0.8; th += 0.02 {
		p, r, _ := measure(t, ps, th)
		t.Logf("threshold %.2f: precision %.3f recall %.3f", th, p, r)
	}
}
