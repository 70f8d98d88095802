package graph

import (
	"fmt"
	"strconv"

	"github.com/claimgraph/claimgraph/claims"
)

// ErrMerged: an ID was merged into another item ([Merge]). It names that
// item in look-ups and references, but no item of its own to remove or
// to merge again. It matches [ErrNotFound] too.
var ErrMerged = fmt.Errorf("%w: merged into another item", ErrNotFound)

// missing returns the error for an ID that names no item of s where a
// change wants one: [ErrMerged] naming the item it was merged into, or
// [ErrNotFound] with the message format gives ("nothing to remove with
// ID %s", the ID quoted and cut, claims.Quote: it comes from a change,
// not from a checked file).
func (s *store) missing(id, format string) error {
	if to, ok := s.alias[id]; ok {
		if _, live := s.ids[to]; live {
			return tag(ErrMerged, "%q is already merged into %q", id, to)
		}
	}
	return fmt.Errorf("%w: "+format, ErrNotFound, claims.Quote(id))
}

// aliasOf returns the item that id was merged into, among the aliases
// of the store whose item the change keeps and those the batch declares
// (checkAliases), and whether there is one.
func (c *checker) aliasOf(id string) (string, bool) {
	if to, ok := c.aliases[id]; ok {
		return to, true
	}
	to, ok := c.s.alias[id]
	if !ok {
		return "", false
	}
	if n, live := c.s.ids[to]; !live || c.gone[n] {
		return "", false
	}
	return to, true
}

// followAlias returns the vertex of kind want that id names as an alias: the
// item it was merged into. Only the IDs a relation joins are followed
// (see checkWith).
func (c *checker) followAlias(id string, want VertexKind) (int32, bool) {
	if !c.follow {
		return 0, false
	}
	to, ok := c.aliasOf(id)
	if !ok {
		return 0, false
	}
	k, n, ok := c.vertex(to)
	return n, ok && k == want
}

// checkAliases checks the merged lists of the items of b as it checks
// IDs: each entry is a valid ID, names no item of the graph or of the
// batch (of any kind), and is merged into one item only, counting the
// aliases the graph already holds for items the change keeps. It
// records the batch's aliases for the references that name them. It
// costs O(entries of the merged lists).
func (c *checker) checkAliases(b *Batch) {
	for i := range b.Entities {
		c.checkAliasList("entity", i, b.Entities[i].ID, b.Entities[i].Merged, c.aliasOf)
	}
	for i := range b.Sources {
		c.checkAliasList("source", i, b.Sources[i].ID, b.Sources[i].Merged, c.aliasOf)
	}
	for i := range b.Claims {
		c.checkAliasList("claim", i, b.Claims[i].ID, b.Claims[i].Merged, c.aliasOf)
	}
}

// checkAliasList checks the merged list of item i of a section, whose ID
// is id (see checkAliases): each entry m is a valid ID, not id itself,
// names no item of the graph or of the batch (the problem names its
// kind: "still a claim") and no alias that aliasOf finds (the item m is
// already merged into, id itself when m is listed twice). It is the one
// check of a merged list for both a load (aliasOf is
// [checker.aliasOf]) and the items an edit replaces, which find
// aliases their own way (editor.checkMerged); aliasOf must find the
// aliases it records in c.aliases.
func (c *checker) checkAliasList(kind string, i int, id string, merged []string, aliasOf func(string) (string, bool)) {
	for j, m := range merged {
		loc := location{kind, i, "merged[" + strconv.Itoa(j) + "]"}
		if err := claims.CheckID(m); err != nil {
			c.add(loc, id, err)
			continue
		}
		if m == id {
			c.add(loc, id, fmt.Errorf("%w %q: an item is not merged into itself", ErrDuplicateID, m))
			continue
		}
		if k, _, ok := c.vertex(m); ok {
			c.add(loc, id, fmt.Errorf("%w %q: merged into %q but still %s", ErrDuplicateID, m, id, k.article()))
			continue
		}
		if to, ok := aliasOf(m); ok {
			if to == id {
				c.add(loc, id, fmt.Errorf("%w %q: listed twice in merged", ErrDuplicateID, m))
			} else {
				c.add(loc, id, fmt.Errorf("%w %q: already merged into %q", ErrDuplicateID, m, to))
			}
			continue
		}
		if c.aliases == nil {
			c.aliases = make(map[string]string)
		}
		c.aliases[m] = id
	}
}
