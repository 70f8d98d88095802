package verdict

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
