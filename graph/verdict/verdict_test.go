package verdict_test

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/evidence"
	"github.com/claimgraph/claimgraph/graph/verdict"
)

// labels returns the label of every verdict of r by claim.
func labels(r *verdict.Result) map[string]verdict.Label {
	m := make(map[string]verdict.Label)
	for _, v := range r.Verdicts {
		m[v.Claim] = v.Label
	}
	return m
}

const (
	in  = verdict.Accepted
	out = verdict.Rejected
	und = verdict.Undecided
)

func TestLabels(t *testing.T) {
	tests := []struct {
		name string
		s    spec
		opts verdict.Options
		want map[string]verdict.Label
	}{{
		// c (3 sources) beats b (2), b beats a (1): c defeats b, whose
		// defeat of a is thereby undone, so a is reinstated.
		name: "reinstatement chain",
		s:    spec{Claims: map[string]int{"a": 1, "b": 2, "c": 3}, Order: []string{"a", "b", "c"}, Rels: []string{"a-b", "b-c"}},
		want: map[string]verdict.Label{"a": in, "b": out, "c": in},
	}, {
		// Equal evidence keeps both attacks: a 2-cycle, both open.
		name: "equal strength",
		s:    spec{Claims: map[string]int{"a": 2, "b": 2}, Order: []string{"a", "b"}, Rels: []string{"a-b"}},
		want: map[string]verdict.Label{"a": und, "b": und},
	}, {
		// b and c are equal on their own; a (3) supports b, so b weighs
		// 4 and defeats c directly, and a attacks c too (supported
		// attack, 3 ≥ 1): c out.
		name: "supported attack",
		s:    spec{Claims: map[string]int{"a": 3, "b": 1, "c": 1}, Order: []string{"a", "b", "c"}, Rels: []string{"a>b", "b-c"}},
		opts: verdict.Options{Support: verdict.Bipolar},
		want: map[string]verdict.Label{"a": in, "b": in, "c": out},
	}, {
		// Lending alone: b weighs 4 against c's 1.
		name: "support lends evidence",
		s:    spec{Claims: map[string]int{"a": 3, "b": 1, "c": 1}, Order: []string{"a", "b", "c"}, Rels: []string{"a>b", "b-c"}},
		want: map[string]verdict.Label{"a": in, "b": in, "c": out},
	}, {
		// c (2) defeats a (1); a supports b (so b weighs 2), and c
		// attacks b too (secondary attack, 2 ≥ 2): b out.
		name: "secondary attack",
		s:    spec{Claims: map[string]int{"a": 1, "b": 1, "c": 2}, Order: []string{"a", "b", "c"}, Rels: []string{"a>b", "c-a"}},
		opts: verdict.Options{Support: verdict.Bipolar},
		want: map[string]verdict.Label{"a": out, "b": out, "c": in},
	}, {
		// By default refuting a does not refute b: b keeps a's evidence
		// and nothing contradicts it.
		name: "secondary attack, lending",
		s:    spec{Claims: map[string]int{"a": 1, "b": 1, "c": 2}, Order: []string{"a", "b", "c"}, Rels: []string{"a>b", "c-a"}},
		want: map[string]verdict.Label{"a": out, "b": in, "c": in},
	}, {
		// The deductive reading has no secondary attack: refuting a does
		// not refute what a implies.
		name: "secondary attack, deductive reading",
		s:    spec{Claims: map[string]int{"a": 1, "b": 1, "c": 2}, Order: []string{"a", "b", "c"}, Rels: []string{"a>b", "c-a"}},
		opts: verdict.Options{Support: verdict.Deductive},
		want: map[string]verdict.Label{"a": out, "b": in, "c": in},
	}, {
		// Deductive: a supports b (b weighs 2), c (3) defeats b, so c
		// attacks a (mediated, 3 ≥ 1).
		name: "mediated attack",
		s:    spec{Claims: map[string]int{"a": 1, "b": 1, "c": 3}, Order: []string{"a", "b", "c"}, Rels: []string{"a>b", "c-b"}},
		opts: verdict.Options{Support: verdict.Deductive},
		want: map[string]verdict.Label{"a": out, "b": out, "c": in},
	}, {
		// Necessary: a supports b and a defeats c, so b attacks c
		// (extended); a defeats c first.
		name: "extended attack",
		s:    spec{Claims: map[string]int{"a": 2, "b": 1, "c": 1}, Order: []string{"a", "b", "c"}, Rels: []string{"a>b", "a-c"}},
		opts: verdict.Options{Support: verdict.Necessary},
		want: map[string]verdict.Label{"a": in, "b": in, "c": out},
	}, {
		// A derived attack through a rejected claim is dropped: a (1)
		// supports b (weighing 2), which defeats d (1) but is defeated
		// by c (3). The supported attack a on d would go through
		// rejected b, so d, whose only other attacker is b, is accepted.
		name: "no attack through a rejected claim",
		s:    spec{Claims: map[string]int{"a": 1, "b": 1, "c": 3, "d": 1}, Order: []string{"a", "b", "c", "d"}, Rels: []string{"a>b", "c-b", "b-d"}},
		opts: verdict.Options{Support: verdict.Bipolar},
		want: map[string]verdict.Label{"a": in, "b": out, "c": in, "d": in},
	}, {
		// Two sources of trust 0.1 (evidence 0.2) lose to one of trust
		// 0.9; the unlisted source of c weighs the default 0.5.
		name: "trust",
		s:    spec{Claims: map[string]int{"a": 2, "b": 1, "c": 1}, Order: []string{"a", "b", "c"}, Rels: []string{"a-b", "a-c"}},
		opts: verdict.Options{Trust: map[string]float64{"a-s1": 0.1, "a-s2": 0.1, "b-s1": 0.9}},
		want: map[string]verdict.Label{"a": out, "b": in, "c": in},
	}, {
		name: "without trust the two sources win",
		s:    spec{Claims: map[string]int{"a": 2, "b": 1, "c": 1}, Order: []string{"a", "b", "c"}, Rels: []string{"a-b", "a-c"}},
		want: map[string]verdict.Label{"a": in, "b": out, "c": out},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := verdict.Compute(build(t, tt.s).View, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, labels(r)); diff != "" {
				t.Errorf("labels (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReasons(t *testing.T) {
	// The secondary-attack graph: c (2) defeats a (1), and through a's
	// support of b also b.
	g := build(t, spec{Claims: map[string]int{"a": 1, "b": 1, "c": 2}, Order: []string{"a", "b", "c"}, Rels: []string{"a>b", "c-a"}})
	r, err := verdict.Compute(g.View, verdict.Options{Support: verdict.Bipolar})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		claim string
		want  []verdict.Reason
	}{
		{"a", []verdict.Reason{{Kind: verdict.DefeatedBy, Claim: "c", Attack: verdict.Contradiction, Sources: []string{"c-s1", "c-s2"}, Evidence: 2}}},
		{"b", []verdict.Reason{{Kind: verdict.DefeatedBy, Claim: "c", Attack: verdict.Secondary, Via: "a", Sources: []string{"c-s1", "c-s2"}, Evidence: 2}}},
		// c's attacker a is rejected by c itself; a's attack on c
		// fails anyway (1 < 2), so it is reported as weaker.
		{"c", []verdict.Reason{{Kind: verdict.Weaker, Claim: "a", Attack: verdict.Contradiction, Sources: []string{"a-s1"}, Evidence: 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.claim, func(t *testing.T) {
			v, ok := r.Verdict(tt.claim)
			if !ok {
				t.Fatal("no verdict")
			}
			if diff := cmp.Diff(tt.want, v.Reasons); diff != "" {
				t.Errorf("reasons (-want +got):\n%s", diff)
			}
		})
	}
}

func TestAttackerReason(t *testing.T) {
	// Reinstatement: a's attacker b is defeated by c.
	g := build(t, spec{Claims: map[string]int{"a": 1, "b": 2, "c": 3}, Order: []string{"a", "b", "c"}, Rels: []string{"a-b", "b-c"}})
	r, err := verdict.Compute(g.View, verdict.Options{})
	if err != nil {
		t.Fatal(err)
	}
	v, _ := r.Verdict("a")
	want := []verdict.Reason{{
		Kind: verdict.Attacker, Claim: "b", Attack: verdict.Contradiction, Sources: []string{"b-s1", "b-s2"}, Evidence: 2,
		By: "c", BySources: []string{"c-s1", "c-s2", "c-s3"}, ByEvidence: 3,
	}}
	if diff := cmp.Diff(want, v.Reasons); diff != "" {
		t.Errorf("reasons (-want +got):\n%s", diff)
	}
}

func TestStrength(t *testing.T) {
	// a (2 sources) defeats b (1) and nothing else attacks or supports:
	// the graph is acyclic. By DF-QuAD by hand: a keeps its base
	// 1 − 0.5² = 0.75; b has base 0.5 and one attacker of strength 0.75,
	// so 0.5 − 0.5·0.75 = 0.125.
	g := build(t, spec{Claims: map[string]int{"a": 2, "b": 1}, Order: []string{"a", "b"}, Rels: []string{"a-b"}})
	r, err := verdict.Compute(g.View, verdict.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Acyclic || !r.Converged {
		t.Errorf("Acyclic, Converged = %v, %v, want true, true", r.Acyclic, r.Converged)
	}
	for _, tt := range []struct {
		claim          string
		base, strength float64
		rating         verdict.Rating
	}{
		{"a", 0.75, 0.75, verdict.RatingTrue},
		{"b", 0.5, 0.125, verdict.RatingFalse},
	} {
		v, _ := r.Verdict(tt.claim)
		if math.Abs(v.Base-tt.base) > 1e-12 || math.Abs(v.Strength-tt.strength) > 1e-12 || v.Rating != tt.rating {
			t.Errorf("%s: base %v strength %v rating %v, want %v %v %v", tt.claim, v.Base, v.Strength, v.Rating, tt.base, tt.strength, tt.rating)
		}
	}
	// An equal pair is a cycle: the result is a fixed point, not exact.
	g = build(t, spec{Claims: map[string]int{"a": 1, "b": 1}, Order: []string{"a", "b"}, Rels: []string{"a-b"}})
	if r, err = verdict.Compute(g.View, verdict.Options{}); err != nil {
		t.Fatal(err)
	}
	if r.Acyclic || !r.Converged || r.Iterations == 0 {
		t.Errorf("Acyclic, Converged, Iterations = %v, %v, %d, want false, true, > 0", r.Acyclic, r.Converged, r.Iterations)
	}
	// Base 1/2 each: s = 1/2 − s/2, the unique fixed point 1/3, which the
	// bounds close on.
	if a, _ := r.Verdict("a"); r.Bound > 1e-9 || math.Abs(a.Strength-1.0/3) > 1e-9 {
		t.Errorf("equal pair: strength %v, bound %v; want 1/3 within 1e-9", a.Strength, r.Bound)
	}
	// With base score 1 every (s, 1 − s) is a fixed point: the bound says
	// that the strengths are not determined, and they are one of them.
	if r, err = verdict.Compute(g.View, verdict.Options{Base: func(float64) float64 { return 1 }}); err != nil {
		t.Fatal(err)
	}
	a, _ := r.Verdict("a")
	b, _ := r.Verdict("b")
	if r.Bound != 0.5 || math.Abs(a.Strength+b.Strength-1) > 1e-9 {
		t.Errorf("equal pair of base 1: strengths %v and %v, bound %v; want a fixed point, bound 1/2", a.Strength, b.Strength, r.Bound)
	}
}

func TestTime(t *testing.T) {
	// a holds until 2024-06-19, b from then on; they contradict, b has
	// more sources.
	s := spec{
		Claims: map[string]int{"a": 1, "b": 2}, Order: []string{"a", "b"}, Rels: []string{"a-b"},
		Valid: map[string]string{"a": "..2024-06-19", "b": "2024-06-19.."},
	}
	g := build(t, s)
	tests := []struct {
		at    string
		want  map[string]verdict.Label
		since map[string]string
	}{
		// Undated, they never hold together: time resolves their
		// contradiction, which attacks neither.
		{"", map[string]verdict.Label{"a": in, "b": in}, map[string]string{"a": "", "b": ""}},
		// As of 2024 each holds, but never on the same day.
		{"2024", map[string]verdict.Label{"a": in, "b": in}, map[string]string{"a": "", "b": ""}},
		{"2024-01-01", map[string]verdict.Label{"a": in, "b": verdict.NotYetHolding}, map[string]string{"a": "", "b": "2024-06-19"}},
		{"2025", map[string]verdict.Label{"a": verdict.NotHolding, "b": in}, map[string]string{"a": "2024-06-19", "b": ""}},
	}
	for _, tt := range tests {
		t.Run(tt.at, func(t *testing.T) {
			r, err := verdict.Compute(g.At(date(t, tt.at)), verdict.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, labels(r)); diff != "" {
				t.Errorf("labels (-want +got):\n%s", diff)
			}
			since := make(map[string]string)
			for _, v := range r.Verdicts {
				since[v.Claim] = v.Since.String()
			}
			if diff := cmp.Diff(tt.since, since); diff != "" {
				t.Errorf("since (-want +got):\n%s", diff)
			}
		})
	}
}

// seedPath is the seed dataset, relative to this package's directory.
var seedPath = filepath.Join("..", "..", "testdata", "kim-putin.yaml")

func TestSeed(t *testing.T) {
	if _, err := os.Stat(seedPath); err != nil {
		t.Skip("seed dataset not present: ", err)
	}
	g, err := graph.Load(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	const pact, treaty = "china-only-defence-pact", "russia-dprk-defence-treaty-2024"
	tests := []struct {
		at     string
		label  verdict.Label
		reason string // the first reason's claim, "" for none
		since  string
	}{
		// One source (Howell in Internewscast) against two, but the pact
		// claim holds until 2024-06-19 and the treaty from then on:
		// they never hold together, so time, not evidence, settles
		// their contradiction, undated and as of 2024 alike.
		{"", verdict.Accepted, "", ""},
		{"2024", verdict.Accepted, "", ""},
		// Before the treaty nothing that holds contradicts it.
		{"2024-01-01", verdict.Accepted, "", ""},
		{"2025-09-03", verdict.NotHolding, "", "2024-06-19"},
	}
	for _, tt := range tests {
		for _, rd := range readings {
			t.Run(tt.at+" "+rd.String(), func(t *testing.T) {
				r, err := verdict.Compute(g.At(date(t, tt.at)), verdict.Options{Support: rd})
				if err != nil {
					t.Fatal(err)
				}
				v, ok := r.Verdict(pact)
				if !ok {
					t.Fatal("no verdict on", pact)
				}
				reason := ""
				if len(v.Reasons) > 0 {
					reason = v.Reasons[0].Claim
					if v.Label == verdict.Rejected && v.Reasons[0].Kind != verdict.DefeatedBy {
						t.Errorf("first reason is %v, want defeated-by", v.Reasons[0].Kind)
					}
				}
				if v.Label != tt.label || reason != tt.reason || v.Since.String() != tt.since {
					t.Errorf("got %v, reason %q, since %q; want %v, %q, %q", v.Label, reason, v.Since, tt.label, tt.reason, tt.since)
				}
				if len(r.Verdicts) != g.Counts().Claims {
					t.Errorf("%d verdicts for %d claims", len(r.Verdicts), g.Counts().Claims)
				}
			})
		}
	}
}

// TestGivenEvidence: evidence weighed beforehand (Options.Evidence) gives
// the verdicts that the same options of Compute give.
func TestGivenEvidence(t *testing.T) {
	g := build(t, spec{Claims: map[string]int{"a": 2, "b": 1, "c": 1}, Order: []string{"a", "b", "c"}, Rels: []string{"a-b", "c>b"}})
	trust := map[string]float64{"a-s1": 0.2, "a-s2": 0.2, "b-s1": 0.9}
	tab, err := evidence.Of(g.View, evidence.Options{Trust: trust})
	if err != nil {
		t.Fatal(err)
	}
	given, err := verdict.Compute(g.View, verdict.Options{Evidence: tab})
	if err != nil {
		t.Fatal(err)
	}
	own, err := verdict.Compute(g.View, verdict.Options{Trust: trust})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(own.Verdicts, given.Verdicts, cmp.Comparer(func(x, y claims.Date) bool { return x == y })); diff != "" {
		t.Errorf("given evidence (-own +given):\n%s", diff)
	}
	// b: 0.9 own and c's unknown origin 0.5 lent, against a's 0.4.
	if v, _ := given.Verdict("b"); v.Label != verdict.Accepted || math.Abs(v.Evidence-1.4) > 1e-9 || v.Lent != 1 || len(given.Lent("b")) != 1 {
		t.Errorf("b: %v with evidence %v (lent %d: %q), want accepted with 1.4 (one lent)", v.Label, v.Evidence, v.Lent, given.Lent("b"))
	}
}

func TestDefaultRatings(t *testing.T) {
	tests := []struct {
		l       verdict.Label
		origins int
		s       float64
		primary float64 // Verdict.Primary
		want    verdict.Rating
	}{
		{verdict.Accepted, 3, 0.9, 0, verdict.RatingTrue},
		{verdict.Accepted, 2, 0.75, 0, verdict.RatingTrue},
		{verdict.Accepted, 2, 0.6, 0, verdict.RatingMostlyTrue},
		// One origin is not corroboration, however strong...
		{verdict.Accepted, 1, 0.9, 0, verdict.RatingUnproven},
		{verdict.Accepted, 0, 0, 0, verdict.RatingUnproven},
		// ...unless it is a primary source of established trust.
		{verdict.Accepted, 1, 0.4, 0.9, verdict.RatingTrue},
		{verdict.Accepted, 1, 0.4, 0.89, verdict.RatingUnproven},
		{verdict.Undecided, 1, 0.4, 1, verdict.RatingMixed},
		{verdict.Undecided, 2, 0.5, 0, verdict.RatingMixed},
		{verdict.Rejected, 1, 0.3, 1, verdict.RatingMostlyFalse},
		{verdict.Rejected, 1, 0.2, 0, verdict.RatingFalse},
		{verdict.NotHolding, 1, 0, 1, verdict.RatingOutdated},
		{verdict.NotYetHolding, 1, 0, 0, verdict.RatingNotYet},
	}
	for _, tt := range tests {
		v := verdict.Verdict{Label: tt.l, Evidence: float64(tt.origins), Strength: tt.s, Primary: tt.primary}
		if got := verdict.DefaultRatings.Rate(v); got != tt.want {
			t.Errorf("Rate(%v, %d, %v, primary %v) = %v, want %v", tt.l, tt.origins, tt.s, tt.primary, got, tt.want)
		}
	}
	// A table of one's own: a single rule; what it does not match is
	// Unproven.
	own := verdict.RatingTable{{Label: verdict.Accepted, MinEvidence: 1, Rating: verdict.RatingTrue}}
	if got := own.Rate(verdict.Verdict{Label: verdict.Accepted, Evidence: 1, Strength: 0.1}); got != verdict.RatingTrue {
		t.Errorf("own table, accepted: %v", got)
	}
	if got := own.Rate(verdict.Verdict{Label: verdict.Rejected, Evidence: 1, Strength: 0.1}); got != verdict.RatingUnproven {
		t.Errorf("own table, rejected: %v", got)
	}
}

func TestOptionsErrors(t *testing.T) {
	g := build(t, spec{Claims: map[string]int{"a": 1}, Order: []string{"a"}})
	errBoom := errors.New("boom")
	tests := []struct {
		name string
		opts verdict.Options
		want error
	}{
		{"trust above 1", verdict.Options{Trust: map[string]float64{"a-s1": 2}}, verdict.ErrOptions},
		{"unknown trust", verdict.Options{UnknownTrust: -1}, verdict.ErrOptions},
		{"reading", verdict.Options{Support: 99}, verdict.ErrOptions},
		{"negative tolerance", verdict.Options{Tolerance: -1e-9}, verdict.ErrOptions},
		{"tolerance not a number", verdict.Options{Tolerance: math.NaN()}, verdict.ErrOptions},
		{"origins", verdict.Options{Origins: func(graph.View, claims.Claim) ([]string, error) { return nil, errBoom }}, errBoom},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := verdict.Compute(g.View, tt.opts); !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	g := generate(t, 2000)
	a, err := verdict.Compute(g.View, verdict.Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := verdict.Compute(g.View, verdict.Options{})
	if diff := cmp.Diff(a.Verdicts, b.Verdicts, cmp.Comparer(func(x, y claims.Date) bool { return x == y })); diff != "" {
		t.Errorf("two runs differ (-first +second):\n%s", diff)
	}
}
