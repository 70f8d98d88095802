package provenance

import (
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/sources"
)

// src is a source for tests: "id kind [kind:target ...]", e.g.
// "a news-article quotes:v cites:b".
func src(t testing.TB, spec string) sources.Source {
	t.Helper()
	f := strings.Fields(spec)
	k, err := sources.ParseKind(f[1])
	if err != nil {
		t.Fatal(err)
	}
	s := sources.Source{ID: f[0], Kind: k, Publisher: "pub-" + f[0]}
	for _, d := range f[2:] {
		kind, target, _ := strings.Cut(d, ":")
		dk, err := sources.ParseDerivationKind(kind)
		if err != nil {
			t.Fatal(err)
		}
		s.DerivedFrom = append(s.DerivedFrom, sources.Derivation{Source: target, Kind: dk})
	}
	return s
}

// claim is a claim for tests: "id src[/via] ...", e.g. "c a/v b".
func claim(spec string) claims.Claim {
	f := strings.Fields(spec)
	c := claims.Claim{ID: f[0], Text: "claim " + f[0]}
	for _, a := range f[1:] {
		s, via, _ := strings.Cut(a, "/")
		c.Appearances = append(c.Appearances, claims.Appearance{Source: s, Via: via})
	}
	return c
}

// build makes a graph of the given sources and claims.
func build(t testing.TB, srcs []string, cls ...string) *graph.Graph {
	t.Helper()
	var b graph.Batch
	for _, s := range srcs {
		b.Sources = append(b.Sources, src(t, s))
	}
	for _, c := range cls {
		b.Claims = append(b.Claims, claim(c))
	}
	g := graph.New()
	if err := g.Apply(b); err != nil {
		t.Fatal(err)
	}
	return g
}

// flatReport is a Report with each group's chains written out, as the
// tests state what they want.
type flatReport struct {
	Claim       string
	Appearances int
	Sources     []string
	Groups      []flatGroup
	Cycles      []Cycle
}

type flatGroup struct {
	Origin      Origin
	Appearances []int
	Chains      []Chain
}

// flatten writes out the chains of r, checking that each group's tree is
// well formed: one start per appearance, every Next earlier than its step,
// no source twice.
func flatten(t *testing.T, r Report) flatReport {
	t.Helper()
	f := flatReport{Claim: r.Claim, Appearances: r.Appearances, Sources: r.Sources, Cycles: r.Cycles}
	for _, g := range r.Groups {
		if len(g.Starts) != len(g.Appearances) {
			t.Errorf("%s: %d starts for %d appearances", r.Claim, len(g.Starts), len(g.Appearances))
		}
		seen := map[string]bool{}
		for i, st := range g.Steps {
			if st.Next >= i || seen[st.Source] {
				t.Errorf("%s: step %d %+v: next not earlier, or source twice", r.Claim, i, st)
			}
			seen[st.Source] = true
		}
		fg := flatGroup{Origin: g.Origin, Appearances: g.Appearances}
		for i := range g.Appearances {
			fg.Chains = append(fg.Chains, g.Chain(i))
		}
		f.Groups = append(f.Groups, fg)
	}
	return f
}
