package af

import (
	"errors"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestFrameworkNames(t *testing.T) {
	f := New(2) // unnamed arguments "1" and "2"
	a, err := f.AddArgument("a")
	if err != nil || a != 2 {
		t.Fatalf("AddArgument(a) = %d, %v", a, err)
	}
	u, err := f.AddArgument("") // unnamed, called "4"
	if err != nil || u != 3 {
		t.Fatalf("AddArgument(\"\") = %d, %v", u, err)
	}
	tests := []struct {
		name  string
		index int
	}{{"1", 0}, {"2", 1}, {"a", 2}, {"4", 3}, {"3", -1}, {"01", -1}, {"b", -1}, {"0", -1}}
	for _, tt := range tests {
		if got := f.Index(tt.name); got != tt.index {
			t.Errorf("Index(%q) = %d, want %d", tt.name, got, tt.index)
		}
		if tt.index >= 0 && f.Name(tt.index) != tt.name {
			t.Errorf("Name(%d) = %q, want %q", tt.index, f.Name(tt.index), tt.name)
		}
	}
	for _, dup := range []string{"a", "1", "4"} {
		if _, err := f.AddArgument(dup); !errors.Is(err, ErrDuplicateArgument) {
			t.Errorf("AddArgument(%q) error %v, want ErrDuplicateArgument", dup, err)
		}
	}
	if f.Name(-1) != "" || f.Name(4) != "" || !f.Named(2) || f.Named(0) {
		t.Errorf("Name/Named out of range or unnamed wrong")
	}
}

func TestFrameworkAttacks(t *testing.T) {
	f := New(3)
	for _, bad := range [][2]int{{-1, 0}, {0, 3}, {3, 3}} {
		if err := f.Attack(bad[0], bad[1]); !errors.Is(err, ErrArgumentRange) {
			t.Errorf("Attack(%d, %d) error %v, want ErrArgumentRange", bad[0], bad[1], err)
		}
	}
	// Recorded out of order and with a repeat: 2->0, 0->1, 2->1, 2->0, 1->1.
	for _, a := range [][2]int{{2, 0}, {0, 1}, {2, 1}, {2, 0}, {1, 1}} {
		if err := f.Attack(a[0], a[1]); err != nil {
			t.Fatal(err)
		}
	}
	if got := f.NumAttacks(); got != 4 {
		t.Errorf("NumAttacks = %d, want 4 distinct", got)
	}
	if diff := cmp.Diff([]int{0, 1, 2}, slices.Collect(f.Attackers(1))); diff != "" {
		t.Errorf("Attackers(1) (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]int{0, 1}, slices.Collect(f.Targets(2))); diff != "" {
		t.Errorf("Targets(2) (-want +got):\n%s", diff)
	}
	if !f.HasAttack(1, 1) || f.HasAttack(1, 0) || f.HasAttack(5, 0) {
		t.Error("HasAttack wrong")
	}
	if got := slices.Collect(f.Attackers(7)); len(got) != 0 {
		t.Errorf("Attackers out of range = %v", got)
	}
	// Changes after a query are seen by the next one.
	if _, err := f.AddArgument("x"); err != nil {
		t.Fatal(err)
	}
	if err := f.Attack(3, 0); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]int{2, 3}, slices.Collect(f.Attackers(0))); diff != "" {
		t.Errorf("Attackers(0) after change (-want +got):\n%s", diff)
	}
	var pairs [][2]int
	for a, b := range f.Attacks() {
		pairs = append(pairs, [2]int{a, b})
	}
	want := [][2]int{{0, 1}, {1, 1}, {2, 0}, {2, 1}, {3, 0}}
	if diff := cmp.Diff(want, pairs); diff != "" {
		t.Errorf("Attacks (-want +got):\n%s", diff)
	}
}

func TestLabelString(t *testing.T) {
	for l, want := range map[Label]string{In: "in", Out: "out", Undec: "undec", 7: "Label(7)"} {
		if l.String() != want {
			t.Errorf("Label(%d).String() = %q, want %q", l, l.String(), want)
		}
	}
}
