package af_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph/af"
)

func TestParseProblem(t *testing.T) {
	for _, p := range af.Problems() {
		got, err := af.ParseProblem(p.String())
		if err != nil || got != p {
			t.Errorf("ParseProblem(%q) = %v, %v; want %v", p, got, err, p)
		}
	}
	for _, bad := range []string{"", "DC", "DC-", "-CO", "dc-co", "DC-XX", "XX-CO", "DC-CO-", "DC_CO", " DC-CO", "Task(0)-CO"} {
		if p, err := af.ParseProblem(bad); !errors.Is(err, af.ErrProblem) || !strings.Contains(err.Error(), fmt.Sprintf("%q", bad)) {
			t.Errorf("ParseProblem(%q) = %v, %v; want an ErrProblem naming it", bad, p, err)
		}
	}
}

func TestProblems(t *testing.T) {
	ps := af.Problems()
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.String()
		if strings.Contains(names[i], "(") {
			t.Errorf("problem %d has no ICCMA name: %s", i, names[i])
		}
		if want := p.Task == af.DC || p.Task == af.DS; p.Argument() != want {
			t.Errorf("%s.Argument() = %v", p, p.Argument())
		}
	}
	if !slices.IsSorted(names) || len(slices.Compact(slices.Clone(names))) != 16 {
		t.Errorf("Problems() = %v; want the 16 problems, sorted", names)
	}
	if s := af.Task(0).String(); s != "Task(0)" {
		t.Errorf("Task(0).String() = %q", s)
	}
}

// ParseProblem reads the ICCMA name of a problem, as given to a solver's
// -p flag; the task says which function answers it.
func ExampleParseProblem() {
	p, err := af.ParseProblem("DC-PR")
	if err != nil {
		panic(err)
	}
	fmt.Println(p.Task, p.Semantics, p.Argument())

	// a and b attack each other: each is in one preferred extension.
	f := af.New(2)
	_ = f.Attack(0, 1)
	_ = f.Attack(1, 0)
	ok, err := af.Credulous(f, p.Semantics, 0)
	fmt.Println(ok, err)

	_, err = af.ParseProblem("DC-XY")
	fmt.Println(err)
	// Output:
	// DC PR true
	// true <nil>
	// af: unknown problem "DC-XY"
}

func TestDecideRefusesOtherTasks(t *testing.T) {
	f := af.New(2)
	for _, p := range []af.Problem{{Task: af.SE, Semantics: af.GR}, {Task: af.EE, Semantics: af.PR}} {
		if _, _, err := af.Decide(f, p, 0); !errors.Is(err, af.ErrProblem) {
			t.Errorf("Decide(%v) error %v; want ErrProblem", p, err)
		}
	}
}
