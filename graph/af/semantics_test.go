package af

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestGroundedByHand(t *testing.T) {
	tests := []struct {
		name    string
		n       int
		attacks [][2]int
		want    Labelling
	}{
		// 0 is unattacked, so In; it defeats 1; 2 is attacked only by the
		// defeated 1, so In.
		{"chain", 3, [][2]int{{0, 1}, {1, 2}}, Labelling{In, Out, In}},
		// Mutual attack: neither side can be decided.
		{"mutual", 2, [][2]int{{0, 1}, {1, 0}}, Labelling{Undec, Undec}},
		// A self-attacker stays Undec, and so does what it attacks, while
		// an unattacked argument is In.
		{"self attack", 3, [][2]int{{0, 0}, {0, 1}}, Labelling{Undec, Undec, In}},
		// Odd cycle 0->1->2->0: all Undec; 3 attacks 0 from outside, so 0 is
		// Out, 1 In, 2 Out.
		{"broken odd cycle", 4, [][2]int{{0, 1}, {1, 2}, {2, 0}, {3, 0}}, Labelling{Out, In, Out, In}},
		// Repeated attacks change nothing: 1 attacked twice by the In 0.
		{"repeated", 2, [][2]int{{0, 1}, {0, 1}}, Labelling{In, Out}},
		{"empty", 0, nil, Labelling{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Grounded(build(t, tt.n, tt.attacks))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// bruteForce computes the extensions of a small framework from the
// definitions, by looking at every subset of arguments.
func bruteForce(f *Framework) map[Semantics][][]int {
	n := f.Len()
	attacks := func(s uint64, b int) bool {
		for a := range f.Attackers(b) {
			if s&(1<<a) != 0 {
				return true
			}
		}
		return false
	}
	conflictFree := func(s uint64) bool {
		for b := range n {
			if s&(1<<b) != 0 && attacks(s, b) {
				return false
			}
		}
		return true
	}
	defended := func(s uint64) uint64 { // arguments all of whose attackers s attacks
		var d uint64
		for b := range n {
			ok := true
			for a := range f.Attackers(b) {
				ok = ok && attacks(s, a)
			}
			if ok {
				d |= 1 << b
			}
		}
		return d
	}
	var complete, admissible, stable []uint64
	for s := uint64(0); s < 1<<n; s++ {
		if !conflictFree(s) {
			continue
		}
		d := defended(s)
		if s&^d == 0 {
			admissible = append(admissible, s)
		}
		if d == s {
			complete = append(complete, s)
		}
		rest := true
		for b := range n {
			rest = rest && (s&(1<<b) != 0 || attacks(s, b))
		}
		if rest {
			stable = append(stable, s)
		}
	}
	var preferred []uint64
	for _, s := range admissible {
		maximal := true
		for _, u := range admissible {
			maximal = maximal && (u == s || s&^u != 0)
		}
		if maximal {
			preferred = append(preferred, s)
		}
	}
	var grounded []uint64 // the complete extension inside all others
	for _, s := range complete {
		least := true
		for _, u := range complete {
			least = least && s&^u == 0
		}
		if least {
			grounded = append(grounded, s)
		}
	}
	toLists := func(masks []uint64) [][]int {
		out := [][]int{}
		for _, m := range masks {
			e := []int{}
			for b := range n {
				if m&(1<<b) != 0 {
					e = append(e, b)
				}
			}
			out = append(out, e)
		}
		slices.SortFunc(out, slices.Compare)
		return out
	}
	return map[Semantics][][]int{CO: toLists(complete), GR: toLists(grounded), PR: toLists(preferred), ST: toLists(stable)}
}

// TestExtensionsBruteForce compares the search with the definitions on
// random frameworks of up to 10 arguments, and the acceptance functions
// with membership in the brute-force extensions.
func TestExtensionsBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	for trial := range 300 {
		n := 1 + rng.IntN(10)
		f := randomFramework(rng, n, rng.IntN(3*n))
		want := bruteForce(f)
		for _, s := range []Semantics{CO, GR, PR, ST} {
			t.Run(fmt.Sprintf("%d/%v", trial, s), func(t *testing.T) {
				got, err := Extensions(f, s)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(want[s], got); diff != "" {
					t.Fatalf("(-want +got):\n%s", diff)
				}
				some, ok, err := SomeExtension(f, s)
				if err != nil || ok != (len(want[s]) > 0) || (ok && !slices.ContainsFunc(want[s], func(e []int) bool { return slices.Equal(e, some) })) {
					t.Errorf("SomeExtension = %v, %v, %v", some, ok, err)
				}
				for a := range n {
					in, every := false, true
					for _, e := range want[s] {
						has := slices.Contains(e, a)
						in, every = in || has, every && has
					}
					if got, err := Credulous(f, s, a); err != nil || got != in {
						t.Errorf("Credulous(%d) = %v, %v; want %v", a, got, err, in)
					}
					if got, err := Sceptical(f, s, a); err != nil || got != every {
						t.Errorf("Sceptical(%d) = %v, %v; want %v", a, got, err, every)
					}
					// Decide's certificate must be one of the extensions, with a
					// (DC YES) or without it (DS NO), and absent otherwise.
					isExt := func(e []int) bool {
						return slices.ContainsFunc(want[s], func(w []int) bool { return slices.Equal(w, e) })
					}
					for _, task := range []Task{DC, DS} {
						wantOK := in
						if task == DS {
							wantOK = every
						}
						ok, cert, err := Decide(f, Problem{task, s}, a)
						needed := ok == (task == DC)
						switch {
						case err != nil || ok != wantOK:
							t.Errorf("Decide(%v-%v, %d) = %v, %v; want %v", task, s, a, ok, err, wantOK)
						case !needed && cert != nil:
							t.Errorf("Decide(%v-%v, %d) = %v with certificate %v; want none", task, s, a, ok, cert)
						case needed && (!isExt(cert) || slices.Contains(cert, a) != (task == DC)):
							t.Errorf("Decide(%v-%v, %d) = %v with certificate %v; extensions %v", task, s, a, ok, cert, want[s])
						}
					}
				}
			})
		}
	}
}

func TestExactLimits(t *testing.T) {
	// MaxExact+1 arguments in mutual-attack pairs are all undecided.
	n := MaxExact + 2
	var attacks [][2]int
	for i := 0; i < n; i += 2 {
		attacks = append(attacks, [2]int{i, i + 1}, [2]int{i + 1, i})
	}
	f := build(t, n, attacks)
	if _, err := Extensions(f, PR); !errors.Is(err, ErrTooLarge) {
		t.Errorf("Extensions error %v, want ErrTooLarge", err)
	}
	if _, err := Credulous(f, GR, 0); err != nil {
		t.Errorf("grounded acceptance needs no search, got %v", err)
	}
	if _, err := Credulous(f, CO, n); !errors.Is(err, ErrArgumentRange) {
		t.Errorf("Credulous out of range: %v", err)
	}
	if _, err := Extensions(f, Semantics(9)); !errors.Is(err, ErrSemantics) {
		t.Errorf("bad semantics: %v", err)
	}
}

// TestExactWorstCase runs the search on MaxExact arguments in mutual-attack
// pairs: 3^(MaxExact/2) complete and 2^(MaxExact/2) preferred extensions,
// counted by hand (each pair is in, out or undecided in a complete one,
// and in or out in a preferred one).
func TestExactWorstCase(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode: the worst case takes about a second")
	}
	var attacks [][2]int
	for i := 0; i < MaxExact; i += 2 {
		attacks = append(attacks, [2]int{i, i + 1}, [2]int{i + 1, i})
	}
	f := build(t, MaxExact, attacks)
	pow := func(b, e int) int {
		r := 1
		for range e {
			r *= b
		}
		return r
	}
	for s, want := range map[Semantics]int{CO: pow(3, MaxExact/2), PR: pow(2, MaxExact/2), ST: pow(2, MaxExact/2)} {
		exts, err := Extensions(f, s)
		if err != nil || len(exts) != want {
			t.Errorf("%v: %d extensions, %v; want %d", s, len(exts), err, want)
		}
	}
}

func TestSemanticsNames(t *testing.T) {
	for _, s := range []Semantics{CO, GR, PR, ST} {
		got, err := ParseSemantics(s.String())
		if err != nil || got != s {
			t.Errorf("ParseSemantics(%q) = %v, %v", s.String(), got, err)
		}
	}
	if _, err := ParseSemantics("XX"); !errors.Is(err, ErrSemantics) {
		t.Errorf("ParseSemantics(XX) error %v", err)
	}
}
