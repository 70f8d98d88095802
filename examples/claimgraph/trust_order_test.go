package main

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/claimgraph/claimgraph/sources/truth"
)

// TestTrustTieOrder checks the order of the sources that trust prints:
// by trust, descending, with the sources whose trusts tie (within
// truth.Same, each to the next) together and by name, in the text and in
// --json alike, and whatever the order of the sources in the data. The
// trusts are set by hand, so that some tie without being equal.
func TestTrustTieOrder(t *testing.T) {
	const eps = 1e-10 // well within truth.Same's relative 1e-9 of 0.5
	tests := []struct {
		name  string
		trust map[string]float64
		top   int
		want  []string // "NAME" or "NAME (tie)", in the order printed
	}{
		{"exact tie, by name", map[string]float64{"b": 0.5, "a": 0.5, "c": 0.9},
			0, []string{"c", "a (tie)", "b (tie)"}},
		{"near tie, by name, not by the smaller trust", map[string]float64{"b": 0.5 + eps, "a": 0.5, "c": 0.9},
			0, []string{"c", "a (tie)", "b (tie)"}},
		{"near ties, the higher trust named last", map[string]float64{"a": 0.5, "b": 0.5 + eps, "c": 0.5 + 2*eps},
			0, []string{"a (tie)", "b (tie)", "c (tie)"}},
		// p ~ q and q ~ r, but not p ~ r: one group, as the marks say.
		{"chain of ties, one group", map[string]float64{"b": 1, "c": 1 - 0.8e-9, "a": 1 - 1.6e-9, "d": 0.9},
			0, []string{"a (tie)", "b (tie)", "c (tie)", "d"}},
		{"two groups about a lone source", map[string]float64{"d": 0.9, "a": 0.9 + eps, "e": 0.5, "c": 0.1, "b": 0.1 - eps/10},
			0, []string{"a (tie)", "d (tie)", "e", "b (tie)", "c (tie)"}},
		// --top cuts a group after its first name; the mark stays.
		{"top inside a group", map[string]float64{"d": 0.9, "a": 0.9 + eps, "e": 0.5, "c": 0.1, "b": 0.1 - eps/10},
			4, []string{"a (tie)", "d (tie)", "e", "b (tie)"}},
		{"no ties, by trust", map[string]float64{"a": 0.1, "b": 0.3, "c": 0.2},
			0, []string{"b", "c", "a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			names := make([]string, 0, len(tt.trust))
			for n := range tt.trust {
				names = append(names, n)
			}
			slices.Sort(names)
			// The same sources in two orders of the data: by name and
			// the reverse.
			reversed := slices.Clone(names)
			slices.Reverse(reversed)
			for _, order := range [][]string{names, reversed} {
				text, js := trustRows(t, order, tt.trust, tt.top)
				if diff := cmp.Diff(tt.want, text); diff != "" {
					t.Errorf("data order %v: text (-want +got):\n%s", order, diff)
				}
				if diff := cmp.Diff(tt.want, js); diff != "" {
					t.Errorf("data order %v: --json (-want +got):\n%s", order, diff)
				}
			}
		})
	}
}

// trustRows runs the report of trust on a data set of the sources of
// order, in that order, with the trusts given, and returns its source
// rows as "NAME" or "NAME (tie)", from the text and from --json.
func trustRows(t *testing.T, order []string, trust map[string]float64, top int) (text, js []string) {
	t.Helper()
	d := truth.NewDataset()
	for _, n := range order {
		d.Assert(n, "o", "v")
	}
	r, err := truth.Discover(d, truth.Voting, truth.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for s := range r.Trust {
		r.Trust[s] = trust[d.SourceName(truth.SourceID(s))]
	}
	for _, asJSON := range []bool{false, true} {
		var out, errb bytes.Buffer
		if code := emitTrust(&env{stdout: &out, stderr: &errb}, d, r, nil, truth.Options{}, top, asJSON); code != 0 {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		if asJSON {
			var rep trustReport
			if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
				t.Fatal(err)
			}
			for _, s := range rep.Sources {
				row := s.Source
				if s.Tie {
					row += " (tie)"
				}
				js = append(js, row)
			}
			continue
		}
		// The rows between the header and the blank line: TRUST,
		// ASSERTIONS, then the source and its mark.
		_, rows, _ := strings.Cut(out.String(), "TRUST   ASSERTIONS  SOURCE\n")
		rows, _, _ = strings.Cut(rows, "\n\n")
		for _, l := range strings.Split(rows, "\n") {
			f := strings.Fields(l)
			if len(f) < 3 {
				t.Fatalf("row %q in\n%s", l, out.String())
			}
			text = append(text, strings.Join(f[2:], " "))
		}
	}
	return text, js
}

// TestTrustTieOrderSameName checks the last key of the order of trust's
// sources, the ID, for two sources of one name (a Dataset built with
// AddSource may hold such): within a tie they come by ID, as the order
// promises, not by the difference of their trusts that the tie makes
// nothing of. The sources are told apart by their numbers of assertions.
func TestTrustTieOrderSameName(t *testing.T) {
	const eps = 1e-10 // well within truth.Same's relative 1e-9 of 0.5
	for _, tt := range []struct {
		name  string
		trust [2]float64 // of the first source added, then the second
	}{
		{"the first added of lower trust", [2]float64{0.5, 0.5 + eps}},
		{"the first added of higher trust", [2]float64{0.5 + eps, 0.5}},
		{"equal trusts", [2]float64{0.5, 0.5}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := truth.NewDataset()
			s0, s1 := d.AddSource("x"), d.AddSource("x")
			for i, s := range []truth.SourceID{s0, s1, s1} { // s0 asserts once, s1 twice
				f, err := d.Fact(d.Object("o"+string(rune('a'+i))), "v")
				if err != nil {
					t.Fatal(err)
				}
				if err := d.AssertID(s, f); err != nil {
					t.Fatal(err)
				}
			}
			r, err := truth.Discover(d, truth.Voting, truth.Options{})
			if err != nil {
				t.Fatal(err)
			}
			r.Trust[s0], r.Trust[s1] = tt.trust[0], tt.trust[1]
			var out, errb bytes.Buffer
			if code := emitTrust(&env{stdout: &out, stderr: &errb}, d, r, nil, truth.Options{}, 0, true); code != 0 {
				t.Fatalf("exit %d: %s", code, errb.String())
			}
			var rep trustReport
			if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
				t.Fatal(err)
			}
			var got []int
			for _, s := range rep.Sources {
				got = append(got, s.Assertions)
			}
			if want := []int{1, 2}; !slices.Equal(got, want) {
				t.Errorf("assertions of the sources in order = %v, want %v (by ID)", got, want)
			}
		})
	}
}
