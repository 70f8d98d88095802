package af

import (
	"errors"
	"fmt"
	"strings"
)

// Task is an ICCMA reasoning task: what a [Problem] asks under its
// semantics.
type Task uint8

// The tasks, in the order of their ICCMA abbreviations.
const (
	DC Task = iota + 1 // decide credulous acceptance of an argument: [Credulous]
	DS                 // decide sceptical acceptance of an argument: [Sceptical]
	EE                 // enumerate every extension: [Extensions]
	SE                 // give some extension: [SomeExtension]
)

var taskNames = [...]string{DC: "DC", DS: "DS", EE: "EE", SE: "SE"}

// String returns the ICCMA abbreviation: "DC", "DS", "EE" or "SE".
func (t Task) String() string {
	if int(t) < len(taskNames) && taskNames[t] != "" {
		return taskNames[t]
	}
	return fmt.Sprintf("Task(%d)", uint8(t))
}

// Problem is an ICCMA problem, a task under a semantics, named "TASK-SEM"
// as in "DC-CO" or "SE-PR".
type Problem struct {
	Task      Task
	Semantics Semantics
}

// ErrProblem reports a problem name [ParseProblem] does not know.
var ErrProblem = errors.New("af: unknown problem")

// ParseProblem returns the problem named s, such as "DC-CO": one of the
// tasks DC, DS, EE, SE and one of the semantics CO, GR, PR, ST, joined by
// a hyphen, in upper case as ICCMA writes them. Any other s gives an
// error wrapping [ErrProblem].
func ParseProblem(s string) (Problem, error) {
	task, sem, ok := strings.Cut(s, "-")
	for t := DC; ok && t <= SE; t++ {
		if task != t.String() {
			continue
		}
		if se, err := ParseSemantics(sem); err == nil {
			return Problem{t, se}, nil
		}
	}
	return Problem{}, fmt.Errorf("%w %q", ErrProblem, s)
}

// String returns the ICCMA name of p, such as "DC-CO".
func (p Problem) String() string { return p.Task.String() + "-" + p.Semantics.String() }

// Argument reports whether p asks about one argument (DC and DS).
func (p Problem) Argument() bool { return p.Task == DC || p.Task == DS }

// Problems returns every problem this package solves, sorted by name.
func Problems() []Problem {
	var ps []Problem
	for t := DC; t <= SE; t++ {
		for s := CO; s <= ST; s++ {
			ps = append(ps, Problem{t, s})
		}
	}
	return ps
}
