package diff

import (
	"cmp"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/sources"
)

// The lists whose order means nothing, compared as multisets, so that a
// file only reordered reports no change (as claimgraph merge compares
// them): an entity's aliases, a source's derived_from, a claim's about
// and appearances, a relation's sources, and every item's merged list.
// Other lists (inferred) keep their order.

// unorder sorts the lists of item, a pointer to an entity, source, claim
// or relation, whose order means nothing, into one canonical order,
// sharing no array it sorts with the item it was copied from.
func unorder(item any) {
	switch x := item.(type) {
	case *claims.Entity:
		x.Aliases = sorted(x.Aliases, strings.Compare)
		x.Merged = sorted(x.Merged, strings.Compare)
	case *sources.Source:
		x.DerivedFrom = sorted(x.DerivedFrom, compareDerivations)
		x.Merged = sorted(x.Merged, strings.Compare)
	case *claims.Claim:
		x.About = sorted(x.About, strings.Compare)
		x.Appearances = sorted(x.Appearances, compareAppearances)
		x.Merged = sorted(x.Merged, strings.Compare)
	case *claims.Relation:
		x.Sources = sorted(x.Sources, strings.Compare)
	}
}

// sorted returns list sorted by compare: list itself when it is, else a
// sorted copy.
func sorted[T any](list []T, compare func(a, b T) int) []T {
	if slices.IsSortedFunc(list, compare) {
		return list
	}
	list = slices.Clone(list)
	slices.SortFunc(list, compare)
	return list
}

func compareDerivations(a, b sources.Derivation) int {
	return cmp.Or(strings.Compare(a.Source, b.Source), cmp.Compare(a.Kind, b.Kind), strings.Compare(a.Note, b.Note))
}

// compareAppearances orders appearances by every field, so that two
// that compare equal are equal.
func compareAppearances(a, b claims.Appearance) int {
	return cmp.Or(strings.Compare(a.Source, b.Source), strings.Compare(a.Speaker, b.Speaker),
		cmp.Compare(dateKey(a.Date), dateKey(b.Date)), strings.Compare(a.Quote, b.Quote),
		strings.Compare(a.Lang, b.Lang), strings.Compare(a.Via, b.Via), compareBools(a.AboutPast, b.AboutPast),
		strings.Compare(a.Note, b.Note), compareInferences(a.Inferred, b.Inferred))
}

// compareInferences orders lists of inferences, nil before empty.
func compareInferences(a, b []claims.Inference) int {
	if (a == nil) != (b == nil) {
		return compareBools(a != nil, b != nil)
	}
	return slices.CompareFunc(a, b, func(x, y claims.Inference) int {
		return cmp.Or(strings.Compare(x.Field, y.Field), strings.Compare(x.Sentence, y.Sentence),
			strings.Compare(x.Source, y.Source), strings.Compare(x.Note, y.Note))
	})
}

func compareBools(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// dateKey is a date as one number: what the digester hashes, and the
// order of dates in lists compared as sets.
func dateKey(t claims.Date) uint64 {
	return uint64(t.Year())<<16 | uint64(t.Month())<<8 | uint64(t.Day())
}
