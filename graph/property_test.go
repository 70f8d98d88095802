package graph_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/synth"
	"github.com/claimgraph/claimgraph/sources"
	"github.com/google/go-cmp/cmp"
)

// fault is one way to spoil a valid batch: it adds a single bad item or
// field, given the graph the batch is for.
type fault struct {
	name  string
	spoil func(b *graph.Batch, g *graph.Graph, rng *rand.Rand)
	want  error
}

func mustDate(t *testing.T, s string) claims.Date {
	t.Helper()
	d, err := claims.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func faults(t *testing.T) []fault {
	// insert puts x at a random place in list, so that the bad item is
	// sometimes first, sometimes among good ones, sometimes last.
	insertClaim := func(b *graph.Batch, rng *rand.Rand, c claims.Claim) {
		i := rng.IntN(len(b.Claims) + 1)
		b.Claims = append(b.Claims[:i], append([]claims.Claim{c}, b.Claims[i:]...)...)
	}
	insertRel := func(b *graph.Batch, rng *rand.Rand, r claims.Relation) {
		i := rng.IntN(len(b.Relations) + 1)
		b.Relations = append(b.Relations[:i], append([]claims.Relation{r}, b.Relations[i:]...)...)
	}
	return []fault{
		{"unknown entity", func(b *graph.Batch, _ *graph.Graph, rng *rand.Rand) {
			insertClaim(b, rng, claims.Claim{ID: "bad-claim", Text: "T", About: []string{"no-such-entity"}})
		}, graph.ErrUnknownReference},
		{"unknown source", func(b *graph.Batch, _ *graph.Graph, rng *rand.Rand) {
			insertClaim(b, rng, claims.Claim{ID: "bad-claim", Text: "T", Appearances: []claims.Appearance{{Source: "no-such-source"}}})
		}, graph.ErrUnknownReference},
		{"ID taken in the graph", func(b *graph.Batch, _ *graph.Graph, rng *rand.Rand) {
			insertClaim(b, rng, claims.Claim{ID: synth.ClaimID(0), Text: "T"})
		}, graph.ErrDuplicateID},
		{"ID taken twice in the batch", func(b *graph.Batch, _ *graph.Graph, rng *rand.Rand) {
			insertClaim(b, rng, claims.Claim{ID: "twice", Text: "T"})
			insertClaim(b, rng, claims.Claim{ID: "twice", Text: "U"})
		}, graph.ErrDuplicateID},
		{"validity ends before it starts", func(b *graph.Batch, _ *graph.Graph, rng *rand.Rand) {
			insertClaim(b, rng, claims.Claim{ID: "bad-claim", Text: "T",
				Validity: claims.Validity{From: mustDate(t, "2025"), Until: mustDate(t, "2024")}})
		}, claims.ErrInvalidValidity},
		{"missing text", func(b *graph.Batch, _ *graph.Graph, rng *rand.Rand) {
			insertClaim(b, rng, claims.Claim{ID: "bad-claim"})
		}, claims.ErrMissingField},
		{"invalid entity kind", func(b *graph.Batch, _ *graph.Graph, rng *rand.Rand) {
			b.Entities = append(b.Entities, claims.Entity{ID: "bad-entity", Name: "E", Kind: 99})
		}, claims.ErrInvalidKind},
		{"self relation", func(b *graph.Batch, _ *graph.Graph, rng *rand.Rand) {
			insertRel(b, rng, claims.Relation{From: synth.ClaimID(1), To: synth.ClaimID(1), Kind: claims.Supports})
		}, claims.ErrSelfRelation},
		{"relation clashing with the graph", func(b *graph.Batch, g *graph.Graph, rng *rand.Rand) {
			for r := range g.Relations() {
				opposite := claims.Supports
				if r.Kind == claims.Supports {
					opposite = claims.Contradicts
				}
				insertRel(b, rng, claims.Relation{From: r.To, To: r.From, Kind: opposite})
				return
			}
		}, graph.ErrConflictingRelation},
		{"removing a related claim and not its relations", func(b *graph.Batch, g *graph.Graph, rng *rand.Rand) {
			for r := range g.Relations() {
				b.Remove = append(b.Remove, r.From)
				return
			}
		}, graph.ErrReferenced},
		{"removing a source claims appear in", func(b *graph.Batch, g *graph.Graph, rng *rand.Rand) {
			for c := range g.Claims() {
				if len(c.Appearances) > 0 {
					b.Remove = append(b.Remove, c.Appearances[0].Source)
					return
				}
			}
		}, graph.ErrReferenced},
		{"removing what is not there", func(b *graph.Batch, _ *graph.Graph, rng *rand.Rand) {
			b.Remove = append(b.Remove, "no-such-item")
		}, graph.ErrNotFound},
		{"replacing a claim by one in an unknown source", func(b *graph.Batch, _ *graph.Graph, rng *rand.Rand) {
			id := synth.ClaimID(rng.IntN(10))
			b.Remove = append(b.Remove, id)
			insertClaim(b, rng, claims.Claim{ID: id, Text: "T", Appearances: []claims.Appearance{{Source: "no-such-source"}}})
		}, graph.ErrUnknownReference},
		{"merging the two ends of a support", func(b *graph.Batch, g *graph.Graph, rng *rand.Rand) {
			for r := range g.Relations() {
				if r.Kind == claims.Supports {
					b.Merges = append(b.Merges, graph.Merge{Into: r.From, From: r.To})
					return
				}
			}
		}, graph.ErrConflictingRelation},
		{"source derived from nowhere", func(b *graph.Batch, _ *graph.Graph, rng *rand.Rand) {
			b.Sources = append(b.Sources, sources.Source{ID: "bad-source", Kind: sources.NewsArticle,
				DerivedFrom: []sources.Derivation{{Source: "no-such-source", Kind: sources.Cites}}})
		}, graph.ErrUnknownReference},
	}
}

// goodBatch returns a random valid batch of new items for g: entities,
// sources that draw on old and new sources, claims about old and new
// entities appearing in old and new sources, and relations among the new
// claims and from them to old ones.
func goodBatch(rng *rand.Rand, round, oldClaims, oldSources, oldEntities int) graph.Batch {
	var b graph.Batch
	p := fmt.Sprintf("r%d-", round)
	ne, ns, nc := rng.IntN(3), rng.IntN(3), 1+rng.IntN(5)
	for i := range ne {
		b.Entities = append(b.Entities, claims.Entity{ID: fmt.Sprintf("%se%d", p, i), Name: "E", Kind: claims.Person})
	}
	srcs := []string{synth.SourceID(rng.IntN(oldSources))}
	for i := range ns {
		id := fmt.Sprintf("%ss%d", p, i)
		b.Sources = append(b.Sources, sources.Source{ID: id, Kind: sources.NewsArticle,
			DerivedFrom: []sources.Derivation{{Source: srcs[rng.IntN(len(srcs))], Kind: sources.Quotes}}})
		srcs = append(srcs, id)
	}
	for i := range nc {
		c := claims.Claim{ID: fmt.Sprintf("%sc%d", p, i), Text: "A claim.",
			Appearances: []claims.Appearance{{Source: srcs[rng.IntN(len(srcs))]}}}
		if ne > 0 && rng.IntN(2) == 0 {
			c.About = append(c.About, fmt.Sprintf("%se%d", p, rng.IntN(ne)))
		}
		c.About = append(c.About, synth.EntityID(rng.IntN(oldEntities)))
		b.Claims = append(b.Claims, c)
	}
	for i := 1; i < nc; i++ { // a chain among the new claims: no pair twice
		kind := claims.Supports
		if rng.IntN(3) == 0 {
			kind = claims.Contradicts
		}
		b.Relations = append(b.Relations, claims.Relation{From: b.Claims[i-1].ID, To: b.Claims[i].ID, Kind: kind})
	}
	b.Relations = append(b.Relations, claims.Relation{From: b.Claims[0].ID, To: synth.ClaimID(rng.IntN(oldClaims)), Kind: claims.Supports})
	return b
}

// TestFailingBatchLeavesGraphUnchanged applies, to a generated graph,
// random batches that are valid but for one fault. Each must fail with
// the fault's sentinel and leave the graph equal to its copy from before
// (compared through its full YAML form); the same batch without the fault
// must then apply.
func TestFailingBatchLeavesGraphUnchanged(t *testing.T) {
	const nc = 300
	cfg := synth.Config{Claims: nc}
	g := graph.New()
	if err := g.Apply(synth.Generate(cfg)); err != nil {
		t.Fatal(err)
	}
	counts := g.Counts()
	rng := rand.New(rand.NewPCG(1, 1))
	fs := faults(t)
	// Every fault is tried several times in either mode; -short tries each
	// at least twice. The graph is compared in its JSON Lines form, which is
	// loss-free (TestRoundTripGenerated) and an order of magnitude quicker
	// to write than YAML.
	rounds := 200
	if testing.Short() {
		rounds = 2 * len(fs)
	}
	for round := range rounds {
		f := fs[round%len(fs)]
		before := jsonlText(t, g)
		good := goodBatch(rng, round, nc, counts.Sources, counts.Entities)
		bad := good
		bad.Entities = append([]claims.Entity(nil), good.Entities...)
		bad.Sources = append([]sources.Source(nil), good.Sources...)
		bad.Claims = append([]claims.Claim(nil), good.Claims...)
		bad.Relations = append([]claims.Relation(nil), good.Relations...)
		f.spoil(&bad, g, rng)
		err := g.Apply(bad)
		if !errors.Is(err, f.want) {
			t.Fatalf("round %d, %s: Apply error %v, want %v", round, f.name, err, f.want)
		}
		if diff := cmp.Diff(before, jsonlText(t, g)); diff != "" {
			t.Fatalf("round %d, %s: the failed batch changed the graph (-before +after):\n%s", round, f.name, diff)
		}
		if err := g.Apply(good); err != nil {
			t.Fatalf("round %d: the batch without the fault: %v", round, err)
		}
	}
}

// TestRoundTripGenerated writes generated graphs of several shapes in
// every loss-free format, reads them back and checks that the graph is
// the same (its YAML form) and that writing again gives the same bytes.
// Under -short the graphs have at most 50 claims, in the same shapes.
func TestRoundTripGenerated(t *testing.T) {
	formats := []struct {
		name string
		read func(in string) (*graph.Graph, error)
	}{
		{"yaml", func(in string) (*graph.Graph, error) { return graph.ReadYAML(strings.NewReader(in), "g.yaml") }},
		{"json", func(in string) (*graph.Graph, error) { return graph.ReadJSON(strings.NewReader(in), "g.json") }},
		{"jsonl", func(in string) (*graph.Graph, error) { return graph.ReadJSONL(strings.NewReader(in), "g.jsonl") }},
	}
	texts := map[string]func(*testing.T, *graph.Graph) string{"yaml": yamlText, "json": jsonText, "jsonl": jsonlText}
	configs := []synth.Config{
		{Claims: 200, Seed: 1},
		{Claims: 200, Seed: 2, Contradict: 0.9, Cluster: 3},
		{Claims: 300, Seed: 3, Appearances: 6, Relations: 1, MaxDepth: 2},
		{Claims: 50, Seed: 4, Sources: 3, Entities: 2},
	}
	for _, cfg := range configs {
		if testing.Short() {
			cfg.Claims = min(cfg.Claims, 50)
		}
		g := graph.New()
		if err := g.Apply(synth.Generate(cfg)); err != nil {
			t.Fatal(err)
		}
		want := yamlText(t, g)
		for _, f := range formats {
			t.Run(fmt.Sprintf("seed=%d/%s", cfg.Seed, f.name), func(t *testing.T) {
				text := texts[f.name]
				first := text(t, g)
				back, err := f.read(first)
				if err != nil {
					t.Fatalf("reading our own %s: %v", f.name, err)
				}
				if diff := cmp.Diff(want, yamlText(t, back)); diff != "" {
					t.Errorf("graph after a %s round trip (-want +got):\n%s", f.name, diff)
				}
				if diff := cmp.Diff(first, text(t, back)); diff != "" {
					t.Errorf("%s written twice (-first +second):\n%s", f.name, diff)
				}
			})
		}
	}
}

// TestCheckInParts: a large batch is checked in parts on several cores;
// its problems must be the same, in the same order, as when it is checked
// in one part, and a valid batch must build the same graph.
func TestCheckInParts(t *testing.T) {
	valid := synth.Generate(synth.Config{Claims: 2000})
	rng := rand.New(rand.NewPCG(1, 1))
	spoiled := synth.Generate(synth.Config{Claims: 2000})
	for range 5 {
		i := rng.IntN(len(spoiled.Claims))
		spoiled.Claims[i].About = append(spoiled.Claims[i].About, "no-such-entity")
		spoiled.Claims[rng.IntN(len(spoiled.Claims))].Appearances[0].Source = "no-such-source"
		spoiled.Claims[rng.IntN(len(spoiled.Claims))].Text = ""
		r := &spoiled.Relations[rng.IntN(len(spoiled.Relations))]
		r.To = r.From // self relation
		// A relation repeated later in the batch, and one reversed with
		// the other kind: clashes within the batch.
		dup := spoiled.Relations[rng.IntN(len(spoiled.Relations)/2)]
		spoiled.Relations = append(spoiled.Relations, dup)
		rev := spoiled.Relations[rng.IntN(len(spoiled.Relations)/2)]
		rev.From, rev.To = rev.To, rev.From
		rev.Kind = claims.Supports + claims.Contradicts - rev.Kind // the other kind
		spoiled.Relations = append(spoiled.Relations, rev)
		spoiled.Relations = append(spoiled.Relations, claims.Relation{From: "nowhere", To: synth.ClaimID(1), Kind: claims.Supports, Confidence: 2})
	}
	run := func(b graph.Batch, parts bool) string {
		if parts {
			defer graph.SetPartSize(97)()
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
		}
		g := graph.New()
		if err := g.Apply(b); err != nil {
			return problems(t, err)
		}
		return jsonlText(t, g) // every field, and quicker to write than YAML
	}
	for _, tt := range []struct {
		name  string
		batch graph.Batch
	}{{"valid", valid}, {"spoiled", spoiled}} {
		t.Run(tt.name, func(t *testing.T) {
			one, parts := run(tt.batch, false), run(tt.batch, true)
			if diff := cmp.Diff(one, parts); diff != "" {
				t.Errorf("in one part and in parts differ (-one +parts):\n%s", diff)
			}
			// Both ways of finding clashes, whatever the batch's size.
			for _, counting := range []bool{false, true} {
				restore := graph.SetCountClashes(counting)
				got := run(tt.batch, false)
				restore()
				if diff := cmp.Diff(one, got); diff != "" {
					t.Errorf("clashes found with counting sort %v differ (-auto +forced):\n%s", counting, diff)
				}
			}
			if problems := strings.Count(one, "\n") + 1; tt.name == "spoiled" && problems < 30 {
				t.Errorf("%d problems, want at least 30:\n%s", problems, one)
			}
		})
	}
}
