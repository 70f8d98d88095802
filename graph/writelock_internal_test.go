package graph

import (
	"fmt"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/sources"
)

// lockProbe is a writer that notes whether the graph's lock was held
// while it was written to: a writer that queries or changes the graph,
// or one that blocks (a slow client, a full disk), would then stall or
// deadlock every writer and, behind a waiting writer, every reader.
type lockProbe struct {
	g      *Graph
	writes int
	held   int
}

func (w *lockProbe) Write(p []byte) (int, error) {
	w.writes++
	if w.g.mu.TryLock() {
		w.g.mu.Unlock()
	} else {
		w.held++
	}
	return len(p), nil
}

// TestWriteHoldsNoLock writes the graph in each format to a writer that
// probes the graph's lock: no format may hold it while it writes.
func TestWriteHoldsNoLock(t *testing.T) {
	g := New()
	b := Batch{Sources: []sources.Source{{ID: "s", Kind: sources.NewsArticle}}}
	for i := range 600 { // more than one buffer of output
		id := fmt.Sprintf("c%d", i)
		b.Claims = append(b.Claims, claims.Claim{ID: id, Text: strings.Repeat("t", 200), Appearances: []claims.Appearance{{Source: "s"}}})
	}
	if err := g.Apply(b); err != nil {
		t.Fatal(err)
	}
	for name, write := range map[string]func(*lockProbe) error{
		"YAML":       func(w *lockProbe) error { return g.WriteYAML(w) },
		"JSON":       func(w *lockProbe) error { return g.WriteJSON(w) },
		"JSON Lines": func(w *lockProbe) error { return g.WriteJSONL(w) },
	} {
		w := &lockProbe{g: g}
		if err := write(w); err != nil {
			t.Fatal(err)
		}
		if w.writes < 2 {
			t.Errorf("%s: %d writes: too few to tell", name, w.writes)
		}
		if w.held > 0 {
			t.Errorf("%s: the graph's lock was held during %d of %d writes", name, w.held, w.writes)
		}
	}
}
