package verdict_test

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/claimgraph/claimgraph/graph/verdict"
)

// TestPiecesDoNotOverlap checks that the lists of a verdict, cut from
// arrays shared by all verdicts, have their capacity clipped: appending
// to one leaves every other verdict as it was.
func TestPiecesDoNotOverlap(t *testing.T) {
	g := generate(t, 2000)
	r, err := verdict.Compute(g.View, verdict.Options{})
	if err != nil {
		t.Fatal(err)
	}
	before := fmt.Sprint(r.Verdicts)
	var lent, reasons, sources int
	for i := range r.Verdicts {
		v := &r.Verdicts[i]
		_ = append(v.Origins, "appended")
		_ = append(v.Reasons, verdict.Reason{Claim: "appended"})
		for _, x := range v.Reasons {
			_ = append(x.Sources, "appended")
			sources += len(x.Sources)
		}
		lent += v.Lent
		reasons += len(v.Reasons)
	}
	if lent == 0 || reasons == 0 || sources == 0 {
		t.Fatalf("%d lent origins, %d reasons, %d sources of reasons: the test needs some of each", lent, reasons, sources)
	}
	if after := fmt.Sprint(r.Verdicts); after != before {
		t.Error("appending to one verdict's lists changed others")
	}
}

// TestVerdictConcurrent looks verdicts up from several goroutines at
// once, the first look-up building the index (run with -race).
func TestVerdictConcurrent(t *testing.T) {
	g := generate(t, 500)
	r, err := verdict.Compute(g.View, verdict.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := w; i < len(r.Verdicts); i += 4 {
				id := r.Verdicts[i].Claim
				if v, ok := r.Verdict(id); !ok || v.Claim != id || !slices.Equal(r.Lent(id), r.Lent(r.Verdicts[i].Claim)) || len(r.Lent(id)) != v.Lent {
					t.Errorf("Verdict(%q) = %q, %v", id, v.Claim, ok)
				}
			}
		})
	}
	wg.Wait()
	if _, ok := r.Verdict("no such claim"); ok {
		t.Error("a verdict for a claim that is not in the graph")
	}
}
