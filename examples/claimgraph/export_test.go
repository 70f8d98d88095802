package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/claimreview"
	"github.com/claimgraph/claimgraph/graph/rdf"
	"github.com/google/go-cmp/cmp"
)

func TestExportFormats(t *testing.T) {
	file := writeTemp(t, "g.yaml", drawYAML)
	g, err := graph.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	var yamlWant bytes.Buffer
	if err := g.WriteYAML(&yamlWant); err != nil {
		t.Fatal(err)
	}
	triples := len(rdf.Triples(g.View, rdf.Options{}))
	tests := []struct {
		format string
		check  func(t *testing.T, out string)
	}{
		{"json", func(t *testing.T, out string) {
			back, err := graph.ReadJSON(strings.NewReader(out), "out.json")
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := back.WriteYAML(&got); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(yamlWant.String(), got.String()); diff != "" {
				t.Errorf("graph after export (-want +got):\n%s", diff)
			}
		}},
		{"nquads", func(t *testing.T, out string) {
			if n := strings.Count(out, " .\n"); n != triples {
				t.Errorf("%d statements, want %d", n, triples)
			}
		}},
		{"turtle", func(t *testing.T, out string) {
			if !strings.HasPrefix(out, "@prefix schema: <https://schema.org/> .") || !strings.Contains(out, "cg:contradicts") {
				t.Errorf("not the Turtle of the graph:\n%s", out)
			}
		}},
		{"dot", func(t *testing.T, out string) {
			// dot exports every claim, d included.
			if !strings.HasPrefix(out, "digraph") || !strings.Contains(out, `"d" [`) {
				t.Errorf("not the DOT of the graph:\n%s", out)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			code, out, errs := runInterchange(t, "export", file, "--format", tt.format)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			tt.check(t, out)
		})
	}
}

func TestExportJSONLD(t *testing.T) {
	file := writeTemp(t, "g.yaml", drawYAML)
	verdicts := writeTemp(t, "v.json", `{"b": {"name": "False", "value": 1, "alternateName": "Not so"}}`)
	out := filepath.Join(t.TempDir(), "r.jsonld")
	code, stdout, errs := runInterchange(t, "export", file, "--format", "jsonld", "--verdicts", verdicts,
		"--review-url", "https://fc.example/", "--author", "FC", "--date", "2025-09-10", "-o", out, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var rep exportReport
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("bad JSON %q: %v", stdout, err)
	}
	if want := (exportReport{Output: out, Format: "jsonld", Bytes: len(data)}); rep != want {
		t.Errorf("report %+v, want %+v", rep, want)
	}
	var doc claimreview.Document
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Graph) != 1 {
		t.Fatalf("%d reviews, want 1 (only b is rated)", len(doc.Graph))
	}
	r := doc.Graph[0]
	got := []string{r.URL, r.ClaimReviewed, r.DatePublished, r.ReviewRating.AlternateName, r.Author.Name}
	want := []string{"https://fc.example/b", "B claim", "2025-09-10", "Not so", "FC"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("review (-want +got):\n%s", diff)
	}
}

func TestExportErrors(t *testing.T) {
	file := writeTemp(t, "g.yaml", drawYAML)
	verdicts := writeTemp(t, "v.json", `{"zzz": {"value": 1}}`)
	badVerdicts := writeTemp(t, "bad.json", `{"a": {"value": 1, "colour": "red"}}`)
	jsonld := []string{"export", file, "--format", "jsonld", "--review-url", "https://fc.example/", "--author", "a"}
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"no format", []string{"export", file}, 2, "--format is required"},
		// Every format named, jsonl included, and the usage says what
		// jsonld needs (red team 8, finding 10d).
		{"unknown format", []string{"export", file, "--format", "xml"}, 2, `unknown --format "xml": want json, jsonl, jsonld, nquads, turtle or dot`},
		{"usage of jsonld", []string{"export", file, "--format", "xml"}, 2, `--format jsonld --review-url URL --author NAME`},
		{"no file", []string{"export", "--format", "json"}, 2, "want one FILE"},
		{"json without -o", []string{"export", file, "--format", "json", "--json"}, 2, "--json needs -o"},
		{"jsonld without author", []string{"export", file, "--format", "jsonld"}, 2, "needs --review-url and --author"},
		{"bad date", append(jsonld, "--verdicts", verdicts, "--date", "2025-13"), 2, `invalid value "2025-13" for flag -date`},
		{"unknown claim", append(jsonld, "--verdicts", verdicts), 1, "zzz"},
		{"unknown verdict field", append(jsonld, "--verdicts", badVerdicts), 1, "colour"},
		{"relative review URL", []string{"export", file, "--format", "jsonld", "--review-url", "claims/", "--author", "a"}, 2,
			`--review-url "claims/" is not an absolute http or https address`},
		{"bad at", append(jsonld, "--at", "June"), 2, `invalid value "June" for flag -at`},
		{"unknown named claim", append(jsonld, "--claims", "zzz"), 1, "zzz"},
		{"missing graph", []string{"export", filepath.Join(t.TempDir(), "none.yaml"), "--format", "json"}, 1, "none.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := runInterchange(t, tt.args...)
			if code != tt.code || !strings.Contains(errs, tt.msg) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errs, tt.code, tt.msg)
			}
		})
	}
}

// TestRDFRoundTrip exports the seed data set as N-Quads and Turtle and
// imports each back: the YAML is the seed's, less the inference records
// the RDF mapping does not hold.
func TestRDFRoundTrip(t *testing.T) {
	g, err := graph.Load(seedFile)
	if err != nil {
		t.Skip("seed data set not loaded: ", err)
	}
	dir := t.TempDir()
	var want string
	for _, format := range []string{"nquads", "turtle"} {
		out := filepath.Join(dir, "seed."+format)
		if code, _, errs := runInterchange(t, "export", seedFile, "--format", format, "-o", out); code != 0 {
			t.Fatalf("export %s: exit %d: %s", format, code, errs)
		}
		code, yaml, errs := runInterchange(t, "import", "--from", format, out)
		if code != 0 {
			t.Fatalf("import %s: exit %d: %s", format, code, errs)
		}
		back, err := graph.ReadYAML(strings.NewReader(yaml), "back.yaml")
		if err != nil {
			t.Fatal(err)
		}
		if c, b := g.Counts(), back.Counts(); c != b {
			t.Errorf("%s: counts %+v after the round trip, want %+v", format, b, c)
		}
		// Every command reads a .nq or .ttl file as it reads the YAML.
		ext := map[string]string{"nquads": ".nq", "turtle": ".ttl"}[format]
		if err := os.Rename(out, out+ext); err != nil {
			t.Fatal(err)
		}
		code, json, errs := runInterchange(t, "export", out+ext, "--format", "json")
		if code != 0 {
			t.Fatalf("export %s --format json: exit %d: %s", out+ext, code, errs)
		}
		if back, err := graph.ReadJSON(strings.NewReader(json), "back.json"); err != nil || back.Counts() != g.Counts() {
			t.Errorf("export %s --format json: %v, counts %+v", out+ext, err, g.Counts())
		}
		if want == "" {
			want = yaml
		} else if diff := cmp.Diff(want, yaml); diff != "" {
			t.Errorf("turtle and nquads give different graphs (-nquads +turtle):\n%s", diff)
		}
	}
}

// TestExportBadIRIs checks that --base and --graph values that would
// make output an RDF parser rejects exit 2 with a message and no output.
func TestExportBadIRIs(t *testing.T) {
	file := writeTemp(t, "g.yaml", drawYAML)
	for _, args := range [][]string{{"--base", "kp"}, {"--graph", "_:g"}, {"--base", "https://ex.org/a b/"}} {
		for _, format := range []string{"nquads", "turtle"} {
			code, out, errs := runInterchange(t, append([]string{"export", file, "--format", format}, args...)...)
			if code != 2 || out != "" || !strings.Contains(errs, "rdf: invalid option: ") {
				t.Errorf("%s %v: exit %d, %d bytes out, stderr %q; want exit 2, nothing and a message", format, args, code, len(out), errs)
			}
		}
	}
}

// TestExportSeedReviews: on the seed data, ClaimReview export publishes
// only the contested claims unless claims are named; the first
// appearance of kim-putin-met-beijing is the Reuters item dated
// 2025-09-03, not an article dated only 2025.
func TestExportSeedReviews(t *testing.T) {
	reviews := func(args ...string) []claimreview.Review {
		t.Helper()
		args = append([]string{"export", seedFile, "--format", "jsonld", "--review-url", "https://fc.example/c/", "--author", "FC", "--date", "2025-09-10"}, args...)
		code, out, errs := runInterchange(t, args...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		var doc claimreview.Document
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		return doc.Graph
	}
	g, err := graph.Load(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	contested := map[string]bool{}
	for r := range g.ContradictionPairs() {
		contested[r.From], contested[r.To] = true, true
	}
	all := reviews()
	if len(all) == 0 || len(all) >= g.Counts().Claims {
		t.Errorf("%d reviews of %d claims, want those of the contested claims", len(all), g.Counts().Claims)
	}
	for _, r := range all {
		id := strings.TrimPrefix(r.URL, "https://fc.example/c/")
		if !contested[id] {
			t.Errorf("review of uncontested claim %s", id)
		}
	}
	met := reviews("--claims", "kim-putin-met-beijing")
	if len(met) != 1 {
		t.Fatalf("%d reviews, want 1", len(met))
	}
	f := met[0].ItemReviewed.FirstAppearance
	if f == nil || f.DatePublished != "2025-09-03" || f.Publisher == nil || f.Publisher.Name != "Reuters" {
		t.Errorf("first appearance %+v, want the Reuters item of 2025-09-03", f)
	}
	// As of 2025-09-03 the "only pact" claim no longer holds: off the
	// scale, not reviewed even when named.
	code, _, errs := runInterchange(t, "export", seedFile, "--format", "jsonld", "--review-url", "https://fc.example/c/",
		"--author", "FC", "--at", "2025-09-03", "--claims", "china-only-defence-pact")
	if code != 1 || !strings.Contains(errs, "not rated") {
		t.Errorf("named claim off the scale: exit %d, %s", code, errs)
	}
}

// datedYAML: two dated articles and a post contradicting them.
const datedYAML = `claimgraph: 1
sources:
  - {id: agency, kind: news-article, published: 2024-06-19}
  - {id: paper, kind: news-article, published: 2024-06-20}
  - {id: post, kind: social-post, published: 2025-09-03}
claims:
  - {id: treaty, text: A treaty was signed., appearances: [{source: agency}, {source: paper}]}
  - {id: only, text: The only pact is another., appearances: [{source: post}]}
  - {id: alone, text: Nothing against it., appearances: [{source: paper}]}
relations:
  - {from: treaty, to: only, kind: contradicts}
`

// reviewDates runs export --format jsonld on file with args and returns
// the output and the datePublished of each review by claim ID ("-" for
// none).
func reviewDates(t *testing.T, file string, args ...string) (string, map[string]string) {
	t.Helper()
	args = append([]string{"export", file, "--format", "jsonld", "--review-url", "https://fc.example/", "--author", "FC"}, args...)
	code, out, errs := runInterchange(t, args...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errs)
	}
	var doc struct {
		Graph []map[string]any `json:"@graph"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	dates := map[string]string{}
	for _, r := range doc.Graph {
		d, ok := r["datePublished"].(string)
		if !ok {
			d = "-"
		}
		dates[strings.TrimPrefix(r["url"].(string), "https://fc.example/")] = d
	}
	return out, dates
}

// TestExportVerdictsIgnoresClaimsAndAt: with --verdicts, --claims was
// ignored (every claim of the file published) and --at silently changed
// nothing but which claims were known. --claims now narrows the file's
// verdicts as it narrows computed ones; --at, which dates computed
// verdicts, is refused with --verdicts.
func TestExportVerdictsIgnoresClaimsAndAt(t *testing.T) {
	file := writeTemp(t, "g.yaml", datedYAML)
	verdicts := writeTemp(t, "v.json", `{"treaty": {"value": 5}, "alone": {"value": 3}}`)
	if _, dates := reviewDates(t, file, "--verdicts", verdicts); len(dates) != 2 {
		t.Errorf("--verdicts: reviews of %v, want treaty and alone", dates)
	}
	if _, dates := reviewDates(t, file, "--verdicts", verdicts, "--claims", "alone"); len(dates) != 1 || dates["alone"] == "" {
		t.Errorf("--verdicts --claims alone: reviews of %v, want alone only", dates)
	}
	code, _, errs := runInterchange(t, "export", file, "--format", "jsonld", "--review-url", "https://fc.example/", "--author", "FC",
		"--verdicts", verdicts, "--claims", "only")
	if code != 1 || !strings.Contains(errs, `not rated`) || !strings.Contains(errs, `"only"`) {
		t.Errorf("--claims naming a claim the file does not rate: exit %d, %q; want 1 and not rated", code, errs)
	}
	code, out, errs := runInterchange(t, "export", file, "--format", "jsonld", "--review-url", "https://fc.example/", "--author", "FC",
		"--verdicts", verdicts, "--at", "2025")
	if code != 2 || out != "" || !strings.Contains(errs, "--at dates the verdicts computed from the graph") {
		t.Errorf("--verdicts --at: exit %d, %d bytes, %q; want 2, nothing and a sentence", code, len(out), errs)
	}
}

// TestExportDatePublishedToday: reviews were dated by the day of the
// run, so one file exported on two days gave two documents. A computed
// verdict is dated by the newest evidence it rests on (as of --at), one
// from --verdicts has no datePublished, and --date dates them all.
func TestExportDatePublishedToday(t *testing.T) {
	file := writeTemp(t, "g.yaml", datedYAML)
	first, dates := reviewDates(t, file)
	want := map[string]string{"treaty": "2025-09-03", "only": "2025-09-03"}
	if diff := cmp.Diff(want, dates); diff != "" {
		t.Errorf("computed verdicts' dates (-want +got):\n%s", diff)
	}
	if again, _ := reviewDates(t, file); again != first {
		t.Errorf("two runs on one file differ")
	}
	// As of 2025-01-01 the post of 2025-09-03 is not yet evidence.
	_, dates = reviewDates(t, file, "--at", "2025-01-01")
	want = map[string]string{"treaty": "2024-06-20", "only": "2024-06-20"}
	if diff := cmp.Diff(want, dates); diff != "" {
		t.Errorf("dates as of 2025-01-01 (-want +got):\n%s", diff)
	}
	verdicts := writeTemp(t, "v.json", `{"alone": {"value": 3}}`)
	if _, dates = reviewDates(t, file, "--verdicts", verdicts); dates["alone"] != "-" {
		t.Errorf("--verdicts without --date: datePublished %q, want none", dates["alone"])
	}
	if _, dates = reviewDates(t, file, "--verdicts", verdicts, "--date", "2025-10-01"); dates["alone"] != "2025-10-01" {
		t.Errorf("--verdicts --date 2025-10-01: datePublished %q", dates["alone"])
	}
}

// TestExportTrustWithPublishedReviews: a file with a published review
// exports that review as published, whatever --trust says, and --trust,
// taken silently, seemed to weigh it. Now a note on standard error says
// that it weighs no rating; a file of computed verdicts gets none, and
// its ratings move with the trust.
func TestExportTrustWithPublishedReviews(t *testing.T) {
	computed := writeTemp(t, "g.yaml", datedYAML)
	published := writeTemp(t, "p.yaml", strings.Replace(datedYAML,
		"{id: only, text: The only pact is another., appearances: [{source: post}]}",
		`{id: only, text: The only pact is another., appearances: [{source: post}], review: {status: published, rating: "False", date: 2025-09-04}}`, 1))
	trust := writeTemp(t, "t.json", `{"post": 1, "agency": 0.1, "paper": 0.1}`)
	tests := []struct {
		name, file string
		rating     string // of only, with --trust
		note       bool
	}{
		// only, of one post (a primary source) trusted 1, defeats
		// treaty of two at 0.1: True; the desk published False.
		{"computed", computed, "True", false},
		{"published", published, "False", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runInterchange(t, "export", tt.file, "--format", "jsonld", "--review-url", "https://fc.example/",
				"--author", "FC", "--trust", trust, "--claims", "only")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			var doc claimreview.Document
			if err := json.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatal(err)
			}
			if len(doc.Graph) != 1 || doc.Graph[0].ReviewRating.Name != tt.rating {
				t.Errorf("reviews %+v; want only rated %s", doc.Graph, tt.rating)
			}
			if note := strings.Contains(errs, "weighs no rating"); note != tt.note {
				t.Errorf("stderr %q: note %v, want %v", errs, note, tt.note)
			}
		})
	}
}

// TestExportAtWithPublishedReviews: --at dates the computed verdicts;
// a file whose published reviews rate its claims exports them as
// published, and --at, taken silently, seemed to date them. A note on
// standard error says so, as for --trust; computed verdicts get none.
func TestExportAtWithPublishedReviews(t *testing.T) {
	computed := writeTemp(t, "g.yaml", datedYAML)
	published := writeTemp(t, "p.yaml", strings.Replace(datedYAML,
		"{id: only, text: The only pact is another., appearances: [{source: post}]}",
		`{id: only, text: The only pact is another., appearances: [{source: post}], review: {status: published, rating: "False", date: 2025-09-04}}`, 1))
	for _, tt := range []struct {
		file string
		note bool
	}{{computed, false}, {published, true}} {
		code, _, errs := runInterchange(t, "export", tt.file, "--format", "jsonld", "--review-url", "https://fc.example/",
			"--author", "FC", "--at", "2024", "--claims", "only")
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", tt.file, code, errs)
		}
		if note := strings.Contains(errs, "--at 2024 dates no rating"); note != tt.note {
			t.Errorf("%s: stderr %q: note %v, want %v", tt.file, errs, note, tt.note)
		}
	}
}
