package af

import "fmt"

// Fixed is the strength of an argument and the bounds on it, taken as
// given by [Bipolar.Fix].
type Fixed struct {
	Strength, Lower, Upper float64
}

// Fix makes argument i, which must have no attackers and no supporters,
// an input of the framework: [DFQuADIter] gives it the strength and the
// bounds of f rather than its base score. With it a part of a larger
// framework can be solved alone, each argument outside the part that
// attacks or supports into it standing in as an input with the values
// the whole framework gave it: the part's strengths and bounds are then
// those of the whole, as DF-QuAD works one component at a time from its
// attackers and supporters. Fix on an argument that has attackers or
// supporters has no effect. It fails with [ErrArgumentRange] or
// [ErrScore] (f's values not in [0, 1], or not Lower ≤ Strength ≤ Upper).
func (b *Bipolar) Fix(i int, f Fixed) error {
	if i < 0 || i >= len(b.base) {
		return fmt.Errorf("af: %w: %d with %d arguments", ErrArgumentRange, i, len(b.base))
	}
	if !(0 <= f.Lower && f.Lower <= f.Strength && f.Strength <= f.Upper && f.Upper <= 1) {
		return fmt.Errorf("af: %w: fixed %v", ErrScore, f)
	}
	if b.fixed == nil {
		b.fixed = make(map[int32]Fixed)
	}
	b.fixed[int32(i)] = f
	return nil
}
