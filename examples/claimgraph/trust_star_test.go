package main

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/provenance"
	"github.com/claimgraph/claimgraph/sources/truth"
)

// starYAML is a wire story relayed by n outlets: every outlet republishes
// the wire and carries its one claim, which no other claim contests.
func starYAML(n int) string {
	var b strings.Builder
	b.WriteString("claimgraph: 1\nsources:\n  - {id: wire, kind: wire}\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {id: o%d, kind: news-article, derived_from: [{source: wire, kind: republishes}]}\n", i)
	}
	b.WriteString("claims:\n  - id: x\n    text: the wire's story\n    appearances:\n      - {source: wire}\n")
	for i := range n {
		fmt.Fprintf(&b, "      - {source: o%d}\n", i)
	}
	return b.String()
}

// naiveRelays is the relays of each source without trust, as graphTrust
// found them before addRelays: the whole provenance report of a claim
// for each source that carries it and asserts no fact.
func naiveRelays(t *testing.T, v graph.View, run *trustRun) map[string][]string {
	t.Helper()
	prov := provenance.New(v)
	out := make(map[string][]string)
	for _, u := range run.unknown {
		if u.Reason != "no claim" && !strings.HasPrefix(u.Reason, "relay of ") {
			continue // a source that asserts facts is no relay, as in graphTrust
		}
		cs, _ := v.ClaimsIn(u.Source)
		var rs []string
		for _, c := range cs {
			rep, err := prov.Of(c)
			if err != nil {
				t.Fatal(err)
			}
			for _, g := range rep.Groups {
				if slices.ContainsFunc(g.Appearances, func(a int) bool { return c.Appearances[a].Source == u.Source }) {
					rs = append(rs, g.Origin.Source)
				}
			}
		}
		slices.Sort(rs)
		out[u.Source] = slices.DeleteFunc(slices.Compact(rs), func(o string) bool { return o == u.Source })
	}
	return out
}

// TestTrustRelaysOnce: the relays graphTrust finds from one provenance
// report per claim are those of one report per source, on the seed and on
// a star of relays.
func TestTrustRelaysOnce(t *testing.T) {
	star, err := graph.ReadYAML(strings.NewReader(starYAML(20)), "star.yaml")
	if err != nil {
		t.Fatal(err)
	}
	seed, err := graph.Load(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	for name, g := range map[string]*graph.Graph{"seed": seed, "star": star} {
		e := &env{}
		run, err := graphTrust(e, g.View, truth.Accu, truth.Options{})
		if err != nil {
			t.Fatal(err)
		}
		want := naiveRelays(t, g.View, run)
		relays := 0
		for _, u := range run.unknown {
			if w := want[u.Source]; !slices.Equal(u.Relays, w) {
				t.Errorf("%s: %s relays %v, want %v", name, u.Source, u.Relays, w)
			}
			relays += len(u.Relays)
		}
		if name == "star" && relays != 20 {
			t.Errorf("star: %d relays found, want one for each of the 20 outlets: %+v", relays, run.unknown)
		}
	}
}

// TestTrustStarLinear: trust on a star of relays allocates about twice as
// much for twice the outlets (each outlet's relays once took the claim,
// all its appearances copied, and its whole provenance report).
func TestTrustStarLinear(t *testing.T) {
	small, big := lineFiles(t, 500, starYAML)
	checkLinear(t, small, big, func(f string) []string { return []string{"trust", f} })
}

// BenchmarkTrustStar: trust on a wire story relayed by N outlets, loading
// included; the time and allocations a source stay about the same as N
// grows (they grew with N when each outlet took the claim's whole
// provenance report).
func BenchmarkTrustStar(b *testing.B) {
	for _, n := range []int{1000, 2000, 4000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			benchLine(b, starYAML(n), "trust", "FILE", "--json", "--quiet")
		})
	}
}

// viralYAML is a viral claim x and its denial y, carried by n outlets of
// their own: x by the even ones, y by the odd ones. The one question has
// n sources.
func viralYAML(n int) string {
	var b strings.Builder
	b.WriteString("claimgraph: 1\nsources:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {id: s%d, kind: news-article}\n", i)
	}
	b.WriteString("claims:\n")
	for c, name := range []string{"x", "y"} {
		fmt.Fprintf(&b, "  - id: %s\n    text: %s.\n    appearances:\n", name, name)
		for i := c; i < n; i += 2 {
			fmt.Fprintf(&b, "      - {source: s%d}\n", i)
		}
	}
	b.WriteString("relations:\n  - {from: x, to: y, kind: contradicts}\n")
	return b.String()
}

// TestTrustViralLinear: trust and report on a question of n sources, past
// truth.MaxCopySources, allocate about twice as much for twice the
// sources, and say that copy detection skipped the question; the pairs
// of every two outlets of a claim once took 1.26 GB at 8,000.
func TestTrustViralLinear(t *testing.T) {
	small, big := lineFiles(t, 400, viralYAML)
	for _, cmd := range []string{"trust", "report"} {
		checkLinear(t, small, big, func(f string) []string { return []string{cmd, f} })
	}
	want := fmt.Sprintf("copy detection skipped for 1 object of more than %d sources", truth.MaxCopySources)
	if out := runOK(t, "trust", small); !strings.Contains(out, want) {
		t.Errorf("trust does not say %q:\n%.300s", want, out)
	}
	if out := runOK(t, "report", small); !strings.Contains(out, strings.Replace(want, "object", "question", 1)) {
		t.Errorf("report does not say copy detection skipped the question")
	}
	var trust struct {
		Skipped *copySkipped `json:"copy_skipped"`
	}
	var report struct {
		Trust struct {
			Skipped *copySkipped `json:"copy_skipped"`
		} `json:"trust"`
	}
	json.Unmarshal([]byte(runOK(t, "trust", small, "--json")), &trust)
	json.Unmarshal([]byte(runOK(t, "report", small, "--json")), &report)
	for name, got := range map[string]*copySkipped{"trust": trust.Skipped, "report": report.Trust.Skipped} {
		if got == nil || *got != (copySkipped{1, truth.MaxCopySources, truth.DefaultMaxCopyPairs}) {
			t.Errorf("%s --json: copy_skipped %+v, want one object and the bound", name, got)
		}
	}
	// Below the bound nothing is skipped, and nothing said.
	few := writeTemp(t, "few.yaml", viralYAML(10))
	if out := runOK(t, "trust", few); strings.Contains(out, "copy detection") {
		t.Errorf("trust on 10 sources mentions copy detection:\n%s", out)
	}
	if out := runOK(t, "trust", few, "--json"); strings.Contains(out, "copy_skipped") {
		t.Errorf("trust --json on 10 sources has copy_skipped")
	}
}
