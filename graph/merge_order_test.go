package graph_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/sources"
)

// steps returns the batches that do what batch b does one step at a
// time, as graph.Merge documents it: its removals and replacements,
// then each merge in a batch of its own (its Into read through the
// merges before it), then its additions (the
// relations it adds after those the merges keep in place).
func steps(b graph.Batch) []graph.Batch {
	var out []graph.Batch
	var replaced, added graph.Batch
	for _, c := range b.Claims {
		if slices.Contains(b.Remove, c.ID) {
			replaced.Claims = append(replaced.Claims, c)
		} else {
			added.Claims = append(added.Claims, c)
		}
	}
	for _, src := range b.Sources {
		if slices.Contains(b.Remove, src.ID) {
			replaced.Sources = append(replaced.Sources, src)
		} else {
			added.Sources = append(added.Sources, src)
		}
	}
	if len(b.Remove) > 0 || len(b.RemoveRelations) > 0 {
		replaced.Remove, replaced.RemoveRelations = b.Remove, b.RemoveRelations
		out = append(out, replaced)
	}
	went := map[string]string{} // an ID merged away -> where it went
	for _, m := range b.Merges {
		// A merge into an item an earlier merge of the batch merged
		// away merges into the item it went to.
		for went[m.Into] != "" {
			m.Into = went[m.Into]
		}
		if m.Into != m.From { // else refused, merging m.From into itself
			went[m.From] = m.Into
		}
		out = append(out, graph.Batch{Merges: []graph.Merge{m}})
	}
	// A relation's sources, and the source of an inference, are kept as
	// written: a later batch does not read a merged ID there, the same
	// batch renames it.
	to := func(src string) string {
		for went[src] != "" {
			src = went[src]
		}
		return src
	}
	infer := func(infs []claims.Inference) {
		for k := range infs {
			infs[k].Source = to(infs[k].Source)
		}
	}
	for i := range added.Claims {
		c := added.Claims[i].Clone()
		infer(c.Inferred)
		for j := range c.Appearances {
			infer(c.Appearances[j].Inferred)
		}
		added.Claims[i] = c
	}
	added.Entities = b.Entities
	for _, r := range b.Relations {
		r = r.Clone()
		for j, src := range r.Sources {
			r.Sources[j] = to(src)
		}
		infer(r.Inferred)
		added.Relations = append(added.Relations, r)
	}
	return append(out, added)
}

// jsonOf returns the file g writes.
func jsonOf(t *testing.T, g *graph.Graph) string {
	t.Helper()
	var buf bytes.Buffer
	if err := g.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// firstDiff shows where two files, one batch's and its steps', part:
// the lines around the first that differs.
func firstDiff(one, steps string) string {
	a, b := strings.Split(one, "\n"), strings.Split(steps, "\n")
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-8)
	return fmt.Sprintf("in one batch, from line %d:\n%s\none step at a time:\n%s", lo+1,
		strings.Join(a[lo:min(len(a), i+4)], "\n"), strings.Join(b[lo:min(len(b), i+4)], "\n"))
}

// TestMergeOneBatchIsSteps: a batch that merges does what its steps do
// one batch each (steps): the file written after is the same byte for
// byte, the order of relations, appearances and note parts included, or
// both refuse and the batch leaves the graph as it was. Random small
// graphs, with random batches of merges of claims (chains either way,
// stars, trees, into items merged before), of sources and entities (in
// the same shapes, before the merges of claims, after them or between
// them), and additions and replacements that name what they merge away;
// up to two sources derive from many others (citing and quoting), which
// the merges of sources make alike, and a source the batch replaces
// derives from some as written (replaced, then merged, its derivations
// that the merges make alike collapse, where one batch kept them), at
// times two written alike where the source it replaces derives from
// those merged (one batch collapsed them, rescanning it at each merge);
// every other batch has more appearances, each noted, which merges of
// sources and entities make one more often. One batch kept the
// appearances those merges make one apart until its end, and joined
// their notes in another order (seed 25 on main's code: a star of
// claims into c9, then s1 into s0, s0 into s3 and s3 into s2).
func TestMergeOneBatchIsSteps(t *testing.T) {
	rounds := 3000
	if testing.Short() {
		rounds = 300
	}
	applied, failed := 0, 0
	for seed := range uint64(rounds) {
		base, b := randomOrderBatch(rand.New(rand.NewPCG(seed, 11)), seed%2 == 1)
		g := graph.New()
		if err := g.Apply(base); err != nil {
			t.Fatalf("seed %d: the graph: %v", seed, err)
		}
		before := jsonOf(t, g)
		errOne := g.Apply(b)
		one := jsonOf(t, g)
		if errOne != nil && one != before {
			t.Fatalf("seed %d: the batch failed (%v) and changed the graph:\n%s", seed, errOne, one)
		}
		h := graph.New()
		if err := h.Apply(base); err != nil {
			t.Fatal(err)
		}
		var errSteps error
		for _, st := range steps(b) {
			if errSteps = h.Apply(st); errSteps != nil {
				break
			}
		}
		switch {
		case (errOne == nil) != (errSteps == nil):
			t.Fatalf("seed %d: batch %+v\none batch: %v\none step at a time: %v", seed, b, errOne, errSteps)
		case errOne != nil:
			failed++
		case one != jsonOf(t, h):
			t.Fatalf("seed %d: batch %+v\n%s", seed, b, firstDiff(one, jsonOf(t, h)))
		default:
			applied++
		}
	}
	if applied < rounds/2 || failed == 0 {
		t.Errorf("%d batches applied, %d failed: want most applied, some failing", applied, failed)
	}
	t.Logf("%d batches applied, %d refused", applied, failed)
}

// randomOrderBatch returns a random graph and a batch that merges in
// it, for TestMergeOneBatchIsSteps.
func randomOrderBatch(rng *rand.Rand, dense bool) (base, b graph.Batch) {
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	nc, ns, ne := 3+rng.IntN(10), 5, 3
	// Up to two hubs, the last sources, each deriving from many of the
	// others, some by citing and quoting, some noted: merges of the
	// sources they derive from (stars, chains) make their derivations
	// alike, or name the hub itself.
	nhubs := rng.IntN(3)
	ns += nhubs
	derivations := func(i int) []sources.Derivation {
		var ds []sources.Derivation
		for j := range ns {
			if j == i || rng.IntN(3) == 0 {
				continue
			}
			for _, k := range []sources.DerivationKind{sources.Cites, sources.Quotes} {
				if d := (sources.Derivation{Source: fmt.Sprintf("s%d", j), Kind: k, Note: pick("", "", "n")}); rng.IntN(2) == 0 && !slices.Contains(ds, d) {
					ds = append(ds, d)
				}
			}
		}
		if len(ds) > 0 && rng.IntN(3) == 0 {
			ds = append(ds, ds[rng.IntN(len(ds))]) // two written alike, which stay
		}
		rng.Shuffle(len(ds), func(x, y int) { ds[x], ds[y] = ds[y], ds[x] })
		return ds
	}
	for i := range ns {
		src := sources.Source{ID: fmt.Sprintf("s%d", i), Kind: sources.Wire}
		if d := rng.IntN(ns); d != i && rng.IntN(3) == 0 {
			src.DerivedFrom = []sources.Derivation{{Source: fmt.Sprintf("s%d", d), Kind: sources.Cites}}
		}
		if i >= ns-nhubs {
			src.DerivedFrom = derivations(i)
		}
		base.Sources = append(base.Sources, src)
	}
	for i := range ne {
		base.Entities = append(base.Entities, claims.Entity{ID: fmt.Sprintf("e%d", i), Name: pick("Ann", "Bob"), Kind: claims.Person})
	}
	notes, quotes, speakers, apps := []string{"", "", "x", "y", "z", "x; y"}, []string{"", "q"}, 3, 4
	if dense {
		// More appearances, which merges of sources and entities make
		// one more often, each noted: the order in which they are
		// joined shows in their notes.
		notes, quotes, speakers, apps = []string{"w", "x", "y", "z", "x; y"}, []string{""}, 6, 6
	}
	mergedTo := map[string]string{}  // the sources and entities merged away
	went := func(id string) string { // through a chain, to its end
		for k := 0; mergedTo[id] != "" && k < ns+ne; k++ {
			id = mergedTo[id]
		}
		return id
	}
	claim := func(id string) claims.Claim {
		c := claims.Claim{ID: id, Text: "T."}
		if rng.IntN(2) == 0 {
			c.About = []string{fmt.Sprintf("e%d", rng.IntN(ne))}
		}
		seen := map[string]bool{}
		for range rng.IntN(apps) {
			a := claims.Appearance{Source: fmt.Sprintf("s%d", rng.IntN(ns)), Quote: pick(quotes...), Note: pick(notes...)}
			if rng.IntN(speakers) == 0 {
				a.Speaker = fmt.Sprintf("e%d", rng.IntN(ne))
			}
			if rng.IntN(4) == 0 {
				a.Inferred = []claims.Inference{{Field: "date", Sentence: pick("S1.", "S2."), Source: pick("", "s0", "s1", "s2")}}
			}
			// Kept once as the merges name them (a batch keeps two that
			// its merges make one once, where a later batch refuses
			// them, as graph.Merge says).
			if k := went(a.Source) + went(a.Speaker) + a.Quote; !seen[k] {
				seen[k] = true
				c.Appearances = append(c.Appearances, a)
			}
		}
		return c
	}
	ids := make([]string, nc)
	for i := range nc {
		ids[i] = fmt.Sprintf("c%d", i)
		base.Claims = append(base.Claims, claim(ids[i]))
	}
	// The claims the merges join, chosen first: a relation between two
	// of them is a same_as (another kind would relate a claim to
	// itself), and the relations between one of them and another claim
	// are of one kind and direction for that claim, so that most meet
	// as one relation once moved, rather than conflict.
	part := somePart(rng, ids, min(nc-1, 5))
	related := map[[2]string]bool{}
	relation := func(from, to string) (claims.Relation, bool) {
		k := [2]string{min(from, to), max(from, to)}
		if from == to || related[k] {
			return claims.Relation{}, false
		}
		related[k] = true
		r := claims.Relation{From: from, To: to, Note: pick(notes...)}
		inFrom, inTo := slices.Contains(part, from), slices.Contains(part, to)
		if inFrom && inTo {
			r.Kind = claims.SameAs
		} else {
			one, other := from, to // other: the end outside part
			if inTo {
				one, other = to, from
			}
			n := int(other[len(other)-1])
			r.From, r.To = one, other
			if n%2 == 0 {
				r.From, r.To = other, one
			}
			r.Kind = []claims.RelationKind{claims.Supports, claims.Contradicts, claims.SameAs}[n%3]
		}
		if r.Kind != claims.SameAs && rng.IntN(2) == 0 {
			r.Sources = []string{fmt.Sprintf("s%d", rng.IntN(ns))}
		}
		if r.Kind != claims.SameAs && rng.IntN(8) == 0 {
			r.Confidence = 0.5 // two that differ conflict once they meet
		}
		return r, true
	}
	// Relations to a few hubs, so that merged claims' relations meet.
	hubs := ids[:1+rng.IntN(2)]
	for range rng.IntN(3 * nc) {
		from, to := ids[rng.IntN(nc)], pick(hubs...)
		if rng.IntN(3) == 0 {
			from, to = to, ids[rng.IntN(nc)]
		}
		if r, ok := relation(from, to); ok {
			base.Relations = append(base.Relations, r)
		}
	}

	// Source and entity merges, in chains (s1 into s2, then s2 into s3,
	// or given the other way), stars and trees, before the claim
	// merges, after them or between them.
	var others []graph.Merge
	for range 1 + rng.IntN(3) {
		kind, n := "s", ns
		if rng.IntN(3) == 0 {
			kind, n = "e", ne
		}
		part := make([]string, n)
		for i := range n {
			part[i] = fmt.Sprintf("%s%d", kind, i)
		}
		shapeMerges(rng, somePart(rng, part, min(n-1, 3)), func(from, into string) {
			if mergedTo[from] == "" && went(into) != from {
				mergedTo[from] = into
				others = append(others, graph.Merge{From: from, Into: into})
			}
		})
	}
	// The claim merges, in a shape over part.
	var claimMerges []graph.Merge
	merge := func(from, into string) {
		claimMerges = append(claimMerges, graph.Merge{From: from, Into: into, DropReview: true})
	}
	shapeMerges(rng, part, merge)
	if rng.IntN(4) == 0 {
		merge(ids[rng.IntN(nc)], part[rng.IntN(len(part))]) // into a claim merged away, maybe
	}
	switch rng.IntN(3) {
	case 0:
		b.Merges = append(others, claimMerges...)
	case 1:
		b.Merges = append(claimMerges, others...)
	default: // interleaved, each list in its order
		for len(others)+len(claimMerges) > 0 {
			if len(claimMerges) == 0 || len(others) > 0 && rng.IntN(2) == 0 {
				b.Merges, others = append(b.Merges, others[0]), others[1:]
			} else {
				b.Merges, claimMerges = append(b.Merges, claimMerges[0]), claimMerges[1:]
			}
		}
	}
	// Additions that name what the merges merge away: new claims in
	// merged sources, about merged entities, related to merged claims.
	for k := range rng.IntN(3) {
		n := claim(fmt.Sprintf("n%d", k))
		b.Claims = append(b.Claims, n)
		for range 1 + rng.IntN(2) {
			if r, ok := relation(n.ID, pick(part[rng.IntN(len(part))], ids[rng.IntN(nc)])); ok {
				if rng.IntN(2) == 0 {
					r.From, r.To = r.To, r.From
				}
				b.Relations = append(b.Relations, r)
			}
		}
	}
	if rng.IntN(4) == 0 {
		if r, ok := relation(part[rng.IntN(len(part))], ids[rng.IntN(nc)]); ok {
			b.Relations = append(b.Relations, r)
		}
	}
	// A replacement of a claim no merge names, once in a while.
	named := func(id string) bool {
		return slices.ContainsFunc(b.Merges, func(m graph.Merge) bool { return m.From == id || m.Into == id })
	}
	if id := ids[rng.IntN(nc)]; rng.IntN(5) == 0 && !named(id) {
		b.Remove = append(b.Remove, id)
		c := claim(id)
		if len(c.Appearances) > 0 && rng.IntN(3) == 0 {
			// Two appearances written alike, which the merges must not
			// make one: both refuse.
			a := c.Appearances[0]
			a.Note += "2"
			c.Appearances = append(c.Appearances, a)
		}
		b.Claims = append(b.Claims, c)
	}
	// A replacement of a source no merge names, deriving from others as
	// written, once in a while: the merges rename what it derives from
	// (one merged with it would derive it from itself, which a batch
	// refuses and a later batch drops, as graph.Merge says). Half the
	// time it derives from few, two of them written alike, so that
	// often no merge names what it derives from, where the source it
	// replaces derives from what the merges name (a hub): one batch
	// collapsed the two as the merges rescanned it, where its steps,
	// which merge after the replacement, keep them.
	if i := rng.IntN(ns); rng.IntN(3) == 0 && !named(fmt.Sprintf("s%d", i)) {
		id := fmt.Sprintf("s%d", i)
		ds := derivations(i)
		if len(ds) > 1 && rng.IntN(2) == 0 {
			ds = append(ds[:1+rng.IntN(2)], ds[0])
		}
		b.Remove = append(b.Remove, id)
		b.Sources = append(b.Sources, sources.Source{ID: id, Kind: sources.Wire, DerivedFrom: ds})
	}
	if rng.IntN(6) == 0 && len(base.Relations) > 0 {
		r := base.Relations[rng.IntN(len(base.Relations))]
		b.RemoveRelations = append(b.RemoveRelations, claims.Relation{From: r.From, To: r.To, Kind: r.Kind})
	}
	return base, b
}

// TestMergeKeepsRelationsInPlace: a merge leaves each relation where it
// was in the order of relations, as graph.Merge says: one it renames
// stays in its place, and of two it makes one, the one kept (Into's)
// stays in its own place, taking what the other says; the relations a
// batch adds come after the graph's, as after its merges. One batch and
// one step at a time give that order (the red team's classes 4 and 5:
// the relations a merge changed went to the end, and one batch put its
// own relations before them).
func TestMergeKeepsRelationsInPlace(t *testing.T) {
	rel := func(from, to, note, src string) claims.Relation {
		r := claims.Relation{From: from, To: to, Kind: claims.Supports, Note: note}
		if src != "" {
			r.Sources = []string{src}
		}
		return r
	}
	base := func(rels ...claims.Relation) graph.Batch {
		b := graph.Batch{Sources: []sources.Source{{ID: "s0", Kind: sources.Wire}, {ID: "s1", Kind: sources.Wire}}}
		for _, id := range []string{"a", "b", "c", "w", "x", "y", "z"} {
			b.Claims = append(b.Claims, claims.Claim{ID: id, Text: "T."})
		}
		b.Relations = rels
		return b
	}
	for _, tc := range []struct {
		name  string
		base  graph.Batch
		batch graph.Batch
		want  []string // the relations after, in order: ends, note, sources
	}{{
		"renamed in place", base(rel("b", "x", "", ""), rel("y", "z", "", ""), rel("a", "w", "", "")),
		graph.Batch{Merges: []graph.Merge{{From: "b", Into: "a"}}},
		[]string{"a>x  []", "y>z  []", "a>w  []"},
	}, {
		"joined in Into's place", base(rel("a", "x", "na", "s0"), rel("b", "x", "nb", "s1"), rel("y", "z", "", "")),
		graph.Batch{Merges: []graph.Merge{{From: "b", Into: "a"}}},
		[]string{"a>x na; nb [s0 s1]", "y>z  []"},
	}, {
		"Into's after From's", base(rel("b", "x", "nb", "s1"), rel("y", "z", "", ""), rel("a", "x", "na", "s0")),
		graph.Batch{Merges: []graph.Merge{{From: "b", Into: "a"}}},
		[]string{"y>z  []", "a>x na; nb [s0 s1]"},
	}, {
		// Moved by the first merge, renamed by the second: the order
		// stays (one batch gave a>z before a>y, one at a time after).
		"moved twice", base(rel("b", "x", "", ""), rel("b", "y", "", "")),
		graph.Batch{Merges: []graph.Merge{{From: "b", Into: "a"}, {From: "x", Into: "z"}}},
		[]string{"a>z  []", "a>y  []"},
	}, {
		// Class 5: the batch adds n and n supports b, and merges b into
		// a, whose relation to c takes b's source: n's relation after.
		"the batch's own after", base(rel("a", "c", "", "s0"), rel("b", "c", "", "s1")),
		graph.Batch{Claims: []claims.Claim{{ID: "n", Text: "N."}}, Relations: []claims.Relation{rel("n", "b", "", "")},
			Merges: []graph.Merge{{From: "b", Into: "a"}}},
		[]string{"a>c  [s0 s1]", "n>a  []"},
	}, {
		// A source merge rewrites the relations citing From in place.
		"a source merge", base(rel("a", "x", "", "s1"), rel("y", "z", "", "")),
		graph.Batch{Merges: []graph.Merge{{From: "s1", Into: "s0"}}},
		[]string{"a>x  [s0]", "y>z  []"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			var files [2]string
			for k, batches := range [][]graph.Batch{{tc.batch}, steps(tc.batch)} {
				g := graph.New()
				if err := g.Apply(tc.base); err != nil {
					t.Fatal(err)
				}
				for _, b := range batches {
					if err := g.Apply(b); err != nil {
						t.Fatal(err)
					}
				}
				var got []string
				for r := range g.Relations() {
					got = append(got, fmt.Sprintf("%s>%s %s %v", r.From, r.To, r.Note, r.Sources))
				}
				if !slices.Equal(got, tc.want) {
					t.Errorf("%s: relations %q, want %q", []string{"one batch", "one step at a time"}[k], got, tc.want)
				}
				files[k] = jsonOf(t, g)
			}
			if files[0] != files[1] {
				t.Errorf("one batch writes\n%s\none step at a time\n%s", files[0], files[1])
			}
		})
	}
}
