package af

import (
	"cmp"
	"errors"
	"fmt"
	"math/bits"
	"slices"
)

// MaxExact is the largest number of arguments left [Undec] by the grounded
// labelling for which [Extensions], [SomeExtension], [Credulous] and
// [Sceptical] run their exact search; beyond it they return [ErrTooLarge].
//
// The search enumerates conflict-free subsets of those k undecided
// arguments. Each of them has an undecided attacker, which keeps the number
// of conflict-free subsets near 3^(k/2) at worst (k/2 mutual attacks), about
// half a million for k = 24; preferred extensions then cost one subset test
// per pair of complete and preferred extensions (about 2·10^9 word
// operations in that worst case).
const MaxExact = 24

// ErrTooLarge reports a framework whose grounded labelling leaves more than
// [MaxExact] arguments undecided, too many for exact search.
var ErrTooLarge = errors.New("too many undecided arguments for exact search")

// Semantics names an extension-based semantics, by its ICCMA abbreviation.
type Semantics uint8

// The semantics supported by [Extensions] and the acceptance functions.
const (
	CO Semantics = iota + 1 // complete: conflict-free sets that are exactly the arguments they defend
	GR                      // grounded: the least complete extension
	PR                      // preferred: the maximal complete extensions
	ST                      // stable: conflict-free sets attacking every other argument
)

var semanticsNames = [...]string{CO: "CO", GR: "GR", PR: "PR", ST: "ST"}

// String returns the ICCMA abbreviation: "CO", "GR", "PR" or "ST".
func (s Semantics) String() string {
	if int(s) < len(semanticsNames) && semanticsNames[s] != "" {
		return semanticsNames[s]
	}
	return fmt.Sprintf("Semantics(%d)", uint8(s))
}

// ErrSemantics reports an unknown [Semantics] value or abbreviation.
var ErrSemantics = errors.New("unknown semantics")

// ParseSemantics returns the semantics with ICCMA abbreviation s (such as
// "PR"), or [ErrSemantics].
func ParseSemantics(s string) (Semantics, error) {
	for i, name := range semanticsNames {
		if name != "" && name == s {
			return Semantics(i), nil
		}
	}
	return 0, fmt.Errorf("af: %w %q", ErrSemantics, s)
}

// core is the part of a framework left undecided by the grounded labelling,
// as bit masks over at most 64 arguments. Every complete extension is the
// grounded extension plus a complete extension of the core: arguments
// outside the core are In or Out in all of them, and the Out attackers of
// core arguments are already defeated.
type core struct {
	lab  Labelling // grounded labelling of the whole framework
	args []int     // core position -> argument index
	att  []uint64  // core attackers of each core argument
	tgt  []uint64  // core targets of each core argument
	all  uint64
}

func newCore(f *Framework) (*core, error) {
	lab := Grounded(f)
	c := &core{lab: lab, args: lab.Undec()}
	k := len(c.args)
	if k > MaxExact {
		return nil, fmt.Errorf("af: %w: %d undecided, limit %d", ErrTooLarge, k, MaxExact)
	}
	pos := make(map[int]int, k)
	for p, a := range c.args {
		pos[a] = p
	}
	c.att = make([]uint64, k)
	c.tgt = make([]uint64, k)
	for p, a := range c.args {
		for b := range f.Attackers(a) {
			if q, ok := pos[b]; ok {
				c.att[p] |= 1 << q
				c.tgt[q] |= 1 << p
			}
		}
	}
	c.all = uint64(1)<<k - 1
	return c, nil
}

// complete calls yield with every complete extension of the core, as a
// mask, until yield returns false. It branches on each core argument in
// turn (in, or not in), where putting one in rules out its attackers and
// targets, and checks completeness at the leaves.
//
// Because it tries in before out, a complete extension comes before every
// complete extension it is a proper subset of (they first differ by an
// argument the superset has in). So the first extension yielded is
// preferred, and so is the first that contains a given argument: a
// preferred search can stop at the first complete one.
func (c *core) complete(yield func(uint64) bool) {
	k := len(c.args)
	var rec func(i int, in, banned, hit uint64) bool
	rec = func(i int, in, banned, hit uint64) bool {
		if i == k {
			// hit = arguments attacked by in. Argument p is defended when
			// all its attackers are hit; complete means in = defended.
			for p := range k {
				defended := c.att[p]&^hit == 0
				if defended != (in&(1<<p) != 0) {
					return true
				}
			}
			return yield(in)
		}
		bit := uint64(1) << i
		if banned&bit == 0 && c.att[i]&bit == 0 {
			if !rec(i+1, in|bit, banned|c.att[i]|c.tgt[i], hit|c.tgt[i]) {
				return false
			}
		}
		return rec(i+1, in, banned|bit, hit)
	}
	rec(0, 0, 0, 0)
}

// each calls yield with every extension of the core under s (PR and ST
// filter the complete ones), until yield returns false.
func (c *core) each(s Semantics, yield func(uint64) bool) {
	switch s {
	case CO:
		c.complete(yield)
	case GR:
		yield(0)
	case ST:
		c.complete(func(in uint64) bool {
			var hit uint64
			for p := range in2list(in) {
				hit |= c.tgt[p]
			}
			if hit|in == c.all {
				return yield(in)
			}
			return true
		})
	case PR:
		var all []uint64
		c.complete(func(in uint64) bool { all = append(all, in); return true })
		// Largest first: a set can only be contained in a larger one.
		slices.SortFunc(all, func(a, b uint64) int {
			return cmp.Compare(bits.OnesCount64(b), bits.OnesCount64(a))
		})
		var maximal []uint64
	next:
		for _, e := range all {
			for _, m := range maximal {
				if e&^m == 0 {
					continue next
				}
			}
			maximal = append(maximal, e)
		}
		for _, e := range maximal {
			if !yield(e) {
				return
			}
		}
	}
}

func in2list(m uint64) func(func(int) bool) {
	return func(yield func(int) bool) {
		for m != 0 {
			p := bits.TrailingZeros64(m)
			if !yield(p) {
				return
			}
			m &= m - 1
		}
	}
}

// extension returns the full extension for core mask in: the grounded
// extension plus the core arguments in the mask, in increasing order.
func (c *core) extension(in uint64) []int {
	ext := c.lab.In()
	for p := range in2list(in) {
		ext = append(ext, c.args[p])
	}
	slices.Sort(ext)
	return ext
}

func checkSemantics(s Semantics) error {
	if s < CO || s > ST {
		return fmt.Errorf("af: %w %d", ErrSemantics, uint8(s))
	}
	return nil
}

// Extensions returns all extensions of f under s, each sorted by argument
// index and the list sorted lexicographically. Stable semantics may give
// none (an empty, non-nil list). For [GR] it never fails; otherwise it
// returns [ErrTooLarge] when more than [MaxExact] arguments are undecided
// in the grounded labelling.
func Extensions(f *Framework, s Semantics) ([][]int, error) {
	if err := checkSemantics(s); err != nil {
		return nil, err
	}
	if s == GR {
		return [][]int{Grounded(f).In()}, nil
	}
	c, err := newCore(f)
	if err != nil {
		return nil, err
	}
	exts := [][]int{}
	c.each(s, func(in uint64) bool {
		exts = append(exts, c.extension(in))
		return true
	})
	slices.SortFunc(exts, slices.Compare)
	return exts, nil
}

// SomeExtension returns one extension of f under s, or ok == false when
// there is none (only possible for [ST]). For [GR] and [CO] it returns the
// grounded extension in O(Len()+attacks) time.
func SomeExtension(f *Framework, s Semantics) (ext []int, ok bool, err error) {
	if err := checkSemantics(s); err != nil {
		return nil, false, err
	}
	if s == GR || s == CO {
		return Grounded(f).In(), true, nil
	}
	c, err := newCore(f)
	if err != nil {
		return nil, false, err
	}
	if s == PR {
		s = CO // the first complete extension found is preferred (see complete)
	}
	c.each(s, func(in uint64) bool {
		ext, ok = c.extension(in), true
		return false
	})
	return ext, ok, nil
}

// Credulous reports whether argument a belongs to some extension of f under
// s (ICCMA problem DC-s). Under [GR] this is membership of the grounded
// extension; under [CO] and [PR] it is the same question (an argument in a
// complete extension is in a preferred one containing it).
func Credulous(f *Framework, s Semantics, a int) (bool, error) {
	ok, _, err := accept(f, s, a, true, false)
	return ok, err
}

// Sceptical reports whether argument a belongs to every extension of f
// under s (ICCMA problem DS-s). Under [GR] and [CO] this is membership of
// the grounded extension. Under [ST] it is vacuously true when f has no
// stable extension.
func Sceptical(f *Framework, s Semantics, a int) (bool, error) {
	ok, _, err := accept(f, s, a, false, false)
	return ok, err
}

// Decide answers the decision problem p (DC or DS) about argument a with
// the certificate ICCMA 2023 asks of its main track: for DC, when a is
// credulously accepted, an extension under p.Semantics that contains a;
// for DS, when a is not sceptically accepted, an extension that does not.
// cert is nil when the answer calls for none (DC NO, DS YES), and
// otherwise sorted by argument index and non-nil even when empty. A task other than DC or DS gives an error
// wrapping [ErrProblem].
//
// Decide costs what [Credulous] and [Sceptical] cost, except that a
// preferred certificate may need the exact search (and so may return
// [ErrTooLarge]) where the bare answer follows from the grounded labelling.
func Decide(f *Framework, p Problem, a int) (accepted bool, cert []int, err error) {
	if !p.Argument() {
		return false, nil, fmt.Errorf("%w %q: Decide answers DC and DS", ErrProblem, p)
	}
	return accept(f, p.Semantics, a, p.Task == DC, true)
}

// accept answers DC (credulous) or DS (!credulous). With certify it also
// returns the extension that proves the answer when there is one to give:
// the witness of a credulous YES, the counterexample of a sceptical NO.
func accept(f *Framework, s Semantics, a int, credulous, certify bool) (bool, []int, error) {
	if err := checkSemantics(s); err != nil {
		return false, nil, err
	}
	if a < 0 || a >= f.Len() {
		return false, nil, fmt.Errorf("af: %w: argument %d with %d arguments", ErrArgumentRange, a, f.Len())
	}
	lab := Grounded(f)
	// proof reports whether the answer ok calls for a certificate.
	proof := func(ok bool) bool { return certify && ok == credulous }
	if s == GR || (s == CO && !credulous) {
		// The grounded extension is complete: it proves both a credulous
		// YES under CO and a sceptical NO.
		ok := lab[a] == In
		if proof(ok) {
			return ok, lab.In(), nil
		}
		return ok, nil, nil
	}
	if s != ST && lab[a] != Undec {
		// Grounded In: in every complete extension; Out: in none.
		ok := lab[a] == In
		switch {
		case !proof(ok):
			return ok, nil, nil
		case s == CO:
			return ok, lab.In(), nil
		}
		// Every preferred extension then proves the answer.
		ext, _, err := SomeExtension(f, s)
		if err != nil {
			return false, nil, err
		}
		return ok, ext, nil
	}
	if s == PR && credulous {
		// Same answer, and no maximality filter needed: the first complete
		// extension found with a is preferred (see complete), so it is
		// also the certificate.
		s = CO
	}
	c, err := newCore(f)
	if err != nil {
		return false, nil, err
	}
	// Membership of a is fixed outside the core, a bit test inside it.
	var bit uint64
	if p, ok := slices.BinarySearch(c.args, a); ok {
		bit = 1 << p
	}
	fixed := lab[a] == In
	// found: some extension (credulous) or some counterexample (sceptical).
	found := false
	var cert []int
	c.each(s, func(in uint64) bool {
		has := fixed || in&bit != 0
		found = has == credulous
		if found && certify {
			cert = c.extension(in)
		}
		return !found
	})
	return found == credulous, cert, nil
}
