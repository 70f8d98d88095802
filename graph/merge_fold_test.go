package graph_test

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/sources"
)

// TestMergeFoldSequential: the merges of a batch join what they fold
// together by looking up the shorter list's items in the longer one's
// (graph.SetJoinShorter), so that a chain of n merges costs n log n,
// not n². The graph a batch leaves, or the problems it reports, are
// those of copying From's lists into Into's at each merge in turn, on
// random batches: chains given either way, stars, trees, merges into
// items merged before, of claims, and of entities and sources (chains of
// sources deriving from each other, a replaced one) among them, with
// removals, replacements and relations that meet, agreeing or not, and
// duplicate appearances, notes, inferences and reviews. Checked once
// against the code before the folds on 20,000 such batches: the same
// (before derivations written alike, which that code collapsed where a
// merge touched their source, and which now stay).
func TestMergeFoldSequential(t *testing.T) {
	rounds := 1500
	if testing.Short() {
		rounds = 100
	}
	applied, failed := 0, 0
	for seed := range uint64(rounds) {
		base, m := randomMerges(rand.New(rand.NewPCG(seed, 7)))
		var out [2]string
		for k, shorter := range []bool{false, true} {
			restore := graph.SetJoinShorter(shorter)
			g := graph.New()
			if err := g.Apply(base); err != nil {
				restore()
				t.Fatalf("seed %d: the graph: %v", seed, err)
			}
			if err := g.Apply(m); err != nil {
				out[k] = "error: " + err.Error()
			} else {
				var buf bytes.Buffer
				if err := g.WriteJSON(&buf); err != nil {
					t.Fatal(err)
				}
				out[k] = buf.String()
			}
			restore()
		}
		if out[0] != out[1] {
			t.Fatalf("seed %d: merges %+v\ncopying gives\n%s\njoining the shorter gives\n%s", seed, m.Merges, out[0], out[1])
		}
		if len(out[0]) > 6 && out[0][:6] == "error:" {
			failed++
		} else {
			applied++
		}
	}
	// Both kinds of outcome are compared, mostly graphs.
	if applied < rounds/3 || failed == 0 {
		t.Errorf("%d batches applied, %d failed: want most applied, some failing", applied, failed)
	}
}

// randomMerges returns a random graph and a batch merging in it.
func randomMerges(rng *rand.Rand) (base, m graph.Batch) {
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	nc, ne := 3+rng.IntN(30), 2+rng.IntN(5)
	// Sources deriving from others, some from the same one twice (of
	// two kinds, or written alike).
	source := func(i int) sources.Source {
		src := sources.Source{ID: fmt.Sprintf("s%d", i), Kind: sources.NewsArticle}
		seen := map[sources.Derivation]bool{}
		for range rng.IntN(4) {
			d := sources.Derivation{Source: fmt.Sprintf("s%d", rng.IntN(5)), Kind: []sources.DerivationKind{sources.Cites, sources.Quotes}[rng.IntN(2)]}
			if d.Source != src.ID && !seen[d] {
				seen[d] = true
				src.DerivedFrom = append(src.DerivedFrom, d)
			}
		}
		if n := len(src.DerivedFrom); n > 0 && rng.IntN(4) == 0 {
			src.DerivedFrom = append(src.DerivedFrom, src.DerivedFrom[rng.IntN(n)]) // two written alike, which stay
		}
		return src
	}
	for i := range 5 {
		base.Sources = append(base.Sources, source(i))
	}
	names := []string{"Ann", "Bob", "Cy", "Di"}
	for i := range ne {
		x := claims.Entity{ID: fmt.Sprintf("e%d", i), Name: pick(names...), Kind: claims.Person}
		for range rng.IntN(4) {
			x.Aliases = append(x.Aliases, pick(names...)) // repeats and the name too
		}
		base.Entities = append(base.Entities, x)
	}
	ent := func() string { return fmt.Sprintf("e%d", rng.IntN(ne)) }
	notes := []string{"", "", "x", "y", "x; y"}
	claim := func(id string) claims.Claim {
		c := claims.Claim{ID: id, Text: "T."}
		for range rng.IntN(3) {
			c.About = append(c.About, ent()) // repeats too
		}
		seen := map[string]bool{}
		for range rng.IntN(5) {
			a := claims.Appearance{Source: pick("s0", "s1", "s2"), Quote: pick("", "q"), Note: pick(notes...)}
			if rng.IntN(3) == 0 {
				a.Speaker = ent()
			}
			if rng.IntN(4) == 0 {
				a.Inferred = []claims.Inference{{Field: "date", Sentence: pick("S1.", "S2."), Source: pick("", "s3")}}
			}
			if k := a.Source + a.Speaker + a.Quote; !seen[k] {
				seen[k] = true
				c.Appearances = append(c.Appearances, a)
			}
		}
		switch rng.IntN(8) {
		case 0:
			c.Review = &claims.Review{Status: claims.Published, Rating: pick("False", "True")}
		case 1:
			c.Review = &claims.Review{Status: claims.InProgress}
		}
		return c
	}
	ids := make([]string, nc)
	for i := range nc {
		ids[i] = fmt.Sprintf("c%d", i)
		base.Claims = append(base.Claims, claim(ids[i]))
	}
	// The merges: a shape over a random part of the claims, then a few
	// more, some into claims merged before.
	part := somePart(rng, ids, nc-1)
	// Relations: between two claims merged together, same_as decisions.
	related, confident := map[[2]int]bool{}, rng.IntN(4) == 0
	for range rng.IntN(2*nc) + rng.IntN(2)*nc {
		a, b := rng.IntN(nc), rng.IntN(nc)
		if a == b || related[[2]int{a, b}] || related[[2]int{b, a}] {
			continue
		}
		related[[2]int{a, b}] = true
		r := claims.Relation{From: ids[a], To: ids[b], Kind: []claims.RelationKind{claims.Supports, claims.Contradicts, claims.SameAs}[rng.IntN(3)],
			Note: pick(notes...)}
		switch inA, inB := slices.Contains(part, ids[a]), slices.Contains(part, ids[b]); {
		case inA && inB:
			r.Kind = claims.SameAs // what the merges carry out; another kind would relate a claim to itself
		case inA != inB:
			// Of one kind and direction for each claim outside, so
			// that most meet as one relation once moved.
			if inB {
				r.From, r.To, b = r.To, r.From, a
			}
			r.Kind = []claims.RelationKind{claims.Supports, claims.Contradicts, claims.SameAs}[b%3]
		}
		if rng.IntN(2) == 0 {
			r.Sources = []string{pick("s0", "s1", "s2")}
		}
		if confident && r.Kind != claims.SameAs {
			r.Confidence = []float64{0.5, 0.9}[rng.IntN(2)] // two that differ conflict once they meet
		}
		base.Relations = append(base.Relations, r)
	}

	merge := func(from, into string) {
		m.Merges = append(m.Merges, graph.Merge{From: from, Into: into, DropReview: rng.IntN(4) > 0})
	}
	shapeMerges(rng, part, merge)
	for range rng.IntN(3) {
		if from, into := ids[rng.IntN(nc)], part[rng.IntN(len(part))]; !slices.Contains(part, from) || rng.IntN(8) == 0 {
			merge(from, into) // into a claim merged away, maybe; once in a while a claim merged twice
		}
	}
	// Merges of entities and sources among them, which rename what
	// claims name.
	among := func(x graph.Merge) {
		m.Merges = slices.Insert(m.Merges, rng.IntN(len(m.Merges)+1), x)
	}
	if rng.IntN(2) == 0 {
		among(graph.Merge{From: ent(), Into: ent()}) // into itself once in a while
	}
	switch srcs := []string{"s0", "s1", "s2", "s3", "s4"}; rng.IntN(6) {
	case 0:
		among(graph.Merge{From: pick("s0", "s1"), Into: pick("s2", "s3")})
	case 1: // a chain of sources, either way
		rng.Shuffle(len(srcs), func(i, j int) { srcs[i], srcs[j] = srcs[j], srcs[i] })
		for i := range 2 + rng.IntN(3) {
			among(graph.Merge{From: srcs[i], Into: srcs[i+1]})
		}
	case 2: // s4 replaced, deriving from sources merged into it maybe
		m.Remove = append(m.Remove, "s4")
		m.Sources = append(m.Sources, source(4))
		among(graph.Merge{From: pick("s0", "s1"), Into: "s4"})
	}
	// Removals, replacements and relations of claims outside the merges.
	for _, id := range ids {
		if slices.Contains(part, id) || slices.ContainsFunc(base.Relations, func(r claims.Relation) bool { return r.From == id || r.To == id }) {
			continue
		}
		switch rng.IntN(10) {
		case 0:
			m.Remove = append(m.Remove, id)
		case 1:
			m.Remove = append(m.Remove, id)
			m.Claims = append(m.Claims, claim(id))
		}
	}
	if to := ids[rng.IntN(nc)]; rng.IntN(3) == 0 && !slices.Contains(part, to) && !slices.Contains(m.Remove, to) {
		m.Relations = append(m.Relations, claims.Relation{From: part[rng.IntN(len(part))], To: to, Kind: claims.Supports})
	}
	return base, m
}

// somePart returns 2 to most+1 of ids, at random, in a random order.
func somePart(rng *rand.Rand, ids []string, most int) []string {
	part := slices.Clone(ids)
	rng.Shuffle(len(part), func(i, j int) { part[i], part[j] = part[j], part[i] })
	return part[:2+rng.IntN(most)]
}

// shapeMerges merges the items of part in a random shape, calling
// merge for each merge in order: a chain either way, a star or a tree.
func shapeMerges(rng *rand.Rand, part []string, merge func(from, into string)) {
	switch rng.IntN(4) {
	case 0: // a chain: p0 into p1, p1 into p2, …
		for i := 1; i < len(part); i++ {
			merge(part[i-1], part[i])
		}
	case 1: // the chain given the other way
		for i := len(part) - 1; i > 0; i-- {
			merge(part[i-1], part[i])
		}
	case 2: // a star
		for _, id := range part[1:] {
			merge(id, part[0])
		}
	default: // a tree, each into one before it
		for i := 1; i < len(part); i++ {
			merge(part[i], part[rng.IntN(i)])
		}
	}
}

// TestMergeMeetsInFromsOrder: a claim merge whose Into has fewer
// relations than From's set looks Into's up among From's, in Into's
// order, and reports the relations that conflict in From's order, as
// moving From's one by one does; and the relations of Into's set come
// before From's in the set both make, for the merges after.
func TestMergeMeetsInFromsOrder(t *testing.T) {
	rel := func(from, to string, conf float64) claims.Relation {
		return claims.Relation{From: from, To: to, Kind: claims.Supports, Confidence: conf}
	}
	// fill relates each of ids to n claims of its own.
	fill := func(b *graph.Batch, n int, ids ...string) {
		for _, id := range ids {
			for k := range n {
				y := fmt.Sprintf("y%s%d", id, k)
				b.Claims = append(b.Claims, claims.Claim{ID: y, Text: "Y."})
				b.Relations = append(b.Relations, rel(id, y, 0))
			}
		}
	}
	for _, tc := range []struct {
		name   string
		base   func() graph.Batch
		merges []graph.Merge
		want   [2]string // two problems, in this order
	}{{
		// c gathers a's relation to x2, then b's to x1; z, which c
		// merges into, relates to x1, then x2, with other confidences.
		"into the fewer", func() graph.Batch {
			var b graph.Batch
			for _, id := range []string{"a", "b", "c", "z", "x1", "x2"} {
				b.Claims = append(b.Claims, claims.Claim{ID: id, Text: "T."})
			}
			b.Relations = []claims.Relation{rel("z", "x1", 0.9), rel("z", "x2", 0.9), rel("a", "x2", 0.5), rel("b", "x1", 0.5)}
			fill(&b, 4, "a", "b")
			return b
		}, []graph.Merge{{From: "a", Into: "c"}, {From: "b", Into: "c"}, {From: "c", Into: "z"}},
		[2]string{"c supports x2", "c supports x1"},
	}, {
		// z gathers p's relations to x1 and x2, then c's many; w, which
		// z merges into, has more relations, x2's before x1's: z's set
		// moves in its order, p's first.
		"the fewer first after", func() graph.Batch {
			var b graph.Batch
			for _, id := range []string{"a", "c", "p", "z", "w", "x1", "x2"} {
				b.Claims = append(b.Claims, claims.Claim{ID: id, Text: "T."})
			}
			b.Relations = []claims.Relation{rel("p", "x1", 0.5), rel("p", "x2", 0.5), rel("w", "x2", 0.9), rel("w", "x1", 0.9)}
			fill(&b, 6, "a")
			fill(&b, 20, "w")
			return b
		}, []graph.Merge{{From: "p", Into: "z"}, {From: "a", Into: "c"}, {From: "c", Into: "z"}, {From: "z", Into: "w"}},
		[2]string{"z supports x1", "z supports x2"},
	}} {
		var got [2]string
		for k, shorter := range []bool{false, true} {
			restore := graph.SetJoinShorter(shorter)
			g := graph.New()
			if err := g.Apply(tc.base()); err != nil {
				t.Fatal(err)
			}
			var l graph.ErrorList
			if err := g.Apply(graph.Batch{Merges: tc.merges}); errors.As(err, &l) {
				for _, e := range l {
					got[k] += e.Error() + "\n"
				}
			}
			restore()
		}
		first, second := strings.Index(got[1], tc.want[0]), strings.Index(got[1], tc.want[1])
		if got[0] != got[1] || first < 0 || second < first {
			t.Errorf("%s: moving From's one by one:\n%s\nlooking Into's up:\n%s\nwant the same, %s before %s", tc.name, got[0], got[1], tc.want[0], tc.want[1])
		}
	}
}
