package synth_test

// The scale benchmarks measure every stage of the library on generated
// graphs of 10k, 100k and 1M claims, each beside a plain baseline doing
// the same job with Go maps of string slices and no checks, in the same
// run, so that the figures are ratios as well as times: first every
// stage on the library, then every stage on the baseline, each side in
// memory alone (see ready). The README's
// Performance table comes from
//
//	go test -run '^$' -bench Scale -benchtime 1x -timeout 2h ./graph/synth
//
// Under -short (as CI runs benchmarks) only the 10k size runs.

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/af"
	"github.com/claimgraph/claimgraph/graph/internal/cputime"
	"github.com/claimgraph/claimgraph/graph/provenance"
	"github.com/claimgraph/claimgraph/graph/synth"
	"github.com/claimgraph/claimgraph/graph/verdict"
	"github.com/claimgraph/claimgraph/sources"
	"github.com/claimgraph/claimgraph/sources/truth"
	"go.yaml.in/yaml/v3"
)

func scaleSizes() []int {
	if testing.Short() {
		return []int{10_000}
	}
	return []int{10_000, 100_000, 1_000_000}
}

func sizeName(n int) string {
	if n >= 1_000_000 {
		return fmt.Sprintf("%dM", n/1_000_000)
	}
	return fmt.Sprintf("%dk", n/1000)
}

// liveHeap returns the bytes of heap still reachable after collection.
func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// fixture is what the stages of one size share: the generated batch,
// the graph or the baseline built from it (one at a time: see ready),
// and the graph written to files.
type fixture struct {
	n                   int
	batch               graph.Batch
	g                   *graph.Graph
	base                *plain
	yaml, jsonl         string
	ids                 []string // claims of degree at most 10, for queries
	yamlSize, jsonlSize int64
}

// The stages, each measured on the library and on the baseline.
var stages = []struct {
	name           string
	ours, baseline func(b *testing.B, fx *fixture)
}{
	{"Build", benchBuild, benchBuildBaseline},
	{"LoadYAML", benchLoadYAML, benchLoadYAMLBaseline},
	{"LoadJSONL", benchLoadJSONL, benchLoadJSONLBaseline},
	{"Query/Supporters", benchQuery(func(g *graph.Graph, id string) { g.Supporters(id) }),
		benchQueryBaseline(func(p *plain, id string) []string { return slices.Clone(p.supporters[id]) })},
	{"Query/Contradictions", benchQuery(func(g *graph.Graph, id string) { g.Contradictions(id) }),
		benchQueryBaseline(func(p *plain, id string) []string { return slices.Clone(p.contradicts[id]) })},
	{"Query/SourcesOf", benchQuery(func(g *graph.Graph, id string) { g.SourcesOf(id) }),
		benchQueryBaseline(func(p *plain, id string) []string { return p.sourcesOf(id) })},
	{"ContradictionPairs", benchPairs, benchPairsBaseline},
	{"Origins", benchOrigins, benchOriginsBaseline},
	{"Grounded", benchGrounded, benchGroundedBaseline},
	{"Verdicts", benchVerdicts, benchGroundedBaseline},
	{"Truth/Sums", benchTruth, benchTruthBaseline},
}

// BenchmarkScale runs every stage on the library, then every stage on
// the baseline: each side beside what a program doing its job holds,
// the graph or the baseline's maps, never both (see ready).
func BenchmarkScale(b *testing.B) {
	for _, n := range scaleSizes() {
		b.Run("claims="+sizeName(n), func(b *testing.B) {
			fx := newFixture(b, n)
			for _, baseline := range []bool{false, true} {
				side := "/claimgraph"
				if baseline {
					side = "/baseline"
				}
				for _, st := range stages {
					run := st.ours
					if baseline {
						run = st.baseline
					}
					b.Run(st.name+side, func(b *testing.B) {
						fx.ready(b, baseline, st.name == "Build")
						withCPU(b, run, fx)
					})
				}
			}
		})
	}
}

// ready makes what a row reads live, and lets the rest go before the
// row is measured: the generated batch alone for a build, the graph for
// the library's other rows, the baseline's maps for the baseline's. With
// the other side in memory too, the collector would mark its heap during
// every row, and charge it to the row: the baseline's maps of strings at
// 1M claims, marked during the full verdicts, cost 8–11 s of CPU of the
// 10–22 s measured (2 December). Each side is built from the batch,
// generated again when let go.
func (fx *fixture) ready(b *testing.B, baseline, build bool) {
	switch {
	case build:
		fx.g, fx.base = nil, nil
		fx.generated()
	case baseline:
		fx.g = nil
		if fx.base == nil {
			fx.base = buildPlain(fx.generated())
		}
		fx.batch = graph.Batch{}
	default:
		fx.base = nil
		if fx.g == nil {
			fx.g = apply(b, fx.generated())
		}
		fx.batch = graph.Batch{}
	}
	runtime.GC()
}

// apply returns a graph holding bt.
func apply(b *testing.B, bt *graph.Batch) *graph.Graph {
	g := graph.New()
	if err := g.Apply(*bt); err != nil {
		b.Fatal(err)
	}
	return g
}

// withCPU runs stage and reports the CPU time the process spent per op
// (user and system, all threads, garbage collection included): on a
// machine shared with other work it says more than the wall time.
func withCPU(b *testing.B, stage func(*testing.B, *fixture), fx *fixture) {
	before := cputime.Process()
	stage(b, fx)
	if before >= 0 {
		b.ReportMetric(float64((cputime.Process()-before).Milliseconds())/float64(b.N), "cpu-ms/op")
	}
}

var fixtures = map[int]*fixture{}

// newFixture generates the batch of n claims, writes the graph it makes
// to files and picks the claims to query; the graph and the baseline
// are built by ready.
func newFixture(b *testing.B, n int) *fixture {
	if fx, ok := fixtures[n]; ok {
		return fx
	}
	clear(fixtures) // one size in memory at a time
	runtime.GC()
	fx := &fixture{n: n, batch: synth.Generate(synth.Config{Claims: n})}
	fx.ids = lowDegree(&fx.batch, 10, 10_000)
	g := apply(b, &fx.batch)
	dir, err := os.MkdirTemp("", "claimgraph-scale-")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.RemoveAll(dir) })
	fx.jsonl = filepath.Join(dir, "graph.jsonl")
	fx.jsonlSize = writeFile(b, fx.jsonl, g.WriteJSONL)
	if yamlSizes(n) {
		fx.yaml = filepath.Join(dir, "graph.yaml")
		fx.yamlSize = writeFile(b, fx.yaml, g.WriteYAML)
	}
	fixtures[n] = fx
	return fx
}

// lowDegree returns count claims of bt drawn at random with a fixed
// seed, repeats allowed, among those of degree (relations and
// appearances) at most limit.
func lowDegree(bt *graph.Batch, limit, count int) []string {
	degree := make(map[string]int, len(bt.Claims))
	for _, c := range bt.Claims {
		degree[c.ID] = len(c.Appearances)
	}
	for _, r := range bt.Relations {
		degree[r.From]++
		degree[r.To]++
	}
	rng := rand.New(rand.NewPCG(1, 1))
	var ids []string
	for len(ids) < count {
		if id := synth.ClaimID(rng.IntN(len(bt.Claims))); degree[id] <= limit {
			ids = append(ids, id)
		}
	}
	return ids
}

// yamlSizes reports whether the YAML stage runs at n claims: up to 100k.
// At 1M the YAML document's node tree alone would take tens of gigabytes
// and minutes (see the throughput at 100k); JSON Lines is the format for
// graphs that large.
func yamlSizes(n int) bool { return n <= 100_000 }

func writeFile(b *testing.B, path string, write func(w io.Writer) error) int64 {
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if err := write(w); err != nil {
		b.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	info, err := f.Stat()
	if err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	return info.Size()
}

// measure runs build once per loop and reports the live heap of what the
// last run built, beyond what was live before (the batch, whose strings
// both sides share: claim text is not counted).
func measure[T any](b *testing.B, build func() T) {
	b.ReportAllocs()
	before := liveHeap()
	var keep T
	for b.Loop() {
		keep = build()
	}
	b.StopTimer()
	after := liveHeap()
	runtime.KeepAlive(keep)
	b.ReportMetric(float64(int64(after)-int64(before))/1e6, "live-MB")
}

// generated returns the fixture's batch, generating it again if ready
// let it go.
func (fx *fixture) generated() *graph.Batch {
	if len(fx.batch.Claims) == 0 {
		fx.batch = synth.Generate(synth.Config{Claims: fx.n})
	}
	return &fx.batch
}

func benchBuild(b *testing.B, fx *fixture) {
	fx.generated()
	measure(b, func() *graph.Graph {
		g := graph.New()
		if err := g.Apply(fx.batch); err != nil {
			b.Fatal(err)
		}
		return g
	})
}

func benchBuildBaseline(b *testing.B, fx *fixture) {
	batch := fx.generated()
	measure(b, func() *plain { return buildPlain(batch) })
}

func benchLoadYAML(b *testing.B, fx *fixture) {
	if fx.yaml == "" {
		b.Skipf("YAML not measured at %d claims: see yamlSizes", fx.n)
	}
	b.SetBytes(fx.yamlSize)
	measure(b, func() *graph.Graph {
		g, err := graph.ReadOptions{MaxBytes: 1 << 30}.Load(fx.yaml) // over the 16 MiB default from 50k claims
		if err != nil {
			b.Fatal(err)
		}
		return g
	})
}

func benchLoadYAMLBaseline(b *testing.B, fx *fixture) {
	if fx.yaml == "" {
		b.Skipf("YAML not measured at %d claims: see yamlSizes", fx.n)
	}
	b.SetBytes(fx.yamlSize)
	measure(b, func() *plain {
		data, err := os.ReadFile(fx.yaml)
		if err != nil {
			b.Fatal(err)
		}
		var doc wireDoc
		if err := yaml.Unmarshal(data, &doc); err != nil {
			b.Fatal(err)
		}
		return doc.plain()
	})
}

func benchLoadJSONL(b *testing.B, fx *fixture) {
	b.SetBytes(fx.jsonlSize)
	measure(b, func() *graph.Graph {
		f, err := os.Open(fx.jsonl)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		g, err := graph.ReadJSONL(f, fx.jsonl)
		if err != nil {
			b.Fatal(err)
		}
		return g
	})
}

// benchLoadJSONLBaseline decodes each line with encoding/json into plain
// structs and builds the baseline's maps: no positions, no checks.
func benchLoadJSONLBaseline(b *testing.B, fx *fixture) {
	b.SetBytes(fx.jsonlSize)
	measure(b, func() *plain {
		f, err := os.Open(fx.jsonl)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<30)
		var doc wireDoc
		for sc.Scan() {
			var line struct {
				Entity   *wireEntity   `json:"entity"`
				Source   *wireSource   `json:"source"`
				Claim    *wireClaim    `json:"claim"`
				Relation *wireRelation `json:"relation"`
			}
			if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
				b.Fatal(err)
			}
			switch {
			case line.Entity != nil:
				doc.Entities = append(doc.Entities, *line.Entity)
			case line.Source != nil:
				doc.Sources = append(doc.Sources, *line.Source)
			case line.Claim != nil:
				doc.Claims = append(doc.Claims, *line.Claim)
			case line.Relation != nil:
				doc.Relations = append(doc.Relations, *line.Relation)
			}
		}
		if err := sc.Err(); err != nil {
			b.Fatal(err)
		}
		return doc.plain()
	})
}

// benchQuery times each call on its own and reports the median and the
// 99th percentile over claims of degree at most 10.
func benchQuery(q func(g *graph.Graph, id string)) func(b *testing.B, fx *fixture) {
	return func(b *testing.B, fx *fixture) {
		percentiles(b, fx.ids, func(id string) { q(fx.g, id) })
	}
}

func benchQueryBaseline(q func(p *plain, id string) []string) func(b *testing.B, fx *fixture) {
	return func(b *testing.B, fx *fixture) {
		percentiles(b, fx.ids, func(id string) { q(fx.base, id) })
	}
}

func percentiles(b *testing.B, ids []string, q func(id string)) {
	b.ReportAllocs()
	times := make([]time.Duration, len(ids))
	for b.Loop() {
		for i, id := range ids {
			t0 := time.Now()
			q(id)
			times[i] = time.Since(t0)
		}
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Nanoseconds()), "p50-ns")
	b.ReportMetric(float64(times[len(times)*99/100].Nanoseconds()), "p99-ns")
}

func benchPairs(b *testing.B, fx *fixture) {
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for range fx.g.ContradictionPairs() {
			n++
		}
		if n == 0 {
			b.Fatal("no contradictions")
		}
	}
}

func benchPairsBaseline(b *testing.B, fx *fixture) {
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for a, others := range fx.base.contradicts {
			for _, c := range others {
				if a < c {
					n++
				}
			}
		}
		if n == 0 {
			b.Fatal("no contradictions")
		}
	}
}

func benchOrigins(b *testing.B, fx *fixture) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := provenance.Independent(fx.g.View); err != nil {
			b.Fatal(err)
		}
	}
}

func benchOriginsBaseline(b *testing.B, fx *fixture) {
	b.ReportAllocs()
	for b.Loop() {
		fx.base.origins()
	}
}

// benchGrounded labels the claims by the grounded semantics with every
// contradiction an attack both ways, through the public API: number the
// claims, build the framework, label it.
func benchGrounded(b *testing.B, fx *fixture) {
	b.ReportAllocs()
	for b.Loop() {
		// Links give the claims by position: no ID to look up.
		f := af.New(fx.g.Counts().Claims)
		for l := range fx.g.Links() {
			if l.Kind == claims.Contradicts {
				_ = f.Attack(l.From, l.To)
				_ = f.Attack(l.To, l.From)
			}
		}
		af.Grounded(f)
	}
}

func benchGroundedBaseline(b *testing.B, fx *fixture) {
	b.ReportAllocs()
	for b.Loop() {
		fx.base.grounded()
	}
}

// benchVerdicts is the whole of verdict.Compute: evidence from the
// independent origins of every claim, preference, bipolar attacks,
// grounded labels, DF-QuAD strengths and reasons. Its baseline is the
// plain grounded labelling, the least any verdict must do.
func benchVerdicts(b *testing.B, fx *fixture) {
	b.ReportAllocs()
	var r *verdict.Result
	for b.Loop() {
		var err error
		if r, err = verdict.Compute(fx.g.View, verdict.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	// The rounds DF-QuAD took and the proven error of its strengths. On
	// these graphs the bounds of about half the claims settle apart
	// within tens of rounds (claims of base score near 1 in mutual
	// attack have many fixed points) and move by less than 1e-4 of
	// their width in the rest: "rounds" reaching MaxIterations says the
	// iteration used its budget, Bound what the strengths are worth.
	b.ReportMetric(float64(r.Iterations), "rounds")
	b.ReportMetric(r.Bound, "bound")
	if !r.Converged {
		b.Logf("DF-QuAD: bounds apart after %d rounds; every strength is within %.3g of every fixed point (Result.Bound)", r.Iterations, r.Bound)
	}
}

func benchTruth(b *testing.B, fx *fixture) {
	b.ReportAllocs()
	for b.Loop() {
		d, _ := truth.FromGraph(fx.g.View)
		if _, err := truth.Discover(d, truth.Sums, truth.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func benchTruthBaseline(b *testing.B, fx *fixture) {
	b.ReportAllocs()
	for b.Loop() {
		fx.base.sums(20)
	}
}

// plain is the baseline: the graph as Go maps of string slices, built
// without any check.
type plain struct {
	entities    map[string]*claims.Entity
	sources     map[string]*sources.Source
	claims      map[string]*claims.Claim
	supporters  map[string][]string // claim -> claims supporting it
	supported   map[string][]string // claim -> claims it supports
	contradicts map[string][]string // claim -> claims contradicting it (both ways)
	claimsIn    map[string][]string // source -> claims appearing in it
	about       map[string][]string // entity -> claims about it
	derived     map[string][]string // source -> sources it draws on
}

func buildPlain(bt *graph.Batch) *plain {
	p := &plain{
		entities: make(map[string]*claims.Entity), sources: make(map[string]*sources.Source),
		claims: make(map[string]*claims.Claim), supporters: make(map[string][]string),
		supported: make(map[string][]string), contradicts: make(map[string][]string),
		claimsIn: make(map[string][]string), about: make(map[string][]string), derived: make(map[string][]string),
	}
	// Each item is copied with its lists, as the library copies them, so
	// that both own what they hold.
	for i := range bt.Entities {
		e := bt.Entities[i].Clone()
		p.entities[e.ID] = &e
	}
	for i := range bt.Sources {
		s := bt.Sources[i].Clone()
		p.sources[s.ID] = &s
		for _, d := range s.DerivedFrom {
			p.derived[s.ID] = append(p.derived[s.ID], d.Source)
		}
	}
	for i := range bt.Claims {
		c := bt.Claims[i].Clone()
		p.claims[c.ID] = &c
		for _, a := range c.Appearances {
			p.claimsIn[a.Source] = append(p.claimsIn[a.Source], c.ID)
		}
		for _, e := range c.About {
			p.about[e] = append(p.about[e], c.ID)
		}
	}
	for _, r := range bt.Relations {
		if r.Kind == claims.Supports {
			p.supporters[r.To] = append(p.supporters[r.To], r.From)
			p.supported[r.From] = append(p.supported[r.From], r.To)
			continue
		}
		p.contradicts[r.To] = append(p.contradicts[r.To], r.From)
		p.contradicts[r.From] = append(p.contradicts[r.From], r.To)
	}
	return p
}

// sourcesOf returns the distinct sources of a claim's appearances.
func (p *plain) sourcesOf(id string) []string {
	var out []string
	for _, a := range p.claims[id].Appearances {
		if !slices.Contains(out, a.Source) {
			out = append(out, a.Source)
		}
	}
	return out
}

// origins counts for every claim the distinct sources its appearances
// lead back to through derivations, memoised per source.
func (p *plain) origins() map[string]int {
	roots := make(map[string][]string)
	var rootsOf func(s string, seen map[string]bool) []string
	rootsOf = func(s string, seen map[string]bool) []string {
		if r, ok := roots[s]; ok {
			return r
		}
		if seen[s] {
			return nil // a cycle
		}
		seen[s] = true
		var r []string
		if len(p.derived[s]) == 0 {
			r = []string{s}
		}
		for _, d := range p.derived[s] {
			for _, x := range rootsOf(d, seen) {
				if !slices.Contains(r, x) {
					r = append(r, x)
				}
			}
		}
		roots[s] = r
		return r
	}
	out := make(map[string]int, len(p.claims))
	for id := range p.claims {
		var all []string
		for _, s := range p.sourcesOf(id) {
			for _, x := range rootsOf(s, map[string]bool{}) {
				if !slices.Contains(all, x) {
					all = append(all, x)
				}
			}
		}
		out[id] = len(all)
	}
	return out
}

// grounded is the queue algorithm on the maps: IN when every attacker is
// OUT, OUT when some attacker is IN.
func (p *plain) grounded() map[string]af.Label {
	label := make(map[string]af.Label, len(p.claims))
	undecided := make(map[string]int, len(p.claims))
	var queue []string
	for id := range p.claims {
		undecided[id] = len(p.contradicts[id])
		if undecided[id] == 0 {
			queue = append(queue, id)
		}
	}
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		if _, done := label[id]; done {
			continue
		}
		label[id] = af.In
		for _, t := range p.contradicts[id] {
			if _, done := label[t]; done {
				continue
			}
			label[t] = af.Out
			for _, u := range p.contradicts[t] {
				if _, done := label[u]; !done {
					undecided[u]--
					if undecided[u] == 0 {
						queue = append(queue, u)
					}
				}
			}
		}
	}
	return label
}

// sums is Pasternack and Roth's Sums (hubs and authorities) on the maps:
// a source's trust is the sum of the beliefs of its claims, a claim's
// belief the sum of the trusts of its sources, both max-normalised.
func (p *plain) sums(rounds int) map[string]float64 {
	trust := make(map[string]float64, len(p.sources))
	belief := make(map[string]float64, len(p.claims))
	for s := range p.sources {
		trust[s] = 1
	}
	for range rounds {
		top := 0.0
		for id := range p.claims {
			v := 0.0
			for _, s := range p.sourcesOf(id) {
				v += trust[s]
			}
			belief[id] = v
			top = max(top, v)
		}
		for id := range belief {
			belief[id] /= top
		}
		top = 0
		for s := range p.sources {
			v := 0.0
			for _, c := range p.claimsIn[s] {
				v += belief[c]
			}
			trust[s] = v
			top = max(top, v)
		}
		for s := range trust {
			trust[s] /= top
		}
	}
	return trust
}

// The wire types read the formats into plain structs for the baselines:
// only the fields the synthetic graphs use, unknown ones ignored.
type wireDoc struct {
	Entities  []wireEntity   `yaml:"entities" json:"entities"`
	Sources   []wireSource   `yaml:"sources" json:"sources"`
	Claims    []wireClaim    `yaml:"claims" json:"claims"`
	Relations []wireRelation `yaml:"relations" json:"relations"`
}

type wireEntity struct {
	ID   string `yaml:"id" json:"id"`
	Name string `yaml:"name" json:"name"`
	Kind string `yaml:"kind" json:"kind"`
}

type wireSource struct {
	ID          string `yaml:"id" json:"id"`
	Title       string `yaml:"title" json:"title"`
	Kind        string `yaml:"kind" json:"kind"`
	Published   string `yaml:"published" json:"published"`
	DerivedFrom []struct {
		Source string `yaml:"source" json:"source"`
		Kind   string `yaml:"kind" json:"kind"`
	} `yaml:"derived_from" json:"derived_from"`
}

type wireClaim struct {
	ID          string   `yaml:"id" json:"id"`
	Text        string   `yaml:"text" json:"text"`
	About       []string `yaml:"about" json:"about"`
	Appearances []struct {
		Source  string `yaml:"source" json:"source"`
		Speaker string `yaml:"speaker" json:"speaker"`
		Date    string `yaml:"date" json:"date"`
	} `yaml:"appearances" json:"appearances"`
}

type wireRelation struct {
	From string `yaml:"from" json:"from"`
	To   string `yaml:"to" json:"to"`
	Kind string `yaml:"kind" json:"kind"`
}

// plain builds the baseline from a decoded document, as the library's
// types without parsing dates or kinds.
func (doc *wireDoc) plain() *plain {
	var bt graph.Batch
	for _, e := range doc.Entities {
		bt.Entities = append(bt.Entities, claims.Entity{ID: e.ID, Name: e.Name})
	}
	for _, s := range doc.Sources {
		src := sources.Source{ID: s.ID, Title: s.Title}
		for _, d := range s.DerivedFrom {
			src.DerivedFrom = append(src.DerivedFrom, sources.Derivation{Source: d.Source})
		}
		bt.Sources = append(bt.Sources, src)
	}
	for _, c := range doc.Claims {
		cl := claims.Claim{ID: c.ID, Text: c.Text, About: c.About}
		for _, a := range c.Appearances {
			cl.Appearances = append(cl.Appearances, claims.Appearance{Source: a.Source, Speaker: a.Speaker})
		}
		bt.Claims = append(bt.Claims, cl)
	}
	for _, r := range doc.Relations {
		kind := claims.Supports
		if r.Kind == "contradicts" {
			kind = claims.Contradicts
		}
		bt.Relations = append(bt.Relations, claims.Relation{From: r.From, To: r.To, Kind: kind})
	}
	return buildPlain(&bt)
}
