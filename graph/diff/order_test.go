package diff

import (
	"hash/maphash"
	"slices"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/sources"
)

// TestOrderlessLists: the lists whose order means nothing hash alike
// and compare equal in any order, in the digester as in fieldsDiffer,
// and differ when an element does; the items they came from are left as
// they were.
func TestOrderlessLists(t *testing.T) {
	d := newDigester(maphash.MakeSeed())
	apps := []claims.Appearance{{Source: "s1", Quote: "q"}, {Source: "s1", Inferred: []claims.Inference{{Field: "date"}}}, {Source: "s2", AboutPast: true}}
	rev := func(list []claims.Appearance) []claims.Appearance {
		l := slices.Clone(list)
		slices.Reverse(l)
		return l
	}
	pairs := []struct{ a, b, other any }{
		{&claims.Entity{Aliases: []string{"x", "y"}, Merged: []string{"m", "n"}}, &claims.Entity{Aliases: []string{"y", "x"}, Merged: []string{"n", "m"}},
			&claims.Entity{Aliases: []string{"y", "z"}, Merged: []string{"n", "m"}}},
		{&sources.Source{DerivedFrom: []sources.Derivation{{Source: "a", Kind: sources.Cites}, {Source: "b", Kind: sources.Quotes}}},
			&sources.Source{DerivedFrom: []sources.Derivation{{Source: "b", Kind: sources.Quotes}, {Source: "a", Kind: sources.Cites}}},
			&sources.Source{DerivedFrom: []sources.Derivation{{Source: "b", Kind: sources.Cites}, {Source: "a", Kind: sources.Quotes}}}},
		{&claims.Claim{About: []string{"e1", "e2"}, Appearances: apps}, &claims.Claim{About: []string{"e2", "e1"}, Appearances: rev(apps)},
			&claims.Claim{About: []string{"e2", "e1"}, Appearances: rev(apps)[1:]}},
		{&claims.Relation{Sources: []string{"s1", "s2"}}, &claims.Relation{Sources: []string{"s2", "s1"}}, &claims.Relation{Sources: []string{"s2", "s2"}}},
	}
	for _, p := range pairs {
		if !slices.Equal(d.sums(nil, p.a), d.sums(nil, p.b)) {
			t.Errorf("%T: reordered lists hash differently", p.a)
		}
		if slices.Equal(d.sums(nil, p.a), d.sums(nil, p.other)) {
			t.Errorf("%T: other lists hash alike", p.a)
		}
		var same, other []string
		switch a := p.a.(type) {
		case *claims.Entity:
			same, other = fieldsDiffer(*a, *p.b.(*claims.Entity)), fieldsDiffer(*a, *p.other.(*claims.Entity))
		case *sources.Source:
			same, other = fieldsDiffer(*a, *p.b.(*sources.Source)), fieldsDiffer(*a, *p.other.(*sources.Source))
		case *claims.Claim:
			same, other = fieldsDiffer(*a, *p.b.(*claims.Claim)), fieldsDiffer(*a, *p.other.(*claims.Claim))
		case *claims.Relation:
			same, other = fieldsDiffer(*a, *p.b.(*claims.Relation)), fieldsDiffer(*a, *p.other.(*claims.Relation))
		}
		if len(same) != 0 || len(other) == 0 {
			t.Errorf("%T: fieldsDiffer %v for a reordering, %v for other lists", p.a, same, other)
		}
	}
	if pairs[1].b.(*sources.Source).DerivedFrom[0].Source != "b" || pairs[2].b.(*claims.Claim).Appearances[0].Source != "s2" {
		t.Error("fieldsDiffer sorted the items it was given")
	}
}
