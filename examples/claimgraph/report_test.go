package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/evidence"
)

// updateGolden rewrites the golden files of the report and query tests:
// go test ./examples/claimgraph -run 'Golden' -update
var updateGolden = flag.Bool("update", false, "rewrite the golden files under testdata/")

// miniFile is the hand-written fixture of these tests, relative to the
// package directory.
const miniFile = "testdata/mini.yaml"

// chdirRoot changes the test's working directory to the module root, so
// that file names in the output are the short, stable ones the golden
// files hold, and returns the package directory's path relative to it.
func chdirRoot(t *testing.T) string {
	t.Helper()
	root, err := moduleRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	return "examples/claimgraph"
}

// needKimPutin skips a test when the shared data set is absent.
func needKimPutin(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(defaultFile); err != nil {
		t.Skipf("%s not present (it is written separately): %v", defaultFile, err)
	}
}

// runOK runs the command line args in-process, fails the test unless it
// exits 0 with nothing on stderr, and returns its output.
func runOK(t *testing.T, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	if code := run(args, &out, &errb); code != 0 || errb.Len() > 0 {
		t.Fatalf("claimgraph %s: exit %d, stderr:\n%s", strings.Join(args, " "), code, errb.String())
	}
	return out.String()
}

// golden compares got with the golden file testdata/name of the package
// at pkg (relative to the working directory), or rewrites it with -update.
func golden(t *testing.T, pkg, name, got string) {
	t.Helper()
	path := filepath.Join(pkg, "testdata", name)
	if *updateGolden {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the test with -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s differs (-want +got); if the change is right, run with -update:\n%s", path, diff)
	}
}

// checkWidth fails the test for every line of out wider than the page.
func checkWidth(t *testing.T, out string) {
	t.Helper()
	for i, line := range strings.Split(out, "\n") {
		if n := utf8.RuneCountInString(line); n > pageWidth {
			t.Errorf("line %d is %d columns wide (max %d): %q", i+1, n, pageWidth, line)
		}
	}
}

func TestReportGolden(t *testing.T) {
	pkg := chdirRoot(t)
	needKimPutin(t)
	text := runOK(t, "report", defaultFile)
	checkWidth(t, text)
	golden(t, pkg, "report.golden", text)
	golden(t, pkg, "report.json.golden", runOK(t, "report", defaultFile, "--json"))
}

// TestReportDefault checks that the report without arguments, and the tool
// without a command, find testdata/kim-putin.yaml from the package
// directory (the working directory of tests), far from the module root.
func TestReportDefault(t *testing.T) {
	root, err := moduleRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, defaultFile)); err != nil {
		t.Skipf("%s not present (it is written separately): %v", defaultFile, err)
	}
	bare := runOK(t)
	if !strings.HasPrefix(bare, "Report of "+defaultFile+"\n") {
		t.Errorf("report without arguments does not start with the default file's name:\n%.200s", bare)
	}
	if cmd := runOK(t, "report"); cmd != bare {
		t.Errorf("\"claimgraph report\" differs from \"claimgraph\"")
	}
	explicit := runOK(t, "report", filepath.Join(root, defaultFile))
	// Only the first line, the file's name, may differ.
	_, b1, _ := strings.Cut(bare, "\n")
	_, b2, _ := strings.Cut(explicit, "\n")
	if diff := cmp.Diff(b2, b1); diff != "" {
		t.Errorf("default report differs from the report of the explicit path (-want +got):\n%s", diff)
	}
}

// TestReportMini checks the report of the hand-written fixture against
// values worked out by reading testdata/mini.yaml.
func TestReportMini(t *testing.T) {
	out := runOK(t, "report", miniFile, "--json")
	var got struct {
		File           string         `json:"file"`
		Counts         map[string]int `json:"counts"`
		Contradictions []struct {
			Relation jsonRelation `json:"relation"`
			A, B     jsonClaim
		} `json:"contradictions"`
		MostSupported []struct {
			Claim      jsonClaim       `json:"claim"`
			Supporters int             `json:"supporters"`
			Chains     []jsonChainNode `json:"chains"`
		} `json:"most_supported"`
		Speakers []jsonSpeaker `json:"speakers"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v in\n%s", err, out)
	}
	// mini.yaml has 4 entities, 3 sources (paper-2 cites wire-1: one
	// derivation), 4 claims with 1+2+1+1 appearances, 2 supports and one
	// contradiction.
	wantCounts := map[string]int{"entities": 4, "sources": 3, "claims": 4, "appearances": 5,
		"supports": 2, "contradictions": 1, "derivations": 1}
	if diff := cmp.Diff(wantCounts, got.Counts); diff != "" {
		t.Errorf("counts (-want +got):\n%s", diff)
	}
	if got.File != miniFile {
		t.Errorf("file = %q, want %q", got.File, miniFile)
	}
	// The one contradiction: new-treaty (in wire-1 and paper-2) against
	// only-china (in paper-2), stated by paper-2.
	if len(got.Contradictions) != 1 {
		t.Fatalf("%d contradictions, want 1", len(got.Contradictions))
	}
	c := got.Contradictions[0]
	pair := []string{c.A.ID, sourceIDs(c.A), c.B.ID, sourceIDs(c.B), strings.Join(c.Relation.Sources, ",")}
	if diff := cmp.Diff([]string{"new-treaty", "wire-1,paper-2", "only-china", "paper-2", "paper-2"}, pair); diff != "" {
		t.Errorf("contradiction (-want +got):\n%s", diff)
	}
	// motorcade-seen supports summit-held supports new-treaty: new-treaty
	// has 2 transitive supporters, summit-held 1, the others none.
	var top []string
	for _, s := range got.MostSupported {
		top = append(top, s.Claim.ID)
		if s.Supporters != len(s.Chains) {
			t.Errorf("%s: %d supporters but %d chains", s.Claim.ID, s.Supporters, len(s.Chains))
		}
	}
	if diff := cmp.Diff([]string{"new-treaty", "summit-held"}, top); diff != "" {
		t.Errorf("most supported (-want +got):\n%s", diff)
	}
	// Official B speaks in new-treaty and summit-held, Analyst A in
	// only-china; motorcade-seen has no speaker and comes last.
	var speakers []string
	for _, s := range got.Speakers {
		id := "<nobody>"
		if s.Speaker != nil {
			id = s.Speaker.ID
		}
		speakers = append(speakers, id+":"+strings.Join(s.Claims, ","))
		if s.Count != len(s.Claims) {
			t.Errorf("%s: count %d, %d claims", id, s.Count, len(s.Claims))
		}
	}
	want := []string{"official-b:new-treaty,summit-held", "analyst-a:only-china", "<nobody>:motorcade-seen"}
	if diff := cmp.Diff(want, speakers); diff != "" {
		t.Errorf("speakers (-want +got):\n%s", diff)
	}
}

// sourceIDs joins the IDs of the sources of c with commas.
func sourceIDs(c jsonClaim) string {
	ids := make([]string, len(c.Sources))
	for i, s := range c.Sources {
		ids[i] = s.ID
	}
	return strings.Join(ids, ",")
}

// TestReportExtensible adds a section and a claim column to the lists
// and checks that both show up in text and JSON, in their place.
func TestReportExtensible(t *testing.T) {
	sections, columns := reportSections, claimColumns
	t.Cleanup(func() { reportSections, claimColumns = sections, columns })
	extra := reportSection{
		key: "extra",
		text: func(_ *env, w io.Writer, v graph.View) error {
			heading(w, "Extra")
			_, err := io.WriteString(w, "  extra section\n")
			return err
		},
		json: func(*env, graph.View) (any, error) { return "extra value", nil },
	}
	reportSections = slices.Insert(slices.Clone(sections), 2, extra)
	// Test the mechanism alone, without the real columns.
	claimColumns = []claimColumn{{key: "test_column", value: func(_ *env, v graph.View, id string) (string, any) {
		if id == "only-china" {
			return "false", false
		}
		return "", nil
	}}}

	text := runOK(t, "report", miniFile)
	// The extra section, third in the list, comes between contradictions
	// and most-supported claims.
	iC, iE, iS := strings.Index(text, "Contradictions ("), strings.Index(text, "\nExtra\n"), strings.Index(text, "Most-supported")
	if !(iC >= 0 && iC < iE && iE < iS) {
		t.Errorf("extra section not between contradictions and support:\n%s", text)
	}
	if !strings.Contains(text, "test_column: false") {
		t.Errorf("claim column missing from the report:\n%s", text)
	}

	var doc struct {
		Extra          string `json:"extra"`
		Contradictions []struct{ A, B jsonClaim }
	}
	if err := json.Unmarshal([]byte(runOK(t, "report", miniFile, "--json")), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Extra != "extra value" {
		t.Errorf("extra = %q", doc.Extra)
	}
	if len(doc.Contradictions) != 1 || doc.Contradictions[0].B.Columns["test_column"] != "false" || doc.Contradictions[0].A.Columns != nil {
		t.Errorf("columns in JSON: %+v", doc.Contradictions)
	}
	if len(doc.Contradictions) == 1 && doc.Contradictions[0].B.ColumnValues["test_column"] != false {
		t.Errorf("column_values in JSON: %+v, want the typed false", doc.Contradictions[0].B.ColumnValues)
	}
}

// TestColumnValuesTyped: "columns" gives the number of origins as a
// string and the verdict as prose (red team 8, finding 10d);
// "column_values" gives the number as a number and the verdict as the
// verdicts command gives it.
func TestColumnValuesTyped(t *testing.T) {
	var about struct {
		Claims []struct {
			Columns      map[string]string `json:"columns"`
			ColumnValues struct {
				Origins *int `json:"independent_origins"`
				Verdict *struct {
					Label  string         `json:"label"`
					Rating verdictsRating `json:"rating"`
				} `json:"verdict"`
			} `json:"column_values"`
		} `json:"claims"`
	}
	out := runOK(t, "about", seedFile, "kim-jong-un", "--json")
	if err := json.Unmarshal([]byte(out), &about); err != nil || len(about.Claims) == 0 {
		t.Fatalf("about --json: %v, %d claims:\n%s", err, len(about.Claims), out)
	}
	for _, c := range about.Claims {
		cv := c.ColumnValues
		if cv.Origins == nil || cv.Verdict == nil || cv.Verdict.Rating.Value < 1 || cv.Verdict.Label == "" {
			t.Fatalf("column_values %+v: want a number of origins and a verdict with label and rating", cv)
		}
		if got, want := c.Columns["independent_origins"], strconv.Itoa(*cv.Origins); got != want {
			t.Errorf("columns say %q origins, column_values %s", got, want)
		}
		if !strings.HasPrefix(c.Columns["verdict"], cv.Verdict.Label+", "+cv.Verdict.Rating.Name) {
			t.Errorf("columns say verdict %q, column_values %+v", c.Columns["verdict"], *cv.Verdict)
		}
	}
}

// errCase is a command line that must fail with an exit status and a
// message on stderr.
type errCase struct {
	name string
	args []string
	code int
	msg  string
}

// testErrors runs each case in-process and checks its exit status, that
// stderr holds its message and that nothing was printed on stdout.
func testErrors(t *testing.T, cases []errCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(tt.args, &out, &errb)
			if code != tt.code || !strings.Contains(errb.String(), tt.msg) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errb.String(), tt.code, tt.msg)
			}
			if out.Len() > 0 {
				t.Errorf("output on failure: %q", out.String())
			}
		})
	}
}

func TestReportErrors(t *testing.T) {
	testErrors(t, []errCase{
		{"missing file", []string{"report", "testdata/no-such-file.yaml"}, 1, "no-such-file.yaml"},
		{"two files", []string{"report", miniFile, miniFile}, 2, "want at most 1 argument"},
		{"bad flag", []string{"report", "--nope"}, 2, "-nope"},
	})
}

func TestWrap(t *testing.T) {
	long := strings.Repeat("x", pageWidth+10)
	tests := []struct {
		name, first, rest, text string
		want                    []string
	}{
		{"short", "  ", "    ", "a b c", []string{"  a b c"}},
		{"empty", "- ", "  ", "", []string{"-"}},
		{"spaces collapse", "", "", "a \n  b", []string{"a b"}},
		// 20 words of 9 characters plus a space: 10 words fill 99
		// columns after a 0-wide prefix, so the 11th goes on line 2.
		{"break at spaces", "", "  ", strings.Repeat("123456789 ", 20), []string{
			strings.TrimSpace(strings.Repeat("123456789 ", 10)),
			"  " + strings.TrimSpace(strings.Repeat("123456789 ", 9)),
			"  123456789",
		}},
		// A word wider than the page is cut at the page width.
		{"long word", "", "", "a " + long, []string{"a", long[:pageWidth], long[pageWidth:]}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			wrap(&b, tt.first, tt.rest, tt.text)
			got := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			checkWidth(t, b.String())
		})
	}
}

func TestModuleRoot(t *testing.T) {
	dir := t.TempDir()
	other := filepath.Join(dir, "other")
	deep := filepath.Join(other, "a", "b")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	// The nearer go.mod is of another module: the walk passes it by.
	write := func(path, content string) {
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(other, "go.mod"), "module example.com/other\n")
	write(filepath.Join(dir, "go.mod"), "// comment\nmodule \""+modulePath+"\"\n\ngo 1.24\n")
	got, err := moduleRoot(deep)
	if err != nil || got != dir {
		t.Errorf("moduleRoot(%s) = %q, %v; want %q", deep, got, err, dir)
	}
	if _, err := moduleRoot(t.TempDir()); err == nil {
		t.Errorf("moduleRoot outside the module: no error")
	}
}

// supportStarYAML is claim x of source s0 supported by n claims, each of
// a source of its own.
func supportStarYAML(n int) string {
	var b strings.Builder
	b.WriteString("claimgraph: 1\nsources:\n")
	for i := range n + 1 {
		fmt.Fprintf(&b, "  - {id: s%d, kind: news-article}\n", i)
	}
	b.WriteString("claims:\n  - {id: x, text: X, appearances: [{source: s0}]}\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "  - {id: p%d, text: P%d, appearances: [{source: s%d}]}\n", i, i, i)
	}
	b.WriteString("relations:\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "  - {from: p%d, to: x, kind: supports}\n", i)
	}
	return b.String()
}

// TestLentCapped: report and support say "at least" of the origins lent
// when they are more than package graph/evidence counts, as verdicts
// and diff do, and give an exact count otherwise.
func TestLentCapped(t *testing.T) {
	capped := writeTemp(t, "cap.yaml", supportStarYAML(evidence.MaxLent+6))
	few := writeTemp(t, "few.yaml", supportStarYAML(3))
	lower := fmt.Sprintf("at least %d more origins lent by supporters (capped)", evidence.MaxLent)
	for _, args := range [][]string{{"report", capped, "--json"}, {"support", capped, "x", "--json"}} {
		if out := runOK(t, args...); !strings.Contains(out, lower) {
			t.Errorf("%s does not say %q", args[0], lower)
		}
	}
	for _, args := range [][]string{{"report", few, "--json"}, {"support", few, "x", "--json"}} {
		if out := runOK(t, args...); !strings.Contains(out, `"accepted, True (5/5), 3 more origins lent by supporters"`) || strings.Contains(out, "at least") {
			t.Errorf("%s does not give the exact count of 3 lent origins", args[0])
		}
	}
}

// TestReportSupportLends: the report's most-supported claims leave out a
// supporter the same run rejects (b, contradicted by a of more origins):
// c, supported by b and d, counts d alone, and b is in no chain.
func TestReportSupportLends(t *testing.T) {
	file := writeTemp(t, "a.yaml", `claimgraph: 1
sources:
  - {id: s1, kind: news-article}
  - {id: s2, kind: news-article}
  - {id: s3, kind: news-article}
  - {id: s4, kind: news-article}
  - {id: s5, kind: news-article}
  - {id: s6, kind: news-article}
  - {id: s7, kind: news-article}
claims:
  - {id: a, text: A holds., appearances: [{source: s1}, {source: s2}, {source: s3}]}
  - {id: b, text: B holds., appearances: [{source: s4}, {source: s5}]}
  - {id: c, text: C holds., appearances: [{source: s6}]}
  - {id: d, text: D holds., appearances: [{source: s7}]}
relations:
  - {from: a, to: b, kind: contradicts}
  - {from: b, to: c, kind: supports}
  - {from: d, to: c, kind: supports}
`)
	if v := runOK(t, "verdicts", file); !strings.Contains(v, "rejected") {
		t.Fatalf("b is not rejected:\n%s", v)
	}
	var doc struct {
		Most []struct {
			Claim      struct{ ID string } `json:"claim"`
			Supporters int                 `json:"supporters"`
			Chains     []jsonChainNode     `json:"chains"`
		} `json:"most_supported"`
	}
	if err := json.Unmarshal([]byte(runOK(t, "report", file, "--json")), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Most) != 1 || doc.Most[0].Claim.ID != "c" || doc.Most[0].Supporters != 1 ||
		len(doc.Most[0].Chains) != 1 || doc.Most[0].Chains[0].Supporter != "d" {
		t.Errorf("most supported %+v, want c with its one lending supporter, d", doc.Most)
	}
	if text := runOK(t, "report", file); strings.Contains(text, "b -supports->") || !strings.Contains(text, "d -supports-> c") {
		t.Errorf("the report's chains show b or lack d:\n%s", text)
	}
}
