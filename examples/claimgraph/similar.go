// The similar command: pairs of claims that may be one claim in other
// words, or may contradict each other, for a person to decide.
//
//	claimgraph similar FILE [--json] [--threshold X] [--top N]
//	claimgraph similar FILE --apply DECISIONS.json [-o OUT] [--by NAME]
//
// Suggestions come best first, each with its score and reasons (see
// package graph/match). Pairs already joined by a relation of any kind,
// same_as and distinct_from included, are never suggested. Copies of one
// wording (the same content words) are each suggested against the first
// claim so worded; buckets of more than 50 wordings that the hashing
// still makes are skipped, and said to be ("N buckets of more than 50
// wordings skipped").
//
// With --json it prints one object whose "suggestions" can be edited and
// applied back:
//
//	{
//	  "count": 1,
//	  "threshold": 0.48,
//	  "duplicates": 0,      // wordings paired with an earlier one of the same content words
//	  "skipped": 0,         // buckets of more than max_bucket wordings, not compared
//	  "max_bucket": 50,
//	  "suggestions": [{"a": "china-only-defence-pact", "b": "dprk-only-china-defence-pact",
//	                   "kind": "same", "score": 0.68, "reasons": ["..."],
//	                   "a_text": "...", "b_text": "...", "decision": ""}]
//	}
//
// "kind" is "same" or "contradiction". To decide, set "decision" to
// "same_as", "distinct_from" or "contradicts" (or "supports"), leave it ""
// to skip a pair, and run with --apply: the decided pairs become relations
// with asserted_by NAME (default "claimgraph similar"), applied all or
// none, and the graph is saved atomically to OUT (default FILE itself).
// A YAML FILE saved to YAML is changed in its text as edit changes it
// (graph.EditYAMLTo): its comments, blank lines and layout stay, and the
// new relations are added at the end of its relations; JSON, JSON Lines
// and RDF files, which have no comments, are written whole, each in the
// format OUT's name says (.json, .jsonl, .nq, .ttl, else YAML), as every
// command reads it: an RDF file as export writes it, with the default
// base and graph.
// With --apply and --json it prints {"applied": N, "output": "OUT"}.
// The flags of one form are refused in the other, exit 2, rather than
// ignored: -o and --by without --apply, --threshold and --top with it
// (the decisions file says which pairs to record, whatever their score).
// A decision the graph refuses is reported naming the decisions file and
// the suggestion, by its index from 1: "DECISIONS.json: suggestion 2
// (a ~ b): relation ...", every one of them, and nothing is written. So
// are an unknown decision and decisions that contradict each other, or
// the graph, through same_as (a same_as b, b contradicts c, a supports
// c: match.Conflicts). A decisions file that is not such a report (bad
// JSON, a key it does not have, such as a misspelt "decision", a key
// given twice, a value of the wrong type, invalid UTF-8) is reported at
// its DECISIONS.json:LINE:COL (sidejson.go).
package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/match"
)

type similarJSON struct {
	A        string   `json:"a"`
	B        string   `json:"b"`
	Kind     string   `json:"kind"`
	Score    float64  `json:"score"`
	Reasons  []string `json:"reasons"`
	AText    string   `json:"a_text"`
	BText    string   `json:"b_text"`
	Decision string   `json:"decision"`
}

// pair names the claims of s as messages name a suggestion, "a ~ b",
// each cut (claims.Cut): a decisions file may name claims of any length.
func (s similarJSON) pair() string { return claims.Cut(s.A) + " ~ " + claims.Cut(s.B) }

type similarReport struct {
	Count     int     `json:"count"`
	Threshold float64 `json:"threshold"`
	// Duplicates counts the wordings paired with an earlier wording of
	// the same content words; Skipped the buckets of more than MaxBucket
	// wordings whose pairs were not compared (match.Stats).
	Duplicates  int           `json:"duplicates"`
	Skipped     int           `json:"skipped"`
	MaxBucket   int           `json:"max_bucket"`
	Suggestions []similarJSON `json:"suggestions"`
}

func runSimilar(e *env, args []string) int {
	fs, asJSON := newFlags("similar", e)
	threshold := fs.Float64("threshold", match.DefaultThreshold, "lowest score suggested, in (0, 1]")
	top := fs.Int("top", 20, "at most this many suggestions; 0 for all")
	apply := fs.String("apply", "", "record the decisions of this edited --json output")
	out := fs.String("o", "", "with --apply: file to save the graph to (default FILE)")
	by := fs.String("by", "claimgraph similar", "with --apply: who decided, recorded as asserted_by")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) != 1 {
		return e.usageError("similar", "want 1 argument, FILE; got %d", len(pos))
	}
	if !(*threshold > 0 && *threshold <= 1) { // NaN fails both
		return e.usageError("similar", "--threshold %g: want a number in (0, 1]", *threshold)
	}
	if *top < 0 {
		return e.usageError("similar", "--top %d: want 0 or more", *top)
	}
	if *apply == "" && *out != "" {
		return e.usageError("similar", "-o needs --apply: the suggestions are printed, not saved")
	}
	if *apply == "" && given(fs, "by") {
		return e.usageError("similar", "--by needs --apply: it names who decided the pairs --apply records")
	}
	for _, f := range []string{"threshold", "top"} {
		if *apply != "" && given(fs, f) {
			return e.usageError("similar", "--%s has no effect with --apply, which records the decisions of the file given, whatever their score", f)
		}
	}
	g, code := loadGraph(e, "similar", pos[0])
	if code != 0 {
		return code
	}
	if *apply != "" {
		return applyDecisions(e, g, pos[0], *apply, *out, *by, *asJSON)
	}
	got, st := match.Find(g.View, match.Options{Threshold: *threshold, Top: *top, MaxBucket: maxBucket})
	if *asJSON {
		rep := similarReport{
			Count: len(got), Threshold: *threshold, Duplicates: st.Duplicates, Skipped: st.Skipped, MaxBucket: maxBucket,
			Suggestions: make([]similarJSON, 0, len(got)),
		}
		for _, s := range got {
			rep.Suggestions = append(rep.Suggestions, similarJSON{
				A: s.A, B: s.B, Kind: s.Kind.String(), Score: round2(s.Score), Reasons: s.Reasons,
				AText: s.Texts[0], BText: s.Texts[1],
			})
		}
		if err := writeJSON(e.stdout, rep); err != nil {
			return e.fail("similar", err)
		}
		return 0
	}
	fmt.Fprintf(e.stdout, "%s at threshold %.2f\n", plural(len(got), "suggestion"), *threshold)
	if st.Skipped > 0 {
		fmt.Fprintf(e.stdout, "%s of more than %d wordings skipped: pairs that meet only there are not suggested\n",
			plural(st.Skipped, "bucket"), maxBucket)
	}
	for i, s := range got {
		fmt.Fprintf(e.stdout, "\n%d. %s %.2f: %s ~ %s\n", i+1, s.Kind, s.Score, s.A, s.B)
		wrap(e.stdout, "   a: ", "      ", s.Texts[0])
		wrap(e.stdout, "   b: ", "      ", s.Texts[1])
		for _, r := range s.Reasons {
			wrap(e.stdout, "   - ", "     ", r)
		}
	}
	return 0
}

// maxBucket is match.Options.MaxBucket as similar uses it, the default,
// named so that what it reports says the number.
const maxBucket = 50

func round2(x float64) float64 { return float64(int(x*100+0.5)) / 100 }

// applyDecisions records the decisions of the edited report at path in
// g, read from file, and saves g to out (default file).
func applyDecisions(e *env, g *graph.Graph, file, path, out, by string, asJSON bool) int {
	rep, err := readDecisions(path)
	if err != nil {
		return e.fail("similar", err)
	}
	var ds []match.Decision
	var from []int         // the index of each decision's suggestion, from 1
	at := map[string]int{} // "A -> B" -> the index of its suggestion, from 1
	bad := 0
	for i, s := range rep.Suggestions {
		if s.Decision == "" {
			continue
		}
		k, err := claims.ParseRelationKind(s.Decision)
		if err != nil {
			e.fail("similar", fmt.Errorf("%s: suggestion %d (%s): %w", path, i+1, s.pair(), err))
			bad++
			continue
		}
		// A pair decided again would be refused by the graph under
		// the relation's ID, which names the first decision.
		id := s.A + " -> " + s.B
		if at[id] > 0 {
			e.fail("similar", fmt.Errorf("%s: suggestion %d (%s): decided again: suggestion %d decides it", path, i+1, s.pair(), at[id]))
			bad++
			continue
		}
		ds = append(ds, match.Decision{A: s.A, B: s.B, Kind: k, By: by})
		from = append(from, i+1)
		at[id] = i + 1
	}
	// Decisions that contradict each other, or the graph, through
	// same_as are refused as a pair both supported and contradicted is.
	refused := map[int]bool{} // the suggestions refused so far, by index from 1
	for _, c := range match.Conflicts(g.View, ds) {
		e.fail("similar", fmt.Errorf("%s: suggestion %d (%s): %s", path, from[c.Decision], similarJSON{A: c.A, B: c.B}.pair(), c.Why))
		bad++
		refused[from[c.Decision]] = true
	}
	// The graph's own refusals (an unknown claim, a pair related
	// already) are found here, in memory and beside the others, not once
	// the file is read again to be written. All or nothing: g changes
	// only when it takes every decision.
	b := match.Decide(ds)
	if len(ds) > 0 {
		if err := g.Apply(b); err != nil {
			msgs, n := decisionProblems(path, rep.Suggestions, at, err, refused)
			for _, m := range msgs {
				e.fail("similar", errors.New(m))
			}
			bad += n
		}
	}
	if bad > 0 {
		fmt.Fprintf(e.stderr, "claimgraph similar: %s refused; nothing written\n", plural(bad, "decision"))
		return 1
	}
	if len(ds) == 0 {
		// Nothing decided: the file is left as it is, comments and all.
		return e.fail("similar", fmt.Errorf("%s: no suggestion has a decision (same_as or distinct_from); nothing written", path))
	}
	if out == "" {
		out = file
	}
	if err := saveDecisions(g, file, out, b, e.readOptions()); err != nil {
		msgs, _ := decisionProblems(path, rep.Suggestions, at, err, nil)
		for _, m := range msgs {
			e.fail("similar", errors.New(m))
		}
		return 1
	}
	if asJSON {
		if err := writeJSON(e.stdout, map[string]any{"applied": len(ds), "output": out}); err != nil {
			return e.fail("similar", err)
		}
		return 0
	}
	fmt.Fprintf(e.stdout, "recorded %s in %s\n", plural(len(ds), "decision"), out)
	return 0
}

// readDecisions reads the edited report at path. A problem is reported
// at its PATH:LINE:COL, and a key the report does not have is one: a
// misspelt "decision" would leave its pair undecided, unsaid.
func readDecisions(path string) (similarReport, error) {
	var rep similarReport
	s, err := readSideJSON(path)
	if err == nil {
		err = s.decode(&rep)
	}
	return rep, err
}

// saveDecisions saves g, read from file and changed by b, to out. From a
// YAML file to a YAML file the change is made in the text, as edit makes
// it (graph.EditYAMLTo), so that comments and layout stay; JSON, JSON
// Lines and RDF have no comments to keep, and g is saved whole in out's
// format (saveGraph). o holds the limits file is read within.
func saveDecisions(g *graph.Graph, file, out string, b graph.Batch, o graph.ReadOptions) error {
	if isYAML(file) && isYAML(out) {
		return o.EditYAMLTo(file, out, b)
	}
	return saveGraph(g, out)
}

// isYAML reports whether the graph file at path is YAML, by its name, as
// graph.Open and env.open read it.
func isYAML(path string) bool {
	_, rdf := rdfSyntax[filepath.Ext(path)]
	return !rdf && !strings.HasSuffix(path, ".json") && !strings.HasSuffix(path, ".jsonl")
}

// decisionProblems returns, for a problem that applying the decisions
// of the file at path met, one message a problem, each naming the
// suggestion of the relation at fault by its index from 1, as the
// suggestion's own problems are named (at maps a relation's "A -> B" to
// it): "bad.json: suggestion 2 (a ~ nope): relation "a -> nope": to:
// unknown claim "nope"", and the number of decisions refused (a problem
// that names none counts as one). The problems of a suggestion in
// refused, reported already, are left out. The decisions file is read
// without positions, so the index stands for one. An error that is no
// list of problems (FILE unreadable, OUT not written) is not the
// decisions file's: it is returned as it is, naming its file.
func decisionProblems(path string, sugs []similarJSON, at map[string]int, err error, refused map[int]bool) ([]string, int) {
	var list graph.ErrorList
	if !errors.As(err, &list) {
		return []string{err.Error()}, 1
	}
	var msgs []string
	n := 0
	named := map[int]bool{}
	for _, x := range list {
		m := x.Message()
		switch i := at[x.ID]; {
		case i > 0 && refused[i]:
			continue
		case i > 0:
			m = fmt.Sprintf("suggestion %d (%s): %s", i, sugs[i-1].pair(), m)
			if !named[i] {
				named[i] = true
				n++
			}
		default:
			n++
		}
		msgs = append(msgs, path+": "+m)
	}
	return msgs, n
}
