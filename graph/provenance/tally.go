package provenance

import (
	"maps"
	"slices"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
)

// Tally is the number of independent origins of every claim of a view,
// kept up to date as the graph changes, batch by batch, without a pass
// over the whole view.
//
// A claim's origins depend only on its appearances and on the sources
// that carry it (those its appearances name, as the source or the Via):
// their kinds and the derivation links among them. A batch that only adds can neither add an appearance
// to a claim already in the graph nor a derivation link to a source
// already in it (their IDs are taken): so it leaves the origins of every
// claim already there as they were, and [Tally.Update] counts those of
// the batch's claims alone, in O(the sources that carry them and their
// derivation links).
//
// A batch that removes, replaces or merges items ([graph.Batch.Remove],
// [graph.Batch.Merges]) can also change the origins of claims it does
// not name: those carried by a source it replaces (another kind, other
// derivation links) or merges another into (which takes over the
// other's appearances and derivation links). For those the Tally keeps a
// reverse index, the claims each source carries, built from the view by
// the first such batch in one pass over the claims' appearances that
// counts nothing (O(appearances)), and kept up to date after. Update
// then counts again the batch's claims, those a claim merge folds
// into, and the claims carried by a source replaced or merged into; it
// forgets the claims removed or merged away. Removing relations or
// entities, or merging entities, changes no origin. A Tally is not safe
// for concurrent use.
type Tally struct {
	v      graph.View
	counts map[string]int

	// cites lists the claims each source carries, by source ID: nil
	// until the first batch that edits. An entry may name a claim that
	// the source no longer carries (removed, replaced or merged away): it
	// only costs a count.
	cites map[string][]string
}

// NewTally counts the independent origins of every claim of v, as
// [Independent] does, in one pass.
func NewTally(v graph.View) (*Tally, error) {
	counts, err := Independent(v)
	if err != nil {
		return nil, err
	}
	return &Tally{v: v, counts: counts}, nil
}

// Update brings t up to date after b was applied to the graph of its
// view (graph.Graph.Apply returned nil). On error the counts are
// unchanged.
//
// A batch that only adds costs what counting its claims does. One that
// removes, replaces or merges costs, besides, counting again every claim
// carried by a source it replaces or merges another into; the first
// such batch also builds the reverse index (see [Tally]).
func (t *Tally) Update(b graph.Batch) error {
	edits := len(b.Remove) > 0 || len(b.Merges) > 0
	if edits && t.cites == nil {
		t.index()
	} else if t.cites != nil {
		t.note(b)
	}
	recount := make([]string, 0, len(b.Claims))
	for _, c := range b.Claims {
		recount = append(recount, c.ID)
	}
	var gone []string // IDs no claim has any more
	if edits {
		removed := make(map[string]bool, len(b.Remove))
		for _, id := range b.Remove {
			removed[id] = true
		}
		// Sources whose kind or derivation links may have changed: those
		// replaced, and those merged into.
		var changed []string
		for _, s := range b.Sources {
			if removed[s.ID] {
				changed = append(changed, s.ID)
			}
		}
		for _, m := range b.Merges {
			switch k, _ := t.v.KindOf(m.Into); k {
			case graph.SourceVertex:
				changed = append(changed, m.Into)
			case graph.ClaimVertex:
				recount = append(recount, m.Into)
				gone = append(gone, m.From)
			}
		}
		for _, s := range changed {
			l := t.cites[s]
			slices.Sort(l)
			t.cites[s] = slices.Compact(l) // what replacements named again
			recount = append(recount, t.cites[s]...)
		}
		gone = append(gone, b.Remove...)
	}
	slices.Sort(recount)
	recount = slices.Compact(recount)

	x := New(t.v) // a fresh index: its sources may have changed
	counted := make(map[string]int, len(recount))
	drop := map[string]bool{}
	for _, id := range gone {
		drop[id] = true
	}
	for _, id := range recount {
		c, ok := t.v.Claim(id)
		if !ok || c.ID != id {
			drop[id] = true // removed, out of the view's time, or merged away
			continue
		}
		n, err := x.Count(c)
		if err != nil {
			return err
		}
		counted[c.ID] = n
	}
	for id := range drop {
		if _, ok := counted[id]; !ok {
			delete(t.counts, id)
		}
	}
	maps.Copy(t.counts, counted)
	return nil
}

// index builds the reverse index from the view. O(appearances).
func (t *Tally) index() {
	t.cites = map[string][]string{}
	for c := range t.v.Claims() {
		t.cite(c)
	}
}

// cite records the sources that carry claim c. (A claim named twice in
// a source's list, as after its replacement, is counted once.)
func (t *Tally) cite(c claims.Claim) {
	for _, a := range c.Appearances {
		for _, s := range [2]string{a.Source, a.Via} {
			if l := t.cites[s]; s != "" && (len(l) == 0 || l[len(l)-1] != c.ID) {
				t.cites[s] = append(l, c.ID)
			}
		}
	}
}

// note adds to the reverse index what b adds to the graph: its claims
// as the graph now has them, and what merges fold together. O(the
// appearances of b's claims and of the claims merged into).
func (t *Tally) note(b graph.Batch) {
	for _, c := range b.Claims {
		if c, ok := t.v.Claim(c.ID); ok {
			t.cite(c)
		}
	}
	for _, m := range b.Merges {
		switch k, _ := t.v.KindOf(m.Into); k {
		case graph.ClaimVertex:
			if c, ok := t.v.Claim(m.Into); ok {
				t.cite(c)
			}
		case graph.SourceVertex: // the claims From carried name Into now
			t.cites[m.Into] = append(t.cites[m.Into], t.cites[m.From]...)
			delete(t.cites, m.From)
		}
	}
}

// Count returns the number of independent origins of claim id, and
// whether the view has such a claim.
func (t *Tally) Count(id string) (int, bool) {
	n, ok := t.counts[id]
	return n, ok
}

// Len returns the number of claims counted.
func (t *Tally) Len() int { return len(t.counts) }
