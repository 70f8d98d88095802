package provenance

import (
	"maps"

	"github.com/claimgraph/claimgraph/graph"
)

// Tally is the number of independent origins of every claim of a view,
// kept up to date as the graph grows, batch by batch, without a pass
// over the whole view.
//
// A claim's origins depend only on its appearances (their sources and
// Vias) and on the derivation links among the sources that carry it.
// A batch that only adds can neither add an appearance to a claim
// already in the graph nor a derivation link to a source already in it
// (their IDs are taken): so it leaves the origins of every claim already
// there as they were, and [Tally.Update] counts those of the batch's
// claims alone, in O(the sources that carry them and their derivation
// links). A batch that removes, replaces or merges items
// ([graph.Batch.Remove], [graph.Batch.Merges]) can change the origins of
// claims it does not name (a replaced source's derivation links, a merged
// claim's appearances), so Update counts the whole view again, as
// [NewTally] does; removing relations alone changes no origin. A Tally is
// not safe for concurrent use.
type Tally struct {
	v      graph.View
	counts map[string]int
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
// view (graph.Graph.Apply returned nil): it counts the origins of the
// claims of b that are in the view. On error t is unchanged.
func (t *Tally) Update(b graph.Batch) error {
	if len(b.Remove) > 0 || len(b.Merges) > 0 {
		counts, err := Independent(t.v)
		if err != nil {
			return err
		}
		t.counts = counts
		return nil
	}
	x := New(t.v) // a fresh index: its sources may have grown
	added := make(map[string]int, len(b.Claims))
	for _, c := range b.Claims {
		c, ok := t.v.Claim(c.ID)
		if !ok {
			continue // not in the view at its date
		}
		n, err := x.Count(c)
		if err != nil {
			return err
		}
		added[c.ID] = n
	}
	maps.Copy(t.counts, added)
	return nil
}

// Count returns the number of independent origins of claim id, and
// whether the view has such a claim.
func (t *Tally) Count(id string) (int, bool) {
	n, ok := t.counts[id]
	return n, ok
}

// Len returns the number of claims counted.
func (t *Tally) Len() int { return len(t.counts) }
