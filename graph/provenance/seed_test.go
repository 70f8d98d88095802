package provenance

import (
	"errors"
	"io/fs"
	"path/filepath"
	"slices"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/sources"
)

// TestSeedScrubbing checks the seed dataset's account of Kim's staff
// wiping away his traces: several outlets, all taking it from Yunashev's
// Telegram video, so one independent origin.
func TestSeedScrubbing(t *testing.T) {
	path := filepath.Join("..", "..", "testdata", "kim-putin.yaml")
	g, err := graph.Load(path)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skip("seed dataset not present yet: ", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	const claimID, video = "kim-staff-wiped-traces", "yunashev-telegram-video"
	c, ok := g.Claim(claimID)
	if !ok {
		t.Fatalf("no claim %s in %s", claimID, path)
	}
	if len(c.Appearances) < 3 {
		t.Fatalf("%d appearances, want 3 or more", len(c.Appearances))
	}
	r, err := Origins(g.View, claimID)
	if err != nil {
		t.Fatal(err)
	}
	if n := r.Independent(); n != 1 {
		t.Fatalf("%d independent origins, want 1: %+v", n, r.Groups)
	}
	gr := r.Groups[0]
	if gr.Origin.Source != video || gr.Origin.Class != Primary {
		t.Errorf("origin %s (%v), want %s (primary)", gr.Origin.Source, gr.Origin.Class, video)
	}
	if len(gr.Appearances) != len(c.Appearances) {
		t.Errorf("group holds appearances %v, want all %d", gr.Appearances, len(c.Appearances))
	}
	// Every chain runs from its appearance's source to the video, each
	// link a derivation link of the data or the appearance's Via.
	for k, i := range gr.Appearances {
		ch := gr.Chain(k)
		a := c.Appearances[i]
		t.Run(a.Source, func(t *testing.T) {
			if ch.Sources[0] != a.Source || ch.Sources[len(ch.Sources)-1] != video {
				t.Errorf("chain %v does not lead from %s to %s", ch, a.Source, video)
			}
			for j, kind := range ch.Links {
				from, to := ch.Sources[j], ch.Sources[j+1]
				s, _ := g.Source(from)
				ok := slices.ContainsFunc(s.DerivedFrom, func(d sources.Derivation) bool {
					return d.Source == to && LinkKind(d.Kind) == kind
				}) ||
					kind == Via && a.Via == to && from == a.Source
				if !ok {
					t.Errorf("link %s -%v-> %s is in neither the data nor the Via", from, kind, to)
				}
			}
		})
	}
}
