package truth_test

import (
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/sources/truth"
)

// TestDiscoverProgress: every algorithm reports its iterations in order,
// out of the cap, and ends with the iterations it ran: a run that
// converged early does not claim to have used them all.
func TestDiscoverProgress(t *testing.T) {
	d, _ := truth.FromGraph(smallGraph(t).View)
	for _, a := range []truth.Algorithm{truth.Voting, truth.Sums, truth.AverageLog, truth.Investment, truth.PooledInvestment, truth.TruthFinder, truth.Accu, truth.Depen} {
		var calls []graph.Progress
		r, err := truth.Discover(d, a, truth.Options{Progress: func(p graph.Progress) { calls = append(calls, p) }})
		if err != nil {
			t.Fatal(err)
		}
		for i, p := range calls {
			if p.Stage != "iterations" || i > 0 && p.Done < calls[i-1].Done {
				t.Errorf("%v: call %d %+v after %+v", a, i, p, calls[max(i-1, 0)])
			}
		}
		last := calls[len(calls)-1]
		if last.Done != int64(r.Iterations) || last.Total != int64(truth.DefaultOptions(a).MaxIterations) {
			t.Errorf("%v: last call %+v after %d iterations", a, last, r.Iterations)
		}
		if r.Converged && r.Iterations < truth.DefaultOptions(a).MaxIterations && last.Done == last.Total {
			t.Errorf("%v: converged in %d iterations, last call %+v says all", a, r.Iterations, last)
		}
		if a != truth.Voting && len(calls) != r.Iterations+1 {
			t.Errorf("%v: %d calls for %d iterations", a, len(calls), r.Iterations)
		}
	}
}
