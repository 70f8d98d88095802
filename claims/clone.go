package claims

import "slices"

// Clone returns a deep copy of e, sharing no slices with it.
func (e Entity) Clone() Entity {
	e.Aliases = slices.Clone(e.Aliases)
	e.Merged = slices.Clone(e.Merged)
	return e
}

// Clone returns a deep copy of c, sharing no slices or pointers with it.
func (c Claim) Clone() Claim {
	c.About = slices.Clone(c.About)
	if c.Statement != nil {
		st := *c.Statement
		c.Statement = &st
	}
	c.Appearances = slices.Clone(c.Appearances)
	for i := range c.Appearances {
		c.Appearances[i].Inferred = slices.Clone(c.Appearances[i].Inferred)
	}
	c.Inferred = slices.Clone(c.Inferred)
	c.Merged = slices.Clone(c.Merged)
	if c.Review != nil {
		r := *c.Review
		c.Review = &r
	}
	return c
}

// Clone returns a deep copy of r, sharing no slices with it.
func (r Relation) Clone() Relation {
	r.Sources = slices.Clone(r.Sources)
	r.Inferred = slices.Clone(r.Inferred)
	return r
}
