package match

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
)

// Conflict is a decision that contradicts another, or a relation of the
// graph, through same_as: with a same_as b, "a supports c" and "b
// contradicts c" cannot both hold, nor can "a contradicts b" or "a
// distinct_from b". Decision is its index in the decisions given to
// [Conflicts].
type Conflict struct {
	Decision int
	A, B     string
	Why      string
}

// Error implements error: "match: decision 3 (a ~ c): supports a claim
// it contradicts through same_as (b contradicts c)", the decision
// counted from 1.
func (c *Conflict) Error() string {
	return fmt.Sprintf("match: decision %d (%s ~ %s): %s", c.Decision+1, c.A, c.B, c.Why)
}

// Conflicts returns the decisions of ds that contradict another decision
// of ds, or a relation of v, once the claims that same_as joins (in v
// and in ds) are taken as one: a pair of such groups both supported and
// contradicted, or a contradiction or distinct_from inside one group.
// [graph.Graph.Apply] refuses a pair both supported and contradicted
// directly; this is the same refusal seen through same_as. The
// decisions returned, each once and in order, are the supports and
// contradictions between two groups both supported and contradicted, and
// within a group that holds a contradiction or distinct_from, that one
// and the same_as decisions of the group, for a person to say which is
// wrong. The undecided are
// left out. O(relations of v + decisions), aliases resolved with
// [graph.View.Claim], on one state of the graph, a [graph.View.Snapshot]
// of v.
func Conflicts(v graph.View, ds []Decision) []*Conflict {
	v = v.Snapshot() // the relations and the aliases of one state
	canon := map[string]string{}
	id := func(x string) string {
		if c, ok := canon[x]; ok {
			return c
		}
		c := x
		if cl, ok := v.Claim(x); ok {
			c = cl.ID
		}
		canon[x] = c
		return c
	}
	parent := map[string]string{}
	var root func(string) string
	root = func(x string) string {
		p, ok := parent[x]
		if !ok || p == x {
			return x
		}
		r := root(p)
		parent[x] = r
		return r
	}
	union := func(a, b string) {
		if ra, rb := root(a), root(b); ra != rb {
			parent[ra] = rb
		}
	}
	type rel struct {
		a, b string
		kind claims.RelationKind
		at   int // the decision's index, or -1 for a relation of v
	}
	var rels []rel
	for r := range v.Relations() {
		a, b := id(r.From), id(r.To)
		if r.Kind == claims.SameAs {
			union(a, b)
		} else {
			rels = append(rels, rel{a, b, r.Kind, -1})
		}
	}
	for i, d := range ds {
		a, b := id(d.A), id(d.B)
		switch d.Kind {
		case 0:
		case claims.SameAs:
			union(a, b)
		default:
			rels = append(rels, rel{a, b, d.Kind, i})
		}
	}
	// The same_as decisions are checked as relations too: one that joins
	// two groups a contradiction or distinct_from separates.
	for i, d := range ds {
		if d.Kind == claims.SameAs {
			rels = append(rels, rel{id(d.A), id(d.B), d.Kind, i})
		}
	}
	type pair struct{ a, b string }
	key := func(r rel) pair {
		a, b := root(r.a), root(r.b)
		if r.kind != claims.Supports && b < a { // symmetric kinds
			a, b = b, a
		}
		return pair{a, b}
	}
	supported := map[pair]rel{} // a support between two groups, one way
	contra := map[pair]rel{}    // a contradiction between two groups, either way
	apart := map[pair]rel{}     // a distinct_from between two groups
	for _, r := range rels {
		k := key(r)
		switch r.kind {
		case claims.Supports:
			if _, ok := supported[k]; !ok || r.at < 0 {
				supported[k] = r
			}
		case claims.Contradicts:
			if _, ok := contra[k]; !ok || r.at < 0 {
				contra[k] = r
			}
		case claims.DistinctFrom:
			if _, ok := apart[k]; !ok || r.at < 0 {
				apart[k] = r
			}
		}
	}
	var out []*Conflict
	bad := map[int]bool{}
	report := func(r rel, why string, other rel) {
		if r.at < 0 || bad[r.at] {
			return
		}
		bad[r.at] = true
		if other.kind != 0 {
			why += fmt.Sprintf(" (%s %s %s)", other.a, other.kind, other.b)
		}
		out = append(out, &Conflict{Decision: r.at, A: ds[r.at].A, B: ds[r.at].B, Why: why})
	}
	for _, r := range rels {
		k := key(r)
		same := k.a == k.b
		sym := pair{min(k.a, k.b), max(k.a, k.b)}
		switch r.kind {
		case claims.Supports:
			if same {
				continue // a claim supporting one it is the same as says nothing wrong
			}
			if c, ok := contra[sym]; ok {
				report(r, "supports a claim it contradicts through same_as", c)
			}
		case claims.Contradicts:
			if same {
				report(r, "contradicts a claim it is the same as through same_as", rel{})
				continue
			}
			for _, k2 := range [2]pair{k, {k.b, k.a}} {
				if s, ok := supported[k2]; ok {
					report(r, "contradicts a claim it supports, or is supported by, through same_as", s)
					break
				}
			}
		case claims.DistinctFrom:
			if same {
				report(r, "distinct from a claim it is the same as through same_as", rel{})
			}
		case claims.SameAs:
			if c, ok := contra[sym]; ok {
				report(r, "joins two claims that contradict each other", c)
			} else if d, ok := apart[sym]; ok {
				report(r, "joins two claims decided distinct", d)
			}
		}
	}
	slices.SortFunc(out, func(x, y *Conflict) int { return cmp.Compare(x.Decision, y.Decision) })
	return out
}
