package scc

// Buf holds the scratch space of [Buf.Components] and its result. The zero
// value is ready to use; reusing a Buf between calls saves allocations.
type Buf struct {
	// Comp is the component of each vertex after Components. Components
	// are numbered 0..Count-1 in reverse topological order: an edge from
	// u to w has Comp[u] >= Comp[w], so component 0 has no edge leaving
	// it.
	Comp  []int32
	Count int

	index, low []int32
	onStack    []bool
	stack      []int32
	call       []frame
}

type frame struct{ v, next int32 }

// Components finds the components of the graph of len(start)-1 vertices in
// which the successors of v are to[start[v]:start[v+1]]. It takes
// O(vertices + edges) time and no memory beyond b once b has grown.
func (b *Buf) Components(start, to []int32) {
	n := len(start) - 1
	b.index = resize(b.index, n)
	b.low = resize(b.low, n)
	b.onStack = resize(b.onStack, n)
	b.Comp = resize(b.Comp, n)
	for i := range n {
		b.index[i] = -1
		b.onStack[i] = false
	}
	b.stack, b.call, b.Count = b.stack[:0], b.call[:0], 0
	counter := int32(0)
	visit := func(v int32) {
		b.index[v], b.low[v] = counter, counter
		counter++
		b.stack = append(b.stack, v)
		b.onStack[v] = true
		b.call = append(b.call, frame{v, start[v]})
	}
	for root := range int32(n) {
		if b.index[root] >= 0 {
			continue
		}
		visit(root)
		for len(b.call) > 0 {
			top := &b.call[len(b.call)-1]
			v := top.v
			if top.next < start[v+1] {
				w := to[top.next]
				top.next++
				if b.index[w] < 0 {
					visit(w)
				} else if b.onStack[w] {
					b.low[v] = min(b.low[v], b.index[w])
				}
				continue
			}
			b.call = b.call[:len(b.call)-1]
			if len(b.call) > 0 {
				u := b.call[len(b.call)-1].v
				b.low[u] = min(b.low[u], b.low[v])
			}
			if b.low[v] == b.index[v] {
				for {
					w := b.stack[len(b.stack)-1]
					b.stack = b.stack[:len(b.stack)-1]
					b.onStack[w] = false
					b.Comp[w] = int32(b.Count)
					if w == v {
						break
					}
				}
				b.Count++
			}
		}
	}
}

// resize returns buf with length n, reusing its array when large enough.
func resize[T any](buf []T, n int) []T {
	if cap(buf) >= n {
		return buf[:n]
	}
	return make([]T, n)
}
