package verdict_test

import (
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/provenance"
	"github.com/claimgraph/claimgraph/graph/verdict"
)

// checkProgress returns a progress callback that checks that Done never
// decreases within a stage, and a function that checks that each of the
// stages named was reported and ended with Done == Total == want.
func checkProgress(t *testing.T) (func(graph.Progress), func(want int64, stages ...string)) {
	last := map[string]graph.Progress{}
	f := func(p graph.Progress) {
		if q, ok := last[p.Stage]; ok && p.Done < q.Done {
			t.Errorf("stage %s: Done went back from %d to %d", p.Stage, q.Done, p.Done)
		}
		last[p.Stage] = p
	}
	done := func(want int64, stages ...string) {
		for _, s := range stages {
			if p, ok := last[s]; !ok || p.Done != want || p.Total != want {
				t.Errorf("stage %s ended with %+v (reported: %v), want Done == Total == %d", s, p, ok, want)
			}
			delete(last, s)
		}
	}
	return f, done
}

func TestComputeProgress(t *testing.T) {
	const n = 3000
	g := generate(t, n)
	for _, v := range []graph.View{g.View, g.At(claims.MustDate(2025, 1, 1))} {
		f, done := checkProgress(t)
		if _, err := verdict.Compute(v, verdict.Options{Progress: f}); err != nil {
			t.Fatal(err)
		}
		done(n, "evidence", "verdicts")
		done(0, "strengths")
	}
}

func TestIndexProgress(t *testing.T) {
	const n = 3000
	g := generate(t, n)
	f, done := checkProgress(t)
	x := provenance.New(g.View)
	x.Progress = f
	if _, err := x.Independent(); err != nil {
		t.Fatal(err)
	}
	if _, err := x.FalseCorroboration(); err != nil {
		t.Fatal(err)
	}
	done(n, "independent", "corroboration")
}
