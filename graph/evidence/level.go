package evidence

import (
	"runtime"

	"github.com/claimgraph/claimgraph/graph/internal/csr"
	"github.com/claimgraph/claimgraph/graph/internal/parts"
)

// levels returns the level of each of count components of support: 0
// for a component no other supports, otherwise one more than the highest
// level of those that support it. comp numbers the components as Tarjan's
// algorithm does (a supporter's after those it supports), members
// (cstart) lists each one's claims, and the supports of claim i go to
// to[start[i]:start[i+1]]. Two components of one level never support
// each other, so that a level's components can be weighed at once, once
// the levels below are done. O(claims + supports).
func levels(count int, comp, cstart, members, start, to []int32) []int32 {
	level := make([]int32, count)
	for k := int32(count) - 1; k >= 0; k-- {
		for _, m := range members[cstart[k]:cstart[k+1]] {
			for _, x := range to[start[m]:start[m+1]] {
				if c := comp[x]; c != k {
					level[c] = max(level[c], level[k]+1)
				}
			}
		}
	}
	return level
}

// minPart is the fewest components a goroutine weighs at once: a level
// of fewer than two parts is weighed by the calling goroutine alone, so
// that a short cascade of changes (the last rounds of the verdicts, small
// graphs) pays for no goroutine.
const minPart = 64

// merger is the scratch of one goroutine weighing sets of origins: the
// array new sets are stored in, and room to merge sets.
type merger struct {
	pool            []int32
	cur, spare, tmp []int32
}

// store returns a copy of set cut from m.pool.
func (m *merger) store(set []int32) []int32 {
	if len(set) == 0 {
		return nil
	}
	if cap(m.pool)-len(m.pool) < len(set) {
		m.pool = make([]int32, 0, max(1<<16, len(set)))
	}
	lo := len(m.pool)
	m.pool = append(m.pool, set...)
	return m.pool[lo:len(m.pool):len(m.pool)]
}

// spread calls f on each of ks, split into contiguous parts between up
// to one goroutine per processor, each with scratch of its own from ws
// (which it grows to one per processor): f(&(*ws)[p], k) is called on
// goroutine p for each k of part p, in order. It returns the number of
// parts, whose results a caller gathers in part order.
func spread[W any](ws *[]W, ks []int32, f func(w *W, k int32)) int {
	return spreadParts(ws, ks, func(w *W, part []int32) {
		for _, k := range part {
			f(w, k)
		}
	})
}

// spreadParts is spread with f called once a part, on the whole part.
func spreadParts[W any](ws *[]W, ks []int32, f func(w *W, part []int32)) int {
	count := parts.Count(len(ks), minPart)
	for len(*ws) < min(count, runtime.GOMAXPROCS(0)) {
		var w W
		*ws = append(*ws, w)
	}
	count = min(count, len(*ws))
	all := *ws
	parts.Split(len(ks), count, func(p, lo, hi int) {
		f(&all[p], ks[lo:hi])
	})
	return count
}

// byLevel groups count components by level: those of level l are
// list[start[l]:start[l+1]], in order of number.
func byLevel(level []int32) (start, list []int32) {
	top := int32(-1)
	for _, l := range level {
		top = max(top, l)
	}
	return csr.Group(int(top+1), level)
}
