package main

import (
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
