package graph_test

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/synth"
	"github.com/claimgraph/claimgraph/sources"
)

// benchSize is 100k claims, or 10k under -short (as CI runs benchmarks).
func benchSize() int {
	if testing.Short() {
		return 10_000
	}
	return 100_000
}

var benchGraphs = map[int]*graph.Graph{}

func benchGraph(b *testing.B, n int) *graph.Graph {
	if g, ok := benchGraphs[n]; ok {
		return g
	}
	g := graph.New()
	if err := g.Apply(synth.Generate(synth.Config{Claims: n})); err != nil {
		b.Fatal(err)
	}
	benchGraphs[n] = g
	return g
}

// BenchmarkBuild builds a graph of benchSize claims (with 4 relations and
// 3 appearances per claim on average) through Apply; generating the
// input is outside the timed loop.
func BenchmarkBuild(b *testing.B) {
	n := benchSize()
	batch := synth.Generate(synth.Config{Claims: n})
	b.Run(fmt.Sprintf("claims=%d", n), func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			g := graph.New()
			if err := g.Apply(batch); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkWideDerivation adds a source that derives from 40,000 others
// (4,000 under -short) and those sources: its
// derivation edges are indexed, O(n), where a scan of its out-list per
// reference took the square. Building the batch is outside the timed
// loop.
func BenchmarkWideDerivation(b *testing.B) {
	n := 40_000
	if testing.Short() {
		n = 4_000
	}
	var batch graph.Batch
	wide := sources.Source{ID: "wide", Kind: sources.Wire}
	for j := range n {
		id := fmt.Sprintf("s%d", j)
		batch.Sources = append(batch.Sources, sources.Source{ID: id, Kind: sources.Wire})
		wide.DerivedFrom = append(wide.DerivedFrom, sources.Derivation{Source: id, Kind: sources.Quotes})
	}
	batch.Sources = append(batch.Sources, wide)
	b.Run(fmt.Sprintf("sources=%d", n), func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			g := graph.New()
			if err := g.Apply(batch); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkQuery measures each per-claim query on random claims of a
// benchSize graph. Each costs O(degree): the figures should not grow
// with the graph.
func BenchmarkQuery(b *testing.B) {
	n := benchSize()
	g := benchGraph(b, n)
	r := rand.New(rand.NewPCG(1, 1))
	ids := make([]string, 1024)
	for i := range ids {
		ids[i] = synth.ClaimID(r.IntN(n))
	}
	rare := synth.EntityID(n/20 - 1) // a rarely mentioned entity
	queries := []struct {
		name string
		run  func(id string) error
	}{
		{"Claim", func(id string) error { g.Claim(id); return nil }},
		{"Supporters", func(id string) error { _, err := g.Supporters(id); return err }},
		{"Supported", func(id string) error { _, err := g.Supported(id); return err }},
		{"Contradictions", func(id string) error { _, err := g.Contradictions(id); return err }},
		{"SupportChains/depth=2", func(id string) error { _, err := g.SupportChains(id, 2); return err }},
		{"SourcesOf", func(id string) error { _, err := g.SourcesOf(id); return err }},
		{"Speakers", func(id string) error { _, err := g.Speakers(id); return err }},
		{"ClaimsIn", func(string) error { _, err := g.ClaimsIn(synth.SourceID(7)); return err }},
		{"ClaimsAbout/rare", func(string) error { _, err := g.ClaimsAbout(rare); return err }},
		{"Neighbourhood/depth=1", func(id string) error { _, err := g.Neighbourhood(id, 1); return err }},
	}
	for _, q := range queries {
		b.Run(q.name, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if err := q.run(ids[i%len(ids)]); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

// BenchmarkRead and BenchmarkWrite measure the readers and writers of
// each format on a benchSize graph written once outside the timed loop.
// The JSON Lines reader is the hot path of large loads.
func BenchmarkRead(b *testing.B) {
	n := benchSize()
	big := graph.ReadOptions{MaxBytes: 1 << 30} // 100k claims are over the YAML and JSON defaults
	g := benchGraph(b, n)
	formats := []struct {
		name  string
		write func(io.Writer) error
		read  func(io.Reader, string) (*graph.Graph, error)
	}{
		{"JSONL", g.WriteJSONL, graph.ReadJSONL},
		{"JSON", g.WriteJSON, big.ReadJSON},
		{"YAML", g.WriteYAML, big.ReadYAML},
	}
	for _, f := range formats {
		var buf bytes.Buffer
		if err := f.write(&buf); err != nil {
			b.Fatal(err)
		}
		data := buf.Bytes()
		b.Run(fmt.Sprintf("%s/claims=%d", f.name, n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := f.read(bytes.NewReader(data), "bench"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkWrite(b *testing.B) {
	n := benchSize()
	g := benchGraph(b, n)
	for _, f := range []struct {
		name  string
		write func(io.Writer) error
	}{{"JSONL", g.WriteJSONL}, {"JSON", g.WriteJSON}, {"YAML", g.WriteYAML}} {
		b.Run(fmt.Sprintf("%s/claims=%d", f.name, n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := f.write(io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSnapshot measures [graph.View.Snapshot] of a benchSize graph:
// what a whole-graph analysis pays up front, and the time a writer may
// wait for it.
func BenchmarkSnapshot(b *testing.B) {
	g := benchGraph(b, benchSize())
	b.ReportAllocs()
	for b.Loop() {
		g.Snapshot()
	}
}

// BenchmarkClaims iterates over every claim of a benchSize graph, live
// (a read lock per claim) and on a snapshot (no lock), each claim a copy
// of the graph's.
func BenchmarkClaims(b *testing.B) {
	g := benchGraph(b, benchSize())
	for _, v := range []struct {
		name string
		v    graph.View
	}{{"live", g.View}, {"snapshot", g.Snapshot()}} {
		b.Run(v.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				n := 0
				for c := range v.v.Claims() {
					n += len(c.About)
				}
			}
		})
	}
}
