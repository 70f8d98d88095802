package csr

// Prefix turns row sizes into row starts in place: on entry s[r+1] is the
// size of row r and s[0] is 0; on return s[r] is where row r begins and
// s[len(s)-1] is the number of items.
func Prefix(s []int32) {
	for i := 1; i < len(s); i++ {
		s[i] += s[i-1]
	}
}

// Starts is [Prefix] followed by a new copy of s[:len(s)-1]: the next
// free slot of each row, for placing the items. Place an item of row r at
// next[r], then increment next[r].
func Starts(s []int32) (next []int32) {
	Prefix(s)
	return append([]int32(nil), s[:len(s)-1]...)
}

// Offsets counts the items of n rows, given the row of each item, and
// returns the starts of the rows (len n+1) and the next free slot of each
// (len n, equal to start[:n]). Both reuse the storage of the start and
// next passed in when it is large enough, so that a caller building many
// small arrays allocates once.
func Offsets(start, next []int32, n int, rows []int32) ([]int32, []int32) {
	start = resize(start, n+1)
	clear(start)
	for _, r := range rows {
		start[r+1]++
	}
	Prefix(start)
	next = resize(next, n)
	copy(next, start)
	return start, next
}

func resize(s []int32, n int) []int32 {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]int32, n)
}

// Group lists the items of each of count groups, given the group of each
// item: those of group k are members[start[k]:start[k+1]], in item
// order. O(count + items).
func Group(count int, group []int32) (start, members []int32) {
	start, next := Offsets(nil, nil, count, group)
	members = make([]int32, len(group))
	for i, k := range group {
		members[next[k]] = int32(i)
		next[k]++
	}
	return start, members
}

// Sort returns the items xs grouped by row, rows 0 to n−1, each row in
// the order of xs, and where each row starts in the result (row r is
// out[start[r]:start[r+1]]): a counting sort, O(n + len(xs)), for items
// that are not numbered by position as [Group]'s are.
func Sort[T any](n int, xs []T, row func(T) int32) (start []int32, out []T) {
	start = make([]int32, n+1)
	for _, x := range xs {
		start[row(x)+1]++
	}
	next := Starts(start)
	out = make([]T, len(xs))
	for _, x := range xs {
		r := row(x)
		out[next[r]] = x
		next[r]++
	}
	return start, out
}
