package truth_test

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"github.com/claimgraph/claimgraph/sources/truth"
)

// dependenceOf returns the probability of dependence r reports for the
// sources named a and b, and whether it reports them at all.
func dependenceOf(d *truth.Dataset, r *truth.Result, a, b string) (truth.Dependence, bool) {
	for _, dp := range r.Dependence {
		x, y := d.SourceName(dp.Copier), d.SourceName(dp.Original)
		if (x == a && y == b) || (x == b && y == a) {
			return dp, true
		}
	}
	return truth.Dependence{}, false
}

// TestDependenceByHand checks the Bayesian copy detection of DEPEN (§2
// of Dong, Berti-Equille & Srivastava) on one pair worked out by hand.
//
//	o1: S1, S2 say f1; S3, S4, S5 say t1  → t1 wins the first round
//	o2: S1, S2, S3 say t2; S4 says e2     → t2
//	o3: S1, S5 say t3; S2 says g3         → t3
//
// So S1 and S2 share one true value (o2), one false value (o1) and differ
// on one object (o3): kt = kf = kd = 1. (With o2 repeated twelve times,
// kt = 12 and the odds below gain 1.2^11.) With DEPEN's common accuracy
// A = 0.8, n = 100, c = 0.8 and α = 0.2:
//
//	independent: Pt = A² = 0.64, Pf = (1−A)²/n = 0.0004, Pd = 1 − Pt − Pf = 0.3596
//	S1 → S2:     A·c + A²(1−c) = 0.768, (1−A)·c + Pf·(1−c) = 0.16008, Pd·(1−c)
//
// and S2 → S1 alike (the accuracies are equal). The posterior odds of
// dependence are α/(1−α) · (0.768/0.64)·(0.16008/0.0004)·(1−c) = 0.25 ·
// 1.2 · 400.2 · 0.2 = 24.012, so Pr(dependent) = 24.012/25.012 = 0.960019.
func TestDependenceByHand(t *testing.T) {
	// shared is the number of copies of o2 (kt); past eight the odds are
	// taken in log space rather than as products.
	for _, shared := range []int{1, 12} {
		d := truth.NewDataset()
		d.Assert("S1", "o1", "f1")
		d.Assert("S2", "o1", "f1")
		for _, s := range []string{"S3", "S4", "S5"} {
			d.Assert(s, "o1", "t1")
		}
		for i := range shared {
			o := fmt.Sprintf("o2.%d", i)
			for _, s := range []string{"S1", "S2", "S3"} {
				d.Assert(s, o, "t2")
			}
			d.Assert("S4", o, "e2")
		}
		d.Assert("S1", "o3", "t3")
		d.Assert("S5", "o3", "t3")
		d.Assert("S2", "o3", "g3")

		const A, n, c, alpha = 0.8, 100.0, 0.8, 0.2
		pt, pf := A*A, (1-A)*(1-A)/n
		odds := alpha / (1 - alpha) * math.Pow((A*c+pt*(1-c))/pt, float64(shared)) * (((1-A)*c + pf*(1-c)) / pf) * (1 - c)
		want := odds / (1 + odds)
		if shared == 1 && math.Abs(want-0.960019) > 1e-6 {
			t.Fatalf("worked example: %v", want)
		}
		// Two iterations: the first decides t1, t2, t3 by votes alone,
		// the second finds the dependence from them.
		r, err := truth.Discover(d, truth.Depen, truth.Options{MaxIterations: 2})
		if err != nil {
			t.Fatal(err)
		}
		dp, ok := dependenceOf(d, r, "S1", "S2")
		if !ok || math.Abs(dp.Probability-want) > 1e-6 || dp.Declared {
			t.Errorf("kt = %d: S1, S2: %+v, %v; want probability %.6f", shared, dp, ok, want)
		}
	}
}

// wire is the story of issue 14, for the copy detection of ACCU and DEPEN:
//
//   - a wire story reports two details q1, q2, a detail X and a detail Y;
//     outlets A, B and C republish it whole, without saying so;
//   - X is false: four independent reporters I1..I4 and a fifth, D, deny
//     it ("denied"). The independents also report details q1..q12, each
//     with one slip of its own (Ii is wrong about qi); D gets them all
//     right;
//   - on Y only the wire's outlets ("wire") and D ("denial") speak.
//
// The outlets agree with each other on everything, including the false X:
// the mark of copying (§2). Voting counts them three times and picks
// "wire" for Y.
func wire(t *testing.T) *truth.Dataset {
	t.Helper()
	d := truth.NewDataset()
	for _, o := range []string{"A", "B", "C"} {
		d.Assert(o, "q1", "true")
		d.Assert(o, "q2", "true")
		d.Assert(o, "X", "claimed")
		d.Assert(o, "Y", "wire")
	}
	for i, s := range []string{"I1", "I2", "I3", "I4", "D"} {
		for j := 1; j <= 12; j++ {
			v := "true"
			if j == i+1 && s != "D" {
				v = "slip by " + s
			}
			d.Assert(s, fmt.Sprintf("q%d", j), v)
		}
		d.Assert(s, "X", "denied")
	}
	d.Assert("D", "Y", "denial")
	return d
}

func TestWireCopies(t *testing.T) {
	const c = 0.8
	outlets := [][2]string{{"A", "B"}, {"A", "C"}, {"B", "C"}}
	for _, alg := range []truth.Algorithm{truth.Accu, truth.Depen} {
		t.Run(alg.String(), func(t *testing.T) {
			d := wire(t)
			r, err := truth.Discover(d, alg, truth.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !r.Converged {
				t.Errorf("not converged after %d iterations", r.Iterations)
			}
			got := named(d, r)
			if got.Chosen["X"] != "denied" {
				t.Errorf("X: chose %q, want denied", got.Chosen["X"])
			}
			// The outlets are detected as dependent, pair by pair.
			p := map[[2]string]float64{}
			for _, pair := range outlets {
				dp, ok := dependenceOf(d, r, pair[0], pair[1])
				if !ok || dp.Probability < 0.99 {
					t.Errorf("outlets %v: %+v, %v; want dependent", pair, dp, ok)
				}
				p[pair] = dp.Probability
			}
			// No outlet is taken for a copy of an independent.
			for _, dp := range r.Dependence {
				a, b := d.SourceName(dp.Copier), d.SourceName(dp.Original)
				if (a == "A" || a == "B" || a == "C") != (b == "A" || b == "B" || b == "C") {
					t.Errorf("%s and %s taken as dependent (%.3f)", a, b, dp.Probability)
				}
			}
			fw, _ := d.Fact(d.Object("Y"), "wire")
			fd, _ := d.Fact(d.Object("Y"), "denial")
			switch alg {
			case truth.Depen:
				// They count about once. With one accuracy A = 0.8 for
				// all, a vote is A' = ln(n·A/(1−A)) = ln 400 times the
				// count of independent sources, and Pr(v) ∝ e^{A'·C(v)}:
				// C(wire) − C(denial) = ln(Pr(wire)/Pr(denial)) / ln 400,
				// with C(denial) = 1 (D alone). The greedy order counts
				// A, then B, then C (all alike; ties by ID):
				// C(wire) = 1 + (1 − c·Pr(A~B)) + (1 − c·Pr(A~C))(1 − c·Pr(B~C)),
				// about 1.25 where voting counts 3.
				cw := 1 + math.Log(r.Belief[fw]/r.Belief[fd])/math.Log(400)
				want := 1 + (1 - c*p[outlets[0]]) + (1-c*p[outlets[1]])*(1-c*p[outlets[2]])
				if math.Abs(cw-want) > 1e-4 || cw >= 1.5 {
					t.Errorf("the outlets count %.5f times, want %.5f (< 1.5)", cw, want)
				}
			case truth.Accu:
				// An independent denial outweighs them: D, right about
				// everything else, against three copies of a story shown
				// false on X, counted about once.
				if !(r.Belief[fd] > r.Belief[fw]) || got.Chosen["Y"] != "denial" {
					t.Errorf("Y: belief wire %.4g, denial %.4g, chose %q; want denial", r.Belief[fw], r.Belief[fd], got.Chosen["Y"])
				}
				if !(got.Trust["D"] > got.Trust["A"]) {
					t.Errorf("trust of D %.4f not above outlet A's %.4f", got.Trust["D"], got.Trust["A"])
				}
			}
		})
	}
	// Voting counts every copy.
	d := wire(t)
	r, err := truth.Discover(d, truth.Voting, truth.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := named(d, r).Chosen["Y"]; got != "wire" {
		t.Errorf("voting chose %q for Y, want wire (3 votes to 1)", got)
	}
}

// TestDeclareCopy: the outlets B and C declare that they republish A. A
// declared copy adds no vote, so the three count exactly once, and with
// one accuracy for all (DEPEN) "wire" and "denial" tie on Y.
func TestDeclareCopy(t *testing.T) {
	d := wire(t)
	a, b, c := d.Source("A"), d.Source("B"), d.Source("C")
	for _, s := range []truth.SourceID{b, c} {
		if err := d.DeclareCopy(s, a); err != nil {
			t.Fatal(err)
		}
	}
	r, err := truth.Discover(d, truth.Depen, truth.Options{})
	if err != nil {
		t.Fatal(err)
	}
	fw, _ := d.Fact(d.Object("Y"), "wire")
	fd, _ := d.Fact(d.Object("Y"), "denial")
	if cw := 1 + math.Log(r.Belief[fw]/r.Belief[fd])/math.Log(400); math.Abs(cw-1) > 1e-9 {
		t.Errorf("the declared copies count %.6f times, want 1", cw)
	}
	for _, s := range []string{"B", "C"} {
		dp, ok := dependenceOf(d, r, s, "A")
		if !ok || !dp.Declared || dp.Probability != 1 || d.SourceName(dp.Copier) != s {
			t.Errorf("%s copies A: %+v, %v", s, dp, ok)
		}
	}

	for _, bad := range [][2]truth.SourceID{{a, a}, {a, 99}, {-1, a}} {
		if err := d.DeclareCopy(bad[0], bad[1]); !errors.Is(err, truth.ErrIDRange) {
			t.Errorf("DeclareCopy(%d, %d) = %v, want ErrIDRange", bad[0], bad[1], err)
		}
	}
}

// TestRepeater: R repeats every claim of O and nothing else, declared or
// not; whatever the algorithm, R's trust from those claims is not above
// O's. O's claims are contested by an independent source E.
func TestRepeater(t *testing.T) {
	for _, declared := range []bool{false, true} {
		d := truth.NewDataset()
		for i := range 4 {
			obj := fmt.Sprintf("o%d", i)
			d.Assert("O", obj, "v")
			d.Assert("R", obj, "v")
			if i%2 == 0 {
				d.Assert("E", obj, "w")
			}
		}
		d.Assert("E", "o9", "z")
		d.Assert("F", "o9", "z")
		if declared {
			if err := d.DeclareCopy(d.Source("R"), d.Source("O")); err != nil {
				t.Fatal(err)
			}
		}
		for _, alg := range truth.Algorithms() {
			r, err := truth.Discover(d, alg, truth.Options{})
			if err != nil {
				t.Fatal(err)
			}
			tr := named(d, r).Trust
			if tr["R"] > tr["O"]+1e-12 {
				t.Errorf("%v (declared %v): trust of the repeater %.6f above the original's %.6f", alg, declared, tr["R"], tr["O"])
			}
		}
	}
}

func TestCopyOptions(t *testing.T) {
	d := wire(t)
	for _, o := range []truth.Options{{CopyPrior: 1}, {CopyRate: -0.1}, {CopyRate: 1}, {FalseValues: 0.5}, {FalseValues: math.Inf(1)}, {CopyPrior: math.NaN()}} {
		if _, err := truth.Discover(d, truth.Accu, o); !errors.Is(err, truth.ErrOptions) {
			t.Errorf("Discover(%+v) = %v, want ErrOptions", o, err)
		}
	}
	// The largest finite n is accepted, and must give numbers: n·c/(1−A)
	// overflowed, and 0 shared false values times its infinite logarithm
	// made every trust and belief NaN.
	for _, alg := range []truth.Algorithm{truth.Accu, truth.Depen} {
		r, err := truth.Discover(d, alg, truth.Options{FalseValues: math.MaxFloat64})
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range append(append([]float64{}, r.Trust...), r.Belief...) {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				t.Fatalf("%v with FalseValues %g: trust %v, belief %v", alg, math.MaxFloat64, r.Trust, r.Belief)
			}
		}
	}
	if o := truth.DefaultOptions(truth.Accu); o.CopyPrior != 0.2 || o.CopyRate != 0.8 || o.FalseValues != 100 || o.InitialTrust != 0.8 {
		t.Errorf("DefaultOptions(Accu) = %+v", o)
	}
}

// TestTieTestsNobody is the red team's plain tie: sources s and t, a in
// s, b in t, a contradicts b. Counting the tied question as a test drove
// both trusts to 0.05 and ACCU did not converge in 20 iterations; a tie
// tests nobody, so both keep the prior with no evidence, the run
// converges and the question is said to be a tie. With k mutually
// contradicting values, one per source, likewise. A source with evidence
// elsewhere keeps it: u, who wins a question against v with w's
// corroboration, is known and above the prior's tie.
func TestTieTestsNobody(t *testing.T) {
	for _, k := range []int{2, 3, 300} {
		d := truth.NewDataset()
		for i := range k {
			d.Assert(fmt.Sprintf("s%d", i), "q", fmt.Sprintf("v%d", i))
		}
		for _, alg := range []truth.Algorithm{truth.Accu, truth.Depen} {
			r, err := truth.Discover(d, alg, truth.Options{})
			if err != nil {
				t.Fatal(err)
			}
			prior := truth.DefaultOptions(alg).InitialTrust
			if !r.Converged || !r.Tied[0] {
				t.Errorf("%v, %d values: converged %v in %d iterations, tied %v; want a converged tie", alg, k, r.Converged, r.Iterations, r.Tied[0])
			}
			for s, tr := range r.Trust {
				if r.Known[s] || tr != prior {
					t.Errorf("%v, %d values: source %d has trust %v (known %v); want the prior %v, no evidence", alg, k, s, tr, r.Known[s], prior)
				}
			}
		}
	}
	d := asserted([][3]string{{"s", "q", "a"}, {"t", "q", "b"}, {"u", "p", "x"}, {"w", "p", "x"}, {"v", "p", "y"}, {"u", "q", "a"}})
	r, err := truth.Discover(d, truth.Accu, truth.Options{})
	if err != nil {
		t.Fatal(err)
	}
	u, v := truth.SourceID(2), truth.SourceID(4) // in order of first assertion
	if d.SourceName(u) != "u" || d.SourceName(v) != "v" {
		t.Fatalf("sources %q, %q; want u, v", d.SourceName(u), d.SourceName(v))
	}
	if !r.Known[u] || !r.Known[v] || !(r.Trust[u] > r.Trust[v]) {
		t.Errorf("u %v (known %v), v %v (known %v): want both known, u above v", r.Trust[u], r.Known[u], r.Trust[v], r.Known[v])
	}
}

// TestTieCopiesNobody is a tie between two values each given by several
// sources: q = a from s0…s(k−1), q = b from t0…t(k−1). The votes are
// equal, so the question tests nobody; the first value of the tie named
// by Chosen is no true value, nor the other a false one. Counting it so
// for copy detection made the sources of b share a false value, hence
// copiers of each other, their votes discounted, and a won with belief 1:
// which side won followed the order of the assertions, and the trust of
// the losers fell to 0. Both orders must give a converged tie, no
// dependence and every source at the prior with no evidence.
func TestTieCopiesNobody(t *testing.T) {
	for _, k := range []int{2, 3, 5} {
		for _, bFirst := range []bool{false, true} {
			var as [][3]string
			for i := range k {
				as = append(as, [3]string{fmt.Sprintf("s%d", i), "q", "a"})
			}
			for i := range k {
				as = append(as, [3]string{fmt.Sprintf("t%d", i), "q", "b"})
			}
			if bFirst {
				as = append(as[k:], as[:k]...)
			}
			d := asserted(as)
			for _, alg := range []truth.Algorithm{truth.Accu, truth.Depen} {
				r, err := truth.Discover(d, alg, truth.Options{})
				if err != nil {
					t.Fatal(err)
				}
				name := fmt.Sprintf("%v, %d sources a side, b first %v", alg, k, bFirst)
				if !r.Converged || !r.Tied[0] {
					t.Errorf("%s: converged %v, tied %v, beliefs %v; want a converged tie", name, r.Converged, r.Tied[0], r.Belief)
				}
				if len(r.Dependence) > 0 {
					t.Errorf("%s: dependence %+v; want none, a tie shows no false value shared", name, r.Dependence)
				}
				prior := truth.DefaultOptions(alg).InitialTrust
				for s, tr := range r.Trust {
					if r.Known[s] || tr != prior {
						t.Errorf("%s: source %s has trust %v (known %v); want the prior %v, no evidence", name, d.SourceName(truth.SourceID(s)), tr, r.Known[s], prior)
					}
				}
			}
		}
	}
}
