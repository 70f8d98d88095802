package af

import "strconv"

// Label is the status of an argument in a [Labelling].
type Label uint8

// The three labels of the labelling-based semantics. The zero value is
// [Undec].
const (
	Undec Label = iota // neither accepted nor rejected
	In                 // accepted
	Out                // rejected: attacked by an accepted argument
)

// String returns "undec", "in" or "out".
func (l Label) String() string {
	switch l {
	case Undec:
		return "undec"
	case In:
		return "in"
	case Out:
		return "out"
	}
	return "Label(" + strconv.Itoa(int(l)) + ")"
}

// Labelling gives each argument of a framework a [Label], indexed by
// argument.
type Labelling []Label

// In returns the arguments labelled [In], in increasing order. For the
// grounded labelling this is the grounded extension.
func (l Labelling) In() []int { return l.with(In) }

// Out returns the arguments labelled [Out], in increasing order.
func (l Labelling) Out() []int { return l.with(Out) }

// Undec returns the arguments labelled [Undec], in increasing order.
func (l Labelling) Undec() []int { return l.with(Undec) }

func (l Labelling) with(want Label) []int {
	s := []int{}
	for i, x := range l {
		if x == want {
			s = append(s, i)
		}
	}
	return s
}

// Grounded returns the grounded labelling of f: the least complete
// labelling, whose [In] arguments form the grounded extension.
//
// It runs the standard propagation in O(Len()+attacks) time: an argument
// all of whose attackers are [Out] becomes [In], an argument with an [In]
// attacker becomes [Out], and whatever is left when nothing changes is
// [Undec].
func Grounded(f *Framework) Labelling {
	f.build()
	n := f.n
	lab := make(Labelling, n)
	// live[i] counts the attackers of i not yet labelled Out.
	live := make([]int32, n)
	queue := make([]int32, 0, 64)
	for i := range n {
		live[i] = f.inStart[i+1] - f.inStart[i]
		if live[i] == 0 {
			lab[i] = In
			queue = append(queue, int32(i))
		}
	}
	// Every argument enters the queue at most once, when labelled.
	for head := 0; head < len(queue); head++ {
		a := queue[head]
		targets := f.outDst[f.outStart[a]:f.outStart[a+1]]
		if lab[a] == In {
			for _, b := range targets {
				if lab[b] == Undec {
					lab[b] = Out
					queue = append(queue, b)
				}
			}
			continue
		}
		for _, b := range targets {
			live[b]--
			if live[b] == 0 && lab[b] == Undec {
				lab[b] = In
				queue = append(queue, b)
			}
		}
	}
	return lab
}
