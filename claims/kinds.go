package claims

import (
	"errors"
	"fmt"
)

// Sentinel errors, matched with [errors.Is]. Validation and the loaders
// wrap them with the offending ID, field and value.
var (
	ErrInvalidID         = errors.New("invalid ID")
	ErrMissingField      = errors.New("missing required field")
	ErrInvalidDate       = errors.New("invalid date")
	ErrInvalidValidity   = errors.New("invalid validity")
	ErrInvalidKind       = errors.New("invalid kind")
	ErrInvalidConfidence = errors.New("invalid confidence")
	ErrInvalidWikidata   = errors.New("invalid Wikidata ID")
	ErrInvalidLang       = errors.New("invalid language tag")
	ErrSelfRelation      = errors.New("self-relation")
	ErrInvalidDigest     = errors.New("invalid evidence digest")
)

// EntityKind says what an [Entity] is. The zero value is invalid, so that
// a forgotten kind is caught by validation.
type EntityKind uint8

// The kinds of entity.
const (
	Person EntityKind = iota + 1
	Organisation
	Country
	Place
	Event
	Document
	OtherEntity
)

var entityKinds = Enum{Names: []string{"", "person", "organisation", "country", "place", "event", "document", "other"}, What: "entity kind"}

// String returns the YAML name of k ("person", "organisation"...).
func (k EntityKind) String() string { return entityKinds.Name(int(k)) }

// ParseEntityKind parses the YAML name of an entity kind; "organization"
// is accepted too.
func ParseEntityKind(s string) (EntityKind, error) {
	if s == "organization" {
		return Organisation, nil
	}
	i, err := entityKinds.Parse(s)
	return EntityKind(i), err
}

// MarshalText implements [encoding.TextMarshaler].
func (k EntityKind) MarshalText() ([]byte, error) { return entityKinds.Marshal(int(k)) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (k *EntityKind) UnmarshalText(b []byte) error {
	v, err := ParseEntityKind(string(b))
	*k = v
	return err
}

// RelationKind says how one claim bears on another.
type RelationKind uint8

// The kinds of relation between claims. Contradicts is symmetric: the
// two claims cannot both hold. Supports is directed: From lends strength
// to To.
//
// SameAs and DistinctFrom are not evidence but a person's decision about
// claim matching, both symmetric: the two claims state the same
// proposition in other words (kept as a relation when the desk wants
// both IDs), or they are different propositions however alike their
// words. Neither lends support nor attacks; see [RelationKind.Bearing].
const (
	Supports RelationKind = iota + 1
	Contradicts
	SameAs
	DistinctFrom
)

var relationKinds = Enum{Names: []string{"", "supports", "contradicts", "same_as", "distinct_from"}, What: "relation kind"}

// String returns the YAML name of k: "supports", "contradicts",
// "same_as" or "distinct_from".
func (k RelationKind) String() string { return relationKinds.Name(int(k)) }

// Bearing reports whether k bears on the truth of the claims it joins:
// true for Supports and Contradicts, false for the matching decisions
// SameAs and DistinctFrom, which verdicts, provenance and trust ignore.
func (k RelationKind) Bearing() bool { return k == Supports || k == Contradicts }

// Symmetric reports whether k joins its claims both ways, so that the
// order of From and To carries no meaning: every kind but Supports.
func (k RelationKind) Symmetric() bool { return k != Supports }

// ParseRelationKind parses "supports", "contradicts", "same_as" or
// "distinct_from".
func ParseRelationKind(s string) (RelationKind, error) {
	i, err := relationKinds.Parse(s)
	return RelationKind(i), err
}

// MarshalText implements [encoding.TextMarshaler].
func (k RelationKind) MarshalText() ([]byte, error) { return relationKinds.Marshal(int(k)) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (k *RelationKind) UnmarshalText(b []byte) error {
	v, err := ParseRelationKind(string(b))
	*k = v
	return err
}

// Enum is the parsing and printing of a small enumeration written as a
// lower-case word, shared with package sources. Names[0] is the invalid
// zero value; What names the enumeration in errors ("source kind").
type Enum struct {
	Names []string
	What  string
}

// Name returns the word for i, or "invalid(i)".
func (e Enum) Name(i int) string {
	if i <= 0 || i >= len(e.Names) {
		return fmt.Sprintf("invalid(%d)", i)
	}
	return e.Names[i]
}

// Parse returns the number of the word s, or an error wrapping
// [ErrInvalidKind].
func (e Enum) Parse(s string) (int, error) {
	for i, n := range e.Names {
		if i > 0 && n == s {
			return i, nil
		}
	}
	return 0, fmt.Errorf("%w: unknown %s %s", ErrInvalidKind, e.What, Quote(s))
}

// Marshal returns the word for i, or an error wrapping [ErrInvalidKind].
func (e Enum) Marshal(i int) ([]byte, error) {
	if i <= 0 || i >= len(e.Names) {
		return nil, fmt.Errorf("%w: %s %d", ErrInvalidKind, e.What, i)
	}
	return []byte(e.Names[i]), nil
}
