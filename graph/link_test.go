package graph

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"runtime"
	"testing"
	"unsafe"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/sources"
)

// linkBatch returns a batch of n claims with IDs prefixed by p, whose
// items name each other at random (and the items of old, a batch of
// the graph already): sources that derive from others (twice from the
// same one at times), claims about many entities or in many sources
// (past the 48 references from which addClaimEdges indexes them), and
// relations with and without more than their ends and kind.
func linkBatch(r *rand.Rand, p string, n int, old *Batch) Batch {
	var b Batch
	ents, srcs, cls := []string{}, []string{}, []string{}
	if old != nil {
		for _, e := range old.Entities {
			ents = append(ents, e.ID)
		}
		for _, s := range old.Sources {
			srcs = append(srcs, s.ID)
		}
		for _, c := range old.Claims {
			cls = append(cls, c.ID)
		}
	}
	pick := func(ids []string) string { return ids[r.IntN(len(ids))] }
	for i := range n/10 + 1 {
		id := fmt.Sprintf("%se%d", p, i)
		b.Entities = append(b.Entities, claims.Entity{ID: id, Name: "E", Kind: claims.Person})
		ents = append(ents, id)
	}
	for i := range n/5 + 1 {
		id := fmt.Sprintf("%ss%d", p, i)
		s := sources.Source{ID: id, Kind: sources.Wire}
		if len(srcs) > 0 && i%3 == 0 {
			d := pick(srcs)
			s.DerivedFrom = []sources.Derivation{{Source: d, Kind: sources.Cites}, {Source: pick(srcs), Kind: sources.Quotes}, {Source: d, Kind: sources.Cites}}
		}
		b.Sources = append(b.Sources, s)
		srcs = append(srcs, id)
	}
	for i := range n {
		id := fmt.Sprintf("%sc%d", p, i)
		c := claims.Claim{ID: id, Text: "T."}
		refs := 1 + r.IntN(4)
		if i%97 == 0 {
			refs = 60 // indexed
		}
		for k := range refs {
			c.About = append(c.About, pick(ents))
			// A quote of its own: one utterance written twice is refused.
			c.Appearances = append(c.Appearances, claims.Appearance{Source: pick(srcs), Speaker: pick(ents), Quote: fmt.Sprintf("q%d", k)})
		}
		b.Claims = append(b.Claims, c)
		cls = append(cls, id)
	}
	related := map[[2]string]bool{}
	for i := range 3 * n {
		from, to := fmt.Sprintf("%sc%d", p, i%n), pick(cls)
		if i%5 == 0 {
			from, to = to, from // from the graph's claims at times
		}
		if from == to || related[[2]string{from, to}] || related[[2]string{to, from}] {
			continue
		}
		related[[2]string{from, to}] = true
		rel := claims.Relation{From: from, To: to, Kind: claims.Supports}
		if i%7 == 0 {
			rel.Note = "why"
		}
		b.Relations = append(b.Relations, rel)
	}
	return b
}

// TestLinkAtOnce: apply links a batch on two cores into the same
// adjacency, relation tables and items as one at a time, whether the
// graph was empty or the batch names its items, for an owned batch (a
// reader's) and a copied one.
func TestLinkAtOnce(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	r := rand.New(rand.NewPCG(16, 1))
	first := linkBatch(r, "a", 1200, nil)
	second := linkBatch(r, "b", 800, &first)
	build := func(atOnce, owned bool) *store {
		if !atOnce {
			defer SetPartSize(1 << 30)()
		} else {
			defer SetPartSize(100)()
		}
		s := newStore()
		for _, b := range []Batch{first, second} {
			if linkAtOnce(len(b.Sources)+len(b.Claims)+len(b.Relations)) != atOnce {
				t.Fatalf("linkAtOnce is not %v", atOnce)
			}
			p, errs := s.check(&b)
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			if owned {
				b = Batch{Entities: cloneAll(b.Entities), Sources: cloneAll(b.Sources), Claims: cloneAll(b.Claims), Relations: cloneAll(b.Relations)}
			}
			s.apply(&b, p, owned)
		}
		return s
	}
	for _, owned := range []bool{false, true} {
		one, two := build(false, owned), build(true, owned)
		for _, f := range []struct {
			name       string
			one, other any
		}{
			{"out", one.out, two.out}, {"in", one.in, two.in}, {"rels", one.rels, two.rels}, {"relExtra", one.relExtra, two.relExtra},
			{"claims", one.claims, two.claims}, {"sources", one.sources, two.sources}, {"entities", one.entities, two.entities},
			{"ids", one.ids, two.ids}, {"verts", one.verts, two.verts},
		} {
			if !reflect.DeepEqual(f.one, f.other) {
				t.Errorf("owned %v: %s differ one at a time and at once", owned, f.name)
			}
		}
		// The references point at the graph's ID strings (shareRefs),
		// which the comparison above does not see.
		for _, s := range []*store{one, two} {
			for _, c := range s.claims {
				for _, a := range c.Appearances {
					if v := s.ids[a.Source]; unsafe.StringData(a.Source) != unsafe.StringData(s.idOf(v)) {
						t.Fatalf("owned %v: claim %s names source %s by a string of its own", owned, c.ID, a.Source)
					}
				}
			}
		}
		if len(one.in) < 2000 || len(one.relExtra) == 0 {
			t.Fatalf("a batch too small: %d vertices, %d relations with more", len(one.in), len(one.relExtra))
		}
	}
}

// cloneAll returns deep copies of items.
func cloneAll[T interface{ Clone() T }](items []T) []T {
	out := make([]T, len(items))
	for i, x := range items {
		out[i] = x.Clone()
	}
	return out
}
