package evidence_test

import (
	"errors"
	"runtime"
	"slices"
	"sync"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/evidence"
	"github.com/claimgraph/claimgraph/graph/synth"
	"github.com/claimgraph/claimgraph/sources"
)

// story: a social post "post" originates claim p; three wire copies
// relay claim w from one agency story; claims x, y, z have no appearance
// and support each other in a loop that p feeds (p > x > y > z > x);
// claim d is a denial from two independent officials, supported by w.
func story(t *testing.T) *graph.Graph {
	t.Helper()
	src := func(id string, from ...string) sources.Source {
		s := sources.Source{ID: id, Title: id, Kind: sources.NewsArticle}
		for _, f := range from {
			s.DerivedFrom = append(s.DerivedFrom, sources.Derivation{Source: f, Kind: sources.Republishes})
		}
		return s
	}
	app := func(ids ...string) []claims.Appearance {
		var out []claims.Appearance
		for _, id := range ids {
			out = append(out, claims.Appearance{Source: id})
		}
		return out
	}
	via := func(orig string, ids ...string) []claims.Appearance {
		out := app(ids...)
		for i := range out {
			out[i].Via = orig
		}
		return out
	}
	b := graph.Batch{
		Sources: []sources.Source{src("post"), src("wire"), src("copy1", "wire"), src("copy2", "wire"), src("copy3", "wire"),
			src("off1"), src("off2")},
		Claims: []claims.Claim{
			{ID: "p", Text: "P.", Appearances: app("post")},
			{ID: "x", Text: "X."}, {ID: "y", Text: "Y."}, {ID: "z", Text: "Z."},
			{ID: "w", Text: "W.", Appearances: via("wire", "copy1", "copy2", "copy3")},
			{ID: "d", Text: "D.", Appearances: app("off1", "off2")},
		},
		Relations: []claims.Relation{
			{From: "p", To: "x", Kind: claims.Supports}, {From: "x", To: "y", Kind: claims.Supports},
			{From: "y", To: "z", Kind: claims.Supports}, {From: "z", To: "x", Kind: claims.Supports},
			{From: "w", To: "d", Kind: claims.Supports},
		},
	}
	g := graph.New()
	if err := g.Apply(b); err != nil {
		t.Fatal(err)
	}
	return g
}

// tableOf weighs the evidence of the graph b makes, with the default
// options.
func tableOf(t *testing.T, b graph.Batch) *evidence.Table {
	t.Helper()
	g := graph.New()
	if err := g.Apply(b); err != nil {
		t.Fatal(err)
	}
	tab, err := evidence.Of(g.View, evidence.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

func TestOf(t *testing.T) {
	g := story(t)
	tab, err := evidence.Of(g.View, evidence.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		id     string
		own    []string
		lent   []string
		weight float64
	}{
		{"p", []string{"post"}, nil, 1},
		// The loop passes on the post and nothing more: not above p.
		{"x", []string{}, []string{"post"}, 1},
		{"y", []string{}, []string{"post"}, 1},
		{"z", []string{}, []string{"post"}, 1},
		// Three copies of one wire story are one origin.
		{"w", []string{"wire"}, nil, 1},
		{"d", []string{"off1", "off2"}, []string{"wire"}, 3},
	} {
		e, ok := tab.Claim(c.id)
		if !ok {
			t.Fatalf("no evidence for %s", c.id)
		}
		if !slices.Equal(e.Origins, c.own) && !(len(e.Origins) == 0 && len(c.own) == 0) {
			t.Errorf("%s: origins %v, want %v", c.id, e.Origins, c.own)
		}
		if got := tab.Lent(c.id); !slices.Equal(got, c.lent) {
			t.Errorf("%s: lent %v, want %v", c.id, got, c.lent)
		}
		if e.Weight != c.weight || e.Independent() != len(c.own)+len(c.lent) {
			t.Errorf("%s: weight %v (%d origins), want %v (%d)", c.id, e.Weight, e.Independent(), c.weight, len(c.own)+len(c.lent))
		}
	}
}

func TestTrustAndOptions(t *testing.T) {
	g := story(t)
	tab, err := evidence.Of(g.View, evidence.Options{Trust: map[string]float64{"off1": 0.9, "wire": 0.2}})
	if err != nil {
		t.Fatal(err)
	}
	// off1 0.9, off2 unknown 0.5, wire 0.2 lent.
	if w := tab.Weight("d"); w < 1.6-1e-12 || w > 1.6+1e-12 {
		t.Errorf("weight of d = %v, want 1.6", w)
	}
	tab, err = evidence.Of(g.View, evidence.Options{NoLending: true, Origins: evidence.DistinctSources})
	if err != nil {
		t.Fatal(err)
	}
	if w, x := tab.Weight("w"), tab.Weight("x"); w != 3 || x != 0 {
		t.Errorf("distinct sources without lending: w %v (want 3), x %v (want 0)", w, x)
	}
	if _, err := evidence.Of(g.View, evidence.Options{Trust: map[string]float64{"post": 2}}); !errors.Is(err, evidence.ErrOptions) {
		t.Errorf("trust 2: error %v, want ErrOptions", err)
	}
}

// TestLentCap checks that a long chain of support passes on at most
// MaxLent origins, and all of them up to that.
func TestLentCap(t *testing.T) {
	var b graph.Batch
	n := evidence.MaxLent + 10
	for i := range n {
		id := string(rune('A'+i/26)) + string(rune('a'+i%26))
		b.Sources = append(b.Sources, sources.Source{ID: "s" + id, Title: id, Kind: sources.NewsArticle})
		b.Claims = append(b.Claims, claims.Claim{ID: "c" + id, Text: "C.", Appearances: []claims.Appearance{{Source: "s" + id}}})
		if i > 0 {
			b.Relations = append(b.Relations, claims.Relation{From: b.Claims[i-1].ID, To: "c" + id, Kind: claims.Supports})
		}
	}
	tab := tableOf(t, b)
	if e := tab.At(5); e.Independent() != 6 {
		t.Errorf("sixth claim of the chain: %d origins, want 6", e.Independent())
	}
	if e := tab.At(n - 1); e.Lent != evidence.MaxLent {
		t.Errorf("last claim of the chain: %d lent, want MaxLent %d", e.Lent, evidence.MaxLent)
	}
	// Lent, AppendLent and Claim agree, from several goroutines at once:
	// the first look-up by ID builds the index (run with -race).
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := w; i < n; i += 4 {
				id := b.Claims[i].ID
				lent := tab.Lent(id)
				e, ok := tab.Claim(id)
				if !ok || len(lent) != e.Lent || !slices.Equal(tab.AppendLent([]string{"x"}, i)[1:], lent) {
					t.Errorf("%s: Lent %v, Claim %+v, %v", id, lent, e, ok)
				}
			}
		})
	}
	wg.Wait()
}

// TestSilent: in the story, silencing p leaves the loop x, y, z without
// what p lent it; silencing x cuts the loop where p enters it, so that y
// and z get nothing while x itself is still lent p's origin; silencing w
// leaves d its two officials.
func TestSilent(t *testing.T) {
	g := story(t)
	for _, tc := range []struct {
		silent map[string]bool
		want   map[string]float64
	}{
		{nil, map[string]float64{"p": 1, "x": 1, "y": 1, "z": 1, "d": 3}},
		{map[string]bool{"p": true}, map[string]float64{"p": 1, "x": 0, "y": 0, "z": 0, "d": 3}},
		{map[string]bool{"x": true}, map[string]float64{"p": 1, "x": 1, "y": 0, "z": 0, "d": 3}},
		{map[string]bool{"w": true}, map[string]float64{"p": 1, "x": 1, "d": 2}},
	} {
		tab, err := evidence.Of(g.View, evidence.Options{Silent: tc.silent})
		if err != nil {
			t.Fatal(err)
		}
		for id, w := range tc.want {
			if got := tab.Weight(id); got != w {
				t.Errorf("silent %v: %s weighs %v, want %v", tc.silent, id, got, w)
			}
		}
	}
}

// TestCapped: a claim lent the origins of 100 supporters, one each, is
// capped at MaxLent, a lower bound of the 101 it has; one lent fewer is
// not, nor is a claim with 100 origins of its own.
func TestCapped(t *testing.T) {
	var b graph.Batch
	own := claims.Claim{ID: "own", Text: "Own."}
	for i := range 100 {
		id := "s" + string(rune('A'+i/26)) + string(rune('a'+i%26))
		b.Sources = append(b.Sources, sources.Source{ID: id, Title: id, Kind: sources.NewsArticle})
		c := claims.Claim{ID: "c" + id, Text: "C.", Appearances: []claims.Appearance{{Source: id}}}
		b.Claims = append(b.Claims, c)
		b.Relations = append(b.Relations, claims.Relation{From: c.ID, To: "top", Kind: claims.Supports})
		if i < 3 {
			b.Relations = append(b.Relations, claims.Relation{From: c.ID, To: "few", Kind: claims.Supports})
		}
		own.Appearances = append(own.Appearances, claims.Appearance{Source: id})
	}
	b.Sources = append(b.Sources, sources.Source{ID: "x", Title: "x", Kind: sources.NewsArticle})
	b.Claims = append(b.Claims, claims.Claim{ID: "top", Text: "Top.", Appearances: []claims.Appearance{{Source: "x"}}},
		claims.Claim{ID: "few", Text: "Few."}, own)
	tab := tableOf(t, b)
	top, _ := tab.Claim("top")
	if !top.Capped || top.Independent() > 101 || top.Independent() < evidence.MaxLent || top.Weight != float64(top.Independent()) {
		t.Errorf("top: capped %v, %d origins, weight %v; want capped, between MaxLent and 101", top.Capped, top.Independent(), top.Weight)
	}
	if got := evidence.Text(top.Weight, top.Capped); got != "at least "+evidence.Text(top.Weight, false)+" (capped)" {
		t.Errorf("Text: %q", got)
	}
	for _, id := range []string{"few", "own"} {
		if e, _ := tab.Claim(id); e.Capped {
			t.Errorf("%s capped with %d origins", id, e.Independent())
		}
	}
	if e, _ := tab.Claim("own"); e.Weight != 100 {
		t.Errorf("own weighs %v, want its 100 origins", e.Weight)
	}
}

// TestParallelOrigins: with the default origins, Of finds them on
// several goroutines on a large view; the table is the one the same
// origins give found one claim at a time (an explicit Origins), and every
// claim is visited once, in the view's order; without Visit (when Of
// reads the claims as the graph stores them), the table is the same.
func TestParallelOrigins(t *testing.T) {
	if runtime.GOMAXPROCS(0) < 2 {
		t.Skip("one processor: Of finds origins on one goroutine")
	}
	g := graph.New()
	if err := g.Apply(synth.Generate(synth.Config{Claims: 6000, Seed: 3})); err != nil {
		t.Fatal(err)
	}
	var visited []string
	par, err := evidence.Of(g.View, evidence.Options{Visit: func(c claims.Claim) { visited = append(visited, c.ID) }})
	if err != nil {
		t.Fatal(err)
	}
	seq, err := evidence.Of(g.View, evidence.Options{Origins: evidence.Independent()})
	if err != nil {
		t.Fatal(err)
	}
	shared, err := evidence.Of(g.View, evidence.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if par.Len() != seq.Len() || len(visited) != seq.Len() {
		t.Fatalf("%d claims, %d visited, %d found one at a time", par.Len(), len(visited), seq.Len())
	}
	i, lent := 0, 0
	for c := range g.Claims() {
		if visited[i] != c.ID {
			t.Fatalf("claim %d visited is %s, want %s", i, visited[i], c.ID)
		}
		p, s := par.At(i), seq.At(i)
		if !slices.Equal(p.Origins, s.Origins) || p.Lent != s.Lent || p.Weight != s.Weight ||
			!slices.Equal(par.AppendLent(nil, i), seq.AppendLent(nil, i)) {
			t.Fatalf("%s: %+v lent %q, one at a time %+v lent %q", c.ID, p, par.AppendLent(nil, i), s, seq.AppendLent(nil, i))
		}
		if sh := shared.At(i); !slices.Equal(sh.Origins, s.Origins) || sh.Weight != s.Weight {
			t.Fatalf("%s: %+v without Visit, one at a time %+v", c.ID, sh, s)
		}
		lent += p.Lent
		i++
	}
	if lent == 0 {
		t.Fatal("no lent origins: the test compares little")
	}
}

// TestSupportsGiven: Of given the supports by Options.Supports, in
// another order, weighs every claim as when it reads them itself, with
// silent claims too; a pair out of the view's range is left out, as
// the relations of claims outside a view are, not a panic.
func TestSupportsGiven(t *testing.T) {
	g := story(t)
	edges := supportEdges(g.View)
	if len(edges) < 4 {
		t.Fatalf("story has %d supports", len(edges))
	}
	slices.Reverse(edges)
	n := int32(g.View.Counts().Claims)
	for _, silent := range []map[string]bool{nil, {"p": true}, {"x": true}} {
		want, err := evidence.Of(g.View, evidence.Options{Silent: silent})
		if err != nil {
			t.Fatal(err)
		}
		calls := 0
		given := append(slices.Clone(edges), [2]int32{-1, 0}, [2]int32{0, n}, [2]int32{n, -5})
		got, err := evidence.Of(g.View, evidence.Options{Silent: silent, Supports: func() [][2]int32 {
			calls++
			return given
		}})
		if err != nil {
			t.Fatal(err)
		}
		if calls != 1 {
			t.Errorf("silent %v: Supports called %d times, want once", silent, calls)
		}
		for i := range int(n) {
			if a, b := got.At(i), want.At(i); a.Weight != b.Weight || a.Lent != b.Lent || a.Capped != b.Capped {
				t.Errorf("silent %v: claim %d: %+v given the supports, %+v reading them", silent, i, a, b)
			}
		}
	}
}

// supportEdges returns the supports of v, supporter first, as Lend takes
// them.
func supportEdges(v graph.View) [][2]int32 {
	var edges [][2]int32
	for l := range v.Links() {
		if l.Kind == claims.Supports {
			edges = append(edges, [2]int32{int32(l.From), int32(l.To)})
		}
	}
	return edges
}
