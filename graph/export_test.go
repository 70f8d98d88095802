package graph

// SetPartSize sets the least number of items worth a goroutine of their
// own in a check, so that tests can make small batches run in parts; it
// returns a function that restores the old size.
func SetPartSize(n int) (restore func()) {
	old := partSize
	partSize = n
	return func() { partSize = old }
}

// SetCountClashes makes the check of relations order them for clashes
// with a counting sort (on) or a plain sort (off), whatever their
// number; it returns a function that restores the rule.
func SetCountClashes(on bool) (restore func()) {
	old := countClashes
	countClashes = func(int, int) bool { return on }
	return func() { countClashes = old }
}

// CountYAML is countYAML's count, for the external tests that compare
// it with the parser's on generated graphs.
func CountYAML(data []byte, budget int) (nodes, off int) {
	nodes, off, _ = countYAML(data, budget, DefaultMaxDepth)
	return nodes, off
}

// SetBeforeEditSave sets a function EditYAML calls between reading the
// file and saving it, so that a test can change the file meanwhile; it
// returns a function that removes it.
func SetBeforeEditSave(f func(path string)) (restore func()) {
	beforeEditSave = f
	return func() { beforeEditSave = nil }
}

// JoinNotes is joinNotes, for TestJoinNotesWholeParts.
var JoinNotes = joinNotes

// SetJoinShorter makes the merges of a batch join lists, and move
// relations, by looking up the shorter side's in the other's (on), or
// From's in Into's whatever their lengths, as copying From into Into did
// (off); it returns a function that restores the rule.
func SetJoinShorter(on bool) (restore func()) {
	old := joinShorter
	joinShorter = on
	return func() { joinShorter = old }
}
