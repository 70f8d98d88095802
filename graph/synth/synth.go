package synth

import (
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/sources"
)

// Config sets the size and shape of a generated graph. Zero fields take
// the defaults given with each field, scaled from Claims.
type Config struct {
	Claims      int     // number of claims (default 1000)
	Sources     int     // default Claims/10
	Entities    int     // default Claims/20
	Appearances float64 // mean appearances per claim (default 3)
	Relations   float64 // mean relations per claim (default 4)
	Contradict  float64 // share of relations that are contradictions (default 0.3)
	MaxDepth    int     // longest derivation chain between sources (default 10)
	Cluster     int     // claims per cluster (default 8)
	Seed        uint64  // random seed (default 1)
}

func (c Config) withDefaults() Config {
	if c.Claims <= 0 {
		c.Claims = 1000
	}
	if c.Sources <= 0 {
		c.Sources = max(c.Claims/10, 2)
	}
	if c.Entities <= 0 {
		c.Entities = max(c.Claims/20, 2)
	}
	if c.Appearances <= 0 {
		c.Appearances = 3
	}
	if c.Relations <= 0 {
		c.Relations = 4
	}
	if c.Contradict <= 0 {
		c.Contradict = 0.3
	}
	if c.MaxDepth <= 0 {
		c.MaxDepth = 10
	}
	if c.Cluster <= 0 {
		c.Cluster = 8
	}
	if c.Seed == 0 {
		c.Seed = 1
	}
	return c
}

// ClaimID, SourceID and EntityID name the i-th generated item, so that
// benchmarks can pick items without a look-up.
func ClaimID(i int) string { return fmt.Sprintf("c%07d", i) }

// SourceID names the i-th generated source.
func SourceID(i int) string { return fmt.Sprintf("s%06d", i) }

// EntityID names the i-th generated entity; entity 0 is the most
// mentioned.
func EntityID(i int) string { return fmt.Sprintf("e%06d", i) }

var publishers = []string{"Wire One", "Daily Planet", "Evening Star", "Morning Post", "Gazette", "Telegraph Hill"}

// Generate returns a valid batch that [graph.Graph.Apply] accepts on an
// empty graph.
func Generate(cfg Config) graph.Batch {
	cfg = cfg.withDefaults()
	r := rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x9e3779b97f4a7c15))
	var b graph.Batch

	b.Entities = make([]claims.Entity, cfg.Entities)
	for i := range b.Entities {
		b.Entities[i] = claims.Entity{ID: EntityID(i), Name: fmt.Sprintf("Entity %d", i), Kind: claims.EntityKind(1 + i%7)}
	}

	// Sources: a forest; a source derives from an earlier one whose chain
	// is shorter than MaxDepth.
	depth := make([]int, cfg.Sources)
	b.Sources = make([]sources.Source, cfg.Sources)
	for i := range b.Sources {
		s := sources.Source{
			ID: SourceID(i), Publisher: publishers[i%len(publishers)], Kind: sources.NewsArticle,
			Published: claims.MustDate(2020+i%6, 1+i%12, 1+i%28),
		}
		if i > 0 && r.Float64() < 0.7 {
			p := r.IntN(i)
			if depth[p] < cfg.MaxDepth {
				depth[i] = depth[p] + 1
				s.DerivedFrom = []sources.Derivation{{Source: SourceID(p), Kind: sources.DerivationKind(1 + r.IntN(4))}}
			}
		}
		if len(s.DerivedFrom) == 0 && r.Float64() < 0.5 {
			s.Kind = sources.Video
		}
		b.Sources[i] = s
	}

	zipf := rand.NewZipf(r, 1.2, 1, uint64(cfg.Entities-1))
	b.Claims = make([]claims.Claim, cfg.Claims)
	for i := range b.Claims {
		c := claims.Claim{ID: ClaimID(i), Text: fmt.Sprintf("Synthetic claim %d of cluster %d.", i, i/cfg.Cluster)}
		for n := min(1+r.IntN(3), cfg.Entities); len(c.About) < n; {
			e := EntityID(int(zipf.Uint64()))
			if !contains(c.About, e) {
				c.About = append(c.About, e)
			}
		}
		na := 1 + r.IntN(int(2*cfg.Appearances-1)) // mean Appearances
		c.Appearances = make([]claims.Appearance, 0, na)
		for range na {
			a := claims.Appearance{Source: SourceID(r.IntN(cfg.Sources))}
			if r.IntN(4) == 0 {
				a.Speaker = c.About[0]
			}
			// A draw that repeats an appearance is left out, as a file
			// may not hold one twice; the draws stay the same, so that a
			// seed's graph is otherwise the one it always was.
			if !slices.ContainsFunc(c.Appearances, func(b claims.Appearance) bool { return b.Source == a.Source && b.Speaker == a.Speaker }) {
				c.Appearances = append(c.Appearances, a)
			}
		}
		b.Claims[i] = c
	}

	// Relations go from a claim to earlier claims, mostly of its own
	// cluster, so that no pair is related twice.
	b.Relations = make([]claims.Relation, 0, int(float64(cfg.Claims)*cfg.Relations))
	var targets []int
	for i := 1; i < cfg.Claims; i++ {
		n := r.IntN(int(2*cfg.Relations) + 1) // mean Relations
		targets = targets[:0]
		for tries := 0; len(targets) < n && tries < 4*n; tries++ {
			var j int
			if start := i - i%cfg.Cluster; start < i && r.IntN(4) > 0 {
				j = start + r.IntN(i-start)
			} else {
				j = r.IntN(i)
			}
			if !containsInt(targets, j) {
				targets = append(targets, j)
			}
		}
		for _, j := range targets {
			k := claims.Supports
			if r.Float64() < cfg.Contradict {
				k = claims.Contradicts
			}
			b.Relations = append(b.Relations, claims.Relation{From: ClaimID(i), To: ClaimID(j), Kind: k})
		}
	}
	return b
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func containsInt(list []int, v int) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
