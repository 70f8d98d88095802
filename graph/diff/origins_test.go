package diff_test

import (
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph/diff"
	"github.com/claimgraph/claimgraph/graph/verdict"
)

// TestOriginsOwnAndLent: the count of independent origins a reason
// gives is own plus lent, as the rating weighs it
// (verdict.Verdict.Independent), and the reason says which are which;
// it called lent origins "independent origins" without a word. p has
// one origin of its own (s1); q, from s2, comes to support it and lends
// it s2.
func TestOriginsOwnAndLent(t *testing.T) {
	const before = `claimgraph: 1
sources:
  - {id: s1, kind: news-article}
  - {id: s2, kind: news-article}
claims:
  - {id: p, text: P., appearances: [{source: s1}]}
  - {id: q, text: Q., appearances: [{source: s2}]}
`
	old, new := readYAML(t, before), readYAML(t, before+"relations:\n  - {from: q, to: p, kind: supports}\n")
	r, err := diff.Compare(old, new, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := verdict.Compute(new.Snapshot(), verdict.Options{})
	if err != nil {
		t.Fatal(err)
	}
	v, _ := res.Verdict("p")
	p := verdictOf(r, "p")
	if p == nil {
		t.Fatalf("p not listed: %+v", r.Verdicts)
	}
	if p.New.Origins != v.Independent() || p.New.Lent != v.Lent || p.Old.Lent != 0 {
		t.Errorf("p's states %+v → %+v; want %d origins, %d lent, as its verdict", p.Old, p.New, v.Independent(), v.Lent)
	}
	if want := "; independent origins 1 (1 own) → 2 (1 own, 1 lent)"; !strings.HasSuffix(p.Reason, want) {
		t.Errorf("reason %q\nwant it to end %q", p.Reason, want)
	}
}
