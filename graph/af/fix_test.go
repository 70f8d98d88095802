package af

import (
	"errors"
	"testing"
)

// TestFix solves the part of a framework below an argument alone, with
// that argument fixed at what the whole gave it, and finds the whole's
// strengths and bounds: 0 attacks 1, 1 and 2 attack each other (a cycle
// with no unique fixed point, base scores 1), 2 attacks 3; the part is
// {1, 2, 3} with 0 as its input.
func TestFix(t *testing.T) {
	whole := NewBipolar(4)
	for i, v := range []float64{0.9, 1, 1, 0.6} {
		_ = whole.SetBase(i, v)
	}
	for _, e := range [][2]int{{0, 1}, {1, 2}, {2, 1}, {2, 3}} {
		_ = whole.Attack(e[0], e[1])
	}
	w := DFQuAD(whole)

	part := NewBipolar(4)
	if err := part.Fix(0, Fixed{w.Strength[0], w.Lower[0], w.Upper[0]}); err != nil {
		t.Fatal(err)
	}
	for i, v := range []float64{1, 1, 0.6} {
		_ = part.SetBase(i+1, v)
	}
	for _, e := range [][2]int{{0, 1}, {1, 2}, {2, 1}, {2, 3}} {
		_ = part.Attack(e[0], e[1])
	}
	p := DFQuAD(part)
	for i := range 4 {
		if p.Strength[i] != w.Strength[i] || p.Lower[i] != w.Lower[i] || p.Upper[i] != w.Upper[i] {
			t.Errorf("argument %d: part %v [%v, %v], whole %v [%v, %v]", i,
				p.Strength[i], p.Lower[i], p.Upper[i], w.Strength[i], w.Lower[i], w.Upper[i])
		}
	}
	if p.Bound != w.Bound {
		t.Errorf("bound: part %v, whole %v", p.Bound, w.Bound)
	}

	// An input with bounds apart passes them on: the target's bounds
	// come from the input's, not from its strength alone.
	open := NewBipolar(2)
	_ = open.Fix(0, Fixed{Strength: 0.5, Lower: 0.2, Upper: 0.8})
	_ = open.SetBase(1, 1)
	_ = open.Attack(0, 1)
	o := DFQuAD(open)
	if o.Strength[1] != 0.5 || !(o.Lower[1] < 0.5 && o.Upper[1] > 0.5) {
		t.Errorf("attacked by an open input: %v [%v, %v], want 0.5 within open bounds", o.Strength[1], o.Lower[1], o.Upper[1])
	}

	// Fix on an attacked argument does nothing.
	b := NewBipolar(2)
	_ = b.Attack(0, 1)
	_ = b.Fix(1, Fixed{0.3, 0.3, 0.3})
	if s := DFQuAD(b).Strength[1]; s != 0.25 {
		t.Errorf("fixed but attacked: %v, want 0.25 (0.5 attacked by 0.5)", s)
	}

	for _, f := range []Fixed{{0.5, 0.6, 0.7}, {1.5, 0, 2}, {0.5, -1, 1}} {
		if err := b.Fix(0, f); !errors.Is(err, ErrScore) {
			t.Errorf("Fix(%v): %v, want ErrScore", f, err)
		}
	}
	if err := b.Fix(2, Fixed{}); !errors.Is(err, ErrArgumentRange) {
		t.Errorf("Fix(2) of 2 arguments: %v, want ErrArgumentRange", err)
	}
}
