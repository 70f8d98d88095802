package imports

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/sources"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func open(t *testing.T, name string) *os.File {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func sup(from, to string) claims.Relation {
	return claims.Relation{From: from, To: to, Kind: claims.Supports}
}

func con(from, to string) claims.Relation {
	return claims.Relation{From: from, To: to, Kind: claims.Contradicts}
}

var cmpBatch = cmpopts.EquateEmpty()

func TestReadAIF(t *testing.T) {
	got, err := ReadAIF(open(t, "aif.json"), "aif.json")
	if err != nil {
		t.Fatal(err)
	}
	// By hand from testdata/aif.json: I-nodes 101, 102, 104 (a numeric
	// ID), 106 are the claims. RA 103 has premises 101 and 106 and
	// conclusion 102; CA 105 runs from 104 to 102; RA 107 repeats
	// 101 -> 102 and is merged; CA 110 attacks the scheme 103 (an
	// undercutter) and is left out, as are the L and YA nodes.
	want := graph.Batch{
		Claims: []claims.Claim{
			{ID: "aif-101", Text: "Kim Jong Un's staff wiped down the chair he had sat in."},
			{ID: "aif-102", Text: "After the meeting, his staff cleaned the room."},
			{ID: "aif-104", Text: "The video was staged."},
			{ID: "aif-106", Text: "Two staff members cleaned the room."},
		},
		Relations: []claims.Relation{sup("aif-101", "aif-102"), sup("aif-106", "aif-102"), con("aif-104", "aif-102")},
	}
	if diff := cmp.Diff(want, got.Batch, cmpBatch); diff != "" {
		t.Errorf("batch (-want +got):\n%s", diff)
	}
	// What is left out, each at its line and column in testdata/aif.json:
	// the L- and YA-nodes (one warning per type), the undercut CA 110,
	// and the "locutions" key.
	wantWarnings := []string{
		`aif.json:10:5: L-nodes left out`,
		`aif.json:11:5: YA-nodes left out`,
		`aif.json:12:5: CA-node "110" undercuts the inference "103"`,
		`aif.json:27:3: key "locutions" left out`,
	}
	checkWarnings(t, got.Warnings, wantWarnings)
}

// TestReadOVA: OVA saves the AIF document under "AIF", beside its own
// layout, which holds "nodes" too; the AIF nodes are read, the rest is
// left out with a warning per key, and each node or scheme with no
// counterpart is warned at its line.
func TestReadOVA(t *testing.T) {
	in := `{
 "AIF": {
  "nodes": [
   {"nodeID": "1", "type": "I", "text": "The staff wiped the chair."},
   {"nodeID": "2", "type": "RA", "text": "Default Inference"},
   {"nodeID": "3", "type": "I", "text": "The staff cleaned the room."},
   {"nodeID": "4", "text": "No type at all."},
   {"nodeID": "5", "type": "MA", "text": "Default Rephrase"},
   {"nodeID": "6", "type": "RA", "text": "Inference with no conclusion"},
   {"nodeID": "7", "type": "RA", "text": "Inference from an inference"}
  ],
  "edges": [
   {"fromID": "1", "toID": "2"}, {"fromID": "2", "toID": "3"},
   {"fromID": "3", "toID": "6"},
   {"fromID": "2", "toID": "7"}, {"fromID": "7", "toID": "1"}
  ]
 },
 "OVA": {"nodes": [{"nodeID": "1", "x": 10, "y": 20}], "edges": []},
 "text": {"txt": "..."}
}`
	got, err := ReadAIF(strings.NewReader(in), "ova.json")
	if err != nil {
		t.Fatal(err)
	}
	want := graph.Batch{
		Claims: []claims.Claim{
			{ID: "aif-1", Text: "The staff wiped the chair."},
			{ID: "aif-3", Text: "The staff cleaned the room."},
		},
		Relations: []claims.Relation{sup("aif-1", "aif-3")},
	}
	if diff := cmp.Diff(want, got.Batch, cmpBatch); diff != "" {
		t.Errorf("batch (-want +got):\n%s", diff)
	}
	// RA 2 concludes 3 and also feeds RA 7: the chain is warned at both.
	checkWarnings(t, got.Warnings, []string{
		`ova.json:5:4: RA-node "2" has RA-node "7" as a conclusion: left out`,
		`ova.json:7:4: node "4" has no type`,
		`ova.json:8:4: node "5" of type "MA" left out`,
		`ova.json:9:4: RA-node "6" has no premise or no conclusion`,
		`ova.json:10:4: RA-node "7" has RA-node "2" as a premise: left out`,
		`ova.json:18:2: key "OVA" left out`,
		`ova.json:19:2: key "text" left out`,
	})
}

// checkWarnings checks that each warning starts with the text wanted.
func checkWarnings(t *testing.T, got []Warning, want []string) {
	t.Helper()
	var strs []string
	for _, w := range got {
		strs = append(strs, w.String())
	}
	if len(strs) != len(want) {
		t.Fatalf("warnings:\n%s\nwant %d starting:\n%s", strings.Join(strs, "\n"), len(want), strings.Join(want, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(strs[i], want[i]) {
			t.Errorf("warning %d = %q, want it to start %q", i, strs[i], want[i])
		}
	}
}

func TestReadArgdown(t *testing.T) {
	got, err := ReadArgdown(open(t, "cleaning.argdown.json"), "cleaning.argdown.json")
	if err != nil {
		t.Fatal(err)
	}
	checkWarnings(t, got.Warnings, nil)
	if diff := cmp.Diff(wantCleaning, got.Batch, cmpBatch); diff != "" {
		t.Errorf("batch (-want +got):\n%s", diff)
	}
}

// wantCleaning is testdata/cleaning.argdown read by hand: seven
// statements (two untitled premises of the argument <Video>), in the
// order Argdown lists them; the argument's premises support its
// conclusion [Cleaned] (arguments come first in the JSON); then the
// relations: Wiped + Cleaned, Staged - Cleaned, Cleaned + Protocol,
// Staged >< Genuine.
var wantCleaning = graph.Batch{
	Claims: []claims.Claim{
		{ID: "ad-cleaned", Text: "After Kim Jong Un's meeting with Vladimir Putin in Beijing, his staff cleaned the room."},
		{ID: "ad-wiped", Text: "Kim Jong Un's staff wiped down the chair he had sat in."},
		{ID: "ad-staged", Text: "The video was staged."},
		{ID: "ad-protocol", Text: "Removing traces of Kim Jong Un's presence is standard North Korean security procedure."},
		{ID: "ad-genuine", Text: "The video is genuine footage of the Beijing meeting room."},
		{ID: "ad-untitled-1", Text: "A video shows two staff members cleaning the room."},
		{ID: "ad-untitled-2", Text: "Videos of this kind show what happened."},
	},
	Relations: []claims.Relation{
		sup("ad-untitled-1", "ad-cleaned"), sup("ad-untitled-2", "ad-cleaned"),
		sup("ad-wiped", "ad-cleaned"), con("ad-staged", "ad-cleaned"),
		sup("ad-cleaned", "ad-protocol"), con("ad-staged", "ad-genuine"),
	},
}

// wantMap is testdata/map.argdown, an argument map in the usual style,
// read by hand. Arguments given only as "+ <Name>: gist" (Protocol,
// Verified, Edited) are claims of their own; <Video> and <Staged> stand
// for their conclusions, [Cleaned] and [Staged]: Video's premises support
// Cleaned, and its support of Cleaned says no more; Verified's attack on
// the argument Staged is one on its conclusion. Tags are entities the
// claims are about, removed from the text at its end and unwrapped inside
// it. Argdown lists arguments before statements.
var wantMap = graph.Batch{
	Entities: []claims.Entity{
		{ID: "ad-tag-video", Name: "video", Kind: claims.OtherEntity},
		{ID: "ad-tag-vladimir-putin", Name: "Vladimir Putin", Kind: claims.OtherEntity},
		{ID: "ad-tag-north-korea", Name: "north-korea", Kind: claims.OtherEntity},
		{ID: "ad-tag-security", Name: "security", Kind: claims.OtherEntity},
	},
	Claims: []claims.Claim{
		{ID: "ad-arg-protocol", Text: "Removing traces is standard North Korean security procedure."},
		{ID: "ad-arg-verified", Text: "Reuters geolocated and verified the footage.", About: []string{"ad-tag-video"}},
		{ID: "ad-arg-edited", Text: "The footage could have been cut to leave out the start.", About: []string{"ad-tag-video"}},
		{ID: "ad-cleaned", Text: "After Kim Jong Un's meeting with Vladimir Putin in Beijing, his staff cleaned the room.",
			About: []string{"ad-tag-vladimir-putin", "ad-tag-north-korea", "ad-tag-security"}},
		{ID: "ad-footage", Text: "A video shows two staff members cleaning the room.", About: []string{"ad-tag-video"}},
		{ID: "ad-untitled-1", Text: "Videos of this kind show what happened."},
		{ID: "ad-untitled-2", Text: "State media have staged such videos before."},
		{ID: "ad-staged", Text: "The video was staged."},
		{ID: "ad-genuine", Text: "The video is genuine footage of the meeting room."},
	},
	Relations: []claims.Relation{
		sup("ad-footage", "ad-cleaned"), sup("ad-untitled-1", "ad-cleaned"), sup("ad-untitled-2", "ad-staged"),
		sup("ad-arg-protocol", "ad-cleaned"), con("ad-arg-verified", "ad-staged"),
		con("ad-staged", "ad-cleaned"), con("ad-staged", "ad-genuine"),
	},
}

// wantMapWarnings is what reading testdata/map.argdown leaves out: the
// argument <Unexplained> (no conclusion, no description) and its support
// of [Genuine], and the undercut by <Edited>.
var wantMapWarnings = []string{
	"argument <Unexplained> has neither a conclusion nor a description",
	"<Edited> undercuts the inference of <Staged>",
	"relation <Unexplained> supports [Genuine] names an argument left out",
}

func TestReadArgdownMap(t *testing.T) {
	got, err := ReadArgdown(open(t, "map.argdown.json"), "map.argdown.json")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(wantMap, got.Batch, cmpBatch); diff != "" {
		t.Errorf("batch (-want +got):\n%s", diff)
	}
	// Positions counted in the committed JSON: the value of the
	// argument, and the relations in the top-level list.
	checkWarnings(t, got.Warnings, []string{
		"map.argdown.json:443:20: " + wantMapWarnings[0],
		"map.argdown.json:805:5: " + wantMapWarnings[1],
		"map.argdown.json:814:5: " + wantMapWarnings[2],
	})
}

// TestArgdownCLI runs the real Argdown on the committed .argdown file and
// reads what it writes, so that a change of Argdown's JSON shows up.
func TestArgdownCLI(t *testing.T) {
	if testing.Short() {
		t.Skip("the real Argdown runs without -short: starting it takes most of a second; its committed output is read under -short (TestReadArgdown, TestReadArgdownMap)")
	}
	prog, err := exec.LookPath("argdown")
	if err != nil {
		t.Skip("argdown not installed (npm install -g @argdown/cli): ", err)
	}
	tests := []struct {
		name     string
		want     graph.Batch
		warnings []string
	}{
		{"cleaning", wantCleaning, nil},
		{"map", wantMap, wantMapWarnings},
	}
	// One run of Argdown for all the files (a glob of its own): starting
	// it takes most of its time, 1.5 s here.
	var names []string
	for _, tt := range tests {
		names = append(names, tt.name)
	}
	dir := t.TempDir()
	glob := filepath.Join("testdata", "{"+strings.Join(names, ",")+"}.argdown")
	if out, err := exec.Command(prog, "json", glob, dir).CombinedOutput(); err != nil {
		t.Fatalf("argdown json %s: %v\n%s", glob, err, out)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := os.Open(filepath.Join(dir, tt.name+".json"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			got, err := ReadArgdown(f, tt.name+".json")
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got.Batch, cmpBatch); diff != "" {
				t.Errorf("batch from argdown's output (-want +got):\n%s", diff)
			}
			// Argdown's layout may move them; the messages stay.
			if len(got.Warnings) != len(tt.warnings) {
				t.Fatalf("warnings %q, want %q", got.Warnings, tt.warnings)
			}
			for i, w := range got.Warnings {
				if !w.IsValid() || !strings.HasPrefix(w.Message, tt.warnings[i]) {
					t.Errorf("warning %q, want one at a position starting %q", w, tt.warnings[i])
				}
			}
		})
	}
}

func TestReadFactCheck(t *testing.T) {
	got, ratings, err := ReadFactCheck(open(t, "factcheck.json"), "factcheck.json")
	if err != nil {
		t.Fatal(err)
	}
	// By hand from testdata/factcheck.json: one claimant for both claims;
	// a source per review, its publisher's name or else its site, its
	// date cut from the timestamp; the claim date on each appearance.
	// The claimant's statement is a source of its own, which every review
	// quotes: the claim's one origin.
	yunashev := "claimant-alexander-yunashev"
	said := claims.MustDate(2025, 9, 3)
	claimant := func(c string, d claims.Date) sources.Source {
		return sources.Source{ID: c + "-claimant", Kind: sources.Other, Published: d, Author: "Alexander Yunashev",
			Title: "The claim as the fact checks report it", Note: "the statement under review; the API gives no address of its own"}
	}
	quotes := func(c string) []sources.Derivation {
		return []sources.Derivation{{Source: c + "-claimant", Kind: sources.Quotes}}
	}
	want := graph.Batch{
		Entities: []claims.Entity{{ID: yunashev, Name: "Alexander Yunashev", Kind: claims.OtherEntity}},
		Sources: []sources.Source{
			claimant("fc-1", said),
			{ID: "fc-1-review-1", Title: `Did Kim's staff "scrub" the room?`, URL: "https://checks.example/kim-room", Publisher: "Example Checks",
				Published: claims.MustDate(2025, 9, 5), Kind: sources.Other, Note: "fact check", DerivedFrom: quotes("fc-1")},
			{ID: "fc-1-review-2", URL: "https://other.example/r/1", Publisher: "other.example", Kind: sources.Other, Note: "fact check", DerivedFrom: quotes("fc-1")},
			claimant("fc-2", claims.Date{}),
			{ID: "fc-2-review-1", URL: "https://checks.example/toilet", Publisher: "Example Checks", Kind: sources.Other, Note: "fact check", DerivedFrom: quotes("fc-2")},
		},
		Claims: []claims.Claim{
			{ID: "fc-1", Text: "Kim Jong Un's staff scrubbed the room after he met Putin.", Appearances: []claims.Appearance{
				{Source: "fc-1-claimant", Speaker: yunashev, Date: said},
				{Source: "fc-1-review-1", Speaker: yunashev, Date: said}, {Source: "fc-1-review-2", Speaker: yunashev, Date: said}}},
			{ID: "fc-2", Text: "Kim Jong Un took his own toilet to Beijing.", Appearances: []claims.Appearance{{Source: "fc-2-claimant", Speaker: yunashev}, {Source: "fc-2-review-1", Speaker: yunashev}}},
		},
	}
	if diff := cmp.Diff(want, got, cmpBatch, cmp.Comparer(func(a, b claims.Date) bool { return a == b })); diff != "" {
		t.Errorf("batch (-want +got):\n%s", diff)
	}
	wantRatings := map[string][]Rating{"fc-1": {
		{Source: "fc-1-review-1", Publisher: "Example Checks", Text: "True", URL: "https://checks.example/kim-room"},
		{Source: "fc-1-review-2", Publisher: "other.example", Text: "Mostly true", URL: "https://other.example/r/1"},
	}}
	if diff := cmp.Diff(wantRatings, ratings); diff != "" {
		t.Errorf("ratings (-want +got):\n%s", diff)
	}
}

// TestMalformed: every reader reports bad input as a *ParseError at the
// item at fault, never a panic. Positions counted by hand.
func TestMalformed(t *testing.T) {
	aif := func(in string) error { _, err := ReadAIF(strings.NewReader(in), "in"); return err }
	ad := func(in string) error { _, err := ReadArgdown(strings.NewReader(in), "in"); return err }
	fc := func(in string) error { _, _, err := ReadFactCheck(strings.NewReader(in), "in"); return err }
	tests := []struct {
		name      string
		read      func(string) error
		in        string
		line, col int
		want      error
	}{
		{"aif empty", aif, "", 1, 1, ErrSyntax},
		{"aif not an object", aif, `[]`, 1, 1, ErrFormat},
		{"aif bad character", aif, "{\"nodes\": [\n  {\"nodeID\": x}]}", 2, 3, ErrSyntax},
		{"aif nodes not a list", aif, `{"nodes": {}}`, 1, 11, ErrFormat},
		{"aif text not a string", aif, "{\"nodes\": [\n  {\"nodeID\": \"1\", \"text\": 5}]}", 2, 3, ErrFormat},
		{"aif ID not a string", aif, `{"nodes": [{"nodeID": true}]}`, 1, 12, ErrFormat},
		{"aif no nodeID", aif, `{"nodes": [{"type": "I"}]}`, 1, 12, ErrFormat},
		{"aif duplicate node", aif, `{"nodes": [{"nodeID": "1"}, {"nodeID": 1}]}`, 1, 29, ErrFormat},
		{"aif edge to nowhere", aif, "{\"nodes\": [],\n \"edges\": [{\"fromID\": \"1\", \"toID\": \"2\"}]}", 2, 12, ErrFormat},
		{"aif empty text", aif, "{\"nodes\": [\n {\"nodeID\": \"1\", \"type\": \"I\", \"text\": \"\"}]}", 2, 2, claims.ErrMissingField},
		// Two "nodes" lists: the first used to be dropped without a word.
		{"aif nodes twice", aif, "{\"nodes\": [],\n \"nodes\": []}", 2, 2, ErrFormat},
		{"aif edges twice", aif, "{\"nodes\": [], \"edges\": [],\n \"edges\": []}", 2, 2, ErrFormat},
		{"aif wrapper beside nodes", aif, "{\"nodes\": [],\n \"AIF\": {\"nodes\": []}}", 2, 2, ErrFormat},
		{"aif wrapper not an object", aif, `{"AIF": []}`, 1, 9, ErrFormat},
		{"aif trailing", aif, `{"nodes": []} {}`, 1, 15, ErrSyntax},
		{"aif truncated", aif, `{"nodes": [`, 1, 12, ErrSyntax},
		{"argdown unknown relation", ad, "{\"statements\": {\"A\": {\"members\": [{\"text\": \"a\"}]}},\n \"relations\": [{\"relationType\": \"hug\", \"from\": \"A\", \"to\": \"A\"}]}", 2, 16, ErrFormat},
		{"argdown unknown statement", ad, "{\"statements\": {},\n \"relations\": [{\"relationType\": \"support\", \"from\": \"A\", \"to\": \"B\"}]}", 2, 16, ErrFormat},
		{"argdown unknown argument", ad, "{\"statements\": {\"A\": {}},\n \"relations\": [{\"relationType\": \"support\", \"from\": \"X\", \"fromType\": \"argument\", \"to\": \"A\"}]}", 2, 16, ErrFormat},
		{"argdown members not a list", ad, `{"statements": {"A": {"members": 1}}}`, 1, 22, ErrFormat},
		{"argdown support and attack", ad, "{\"statements\": {\"A\": {}, \"B\": {}},\n \"relations\": [{\"relationType\": \"support\", \"from\": \"A\", \"to\": \"B\"},\n  {\"relationType\": \"attack\", \"from\": \"B\", \"to\": \"A\"}]}", 3, 3, graph.ErrConflictingRelation},
		{"aif without nodes", aif, "\n  {\"edges\": []}", 2, 3, ErrFormat},
		{"argdown without statements", ad, `{"arguments": {}}`, 1, 1, ErrFormat},
		{"factcheck unknown field", fc, `{"claims": [], "nodes": []}`, 1, 16, ErrFormat},
		{"factcheck claims not a list", fc, `{"claims": 3}`, 1, 12, ErrFormat},
		{"factcheck bad date", fc, "{\"claims\": [\n  {\"text\": \"t\", \"claimDate\": \"yesterday\"}]}", 2, 3, ErrFormat},
		{"factcheck no text", fc, "{\"claims\": [{\"text\": \"t\"},\n  {\"claimant\": \"x\"}]}", 2, 3, claims.ErrMissingField},
		{"factcheck bad URL", fc, "{\"claims\": [\n {\"text\": \"t\", \"claimReview\": [{\"url\": \"ftp://x\"}]}]}", 2, 2, sources.ErrInvalidURL},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.read(tt.in)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v (%T), want a *ParseError", err, err)
			}
			if pe.Line != tt.line || pe.Column != tt.col || !errors.Is(err, tt.want) {
				t.Errorf("%v: want %d:%d and %v", err, tt.line, tt.col, tt.want)
			}
			if !strings.HasPrefix(err.Error(), "imports: in:") {
				t.Errorf("message %q lacks the prefix and file", err)
			}
			if strings.Count(err.Error(), "imports: ") != 1 || strings.Contains(err.Error(), "graph: ") {
				t.Errorf("message %q: want one package prefix", err)
			}
		})
	}
}

// TestParseErrorMessage: with or without a file name, and wrapping a
// problem the graph found, a message names the package once and gives
// the position as claims.Position prints it.
func TestParseErrorMessage(t *testing.T) {
	in := "{\"statements\": {\"A\": {}, \"B\": {}},\n \"relations\": [{\"relationType\": \"support\", \"from\": \"A\", \"to\": \"B\"},\n  {\"relationType\": \"attack\", \"from\": \"B\", \"to\": \"A\"}]}"
	const msg = `relation "ad-b -> ad-a": kind: "ad-b" both supports and contradicts "ad-a"`
	for name, want := range map[string]string{"in.json": "imports: in.json:3:3: " + msg, "": "imports: 3:3: " + msg} {
		_, err := ReadArgdown(strings.NewReader(in), name)
		if err == nil || err.Error() != want {
			t.Errorf("name %q: error %v, want %q", name, err, want)
		}
	}
}

// TestFactCheckLongClaimants: claimants whose names slug to one ID cut
// at the length limit each get an entity of their own; the number that
// tells them apart used to be cut off with the rest, looping for ever.
func TestFactCheckLongClaimants(t *testing.T) {
	long := strings.Repeat("a", 200)
	in := `{"claims": [{"text": "x", "claimant": "` + long + `"}, {"text": "y", "claimant": "` + long + `b"}, {"text": "z", "claimant": "` + long + `c"}]}`
	done := make(chan struct{})
	var b graph.Batch
	var err error
	go func() {
		defer close(done)
		b, _, err = ReadFactCheck(strings.NewReader(in), "in")
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("ReadFactCheck does not return")
	}
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"claimant-" + long[:119], "claimant-" + long[:117] + "-2", "claimant-" + long[:117] + "-3"}
	var got []string
	for _, e := range b.Entities {
		got = append(got, e.ID)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("entity IDs (-want +got):\n%s", diff)
	}
}

// TestEmptyFactCheck: the API answers {} when nothing matches.
func TestEmptyFactCheck(t *testing.T) {
	b, ratings, err := ReadFactCheck(strings.NewReader(`{}`), "empty.json")
	if err != nil || len(b.Claims) != 0 || len(ratings) != 0 {
		t.Errorf("got %d claims, %d ratings, error %v; want nothing and no error", len(b.Claims), len(ratings), err)
	}
}

func TestUntag(t *testing.T) {
	tests := []struct {
		text string
		tags []string
		want string
	}{
		{"The room was cleaned. #video #security", []string{"video", "security"}, "The room was cleaned."},
		{"Kim met #(Vladimir Putin) in Beijing. #(state visit)", []string{"Vladimir Putin", "state visit"}, "Kim met Vladimir Putin in Beijing."},
		{"A #video of the room.", []string{"video"}, "A video of the room."},
		// A longer word is not the tag; the tag at the end still goes.
		{"Two #videos exist. #video", []string{"video"}, "Two #videos exist."},
		{"#video", []string{"video"}, ""},
		{"No tags here.", nil, "No tags here."},
	}
	for _, tt := range tests {
		if got := untag(tt.text, tt.tags); got != tt.want {
			t.Errorf("untag(%q, %q) = %q, want %q", tt.text, tt.tags, got, tt.want)
		}
	}
}

func TestID(t *testing.T) {
	tests := []struct{ prefix, name, want string }{
		{"ad-", "Untitled 1", "ad-untitled-1"},
		{"ad-", "  Kim's  clean-up!  ", "ad-kim-s-clean-up"},
		{"aif-", "123", "aif-123"},
		{"c-", "Ким", "c"},
		{"x-", strings.Repeat("a", 200), "x-" + strings.Repeat("a", 126)},
	}
	for _, tt := range tests {
		got := ID(tt.prefix, tt.name)
		if got != tt.want {
			t.Errorf("ID(%q, %q) = %q, want %q", tt.prefix, tt.name, got, tt.want)
		}
		if err := claims.CheckID(got); err != nil {
			t.Errorf("ID(%q, %q) = %q: %v", tt.prefix, tt.name, got, err)
		}
	}
}

// fuzzReader checks an importer: no panic; every error a *ParseError with
// a position; every batch it accepts valid for an empty graph, and that
// graph the same after a YAML save and load.
func fuzzReader(f *testing.F, read func(string) (Result, error), seeds ...string) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		res, err := read(in)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Line < 1 || pe.Column < 1 {
				t.Fatalf("error %v (%T) without a position", err, err)
			}
			return
		}
		for _, w := range res.Warnings {
			if w.Line < 1 || w.Column < 1 || w.Message == "" {
				t.Fatalf("warning %q without a position or message", w)
			}
		}
		b := res.Batch
		g := graph.New()
		if err := g.Apply(b); err != nil {
			t.Fatalf("the importer accepted input whose batch is invalid: %v", err)
		}
		var first, second bytes.Buffer
		if err := g.WriteYAML(&first); err != nil {
			t.Fatal(err)
		}
		back, err := graph.ReadYAML(bytes.NewReader(first.Bytes()), "saved.yaml")
		if err != nil {
			t.Fatalf("saved import does not load: %v", err)
		}
		if err := back.WriteYAML(&second); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(first.String(), second.String()); diff != "" {
			t.Fatalf("round trip (-first +second):\n%s", diff)
		}
	})
}

func FuzzReadAIF(f *testing.F) {
	data, _ := os.ReadFile(filepath.Join("testdata", "aif.json"))
	fuzzReader(f, func(in string) (Result, error) { return ReadAIF(strings.NewReader(in), "f") },
		string(data), `{"nodes": [{"nodeID": 1, "type": "I", "text": "a"}]}`)
}

func FuzzReadArgdown(f *testing.F) {
	data, _ := os.ReadFile(filepath.Join("testdata", "cleaning.argdown.json"))
	fuzzReader(f, func(in string) (Result, error) { return ReadArgdown(strings.NewReader(in), "f") },
		string(data), `{"statements": {"A": {}}, "relations": []}`)
}

func FuzzReadFactCheck(f *testing.F) {
	data, _ := os.ReadFile(filepath.Join("testdata", "factcheck.json"))
	fuzzReader(f, func(in string) (Result, error) {
		b, _, err := ReadFactCheck(strings.NewReader(in), "f")
		return Result{Batch: b}, err
	},
		string(data), `{"claims": [{"text": "a", "claimant": "b"}]}`)
}
