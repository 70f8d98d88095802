package explore_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/evidence"
	"github.com/claimgraph/claimgraph/graph/explore"
	"github.com/claimgraph/claimgraph/graph/provenance"
	"github.com/claimgraph/claimgraph/graph/synth"
	"github.com/claimgraph/claimgraph/graph/verdict"
	"github.com/claimgraph/claimgraph/sources"
)

var seed = filepath.Join("..", "..", "testdata", "kim-putin.yaml")

func load(t testing.TB) *graph.Graph {
	t.Helper()
	g, err := graph.Load(seed)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// labelsAt replays the states of m up to dated state k (or the undated
// graph for k < 0) as the page does, and returns each claim's verdict.
func labelsAt(m *explore.Model, k int) []explore.Verdict {
	cur := slices.Clone(m.States[0])
	if k < 0 {
		return cur
	}
	for s := 1; s <= 1+k-m.From; s++ {
		for _, v := range m.States[s] {
			cur[v.C] = v
		}
	}
	return cur
}

// TestStatesAreTheVerdictsOfEachDate checks every state of the seed's
// model against verdict.Compute run afresh on the view of a day in it.
func TestStatesAreTheVerdictsOfEachDate(t *testing.T) {
	g := load(t)
	m, err := explore.Build(g, explore.Options{File: seed, MaxDates: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Dates) < 2 || m.From != 0 || len(m.States) != len(m.Dates)+2 {
		t.Fatalf("%d dates, from %d, %d states", len(m.Dates), m.From, len(m.States))
	}
	if !slices.IsSorted(m.Dates) {
		t.Errorf("dates out of order: %v", m.Dates)
	}
	// Every start and end of a claim's validity is a date of change.
	for c := range g.Claims() {
		for _, d := range []claims.Date{c.Validity.Start().First(), c.Validity.End().First()} {
			if !d.IsZero() && !slices.Contains(m.Dates, d.String()) {
				t.Errorf("%s changes on %s, not among the dates", c.ID, d)
			}
		}
	}
	check := func(k int, v graph.View, what string) {
		r, err := verdict.Compute(v, verdict.Options{})
		if err != nil {
			t.Fatal(err)
		}
		got := labelsAt(m, k)
		for i, want := range r.Verdicts {
			if got[i].C != i || m.Labels[got[i].Label] != want.Label.String() || m.Ratings[got[i].Rating] != want.Rating.Name {
				t.Errorf("%s: %s is %s (%s), verdict.Compute says %s (%s)", what, want.Claim,
					m.Labels[got[i].Label], m.Ratings[got[i].Rating], want.Label, want.Rating.Name)
			}
			checkEvidence(t, what, got[i], want)
		}
	}
	check(-1, g.View, "undated")
	first, _ := claims.ParseDate(m.Dates[0])
	check(0, g.At(claims.DateOf(first.Time().AddDate(0, 0, -1))), "before the first date")
	for k, s := range m.Dates {
		d, _ := claims.ParseDate(s)
		check(k+1, g.At(d), "on "+s)
		// A day inside the interval gives the same verdicts as its first day.
		if k+1 < len(m.Dates) {
			next, _ := claims.ParseDate(m.Dates[k+1])
			if day := claims.DateOf(next.Time().AddDate(0, 0, -1)); day != d {
				check(k+1, g.At(day), "on "+day.String())
			}
		}
	}
}

// checkEvidence checks that the model's verdict got carries the evidence
// of want, the verdict of verdict.Compute for its claim in the same
// state, as the command line prints it (evidence.Text).
func checkEvidence(t *testing.T, what string, got explore.Verdict, want verdict.Verdict) {
	t.Helper()
	if evidence.Text(got.Evidence, got.Capped) != evidence.Text(want.Evidence, want.Capped) || got.Lent != want.Lent {
		t.Errorf("%s: %s has evidence %s, %d lent; verdict.Compute says %s, %d lent", what, want.Claim,
			evidence.Text(got.Evidence, got.Capped), got.Lent, evidence.Text(want.Evidence, want.Capped), want.Lent)
	}
}

// TestReasonsWeighAsTheVerdicts: the page shows each reason with the
// evidence of the claim it names, which the model carries in that
// claim's verdict of the same state. Here c, of one own origin and two
// lent by sup, defeats a, of two own origins, by trust: 0.5 + 0.8 + 0.8
// against 0.9 + 0.9. Shown with its own origin alone, as the page did,
// the reason named one origin that defeats two; from 2024 sup no longer
// holds, lends nothing, and a defeats c.
func TestReasonsWeighAsTheVerdicts(t *testing.T) {
	g, err := graph.ReadYAML(strings.NewReader(`claimgraph: 1
sources:
  - {id: s1, kind: news-article}
  - {id: s2, kind: news-article}
  - {id: s3, kind: news-article}
  - {id: s4, kind: news-article}
  - {id: s5, kind: news-article}
claims:
  - {id: a, text: A., appearances: [{source: s1}, {source: s2}]}
  - {id: c, text: C., appearances: [{source: s3}]}
  - {id: sup, text: S., valid_until: 2024-01-01, appearances: [{source: s4}, {source: s5}]}
relations:
  - {from: a, to: c, kind: contradicts}
  - {from: sup, to: c, kind: supports}
`), "lend.yaml")
	if err != nil {
		t.Fatal(err)
	}
	opts := verdict.Options{Trust: map[string]float64{"s1": 0.9, "s2": 0.9, "s4": 0.8, "s5": 0.8}}
	m, err := explore.Build(g, explore.Options{MaxDates: -1, Verdict: opts})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		state    int // as labelsAt takes it
		view     graph.View
		rejected string
		evidence string // of the claim that defeats it
		lent     int
	}{
		{"undated", -1, g.View, "a", "2.1", 2},
		{"from 2024", 1, g.At(claims.MustDate(2024, 1, 1)), "c", "1.8", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := verdict.Compute(tt.view, opts)
			if err != nil {
				t.Fatal(err)
			}
			got := labelsAt(m, tt.state)
			for i, want := range r.Verdicts {
				checkEvidence(t, tt.name, got[i], want)
			}
			vd, _ := r.Verdict(tt.rejected)
			if vd.Label != verdict.Rejected || len(vd.Reasons) != 1 {
				t.Fatalf("%s: %s %+v; want rejected, one reason", tt.name, tt.rejected, vd)
			}
			by := got[slices.IndexFunc(r.Verdicts, func(v verdict.Verdict) bool { return v.Claim == vd.Reasons[0].Claim })]
			if e := evidence.Text(by.Evidence, by.Capped); e != tt.evidence || by.Lent != tt.lent {
				t.Errorf("%s: %s is defeated by %s of evidence %s, %d lent; want %s, %d lent", tt.name, tt.rejected,
					vd.Reasons[0].Claim, e, by.Lent, tt.evidence, tt.lent)
			}
		})
	}
}

func TestMaxDatesKeepsTheLatest(t *testing.T) {
	g := load(t)
	all, err := explore.Build(g, explore.Options{MaxDates: -1})
	if err != nil {
		t.Fatal(err)
	}
	m, err := explore.Build(g, explore.Options{MaxDates: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.States) != 1+3 || m.From != len(m.Dates)+1-3 {
		t.Fatalf("MaxDates 3: %d states from %d of %d dates", len(m.States), m.From, len(m.Dates))
	}
	for k := m.From; k <= len(m.Dates); k++ {
		if diff := cmp.Diff(labelsAt(all, k), labelsAt(m, k)); diff != "" {
			t.Errorf("state %d differs (-all +capped):\n%s", k, diff)
		}
	}
}

// origins returns the origins of claim i of m as "origin (class):
// chain; chain", deriving plain ones as the page does.
func origins(m *explore.Model, i int) []string {
	c := m.Claims[i]
	var out []string
	if c.Origins == nil {
		seen := map[int]int{}
		for k, a := range c.Apps {
			j, ok := seen[a.Source]
			if !ok {
				class := "unresolved"
				if m.Sources[a.Source].Primary {
					class = "primary"
				}
				j = len(out)
				seen[a.Source] = j
				out = append(out, fmt.Sprintf("%s (%s):", m.Sources[a.Source].ID, class))
			}
			out[j] += fmt.Sprintf(" %d=%s;", k, m.Sources[a.Source].ID)
		}
		return out
	}
	for _, o := range c.Origins {
		s := fmt.Sprintf("%s (%s):", m.Sources[o.Source].ID, m.Classes[o.Class])
		for i, app := range o.Apps {
			s += fmt.Sprintf(" %d=", app)
			for k := o.Starts[i]; ; k = o.Steps[k].Next {
				s += m.Sources[o.Steps[k].Source].ID
				if o.Steps[k].Next < 0 {
					break
				}
				s += " -" + o.Steps[k].Link + "-> "
			}
			s += ";"
		}
		out = append(out, s)
	}
	return out
}

// TestOriginsRoundTrip checks that the origins of every claim, read back
// from the JSON as the page reads them, are those of package provenance,
// for the seed and for a generated graph with long derivation chains.
func TestOriginsRoundTrip(t *testing.T) {
	big := graph.New()
	if err := big.Apply(synth.Generate(synth.Config{Claims: 300, Seed: 7})); err != nil {
		t.Fatal(err)
	}
	for name, g := range map[string]*graph.Graph{"seed": load(t), "synth": big} {
		m, err := explore.Build(g, explore.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := json.NewEncoder(&buf).Encode(m); err != nil {
			t.Fatal(err)
		}
		var back explore.Model
		if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
			t.Fatal(err)
		}
		x := provenance.New(g.View)
		i, plain, chained := 0, 0, 0
		for c := range g.Claims() {
			rep, err := x.Of(c)
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, grp := range rep.Groups {
				s := fmt.Sprintf("%s (%s):", grp.Origin.Source, grp.Origin.Class)
				for j, app := range grp.Appearances {
					s += fmt.Sprintf(" %d=%s;", app, grp.Chain(j))
					if grp.Chain(j).Len() > 0 {
						chained++
					}
				}
				want = append(want, s)
			}
			if back.Claims[i].Origins == nil {
				plain++
			}
			if diff := cmp.Diff(want, origins(&back, i)); diff != "" {
				t.Errorf("%s: origins of %s (-provenance +page):\n%s", name, c.ID, diff)
			}
			i++
		}
		if plain == 0 || plain == i || chained == 0 {
			t.Errorf("%s: %d of %d claims with plain origins, %d chained appearances: the test covers too little", name, plain, i, chained)
		}
	}
}

func TestRelationsRoundTrip(t *testing.T) {
	g := load(t)
	m, err := explore.Build(g, explore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(m.Rels)
	if err != nil {
		t.Fatal(err)
	}
	var back []explore.Rel
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(m.Rels, back); diff != "" {
		t.Errorf("relations changed through JSON:\n%s", diff)
	}
	i := 0
	for r := range g.Relations() {
		got := back[i]
		if m.Claims[got.From].ID != r.From || m.Claims[got.To].ID != r.To || (got.Kind == 1) != (r.Kind == claims.Contradicts) || len(got.Sources) != len(r.Sources) || got.Note != r.Note {
			t.Errorf("relation %d: %+v, want %v", i, got, r)
		}
		i++
	}
	if err := json.Unmarshal([]byte(`[1,2]`), &back[0]); err == nil {
		t.Error("a relation of two elements was accepted")
	}
}

// TestVerdictsRoundTrip checks that the verdicts, written as arrays
// without their empty ends, read back the same, reasons included. It
// reads support as bipolar, so that some reason goes through a support
// step (has a Via): the default, lending, derives no such attack.
func TestVerdictsRoundTrip(t *testing.T) {
	m, err := explore.Build(load(t), explore.Options{MaxDates: -1, Verdict: verdict.Options{Support: verdict.Bipolar}})
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(m.States)
	if err != nil {
		t.Fatal(err)
	}
	var back [][]explore.Verdict
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(m.States, back, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("verdicts changed through JSON:\n%s", diff)
	}
	var via, since, more bool
	for _, state := range back {
		for _, v := range state {
			for _, r := range v.Reasons {
				via = via || r.Via != nil
			}
			since, more = since || v.Since != "", more || v.More > 0
		}
	}
	if !via || !since {
		t.Errorf("the seed has a reason with a via: %v, a verdict with a date: %v; want both, to test them", via, since)
	}
	var v explore.Verdict
	if err := json.Unmarshal([]byte(`[1,2,3]`), &v); err == nil {
		t.Error("a verdict of three elements was accepted")
	}
}

// TestPageCannotBeBrokenByText checks that text in the graph that looks
// like markup stays inside the JSON of the page.
func TestPageCannotBeBrokenByText(t *testing.T) {
	g := graph.New()
	evil := `</script><script>alert(1)</script><!--`
	if err := g.AddSource(sources.Source{ID: "s", Title: evil, Kind: sources.NewsArticle}); err != nil {
		t.Fatal(err)
	}
	if err := g.AddClaim(claims.Claim{ID: "c", Text: evil, Appearances: []claims.Appearance{{Source: "s", Quote: evil}}}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := explore.Write(&buf, g, explore.Options{Title: evil}); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	if n := strings.Count(page, "</script>"); n != 2 {
		t.Errorf("%d </script> in the page, want the 2 of its own", n)
	}
	if strings.Contains(page, "<script>alert") || strings.Contains(page, "<!--") {
		t.Error("text of the graph became markup")
	}
}

func TestErrorPage(t *testing.T) {
	var buf bytes.Buffer
	if err := explore.ErrorPage(&buf, "x.yaml", []string{`x.yaml:3:4: bad <id>`}, true, `v"1`); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, want := range []string{"x.yaml:3:4: bad &lt;id&gt;", `"v\"1"`, "fetch('version')"} {
		if !strings.Contains(page, want) {
			t.Errorf("error page lacks %q:\n%s", want, page)
		}
	}
}

// TestPageProblems: the explorer page lists the model's problems above
// the graph, escaped, as ErrorPage does, and has no list without them.
func TestPageProblems(t *testing.T) {
	m, err := explore.Build(load(t), explore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), `id="problems"`) {
		t.Error("a page without problems lists some")
	}
	m.Problems = []string{"x.yaml: gone <since> now", "second"}
	buf.Reset()
	if err := m.WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	if want := `<pre id="problems">x.yaml: gone &lt;since&gt; now` + "\nsecond\n</pre>"; !strings.Contains(buf.String(), want) {
		t.Errorf("page lacks %q", want)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteReportsWriteErrors(t *testing.T) {
	if err := explore.Write(failWriter{}, load(t), explore.Options{}); err == nil {
		t.Error("a failed write was not reported")
	}
}

// relays returns a graph of one claim that appears in each of n sources,
// each quoting the one before it: n chains to the origin, of lengths 0
// to n-1.
func relays(t *testing.T, n int) *graph.Graph {
	var b graph.Batch
	c := claims.Claim{ID: "c", Text: "relayed"}
	for i := range n {
		s := sources.Source{ID: fmt.Sprintf("s%d", i), Kind: sources.NewsArticle}
		if i > 0 {
			s.DerivedFrom = []sources.Derivation{{Source: fmt.Sprintf("s%d", i-1), Kind: sources.Quotes}}
		}
		b.Sources = append(b.Sources, s)
		c.Appearances = append(c.Appearances, claims.Appearance{Source: s.ID})
	}
	b.Claims = []claims.Claim{c}
	g := graph.New()
	if err := g.Apply(b); err != nil {
		t.Fatal(err)
	}
	return g
}

// TestRelayChainPageLinear: the page wrote every chain from an
// appearance to its origin in full, so a claim relayed along a line of n
// sources made a page quadratic in n (12.5 million source references for
// 5,000). The chains are now a tree of steps, each source once: the page
// grows by a bounded number of bytes per source (c·n, c = 200).
func TestRelayChainPageLinear(t *testing.T) {
	size := func(n int) int {
		g := relays(t, n)
		var buf bytes.Buffer
		if err := explore.Write(&buf, g, explore.Options{}); err != nil {
			t.Fatal(err)
		}
		m, err := explore.Build(g, explore.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if o := m.Claims[0].Origins; len(o) != 1 || len(o[0].Steps) != n || len(o[0].Apps) != n {
			t.Fatalf("%d relays: origins %d, want one with %d steps and appearances", n, len(o), n)
		}
		return buf.Len()
	}
	const n = 5000
	base, big := size(2), size(n)
	per := float64(big-base) / (n - 2)
	t.Logf("%d relays: %d bytes, %.0f a relay", n, big, per)
	// A source takes about 60 bytes in the model's list of sources and
	// its appearance, and a step 15; every chain in full took 25 per
	// step, 60 million bytes here.
	if per > 200 {
		t.Errorf("%d relays make a page of %d bytes, %.0f a relay: not linear", n, big, per)
	}
}

// TestPublishedReview: a claim's published review is in the model, for
// the page to show beside the computed verdict; one in progress is not,
// and a claim without one has none.
func TestPublishedReview(t *testing.T) {
	g, err := graph.ReadYAML(strings.NewReader(`claimgraph: 1
sources:
  - {id: s1, kind: wire}
claims:
  - {id: a, text: A., appearances: [{source: s1}], review: {status: published, rating: False, reviewer: Desk, date: 2025-02-01, url: "https://x.example/a"}}
  - {id: b, text: B., appearances: [{source: s1}], review: {status: in-progress}}
  - {id: c, text: C., appearances: [{source: s1}]}
`), "rev.yaml")
	if err != nil {
		t.Fatal(err)
	}
	m, err := explore.Build(g, explore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]*explore.Review{"a": {Rating: "False", Date: "2025-02-01", Reviewer: "Desk", URL: "https://x.example/a"}}
	for _, c := range m.Claims {
		if diff := cmp.Diff(want[c.ID], c.Review); diff != "" {
			t.Errorf("claim %s: review (-want +got):\n%s", c.ID, diff)
		}
	}
}
