package af_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/claimgraph/claimgraph/graph/af"
)

func ExampleGrounded() {
	// a attacks b, b attacks c, and c and d attack each other.
	f := af.New(0)
	for _, name := range []string{"a", "b", "c", "d"} {
		if _, err := f.AddArgument(name); err != nil {
			panic(err)
		}
	}
	for _, att := range [][2]string{{"a", "b"}, {"b", "c"}, {"c", "d"}, {"d", "c"}} {
		if err := f.Attack(f.Index(att[0]), f.Index(att[1])); err != nil {
			panic(err)
		}
	}
	lab := af.Grounded(f)
	for i, l := range lab {
		fmt.Println(f.Name(i), l)
	}
	// Output:
	// a in
	// b out
	// c undec
	// d undec
}

func ExampleExtensions() {
	// 0 and 1 attack each other; 1 attacks 2.
	f := af.New(3)
	_ = f.Attack(0, 1)
	_ = f.Attack(1, 0)
	_ = f.Attack(1, 2)
	pr, err := af.Extensions(f, af.PR)
	fmt.Println(pr, err)
	ok, err := af.Sceptical(f, af.PR, 2)
	fmt.Println(ok, err)
	// Output:
	// [[0 2] [1]] <nil>
	// false <nil>
}

func ExampleReadAPX() {
	src := "arg(a1). arg(a2). arg(a3).\natt(a1,a2). att(a2,a3).\n"
	f, err := af.ReadAPX(strings.NewReader(src))
	if err != nil {
		panic(err)
	}
	for _, i := range af.Grounded(f).In() {
		fmt.Println(f.Name(i))
	}
	// Output:
	// a1
	// a3
}

func ExampleReadI23() {
	f, err := af.ReadI23(strings.NewReader("p af 3\n1 2\n2 3\n"))
	fmt.Println(f.Len(), f.NumAttacks(), af.Grounded(f).In(), err)
	_, err = af.ReadI23(strings.NewReader("p af 3\n1 4\n"))
	fmt.Println(err)
	// Output:
	// 3 2 [0 2] <nil>
	// af: 2:3: unknown argument: 4 not in 1..3
}

func ExampleWrite() {
	f := af.New(2)
	_ = f.Attack(1, 0)
	_ = af.Write(os.Stdout, f, af.APX)
	// Output:
	// arg(1).
	// arg(2).
	// att(2,1).
}

func ExampleDFQuAD() {
	// A claim (base 0.5) attacked by an argument of base 0.6 and supported
	// by one of base 0.2: va = 0.6 > vs = 0.2, so its strength is
	// 0.5 - 0.5·(0.6-0.2) = 0.3.
	b := af.NewBipolar(3)
	_ = b.SetBase(1, 0.6)
	_ = b.SetBase(2, 0.2)
	_ = b.Attack(1, 0)
	_ = b.Support(2, 0)
	s := af.DFQuAD(b)
	fmt.Printf("%.2f acyclic=%v converged=%v\n", s.Strength[0], s.Acyclic, s.Converged)
	// Output:
	// 0.30 acyclic=true converged=true
}
