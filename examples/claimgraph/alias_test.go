package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// chainYAML: x was merged into y, then y into z.
const chainYAML = `claimgraph: 1
sources:
  - {id: s1, kind: wire}
  - {id: s2, kind: wire}
claims:
  - {id: z, text: Z., appearances: [{source: s2}, {source: s1}], merged: [y, x]}
  - {id: w, text: W., appearances: [{source: s1}]}
  - {id: v, text: V., appearances: [{source: s2}]}
relations:
  - {from: w, to: z, kind: supports}
  - {from: v, to: x, kind: contradicts}
`

// TestLookupsFollowAliases: every look-up by an ID merged into another
// claim answers for that claim, as a look-up by its own ID does, and says
// on standard error which claim it shows.
func TestLookupsFollowAliases(t *testing.T) {
	path := writeTemp(t, "ch.yaml", chainYAML)
	for _, cmd := range []string{"support", "contradictions", "sources", "origins"} {
		want := runOK(t, cmd, path, "z")
		for _, alias := range []string{"x", "y"} {
			var out, errb bytes.Buffer
			if code := run([]string{cmd, path, alias}, &out, &errb); code != 0 {
				t.Fatalf("%s %s: exit %d: %s", cmd, alias, code, errb.String())
			}
			if out.String() != want {
				t.Errorf("%s %s:\n%s\nwant the answer for z:\n%s", cmd, alias, out.String(), want)
			}
			if note := "claimgraph " + cmd + ": " + alias + " was merged into z; showing z\n"; errb.String() != note {
				t.Errorf("%s %s: stderr %q, want %q", cmd, alias, errb.String(), note)
			}
		}
	}
	// The verdict column of the claim shown is that of z.
	if out := runCmd(t, 0, "contradictions", path, "x"); !strings.Contains(out, "verdict:") {
		t.Errorf("contradictions x lost the verdict:\n%s", out)
	}
	var doc struct {
		Claim struct{ ID string } `json:"claim"`
	}
	if err := json.Unmarshal([]byte(runCmd(t, 0, "support", path, "x", "--json")), &doc); err != nil || doc.Claim.ID != "z" {
		t.Errorf("support --json x: claim %q, %v; want z", doc.Claim.ID, err)
	}
}

// TestEditMergeSpelling: --merge takes FROM=INTO, and FROM:INTO only
// when that colon is the one colon, as IDs may hold colons; an ID merged
// before is refused with the claim it was merged into.
func TestEditMergeSpelling(t *testing.T) {
	const desk = `claimgraph: 1
sources:
  - {id: s1, kind: wire}
claims:
  - {id: "desk:a", text: A., appearances: [{source: s1}], merged: [old]}
  - {id: "desk:b", text: B., appearances: [{source: s1}]}
  - {id: c, text: C., appearances: [{source: s1}]}
`
	path := writeTemp(t, "desk.yaml", desk)
	runCmd(t, 2, "edit", path, "--merge", "desk:b:desk:a")
	for _, flags := range [][]string{{"--remove", "old"}, {"--merge", "old=c"}, {"--merge", "c:old"}} {
		out := runCmd(t, 1, append([]string{"edit", path}, flags...)...)
		if !strings.Contains(out, `"old" is already merged into "desk:a"`) {
			t.Errorf("edit %v:\n%s\nwant old is already merged into desk:a", flags, out)
		}
	}
	runCmd(t, 0, "edit", path, "--merge", "desk:b=desk:a")
	out := runCmd(t, 0, "sources", path, "desk:b", "--json")
	if !strings.Contains(out, `"id": "desk:a"`) {
		t.Errorf("desk:b does not name desk:a after the merge:\n%s", out)
	}
	for m, want := range map[string][3]string{"a=b": {"a", "b", "ok"}, "a:b": {"a", "b", "ok"}, "x:a=y:b": {"x:a", "y:b", "ok"}, "x:a:b": {}, "=b": {}, "a:": {}} {
		from, into, ok := splitMerge(m)
		if got := [3]string{from, into, map[bool]string{true: "ok"}[ok]}; ok != (want[2] == "ok") || ok && got != want {
			t.Errorf("splitMerge(%q) = %q, %q, %v; want %v", m, from, into, ok, want)
		}
	}
}
