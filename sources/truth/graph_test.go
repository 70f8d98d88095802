package truth_test

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/synth"
	"github.com/claimgraph/claimgraph/graph/verdict"
	"github.com/claimgraph/claimgraph/sources"
	"github.com/claimgraph/claimgraph/sources/truth"
)

// build applies a batch of sources (news articles unless a kind is given
// after a colon: "v:video"), claims and relations to a new graph.
func build(t *testing.T, srcs []string, cs []claims.Claim, rels []claims.Relation, derive map[string]string) *graph.Graph {
	t.Helper()
	var b graph.Batch
	for _, id := range srcs {
		kind := sources.NewsArticle
		if name, k, ok := strings.Cut(id, ":"); ok {
			id = name
			if err := kind.UnmarshalText([]byte(k)); err != nil {
				t.Fatal(err)
			}
		}
		s := sources.Source{ID: id, Title: id, Kind: kind}
		if orig, ok := derive[id]; ok {
			s.DerivedFrom = []sources.Derivation{{Source: orig, Kind: sources.Republishes}}
		}
		b.Sources = append(b.Sources, s)
	}
	b.Claims, b.Relations = cs, rels
	g := graph.New()
	if err := g.Apply(b); err != nil {
		t.Fatal(err)
	}
	return g
}

// claim returns a claim that appears in the given sources.
func claim(id string, srcs ...string) claims.Claim {
	c := claims.Claim{ID: id, Text: "Claim " + id + "."}
	for _, s := range srcs {
		c.Appearances = append(c.Appearances, claims.Appearance{Source: s})
	}
	return c
}

// smallGraph: a (in s1, s2) contradicts b (in s3), which contradicts e
// (in s3); c (in s1) stands alone; d (in s2) supports a. s4 carries nothing.
func smallGraph(t *testing.T) *graph.Graph {
	return build(t, []string{"s1", "s2", "s3", "s4"},
		[]claims.Claim{claim("a", "s1", "s2"), claim("b", "s3"), claim("c", "s1"), claim("d", "s2"), claim("e", "s3")},
		[]claims.Relation{
			{From: "a", To: "b", Kind: claims.Contradicts},
			{From: "b", To: "e", Kind: claims.Contradicts},
			{From: "d", To: "a", Kind: claims.Supports},
		}, nil)
}

// questions returns the claims of each question of d by its name.
func questions(d *truth.Dataset) map[string][]string {
	out := map[string][]string{}
	for o := range d.NumObjects() {
		name := d.ObjectName(truth.ObjectID(o))
		for _, f := range d.Facts(truth.ObjectID(o)) {
			out[name] = append(out[name], d.Value(f))
		}
	}
	return out
}

func TestFromGraph(t *testing.T) {
	d, m := truth.FromGraph(smallGraph(t).View)
	// Questions by hand: the chain a ⊥ b ⊥ e is two questions, {a, b}
	// and {b, e} (a and e may both hold); c and d are uncontested.
	// Assertions: s1: a, c; s2: a, d; s3: b twice (one per question), e;
	// e's second appearance in s3 counts once.
	want := map[string][]string{"a | b": {"a", "b"}, "b | e": {"b", "e"}, "c": {"c"}, "d": {"d"}}
	if diff := cmp.Diff(want, questions(d)); diff != "" {
		t.Errorf("questions (-want +got):\n%s", diff)
	}
	if got := d.NumAssertions(); got != 7 {
		t.Errorf("NumAssertions = %d, want 7", got)
	}
	if diff := cmp.Diff([]string{"s1", "s2", "s3", "s4"}, m.Sources); diff != "" {
		t.Errorf("sources (-want +got):\n%s", diff)
	}
	for _, id := range []string{"a", "b", "c", "d", "e"} {
		f, ok := m.Fact(id)
		if !ok || m.Claims[f] != id || d.Value(f) != id {
			t.Errorf("Fact(%q) = %d, %v", id, f, ok)
		}
	}
	if fs := m.Facts("b"); len(fs) != 2 || d.FactObject(fs[0]) == d.FactObject(fs[1]) {
		t.Errorf("Facts(b) = %v, want one fact in each of two questions", fs)
	}

	// Voting: a has two origins against b's one; b and e tie, named by
	// the lower FactID, b.
	r, err := truth.Discover(d, truth.Voting, truth.Options{})
	if err != nil {
		t.Fatal(err)
	}
	fa, _ := m.Fact("a")
	if obj := d.FactObject(fa); r.Chosen[obj] != fa {
		t.Errorf("voting chose %q, want a", d.Value(r.Chosen[obj]))
	}
	// Voting trust is the share of a source's decided facts that won: s1
	// and s2 won both of theirs; s3 none of one (b lost to a; b and e tie,
	// which neither wins nor loses); s4 asserts nothing contested and has
	// no estimate.
	if diff := cmp.Diff(map[string]float64{"s1": 1, "s2": 1, "s3": 0}, m.Trust(r)); diff != "" {
		t.Errorf("trust (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]bool{true, true, true, false}, r.Known); diff != "" {
		t.Errorf("Known (-want +got):\n%s", diff)
	}
	// Voting's belief is a share of the question's votes; b's is the
	// smaller of its two: 1/3 against a, 1/2 against e.
	if got := m.Belief(r); got["a"] != 2.0/3 || got["b"] != 1.0/3 || got["e"] != 0.5 {
		t.Errorf("beliefs %v, want a 2/3, b 1/3 and e 1/2", got)
	}
	// The question {b, e} is a tie, said so; read together with {a, b},
	// which b loses, it is won by e.
	fe, _ := m.Fact("e")
	be := d.FactObject(fe)
	if !r.Tied[be] || r.Tied[d.FactObject(fa)] {
		t.Errorf("Tied = %v: want {b, e} tied and {a, b} not", r.Tied)
	}
	if j := m.Joint(r); j.Chosen[be] != fe || j.Tied[be] {
		t.Errorf("Joint chose %q (tied %v) for {b, e}, want e untied", d.Value(j.Chosen[be]), j.Tied[be])
	}
}

// TestFromGraphCliques: a triangle of contradictions is one question; an
// edge hanging off it another; and a source with no contested claim has
// no trust estimate. a is in two sources, so that the questions are not
// ties, which test nobody (TestTieTestsNobody).
func TestFromGraphCliques(t *testing.T) {
	g := build(t, []string{"s1", "s2", "s3", "s4", "s5", "s6"},
		[]claims.Claim{claim("a", "s1", "s6"), claim("b", "s2"), claim("c", "s3"), claim("d", "s4"), claim("u", "s5")},
		[]claims.Relation{
			{From: "a", To: "b", Kind: claims.Contradicts},
			{From: "b", To: "c", Kind: claims.Contradicts},
			{From: "c", To: "d", Kind: claims.Contradicts},
			{From: "c", To: "a", Kind: claims.Contradicts},
		}, nil)
	d, m := truth.FromGraph(g.View)
	want := map[string][]string{"a | b | c": {"a", "b", "c"}, "c | d": {"c", "d"}, "u": {"u"}}
	if diff := cmp.Diff(want, questions(d)); diff != "" {
		t.Errorf("questions (-want +got):\n%s", diff)
	}
	r, err := truth.Discover(d, truth.Accu, truth.Options{})
	if err != nil {
		t.Fatal(err)
	}
	trust := m.Trust(r)
	if _, ok := trust["s5"]; ok || len(trust) != 5 {
		t.Errorf("trust %v: want s1..s4, s6 and no estimate for s5", trust)
	}
	for id, v := range trust {
		if math.IsNaN(v) {
			t.Errorf("trust of %s is NaN", id)
		}
	}
}

// TestFromGraphOrigins is the wire story as a claim graph: the outlets A,
// B and C republish the wire W (declared derivations) and carry its claim
// "hoax"; two independent outlets D1 and D2 deny it. A claim's votes are
// its independent origins: "hoax" has one (W), "denial" two, where
// counting appearances would give 4 to 2. The outlets only repeat W's
// claim, so they have no trust estimate from it, let alone one above W's.
func TestFromGraphOrigins(t *testing.T) {
	g := build(t, []string{"W", "A", "B", "C", "D1", "D2"},
		[]claims.Claim{claim("hoax", "W", "A", "B", "C"), claim("denial", "D1", "D2")},
		[]claims.Relation{{From: "hoax", To: "denial", Kind: claims.Contradicts}},
		map[string]string{"A": "W", "B": "W", "C": "W"})
	d, m := truth.FromGraph(g.View)
	fh, _ := m.Fact("hoax")
	fd, _ := m.Fact("denial")
	if got := len(d.Asserters(fh)); got != 1 {
		t.Errorf("hoax has %d votes, want 1 (its one origin, W)", got)
	}
	if got := len(d.Asserters(fd)); got != 2 {
		t.Errorf("denial has %d votes, want 2", got)
	}
	for _, alg := range truth.Algorithms() {
		r, err := truth.Discover(d, alg, truth.Options{})
		if err != nil {
			t.Fatal(err)
		}
		// AverageLog gives a source of one claim the trust log 1 = 0, so
		// here every belief is 0 and the tie goes to the first claim.
		if r.Chosen[d.FactObject(fd)] != fd && alg != truth.AverageLog {
			t.Errorf("%v chose %q, want denial", alg, d.Value(r.Chosen[d.FactObject(fd)]))
		}
		trust := m.Trust(r)
		for _, s := range []string{"A", "B", "C"} {
			if v, ok := trust[s]; ok {
				t.Errorf("%v: outlet %s, which only repeats W, has trust %v", alg, s, v)
			}
		}
		if _, ok := trust["W"]; !ok {
			t.Errorf("%v: W has no trust estimate", alg)
		}
	}
}

// TestFromGraphLent: a support lends the supporter's origins to the
// supported claim as votes, as it lends them to its evidence, and only
// once: no TruthFinder implication counts them again. a (s1) contradicts
// b (s3); d (s2) supports a, and so does e (s1), whose origin a has
// already. Votes by hand: a by s1 and s2, b by s3, d by s2, e by s1; so
// Voting gives a 2/3 against b's 1/3, where without the support it would
// be a tie.
func TestFromGraphLent(t *testing.T) {
	g := build(t, []string{"s1", "s2", "s3"},
		[]claims.Claim{claim("a", "s1"), claim("b", "s3"), claim("d", "s2"), claim("e", "s1")},
		[]claims.Relation{
			{From: "a", To: "b", Kind: claims.Contradicts},
			{From: "d", To: "a", Kind: claims.Supports},
			{From: "e", To: "a", Kind: claims.Supports},
		}, nil)
	d, m := truth.FromGraph(g.View)
	votes := map[string][]string{}
	for f := range d.NumFacts() {
		for _, s := range d.Asserters(truth.FactID(f)) {
			votes[m.Claims[f]] = append(votes[m.Claims[f]], d.SourceName(s))
		}
	}
	want := map[string][]string{"a": {"s1", "s2"}, "b": {"s3"}, "d": {"s2"}, "e": {"s1"}}
	if diff := cmp.Diff(want, votes); diff != "" {
		t.Errorf("votes (-want +got):\n%s", diff)
	}
	r, err := truth.Discover(d, truth.Voting, truth.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Belief(r); got["a"] != 2.0/3 || got["b"] != 1.0/3 {
		t.Errorf("beliefs %v, want a 2/3 and b 1/3", got)
	}
	// TruthFinder: with no implications, ignoring them changes nothing.
	with, err := truth.Discover(d, truth.TruthFinder, truth.Options{})
	if err != nil {
		t.Fatal(err)
	}
	without, err := truth.Discover(d, truth.TruthFinder, truth.Options{NoImplications: true})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(without.Belief, with.Belief); diff != "" {
		t.Errorf("implications changed TruthFinder's beliefs (-without +with):\n%s", diff)
	}
}

// The primary video of the seed data and the articles that quote it.
const seedVideo = "yunashev-telegram-video"

func loadSeed(t *testing.T) *graph.Graph {
	t.Helper()
	path := filepath.Join("..", "..", "testdata", "kim-putin.yaml")
	if _, err := os.Stat(path); err != nil {
		t.Skip("seed dataset not present: ", err)
	}
	g, err := graph.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestFromGraphSeed(t *testing.T) {
	g := loadSeed(t)
	for _, alg := range truth.Algorithms() {
		t.Run(alg.String(), func(t *testing.T) {
			var runs [2]map[string]float64
			for k := range runs {
				d, m := truth.FromGraph(g.View)
				if d.NumFacts() < g.Counts().Claims || d.NumSources() != g.Counts().Sources {
					t.Fatalf("%d facts, %d sources for %+v", d.NumFacts(), d.NumSources(), g.Counts())
				}
				r, err := truth.Discover(d, alg, truth.Options{})
				if err != nil {
					t.Fatal(err)
				}
				for id, v := range m.Trust(r) {
					if math.IsNaN(v) || math.IsInf(v, 0) {
						t.Errorf("trust of %s = %v", id, v)
					}
				}
				runs[k] = m.Trust(r)
			}
			if diff := cmp.Diff(runs[0], runs[1]); diff != "" {
				t.Errorf("two runs differ (-first +second):\n%s", diff)
			}
		})
	}
}

// TestFromGraphSeedVideo: on the seed data itself, the primary Telegram
// video's trust is at least that of each article that quotes it
// (internewscast-kim-scrub-2025, kim-dna-traces-article-2025,
// kim-staff-wipe-article-2025-09-04, found from their derived_from).
//
// What makes this hold, and mean something: the articles have no vote on
// the claims they repeat from the video (the video is those claims' one
// origin), so they earn no trust from them; the video is tested, because
// its claims lend their evidence to trace-removal-standard-protocol,
// which four other independent origins also make (corroboration); and each
// article's trust rests on claims of its own. Under ACCU (the default for
// claim graphs), DEPEN and Voting — the algorithms that make a question's
// claims compete — the video ranks at or above each article.
// internewscast made china-only-defence-pact, which holds until the
// Russia–DPRK treaty and contradicts it: time resolves that
// contradiction, so the two are no rival values of one question (each
// is a question of its own).
// Sums, AverageLog, Investment and TruthFinder reward the number of
// claims a source makes more than whether they hold, and are not held to
// it; PooledInvestment is within rounding (the video 1 − 4e-16, an
// article 1).
func TestFromGraphSeedVideo(t *testing.T) {
	g := loadSeed(t)
	var quoting []string
	for s := range g.View.Sources() {
		for _, df := range s.DerivedFrom {
			if df.Source == seedVideo && df.Kind == sources.Quotes {
				quoting = append(quoting, s.ID)
			}
		}
	}
	if len(quoting) != 3 {
		t.Fatalf("articles quoting the video: %v, want 3", quoting)
	}
	d, m := truth.FromGraph(g.View)
	video := map[string]bool{} // claims the video carries
	for c := range g.View.Claims() {
		for _, a := range c.Appearances {
			if a.Source == seedVideo || a.Via == seedVideo {
				video[c.ID] = true
			}
		}
	}
	for id := range video {
		for _, f := range m.Facts(id) {
			var by []string
			for _, s := range d.Asserters(f) {
				by = append(by, d.SourceName(s))
			}
			if !slices.Contains(by, seedVideo) || slices.ContainsFunc(by, func(s string) bool { return slices.Contains(quoting, s) }) {
				t.Errorf("claim %s asserted by %v: want the video and no article quoting it", id, by)
			}
		}
	}
	for _, alg := range []truth.Algorithm{truth.Accu, truth.Depen, truth.Voting} {
		r, err := truth.Discover(d, alg, truth.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !r.Converged {
			t.Errorf("%v did not converge", alg)
		}
		trust := m.Trust(r)
		tv, ok := trust[seedVideo]
		if !ok {
			t.Fatalf("%v: the video has no trust estimate", alg)
		}
		for _, a := range quoting {
			ta, ok := trust[a]
			if !ok {
				t.Errorf("%v: %s has no trust estimate; want one, from its own claims", alg, a)
			}
			if ta > tv {
				t.Errorf("%v: %s has trust %v, above the video's %v", alg, a, ta, tv)
			}
		}
	}
	pact, treaty := m.Facts("china-only-defence-pact"), m.Facts("russia-dprk-defence-treaty-2024")
	if len(pact) != 1 || len(treaty) != 1 || len(d.Facts(d.FactObject(pact[0]))) != 1 || len(d.Facts(d.FactObject(treaty[0]))) != 1 {
		t.Errorf("china-only-defence-pact (facts %v) and the treaty (facts %v), which never hold together, should each be a question of its own", pact, treaty)
	}
}

// TestFromGraphRelay: a source that only repeats another's claims gets no
// trust from them, however they fare, so never more than the other's.
// V made v1 and v2; A quotes V and carries both, and one claim a1 of its
// own that nobody else makes; X also makes v1; D and E deny v2 (d2).
// Votes: v1 by V and X; v2 by V; d2 by D and E; a1 by A. A's only vote is
// on a1, untested (uncontested, uncorroborated), so A has no estimate.
// Voting by hand: v1 is alone in its question, belief 1, won; v2 has 1/3
// of its question's votes and loses to d2's 2/3. Trust, the share of a
// source's tested facts that won: V 1/2 (v1 won, v2 lost), X 1, D 1, E 1.
// Under every algorithm A has no estimate and V has one.
func TestFromGraphRelay(t *testing.T) {
	g := build(t, []string{"V:video", "A", "X", "D", "E"},
		[]claims.Claim{
			{ID: "v1", Text: "v1.", Appearances: []claims.Appearance{{Source: "V"}, {Source: "A", Via: "V"}, {Source: "X"}}},
			{ID: "v2", Text: "v2.", Appearances: []claims.Appearance{{Source: "V"}, {Source: "A", Via: "V"}}},
			claim("d2", "D", "E"), claim("a1", "A"),
		},
		[]claims.Relation{{From: "v2", To: "d2", Kind: claims.Contradicts}},
		nil)
	d, m := truth.FromGraph(g.View)
	votes := map[string][]string{}
	for f := range d.NumFacts() {
		for _, s := range d.Asserters(truth.FactID(f)) {
			votes[m.Claims[f]] = append(votes[m.Claims[f]], d.SourceName(s))
		}
	}
	want := map[string][]string{"v1": {"V", "X"}, "v2": {"V"}, "d2": {"D", "E"}, "a1": {"A"}}
	if diff := cmp.Diff(want, votes); diff != "" {
		t.Errorf("votes (-want +got):\n%s", diff)
	}
	r, err := truth.Discover(d, truth.Voting, truth.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]float64{"V": 0.5, "X": 1, "D": 1, "E": 1}, m.Trust(r)); diff != "" {
		t.Errorf("voting trust (-want +got):\n%s", diff)
	}
	for _, alg := range truth.Algorithms() {
		r, err := truth.Discover(d, alg, truth.Options{})
		if err != nil {
			t.Fatal(err)
		}
		trust := m.Trust(r)
		if v, ok := trust["A"]; ok {
			t.Errorf("%v: A, which only repeats V's claims, has trust %v", alg, v)
		}
		if _, ok := trust["V"]; !ok {
			t.Errorf("%v: V has no trust estimate", alg)
		}
	}
}

// TestVotesAreTheVerdictsEvidence: on generated graphs whose rounds
// silence a fifth of the claims, the sources voting for each fact of
// FromGraphSilent, given the verdicts' Silent, are exactly the claim's
// own origins and lent origins as its verdict weighs them: one notion of
// evidence for trust and verdicts, a claim the run rejects lending no
// vote.
func TestVotesAreTheVerdictsEvidence(t *testing.T) {
	n := 3000
	if testing.Short() {
		n = 600
	}
	g := graph.New()
	if err := g.Apply(synth.Generate(synth.Config{Claims: n})); err != nil {
		t.Fatal(err)
	}
	r, err := verdict.Compute(g.View, verdict.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Silent) == 0 {
		t.Fatal("no claim silent: the test would not tell silenced lenders apart")
	}
	d, m := truth.FromGraphSilent(g.View, r.Silent)
	facts, lent := 0, 0
	for _, vd := range r.Verdicts {
		want := slices.Sorted(slices.Values(append(slices.Clone(vd.Origins), r.Lent(vd.Claim)...)))
		lent += vd.Lent
		for _, f := range m.Facts(vd.Claim) {
			facts++
			var got []string
			for _, s := range d.Asserters(f) {
				got = append(got, d.SourceName(s))
			}
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Fatalf("claim %s: votes %v, its verdict's origins and lent origins %v", vd.Claim, got, want)
			}
		}
	}
	if facts < len(r.Verdicts) || lent == 0 {
		t.Fatalf("%d facts for %d claims, %d lent origins: the check read too little", facts, len(r.Verdicts), lent)
	}
}
