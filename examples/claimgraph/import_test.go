package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/google/go-cmp/cmp"
)

func importsTestdata(name string) string {
	return filepath.Join("..", "..", "graph", "imports", "testdata", name)
}

func TestImport(t *testing.T) {
	tests := []struct {
		from, file string
		want       importCounts
	}{
		// Counts from the hand-worked expectations of package imports'
		// tests on the same files.
		{"aif", "aif.json", importCounts{Claims: 4, Relations: 3}},
		{"argdown", "cleaning.argdown.json", importCounts{Claims: 7, Relations: 6}},
		// The usual style: four tag entities, nine claims, seven relations.
		{"argdown", "map.argdown.json", importCounts{Entities: 4, Claims: 9, Relations: 7}},
		{"factcheck", "factcheck.json", importCounts{Entities: 1, Sources: 5, Claims: 2}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "g.yaml")
			code, stdout, errs := runInterchange(t, "import", "--from", tt.from, importsTestdata(tt.file), "-o", out, "--json")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			var rep importReport
			if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
				t.Fatalf("bad JSON %q: %v", stdout, err)
			}
			if diff := cmp.Diff(tt.want, rep.Counts); diff != "" {
				t.Errorf("counts (-want +got):\n%s", diff)
			}
			g, err := graph.Load(out)
			if err != nil {
				t.Fatalf("the written graph does not load: %v", err)
			}
			c := g.Counts()
			if got := (importCounts{c.Entities, c.Sources, c.Claims, c.Supports + c.Contradictions}); got != tt.want {
				t.Errorf("loaded graph counts %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestImportRatingsAndStdout(t *testing.T) {
	out := filepath.Join(t.TempDir(), "g.yaml")
	_, stdout, _ := runInterchange(t, "import", "--from", "factcheck", importsTestdata("factcheck.json"), "-o", out, "--json")
	var rep importReport
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatal(err)
	}
	want := map[string][]importRating{"fc-1": {
		{Source: "fc-1-review-1", Publisher: "Example Checks", Rating: "True", URL: "https://checks.example/kim-room"},
		{Source: "fc-1-review-2", Publisher: "other.example", Rating: "Mostly true", URL: "https://other.example/r/1"},
	}}
	if diff := cmp.Diff(want, rep.Ratings); diff != "" {
		t.Errorf("ratings (-want +got):\n%s", diff)
	}
	code, yaml, errs := runInterchange(t, "import", "--from", "aif", importsTestdata("aif.json"))
	if code != 0 || !strings.HasPrefix(yaml, "claimgraph: 1\n") || !strings.Contains(yaml, "id: aif-101") {
		t.Errorf("exit %d, stderr %s, stdout:\n%s", code, errs, yaml)
	}
}

// TestImportWarnings: what the importer leaves out is printed on standard
// error at its position and listed by --json, and the import succeeds.
func TestImportWarnings(t *testing.T) {
	in := importsTestdata("map.argdown.json")
	out := filepath.Join(t.TempDir(), "g.yaml")
	code, stdout, errs := runInterchange(t, "import", "--from", "argdown", in, "-o", out, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	// Three warnings (see package imports' TestReadArgdownMap).
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "claimgraph import: "+in+":443:20: warning: argument <Unexplained>") {
		t.Errorf("stderr:\n%s\nwant three warnings, the first at 443:20", errs)
	}
	var rep importReport
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Warnings) != 3 || rep.Warnings[1].Line != 805 || rep.Warnings[1].File != in ||
		!strings.Contains(rep.Warnings[1].Message, "undercuts") {
		t.Errorf("--json warnings %+v", rep.Warnings)
	}
	// None: an empty list, not null.
	_, stdout, errs = runInterchange(t, "import", "--from", "argdown", importsTestdata("cleaning.argdown.json"), "-o", out, "--json")
	if !strings.Contains(stdout, `"warnings": []`) || errs != "" {
		t.Errorf("no warnings: stdout %s, stderr %q", stdout, errs)
	}
}

func TestImportErrors(t *testing.T) {
	bad := writeTemp(t, "bad.json", "{\"nodes\": [\n  {\"nodeID\": x}]}")
	// A graph the RDF reader reads but Apply refuses: the error is at
	// the claim's place, as check gives it.
	backwards := writeTemp(t, "backwards.ttl", "@prefix cg: <https://claimgraph.github.io/ns#> .\n"+
		"@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n@prefix schema: <https://schema.org/> .\n"+
		"<urn:claimgraph:c> a schema:Claim ;\n  schema:identifier \"c\" ;\n  schema:text \"C.\" ;\n"+
		"  cg:validFrom \"2025\"^^xsd:gYear ;\n  cg:validUntil \"2024\"^^xsd:gYear .\n")
	good := importsTestdata("aif.json")
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"no from", []string{"import", good}, 2, "--from is required"},
		{"unknown from", []string{"import", "--from", "csv", good}, 2, `unknown --from "csv"`},
		{"no input", []string{"import", "--from", "aif"}, 2, "want one IN"},
		{"json without -o", []string{"import", "--from", "aif", good, "--json"}, 2, "--json needs -o"},
		{"missing input", []string{"import", "--from", "aif", filepath.Join(t.TempDir(), "none.json")}, 1, "none.json"},
		{"malformed input", []string{"import", "--from", "aif", bad}, 1, "bad.json:2:3: syntax error"},
		{"wrong format", []string{"import", "--from", "factcheck", good}, 1, "imports:"},
		{"validity backwards", []string{"import", "--from", "turtle", backwards}, 1, `backwards.ttl:4:22: claim "c": valid_until: invalid validity`},
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
