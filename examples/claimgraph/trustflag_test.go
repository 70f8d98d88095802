package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/explore"
	"github.com/claimgraph/claimgraph/graph/verdict"
)

// trustC is the start of the graphs of these tests: claim c, from
// 2024, backed by one video alone.
const trustC = `claimgraph: 1
entities:
  - {id: x, name: X, kind: country}
claims:
  - id: c
    text: C holds from 2024.
    about: [x]
    valid_from: 2024-01-01
    appearances: [{source: video}]
`

// trustYAML: c and d, its rival, backed by one newspaper, which a later
// article relays (one origin). Without trust the two tie (1 against 1):
// both undecided, Mixed. With the video trusted 0.95 and every other
// source at the default 0.5, c outweighs d (0.95 against 0.5) and,
// backed by a primary source of established trust, is rated True; the
// late article's repetition of d is then superseded by c.
const trustYAML = trustC + `  - id: d
    text: D, its rival.
    about: [x]
    appearances: [{source: paper}, {source: late, via: paper}]
sources:
  - {id: video, kind: video}
  - {id: paper, kind: news-article, published: 2023-05-01}
  - {id: late, kind: news-article, published: 2025-02-01, derived_from: [{source: paper, kind: quotes}]}
relations:
  - {from: c, to: d, kind: contradicts}
`

// trustOldYAML is trustYAML before d was added: c alone, for diff,
// and a source that trustYAML dropped.
const trustOldYAML = trustC + `sources:
  - {id: video, kind: video}
  - {id: gone, kind: news-article}
`

// trustFiles writes trustYAML and a --trust file giving the video 0.95.
func trustFiles(t *testing.T) (graphFile, trustFile string) {
	t.Helper()
	dir := t.TempDir()
	graphFile, trustFile = filepath.Join(dir, "g.yaml"), filepath.Join(dir, "t.json")
	for path, text := range map[string]string{graphFile: trustYAML, trustFile: `{"video": 0.95}`} {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return graphFile, trustFile
}

// TestTrustRatesPrimaryTrue: c, backed only by a video, is rated True by
// verdicts with --trust giving the video 0.95, and Mixed without.
func TestTrustRatesPrimaryTrue(t *testing.T) {
	g, tf := trustFiles(t)
	rating := func(args ...string) (label, name string) {
		var rep verdictsReport
		runJSON(t, &rep, append([]string{"verdicts", g, "--json"}, args...)...)
		for _, v := range rep.Verdicts {
			if v.Claim == "c" {
				return v.Label, v.Rating.Name
			}
		}
		t.Fatalf("no verdict of c")
		return "", ""
	}
	if l, r := rating(); l != "undecided" || r == verdict.RatingTrue.Name {
		t.Errorf("without --trust: c %s, %s; want undecided, not True", l, r)
	}
	if l, r := rating("--trust", tf); l != "accepted" || r != verdict.RatingTrue.Name {
		t.Errorf("with --trust: c %s, %s; want accepted, True", l, r)
	}
}

// TestTrustWiring: every path that weighs evidence on its own weighs it
// with --trust: each case fails if its command ignores the flag.
func TestTrustWiring(t *testing.T) {
	g, tf := trustFiles(t)
	old := writeTemp(t, "old.yaml", trustOldYAML)
	for _, tt := range []struct {
		name string
		args []string
		code int
		has  string // what the output holds with --trust, and not without

	}{
		{"queue", []string{"queue", g, "--json"}, 0, `"suggested": "True"`},
		{"export jsonld", []string{"export", g, "--format", "jsonld", "--review-url", "https://e.org/r/", "--author", "D", "--claims", "c"}, 0, `"ratingValue": 5`},
		{"report", []string{"report", g}, 0, "accepted, True (5/5)"},
		{"about", []string{"about", g, "x"}, 0, "accepted, True (5/5)"},
		{"draw", []string{"draw", g}, 0, "[ACCEPTED]"},
		{"trust", []string{"trust", g, "--json"}, 0, `"verdict": "accepted"`},
		{"stale", []string{"stale", g}, 0, "superseded by c"},
	} {
		with := runCmd(t, tt.code, append(tt.args, "--trust", tf)...)
		without := runCmd(t, tt.code, tt.args...)
		if !strings.Contains(with, tt.has) || strings.Contains(without, tt.has) {
			t.Errorf("%s: %q with --trust: %v, without: %v; want only with", tt.name, tt.has,
				strings.Contains(with, tt.has), strings.Contains(without, tt.has))
		}
	}
	// diff weighs OLD and NEW with the same trust: c is True in both, so
	// only d's arrival is a change. Without trust c goes from accepted
	// to undecided; with trust on one side only it would change too.
	changed := func(args ...string) []string {
		var rep diffReport
		var out, errb bytes.Buffer
		if code := run(append([]string{"diff", old, g, "--json"}, args...), &out, &errb); code != 1 {
			t.Fatalf("diff: exit %d, want 1; stderr %s", code, errb.String())
		}
		if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, v := range rep.Verdicts {
			ids = append(ids, v.Claim+": "+v.Old.Rating+" → "+v.New.Rating)
		}
		return ids
	}
	if got := changed("--trust", tf); len(got) != 1 || !strings.HasPrefix(got[0], "d: ") {
		t.Errorf("diff --trust: %q, want d's change alone", got)
	}
	if got := changed(); len(got) != 2 {
		t.Errorf("diff: %q, want c's and d's changes", got)
	}
}

// TestTrustExplorer: html and serve build the page with the verdicts of
// --trust: html's page is that of explore.Build with the trust, and
// serve's differs from the page it serves without it.
func TestTrustExplorer(t *testing.T) {
	g, tf := trustFiles(t)
	file, err := graph.Open(g)
	if err != nil {
		t.Fatal(err)
	}
	m, err := explore.Build(file, explore.Options{File: g, Verdict: verdict.Options{Trust: map[string]float64{"video": 0.95}}})
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := m.WriteHTML(&want); err != nil {
		t.Fatal(err)
	}
	if got := runCmd(t, 0, "html", g, "--trust", tf); got != want.String() {
		t.Errorf("html --trust: not the page of the verdicts with the trust")
	}
	if got := runCmd(t, 0, "html", g); got == want.String() {
		t.Errorf("html: the page without --trust is that with it; the test shows nothing")
	}
	page := func(args ...string) string {
		e := &env{stdout: io.Discard, stderr: io.Discard}
		cfg, code := serveArgs(e, append([]string{g}, args...))
		if code != 0 {
			t.Fatalf("serve %v: exit %d", args, code)
		}
		s := &server{cfg: cfg, log: io.Discard}
		s.cfg.opts.File, s.cfg.opts.Live = cfg.file, true
		_, body := serveGet(t, s, "/")
		return body
	}
	if page("--trust", tf) == page() {
		t.Errorf("serve --trust: the page is that without --trust")
	}
}

// TestTrustPipeline: the document of trust --json is a --trust file:
// verdicts weighed by it are those of verdict.Compute with the trust of
// its "sources".
func TestTrustPipeline(t *testing.T) {
	chdirRoot(t)
	needKimPutin(t)
	doc := runCmd(t, 0, "trust", defaultFile, "--json")
	tf := writeTemp(t, "t.json", doc)
	var rep trustReport
	if err := json.Unmarshal([]byte(doc), &rep); err != nil {
		t.Fatal(err)
	}
	trust := map[string]float64{}
	for _, s := range rep.Sources {
		trust[s.Source] = s.Trust
	}
	if len(trust) == 0 {
		t.Fatal("trust --json gave no source a trust")
	}
	g, err := graph.Open(defaultFile)
	if err != nil {
		t.Fatal(err)
	}
	r, err := verdict.Compute(g.View, verdict.Options{Trust: trust})
	if err != nil {
		t.Fatal(err)
	}
	plain, err := verdict.Compute(g.View, verdict.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got verdictsReport
	runJSON(t, &got, "verdicts", defaultFile, "--json", "--trust", tf)
	if len(got.Verdicts) != len(r.Verdicts) {
		t.Fatalf("%d verdicts, want %d", len(got.Verdicts), len(r.Verdicts))
	}
	moved := 0
	for i, v := range got.Verdicts {
		want := r.Verdicts[i]
		if v.Claim != want.Claim || v.Label != want.Label.String() || v.Rating.Name != want.Rating.Name {
			t.Errorf("%s: %s, %s; want %s, %s", v.Claim, v.Label, v.Rating.Name, want.Label, want.Rating.Name)
		}
		if want.Rating != plain.Verdicts[i].Rating {
			moved++
		}
	}
	if moved == 0 {
		t.Errorf("the trust of trust --json moves no rating: the test shows nothing")
	}
}

// TestTrustFileErrors: every problem of a --trust file exits 2 with
// its place in the file and the ID at fault, before any output.
func TestTrustFileErrors(t *testing.T) {
	g, _ := trustFiles(t)
	aliased := writeTemp(t, "merged.yaml", strings.Replace(trustYAML, "{id: video, kind: video}", "{id: video, kind: video, merged: [clip]}", 1))
	for _, tt := range []struct {
		name, json string
		graph      string // "" for g
		want       []string
	}{
		{"§ malformed", "{\n  \"video\": 0.9,\n  \"paper\" 1\n}", "", []string{"t.json:3:11", "invalid character"}},
		{"§ empty", "", "", []string{"t.json:1:1", "unexpected end of JSON input"}},
		{"§ not an object", "[0.9]", "", []string{"t.json:1:1", "want an object of source ID to trust"}},
		{"§ above 1", "{\n \"video\": 1.5}", "", []string{"t.json:2:2", `source "video"`, "not a number in [0, 1]: 1.5"}},
		{"§ negative", `{"video": -0.1}`, "", []string{"t.json:1:2", `source "video"`, "-0.1"}},
		{"§ NaN", `{"video": "NaN"}`, "", []string{"t.json:1:2", `source "video"`, `not a number in [0, 1]: "NaN"`}},
		{"§ Inf", `{"video": 1e400}`, "", []string{"t.json:1:2", `source "video"`, "1e400"}},
		{"§ null", `{"video": null}`, "", []string{`source "video"`, "null"}},
		{"§ twice", `{"video": 0.9, "video": 0.8}`, "", []string{"t.json:1:16", `source "video"`, "given twice: first at", "t.json:1:2"}},
		{"§ unknown", "{\"video\": 0.9,\n \"tass\": 0.8}", "", []string{"t.json:2:2", `source "tass"`, "not a source of the graph: no such ID"}},
		{"§ entity", `{"x": 0.8}`, "", []string{`source "x"`, "the ID of an entity, not of a source"}},
		{"§ claim", `{"c": 0.8}`, "", []string{`source "c"`, "the ID of a claim, not of a source"}},
		{"§ merged", `{"clip": 0.8}`, aliased, []string{`source "clip"`, "merged into video: give the trust of video"}},
		{"§ document unknown", "{\"sources\": [\n  {\"source\": \"tass\", \"trust\": 0.5}]}", "", []string{"t.json:2:3", `source "tass"`}},
		{"§ document bad trust", `{"sources": [{"source": "video", "trust": 2}]}`, "", []string{"t.json:1:14", `source "video"`, "not a number in [0, 1]: 2"}},
		{"§ document entry", `{"sources": [{"trust": 0.5}]}`, "", []string{"t.json:1:14", `each entry of "sources"`}},
		{"§ null document", `null`, "", []string{"t.json:1:1", "want an object of source ID to trust"}},
		{"§ sources twice", "{\"sources\": [{\"source\": \"video\", \"trust\": 0.9}],\n \"sources\": [{\"source\": \"paper\", \"trust\": 0.9}]}", "", []string{"t.json:2:2", `given twice: key "sources"; first at t.json:1:2`}},
		{"§ sources number then list", `{"sources": 5, "sources": [{"source": "video", "trust": 0.9}]}`, "", []string{"t.json:1:16", `given twice: key "sources"`}},
		{"§ document trust twice", `{"sources": [{"source": "video", "trust": 0.9, "trust": 0.1}]}`, "", []string{"t.json:1:48", `given twice: key "trust"; first at t.json:1:34`}},
		{"§ document source twice", `{"sources": [{"source": "video", "source": "paper", "trust": 0.9}]}`, "", []string{"t.json:1:34", `given twice: key "source"; first at t.json:1:15`}},
		{"§ document key case", `{"sources": [{"Source": "video", "trust": 0.9}]}`, "", []string{"t.json:1:14", `each entry of "sources"`}},
	} {
		tf := writeTemp(t, "t.json", tt.json)
		file := g
		if tt.graph != "" {
			file = tt.graph
		}
		var out, errb bytes.Buffer
		code := run([]string{"verdicts", file, "--trust", tf}, &out, &errb)
		msg := strings.ReplaceAll(errb.String(), tf, "t.json")
		bad := code != 2 || out.Len() > 0
		for _, w := range tt.want {
			bad = bad || !strings.Contains(msg, w)
		}
		if bad {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want 2 and %q", tt.name, code, out.String(), msg, tt.want)
		}
	}
}

// TestTrustFileBOM: a --trust file that starts with a UTF-8 byte-order
// mark is read as without it, as graph files are.
func TestTrustFileBOM(t *testing.T) {
	g, tf := trustFiles(t)
	bom := writeTemp(t, "bom.json", "\uFEFF{\"video\": 0.95}")
	var want, got, errb bytes.Buffer
	if code := run([]string{"verdicts", g, "--json", "--trust", tf}, &want, &errb); code != 0 {
		t.Fatalf("without BOM: exit %d: %s", code, errb.String())
	}
	if code := run([]string{"verdicts", g, "--json", "--trust", bom}, &got, &errb); code != 0 || got.String() != want.String() {
		t.Errorf("with BOM: exit %d, stderr %q; want 0 and the verdicts of the file without it", code, errb.String())
	}
}

// TestTrustEveryCommand: every command that takes --trust checks its
// IDs against the graph (exit 2 naming the unknown source), and the
// others refuse the flag; diff accepts an ID of NEW alone, and refuses
// one of neither file.
func TestTrustEveryCommand(t *testing.T) {
	g, _ := trustFiles(t)
	old := writeTemp(t, "old.yaml", trustOldYAML)
	bad := writeTemp(t, "bad.json", `{"video": 0.9, "tass": 0.5}`)
	takes := map[string][]string{
		"about": {g, "x"}, "contradictions": {g, "c"}, "support": {g, "c"}, "sources": {g, "c"},
		"report": {g}, "queue": {g}, "draw": {g}, "trust": {g}, "verdicts": {g}, "stale": {g},
		"diff": {old, g}, "html": {g}, "serve": {g},
		"export": {g, "--format", "jsonld", "--review-url", "https://e.org/r/", "--author", "D"},
	}
	for _, c := range commands {
		args, ok := takes[c.name]
		if !ok {
			args = []string{g}
		}
		var out, errb bytes.Buffer
		code := run(append([]string{c.name, "--trust", bad}, args...), &out, &errb)
		want := `source "tass": not a source of the graph`
		if !ok {
			want = "flag provided but not defined: -trust"
		}
		if code != 2 || !strings.Contains(errb.String(), want) {
			t.Errorf("%s --trust: exit %d, stderr %q; want 2 and %q", c.name, code, errb.String(), want)
		}
	}
	if len(takes) != 14 {
		t.Errorf("%d commands listed as taking --trust", len(takes))
	}
	// Where no computed verdict is weighed, --trust is a usage error.
	good := writeTemp(t, "good.json", `{"video": 0.95}`)
	labels := writeTemp(t, "labels.json", `{"c": "accepted"}`)
	triples := writeTemp(t, "t.tsv", tinyTriples)
	for _, args := range [][]string{
		{"export", g, "--format", "json"},
		{"export", g, "--format", "jsonld", "--review-url", "https://e.org/r/", "--author", "D", "--verdicts", labels},
		{"draw", g, "--verdicts", labels},
		{"trust", "--triples", triples},
	} {
		var out, errb bytes.Buffer
		if code := run(append(args, "--trust", good), &out, &errb); code != 2 || !strings.Contains(errb.String(), "--trust") {
			t.Errorf("%v --trust: exit %d, stderr %q; want 2 and a sentence on --trust", args, code, errb.String())
		}
	}
	// diff: "paper" is a source of NEW only, "gone" of OLD only.
	either := writeTemp(t, "either.json", `{"video": 0.95, "paper": 0.5, "gone": 0.5}`)
	runCmd(t, 1, "diff", old, g, "--trust", either)
}

// TestTrustEvidenceShown: under --trust the commands that print a
// claim's count of origins beside its verdict also print the weight of
// its evidence, which the count no longer says: a, in two sources
// trusted 0.1, is rejected by b, in one trusted 0.9, and "2 origins
// against 1" alone would read as the wrong way round. diff gives the
// weight's change when the count stands (b's source swapped for one
// trusted 0.1).
func TestTrustEvidenceShown(t *testing.T) {
	const head = `claimgraph: 1
sources:
  - {id: s1, kind: wire}
  - {id: s2, kind: wire}
  - {id: s3, kind: wire}
  - {id: s4, kind: wire}
claims:
  - id: a
    text: A holds.
    appearances: [{source: s1}, {source: s2}]
  - id: b
    text: A does not hold.
`
	const tail = `relations:
  - {from: a, to: b, kind: contradicts}
`
	old := writeTemp(t, "old.yaml", head+"    appearances: [{source: s3}]\n"+tail)
	changed := writeTemp(t, "new.yaml", head+"    appearances: [{source: s4}]\n"+tail)
	tf := writeTemp(t, "t.json", `{"s1": 0.1, "s2": 0.1, "s3": 0.9, "s4": 0.1}`)
	for _, args := range [][]string{
		{"report", old},
		{"contradictions", old, "a"},
		{"contradictions", old, "b"},
	} {
		with := runCmd(t, 0, append(args, "--trust", tf)...)
		for _, want := range []string{"independent_origins: 2; verdict: rejected, False (1/5), evidence 0.2]", "independent_origins: 1; verdict: accepted, Unproven (3/5), evidence 0.9]"} {
			if !strings.Contains(with, want) {
				t.Errorf("%v --trust: no %q in\n%s", args, want, with)
			}
		}
		if without := runCmd(t, 0, args...); strings.Contains(without, ", evidence ") {
			t.Errorf("%v without --trust prints the evidence, which its count says:\n%s", args, without)
		}
	}
	var rep struct {
		Claim struct {
			Values struct {
				Verdict columnVerdict `json:"verdict"`
			} `json:"column_values"`
		} `json:"claim"`
	}
	runJSON(t, &rep, "contradictions", old, "a", "--json", "--trust", tf)
	if got := rep.Claim.Values.Verdict.Evidence; got < 0.2-1e-9 || got > 0.2+1e-9 {
		t.Errorf("contradictions --json --trust: a's evidence %v, want 0.2", got)
	}
	out := runCmd(t, 1, "diff", old, changed, "--trust", tf)
	if want := "b: accepted → rejected: b changed (appearances); rejected by a, which contradicts it with more evidence; 1 independent origin (1 own), evidence 0.9 → 0.1"; !strings.Contains(out, want) {
		t.Errorf("diff --trust: no %q in\n%s", want, out)
	}
}
