package sparql

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/provenance"
	"github.com/claimgraph/claimgraph/graph/rdf"
	"github.com/claimgraph/claimgraph/graph/synth"
	"github.com/claimgraph/claimgraph/sources"
)

// A case is one query bound to one item, with the Go helper's answer.
type testCase struct {
	name  string // the query
	item  string // the item asked about, for messages
	query string
	want  []string // sorted IDs
	goDur time.Duration
}

// helper answers a query for item id with the Go API: the IDs, and
// false when the case is outside what the query can match (a cycle).
type helper struct {
	kind graph.VertexKind
	ask  func(v graph.View, x *provenance.Index, id string) ([]string, bool, error)
}

func ids[T any](list []T, err error, id func(T) string) ([]string, bool, error) {
	out := make([]string, len(list))
	for i, x := range list {
		out[i] = id(x)
	}
	return out, true, err
}

func claimID(c claims.Claim) string { return c.ID }

var helpers = map[string]helper{
	"contradictions": {graph.ClaimVertex, func(v graph.View, _ *provenance.Index, id string) ([]string, bool, error) {
		rs, err := v.Contradictions(id)
		return ids(rs, err, func(r claims.Relation) string { o, _ := r.Other(id); return o })
	}},
	"supporters": {graph.ClaimVertex, func(v graph.View, _ *provenance.Index, id string) ([]string, bool, error) {
		rs, err := v.Supporters(id)
		return ids(rs, err, func(r claims.Relation) string { return r.From })
	}},
	"supported": {graph.ClaimVertex, func(v graph.View, _ *provenance.Index, id string) ([]string, bool, error) {
		rs, err := v.Supported(id)
		return ids(rs, err, func(r claims.Relation) string { return r.To })
	}},
	"support-chains": {graph.ClaimVertex, func(v graph.View, _ *provenance.Index, id string) ([]string, bool, error) {
		ps, err := v.SupportChains(id, 0)
		return ids(ps, err, func(p graph.Path) string { return p.Claims[0] })
	}},
	"sources": {graph.ClaimVertex, func(v graph.View, _ *provenance.Index, id string) ([]string, bool, error) {
		ss, err := v.SourcesOf(id)
		return ids(ss, err, func(s sources.Source) string { return s.ID })
	}},
	"speakers": {graph.ClaimVertex, func(v graph.View, _ *provenance.Index, id string) ([]string, bool, error) {
		es, err := v.Speakers(id)
		return ids(es, err, func(e claims.Entity) string { return e.ID })
	}},
	"about": {graph.EntityVertex, func(v graph.View, _ *provenance.Index, id string) ([]string, bool, error) {
		cs, err := v.ClaimsAbout(id)
		return ids(cs, err, claimID)
	}},
	"by-speaker": {graph.EntityVertex, func(v graph.View, _ *provenance.Index, id string) ([]string, bool, error) {
		cs, err := v.ClaimsBy(id)
		return ids(cs, err, claimID)
	}},
	"claims-in": {graph.SourceVertex, func(v graph.View, _ *provenance.Index, id string) ([]string, bool, error) {
		cs, err := v.ClaimsIn(id)
		return ids(cs, err, claimID)
	}},
	"derived-by": {graph.SourceVertex, func(v graph.View, _ *provenance.Index, id string) ([]string, bool, error) {
		ss, err := v.DerivedBy(id)
		return ids(ss, err, func(s sources.Source) string { return s.ID })
	}},
	"source-origins": {graph.SourceVertex, func(_ graph.View, x *provenance.Index, id string) ([]string, bool, error) {
		ts, err := x.Source(id)
		out, _, err := ids(ts, err, func(t provenance.Trail) string { return t.Origin.Source })
		for _, t := range ts {
			if t.Origin.Class == provenance.Circular {
				return nil, false, err
			}
		}
		return out, true, err
	}},
	"origins": {graph.ClaimVertex, func(_ graph.View, x *provenance.Index, id string) ([]string, bool, error) {
		r, err := x.Claim(id)
		if err != nil || len(r.Cycles) > 0 {
			return nil, false, err
		}
		return ids(r.Groups, nil, func(g provenance.Group) string { return g.Origin.Source })
	}},
}

// filePeriod is the period of published-between as the file has it, and
// synthPeriod the one the tests of generated graphs use: their sources
// are dated over six years, their appearances not.
var (
	filePeriod  = [2]claims.Date{claims.MustDate(2025, 9, 1), claims.MustDate(2025, 9, 30)}
	synthPeriod = [2]claims.Date{claims.MustDate(2024, 11, 5), claims.MustDate(2024, 11, 20)}
)

// publishedBetween is the Go answer of published-between.
func publishedBetween(v graph.View, from, until claims.Date) []string {
	var out []string
	for c := range v.Claims() {
		for _, a := range c.Appearances {
			d := a.Date
			if d.IsZero() {
				if s, ok := v.Source(a.Source); ok {
					d = s.Published
				}
			}
			if !d.IsZero() && !d.Last().Before(from) && !until.Before(d.First()) {
				out = append(out, c.ID)
				break
			}
		}
	}
	return out
}

// sample picks up to n items of a kind, spread over the order of
// addition, always with the first.
func sample(v graph.View, kind graph.VertexKind, n int) []string {
	var all []string
	switch kind {
	case graph.ClaimVertex:
		for c := range v.Claims() {
			all = append(all, c.ID)
		}
	case graph.EntityVertex:
		for e := range v.Entities() {
			all = append(all, e.ID)
		}
	case graph.SourceVertex:
		for s := range v.Sources() {
			all = append(all, s.ID)
		}
	}
	if len(all) <= n {
		return all
	}
	out := make([]string, n)
	for i := range out {
		out[i] = all[i*len(all)/n]
	}
	return out
}

// cases binds every query to up to n items of g, with the Go answers.
func cases(t testing.TB, g *graph.Graph, n int, period [2]claims.Date) []testCase {
	x := provenance.New(g.View)
	var out []testCase
	for _, name := range Names() {
		text, err := Query(name)
		if err != nil {
			t.Fatal(err)
		}
		if name == "published-between" {
			start := time.Now()
			want := publishedBetween(g.View, period[0], period[1])
			row := func(p [2]claims.Date) string { return fmt.Sprintf(`("%s"^^xsd:date "%s"^^xsd:date)`, p[0], p[1]) }
			if !strings.Contains(text, row(filePeriod)) {
				t.Fatal("published-between: the period of the file is not the one the test replaces")
			}
			q := strings.Replace(text, row(filePeriod), row(period), 1)
			slices.Sort(want)
			out = append(out, testCase{name: name, item: period[0].String() + "/" + period[1].String(), query: q, want: want, goDur: time.Since(start)})
			continue
		}
		h, ok := helpers[name]
		if !ok {
			t.Fatalf("query %s has no Go helper in the test", name)
		}
		for _, id := range sample(g.View, h.kind, n) {
			start := time.Now()
			want, ok, err := h.ask(g.View, x, id)
			dur := time.Since(start)
			if err != nil {
				t.Fatalf("%s %s: %v", name, id, err)
			}
			if !ok {
				continue
			}
			q, err := Bind(text, rdf.DefaultBase+id)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			slices.Sort(want)
			want = slices.Compact(want)
			out = append(out, testCase{name: name, item: id, query: q, want: want, goDur: dur})
		}
	}
	return out
}

// testGraph is the graph an engine is tested on: generated, of n claims,
// 2,000 with -short.
func testGraph(t testing.TB, n int) *graph.Graph {
	if testing.Short() {
		n = 2_000
	}
	g := graph.New()
	if err := g.Apply(synth.Generate(synth.Config{Claims: n})); err != nil {
		t.Fatal(err)
	}
	return g
}

// writeNQuads exports g into a file of dir and returns its path.
func writeNQuads(t testing.TB, g *graph.Graph, dir string) string {
	path := filepath.Join(dir, "graph.nq")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := rdf.WriteNQuads(f, g.View, rdf.Options{}); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// compare checks the engine's answers against the Go helpers' and logs
// the mean time of each query, the engine's and Go's.
func compare(t *testing.T, engine string, cs []testCase, got [][]string, durs []time.Duration) {
	type total struct {
		n           int
		engine, gov time.Duration
		answers     int
	}
	totals := map[string]*total{}
	nonEmpty := 0
	for i, c := range cs {
		g := slices.Clone(got[i])
		slices.Sort(g)
		if !slices.Equal(g, c.want) {
			t.Errorf("%s: %s for %s: got %d answers %v, want %d %v", engine, c.name, c.item, len(g), head(g), len(c.want), head(c.want))
		}
		if len(c.want) > 0 {
			nonEmpty++
		}
		tt := totals[c.name]
		if tt == nil {
			tt = &total{}
			totals[c.name] = tt
		}
		tt.n++
		tt.engine += durs[i]
		tt.gov += c.goDur
		tt.answers += len(c.want)
	}
	if nonEmpty < len(cs)/3 {
		t.Errorf("%s: only %d of %d cases have answers; the sample tests too little", engine, nonEmpty, len(cs))
	}
	for _, name := range Names() {
		if tt := totals[name]; tt != nil {
			t.Logf("%s: %-18s %3d cases, %6d answers, mean %9.3f ms (Go helper %7.3f ms)", engine, name, tt.n, tt.answers,
				float64(tt.engine.Microseconds())/1000/float64(tt.n), float64(tt.gov.Microseconds())/1000/float64(tt.n))
		}
	}
}

func head(ids []string) []string {
	if len(ids) > 5 {
		return append(ids[:5:5], "…")
	}
	return ids
}

func TestBind(t *testing.T) {
	q, err := Query("contradictions")
	if err != nil {
		t.Fatal(err)
	}
	b, err := Bind(q, "https://example.org/x")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b, "BIND (<https://example.org/x> AS ?claim)") || strings.Contains(b, "russia-dprk") {
		t.Errorf("Bind did not replace the parameter:\n%s", b)
	}
	if _, err := Bind(q, "a b"); err == nil {
		t.Error("Bind took an IRI with a space")
	}
	p, _ := Query("published-between")
	if _, err := Bind(p, "urn:x"); err == nil {
		t.Error("Bind took published-between, whose VALUES row is two dates")
	}
	if _, err := Query("nothing"); err == nil {
		t.Error("Query found a query called nothing")
	}
	if n := len(Names()); n != len(helpers)+1 {
		t.Errorf("%d queries, %d helpers in the test: every query needs its Go answer", n, len(helpers))
	}
}
