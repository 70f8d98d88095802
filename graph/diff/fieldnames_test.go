package diff_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/diff"
)

// TestValidityFieldNames: diff named a changed date of a claim or
// relation "validity", a key the format does not have, where merge and
// the YAML name it "occurred" for an event and valid_from, valid_until
// (still_holds, valid_at) for a state. Compare and a Summary now name
// the format's keys, each a key of the item in graph.FormatFields.
func TestValidityFieldNames(t *testing.T) {
	const base = `claimgraph: 1
sources:
  - {id: s1, kind: news-article}
claims:
  - {id: e, text: An event., occurred: 2024-06-19, appearances: [{source: s1}]}
  - {id: p, text: A state., valid_from: 2020, valid_until: 2022, appearances: [{source: s1}]}
  - {id: q, text: Another., appearances: [{source: s1}]}
relations:
  - {from: p, to: q, kind: supports, valid_from: 2020}
`
	format := map[string][]string{}
	for _, it := range graph.FormatFields() {
		for _, f := range it.Fields {
			format[it.Item] = append(format[it.Item], f.Key)
		}
	}
	for _, tt := range []struct {
		name, from, to string
		changed        string // kind and ID of the item
		want           []string
	}{
		{"event", "occurred: 2024-06-19", "occurred: 2024-06-20", "claim e", []string{"occurred"}},
		{"state", "valid_from: 2020, valid_until: 2022", "valid_from: 2021, valid_until: 2023", "claim p", []string{"valid_from", "valid_until"}},
		{"state to event", "valid_from: 2020, valid_until: 2022", "occurred: 2021", "claim p", []string{"valid_from", "valid_until", "occurred"}},
		{"relation", "kind: supports, valid_from: 2020", "kind: supports, still_holds: true", "relation p supports q", []string{"valid_from", "still_holds"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			changed := strings.Replace(base, tt.from, tt.to, 1)
			if changed == base {
				t.Fatalf("%q not in the base", tt.from)
			}
			old, new := readYAML(t, base), readYAML(t, changed)
			r, err := diff.Compare(old, new, diff.Options{})
			if err != nil {
				t.Fatal(err)
			}
			s, err := diff.Summarize(old, diff.Options{})
			if err != nil {
				t.Fatal(err)
			}
			rs, err := s.Compare(new)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range []*diff.Report{r, rs} {
				if len(r.Changed) != 1 || r.Changed[0].Kind+" "+r.Changed[0].ID != tt.changed || !slices.Equal(r.Changed[0].Fields, tt.want) {
					t.Fatalf("changed %+v; want %s changed in %v", r.Changed, tt.changed, tt.want)
				}
			}
			item, _, _ := strings.Cut(tt.changed, " ")
			for _, k := range tt.want {
				if !slices.Contains(format[item], k) {
					t.Errorf("%q is no key of a %s in the format %v", k, item, format[item])
				}
			}
		})
	}
}
