package graph_test

import (
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/dot"
	"github.com/claimgraph/claimgraph/graph/provenance"
	"github.com/claimgraph/claimgraph/graph/rdf"
	"github.com/claimgraph/claimgraph/graph/timeline"
	"github.com/claimgraph/claimgraph/graph/verdict"
	"github.com/claimgraph/claimgraph/sources"
	"github.com/claimgraph/claimgraph/sources/truth"
)

// scribble changes everything reachable from v through slices and
// pointers: it appends to every slice and writes into every element of
// the slice before and after the append, so that a result sharing an
// array with the graph, in its elements or its spare capacity, shows in
// the graph. seen collects the paths of the non-empty slices and
// pointers it went through, without brackets: "Claim.Appearances.Inferred".
func scribble(v reflect.Value, path string, seen map[string]bool) {
	switch v.Kind() {
	case reflect.String:
		if v.CanSet() {
			v.SetString("scribbled")
		}
	case reflect.Float64:
		if v.CanSet() {
			v.SetFloat(0.5)
		}
	case reflect.Pointer:
		if !v.IsNil() {
			seen[strings.ReplaceAll(path, "[]", "")] = true
			scribble(v.Elem(), path, seen)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if f := v.Type().Field(i); f.IsExported() {
				scribble(v.Field(i), path+"."+f.Name, seen)
			}
		}
	case reflect.Slice:
		if v.Len() > 0 {
			seen[strings.ReplaceAll(path, "[]", "")] = true
		}
		grown := reflect.Append(v, reflect.New(v.Type().Elem()).Elem())
		for i := range grown.Len() {
			scribble(grown.Index(i), path+"[]", seen)
		}
		for i := range v.Len() {
			scribble(v.Index(i), path+"[]", seen)
		}
	}
}

// everyResult calls every query of v that returns items on every item of
// the graph and passes each result to f, with the name of its type.
func everyResult(t *testing.T, v graph.View, f func(name string, result any)) {
	t.Helper()
	var claimIDs, entityIDs, sourceIDs []string
	for c := range v.Claims() {
		claimIDs = append(claimIDs, c.ID)
		f("Claim", &c)
	}
	for e := range v.Entities() {
		entityIDs = append(entityIDs, e.ID)
		f("Entity", &e)
	}
	for s := range v.Sources() {
		sourceIDs = append(sourceIDs, s.ID)
		f("Source", &s)
	}
	for r := range v.Relations() {
		f("Relation", &r)
	}
	for r := range v.ContradictionPairs() {
		f("Relation", &r)
	}
	must := func(result any, err error) any {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return result
	}
	for _, id := range claimIDs {
		c, _ := v.Claim(id)
		f("Claim", &c)
		f("[]Relation", must(v.Supporters(id)))
		f("[]Relation", must(v.Supported(id)))
		f("[]Relation", must(v.Contradictions(id)))
		f("[]Path", must(v.SupportChains(id, 0)))
		f("[]Source", must(v.SourcesOf(id)))
		f("[]Entity", must(v.Speakers(id)))
	}
	for i := 1; i < len(claimIDs); i++ {
		if p, err := v.ShortestPath(claimIDs[0], claimIDs[i]); err == nil {
			f("Path", &p)
		}
	}
	for _, id := range entityIDs {
		e, _ := v.Entity(id)
		f("Entity", &e)
		f("[]Claim", must(v.ClaimsAbout(id)))
		f("[]Claim", must(v.ClaimsBy(id)))
	}
	for _, id := range sourceIDs {
		s, _ := v.Source(id)
		f("Source", &s)
		f("[]Claim", must(v.ClaimsIn(id)))
		f("[]Source", must(v.DerivedBy(id)))
	}
}

// results collects every result of everyResult on v, as copies.
func results(t *testing.T, v graph.View) []any {
	var out []any
	everyResult(t, v, func(_ string, r any) { out = append(out, deepCopy(r)) })
	return out
}

// deepCopy copies r, a pointer or a slice, with every nested slice and
// pointer.
func deepCopy(r any) any {
	var copyValue func(v reflect.Value) reflect.Value
	copyValue = func(v reflect.Value) reflect.Value {
		out := reflect.New(v.Type()).Elem()
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				p := reflect.New(v.Type().Elem())
				p.Elem().Set(copyValue(v.Elem()))
				out.Set(p)
			}
		case reflect.Struct:
			out.Set(v)
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					out.Field(i).Set(copyValue(v.Field(i)))
				}
			}
		case reflect.Slice:
			if !v.IsNil() {
				s := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
				for i := range v.Len() {
					s.Index(i).Set(copyValue(v.Index(i)))
				}
				out.Set(s)
			}
		default:
			out.Set(v)
		}
		return out
	}
	return copyValue(reflect.ValueOf(r)).Interface()
}

// TestResultsAreCopies changes every slice and pointer of every query
// result and checks that the graph, written out and queried again, is as
// it was: query results share nothing the graph reads. It runs on a
// graph read from YAML (whose items the reader's arrays hold) and on
// one built through Apply, each whole, as of a date, and as a snapshot.
func TestResultsAreCopies(t *testing.T) {
	seed, err := graph.Load(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	var b graph.Batch
	for e := range seed.Entities() {
		b.Entities = append(b.Entities, e)
	}
	for s := range seed.Sources() {
		b.Sources = append(b.Sources, s)
	}
	for c := range seed.Claims() {
		b.Claims = append(b.Claims, c)
	}
	for r := range seed.Relations() {
		b.Relations = append(b.Relations, r)
	}
	// The seed infers nothing in an appearance or a relation: add one of
	// each.
	inf := []claims.Inference{{Field: "date", Sentence: "Said on the day."}}
	b.Claims[0].Appearances[0].Inferred = inf
	b.Relations[0].Inferred = inf
	applied := graph.New()
	if err := applied.Apply(b); err != nil {
		t.Fatal(err)
	}
	loaded, err := graph.ReadYAML(strings.NewReader(yamlOf(t, applied)), "applied.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// Every slice and pointer field of the items is in the seed, so that
	// a query sharing any of them would be caught.
	want := []string{
		"Claim.About", "Claim.Statement", "Claim.Appearances", "Claim.Appearances.Inferred", "Claim.Inferred",
		"Entity.Aliases", "Source.DerivedFrom", "Source.Inferred", "Relation.Sources", "Relation.Inferred",
		"Path.Claims", "Path.Relations.Sources",
	}
	for _, g := range []struct {
		name string
		g    *graph.Graph
	}{{"loaded", loaded}, {"applied", applied}} {
		views := []struct {
			name string
			v    graph.View
		}{
			{"whole", g.g.View},
			{"dated", g.g.At(claims.MustDate(2019, 4, 25))},
			{"snapshot", g.g.Snapshot()},
		}
		for _, view := range views {
			name, v := view.name, view.v
			t.Run(g.name+"/"+name, func(t *testing.T) {
				before, beforeYAML := results(t, v), yamlOf(t, g.g)
				seen := map[string]bool{}
				everyResult(t, v, func(name string, r any) { scribble(reflect.ValueOf(r), name, seen) })
				if got := yamlOf(t, g.g); got != beforeYAML {
					t.Error("changing query results changed the graph as written")
				}
				after := results(t, v)
				if len(after) != len(before) {
					t.Fatalf("%d results after, %d before", len(after), len(before))
				}
				for i := range before {
					if !reflect.DeepEqual(after[i], before[i]) {
						t.Fatalf("result %d changed: was %+v, now %+v", i, before[i], after[i])
					}
				}
				if name == "whole" {
					for _, p := range want {
						if !seen[p] {
							t.Errorf("the seed gave no non-empty %s to scribble on", p)
						}
					}
				}
			})
		}
	}
}

// growth is a graph that grows by batches, each of which touches what
// the ones before added: batch i adds a source drawing on the previous
// one, three claims about one entity appearing in both, a support and a
// contradiction among them, and a support of the previous batch's first
// claim.
func growth(i int) graph.Batch {
	if i == 0 {
		return graph.Batch{
			Entities: []claims.Entity{{ID: "e", Name: "E", Kind: claims.Person}},
			Sources:  []sources.Source{{ID: "s00", Kind: sources.Wire}},
		}
	}
	id := func(p string, i int) string { return fmt.Sprintf("%s%02d", p, i) }
	app := []claims.Appearance{{Source: id("s", i)}, {Source: id("s", i-1)}}
	day := claims.MustDate(2020, 1, 1+i%28)
	b := graph.Batch{
		Sources: []sources.Source{{ID: id("s", i), Kind: sources.NewsArticle, Published: day,
			DerivedFrom: []sources.Derivation{{Source: id("s", i-1), Kind: sources.Cites}}}},
		Claims: []claims.Claim{
			{ID: id("a", i), Text: "A.", About: []string{"e"}, Appearances: app},
			{ID: id("b", i), Text: "B.", About: []string{"e"}, Appearances: app[:1]},
			{ID: id("c", i), Text: "C.", About: []string{"e"}, Appearances: app[1:], Validity: claims.Validity{From: day}},
		},
		Relations: []claims.Relation{
			{From: id("b", i), To: id("a", i), Kind: claims.Supports},
			{From: id("c", i), To: id("a", i), Kind: claims.Contradicts, Sources: []string{id("s", i)}},
		},
	}
	if i > 1 {
		b.Relations = append(b.Relations, claims.Relation{From: id("a", i), To: id("a", i-1), Kind: claims.Supports})
	}
	return b
}

// analyses are the whole-graph analyses, each reduced to a string that
// is the same for the same state of the graph.
var analyses = []struct {
	name string
	run  func(t *testing.T, g *graph.Graph) string
}{
	{"verdict.Compute", func(t *testing.T, g *graph.Graph) string {
		r, err := verdict.Compute(g.View, verdict.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprintf("%v %d %d", r.Verdicts, r.Attacks, r.Failed)
	}},
	{"verdict.Compute dated", func(t *testing.T, g *graph.Graph) string {
		r, err := verdict.Compute(g.At(claims.MustDate(2020, 1, 10)), verdict.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprintf("%v %d %d", r.Verdicts, r.Attacks, r.Failed)
	}},
	{"provenance.Independent", func(t *testing.T, g *graph.Graph) string {
		m, err := provenance.Independent(g.View)
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprint(m, provenance.Cycles(g.View))
	}},
	{"truth.FromGraph", func(t *testing.T, g *graph.Graph) string {
		d, m := truth.FromGraph(g.View)
		r, err := truth.Discover(d, truth.Voting, truth.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprint(m.Claims, m.Sources, m.Trust(r), m.Belief(r))
	}},
	{"timeline", func(t *testing.T, g *graph.Graph) string {
		items, err := timeline.Stale(g, timeline.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprint(items, timeline.Conflicts(g.At(claims.MustDate(2020, 1, 20))))
	}},
	{"rdf.WriteNQuads", func(t *testing.T, g *graph.Graph) string {
		var b strings.Builder
		if err := rdf.WriteNQuads(&b, g.View, rdf.Options{}); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}},
	{"dot.Write", func(t *testing.T, g *graph.Graph) string {
		var b strings.Builder
		if err := dot.Write(&b, g.View, dot.Options{Entities: true}); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}},
	{"Snapshot", func(t *testing.T, g *graph.Graph) string {
		// What a program of its own would do: iterate a snapshot more
		// than once and count.
		s := g.Snapshot()
		var n graph.Counts
		for range s.Claims() {
			n.Claims++
		}
		for range s.Sources() {
			n.Sources++
		}
		for l := range s.Links() {
			if l.Kind == claims.Supports {
				n.Supports++
			} else {
				n.Contradictions++
			}
		}
		return fmt.Sprint(n, s.Counts())
	}},
}

// TestAnalysesSeeOneState runs every whole-graph analysis on a graph
// while another goroutine applies batches to it, and checks that each
// result is the one the analysis gives on the graph after some number of
// batches, never on a mix of before and after one. Run it under -race.
func TestAnalysesSeeOneState(t *testing.T) {
	batches := 40
	if testing.Short() {
		batches = 15
	}
	// What each analysis gives after each number of batches.
	want := make([]map[string]int, len(analyses))
	ref := graph.New()
	for i := 0; i <= batches; i++ {
		if err := ref.Apply(growth(i)); err != nil {
			t.Fatal(err)
		}
		for k, a := range analyses {
			if want[k] == nil {
				want[k] = map[string]int{}
			}
			want[k][a.run(t, ref)] = i
		}
	}
	for k, a := range analyses {
		if len(want[k]) != batches+1 {
			t.Fatalf("%s gives %d distinct results over %d states: it cannot tell states apart", a.name, len(want[k]), batches+1)
		}
	}

	g := graph.New()
	if err := g.Apply(growth(0)); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 1; i <= batches; i++ {
			if err := g.Apply(growth(i)); err != nil {
				t.Error(err)
				return
			}
			runtime.Gosched()
		}
	}()
	seen := make([]map[int]bool, len(analyses))
	for running := true; running; {
		select {
		case <-done:
			running = false // one more round, on the final state
		default:
		}
		for k, a := range analyses {
			got := a.run(t, g)
			n, ok := want[k][got]
			if !ok {
				t.Fatalf("%s saw a state of the graph that no number of batches gives:\n%.2000s", a.name, got)
			}
			if seen[k] == nil {
				seen[k] = map[int]bool{}
			}
			seen[k][n] = true
		}
	}
	for k, a := range analyses {
		if !seen[k][batches] {
			t.Errorf("%s never saw the final state", a.name)
		}
		t.Logf("%s saw %d states", a.name, len(seen[k]))
	}
}

// A snapshot keeps answering as of when it was taken; the graph goes on.
func ExampleView_Snapshot() {
	g := exampleGraph()
	before := g.Snapshot()
	err := g.Apply(graph.Batch{
		Claims: []claims.Claim{{ID: "exercises", Text: "Russia and North Korea held joint exercises.",
			About: []string{"russia", "north-korea"}, Appearances: []claims.Appearance{{Source: "article-2024"}}}},
		Relations: []claims.Relation{{From: "exercises", To: "ties", Kind: claims.Supports}},
	})
	if err != nil {
		panic(err)
	}
	for _, v := range []graph.View{before, g.View} {
		sup, _ := v.Supporters("ties")
		_, ok := v.Claim("exercises")
		fmt.Println(v.Counts().Claims, "claims;", len(sup), "supporters of ties; exercises:", ok)
	}
	// Output:
	// 4 claims; 1 supporters of ties; exercises: false
	// 5 claims; 2 supporters of ties; exercises: true
}

// TestSnapshotAfterChanges checks a snapshot against the graph it was
// taken of, through several changes and snapshots, query by query: the
// adjacency of old claims grows under it.
func TestSnapshotAfterChanges(t *testing.T) {
	g := graph.New()
	var snaps []graph.View
	var want []string // results on each snapshot, when it was taken
	state := func(v graph.View) string {
		var b strings.Builder
		for c := range v.Claims() {
			sup, _ := v.Supporters(c.ID)
			con, _ := v.Contradictions(c.ID)
			srcs, _ := v.SourcesOf(c.ID)
			fmt.Fprintln(&b, c.ID, len(sup), len(con), len(srcs))
		}
		for s := range v.Sources() {
			d, _ := v.DerivedBy(s.ID)
			in, _ := v.ClaimsIn(s.ID)
			fmt.Fprintln(&b, s.ID, len(d), len(in))
		}
		fmt.Fprintln(&b, v.Counts())
		return b.String()
	}
	for i := 0; i <= 6; i++ {
		if err := g.Apply(growth(i)); err != nil {
			t.Fatal(err)
		}
		// Two snapshots between some changes, none between others.
		if i%3 != 2 {
			snaps = append(snaps, g.Snapshot(), g.Snapshot())
			want = append(want, state(g.View), state(g.View))
		}
	}
	for i, s := range snaps {
		if got := state(s); got != want[i] {
			t.Errorf("snapshot %d now reads\n%s\nwas\n%s", i, got, want[i])
		}
	}
	if state(snaps[0]) == state(g.View) {
		t.Error("the graph did not change after the first snapshot")
	}
}
