package verdict_test

import (
	"bufio"
	"crypto/sha256"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/evidence"
	"github.com/claimgraph/claimgraph/graph/synth"
	"github.com/claimgraph/claimgraph/graph/verdict"
)

var (
	updateDigests = flag.Bool("update-digests", false, "rewrite testdata/digests.golden from the current Compute")
	dumpDigests   = flag.String("dump-digests", "", "write what each digest hashes to a file per case in this directory, to diff")
)

// digestFile holds one line "case sha256" per case of TestDigests,
// computed from the code of Compute before it was made fast (commit
// "verdict: golden digests of Compute's results"), so that a faster
// Compute is checked against the results of the slow one. The seed's
// lines were written again when contradictions that time resolves
// stopped attacking (the seed has four; graph/synth's graphs are
// undated, so theirs did not change).
var digestFile = filepath.Join("testdata", "digests.golden")

// digest writes every field of r to a hash, one verdict a line: labels,
// evidence, origins, ratings and reasons exactly, base scores and
// strengths to 6 decimals (a change in the last bits of a float, as from
// summing in another order, moves them across a rounding boundary with a
// chance of about 1 in 10^8 each).
func digest(r *verdict.Result, dump io.Writer) string {
	h := sha256.New()
	var w io.Writer = h
	if dump != nil {
		w = io.MultiWriter(h, dump)
	}
	fmt.Fprintf(w, "date %v attacks %d failed %d acyclic %v converged %v iterations %d bound %.6f\n",
		r.Date, r.Attacks, r.Failed, r.Acyclic, r.Converged, r.Iterations, r.Bound)
	for _, v := range r.Verdicts {
		fmt.Fprintf(w, "%s %v %v %v %q %q %.6f %.6f %v %d\n",
			v.Claim, v.Label, v.Since, v.Evidence, v.Origins, r.Lent(v.Claim), v.Base, v.Strength, v.Rating, v.More)
		if n := len(r.Lent(v.Claim)); n != v.Lent {
			fmt.Fprintf(w, "Lent %d, Result.Lent lists %d\n", v.Lent, n)
		}
		for _, x := range v.Reasons {
			reason(w, x)
		}
		if got, ok := r.Verdict(v.Claim); !ok || got.Claim != v.Claim {
			fmt.Fprintf(w, "index broken at %s\n", v.Claim)
		}
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

func reason(w io.Writer, x verdict.Reason) {
	fmt.Fprintf(w, "\t%v %s %v %s %q %v %s %q %v\n",
		x.Kind, x.Claim, x.Attack, x.Via, x.Sources, x.Evidence, x.By, x.BySources, x.ByEvidence)
}

// digestCase is one graph, view and options whose result is digested.
type digestCase struct {
	name  string
	long  bool // skipped under -short
	graph func(t *testing.T) *graph.Graph
	at    claims.Date
	opts  func(t *testing.T, g *graph.Graph) verdict.Options
}

func seedGraph(t *testing.T) *graph.Graph {
	g, err := graph.Load(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// synthesized returns the graph graph/synth generates with n claims.
func synthesized(t testing.TB, n int) *graph.Graph {
	t.Helper()
	g := graph.New()
	if err := g.Apply(synth.Generate(synth.Config{Claims: n})); err != nil {
		t.Fatal(err)
	}
	return g
}

func synthGraph(n int) func(t *testing.T) *graph.Graph {
	return func(t *testing.T) *graph.Graph { return synthesized(t, n) }
}

func generated(n int) func(t *testing.T) *graph.Graph {
	return func(t *testing.T) *graph.Graph { return generate(t, n) }
}

func plainOptions(*testing.T, *graph.Graph) verdict.Options { return verdict.Options{} }

// trusted gives every source a trust from its ID, some of them none, so
// that weights are sums of fractions and unknown trust is used.
func trusted(_ *testing.T, g *graph.Graph) verdict.Options {
	trust := map[string]float64{}
	for s := range g.Sources() {
		if h := len(s.ID) + int(s.ID[len(s.ID)-1]); h%4 != 0 {
			trust[s.ID] = float64(h%7) / 6
		}
	}
	return verdict.Options{Trust: trust, MaxReasons: 2}
}

// given passes evidence weighed beforehand on the whole graph, with
// distinct sources for origins, as a caller of Options.Evidence would.
func given(t *testing.T, g *graph.Graph) verdict.Options {
	ev, err := evidence.Of(g.View, evidence.Options{Origins: evidence.DistinctSources})
	if err != nil {
		t.Fatal(err)
	}
	return verdict.Options{Evidence: ev}
}

func reading(r verdict.SupportReading) func(*testing.T, *graph.Graph) verdict.Options {
	return func(*testing.T, *graph.Graph) verdict.Options { return verdict.Options{Support: r} }
}

// once makes a graph maker make its graph once: the digest cases of one
// graph share it, which Compute and evidence.Of only read.
func once(mk func(*testing.T) *graph.Graph) func(*testing.T) *graph.Graph {
	var g *graph.Graph
	return func(t *testing.T) *graph.Graph {
		if g == nil {
			g = mk(t)
		}
		return g
	}
}

var (
	seedOnce     = once(seedGraph)
	synth10k     = once(synthGraph(10_000))
	generated10k = once(generated(10_000))
)

var digestCases = []digestCase{
	{name: "seed", graph: seedOnce, opts: plainOptions},
	{name: "seed-2016", graph: seedOnce, at: claims.MustDate(2016, 3, 1), opts: plainOptions},
	{name: "seed-2025", graph: seedOnce, at: claims.MustDate(2025, 3, 1), opts: trusted},
	{name: "seed-trust", graph: seedOnce, opts: trusted},
	{name: "seed-bipolar", graph: seedOnce, opts: reading(verdict.Bipolar)},
	{name: "seed-deductive", graph: seedOnce, opts: reading(verdict.Deductive)},
	{name: "seed-necessary", graph: seedOnce, opts: reading(verdict.Necessary)},
	{name: "seed-given", graph: seedOnce, opts: given},
	{name: "seed-2025-given", graph: seedOnce, at: claims.MustDate(2025, 3, 1), opts: given},
	// Under -short each 10k graph is digested with plain options; the
	// other options and readings, a quarter of a second each at 10k,
	// stay under -short on the seed.
	{name: "synth-10k", graph: synth10k, opts: plainOptions},
	{name: "synth-10k-given", long: true, graph: synth10k, opts: given},
	{name: "synth-10k-trust", long: true, graph: synth10k, opts: trusted},
	// Bipolar weighs every round afresh (rerun): a second, the most of
	// the 10k cases; the seed's bipolar case stays under -short.
	{name: "synth-10k-bipolar", long: true, graph: synth10k, opts: reading(verdict.Bipolar)},
	{name: "generated-10k", graph: generated10k, opts: plainOptions},
	{name: "generated-10k-necessary", long: true, graph: generated10k, opts: reading(verdict.Necessary)},
	{name: "synth-100k", long: true, graph: synthGraph(100_000), opts: plainOptions},
	{name: "generated-100k", long: true, graph: generated(100_000), opts: plainOptions},
}

// TestDigests checks that Compute gives, on the seed and on generated
// graphs of 10k and 100k claims, exactly the results the code before it
// was made fast gave (see digestFile). Run with -update-digests to
// rewrite the file after a change that is meant to change results.
func TestDigests(t *testing.T) {
	want := map[string]string{}
	if !*updateDigests {
		f, err := os.Open(digestFile)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			name, sum, _ := strings.Cut(sc.Text(), " ")
			want[name] = sum
		}
		f.Close()
	}
	var out strings.Builder
	for _, c := range digestCases {
		t.Run(c.name, func(t *testing.T) {
			if c.long && testing.Short() && !*updateDigests {
				t.Skip("a long case (100k claims, or options other than the plain ones at 10k): skipped under -short, run by go test without it")
			}
			g := c.graph(t)
			v := g.View
			if !c.at.IsZero() {
				v = v.At(c.at)
			}
			r, err := verdict.Compute(v, c.opts(t, g))
			if err != nil {
				t.Fatal(err)
			}
			var dump io.Writer
			if *dumpDigests != "" {
				f, err := os.Create(filepath.Join(*dumpDigests, c.name))
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				dump = f
			}
			got := digest(r, dump)
			t.Logf("%d rounds of labelling, %d claims silent", r.Rounds, len(r.Silent))
			fmt.Fprintf(&out, "%s %s\n", c.name, got)
			if !*updateDigests && got != want[c.name] {
				t.Errorf("digest %s, want %s", got, want[c.name])
			}
		})
	}
	if *updateDigests {
		if err := os.WriteFile(digestFile, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
