package diff_test

import (
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph/diff"
)

// TestAliasMoved: b, merged into a in the old file, is merged into c in
// the new one (§ moved), or merged into nothing (§ dropped), while a
// stays: look-ups by b gave a's verdict and now give c's, or none, and
// the diff said "0 verdicts changed" with exit status 0, b in no list.
// The change is a verdict change of b, from a's old verdict to c's new
// one, and b is listed as merged into c. An alias that follows its claim
// (a merged into c, b with it) is no change of its own.
func TestAliasMoved(t *testing.T) {
	const old = `claimgraph: 1
sources:
  - {id: s1, kind: news-article}
  - {id: s2, kind: news-article}
  - {id: s3, kind: news-article}
claims:
  - {id: a, text: A., appearances: [{source: s1}], merged: [b]}
  - {id: c, text: C., appearances: [{source: s2}]}
  - {id: d, text: D., appearances: [{source: s3}]}
relations:
  - {from: d, to: c, kind: contradicts}
`
	for _, tt := range []struct {
		name, new, reason string
		merged            []diff.Merge
	}{
		{"moved", strings.NewReplacer("}], merged: [b]}", "}]}", "{source: s2}]}", "{source: s2}], merged: [b]}").Replace(old),
			"b: merged into a (accepted) → merged into c (undecided): b moved from a to c", []diff.Merge{{Kind: "claim", From: "b", Into: "c"}}},
		{"dropped", strings.Replace(old, "}], merged: [b]}", "}]}", 1),
			"b: merged into a (accepted) → absent: b no longer merged into a", nil},
		{"follows", strings.Replace(strings.Replace(old, "{source: s2}]}", "{source: s2}, {source: s1}], merged: [a, b]}", 1), "  - {id: a, text: A., appearances: [{source: s1}], merged: [b]}\n", "", 1),
			"", []diff.Merge{{Kind: "claim", From: "a", Into: "c"}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			o, n := readYAML(t, old), readYAML(t, tt.new)
			s, err := diff.Summarize(o, diff.Options{})
			if err != nil {
				t.Fatal(err)
			}
			viaSummary, err := s.Compare(n)
			if err != nil {
				t.Fatal(err)
			}
			direct, err := diff.Compare(o, n, diff.Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range []*diff.Report{direct, viaSummary} {
				b := verdictOf(r, "b")
				switch {
				case tt.reason == "" && b != nil:
					t.Errorf("b: %q; want no change of its own", b.Reason)
				case tt.reason != "" && b == nil:
					t.Errorf("no verdict change of b in %+v; want %q", r.Verdicts, tt.reason)
				case b != nil && !strings.HasPrefix(b.Reason, tt.reason):
					t.Errorf("b: %q; want it to begin %q", b.Reason, tt.reason)
				}
				if len(r.Merged) != len(tt.merged) || len(r.Merged) > 0 && r.Merged[0] != tt.merged[0] {
					t.Errorf("merged %+v, want %+v", r.Merged, tt.merged)
				}
			}
		})
	}
}

// verdictOf returns the verdict change of claim id in r, nil for none.
func verdictOf(r *diff.Report, id string) *diff.VerdictChange {
	for i := range r.Verdicts {
		if r.Verdicts[i].Claim == id {
			return &r.Verdicts[i]
		}
	}
	return nil
}
