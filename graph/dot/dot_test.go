package dot

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/sources"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// tricky is a small graph whose texts hold everything DOT needs escaped:
// quotes, backslashes, line breaks, tabs, control characters and
// non-ASCII text; and every kind of vertex and edge.
func tricky(t *testing.T) *graph.Graph {
	t.Helper()
	g := graph.New()
	err := g.Apply(graph.Batch{
		Entities: []claims.Entity{
			{ID: "kim", Name: "Kim Jong Un (김정은)", Kind: claims.Person},
			{ID: "nk", Name: `North "DPRK" Korea`, Kind: claims.Country},
		},
		Sources: []sources.Source{
			{ID: "video", Title: "Telegram video", Kind: sources.Video, Published: claims.MustDate(2025, 9, 3)},
			{ID: "paper", Title: `Staff "scrub" room`, Publisher: "9News", URL: "https://example.com/a?b=1&c=%222%22", Kind: sources.NewsArticle,
				DerivedFrom: []sources.Derivation{{Source: "video", Kind: sources.Quotes}}},
		},
		Claims: []claims.Claim{
			{ID: "a", Text: `He said "clean it" \ twice`, About: []string{"kim"},
				Appearances: []claims.Appearance{{Source: "paper", Speaker: "kim", Via: "video"}}},
			{ID: "b", Text: "Line one\nline two\twith a tab and a bell \a here", About: []string{"nk", "kim"},
				Appearances: []claims.Appearance{{Source: "paper"}, {Source: "paper", Quote: "line two"}}},
			{ID: "c", Text: "Пхеньян — the capital"},
			{ID: "lonely", Text: "A claim in no relation."},
		},
		Relations: []claims.Relation{
			{From: "a", To: "b", Kind: claims.Supports},
			{From: "b", To: "c", Kind: claims.Contradicts},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestGolden(t *testing.T) {
	verdicts := VerdictMap(map[string]string{"a": "true", "b": "False", "c": "undecided"})
	tests := []struct {
		name string
		opts Options
	}{
		{"claims", Options{}},
		{"related", Options{Related: true}},
		{"everything", Options{Entities: true, Sources: true, Verdict: verdicts, Focus: "b", Title: `Kim's "clean-up"`}},
		{"nowrap", Options{Wrap: -1}},
		{"legend", legendOptions},
	}
	g := tricky(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, g.View, tt.opts); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", tt.name+".dot")
			if *update {
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), buf.String()); diff != "" {
				t.Errorf("%s (-want +got):\n%s", path, diff)
			}
			// Determinism: a second drawing is byte for byte the same.
			var again bytes.Buffer
			if err := Write(&again, g.View, tt.opts); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(buf.Bytes(), again.Bytes()) {
				t.Error("two drawings of the same graph differ")
			}
		})
	}
}

// legendOptions draw the verdicts as of a date with a legend, claim IDs
// and the origins of claim a.
var legendOptions = Options{
	Verdict: VerdictMap(map[string]string{"a": "accepted", "b": "rejected", "c": "not-holding", "lonely": "accepted"}),
	Legend:  true, Date: claims.MustDate(2024, 1, 1), IDs: true,
	Origins: func(id string) []string {
		if id == "a" {
			return []string{"video"}
		}
		return nil
	},
}

// TestContent checks by construction what each option draws, independent
// of the golden files.
func TestContent(t *testing.T) {
	g := tricky(t)
	tests := []struct {
		name        string
		opts        Options
		has, hasNot []string
	}{
		{"claims only", Options{},
			[]string{`"lonely" [`, `"a" -> "b" [color="#2e7d32", style="solid"`, `"b" -> "c" [color="#c62828", style="dashed"`, `dir="both"`},
			[]string{`"kim" [`, `"paper" [`, `-> "kim"`, `-> "paper"`}},
		{"related drops lonely", Options{Related: true}, []string{`"a" [`, `"c" [`}, []string{`"lonely"`}},
		{"focus keeps a lonely focus", Options{Related: true, Focus: "lonely"}, []string{`"lonely" [`, `penwidth="3"`}, nil},
		{"entities", Options{Entities: true},
			[]string{`"kim" [label="Kim Jong Un (김정은)", shape="ellipse"`, `"nk" [label="North \"DPRK\" Korea"`, `"a" -> "kim" [label="about"`, `"a" -> "kim" [label="said by"`},
			[]string{`"paper" [`}},
		{"ids", Options{IDs: true}, []string{`"a" [label="a\nHe said`, `"lonely" [label="lonely\nA claim`}, nil},
		{"origins without sources", Options{Origins: legendOptions.Origins},
			[]string{`"video" [label="Telegram video`, `"a" -> "video" [label="origin", color="#ef6c00"`},
			[]string{`"paper" [`, `-> "paper"`, `"b" -> "video"`}},
		{"legend of verdicts as of a date", legendOptions,
			[]string{`<b>Verdicts as of 2024-01-01</b>`, `bgcolor="#c8e6c9"`, `>accepted<`, `>rejected<`, `bgcolor="#e0e0e0"`, `>not-holding<`, `>supports<`, `>contradicts<`, `>independent origin<`, `>source draws on source<`},
			[]string{`>about<`, `>said by<`, `appears in`}},
		{"legend without verdicts or date", Options{Legend: true, Entities: true},
			[]string{`<b>Key</b>`, `>about<`, `>said by<`},
			[]string{`Verdicts`, `bgcolor=`, `origin`}},
		{"legend for all time", Options{Legend: true, Verdict: VerdictMap(map[string]string{"a": "x<y"})},
			[]string{`<b>Verdicts for all time</b>`, `>x&lt;y<`}, nil},
		{"sources", Options{Sources: true},
			[]string{`"paper" [label="9News: Staff \"scrub\" room", shape="note"`, `URL="https://example.com/a?b=1&c=%222%22"`, `"paper" -> "video" [label="quotes"`, `"a" -> "video" [label="via"`, `"video" [label="Telegram video\n2025-09-03"`},
			[]string{`"kim" [`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, g.View, tt.opts); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			for _, s := range tt.has {
				if !strings.Contains(out, s) {
					t.Errorf("output lacks %s:\n%s", s, out)
				}
			}
			for _, s := range tt.hasNot {
				if strings.Contains(out, s) {
					t.Errorf("output has %s:\n%s", s, out)
				}
			}
		})
	}
	// Claim b appears twice in one source: one "in" edge, not two.
	var buf bytes.Buffer
	if err := Write(&buf, g.View, Options{Sources: true}); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(buf.String(), `"b" -> "paper"`); n != 1 {
		t.Errorf("%d edges from b to paper, want 1", n)
	}
}

func TestQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", `""`},
		{"plain", `"plain"`},
		{`a "b" c`, `"a \"b\" c"`},
		{`back\slash`, `"back\\slash"`},
		{`ends with \`, `"ends with \\"`},
		{`\"`, `"\\\""`},
		{"two\nlines", `"two\nlines"`},
		{"crlf\r\nline", `"crlf\nline"`},
		{"lone\rcr", `"lone\ncr"`},
		{"tab\there", `"tab here"`},
		{"bell\a", "\"bell\uFFFD\""},
		{"bad \xff byte", "\"bad \uFFFD byte\""},
		{"Ким 김정은 ü", `"Ким 김정은 ü"`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Quote(tt.in); got != tt.want {
				t.Errorf("Quote(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  string
	}{
		{"short", 10, "short"},
		{"one two three", 7, "one two\nthree"},
		{"one two three", 3, "one\ntwo\nthr\nee"},
		{"abcdefghij", 4, "abcd\nefgh\nij"},
		{"keep\nbreak", 30, "keep\nbreak"},
		{"para\n\nafter gap", 30, "para\n\nafter gap"},
		{"  many   spaces  ", 30, "many spaces"},
		{"Ким Чен Ын", 3, "Ким\nЧен\nЫн"}, // width counts characters, not bytes
		{"no wrap at all", -1, "no wrap at all"},
		{"", 5, ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := wrap(tt.in, tt.width); got != tt.want {
				t.Errorf("wrap(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
			}
		})
	}
}

func TestColour(t *testing.T) {
	tests := []struct{ label, want string }{
		{"true", "#c8e6c9"}, {"Mostly True", "#c8e6c9"}, {"IN", "#c8e6c9"},
		{"false", "#ffcdd2"}, {"pants-on-fire", "#ffcdd2"},
		{"undecided", "#fff9c4"}, {"half_true", "#fff9c4"},
		{"satire", "#bbdefb"},
	}
	for _, tt := range tests {
		if got := Colour(tt.label); got != tt.want {
			t.Errorf("Colour(%q) = %s, want %s", tt.label, got, tt.want)
		}
	}
}

type failWriter struct{}

var errWrite = errors.New("disk full")

func (failWriter) Write([]byte) (int, error) { return 0, errWrite }

func TestWriteError(t *testing.T) {
	err := Write(failWriter{}, tricky(t).View, Options{})
	if !errors.Is(err, errWrite) || !strings.HasPrefix(err.Error(), "dot: ") {
		t.Errorf("Write to a failing writer: %v, want dot: ... %v", err, errWrite)
	}
}

// TestGraphviz runs the real dot program on every drawing, so that the
// escaping is checked by the parser that matters.
func TestGraphviz(t *testing.T) {
	prog, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("dot not installed (Debian package graphviz): ", err)
	}
	g := tricky(t)
	for _, opts := range []Options{{}, {Entities: true, Sources: true, Verdict: VerdictMap(map[string]string{"a": "false"}), Title: `"\`}, legendOptions,
		{Legend: true, Entities: true, Sources: true, Verdict: VerdictMap(map[string]string{"a": `<&"x">`})},
		{Legend: true, Verdict: VerdictMap(map[string]string{"a": "bell \a,\ttab\r\nCRLF, bad \xff byte, \u009b"})}} {
		var buf bytes.Buffer
		if err := Write(&buf, g.View, opts); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(prog, "-Tsvg")
		cmd.Stdin = &buf
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil || stderr.Len() > 0 {
			t.Fatalf("dot -Tsvg: %v: %s", err, stderr.String())
		}
		svg := string(out)
		// The SVG holds the texts unescaped (as XML): the quote of claim a
		// and the Korean name come through intact.
		for _, s := range []string{"He said &quot;clean it&quot; \\ twice", "Пхеньян — the capital"} {
			if !strings.Contains(svg, s) {
				t.Errorf("SVG lacks %q", s)
			}
		}
	}
}

// TestNotLive: a contradiction that time leaves not live is drawn grey and
// dotted, its tooltip saying how, and the legend explains it; a live one
// stays a red attack (red team 5, finding 4).
func TestNotLive(t *testing.T) {
	y := func(n int) claims.Date { return claims.MustDate(n, 0, 0) }
	g := graph.New()
	err := g.Apply(graph.Batch{
		Claims: []claims.Claim{
			{ID: "old", Text: "Old", Validity: claims.Validity{Until: y(2024)}},
			{ID: "new", Text: "New", Validity: claims.Validity{From: y(2024)}},
			{ID: "p", Text: "P", Validity: claims.Validity{From: y(2020), Until: y(2022)}},
			{ID: "q", Text: "Q", Validity: claims.Validity{From: y(2020), Until: y(2022)}},
			{ID: "x", Text: "X"},
		},
		Relations: []claims.Relation{
			{From: "old", To: "new", Kind: claims.Contradicts},
			{From: "p", To: "q", Kind: claims.Contradicts, Validity: claims.Validity{From: y(2023)}},
			{From: "x", To: "new", Kind: claims.Contradicts},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, g.View, Options{Legend: true}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, s := range []string{
		`"old" -> "new" [color="#9e9e9e", style="dotted"`,
		`tooltip="contradicts, resolved by time (never both holding)"`,
		`"p" -> "q" [color="#9e9e9e", style="dotted"`,
		`tooltip="contradicts, relation lapsed (not valid while both hold)"`,
		`"x" -> "new" [color="#c62828", style="dashed"`,
		`>contradicts, not live (not weighed)<`,
	} {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %s:\n%s", s, out)
		}
	}
	// Without one, the legend has no row for it.
	buf.Reset()
	if err := Write(&buf, tricky(t).View, Options{Legend: true}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "resolved by time") {
		t.Errorf("legend explains a grey contradiction not drawn:\n%s", buf.String())
	}
}

// TestNotLiveAtDate: with Options.Date, a contradiction live at other
// dates but not at that one is grey too, as the verdicts of that date do
// not weigh it.
func TestNotLiveAtDate(t *testing.T) {
	g := graph.New()
	err := g.Apply(graph.Batch{
		Claims: []claims.Claim{
			{ID: "a", Text: "A", Validity: claims.Validity{Until: claims.MustDate(2025, 0, 0)}},
			{ID: "b", Text: "B", Validity: claims.Validity{From: claims.MustDate(2024, 0, 0)}},
		},
		Relations: []claims.Relation{{From: "a", To: "b", Kind: claims.Contradicts}},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		year int
		want string
	}{
		{2024, `"a" -> "b" [color="#c62828", style="dashed"`},
		{2023, `tooltip="contradicts, not live at the date (live at other dates)"`},
	} {
		var buf bytes.Buffer
		if err := Write(&buf, g.View, Options{Date: claims.MustDate(tt.year, 0, 0)}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), tt.want) {
			t.Errorf("as of %d: output lacks %s:\n%s", tt.year, tt.want, buf.String())
		}
	}
}

// TestLegendText: a verdict label with a control character or invalid
// UTF-8 went into the legend, an HTML-like label that Graphviz parses as
// XML, as it was, and dot refused the whole drawing.
func TestLegendText(t *testing.T) {
	var buf bytes.Buffer
	opts := Options{Legend: true, Verdict: VerdictMap(map[string]string{"a": "bell \a, bad \xff byte, \u009b, line\nbreak"})}
	if err := Write(&buf, tricky(t).View, opts); err != nil {
		t.Fatal(err)
	}
	_, legend, _ := strings.Cut(buf.String(), "\"_legend\"")
	if !utf8.ValidString(legend) || strings.ContainsFunc(strings.TrimSuffix(legend, "\n\t}\n}\n"), unicode.IsControl) {
		t.Errorf("legend holds a control character or invalid UTF-8: %q", legend)
	}
	if !strings.Contains(legend, "bell \ufffd, bad \ufffd byte, \ufffd, line break") {
		t.Errorf("legend lacks the label, controls replaced: %q", legend)
	}
}
