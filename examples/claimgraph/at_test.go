package main

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/claimgraph/claimgraph/claims"
)

// staleFixture is the time fixture of the repository, relative to the
// module root (see chdirRoot).
const staleFixture = "testdata/stale.yaml"

// needFile skips a test when a data file written separately is absent.
func needFile(t *testing.T, path string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		t.Skipf("%s not present (it is written separately): %v", path, err)
	}
}

func TestAtText(t *testing.T) {
	chdirRoot(t)
	needFile(t, staleFixture)
	// By hand from testdata/stale.yaml: on 2024-01-01 the "only pact"
	// claim (until 2024-06-19) holds with its 3 appearances and the treaty
	// (from 2024-06-19) does not, so their contradiction is not in the
	// view; it is resolved by time, the treaty taking over on the day the
	// pact claim stops. One derivation: the 2025 article cites the 2023 one.
	want := "As of 2024-01-01, 1 of 2 claims holds.\n" +
		"appearances: 3, supports: 0, contradictions: 0, entities: 3, sources: 5, derivations: 1\n" +
		"\n" +
		"Claims holding (1):\n" +
		"  china-only-defence-pact (until 2024-06-19)\n" +
		"      China was the only country with which North Korea had a mutual defence pact.\n" +
		"\n" +
		"Live conflicts (0):\n" +
		"\n" +
		"Conflicts resolved by time (1):\n" +
		"  china-only-defence-pact holds until 2024-06-19, when russia-dprk-defence-treaty-2024 takes over\n" +
		"\n" +
		"Relations lapsed (0):\n"
	if diff := cmp.Diff(want, runOK(t, "at", staleFixture, "2024-01-01")); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
}

func TestAtLive(t *testing.T) {
	// Two claims overlapping in 2024: live in 2024, not in 2023 (and
	// then neither listed: they are not resolved by time either).
	path := writeTemp(t, "live.yaml", `claimgraph: 1
sources: [{id: s, kind: other}]
claims:
  - {id: a, text: A, valid_until: 2025, appearances: [{source: s}]}
  - {id: b, text: B, valid_from: 2024, appearances: [{source: s}]}
relations: [{from: a, to: b, kind: contradicts}]
`)
	out := runOK(t, "at", path, "2024-05")
	if !strings.Contains(out, "Live conflicts (1):\n  a contradicts b (live 2024-01-01 – 2025-01-01)\n") {
		t.Errorf("2024-05: no live conflict a-b in:\n%s", out)
	}
	out = runOK(t, "at", path, "2023")
	if !strings.Contains(out, "Live conflicts (0):") || !strings.Contains(out, "resolved by time (0):") {
		t.Errorf("2023: want no conflicts in:\n%s", out)
	}
}

// TestAtLapsed: claims that hold together while their contradiction's
// relation does not (lapse.yaml of red team 5, finding 8c) are listed
// under their own heading, and the reports word them as a lapsed
// relation, not as claims never both holding; an overlap at the last
// date there is ends open, in a form the date parser reads (8d).
func TestAtLapsed(t *testing.T) {
	path := writeTemp(t, "lapse.yaml", `claimgraph: 1
sources: [{id: s1, kind: other}, {id: s2, kind: other}]
claims:
  - {id: a, text: A, valid_from: 2020, valid_until: 2022, appearances: [{source: s1}]}
  - {id: b, text: B, valid_from: 2020, valid_until: 2022, appearances: [{source: s2}]}
  - {id: x, text: X, valid_from: 9999-12-31, appearances: [{source: s1}]}
  - {id: y, text: Y, valid_at: 9999, appearances: [{source: s2}]}
relations:
  - {from: a, to: b, kind: contradicts, valid_from: 2023}
  - {from: x, to: y, kind: contradicts}
`)
	out := runOK(t, "at", path, "2021")
	if !strings.Contains(out, "Relations lapsed (1):\n  a contradicts b (valid from 2023), the claims together 2020-01-01 – 2022-01-01\n") {
		t.Errorf("at 2021: a-b not listed as a lapsed relation in:\n%s", out)
	}
	for _, args := range [][]string{{"contradictions", path, "a"}, {"report", path}} {
		out := runOK(t, args...)
		if !strings.Contains(out, "relation lapsed") || strings.Contains(out, "never both holding") {
			t.Errorf("%s: want a-b worded as a lapsed relation:\n%s", args[0], out)
		}
	}
	var rep atReport
	if err := json.Unmarshal([]byte(runOK(t, "at", path, "9999", "--json")), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Live) != 1 || rep.Live[0].OverlapFrom != "9999-12-31" {
		t.Fatalf("at 9999: live %+v, want x-y from 9999-12-31", rep.Live)
	}
	for _, s := range []string{rep.Live[0].OverlapFrom, rep.Live[0].OverlapUntil} {
		if _, err := claims.ParseDate(s); err != nil {
			t.Errorf("at 9999: overlap date %q does not parse: %v", s, err)
		}
	}
}

func TestAtJSON(t *testing.T) {
	chdirRoot(t)
	needFile(t, staleFixture)
	// On 2025-09-03 the reverse of TestAtText: the treaty holds with its
	// two appearances.
	want := atReport{
		Date:   "2025-09-03",
		Counts: atCounts{Entities: 3, Sources: 5, Claims: 1, ClaimsTotal: 2, Appearances: 2, Derivations: 1},
		Claims: []atClaim{{
			ID:       "russia-dprk-defence-treaty-2024",
			Text:     "Russia and North Korea have a mutual defence treaty, signed by Vladimir Putin and Kim Jong Un in Pyongyang.",
			Validity: "from 2024-06-19, still holds",
		}},
		Live: []atLive{},
		Resolved: []atResolved{{
			From: "china-only-defence-pact", To: "russia-dprk-defence-treaty-2024",
			Earlier: "china-only-defence-pact", Later: "russia-dprk-defence-treaty-2024",
			Boundary: "2024-06-19", LaterFrom: "2024-06-19", Adjacent: true,
		}},
		Lapsed: []atLapsed{},
	}
	out := runOK(t, "at", staleFixture, "2025-09-03", "--json")
	var got atReport
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("%v in:\n%s", err, out)
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(atLive{}, atLapsed{})); diff != "" {
		t.Errorf("JSON (-want +got):\n%s", diff)
	}
	if !strings.Contains(out, `"live": []`) {
		t.Errorf("empty list not printed as []:\n%s", out)
	}
}

// TestAtSeed: on the canonical dataset the "only pact" claim holds on
// 2024-01-01 and the treaty does not, the reverse on 2025-09-03, and
// their contradiction is resolved by time at 2024-06-19.
func TestAtSeed(t *testing.T) {
	chdirRoot(t)
	needKimPutin(t)
	const pact, treaty = "china-only-defence-pact", "russia-dprk-defence-treaty-2024"
	for _, tt := range []struct{ date, holds, gone string }{
		{"2024-01-01", pact, treaty},
		{"2025-09-03", treaty, pact},
	} {
		t.Run(tt.date, func(t *testing.T) {
			var got atReport
			if err := json.Unmarshal([]byte(runOK(t, "at", defaultFile, tt.date, "--json")), &got); err != nil {
				t.Fatal(err)
			}
			ids := map[string]bool{}
			for _, c := range got.Claims {
				ids[c.ID] = true
			}
			if !ids[tt.holds] || ids[tt.gone] {
				t.Errorf("claims holding: %s %v, %s %v", tt.holds, ids[tt.holds], tt.gone, ids[tt.gone])
			}
			if got.Counts.Claims != len(got.Claims) {
				t.Errorf("counts.claims %d, %d listed", got.Counts.Claims, len(got.Claims))
			}
			want := atResolved{From: pact, To: treaty, Earlier: pact, Later: treaty, Boundary: "2024-06-19", LaterFrom: "2024-06-19", Adjacent: true}
			found := false
			for _, r := range got.Resolved {
				found = found || r == want
			}
			if !found {
				t.Errorf("resolved_by_time %+v lacks %+v", got.Resolved, want)
			}
		})
	}
}

func TestAtErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"no date", []string{"at", "x.yaml"}, 2, "want 2 arguments"},
		{"bad date", []string{"at", "x.yaml", "2024-02-30"}, 2, `DATE: invalid date "2024-02-30": February 2024 has 29 days`},
		{"empty date", []string{"at", "x.yaml", ""}, 2, "DATE is empty"},
		{"bad flag", []string{"at", "--nope"}, 2, "flag provided but not defined"},
		{"missing file", []string{"at", "no-such-file.yaml", "2024"}, 1, "no-such-file.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := run(tt.args, &out, &errb); code != tt.code || !strings.Contains(errb.String(), tt.msg) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errb.String(), tt.code, tt.msg)
			}
		})
	}
}
