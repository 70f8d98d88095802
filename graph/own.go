package graph

import (
	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/sources"
)

// Query results are the caller's: the graph hands out copies of the
// slices and pointers of its items, never its own, so that appending to
// a result's About or writing into its Appearances cannot change the
// graph. A single item is copied with its Clone method; a list of items
// with the own functions below, which cut the slices of all of the
// list's items from one array per element type, each piece with its
// capacity clipped to its length, so that a list costs a few allocations
// however long it is, and an append to one piece reallocates it rather
// than running into the next.

// copier copies the slices of many items into a few arrays. It runs
// twice over the same items: counting what they need, then copying.
type copier struct {
	counting bool
	strs     pool[string]
	apps     pool[claims.Appearance]
	infs     pool[claims.Inference]
	stmts    pool[claims.Statement]
	ders     pool[sources.Derivation]
	reviews  pool[claims.Review]
}

// pool is one array that a copier cuts pieces from.
type pool[T any] struct {
	need int
	buf  []T
}

// take returns a copy of s cut from the pool, or, while counting, counts
// s and returns it unchanged. An empty s comes back with no capacity.
func take[T any](c *copier, p *pool[T], s []T) []T {
	if c.counting {
		p.need += len(s)
		return s
	}
	if len(s) == 0 {
		return s[:0:0]
	}
	if p.buf == nil {
		p.buf = make([]T, 0, p.need)
	}
	n := len(p.buf)
	p.buf = append(p.buf, s...)
	return p.buf[n:len(p.buf):len(p.buf)]
}

func (c *copier) entity(e *claims.Entity) {
	e.Aliases = take(c, &c.strs, e.Aliases)
	e.Merged = take(c, &c.strs, e.Merged)
}

func (c *copier) source(s *sources.Source) {
	s.DerivedFrom = take(c, &c.ders, s.DerivedFrom)
	s.Inferred = take(c, &c.infs, s.Inferred)
	s.Merged = take(c, &c.strs, s.Merged)
}

func (c *copier) claim(x *claims.Claim) {
	x.About = take(c, &c.strs, x.About)
	if x.Statement != nil {
		if c.counting {
			c.stmts.need++
		} else {
			x.Statement = &take(c, &c.stmts, []claims.Statement{*x.Statement})[0]
		}
	}
	x.Appearances = take(c, &c.apps, x.Appearances)
	for i := range x.Appearances {
		// While counting, x.Appearances is still the graph's: read it only.
		if inf := take(c, &c.infs, x.Appearances[i].Inferred); !c.counting {
			x.Appearances[i].Inferred = inf
		}
	}
	x.Inferred = take(c, &c.infs, x.Inferred)
	x.Merged = take(c, &c.strs, x.Merged)
	if x.Review != nil {
		if c.counting {
			c.reviews.need++
		} else {
			x.Review = &take(c, &c.reviews, []claims.Review{*x.Review})[0]
		}
	}
}

// own gives the items of list, copies of the graph's, slices of their
// own, with one copying one item's; it returns list.
func own[T any](list []T, one func(*copier, *T)) []T {
	c := copier{counting: true}
	for i := range list {
		one(&c, &list[i])
	}
	c.counting = false
	for i := range list {
		one(&c, &list[i])
	}
	return list
}

func ownClaims(list []claims.Claim) []claims.Claim      { return own(list, (*copier).claim) }
func ownEntities(list []claims.Entity) []claims.Entity  { return own(list, (*copier).entity) }
func ownSources(list []sources.Source) []sources.Source { return own(list, (*copier).source) }
