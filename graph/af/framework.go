package af

import (
	"cmp"
	"errors"
	"fmt"
	"iter"
	"math"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/claimgraph/claimgraph/graph/internal/csr"
)

// MaxArguments is the largest number of arguments a [Framework] can hold.
// Indices are stored as int32 to keep memory at a few bytes per attack.
const MaxArguments = math.MaxInt32

// Sentinel errors of [Framework] construction. Match them with errors.Is;
// the errors returned wrap them with details.
var (
	// ErrArgumentRange reports an argument index outside 0..Len()-1.
	ErrArgumentRange = errors.New("argument index out of range")
	// ErrDuplicateArgument reports a second argument with a name already in use.
	ErrDuplicateArgument = errors.New("duplicate argument")
	// ErrTooManyArguments reports a framework larger than [MaxArguments].
	ErrTooManyArguments = errors.New("too many arguments")
	// ErrTooManyAttacks reports more than math.MaxInt32 recorded attacks.
	ErrTooManyAttacks = errors.New("too many attacks")
)

// Framework is a Dung abstract argumentation framework: arguments numbered
// 0..Len()-1 and a set of attacks between them. Self-attacks are allowed.
//
// Every argument has a unique name. Arguments created by [New] or by
// AddArgument("") are unnamed and go by their 1-based number ("1" for
// index 0), as in the ICCMA 2023 format.
//
// Attacks are kept as a flat edge list; the first query after a change
// builds compact adjacency arrays (CSR) of attackers and targets, dropping
// duplicate attacks, in O(Len()+attacks) time and linear memory. Queries may
// run concurrently with each other, but not with AddArgument or Attack.
type Framework struct {
	n     int
	names []string         // nil until a named argument is added; "" = unnamed
	index map[string]int32 // explicit names only

	from, to []int32 // attacks in insertion order, may repeat

	mu    sync.Mutex
	built atomic.Bool
	// CSR: attackers of i are inSrc[inStart[i]:inStart[i+1]], sorted and
	// distinct; targets of i are outDst[outStart[i]:outStart[i+1]].
	inStart, inSrc   []int32
	outStart, outDst []int32
}

// New returns a framework of n unnamed arguments and no attacks. It panics
// if n is negative or greater than [MaxArguments], like make does.
func New(n int) *Framework {
	if n < 0 || n > MaxArguments {
		panic("af: New: invalid number of arguments " + strconv.Itoa(n))
	}
	return &Framework{n: n}
}

// Len returns the number of arguments.
func (f *Framework) Len() int { return f.n }

// AddArgument appends an argument called name and returns its index. An
// empty name makes an unnamed argument, known by its 1-based number. It
// fails with [ErrDuplicateArgument] if the name (or, for an unnamed
// argument, the number) is already in use, and with [ErrTooManyArguments]
// past [MaxArguments].
func (f *Framework) AddArgument(name string) (int, error) {
	i, err := f.addArgument(name)
	switch {
	case err == ErrDuplicateArgument:
		return -1, fmt.Errorf("af: %w %q", err, cmp.Or(name, strconv.Itoa(f.n+1)))
	case err != nil:
		return -1, fmt.Errorf("af: %w", err)
	}
	return i, nil
}

// addArgument is AddArgument for the readers: its errors are the bare
// sentinels, which a [ParseError] wraps with the position and name.
func (f *Framework) addArgument(name string) (int, error) {
	if f.n >= MaxArguments {
		return -1, ErrTooManyArguments
	}
	key := name
	if key == "" {
		key = strconv.Itoa(f.n + 1)
	}
	if f.Index(key) >= 0 {
		return -1, ErrDuplicateArgument
	}
	if name != "" {
		if f.names == nil {
			f.names = make([]string, f.n, f.n+1)
			f.index = make(map[string]int32)
		}
		f.index[name] = int32(f.n)
	}
	if f.names != nil {
		f.names = append(f.names, name)
	}
	f.n++
	f.invalidate()
	return f.n - 1, nil
}

// Name returns the name of argument i, or its 1-based number for an unnamed
// argument. It returns "" if i is out of range.
func (f *Framework) Name(i int) string {
	if i < 0 || i >= f.n {
		return ""
	}
	if f.names != nil && f.names[i] != "" {
		return f.names[i]
	}
	return strconv.Itoa(i + 1)
}

// Named reports whether argument i was given an explicit name.
func (f *Framework) Named(i int) bool {
	return i >= 0 && i < f.n && f.names != nil && f.names[i] != ""
}

// Index returns the index of the argument called name, or -1 if there is
// none. An unnamed argument is found by its 1-based number in canonical
// decimal form ("7", not "07").
func (f *Framework) Index(name string) int {
	if i, ok := f.index[name]; ok {
		return int(i)
	}
	k, err := strconv.Atoi(name)
	if err != nil || k < 1 || k > f.n || strconv.Itoa(k) != name {
		return -1
	}
	if f.Named(k - 1) {
		return -1
	}
	return k - 1
}

// Attack records that argument from attacks argument to. Recording the same
// attack twice has no further effect. It fails with [ErrArgumentRange] if
// either index is out of range.
func (f *Framework) Attack(from, to int) error {
	if from < 0 || from >= f.n || to < 0 || to >= f.n {
		return fmt.Errorf("af: %w: attack %d -> %d with %d arguments", ErrArgumentRange, from, to, f.n)
	}
	if err := f.attack(from, to); err != nil {
		return fmt.Errorf("af: %w", err)
	}
	return nil
}

// attack is Attack for the readers, whose indices are in range: its error
// is the bare [ErrTooManyAttacks], which a [ParseError] wraps.
func (f *Framework) attack(from, to int) error {
	if len(f.from) >= math.MaxInt32 {
		return ErrTooManyAttacks
	}
	f.from = append(f.from, int32(from))
	f.to = append(f.to, int32(to))
	f.invalidate()
	return nil
}

func (f *Framework) invalidate() {
	if f.built.Load() {
		f.built.Store(false)
		f.inStart, f.inSrc, f.outStart, f.outDst = nil, nil, nil, nil
	}
}

// NumAttacks returns the number of distinct attacks.
func (f *Framework) NumAttacks() int {
	f.build()
	return len(f.inSrc)
}

// Attackers returns the distinct attackers of argument i in increasing
// order, in O(1) time per step. It yields nothing if i is out of range.
func (f *Framework) Attackers(i int) iter.Seq[int] {
	return f.row(i, true)
}

// Targets returns the distinct arguments that argument i attacks, in
// increasing order, in O(1) time per step. It yields nothing if i is out of
// range.
func (f *Framework) Targets(i int) iter.Seq[int] {
	return f.row(i, false)
}

func (f *Framework) row(i int, in bool) iter.Seq[int] {
	f.build()
	return func(yield func(int) bool) {
		if i < 0 || i >= f.n {
			return
		}
		start, adj := f.outStart, f.outDst
		if in {
			start, adj = f.inStart, f.inSrc
		}
		for _, j := range adj[start[i]:start[i+1]] {
			if !yield(int(j)) {
				return
			}
		}
	}
}

// Attacks returns every distinct attack as (attacker, target), ordered by
// attacker and then target.
func (f *Framework) Attacks() iter.Seq2[int, int] {
	f.build()
	return func(yield func(int, int) bool) {
		for a := range f.n {
			for _, b := range f.outDst[f.outStart[a]:f.outStart[a+1]] {
				if !yield(a, int(b)) {
					return
				}
			}
		}
	}
}

// HasAttack reports whether from attacks to, in O(log degree) time.
func (f *Framework) HasAttack(from, to int) bool {
	if from < 0 || from >= f.n || to < 0 || to >= f.n {
		return false
	}
	f.build()
	row := f.inSrc[f.inStart[to]:f.inStart[to+1]]
	lo, hi := 0, len(row)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if row[m] < int32(from) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(row) && row[lo] == int32(from)
}

// build makes the CSR arrays if they are stale. Three stable counting sorts
// give rows sorted by neighbour, so duplicates are adjacent and dropped.
func (f *Framework) build() {
	if f.built.Load() {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.built.Load() {
		return
	}
	n, m := f.n, len(f.from)
	// Group the edge list by attacker (order within a group arbitrary).
	outStart, pos := csr.Offsets(nil, nil, n, f.from)
	byFrom := make([]int32, m) // targets grouped by attacker
	for k, a := range f.from {
		byFrom[pos[a]] = f.to[k]
		pos[a]++
	}
	// Scan attackers in increasing order: attacker rows come out sorted.
	inStart, pos := csr.Offsets(nil, pos, n, f.to)
	inSrc := make([]int32, m)
	for a := range n {
		for _, b := range byFrom[outStart[a]:outStart[a+1]] {
			inSrc[pos[b]] = int32(a)
			pos[b]++
		}
	}
	// Drop duplicates in place, compacting rows.
	w := int32(0)
	for b := range n {
		lo, hi := inStart[b], inStart[b+1]
		inStart[b] = w
		for k := lo; k < hi; k++ {
			if k == lo || inSrc[k] != inSrc[k-1] {
				inSrc[w] = inSrc[k]
				w++
			}
		}
	}
	inStart[n] = w
	inSrc = inSrc[:w:w]
	// Rebuild targets from the distinct attackers, scanning targets in
	// increasing order so target rows come out sorted.
	outStart, pos = csr.Offsets(outStart, pos, n, inSrc)
	outDst := byFrom[:w]
	for b := range n {
		for _, a := range inSrc[inStart[b]:inStart[b+1]] {
			outDst[pos[a]] = int32(b)
			pos[a]++
		}
	}
	f.inStart, f.inSrc, f.outStart, f.outDst = inStart, inSrc, outStart, outDst
	f.built.Store(true)
}
