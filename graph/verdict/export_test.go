package verdict

import "github.com/claimgraph/claimgraph/graph"

// SetIncremental sets whether Compute runs the rounds of the default
// reading of support incrementally (lendingRounds) or each afresh
// (rerun), and returns a function that restores the setting.
func SetIncremental(on bool) (restore func()) {
	old := incremental
	incremental = on
	return func() { incremental = old }
}

// SetMaxRounds lowers the cap on the rounds, and returns a function that
// restores it.
func SetMaxRounds(n int) (restore func()) {
	old := maxRounds
	maxRounds = n
	return func() { maxRounds = old }
}

// Silenced runs the rounds of Compute on v with the options opts, without
// the strengths and verdicts, and returns the silent claims and the
// rounds.
func Silenced(v graph.View, opts Options) (map[string]bool, int, error) {
	o, err := opts.withDefaults()
	if err != nil {
		return nil, 0, err
	}
	return silenced(v, o)
}
