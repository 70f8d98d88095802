// The trust command: truth discovery over (source, object, value) triples.
//
//	claimgraph trust --triples FILE [--algorithm NAME] [--columns S,O,V]
//	                 [--delimiter C] [--header] [--tokens] [--imply]
//	                 [--max-iterations N] [--tolerance X] [--top N] [--json]
//
// It reads one assertion per line (tab-separated, or CSV for *.csv), runs a
// truth-discovery algorithm of package sources/truth (PooledInvestment
// unless --algorithm says otherwise), and prints the sources by trust
// and the chosen value of each object (by object name). Sources come by
// trust, descending, except that the sources of one tie (see below) come
// together, by name, where the highest trust of the tie puts them: in
// trust order, a source whose trust is truth.Same as the one before it
// (equal within a relative 1e-9) is in that one's tie, so a tie can span
// more than the tolerance, and every source marked "(tie)" is listed
// next to the others of its tie. The order is the same in the text and
// in --json, and does not depend on the order of the input. --top N
// limits the lists to their first N rows. For the Book data set:
// --columns 0,1,3 --tokens.
//
// The first line says whether the run converged. A run that reaches the
// iteration cap (--max-iterations, or the algorithm's default) without
// converging says so — "did not converge in 10 iterations, the cap of
// 10: figures of the last iteration, provisional" — and so does --json,
// with "converged": false beside "iterations" and "max_iterations". A
// tie is never settled silently: a source in a tie (its trust equal to
// another source's, listed or not, within the tolerance above) is
// marked "(tie)", and an object where another value
// has the chosen one's belief shows "(tie: OTHER, ...)" after the value;
// the value named is then the first in the data, nothing more.
//
// With --json it prints one object:
//
//	{
//	  "algorithm": "pooledinvestment",
//	  "iterations": 10,
//	  "max_iterations": 10,
//	  "converged": false,
//	  "counts": {"sources": 877, "objects": 1263, "facts": 4639, "assertions": 24847},
//	  "sources": [{"source": "A1Books", "trust": 1, "assertions": 171, "tie": false}, ...],
//	  "objects": [{"object": "0201853949", "value": "donald knuth", "belief": 1, "facts": 3,
//	               "tie": false, "tied_with": []}, ...],
//	  "copy_skipped": {"objects": 1, "max_sources": 256, "max_pairs": 67108864}
//	}
//
// where "facts" counts the candidate values of the object, "value" is
// null for an object without facts, "tie" marks the ties above and
// "tied_with" lists the values whose belief equals the chosen one's. The
// belief of Voting is a value's share of its object's votes.
// "copy_skipped", present only then, counts the objects ACCU and DEPEN
// left out of copy detection (truth.CopyChecks) because more than
// truth.MaxCopySources (256) sources carry their values (a viral claim)
// or, past the budget of truth.DefaultMaxCopyPairs pairs of sources that
// share a value, theirs were the most; the text says so under its first
// line: "copy detection skipped for 1 object of more than 256 sources or
// past the budget of 67108864 pairs (every vote on them counts whole)".
//
// The claim-graph mode,
//
//	claimgraph trust FILE [--algorithm NAME] [--max-iterations N] [--tolerance X] [--top N] [--trust TRUST] [--json]
//
// maps the claim graph in FILE onto a truth-discovery data set with
// truth.FromGraphSilent — a question (object) is a set of claims that
// contradict each other pairwise, named after its claims joined by " | ";
// a claim's votes are its evidence (package graph/evidence, as the
// verdicts weigh it): its independent origins and the origins its
// supporters lend it, a supporter the verdicts reject lending none,
// never a source that only relays it — runs ACCU unless --algorithm says
// otherwise, reads the
// questions together (truth.GraphMap.Joint: a claim's belief is its
// smallest over the questions it is in, and a claim that loses one
// question is not chosen in another), and prints the same report, and
// with --json the same JSON object: "sources" are source IDs, "value" is
// the ID of the chosen claim. A source none of whose votes was put to a
// test (contested, or corroborated by another vote), or whose questions
// are all ties, has no trust estimate: it is left out of "sources" and
// listed after them, in the text as "SOURCE (no evidence: REASON)" and in
// --json under "no_evidence" as {"source", "reason", "relay_of"}, the
// reason being "relay of ORIGIN, ..." for a source whose claims all come
// from others (its votes are theirs), "only ties", "no claim contested or
// corroborated", or "no claim". Each object has "verdict", the verdict
// label of the chosen claim (graph/verdict), and the text marks a choice
// the verdicts leave undecided or reject with "(verdicts: undecided)"; a
// lone claim, which no question contests, has "uncontested": true and
// "uncontested" in the text's BELIEF column. The text abbreviates a
// question of more than three claims ("c0 | c1 | … (300 claims)") and a
// tie with more than three others ("(tie with 299 others)"); --json keeps
// them whole.
//
// --trust TRUST weighs the verdicts by the trust of the sources
// (trustfile.go): the claims they reject lend no votes and the labels
// are theirs; truth discovery's own estimate starts from no trust (the
// file is not its prior). --json's output is a TRUST file:
// "claimgraph trust FILE --json > t.json" then "--trust t.json".
//
// ACCU is the default for claim graphs because it is copy-aware and
// weighs each origin by its accuracy: on the seed data it converges (in 3
// iterations) and chooses no claim the undated verdicts reject. DEPEN
// agrees too, but with one accuracy for every source it cannot tell the
// sources apart.

package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/provenance"
	"github.com/claimgraph/claimgraph/graph/verdict"
	"github.com/claimgraph/claimgraph/sources/truth"
)

// trustSource and trustObject are rows of the JSON output.
type trustSource struct {
	Source     string  `json:"source"`
	Trust      float64 `json:"trust"`
	Assertions int     `json:"assertions"`
	Tie        bool    `json:"tie"` // another source, listed or not, ties with this one (see trustReportOf)
}

type trustObject struct {
	Object   string   `json:"object"`
	Value    *string  `json:"value"`
	Belief   *float64 `json:"belief"`
	Facts    int      `json:"facts"`
	Tie      bool     `json:"tie"`       // another value has the chosen one's belief
	TiedWith []string `json:"tied_with"` // those values
	// Claim-graph mode only: the verdict label of the chosen claim, and
	// whether the object is a lone claim, which no question contests.
	Verdict     string `json:"verdict,omitempty"`
	Uncontested bool   `json:"uncontested,omitempty"`
}

// trustUnknown is a source of a claim graph with no trust estimate, and
// why: "relay of ORIGIN, ..." (its claims' votes belong to their
// origins), "only ties" (each question it is tested on is even), "no
// claim contested or corroborated", or "no claim".
type trustUnknown struct {
	Source string   `json:"source"`
	Reason string   `json:"reason"`
	Relays []string `json:"relay_of,omitempty"` // the origins it relays
}

type trustCounts struct {
	Sources    int `json:"sources"`
	Objects    int `json:"objects"`
	Facts      int `json:"facts"`
	Assertions int `json:"assertions"`
}

type trustReport struct {
	Algorithm  string        `json:"algorithm"`
	Iterations int           `json:"iterations"`
	Cap        int           `json:"max_iterations"`
	Converged  bool          `json:"converged"`
	Counts     trustCounts   `json:"counts"`
	Sources    []trustSource `json:"sources"`
	// NoEvidence lists, in claim-graph mode, the sources left out of
	// Sources for want of evidence, by ID.
	NoEvidence []trustUnknown `json:"no_evidence,omitempty"`
	Objects    []trustObject  `json:"objects"`
	// CopySkipped counts, for ACCU and DEPEN, the objects left out of
	// copy detection (truth.CopyChecks); nil when none was.
	CopySkipped *copySkipped `json:"copy_skipped,omitempty"`
}

// copySkipped is the JSON of the objects (questions) ACCU and DEPEN left
// out of copy detection (truth.CopyChecks): more than MaxSources sources
// carry their facts, or their pairs of sources are the most past the
// budget of MaxPairs; each of their votes counts whole.
type copySkipped struct {
	Objects    int   `json:"objects"`
	MaxSources int   `json:"max_sources"`
	MaxPairs   int64 `json:"max_pairs"`
}

// copySkippedOf returns what r left out of copy detection, nil for none.
func copySkippedOf(r *truth.Result) *copySkipped {
	if len(r.CopyUnchecked) == 0 {
		return nil
	}
	return &copySkipped{len(r.CopyUnchecked), truth.MaxCopySources, truth.DefaultMaxCopyPairs}
}

// String is the sentence the text output prints, noun naming the
// objects: "copy detection skipped for 2 objects of more than 256
// sources or past the budget of 67108864 pairs (every vote on them
// counts whole)".
func (c *copySkipped) String(noun string) string {
	return fmt.Sprintf("copy detection skipped for %s of more than %d sources or past the budget of %d pairs (every vote on them counts whole)",
		plural(c.Objects, noun), c.MaxSources, c.MaxPairs)
}

func runTrust(e *env, args []string) int {
	fs, asJSON := newFlags("trust", e)
	triples := fs.String("triples", "", "read (source, object, value) triples from `FILE`")
	algName := fs.String("algorithm", "",
		"`NAME`: voting, sums, averagelog, investment, pooledinvestment, truthfinder, accu or depen\n(default accu for a claim graph, pooledinvestment for --triples)")
	columns := fs.String("columns", "0,1,2", "0-based columns of source, object and value, as `S,O,V`")
	delim := fs.String("delimiter", "", "field delimiter `C` (default: tab, or comma for *.csv; \"tab\" allowed)")
	header := fs.Bool("header", false, "skip the first line that is not empty: the column names")
	tokens := fs.Bool("tokens", false, "group values as sets of lower-cased name tokens (author lists)")
	imply := fs.Bool("imply", false, "truthfinder: implication between values of an object = Jaccard of tokens − 0.5")
	maxIter := fs.Int("max-iterations", 0, "iteration cap `N` (0: the algorithm's default)")
	tol := fs.Float64("tolerance", 0, "convergence tolerance `X` (0: the algorithm's default)")
	top := fs.Int("top", 0, "print only the first `N` sources and objects (0: all)")
	addTrust(fs, e)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return 2
	}
	if *algName == "" && given(fs, "algorithm") {
		return e.usageError("trust", "--algorithm: give a name (voting, sums, averagelog, investment, pooledinvestment, truthfinder, accu or depen)")
	}
	if *algName == "" {
		*algName = "pooledinvestment"
		if *triples == "" {
			*algName = "accu"
		}
	}
	alg, err := truth.ParseAlgorithm(*algName)
	if err != nil {
		return e.usageError("trust", "%v", err)
	}
	switch {
	case *top < 0:
		return e.usageError("trust", "--top %d: want a number of rows, 0 or more (0: all)", *top)
	case *maxIter < 0:
		return e.usageError("trust", "--max-iterations %d: want a number of iterations, 0 or more (0: the algorithm's default)", *maxIter)
	case !(*tol >= 0 && *tol <= math.MaxFloat64):
		return e.usageError("trust", "--tolerance %g: want a finite number, 0 or more (0: the algorithm's default)", *tol)
	}
	opts := truth.Options{MaxIterations: *maxIter, Tolerance: *tol, Progress: e.onProgress()}

	if *triples == "" {
		// Claim-graph mode: "claimgraph trust FILE".
		if len(pos) == 1 {
			return runTrustGraph(e, pos[0], alg, opts, *asJSON, *top)
		}
		return e.usageError("trust", "give a claim graph FILE, or --triples FILE")
	}
	if len(pos) > 0 {
		return e.usageError("trust", "unexpected argument %q with --triples", pos[0])
	}
	if given(fs, "trust") {
		return e.usageError("trust", "--trust weighs the evidence of a claim graph's verdicts; --triples has none")
	}
	ro := truth.ReadOptions{Header: *header, MaxBytes: int64(e.maxBytes)}
	if ro.SourceColumn, ro.ObjectColumn, ro.ValueColumn, err = parseColumns(*columns); err != nil {
		return e.usageError("trust", "--columns: %v", err)
	}
	if ro.Comma, err = parseDelimiter(*delim); err != nil {
		return e.usageError("trust", "--delimiter: %v", err)
	}
	if *tokens {
		ro.Normalize = truth.TokenSet
	}
	d, err := truth.ReadFile(*triples, ro)
	if errors.Is(err, truth.ErrOptions) {
		return e.usageError("trust", "--delimiter: %v", err)
	}
	if err != nil {
		return e.failRead("trust", err)
	}
	if *imply {
		d.ImplyBySimilarity(truth.Jaccard, 0.5)
	}
	r, err := truth.Discover(d, alg, opts)
	if err != nil {
		return e.fail("trust", err)
	}
	return emitTrust(e, d, r, nil, opts, *top, *asJSON)
}

// emitTrust prints the result of truth discovery on d, run with opts, as
// text or JSON (the triples mode; runTrustGraph adds what the claim
// graph says to the same report). With known set,
// sources it marks false have no trust estimate and are left out of the
// list.
func emitTrust(e *env, d *truth.Dataset, r *truth.Result, known []bool, opts truth.Options, top int, asJSON bool) int {
	rep := trustReportOf(d, r, known, opts, top)
	return e.emit("trust", asJSON, rep, rep.write)
}

// parseColumns parses "S,O,V", three distinct non-negative integers.
func parseColumns(s string) (src, obj, val int, err error) {
	parts := strings.Split(s, ",")
	if len(parts) != 3 {
		return 0, 0, 0, fmt.Errorf("want three columns S,O,V, got %q", s)
	}
	var c [3]int
	for i, p := range parts {
		if c[i], err = strconv.Atoi(strings.TrimSpace(p)); err != nil || c[i] < 0 {
			return 0, 0, 0, fmt.Errorf("bad column %q", p)
		}
	}
	if c[0] == c[1] || c[0] == c[2] || c[1] == c[2] {
		return 0, 0, 0, fmt.Errorf("columns must differ, got %q", s)
	}
	return c[0], c[1], c[2], nil
}

// parseDelimiter accepts "" (by extension), "tab", `\t` or one character.
func parseDelimiter(s string) (rune, error) {
	switch s {
	case "":
		return 0, nil
	case "tab", `\t`:
		return '\t', nil
	}
	r := []rune(s)
	if len(r) != 1 || r[0] == '\n' || r[0] == '\r' {
		return 0, fmt.Errorf("want one character or \"tab\", got %q", s)
	}
	return r[0], nil
}

// trustReportOf orders the result for printing: sources by trust
// descending, the sources of a tie together and by name (then ID, for
// equal names); objects by name then ID. In trust order, a source whose
// trust is truth.Same as the trust of the one before is in that one's
// tie: Same is not transitive, so the ties are these runs, which the
// "(tie)" marks show whole, each listed at its place in trust order. The
// order is total: by tie (that is, by trust), then by name, then by ID.
// With known set, only the sources it marks true are listed.
func trustReportOf(d *truth.Dataset, r *truth.Result, known []bool, opts truth.Options, top int) trustReport {
	rep := trustReport{
		Algorithm: r.Algorithm.String(), Iterations: r.Iterations, Converged: r.Converged,
		Counts: trustCounts{d.NumSources(), d.NumObjects(), d.NumFacts(), d.NumAssertions()},
		Cap:    opts.MaxIterations, CopySkipped: copySkippedOf(r),
	}
	if rep.Cap == 0 || r.Algorithm == truth.Voting {
		rep.Cap = truth.DefaultOptions(r.Algorithm).MaxIterations
	}
	srcs := make([]truth.SourceID, 0, d.NumSources())
	for s := range d.NumSources() {
		if known == nil || known[s] {
			srcs = append(srcs, truth.SourceID(s))
		}
	}
	// By name, then ID: a Dataset may hold two sources of one name.
	byName := func(a, b truth.SourceID) int {
		return cmp.Or(strings.Compare(d.SourceName(a), d.SourceName(b)), cmp.Compare(a, b))
	}
	slices.SortFunc(srcs, func(a, b truth.SourceID) int {
		return cmp.Or(cmp.Compare(r.Trust[b], r.Trust[a]), byName(a, b))
	})
	// The ties are the runs of sources each Same as the one before; each
	// run is sorted by name in its place. tied[i]: srcs[i] is in a run
	// of two or more, listed or not.
	tied := make([]bool, len(srcs))
	for lo := 0; lo < len(srcs); {
		hi := lo + 1
		for hi < len(srcs) && truth.Same(r.Trust[srcs[hi-1]], r.Trust[srcs[hi]]) {
			hi++
		}
		slices.SortFunc(srcs[lo:hi], byName) // not by the trusts the tie makes nothing of
		for i := lo; i < hi; i++ {
			tied[i] = hi-lo > 1
		}
		lo = hi
	}
	objs := make([]truth.ObjectID, d.NumObjects())
	for o := range objs {
		objs[o] = truth.ObjectID(o)
	}
	slices.SortStableFunc(objs, func(a, b truth.ObjectID) int {
		return strings.Compare(d.ObjectName(a), d.ObjectName(b))
	})
	n := len(srcs)
	if top > 0 {
		n = min(top, n)
		objs = objs[:min(top, len(objs))]
	}
	rep.Sources = make([]trustSource, 0, n)
	for i, s := range srcs[:n] {
		rep.Sources = append(rep.Sources, trustSource{d.SourceName(s), r.Trust[s], len(d.Asserted(s)), tied[i]})
	}
	rep.Objects = make([]trustObject, 0, len(objs))
	for _, o := range objs {
		row := trustObject{Object: d.ObjectName(o), Facts: len(d.Facts(o)), TiedWith: []string{}}
		if f := r.Chosen[o]; f != truth.NoFact {
			v, b := d.Value(f), r.Belief[f]
			row.Value, row.Belief = &v, &b
			for _, g := range d.Facts(o) {
				if g != f && truth.Same(r.Belief[g], b) {
					row.TiedWith = append(row.TiedWith, d.Value(g))
				}
			}
			row.Tie = len(row.TiedWith) > 0
		}
		rep.Objects = append(rep.Objects, row)
	}
	return rep
}

// write prints rep as text.
func (rep trustReport) write(w io.Writer) error {
	c := rep.Counts
	conv := convergence(rep.Converged, rep.Iterations, rep.Cap)
	if !rep.Converged {
		conv += " (raise the cap with --max-iterations)"
	}
	fmt.Fprintf(w, "%s: %s; %s, %s, %s, %s\n\n", rep.Algorithm, conv,
		plural(c.Sources, "source"), plural(c.Objects, "object"), plural(c.Facts, "fact"), plural(c.Assertions, "assertion"))
	if rep.CopySkipped != nil {
		fmt.Fprintf(w, "%s\n\n", rep.CopySkipped.String("object"))
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "TRUST\tASSERTIONS\tSOURCE")
	for _, s := range rep.Sources {
		tie := ""
		if s.Tie {
			tie = " (tie)"
		}
		fmt.Fprintf(tw, "%.4f\t%d\t%s%s\n", s.Trust, s.Assertions, safe(s.Source), tie)
	}
	for _, u := range rep.NoEvidence {
		fmt.Fprintf(tw, "-\t-\t%s (no evidence: %s)\n", safe(u.Source), u.Reason)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	fmt.Fprintln(tw, "OBJECT\tBELIEF\tFACTS\tVALUE")
	for _, o := range rep.Objects {
		name := o.Object
		if o.Verdict != "" { // a claim graph: the object names its claims
			name = shortQuestion(o.Object, o.Facts)
		}
		name = safe(name)
		if o.Value == nil {
			fmt.Fprintf(tw, "%s\t-\t%d\t-\n", name, o.Facts)
			continue
		}
		belief := fmt.Sprintf("%.4f", *o.Belief)
		if o.Uncontested {
			belief = "uncontested"
		}
		note := ""
		switch {
		case len(o.TiedWith) > maxTied:
			note = fmt.Sprintf(" (tie with %s)", plural(len(o.TiedWith), "other"))
		case o.Tie:
			note = " (tie: " + safe(strings.Join(o.TiedWith, ", ")) + ")"
		}
		if o.Verdict != "" && o.Verdict != verdict.Accepted.String() {
			note += " (verdicts: " + o.Verdict + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s%s\n", name, belief, o.Facts, safe(*o.Value), note)
	}
	return tw.Flush()
}

// maxTied is the longest tie list the text prints in full; --json has
// every value.
const maxTied = 3

// shortQuestion abbreviates the name of a question of n claims, joined by
// " | ", to its first two claims when it has more than three: "c0 | c1 |
// … (300 claims)".
func shortQuestion(name string, n int) string {
	if n <= 3 {
		return name
	}
	parts := strings.SplitN(name, " | ", 3)
	if len(parts) < 3 {
		return name
	}
	return fmt.Sprintf("%s | %s | … (%d claims)", parts[0], parts[1], n)
}

// convergence says whether a run of n iterations, at most limit,
// converged: "converged in 8 iterations", or, when it did not, that the
// figures are those of the last iteration.
func convergence(converged bool, n, limit int) string {
	if converged {
		return "converged in " + plural(n, "iteration")
	}
	return fmt.Sprintf("did not converge in %s, the cap of %d: figures of the last iteration, provisional", plural(n, "iteration"), limit)
}

// runTrustGraph runs the claim-graph mode, "claimgraph trust FILE".
func runTrustGraph(e *env, file string, alg truth.Algorithm, opts truth.Options, asJSON bool, top int) int {
	g, code := loadGraph(e, "trust", file)
	if code != 0 {
		return code
	}
	if code := e.useTrust("trust", g.View); code != 0 {
		return code
	}
	run, err := graphTrust(e, g.View, alg, opts)
	if err != nil {
		return e.fail("trust", err)
	}
	rep := trustReportOf(run.d, run.joint, run.r.Known, opts, top)
	rep.NoEvidence = run.unknown
	if top > 0 {
		rep.NoEvidence = rep.NoEvidence[:min(top, len(rep.NoEvidence))]
	}
	labels, err := computedLabels(e, g.View)
	if err != nil {
		return e.fail("trust", err)
	}
	for i := range rep.Objects {
		o := &rep.Objects[i]
		if o.Value != nil {
			o.Verdict = labels[*o.Value]
		}
		o.Uncontested = o.Facts == 1
	}
	return e.emit("trust", asJSON, rep, rep.write)
}

// trustRun is truth discovery on a claim graph, as the trust command and
// the report's trust section run it.
type trustRun struct {
	d       *truth.Dataset
	m       *truth.GraphMap
	r       *truth.Result // as Discover returned it
	joint   *truth.Result // the questions read together (GraphMap.Joint)
	unknown []trustUnknown
}

// graphTrust runs algorithm alg on the claim graph of v and says why each
// source without a trust estimate has none.
func graphTrust(e *env, v graph.View, alg truth.Algorithm, opts truth.Options) (*trustRun, error) {
	vr, err := e.verdicts(v)
	if err != nil {
		return nil, err
	}
	d, m := truth.FromGraphSilent(v, vr.Silent) // votes weighed as the verdicts weigh evidence
	r, err := truth.Discover(d, alg, opts)
	if err != nil {
		return nil, err
	}
	run := &trustRun{d: d, m: m, r: r, joint: m.Joint(r)}
	relays := make(map[string]int) // sources with no claim -> their index in run.unknown
	for s := range d.NumSources() {
		if r.Known[s] {
			continue
		}
		id := d.SourceName(truth.SourceID(s))
		u := trustUnknown{Source: id, Reason: "no claim contested or corroborated"}
		switch facts := d.Asserted(truth.SourceID(s)); {
		case tested(d, facts):
			u.Reason = "only ties"
		case len(facts) == 0:
			u.Reason = "no claim"
			relays[id] = len(run.unknown)
		}
		run.unknown = append(run.unknown, u)
	}
	if len(relays) > 0 {
		addRelays(v, run.unknown, relays)
	}
	slices.SortFunc(run.unknown, func(a, b trustUnknown) int { return strings.Compare(a.Source, b.Source) })
	return run, nil
}

// addRelays adds to each source of unknown that relays names the origins
// that its appearances go back to, from one provenance report for each
// claim a source of them carries: O(appearances + their provenance) in
// all, where a report for each source was quadratic in the sources
// relaying one claim.
func addRelays(v graph.View, unknown []trustUnknown, relays map[string]int) {
	prov := provenance.New(v)
	for c := range v.Claims() {
		if !slices.ContainsFunc(c.Appearances, func(a claims.Appearance) bool { _, ok := relays[a.Source]; return ok }) {
			continue
		}
		rep, err := prov.Of(c)
		if err != nil {
			continue
		}
		for _, g := range rep.Groups {
			for _, a := range g.Appearances {
				if a >= len(c.Appearances) {
					continue
				}
				if i, ok := relays[c.Appearances[a].Source]; ok {
					u := &unknown[i]
					if n := len(u.Relays); n == 0 || u.Relays[n-1] != g.Origin.Source {
						u.Relays = append(u.Relays, g.Origin.Source)
					}
				}
			}
		}
	}
	for _, i := range relays {
		u := &unknown[i]
		slices.Sort(u.Relays)
		u.Relays = slices.DeleteFunc(slices.Compact(u.Relays), func(o string) bool { return o == u.Source })
		if len(u.Relays) > 0 {
			u.Reason = "relay of " + strings.Join(u.Relays, ", ")
		}
	}
}

// tested reports whether one of the facts is contested (its object has
// other facts) or corroborated (another source asserts it): then a source
// of them with no trust estimate has only tied questions.
func tested(d *truth.Dataset, facts []truth.FactID) bool {
	for _, f := range facts {
		if len(d.Facts(d.FactObject(f))) > 1 || len(d.Asserters(f)) > 1 {
			return true
		}
	}
	return false
}
