package provenance

import (
	"strings"

	"github.com/claimgraph/claimgraph/sources"
)

// LinkKind says how a source draws on the next one along a [Chain]: by one
// of the derivation kinds of package sources, or [Via], an appearance that
// names the source it was taken from.
type LinkKind uint8

// The kinds of link. The first four have the values of the
// sources.DerivationKind of the same name.
const (
	Cites       = LinkKind(sources.Cites)
	Quotes      = LinkKind(sources.Quotes)
	Republishes = LinkKind(sources.Republishes)
	Translates  = LinkKind(sources.Translates)
	Via         = LinkKind(sources.Translates + 1)
)

// String returns "cites", "quotes", "republishes", "translates" or "via".
func (k LinkKind) String() string {
	if k == Via {
		return "via"
	}
	return sources.DerivationKind(k).String()
}

// MarshalText implements encoding.TextMarshaler with [LinkKind.String].
func (k LinkKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Chain is a trail of derivation from a source to an origin: Sources[0]
// draws on Sources[1] by Links[0], and so on to the origin, the last
// source. A source that is its own origin has a chain of one source and no
// links. Chains are shortest trails, and deterministic.
type Chain struct {
	Sources []string
	Links   []LinkKind
}

// Len returns the number of links in c.
func (c Chain) Len() int { return len(c.Links) }

// String writes c as "a -quotes-> b -via-> c".
func (c Chain) String() string {
	var b strings.Builder
	for i, s := range c.Sources {
		if i > 0 {
			b.WriteString(" -" + c.Links[i-1].String() + "-> ")
		}
		b.WriteString(s)
	}
	return b.String()
}

// Class says what kind of origin an [Origin] is.
type Class uint8

// The classes of origin.
const (
	// Primary: the origin is first-hand material by nature
	// (sources.Kind.Primary: a video, a social post, an official
	// statement, an interview, an informant).
	Primary Class = iota + 1
	// Unresolved: the origin is reporting that draws on nothing known to
	// carry the claim. The trail ends there: either the claim starts in
	// that source's own reporting, or it came from somewhere the data
	// does not say.
	Unresolved
	// Circular: the origin is a cycle of sources that draw on each other
	// and on nothing else carrying the claim, so that no one source is
	// first. The cycle counts as one origin.
	Circular
)

// String returns "primary", "unresolved" or "circular".
func (c Class) String() string {
	if c < Primary || c > Circular {
		return "invalid"
	}
	return [...]string{"primary", "unresolved", "circular"}[c-Primary]
}

// MarshalText implements encoding.TextMarshaler with [Class.String].
func (c Class) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// Origin is where a trail of derivation ends: one source, or for the class
// [Circular] a cycle of sources.
type Origin struct {
	Source string       // the origin; for a cycle, its member with the smallest ID (of least Index.Rank first, when set)
	Kind   sources.Kind // the kind of Source
	Class  Class
	Cycle  *Cycle // the cycle, for the class Circular only
}

// Cycle is a set of sources that draw on each other, directly or through
// one another: circular reporting. Sources lists them all, by ID; Loop is
// one shortest cycle through Sources[0], starting and ending with it (a
// source that draws on itself gives a loop of two equal IDs).
type Cycle struct {
	Sources []string
	Loop    []string
}

// Group is the appearances of a claim that collapse onto one origin, with
// the chain from each appearance's source to the origin.
//
// The chains are kept as a tree, Steps: every source on them once, with
// the next one towards the origin, so that chains sharing their ends
// share their steps. Its size is the number of sources on the chains,
// where the chains written out ([Group.Chain]) can take its square: n
// sources relaying each other in a line, all carrying the claim, give n
// chains of n/2 links on average.
type Group struct {
	Origin      Origin
	Appearances []int // indexes into claims.Claim.Appearances, ascending
	// Starts[i] is the step of the source of appearance Appearances[i].
	Starts []int
	// Steps is the tree of the chains; a step's Next comes before it.
	Steps []Step
}

// Step is one source of the chains of a [Group]: Source draws on the
// source of Steps[Next] by Link, on a shortest trail to the origin. Next
// is -1 where the trail has reached the origin (for a [Circular] origin,
// any source of its cycle), and Link then 0.
type Step struct {
	Source string
	Link   LinkKind
	Next   int
}

// Chain returns the chain of appearance Appearances[i] written out, from
// its source to the origin. It costs O(its length).
func (g Group) Chain(i int) Chain {
	var c Chain
	k := g.Starts[i]
	c.Sources = append(c.Sources, g.Steps[k].Source)
	for ; g.Steps[k].Next >= 0; k = g.Steps[k].Next {
		c.Links = append(c.Links, g.Steps[k].Link)
		c.Sources = append(c.Sources, g.Steps[g.Steps[k].Next].Source)
	}
	return c
}

// Report is the provenance of one claim: its origins, with the groups of
// appearances that collapse onto each, and the circular reporting among
// the sources that carry it.
type Report struct {
	Claim       string
	Appearances int      // number of appearances
	Sources     []string // distinct sources it appears in, in the order of its appearances
	// Groups has one group per distinct origin, in the order of the
	// first appearance that leads to it (then by origin ID). An
	// appearance whose source draws on two origins is in both groups.
	Groups []Group
	// Cycles is every cycle of derivation among the sources that carry
	// the claim, by first ID; a cycle with no exit is also an origin.
	Cycles []Cycle
}

// Independent returns the number of independent origins of the claim:
// its distinct origins, a cycle with no exit counting once.
func (r Report) Independent() int { return len(r.Groups) }

// Trail is one origin of a source, ignoring claims, with the chain that
// leads to it.
type Trail struct {
	Origin Origin
	Chain  Chain
}

// Corroboration is a claim that looks corroborated by several sources but
// rests on fewer independent origins than it has sources: false
// corroboration.
type Corroboration struct {
	Claim       string
	Appearances int // number of appearances
	Sources     int // distinct sources it appears in
	Publishers  int // distinct publishers of those (a source without one counts as its own)
	Origins     int // independent origins
}
