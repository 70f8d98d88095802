package evidence

import "slices"

// mergeInto appends to dst the union of the sorted sets a and b, at most
// MaxLent long, and returns the extended slice: the inner loop of lending
// (Lend and the Silencer). A set of a few is put in place (insertInto);
// two sets of many are merged after their common prefix (merge1).
func mergeInto(dst, a, b []int32) []int32 {
	// A claim's own origins, and what a claim reached by nothing passes
	// on, are a few: a third of the merges of lending and silencing at
	// 1M claims of graph/synth have a side of at most fewOwn. Unless
	// they all come early in the other set, where the merge below ends
	// soon, they are put in place (insertInto).
	if len(a) < len(b) {
		a, b = b, a
	}
	if len(b) <= fewOwn && (len(b) == 0 || len(a) <= early || b[len(b)-1] > a[early-1]) {
		return insertInto(dst, a, b)
	}
	n := len(dst)
	dst = slices.Grow(dst, MaxLent)
	out := dst[n : n+MaxLent]
	// Sets merged while lending often begin alike (the smallest origins
	// of a large component reach most of its claims): the common prefix
	// is copied with a loop whose branch is predicted.
	k := 0
	for k < len(a) && k < len(b) && k < MaxLent && a[k] == b[k] {
		k++
	}
	copy(out, a[:k])
	return dst[:n+k+merge1(out[k:], a[k:], b[k:])]
}

// merge1 writes the union of the sorted sets a and b to out, at most
// len(out) of it, and returns how much it wrote. It merges without
// branches on the values, which are as likely to come from either set:
// the moves of i and j are computed, not predicted (about twice as fast
// on random sets of 64), and each waits on the loads before it, about 9
// cycles an origin. The rest of one set is copied in bulk once the other
// runs out.
func merge1(out, a, b []int32) int {
	k, i, j := 0, 0, 0
	for k < len(out) && i < len(a) && j < len(b) {
		x, y := a[i], b[j]
		out[k] = min(x, y)
		k++
		di, dj := 0, 0
		if x <= y {
			di = 1
		}
		if y <= x {
			dj = 1
		}
		i += di
		j += dj
	}
	if i < len(a) {
		k += copy(out[k:], a[i:])
	} else {
		k += copy(out[k:], b[j:])
	}
	return k
}

// early is how far into a set merging a few origins costs about what
// putting them in place does (BenchmarkMergeInto).
const early = 16

// insertInto is mergeInto for a set b of a few and a set a at least as
// long: each of b is found in a by binary search from where the one
// before was, and a is copied in bulk between them; what of b comes
// after a is copied after it. It is
// O(len(b) × log MaxLent) comparisons and copies of at most MaxLent,
// where merging takes a dependent step for each origin of a before the
// last of b.
func insertInto(dst, a, b []int32) []int32 {
	n := len(dst)
	dst = slices.Grow(dst, MaxLent)
	out := dst[n : n+MaxLent]
	k, at := 0, 0 // written to out; a[:at] is copied
	for h, y := range b {
		if y > a[len(a)-1] { // a is not empty: it is at least as long as b
			k += copy(out[k:], a[at:])
			k += copy(out[k:], b[h:])
			return dst[:n+k]
		}
		p := at + lowerBound(a[at:], y)
		k += copy(out[k:], a[at:p])
		at = p
		if k == MaxLent {
			return dst[:n+k]
		}
		if a[p] != y {
			out[k] = y
			k++
		}
	}
	k += copy(out[k:], a[at:])
	return dst[:n+k]
}

// lowerBound returns the position of the first of the sorted a that is
// not below y, a having one that is not: a binary search whose steps the
// processor need not predict.
func lowerBound(a []int32, y int32) int {
	base, size := 0, len(a)
	for size > 1 {
		half := size / 2
		if a[base+half-1] < y {
			base += half
		}
		size -= half
	}
	return base
}
