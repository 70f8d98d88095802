package evidence_test

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/evidence"
	"github.com/claimgraph/claimgraph/sources"
)

// TestSilencer silences the claims of random graphs, with cycles of
// support and, on odd seeds, enough origins for MaxLent to cut, a few at
// a time, and after each step compares the table the Silencer keeps with
// Of given every claim silenced so far: the same evidence and lent
// origins for every claim, and, as changed, exactly the claims whose
// weight or cap moved in that step. Some Silencers take over the
// components Of found, others find them again. Under -short 12 seeds
// run, every combination of the kinds that seed%2, seed%3 and seed%4
// pick, and without it 30.
func TestSilencer(t *testing.T) {
	seeds := uint64(30)
	if testing.Short() {
		seeds = 12
	}
	for seed := range seeds {
		rng := rand.New(rand.NewPCG(seed, 11))
		n, nsrc, apps := 40, 15, 3
		if seed%2 == 1 {
			n, nsrc, apps = 60, 400, 12
		}
		srcs, trust := randomSources(rng, nsrc)
		b := graph.Batch{Sources: srcs, Claims: randomClaims(rng, n, nsrc, apps)}
		var edges [][2]int32
		seen := map[[2]int]bool{}
		for range 2 * n {
			a, c := rng.IntN(n), rng.IntN(n)
			if a == c || seen[[2]int{a, c}] {
				continue
			}
			seen[[2]int{a, c}] = true
			edges = append(edges, [2]int32{int32(a), int32(c)})
			b.Relations = append(b.Relations, claims.Relation{From: b.Claims[a].ID, To: b.Claims[c].ID, Kind: claims.Supports})
		}
		g := graph.New()
		if err := g.Apply(b); err != nil {
			t.Fatal(err)
		}
		opts := evidence.Options{Origins: evidence.DistinctSources}
		if seed%3 == 0 {
			opts.Trust = trust
		}
		tab, err := evidence.Of(g.View, opts)
		if err != nil {
			t.Fatal(err)
		}
		if seed%4 == 2 {
			evidence.ForgetComponents(tab) // the Silencer finds its own
		}
		s := tab.Silencer(edges)
		ids := make([]string, n)
		for i := range n {
			ids[i] = b.Claims[i].ID
		}
		opts.Silent = map[string]bool{}
		order := rng.Perm(n)
		for step := 0; len(order) > 0; step++ {
			k := min(len(order), 1+rng.IntN(4))
			var batch []int32
			for _, i := range order[:k] {
				batch = append(batch, int32(i))
				opts.Silent[b.Claims[i].ID] = true
			}
			order = order[k:]
			silenceStep(t, fmt.Sprintf("seed %d, step %d", seed, step), g, tab, s, opts, ids, batch)
		}
	}
}

// TestSilencerWide silences claims of a graph whose levels of support
// are wide enough for Silence (and Of) to split them between goroutines,
// with a few cycles of support, and compares the table with Of given the
// claims silenced so far, after each step; then it silences the same
// claims again on one processor and asks for the same changed claims in
// the same order.
func TestSilencerWide(t *testing.T) {
	const levels, width, nsrc = 8, 300, 400
	rng := rand.New(rand.NewPCG(5, 8))
	var b graph.Batch
	for i := range nsrc {
		b.Sources = append(b.Sources, sources.Source{ID: fmt.Sprintf("s%d", i), Kind: sources.NewsArticle})
	}
	n := levels * width
	for i := range n {
		c := claims.Claim{ID: fmt.Sprintf("c%d", i), Text: "C."}
		for range rng.IntN(5) {
			a := claims.Appearance{Source: fmt.Sprintf("s%d", rng.IntN(nsrc))}
			if !slices.ContainsFunc(c.Appearances, func(b claims.Appearance) bool { return b.Source == a.Source }) {
				c.Appearances = append(c.Appearances, a)
			}
		}
		b.Claims = append(b.Claims, c)
	}
	var edges [][2]int32
	seen := map[[2]int]bool{}
	link := func(a, c int) {
		if a != c && !seen[[2]int{a, c}] {
			seen[[2]int{a, c}] = true
			edges = append(edges, [2]int32{int32(a), int32(c)})
			b.Relations = append(b.Relations, claims.Relation{From: b.Claims[a].ID, To: b.Claims[c].ID, Kind: claims.Supports})
		}
	}
	for c := width; c < n; c++ {
		for range 1 + rng.IntN(3) {
			link(rng.IntN(c/width)*width+rng.IntN(width), c) // from a level above
		}
		if rng.IntN(50) == 0 {
			link(c, c-1) // and back: a cycle within a level
			link(c-1, c)
		}
	}
	g := graph.New()
	if err := g.Apply(b); err != nil {
		t.Fatal(err)
	}
	order := rng.Perm(n)[:400]
	run := func(check, silenced bool) [][]int32 {
		opts := evidence.Options{Origins: evidence.DistinctSources}
		tab, err := evidence.Of(g.View, opts)
		if err != nil {
			t.Fatal(err)
		}
		s := tab.Silencer(edges)
		if silenced {
			want := tab
			if tab, s, err = evidence.Silenced(g.View, opts); err != nil {
				t.Fatal(err)
			}
			for i := range n {
				if got, w := tab.At(i), want.At(i); got.Weight != w.Weight || got.Capped != w.Capped || got.Lent != w.Lent || !slices.Equal(got.Origins, w.Origins) {
					t.Fatalf("Silenced, %s: %+v, want %+v", b.Claims[i].ID, got, w)
				}
			}
		}
		opts.Silent = map[string]bool{}
		var steps [][]int32
		for step := range 4 {
			var batch []int32
			for _, i := range order[step*100 : (step+1)*100] {
				batch = append(batch, int32(i))
				opts.Silent[b.Claims[i].ID] = true
			}
			steps = append(steps, s.Silence(batch))
			if !check {
				continue
			}
			want, err := evidence.Of(g.View, opts)
			if err != nil {
				t.Fatal(err)
			}
			for i := range n {
				if got, w := tab.At(i), want.At(i); got.Weight != w.Weight || got.Capped != w.Capped || got.Lent != w.Lent {
					t.Fatalf("step %d, %s: %+v, want %+v", step, b.Claims[i].ID, got, w)
				}
			}
		}
		return steps
	}
	// At least four processors, so that the levels are split on any
	// machine, then one.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(max(4, runtime.GOMAXPROCS(0))))
	got := run(true, false)
	if len(got[0]) < 2*64 {
		t.Fatalf("the first step changed %d claims: too few to split a level", len(got[0]))
	}
	// The same from Silenced, whose Silencer lends on all processors
	// from the start.
	if fresh := run(true, true); !slices.EqualFunc(got, fresh, slices.Equal) {
		t.Fatalf("changed differs from Silenced:\n%v\n%v", got, fresh)
	}
	runtime.GOMAXPROCS(1)
	if one := run(false, false); !slices.EqualFunc(got, one, slices.Equal) {
		t.Fatalf("changed differs on one processor:\n%v\n%v", got, one)
	}
}

// TestSilencerRange: a pair of edges out of the claims' range is left
// out by Silencer, not a panic, and silencing then weighs as Of does.
func TestSilencerRange(t *testing.T) {
	g := story(t)
	edges := supportEdges(g.View)
	n := int32(g.View.Counts().Claims)
	tab, err := evidence.Of(g.View, evidence.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := tab.Silencer(append(edges, [2]int32{-1, 0}, [2]int32{0, n}, [2]int32{n, -5}))
	ids := []string{}
	for c := range g.View.Claims() {
		ids = append(ids, c.ID)
	}
	p := int32(slices.Index(ids, "p"))
	s.Silence([]int32{p})
	want, err := evidence.Of(g.View, evidence.Options{Silent: map[string]bool{"p": true}})
	if err != nil {
		t.Fatal(err)
	}
	for i := range int(n) {
		if a, b := tab.At(i), want.At(i); a.Weight != b.Weight || a.Lent != b.Lent {
			t.Errorf("%s: %+v silenced, %+v from Of", ids[i], a, b)
		}
	}
}

// twoClaims: a (in sa) and b (in sb), with the supports given.
func twoClaims(t *testing.T, rels ...claims.Relation) *graph.Graph {
	t.Helper()
	b := graph.Batch{
		Sources: []sources.Source{{ID: "sa", Kind: sources.NewsArticle}, {ID: "sb", Kind: sources.NewsArticle}},
		Claims: []claims.Claim{
			{ID: "a", Text: "A.", Appearances: []claims.Appearance{{Source: "sa"}}},
			{ID: "b", Text: "B.", Appearances: []claims.Appearance{{Source: "sb"}}},
		},
		Relations: rels,
	}
	g := graph.New()
	if err := g.Apply(b); err != nil {
		t.Fatal(err)
	}
	return g
}

// TestSilencerCycleFeedingNothing: a and b support each other and no
// other claim, so Of's components pass nothing on (support.out is kept
// only for a component that feeds another). Silencing a must still stop
// a's origin reaching b, with the components taken over from Of or
// found again.
func TestSilencerCycleFeedingNothing(t *testing.T) {
	g := twoClaims(t,
		claims.Relation{From: "a", To: "b", Kind: claims.Supports},
		claims.Relation{From: "b", To: "a", Kind: claims.Supports})
	for _, forget := range []bool{false, true} {
		tab, err := evidence.Of(g.View, evidence.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if forget {
			evidence.ForgetComponents(tab)
		}
		s := tab.Silencer([][2]int32{{0, 1}, {1, 0}})
		changed := s.Silence([]int32{0})
		want, err := evidence.Of(g.View, evidence.Options{Silent: map[string]bool{"a": true}})
		if err != nil {
			t.Fatal(err)
		}
		for i, id := range []string{"a", "b"} {
			if got, w := tab.At(i), want.At(i); got.Weight != w.Weight || got.Lent != w.Lent {
				t.Errorf("forget %v, %s: %+v, want %+v", forget, id, got, w)
			}
			if got, w := tab.Lent(id), want.Lent(id); !slices.Equal(got, w) {
				t.Errorf("forget %v, %s: lent %v, want %v", forget, id, got, w)
			}
		}
		if !slices.Equal(changed, []int32{1}) {
			t.Errorf("forget %v: changed %v, want [1]", forget, changed)
		}
	}
}

// TestSilencerTwice: a second Silencer on a table none of whose claims is
// silent reads it as Of left it, though the first put the table's reach
// in its own order of the claims.
func TestSilencerTwice(t *testing.T) {
	g := twoClaims(t, claims.Relation{From: "b", To: "a", Kind: claims.Supports})
	tab, err := evidence.Of(g.View, evidence.Options{})
	if err != nil {
		t.Fatal(err)
	}
	edges := [][2]int32{{1, 0}}
	tab.Silencer(edges)
	s := tab.Silencer(edges)
	if got := tab.Lent("a"); !slices.Equal(got, []string{"sb"}) {
		t.Errorf("a lent %v after a second Silencer, want [sb]", got)
	}
	if got := tab.AppendLent(nil, 0); !slices.Equal(got, []string{"sb"}) {
		t.Errorf("a AppendLent %v after a second Silencer, want [sb]", got)
	}
	s.Silence([]int32{1})
	if got, e := tab.Lent("a"), tab.At(0); len(got) != 0 || e.Lent != 0 || e.Weight != 1 {
		t.Errorf("b silenced: a lent %v, %+v; want none, weight 1", got, e)
	}
}

// compareTables fails unless tab and want give every claim the same
// evidence, Lent and AppendLent.
func compareTables(t *testing.T, where string, tab, want *evidence.Table, ids []string) {
	t.Helper()
	for i, id := range ids {
		got, w := tab.At(i), want.At(i)
		if got.Weight != w.Weight || got.Capped != w.Capped || got.Lent != w.Lent || !slices.Equal(got.Origins, w.Origins) {
			t.Fatalf("%s, %s: %+v, want %+v", where, id, got, w)
		}
		if l, wl := tab.Lent(id), want.Lent(id); !slices.Equal(l, wl) {
			t.Fatalf("%s, %s: Lent %v, want %v", where, id, l, wl)
		}
		pre := []string{"x"}
		if l, wl := tab.AppendLent(pre, i), want.AppendLent([]string{"x"}, i); !slices.Equal(l, wl) {
			t.Fatalf("%s, %s: AppendLent %v, want %v", where, id, l, wl)
		}
	}
}

// TestSilencerShapes silences claims of random support graphs of several
// shapes (random, rings with chords and tails, stars into one claim,
// chains open or closed, one large component), with junk in the
// Silencer's edges (repeats, self-loops, pairs out of range), the
// supports given to Of (with the same junk) or read from the view, claims
// silenced more than once and twice in a batch. Before any Silence and
// after each, the table reads as Of with the claims silenced so far, and
// changed lists exactly the claims whose weight or cap moved.
func TestSilencerShapes(t *testing.T) {
	cases := 400
	if testing.Short() {
		cases = 60
	}
	capped, comps, silenced := 0, 0, 0
	defer func() {
		t.Logf("%d cases, %d with a capped claim, %d with two claims supporting each other, %d from Silenced", cases, capped, comps, silenced)
	}()
	for seed := range uint64(cases) {
		rng := rand.New(rand.NewPCG(seed, 99))
		n := 2 + rng.IntN(70)
		nsrc, apps := 10+rng.IntN(20), 1+rng.IntN(4)
		if rng.IntN(2) == 0 {
			nsrc, apps = 300+rng.IntN(300), 5+rng.IntN(20)
		}
		srcs, trust := randomSources(rng, nsrc)
		b := graph.Batch{Sources: srcs, Claims: randomClaims(rng, n, nsrc, apps+1)}
		ids := make([]string, n)
		for i, c := range b.Claims {
			ids[i] = c.ID
		}
		var edges [][2]int32
		add := func(a, c int) { edges = append(edges, [2]int32{int32(a), int32(c)}) }
		switch rng.IntN(5) {
		case 0: // random, dense or sparse
			for range rng.IntN(4*n + 1) {
				add(rng.IntN(n), rng.IntN(n))
			}
		case 1: // rings of several sizes, with chords and tails
			for range 1 + rng.IntN(4) {
				k := 2 + rng.IntN(min(n-1, 12))
				m := rng.Perm(n)[:k]
				for i := range k {
					add(m[i], m[(i+1)%k])
				}
				if rng.IntN(2) == 0 {
					add(m[rng.IntN(k)], m[rng.IntN(k)])
				}
				add(rng.IntN(n), m[0])
				add(m[k-1], rng.IntN(n))
			}
		case 2: // a star: every claim supports one
			hub := rng.IntN(n)
			for i := range n {
				add(i, hub)
			}
			if rng.IntN(2) == 0 {
				add(hub, rng.IntN(n))
			}
		case 3: // a chain, maybe closed
			p := rng.Perm(n)
			for i := 1; i < n; i++ {
				add(p[i-1], p[i])
			}
			if rng.IntN(2) == 0 {
				add(p[n-1], p[0])
			}
		case 4: // complete-ish: one large component
			for a := range n {
				for c := range n {
					if rng.IntN(4) == 0 {
						add(a, c)
					}
				}
			}
		}
		// The graph holds each support once, no self-loop.
		seen := map[[2]int32]bool{}
		for _, e := range edges {
			if e[0] == e[1] || seen[e] {
				continue
			}
			seen[e] = true
			b.Relations = append(b.Relations, claims.Relation{From: ids[e[0]], To: ids[e[1]], Kind: claims.Supports})
		}
		// Junk for the Silencer (and maybe Of): repeats, self-loops, out of range.
		junk := slices.Clone(edges)
		for range rng.IntN(6) {
			switch rng.IntN(4) {
			case 0:
				if len(edges) > 0 {
					junk = append(junk, edges[rng.IntN(len(edges))])
				}
			case 1:
				x := int32(rng.IntN(n))
				junk = append(junk, [2]int32{x, x})
			case 2:
				junk = append(junk, [2]int32{int32(n + rng.IntN(3)), int32(rng.IntN(n))})
			case 3:
				junk = append(junk, [2]int32{int32(rng.IntN(n)), -1 - int32(rng.IntN(3))})
			}
		}
		rng.Shuffle(len(junk), func(i, j int) { junk[i], junk[j] = junk[j], junk[i] })
		g := graph.New()
		if err := g.Apply(b); err != nil {
			t.Fatal(err)
		}
		opts := evidence.Options{Origins: evidence.DistinctSources}
		if rng.IntN(3) == 0 {
			opts.Trust = trust
		}
		if rng.IntN(2) == 0 {
			opts.Supports = func() [][2]int32 { return slices.Clone(junk) }
		}
		tab, err := evidence.Of(g.View, opts)
		if err != nil {
			t.Fatal(err)
		}
		if rng.IntN(4) == 0 {
			evidence.ForgetComponents(tab)
		}
		var s *evidence.Silencer
		if rng.IntN(2) == 0 {
			s = tab.Silencer(junk)
		} else {
			s = tab.Silencer(slices.Clone(edges))
		}
		// A third of the cases take the table and Silencer from
		// Silenced instead, half of those with claims silent from the
		// start.
		var silent map[string]bool
		if seed%3 == 2 {
			if seed%2 == 0 {
				silent = map[string]bool{}
				for k := range 1 + int(seed)%4 {
					silent[ids[(int(seed)*7+k*13)%n]] = true
				}
				opts.Silent = silent
			}
			if tab, s, err = evidence.Silenced(g.View, opts); err != nil {
				t.Fatal(err)
			}
			silenced++
		}
		where := fmt.Sprintf("seed %d (n %d, %d edges)", seed, n, len(edges))
		// Before any Silence, the table still reads as Of.
		want0, err := evidence.Of(g.View, opts)
		if err != nil {
			t.Fatal(err)
		}
		compareTables(t, where+" before Silence", tab, want0, ids)
		for i := range n {
			if tab.At(i).Capped {
				capped++
				break
			}
		}
		for _, e := range edges {
			if slices.Contains(edges, [2]int32{e[1], e[0]}) && e[0] != e[1] {
				comps++
				break
			}
		}
		opts.Silent = map[string]bool{}
		for id := range silent {
			opts.Silent[id] = true
		}
		steps := 1 + rng.IntN(8)
		for step := range steps {
			var batch []int32
			for range rng.IntN(5) {
				i := rng.IntN(n)
				batch = append(batch, int32(i))
				if rng.IntN(4) == 0 {
					batch = append(batch, int32(i)) // twice in a batch
				}
				opts.Silent[ids[i]] = true
			}
			silenceStep(t, fmt.Sprintf("%s step %d", where, step), g, tab, s, opts, ids, batch)
		}
	}
}

// silenceStep silences batch with s, the Silencer of tab, and fails
// unless tab then reads as Of with opts (whose Silent holds every claim
// silenced so far), s reports those claims silent, and Silence returned
// exactly the claims whose weight or cap moved. ids are the claims' IDs
// by position.
func silenceStep(t *testing.T, where string, g *graph.Graph, tab *evidence.Table, s *evidence.Silencer, opts evidence.Options, ids []string, batch []int32) {
	t.Helper()
	before := make([]evidence.Evidence, len(ids))
	for i := range ids {
		before[i] = tab.At(i)
	}
	changed := s.Silence(batch)
	want, err := evidence.Of(g.View, opts)
	if err != nil {
		t.Fatal(err)
	}
	compareTables(t, where, tab, want, ids)
	var moved []int32
	for i, id := range ids {
		if s.Silent(int32(i)) != opts.Silent[id] {
			t.Fatalf("%s: Silent(%d) %v", where, i, s.Silent(int32(i)))
		}
		if got := tab.At(i); got.Weight != before[i].Weight || got.Capped != before[i].Capped {
			moved = append(moved, int32(i))
		}
	}
	slices.Sort(changed)
	if !slices.Equal(changed, moved) {
		t.Fatalf("%s: changed %v, want %v", where, changed, moved)
	}
}

// randomSources returns nsrc sources s0, s1, … and a trust, drawn from
// rng, for about half of them.
func randomSources(rng *rand.Rand, nsrc int) ([]sources.Source, map[string]float64) {
	var out []sources.Source
	trust := map[string]float64{}
	for i := range nsrc {
		id := fmt.Sprintf("s%d", i)
		out = append(out, sources.Source{ID: id, Kind: sources.NewsArticle})
		if rng.IntN(2) == 0 {
			trust[id] = rng.Float64()
		}
	}
	return out, trust
}

// randomClaims returns n claims c0, c1, …, each in fewer than apps of the
// sources s0 to s{nsrc−1}, drawn from rng, a source once.
func randomClaims(rng *rand.Rand, n, nsrc, apps int) []claims.Claim {
	out := make([]claims.Claim, 0, n)
	for i := range n {
		c := claims.Claim{ID: fmt.Sprintf("c%d", i), Text: "C."}
		for range rng.IntN(apps) {
			a := claims.Appearance{Source: fmt.Sprintf("s%d", rng.IntN(nsrc))}
			if !slices.ContainsFunc(c.Appearances, func(b claims.Appearance) bool { return b.Source == a.Source }) {
				c.Appearances = append(c.Appearances, a) // a graph holds an appearance once
			}
		}
		out = append(out, c)
	}
	return out
}

// TestSilencedSmall: Silenced gives Of's table, and a Silencer that
// silences as one made after Of, on the graphs with nothing to lay out
// (no claim, no support) and with lending off.
func TestSilencedSmall(t *testing.T) {
	sup := claims.Relation{From: "a", To: "b", Kind: claims.Supports}
	for _, tc := range []struct {
		name string
		g    *graph.Graph
		opts evidence.Options
	}{
		{"empty", graph.New(), evidence.Options{}},
		{"no support", twoClaims(t), evidence.Options{}},
		{"a supports b", twoClaims(t, sup), evidence.Options{}},
		{"a silent", twoClaims(t, sup), evidence.Options{Silent: map[string]bool{"a": true}}},
		{"b silent", twoClaims(t, sup), evidence.Options{Silent: map[string]bool{"b": true}}},
		{"no lending", twoClaims(t, sup), evidence.Options{NoLending: true}},
	} {
		tab, s, err := evidence.Silenced(tc.g.View, tc.opts)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		want, err := evidence.Of(tc.g.View, tc.opts)
		if err != nil {
			t.Fatal(err)
		}
		ids := make([]string, 0, tab.Len())
		for c := range tc.g.Claims() {
			ids = append(ids, c.ID)
		}
		compareTables(t, tc.name, tab, want, ids)
		for i, id := range ids {
			if s.Silent(int32(i)) != tc.opts.Silent[id] {
				t.Errorf("%s: Silent(%s) %v", tc.name, id, s.Silent(int32(i)))
			}
		}
		if len(ids) == 0 {
			continue
		}
		// Silencing a then leaves b its own origin alone.
		s.Silence([]int32{0})
		tc.opts.Silent = map[string]bool{"a": true, ids[1]: tc.opts.Silent[ids[1]]}
		if want, err = evidence.Of(tc.g.View, tc.opts); err != nil {
			t.Fatal(err)
		}
		compareTables(t, tc.name+", a silenced", tab, want, ids)
	}
}
